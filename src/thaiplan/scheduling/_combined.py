"""Several calendars scheduled together: a province's calendar inside the national budget calendar.

Theory of operation
-------------------
A step may follow (``after``) or feed (``feeds``) a step of another calendar,
named ``calendar:step``: ``budget-2563:s1`` is step ``s1`` of the calendar
whose name is ``budget-2563``. A calendar's name is its ``id`` (a built-in
calendar's id is its built-in name), or the name it is given under
(``{"budget.yaml": calendar}``, as ``thaiplan ... --with budget.yaml`` gives
the path written on the command line). A reference is read as another
calendar's only when it is not a step id of its own calendar and has a colon
with text on both sides; it is split at the last colon, so that a path
with colons in it (``C:/budget.yaml:s1``) names its calendar whole.

:func:`combine` makes one calendar of several, and :func:`schedule_together`
hands it to the passes of :mod:`thaiplan.scheduling._passes`, unchanged:

1. **Names.** The first calendar (the *primary*, whose findings and exports
   one asks for) keeps its step ids; the steps of every other calendar become
   ``name:id`` (its phases and parties too), and their own ``after`` is
   qualified the same way. References to a calendar by another of its names
   (its path, its id) are rewritten to the one name it is combined under.
2. **References.** Every reference must name a calendar given and a step it
   has; one that does not raises :class:`~thaiplan.errors.CalendarReferenceError`,
   naming the step, the reference and the fix (give that calendar:
   ``--with NAME``).
3. **First days.** Scheduled alone, a step with neither a stated start nor a
   step before it starts no earlier than its calendar's first day (its
   ``as_of``, else the earliest start a step of it states), or is open when
   that calendar has no ``as_of`` and the step's stated end comes before the
   first day. Together, each step is given the same floor, from its own
   calendar's first day (``first_day_floors`` of each calendar, handed to the
   passes as one list), and the schedule explains it by that calendar's first
   day, as alone. With no edge between the calendars every step keeps exactly
   the bounds it has alone; an edge between them only adds a constraint, so it
   never loosens a bound (both are tested with hypothesis).
4. **Passes.** The combined calendar goes through the passes as one calendar:
   the cost is that of one calendar of all the steps. A single calendar is
   scheduled as before: nothing of this module runs for it.

``feeds`` is not an order of the schedule: the step must be finished before
the fed step is due (its stated end), which the cross-calendar rules check
(``checks/rules/cross.py``). The design page's section on calendars
scheduled together says the same for users.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

import attrs

from thaiplan.errors import CalendarReferenceError, ModelError, ThaiplanTypeError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._organisations import Agency, Committee
from thaiplan.model._steps import PlanningCalendar, Step
from thaiplan.scheduling._schedule import Schedule
from thaiplan.scheduling._source import calendar_and_document

__all__ = [
    "check_reference",
    "combine",
    "cross_references",
    "named_calendars",
    "schedule_together",
    "split_reference",
    "without_cross_references",
]

_Party = TypeVar("_Party", Agency, Committee)

#: What may be given as the other calendars: calendars (named by their ids) or a mapping of names.
Others = Sequence[PlanningCalendar | PlanningDocument] | Mapping[str, PlanningCalendar]


def split_reference(reference: str) -> tuple[str, str] | None:
    """``(calendar, step)`` of a reference to another calendar's step, or ``None``.

    The reference is split at its last colon; both sides must be non-empty.

    >>> split_reference("budget-2563:s1"), split_reference("s1"), split_reference(":s1")
    (('budget-2563', 's1'), None, None)
    """
    name, colon, step = reference.rpartition(":")
    if not colon or not name or not step:
        return None
    return name, step


def cross_references(calendar: PlanningCalendar) -> Iterator[tuple[Step, str, str, str, str]]:
    """Every reference of ``calendar``'s steps to another calendar's step.

    Yields ``(step, "after" or "feeds", reference, calendar name, step id)``.
    A reference that is a step id of ``calendar`` itself is its own step, not
    another calendar's.
    """
    own: set[str] | None = None
    for step in calendar.steps:
        if not step.feeds and not any(":" in d.step for d in step.after):
            continue
        if own is None:
            own = {s.id for s in calendar.steps}
        for kind, references in (
            ("after", [d.step for d in step.after]),
            ("feeds", list(step.feeds)),
        ):
            for reference in references:
                parts = None if reference in own else split_reference(reference)
                if parts is not None:
                    yield step, kind, reference, parts[0], parts[1]


def without_cross_references(calendar: PlanningCalendar) -> PlanningCalendar:
    """``calendar`` without its dependencies on other calendars' steps (to schedule it alone).

    The calendar itself is returned when it has none.
    """
    crossing = {step.id for step, kind, *_ in cross_references(calendar) if kind == "after"}
    if not crossing:
        return calendar
    own = {s.id for s in calendar.steps}
    steps = [
        attrs.evolve(
            step,
            after=[d for d in step.after if d.step in own or split_reference(d.step) is None],
        )
        if step.id in crossing
        else step
        for step in calendar.steps
    ]
    return attrs.evolve(calendar, steps=steps)


def named_calendars(
    others: object, argument: str = "with_calendars"
) -> dict[str, PlanningCalendar]:
    """The other calendars by every name a reference may use: the name given, and the calendar's id.

    Raises:
        ThaiplanTypeError: ``others`` holds something that is not a calendar.
        ModelError: A calendar given without a name has no ``id``, or two
            calendars have the same name.
    """
    pairs: list[tuple[str, PlanningCalendar]] = []
    if isinstance(others, Mapping):
        for name, calendar in others.items():
            if not isinstance(name, str) or not name:
                raise ThaiplanTypeError(f"{argument} (a name)", name, "the calendar's name (a str)")
            pairs.append((name, _calendar_of(calendar, argument)))
    elif isinstance(others, str | bytes) or not isinstance(others, Sequence):
        raise ThaiplanTypeError(
            argument,
            others,
            "a list of calendars, or a mapping of names to calendars",
            hint=(
                f"load it first: {argument}=[thaiplan.load_calendar({others!r})]"
                if isinstance(others, str)
                else None
            ),
        )
    else:
        for item in others:
            calendar = _calendar_of(item, argument)
            name = calendar.id or (item.id if isinstance(item, PlanningDocument) else "")
            if not name:
                raise ModelError(
                    f"{argument}: the calendar {calendar.title!r} has no id, so its steps cannot"
                    " be named: give it one (id: in its file, or attrs.evolve(calendar, id=...)),"
                    " or pass {name: calendar}"
                )
            pairs.append((name, calendar))
    names: dict[str, PlanningCalendar] = {}
    for name, calendar in pairs:
        for alias in dict.fromkeys((name, calendar.id) if calendar.id else (name,)):
            if alias in names and names[alias] is not calendar:
                raise ModelError(
                    f"{argument}: two calendars are named {alias!r}; give each its own name"
                )
            names[alias] = calendar
    return names


def _members(
    primary: PlanningCalendar, names: Mapping[str, PlanningCalendar]
) -> list[tuple[str, PlanningCalendar]]:
    """Each calendar once, by identity, with the name it is combined under ("" for the primary)."""
    members: dict[int, tuple[str, PlanningCalendar]] = {id(primary): ("", primary)}
    for name, calendar in names.items():
        members.setdefault(id(calendar), (name, calendar))
    return list(members.values())


def _calendar_of(item: object, argument: str) -> PlanningCalendar:
    calendar, _ = calendar_and_document(argument, item, argument)
    return calendar


def _unknown_calendar(step: Step, reference: str, name: str, known: Iterable[str]) -> str:
    given = ", ".join(sorted(known)) or "none"
    return (
        f"step {step.id!r} names {reference!r}, a step of the calendar {name!r}, which was not"
        f" given (calendars given: {given}); give it: thaiplan ... --with {name},"
        f" or schedule([calendar, thaiplan.load_calendar({name!r})]),"
        f" or validate(calendar, with_calendars=[thaiplan.load_calendar({name!r})])"
    )


def _unknown_step(step: Step, reference: str, name: str, other: PlanningCalendar) -> str:
    wanted = reference.rpartition(":")[2]
    ids = [s.id for s in other.steps]
    close = difflib.get_close_matches(wanted, ids, n=1)
    hint = f"; did you mean '{name}:{close[0]}'?" if close else ""
    return (
        f"step {step.id!r} names {reference!r}, but the calendar {name!r} has no step"
        f" {wanted!r} (its steps: {', '.join(ids) or 'none'}){hint}"
    )


def check_reference(
    step: Step, reference: str, name: str, wanted: str, names: Mapping[str, PlanningCalendar]
) -> PlanningCalendar:
    """The calendar a reference names, checked to have the step.

    Raises:
        CalendarReferenceError: The calendar was not given, or has no such step.
    """
    other = names.get(name)
    if other is None:
        raise CalendarReferenceError(
            step.id, reference, name, tuple(names), _unknown_calendar(step, reference, name, names)
        )
    if wanted not in other:
        raise CalendarReferenceError(
            step.id,
            reference,
            name,
            tuple(s.id for s in other.steps),
            _unknown_step(step, reference, name, other),
        )
    return other


def combine(
    primary: PlanningCalendar, others: Others, *, argument: str = "with_calendars"
) -> PlanningCalendar:
    """One calendar of ``primary`` and ``others``: primary's ids as they are, the others' qualified.

    The others' steps, phases, agencies and committees get the ids
    ``name:id``; every reference between the calendars is rewritten to the
    one name each calendar is combined under. The combined calendar has the
    primary's title, province and fiscal year.

    Raises:
        CalendarReferenceError: A step names a calendar not given, or a step it does not have.
        ThaiplanTypeError: ``others`` holds something that is not a calendar.
        ModelError: A calendar of ``others`` has no name, or two share one.

    >>> import thaiplan
    >>> budget = thaiplan.load_calendar("budget-2563")
    >>> step = thaiplan.Step("a", 1, "p", "ส่งแผน", "ต.ค. ๖๑", after=["budget-2563:s1"])
    >>> calendar = thaiplan.PlanningCalendar("ปฏิทิน", "สมุทรสาคร", 2563, steps=[step])
    >>> [s.id for s in combine(calendar, [budget])][:3]
    ['a', 'budget-2563:s1', 'budget-2563:s2']
    """
    names = named_calendars(others, argument)
    if primary.id:
        names.setdefault(primary.id, primary)
    members = _members(primary, names)
    canonical = {id(calendar): prefix for prefix, calendar in members}
    steps: list[Step] = []
    phases = list(primary.phases)
    agencies = list(primary.agencies)
    committees = list(primary.committees)
    for prefix, calendar in members:
        own = {s.id for s in calendar.steps}
        steps.extend(
            _qualified_step(step, prefix, own, names, canonical) for step in calendar.steps
        )
        if prefix:
            phases += [attrs.evolve(p, id=f"{prefix}:{p.id}") for p in calendar.phases]
            agencies += [_qualified_party(a, prefix) for a in calendar.agencies]
            committees += [_qualified_party(c, prefix) for c in calendar.committees]
    return attrs.evolve(
        primary, steps=steps, phases=phases, agencies=agencies, committees=committees
    )


def _qualified_step(
    step: Step,
    prefix: str,
    own: set[str],
    names: Mapping[str, PlanningCalendar],
    canonical: Mapping[int, str],
) -> Step:
    def target(reference: str) -> str:
        if reference in own:
            return f"{prefix}:{reference}" if prefix else reference
        parts = split_reference(reference)
        if parts is None:
            return reference  # a step of its own calendar that does not exist: the passes say so
        name, wanted = parts
        other = check_reference(step, reference, name, wanted, names)
        other_prefix = canonical[id(other)]
        return f"{other_prefix}:{wanted}" if other_prefix else wanted

    if not prefix and not step.feeds and all(":" not in d.step for d in step.after):
        return step  # a primary step that names no other calendar: as it is
    targets = [target(d.step) for d in step.after]
    feeds = [target(reference) for reference in step.feeds]
    if (
        not prefix
        and feeds == list(step.feeds)
        and all(t == d.step for t, d in zip(targets, step.after, strict=True))
    ):
        return step  # the primary's step as it is: the common case, with nothing made
    after = [
        d if t == d.step else attrs.evolve(d, step=t)
        for t, d in zip(targets, step.after, strict=True)
    ]
    if not prefix:
        return attrs.evolve(step, after=after, feeds=feeds, period=step.period)
    return attrs.evolve(
        step,
        id=f"{prefix}:{step.id}",
        phase=f"{prefix}:{step.phase}",
        responsible=[f"{prefix}:{party}" for party in step.responsible],
        after=after,
        feeds=feeds,
        period=step.period,
    )


def _qualified_party(party: _Party, prefix: str) -> _Party:
    parent = None if party.parent is None else f"{prefix}:{party.parent}"
    members = [f"{prefix}:{m}" for m in party.members]
    if isinstance(party, Committee):
        secretariat = [f"{prefix}:{s}" for s in party.secretariat]
        return attrs.evolve(  # type: ignore[call-arg]  # a Committee has a secretariat
            party,
            id=f"{prefix}:{party.id}",
            parent=parent,
            members=members,
            secretariat=secretariat,
        )
    return attrs.evolve(party, id=f"{prefix}:{party.id}", parent=parent, members=members)


def schedule_together(sources: Sequence[PlanningCalendar | PlanningDocument]) -> Schedule:
    """Schedule several calendars as one (``schedule([provincial, budget])``).

    The first is the primary: its steps keep their ids, and a document's
    resolution deadlines bound them; the others' steps are ``name:id``.

    Raises:
        ThaiplanTypeError: An item is neither a calendar nor a document, or the list is empty.
        CalendarReferenceError: A step names a calendar not in the list, or a step it lacks.
        ModelError: A calendar after the first has no id, or two share one.
    """
    if not sources:
        raise ThaiplanTypeError(
            "schedule(sources)", sources, "a calendar, or a list of one calendar or more"
        )
    primary, document = calendar_and_document("schedule", sources[0], "sources[0]")
    return schedule_combined(primary, document, list(sources[1:]), "schedule(sources)")


def schedule_combined(
    primary: PlanningCalendar,
    document: PlanningDocument | None,
    others: Others,
    argument: str = "with_calendars",
) -> Schedule:
    """The schedule of ``primary`` (and its document's deadlines) together with ``others``."""
    from thaiplan.scheduling._bounds import first_day_floors
    from thaiplan.scheduling._passes import _first_day, _windows, schedule_floored

    combined = combine(primary, others, argument=argument)
    names = named_calendars(others, argument)
    if primary.id:
        names.setdefault(primary.id, primary)
    # each step's floor from its own calendar's first day, as alone (see the module notes)
    floors: list[int] = []
    firsts: list[tuple[int | None, PlanningCalendar, int]] = []
    for _, calendar in _members(primary, names):
        index = {s.id: i for i, s in enumerate(calendar.steps)}
        starts, ends, _ = _windows(calendar, document if calendar is primary else None, index)
        first = _first_day(calendar, [start for start in starts if start is not None])
        as_of = calendar.as_of_date is not None
        firsts.extend([(first, calendar, len(floors))] * len(starts))
        floors.extend(first_day_floors(starts, ends, first, as_of))
    source: PlanningCalendar | PlanningDocument = combined
    if document is not None:
        source = attrs.evolve(document, calendar=combined)
    result = schedule_floored(source, floors)
    result._firsts = firsts
    return result
