"""Rules across calendars: a calendar checked inside another (a province's inside the national budget's).

A step names another calendar's step as ``calendar:step`` (``budget-2563:s1``),
in ``after`` (it follows that step) or in ``feeds`` (its output feeds that
step: the province's plans feed the budget requests of the central agencies).
The rules run when :func:`~thaiplan.validate` is given the other calendars
(``with_calendars=[...]``, ``--with NAME`` on the command line):

- ``cross-calendar-missing``: a step names a calendar that was not given, so
  that link goes unchecked (the fix: give it);
- ``cross-calendar-unknown-step``: the calendar was given but has no such step;
- ``cross-calendar-order``: a step that follows another calendar's step keeps
  that order: its stated period leaves room for it, it is not stated to start
  before that step is stated to end, scheduled together it can be kept (the
  chain of bounds is shown), and no circle runs through the calendars;
- ``cross-plans-before-requests``: the province's plans reach the central
  agencies before the budget requests they feed are due: a step that feeds a
  step of another calendar finishes before the fed step's stated end. Without
  ``feeds``, a step that sends plans to the central agencies (its title says
  ส่ง … แผน … ส่วนกลาง) is taken to feed every step of another calendar that
  is about budget requests (its title says คำของบประมาณ), and the finding says
  it was read from the titles;
- ``cross-fiscal-year``: the calendars given prepare another fiscal year than
  the calendar checked inside them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _contains, _en, _th
from thaiplan.dates import add_working_days, to_thai_digits
from thaiplan.errors import HolidayDataError
from thaiplan.model._steps import Dependency, LagUnit, PlanningCalendar, Step


def _fix(name: str) -> tuple[str, str]:
    return (
        f"check the calendars together: thaiplan validate ... --with {name}"
        f" (API: validate(calendar, with_calendars=[thaiplan.load_calendar({name!r})]))",
        f"ให้ตรวจร่วมกับปฏิทินนั้น: thaiplan validate ... --with {name}",
    )


@rule(
    "cross-calendar-missing",
    severity="warning",
    description="the calendars that steps name (calendar:step) are given, so those links are checked",
)
def _missing(context: Context) -> Iterator[Issue]:
    if context.calendar is None:
        return
    others = context.with_calendars
    for step, kind, reference, name, _ in context.cross_references:
        if name in others:
            continue
        fix_en, fix_th = _fix(name)
        verb_en = "follows" if kind == "after" else "feeds"
        verb_th = "ทำต่อจาก" if kind == "after" else "ส่งผลให้"
        yield Issue(
            f"{step.id} {verb_en} {reference!r}, a step of the calendar {name!r}, which was not"
            f" given, so that link is not checked; {fix_en}",
            f"{step.id} {verb_th} {reference!r} ซึ่งเป็นขั้นตอนของปฏิทิน {name!r} ที่ไม่ได้ระบุมา"
            f" จึงไม่ได้ตรวจความเชื่อมโยงนี้ {fix_th}",
            steps=(step.id,),
            objects=(reference,),
        )


@rule(
    "cross-calendar-unknown-step",
    severity="error",
    description="a step of another calendar that a step names (calendar:step) exists",
)
def _unknown(context: Context) -> Iterator[Issue]:
    if context.calendar is None:
        return
    others = context.with_calendars
    for step, _, reference, name, wanted in context.cross_references:
        other = others.get(name)
        if other is None or wanted in other:
            continue
        ids = ", ".join(s.id for s in other.steps) or "none"
        yield Issue(
            f"{step.id} names {reference!r}, but the calendar {name!r} has no step {wanted!r}"
            f" (its steps: {ids})",
            f"{step.id} อ้างถึง {reference!r} แต่ปฏิทิน {name!r} ไม่มีขั้นตอน {wanted!r}",
            steps=(step.id,),
            objects=(reference,),
        )


def _lagged(day: dt.date, dependency: Dependency) -> dt.date:
    """The day before the first a step may start, when what it follows finishes on ``day``.

    The lag counts working days when the dependency says so, as the schedule counts it.
    """
    if dependency.lag and dependency.unit is LagUnit.WORKING_DAYS:
        return add_working_days(day, dependency.lag)
    return day + dt.timedelta(days=dependency.lag)


def _first_finish(step: Step) -> dt.date | None:
    start = step.period.start
    return None if start is None else start + dt.timedelta(days=step.duration - 1)


@rule(
    "cross-calendar-order",
    severity="error",
    description="a step that follows another calendar's step keeps that order",
)
def _order(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    others = context.with_calendars
    reported: set[str] = set()
    for step, kind, reference, name, wanted in context.cross_references:
        other = others.get(name)
        if kind != "after" or other is None or wanted not in other:
            continue
        before = other.step(wanted)
        dependency = next(d for d in step.after if d.step == reference)
        first_finish = _first_finish(before)
        end = step.period.end
        try:
            earliest = None if first_finish is None else _lagged(first_finish, dependency)
            latest_before = _lagged(before.period.end, dependency)
        except HolidayDataError:
            continue  # a working-day lag beyond the holiday data: not checkable here
        if (
            first_finish is not None
            and earliest is not None
            and earliest + dt.timedelta(days=step.duration) > end
        ):
            reported.add(step.id)
            first_start = earliest + dt.timedelta(days=1)
            yield Issue(
                f"{step.id} ({step.when}) must follow {reference} ({before.when}), but"
                f" {reference} cannot finish before {_en(first_finish)}, so {step.id} cannot start"
                f" before {_en(first_start)}, and its stated period ends on {_en(end)}: change one"
                " of the periods or the dependency",
                f"{step.id} ({step.when}) ต้องทำต่อจาก {reference} ({before.when})"
                f" แต่ {reference} เสร็จได้เร็วที่สุด {_th(first_finish)} {step.id} จึงเริ่มได้ไม่ก่อน"
                f" {_th(first_start)} ขณะที่ต้องเสร็จภายใน {_th(end)}",
                steps=(step.id,),
                objects=(reference,),
            )
            continue
        start = step.period.start
        if start is not None and start <= latest_before:
            yield Issue(
                f"{step.id} is stated to start on {_en(start)} ({step.when}), but it follows"
                f" {reference}, stated to end on {_en(before.period.end)}"
                f" ({before.when}): it may start only after that",
                f"{step.id} กำหนดเริ่ม {_th(start)} ({step.when}) แต่ต้องทำต่อจาก {reference}"
                f" ซึ่งกำหนดสิ้นสุด {_th(before.period.end)} จึงเริ่มได้หลังจากนั้น",
                steps=(step.id,),
                objects=(reference,),
                severity=Severity.WARNING,
            )
    cycle = context.combined_cycle
    if cycle:
        path = " -> ".join((*cycle, cycle[0]))
        own = tuple(step for step in cycle if step in context.step_index)
        yield Issue(
            f"the steps of the calendars depend on one another in a circle: {path}; remove one"
            " of these dependencies",
            f"ขั้นตอนของปฏิทินเหล่านี้ต้องทำต่อจากกันเป็นวงกลม: {path} ให้ตัดความเชื่อมโยงออกหนึ่งรายการ",
            steps=own,
            objects=tuple(step for step in cycle if step not in own),
        )
    yield from _squeezed_by_others(context, reported)


def _squeezed_by_others(context: Context, reported: set[str]) -> Iterator[Issue]:
    """Steps that can be kept alone but not together with the other calendars."""
    together = context.combined_schedule
    if together is None:
        return  # no other calendars (or they cannot be scheduled together)
    alone = context.schedule
    calendar = context.calendar
    if alone is None or calendar is None:
        return
    for step in calendar.steps:
        if step.id in reported:
            continue
        earliest, latest, slack = together._finish(step.id)
        own = alone._finish(step.id)[2]
        if earliest is None or slack is None or slack >= 0 or own is None or own < 0:
            continue  # open (no slack figure), kept, or not kept alone either
        explanation = together.explain(step.id)
        yield Issue(
            f"{step.id} can be kept alone, but not inside the other calendars: it can finish no"
            f" earlier than {_en(earliest)} but must finish by {_en(latest)} ({-slack} days"
            f" short). Why:\n{explanation.message_en}",
            f"{step.id} ทำได้ทันเมื่อดูปฏิทินนี้ปฏิทินเดียว แต่ไม่ทันเมื่อดูร่วมกับปฏิทินอื่น:"
            f" เสร็จได้เร็วที่สุด {_th(earliest)} แต่ต้องเสร็จภายใน {_th(latest)}"
            f" (ขาด {to_thai_digits(-slack)} วัน) เพราะ\n{explanation.message_th}",
            steps=(step.id,),
        )


def _sends_plans(step: Step) -> bool:
    return (
        _contains(step.title, "ส่ง")
        and _contains(step.title, "แผน")
        and _contains(step.title, "ส่วนกลาง")
    )


def _is_request(step: Step) -> bool:
    return _contains(step.title, "คำของบประมาณ")


def _fed(context: Context) -> Iterator[tuple[Step, str, str, PlanningCalendar, Step, bool]]:
    """(step, reference, calendar name, calendar, fed step, read from the titles) of every feed."""
    calendar = context.calendar
    assert calendar is not None
    others = context.with_calendars
    explicit: set[tuple[str, int]] = set()
    for step, kind, reference, name, wanted in context.cross_references:
        other = others.get(name)
        if kind != "feeds" or other is None or wanted not in other:
            continue
        explicit.add((step.id, id(other)))
        yield step, reference, name, other, other.step(wanted), False
    senders = [s for s in calendar.steps if _sends_plans(s) and not s.feeds]
    if not senders:
        return
    seen: set[int] = {id(calendar)}
    for name, other in others.items():
        if id(other) in seen:
            continue
        seen.add(id(other))
        for fed in other.steps:
            if not _is_request(fed):
                continue
            for step in senders:
                if (step.id, id(other)) not in explicit:
                    yield step, f"{name}:{fed.id}", name, other, fed, True


@rule(
    "cross-plans-before-requests",
    severity="error",
    description="the province's plans reach the central agencies before the budget requests they feed are due",
)
def _plans_before_requests(context: Context) -> Iterator[Issue]:
    if context.calendar is None or not context.with_calendars:
        return
    together = context.combined_schedule
    for step, reference, name, _, fed, implicit in _fed(context):
        due = fed.period.end
        how_en = " (read from the titles: name it in the step's `feeds` to make it explicit)"
        how_th = " (อ่านจากชื่อขั้นตอน ให้ระบุใน feeds ของขั้นตอนเพื่อให้ชัดเจน)"
        if not implicit:
            how_en = how_th = ""
        earliest = together._finish(step.id)[0] if together is not None else _first_finish(step)
        planned = step.period.end
        head_en = f"{step.id} ({step.when}) feeds {reference} ({fed.when}){how_en}"
        head_th = f"{step.id} ({step.when}) เป็นข้อมูลให้ {reference} ({fed.when}){how_th}"
        if earliest is not None and earliest >= due:
            yield Issue(
                f"{head_en}, but it can finish no earlier than {_en(earliest)}, not before the"
                f" {name} step is due ({_en(due)}): the plans reach the central agencies too late",
                f"{head_th} แต่เสร็จได้เร็วที่สุด {_th(earliest)} ไม่ทันก่อนกำหนดของ {reference}"
                f" ({_th(due)}) แผนจึงถึงหน่วยงานส่วนกลางไม่ทัน",
                steps=(step.id,),
                objects=(reference,),
            )
        elif planned >= due:
            yield Issue(
                f"{head_en}, but it is stated to end on {_en(planned)}, not before the {name} step"
                f" is due ({_en(due)}): as stated, the plans may reach the central agencies too late",
                f"{head_th} แต่กำหนดสิ้นสุด {_th(planned)} ไม่ก่อนกำหนดของ {reference} ({_th(due)})"
                " แผนอาจถึงหน่วยงานส่วนกลางไม่ทัน",
                steps=(step.id,),
                objects=(reference,),
                severity=Severity.WARNING,
            )
        else:
            margin = (due - planned).days
            yield Issue(
                f"{head_en}: stated to end on {_en(planned)}, {margin} days before the {name} step"
                f" is due ({_en(due)})",
                f"{head_th}: กำหนดสิ้นสุด {_th(planned)} ก่อนกำหนดของ {reference} ({_th(due)})"
                f" {to_thai_digits(margin)} วัน",
                steps=(step.id,),
                objects=(reference,),
                severity=Severity.INFO,
            )


@rule(
    "cross-fiscal-year",
    severity="warning",
    description="a calendar is checked inside calendars of the fiscal year it prepares",
)
def _fiscal_year(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.fiscal_year is None:  # a standing template: no year
        return
    seen: set[int] = set()
    for name, other in context.with_calendars.items():
        if id(other) in seen:
            continue
        seen.add(id(other))
        if other.fiscal_year is not None and other.fiscal_year != calendar.fiscal_year:
            yield Issue(
                f"the calendar prepares fiscal year {calendar.fiscal_year}, but {name} is a"
                f" calendar of fiscal year {other.fiscal_year}: check it inside the calendar of"
                f" its own year",
                f"ปฏิทินนี้เป็นของปีงบประมาณ {to_thai_digits(calendar.fiscal_year)} แต่ {name}"
                f" เป็นปฏิทินของปีงบประมาณ {to_thai_digits(other.fiscal_year)}"
                " ให้ตรวจร่วมกับปฏิทินของปีเดียวกัน",
                objects=(name,),
            )
