"""Re-basing a calendar on another fiscal year.

Every stated period moves by the same number of years, month ends staying
month ends (the last day of February stays the last day of February, in
leap years and others); the ``when`` of each step is written anew in the
style and digits it was written in; the Gantt table's year moves too, and
so do the fiscal-year mentions of the titles and the annual plans of the
calendar's fiscal year. Multi-year plans keep their years. A step with no dates
of its own (no ``when``, a count of days, a period counted from an event, a
recurring one) keeps its ``when``: it names no year. Days that land on a weekend or
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
    parse_period,
    to_thai_digits,
    working_day_on_or_after,
)
from thaiplan.errors import ModelError, ModelTypeError, ThaiDateError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._marks import _gantt_mark
from thaiplan.model._records import BE_YEARS
from thaiplan.model._steps import PlanningCalendar, Step
from thaiplan.scheduling._pause import paused_collection

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


def _move_day(day: dt.date, years: int, step: str = "") -> dt.date:
    """The same day ``years`` later; a month's last day stays its last day."""
    year = day.year + years
    if not 1 <= year <= 9999:
        raise ModelError(
            f"shifting by {years} years moves {day.isoformat()} of step {step!r} to the year"
            f" {year}, outside the years 1-9999 CE (พ.ศ. 544-10542) that dates can have;"
            " choose a nearer fiscal year"
        )
    last = _calendar.monthrange(day.year, day.month)[1]
    new_last = _calendar.monthrange(year, day.month)[1]
    if day.day == last:
        return dt.date(year, day.month, new_last)
    return dt.date(year, day.month, min(day.day, new_last))


def _move_period(period: Period, years: int, step: str = "") -> Period:
    start = _move_day(period.start, years, step) if period.start is not None else None
    return Period(period.kind, start, _move_day(period.end, years, step), "")


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
        ModelTypeError: ``calendar`` is not a calendar, or ``fiscal_year`` not an int.
        ModelError: ``fiscal_year`` is not a Buddhist-Era year (พ.ศ. 2400-10542),
            or it moves a day or a Gantt mark to a year that cannot be written
            and read back (past 9999 CE).
        HolidayDataError: A day lands in a year without holiday data.

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> result = thaiplan.shift(calendar, fiscal_year=2564)
    >>> result.calendar.step("s7").when, result.calendar.step("s3").when
    ('มิ.ย. - ก.ค. ๖๒', '๔ เม.ย. ๖๒')
    >>> result.calendar.step("s14").period.end
    datetime.date(2019, 9, 30)
    """
    if isinstance(calendar, PlanningDocument):
        if calendar.calendar is None:
            raise ModelError(f"document {calendar.id!r} has no calendar to shift")
        calendar = calendar.calendar
    if not isinstance(calendar, PlanningCalendar):
        raise ModelTypeError(
            "shift(calendar)", calendar, "a PlanningCalendar or a PlanningDocument"
        )
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int):
        raise ModelTypeError("shift(fiscal_year)", fiscal_year, "a Buddhist-Era year as an int")
    if not isinstance(to_working_days, bool):
        raise ModelTypeError("shift(to_working_days)", to_working_days, "True or False")
    if not BE_YEARS[0] <= fiscal_year <= BE_YEARS[1]:
        hint = f"; did you mean {fiscal_year + 543}?" if 1857 <= fiscal_year <= 2300 else ""
        raise ModelError(
            f"fiscal_year must be a Buddhist-Era year from {BE_YEARS[0]} to {BE_YEARS[1]}"
            f" (the last whose days have dates), such as 2564, not {fiscal_year!r}{hint}"
        )
    if calendar.fiscal_year is None:
        raise ModelError(
            "shift: the calendar is a standing yearly calendar with no fiscal year (a template);"
            f" make the calendar of a year with calendar.for_fiscal_year({fiscal_year})"
        )
    with paused_collection():  # 100,000 new steps make no cycles: see _pause.py
        return _shifted(calendar, fiscal_year, to_working_days)


def _shifted(calendar: PlanningCalendar, fiscal_year: int, to_working_days: bool) -> ShiftResult:
    """The work of :func:`shift`, once its arguments are checked."""
    assert calendar.fiscal_year is not None
    years = fiscal_year - calendar.fiscal_year
    steps: list[Step] = []
    landings: list[Landing] = []
    for step in calendar.steps:
        title = _retitle(step.title, calendar.fiscal_year, fiscal_year)
        gantt = tuple(_regantt(mark, years, step.id) for mark in step.gantt)
        if not step.dated:  # no date, counted from an event, recurring: nothing of a year to move
            steps.append(attrs.evolve(step, title=title, gantt=gantt))
            continue
        if step.year is not None and _without_year(step.when):
            # written without a year: the same words, read in the year moved along
            moved_step = attrs.evolve(step, year=step.year + years)
            period = moved_step.period
            steps.append(attrs.evolve(moved_step, title=title, gantt=gantt))
            landings += _landings(step.id, period)
            continue
        period = _move_period(step.period, years, step.id)
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
        _check_reads_back(step.id, when, period)
        gantt = tuple(_regantt(mark, years, step.id) for mark in step.gantt)
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
        year=calendar.year + years if calendar.year is not None else None,
    )
    return ShiftResult(new, tuple(landings))


def _without_year(when: str) -> bool:
    """Whether ``when`` writes no year of its own (it is read in its step's ``year``)."""
    try:
        parse_period(when)
    except ThaiDateError as error:
        return error.reason == "missing_year"
    return False


def _landings(step: str, period: Period) -> list[Landing]:
    """The days of a moved step read in its new year that fall on a weekend or holiday."""
    found = []
    for day in _landing_days(period):
        if not is_working_day(day):
            why = holiday_name(day) or ("Saturday" if day.weekday() == 5 else "Sunday")
            found.append(Landing(step, day, why))
    return found


def _check_reads_back(step: str, when: str, period: Period) -> None:
    """What shift writes, thaiplan reads back: the new ``when`` is the moved period."""
    try:
        again = parse_period(when)
    except ThaiDateError:
        again = None
    if again != period:
        raise ModelError(
            f"step {step!r} moves to {period.start or ''}..{period.end}, which would be written"
            f" {when!r}, a text that does not read back as those days; choose a nearer fiscal year"
        )


def _mark_months(mark: str) -> tuple[tuple[int, int], ...] | None:
    try:
        return _gantt_mark(mark)
    except ThaiDateError:
        return None


#: A year in a Gantt mark: 2 or 4 digits at the end, or before the dash of a range.
_MARK_YEAR: Final = re.compile(r"(?<![0-9๐-๙])([0-9๐-๙]{2,4})(?=\s*(?:[-–]|$))")


def _regantt(mark: str, years: int, step: str = "") -> str:
    """A Gantt mark with its own year, moved; a bare month stays as it is.

    A two-digit year stays two digits while it reads back as the same year
    (พ.ศ. 2500-2599); past that it is written in four. A mark that cannot be
    written so that it reads back as the moved months is an error, never a
    mark that no longer loads.
    """
    own = _gantt_mark(mark)
    if own is None:
        return mark
    expected = tuple((year + years, month) for year, month in own if 1 <= year + years <= 9999)

    def replace(match: re.Match[str]) -> str:
        written = match.group(1)
        arabic = written.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
        if len(arabic) == 2:
            value = 2500 + int(arabic) + years  # two digits are always พ.ศ. 25xx
            text = f"{value % 100:02d}" if 2500 <= value <= 2599 else str(value)
        else:
            text = str(int(arabic) + years)
        return to_thai_digits(text) if written != arabic else text

    moved = _MARK_YEAR.sub(replace, mark.strip())
    again = _mark_months(moved)
    if again != expected and len(expected) == len(own) and expected:
        # The written form cannot say the new year (ธ.ค. 9999 + 1 would be ธ.ค. 10000,
        # which no parser reads): write the months as format_period does, year marked.
        digits = "thai" if re.search("[๐-๙]", mark) else "arabic"
        moved = format_period(
            Period.months(expected[0], expected[-1])
            if len(expected) > 1
            else Period.month(*expected[0]),
            digits=digits,  # type: ignore[arg-type]
        )
        again = _mark_months(moved)
    if len(expected) != len(own) or again != expected:
        raise ModelError(
            f"shifting by {years} years moves the Gantt mark {mark!r} of step {step!r} to a year"
            f" that cannot be written and read back ({moved!r}); choose a nearer fiscal year"
        )
    return moved
