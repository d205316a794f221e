"""The planning calendar: phases, steps and the dependencies between them.

A :class:`PlanningCalendar` (ปฏิทิน) is a list of numbered steps (ขั้นตอน) in
phases, each with the period the document states for it (``when``, verbatim,
and ``period``, parsed), the months marked in the document's Gantt table,
the agencies and committees responsible, and the steps it must follow
(``after``, finish-to-start with a lag).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from thaiplan.dates import MONTH_VARIANTS, Period, parse_period
from thaiplan.dates._diagnose import _suggest_month
from thaiplan.dates._text import BE_OFFSET, _normalise
from thaiplan.errors import ModelError, ModelTypeError, ThaiDateError
from thaiplan.model._organisations import Agency, Committee
from thaiplan.model._plans import Plan
from thaiplan.model._records import (
    BE_YEARS,
    Correction,
    check_corrections,
    check_id,
    check_ids,
    corrections,
    field_name,
    items_of,
    member_of,
    missing_member,
    non_empty_text,
    optional_whole,
    strings,
    text,
    texts,
    to_member,
    to_tuple,
    whole,
)

if TYPE_CHECKING:
    import pandas

__all__ = ["Dependency", "LagUnit", "Phase", "PlanningCalendar", "Step"]


def _agencys(items: Iterable[Agency]) -> tuple[Agency, ...]:
    converted: tuple[Agency, ...] = to_tuple(items)
    return converted


def _committees(items: Iterable[Committee]) -> tuple[Committee, ...]:
    converted: tuple[Committee, ...] = to_tuple(items)
    return converted


def _phases(items: Iterable[Phase]) -> tuple[Phase, ...]:
    converted: tuple[Phase, ...] = to_tuple(items)
    return converted


def _plans(items: Iterable[Plan]) -> tuple[Plan, ...]:
    converted: tuple[Plan, ...] = to_tuple(items)
    return converted


def _steps(items: Iterable[Step]) -> tuple[Step, ...]:
    converted: tuple[Step, ...] = to_tuple(items)
    return converted


def _province(value: str | int) -> str:
    # An official code may be given as a number (74); a bool is not one.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    kept: str = value  # type: ignore[assignment]  # a bool, or not text: for the validator
    return kept


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


@attrs.frozen
class Dependency:
    """Step ``step`` must finish before the dependent step starts (finish-to-start).

    With lag L, the dependent step starts no earlier than the day after
    ``step`` finishes plus L days (or L working days).

    Attributes:
        step: The id of the step that comes first.
        lag: Days between them (0: the next day).
        unit: Whether the lag counts calendar days or working days.
        reason: Why the order holds, in a sentence (the planning logic).

    >>> Dependency("s3", lag=5, unit="working_days").unit
    <LagUnit.WORKING_DAYS: 'working_days'>
    """

    step: str = attrs.field(validator=check_id)
    lag: int = attrs.field(default=0, validator=whole(0))
    unit: LagUnit = attrs.field(
        default=LagUnit.DAYS, converter=_lag_unit, validator=member_of(LagUnit)
    )
    reason: str = attrs.field(default="", validator=text)


def _to_dependencies(items: Iterable[str | Dependency] | str) -> tuple[Dependency, ...]:
    """Accept bare step ids beside Dependency objects; leave anything else for the validator."""
    if isinstance(items, str):
        items = (items,)
    converted: Any = to_tuple(items)
    if not isinstance(converted, tuple):
        return converted  # type: ignore[no-any-return]  # not a list: for the validator
    return tuple(Dependency(item) if isinstance(item, str) else item for item in converted)


def _check_after(instance: Step, attribute: attrs.Attribute[Any], value: object) -> None:
    items_of(Dependency, "a step id (a str) or a Dependency")(instance, attribute, value)


def _check_period(instance: Step, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Period):
        raise ModelTypeError(
            field_name(instance, attribute), value, "a Period (read from `when`), or left out"
        )


@attrs.frozen
class Phase:
    """A phase of the calendar (Area Based, Mechanism Setting, ...).

    Attributes:
        id: The identifier steps use.
        title: The title as written.
        title_th: A Thai title, where the document gives one.

    >>> Phase("area-based", "Area Based").title
    'Area Based'
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=text)
    title_th: str = attrs.field(default="", validator=text)


@functools.lru_cache(maxsize=1024)  # marks repeat from step to step; the result is a tuple
def _gantt_mark(mark: str) -> tuple[tuple[int, int], ...] | None:
    """Check a Gantt mark: a month (เม.ย.), or a month with its year (ต.ค. ๖๑).

    Returns the months of a mark with its year, ``None`` for a bare month.

    Raises:
        ThaiDateError: The mark is neither.
    """
    text = _normalise(mark)
    if text in MONTH_VARIANTS:
        return None
    if not re.search("[0-9๐-๙]", text):
        raise ThaiDateError(
            f"unknown month {text!r} in a Gantt mark",
            text=mark,
            position=0,
            reason="unknown_month",
            hint=_suggest_month(text),
        )
    return tuple(parse_period(mark).iter_months())


def _parse_when(step: Step) -> Period:
    if not isinstance(step.when, str):  # named here, before the parser would name its own argument
        raise ModelTypeError("Step.when", step.when, "the stated period as text (a str)")
    return parse_period(step.when)


def _check_gantt(instance: Step, attribute: attrs.Attribute[Any], value: object) -> None:
    texts(instance, attribute, value)
    assert isinstance(value, tuple)
    for index, mark in enumerate(value):
        try:
            _gantt_mark(mark)
        except ThaiDateError as error:
            raise ModelError(
                f"Step.gantt[{index}] must be a month (เม.ย.) or a month and its year"
                f" (ต.ค. ๖๑): {error}"
            ) from None


@attrs.frozen
class Step:
    """One step of a planning calendar.

    Attributes:
        id: Unique in the calendar; ``after`` refers to it.
        no: Its number in the document.
        phase: The id of its phase.
        title: The Thai title, verbatim.
        when: The stated period as written (``"ภายใน พ.ค. ๖๑"``).
        period: ``when``, read by :func:`~thaiplan.dates.parse_period`. It is
            always worked out from ``when``; pass it only to spare the parsing
            when you have it already, with ``when`` as its ``text`` (a period
            whose text is not ``when`` is read again from ``when``, so that
            ``attrs.evolve(step, when=...)`` gives the new period).
        gantt: The months marked in the document's Gantt table, as written
            (``["เม.ย."]``); the calendar's ``gantt_year`` gives their year.
        responsible: Ids of the agencies and committees responsible.
        after: The steps it follows (finish-to-start).
        duration: Whole days the step takes (default 1).
        meetings: How many meetings the step holds (``จัดประชุม ๓ ครั้ง``).
        notes: Free notes.
        corrections: Known corrections of what the document wrote.

    >>> step = Step("s1", 1, "area-based", "ข้อมูลปัญหาและความต้องการ", "ภายใน พ.ค. ๖๑")
    >>> step.period.end
    datetime.date(2018, 5, 31)
    """

    id: str = attrs.field(validator=check_id)
    no: int | None = attrs.field(validator=optional_whole(0))
    phase: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=text)
    when: str = attrs.field(validator=text, metadata={"parse": parse_period})
    period: Period = attrs.field(
        default=attrs.Factory(_parse_when, takes_self=True),
        validator=_check_period,
        metadata={"derived": True},
    )
    gantt: tuple[str, ...] = attrs.field(
        default=(), converter=strings, validator=_check_gantt, metadata={"parse_items": _gantt_mark}
    )
    responsible: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=check_ids)
    after: tuple[Dependency, ...] = attrs.field(
        default=(), converter=_to_dependencies, validator=_check_after
    )
    duration: int = attrs.field(default=1, validator=whole(1))
    meetings: int | None = attrs.field(default=None, validator=optional_whole(1))
    notes: str = attrs.field(default="", validator=text)
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )

    def __attrs_post_init__(self) -> None:
        if self.period.text != self.when:
            object.__setattr__(self, "period", parse_period(self.when))

    def _repr_html_(self) -> str:
        from thaiplan.io._notebook import step_html

        return step_html(self)

    def gantt_months(self, year: int) -> tuple[tuple[int, int], ...]:
        """The Gantt marks as ``(CE year, month)`` pairs; ``year`` is the table's BE year.

        A mark may carry its own year (``"ต.ค. ๖๑"``); a bare month takes ``year``.

        >>> Step("s1", 1, "p", "t", "พ.ค. ๖๑", gantt=["เม.ย."]).gantt_months(2561)
        ((2018, 4),)
        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise ModelTypeError("Step.gantt_months(year)", year, "a Buddhist-Era year (an int)")
        months: list[tuple[int, int]] = []
        for mark in self.gantt:
            own = _gantt_mark(mark)
            if own is None:
                months.append((year - BE_OFFSET, MONTH_VARIANTS[_normalise(mark)]))
            else:
                months.extend(own)
        return tuple(months)


@attrs.frozen
class PlanningCalendar:
    """A planning calendar: its phases and numbered steps, and who is involved.

    Attributes:
        title: The title as written.
        province: The province, by Thai name or official code.
        fiscal_year: The Buddhist-Era fiscal year the calendar prepares.
        phases: The phases, in order.
        steps: The steps, in order.
        agencies: The agencies the steps refer to.
        committees: The committees the steps refer to.
        plans: The plans the calendar produces or reviews.
        gantt_year: The Buddhist-Era year of the Gantt table's months.
        source: Where the calendar comes from (a document, a file).
        notes: Free notes.
        corrections: Known corrections of what the document wrote.

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> len(calendar.steps), calendar.step("s14").period.end
    (15, datetime.date(2018, 9, 30))
    """

    title: str = attrs.field(validator=text)
    province: str = attrs.field(
        converter=_province, validator=non_empty_text, metadata={"code": True}
    )
    fiscal_year: int = attrs.field(validator=whole(*BE_YEARS))
    phases: tuple[Phase, ...] = attrs.field(
        default=(), converter=_phases, validator=items_of(Phase, "a Phase")
    )
    steps: tuple[Step, ...] = attrs.field(
        default=(), converter=_steps, validator=items_of(Step, "a Step")
    )
    agencies: tuple[Agency, ...] = attrs.field(
        default=(), converter=_agencys, validator=items_of(Agency, "an Agency")
    )
    committees: tuple[Committee, ...] = attrs.field(
        default=(), converter=_committees, validator=items_of(Committee, "a Committee")
    )
    plans: tuple[Plan, ...] = attrs.field(
        default=(), converter=_plans, validator=items_of(Plan, "a Plan")
    )
    gantt_year: int | None = attrs.field(default=None, validator=optional_whole(*BE_YEARS))
    source: str = attrs.field(default="", validator=text)
    notes: str = attrs.field(default="", validator=text)
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )

    def step(self, step_id: str) -> Step:
        """The step with id ``step_id``.

        Raises:
            ModelError: No step has that id; the message lists the ids there are.
        """
        for step in self.steps:
            if step.id == step_id:
                return step
        known = ", ".join(step.id for step in self.steps)
        raise ModelError(f"no step {step_id!r} in the calendar; its steps are: {known}")

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def steps_in(self, phase_id: str) -> tuple[Step, ...]:
        """The steps of one phase, in order."""
        return tuple(step for step in self.steps if step.phase == phase_id)

    def party(self, party_id: str) -> Agency | Committee | None:
        """The agency or committee with id ``party_id``, or ``None``."""
        parties: tuple[Agency | Committee, ...] = (*self.agencies, *self.committees)
        for party in parties:
            if party.id == party_id:
                return party
        return None

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day any step's stated period touches, or ``None``."""
        days = [step.period.start or step.period.end for step in self.steps]
        days += [step.period.end for step in self.steps]
        return (min(days), max(days)) if days else None

    def to_dataframe(self) -> pandas.DataFrame:
        """The steps as a pandas DataFrame, one row a step.

        Raises:
            ModelError: pandas is not installed (``pip install 'thaiplan[pandas]'``).
        """
        from thaiplan.io._notebook import calendar_dataframe

        return calendar_dataframe(self)

    def _repr_html_(self) -> str:
        from thaiplan.io._gantt import gantt_table

        return gantt_table(self)
