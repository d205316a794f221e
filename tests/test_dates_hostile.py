"""Hostile input to the date layer: cost that grows with the input, and round trips at the edges.

The parsers must cost time linear in their input (issue 13): the texts here are
built to make a backtracking pattern slow, and each test times a parser on the
same text at two and four times the size, asserting the *growth* (at most three
times the time for twice the input), never an absolute time. A quadratic
parser grows four times, an exponential one far more. Each size is timed as the
fastest of many single calls, the sizes in turn, so that a busy machine slows
every size alike.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import time
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from strategies import all_dates, all_periods
from thaiplan.dates import (
    FiscalYear,
    Period,
    PeriodKind,
    format_date,
    format_period,
    parse_date,
    parse_datetime,
    parse_period,
)
from thaiplan.dates._parse import MAX_TEXT_LENGTH
from thaiplan.errors import HolidayDataError, ThaiDateError

PARSERS: dict[str, Callable[[str], object]] = {
    "parse_date": parse_date,
    "parse_datetime": parse_datetime,
    "parse_period": parse_period,
    # with a year and a reference, which write a year in and resolve relative words
    "parse_period(year=, reference=)": functools.partial(
        parse_period, year=2566, reference=dt.date(2023, 9, 20)
    ),
    "parse_date(year=)": functools.partial(parse_date, year=2566),
    "FiscalYear.parse": FiscalYear.parse,
}

# Texts built to be slow: (name, head, repeated piece, tail). Each repeats its
# piece until the text is the size asked for.
SLOW_TEXTS = [
    # issue 13: a date followed by repeated วันที่ fragments
    ("date + วันที่ fragments", "๔ เมษายน ๒๕๖๑ เวลา", " วันที่ ๔", " น."),
    ("date + วันที่ dates", "วันที่ ๔ เมษายน ๒๕๖๑", " วันที่ ๔ เมษายน ๒๕๖๑", ""),
    # issue 13: วันจันทร์ที่ × 12 (and more), then a letter that no word ends with
    ("วันจันทร์ที่ repeated", "", "วันจันทร์ที่", "ก"),
    # issue 13: twenty repeated weekday words, and more
    ("weekday words", "", "วันพุธ", "ก ๔ เม.ย. ๖๑"),
    ("weekday words, spaced", "", "วันพุธ ", "๔ เม.ย."),
    ("range separators", "๑", " - ๑", " พ.ค."),
    ("deadline words", "ภายใน", "เดือน", "พ.ค. ๖๑ x"),
    ("month names", "", "เม.ย. ", "๒๕๖๑ x"),
    ("digit run", "๔ เมษายน ", "๒", ""),
    ("era marks", "", "พ.ศ. ", "๒๕๖๑ x"),
    # issue 9 notations: the words peeled off around a period
    ("counts of days", "ภายใน ", "๑ วัน", "นับแต่วันที่ได้รับ"),
    ("time words", "๔ เม.ย. ๖๑ ", "เวลา ", "๑๓.๓๐ น."),
    ("times", "๔ เม.ย. ๖๑ เวลา ", "๑๓.๓๐ - ", "๑๒.๐๐ น."),
    ("recurrence words", "ภายในวันที่ ๑๕ ", "ของทุก", "เดือน"),
    ("relative words", "๒ ก.ย.", "นี้", ""),
    ("open-ended words", "ตั้งแต่", "วันที่ ", "๑ พ.ค. ๖๑ เป็นต้นไป"),
    ("parts of a month", "", "ปลายเดือน ", "มิ.ย. ๖๑"),
    # an unknown month whose hint is checked by parsing its corrections
    ("a month to correct", "๕ ", "เมษ", " ๒๕๖๑"),
    ("yearless ranges", "๑", " - ๑ ธ.ค.", " - ๕ ม.ค."),
]


def _text(head: str, piece: str, tail: str, size: int) -> str:
    count = max(1, (size - len(head) - len(tail)) // len(piece))
    return head + piece * count + tail


def _seconds(parser: Callable[[str], object], texts: list[str], runs: int = 40) -> list[float]:
    """The best time of one call on each of ``texts``, the texts timed in turn.

    One call at a time, not batches: on a busy machine a batch longer than the
    scheduler's time slice is nearly always interrupted, and more often the
    longer it is, which looks like growth; the fastest of many single calls
    is not. Interleaving the texts makes a busy spell slow them alike.
    """
    best = [float("inf")] * len(texts)
    for _ in range(runs):
        for index, text in enumerate(texts):
            started = time.perf_counter()
            with contextlib.suppress(ThaiDateError):
                parser(text)
            best[index] = min(best[index], time.perf_counter() - started)
    return best


class TestLinearTime:
    """Every parser costs time linear in its input, on inputs built to be slow."""

    @pytest.mark.parametrize("name", PARSERS)
    @pytest.mark.parametrize(("label", "head", "piece", "tail"), SLOW_TEXTS)
    def test_doubling_the_input_at_most_triples_the_time(
        self, name: str, label: str, head: str, piece: str, tail: str
    ) -> None:
        """t(4n) <= 9 t(n) up to the length limit: at most 3x a doubling (quadratic: 4x)."""
        parser = PARSERS[name]
        quarter = MAX_TEXT_LENGTH // 4
        sizes = (quarter, 2 * quarter, 4 * quarter)
        texts = [_text(head, piece, tail, size) for size in sizes]
        assert all(len(text) <= MAX_TEXT_LENGTH for text in texts)
        times = _seconds(parser, texts)
        # Two doublings: at most 3 x 3 = 9 times the time (quadratic gives 16).
        assert times[2] <= 9 * times[0], f"{label}: {times}"

    @pytest.mark.parametrize("name", PARSERS)
    def test_the_issue_inputs_are_fast(self, name: str) -> None:
        """The inputs of issue 13 (7-20 s before) now take well under a millisecond each."""
        parser = PARSERS[name]
        texts = [
            "๔ เมษายน ๒๕๖๑" + " วันที่ ๔ เมษายน" * 22,
            "วันจันทร์ที่" * 12 + " ๔ เมษายน ๒๕๖๑",
            "วันจันทร์ที่" * 12 + "ก",
            "วันพุธ" * 20,
            "วันพุธ" * 20 + "ก",
        ]
        # A generous multiple of one plain parse: a machine slow enough to fail
        # this is slow for every call alike.
        plain, *slow = _seconds(parser, ["วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.", *texts], runs=10)
        for text, seconds in zip(texts, slow, strict=True):
            assert seconds < 200 * plain, text


class TestLengthLimit:
    """A text longer than MAX_TEXT_LENGTH is refused before any pattern runs."""

    @pytest.mark.parametrize("name", PARSERS)
    def test_too_long(self, name: str) -> None:
        """The error names the limit and points at the first character past it."""
        text = "๔ เมษายน ๒๕๖๑" + " " * MAX_TEXT_LENGTH
        with pytest.raises(ThaiDateError) as caught:
            PARSERS[name](text)
        assert "too_long" == caught.value.reason
        assert MAX_TEXT_LENGTH == caught.value.position
        assert str(MAX_TEXT_LENGTH) in str(caught.value)

    @pytest.mark.parametrize("name", PARSERS)
    def test_a_million_digits(self, name: str) -> None:
        """A run of a million digits is too_long, not int()'s digit-limit ValueError."""
        with pytest.raises(ThaiDateError) as caught:
            PARSERS[name]("๔ เมษายน " + "๒" * 1_000_000)
        assert "too_long" == caught.value.reason

    def test_a_long_year_within_the_limit(self) -> None:
        """A year of hundreds of digits is an ambiguous year, found without int()."""
        with pytest.raises(ThaiDateError) as caught:
            parse_date("๔ เมษายน " + "๒" * 480)
        assert "ambiguous_year" == caught.value.reason

    def test_at_the_limit_is_read(self) -> None:
        """Spaces up to the limit are read as any spacing is."""
        text = "๔ เมษายน" + " " * (MAX_TEXT_LENGTH - len("๔ เมษายน๒๕๖๑")) + "๒๕๖๑"
        assert MAX_TEXT_LENGTH == len(text)
        assert dt.date(2018, 4, 4) == parse_date(text)


class TestRoundTripEverywhere:
    """What a formatter writes, the parser reads back, over every date datetime holds."""

    @given(
        all_dates,
        st.sampled_from(["full", "abbr", "numeric", "iso"]),
        st.sampled_from(["thai", "arabic"]),
        st.booleans(),
        st.booleans(),
    )
    @example(dt.date(18, 4, 5), "full", "thai", False, False)  # issue 13: พ.ศ. ๕๖๑
    @example(dt.date(1, 1, 1), "numeric", "arabic", True, False)
    @example(dt.date(456, 12, 31), "abbr", "thai", False, True)  # พ.ศ. ๙๙๙
    @example(dt.date(457, 1, 1), "abbr", "thai", False, False)  # พ.ศ. ๑๐๐๐
    @example(dt.date(9999, 12, 31), "full", "arabic", True, True)  # พ.ศ. 10542
    @example(dt.date(1899, 12, 31), "iso", "thai", False, False)
    def test_format_date(
        self, date: dt.date, style: str, digits: str, weekday: bool, era: bool
    ) -> None:
        """format_date writes what parse_date reads; it refuses only ISO outside CE 1900-2200."""
        if style == "iso" and not 1900 <= date.year <= 2200:
            with pytest.raises(ThaiDateError) as caught:
                format_date(date, style=style, digits=digits, weekday=weekday, era=era)  # type: ignore[arg-type]
            assert "year_out_of_range" == caught.value.reason
            return
        text = format_date(date, style=style, digits=digits, weekday=weekday, era=era)  # type: ignore[arg-type]
        assert date == parse_date(text)

    @given(all_periods, st.sampled_from(["abbr", "full"]), st.sampled_from(["thai", "arabic"]))
    def test_format_period(self, period: object, style: str, digits: str) -> None:
        """format_period writes every period so that parse_period reads it back."""
        text = format_period(period, style=style, digits=digits)  # type: ignore[arg-type]
        assert period == parse_period(text)

    def test_fiscal_years_before_2400_are_refused(self) -> None:
        """A fiscal-year period that FiscalYear cannot name is refused, as the parser refuses it."""
        period = Period(PeriodKind.FISCAL_YEAR, dt.date(1800, 10, 1), dt.date(1801, 9, 30))
        with pytest.raises(ThaiDateError) as caught:
            format_period(period)
        assert "year_out_of_range" == caught.value.reason
        with pytest.raises(ThaiDateError) as caught:
            parse_period("ปีงบประมาณ พ.ศ. ๒๓๔๔")
        assert "year_out_of_range" == caught.value.reason


class TestEdgesOfTheRange:
    """Relative words, year= and counts at the ends of datetime's range: a value or ThaiDateError."""

    @given(
        st.sampled_from(
            [
                "สัปดาห์หน้า",
                "สัปดาห์นี้",
                "เดือนหน้า",
                "ปีหน้า",
                "2 ก.ย.นี้",
                "29 ก.พ.นี้",
                "20 มิ.ย.ที่ผ่านมา",
                "เม.ย.ปีหน้า",
                "ก่อนวันที่ 1 ม.ค. นี้",
                "ธ.ค. - ม.ค.",
                "25 ธ.ค. - 5 ม.ค.",
                "ปลายเดือน ธ.ค.",
                "ก่อนวันที่ 1 มกราคม พ.ศ. 544",
            ]
        ),
        st.one_of(st.dates(), st.sampled_from([dt.date.min, dt.date.max])),
        st.integers(2400, 10541),
    )
    @example("เดือนหน้า", dt.date(9999, 12, 15), 2566)
    @example("ก่อนวันที่ 1 มกราคม พ.ศ. 544", dt.date(2000, 1, 1), 2566)
    @example("ธ.ค. - ม.ค.", dt.date(2000, 1, 1), 10541)
    def test_relative_words(self, text: str, reference: dt.date, year: int) -> None:
        """Never OverflowError or datetime's ValueError: either a period or a located ThaiDateError."""
        with contextlib.suppress(ThaiDateError):
            assert parse_period(text, reference=reference, year=year).has_dates

    @settings(deadline=None)  # the first working-day count loads the holiday data
    @given(st.integers(1, 9_999_999), st.sampled_from(["วัน", "วันทำการ"]), all_dates)
    @example(9_999_999, "วัน", dt.date.max)
    @example(3_000_000, "วัน", dt.date(2020, 1, 1))
    def test_anchored_far(self, amount: int, unit: str, day: dt.date) -> None:
        """A count anchored past the end of the dates is year_out_of_range, never OverflowError."""
        period = parse_period(f"ภายใน {amount} {unit}นับแต่วันที่ได้รับ")
        with contextlib.suppress(ThaiDateError, HolidayDataError):
            assert period.anchored(day).end >= day
