"""Benchmark thaiplan's Thai date parsing and formatting against PyThaiNLP and PyICU.

What it measures, in one run and on the same inputs:

- Parsing a corpus of document-style Thai dates (๕ เมษายน ๒๕๖๑, วันพุธที่ ๔ เมษายน ๒๕๖๑,
  ๔ เม.ย. ๖๑, 30/3/2565, 2562-02-15, ... plus a few thousand generated dates in
  CE 1957-2056, written by :func:`thaiplan.dates.format_date` in the full,
  abbreviated and numeric styles with Thai and Arabic digits) with

  - thaiplan, uncached: the undecorated parser behind the public
    :func:`~thaiplan.dates.parse_date`, i.e. the cold path of every new text;
  - thaiplan, public ``parse_date`` with its LRU cache, warm (every call a hit)
    and cold (every call a miss);
  - PyThaiNLP's ``thai_strptime`` on the inputs it can read;
  - PyICU's ``SimpleDateFormat`` with locale ``th_TH@calendar=buddhist``, if
    PyICU is installed.

  Each library is timed only on the inputs it can read, and thaiplan (uncached)
  is timed on exactly that subset too, so each ratio compares like with like.
  Every other library's date is checked against thaiplan's, and thaiplan's
  against the date the input was made from; disagreements are counted and
  printed.
- Parsing periods with :func:`~thaiplan.dates.parse_period`: the notations of
  the Samut Sakhon circular, and those of other real calendars (issue 9),
  against the first in the same run.
- Formatting the generated dates in the full and abbreviated styles with
  :func:`~thaiplan.dates.format_date`, PyThaiNLP's ``thai_strftime`` and PyICU,
  with the outputs checked against thaiplan's.

Times are the best of several runs (``time.perf_counter_ns``, garbage collector
off while timing), in microseconds per call. It prints PASS/FAIL for the goals of
the issue (thaiplan parses at least 5 times faster than PyThaiNLP and no slower
than PyICU) but always exits 0: it is a measurement, not a test.

Run it from the repository root::

    pip install -e '.[bench]'
    pip install PyICU              # optional; on Debian needs libicu-dev and pkg-config
    python benchmarks/bench_dates.py            # under 15 s
    python benchmarks/bench_dates.py --quick    # about 1 s
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import math
import platform
import random
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import starmap
from typing import Any, Final

import thaiplan
from thaiplan.dates import _parse as thaiplan_parse
from thaiplan.dates import format_date, parse_date, parse_period

try:
    import pythainlp
    from pythainlp.util import thai_strftime, thai_strptime
except ImportError:  # pragma: no cover - depends on the environment
    pythainlp = None

try:
    import icu
except ImportError:  # pragma: no cover - depends on the environment
    icu = None

# A private hook, used only to measure the cold path: the public parse_date
# calls an lru_cache-decorated _parse_date(text, strict); __wrapped__ is the
# undecorated function, so every call does the full work of a new text.
UNCACHED_PARSE: Final[Callable[[str, bool], dt.date]] = thaiplan_parse._parse_date.__wrapped__
PUBLIC_CACHE: Final = thaiplan_parse._parse_date

FIRST_DAY: Final = dt.date(1957, 1, 1)  # พ.ศ. 2500: two-digit years ๐๐-๙๙ cover the range
LAST_DAY: Final = dt.date(2056, 12, 31)  # พ.ศ. 2599
EPOCH: Final = dt.date(1970, 1, 1)
SECONDS_PER_DAY: Final = 86_400

ICU_LOCALE: Final = "th_TH@calendar=buddhist"
ICU_LOCALE_THAI_DIGITS: Final = "th_TH@calendar=buddhist;numbers=thai"

_THAI_TO_ARABIC: Final = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_THAI_DIGITS: Final = frozenset("๐๑๒๓๔๕๖๗๘๙")

# PyThaiNLP 5.4's thai_strptime formats. Its %d reads ASCII digits only, so it
# cannot read Thai-digit text as written (the text is converted first, in a row
# of its own). It searches the text (re.findall) rather than matching all of it,
# so leading words (วันพุธที่, ลงวันที่) need nothing in the format; literal words in
# the format would break it (it takes them for directive names). '%d/%B/%Y'
# raises KeyError ('/' is not stripped from the directive names), but its
# formats become unescaped regexes, so '.' matches the '/' of a numeric date.
PYTHAINLP_TEXTUAL: Final = "%d %B %Y"  # %B reads มีนาคม and มี.ค.; %Y reads 2561 and 61
PYTHAINLP_NUMERIC: Final = "%d.%B.%Y"  # %B reads 3 and 03 too
PYTHAINLP_ISO: Final = "%Y-%B-%d"


@dataclass(frozen=True)
class Entry:
    """One input of the parsing corpus.

    Attributes:
        text: The date as written.
        expected: The date it stands for.
        pythainlp_format: The format ``thai_strptime`` needs, or None if it has none.
        icu_pattern: The ICU pattern for ``th_TH@calendar=buddhist``, or None.
    """

    text: str
    expected: dt.date
    pythainlp_format: str | None
    icu_pattern: str | None

    @property
    def has_thai_digits(self) -> bool:
        """Whether the text has Thai digits, which ``thai_strptime`` cannot read."""
        return not _THAI_DIGITS.isdisjoint(self.text)


# Dates as documents write them: prefixes, weekdays, both digit sets, both year lengths.
HAND_WRITTEN: Final = (
    Entry("๕ เมษายน ๒๕๖๑", dt.date(2018, 4, 5), PYTHAINLP_TEXTUAL, "d MMMM y"),
    Entry("๓๐ มีนาคม ๒๕๖๑", dt.date(2018, 3, 30), PYTHAINLP_TEXTUAL, "d MMMM y"),
    Entry("วันพุธที่ ๔ เมษายน ๒๕๖๑", dt.date(2018, 4, 4), PYTHAINLP_TEXTUAL, "EEEEที่ d MMMM y"),
    Entry("๔ เม.ย. ๖๑", dt.date(2018, 4, 4), PYTHAINLP_TEXTUAL, "d MMM yy"),
    Entry("4 เม.ย. 61", dt.date(2018, 4, 4), PYTHAINLP_TEXTUAL, "d MMM yy"),
    Entry("ลงวันที่ ๓๐ มีนาคม ๒๕๖๑", dt.date(2018, 3, 30), PYTHAINLP_TEXTUAL, "'ลงวันที่ 'd MMMM y"),
    Entry(
        "ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑",
        dt.date(2018, 4, 4),
        PYTHAINLP_TEXTUAL,
        "'ข้อมูล ณ วันที่ 'd MMMM y",
    ),
    Entry("๔/๔/๒๕๖๑", dt.date(2018, 4, 4), PYTHAINLP_NUMERIC, "d/M/y"),
    Entry("30/3/2565", dt.date(2022, 3, 30), PYTHAINLP_NUMERIC, "d/M/y"),
    Entry("2562-02-15", dt.date(2019, 2, 15), PYTHAINLP_ISO, "y-MM-dd"),
)

# format_date style -> (thai_strptime format, ICU pattern).
GENERATED_STYLES: Final = {
    "full": (PYTHAINLP_TEXTUAL, "d MMMM y"),  # ๕ เมษายน ๒๕๖๑
    "abbr": (PYTHAINLP_TEXTUAL, "d MMM yy"),  # ๕ เม.ย. ๖๑
    "numeric": (PYTHAINLP_NUMERIC, "d/M/y"),  # ๕/๔/๒๕๖๑
}


@dataclass(frozen=True)
class Settings:
    """How big a run is."""

    dates: int  # distinct generated dates
    repeat: int  # timed runs; the best one counts
    min_calls: int  # calls per timed run, at least (passes over the inputs)
    show: int | None  # disagreements printed per check; None for all


@dataclass(frozen=True)
class Row:
    """One line of a result table."""

    subset: str
    label: str
    inputs: int
    us_per_call: float
    baseline: float | None  # µs/call of the row the ratio is taken against

    @property
    def ratio(self) -> str:
        """This row's time over the baseline's, or '-' for the baseline itself."""
        if self.baseline is None:
            return "1.00 (base)"
        return f"{self.us_per_call / self.baseline:.2f}"


# -- corpus ---------------------------------------------------------------------------


def generated_dates(count: int, seed: int = 2561) -> list[dt.date]:
    """``count`` distinct dates drawn evenly at random from CE 1957-2056."""
    first, last = FIRST_DAY.toordinal(), LAST_DAY.toordinal()
    ordinals = random.Random(seed).sample(range(first, last + 1), count)
    return [dt.date.fromordinal(ordinal) for ordinal in ordinals]


def build_corpus(dates: Sequence[dt.date]) -> list[Entry]:
    """The hand-written dates, then each date in every style and digit set."""
    corpus = list(HAND_WRITTEN)
    for date in dates:
        for style, (pythainlp_format, icu_pattern) in GENERATED_STYLES.items():
            for digits in ("thai", "arabic"):
                text = format_date(date, style=style, digits=digits)  # type: ignore[arg-type]
                corpus.append(Entry(text, date, pythainlp_format, icu_pattern))
    return corpus


# -- timing ---------------------------------------------------------------------------


def best_us_per_call(
    func: Callable[..., object],
    args: Sequence[tuple[Any, ...]],
    settings: Settings,
    *,
    before_each_run: Callable[[], object] | None = None,
    single_pass: bool = False,
) -> float:
    """Microseconds per ``func(*a)`` over ``args``: the best of ``settings.repeat`` runs.

    A run is enough passes over ``args`` to make ``settings.min_calls`` calls, or
    one pass if ``single_pass``. ``before_each_run`` (untimed) runs before each
    timed run, e.g. to clear a cache. One untimed pass warms up first.
    """
    passes = 1 if single_pass else max(1, math.ceil(settings.min_calls / len(args)))
    work = list(args) * passes
    best = math.inf
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        deque(starmap(func, args), maxlen=0)
        for _ in range(settings.repeat):
            if before_each_run is not None:
                before_each_run()
            start = time.perf_counter_ns()
            deque(starmap(func, work), maxlen=0)
            best = min(best, time.perf_counter_ns() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return best / len(work) / 1000


# -- the libraries --------------------------------------------------------------------


def thaiplan_date(text: str) -> dt.date:
    """Return thaiplan's date for ``text``, through the uncached path."""
    return UNCACHED_PARSE(text, False)


def pythainlp_parse_arabic(text: str, fmt: str, year: str) -> object:
    """``thai_strptime`` on ``text`` with its Thai digits made Arabic first."""
    return thai_strptime(text.translate(_THAI_TO_ARABIC), fmt, year)


def pythainlp_date(entry: Entry) -> dt.date:
    """PyThaiNLP's date for ``entry`` (its Thai digits made Arabic first)."""
    assert entry.pythainlp_format is not None
    text = entry.text.translate(_THAI_TO_ARABIC)
    return thai_strptime(text, entry.pythainlp_format, "be").date()  # type: ignore[no-any-return]


def icu_seconds(date: dt.date) -> float:
    """``date`` at 00:00 UTC as PyICU's UDate (seconds since 1970-01-01)."""
    return float((date - EPOCH).days * SECONDS_PER_DAY)


def icu_to_date(seconds: float) -> dt.date:
    """The UTC date of a PyICU UDate (seconds since 1970-01-01)."""
    return dt.date.fromordinal(EPOCH.toordinal() + int(seconds // SECONDS_PER_DAY))


def icu_format(pattern: str, locale: str) -> Any:
    """A ``SimpleDateFormat`` for ``pattern`` in UTC.

    Two-digit years are read as พ.ศ. 2500-2599, as thaiplan reads them (๖๑ is
    2561); ICU's default window (80 years back to 20 ahead of today) would read
    ๘๙-๙๙ as 2489-2499.
    """
    formatter = icu.SimpleDateFormat(pattern, icu.Locale(locale))
    formatter.setTimeZone(icu.TimeZone.getGMT())
    formatter.set2DigitYearStart(icu_seconds(FIRST_DAY))
    return formatter


# -- checking -------------------------------------------------------------------------


@dataclass
class Check:
    """Which inputs a library read, and where it disagreed."""

    name: str
    read: list[Entry]
    failed: list[tuple[Entry, str]]
    disagreed: list[tuple[Entry, str]]

    def report(self, show: int | None) -> None:
        """Print the counts and the failures and disagreements."""
        total = len(self.read) + len(self.failed)
        print(
            f"  {self.name}: read {len(self.read)} of {total} inputs; "
            f"{len(self.failed)} failed to parse; {len(self.disagreed)} disagreed"
        )
        for title, items in (("failed", self.failed), ("disagreed", self.disagreed)):
            shown = items if show is None else items[:show]
            for entry, detail in shown:
                print(f"    {title}: {entry.text!r}: {detail}")
            if len(items) > len(shown):
                print(f"    ... and {len(items) - len(shown)} more {title} (--show-all lists all)")


def check(
    name: str,
    entries: Iterable[Entry],
    read: Callable[[Entry], dt.date],
    reference: Callable[[Entry], dt.date],
    reference_name: str,
) -> Check:
    """Parse every entry with ``read``; compare with ``reference``."""
    result = Check(name, [], [], [])
    for entry in entries:
        try:
            date = read(entry)
        except Exception as error:  # any failure means "cannot read this"
            result.failed.append((entry, f"{type(error).__name__}: {error}"))
            continue
        result.read.append(entry)
        expected = reference(entry)
        if date != expected:
            result.disagreed.append((entry, f"{date.isoformat()}, {reference_name} {expected}"))
    return result


# -- the benchmarks -------------------------------------------------------------------


def bench_parsing(
    corpus: Sequence[Entry], settings: Settings
) -> tuple[list[Row], dict[str, Row | None]]:
    """Check and time parsing; returns the rows and the rows the goals use."""
    print("Checking parses (every library against thaiplan; thaiplan against the source date)")
    own = check("thaiplan", corpus, lambda e: thaiplan_date(e.text), lambda e: e.expected, "source")
    own.report(settings.show)
    thaiplan_dates = {entry.text: thaiplan_date(entry.text) for entry in own.read}

    def against_thaiplan(entry: Entry) -> dt.date:
        return thaiplan_dates[entry.text]

    rows: list[Row] = []
    goals: dict[str, Row | None] = {}

    def compare(
        subset: str, entries: Sequence[Entry], label: str, func: Any, args: Any
    ) -> Row | None:
        """Time thaiplan (uncached) and another library on the same ``entries``."""
        if not entries:
            print(f"  {label}: no inputs in {subset!r} (not timed)")
            return None
        base = best_us_per_call(UNCACHED_PARSE, [(e.text, False) for e in entries], settings)
        rows.append(Row(subset, "thaiplan, uncached", len(entries), base, None))
        row = Row(subset, label, len(entries), best_us_per_call(func, args, settings), base)
        rows.append(row)
        return row

    # All inputs thaiplan reads: uncached, then the public cached function.
    readable = own.read
    base = best_us_per_call(UNCACHED_PARSE, [(e.text, False) for e in readable], settings)
    subset = "all inputs"
    rows.append(
        Row(subset, "thaiplan, uncached (_parse_date.__wrapped__)", len(readable), base, None)
    )
    distinct = list(dict.fromkeys(e.text for e in readable))
    maxsize = PUBLIC_CACHE.cache_parameters()["maxsize"] or len(distinct)
    hot = [(text,) for text in distinct[:maxsize]]
    deque(starmap(parse_date, hot), maxlen=0)  # fill the cache
    before = PUBLIC_CACHE.cache_info()
    warm = best_us_per_call(parse_date, hot, settings)
    after = PUBLIC_CACHE.cache_info()
    rows.append(
        Row(
            f"{len(hot)} distinct (fit the cache)",
            f"thaiplan parse_date, cached: warm, {after.hits - before.hits} hits"
            f" / {after.misses - before.misses} misses",
            len(hot),
            warm,
            base,
        )
    )
    before = PUBLIC_CACHE.cache_info()
    cold = best_us_per_call(
        parse_date,
        [(text,) for text in distinct],
        settings,
        before_each_run=PUBLIC_CACHE.cache_clear,
        single_pass=True,
    )
    after = PUBLIC_CACHE.cache_info()  # counts since the last cache_clear: the last run
    rows.append(
        Row(
            f"{len(distinct)} distinct, cache cleared",
            f"thaiplan parse_date, cached: cold, {after.hits} hits / {after.misses} misses",
            len(distinct),
            cold,
            base,
        )
    )

    if pythainlp is None:
        print("  PyThaiNLP: not installed (skipped)")
    else:
        with_format = [e for e in readable if e.pythainlp_format is not None]
        result = check(
            "PyThaiNLP thai_strptime", with_format, pythainlp_date, against_thaiplan, "thaiplan"
        )
        result.report(settings.show)
        read = result.read
        native = [e for e in read if not e.has_thai_digits]
        goals["pythainlp"] = compare(
            "PyThaiNLP reads as written (Arabic digits)",
            native,
            "PyThaiNLP thai_strptime",
            thai_strptime,
            [(e.text, e.pythainlp_format, "be") for e in native],
        )
        thai = [e for e in read if e.has_thai_digits]
        compare(
            "Thai digits (PyThaiNLP after str.translate)",
            thai,
            "PyThaiNLP thai_strptime + translate",
            pythainlp_parse_arabic,
            [(e.text, e.pythainlp_format, "be") for e in thai],
        )

    if icu is None:
        print("  PyICU: not installed (skipped)")
    else:
        formatters: dict[str, Any] = {}

        def formatter(entry: Entry) -> Any:
            assert entry.icu_pattern is not None
            if entry.icu_pattern not in formatters:
                formatters[entry.icu_pattern] = icu_format(entry.icu_pattern, ICU_LOCALE)
            return formatters[entry.icu_pattern]

        with_pattern = [e for e in readable if e.icu_pattern is not None]
        result = check(
            "PyICU SimpleDateFormat",
            with_pattern,
            lambda e: icu_to_date(formatter(e).parse(e.text)),
            against_thaiplan,
            "thaiplan",
        )
        result.report(settings.show)
        goals["icu"] = compare(
            "PyICU reads (Thai and Arabic digits)",
            result.read,
            "PyICU SimpleDateFormat.parse (returns a UDate)",
            icu.SimpleDateFormat.parse,
            [(formatter(e), e.text) for e in result.read],
        )
    return rows, goals


def bench_formatting(dates: Sequence[dt.date], settings: Settings) -> list[Row]:
    """Check and time formatting in the full and abbreviated styles, Thai digits."""
    print("Checking formats (every library against thaiplan)")
    rows: list[Row] = []
    styles = {"full": ("%-d %B %Y", "d MMMM y"), "abbr": ("%-d %b %y", "d MMM yy")}
    for style, (strftime_format, icu_pattern) in styles.items():
        ours = partial(format_date, style=style)
        expected = {date: ours(date) for date in dates}
        subset = f"format {style} ({len(dates)} dates)"
        base = best_us_per_call(ours, [(d,) for d in dates], settings)
        rows.append(Row(subset, f'thaiplan format_date(style="{style}")', len(dates), base, None))
        if pythainlp is not None:
            differ = [
                (date, text)
                for date in dates
                if (text := thai_strftime(date, strftime_format, True)) != expected[date]
            ]
            report_format_check(f"PyThaiNLP {style}", differ, expected, settings.show)
            us = best_us_per_call(
                thai_strftime, [(d, strftime_format, True) for d in dates], settings
            )
            label = f'PyThaiNLP thai_strftime("{strftime_format}", thaidigit=True)'
            rows.append(Row(subset, label, len(dates), us, base))
        if icu is not None:
            formatter = icu_format(icu_pattern, ICU_LOCALE_THAI_DIGITS)
            differ = [
                (date, text)
                for date in dates
                if (text := formatter.format(icu_seconds(date))) != expected[date]
            ]
            report_format_check(f"PyICU {style}", differ, expected, settings.show)
            args = [(formatter, icu_seconds(d)) for d in dates]
            us = best_us_per_call(icu.DateFormat.format, args, settings)
            label = f'PyICU format("{icu_pattern}"), input: UDate float'
            rows.append(Row(subset, label, len(dates), us, base))
    return rows


def report_format_check(
    name: str,
    differ: Sequence[tuple[dt.date, str]],
    expected: dict[dt.date, str],
    show: int | None,
) -> None:
    """Print how many formatted dates differ from thaiplan's, and some of them."""
    print(f"  {name}: {len(differ)} of {len(expected)} differ from thaiplan")
    shown = differ if show is None else differ[:show]
    for date, text in shown:
        print(f"    differs: {date}: {text!r}, thaiplan {expected[date]!r}")
    if len(differ) > len(shown):
        print(f"    ... and {len(differ) - len(shown)} more (--show-all lists all)")


# -- periods --------------------------------------------------------------------------

# The period notations of the Samut Sakhon circular (the seed), as its calendar,
# minutes and infographic write them.
SEED_PERIODS: Final = (
    "๔ เม.ย. ๖๑",
    "๑ - ๑๕ พ.ค. ๖๑",
    "พ.ค. ๖๑",
    "มิ.ย. - ก.ค. ๖๑",
    "ต.ค. ๖๑ - มี.ค. ๖๒",
    "ภายใน พ.ค. ๖๑",
    "ภายในเดือนมิถุนายน ๒๕๖๑",
    "พ.ศ. ๒๕๖๑ – ๒๕๖๔",
    "ปีงบประมาณ พ.ศ. ๒๕๖๓",
    "ไตรมาสที่ ๒ ปีงบประมาณ ๒๕๖๓",
    "ตั้งแต่วันที่ ๑ พ.ค. ถึง ๑๕ มิ.ย. ๖๑",
    "๒๕ พ.ค. - ๕ มิ.ย. ๖๑",
)
# Notations of other real calendars (issue 9; docs/howto/thai-dates.md), read
# with the year 2566 and the reference day 2023-09-20 where they need them.
OTHER_PERIODS: Final = (
    "ในวันพุธที่ 3 มกราคม – วันศุกร์ที่ 5 มกราคม 2567",
    "29 พ.ย.-5ธ.ค.66",
    "ในช่วงระยะเดือน ก.ย.ไปจนถึงวันที่ 6 ต.ค.",
    "ประมาณวันที่ 3-4 เมษายน 67",
    "วันพฤหัสบดีที่ 4 มกราคม 2567 เริ่มประชุมเวลา 09.00-00.30 น.",
    "(ภายในวันที่ ๑๕ สิงหาคม)",
    "ไม่น้อยกว่า 3 วันก่อนวันประชุมสภาท้องถิ่น",
    "ภายใน 105 วัน นับตั้งแต่วันที่ได้รับร่าง",
    "ภายในวันที่ ๑๕ ของทุกเดือน",
    "ตั้งแต่วันที่ 15 พ.ย.64 เป็นต้นไป",
    "2 ก.ย.นี้",
    "สัปดาห์หน้า",
)


def bench_periods(settings: Settings) -> list[Row]:
    """Time parse_period on the seed's notations and on other calendars' notations."""
    read = partial(parse_period, year=2566, reference=dt.date(2023, 9, 20))
    for text in (*SEED_PERIODS, *OTHER_PERIODS):
        read(text)  # every one reads (an error here is a bug, not a figure)
    rows: list[Row] = []
    subset = f"periods ({len(SEED_PERIODS)} of the seed, {len(OTHER_PERIODS)} of others)"
    base = best_us_per_call(parse_period, [(t,) for t in SEED_PERIODS], settings)
    rows.append(
        Row(subset, "thaiplan parse_period, the seed's notations", len(SEED_PERIODS), base, None)
    )
    other = best_us_per_call(read, [(t,) for t in OTHER_PERIODS], settings)
    label = "thaiplan parse_period(year=, reference=), other calendars"
    rows.append(Row(subset, label, len(OTHER_PERIODS), other, base))
    return rows


# -- output ---------------------------------------------------------------------------


def print_table(title: str, rows: Sequence[Row]) -> None:
    """Print rows as a table; the ratio is each row's time over its subset's baseline."""
    headers = ("subset", "library (call)", "inputs", "µs/call", "× baseline")
    cells = [(r.subset, r.label, str(r.inputs), f"{r.us_per_call:.3f}", r.ratio) for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    print(title)
    print("  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  " + "  ".join("-" * w for w in widths))
    previous = None
    for cell in cells:
        subset = cell[0] if cell[0] != previous else ""
        previous = cell[0]
        line = (subset, *cell[1:])
        aligned = [
            text.rjust(width) if index >= 2 else text.ljust(width)
            for index, (text, width) in enumerate(zip(line, widths, strict=True))
        ]
        print("  " + "  ".join(aligned).rstrip())
    print()


def print_goals(goals: dict[str, Row | None]) -> None:
    """Print the issue's goals as PASS/FAIL, from the uncached thaiplan figures."""
    print("Goals (thaiplan uncached, on the same inputs as the other library)")
    row = goals.get("pythainlp")
    if row is None or row.baseline is None:
        print("  SKIP  PyThaiNLP / thaiplan >= 5: PyThaiNLP not installed or read no input")
    else:
        ratio = row.us_per_call / row.baseline
        verdict = "PASS" if ratio >= 5 else "FAIL"
        print(
            f"  {verdict}  PyThaiNLP / thaiplan >= 5: {ratio:.2f}"
            f" ({row.us_per_call:.3f} / {row.baseline:.3f} µs, {row.inputs} inputs)"
        )
    row = goals.get("icu")
    if row is None or row.baseline is None:
        print("  SKIP  thaiplan <= PyICU: PyICU not installed or read no input")
    else:
        verdict = "PASS" if row.baseline <= row.us_per_call else "FAIL"
        print(
            f"  {verdict}  thaiplan <= PyICU: {row.baseline:.3f} vs {row.us_per_call:.3f} µs"
            f" (PyICU / thaiplan = {row.us_per_call / row.baseline:.2f}, {row.inputs} inputs)"
        )


def print_environment() -> None:
    """Print the versions and the machine, for comparing runs."""
    print(f"Python {platform.python_version()} on {platform.machine()} ({platform.platform()})")
    print(f"thaiplan {thaiplan.__version__}")
    print(
        f"PyThaiNLP {pythainlp.__version__}" if pythainlp else "PyThaiNLP: not installed (skipped)"
    )
    if icu is None:
        print("PyICU: not installed (skipped)")
    else:
        print(f"PyICU {icu.VERSION} (ICU {icu.ICU_VERSION}), locale {ICU_LOCALE}")
    print()


def parse_arguments(argv: Sequence[str] | None) -> Settings:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a short run (about 1 s)")
    parser.add_argument("--dates", type=int, help="distinct generated dates (default 3000)")
    parser.add_argument(
        "--show", type=int, default=10, help="disagreements printed per check (default 10)"
    )
    parser.add_argument("--show-all", action="store_true", help="print every disagreement")
    options = parser.parse_args(argv)
    default_dates, repeat, min_calls = (200, 3, 2_000) if options.quick else (3_000, 5, 20_000)
    dates = options.dates or default_dates
    span = LAST_DAY.toordinal() - FIRST_DAY.toordinal() + 1
    if not 1 <= dates <= span:
        parser.error(f"--dates must be from 1 to {span}")
    show = None if options.show_all else max(0, options.show)
    return Settings(dates=dates, repeat=repeat, min_calls=min_calls, show=show)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print the results; always 0."""
    settings = parse_arguments(argv)
    started = time.perf_counter()
    print_environment()
    dates = generated_dates(settings.dates)
    corpus = build_corpus(dates)
    print(
        f"Corpus: {len(HAND_WRITTEN)} hand-written dates + {len(dates)} generated dates"
        f" ({FIRST_DAY.year}-{LAST_DAY.year}) x {len(GENERATED_STYLES)} styles x 2 digit sets"
        f" = {len(corpus)} inputs; best of {settings.repeat} runs of >= {settings.min_calls} calls"
    )
    print()
    parse_rows, goals = bench_parsing(corpus, settings)
    print()
    format_rows = bench_formatting(dates, settings)
    print()
    print_table(
        "Parsing (baseline: thaiplan uncached on the same inputs; × = time / baseline,"
        " > 1 means slower than thaiplan)",
        parse_rows,
    )
    print_table("Formatting (baseline: thaiplan format_date, same dates, Thai digits)", format_rows)
    print_table(
        "Periods (baseline: parse_period on the seed's notations; × = time / baseline)",
        bench_periods(settings),
    )
    print_goals(goals)
    print(f"\nTotal time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
