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
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from thaiplan.errors import ThaiDateError, ThaiDateTypeError

from ._diagnose import _diagnose, _place, _Problem, _raise
from ._fiscal import FiscalYear
from ._names import MONTH_VARIANTS, WEEKDAY_VARIANTS
from ._patterns import (
    _DATE_RE,
    _DATETIME_RE,
    _DEADLINE_RE,
    _FISCAL_RE,
    _MONTHS_RE,
    _QUARTER_RE,
    _RANGE_FULL_START,
    _RANGE_MONTH_END,
    _RANGE_MONTH_START,
    _RANGE_SEPARATOR,
    _RANGE_START,
    _YEARS_RE,
)
from ._periods import Period, PeriodKind, _month_end
from ._text import BE_OFFSET, _normalise, check_bool, check_str, to_thai_digits
from ._values import _ce_year, _date_from, _make_date, _weekday_problem

if TYPE_CHECKING:
    from ._notations import Options

__all__ = ["MAX_TEXT_LENGTH", "parse_date", "parse_datetime", "parse_period"]


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
    # The entry check of every parser: the text is a str, within the length limit.
    check_str("text", text)
    assert isinstance(text, str)
    _check_length(text)
    norm = _normalise(text)
    if not norm:
        raise ThaiDateError("empty text", text=text, position=0, reason="empty")
    return norm


def _notations() -> Any:
    """The reader of the notations beyond the seed's (``_notations``), imported on first use.

    Most texts are read without it, and its patterns are the largest of the
    date layer: ``import thaiplan`` does not pay for them.
    """
    import importlib

    return importlib.import_module("thaiplan.dates._notations")


# -- public parsers ------------------------------------------------------------------


def parse_date(text: str, *, strict: bool = False, year: int | None = None) -> dt.date:
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
        year: The Buddhist-Era year of a date written without one
            (``๑๕ สิงหาคม``), as a calendar's ``year`` gives it. Without it,
            such a date is a ``missing_year``.

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
    if not isinstance(text, str) or not isinstance(strict, bool):
        check_str("text", text)  # type: ignore[unreachable]  # before the cache hashes a list
        check_bool("strict", strict)
    if year is not None:
        _check_year(year)
    return _parse_date(text, strict, year)


def _check_year(year: object) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        raise ThaiDateTypeError("year", year, "a Buddhist-Era year as an int, such as 2566")
    if not 2400 <= year <= 9999 + BE_OFFSET - 1:
        hint = f"year={year + BE_OFFSET}" if 1857 <= year < 2400 else None
        raise ThaiDateError(
            f"year is a Buddhist-Era year from 2400 to {9999 + BE_OFFSET - 1}, not {year}",
            text=str(year),
            position=None,
            reason="year_out_of_range",
            hint=hint,
        )


@functools.lru_cache(maxsize=2048)
def _parse_date(text: str, strict: bool, year: int | None = None) -> dt.date:
    # Dates repeat within and across documents; dates are immutable, so a
    # small cache is safe. Errors are not cached (lru_cache never caches them).
    # Most dates need no normalising, and the pattern admits no text that
    # normalising would change (single plain spaces, '-', no invisible
    # characters, nothing at either end), so the text is matched as it is
    # first and normalised only when that fails.
    # The length is checked on the way to an error, not here: only a date
    # matches, and a date's only unbounded part is its year's digits, which
    # _ce_year refuses without reading them.
    match = _DATE_RE.fullmatch(text) if isinstance(text, str) else None
    try:
        if match is None:
            norm = _prepare(text)
            match = _DATE_RE.fullmatch(norm)
            if match is None and year is not None and _notations()._ends_on_month(norm):
                match = _DATE_RE.fullmatch(f"{norm} พ.ศ. {year}")
            if match is None:
                raise _diagnose(norm, _DATE_RE, "date")
        return _date_from(match, strict)
    except _Problem as problem:
        _check_length(text)
        _raise(text, problem, accepts=_accepts(_parse_date, strict, year))


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
        _raise(text, problem, accepts=_accepts(_datetime_of, strict))
    return dt.datetime(date.year, date.month, date.day, hour, minute, second, tzinfo=_bangkok())


@functools.cache
def _bangkok() -> dt.tzinfo:
    from dateutil import tz

    zone = tz.gettz("Asia/Bangkok")
    assert zone is not None  # dateutil ships its own copy of the tz database
    return zone


def parse_period(
    text: str,
    *,
    strict: bool = False,
    year: int | None = None,
    reference: dt.date | None = None,
) -> Period:
    """Read a period as planning documents state one.

    - ``day``: ``๔ เม.ย. ๖๑``, ``2018-04-04``, ``สิ้นเดือน มิ.ย. ๖๑`` (the last day)
    - ``day_range``: ``๑ - ๑๕ พ.ค. ๖๑``, ``ตั้งแต่วันที่ ๑ พ.ค. ถึง ๑๕ มิ.ย. ๖๑``,
      ``2018-05-01/2018-05-15``, ``29 พ.ย.-5ธ.ค.66``, ``ก.ย. – 6 ต.ค. 66``
      (from the 1st), ``15 ก.ย. - ต.ค. 66`` (to the last day), ``ต้นเดือน``
      / ``กลางเดือน`` / ``ปลายเดือน มิ.ย. ๖๑`` (days 1-10, 11-20, 21-end),
      ``สัปดาห์ที่ ๒ ของเดือน มิ.ย. ๖๑`` (days 8-14; week 5 runs to the end)
    - ``month``: ``พ.ค. ๖๑``, ``พฤษภาคม ๒๕๖๑``
    - ``month_range``: ``มิ.ย. - ก.ค. ๖๑``, ``ต.ค. ๖๑ - มี.ค. ๖๒``
    - ``deadline``: ``ภายใน พ.ค. ๖๑``, ``ภายในเดือนมิถุนายน ๒๕๖๑``,
      ``ภายในวันที่ ๓๐ มิ.ย. ๖๑``, ``ไม่เกิน …``, ``ถึงวันที่ …`` (end on it),
      ``ก่อนวันที่ …`` (the day before)
    - ``open_ended``: ``ตั้งแต่วันที่ ๑ พ.ค. ๖๑ เป็นต้นไป``
    - ``year``: ``พ.ศ. ๒๕๖๑``; ``year_range``: ``พ.ศ. ๒๕๖๑ – ๒๕๖๔``
    - ``fiscal_year``: ``ปีงบประมาณ พ.ศ. ๒๕๖๓``
    - ``quarter``: ``ไตรมาสที่ ๑ ปีงบประมาณ ๒๕๖๓``
    - ``duration``: ``๑๕ วัน``, ``ไม่น้อยกว่า 30 วัน``, ``๑๐ วันทำการ``
    - ``relative``: ``ภายใน ๑๕ วันนับแต่วันที่ได้รับ``,
      ``ไม่น้อยกว่า 3 วันก่อนวันประชุมสภาท้องถิ่น``
    - ``recurring``: ``ภายในวันที่ ๑๕ ของทุกเดือน``, ``ภายในเดือนธันวาคมของทุกปี``,
      ``ทุกไตรมาส``

    Words around a date are read too: ``ใน``, ``ในวัน…ที่``, ``เมื่อ``, ``ณ``,
    ``ระหว่าง``, ``ตั้งแต่ … ถึง/จนถึง``, brackets around the whole;
    ``ประมาณ`` sets ``approximate``; a time of day after a day (``เวลา ๐๙.๓๐ –
    ๑๒.๐๐ น.``, ``ตั้งแต่เวลา ๑๓.๓๐ น. เป็นต้นไป``) is kept as ``times``.
    Relative words (``สัปดาห์หน้า``, ``เดือนหน้า``, ``๒ ก.ย. นี้`` = the next
    2 September on or after the reference, ``… ที่ผ่านมา`` = the last one on or
    before it) need ``reference``.

    A deadline ends on the last day of what follows it and has no start. A
    range that gives its year once takes it for both ends; a range whose end
    comes before its start is an error (``reversed_range``), except with
    ``year=`` and no year written, where a range across New Year (ธ.ค. - ม.ค.)
    ends in the next year. The inverse is :func:`~thaiplan.dates.format_period`.

    Args:
        text: The period.
        strict: Reject unmarked Common-Era years as ambiguous.
        year: The Buddhist-Era year of dates written without one.
        reference: The day relative words are counted from (the date of the
            letter, a calendar's ``as_of``).

    Raises:
        ThaiDateError: The text is not a period, or not a real one.

    >>> parse_period("ภายใน พ.ค. ๖๑")
    Period(kind=<PeriodKind.DEADLINE: 'deadline'>, start=None, end=datetime.date(2018, 5, 31), text='ภายใน พ.ค. ๖๑')
    >>> p = parse_period("มิ.ย. - ก.ค. ๖๑")
    >>> p.start, p.end
    (datetime.date(2018, 6, 1), datetime.date(2018, 7, 31))
    >>> parse_period("ภายในวันที่ ๑๕ สิงหาคม", year=2566).end
    datetime.date(2023, 8, 15)
    """
    if year is not None:
        _check_year(year)
    if reference is not None and (
        not isinstance(reference, dt.date) or isinstance(reference, dt.datetime)
    ):
        raise ThaiDateTypeError("reference", reference, "a datetime.date (not a datetime)")
    norm = _prepare(text)
    try:
        # The notations of the seed need none of the words that read_period
        # peels, and read as before; only what they do not read goes on.
        try:
            return _period(norm, text, strict, diagnose=False)
        except _Problem:
            pass
        notations = _notations()
        found: Period = notations.read_period(
            norm, text, notations.Options(strict, year, reference), _core
        )
        return found
    except _Problem as problem:
        _raise(text, problem, accepts=_accepts(_period_of, strict, year, reference))


def _period_of(text: str, strict: bool, year: int | None, reference: dt.date | None) -> Period:
    return parse_period(text, strict=strict, year=year, reference=reference)


def _datetime_of(text: str, strict: bool) -> dt.datetime:
    return parse_datetime(text, strict=strict)


def _accepts(parser: Callable[..., object], *options: object) -> Callable[[str], bool]:
    """Whether ``parser`` reads a text with ``options``: for checking hints."""

    def accepts(text: str) -> bool:
        try:
            parser(text, *options)
        except ThaiDateError:
            return False
        return True

    return accepts


def _core(norm: str, text: str, options: Options) -> Period:
    return _period(norm, text, options.strict)


def _period(norm: str, text: str, strict: bool, *, diagnose: bool = True) -> Period:
    deadline = _DEADLINE_RE.match(norm)
    if deadline:
        offset = deadline.end()
        try:
            inner = _plain_period(norm[offset:], text, strict, diagnose=diagnose)
        except _Problem as problem:
            if problem.start is not None:
                problem.start += offset
            raise
        return Period(PeriodKind.DEADLINE, None, inner.end, text)
    return _plain_period(norm, text, strict, diagnose=diagnose)


def _plain_period(norm: str, text: str, strict: bool, *, diagnose: bool = True) -> Period:
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
    if not diagnose:  # a first try: the caller reads the text another way
        raise _Problem("not a plain period", "unexpected_text", 0)
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
    # A range of days: the end is a whole date, or a month with its year (to
    # its last day); the start may borrow its month and year ("๑ - ๑๕ พ.ค. ๖๑",
    # "๒๕ พ.ค. - ๕ มิ.ย. ๖๑"), or be a month (from its 1st: "ก.ย. - ๖ ต.ค. ๖๖").
    for separator in _RANGE_SEPARATOR.finditer(norm):
        end_match = _DATE_RE.fullmatch(norm, separator.end())
        month_end = None
        if end_match is not None:
            end = _date_from(end_match, strict)
        else:
            month_end = _RANGE_MONTH_END.fullmatch(norm, separator.end())
            if month_end is None:
                continue
            end = _month_end_of(month_end, strict)
        # pos/endpos rather than a slice: no copy of the text per separator.
        head_end = separator.start()
        start_match = _RANGE_FULL_START.fullmatch(norm, 0, head_end)
        if start_match is not None:
            start = _date_from(start_match, strict)
        else:
            partial = _RANGE_START.fullmatch(norm, 0, head_end)
            if partial is not None:
                start = _partial_start(partial, end, strict)
            else:
                month_start = _RANGE_MONTH_START.fullmatch(norm, 0, head_end)
                if month_start is None or month_end is not None:
                    continue  # month to month is a month range
                start = _month_start_of(month_start, end, strict)
        if end < start:
            raise _Problem(
                f"the range ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                "reversed_range",
                separator.end(),
            )
        return Period.days(start, end, text=text)
    return None


def _month_end_of(match: re.Match[str], strict: bool) -> dt.date:
    try:
        year = _ce_year(match["y"], match["era"], strict, "y")
        if not 1 <= year <= 9999:
            raise _Problem(f"year {year} CE is out of range", "year_out_of_range", group="y")
    except _Problem as problem:
        raise _place(problem, match) from None
    return _month_end(year, MONTH_VARIANTS[match["m"]])


def _month_start_of(match: re.Match[str], end: dt.date, strict: bool) -> dt.date:
    try:
        year = _ce_year(match["y"], match["era"], strict, "y") if match["y"] else end.year
        return _make_date(year, MONTH_VARIANTS[match["m"]], 1, ("y", "m", "m"))
    except _Problem as problem:
        raise _place(problem, match) from None


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
