"""Hostile input to the date layer: texts built to be slow, and round trips at the edges.

The texts of ``hostile_texts.py`` are built to make a backtracking pattern slow.
Here each parser must give a value or a :class:`~thaiplan.errors.ThaiDateError` on
them; that its time grows linearly with the text (issue 13) is measured by
``benchmarks/bench_hostile.py``, which prints the growth beside PASS/FAIL.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hostile_texts import ISSUE_TEXTS, PARSERS, SLOW_TEXTS, hostile_text
from strategies import all_dates, all_periods
from thaiplan.dates import (
    Period,
    PeriodKind,
    format_date,
    format_period,
    parse_date,
    parse_period,
)
from thaiplan.dates._parse import MAX_TEXT_LENGTH
from thaiplan.errors import HolidayDataError, ThaiDateError


class TestHostileTexts:
    """Texts built to be slow give a value or a ThaiDateError, never another exception.

    How long they take is measured by ``benchmarks/bench_hostile.py`` (the growth
    with the size of the text), not here.
    """

    @pytest.mark.parametrize("name", PARSERS)
    @pytest.mark.parametrize(("label", "head", "piece", "tail"), SLOW_TEXTS)
    def test_at_the_length_limit(
        self, name: str, label: str, head: str, piece: str, tail: str
    ) -> None:
        """The longest text read: parsed or refused with a reason."""
        text = hostile_text(head, piece, tail, MAX_TEXT_LENGTH)
        assert len(text) <= MAX_TEXT_LENGTH, label
        try:
            PARSERS[name](text)
        except ThaiDateError as error:
            refused: ThaiDateError | None = error
        else:
            refused = None
        assert refused is None or refused.problem, label

    @pytest.mark.parametrize("name", PARSERS)
    @pytest.mark.parametrize("text", ISSUE_TEXTS)
    def test_the_issue_inputs(self, name: str, text: str) -> None:
        """The inputs of issue 13 are refused with a reason (none is a date as written)."""
        with pytest.raises(ThaiDateError):
            PARSERS[name](text)


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
