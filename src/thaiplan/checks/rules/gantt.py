"""Rules on the Gantt table against the stated periods."""

from __future__ import annotations

from collections.abc import Iterator

from thaiplan.checks._registry import Context, Issue, rule
from thaiplan.checks.rules._common import _month_th
from thaiplan.dates import (
    MONTH_VARIANTS,
    PeriodKind,
)
from thaiplan.dates._text import _normalise
from thaiplan.model._marks import _gantt_mark
from thaiplan.model._steps import PlanningCalendar, Step


def _marks(calendar: PlanningCalendar, step: Step) -> tuple[tuple[int, int], ...]:
    """The step's Gantt marks as (CE year, month), whether or not the table gives their year.

    A bare month is read in the table's ``gantt_year``, else in the calendar's
    ``year``; with neither, in the stated period's year: the year in which the
    stated period has that month, or else the year of its first day (of its
    last, for a deadline).
    """
    year = calendar.gantt_year if calendar.gantt_year is not None else calendar.year
    if year is not None:
        return step.gantt_months(year)
    stated = list(step.period.iter_months())
    if not step.gantt or not stated:
        return ()  # no marks, or a period with no dates to read them against
    months: list[tuple[int, int]] = []
    for mark in step.gantt:
        own = _gantt_mark(mark)
        if own is not None:
            months.extend(own)
            continue
        month = MONTH_VARIANTS[_normalise(mark)]
        years = [y for y, m in stated if m == month]
        months.append((years[0] if years else stated[0][0], month))
    return tuple(months)


def _read_in(calendar: PlanningCalendar) -> tuple[str, str]:
    """What the findings say of the marks' year when the table gives none (English, Thai)."""
    if calendar.gantt_year is not None or calendar.year is not None:
        return "", ""
    return (
        "; the table gives no year, so its months are read in the stated period's year",
        " (ตารางไม่ระบุปี จึงอ่านเดือนในปีของช่วงเวลาที่ระบุ)",
    )


@rule(
    "gantt-outside-period",
    severity="warning",
    description="the months marked in the Gantt table lie within the stated period",
)
def _gantt_outside(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    said, said_th = _read_in(calendar)
    for step in calendar.steps:
        marks = _marks(calendar, step)
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
            f"{step.id}: the Gantt table marks {marked} but the stated period is"
            f" {step.when!r}{how}{said}",
            f"{step.id}: ตาราง Gantt ทำเครื่องหมายไว้ที่ {marked} แต่ช่วงเวลาที่ระบุคือ"
            f" '{step.when}'{said_th}",
            steps=(step.id,),
        )


@rule(
    "gantt-partial",
    severity="info",
    description="every month of a stated range is marked in the Gantt table",
)
def _gantt_partial(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    for step in calendar.steps:
        marks = set(_marks(calendar, step))
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
