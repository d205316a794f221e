"""Writing Thai dates and periods: thaiplan.dates.format_*."""

from __future__ import annotations

import datetime as dt

import pytest

from thaiplan import ThaiDateError
from thaiplan.dates import FiscalYear, Period, format_date, format_period

D = dt.date


class TestFormatDate:
    """Known answers for every style of format_date."""

    @pytest.mark.parametrize(
        ("options", "expected"),
        [
            ({}, "๕ เมษายน ๒๕๖๑"),
            ({"style": "abbr"}, "๕ เม.ย. ๖๑"),
            ({"style": "numeric"}, "๕/๔/๒๕๖๑"),
            ({"style": "iso"}, "2018-04-05"),
            ({"digits": "arabic"}, "5 เมษายน 2561"),
            ({"style": "abbr", "digits": "arabic"}, "5 เม.ย. 61"),
            ({"weekday": True}, "วันพฤหัสบดีที่ ๕ เมษายน ๒๕๖๑"),
            ({"era": True}, "๕ เมษายน พ.ศ. ๒๕๖๑"),
            ({"style": "abbr", "weekday": True, "era": True}, "วันพฤหัสบดีที่ ๕ เม.ย. พ.ศ. ๖๑"),
        ],
    )
    def test_styles(self, options: dict[str, object], expected: str) -> None:
        """The letter's date, ๕ เมษายน ๒๕๖๑, in every style."""
        assert expected == format_date(D(2018, 4, 5), **options)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("date", "expected"),
        [
            (D(1956, 12, 31), "๓๑ ธ.ค. ๒๔๙๙"),  # a 2-digit year would read as 2599
            (D(1957, 1, 1), "๑ ม.ค. ๐๐"),
            (D(2056, 12, 31), "๓๑ ธ.ค. ๙๙"),
            (D(2057, 1, 1), "๑ ม.ค. ๒๖๐๐"),
            (D(1800, 1, 1), "๑ ม.ค. พ.ศ. ๒๓๔๓"),  # marked: unmarked 2343 is no year
        ],
    )
    def test_years_that_read_back(self, date: dt.date, expected: str) -> None:
        """Two-digit years only where they read back; else four digits, marked when needed."""
        assert expected == format_date(date, style="abbr")

    def test_datetime_is_written_as_its_date(self) -> None:
        """A datetime is written as its date."""
        assert "๔ เมษายน ๒๕๖๑" == format_date(dt.datetime(2018, 4, 4, 13, 30))

    @pytest.mark.parametrize(
        ("options", "reason"),
        [({"style": "long"}, "unknown_style"), ({"digits": "roman"}, "unknown_digits")],
    )
    def test_unknown_options(self, options: dict[str, str], reason: str) -> None:
        """An unknown option is a ThaiDateError that lists the known ones."""
        with pytest.raises(ThaiDateError, match="expected one of") as caught:
            format_date(D(2018, 4, 5), **options)  # type: ignore[arg-type]
        assert reason == caught.value.reason


class TestFormatPeriod:
    """Known answers for every kind of period."""

    @pytest.mark.parametrize(
        ("period", "abbr", "full"),
        [
            (Period.day(D(2018, 4, 4)), "๔ เม.ย. ๖๑", "๔ เมษายน ๒๕๖๑"),
            (Period.days(D(2018, 5, 1), D(2018, 5, 15)), "๑ - ๑๕ พ.ค. ๖๑", "๑ - ๑๕ พฤษภาคม ๒๕๖๑"),
            (
                Period.days(D(2018, 5, 25), D(2018, 6, 5)),
                "๒๕ พ.ค. - ๕ มิ.ย. ๖๑",
                "๒๕ พฤษภาคม - ๕ มิถุนายน ๒๕๖๑",
            ),
            (Period.month(2018, 5), "พ.ค. ๖๑", "พฤษภาคม ๒๕๖๑"),
            (Period.months((2018, 6), (2018, 7)), "มิ.ย. - ก.ค. ๖๑", "มิถุนายน - กรกฎาคม ๒๕๖๑"),
            (
                Period.months((2018, 10), (2019, 3)),
                "ต.ค. ๖๑ - มี.ค. ๖๒",
                "ตุลาคม ๒๕๖๑ - มีนาคม ๒๕๖๒",
            ),
            (Period.deadline_of(D(2018, 5, 31)), "ภายใน พ.ค. ๖๑", "ภายในเดือนพฤษภาคม ๒๕๖๑"),
            (
                Period.deadline_of(D(2018, 6, 15)),
                "ภายในวันที่ ๑๕ มิ.ย. ๖๑",
                "ภายในวันที่ ๑๕ มิถุนายน ๒๕๖๑",
            ),
            (Period.years(2018, 2018), "พ.ศ. ๒๕๖๑", "พ.ศ. ๒๕๖๑"),
            (Period.years(2018, 2021), "พ.ศ. ๒๕๖๑ – ๒๕๖๔", "พ.ศ. ๒๕๖๑ – ๒๕๖๔"),
            (FiscalYear(2563).to_period(), "ปีงบประมาณ พ.ศ. ๒๕๖๓", "ปีงบประมาณ พ.ศ. ๒๕๖๓"),
            (
                FiscalYear(2563).quarter(1),
                "ไตรมาสที่ ๑ ปีงบประมาณ พ.ศ. ๒๕๖๓",
                "ไตรมาสที่ ๑ ปีงบประมาณ พ.ศ. ๒๕๖๓",
            ),
        ],
    )
    def test_kinds(self, period: Period, abbr: str, full: str) -> None:
        """Calendars' abbreviated style and letters' full style, kind by kind."""
        assert (abbr, full) == (format_period(period), format_period(period, style="full"))

    def test_arabic_digits(self) -> None:
        """Arabic digits on request."""
        assert "มิ.ย. - ก.ค. 61" == format_period(
            Period.months((2018, 6), (2018, 7)), digits="arabic"
        )

    def test_unknown_style(self) -> None:
        """format_period has no numeric or ISO style."""
        with pytest.raises(ThaiDateError):
            format_period(Period.month(2018, 5), style="iso")  # type: ignore[arg-type]
