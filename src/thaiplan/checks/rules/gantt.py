"""Rules on the Gantt table against the stated periods."""

from __future__ import annotations

from collections.abc import Iterator

from thaiplan.checks._registry import Context, Issue, rule
from thaiplan.checks.rules._common import _month_th
from thaiplan.dates import (
    PeriodKind,
)


@rule(
    "gantt-outside-period",
    severity="warning",
    description="the months marked in the Gantt table lie within the stated period",
)
def _gantt_outside(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.gantt_year is None:
        return
    for step in calendar.steps:
        marks = step.gantt_months(calendar.gantt_year)
        if not marks or not step.dated:  # a step with no dates of its own: nothing to compare
            continue
        stated = set(step.period.iter_months())
        if step.period.kind is PeriodKind.DEADLINE:
            # a deadline is kept by work in any month up to it
            outside = [m for m in marks if m > (step.period.end.year, step.period.end.month)]
        else:
            outside = [m for m in marks if m not in stated]
        if not outside:
            continue
        marked = ", ".join(_month_th(*m) for m in marks)
        first_stated = min(stated)
        shift = (first_stated[0] - marks[0][0]) * 12 + first_stated[1] - marks[0][1]
        how = ""
        if (
            step.period.kind is not PeriodKind.DEADLINE
            and shift > 0
            and all(m < first_stated for m in marks)
        ):
            how = (
                f" (the marks sit {shift} month{'s' if shift > 1 else ''} before the stated period)"
            )
        yield Issue(
            f"{step.id}: the Gantt table marks {marked} but the stated period is {step.when!r}{how}",
            f"{step.id}: ตาราง Gantt ทำเครื่องหมายไว้ที่ {marked} แต่ช่วงเวลาที่ระบุคือ '{step.when}'",
            steps=(step.id,),
        )


@rule(
    "gantt-partial",
    severity="info",
    description="every month of a stated range is marked in the Gantt table",
)
def _gantt_partial(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.gantt_year is None:
        return
    for step in calendar.steps:
        marks = set(step.gantt_months(calendar.gantt_year))
        if not marks or step.period.kind not in (PeriodKind.MONTH_RANGE, PeriodKind.DAY_RANGE):
            continue
        stated = list(step.period.iter_months())
        missing = [m for m in stated if m not in marks]
        if missing and marks <= set(stated):
            yield Issue(
                f"{step.id}: the stated period {step.when!r} spans {len(stated)} months, but the"
                f" Gantt table marks only {', '.join(_month_th(*m) for m in sorted(marks))}",
                f"{step.id}: ช่วงเวลา '{step.when}' มี {len(stated)} เดือน แต่ตาราง Gantt"
                f" ทำเครื่องหมายไว้เพียง {', '.join(_month_th(*m) for m in sorted(marks))}",
                steps=(step.id,),
            )
