"""Rules on time: dependencies that cannot be kept, starts before a predecessor allows, negative slack, deadlines that conflict.

Every rule counts a lag in working days in Thai government working days, as
:func:`~thaiplan.schedule` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Final

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _days, _en, _th
from thaiplan.checks.rules._round import FarStep, explained, far_steps
from thaiplan.dates import Period, PeriodKind, add_working_days, to_thai_digits
from thaiplan.errors import HolidayDataError
from thaiplan.model._steps import Dependency, LagUnit
from thaiplan.scheduling._schedule import Constraint, Explanation, Schedule


def _after(finish: dt.date, lag: int, unit: LagUnit) -> dt.date:
    """The first day a step may start after one that finishes on ``finish``, with the lag.

    A lag in working days is counted in working days (as :func:`~thaiplan.schedule`
    counts it): five working days after a Friday is the next Friday, not Wednesday.

    Raises:
        HolidayDataError: A working-day lag reaches a year without holiday data.
    """
    if unit is LagUnit.WORKING_DAYS and lag:
        return add_working_days(finish, lag) + _ONE
    return finish + dt.timedelta(days=lag + 1)


_ONE: Final = dt.timedelta(days=1)


def _lag_en(dependency: Dependency) -> str:
    if not dependency.lag:
        return ""
    unit = "working day" if dependency.unit is LagUnit.WORKING_DAYS else "day"
    return f" and a lag of {_days(dependency.lag).replace('day', unit, 1)}"


def _lag_th(dependency: Dependency) -> str:
    if not dependency.lag:
        return ""
    unit = "วันทำการ" if dependency.unit is LagUnit.WORKING_DAYS else "วัน"
    return f" และต้องเว้น {to_thai_digits(dependency.lag)} {unit}"


#: The end of a step with no dates of its own (no `when`, relative, recurring): none.
_NO_END: Final = dt.date.max.toordinal()


@rule(
    "impossible-dependency",
    severity="error",
    description="the stated periods leave room for each step to follow the steps before it",
)
def _impossible_dependencies(context: Context) -> Iterator[Issue]:
    steps = context.steps
    # day ordinals and durations once a step: the loop over the dependencies is integer sums
    starts = [s.period.start.toordinal() if s.period.start is not None else None for s in steps]
    ends = [s.period.end.toordinal() if s.dated else _NO_END for s in steps]  # undated: no end
    durations = [s.duration for s in steps]
    far = far_steps(context, context.calendar)  # a step far outside the round: outside-round's
    followers, followed, dependencies = context.dependencies  # looked up once for all rules
    for k, j, dependency in zip(followers, followed, dependencies, strict=True):
        step = steps[k]
        if far and explained(far, (step.id, dependency.step)):
            continue
        first = starts[j]
        if first is None:
            continue
        # first finish of the step before, first start after it, last finish of this one
        lag = dependency.lag
        if lag and dependency.unit is LagUnit.WORKING_DAYS:
            try:
                begin = _after(dt.date.fromordinal(first + durations[j] - 1), lag, dependency.unit)
            except HolidayDataError:
                continue  # no working days to count: the schedule says so
            earliest = begin.toordinal()
        else:
            earliest = first + durations[j] + lag
        if earliest + durations[k] - 1 > ends[k]:
            before = steps[j]
            first_finish = dt.date.fromordinal(first + durations[j] - 1)
            yield Issue(
                f"{step.id} ({step.when}) must follow {before.id} ({before.when}), but"
                f" {before.id} cannot finish before {_en(first_finish)}{_lag_en(dependency)},"
                f" and {step.id}'s stated period ends on {_en(step.period.end)}:"
                " change one of the periods or the dependency",
                f"{step.id} ({step.when}) ต้องทำต่อจาก {before.id} ({before.when}) แต่ {before.id}"
                f" เสร็จได้เร็วที่สุด {_th(first_finish)}{_lag_th(dependency)} ขณะที่ {step.id} ต้องเสร็จภายใน"
                f" {_th(step.period.end)}",
                steps=(before.id, step.id),
            )


@rule(
    "start-before-predecessor",
    severity="warning",
    description="a step's stated start leaves room for the steps before it (their earliest finish and the lag)",
)
def _starts_before_predecessors(context: Context) -> Iterator[Issue]:
    """A stated start earlier than a step before it allows: the document's start cannot be kept.

    The earliest day a predecessor allows is its earliest finish (from the
    schedule: its stated start, the steps before it, the calendar's first
    day) plus one day and the lag, in working days when the lag says so. A
    start stated to the day is checked against that day; a month against its
    last day (see :func:`_stated_start`). The step can still be done later in
    its period, so this is a warning; a period that ends too early for the
    dependency is ``impossible-dependency``.
    """
    result = context.schedule
    if result is None:
        return
    steps = context.steps
    far = far_steps(context, context.calendar)  # a step far outside the round: outside-round's
    said = [_stated_start(step.period) if step.after else None for step in steps]
    lasts = [stated[1].toordinal() if stated is not None else 0 for stated in said]
    es, durations = result._es, result._durations  # earliest starts as day ordinals
    followers, followed, dependencies = context.dependencies  # looked up once for all rules
    for k, j, dependency in zip(followers, followed, dependencies, strict=True):
        stated = said[k]
        if stated is None or es[j] < 1:  # no stated start; or the step before is open
            continue
        lag = dependency.lag
        if (
            not far
            and (not lag or dependency.unit is not LagUnit.WORKING_DAYS)
            and es[j] + durations[j] + lag <= lasts[k]
        ):
            continue  # the day after its earliest finish and the lag: within the stated start
        step, before = steps[k], steps[j]
        start, last = stated
        finish = result._finish(before.id)[0]
        if finish is None:  # open: it allows any day
            continue
        if far and _far_explains(far, result, step.id, before.id):
            continue  # reported once, as its cause, by outside-round
        try:
            allowed = _after(finish, dependency.lag, dependency.unit)
        except HolidayDataError:
            continue
        if allowed <= last:
            continue
        if start == last:
            said_en, said_th = f"to start on {_en(start)}", f"เริ่ม {_th(start)}"
            late_en = f", {_days((allowed - start).days)} later"
        else:  # a month: it starts in that month, on no day in particular
            month = _th(start).split(" ", 1)[1]
            said_en, said_th = f"to start in {month}", f"เริ่มใน{month}"
            late_en = ", after that month"
        yield Issue(
            f"{step.id} is stated {said_en} ({step.when}), but it follows"
            f" {before.id} ({before.when}), which finishes no earlier than {_en(finish)}"
            f"{_lag_en(dependency)}: {step.id} can start on {_en(allowed)} at the earliest"
            f"{late_en}. Change the stated period or the dependency",
            f"{step.id} กำหนด{said_th} ({step.when}) แต่ต้องทำต่อจาก {before.id}"
            f" ({before.when}) ซึ่งเสร็จได้เร็วที่สุด {_th(finish)}{_lag_th(dependency)}"
            f" จึงเริ่มได้เร็วที่สุด {_th(allowed)}",
            steps=(before.id, step.id),
        )


def _stated_start(period: Period) -> tuple[dt.date, dt.date] | None:
    """When a period says its step starts: a day, or the days of its first month.

    A day (``๔ เม.ย. ๖๑``), a span of days and ``ตั้งแต่ … เป็นต้นไป`` state the
    day; a month or a month range states only the month it starts in (``พ.ค.
    ๖๑`` may start on any day of May). A deadline states no start, and a
    quarter or a year is too coarse to say more than its whole span does.
    """
    start = period.start
    if start is None:
        return None
    if period.kind in (PeriodKind.DAY, PeriodKind.DAY_RANGE, PeriodKind.OPEN_ENDED):
        return start, start
    if period.kind in (PeriodKind.MONTH, PeriodKind.MONTH_RANGE):
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - _ONE
    return None


#: A chain of more links than this shows its first and last _ENDS links only
#: (Schedule.explain gives them all), so that a finding stays a screenful.
_LINKS: Final = 7
_ENDS: Final = 3
#: A finding names this many of the steps a bound squeezes, and counts the rest.
_LISTED: Final = 10


def _links(chain: tuple[Constraint, ...], lang: str) -> list[str]:
    lines = [c.message_th if lang == "th" else c.message_en for c in chain]
    if len(lines) <= _LINKS:
        return lines
    hidden = len(lines) - 2 * _ENDS
    more = f"… {hidden:,} links more …" if lang == "en" else f"… อีก {to_thai_digits(hidden)} ขั้น …"
    return [*lines[:_ENDS], more, *lines[-_ENDS:]]


def _why(explanation: Explanation, lang: str) -> str:
    return "\n".join(
        _links(explanation.latest_finish, lang) + _links(explanation.earliest_start, lang)
    )


def _listed(steps: list[str], lang: str) -> str:
    shown = ", ".join(steps[:_LISTED])
    rest = len(steps) - _LISTED
    if rest <= 0:
        return shown
    return (
        f"{shown} and {rest:,} more"
        if lang == "en"
        else f"{shown} และอีก {to_thai_digits(rest)} ขั้นตอน"
    )


@rule(
    "negative-slack",
    severity="error",
    description="every step can be kept within its bounds",
)
def _negative_slack(context: Context) -> Iterator[Issue]:
    result = context.schedule
    if result is None:
        return
    order = context.step_index
    far = far_steps(context, context.calendar)  # a step far outside the round: outside-round's
    for chain in result.infeasible_chains:
        bound, explanation = chain.bound, chain.explanation
        links = (*explanation.latest_finish, *explanation.earliest_start)
        if explained(far, (bound.step, *chain.steps, *(c.step for c in links))) or explained(
            far, (c.other for c in links)
        ):
            continue  # reported once, as its cause, by outside-round
        lead = explanation.step
        earliest, latest, slack = result._finish(lead)  # no free slack needed
        assert earliest is not None  # a step with negative slack is dated
        assert slack is not None
        head_en = (
            f"{lead} cannot be kept: it can finish no earlier than"
            f" {_en(earliest)} but must finish by {_en(latest)} ({_days(-slack)} short)."
        )
        head_th = (
            f"{lead} ทำไม่ทันกำหนด: เสร็จได้เร็วที่สุด {_th(earliest)}"
            f" แต่ต้องเสร็จภายใน {_th(latest)} (ขาด {to_thai_digits(-slack)} วัน)"
        )
        others = [step for step in chain.steps if step != lead]
        if others:
            more = len(others)
            worst_en = worst_th = ""
            if chain.worst != lead:
                worst_en = f"; the most short is {chain.worst}, by {_days(-chain.slack)}"
                worst_th = (
                    f" ขั้นตอนที่ขาดมากที่สุดคือ {chain.worst} (ขาด {to_thai_digits(-chain.slack)} วัน)"
                )
            head_en += (
                f" {more:,} more step{'s' if more > 1 else ''} cannot be kept either, squeezed by"
                f" the same bound ({bound.message_en}): {_listed(others, 'en')}{worst_en}."
                f" Why, for {lead}:"
            )
            head_th += (
                f" และอีก {to_thai_digits(more)} ขั้นตอนก็ทำไม่ทันเช่นกัน เพราะติดข้อกำหนดเดียวกัน"
                f" ({bound.message_th}): {_listed(others, 'th')}{worst_th} สาเหตุของ {lead}:"
            )
        else:
            head_en += " Why:"
            head_th += " เพราะ"
        named = {*chain.steps, bound.step}
        severity = None
        tail_en = tail_th = ""
        calendar = context.calendar
        started = explanation.earliest_start[-1].cause == "calendar_start"
        if started and calendar is not None and calendar.as_of_date is None:
            # the first day is the earliest stated start only because the calendar has no date
            severity = Severity.WARNING
            tail_en = (
                "\nThe calendar states no date of its own (as_of), so a step with no stated start"
                " cannot start before the earliest start a step states; if these steps come before"
                " it, give the calendar its as_of (the date of its letter or its data)."
            )
            tail_th = (
                "\nปฏิทินไม่ระบุวันที่ของข้อมูล (as_of) ขั้นตอนที่ไม่ระบุวันเริ่มจึงเริ่มได้ไม่ก่อนวันเริ่มที่เร็วที่สุด"
                "ที่ขั้นตอนใดระบุ หากขั้นตอนเหล่านี้มาก่อนวันนั้น ให้ระบุ as_of (วันที่ของหนังสือหรือของข้อมูล)"
            )
        yield Issue(
            f"{head_en}\n{_why(explanation, 'en')}{tail_en}",
            f"{head_th}\n{_why(explanation, 'th')}{tail_th}",
            steps=tuple(sorted(named, key=order.__getitem__)),
            severity=severity,
        )


@rule(
    "deadline-conflict",
    severity="warning",
    description="a resolution's deadline agrees with the window of the step that carries it out",
)
def _deadline_conflicts(context: Context) -> Iterator[Issue]:
    document = context.document
    if document is None or document.meeting is None or context.calendar is None:
        return
    steps = {s.id: s for s in context.steps}
    for item in document.meeting.agenda:
        for resolution in item.resolutions:
            for action in resolution.actions:
                if action.deadline is None or action.step is None or action.step not in steps:
                    continue
                step = steps[action.step]
                deadline = action.deadline
                text = deadline.text or _en(deadline.end)
                if step.period.start is not None and deadline.end < step.period.start:
                    yield Issue(
                        f"resolution {item.number} sets {text!r} for what {step.id} carries out,"
                        f" but {step.id} is stated for {step.when!r}, which starts after that deadline",
                        f"มติวาระ {item.number} กำหนด '{text}' แต่ขั้นตอน {step.id} ({step.when})"
                        " เริ่มหลังกำหนดนั้น",
                        steps=(step.id,),
                        objects=(f"meeting.agenda[{item.number}]",),
                        severity=Severity.ERROR,
                    )
                elif step.period.end > deadline.end:
                    yield Issue(
                        f"resolution {item.number} sets {text!r} for what {step.id} carries out, but"
                        f" {step.id} is stated for {step.when!r}, which ends later"
                        f" ({_en(step.period.end)}, after {_en(deadline.end)}): one of the two is wrong",
                        f"มติวาระ {item.number} กำหนด '{text}' แต่ขั้นตอน {step.id} กำหนดไว้ '{step.when}'"
                        f" ซึ่งสิ้นสุดหลังกำหนดของมติ ({_th(step.period.end)})",
                        steps=(step.id,),
                        objects=(f"meeting.agenda[{item.number}]",),
                    )


def _far_explains(far: Mapping[str, FarStep], result: Schedule, step: str, before: str) -> bool:
    """Whether a far step (a mistyped year) sets the earliest finish ``before`` gives ``step``."""
    links = result.explain(before).earliest_start
    return explained(far, (step, before, *(c.step for c in links), *(c.other for c in links)))
