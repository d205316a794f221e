"""Re-basing a calendar on another fiscal year.

Every stated period moves by the same number of years, month ends staying
month ends (the last day of February stays the last day of February, in
leap years and others); the ``when`` of each step is written anew in the
style and digits it was written in; the Gantt table's year moves too, and
so do the fiscal-year mentions of the titles and the annual plans of the
calendar's fiscal year. Multi-year plans keep their years. Days that land on a weekend or
a Thai holiday are reported, and can be moved to the next working day, as a
deadline that falls on a holiday moves in Thai administrative practice.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from typing import Final

import attrs

from thaiplan.dates import (
    MONTH_NAMES,
    Period,
    PeriodKind,
    format_period,
    holiday_name,
    is_working_day,
    to_thai_digits,
    working_day_on_or_after,
)
from thaiplan.errors import ModelError, ThaiplanTypeError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._steps import PlanningCalendar, Step
from thaiplan.scheduling._source import calendar_and_document

__all__ = ["Landing", "ShiftResult", "shift"]


@attrs.frozen
class Landing:
    """A day of a shifted step that falls on a weekend or a holiday.

    Attributes:
        step: The step's id.
        day: The day it falls on.
        why: The holiday's Thai name, or ``"Saturday"``/``"Sunday"``.
        moved_to: The working day it was moved to, or ``None`` when not moved.
    """

    step: str
    day: dt.date
    why: str
    moved_to: dt.date | None = None


@attrs.frozen
class ShiftResult:
    """What :func:`shift` gives: the new calendar and the days to look at.

    Attributes:
        calendar: The calendar re-based on the new fiscal year.
        landings: The single days, day-range ends and dated deadlines that
            now fall on a weekend or a holiday (moved, if asked).
    """

    calendar: PlanningCalendar
    landings: tuple[Landing, ...]


def _move_day(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; a month's last day stays its last day."""
    year = day.year + years
    last = _calendar.monthrange(day.year, day.month)[1]
    new_last = _calendar.monthrange(year, day.month)[1]
    if day.day == last:
        return dt.date(year, day.month, new_last)
    return dt.date(year, day.month, min(day.day, new_last))


def _move_period(period: Period, years: int) -> Period:
    start = _move_day(period.start, years) if period.start is not None else None
    return Period(period.kind, start, _move_day(period.end, years), "")


def _style(text: str) -> tuple[str, str]:
    """The (style, digits) a period was written in."""
    digits = "thai" if re.search("[๐-๙]", text) else "arabic"
    style = "full" if any(name in text for name in MONTH_NAMES) else "abbr"
    return style, digits


_FISCAL_MENTION: Final = re.compile(r"(ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?)([0-9๐-๙]{4})")


def _retitle(text: str, old: int, new: int) -> str:
    def replace(match: re.Match[str]) -> str:
        written = match.group(2)
        arabic = written.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
        if int(arabic) != old:
            return match.group()
        year = to_thai_digits(new) if written != arabic else str(new)
        return match.group(1) + year

    return _FISCAL_MENTION.sub(replace, text)


def _landing_days(period: Period) -> list[dt.date]:
    """The days of a period that people must act on."""
    if period.kind is PeriodKind.DAY:
        return [period.end]
    if period.kind is PeriodKind.DAY_RANGE and period.start is not None:
        return [period.start, period.end]
    if period.kind is PeriodKind.DEADLINE:
        return [period.end]
    return []


def shift(
    calendar: PlanningCalendar | PlanningDocument,
    *,
    fiscal_year: int,
    to_working_days: bool = False,
) -> ShiftResult:
    """The same calendar for another fiscal year.

    Args:
        calendar: The calendar to re-base, or a document, whose calendar is
            re-based (as :func:`~thaiplan.validate` and
            :func:`~thaiplan.schedule` take either). The result holds the
            calendar only: the letter and the minutes keep their dates.
        fiscal_year: The Buddhist-Era fiscal year to re-base it on.
        to_working_days: Move each single day, day-range end and deadline
            that lands on a weekend or holiday to the next working day.

    Raises:
        ThaiplanTypeError: ``calendar`` is neither a calendar nor a document,
            or ``to_working_days`` is not True or False.
        ModelError: ``fiscal_year`` is not a Buddhist-Era year, or the
            document has no calendar.
        HolidayDataError: A day lands in a year without holiday data.

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> result = thaiplan.shift(calendar, fiscal_year=2564)
    >>> result.calendar.step("s7").when, result.calendar.step("s3").when
    ('มิ.ย. - ก.ค. ๖๒', '๔ เม.ย. ๖๒')
    >>> result.calendar.step("s14").period.end
    datetime.date(2019, 9, 30)
    """
    calendar, _ = calendar_and_document("shift", calendar, "calendar")
    if not isinstance(to_working_days, bool):
        raise ThaiplanTypeError("shift(to_working_days)", to_working_days, "True or False")
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int) or fiscal_year < 2400:
        raise ModelError(
            f"fiscal_year must be a Buddhist-Era year such as 2564, not {fiscal_year!r}"
        )
    years = fiscal_year - calendar.fiscal_year
    steps: list[Step] = []
    landings: list[Landing] = []
    for step in calendar.steps:
        period = _move_period(step.period, years)
        for day in _landing_days(period):
            if is_working_day(day):
                continue
            why = holiday_name(day) or ("Saturday" if day.weekday() == 5 else "Sunday")
            moved = working_day_on_or_after(day) if to_working_days else None
            landings.append(Landing(step.id, day, why, moved))
            if moved is not None:
                start = moved if period.start == day else period.start
                end = moved if period.end == day else period.end
                if start is not None and end < start:
                    end = start  # a range whose start moved past its end
                period = Period(period.kind, start, end, "")
        style, digits = _style(step.when)
        when = format_period(period, style=style, digits=digits)  # type: ignore[arg-type]
        gantt = tuple(_regantt(mark, years) for mark in step.gantt)
        steps.append(
            attrs.evolve(
                step,
                when=when,
                period=Period(period.kind, period.start, period.end, when),
                title=_retitle(step.title, calendar.fiscal_year, fiscal_year),
                gantt=gantt,
            )
        )
    plans = [
        attrs.evolve(
            plan,
            fiscal_year=fiscal_year,
            name=_retitle(plan.name, calendar.fiscal_year, fiscal_year),
        )
        if plan.fiscal_year == calendar.fiscal_year
        else plan
        for plan in calendar.plans
    ]
    new = attrs.evolve(
        calendar,
        title=_retitle(calendar.title, calendar.fiscal_year, fiscal_year),
        fiscal_year=fiscal_year,
        steps=steps,
        plans=plans,
        gantt_year=calendar.gantt_year + years if calendar.gantt_year is not None else None,
    )
    return ShiftResult(new, tuple(landings))


def _regantt(mark: str, years: int) -> str:
    """A Gantt mark with its own year, moved; a bare month stays as it is."""
    match = re.search("([0-9๐-๙]{2,4})$", mark.strip())
    if match is None:
        return mark
    written = match.group(1)
    arabic = written.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    value = int(arabic) + years
    text = f"{value % 100:02d}" if len(arabic) == 2 else str(value)
    if written != arabic:
        text = to_thai_digits(text)
    return mark[: match.start(1)] + text
