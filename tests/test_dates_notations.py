"""The notations of real calendars (issue 9, section 1): known answers, round trips, hints.

The known answers are the date texts of twenty public calendars and news
timelines collected for issue 9 (their transcriptions, each with its source at
the top, are listed in docs/howto/thai-dates.md). Each row names its source.
Where a text has no year, the row gives the year the source's fiscal year or
date puts it in; where it is relative, the row gives a reference date, the
date of the source where the source states one and otherwise a day chosen
next to the source's other dates (marked "assumed").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strategies import (
    anchors,
    approximate_periods,
    open_ended_periods,
    recurring_periods,
    span_periods,
    timed_periods,
)
from thaiplan.dates import (
    Bound,
    Direction,
    Period,
    PeriodKind,
    Recurrence,
    Span,
    SpanUnit,
    TimeRange,
    format_period,
    parse_date,
    parse_datetime,
    parse_period,
)
from thaiplan.dates._diagnose import corrections
from thaiplan.errors import ThaiDateError

D = dt.date
T = dt.time

# (text as written, options, kind, start, end, source file under the calendars)
KNOWN: list[tuple[str, dict[str, Any], str, dt.date | None, dt.date | None, str]] = [
    ("25 ก.ย. 2561", {}, "day", D(2018, 9, 25), D(2018, 9, 25), "national-fy2563-bb-homepage"),
    (
        "03 ก.ย. 2561 - 14 ธ.ค. 2561",
        {},
        "day_range",
        D(2018, 9, 3),
        D(2018, 12, 14),
        "national-fy2563-bb-homepage",
    ),
    ("13 ก.ย. 2566", {}, "day", D(2023, 9, 13), D(2023, 9, 13), "national-fy2567-revised-bb"),
    (
        "วันที่ 22-24 พฤศจิกายน 2566",
        {},
        "day_range",
        D(2023, 11, 22),
        D(2023, 11, 24),
        "national-fy2567-revised-prachachat",
    ),
    (
        "วันที่ 29 พฤศจิกายน-5 ธันวาคม 2566",
        {},
        "day_range",
        D(2023, 11, 29),
        D(2023, 12, 5),
        "national-fy2567-revised-prachachat",
    ),
    (
        "29 พ.ย.-5ธ.ค.66",
        {},
        "day_range",
        D(2023, 11, 29),
        D(2023, 12, 5),
        "national-fy2567-finfast-timeline",
    ),
    (
        "วันที่ 22-24 พ.ย.",
        {"year": 2566},
        "day_range",
        D(2023, 11, 22),
        D(2023, 11, 24),
        "national-fy2567-finfast-timeline",
    ),
    (
        "วันที่ 3-4 มกราคม 67",
        {},
        "day_range",
        D(2024, 1, 3),
        D(2024, 1, 4),
        "national-fy2567-finfast-timeline",
    ),
    (
        "ประมาณวันที่ 3-4 เมษายน 67",
        {},
        "day_range",
        D(2024, 4, 3),
        D(2024, 4, 4),
        "national-fy2567-finfast-timeline",
    ),
    (
        "ในวันพุธที่ 3 มกราคม – วันศุกร์ที่ 5 มกราคม 2567",
        {},
        "day_range",
        D(2024, 1, 3),
        D(2024, 1, 5),
        "national-fy2567-house-debate-thestandard",
    ),
    (
        "วันพฤหัสบดีที่ 4 มกราคม 2567 เริ่มประชุมเวลา 09.00-00.30 น.",
        {},
        "day",
        D(2024, 1, 4),
        D(2024, 1, 4),
        "national-fy2567-house-debate-thestandard",
    ),
    (
        "วานนี้ (21 ธันวาคม)",
        {"year": 2566},
        "day",
        D(2023, 12, 21),
        D(2023, 12, 21),
        "national-fy2567-house-debate-thestandard",
    ),
    (
        "ระหว่างวันที่ 31 พฤษภาคม-2 มิถุนายน 2564",
        {},
        "day_range",
        D(2021, 5, 31),
        D(2021, 6, 2),
        "national-fy2565-house-debate-cknews",
    ),
    (
        "ระหว่างวันที่ 24 มีนาคม - 7 เมษายน 2564",
        {},
        "day_range",
        D(2021, 3, 24),
        D(2021, 4, 7),
        "national-fy2565-mgronline",
    ),
    (
        "ในวันที่ 11 พฤษภาคม 2564",
        {},
        "day",
        D(2021, 5, 11),
        D(2021, 5, 11),
        "national-fy2565-mgronline",
    ),
    (
        "ในวันที่ 19 กรกฎาคม",
        {"year": 2557},
        "day",
        D(2014, 7, 19),
        D(2014, 7, 19),
        "national-fy2558-posttoday",
    ),
    (
        "วันที่ 7 สิงหาคม-5 กันยายน",
        {"year": 2557},
        "day_range",
        D(2014, 8, 7),
        D(2014, 9, 5),
        "national-fy2558-posttoday",
    ),
    (
        "ระหว่างวันที่ 10 -24 ส.ค. 63",
        {},
        "day_range",
        D(2020, 8, 10),
        D(2020, 8, 24),
        "bangkok-fy2564-prbangkok",
    ),
    ("ส.ค. 2565", {}, "month", D(2022, 8, 1), D(2022, 8, 31), "bangkok-fy2566-theactive"),
    (
        "15 – 29 ส.ค.",
        {"year": 2565},
        "day_range",
        D(2022, 8, 15),
        D(2022, 8, 29),
        "bangkok-fy2566-theactive",
    ),
    (
        "เมื่อวันที่ 6 ก.ค. เวลา 10.30 น.",
        {"year": 2565},
        "day",
        D(2022, 7, 6),
        D(2022, 7, 6),
        "bangkok-fy2566-thairath",
    ),
    (
        "ตั้งแต่วันที่ 15 พ.ย.64",
        {},
        "open_ended",
        D(2021, 11, 15),
        Period.NO_END,
        "bangkok-fy2566-thairath",
    ),
    ("เมื่อวันที่ 1 มิ.ย.65", {}, "day", D(2022, 6, 1), D(2022, 6, 1), "bangkok-fy2566-thairath"),
    (
        "เมื่อวันที่ 18 ก.ย.2566",
        {},
        "day",
        D(2023, 9, 18),
        D(2023, 9, 18),
        "national-fy2567-thaipbs-timeline",
    ),
    (
        "ในช่วงระยะเดือน ก.ย.ไปจนถึงวันที่ 6 ต.ค.",
        {"year": 2566},
        "day_range",
        D(2023, 9, 1),
        D(2023, 10, 6),
        "national-fy2567-thaipbs-timeline",
    ),
    ("เม.ย.2567", {}, "month", D(2024, 4, 1), D(2024, 4, 30), "national-fy2567-thaipbs-timeline"),
    (
        "เมื่อวันที่ 5 เม.ย. 2567 ที่ผ่านมา",
        {},
        "day",
        D(2024, 4, 5),
        D(2024, 4, 5),
        "national-fy2568-theactive-timeline",
    ),
    (
        "5-6 มิ.ย.67",
        {},
        "day_range",
        D(2024, 6, 5),
        D(2024, 6, 6),
        "national-fy2568-theactive-timeline",
    ),
    # The Active's URL dates the item 10 April 2024 (politics-20240410).
    (
        "17 ก.ย.นี้",
        {"reference": D(2024, 4, 10)},
        "day",
        D(2024, 9, 17),
        D(2024, 9, 17),
        "national-fy2568-theactive-timeline",
    ),
    # prbangkok: assumed reference, the day after the committee's 10-24 ส.ค. 63.
    (
        "2 ก.ย.นี้",
        {"reference": D(2020, 8, 25)},
        "day",
        D(2020, 9, 2),
        D(2020, 9, 2),
        "bangkok-fy2564-prbangkok",
    ),
    # wealththai: reference, the page's own step of วันที่ 28 พ.ค. 2562.
    (
        "ในเดือน ก.ค. นี้",
        {"reference": D(2019, 5, 28)},
        "month",
        D(2019, 7, 1),
        D(2019, 7, 31),
        "national-fy2563-revised-wealththai",
    ),
    # finfast: assumed reference, a Wednesday (the next week is Monday-Sunday).
    (
        "สัปดาห์หน้า",
        {"reference": D(2023, 9, 20)},
        "day_range",
        D(2023, 9, 25),
        D(2023, 10, 1),
        "national-fy2567-finfast-timeline",
    ),
    (
        "วันนี้ (20 ก.ย.2566)",
        {},
        "day",
        D(2023, 9, 20),
        D(2023, 9, 20),
        "national-fy2567-thaipbs-timeline",
    ),
    (
        "วันนี้  (27 กุมภาพันธ์ 2567)",
        {},
        "day",
        D(2024, 2, 27),
        D(2024, 2, 27),
        "national-fy2567-adjust-bangkokbiznews",
    ),
    (
        "3 เม.ย.",
        {"year": 2567},
        "day",
        D(2024, 4, 3),
        D(2024, 4, 3),
        "national-fy2567-adjust-bangkokbiznews",
    ),
    (
        "(ภายในวันที่ ๑๕ สิงหาคม)",
        {"year": 2568},
        "deadline",
        None,
        D(2025, 8, 15),
        "local-municipal-ordinance-checklist-npbb",
    ),
    (
        "ภายใน 15 กันยายน",
        {"year": 2568},
        "deadline",
        None,
        D(2025, 9, 15),
        "local-municipal-ordinance-checklist-npbb",
    ),
    (
        "ภายใน 1 ตุลาคม",
        {"year": 2568},
        "deadline",
        None,
        D(2025, 10, 1),
        "local-municipal-ordinance-checklist-npbb",
    ),
    (
        "วันอังคารที่ 26 ธันวาคม 2566",
        {},
        "day",
        D(2023, 12, 26),
        D(2023, 12, 26),
        "national-fy2567-revised-bb",
    ),
    (
        "ในวันที่ 8 กรกฎาคม 2564",
        {},
        "day",
        D(2021, 7, 8),
        D(2021, 7, 8),
        "province-nakhonsawan-plan-drafting-newstv13",
    ),
]


class TestRealCalendars:
    """The date texts of real calendars read as their documents mean them."""

    @pytest.mark.parametrize(("text", "options", "kind", "start", "end", "source"), KNOWN)
    def test_known_answers(
        self,
        text: str,
        options: dict[str, Any],
        kind: str,
        start: dt.date | None,
        end: dt.date | None,
        source: str,
    ) -> None:
        """Each text reads to the kind and days its source means."""
        period = parse_period(text, **options)
        assert (kind, start, end) == (period.kind, period.start, period.end), source
        assert text == period.text

    @pytest.mark.parametrize(("text", "options", "kind", "start", "end", "source"), KNOWN)
    def test_known_answers_round_trip(
        self,
        text: str,
        options: dict[str, Any],
        kind: str,
        start: dt.date | None,
        end: dt.date | None,
        source: str,
    ) -> None:
        """What each real text reads to, format_period writes so that it reads back."""
        period = parse_period(text, **options)
        assert period == parse_period(format_period(period))

    def test_the_two_counts_of_the_budget_bureau(self) -> None:
        """bb.go.th counts the event's day as day 1: 105 days from 26 ธ.ค. 66, 20 from 5 เม.ย. 67."""
        house = parse_period("ภายใน 105 วัน นับตั้งแต่วันที่สภาผู้แทนราษฎรได้รับร่าง")
        assert D(2024, 4, 8) == house.anchored(D(2023, 12, 26)).end
        senate = parse_period("ภายใน 20 วันนับแต่วันที่ได้รับร่าง")
        assert D(2024, 4, 24) == senate.anchored(D(2024, 4, 5)).end

    def test_the_council_meeting(self) -> None:
        """npbb: the draft reaches the members at least 3 days before the council meets."""
        period = parse_period("ไม่น้อยกว่า 3 วันก่อนวันประชุมสภาท้องถิ่น")
        assert PeriodKind.RELATIVE == period.kind
        assert (
            Span(3, SpanUnit.DAYS, Bound.AT_LEAST, Direction.BEFORE, "วันประชุมสภาท้องถิ่น")
            == period.span
        )
        assert Period.deadline_of(D(2025, 8, 7)) == period.anchored(D(2025, 8, 10))

    @pytest.mark.parametrize(
        ("text", "times"),
        [
            ("วันพุธที่ 3 มกราคม 2567 เริ่มประชุมเวลา 09.30-00.30 น.", TimeRange(T(9, 30), T(0, 30))),
            ("วันศุกร์ที่ 5 มกราคม 2567 เริ่มประชุมเวลา 09.00-21.30 น.", TimeRange(T(9), T(21, 30))),
            ("๔ เม.ย. ๖๑ เวลา ๐๙.๓๐ – ๑๒.๐๐ น.", TimeRange(T(9, 30), T(12))),
            ("๔ เม.ย. ๖๑ ตั้งแต่เวลา ๑๓.๓๐ น. เป็นต้นไป", TimeRange(T(13, 30), onward=True)),
            ("๔ เม.ย. ๖๑ 09.30 น.-01.00 น.", TimeRange(T(9, 30), T(1))),
            ("วันที่ 5 เม.ย. 67 เวลา 15:53 น.", TimeRange(T(15, 53))),
            # cknews writes the time before the day: "07.50 น.วันที่ …"
            ("07.50 น.วันที่ 31 พฤษภาคม 2564", TimeRange(T(7, 50))),
        ],
    )
    def test_times_are_kept(self, text: str, times: TimeRange) -> None:
        """A time or a time range on a day is kept on the period (past midnight too)."""
        assert times == parse_period(text).times


class TestWordsAroundDates:
    """The words of issue 9 section 1, each with its meaning."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("ใน ๔ เม.ย. ๖๑", Period.day(D(2018, 4, 4))),
            ("ในวันพุธที่ ๔ เม.ย. ๖๑", Period.day(D(2018, 4, 4))),
            ("เมื่อ ๔ เม.ย. ๖๑", Period.day(D(2018, 4, 4))),
            ("ณ วันที่ ๔ เม.ย. ๖๑", Period.day(D(2018, 4, 4))),
            ("ระหว่างวันที่ ๑ - ๕ พ.ค. ๖๑", Period.days(D(2018, 5, 1), D(2018, 5, 5))),
            ("ตั้งแต่ ๑ พ.ค. จนถึง ๕ มิ.ย. ๖๑", Period.days(D(2018, 5, 1), D(2018, 6, 5))),
            ("ถึงวันที่ ๕ มิ.ย. ๖๑", Period.deadline_of(D(2018, 6, 5))),
            ("ก่อนวันที่ ๕ มิ.ย. ๖๑", Period.deadline_of(D(2018, 6, 4))),
            ("ก่อนวันที่ ๑ มี.ค. ๖๑", Period.deadline_of(D(2018, 2, 28))),
            ("ภายในวันที่ ๕ มิ.ย. ๖๑", Period.deadline_of(D(2018, 6, 5))),
            ("ไม่เกินวันที่ ๕ มิ.ย. ๖๑", Period.deadline_of(D(2018, 6, 5))),
            ("ตั้งแต่วันที่ ๕ มิ.ย. ๖๑ เป็นต้นไป", Period.open_from(D(2018, 6, 5))),
            ("ภายในสิ้นเดือน ก.พ. ๖๗", Period.deadline_of(D(2024, 2, 29))),
            ("สิ้นเดือน ก.พ. ๖๖", Period.day(D(2023, 2, 28))),
            ("ต้นเดือน มิ.ย. ๖๑", Period.days(D(2018, 6, 1), D(2018, 6, 10))),
            ("กลางเดือน มิ.ย. ๖๑", Period.days(D(2018, 6, 11), D(2018, 6, 20))),
            ("ปลายเดือน ก.พ. ๖๗", Period.days(D(2024, 2, 21), D(2024, 2, 29))),
            ("สัปดาห์ที่ ๒ ของเดือน มิ.ย. ๖๑", Period.days(D(2018, 6, 8), D(2018, 6, 14))),
            ("สัปดาห์ที่ ๕ ของเดือน ส.ค. ๖๑", Period.days(D(2018, 8, 29), D(2018, 8, 31))),
            ("ก.ย. – 6 ต.ค. 66", Period.days(D(2023, 9, 1), D(2023, 10, 6))),
            ("15 ก.ย. - ต.ค. 66", Period.days(D(2023, 9, 15), D(2023, 10, 31))),
            ("16 ตุลาคม ถึง 30 พฤศจิกายน 2566", Period.days(D(2023, 10, 16), D(2023, 11, 30))),
            ("4 เมย. 61", Period.day(D(2018, 4, 4))),
            ("4 มค. 61", Period.day(D(2018, 1, 4))),
            ("4 มีค. 61", Period.day(D(2018, 3, 4))),
            ("4 ตค 61", Period.day(D(2018, 10, 4))),
            ("พุทธศักราช 2560", Period.years(2017, 2017)),  # the era spelled out
            ("๕ เมษายน พุทธศักราช ๒๕๖๑", Period.day(D(2018, 4, 5))),
        ],
    )
    def test_meanings(self, text: str, expected: Period) -> None:
        """Each notation reads as documented."""
        assert expected == parse_period(text)

    def test_approximate(self) -> None:
        """ประมาณ keeps the days and marks the period approximate; equality sees it."""
        period = parse_period("ประมาณ ๓ - ๔ เม.ย. ๖๗")
        assert period.approximate
        assert Period.days(D(2024, 4, 3), D(2024, 4, 4)) != period
        assert Period.days(D(2024, 4, 3), D(2024, 4, 4), text="").start == period.start

    @pytest.mark.parametrize("text", ["ตั้งแต่ ภายในธันวาคม", "ตั้งแต่ ๑๕ วัน เป็นต้นไป"])
    def test_from_needs_a_first_day(self, text: str) -> None:
        """Found by fuzzing: ตั้งแต่ before a period with no first day was an AssertionError."""
        with pytest.raises(ThaiDateError):
            parse_period(text, year=2566)

    @pytest.mark.parametrize(
        ("text", "reason", "position"),
        [
            ("ประมาณ ๔ เม.ย. ๖๑ เวลา ๒๕.๐๐ น.", "time_out_of_range", 23),
            ("ประมาณ 25.30 น. ๔ เม.ย. ๖๑", "time_out_of_range", 7),
            ("(ภายใน ๓๑ มิ.ย. ๖๑)", "day_out_of_range", 7),
            ("ประมาณ ภายใน เมษ ๖๑", "unknown_month", 13),
            ("สัปดาห์ที่ ๕ ของเดือน ก.พ. ๖๖", "day_out_of_range", 11),
        ],
    )
    def test_errors_point_into_the_text(self, text: str, reason: str, position: int) -> None:
        """Errors behind the peeled words name the place in the text as given."""
        with pytest.raises(ThaiDateError) as caught:
            parse_period(text)
        assert (reason, position) == (caught.value.reason, caught.value.position)

    def test_week_five_of_february(self) -> None:
        """A month of 28 days has no fifth week."""
        with pytest.raises(ThaiDateError) as caught:
            parse_period("สัปดาห์ที่ ๕ ของเดือน ก.พ. ๖๖")
        assert "day_out_of_range" == caught.value.reason

    def test_existing_notations_keep_their_meaning(self) -> None:
        """The words that were read before read as before."""
        assert Period.deadline_of(D(2018, 5, 31)) == parse_period("ภายใน พ.ค. ๖๑")
        assert Period.days(D(2018, 5, 1), D(2018, 6, 15)) == parse_period(
            "ตั้งแต่วันที่ ๑ พ.ค. ถึง ๑๕ มิ.ย. ๖๑"
        )


class TestYears:
    """Dates without a year take the caller's; without one, a missing year with the fix."""

    @pytest.mark.parametrize("parser", [parse_date, parse_period])
    def test_missing_year(self, parser: Any) -> None:
        """The error says "missing year" and how to give it."""
        with pytest.raises(ThaiDateError) as caught:
            parser("๑๕ สิงหาคม")
        assert "missing_year" == caught.value.reason
        assert "missing year" in str(caught.value)
        assert "year=" in str(caught.value)

    def test_year_for_a_date(self) -> None:
        """parse_date takes year= too; a written year wins."""
        assert D(2023, 8, 15) == parse_date("๑๕ สิงหาคม", year=2566)
        assert D(2018, 8, 15) == parse_date("๑๕ สิงหาคม ๒๕๖๑", year=2566)

    def test_new_year_crossing(self) -> None:
        """With year=, a range with no year that crosses New Year ends in the next year."""
        assert Period.months((2023, 12), (2024, 1)) == parse_period("ธ.ค. - ม.ค.", year=2566)
        assert Period.days(D(2023, 12, 25), D(2024, 1, 5)) == parse_period(
            "25 ธ.ค. - 5 ม.ค.", year=2566
        )

    @pytest.mark.parametrize(
        ("year", "reason"), [(2023, "year_out_of_range"), (99999, "year_out_of_range")]
    )
    def test_year_is_buddhist_era(self, year: int, reason: str) -> None:
        """year= is a BE year; a CE one is refused with the BE year as the hint."""
        with pytest.raises(ThaiDateError) as caught:
            parse_period("๑๕ สิงหาคม", year=year)
        assert reason == caught.value.reason

    def test_year_type(self) -> None:
        """year= must be an int."""
        with pytest.raises(TypeError):
            parse_period("๑๕ สิงหาคม", year="2566")  # type: ignore[arg-type]


class TestRelativeWords:
    """Relative words are resolved against reference=, and need it."""

    @pytest.mark.parametrize(
        ("text", "reference", "expected"),
        [
            ("2 ก.ย.นี้", D(2023, 9, 2), Period.day(D(2023, 9, 2))),  # on the reference: this one
            ("2 ก.ย.นี้", D(2023, 9, 3), Period.day(D(2024, 9, 2))),
            ("29 ก.พ.นี้", D(2023, 3, 1), Period.day(D(2024, 2, 29))),  # skips years without it
            ("20 มิ.ย.ที่ผ่านมา", D(2022, 7, 6), Period.day(D(2022, 6, 20))),
            ("20 มิ.ย.ที่ผ่านมา", D(2022, 6, 19), Period.day(D(2021, 6, 20))),
            ("เดือนหน้า", D(2023, 12, 15), Period.month(2024, 1)),
            ("เดือนนี้", D(2023, 12, 15), Period.month(2023, 12)),
            ("สัปดาห์หน้า", D(2024, 4, 8), Period.days(D(2024, 4, 15), D(2024, 4, 21))),
            ("เม.ย.ปีหน้า", D(2023, 9, 20), Period.month(2024, 4)),
            ("3-5 ม.ค. นี้", D(2023, 12, 20), Period.days(D(2024, 1, 3), D(2024, 1, 5))),
            ("ภายใน 2 ก.ย.นี้", D(2023, 8, 1), Period.deadline_of(D(2023, 9, 2))),
        ],
    )
    def test_resolved(self, text: str, reference: dt.date, expected: Period) -> None:
        """นี้ is the next on or after the reference, ที่ผ่านมา the last on or before it."""
        assert expected == parse_period(text, reference=reference)

    @given(
        st.dates(dt.date(1950, 1, 1), dt.date(2150, 12, 31)), st.integers(1, 12), st.integers(1, 28)
    )
    def test_this_coming_is_the_next_on_or_after(
        self, reference: dt.date, month: int, day: int
    ) -> None:
        """'d M นี้' is the first d M on or after the reference: an oracle over many days."""
        found = parse_period(f"{day} {_abbr(month)}นี้", reference=reference)
        expected = dt.date(reference.year, month, day)
        if expected < reference:
            expected = dt.date(reference.year + 1, month, day)
        assert Period.day(expected) == found

    def test_needs_a_reference(self) -> None:
        """Without reference= the error says what to give."""
        with pytest.raises(ThaiDateError) as caught:
            parse_period("2 ก.ย.นี้")
        assert "missing_reference" == caught.value.reason
        assert caught.value.hint is None
        with pytest.raises(ThaiDateError) as caught:
            parse_date("2 ก.ย.นี้")
        assert "relative_date" == caught.value.reason


def _abbr(month: int) -> str:
    from thaiplan.dates import MONTH_ABBREVIATIONS

    return MONTH_ABBREVIATIONS[month - 1]


class TestCounts:
    """Counts of days, alone or from an event, with no dates of their own."""

    @pytest.mark.parametrize(
        ("text", "span"),
        [
            ("๑๕ วัน", Span(15)),
            ("ไม่น้อยกว่า 30 วัน", Span(30, bound=Bound.AT_LEAST)),
            ("๑๐ วันทำการ", Span(10, SpanUnit.WORKING_DAYS)),
            ("ภายใน 45 วัน", Span(45, bound=Bound.AT_MOST)),
            (
                "ภายใน ๑๕ วันนับแต่วันที่ได้รับ",
                Span(15, SpanUnit.DAYS, Bound.AT_MOST, Direction.AFTER, "วันที่ได้รับ"),
            ),
            (
                "ภายใน 105 วัน นับตั้งแต่วันที่ได้รับร่าง",
                Span(105, SpanUnit.DAYS, Bound.AT_MOST, Direction.AFTER, "วันที่ได้รับร่าง"),
            ),
        ],
    )
    def test_spans(self, text: str, span: Span) -> None:
        """The count, unit, bound, direction and the event's words, verbatim."""
        period = parse_period(text)
        assert span == period.span
        assert not period.has_dates
        assert [] == list(period.iter_months())

    def test_no_dates_of_its_own(self) -> None:
        """Reading the end of a period with no dates says so, and how to get them."""
        period = parse_period("๑๕ วัน")
        with pytest.raises(ThaiDateError) as caught:
            _ = period.end
        assert "no_dates" == caught.value.reason
        with pytest.raises(TypeError):
            len(period)

    def test_anchor_kept_verbatim(self) -> None:
        """The event's words are the input's own, spacing and digits included."""
        text = "ภายใน ๑๕ วัน นับแต่วันที่  ได้รับหนังสือ ฉบับที่ 3"
        assert "วันที่  ได้รับหนังสือ ฉบับที่ 3" == parse_period(text).span.anchor  # type: ignore[union-attr]

    def test_number_words_wait_for_the_number_reader(self) -> None:
        """Without thaiplan.dates._numbers a count in words is an error naming digits."""
        try:
            import thaiplan.dates._numbers  # type: ignore[import-not-found]  # noqa: F401
        except ImportError:
            with pytest.raises(ThaiDateError) as caught:
                parse_period("สิบห้าวัน")
            assert "digits" in str(caught.value)
        else:
            assert 15 == parse_period("สิบห้าวัน").span.amount  # type: ignore[union-attr]

    @given(st.integers(1, 400), st.dates(dt.date(1950, 1, 1), dt.date(2150, 1, 1)))
    def test_anchored_counts_the_event_day_as_day_one(self, days: int, event: dt.date) -> None:
        """Within N days from the event ends on event + N - 1; N days before is event - N."""
        after = parse_period(f"ภายใน {days} วันนับแต่วันที่ได้รับ").anchored(event)
        assert event + dt.timedelta(days=days - 1) == after.end
        before = parse_period(f"ไม่น้อยกว่า {days} วันก่อนวันประชุม").anchored(event)
        assert event - dt.timedelta(days=days) == before.end


class TestRecurring:
    """Recurring periods keep an rrule and give its occurrences in a span."""

    @pytest.mark.parametrize(
        ("text", "recurrence"),
        [
            (
                "ภายในวันที่ ๑๕ ของทุกเดือน",
                Recurrence("FREQ=MONTHLY;BYMONTHDAY=15", PeriodKind.DEADLINE),
            ),
            (
                "อย่างน้อยปีละ 1 ครั้ง ภายในเดือนธันวาคมของทุกปี",
                Recurrence("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1", PeriodKind.DEADLINE, 1),
            ),
            (
                "ทุกไตรมาส",
                Recurrence("FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1", PeriodKind.QUARTER),
            ),
            ("ทุกเดือน", Recurrence("FREQ=MONTHLY;BYMONTHDAY=1", PeriodKind.MONTH)),
            (
                "วันที่ 1 ต.ค. ของทุกปี",
                Recurrence("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1", PeriodKind.DAY),
            ),
        ],
    )
    def test_rules(self, text: str, recurrence: Recurrence) -> None:
        """Each recurrence is read into its RFC 5545 rule."""
        assert recurrence == parse_period(text).recurrence

    @given(
        recurring_periods, st.dates(dt.date(1950, 1, 1), dt.date(2140, 1, 1)), st.integers(0, 800)
    )
    def test_occurrences_are_the_rrule_days(
        self, period: Period, start: dt.date, days: int
    ) -> None:
        """The occurrences in a span are the days dateutil's rrule gives there."""
        from dateutil.rrule import rrulestr

        end = start + dt.timedelta(days=days)
        assert period.recurrence is not None
        rule = rrulestr(
            period.recurrence.rule, dtstart=dt.datetime(start.year, start.month, start.day)
        )
        expected = [
            m.date()
            for m in rule.between(
                dt.datetime.combine(start, dt.time()), dt.datetime.combine(end, dt.time()), inc=True
            )
        ]  # type: ignore[union-attr]
        found = period.occurrences(start, end)
        assert expected == [p.start or p.end for p in found]

    def test_fiscal_quarters(self) -> None:
        """ทุกไตรมาส gives the four quarters of a fiscal year."""
        quarters = parse_period("ทุกไตรมาส").occurrences(D(2023, 10, 1), D(2024, 9, 30))
        assert [PeriodKind.QUARTER] * 4 == [q.kind for q in quarters]
        assert (D(2023, 10, 1), D(2024, 9, 30)) == (quarters[0].start, quarters[-1].end)

    def test_unwritable_rules_are_refused(self) -> None:
        """format_period refuses a rule built in code that it cannot write back."""
        period = Period(
            PeriodKind.RECURRING, None, None, recurrence=Recurrence("FREQ=WEEKLY;BYDAY=MO")
        )
        with pytest.raises(ThaiDateError) as caught:
            format_period(period)
        assert "unwritable_recurrence" == caught.value.reason


class TestRoundTripPerKind:
    """format_period writes every new kind so that parse_period reads it back."""

    @given(
        open_ended_periods, st.sampled_from(["abbr", "full"]), st.sampled_from(["thai", "arabic"])
    )
    def test_open_ended(self, period: Period, style: str, digits: str) -> None:
        """ตั้งแต่วันที่ … เป็นต้นไป."""
        assert period == parse_period(format_period(period, style=style, digits=digits))  # type: ignore[arg-type]

    @given(span_periods, st.sampled_from(["abbr", "full"]), st.sampled_from(["thai", "arabic"]))
    @example(
        Period(
            PeriodKind.RELATIVE,
            None,
            None,
            span=Span(3, direction=Direction.BEFORE, anchor="วันที่ 5 เม.ย. 67"),
        ),
        "abbr",
        "thai",
    )
    def test_spans(self, period: Period, style: str, digits: str) -> None:
        """Durations and relative periods, the event's words verbatim."""
        assert period == parse_period(format_period(period, style=style, digits=digits))  # type: ignore[arg-type]

    @given(
        recurring_periods, st.sampled_from(["abbr", "full"]), st.sampled_from(["thai", "arabic"])
    )
    def test_recurring(self, period: Period, style: str, digits: str) -> None:
        """Monthly and yearly days, months and quarters."""
        assert period == parse_period(format_period(period, style=style, digits=digits))  # type: ignore[arg-type]

    @given(timed_periods, st.sampled_from(["abbr", "full"]), st.sampled_from(["thai", "arabic"]))
    def test_times(self, period: Period, style: str, digits: str) -> None:
        """Times and time ranges on dated periods."""
        assert period == parse_period(format_period(period, style=style, digits=digits))  # type: ignore[arg-type]

    @given(
        approximate_periods, st.sampled_from(["abbr", "full"]), st.sampled_from(["thai", "arabic"])
    )
    def test_approximate(self, period: Period, style: str, digits: str) -> None:
        """ประมาณ before any period."""
        assert period == parse_period(format_period(period, style=style, digits=digits))  # type: ignore[arg-type]


# Texts that are wrong in the ways people get them wrong: a letter changed,
# dropped or doubled in a month or weekday, relative words, a missing year.
_MUTATIONS = st.sampled_from(["", "ย", "ค", ".", "นี้", "ที่ผ่านมา", " ", "๑"])


@st.composite
def _near_misses(draw: st.DrawFn) -> str:
    text = draw(
        st.sampled_from(
            [
                "๕ เมษายน ๒๕๖๑",
                "๔ เม.ย. ๖๑",
                "วันพุธที่ ๔ เมษายน ๒๕๖๑",
                "ภายใน พ.ค. ๖๑",
                "มิ.ย. - ก.ค. ๖๑",
                "๒ ก.ย.นี้",
                "ปีงบประมาณ พ.ศ. ๒๕๖๓",
                "๑ - ๑๕ พ.ค. ๖๑",
            ]
        )
    )
    at = draw(st.integers(0, len(text)))
    cut = draw(st.integers(0, 2))
    return text[:at] + draw(_MUTATIONS) + text[at + cut :]


def _error_of(parser: Any, text: str) -> ThaiDateError | None:
    try:
        parser(text)
    except ThaiDateError as error:
        return error
    return None


class TestHints:
    """Every "did you mean" offered is itself read by the parser that offered it."""

    @given(st.one_of(_near_misses(), anchors), st.sampled_from(["date", "datetime", "period"]))
    @example("๒ ก.ย.นี้", "date")
    @example("๕ เมษ ๒๕๖๑", "date")
    @example("วันพฤหัสบดีที่ ๔ เม.ย. ๖๑", "period")
    @example("ก.ค. - มิ.ย. ๖๑", "period")
    def test_suggestions_parse(self, text: str, which: str) -> None:
        """A hint is dropped unless applying it gives a text the same parser reads."""
        parser = {"date": parse_date, "datetime": parse_datetime, "period": parse_period}[which]
        error = _error_of(parser, text)
        if error is None or error.hint is None:
            return
        readable = [
            candidate
            for candidate in corrections(text, error.position or 0, error.hint)
            if _error_of(parser, candidate) is None
        ]
        assert readable, (text, error.hint)

    def test_this_coming_is_not_answered_with_a_month(self) -> None:
        """Issue 9: '2 ก.ย.นี้' is never answered with "did you mean 'กันยายน'?"."""
        for parser in (parse_date, parse_datetime, parse_period):
            with pytest.raises(ThaiDateError) as caught:
                parser("2 ก.ย.นี้")
            assert caught.value.hint != "กันยายน"

    def test_a_good_hint_is_kept(self) -> None:
        """Hints that read back are still offered."""
        with pytest.raises(ThaiDateError) as caught:
            parse_date("๕ เมษ ๒๕๖๑")
        assert "เม.ย." == caught.value.hint


class TestPeriodFields:
    """The fields beside the dates default to nothing and are checked when given."""

    def test_defaults_keep_old_periods_equal(self) -> None:
        """A period built as before equals the one read, and prints as before."""
        period = Period(PeriodKind.DEADLINE, None, D(2018, 5, 31), "ภายใน พ.ค. ๖๑")
        assert period == parse_period("ภายใน พ.ค. ๖๑")
        assert (False, None, None, None) == (
            period.approximate,
            period.times,
            period.span,
            period.recurrence,
        )
        assert "approximate" not in repr(period)

    @pytest.mark.parametrize(
        "fields",
        [
            {"approximate": "yes"},
            {"times": "09.30"},
            {"span": 15},
            {"recurrence": "FREQ=MONTHLY"},
        ],
    )
    def test_wrong_types(self, fields: dict[str, object]) -> None:
        """A field of the wrong type is a TypeError naming it."""
        with pytest.raises(TypeError, match=next(iter(fields))):
            Period(PeriodKind.DAY, D(2018, 4, 4), D(2018, 4, 4), **fields)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kind", "fields"),
        [
            (PeriodKind.DAY, {"span": Span(3)}),
            (PeriodKind.DURATION, {}),
            (PeriodKind.RELATIVE, {"span": Span(3)}),
            (PeriodKind.RECURRING, {}),
            (PeriodKind.DURATION, {"span": Span(3), "times": TimeRange(T(9))}),
        ],
    )
    def test_fields_fit_the_kind(self, kind: PeriodKind, fields: dict[str, Any]) -> None:
        """A span only on a count, a recurrence only on a recurring period, times only on days."""
        dated = kind is PeriodKind.DAY
        with pytest.raises(ThaiDateError) as caught:
            Period(
                kind, D(2018, 4, 4) if dated else None, D(2018, 4, 4) if dated else None, **fields
            )
        assert "kind_mismatch" == caught.value.reason

    def test_open_ended(self) -> None:
        """An open-ended period holds every day from its start, touches one month, has no length."""
        period = Period.open_from(D(2018, 5, 1))
        assert D(2999, 1, 1) in period
        assert D(2018, 4, 30) not in period
        assert [(2018, 5)] == list(period.iter_months())
        with pytest.raises(TypeError):
            len(period)
        with pytest.raises(ThaiDateError):
            Period(PeriodKind.OPEN_ENDED, D(2018, 5, 1), D(2018, 6, 1))
