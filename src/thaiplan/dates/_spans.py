"""What a period may carry besides its days: a time of day, a count of days, a recurrence.

These are the parts of a :class:`~thaiplan.dates.Period` that documents state
beside, or instead of, dates:

- :class:`TimeRange`: the time of day on a day (``เวลา ๐๙.๓๐ – ๑๒.๐๐ น.``);
- :class:`Span`: a number of days, alone (``๑๕ วัน``) or counted from an
  event whose words are kept verbatim (``ภายใน ๑๕ วันนับแต่วันที่ได้รับ``);
- :class:`Recurrence`: a rule of dateutil's :mod:`~dateutil.rrule` (RFC 5545)
  and what each occurrence is (``ภายในวันที่ ๑๕ ของทุกเดือน``).

Each is a frozen attrs record that compares by value, so periods that carry
them compare and hash as the others do.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, Final

import attrs

from thaiplan.errors import ThaiDateError, ThaiDateTypeError

from ._kinds import PeriodKind

if TYPE_CHECKING:
    from dateutil.rrule import rrule

__all__ = ["Bound", "Direction", "Recurrence", "Span", "SpanUnit", "TimeRange"]


def _of(kind: type | tuple[type, ...], expected: str) -> Any:
    """A validator: the value is a ``kind`` (a ThaiDateTypeError that names the field if not)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise ThaiDateTypeError(f"{type(instance).__name__}.{attribute.name}", value, expected)

    return check


def _occurrence_kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in _OCCURRENCE_KINDS:
        kinds = ", ".join(repr(kind.value) for kind in _OCCURRENCE_KINDS)
        raise ThaiDateError(
            f"Recurrence.each is one of {kinds}, not {value!r}",
            text=str(value),
            position=None,
            reason="unknown_kind",
        )


def _times(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise ThaiDateTypeError("Recurrence.times", value, "a whole number or None")


def _check_time(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "end":
        return
    if not isinstance(value, dt.time) or value.tzinfo is not None:
        raise ThaiDateTypeError(f"TimeRange.{attribute.name}", value, "a naive datetime.time")
    if value.second or value.microsecond:
        raise ThaiDateError(
            f"documents state times to the minute, not {value.isoformat()}",
            text=value.isoformat(),
            position=None,
            reason="time_out_of_range",
        )


@attrs.frozen
class TimeRange:
    """A time of day, or a span of the day, on the days of a period.

    ``end`` before ``start`` is a meeting that runs past midnight (``๐๙.๓๐ -
    ๐๐.๓๐ น.``), as real sessions of the House do.

    Attributes:
        start: The time it starts (or the only time given).
        end: The time it ends, or ``None``.
        onward: ``ตั้งแต่เวลา … เป็นต้นไป``: from ``start`` on, with no end.

    >>> TimeRange(dt.time(9, 30), dt.time(12, 0))
    TimeRange(start=datetime.time(9, 30), end=datetime.time(12, 0), onward=False)
    """

    start: dt.time = attrs.field(validator=_check_time)
    end: dt.time | None = attrs.field(default=None, validator=_check_time)
    onward: bool = attrs.field(default=False, validator=_of(bool, "True or False"))

    def __attrs_post_init__(self) -> None:
        if self.onward and self.end is not None:
            raise ThaiDateError(
                "a time from which a period runs on (เป็นต้นไป) has no end time",
                text=f"{self.start}-{self.end}",
                position=None,
                reason="kind_mismatch",
            )


def _missing(cls: type[enum.Enum], value: object) -> Any:
    """The ``_missing_`` of these enums: a thaiplan error that lists the members."""
    allowed = ", ".join(repr(member.value) for member in cls)
    if not isinstance(value, str):
        raise ThaiDateTypeError(cls.__name__, value, f"one of {allowed}")
    raise ThaiDateError(
        f"unknown {cls.__name__}; expected one of {allowed}",
        text=value,
        position=None,
        reason="unknown_kind",
    )


class SpanUnit(enum.StrEnum):
    """What a :class:`Span` counts."""

    #: Calendar days (วัน).
    DAYS = "days"
    #: Government working days (วันทำการ), see :func:`~thaiplan.dates.is_working_day`.
    WORKING_DAYS = "working_days"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return _missing(cls, value)


class Bound(enum.StrEnum):
    """How a :class:`Span`'s count binds."""

    #: Exactly that many, as in ``๑๕ วัน`` or ``ครบ 105 วัน``.
    EXACTLY = "exactly"
    #: At most: ``ภายใน ๑๕ วัน``, ``ไม่เกิน ๑๕ วัน``.
    AT_MOST = "at_most"
    #: At least: ``ไม่น้อยกว่า ๓๐ วัน``, ``อย่างน้อย ๓๐ วัน``.
    AT_LEAST = "at_least"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return _missing(cls, value)


class Direction(enum.StrEnum):
    """On which side of its event a :class:`Span` is counted."""

    #: Counted from the event on: ``นับแต่``, ``นับตั้งแต่``, ``นับจาก``, ``หลัง``.
    AFTER = "after"
    #: Counted back from the event: ``ก่อน``.
    BEFORE = "before"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return _missing(cls, value)


def _check_amount(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ThaiDateTypeError("Span.amount", value, "an int")
    if value < 0:
        raise ThaiDateError(
            f"a count of days cannot be negative, not {value}",
            text=str(value),
            position=None,
            reason="kind_mismatch",
        )


@attrs.frozen
class Span:
    """A number of days, alone or counted from an event.

    A span has no dates of its own. :meth:`~thaiplan.dates.Period.anchored`
    gives the dates once the event's day is known. Days are counted with the
    event's day as day 1, as the Bureau of the Budget counts them: a bill that
    reaches the House on 26 ธันวาคม 2566 reaches the end of its 105 days on
    8 เมษายน 2567.

    Attributes:
        amount: The number of days.
        unit: Calendar days or working days (:class:`SpanUnit`).
        bound: Exactly, at most or at least (:class:`Bound`).
        direction: After or before the event (:class:`Direction`), or
            ``None`` for a duration with no event.
        anchor: The event's words, verbatim (``วันประชุมสภาท้องถิ่น``), or "".
        count_text: The count as written (``๑๕``, ``สิบห้า``), or "" when
            built in code.

    >>> Span(15, SpanUnit.DAYS, Bound.AT_MOST, Direction.AFTER, "วันที่ได้รับ").direction
    <Direction.AFTER: 'after'>
    """

    amount: int = attrs.field(validator=_check_amount)
    unit: SpanUnit = attrs.field(default=SpanUnit.DAYS, converter=SpanUnit)
    bound: Bound = attrs.field(default=Bound.EXACTLY, converter=Bound)
    direction: Direction | None = attrs.field(
        default=None, converter=attrs.converters.optional(Direction)
    )
    anchor: str = attrs.field(default="", validator=_of(str, "text (a str)"))
    count_text: str = attrs.field(default="", eq=False, validator=_of(str, "text (a str)"))

    def __attrs_post_init__(self) -> None:
        if self.anchor != self.anchor.strip():
            raise ThaiDateError(
                "an event's words have no spaces at either end",
                text=self.anchor,
                position=None,
                reason="kind_mismatch",
            )
        if (self.direction is None) != (not self.anchor):
            raise ThaiDateError(
                "a span counted from an event needs both a direction and the event's words",
                text=self.anchor or str(self.amount),
                position=None,
                reason="kind_mismatch",
            )


#: The kinds an occurrence of a :class:`Recurrence` may be.
_OCCURRENCE_KINDS: Final = frozenset(
    (PeriodKind.DAY, PeriodKind.DEADLINE, PeriodKind.MONTH, PeriodKind.QUARTER)
)


@attrs.frozen
class Recurrence:
    """A period that recurs: an RFC 5545 rule and what each occurrence is.

    The rule is kept as text (``FREQ=MONTHLY;BYMONTHDAY=15``), so that
    recurrences compare by value; :meth:`rrule` gives dateutil's rule.

    Attributes:
        rule: The RRULE, without ``DTSTART``.
        each: What each occurrence is: a ``day``, a ``deadline`` on the
            rule's day, the ``month`` or the fiscal ``quarter`` that starts on
            it (a :class:`PeriodKind`).
        times: How many times a year it is stated to happen at least
            (``อย่างน้อยปีละ ๑ ครั้ง``), or ``None``.

    >>> Recurrence("FREQ=MONTHLY;BYMONTHDAY=15", "deadline").rrule(dt.date(2024, 1, 1))[0]
    datetime.datetime(2024, 1, 15, 0, 0)
    """

    rule: str = attrs.field(
        validator=_of(str, "an RRULE as text, such as 'FREQ=MONTHLY;BYMONTHDAY=15'")
    )
    each: PeriodKind = attrs.field(
        default=PeriodKind.DAY,
        converter=PeriodKind,
        validator=_occurrence_kind,
    )
    times: int | None = attrs.field(default=None, validator=_times)

    def rrule(self, dtstart: dt.date) -> rrule:
        """The rule as :class:`dateutil.rrule.rrule`, starting on ``dtstart``."""
        from dateutil.rrule import rrule, rrulestr

        start = dt.datetime(dtstart.year, dtstart.month, dtstart.day)
        rule = rrulestr(self.rule, dtstart=start)
        if not isinstance(rule, rrule):  # one RRULE, never a set
            raise ThaiDateError(
                f"expected one RRULE, not {self.rule!r}",
                text=self.rule,
                position=None,
                reason="unwritable_recurrence",
            )
        return rule
