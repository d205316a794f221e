r"""Reading Thai dates, date-times and periods.

Theory of operation
-------------------
1. A date is first matched as it is written: most document dates need no
   normalising, and the date pattern admits no text that normalising would
   change. Only when that fails is the input normalised (``_normalise``):
   every space to one plain space, invisible characters dropped, dashes to
   ``-``, sara am and กรกฏาคม repaired. Digits stay as written.
2. Only Thai and ASCII digits are digits: the patterns use ``[0-9๐-๙]``,
   never ``\d`` (which, like :func:`int`, would also accept Lao,
   Arabic-Indic and other digits). :func:`int` then reads the matched Thai or
   ASCII digits directly.
3. One compiled pattern per grammar is matched against the whole text; the
   date groups are read by position, not by name.
4. Values are checked after the match (year rule, day in month, weekday).
5. Only when something is wrong is the text normalised again with a map of
   positions, so that the error names the index in the *original* text, and
   a diagnosis finds the word at fault (an unknown month or weekday, with the
   nearest one suggested).

The year rule, the same everywhere (ISO layout included): a year marked พ.ศ. is
Buddhist Era and one marked ค.ศ. Common Era. Unmarked, 2 digits are BE
(๖๑ = 2561), 4 digits are BE from 2400 up and CE from 1900 to 2200; anything
else is ``ambiguous_year``, and ``strict=True`` makes an unmarked CE year
``ambiguous_year`` too.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable
from typing import Final

from thaiplan.errors import ThaiDateError

from ._diagnose import _diagnose, _place, _Problem, _raise
from ._names import (
    MONTH_NAMES,
    MONTH_VARIANTS,
    WEEKDAY_NAMES,
    WEEKDAY_VARIANTS,
)
from ._patterns import (
    _DATE_RE,
    _DATETIME_RE,
    _DEADLINE_RE,
    _FISCAL_RE,
    _MONTHS_RE,
    _QUARTER_RE,
    _RANGE_FULL_START,
    _RANGE_SEPARATOR,
    _RANGE_START,
    _YEARS_RE,
)
from ._periods import FiscalYear, Period, PeriodKind
from ._text import BE_OFFSET, _normalise, to_thai_digits

__all__ = ["parse_date", "parse_datetime", "parse_period"]


# -- the year rule and values -------------------------------------------------------


def _ce_year(digits: str, era: str | None, strict: bool, group: str) -> int:
    """Apply the year rule to the digits of a year; returns the CE year."""
    length = len(digits)
    # The length is looked at before int() reads the digits: a run of
    # thousands of digits is no year, and int() would refuse it anyway.
    value = int(digits) if length <= 5 else -1  # only Thai or ASCII digits reach here
    if era is not None and era[0] == "พ":
        if length == 2:
            return value + 2500 - BE_OFFSET
        # 3 digits too: พ.ศ. ๕๔๔-๙๙๙ are the Common-Era years 1-456, which
        # format_date writes that way (marked, so never ambiguous).
        if length in (3, 4, 5) and 544 <= value <= 9999 + BE_OFFSET:
            return value - BE_OFFSET
    elif era is not None:
        if length == 4 and value >= 1:
            return value
    elif length == 2:
        return value + 2500 - BE_OFFSET
    elif length == 4 and value >= 2400:
        return value - BE_OFFSET
    elif length == 4 and 1900 <= value <= 2200:
        if not strict:
            return value
        raise _Problem(
            f"year {digits} is not marked as พ.ศ. or ค.ศ. (strict)",
            "ambiguous_year",
            hint=f"ค.ศ. {digits}",
            group=group,
        )
    raise _Problem(
        f"cannot tell which era year {digits!r} is in: write 2 or 4 Buddhist-Era digits"
        " (๖๑, ๒๕๖๑) or mark it พ.ศ. or ค.ศ.",
        "ambiguous_year",
        group=group,
    )


def _make_date(year: int, month: int, day: int, groups: tuple[str, str, str]) -> dt.date:
    """Build a date; ``groups`` name the (year, month, day) groups, for errors."""
    if not 1 <= month <= 12:
        raise _Problem(f"there is no month {month}", "month_out_of_range", group=groups[1])
    try:
        return dt.date(year, month, day)
    except ValueError:
        if not 1 <= year <= 9999:
            raise _Problem(
                f"year {year} CE is out of range", "year_out_of_range", group=groups[0]
            ) from None
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        raise _Problem(
            f"{MONTH_NAMES[month - 1]} {year + BE_OFFSET} has {last} days, not {day}",
            "day_out_of_range",
            group=groups[2],
        ) from None


_FIELDS: Final = ("wd", "wd2", "d", "m", "era", "y", "nd", "nm", "ny", "iy", "im", "id")


_Getter = Callable[[tuple[str | None, ...]], tuple[str | None, ...]]
_GETTERS: Final[dict[int, _Getter]] = {}


def _fields(pattern: re.Pattern[str]) -> _Getter:
    """A getter of the date groups of ``pattern``, by position.

    Cached by identity: hashing a compiled pattern costs more than parsing a date.
    """
    getter = _GETTERS.get(id(pattern))
    if getter is None:
        index = pattern.groupindex
        getter = operator.itemgetter(*(index[field] - 1 for field in _FIELDS))
        _GETTERS[id(pattern)] = getter
    return getter


def _date_from(match: re.Match[str], strict: bool) -> dt.date:
    """The date of a match of a pattern built on ``_DATE_CORE``."""
    wd, wd2, d, m, era, y, nd, nm, ny, iy, im, id_ = _fields(match.re)(match.groups())
    try:
        if m is not None:
            assert d is not None
            assert y is not None
            year = _ce_year(y, era, strict, "y")
            date = _make_date(year, MONTH_VARIANTS[m], int(d), ("y", "m", "d"))
        elif nm is not None:
            assert nd is not None
            assert ny is not None
            year = _ce_year(ny, None, strict, "ny")
            date = _make_date(year, int(nm), int(nd), ("ny", "nm", "nd"))
        else:
            assert iy is not None
            assert im is not None
            assert id_ is not None
            year = _ce_year(iy, None, strict, "iy")
            date = _make_date(year, int(im), int(id_), ("iy", "im", "id"))
        written = wd or wd2
        if written is not None and WEEKDAY_VARIANTS[written] != date.weekday():
            raise _weekday_problem(date, written, "wd" if wd else "wd2")
    except _Problem as problem:
        raise _place(problem, match) from None
    return date


def _weekday_problem(date: dt.date, written: str, group: str) -> _Problem:
    actual = WEEKDAY_NAMES[date.weekday()]
    claimed = WEEKDAY_NAMES[WEEKDAY_VARIANTS[written]]
    return _Problem(
        f"{date.isoformat()} is a วัน{actual}, not a วัน{claimed}",
        "weekday_mismatch",
        hint=f"วัน{actual}",
        group=group,
    )


#: The longest text a parser reads, in characters. The longest date text in
#: twenty real calendars (docs/howto/thai-dates.md) is 61 characters
#: ("วันพฤหัสบดีที่ 4 มกราคม 2567 เริ่มประชุมเวลา 09.00-00.30 น."); the limit
#: leaves room for eight of those, and bounds what one call can cost.
MAX_TEXT_LENGTH: Final = 500


def _check_length(text: str) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise ThaiDateError(
            f"the text is {len(text)} characters long; date text is limited to"
            f" {MAX_TEXT_LENGTH} characters (MAX_TEXT_LENGTH)",
            text=text,
            position=MAX_TEXT_LENGTH,
            reason="too_long",
        )


def _prepare(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}: {text!r}")
    _check_length(text)
    norm = _normalise(text)
    if not norm:
        raise ThaiDateError("empty text", text=text, position=0, reason="empty")
    return norm


# -- public parsers ------------------------------------------------------------------


def parse_date(text: str, *, strict: bool = False) -> dt.date:
    """Read one date written the way Thai documents write dates.

    Accepts Thai or Arabic digits; a full, abbreviated (with or without dots)
    or short month name; a 4- or 2-digit Buddhist-Era year, with or without
    พ.ศ.; a Common-Era year marked ค.ศ.; day-first numeric dates (๔/๔/๒๕๖๑, 08-10-2569, 04/04/61);
    ISO 8601 (2018-04-05, 2562-02-15); the prefixes วันที่, ณ วันที่, ลงวันที่,
    เมื่อวันที่, ข้อมูล ณ วันที่; and a weekday (วันพุธที่ ...) that must agree.
    The year rule: a year marked พ.ศ. is Buddhist Era, one marked ค.ศ.
    Common Era. Unmarked, 2 digits are BE (๖๑ = 2561), 4 digits are BE from
    2400 up and CE from 1900 to 2200; any other year is ``ambiguous_year``.
    The inverse is :func:`~thaiplan.dates.format_date`.

    Args:
        text: The date.
        strict: Reject unmarked Common-Era years (``2018``) as ambiguous.

    Raises:
        ThaiDateError: The text is not a date, or not a real one; its
            ``reason`` and ``position`` say why and where.

    >>> parse_date("๕ เมษายน ๒๕๖๑")
    datetime.date(2018, 4, 5)
    >>> parse_date("วันพุธที่ ๔ เม.ย. ๖๑")
    datetime.date(2018, 4, 4)
    >>> parse_date("ลงวันที่ 5 ตุลาคม 2026"), parse_date("2562-02-15")
    (datetime.date(2026, 10, 5), datetime.date(2019, 2, 15))
    >>> parse_date("๒๙ กุมภาพันธ์ ๒๕๖๔")
    Traceback (most recent call last):
    ...
    thaiplan.errors.ThaiDateError: กุมภาพันธ์ 2564 has 28 days, not 29 in '๒๙ กุมภาพันธ์ ๒๕๖๔' at position 0
    """
    return _parse_date(text, strict)


@functools.lru_cache(maxsize=2048)
def _parse_date(text: str, strict: bool) -> dt.date:
    # Dates repeat within and across documents; dates are immutable, so a
    # small cache is safe. Errors are not cached (lru_cache never caches them).
    # Most dates need no normalising, and the pattern admits no text that
    # normalising would change (single plain spaces, '-', no invisible
    # characters, nothing at either end), so the text is matched as it is
    # first and normalised only when that fails.
    match = (
        _DATE_RE.fullmatch(text) if isinstance(text, str) and len(text) <= MAX_TEXT_LENGTH else None
    )
    try:
        if match is None:
            norm = _prepare(text)
            match = _DATE_RE.fullmatch(norm)
            if match is None:
                raise _diagnose(norm, _DATE_RE, "date")
        return _date_from(match, strict)
    except _Problem as problem:
        _raise(text, problem)


def parse_datetime(text: str, *, strict: bool = False) -> dt.datetime:
    """Read a date and a time of day into an aware datetime in Asia/Bangkok.

    The date is anything :func:`parse_date` reads; the time follows, with or
    without เวลา, as ``13.30``, ``13:30`` or ``13.30.15``, with or without
    ``น.``/``นาฬิกา``. ISO 8601 (``2018-04-04T13:30``) works too.

    Raises:
        ThaiDateError: As :func:`parse_date`, and ``time_out_of_range`` for
            a time such as 25.00 น.

    >>> parse_datetime("วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.").isoformat()
    '2018-04-04T13:30:00+07:00'
    """
    norm = _prepare(text)
    match = _DATETIME_RE.fullmatch(norm)
    try:
        if match is None:
            raise _diagnose(norm, _DATETIME_RE, "date and time")
        date = _date_from(match, strict)
        hour, minute = int(match["hh"]), int(match["mm"])
        second = int(match["ss"]) if match["ss"] else 0
        if hour > 23 or minute > 59 or second > 59:
            raise _Problem(
                f"there is no time {match['hh']}.{match['mm']}",
                "time_out_of_range",
                match.start("hh"),
            )
    except _Problem as problem:
        _raise(text, problem)
    return dt.datetime(date.year, date.month, date.day, hour, minute, second, tzinfo=_bangkok())


@functools.cache
def _bangkok() -> dt.tzinfo:
    from dateutil import tz

    zone = tz.gettz("Asia/Bangkok")
    assert zone is not None  # dateutil ships its own copy of the tz database
    return zone


def parse_period(text: str, *, strict: bool = False) -> Period:
    """Read a period as planning documents state one.

    - ``day``: ``๔ เม.ย. ๖๑``, ``2018-04-04``
    - ``day_range``: ``๑ - ๑๕ พ.ค. ๖๑``, ``ตั้งแต่วันที่ ๑ พ.ค. ถึง ๑๕ มิ.ย. ๖๑``,
      ``2018-05-01/2018-05-15``
    - ``month``: ``พ.ค. ๖๑``, ``พฤษภาคม ๒๕๖๑``
    - ``month_range``: ``มิ.ย. - ก.ค. ๖๑``, ``ต.ค. ๖๑ - มี.ค. ๖๒``
    - ``deadline``: ``ภายใน พ.ค. ๖๑``, ``ภายในเดือนมิถุนายน ๒๕๖๑``,
      ``ภายในวันที่ ๓๐ มิ.ย. ๖๑``, ``ไม่เกิน ...``
    - ``year``: ``พ.ศ. ๒๕๖๑``; ``year_range``: ``พ.ศ. ๒๕๖๑ – ๒๕๖๔``
    - ``fiscal_year``: ``ปีงบประมาณ พ.ศ. ๒๕๖๓``
    - ``quarter``: ``ไตรมาสที่ ๑ ปีงบประมาณ ๒๕๖๓``

    A deadline (ภายใน, ไม่เกิน) ends on the last day of what follows it and has
    no start. A range that gives its year once takes it for both ends; a range
    whose end comes before its start is an error (``reversed_range``): write
    the year on both ends for a range that crosses into the next year. The
    inverse is :func:`~thaiplan.dates.format_period`.

    Raises:
        ThaiDateError: The text is not a period, or not a real one.

    >>> parse_period("ภายใน พ.ค. ๖๑")
    Period(kind=<PeriodKind.DEADLINE: 'deadline'>, start=None, end=datetime.date(2018, 5, 31), text='ภายใน พ.ค. ๖๑')
    >>> p = parse_period("มิ.ย. - ก.ค. ๖๑")
    >>> p.start, p.end
    (datetime.date(2018, 6, 1), datetime.date(2018, 7, 31))
    """
    norm = _prepare(text)
    try:
        return _period(norm, text, strict)
    except _Problem as problem:
        _raise(text, problem)


def _period(norm: str, text: str, strict: bool) -> Period:
    deadline = _DEADLINE_RE.match(norm)
    if deadline:
        offset = deadline.end()
        try:
            inner = _plain_period(norm[offset:], text, strict)
        except _Problem as problem:
            if problem.start is not None:
                problem.start += offset
            raise
        return Period(PeriodKind.DEADLINE, None, inner.end, text)
    return _plain_period(norm, text, strict)


def _plain_period(norm: str, text: str, strict: bool) -> Period:
    if not norm:
        raise _Problem("nothing follows the deadline word", "missing_date", 0, "ภายใน พ.ค. ๖๑")
    if norm[0] in "ปไ":
        for special in (_fiscal_period, _quarter_period):
            period = special(norm, text, strict)
            if period is not None:
                return period
    for attempt in (_months_period, _years_period, _day_period):
        period = attempt(norm, text, strict)
        if period is not None:
            return period
    raise _diagnose(norm, _DATE_RE, "period")


def _fiscal_year(match: re.Match[str], strict: bool) -> FiscalYear:
    try:
        ce_year = _ce_year(match["y"], match["era"], strict, "y")
        try:
            return FiscalYear(ce_year + BE_OFFSET)
        except ThaiDateError as error:
            raise _Problem(error.problem, error.reason, group="y") from None
    except _Problem as problem:
        raise _place(problem, match) from None


def _fiscal_period(norm: str, text: str, strict: bool) -> Period | None:
    match = _FISCAL_RE.fullmatch(norm)
    if match is None:
        return None
    fiscal_year = _fiscal_year(match, strict)
    return Period(PeriodKind.FISCAL_YEAR, fiscal_year.start, fiscal_year.end, text)


def _quarter_period(norm: str, text: str, strict: bool) -> Period | None:
    match = _QUARTER_RE.fullmatch(norm)
    if match is None:
        return None
    number = int(match["q"])
    if not 1 <= number <= 4:
        raise _Problem(f"there is no quarter {number}", "quarter_out_of_range", match.start("q"))
    quarter = _fiscal_year(match, strict).quarter(number)
    return Period(PeriodKind.QUARTER, quarter.start, quarter.end, text)


def _months_period(norm: str, text: str, strict: bool) -> Period | None:
    match = _MONTHS_RE.fullmatch(norm)
    if match is None:
        return None
    try:
        end_year = _ce_year(match["by"], match["bera"], strict, "by")
        if match["bm"] is None:
            return Period.month(end_year, MONTH_VARIANTS[match["am"]], text=text)
        start_year = end_year
        if match["ay"]:
            start_year = _ce_year(match["ay"], match["aera"], strict, "ay")
    except _Problem as problem:
        raise _place(problem, match) from None
    start = (start_year, MONTH_VARIANTS[match["am"]])
    end = (end_year, MONTH_VARIANTS[match["bm"]])
    if end < start:
        hint = None
        if not match["ay"]:
            hint = (
                f"{match['am']} {_two_digit(end_year - 1)} - {match['bm']} {_two_digit(end_year)}"
            )
            if not match["by"].isascii():
                hint = to_thai_digits(hint)
        raise _Problem(
            f"the range ends ({match['bm']}) before it starts ({match['am']})",
            "reversed_range",
            match.start("bm"),
            hint,
        )
    return Period.months(start, end, text=text)


def _two_digit(ce_year: int) -> str:
    return str(ce_year + BE_OFFSET)[-2:]


def _years_period(norm: str, text: str, strict: bool) -> Period | None:
    match = _YEARS_RE.fullmatch(norm)
    if match is None:
        return None
    if match["b_y"] is None and match["a_era"] is None and len(match["a_y"]) != 4:
        return None  # a bare 2-digit number is no year
    try:
        start = _ce_year(match["a_y"], match["a_era"] or match["b_era"], strict, "a_y")
        end = start
        if match["b_y"] is not None:
            end = _ce_year(match["b_y"], match["b_era"] or match["a_era"], strict, "b_y")
    except _Problem as problem:
        raise _place(problem, match) from None
    if end < start:
        raise _Problem(
            f"the range ends ({match['b_y']}) before it starts ({match['a_y']})",
            "reversed_range",
            match.start("b_y"),
        )
    if not (start >= 1 and end <= 9999):
        raise _Problem("the years are out of range", "year_out_of_range", match.start("a_y"))
    return Period.years(start, end, text=text)


def _day_period(norm: str, text: str, strict: bool) -> Period | None:
    match = _DATE_RE.fullmatch(norm)
    if match is not None:
        return Period.day(_date_from(match, strict), text=text)
    # A range of days: the end is a whole date; the start may borrow its month
    # and year ("๑ - ๑๕ พ.ค. ๖๑", "๒๕ พ.ค. - ๕ มิ.ย. ๖๑").
    for separator in _RANGE_SEPARATOR.finditer(norm):
        end_match = _DATE_RE.fullmatch(norm, separator.end())
        if end_match is None:
            continue
        end = _date_from(end_match, strict)
        # pos/endpos rather than a slice: no copy of the text per separator.
        head_end = separator.start()
        start_match = _RANGE_FULL_START.fullmatch(norm, 0, head_end)
        if start_match is not None:
            start = _date_from(start_match, strict)
        else:
            partial = _RANGE_START.fullmatch(norm, 0, head_end)
            if partial is None:
                continue
            start = _partial_start(partial, end, strict)
        if end < start:
            raise _Problem(
                f"the range ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                "reversed_range",
                separator.end(),
            )
        return Period.days(start, end, text=text)
    return None


def _partial_start(match: re.Match[str], end: dt.date, strict: bool) -> dt.date:
    """The start of a day range that may borrow its month and year from the end."""
    try:
        month = MONTH_VARIANTS[match["m"]] if match["m"] else end.month
        year = _ce_year(match["y"], match["era"], strict, "y") if match["y"] else end.year
        date = _make_date(year, month, int(match["d"]), ("d", "d", "d"))
        written = match["wd"] or match["wd2"]
        if written is not None and WEEKDAY_VARIANTS[written] != date.weekday():
            raise _weekday_problem(date, written, "wd" if match["wd"] else "wd2")
    except _Problem as problem:
        raise _place(problem, match) from None
    return date
