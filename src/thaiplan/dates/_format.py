"""Writing dates and periods the way Thai documents write them.

Every format written here is read back by the parsers to the same value:
``parse_date(format_date(d, ...)) == d`` for every style, and
``parse_period(format_period(p, ...)) == p``. Two-digit years (๖๑) are written
only where they read back to the same year (พ.ศ. 2500-2599); elsewhere the
year is written in four digits, and marked พ.ศ. where four digits would read
as another era.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from thaiplan.errors import ThaiDateError, ThaiDateTypeError

from ._fiscal import FiscalYear
from ._names import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES
from ._periods import Period, PeriodKind, _month_end
from ._spans import Bound, Direction, SpanUnit, TimeRange
from ._text import BE_OFFSET, DateStyle, Digits, check_bool, check_day, check_str, to_thai_digits

__all__ = ["DateStyle", "Digits", "format_date", "format_period"]

_STYLES: Final = ("full", "abbr", "numeric", "iso")
_DIGITS: Final = ("thai", "arabic")


def _check_option(name: str, value: str, allowed: tuple[str, ...]) -> None:
    check_str(name, value)
    if value not in allowed:
        raise ThaiDateError(
            f"unknown {name}; expected one of {', '.join(map(repr, allowed))}",
            text=str(value),
            position=None,
            reason=f"unknown_{name}",
        )


def _year(ce_year: int, *, short: bool, era: bool) -> str:
    """The BE year as written: 2 digits when short and safe, marked when needed."""
    be = ce_year + BE_OFFSET
    if short and 2500 <= be <= 2599:
        text = f"{be % 100:02d}"
    else:
        text = str(be)
        era = era or not 2400 <= be <= 9999
    return f"พ.ศ. {text}" if era else text


def _month(month: int, style: str) -> str:
    return MONTH_NAMES[month - 1] if style == "full" else MONTH_ABBREVIATIONS[month - 1]


def _digits(text: str, digits: str) -> str:
    return to_thai_digits(text) if digits == "thai" else text


def format_date(
    date: dt.date,
    *,
    style: DateStyle = "full",
    digits: Digits = "thai",
    weekday: bool = False,
    era: bool = False,
) -> str:
    """Write a date as Thai documents do; the inverse of :func:`~thaiplan.dates.parse_date`.

    Args:
        date: The date (a datetime is written as its date).
        style: ``"full"`` (๕ เมษายน ๒๕๖๑), ``"abbr"`` (๕ เม.ย. ๖๑), ``"numeric"``
            (๕/๔/๒๕๖๑) or ``"iso"`` (2018-04-05, always Arabic digits and CE).
        digits: ``"thai"`` or ``"arabic"``.
        weekday: Begin with the weekday, as in วันพฤหัสบดีที่ ๕ เมษายน ๒๕๖๑.
        era: Mark the year พ.ศ.

    Raises:
        ThaiDateError: An unknown style or digits option.

    >>> import datetime as dt
    >>> day = dt.date(2018, 4, 4)
    >>> format_date(day)
    '๔ เมษายน ๒๕๖๑'
    >>> format_date(day, style="abbr", weekday=True)
    'วันพุธที่ ๔ เม.ย. ๖๑'
    >>> format_date(day, style="numeric", digits="arabic")
    '4/4/2561'
    """
    date = check_day("format_date(date)", date)
    _check_option("style", style, _STYLES)
    _check_option("digits", digits, _DIGITS)
    check_bool("weekday", weekday)
    check_bool("era", era)
    if style == "iso":
        if not 1900 <= date.year <= 2200:
            raise ThaiDateError(
                f"an ISO date of year {date.year} would not read back as that year",
                text=date.isoformat(),
                position=None,
                reason="year_out_of_range",
                hint="style='full'",
            )
        return date.isoformat()
    if style == "numeric":
        body = f"{date.day}/{date.month}/{_year(date.year, short=False, era=False)}"
        if not 2400 <= date.year + BE_OFFSET <= 9999:
            body = (
                f"{date.day} {_month(date.month, 'abbr')} {_year(date.year, short=False, era=True)}"
            )
    else:
        year = _year(date.year, short=style == "abbr", era=era)
        body = f"{date.day} {_month(date.month, style)} {year}"
    if weekday:
        body = f"วัน{WEEKDAY_NAMES[date.weekday()]}ที่ {body}"
    return _digits(body, digits)


def _month_text(year: int, month: int, style: str, *, with_year: bool = True) -> str:
    name = _month(month, style)
    if not with_year:
        return name
    return f"{name} {_year(year, short=style != 'full', era=False)}"


def format_period(
    period: Period, *, style: Literal["abbr", "full"] = "abbr", digits: Digits = "thai"
) -> str:
    """Write a period as calendars do; the inverse of :func:`~thaiplan.dates.parse_period`.

    Args:
        period: The period.
        style: ``"abbr"`` as in calendars (มิ.ย. - ก.ค. ๖๑) or ``"full"`` as in
            letters (มิถุนายน - กรกฎาคม ๒๕๖๑).
        digits: ``"thai"`` or ``"arabic"``.

    >>> from thaiplan.dates import parse_period
    >>> format_period(parse_period("ภายในเดือนมิถุนายน ๒๕๖๑"))
    'ภายใน มิ.ย. ๖๑'
    >>> format_period(parse_period("ต.ค. 61 - มี.ค. 62"), style="full")
    'ตุลาคม ๒๕๖๑ - มีนาคม ๒๕๖๒'
    >>> format_period(parse_period("พ.ศ. 2561-2564"), digits="arabic")
    'พ.ศ. 2561 – 2564'
    """
    if not isinstance(period, Period):
        raise ThaiDateTypeError(
            "format_period(period)", period, "a Period", hint="read text with parse_period() first"
        )
    _check_option("style", style, ("abbr", "full"))
    _check_option("digits", digits, _DIGITS)
    if period.kind is PeriodKind.RELATIVE:
        # The event's words are kept verbatim, digits and all.
        head, anchor = _relative_text(period)
        text = _digits(head, digits) + anchor
    elif period.kind is PeriodKind.DURATION:
        text = _digits(_span_text(period), digits)
    elif period.kind is PeriodKind.RECURRING:
        text = _digits(_recurrence_text(period, style), digits)
    elif period.kind is PeriodKind.OPEN_ENDED:
        assert period.start is not None
        day = format_date(period.start, style=style, digits="arabic")
        text = _digits(f"ตั้งแต่วันที่ {day} เป็นต้นไป", digits)
    else:
        text = _digits(_period_text(period, style), digits)
    if period.times is not None:
        text += _digits(_times_text(period.times), digits)
    if period.approximate:
        text = f"ประมาณ {text}"
    return text


_BOUND_WORDS: Final = {Bound.EXACTLY: "", Bound.AT_MOST: "ภายใน ", Bound.AT_LEAST: "ไม่น้อยกว่า "}
_UNIT_WORDS: Final = {SpanUnit.DAYS: "วัน", SpanUnit.WORKING_DAYS: "วันทำการ"}


def _span_text(period: Period) -> str:
    span = period.span
    assert span is not None
    return f"{_BOUND_WORDS[span.bound]}{span.amount} {_UNIT_WORDS[span.unit]}"


def _relative_text(period: Period) -> tuple[str, str]:
    span = period.span
    assert span is not None
    word = " นับแต่" if span.direction is Direction.AFTER else "ก่อน"
    return f"{_span_text(period)}{word}", span.anchor


def _times_text(times: TimeRange) -> str:
    def clock(time: dt.time) -> str:
        return f"{time.hour:02d}.{time.minute:02d}"

    if times.onward:
        return f" ตั้งแต่เวลา {clock(times.start)} น. เป็นต้นไป"
    if times.end is None:
        return f" เวลา {clock(times.start)} น."
    return f" เวลา {clock(times.start)} - {clock(times.end)} น."


def _recurrence_text(period: Period, style: str) -> str:
    recurrence = period.recurrence
    assert recurrence is not None
    parts = dict(part.split("=", 1) for part in recurrence.rule.split(";") if "=" in part)
    each = recurrence.each
    by = "ภายใน" if each is PeriodKind.DEADLINE else ""
    text = None
    if parts.keys() == {"FREQ", "BYMONTHDAY"} and parts["FREQ"] == "MONTHLY":
        day = parts["BYMONTHDAY"]
        if each is PeriodKind.MONTH and day == "1":
            text = "ทุกเดือน"
        elif (
            each in (PeriodKind.DAY, PeriodKind.DEADLINE) and day.isdigit() and 1 <= int(day) <= 31
        ):
            text = f"{by}วันที่ {int(day)} ของทุกเดือน"
    elif parts.keys() == {"FREQ", "BYMONTH", "BYMONTHDAY"} and parts["FREQ"] == "YEARLY":
        month, day = parts["BYMONTH"], parts["BYMONTHDAY"]
        if (month, day, each) == ("1,4,7,10", "1", PeriodKind.QUARTER):
            text = "ทุกไตรมาส"
        elif month.isdigit() and 1 <= int(month) <= 12:
            name = _month(int(month), style)
            if (day, each) in (("-1", PeriodKind.DEADLINE), ("1", PeriodKind.MONTH)):
                text = f"{by}เดือน{name}ของทุกปี" if style == "full" else f"{by}เดือน {name} ของทุกปี"
            elif each in (PeriodKind.DAY, PeriodKind.DEADLINE) and day.isdigit():
                text = f"{by}วันที่ {int(day)} {name} ของทุกปี"
    if text is None:
        raise ThaiDateError(
            f"cannot write the recurrence {recurrence.rule!r} ({each.value}) in words that"
            " read back: thaiplan writes monthly days, yearly days and months, and quarters",
            text=period.text or recurrence.rule,
            position=None,
            reason="unwritable_recurrence",
        )
    if recurrence.times is not None:
        text = f"อย่างน้อยปีละ {recurrence.times} ครั้ง {text}"
    return text


def _period_text(period: Period, style: Literal["abbr", "full"]) -> str:
    date_style: DateStyle = style
    kind, start, end = period.kind, period.start, period.end
    if kind is PeriodKind.DEADLINE or start is None:
        if end == _month_end(end.year, end.month):
            if style == "full":
                return f"ภายในเดือน{_month_text(end.year, end.month, style)}"
            return f"ภายใน {_month_text(end.year, end.month, style)}"
        return f"ภายในวันที่ {format_date(end, style=date_style, digits='arabic')}"
    if kind is PeriodKind.DAY:
        return format_date(start, style=date_style, digits="arabic")
    if kind is PeriodKind.DAY_RANGE:
        end_text = format_date(end, style=date_style, digits="arabic")
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day} - {end_text}"
        if start.year == end.year:
            return f"{start.day} {_month(start.month, style)} - {end_text}"
        start_text = format_date(start, style=date_style, digits="arabic")
        return f"{start_text} - {end_text}"
    if kind is PeriodKind.MONTH:
        return _month_text(end.year, end.month, style)
    if kind is PeriodKind.MONTH_RANGE:
        end_text = _month_text(end.year, end.month, style)
        same_year = start.year == end.year
        return (
            f"{_month_text(start.year, start.month, style, with_year=not same_year)} - {end_text}"
        )
    if kind is PeriodKind.YEAR:
        return _year(start.year, short=False, era=True)
    if kind is PeriodKind.YEAR_RANGE:
        return f"{_year(start.year, short=False, era=True)} – {end.year + BE_OFFSET}"
    try:
        fiscal_year = FiscalYear.containing(start)
    except ThaiDateError:
        raise ThaiDateError(
            f"a {kind.value} starting {start.isoformat()} would not read back: fiscal years"
            " are named from พ.ศ. 2400",
            text=period.text or f"{start.isoformat()}/{end.isoformat()}",
            position=None,
            reason="year_out_of_range",
        ) from None
    fiscal = _year(fiscal_year.ce_year, short=False, era=True)
    if kind is PeriodKind.FISCAL_YEAR:
        return f"ปีงบประมาณ {fiscal}"
    quarter = (start.month - 10) % 12 // 3 + 1
    return f"ไตรมาสที่ {quarter} ปีงบประมาณ {fiscal}"
