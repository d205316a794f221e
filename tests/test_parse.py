"""Reading Thai dates, date-times and periods: thaiplan.dates.parse_*."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strategies import any_dates, date_like_text, periods
from thaiplan import ThaiDateError, ThaiplanError
from thaiplan.dates import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_VARIANTS,
    WEEKDAY_NAMES,
    PeriodKind,
    format_date,
    format_period,
    parse_date,
    parse_datetime,
    parse_period,
    to_thai_digits,
)

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_e882f0d035c20451.txt"
D = dt.date

#: Every single date written in the Samut Sakhon FY 2563 circular, as written.
SEED_DATES = [
    ("๕ เมษายน ๒๕๖๑", D(2018, 4, 5)),  # the letter's date
    ("ลงวันที่ ๓๐ มีนาคม ๒๕๖๑", D(2018, 3, 30)),  # the letter it refers to (อ้างถึง)
    ("ลงวันที่ ๕ เมษายน ๒๕๖๖", D(2023, 4, 5)),  # the distribution list, year as misprinted
    ("เมื่อวันที่ ๔ เมษายน ๒๕๖๑", D(2018, 4, 4)),  # the meeting, in the body
    ("วันพุธที่ ๔ เมษายน ๒๕๖๑", D(2018, 4, 4)),  # the meeting, in the minutes
    ("๔ เม.ย. ๖๑", D(2018, 4, 4)),  # calendar step 3
    ("ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑", D(2018, 4, 4)),  # the calendar's data date
    ("4 เม.ย. 61", D(2018, 4, 4)),  # the infographic
]

#: Every period written in the circular, as written.
SEED_PERIODS = [
    ("ภายใน พ.ค. ๖๑", "deadline", None, D(2018, 5, 31)),  # steps 1, 2
    ("พ.ค. ๖๑", "month", D(2018, 5, 1), D(2018, 5, 31)),  # steps 4, 5
    ("มิ.ย. ๖๑", "month", D(2018, 6, 1), D(2018, 6, 30)),  # step 6
    ("มิ.ย. - ก.ค. ๖๑", "month_range", D(2018, 6, 1), D(2018, 7, 31)),  # step 7
    ("ก.ค. ๖๑", "month", D(2018, 7, 1), D(2018, 7, 31)),  # steps 8-10
    ("ก.ค. - ส.ค. ๖๑", "month_range", D(2018, 7, 1), D(2018, 8, 31)),  # step 11
    ("ส.ค. ๖๑", "month", D(2018, 8, 1), D(2018, 8, 31)),  # steps 12, 13
    ("ก.ย. ๖๑", "month", D(2018, 9, 1), D(2018, 9, 30)),  # step 14
    ("ต.ค. ๖๑", "month", D(2018, 10, 1), D(2018, 10, 31)),  # step 15
    ("๔ เม.ย. ๖๑", "day", D(2018, 4, 4), D(2018, 4, 4)),  # step 3
    ("ภายในเดือนมิถุนายน ๒๕๖๑", "deadline", None, D(2018, 6, 30)),  # resolution 3.1
    ("ภายในเดือนพฤษภาคม ๒๕๖๑", "deadline", None, D(2018, 5, 31)),  # resolution 3.3
    ("พ.ศ. ๒๕๖๑ – ๒๕๖๔", "year_range", D(2018, 1, 1), D(2021, 12, 31)),  # agenda 2.2
    ("พ.ศ. ๒๕๖๑ - ๒๕๖๔", "year_range", D(2018, 1, 1), D(2021, 12, 31)),  # the calendar
    ("พ.ศ. 2561 - 2564", "year_range", D(2018, 1, 1), D(2021, 12, 31)),  # the infographic
    ("ปีงบประมาณ พ.ศ. ๒๕๖๓", "fiscal_year", D(2019, 10, 1), D(2020, 9, 30)),  # subject
    ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๓", "fiscal_year", D(2019, 10, 1), D(2020, 9, 30)),
    ("ปีงบประมาณ พ.ศ. 2563", "fiscal_year", D(2019, 10, 1), D(2020, 9, 30)),
    ("พ.ศ. ๒๕๖๑", "year", D(2018, 1, 1), D(2018, 12, 31)),  # the Gantt header
    ("ปี พ.ศ. ๒๕๖๓", "year", D(2020, 1, 1), D(2020, 12, 31)),  # agenda 3.1
    ("ปี พ.ศ. 2563", "year", D(2020, 1, 1), D(2020, 12, 31)),  # the infographic title
    ("เม.ย.61", "month", D(2018, 4, 1), D(2018, 4, 30)),  # the infographic's months
    ("พ.ค.61", "month", D(2018, 5, 1), D(2018, 5, 31)),
    ("มิ.ย.61", "month", D(2018, 6, 1), D(2018, 6, 30)),
    ("ก.ค.61", "month", D(2018, 7, 1), D(2018, 7, 31)),
    ("ส.ค.61", "month", D(2018, 8, 1), D(2018, 8, 31)),
    ("ก.ย.61", "month", D(2018, 9, 1), D(2018, 9, 30)),
    ("ต.ค.61", "month", D(2018, 10, 1), D(2018, 10, 31)),
]

SEED_DATETIMES = [
    ("วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.", "2018-04-04T13:30:00+07:00"),
    ("เมื่อวันที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.", "2018-04-04T13:30:00+07:00"),
]


class TestSeedDocument:
    """Every date expression of the Samut Sakhon circular, with its answer."""

    @pytest.mark.skipif(not SEED.exists(), reason=f"the seed document is not at {SEED}")
    def test_table_quotes_the_seed(self) -> None:
        """Each expression of the tables occurs verbatim in the seed document."""
        seed = SEED.read_text(encoding="utf-8")
        texts = [t for t, _ in SEED_DATES] + [t for t, *_ in SEED_PERIODS]
        texts += [t for t, _ in SEED_DATETIMES]
        assert [] == [text for text in texts if text not in seed]

    @pytest.mark.parametrize(("text", "expected"), SEED_DATES)
    def test_dates(self, text: str, expected: dt.date) -> None:
        """The seed's dates read as the days they name."""
        assert expected == parse_date(text)

    @pytest.mark.parametrize(("text", "kind", "start", "end"), SEED_PERIODS)
    def test_periods(self, text: str, kind: str, start: dt.date | None, end: dt.date) -> None:
        """The seed's periods read with their kind, first and last day."""
        period = parse_period(text)
        assert (kind, start, end, text) == (period.kind, period.start, period.end, period.text)

    @pytest.mark.parametrize(("text", "expected"), SEED_DATETIMES)
    def test_datetimes(self, text: str, expected: str) -> None:
        """The meeting's date and time read as an aware Bangkok datetime."""
        assert expected == parse_datetime(text).isoformat()


class TestParseDate:
    """Known answers for the single-date notations of Thai documents."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("5 เมษายน 2561", D(2018, 4, 5)),
            ("๕ เม.ย. ๒๕๖๑", D(2018, 4, 5)),
            ("๕ เมย ๖๑", D(2018, 4, 5)),  # abbreviation without dots
            ("๕ เม.ย ๖๑", D(2018, 4, 5)),  # without the last dot
            ("๕ เมษา ๖๑", D(2018, 4, 5)),  # short form
            ("๕ เดือนเมษายน พ.ศ. ๒๕๖๑", D(2018, 4, 5)),
            ("๕ เมษายน พ.ศ.๒๕๖๑", D(2018, 4, 5)),
            ("๕ เมษายน พศ ๒๕๖๑", D(2018, 4, 5)),
            ("๕ เม.ย. พ.ศ. ๖๑", D(2018, 4, 5)),
            ("5เม.ย.61", D(2018, 4, 5)),  # no spaces
            ("  ๕   เมษายน   ๒๕๖๑  ", D(2018, 4, 5)),  # extra spaces
            ("๕\u00a0เมษายน\u00a0๒๕๖๑", D(2018, 4, 5)),  # no-break spaces
            ("๕ เม\u200b.ย. ๖๑", D(2018, 4, 5)),  # a zero-width space inside
            ("๑ กรกฏาคม ๒๕๖๑", D(2018, 7, 1)),  # the common misspelling
            ("5 ต.ค. ค.ศ. 2026", D(2026, 10, 5)),
            ("ลงวันที่ 5 ตุลาคม 2026", D(2026, 10, 5)),  # unmarked CE
            ("2562-02-15", D(2019, 2, 15)),  # ISO layout, BE year
            ("2018-04-05", D(2018, 4, 5)),  # ISO layout, CE year
            ("๔/๔/๒๕๖๑", D(2018, 4, 4)),
            ("30/3/2565", D(2022, 3, 30)),
            ("08-10-2569", D(2026, 10, 8)),
            ("04/04/61", D(2018, 4, 4)),
            ("4.4.2561", D(2018, 4, 4)),
            ("ณ วันที่ ๑ ตุลาคม ๒๕๖๒", D(2019, 10, 1)),
            ("ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๒", D(2019, 10, 1)),
            ("วันที่ ๓๐ กันยายน ๒๕๖๓", D(2020, 9, 30)),
            ("วันพุธ ที่ ๔ เมษายน ๒๕๖๑", D(2018, 4, 4)),
            ("พุธที่ ๔ เมษายน ๒๕๖๑", D(2018, 4, 4)),
            ("วันพฤหัสที่ ๕ เม.ย. ๖๑", D(2018, 4, 5)),
            ("วันพฤหัสบดีที่ ๕/๔/๒๕๖๑", D(2018, 4, 5)),
            ("๒๙ กุมภาพันธ์ ๒๕๖๓", D(2020, 2, 29)),  # 2020 is a leap year
            ("๒๙ ก.พ. ๒๕๔๓", D(2000, 2, 29)),  # and so is 2000
            ("1 ม.ค. 2400", D(1857, 1, 1)),  # the smallest unmarked BE year
            ("31 ธ.ค. 2200", D(2200, 12, 31)),  # the largest unmarked CE year
            ("1 มกราคม 1900", D(1900, 1, 1)),  # the smallest unmarked CE year
            ("31 ธ.ค. พ.ศ. 2300", D(1757, 12, 31)),  # a marked BE year below 2400
        ],
    )
    def test_known_answers(self, text: str, expected: dt.date) -> None:
        """Each notation reads as the day it names."""
        assert expected == parse_date(text)

    @pytest.mark.parametrize(
        ("text", "reason", "position"),
        [
            ("", "empty", 0),
            ("   ", "empty", 0),
            ("๕ เมษ ๒๕๖๑", "unknown_month", 2),
            ("5 Apr 2561", "unexpected_text", 0),
            ("๒๙ กุมภาพันธ์ ๒๕๖๔", "day_out_of_range", 0),  # 2021 is no leap year
            ("๒๙ ก.พ. ๒๔๔๓", "day_out_of_range", 0),  # nor is 1900
            ("31 เม.ย. 61", "day_out_of_range", 0),
            ("0 เม.ย. 61", "day_out_of_range", 0),
            ("32/1/2561", "day_out_of_range", 0),
            ("1/13/2561", "month_out_of_range", 2),
            ("2561-13-01", "month_out_of_range", 5),
            ("วันพฤหัสบดีที่ ๔ เมษายน ๒๕๖๑", "weekday_mismatch", 3),
            ("๕ เมษายน ๒๕๖๑ ครับ", "unexpected_text", 14),
            ("5 เมษายน", "missing_year", 8),
            ("5 เมษายน 123", "ambiguous_year", 9),
            ("5 เมษายน 2300", "ambiguous_year", 9),  # between CE 2200 and BE 2400
            ("5 เมษายน 1899", "ambiguous_year", 9),
            ("5 เมษายน 25610", "ambiguous_year", 9),
            ("5 เมษายน ค.ศ. 61", "ambiguous_year", 14),
            ("٥ أبريل ٢٥٦١", "unexpected_text", 0),
            ("٥ เมษายน ٢٥٦١", "unexpected_text", 0),  # Arabic-Indic digits are not digits here
            ("\u200b๕ เมษ ๒๕๖๑", "unknown_month", 3),  # the position counts the invisible space
        ],
    )
    def test_invalid(self, text: str, reason: str, position: int) -> None:
        """Bad input raises ThaiDateError naming the reason and the place."""
        with pytest.raises(ThaiDateError) as caught:
            parse_date(text)
        assert (reason, position, text) == (
            caught.value.reason,
            caught.value.position,
            caught.value.text,
        )

    def test_unknown_month_suggests_the_abbreviation(self) -> None:
        """An unknown month names itself and the month it probably means."""
        with pytest.raises(ThaiDateError, match=r"unknown month 'เมษ'.*did you mean 'เม\.ย\.'\?"):
            parse_date("๕ เมษ ๒๕๖๑")

    def test_weekday_mismatch_suggests_the_right_weekday(self) -> None:
        """A wrong weekday is reported with the right one."""
        with pytest.raises(ThaiDateError) as caught:
            parse_date("วันพฤหัสบดีที่ ๔ เมษายน ๒๕๖๑")
        assert "วันพุธ" == caught.value.hint

    def test_strict_rejects_unmarked_ce_years(self) -> None:
        """strict=True turns an unmarked CE year into ambiguous_year, with the fix."""
        assert D(2026, 10, 5) == parse_date("5 ตุลาคม ค.ศ. 2026", strict=True)
        with pytest.raises(ThaiDateError) as caught:
            parse_date("5 ตุลาคม 2026", strict=True)
        assert ("ambiguous_year", "ค.ศ. 2026") == (caught.value.reason, caught.value.hint)

    def test_errors_are_value_errors(self) -> None:
        """ThaiDateError is a ThaiplanError and a ValueError."""
        with pytest.raises(ValueError, match="empty"):
            parse_date("")
        assert issubclass(ThaiDateError, ThaiplanError)

    def test_not_text(self) -> None:
        """A value that is not a str is a TypeError, not a wrong date."""
        with pytest.raises(TypeError):
            parse_date(20180405)  # type: ignore[arg-type]


class TestParseDatetime:
    """Dates with a time of day."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("4 เม.ย. 61 เวลา 09.00 น.", "2018-04-04T09:00:00+07:00"),
            ("4 เม.ย. 61 13:30", "2018-04-04T13:30:00+07:00"),
            ("4 เม.ย. 61 เวลา 13.30 นาฬิกา", "2018-04-04T13:30:00+07:00"),
            ("2018-04-04T13:30", "2018-04-04T13:30:00+07:00"),
            ("2018-04-04 13:30:15", "2018-04-04T13:30:15+07:00"),
        ],
    )
    def test_known_answers(self, text: str, expected: str) -> None:
        """The forms of a time read as the same aware datetime."""
        assert expected == parse_datetime(text).isoformat()

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("4 เม.ย. 61 เวลา 25.00 น.", "time_out_of_range"),
            ("4 เม.ย. 61 เวลา 13.60 น.", "time_out_of_range"),
            ("4 เม.ย. 61", "unexpected_text"),
            ("เวลา 13.30 น.", "unexpected_text"),
        ],
    )
    def test_invalid(self, text: str, reason: str) -> None:
        """A missing or impossible time is a located ThaiDateError."""
        with pytest.raises(ThaiDateError) as caught:
            parse_datetime(text)
        assert reason == caught.value.reason


class TestParsePeriod:
    """Known answers for periods beyond the seed's."""

    @pytest.mark.parametrize(
        ("text", "kind", "start", "end"),
        [
            ("ต.ค. ๖๑ - มี.ค. ๖๒", "month_range", D(2018, 10, 1), D(2019, 3, 31)),
            ("ตุลาคม ๒๕๖๑ – มีนาคม ๒๕๖๒", "month_range", D(2018, 10, 1), D(2019, 3, 31)),
            ("เดือนมิถุนายน - เดือนกรกฎาคม 2561", "month_range", D(2018, 6, 1), D(2018, 7, 31)),
            ("พฤษภาคม ๒๕๖๑", "month", D(2018, 5, 1), D(2018, 5, 31)),
            ("ภายในวันที่ ๓๐ มิ.ย. ๖๑", "deadline", None, D(2018, 6, 30)),
            ("ภายใน ๑๕ มิ.ย. ๖๑", "deadline", None, D(2018, 6, 15)),
            ("ไม่เกิน ๑๕ มิ.ย. ๖๑", "deadline", None, D(2018, 6, 15)),
            ("ไม่เกินวันที่ ๑๕ มิ.ย. ๖๑", "deadline", None, D(2018, 6, 15)),
            ("ภายในปีงบประมาณ ๒๕๖๓", "deadline", None, D(2020, 9, 30)),
            ("ภายใน มิ.ย. - ก.ค. ๖๑", "deadline", None, D(2018, 7, 31)),
            ("๑ - ๑๕ พ.ค. ๖๑", "day_range", D(2018, 5, 1), D(2018, 5, 15)),
            ("๒๕ พ.ค. - ๕ มิ.ย. ๖๑", "day_range", D(2018, 5, 25), D(2018, 6, 5)),
            ("๔ เม.ย. ๖๑ - ๓๐ มิ.ย. ๖๒", "day_range", D(2018, 4, 4), D(2019, 6, 30)),
            ("ระหว่างวันที่ ๑ - ๑๕ พ.ค. ๖๑", "day_range", D(2018, 5, 1), D(2018, 5, 15)),
            (
                "ตั้งแต่วันที่ ๑ พ.ค. ๖๑ ถึงวันที่ ๑๕ มิ.ย. ๖๑",
                "day_range",
                D(2018, 5, 1),
                D(2018, 6, 15),
            ),
            ("2018-05-01/2018-05-15", "day_range", D(2018, 5, 1), D(2018, 5, 15)),
            ("2018-05-01 - 2018-05-15", "day_range", D(2018, 5, 1), D(2018, 5, 15)),
            ("2561", "year", D(2018, 1, 1), D(2018, 12, 31)),
            ("ไตรมาสที่ ๑ ปีงบประมาณ ๒๕๖๓", "quarter", D(2019, 10, 1), D(2019, 12, 31)),
            ("ไตรมาส 4/2563", "quarter", D(2020, 7, 1), D(2020, 9, 30)),
            ("ปีงบ ๖๓", "fiscal_year", D(2019, 10, 1), D(2020, 9, 30)),
            ("ปีงบฯ ๒๕๖๓", "fiscal_year", D(2019, 10, 1), D(2020, 9, 30)),
        ],
    )
    def test_known_answers(self, text: str, kind: str, start: dt.date | None, end: dt.date) -> None:
        """Each notation reads with its kind, first and last day."""
        period = parse_period(text)
        assert (kind, start, end) == (period.kind, period.start, period.end)

    @pytest.mark.parametrize(
        ("text", "reason", "position"),
        [
            ("ก.ค. - มิ.ย. ๖๑", "reversed_range", 7),
            ("ต.ค. ๖๒ - มี.ค. ๖๑", "reversed_range", 10),
            ("พ.ศ. ๒๕๖๔ - ๒๕๖๑", "reversed_range", 12),
            ("๑๕ - ๑ พ.ค. ๖๑", "reversed_range", 5),
            ("ภายใน", "missing_date", 5),
            ("ภายใน เมษ ๖๑", "unknown_month", 6),
            ("ภายใน ๓๑ มิ.ย. ๖๑", "day_out_of_range", 6),
            ("ไตรมาสที่ ๕ ปีงบประมาณ ๒๕๖๓", "quarter_out_of_range", 10),
            ("ปีงบประมาณ ๑๕๐๐", "ambiguous_year", 11),
            # issue 9: a range with no year is a missing year, at the end where it goes
            ("มิ.ย. - ก.ค.", "missing_year", 12),
        ],
    )
    def test_invalid(self, text: str, reason: str, position: int) -> None:
        """Bad periods raise ThaiDateError naming the reason and the place."""
        with pytest.raises(ThaiDateError) as caught:
            parse_period(text)
        assert (reason, position) == (caught.value.reason, caught.value.position)

    def test_reversed_range_suggests_years_on_both_ends(self) -> None:
        """A range written with its year once but crossing a year says how to write it."""
        with pytest.raises(ThaiDateError) as caught:
            parse_period("ต.ค. - มี.ค. ๖๒")
        assert "ต.ค. ๖๑ - มี.ค. ๖๒" == caught.value.hint

    def test_contains(self) -> None:
        """A deadline contains every day up to its end; a month only its own days."""
        assert D(2000, 1, 1) in parse_period("ภายใน พ.ค. ๖๑")
        assert D(2018, 6, 1) not in parse_period("ภายใน พ.ค. ๖๑")
        assert D(2018, 4, 30) not in parse_period("พ.ค. ๖๑")


class TestRoundTrips:
    """Everything thaiplan writes, it reads back to the same value."""

    @given(
        any_dates,
        st.sampled_from(["full", "abbr", "numeric", "iso"]),
        st.sampled_from(["thai", "arabic"]),
        st.booleans(),
        st.booleans(),
    )
    @example(D(2019, 9, 30), "abbr", "thai", True, False)
    @example(D(2019, 10, 1), "full", "arabic", False, True)
    @example(D(2020, 2, 29), "numeric", "thai", True, False)
    @example(D(1900, 1, 1), "abbr", "thai", False, False)
    @example(D(2200, 12, 31), "abbr", "arabic", True, True)
    @example(D(1956, 12, 31), "abbr", "thai", False, False)  # BE 2499: 4 digits
    @example(D(1957, 1, 1), "abbr", "thai", False, False)  # BE 2500: 2 digits
    def test_date(self, date: dt.date, style: str, digits: str, weekday: bool, era: bool) -> None:
        """parse_date(format_date(d, ...)) == d for every style, 1900-2200 CE."""
        text = format_date(date, style=style, digits=digits, weekday=weekday, era=era)  # type: ignore[arg-type]
        assert date == parse_date(text)

    @given(periods(), st.sampled_from(["abbr", "full"]), st.sampled_from(["thai", "arabic"]))
    def test_period(self, period: object, style: str, digits: str) -> None:
        """parse_period(format_period(p, ...)) == p for every kind of period."""
        text = format_period(period, style=style, digits=digits)  # type: ignore[arg-type]
        assert period == parse_period(text)

    @given(
        any_dates,
        st.sampled_from(sorted(MONTH_VARIANTS)),
        st.sampled_from(["", " ", "  ", "\u00a0", " \u200b"]),
        st.booleans(),
    )
    def test_oracle(self, date: dt.date, month_form: str, space: str, thai: bool) -> None:
        """Any month form, any spacing and either digits read as the date built from them."""
        if MONTH_VARIANTS[month_form] != date.month:
            month_form = MONTH_ABBREVIATIONS[date.month - 1]
        text = f"{date.day}{space}{month_form}{space or ' '}พ.ศ.{space}{date.year + 543}"
        if thai:
            text = to_thai_digits(text)
        assert date == parse_date(text)

    @given(any_dates, st.integers(1, 6))
    def test_wrong_weekday(self, date: dt.date, shift: int) -> None:
        """A weekday other than the date's is always weekday_mismatch."""
        wrong = WEEKDAY_NAMES[(date.weekday() + shift) % 7]
        with pytest.raises(ThaiDateError) as caught:
            parse_date(f"วัน{wrong}ที่ {date.day} {MONTH_NAMES[date.month - 1]} {date.year + 543}")
        assert "weekday_mismatch" == caught.value.reason


class TestTotality:
    """For any text whatsoever the parsers return a value or raise ThaiDateError."""

    @given(st.one_of(st.text(), date_like_text))
    def test_parse_date(self, text: str) -> None:
        """parse_date never raises anything but a located ThaiDateError."""
        _check_total(parse_date, text)

    @given(st.one_of(st.text(), date_like_text))
    def test_parse_period(self, text: str) -> None:
        """parse_period never raises anything but a located ThaiDateError."""
        _check_total(parse_period, text)

    @given(st.one_of(st.text(), date_like_text))
    def test_parse_datetime(self, text: str) -> None:
        """parse_datetime never raises anything but a located ThaiDateError."""
        _check_total(parse_datetime, text)

    def test_parse_period_kinds(self) -> None:
        """Every PeriodKind is reachable from text."""
        texts = ["๔ เม.ย. ๖๑", "๑ - ๒ พ.ค. ๖๑", "พ.ค. ๖๑", "พ.ค. - มิ.ย. ๖๑", "ภายใน พ.ค. ๖๑"]
        texts += ["พ.ศ. ๒๕๖๑", "พ.ศ. ๒๕๖๑ - ๒๕๖๒", "ปีงบประมาณ ๒๕๖๓", "ไตรมาสที่ ๑ ปีงบ ๖๓"]
        texts += ["ตั้งแต่วันที่ ๑ พ.ค. ๖๑ เป็นต้นไป", "๑๕ วัน", "ภายใน ๑๕ วันนับแต่วันที่ได้รับ"]
        texts += ["ภายในวันที่ ๑๕ ของทุกเดือน"]
        assert set(PeriodKind) == {parse_period(text).kind for text in texts}


def _check_total(parser: object, text: str) -> None:
    try:
        parser(text)  # type: ignore[operator]
    except ThaiDateError as error:
        caught = error
    else:
        return
    assert text == caught.text
    assert caught.position is None or 0 <= caught.position <= len(text)
    assert caught.reason
