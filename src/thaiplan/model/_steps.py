"""The planning calendar: phases, steps and the dependencies between them.

A :class:`PlanningCalendar` (ปฏิทิน) is a list of numbered steps (ขั้นตอน) in
phases, each with the period the document states for it (``when``, verbatim,
and ``period``, parsed), the months marked in the document's Gantt table,
the agencies and committees responsible, and the steps it must follow
(``after``, finish-to-start with a lag and, with ``within``, a most) or come
before (``before``). A step may have no date (its bounds come from its
neighbours), may be conditional (``optional``) or an event (``event``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from thaiplan.dates import MONTH_VARIANTS, Period, SpanUnit, parse_period
from thaiplan.dates._text import BE_OFFSET, _normalise
from thaiplan.errors import ModelError, ModelIndexError, ModelTypeError
from thaiplan.model._dependencies import (
    Dependency,
    LagUnit,
    _check_after,
    _check_before,
    _check_duration_text,
    _check_event,
    _duration_span,
    _no_date,
    _to_dependencies,
)
from thaiplan.model._marks import _check_gantt, _gantt_mark
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
    optional_whole,
    strings,
    text,
    to_tuple,
    whole,
)
from thaiplan.model._scope import (
    Recurs,
    Scope,
    _as_of_date,
    _check_calendar_keys,
    _check_recurs,
    _fiscal_year,
    _given_years,
    _recurs,
    _scope,
    fiscal_year_required,
    parse_as_of,
    province_required,
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


def _parse_when(step: Step) -> Period:
    if not isinstance(step.when, str):  # named here, before the parser would name its own argument
        raise ModelTypeError("Step.when", step.when, "the stated period as text (a str)")
    if not step.when:
        return _no_date(1)  # its duration is set in __attrs_post_init__
    if step.year is not None:
        return _read_in(step.when, step.year)
    return parse_period(step.when)


@functools.lru_cache(maxsize=4096)  # the same few texts, step after step; periods are immutable
def _read_in(when: str, year: int) -> Period:
    """``when`` read with ``year`` as the year of its dates written without one."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise ModelTypeError("Step.year", year, "a Buddhist-Era year (an int), or None")
    return parse_period(when, year=year)


@attrs.frozen
class Step:
    """One step of a planning calendar.

    Attributes:
        id: Unique in the calendar; ``after`` refers to it.
        no: Its number in the document.
        phase: The id of its phase.
        title: The Thai title, verbatim.
        when: The stated period as written (``"ภายใน พ.ค. ๖๑"``), or "" for
            a step the document gives no date (the schedule then bounds it by
            the steps around it).
        year: The Buddhist-Era year of the dates ``when`` writes without one
            (keyword only). A calendar gives its steps its ``year`` (or, when
            it is a standing calendar, the year its placement rule gives):
            ``Step(..., "ภายในวันที่ ๑๕ สิงหาคม", year=2566)``. Without it, a
            ``when`` with no year is a missing-year error.
        period: ``when``, read by :func:`~thaiplan.dates.parse_period`. It is
            always worked out from ``when``; pass it only to spare the parsing
            when you have it already, with ``when`` as its ``text`` (a period
            whose text is not ``when`` is read again from ``when``, so that
            ``attrs.evolve(step, when=...)`` gives the new period). A step
            with no ``when`` has a ``duration`` period of its duration, which
            has no dates (:attr:`~thaiplan.dates.Period.has_dates`).
        gantt: The months marked in the document's Gantt table, as written
            (``["เม.ย."]``); the calendar's ``gantt_year`` gives their year.
        responsible: Ids of the agencies and committees responsible.
        after: The steps it follows (finish-to-start).
        duration: Whole days the step takes (default 1); with
            ``duration_text``, the number that text states.
        meetings: How many meetings the step holds (``จัดประชุม ๓ ครั้ง``).
        notes: Free notes.
        corrections: Known corrections of what the document wrote.
        before: The steps it must finish before (finish-to-start, this step
            first): ``before: [{step: s9, lag: 3}]`` finishes at least 3 days
            before ``s9`` starts.
        optional: A conditional step (``กรณี…``): scheduled, but never on a
            critical chain, since it may not happen.
        duration_text: The duration as the document writes it
            (``"ไม่น้อยกว่าสามสิบวัน"``, ``"๑๐ วันทำการ"``), verbatim, or "";
            ``duration`` is then the number it states, and
            :attr:`~thaiplan.Step.duration_unit` what it counts.
        feeds: Steps of other calendars that this step's output feeds, named
            ``calendar:step`` (``budget-2563:r2``, the budget requests a
            province's plans feed): it must finish before each of them is due.
        event: The day something takes effect (an act comes into force), not
            work done that day: a one-day milestone, which may fall on a
            holiday and needs no one responsible.

    >>> step = Step("s1", 1, "area-based", "ข้อมูลปัญหาและความต้องการ", "ภายใน พ.ค. ๖๑")
    >>> step.period.end
    datetime.date(2018, 5, 31)
    >>> Step("s2", 2, "p", "t", duration_text="ไม่น้อยกว่าสามสิบวัน").duration
    30
    """

    id: str = attrs.field(validator=check_id)
    no: int | None = attrs.field(validator=optional_whole(0))
    phase: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=text)
    when: str = attrs.field(default="", validator=text, metadata={"parse": parse_period})
    year: int | None = attrs.field(default=None, kw_only=True, validator=optional_whole(*BE_YEARS))
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
    before: tuple[Dependency, ...] = attrs.field(
        default=(), converter=_to_dependencies, validator=_check_before
    )
    optional: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    duration_text: str = attrs.field(
        default="", validator=_check_duration_text, metadata={"written_as": "duration"}
    )
    feeds: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=check_ids)
    event: bool = attrs.field(default=False, validator=_check_event)

    def __attrs_post_init__(self) -> None:
        if self.duration_text:
            object.__setattr__(self, "duration", _duration_span(self.duration_text).amount)
        if self.year is not None and self.when:
            read = _read_in(self.when, self.year)
            if self.period != read:  # given for another year, or attrs.evolve(step, year=...)
                object.__setattr__(self, "period", read)
        elif self.period.text != self.when:
            object.__setattr__(self, "period", parse_period(self.when))
        elif not self.when:
            undated = _no_date(self.duration, SpanUnit(self.duration_unit.value))
            if self.period != undated:
                object.__setattr__(self, "period", undated)

    @property
    def dated(self) -> bool:
        """Whether the step's ``when`` gives it dates of its own.

        A step with no ``when``, or a ``when`` that is a count of days, a
        period counted from an event, or a recurring one, has none: the
        schedule bounds it by its dependencies (and a recurring one by its
        occurrences).

        >>> Step("s1", 1, "p", "t").dated, Step("s2", 2, "p", "t", "พ.ค. ๖๑").dated
        (False, True)
        """
        return self.period.has_dates

    @property
    def duration_unit(self) -> LagUnit:
        """What ``duration`` counts: calendar days, or working days (``๑๐ วันทำการ``)."""
        if self.duration_text and _duration_span(self.duration_text).unit is SpanUnit.WORKING_DAYS:
            return LagUnit.WORKING_DAYS
        return LagUnit.DAYS

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
        as_of: The calendar's own date as written ("ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑":
            the date of its letter, or of its data), in any notation of
            :func:`~thaiplan.dates.parse_date` or a one-day period; ``""`` when
            it states none. A step with no stated start starts no earlier.
        as_of_date: ``as_of``, read (``None`` without one).
        scope: What the calendar covers (:class:`~thaiplan.Scope`, keyword
            only): ``province`` by default; ``national``, ``cluster``,
            ``district``, ``local``. Only ``province`` and ``district`` need
            ``province``.
        year: The Buddhist-Era year of the dates the steps write without one
            (keyword only), given to every step that has no ``year`` of its own.
        recurs: ``"yearly"`` for a standing calendar, the same dates every
            year (:class:`~thaiplan.Recurs`, keyword only). It may then have
            no ``fiscal_year`` (a template, read in
            fiscal year 2567, a year with 29 February);
            :meth:`for_fiscal_year` makes the calendar of one year.
        id: The calendar's name, by which the steps of other calendars name its
            steps (``budget-2563:s1``); empty when it has none. Built-in calendars
            have their built-in name.

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> len(calendar.steps), calendar.step("s14").period.end
    (15, datetime.date(2018, 9, 30))
    >>> calendar.as_of, calendar.as_of_date
    ('ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑', datetime.date(2018, 4, 4))
    """

    title: str = attrs.field(validator=text)
    province: str = attrs.field(
        default="",
        converter=_province,
        validator=text,
        metadata={"code": True, "required": province_required},
    )
    fiscal_year: int | None = attrs.field(
        default=None, validator=_fiscal_year, metadata={"required": fiscal_year_required}
    )
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
    as_of: str = attrs.field(default="", validator=text, metadata={"parse": parse_as_of})
    as_of_date: dt.date | None = attrs.field(
        init=False,
        default=attrs.Factory(_as_of_date, takes_self=True),
        eq=False,
        metadata={"derived": True},
    )
    scope: Scope = attrs.field(
        default=Scope.PROVINCE, converter=_scope, validator=member_of(Scope), kw_only=True
    )
    year: int | None = attrs.field(default=None, validator=optional_whole(*BE_YEARS), kw_only=True)
    recurs: Recurs | None = attrs.field(
        default=None, converter=_recurs, validator=_check_recurs, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        _check_calendar_keys(self)
        object.__setattr__(self, "steps", _given_years(self))

    def for_fiscal_year(self, fiscal_year: int) -> PlanningCalendar:
        """The calendar of fiscal year N of a standing yearly calendar (``recurs: yearly``).

        Dates written without a year are placed by the rule of the design page
        (the calendar is one yearly cycle whose last step falls in fiscal year
        N); a calendar that is not a standing one is returned for its own year.

        Raises:
            ModelTypeError: ``fiscal_year`` is not an int.
            ModelError: It is not a BE year, or the calendar is not a standing
                one and prepares another year (:func:`~thaiplan.shift` moves it).
        """
        from thaiplan.model._scope import for_fiscal_year

        return for_fiscal_year(self, fiscal_year)

    @property
    def is_template(self) -> bool:
        """Whether the calendar is a standing yearly one given no fiscal year (a template)."""
        return self.recurs is not None and self.fiscal_year is None

    id: str = attrs.field(default="", validator=text)

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

    def __getitem__(self, index: int) -> Step:
        """The step at ``index`` in the calendar's order (``calendar[0]`` is the first).

        Raises:
            ModelTypeError: ``index`` is not an int (use :meth:`step` for an id).
            ModelIndexError: There is no step at that place.
        """
        if isinstance(index, bool) or not isinstance(index, int):
            raise ModelTypeError(
                "calendar[index]",
                index,
                "an int, the place of a step",
                hint=f"use calendar.step({index!r}) to find a step by its id",
            )
        try:
            return self.steps[index]
        except IndexError:
            raise ModelIndexError(
                f"the calendar has {len(self.steps)} steps; there is no step at place {index}"
            ) from None

    def __contains__(self, item: object) -> bool:
        """Whether a step of that id (or that step) is in the calendar: ``"s1" in calendar``."""
        if isinstance(item, Step):
            return item in self.steps
        return any(step.id == item for step in self.steps)

    def phase(self, phase_id: str) -> Phase:
        """The phase with id ``phase_id``.

        Raises:
            ModelError: No phase has that id; the message lists the ids there are.
        """
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        known = ", ".join(phase.id for phase in self.phases) or "none"
        raise ModelError(f"no phase {phase_id!r} in the calendar; its phases are: {known}")

    def plan(self, plan_id: str) -> Plan:
        """The plan with id ``plan_id``, among the plans the calendar knows.

        Raises:
            ModelError: No plan has that id; the message lists the ids there are.
        """
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        known = ", ".join(plan.id for plan in self.plans) or "none"
        raise ModelError(f"no plan {plan_id!r} in the calendar; its plans are: {known}")

    def steps_for(self, party_id: str) -> tuple[Step, ...]:
        """The steps an agency or committee takes part in, groups expanded.

        A group is an agency or committee with ``members`` (อำเภอทุกอำเภอ and
        its districts). The steps of a group are those it is responsible for
        and those of any of its members; the steps of a member include those of
        every group it belongs to, however deep.

        Raises:
            ModelError: No agency or committee has that id.

        >>> import thaiplan
        >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
        >>> [s.id for s in calendar.steps_for("district-ban-phaeo")]  # through all-districts
        ['s2', 's3', 's6', 's7', 's9']
        """
        parties: tuple[Agency | Committee, ...] = (*self.agencies, *self.committees)
        if self.party(party_id) is None:
            known = ", ".join(p.id for p in parties)
            raise ModelError(f"no agency or committee {party_id!r}; the calendar has: {known}")
        members: dict[str, tuple[str, ...]] = {p.id: p.members for p in parties if p.members}
        groups: dict[str, list[str]] = {}
        for group, inside in members.items():
            for member in inside:
                groups.setdefault(member, []).append(group)
        wanted = {party_id}
        for links in (members, groups):  # down to the members, then up to the groups
            todo = [party_id]
            while todo:
                for other in links.get(todo.pop(), ()):
                    if other not in wanted:
                        wanted.add(other)
                        todo.append(other)
        return tuple(step for step in self.steps if wanted.intersection(step.responsible))

    def with_step(self, step: Step, *, before: str | None = None) -> PlanningCalendar:
        """A copy with ``step`` added, or put in place of the step of the same id.

        A new step goes at the end, or just before the step ``before``.

        Raises:
            ModelError: ``before`` names no step of the calendar.
        """
        if not isinstance(step, Step):
            raise ModelTypeError("with_step(step)", step, "a Step")
        if any(s.id == step.id for s in self.steps):
            return attrs.evolve(self, steps=[step if s.id == step.id else s for s in self.steps])
        if before is None:
            return attrs.evolve(self, steps=[*self.steps, step])
        place = next((k for k, s in enumerate(self.steps) if s.id == before), None)
        if place is None:
            self.step(before)  # raises, listing the steps
        steps = list(self.steps)
        steps.insert(place or 0, step)
        return attrs.evolve(self, steps=steps)

    def without_step(self, step_id: str) -> PlanningCalendar:
        """A copy without the step ``step_id``, and without the dependencies on it (``after`` and ``before``).

        Raises:
            ModelError: No step has that id.
        """
        self.step(step_id)  # raises, listing the steps
        kept = []
        for step in self.steps:
            if step.id == step_id:
                continue
            if any(d.step == step_id for d in step.after):
                step = attrs.evolve(step, after=[d for d in step.after if d.step != step_id])
            if any(d.step == step_id for d in step.before):
                step = attrs.evolve(step, before=[d for d in step.before if d.step != step_id])
            kept.append(step)
        return attrs.evolve(self, steps=kept)

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
        dated = [step.period for step in self.steps if step.period.has_dates]
        days = [period.start or period.end for period in dated]
        days += [period.end for period in dated]
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
