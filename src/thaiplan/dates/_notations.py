r"""The words around a period: what :func:`~thaiplan.dates.parse_period` peels off before the dates.

Theory of operation
-------------------
``read_period`` takes the normalised text and peels it from both ends, each
step a fixed pattern matched at one place (``match`` at the front, a search
in the last few characters at the back), so that the whole costs time linear
in the text:

1. an enclosing pair of brackets, ``(ภายในวันที่ ๑๕ สิงหาคม)``;
2. ``ประมาณ`` (approximately), kept as ``Period.approximate``;
3. a time of day at the end (``เวลา ๐๙.๓๐ - ๑๒.๐๐ น.``, ``ตั้งแต่เวลา ๑๓.๓๐ น.
   เป็นต้นไป``), kept as ``Period.times``;
4. a recurrence (``… ของทุกเดือน``, ``… ของทุกปี``, ``ทุกไตรมาส``);
5. a count of days (``๑๕ วัน``), alone or counted from an event whose words
   follow (``นับแต่ …``, ``ก่อน …``), kept verbatim;
6. relative words (``สัปดาห์หน้า``, ``เดือนหน้า``, ``… นี้``, ``… ที่ผ่านมา``),
   resolved against the caller's ``reference`` date;
7. ``ตั้งแต่ … เป็นต้นไป`` (open-ended), the deadline words (``ภายใน``,
   ``ไม่เกิน``, ``ไม่ช้ากว่า``, ``ก่อน``, ``ถึง``) and the plain leading words
   (``ใน``, ``ในช่วง``, ``เมื่อ``, ``ณ``);
8. the dates themselves: parts of a month (``ต้นเดือน``, ``สิ้นเดือน``,
   ``สัปดาห์ที่ ๒ ของเดือน``) here, everything else in ``_parse.py``, with the
   caller's ``year`` written in when the text ends on a month with no year.

Counts are read by :func:`_count`: digits here, number words (``สิบห้า``,
``สามสิบ``) by :func:`~thaiplan.dates.parse_thai_number`.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Final

import attrs

from thaiplan.errors import ThaiNumberError

from ._diagnose import _Problem
from ._names import MONTH_VARIANTS
from ._numbers import parse_thai_number
from ._patterns import _D, _MONTH
from ._periods import Period, PeriodKind
from ._spans import Bound, Direction, Recurrence, Span, SpanUnit, TimeRange
from ._text import BE_OFFSET, normalise_with_positions
from ._values import _make_date

__all__: list[str] = []


@attrs.frozen
class Options:
    """What the caller gave besides the text."""

    strict: bool = False
    year: int | None = None  # Buddhist Era
    reference: dt.date | None = None


Core = Callable[[str, str, Options], Period]

# -- 1-3. brackets, ประมาณ, times ------------------------------------------------------

_APPROXIMATE: Final = re.compile(r"(?:โดย)?ประมาณ ?")
_TIME_BODY: Final = re.compile(
    rf"(?P<h1>{_D}{{1,2}})[.:](?P<m1>{_D}{{2}})(?: ?(?:น\.?|นาฬิกา))?"
    rf"(?: ?(?:-|ถึง) ?(?P<h2>{_D}{{1,2}})[.:](?P<m2>{_D}{{2}}) ?(?:น\.?|นาฬิกา)?)?"
    r"(?P<onward> ?เป็นต้นไป)?"
)
_BARE_TIME: Final = re.compile(
    rf"(?:{_D}{{1,2}}[.:]{_D}{{2}} ?(?:น\.)? ?- ?)?{_D}{{1,2}}[.:]{_D}{{2}} ?(?:น\.|นาฬิกา)$"
)
_TIME_LEADS: Final = ("ตั้งแต่", "เริ่มประชุม", "เริ่ม", "ระหว่าง")
# A time before the day, as news items write it: "07.50 น.วันที่ 31 พฤษภาคม 2564".
_LEADING_TIME: Final = re.compile(
    rf"(?:เวลา ?)?(?P<h1>{_D}{{1,2}})[.:](?P<m1>{_D}{{2}}) ?(?:น\.|นาฬิกา) ?(?=.)"
)


def _time(hours: str, minutes: str, start: int) -> dt.time:
    hour, minute = int(hours), int(minutes)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise _Problem(f"there is no time {hours}.{minutes}", "time_out_of_range", start)
    return dt.time(hour % 24, minute)


def _split_times(body: str) -> tuple[str, TimeRange | None]:
    """Cut a time of day off the end of ``body``; returns the rest and the times."""
    at = body.rfind("เวลา")
    if at > 0:
        start = at + len("เวลา")
        match = _TIME_BODY.fullmatch(body, start + (body[start : start + 1] == " "))
        head_end = at
        if match is not None:
            head = body[:head_end].rstrip(" ,")
            onward = bool(match["onward"])
            for lead in _TIME_LEADS:
                if head.endswith(lead):
                    head = head[: -len(lead)].rstrip(" ,")
                    break
            return head, _time_range(match, onward)
        return body, None
    tail = _BARE_TIME.search(body, max(0, len(body) - 24))
    if tail is not None and tail.start() > 0 and body[tail.start() - 1] == " ":
        match = _TIME_BODY.fullmatch(body, tail.start())
        if match is not None:
            return body[: tail.start()].rstrip(" ,"), _time_range(match, False)
    return body, None


def _time_range(match: re.Match[str], onward: bool) -> TimeRange:
    start = _time(match["h1"], match["m1"], match.start("h1"))
    end = None
    if match["h2"] is not None:
        end = _time(match["h2"], match["m2"], match.start("h2"))
    return TimeRange(start, end, onward and end is None)


# -- 4. recurrences ---------------------------------------------------------------------

_TIMES_A_YEAR: Final = re.compile(r"(?:อย่างน้อย ?)?ปีละ ?(?P<n>[^ ]+?) ?ครั้ง ?")
_MONTHLY: Final = re.compile(
    rf"(?P<by>ภายใน ?|ไม่เกิน ?)?(?:ทุก ?)?วันที่ ?(?P<d>{_D}{{1,2}}) ?(?:ของ ?)?ทุก ?เดือน"
    rf"|ทุก ?วันที่ ?(?P<d2>{_D}{{1,2}}) ?(?:ของ ?)?เดือน"
)
_YEARLY: Final = re.compile(
    rf"(?P<by>ภายใน ?|ไม่เกิน ?)?(?:ใน ?)?(?:(?:วันที่ ?)?(?P<d>{_D}{{1,2}}) ?)?(?:เดือน ?)?"
    rf"(?P<m>{_MONTH}) ?(?:ของ ?)?ทุก ?ปี"
)
_EVERY: Final = {"ทุกไตรมาส": ("FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1", PeriodKind.QUARTER)}
_EVERY["ทุก ไตรมาส"] = _EVERY["ทุกไตรมาส"]
_EVERY["ทุกเดือน"] = ("FREQ=MONTHLY;BYMONTHDAY=1", PeriodKind.MONTH)
_EVERY["ทุก เดือน"] = _EVERY["ทุกเดือน"]


def _recurring(body: str, text: str) -> Period | None:
    if "ทุก" not in body and "ปีละ" not in body:
        return None
    times = None
    offset = 0
    counted = _TIMES_A_YEAR.match(body)
    if counted is not None:
        times = _count(counted["n"], counted.start("n"))
        offset = counted.end()
    rest = body[offset:]
    if rest in _EVERY:
        rule, each = _EVERY[rest]
        return _recurrence(rule, each, times, text)
    monthly = _MONTHLY.fullmatch(rest)
    if monthly is not None:
        day = int(monthly["d"] or monthly["d2"])
        if not 1 <= day <= 31:
            raise _Problem(f"no month has a day {day}", "day_out_of_range", offset)
        each = PeriodKind.DEADLINE if monthly["by"] else PeriodKind.DAY
        return _recurrence(f"FREQ=MONTHLY;BYMONTHDAY={day}", each, times, text)
    yearly = _YEARLY.fullmatch(rest)
    if yearly is not None:
        month = MONTH_VARIANTS[yearly["m"]]
        if yearly["d"] is None:
            day, each = (-1, PeriodKind.DEADLINE) if yearly["by"] else (1, PeriodKind.MONTH)
        else:
            day = int(yearly["d"])
            _make_date(2000, month, day, ("m", "m", "d"))  # 2000: 29 February exists
            each = PeriodKind.DEADLINE if yearly["by"] else PeriodKind.DAY
        return _recurrence(f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}", each, times, text)
    return None


def _recurrence(rule: str, each: PeriodKind, times: int | None, text: str) -> Period:
    return Period(PeriodKind.RECURRING, None, None, text, recurrence=Recurrence(rule, each, times))


# -- 5. counts of days ------------------------------------------------------------------

_SPAN_HEAD: Final = re.compile(
    r"(?P<bound>ภายใน|ไม่เกิน|ไม่ช้ากว่า|ไม่น้อยกว่า|อย่างน้อย|ครบ)? ?(?P<n>[^ ]+?) ?(?P<unit>วันทำการ|วัน)"
)
_BOUNDS: Final = {
    None: Bound.EXACTLY,
    "ครบ": Bound.EXACTLY,
    "ภายใน": Bound.AT_MOST,
    "ไม่เกิน": Bound.AT_MOST,
    "ไม่ช้ากว่า": Bound.AT_MOST,
    "ไม่น้อยกว่า": Bound.AT_LEAST,
    "อย่างน้อย": Bound.AT_LEAST,
}
_DIRECTIONS: Final = re.compile(r" ?(?P<word>นับแต่|นับตั้งแต่|นับจาก|หลังจาก|หลัง|ก่อน) ?")
_DIRECTION_OF: Final = {"ก่อน": Direction.BEFORE}
_NUMBER: Final = re.compile(f"{_D}+")
_NUMBER_WORD: Final = re.compile(r"[\u0e01-\u0e4e]+")


def _count(written: str, start: int) -> int:
    """The number ``written`` stands for: digits, or Thai number words.

    Number words are read by :func:`~thaiplan.dates.parse_thai_number`.
    """
    if _NUMBER.fullmatch(written):
        if len(written) > 7:
            raise _Problem(f"{written} is too many to count", "count_out_of_range", start)
        return int(written)
    if not _NUMBER_WORD.fullmatch(written):
        raise _Problem(f"expected a count, not {written!r}", "unexpected_text", start)
    try:
        return parse_thai_number(written)
    except ThaiNumberError as error:
        raise _Problem(error.problem, error.reason, start) from None


def _span_period(body: str, text: str, offset: int) -> Period | None:
    head = _SPAN_HEAD.match(body)
    if head is None:
        return None
    rest = body[head.end() :]
    written = head["n"]
    if not (_NUMBER.fullmatch(written) or _NUMBER_WORD.fullmatch(written)):
        return None
    direction = _DIRECTIONS.match(rest) if rest else None
    if rest and direction is None:
        return None  # "ภายในวันที่ ...", "ในวันพุธที่ ...": words, not a count
    amount = _count(written, head.start("n"))
    unit = SpanUnit.WORKING_DAYS if head["unit"] == "วันทำการ" else SpanUnit.DAYS
    bound = _BOUNDS[head["bound"]]
    if direction is None:
        span = Span(amount, unit, bound, count_text=written)
        return Period(PeriodKind.DURATION, None, None, text, span=span)
    anchor_start = head.end() + direction.end()
    if anchor_start >= len(body):
        raise _Problem(
            f"'{direction['word']}' names no event to count from",
            "missing_date",
            len(body),
        )
    anchor = _verbatim(text, offset + anchor_start, offset + len(body))
    span = Span(
        amount,
        unit,
        bound,
        _DIRECTION_OF.get(direction["word"], Direction.AFTER),
        anchor,
        count_text=written,
    )
    return Period(PeriodKind.RELATIVE, None, None, text, span=span)


def _verbatim(text: str, start: int, end: int) -> str:
    """The original text of normalised positions ``start``-``end``."""
    _, positions = normalise_with_positions(text)
    return text[positions[start] : positions[end - 1] + 1].strip()


# -- 6. relative words ------------------------------------------------------------------

_NEXT_WORDS: Final = {
    "สัปดาห์หน้า": ("week", 1),
    "สัปดาห์นี้": ("week", 0),
    "อาทิตย์หน้า": ("week", 1),
    "เดือนหน้า": ("month", 1),
    "เดือนนี้": ("month", 0),
    "ปีหน้า": ("year", 1),
    "ปีนี้": ("year", 0),
}
_COMING: Final = re.compile(r" ?(?P<word>นี้|ที่จะถึงนี้|ที่จะถึง|ที่ผ่านมา|ปีหน้า)$")


def _needs_reference(word: str, options: Options, at: int) -> dt.date:
    if options.reference is None:
        raise _Problem(
            f"'{word}' is relative: give the date it is counted from"
            " (reference= in the API, a calendar's as_of in files)",
            "missing_reference",
            at,
        )
    return options.reference


def _relative_words(body: str, text: str, options: Options) -> Period | None:
    unit = _NEXT_WORDS.get(body.replace(" ", ""))
    if unit is None:
        return None
    reference = _needs_reference(body, options, 0)
    try:
        return _next(unit, reference, text)
    except (ValueError, OverflowError):  # a reference at the end of datetime's range
        raise _out_of_range(body, 0) from None


def _out_of_range(what: str, at: int) -> _Problem:
    return _Problem(
        f"{what!r} falls outside the dates datetime.date holds (CE 1-9999)",
        "year_out_of_range",
        at,
    )


def _next(unit: tuple[str, int], reference: dt.date, text: str) -> Period:
    what, ahead = unit
    if what == "week":
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=ahead)
        return Period.days(monday, monday + dt.timedelta(days=6), text=text)
    if what == "month":
        index = reference.year * 12 + reference.month - 1 + ahead
        return Period.month(index // 12, index % 12 + 1, text=text)
    return Period.years(reference.year + ahead, reference.year + ahead, text=text)


def _coming(body: str, text: str, options: Options, core: Core) -> Period | None:
    """``2 ก.ย.นี้``, ``ก.ค. นี้``, ``20 มิ.ย.ที่ผ่านมา``, ``เม.ย.ปีหน้า`` against the reference."""
    word = _COMING.search(body, max(0, len(body) - 14))
    if word is None or word.start() == 0:
        return None
    if not _ends_on_month(body[: word.start()]):
        if word["word"] in ("ที่ผ่านมา", "นี้"):
            # "5 เม.ย. 2567 ที่ผ่านมา": the year is written; the word only says when
            try:
                return _core_with_year(body[: word.start()], text, options, core)
            except _Problem:
                return None
        return None
    reference = _needs_reference(word["word"], options, word.start("word"))
    head = body[: word.start()]
    be_year = reference.year + BE_OFFSET
    if word["word"] == "ปีหน้า":
        return core(f"{head} พ.ศ. {be_year + 1}", text, options)
    periods: list[Period] = []
    problem: _Problem | None = None
    for year in (be_year - 1, be_year, be_year + 1):
        try:
            periods.append(core(f"{head} พ.ศ. {year}", text, options))
        except _Problem as error:  # 29 ก.พ. is not in every year
            problem = error
    if word["word"] == "ที่ผ่านมา":
        found = [p for p in periods if (p.start or p.end) <= reference]
    else:
        found = [p for p in periods if p.end >= reference][:1]
    if not found:
        assert problem is not None
        raise problem
    return found[-1]


# -- 7-8. leading words, parts of a month, the year -------------------------------------

_TODAY: Final = re.compile(r"(?:วันนี้|วานนี้|เมื่อวานนี้|เมื่อวาน) ?\(")
_MONTH_AT_END: Final = re.compile(f"(?:{_MONTH})$")
_MONTH_ANYWHERE: Final = re.compile(_MONTH)


def _ends_on_month(body: str) -> bool:
    return _MONTH_AT_END.search(body, max(0, len(body) - 12)) is not None


_PART: Final = re.compile(
    r"(?:(?P<part>ต้น|กลาง|ปลาย|สิ้น) ?เดือน|สัปดาห์ ?ที่ ?(?P<week>[0-9๐-๙]) ?(?:ของ ?)?(?:เดือน)?) ?"
)
#: Parts of a month, by convention: ต้นเดือน days 1-10, กลางเดือน 11-20,
#: ปลายเดือน 21 to the end, สิ้นเดือน the last day.
PARTS: Final = {"ต้น": (1, 10), "กลาง": (11, 20), "ปลาย": (21, 31), "สิ้น": (31, 31)}


def _month_part(body: str, text: str, options: Options, core: Core) -> Period | None:
    match = _PART.match(body)
    if match is None:
        return None
    rest = body[match.end() :]
    try:
        month = _core_with_year(rest, text, options, core)
    except _Problem as problem:
        if problem.start is not None:
            problem.start += match.end()
        raise
    if month.kind is not PeriodKind.MONTH:
        raise _Problem(
            f"expected a month after {match.group().strip()!r}", "unexpected_text", match.end()
        )
    start = month.start
    assert start is not None
    last = _calendar.monthrange(start.year, start.month)[1]
    if match["part"] is not None:
        first, final = PARTS[match["part"]]
        if match["part"] == "สิ้น":
            return Period.day(month.end, text=text)
    else:
        week = int(match["week"])
        first, final = 7 * week - 6, 7 * week
        if week == 5:
            final = last
        if not 1 <= week <= 5 or first > last:
            raise _Problem(
                f"{start:%Y-%m} has no week {week}", "day_out_of_range", match.start("week")
            )
    return Period.days(start.replace(day=first), start.replace(day=min(final, last)), text=text)


def _core_with_year(body: str, text: str, options: Options, core: Core) -> Period:
    """The dates, with the caller's year written in when ``body`` ends on a month."""
    if not _ends_on_month(body):
        return core(body, text, options)
    if options.year is None:
        raise _Problem(
            "the date has no year (a missing year): write it, as in '๑๕ สิงหาคม ๒๕๖๑',"
            " or give the year (year= in the API, the calendar's year key in files)",
            "missing_year",
            len(body),
        )
    year = options.year
    try:
        return core(f"{body} พ.ศ. {year}", text, options)
    except _Problem as problem:
        if problem.reason != "reversed_range":
            raise
    # A range that crosses New Year (ธ.ค. - ม.ค.) ends in the next year.
    first = _MONTH_ANYWHERE.search(body)
    assert first is not None
    crossing = f"{body[: first.end()]} พ.ศ. {year}{body[first.end() :]} พ.ศ. {year + 1}"
    return core(crossing, text, options)


_DEADLINE_WORDS: Final = re.compile(r"(?P<word>ภายใน|ไม่เกิน|ไม่ช้ากว่า|ก่อน|จนถึง|ถึง) ?(?:เดือน ?)?(?=.)")
_FROM: Final = re.compile(r"ตั้งแต่ ?")
_ONWARD: Final = re.compile(r" ?เป็นต้นไป$")
_LEADING: Final = re.compile(r"(?:ในช่วงระยะ|ในช่วง|ช่วง|ใน|เมื่อ|ณ)(?: ?(?=เดือน|วัน)| )")


def read_period(norm: str, text: str, options: Options, core: Core) -> Period:
    """Read ``norm`` (the normalised ``text``) as a period; ``core`` reads the dates."""
    lo, hi = 0, len(norm)
    if norm.startswith("(") and norm.endswith(")"):
        lo, hi = 1, hi - 1
    approximate = False
    match = _APPROXIMATE.match(norm, lo, hi)
    if match is not None:
        approximate, lo = True, match.end()
    try:
        body, times = _split_times(norm[lo:hi])
        if times is None:
            leading = _LEADING_TIME.match(body)
            if leading is not None:
                times = TimeRange(_time(leading["h1"], leading["m1"], leading.start("h1")))
                body, lo = body[leading.end() :], lo + leading.end()
        if not body and times is not None:
            raise _Problem(
                "a time of day needs a day: write the day before it,"
                " as in '๔ เม.ย. ๖๑ เวลา ๐๙.๓๐ น.'",
                "missing_date",
                0,
            )
        period = _words(body, text, options, core, lo)
    except _Problem as problem:
        if problem.start is not None:
            problem.start += lo
        raise
    if approximate or times is not None:
        if not period.has_dates and times is not None:
            raise _Problem("a time of day needs a day to be on", "unexpected_text", lo)
        period = attrs.evolve(period, approximate=approximate, times=times)
    return period


def _words(body: str, text: str, options: Options, core: Core, offset: int) -> Period:
    found = _recurring(body, text)
    if found is None:
        found = _span_period(body, text, offset)
    if found is None:
        found = _relative_words(body, text, options)
    if found is not None:
        return found
    onward = _ONWARD.search(body, max(0, len(body) - 12))
    opening = _FROM.match(body)
    if onward is not None or (opening is not None and not _has_range(body)):
        lo = opening.end() if opening is not None else 0
        hi = onward.start() if onward is not None else len(body)
        inner = _shifted(body[lo:hi], text, options, core, lo)
        if inner.start is None:
            raise _Problem(
                "a period from which on (ตั้งแต่ … เป็นต้นไป) needs a first day,"
                f" not a {inner.kind.value}",
                "unexpected_text",
                lo,
            )
        return Period.open_from(inner.start, text=text)
    deadline = _DEADLINE_WORDS.match(body)
    if deadline is not None:
        inner = _shifted(body[deadline.end() :], text, options, core, deadline.end())
        if deadline["word"] == "ก่อน":
            first = inner.start or inner.end
            if first == dt.date.min:
                raise _out_of_range(body, 0)
            return Period.deadline_of(first - dt.timedelta(days=1), text=text)
        return Period.deadline_of(inner.end, text=text)
    leading = _LEADING.match(body)
    if leading is not None:
        return _shifted(body[leading.end() :], text, options, core, leading.end())
    return _dates(body, text, options, core)


def _has_range(body: str) -> bool:
    return "ถึง" in body or "-" in body


def _shifted(body: str, text: str, options: Options, core: Core, offset: int) -> Period:
    """Read ``body``, which starts at ``offset``, and place its problems there."""
    if not body:
        raise _Problem("nothing follows the words", "missing_date", offset, "ภายใน พ.ค. ๖๑")
    try:
        leading = _LEADING.match(body)
        if leading is not None:
            return _shifted(body[leading.end() :], text, options, core, leading.end())
        return _dates(body, text, options, core)
    except _Problem as problem:
        if problem.start is not None:
            problem.start += offset
        raise


def _dates(body: str, text: str, options: Options, core: Core) -> Period:
    today = _TODAY.match(body)
    if today is not None and body.endswith(")"):
        # "วันนี้ (20 ก.ย.2566)": the news item's own date, in brackets
        return _shifted(body[today.end() : -1].strip(), text, options, core, today.end())
    found = _coming(body, text, options, core)
    if found is not None:
        return found
    found = _month_part(body, text, options, core)
    if found is not None:
        return found
    return _core_with_year(body, text, options, core)
