"""The dependencies between steps, and the counts of days a step's keys may be written in.

A :class:`Dependency` is finish-to-start: the dependent step starts no earlier
than the day after the other finishes, plus a lag; ``within`` bounds the gap
from above (the dependent step finishes no later than so many days after the
other). In a step's ``before`` the roles are reversed. The semantics, and how
the schedule keeps them, are in :mod:`thaiplan.scheduling._passes`.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from thaiplan.dates import Period, PeriodKind, Span, SpanUnit, parse_period
from thaiplan.errors import ModelError, ThaiDateError
from thaiplan.model._records import (
    check_id,
    field_name,
    flag,
    items_of,
    member_of,
    missing_member,
    optional_whole,
    text,
    to_member,
    to_tuple,
    whole,
)

__all__ = ["Dependency", "LagUnit"]


class LagUnit(enum.StrEnum):
    """What a dependency's lag counts."""

    DAYS = "days"  #: calendar days
    WORKING_DAYS = "working_days"  #: Thai government working days

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


def _lag_unit(value: LagUnit | str) -> LagUnit:
    converted: LagUnit = to_member(LagUnit, value)
    return converted


@attrs.frozen(repr=False)
class Dependency:
    """Step ``step`` must finish before the dependent step starts (finish-to-start).

    With lag L, the dependent step starts no earlier than the day after
    ``step`` finishes plus L days (or L working days). With ``within`` M,
    it also finishes no later than M days (or M working days) after ``step``
    finishes: the most gap, where the lag is the least.

    In a step's ``before`` the direction is reversed: the step finishes at
    least L days before ``step`` starts (``ไม่น้อยกว่า ๓ วันก่อนวันประชุม``);
    ``within`` is for ``after`` only.

    Attributes:
        step: The id of the other step (the one that comes first, in ``after``).
        lag: Days between them (0: the next day).
        unit: Whether the lag and ``within`` count calendar days or working days.
        reason: Why the order holds, in a sentence (the planning logic).
        within: The most days after ``step`` finishes that the dependent
            step may finish, or ``None`` for no most.

    >>> Dependency("s3", lag=5, unit="working_days").unit
    <LagUnit.WORKING_DAYS: 'working_days'>
    >>> Dependency("s3", within=15).within
    15
    """

    step: str = attrs.field(validator=check_id)
    lag: int = attrs.field(default=0, validator=whole(0))
    unit: LagUnit = attrs.field(
        default=LagUnit.DAYS, converter=_lag_unit, validator=member_of(LagUnit)
    )
    reason: str = attrs.field(default="", validator=text)
    within: int | None = attrs.field(default=None, validator=optional_whole(0))

    def __repr__(self) -> str:
        # as attrs writes it, with `within` only when there is one (as before it existed)
        shown = f", within={self.within!r}" if self.within is not None else ""
        return (
            f"Dependency(step={self.step!r}, lag={self.lag!r}, unit={self.unit!r},"
            f" reason={self.reason!r}{shown})"
        )


def _to_dependencies(items: Iterable[str | Dependency] | str) -> tuple[Dependency, ...]:
    """Accept bare step ids beside Dependency objects; leave anything else for the validator."""
    if isinstance(items, str):
        items = (items,)
    converted: Any = to_tuple(items)
    if not isinstance(converted, tuple):
        return converted  # type: ignore[no-any-return]  # not a list: for the validator
    return tuple(Dependency(item) if isinstance(item, str) else item for item in converted)


def _check_after(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    items_of(Dependency, "a step id (a str) or a Dependency")(instance, attribute, value)


def _check_before(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    items_of(Dependency, "a step id (a str) or a Dependency")(instance, attribute, value)
    assert isinstance(value, tuple)
    for index, dependency in enumerate(value):
        if dependency.within is not None:
            raise ModelError(
                f"{field_name(instance, attribute)}[{index}] ({dependency.step!r}) has a"
                " `within`, which only a dependency in `after` has: write the most gap on"
                f" the later step, as after: [{{step: {instance.id}, within: ...}}] of"
                f" {dependency.step!r}"
            )


def _check_duration_text(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    text(instance, attribute, value)
    if value:
        assert isinstance(value, str)
        _duration_span(value, field_name(instance, attribute))


def _check_event(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """An event (``event: true``) is a bool, and takes one day: something takes effect, no work."""
    flag(instance, attribute, value)
    if value and (instance.duration != 1 or instance.duration_text):
        takes = instance.duration_text or f"{instance.duration} days"
        raise ModelError(
            f"step {instance.id!r} is an event (event: true), the day something takes effect,"
            f" but its duration is {takes!r}: an event takes no time; drop its duration,"
            " or drop event: true for work that takes days"
        )


@functools.lru_cache(maxsize=256)  # durations repeat; the result is immutable
def _duration_span(written: str, where: str = "Step.duration") -> Span:
    """The count of days of a duration written as text (``ไม่น้อยกว่าสามสิบวัน``).

    Raises:
        ModelError: The text is not a duration, or counts no day.
    """
    try:
        period = parse_period(written)
    except ThaiDateError as error:
        raise ModelError(f"{where} {written!r} cannot be read: {error}") from None
    span = period.span
    if period.kind is not PeriodKind.DURATION or span is None:
        raise ModelError(
            f"{where} must be a whole number of days or a count of days as the document"
            f" writes it (๑๕ วัน, ไม่น้อยกว่าสามสิบวัน, ๑๐ วันทำการ), not {written!r}"
            f", which is a {period.kind.value} period"
        )
    if span.amount < 1:
        raise ModelError(f"{where} {written!r} counts no day; a step takes at least one")
    return span


def _no_date(duration: int, unit: SpanUnit = SpanUnit.DAYS) -> Period:
    """The period of a step with no ``when``: its duration, and no dates."""
    return Period(PeriodKind.DURATION, None, None, "", span=Span(duration, unit))
