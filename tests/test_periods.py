"""Tests of thaiplan.dates._periods: Period, PeriodKind and FiscalYear."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strategies import any_dates, fiscal_years, periods
from thaiplan.dates import FiscalYear, Period, PeriodKind
from thaiplan.errors import ThaiDateError, ThaiplanError

D = dt.date
ONE_DAY = dt.timedelta(days=1)


class TestPeriodKind:
    """PeriodKind: a string enum."""

    @pytest.mark.parametrize("kind", list(PeriodKind))
    def test_members_equal_their_strings(self, kind: PeriodKind) -> None:
        """Each member compares equal to its value and converts back from it."""
        assert kind.value == kind
        assert kind is PeriodKind(kind.value)

    def test_period_converts_strings(self) -> None:
        """A Period built with a string kind holds the enum member."""
        period = Period("month", D(2018, 5, 1), D(2018, 5, 31))
        assert PeriodKind.MONTH is period.kind
        assert "month" == period.kind

    def test_unknown_kind(self) -> None:
        """A kind that is not a member is a ValueError."""
        with pytest.raises(ValueError, match="week"):
            Period("week", D(2018, 5, 7), D(2018, 5, 13))


class TestPeriodConstructors:
    """The named constructors of Period."""

    @pytest.mark.parametrize(
        ("period", "kind", "start", "end", "length"),
        [
            (Period.day(D(2018, 4, 4)), "day", D(2018, 4, 4), D(2018, 4, 4), 1),
            (Period.day(D(2020, 2, 29)), "day", D(2020, 2, 29), D(2020, 2, 29), 1),
            (
                Period.days(D(2018, 5, 1), D(2018, 5, 15)),
                "day_range",
                D(2018, 5, 1),
                D(2018, 5, 15),
                15,
            ),
            (
                Period.days(D(2019, 9, 30), D(2019, 10, 1)),
                "day_range",
                D(2019, 9, 30),
                D(2019, 10, 1),
                2,
            ),
            (
                Period.days(D(2018, 5, 1), D(2018, 5, 1)),
                "day_range",
                D(2018, 5, 1),
                D(2018, 5, 1),
                1,
            ),
            (Period.month(2018, 5), "month", D(2018, 5, 1), D(2018, 5, 31), 31),
            (Period.month(2020, 2), "month", D(2020, 2, 1), D(2020, 2, 29), 29),
            (Period.month(2019, 2), "month", D(2019, 2, 1), D(2019, 2, 28), 28),
            (Period.month(1900, 2), "month", D(1900, 2, 1), D(1900, 2, 28), 28),
            (Period.month(2018, 12), "month", D(2018, 12, 1), D(2018, 12, 31), 31),
            (
                Period.months((2018, 6), (2018, 7)),
                "month_range",
                D(2018, 6, 1),
                D(2018, 7, 31),
                61,
            ),
            (
                Period.months((2018, 10), (2019, 3)),
                "month_range",
                D(2018, 10, 1),
                D(2019, 3, 31),
                182,
            ),
            (Period.years(2018, 2018), "year", D(2018, 1, 1), D(2018, 12, 31), 365),
            (Period.years(2020, 2020), "year", D(2020, 1, 1), D(2020, 12, 31), 366),
            (Period.years(2018, 2021), "year_range", D(2018, 1, 1), D(2021, 12, 31), 1461),
        ],
    )
    def test_known_answers(
        self, period: Period, kind: str, start: dt.date, end: dt.date, length: int
    ) -> None:
        """Each constructor gives the kind, first and last day, and length expected."""
        assert (kind, start, end, length) == (period.kind, period.start, period.end, len(period))

    @pytest.mark.parametrize(
        ("source", "end"),
        [
            (Period.month(2018, 6), D(2018, 6, 30)),
            (Period.months((2018, 6), (2018, 7)), D(2018, 7, 31)),
            (D(2018, 6, 30), D(2018, 6, 30)),
            (FiscalYear(2563).to_period(), D(2020, 9, 30)),
        ],
    )
    def test_deadline_of(self, source: Period | dt.date, end: dt.date) -> None:
        """A deadline falls on the last day of the period (or on the day) it is made of."""
        deadline = Period.deadline_of(source)
        assert (PeriodKind.DEADLINE, None, end) == (deadline.kind, deadline.start, deadline.end)

    def test_text_is_kept(self) -> None:
        """The source text is kept verbatim; it defaults to the empty string."""
        assert "พ.ค. ๖๑" == Period.month(2018, 5, text="พ.ค. ๖๑").text
        assert "" == Period.month(2018, 5).text

    def test_deadline_has_no_length(self) -> None:
        """len() of a deadline is a TypeError: it has no start."""
        with pytest.raises(TypeError, match="no length"):
            len(Period.deadline_of(D(2018, 6, 30)))


class TestPeriodEquality:
    """Equality compares kind, start and end, not the source text."""

    def test_text_is_ignored(self) -> None:
        """Two periods read from different text are equal, and hash alike."""
        first = Period.month(2018, 5, text="พ.ค. ๖๑")
        second = Period.month(2018, 5, text="พฤษภาคม ๒๕๖๑")
        assert first == second
        assert hash(first) == hash(second)

    def test_kind_is_compared(self) -> None:
        """A day and a one-day range over the same date are different periods."""
        assert Period.day(D(2018, 5, 1)) != Period.days(D(2018, 5, 1), D(2018, 5, 1))
        assert Period.month(2018, 5) != Period.months((2018, 5), (2018, 5))

    def test_dates_are_compared(self) -> None:
        """Periods of the same kind over different days differ."""
        assert Period.month(2018, 5) != Period.month(2018, 6)
        assert Period.deadline_of(D(2018, 5, 31)) != Period.deadline_of(D(2018, 6, 30))


class TestPeriodContains:
    """``day in period``: inclusive at both ends."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2018, 4, 30), False),
            (D(2018, 5, 1), True),
            (D(2018, 5, 14), True),
            (D(2018, 5, 31), True),
            (D(2018, 6, 1), False),
            (dt.datetime(2018, 5, 31, 23, 59), True),
            (dt.datetime(2018, 6, 1, 0, 0), False),
            ("2018-05-14", False),
            (None, False),
        ],
    )
    def test_month(self, day: object, expected: bool) -> None:
        """A month holds its days (a datetime counts by its date); other objects are not in it."""
        assert expected == (day in Period.month(2018, 5))

    @pytest.mark.parametrize(
        ("day", "expected"),
        [(D(1900, 1, 1), True), (D(2018, 6, 30), True), (D(2018, 7, 1), False)],
    )
    def test_deadline(self, day: dt.date, expected: bool) -> None:
        """A deadline holds every day up to and including its last."""
        assert expected == (day in Period.deadline_of(D(2018, 6, 30)))

    @given(periods())
    def test_ends_are_in_and_next_days_are_not(self, period: Period) -> None:
        """The first and last days are in a period; the days just outside are not."""
        assert period.end in period
        assert period.end + ONE_DAY not in period
        if period.start is not None:
            assert period.start in period
            assert period.start - ONE_DAY not in period
            assert (period.end - period.start).days + 1 == len(period)


class TestIterMonths:
    """Period.iter_months."""

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (Period.day(D(2018, 4, 4)), [(2018, 4)]),
            (Period.days(D(2018, 6, 20), D(2018, 8, 1)), [(2018, 6), (2018, 7), (2018, 8)]),
            (
                Period.months((2018, 11), (2019, 2)),
                [(2018, 11), (2018, 12), (2019, 1), (2019, 2)],
            ),
            (Period.deadline_of(D(2018, 6, 30)), [(2018, 6)]),
            (Period.years(2018, 2018), [(2018, month) for month in range(1, 13)]),
            (FiscalYear(2563).quarter(1), [(2019, 10), (2019, 11), (2019, 12)]),
        ],
    )
    def test_known_answers(self, period: Period, expected: list[tuple[int, int]]) -> None:
        """The months a period touches, in order."""
        assert expected == list(period.iter_months())

    @given(periods())
    def test_consecutive_from_first_to_last(self, period: Period) -> None:
        """The months run without a gap from the first day's month to the last day's."""
        months = list(period.iter_months())
        first = period.start or period.end
        assert (first.year, first.month) == months[0]
        assert (period.end.year, period.end.month) == months[-1]
        for (year, month), following in itertools.pairwise(months):
            assert ((year + 1, 1) if month == 12 else (year, month + 1)) == following


class TestPeriodInvariants:
    """What Period refuses to hold."""

    @pytest.mark.parametrize(
        ("kind", "start", "end", "reason"),
        [
            ("month", D(2018, 5, 2), D(2018, 5, 31), "kind_mismatch"),
            ("month", D(2018, 5, 1), D(2018, 5, 30), "kind_mismatch"),
            ("month", D(2018, 5, 1), D(2018, 6, 30), "kind_mismatch"),
            ("month_range", D(2018, 6, 1), D(2018, 7, 30), "kind_mismatch"),
            ("day", D(2018, 5, 1), D(2018, 5, 2), "kind_mismatch"),
            ("quarter", D(2018, 11, 1), D(2019, 1, 31), "kind_mismatch"),
            ("quarter", D(2018, 10, 1), D(2018, 11, 30), "kind_mismatch"),
            ("year", D(2018, 1, 1), D(2019, 12, 31), "kind_mismatch"),
            ("year", D(2018, 1, 2), D(2018, 12, 31), "kind_mismatch"),
            ("year_range", D(2018, 1, 1), D(2021, 12, 30), "kind_mismatch"),
            ("fiscal_year", D(2018, 10, 1), D(2020, 9, 30), "kind_mismatch"),
            ("fiscal_year", D(2019, 1, 1), D(2019, 12, 31), "kind_mismatch"),
            ("day_range", D(2018, 5, 15), D(2018, 5, 1), "reversed_range"),
            ("month_range", D(2018, 7, 1), D(2018, 6, 30), "reversed_range"),
            ("deadline", D(2018, 5, 1), D(2018, 5, 31), "start_given"),
        ],
    )
    def test_thai_date_errors(self, kind: str, start: dt.date, end: dt.date, reason: str) -> None:
        """A shape that the kind does not allow is a ThaiDateError with a stable reason."""
        with pytest.raises(ThaiDateError) as info:
            Period(kind, start, end)
        assert reason == info.value.reason
        assert info.value.position is None
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, ThaiplanError)

    def test_reversed_named_constructors(self) -> None:
        """Named constructors check the order of their ends too."""
        with pytest.raises(ThaiDateError) as info:
            Period.days(D(2018, 5, 15), D(2018, 5, 1))
        assert "reversed_range" == info.value.reason
        with pytest.raises(ThaiDateError) as info:
            Period.years(2021, 2018)
        assert "reversed_range" == info.value.reason

    def test_error_keeps_the_text(self) -> None:
        """The error quotes the source text when there is one."""
        with pytest.raises(ThaiDateError) as info:
            Period.days(D(2018, 5, 15), D(2018, 5, 1), text="๑๕ - ๑ พ.ค. ๖๑")
        assert "๑๕ - ๑ พ.ค. ๖๑" == info.value.text

    @pytest.mark.parametrize(
        ("kind", "start", "end"),
        [
            ("day", dt.datetime(2018, 5, 1), D(2018, 5, 1)),
            ("day", D(2018, 5, 1), dt.datetime(2018, 5, 1)),
            ("day_range", "2018-05-01", D(2018, 5, 31)),
            ("day_range", D(2018, 5, 1), "2018-05-31"),
            ("day_range", None, D(2018, 5, 31)),
            ("deadline", None, None),
            ("deadline", None, dt.datetime(2018, 5, 31)),
            ("month", (2018, 5), (2018, 5)),
        ],
    )
    def test_type_errors(self, kind: str, start: object, end: object) -> None:
        """Ends must be datetime.date objects, not datetimes, strings or None."""
        with pytest.raises(TypeError, match=r"datetime\.date"):
            Period(kind, start, end)  # type: ignore[arg-type]

    def test_datetime_to_named_constructors(self) -> None:
        """Named constructors pass no datetime through."""
        with pytest.raises(TypeError):
            Period.day(dt.datetime(2018, 5, 1, 9, 0))
        with pytest.raises(TypeError):
            Period.deadline_of(dt.datetime(2018, 5, 31, 9, 0))

    def test_text_must_be_a_string(self) -> None:
        """The source text is a str."""
        with pytest.raises(TypeError):
            Period.month(2018, 5, text=None)  # type: ignore[arg-type]

    def test_frozen(self) -> None:
        """A period cannot be changed after it is made."""
        period = Period.month(2018, 5)
        with pytest.raises(AttributeError):
            period.end = D(2018, 6, 30)  # type: ignore[misc]


class TestFiscalYear:
    """FiscalYear: 1 October to 30 September, named by the BE year it ends in."""

    def test_fiscal_year_2563(self) -> None:
        """FY 2563 runs from 2019-10-01 to 2020-09-30 (Budget Procedures Act, s. 4)."""
        fiscal_year = FiscalYear(2563)
        assert D(2019, 10, 1) == fiscal_year.start
        assert D(2020, 9, 30) == fiscal_year.end
        assert 2020 == fiscal_year.ce_year
        assert 366 == len(fiscal_year)  # it holds 29 February 2020

    @pytest.mark.parametrize(
        ("year", "start", "end", "length"),
        [
            (2561, D(2017, 10, 1), D(2018, 9, 30), 365),
            (2562, D(2018, 10, 1), D(2019, 9, 30), 365),
            (2564, D(2020, 10, 1), D(2021, 9, 30), 365),
            (2567, D(2023, 10, 1), D(2024, 9, 30), 366),
            (2543, D(1999, 10, 1), D(2000, 9, 30), 366),
            (2443, D(1899, 10, 1), D(1900, 9, 30), 365),  # 1900 is not a leap year
        ],
    )
    def test_known_answers(self, year: int, start: dt.date, end: dt.date, length: int) -> None:
        """First day, last day and length of some fiscal years."""
        fiscal_year = FiscalYear(year)
        assert (start, end, length) == (fiscal_year.start, fiscal_year.end, len(fiscal_year))

    @pytest.mark.parametrize(
        ("day", "year"),
        [
            (D(2019, 9, 30), 2562),
            (D(2019, 10, 1), 2563),
            (D(2019, 12, 31), 2563),
            (D(2020, 1, 1), 2563),
            (D(2020, 2, 29), 2563),
            (D(2020, 9, 30), 2563),
            (D(2020, 10, 1), 2564),
            (D(2018, 4, 5), 2561),
            (dt.datetime(2019, 10, 1, 8, 30), 2563),
        ],
    )
    def test_containing(self, day: dt.date, year: int) -> None:
        """The fiscal year a day falls in turns on 1 October."""
        assert FiscalYear(year) == FiscalYear.containing(day)

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2019, 9, 30), False),
            (D(2019, 10, 1), True),
            (D(2020, 9, 30), True),
            (D(2020, 10, 1), False),
            (dt.datetime(2020, 9, 30, 23, 59), True),
            ("2020-01-01", False),
        ],
    )
    def test_contains(self, day: object, expected: bool) -> None:
        """``in`` is inclusive at both ends; a datetime counts by its date."""
        assert expected == (day in FiscalYear(2563))

    @pytest.mark.parametrize(
        ("number", "start", "end"),
        [
            (1, D(2019, 10, 1), D(2019, 12, 31)),
            (2, D(2020, 1, 1), D(2020, 3, 31)),
            (3, D(2020, 4, 1), D(2020, 6, 30)),
            (4, D(2020, 7, 1), D(2020, 9, 30)),
        ],
    )
    def test_quarters(self, number: int, start: dt.date, end: dt.date) -> None:
        """Quarter 1 is October-December of the year before; quarter 4 is July-September."""
        quarter = FiscalYear(2563).quarter(number)
        assert (PeriodKind.QUARTER, start, end) == (quarter.kind, quarter.start, quarter.end)
        assert quarter == FiscalYear(2563).quarters[number - 1]

    @pytest.mark.parametrize(
        ("day", "number"),
        [
            (D(2019, 10, 1), 1),
            (D(2019, 12, 31), 1),
            (D(2020, 1, 1), 2),
            (D(2020, 2, 29), 2),
            (D(2020, 3, 31), 2),
            (D(2020, 4, 1), 3),
            (D(2020, 6, 30), 3),
            (D(2020, 7, 1), 4),
            (D(2020, 9, 30), 4),
        ],
    )
    def test_quarter_of(self, day: dt.date, number: int) -> None:
        """The quarter a day of the fiscal year falls in."""
        assert number == FiscalYear(2563).quarter_of(day)

    def test_to_period(self) -> None:
        """As a period, a fiscal year has kind fiscal_year and the same days."""
        period = FiscalYear(2563).to_period()
        assert Period(PeriodKind.FISCAL_YEAR, D(2019, 10, 1), D(2020, 9, 30)) == period
        assert 366 == len(period)

    def test_format(self) -> None:
        """Thai digits by default, Arabic on request."""
        assert "ปีงบประมาณ พ.ศ. ๒๕๖๓" == FiscalYear(2563).format()
        assert "ปีงบประมาณ พ.ศ. 2563" == FiscalYear(2563).format(digits="arabic")

    @pytest.mark.parametrize("text", ["ปีงบประมาณ พ.ศ. ๒๕๖๓", "ปีงบประมาณ พ.ศ. 2563"])
    def test_parse(self, text: str) -> None:
        """Parse reads what format writes."""
        assert FiscalYear(2563) == FiscalYear.parse(text)

    def test_parse_other_period(self) -> None:
        """A period that is not a fiscal year is refused with reason not_fiscal_year."""
        with pytest.raises(ThaiDateError) as info:
            FiscalYear.parse("พ.ค. ๖๑")
        assert "not_fiscal_year" == info.value.reason

    def test_arithmetic(self) -> None:
        """Adding or subtracting an int moves by whole fiscal years."""
        assert FiscalYear(2564) == FiscalYear(2563) + 1
        assert FiscalYear(2561) == FiscalYear(2563) - 2
        assert FiscalYear(2563) == FiscalYear(2563) + 0

    @pytest.mark.parametrize("other", [True, 1.0, "1", FiscalYear(2562)])
    def test_arithmetic_with_other_types(self, other: object) -> None:
        """Only an int (not a bool) can be added or subtracted."""
        with pytest.raises(TypeError):
            FiscalYear(2563) + other  # type: ignore[operator]
        with pytest.raises(TypeError):
            FiscalYear(2563) - other  # type: ignore[operator]

    def test_ordering(self) -> None:
        """Fiscal years order by year."""
        assert FiscalYear(2562) < FiscalYear(2563) < FiscalYear(2564)
        assert FiscalYear(2563) <= FiscalYear(2563)
        assert [FiscalYear(2561), FiscalYear(2562), FiscalYear(2563)] == sorted(
            [FiscalYear(2563), FiscalYear(2561), FiscalYear(2562)]
        )
        assert FiscalYear(2564) == max(FiscalYear(2563), FiscalYear(2564))

    def test_hashable(self) -> None:
        """Fiscal years are frozen and can key a dict."""
        assert {FiscalYear(2563): "x"}[FiscalYear(2563)] == "x"

    @pytest.mark.parametrize(("year", "start"), [(2400, D(1856, 10, 1)), (10542, D(9998, 10, 1))])
    def test_range_limits(self, year: int, start: dt.date) -> None:
        """The first and last fiscal years that datetime.date can hold."""
        assert start == FiscalYear(year).start


class TestFiscalYearErrors:
    """What FiscalYear refuses."""

    def test_common_era_year(self) -> None:
        """A CE year is refused with a hint to the BE year."""
        with pytest.raises(ThaiDateError) as info:
            FiscalYear(2020)
        assert "year_out_of_range" == info.value.reason
        assert "FiscalYear(2563)" == info.value.hint
        assert "FiscalYear(2563)" in str(info.value)
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize("year", [0, 2399, 10543, -2563])
    def test_out_of_range_without_hint(self, year: int) -> None:
        """Years that datetime.date cannot hold are refused, with no hint to give."""
        with pytest.raises(ThaiDateError) as info:
            FiscalYear(year)
        assert "year_out_of_range" == info.value.reason
        assert info.value.hint is None

    @pytest.mark.parametrize("year", [True, "2563", 2563.0, None])
    def test_not_an_int(self, year: object) -> None:
        """The year must be an int, and a bool is not."""
        with pytest.raises(TypeError, match="Buddhist-Era year as an int"):
            FiscalYear(year)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("number", "reason"),
        [
            (0, "quarter_out_of_range"),
            (5, "quarter_out_of_range"),
            (-1, "quarter_out_of_range"),
            (True, "wrong_type"),
            ("1", "wrong_type"),
        ],
    )
    def test_quarter_out_of_range(self, number: object, reason: str) -> None:
        """A fiscal year has quarters 1-4 only; a bool or a str is not a quarter's number."""
        with pytest.raises(ThaiDateError) as info:
            FiscalYear(2563).quarter(number)  # type: ignore[arg-type]
        assert reason == info.value.reason

    @pytest.mark.parametrize("day", [D(2019, 9, 30), D(2020, 10, 1), D(2010, 1, 1)])
    def test_quarter_of_a_day_outside(self, day: dt.date) -> None:
        """A day outside the fiscal year has no quarter in it."""
        with pytest.raises(ThaiDateError) as info:
            FiscalYear(2563).quarter_of(day)
        assert "not_in_fiscal_year" == info.value.reason


class TestFiscalYearProperties:
    """Properties of FiscalYear over many years and days."""

    @given(any_dates)
    @example(D(2019, 9, 30))
    @example(D(2019, 10, 1))
    @example(D(2020, 2, 29))
    @example(D(2019, 12, 31))
    @example(D(2020, 1, 1))
    @example(D(1900, 2, 28))
    def test_containing_contains(self, day: dt.date) -> None:
        """The fiscal year containing a day holds it and has 365 or 366 days."""
        fiscal_year = FiscalYear.containing(day)
        assert day in fiscal_year
        assert day in fiscal_year.to_period()
        assert len(fiscal_year) in (365, 366)
        assert fiscal_year.start <= day <= fiscal_year.end

    @given(fiscal_years)
    @example(FiscalYear(2563))
    @example(FiscalYear(2543))
    @example(FiscalYear(2443))
    def test_quarters_partition(self, fiscal_year: FiscalYear) -> None:
        """The four quarters are contiguous and cover the fiscal year exactly."""
        quarters = fiscal_year.quarters
        assert fiscal_year.start == quarters[0].start
        assert fiscal_year.end == quarters[-1].end
        for earlier, later in itertools.pairwise(quarters):
            assert earlier.end + ONE_DAY == later.start
        assert len(fiscal_year) == sum(len(quarter) for quarter in quarters)

    @given(any_dates)
    @example(D(2019, 10, 1))
    @example(D(2020, 9, 30))
    @example(D(2019, 12, 31))
    @example(D(2020, 1, 1))
    def test_quarter_of_matches_quarters(self, day: dt.date) -> None:
        """A day lies in the quarter that quarter_of names."""
        fiscal_year = FiscalYear.containing(day)
        assert day in fiscal_year.quarter(fiscal_year.quarter_of(day))

    @given(fiscal_years)
    @example(FiscalYear(2563))
    def test_format_parse_round_trip(self, fiscal_year: FiscalYear) -> None:
        """Parse reads back what format writes, in Thai and in Arabic digits."""
        assert fiscal_year == FiscalYear.parse(fiscal_year.format())
        assert fiscal_year == FiscalYear.parse(fiscal_year.format(digits="arabic"))

    @given(fiscal_years, st.integers(-40, 40))
    def test_add_then_subtract(self, fiscal_year: FiscalYear, years: int) -> None:
        """Subtracting undoes adding, and adding moves start and end by whole years."""
        moved = fiscal_year + years
        assert fiscal_year == moved - years
        assert fiscal_year.start.year + years == moved.start.year
        assert (moved > fiscal_year) == (years > 0)
