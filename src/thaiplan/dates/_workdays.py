"""Thai government working days.

A working day is a weekday (Monday-Friday) that is neither a public holiday
nor a government-office holiday of Thailand, as the ``holidays`` package
computes them in Thai: fixed and lunar holidays (มาฆบูชา, วิสาขบูชา, อาสาฬหบูชา,
เข้าพรรษา), substitution days (ชดเชย...), special days declared by the Cabinet,
and the government category (วันพืชมงคล, the Royal Ploughing Ceremony).

Counting never guesses: a day in a year that the holiday data does not cover
raises :class:`~thaiplan.errors.HolidayDataError`.

``holidays`` is imported the first time a working day is asked for, not with
thaiplan.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final

from thaiplan.errors import HolidayDataError

from ._text import check_day, check_int

__all__ = [
    "add_working_days",
    "holiday_name",
    "is_holiday",
    "is_working_day",
    "working_day_on_or_after",
    "working_days_between",
]

_CATEGORIES: Final = ("public", "government")
_ONE_DAY: Final = dt.timedelta(days=1)


@functools.cache
def _coverage() -> tuple[int, int]:
    from holidays.countries.thailand import Thailand

    return int(Thailand.start_year), int(Thailand.end_year)


@functools.lru_cache(maxsize=512)
def _holidays_of(year: int) -> dict[dt.date, str]:
    first, last = _coverage()
    if not first <= year <= last:
        raise HolidayDataError(year, first=first, last=last)
    import holidays

    calendar = holidays.country_holidays("TH", years=year, language="th", categories=_CATEGORIES)
    return {day: str(name) for day, name in calendar.items() if day.year == year}


def holiday_name(day: dt.date) -> str | None:
    """The Thai name of the holiday on ``day``, or ``None`` on an ordinary day.

    Several holidays on one day are joined with ``"; "``.

    Raises:
        HolidayDataError: The holiday data does not cover the year.

    >>> import datetime as dt
    >>> holiday_name(dt.date(2018, 4, 13))
    'วันสงกรานต์'
    >>> holiday_name(dt.date(2018, 4, 4)) is None
    True
    """
    day = check_day("holiday_name(day)", day)
    return _holidays_of(day.year).get(day)


def is_holiday(day: dt.date) -> bool:
    """Whether government offices are closed on ``day`` for a holiday (weekends aside).

    Raises:
        HolidayDataError: The holiday data does not cover the year.

    >>> import datetime as dt
    >>> is_holiday(dt.date(2018, 5, 14))  # วันพืชมงคล, a government holiday
    True
    """
    return holiday_name(check_day("is_holiday(day)", day)) is not None


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a Thai government working day.

    Raises:
        HolidayDataError: The holiday data does not cover the year.

    >>> import datetime as dt
    >>> is_working_day(dt.date(2018, 4, 4)), is_working_day(dt.date(2018, 4, 16))
    (True, False)
    """
    day = check_day("is_working_day(day)", day)
    holidays = _holidays_of(day.year)
    return day.weekday() < 5 and day not in holidays


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The date ``count`` working days after ``day`` (before it when negative).

    ``day`` itself is not counted, so the result of a non-zero count is always
    a working day; a count of 0 returns ``day`` unchanged. It is the inverse
    of :func:`working_days_between`:
    ``working_days_between(d, add_working_days(d, n)) == n``.

    Raises:
        HolidayDataError: The count runs into a year the holiday data does
            not cover.

    >>> import datetime as dt
    >>> add_working_days(dt.date(2018, 4, 12), 1)  # over Songkran and its substitute day
    datetime.date(2018, 4, 17)
    >>> add_working_days(dt.date(2018, 4, 17), -1)
    datetime.date(2018, 4, 12)
    """
    day = check_day("add_working_days(day)", day)
    check_int("add_working_days(count)", count)
    step = _ONE_DAY if count > 0 else -_ONE_DAY
    remaining = abs(count)
    while remaining:
        try:
            day += step
        except OverflowError:  # past 9999-12-31 or before 0001-01-01: no data there either
            first, last = _coverage()
            year = day.year + (1 if count > 0 else -1)
            raise HolidayDataError(year, first=first, last=last) from None
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days it takes to go from ``start`` to ``end``.

    When ``end`` is later, it counts the working days after ``start`` up to
    and including ``end``; when earlier, the working days from ``end`` up to
    but not including ``start``, negated. So it is the inverse of
    :func:`add_working_days`, and ``working_days_between(d, d) == 0``.

    Raises:
        HolidayDataError: The span reaches a year the holiday data does not
            cover.

    >>> import datetime as dt
    >>> working_days_between(dt.date(2018, 4, 9), dt.date(2018, 4, 20))  # Songkran week
    7
    """
    start = check_day("working_days_between(start)", start)
    end = check_day("working_days_between(end)", end)
    if end < start:
        return -_count(end - _ONE_DAY, start - _ONE_DAY)
    return _count(start, end)


def _count(after: dt.date, last: dt.date) -> int:
    """Working days in the half-open span (after, last]."""
    if last <= after:
        return 0
    first = after + _ONE_DAY  # ``after`` itself is not counted, nor is its year needed
    for year in range(first.year, last.year + 1):
        _holidays_of(year)  # raises for years without data, before any counting
    days = (last - after).days
    full_weeks, extra = divmod(days, 7)
    weekdays = full_weeks * 5
    weekday = after.weekday()
    for offset in range(1, extra + 1):
        if (weekday + offset) % 7 < 5:
            weekdays += 1
    closed = 0
    for year in range(first.year, last.year + 1):
        closed += sum(
            1 for holiday in _holidays_of(year) if after < holiday <= last and holiday.weekday() < 5
        )
    return weekdays - closed


def working_day_on_or_after(day: dt.date) -> dt.date:
    """``day`` if it is a working day, else the next working day.

    Raises:
        HolidayDataError: The search runs into a year the holiday data does
            not cover.

    >>> import datetime as dt
    >>> working_day_on_or_after(dt.date(2018, 4, 14))
    datetime.date(2018, 4, 17)
    """
    day = check_day("working_day_on_or_after(day)", day)
    return day if is_working_day(day) else add_working_days(day, 1)
