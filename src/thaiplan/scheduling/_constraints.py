"""The constraints beyond finish-to-start: most gaps, counted windows, working-day durations.

Theory of operation
-------------------
:mod:`thaiplan.scheduling._passes` reads the steps into flat lists. When a
calendar has only finish-to-start edges (``after``, and ``before``, which is
the same edge the other way round) and durations in calendar days, the
bounds come from one backward and one forward sweep over a DAG, there. This
module is the general case, used only when a calendar has one of:

- a **most gap** (``within`` M on a dependency of B on A): finish(B) <=
  finish(A) + M (M counts calendar days, or working days after finish(A)).
  It couples the bounds both ways: B's latest finish is at most A's latest
  finish + M, and A's earliest finish at least B's earliest finish - M. The
  edge runs against the finish-to-start edges, so the graph has cycles and
  one sweep is no longer enough;
- a **relative window** (``ภายใน ๑๕ วันนับแต่…``, ``ไม่น้อยกว่า ๓ วันก่อน…``),
  which becomes a lag and a most gap on the dependency that anchors it (see
  :func:`relative_edges`);
- a **duration in working days** (``๑๐ วันทำการ``), whose length in calendar
  days depends on where it falls.

Each bound is then a fixpoint (Bellman-Ford): the earliest starts are raised,
and the latest finishes lowered, by sweeps over every edge until a sweep
changes nothing. The two systems are independent: earliest starts are set by
the windows' starts (or the calendar's first day), the finish-to-start edges
forward and the most gaps backward; latest finishes by the windows' ends, the
finish-to-start edges backward and the most gaps forward. The edges are swept
in topological order of the finish-to-start edges, so a sweep settles every
chain that does not go back through a most gap, and each further sweep one
more most gap: with W most gaps, a system whose constraints can all hold is
settled after at most W + 1 sweeps, and the (W + 2)-th changes nothing. If it
still changes a bound, some cycle of edges asks a step to finish both after
and before a day (a most gap shorter than the lag and the duration that the
same chain needs): the constraints cannot all hold. That is a result, not an
exception: the sweeps stop there, the steps of the cycle have negative slack,
and :meth:`~thaiplan.Schedule.explain` follows the links round it. Bounds that
the sweeps pushed past the days a date can hold are kept at the last such day.

A duration of N working days takes, in calendar days, the days from the
step's earliest start to its N-th working day (the start itself counted when
it is a working day). That length is worked out at the earliest start, and the
latest start is the latest finish less the same length.

Only bounds that differ from the DAG sweeps pay for this: a calendar without
these constraints never reaches this module.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from thaiplan.dates import (
    Bound,
    Direction,
    Period,
    PeriodKind,
    SpanUnit,
    add_working_days,
    to_thai_digits,
    working_day_on_or_after,
)
from thaiplan.errors import ModelError
from thaiplan.model._steps import LagUnit, PlanningCalendar, Step
from thaiplan.scheduling._bounds import _WINDOW, first_day_floors

if TYPE_CHECKING:
    from thaiplan.scheduling._schedule import Constraint, Schedule

__all__ = [
    "MaxEdges",
    "general_schedule",
    "occurrence_span",
    "occurrences",
    "relative_edges",
    "solve",
    "special_edges",
    "within_link",
]

_FIRST: Final = dt.date.min.toordinal()
_LAST: Final = dt.date.max.toordinal()

#: Most gaps: (from, to, days, in working days), finish(to) <= finish(from) + days.
MaxEdges = tuple[list[int], list[int], list[int], list[bool]]


def relative_edges(
    step: Step, i: int, index: dict[str, int], durations: list[int], working: list[bool]
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int, bool]]]:
    """The finish-to-start edges and most gaps that a relative ``when`` stands for.

    The anchor is the step's first dependency on the side the text counts
    from: its first ``after`` for a period counted from an event
    (``นับแต่``, ``หลัง``: the event is the day that step finishes), its first
    ``before`` for one counted back (``ก่อน``: the event is the day that step
    starts). Days are counted with the event's day as day 1, as
    :meth:`~thaiplan.dates.Period.anchored` counts them. With N days:

    ========================  ======================================================
    counted from the event    at most N: finish <= event + N - 1 (most gap N - 1);
                              at least N: start >= event + N (lag N - 1);
                              exactly N: both
    counted back              at least N: finish <= event - N (lag N - 1 before it);
                              at most N: the N days before, finish <= event - 1 and
                              start >= event - N; exactly N: the day event - N
    ========================  ======================================================

    Working days count the same way. A counted-back period of at most or
    exactly N *working* days keeps only its finish (the start bound of such a
    period is not kept). Returns ``([], [])`` when nothing anchors it, which
    validation reports (``relative-unanchored``).

    Edges come as (source, target, stored lag), a working-day lag negative as
    in the passes, and most gaps as (from, to, days, working days).
    """
    period = step.period
    span = period.span
    if period.kind is not PeriodKind.RELATIVE or span is None:
        return [], []
    in_working_days = span.unit is SpanUnit.WORKING_DAYS
    n = span.amount

    def stored(lag: int) -> int:
        return -lag if in_working_days and lag else lag

    edges: list[tuple[int, int, int]] = []
    gaps: list[tuple[int, int, int, bool]] = []
    if span.direction is Direction.AFTER:
        if not step.after or step.after[0].step not in index:
            return [], []
        j = index[step.after[0].step]
        if span.bound in (Bound.AT_LEAST, Bound.EXACTLY) and n >= 1:
            edges.append((j, i, stored(max(n - 1 - (span.bound is Bound.EXACTLY), 0))))
        if span.bound in (Bound.AT_MOST, Bound.EXACTLY):
            gaps.append((j, i, max(n - 1, 0), in_working_days))
        return edges, gaps
    if not step.before or step.before[0].step not in index:
        return [], []
    k = index[step.before[0].step]
    lag = max(n - 1, 0) if span.bound is not Bound.AT_MOST else 0
    edges.append((i, k, stored(lag)))
    if span.bound is not Bound.AT_LEAST and not (in_working_days or working[i] or working[k]):
        # start(step) >= start(k) - n, written as finish(k) <= finish(step) + n + d(k) - d(step)
        gaps.append((i, k, n + durations[k] - durations[i], False))
    return edges, gaps


def special_edges(
    steps: tuple[Step, ...],
    index: dict[str, int],
    special: list[int],
    durations: tuple[list[int], list[bool]],
    edges: tuple[list[int], list[int], list[int]],
    gaps: MaxEdges,
) -> bool:
    """Add the edges of ``before``, ``within`` and relative windows to the passes' lists.

    ``before: [{step: X, lag: N}]`` of step i is the edge i -> X with lag N;
    a ``within`` M of a dependency on j is the most gap j -> i of M; a
    relative window gives the edges of :func:`relative_edges`. Returns
    whether any lag it adds counts working days.
    """
    sources, targets, lags = edges
    gap_from, gap_to, gap_days, gap_working = gaps
    working = False
    for i in special:
        step = steps[i]
        for dependency in step.after:
            if dependency.within is not None:
                gap_from.append(index[dependency.step])
                gap_to.append(i)
                gap_days.append(dependency.within)
                gap_working.append(dependency.unit is LagUnit.WORKING_DAYS)
        for dependency in step.before:
            k = index.get(dependency.step)
            if k is None:
                raise ModelError(
                    f"step {step.id!r} comes before {dependency.step!r}, which is not a step"
                    " of the calendar"
                )
            lag = dependency.lag
            if lag and dependency.unit is LagUnit.WORKING_DAYS:
                lag = -lag
                working = True
            sources.append(i)
            targets.append(k)
            lags.append(lag)
        added, more = relative_edges(step, i, index, *durations)
        for j, k, lag in added:
            sources.append(j)
            targets.append(k)
            lags.append(lag)
            working = working or lag < 0
        for a, b, days, in_working_days in more:
            gap_from.append(a)
            gap_to.append(b)
            gap_days.append(days)
            gap_working.append(in_working_days)
    return working


def occurrence_span(calendar: PlanningCalendar) -> tuple[dt.date, dt.date] | None:
    """The days over which recurring steps are given their occurrences.

    The first and last day the calendar's dated steps state (an open-ended
    period counting its first day only); with no dated step, the fiscal year
    the calendar prepares; ``None`` when neither gives days.
    """
    days: list[dt.date] = []
    for step in calendar.steps:
        period = step.period
        if not period.has_dates:
            continue
        if period.start is not None:
            days.append(period.start)
        if not period.open_ended:
            days.append(period.end)
    if days:
        return min(days), max(days)
    from thaiplan.dates import FiscalYear

    year = calendar.fiscal_year
    if isinstance(year, int) and 2400 <= year <= 10542:
        fiscal = FiscalYear(year)
        return fiscal.start, fiscal.end
    return None


def occurrences(step: Step, span: tuple[dt.date, dt.date] | None) -> tuple[Period, ...]:
    """The occurrences of a recurring step within ``span`` (``()`` for any other step)."""
    if step.period.kind is not PeriodKind.RECURRING or span is None:
        return ()
    return tuple(step.period.occurrences(*span))


def _finish(es: int, duration: int, working: bool) -> int:
    """The day a step that starts on ``es`` finishes."""
    if not working or es < _FIRST:  # an open start stays open
        return es + duration - 1
    first = working_day_on_or_after(dt.date.fromordinal(es))
    return add_working_days(first, duration - 1).toordinal()


def _after(finish: int, lag: int) -> int:
    """The first day a step may start after one that finishes on ``finish`` (stored lag)."""
    if lag >= 0 or finish < _FIRST:  # an open finish: what follows is open too
        return finish + 1 + abs(lag)
    return add_working_days(dt.date.fromordinal(finish), -lag).toordinal() + 1


def _before(start: int, lag: int) -> int:
    """The last day a step may finish before one that starts on ``start`` (stored lag)."""
    if lag >= 0:
        return start - 1 - lag
    return add_working_days(dt.date.fromordinal(start), lag).toordinal() - 1


def _plus(finish: int, days: int, working: bool) -> int:
    if not working or not days:
        return finish + days
    return add_working_days(dt.date.fromordinal(finish), days).toordinal()


def _minus(finish: int, days: int, working: bool) -> int:
    if not working or not days or finish < _FIRST:
        return finish - days
    return add_working_days(dt.date.fromordinal(finish), -days).toordinal()


def solve(
    starts: list[int],
    ends: list[int],
    durations: list[int],
    working_durations: list[bool],
    edges: tuple[list[int], list[int], list[int]],
    gaps: MaxEdges,
) -> tuple[
    tuple[list[int], list[int], list[int], list[int], list[int], list[int]],
    dict[int, tuple[int, int, LagUnit]],
    list[int],
]:
    """The bounds as fixpoints of every constraint (see the module notes).

    ``starts`` are the windows' starts (the first day for steps with none),
    ``ends`` their ends; ``edges`` are sorted in a topological order of their
    targets. ``durations`` is updated in place for working-day durations.

    Returns the earliest starts, latest finishes, and what set each (as the
    passes keep them: the step, ``-1`` for the window, and the stored lag),
    the links set by most gaps (``2i`` for an earliest start, ``2i + 1`` for a
    latest finish: the other step, the days, their unit), and the steps whose
    bounds the last sweep still moved (none when the constraints can all hold).
    """
    n = len(starts)
    sources, targets, lags = edges
    gap_from, gap_to, gap_days, gap_working = gaps
    rounds = len(gap_from) + 2
    within: dict[int, tuple[int, int, LagUnit]] = {}
    any_working = any(working_durations)

    def unit(flag: bool) -> LagUnit:
        return LagUnit.WORKING_DAYS if flag else LagUnit.DAYS

    # earliest starts: windows' starts, edges forward, most gaps backward
    es = list(starts)
    es_by = [_WINDOW] * n
    es_lag = [0] * n
    ef = [_finish(es[i], durations[i], working_durations[i]) for i in range(n)]
    moved: set[int] = set()
    for _ in range(rounds):
        moved.clear()
        for j, i, lag in zip(sources, targets, lags, strict=True):
            bound = _after(ef[j], lag)
            if bound > es[i]:
                es[i], es_by[i], es_lag[i] = bound, j, lag
                ef[i] = _finish(bound, durations[i], working_durations[i])
                within.pop(2 * i, None)
                moved.add(i)
        for a, b, days, working in zip(gap_from, gap_to, gap_days, gap_working, strict=True):
            least_finish = _minus(ef[b], days, working)  # finish(a) >= finish(b) - days
            if least_finish > ef[a]:
                bound = least_finish - (ef[a] - es[a])
                if bound > es[a]:
                    es[a], es_by[a], es_lag[a] = bound, b, 0
                    ef[a] = _finish(bound, durations[a], working_durations[a])
                    within[2 * a] = (b, days, unit(working))
                    moved.add(a)
        if not moved or max(ef) > _LAST:
            break
    unsettled = set(moved)
    if any_working:
        for i in range(n):
            if working_durations[i]:
                durations[i] = min(ef[i], _LAST) - es[i] + 1

    # latest finishes: windows' ends, edges backward, most gaps forward
    lf = list(ends)
    lf_by = [_WINDOW] * n
    lf_lag = [0] * n
    backward = list(zip(reversed(sources), reversed(targets), reversed(lags), strict=True))
    for _ in range(rounds):
        moved.clear()
        for j, i, lag in backward:
            bound = _before(lf[i] - durations[i] + 1, lag)
            if bound < lf[j]:
                lf[j], lf_by[j], lf_lag[j] = bound, i, lag
                within.pop(2 * j + 1, None)
                moved.add(j)
        for a, b, days, working in zip(gap_from, gap_to, gap_days, gap_working, strict=True):
            bound = _plus(lf[a], days, working)  # finish(b) <= finish(a) + days
            if bound < lf[b]:
                lf[b], lf_by[b], lf_lag[b] = bound, a, 0
                within[2 * b + 1] = (a, days, unit(working))
                moved.add(b)
        if not moved or min(lf[i] - durations[i] + 1 for i in range(n)) < _FIRST:
            break
    unsettled |= moved
    for i in range(n):  # only sweeps that did not settle can leave the days of a date
        es[i] = min(es[i], _LAST - durations[i] + 1)
        lf[i] = max(lf[i], _FIRST + durations[i] - 1)
    return (es, lf, es_by, lf_by, es_lag, lf_lag), within, sorted(unsettled)


def within_link(schedule: Schedule, i: int, late: bool) -> Constraint:
    """The :class:`~thaiplan.Constraint` of a bound set by a most gap (see Schedule.explain)."""
    from thaiplan.scheduling._bounds import Constraint, _day, _en, _th

    other, days, unit = schedule._within[2 * i + late]
    step, name = schedule._ids[i], schedule._ids[other]
    kind_en = " working days" if unit is LagUnit.WORKING_DAYS else " days"
    kind_th = "วันทำการ" if unit is LagUnit.WORKING_DAYS else "วัน"
    digits = str(days)
    if late:
        day = schedule._lf[i]
        return Constraint(
            step,
            "latest_finish",
            _day(day),
            "within",
            name,
            days,
            unit,
            message_en=(
                f"{step} must finish by {_en(day)}: within {digits}{kind_en} after {name}"
                f" finishes, and {name} finishes no later than {_en(schedule._lf[other])}"
            ),
            message_th=(
                f"{step} ต้องเสร็จภายใน {_th(day)} คือภายใน {to_thai_digits(days)} {kind_th}หลัง {name}"
                f" เสร็จ ซึ่งเสร็จได้ช้าที่สุด {_th(schedule._lf[other])}"
            ),
        )
    day = schedule._es[i]
    return Constraint(
        step,
        "earliest_start",
        _day(day),
        "within",
        name,
        days,
        unit,
        message_en=(
            f"{step} cannot start before {_en(day)}: {name} must finish within {digits}{kind_en}"
            f" after {step} finishes, and {name} finishes no earlier than {_en(schedule._ef(other))}"
        ),
        message_th=(
            f"{step} เริ่มได้ไม่ก่อน {_th(day)} เพราะ {name} ต้องเสร็จภายใน {to_thai_digits(days)} {kind_th}"
            f"หลัง {step} เสร็จ และ {name} เสร็จได้เร็วที่สุด {_th(schedule._ef(other))}"
        ),
    )


def general_schedule(
    calendar: PlanningCalendar,
    names: tuple[list[str], dict[str, int], list[int]],
    windows: tuple[list[int | None], list[int], list[str], list[int], list[bool]],
    edges: tuple[list[int], list[int], list[int]],
    gaps: MaxEdges,
    calendar_start: int | None,
    floors: list[int] | None = None,
) -> Schedule:
    """The schedule of a calendar with most gaps or working-day durations (see the module notes)."""
    from thaiplan.scheduling._schedule import Schedule

    ids, index, order = names
    starts, ends, sources, durations, working_durations = windows
    first = (
        first_day_floors(starts, ends, calendar_start, calendar.as_of_date is not None)
        if floors is None
        else list(floors)
    )
    bounds, within, unsettled = solve(first, ends, durations, working_durations, edges, gaps)
    es, lf, es_by, lf_by, es_lag, lf_lag = bounds
    result = Schedule(
        calendar,
        ids,
        index,
        order,
        (es, lf, durations, ends),
        (es_by, lf_by, es_lag, lf_lag),
        edges,
        (sources, starts),
        calendar_start,
    )
    result._within = within
    result._unsettled = tuple(ids[i] for i in unsettled)
    return result
