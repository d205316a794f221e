"""Scheduling a planning calendar: the forward and backward passes, explained.

Theory of operation
-------------------
Time is whole days. A step occupies the inclusive days [start, finish];
finish = start + duration - 1. Its stated period is a window: start >= the
period's start (when it has one) and finish <= the period's end. A deadline
of a resolution (an :class:`~thaiplan.Action` with a deadline and a ``step``)
is a window of that step too. ``after`` is finish-to-start: with lag L,
start(B) >= finish(A) + 1 + L, where L counts calendar days, or Thai
government working days when the dependency's unit says so. ``before`` is
the same edge written on the step that comes first. A step with no dates of
its own (no ``when``, a count of days, a period counted from an event) has an
open window; a recurring one the window from its first occurrence within the
calendar's span to its last (:mod:`thaiplan.scheduling._constraints`).

A step with no stated start starts no earlier than the calendar's first
day: its own date (``as_of``, "ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑") when it states
one, else the earliest start any step states. Nothing else sets it: no
constant of the fiscal year, and no step without a stated start. It is one
day for the whole calendar, so adding a dependency never moves a bound the
wrong way, nor does narrowing a window that leaves the first day where it
is and states no start before it (a start stated before the ``as_of`` is the
step's own, as written). A step with no stated start whose stated end comes
before the first day is floored by it only when the first day is the
calendar's own date (``as_of``: the deadline has passed, and its negative
slack says so); without an ``as_of`` the first day is only the earliest start
some other step states, which says nothing of when such a step could start,
so its start is open unless a dated step before it bounds it
(``first_day_floors`` in ``_bounds``). A step floored by
that first day that still cannot be kept (it takes longer than the days left
to its stated end) has negative slack, and the ``negative-slack`` finding
then asks for the calendar's date. With neither, the first
day is open: a step with no stated start and no dated step before it has
no earliest start (``None``), and so no slack figure; it is kept as a day
far before any date (``_OPEN``), which every real bound beats, so the
passes need no second case. Calendars scheduled together hand the passes
these floors ready made (``schedule_floored``), each from its own calendar's
first day.

The passes, in order:

1. **Index.** Step ids become integers 0..n-1; windows and durations become
   lists of day ordinals (:meth:`datetime.date.toordinal`), and the
   dependencies three flat lists (source, target, lag; a working-day lag is
   kept negative), in the order of their targets. No graph library and no
   list per step: flat lists of ints leave the garbage collector idle and
   make each pass one loop over the edges, five times faster than a plain
   pass over a networkx graph at 100,000 steps
   (``benchmarks/bench_schedule.py``).
2. **Order.** When every step follows only steps listed before it, as
   calendars are written, the calendar's order is a topological order and
   the edges are already sorted by target. Otherwise Kahn's topological sort
   orders the steps and the edges are sorted by the place of their target. If
   Kahn's sort cannot order every step, the steps left over all have a
   predecessor among themselves; walking back from any of them along such
   predecessors must come round, and that walk is one cycle, raised as
   :class:`~thaiplan.errors.DependencyCycleError`. This is linear in the size
   of the graph (a full cycle search is not).
3. **Backward pass**, over the edges from the last back: latest finish = the
   earliest of the window's end and, for each step after it, that step's
   latest start - 1 - lag. Edges sorted by target reach a step's own
   successors before its predecessors, so each bound is final before it is
   read. The step (or window) that sets it is kept. It comes first because it
   needs nothing from the forward pass.
4. **Forward pass**, over the edges in order: earliest start = the latest of
   the window's start (or the calendar's first day) and, for each step
   before it, that step's earliest finish + 1 + lag. The step (or the
   window) that sets the bound is kept.
5. **Slack.** total slack = latest finish - earliest finish (negative when the
   calendar cannot be kept); free slack = how far the step can slip without
   moving any step after it, or leaving its own window, worked out the first
   time it is asked for.

An infeasible calendar is a result, not an exception: its negative slack and
the chains that set each bound (:meth:`Schedule.explain`) say why.

The passes above are the whole of it for a DAG of finish-to-start edges and
calendar-day durations. A most gap (``within``), which a relative ``when``
may also give, bounds a step's latest finish by the latest finish of the
step it follows, and that step's earliest finish by its own: edges against
the DAG. A calendar with one, or with a duration in working days, is indexed
and ordered as above (``before`` and relative edges join the flat lists),
and its bounds are then the fixpoints of bounded Bellman-Ford sweeps in
:func:`thaiplan.scheduling._constraints.general_schedule`; a calendar without
them never leaves the two passes here, whose loops are unchanged.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import Counter
from collections.abc import Sequence
from typing import Final

from thaiplan.dates import add_working_days
from thaiplan.errors import DependencyCycleError, ModelError
from thaiplan.model._document import PlanningDocument  # at run time too: the signature's types
from thaiplan.model._progress import Progress
from thaiplan.model._steps import LagUnit, PlanningCalendar, Step
from thaiplan.scheduling._bounds import _WINDOW, _day, first_day_floors
from thaiplan.scheduling._constraints import (
    MaxEdges,
    general_schedule,
    occurrence_span,
    occurrences,
    special_edges,
)
from thaiplan.scheduling._schedule import Schedule
from thaiplan.scheduling._source import calendar_and_document

__all__ = ["schedule", "schedule_floored"]

#: The days a bound can fall on: those datetime.date has, 0001-01-01 to 9999-12-31.
_FIRST: Final = dt.date.min.toordinal()
_LAST: Final = dt.date.max.toordinal()


def _check_range(
    steps: tuple[Step, ...], es: list[int], lf: list[int], durations: list[int]
) -> None:
    """Raise unless every bound is a day a date can be (durations or lags can push one out).

    Earliest starts only grow from the first day and latest finishes only
    shrink from the windows' ends, so only the earliest finishes and the
    latest starts can leave the range; one pass over each, in C, finds out.
    """
    if max(map(operator.add, es, durations), default=_FIRST) - 1 <= _LAST and (
        min(map(operator.sub, lf, durations), default=_LAST) + 1 >= _FIRST
    ):
        return
    for i, step in enumerate(steps):
        late = es[i] + durations[i] - 1 > _LAST
        if late or lf[i] - durations[i] + 1 < _FIRST:
            where = "end after 9999-12-31" if late else "start before 0001-01-01"
            raise _range_error(step, where)


def _range_error(step: Step, where: str) -> ModelError:
    lags = ", ".join(f"{d.step} +{d.lag} {d.unit.value}" for d in step.after if d.lag)
    return ModelError(
        f"step {step.id!r} would {where}, outside the days a date can have: its duration"
        f" ({step.duration} day{'' if step.duration == 1 else 's'}){f', its lags ({lags})' if lags else ''} or those of the"
        " steps around it are too long; shorten them"
    )


def _day_of(ordinal: int, step: Step, where: str) -> dt.date:
    if not _FIRST <= ordinal <= _LAST:
        raise _range_error(step, where)
    return _day(ordinal)


def _windows(
    calendar: PlanningCalendar, document: PlanningDocument | None, index: dict[str, int]
) -> tuple[list[int | None], list[int], list[str]]:
    n = len(calendar.steps)
    starts: list[int | None] = [None] * n
    ends = [0] * n
    sources = [""] * n
    recurring: list[int] = []
    for i, step in enumerate(calendar.steps):
        period = step.period
        starts[i] = period.start.toordinal() if period.start is not None else None
        if period.has_dates:
            ends[i] = period.end.toordinal()
        else:  # no date, a count of days, counted from an event, or recurring
            ends[i] = _LAST
            if period.recurrence is not None:
                recurring.append(i)
        sources[i] = step.when
    if recurring:
        _recurring_windows(calendar, recurring, starts, ends)
    if document is not None and document.meeting is not None:
        for action in document.meeting.actions():
            if action.deadline is None or action.step is None or action.step not in index:
                continue
            i = index[action.step]
            deadline = action.deadline
            if deadline.end.toordinal() < ends[i]:
                ends[i] = deadline.end.toordinal()
                sources[i] = f"deadline:{deadline.text or deadline.end.isoformat()}"
            if deadline.start is not None:
                start = deadline.start.toordinal()
                if starts[i] is None or start > starts[i]:  # type: ignore[operator]
                    starts[i] = start
    return starts, ends, sources


def _recurring_windows(
    calendar: PlanningCalendar, recurring: list[int], starts: list[int | None], ends: list[int]
) -> None:
    """The window of each recurring step: from its first occurrence to its last.

    The occurrences are those within the calendar's span
    (:func:`~thaiplan.scheduling._constraints.occurrence_span`); a step with
    none keeps an open window, as a step with no date.
    """
    span = occurrence_span(calendar)
    for i in recurring:
        found = occurrences(calendar.steps[i], span)
        if found:
            first = found[0].start
            starts[i] = first.toordinal() if first is not None else None
            ends[i] = found[-1].end.toordinal()


def schedule(
    source: PlanningCalendar | PlanningDocument | Sequence[PlanningCalendar | PlanningDocument],
    *,
    progress: Progress | None = None,
    as_of: dt.date | None = None,
) -> Schedule:
    """Compute the earliest and latest days of every step, and their slack.

    Args:
        source: A calendar, or a whole document, whose resolutions' deadlines
            then bound the steps that carry them out; or a list of them, to
            schedule together: the first keeps its step ids, and the steps of
            the others are named ``calendar:step`` (``budget-2563:s1``), as
            the steps that follow them name them (see :ref:`design-combined`).
        progress: Reports of what has been done: their actual dates fix the
            earliest days of the steps reported on, and the steps after them
            are re-bounded from those (see :func:`~thaiplan.status`).
        as_of: The status date (by default the date of ``progress``): a step
            not started by then starts no earlier than the next day, and the
            slack counts from it. The latest finishes stay the plan's.
            :meth:`~thaiplan.Schedule.explain` names the actual dates as the reasons.

    Raises:
        ThaiplanTypeError: ``source`` is neither a calendar nor a document.
        DependencyCycleError: The steps depend on one another in a circle.
        ModelError: A step follows a step that is not in the calendar.
        CalendarReferenceError: A step follows a step of another calendar
            that was not given (or that it does not have).
        HolidayDataError: A working-day lag runs into a year without holiday data.

    >>> import thaiplan
    >>> calendar = thaiplan.loads_calendar('''
    ... format: thaiplan-calendar/1
    ... title: t
    ... province: สมุทรสาคร
    ... fiscal_year: 2563
    ... steps:
    ...   - {id: a, no: 1, phase: p, title: ก, when: พ.ค. ๖๑, duration: 10}
    ...   - {id: b, no: 2, phase: p, title: ข, when: มิ.ย. ๖๑, after: [a]}
    ... ''')
    >>> result = thaiplan.schedule(calendar)
    >>> result["a"].latest_finish, result["a"].total_slack
    (datetime.date(2018, 5, 31), 21)

    With a progress report, what happened fixes the steps it concerns:

    >>> reports = thaiplan.Progress("๑๕ มิ.ย. ๖๑", [thaiplan.StepProgress("a", finished="๒๐ พ.ค. ๖๑")])
    >>> late = thaiplan.schedule(calendar, progress=reports)
    >>> late["a"].earliest_finish, late["b"].earliest_start
    (datetime.date(2018, 5, 20), datetime.date(2018, 6, 16))
    >>> print(late.explain("a").earliest_start[0].message_en)
    a started on 2018-05-01 and finished on 2018-05-20: actual finish 2018-05-20 (progress file as of 2018-06-15); no actual start reported
    """
    if progress is not None or as_of is not None:
        from thaiplan.scheduling._actuals import forecast_schedule
        from thaiplan.scheduling._status import checked_as_of

        plan = schedule(source)
        day = checked_as_of("schedule", plan.calendar, as_of, progress)
        return forecast_schedule(plan, day, progress)
    if isinstance(source, list | tuple):  # several calendars together
        from thaiplan.scheduling._combined import schedule_together

        return schedule_together(source)
    return schedule_floored(source)


def schedule_floored(source: object, floors: list[int] | None = None) -> Schedule:
    """The passes over one calendar (or document: anything else raises), from ``floors`` when given.

    ``floors`` is each step's earliest start before its dependencies, as
    ordinals; by default :func:`first_day_floors` of the calendar's first
    day. Calendars scheduled together give each step its own calendar's
    (``_combined``).
    """
    calendar, document = calendar_and_document("schedule", source)
    steps = calendar.steps
    n = len(steps)
    ids = [step.id for step in steps]
    index = {step_id: i for i, step_id in enumerate(ids)}
    if len(index) != n:
        twice = next(step_id for step_id, count in Counter(ids).items() if count > 1)
        raise ModelError(f"step id {twice!r} is used twice; step ids are unique")
    starts, ends, sources = _windows(calendar, document, index)
    durations = [step.duration for step in steps]

    # 1. index the edges: flat lists, in the order of the steps they lead to.
    # A working-day lag is kept negative, to tell it apart without a lookup.
    edge_sources: list[int] = []
    edge_targets: list[int] = []
    edge_lags: list[int] = []
    in_order = True
    working = False
    special: list[
        int
    ] = []  # steps with `before`, a `within`, a relative when or a working-day duration
    find = index.get
    for i, step in enumerate(steps):
        for dependency in step.after:
            j = find(dependency.step)
            if j is None:
                if ":" in dependency.step:  # another calendar's step: name the fix
                    from thaiplan.scheduling._combined import check_reference, split_reference

                    parts = split_reference(dependency.step)
                    if parts is not None:
                        check_reference(step, dependency.step, *parts, {})
                raise ModelError(
                    f"step {step.id!r} follows {dependency.step!r}, which is not a step of the calendar"
                )
            if j >= i:
                in_order = False
            lag = dependency.lag
            if lag and dependency.unit is LagUnit.WORKING_DAYS:
                lag = -lag
                working = True
            edge_sources.append(j)
            edge_targets.append(i)
            edge_lags.append(lag)
            if dependency.within is not None:
                special.append(i)
        if step.before or step.duration_text or step.period.span is not None:
            special.append(i)
    gaps: MaxEdges = ([], [], [], [])
    working_durations: list[bool] = []
    if special:
        count = len(edge_targets)
        working_durations = [step.duration_unit is LagUnit.WORKING_DAYS for step in steps]
        working = (
            special_edges(
                steps,
                index,
                sorted(set(special)),
                (durations, working_durations),
                (edge_sources, edge_targets, edge_lags),
                gaps,
            )
            or working
        )
        in_order = in_order and not any(
            j >= i for j, i in zip(edge_sources[count:], edge_targets[count:], strict=True)
        )
        if in_order and len(edge_targets) > count:  # added edges: sort them in, by target
            by_target = sorted(range(len(edge_targets)), key=edge_targets.__getitem__)
            edge_sources[:] = [edge_sources[e] for e in by_target]
            edge_targets[:] = [edge_targets[e] for e in by_target]
            edge_lags[:] = [edge_lags[e] for e in by_target]

    # 2. order: the calendar's own order when every step follows only steps
    # listed before it, as calendars are written; else Kahn's sort, and the
    # edges sorted by the place of their targets
    if in_order:
        order = list(range(n))
    else:
        order = _kahn(ids, edge_sources, edge_targets)
        place = [0] * n
        for k, i in enumerate(order):
            place[i] = k
        by_target = sorted(range(len(edge_targets)), key=lambda e: place[edge_targets[e]])
        edge_sources = [edge_sources[e] for e in by_target]
        edge_targets = [edge_targets[e] for e in by_target]
        edge_lags = [edge_lags[e] for e in by_target]

    if gaps[0] or any(working_durations):  # the general case (_constraints), to a fixpoint
        return general_schedule(
            calendar,
            (ids, index, order),
            (starts, ends, sources, durations, working_durations),
            (edge_sources, edge_targets, edge_lags),
            gaps,
            _first_day(calendar, [start for start in starts if start is not None]),
            floors,
        )

    # 3. backward pass: the edges from the last target back, so that a step's
    # latest finish is final before the steps it follows read it
    lf = list(ends)
    lf_by = [_WINDOW] * n
    lf_lag = [0] * n
    backward = zip(reversed(edge_sources), reversed(edge_targets), reversed(edge_lags), strict=True)
    if not working:
        for j, i, lag in backward:
            bound = lf[i] - durations[i] - lag
            if bound < lf[j]:
                lf[j] = bound
                lf_by[j] = i
                lf_lag[j] = lag
    else:
        for j, i, lag in backward:
            if lag >= 0:
                bound = lf[i] - durations[i] - lag
            else:
                latest_start = _day_of(
                    lf[i] - durations[i] + 1, steps[i], "start before 0001-01-01"
                )
                bound = add_working_days(latest_start, lag).toordinal() - 1
            if bound < lf[j]:
                lf[j] = bound
                lf_by[j] = i
                lf_lag[j] = lag

    # the calendar's first day (see the module notes): its as_of, or the earliest
    # stated start, so that more dependencies or narrower windows never move an
    # earliest start earlier; without either, the steps it would bound are open
    calendar_start = _first_day(calendar, [start for start in starts if start is not None])

    # 4. forward pass, in the order of the edges' targets, from the floors:
    # the stated starts, else the first day (open for a step due before it)
    if floors is None:
        es = first_day_floors(starts, ends, calendar_start, calendar.as_of_date is not None)
    else:
        es = list(floors)
    es_by = [_WINDOW] * n
    es_lag = [0] * n
    forward = zip(edge_sources, edge_targets, edge_lags, strict=True)
    if not working:
        for j, i, lag in forward:
            bound = es[j] + durations[j] + lag
            if bound > es[i]:
                es[i] = bound
                es_by[i] = j
                es_lag[i] = lag
    else:
        for j, i, lag in forward:
            if lag >= 0:
                bound = es[j] + durations[j] + lag
            elif es[j] < _FIRST:  # open: so is what follows it, unless something dates it
                bound = es[j] + durations[j]
            else:
                finish = _day_of(es[j] + durations[j] - 1, steps[j], "end after 9999-12-31")
                bound = add_working_days(finish, -lag).toordinal() + 1
            if bound > es[i]:
                es[i] = bound
                es_by[i] = j
                es_lag[i] = lag

    _check_range(steps, es, lf, durations)

    # 5. free slack is worked out when first asked for (Schedule._free_slack)
    return Schedule(
        calendar,
        ids,
        index,
        order,
        (es, lf, durations, ends),
        (es_by, lf_by, es_lag, lf_lag),
        (edge_sources, edge_targets, edge_lags),
        (sources, starts),
        calendar_start,
    )


def _kahn(ids: list[str], sources: list[int], targets: list[int]) -> list[int]:
    """Kahn's topological sort over flat edge lists; a leftover is a cycle."""
    n = len(ids)
    successors: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for j, i in zip(sources, targets, strict=True):
        successors[j].append(i)
        indegree[i] += 1
    order = [i for i in range(n) if not indegree[i]]
    head = 0
    while head < len(order):
        j = order[head]
        head += 1
        for i in successors[j]:
            indegree[i] -= 1
            if not indegree[i]:
                order.append(i)
    if len(order) < n:
        predecessors: dict[int, list[int]] = {}
        for j, i in zip(sources, targets, strict=True):
            if indegree[i] and indegree[j]:
                predecessors.setdefault(i, []).append(j)
        raise DependencyCycleError(_find_cycle(ids, predecessors))
    return order


def _first_day(calendar: PlanningCalendar, stated: list[int]) -> int | None:
    """The calendar's first day, as an ordinal, or ``None`` when nothing states one.

    The calendar's own date (``as_of``) when it has one, else the earliest
    start any step states; else ``None``: with neither, the starts are open.
    Nothing else: no constant, and no step without a stated start.
    """
    if calendar.as_of_date is not None:
        return calendar.as_of_date.toordinal()
    return min(stated) if stated else None


def _find_cycle(ids: list[str], predecessors: dict[int, list[int]]) -> list[str]:
    """One cycle among the steps Kahn's sort could not order.

    Every such step has a predecessor that is also left over, so walking back
    from one along left-over predecessors must come round to a step it met.
    """
    position: dict[int, int] = {}
    walk: list[int] = []
    i = next(iter(predecessors))
    while i not in position:
        position[i] = len(walk)
        walk.append(i)
        i = predecessors[i][0]
    cycle = walk[position[i] :]
    cycle.reverse()  # the walk went backwards; a cycle reads forwards
    return [ids[k] for k in cycle]
