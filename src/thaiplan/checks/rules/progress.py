"""Rules on progress reports against the plan: late steps, and reports that cannot be true.

These rules run only when :func:`~thaiplan.validate` is given ``progress=``;
they measure the reports as of the progress's own date, as
:func:`~thaiplan.status` does.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterator

from thaiplan.checks._registry import Context, Issue, rule
from thaiplan.checks.rules._common import _en, _th
from thaiplan.errors import HolidayDataError
from thaiplan.model._progress import StepProgress
from thaiplan.scheduling._status import Status, standing_of

# The status of one validation, shared by the rules that read it: made once,
# against the schedule validation has made already.
_STATUSES: weakref.WeakKeyDictionary[Context, Status | None] = weakref.WeakKeyDictionary()


def _status(context: Context) -> Status | None:
    if context not in _STATUSES:
        _STATUSES[context] = _make_status(context)
    return _STATUSES[context]


def _make_status(context: Context) -> Status | None:
    progress, calendar = context.progress, context.calendar
    if progress is None or calendar is None:
        return None  # no reports: the schedule is not asked for
    known = {step.id for step in calendar.steps}
    if any(record.step not in known for record in progress):
        return None  # reported by progress-unknown-step
    plan = context.schedule
    if plan is None:
        return None  # a calendar that cannot be scheduled: reported by its own rules
    try:
        return standing_of(calendar, plan, progress.date, progress)
    except HolidayDataError:
        return None  # a working-day lag beyond the holiday data


@rule(
    "progress-unknown-step",
    severity="error",
    description="progress is reported only on steps of the calendar",
)
def _unknown(context: Context) -> Iterator[Issue]:
    if context.progress is None or context.calendar is None:
        return
    known = {step.id for step in context.calendar.steps}
    for record in context.progress:
        if record.step not in known:
            yield Issue(
                f"progress is reported on step {record.step!r}, which the calendar does not have",
                f"มีรายงานความก้าวหน้าของขั้นตอน {record.step} ซึ่งไม่มีในปฏิทิน",
                objects=(f"progress.steps.{record.step}",),
            )


def _dates(record: StepProgress) -> Iterator[tuple[str, str, dt.date]]:
    for field, th, day in (
        ("started", "วันที่เริ่ม", record.actual_start),
        ("finished", "วันที่แล้วเสร็จ", record.actual_finish),
        ("reported", "วันที่รายงาน", record.reported_on),
    ):
        if day is not None:
            yield field, th, day


@rule(
    "progress-in-future",
    severity="error",
    description="no actual date is later than the date the reports speak for",
)
def _in_future(context: Context) -> Iterator[Issue]:
    if context.progress is None:
        return
    as_of = context.progress.date
    for record in context.progress:
        for field, th, day in _dates(record):
            if day > as_of:
                yield Issue(
                    f"step {record.step} is reported {field} on {_en(day)},"
                    f" after the reports' date {_en(as_of)}; check the year or the as_of date",
                    f"ขั้นตอน {record.step} รายงาน{th} {_th(day)} ซึ่งเลยวันที่ของรายงาน"
                    f" ({_th(as_of)}) ตรวจสอบปีหรือวันที่ของรายงาน",
                    steps=(record.step,),
                    objects=(f"progress.steps.{record.step}.{field}",),
                )


@rule(
    "progress-overdue",
    severity="warning",
    description="every step is done by its latest finish",
)
def _overdue(context: Context) -> Iterator[Issue]:
    result = _status(context)
    if result is None:
        return
    for entry in result.overdue:
        late = (result.as_of - entry.latest_finish).days
        yield Issue(
            f"step {entry.step} is overdue: it had to finish by {_en(entry.latest_finish)}"
            f" and is not reported done on {_en(result.as_of)}, {late} days after that date",
            f"ขั้นตอน {entry.step} เลยกำหนด: ต้องแล้วเสร็จภายใน {_th(entry.latest_finish)}"
            f" แต่ ณ วันที่ {_th(result.as_of)} ยังไม่มีรายงานว่าเสร็จสิ้น",
            steps=(entry.step,),
        )


@rule(
    "progress-at-risk",
    severity="warning",
    description="every step not done is forecast to finish by its latest finish",
)
def _at_risk(context: Context) -> Iterator[Issue]:
    result = _status(context)
    if result is None:
        return
    for entry in result.at_risk:
        yield Issue(
            f"step {entry.step} is at risk: forecast to finish on {_en(entry.forecast_finish)},"
            f" {entry.days_late} days after its latest finish {_en(entry.latest_finish)}",
            f"ขั้นตอน {entry.step} เสี่ยงล่าช้า: คาดว่าจะแล้วเสร็จ {_th(entry.forecast_finish)}"
            f" หลังกำหนด ({_th(entry.latest_finish)})",
            steps=(entry.step,),
        )


@rule(
    "progress-before-predecessor",
    severity="error",
    description="a step starts only after the steps before it have actually finished",
)
def _before_predecessor(context: Context) -> Iterator[Issue]:
    if context.progress is None or context.calendar is None:
        return
    records = context.progress.by_step()
    for step in context.calendar.steps:
        record = records.get(step.id)
        if record is None or record.actual_start is None:
            continue
        for dependency in step.after:
            before = records.get(dependency.step)
            if before is None or before.actual_finish is None:
                continue
            if record.actual_start <= before.actual_finish:
                yield Issue(
                    f"step {step.id} is reported to start on {_en(record.actual_start)},"
                    f" but it follows {dependency.step}, reported to finish on"
                    f" {_en(before.actual_finish)}",
                    f"ขั้นตอน {step.id} รายงานว่าเริ่ม {_th(record.actual_start)}"
                    f" แต่ต้องทำต่อจากขั้นตอน {dependency.step} ซึ่งรายงานว่าแล้วเสร็จ"
                    f" {_th(before.actual_finish)}",
                    steps=(dependency.step, step.id),
                )


@rule(
    "progress-predecessor-not-started",
    severity="warning",
    description="a step is under way only when the steps before it have started",
)
def _predecessor_not_started(context: Context) -> Iterator[Issue]:
    if context.progress is None or context.calendar is None:
        return
    records = context.progress.by_step()
    for step in context.calendar.steps:
        record = records.get(step.id)
        if record is None or not record.started_yet or record.cancelled:
            continue
        for dependency in step.after:
            before = records.get(dependency.step)
            if before is None or not (before.started_yet or before.cancelled):
                yield Issue(
                    f"step {step.id} is reported under way or done, but {dependency.step},"
                    " which comes before it, is not reported started",
                    f"ขั้นตอน {step.id} มีรายงานว่าดำเนินการแล้ว แต่ขั้นตอน {dependency.step}"
                    " ซึ่งต้องทำก่อน ยังไม่มีรายงานว่าเริ่มดำเนินการ",
                    steps=(dependency.step, step.id),
                )
