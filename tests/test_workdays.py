"""Tests of thaiplan.dates._workdays: Thai government working days.

The known answers come from the yearly calendars of government holidays that
the Secretariat of the Cabinet announces (ประกาศสำนักนายกรัฐมนตรี เรื่อง วันหยุดราชการ
ประจำปี พ.ศ. ๒๕๖๑, ๒๕๖๒, ๒๕๖๓) and the Cabinet's special holidays of those years:
the coronation holiday of 6 May 2019, the postponement of Songkran 2020 (COVID-19)
to substitute days on 27 July, 4 and 7 September 2020, and the special holidays of
19-20 November and 11 December 2020. The Royal Ploughing Ceremony (วันพืชมงคล) is
a holiday for government offices only.
"""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from strategies import (
    holiday_data_edge_dates,
    inner_holiday_dates,
    working_day_counts,
)
from thaiplan.dates import (
    add_working_days,
    holiday_name,
    is_holiday,
    is_working_day,
    working_day_on_or_after,
    working_days_between,
)
from thaiplan.errors import HolidayDataError, ThaiplanError

D = dt.date
ONE_DAY = dt.timedelta(days=1)


def reference_count(start: dt.date, end: dt.date) -> int:
    """working_days_between by brute force: step through the days one by one."""
    if end >= start:
        days = (start + ONE_DAY * k for k in range(1, (end - start).days + 1))
        return sum(1 for day in days if is_working_day(day))
    days = (end + ONE_DAY * k for k in range((start - end).days))
    return -sum(1 for day in days if is_working_day(day))


class TestWorkingDays:
    """is_working_day and is_holiday on known dates."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            # 2018 (พ.ศ. ๒๕๖๑)
            (D(2018, 1, 1), False),  # New Year's Day, Monday
            (D(2018, 1, 2), False),  # substitute for New Year's Eve 2017 (a Sunday)
            (D(2018, 1, 3), True),
            (D(2018, 3, 1), False),  # Makha Bucha
            (D(2018, 4, 4), True),  # an ordinary Wednesday (the seed's meeting day)
            (D(2018, 4, 5), True),  # the seed letter's date, a Thursday
            (D(2018, 4, 6), False),  # Chakri Day
            (D(2018, 4, 7), False),  # Saturday
            (D(2018, 4, 8), False),  # Sunday
            (D(2018, 4, 12), True),
            (D(2018, 4, 13), False),  # Songkran
            (D(2018, 4, 14), False),  # Songkran, Saturday
            (D(2018, 4, 15), False),  # Songkran, Sunday
            (D(2018, 4, 16), False),  # substitute for Songkran
            (D(2018, 4, 17), True),
            (D(2018, 5, 14), False),  # Royal Ploughing Ceremony (government offices)
            (D(2018, 5, 15), True),
            (D(2018, 5, 29), False),  # Visakha Bucha
            (D(2018, 6, 29), True),  # last working day of the seed's deadline month
            (D(2018, 10, 23), False),  # Chulalongkorn Day
            (D(2018, 12, 5), False),  # King Bhumibol's birthday, National Day, Father's Day
            (D(2018, 12, 10), False),  # Constitution Day
            (D(2018, 12, 31), False),  # New Year's Eve
            # 2019 (พ.ศ. ๒๕๖๒)
            (D(2019, 1, 1), False),
            (D(2019, 2, 19), False),  # Makha Bucha
            (D(2019, 4, 8), False),  # substitute for Chakri Day (a Saturday)
            (D(2019, 4, 15), False),  # Songkran
            (D(2019, 4, 16), False),  # substitute for Songkran
            (D(2019, 4, 17), True),
            (D(2019, 5, 6), False),  # coronation holiday
            (D(2019, 5, 9), False),  # Royal Ploughing Ceremony
            (D(2019, 5, 20), False),  # substitute for Visakha Bucha (a Saturday)
            (D(2019, 9, 30), True),  # last day of fiscal year 2562
            (D(2019, 10, 1), True),  # first day of fiscal year 2563
            (D(2019, 10, 14), False),  # substitute for 13 October (a Sunday)
            # 2020 (พ.ศ. ๒๕๖๓)
            (D(2020, 1, 1), False),
            (D(2020, 1, 2), True),
            (D(2020, 2, 10), False),  # substitute for Makha Bucha (a Saturday)
            (D(2020, 4, 13), True),  # Songkran postponed
            (D(2020, 4, 14), True),
            (D(2020, 4, 15), True),
            (D(2020, 5, 4), False),  # Coronation Day
            (D(2020, 5, 11), False),  # Royal Ploughing Ceremony
            (D(2020, 7, 27), False),  # substitute for Songkran
            (D(2020, 9, 4), False),  # substitute for Songkran
            (D(2020, 9, 7), False),  # substitute for Songkran
            (D(2020, 9, 30), True),  # last day of fiscal year 2563
            (D(2020, 11, 19), False),  # special holiday
            (D(2020, 11, 20), False),  # special holiday
            (D(2020, 12, 7), False),  # substitute for 5 December (a Saturday)
            (D(2020, 12, 11), False),  # special holiday
        ],
    )
    def test_known_answers(self, day: dt.date, expected: bool) -> None:
        """Government offices work on these days, or do not."""
        assert expected == is_working_day(day)

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2018, 4, 13), True),
            (D(2018, 4, 14), True),  # a holiday on a Saturday is still a holiday
            (D(2018, 4, 7), False),  # an ordinary Saturday is not
            (D(2018, 4, 4), False),
            (D(2018, 5, 14), True),
            (D(2020, 4, 13), False),
        ],
    )
    def test_is_holiday(self, day: dt.date, expected: bool) -> None:
        """is_holiday is about holidays only, weekends aside."""
        assert expected == is_holiday(day)

    def test_datetime(self) -> None:
        """A datetime counts by its date."""
        assert is_working_day(dt.datetime(2018, 4, 4, 23, 59))
        assert not is_working_day(dt.datetime(2018, 4, 13, 8, 30))

    @given(inner_holiday_dates)
    def test_weekends_never_work(self, day: dt.date) -> None:
        """A Saturday or Sunday is never a working day."""
        if day.weekday() >= 5:
            assert not is_working_day(day)
        else:
            assert is_working_day(day) == (not is_holiday(day))


class TestHolidayName:
    """holiday_name gives the Thai name."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2018, 1, 1), "วันขึ้นปีใหม่"),
            (D(2018, 3, 1), "วันมาฆบูชา"),
            (D(2018, 4, 13), "วันสงกรานต์"),
            (D(2018, 4, 14), "วันสงกรานต์"),
            (D(2018, 4, 16), "ชดเชยวันสงกรานต์"),
            (D(2018, 5, 14), "วันพืชมงคล"),
            (D(2018, 5, 29), "วันวิสาขบูชา"),
            (D(2018, 10, 23), "วันปิยมหาราช"),
            (D(2018, 12, 10), "วันรัฐธรรมนูญ"),
            (D(2018, 12, 31), "วันสิ้นปี"),
            (D(2019, 7, 16), "วันอาสาฬหบูชา"),
            (D(2019, 7, 17), "วันเข้าพรรษา"),
            (D(2018, 4, 4), None),
            (D(2018, 4, 7), None),  # an ordinary Saturday
            (D(2020, 4, 13), None),  # Songkran postponed in 2020
        ],
    )
    def test_known_answers(self, day: dt.date, expected: str | None) -> None:
        """The Thai name of the holiday, or None on an ordinary day."""
        assert expected == holiday_name(day)

    def test_several_holidays_on_one_day(self) -> None:
        """Several holidays on one day are joined with '; '."""
        name = holiday_name(D(2018, 12, 5))
        assert name is not None
        assert {"วันชาติ", "วันพ่อแห่งชาติ"} <= set(name.split("; "))

    def test_datetime(self) -> None:
        """A datetime counts by its date."""
        assert "วันสงกรานต์" == holiday_name(dt.datetime(2018, 4, 13, 12, 0))


class TestAddWorkingDays:
    """add_working_days: the date a number of working days away."""

    @pytest.mark.parametrize(
        ("day", "count", "expected"),
        [
            (D(2018, 4, 12), 1, D(2018, 4, 17)),  # over Songkran and its substitute day
            (D(2018, 4, 17), -1, D(2018, 4, 12)),
            (D(2018, 4, 11), 2, D(2018, 4, 17)),
            (D(2018, 4, 4), 10, D(2018, 4, 23)),  # over Chakri Day and Songkran
            (D(2018, 4, 23), -10, D(2018, 4, 4)),
            (D(2018, 4, 14), 1, D(2018, 4, 17)),  # from a holiday
            (D(2018, 4, 14), -1, D(2018, 4, 12)),
            (D(2018, 5, 11), 1, D(2018, 5, 15)),  # over the Royal Ploughing Ceremony
            (D(2018, 12, 28), 1, D(2019, 1, 2)),  # over New Year's Eve and Day
            (D(2019, 1, 2), -1, D(2018, 12, 28)),
            (D(2019, 12, 30), 1, D(2020, 1, 2)),
            (D(2020, 1, 2), -1, D(2019, 12, 30)),
            (D(2020, 9, 30), 1, D(2020, 10, 1)),  # into fiscal year 2564
            (D(2020, 4, 10), 1, D(2020, 4, 13)),  # Songkran 2020 postponed
            (D(2018, 4, 6), 1, D(2018, 4, 9)),  # Friday holiday to Monday
            (D(2018, 4, 4), 0, D(2018, 4, 4)),
            (D(2018, 4, 14), 0, D(2018, 4, 14)),  # 0 leaves even a holiday unchanged
        ],
    )
    def test_known_answers(self, day: dt.date, count: int, expected: dt.date) -> None:
        """The day itself is not counted; holidays and weekends are skipped."""
        assert expected == add_working_days(day, count)

    def test_datetime(self) -> None:
        """A datetime counts by its date, and the result is a date."""
        assert D(2018, 4, 17) == add_working_days(dt.datetime(2018, 4, 12, 9, 0), 1)

    @pytest.mark.parametrize("count", [True, 1.0, "1", None])
    def test_count_must_be_an_int(self, count: object) -> None:
        """The count is an int, and a bool is not."""
        with pytest.raises(TypeError, match=r"add_working_days\(count\) must be an int"):
            add_working_days(D(2018, 4, 12), count)  # type: ignore[arg-type]

    @given(inner_holiday_dates, working_day_counts)
    @example(D(2018, 4, 12), 1)
    @example(D(2019, 9, 30), 1)
    @example(D(2019, 10, 1), -1)
    @example(D(2020, 2, 29), 5)
    @example(D(2018, 12, 31), -1)
    @example(D(2019, 1, 1), 1)
    def test_lands_on_a_working_day(self, day: dt.date, count: int) -> None:
        """A non-zero count lands on a working day, on the side its sign says."""
        result = add_working_days(day, count)
        if count == 0:
            assert day == result
        else:
            assert is_working_day(result)
            assert (result > day) == (count > 0)
            assert abs(count) <= abs((result - day).days)

    @given(inner_holiday_dates, st.integers(1, 30), st.integers(1, 30))
    @example(D(2018, 4, 12), 1, 1)
    def test_steps_compose(self, day: dt.date, first: int, second: int) -> None:
        """Adding two counts of the same sign one after the other adds them up."""
        assert add_working_days(day, first + second) == add_working_days(
            add_working_days(day, first), second
        )
        assert add_working_days(day, -first - second) == add_working_days(
            add_working_days(day, -first), -second
        )


class TestWorkingDaysBetween:
    """working_days_between: counts (start, end] forward and [end, start) backward, negated."""

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (D(2018, 4, 9), D(2018, 4, 20), 7),  # Songkran week
            (D(2018, 4, 20), D(2018, 4, 9), -7),
            (D(2018, 4, 12), D(2018, 4, 17), 1),
            (D(2018, 4, 17), D(2018, 4, 12), -1),
            (D(2018, 4, 13), D(2018, 4, 16), 0),  # nothing but holidays
            (D(2018, 4, 12), D(2018, 4, 14), 0),  # (12, 14]: a holiday and a Saturday
            (D(2018, 4, 14), D(2018, 4, 12), -1),  # [12, 14): the 12th is a working day
            (D(2018, 4, 6), D(2018, 4, 9), 1),
            (D(2018, 12, 28), D(2019, 1, 2), 1),  # over the year end
            (D(2019, 1, 2), D(2018, 12, 28), -1),
            (D(2018, 3, 31), D(2018, 4, 30), 18),  # April 2018: 21 weekdays, 3 of them holidays
            (D(2018, 4, 4), D(2018, 4, 4), 0),
            (D(2018, 4, 14), D(2018, 4, 14), 0),
        ],
    )
    def test_known_answers(self, start: dt.date, end: dt.date, expected: int) -> None:
        """Counts over holidays, weekends and the year end."""
        assert expected == working_days_between(start, end)

    def test_datetime(self) -> None:
        """Datetimes count by their dates."""
        assert 7 == working_days_between(dt.datetime(2018, 4, 9, 8), dt.datetime(2018, 4, 20, 17))

    @given(inner_holiday_dates, working_day_counts)
    @example(D(2018, 4, 12), 1)
    @example(D(2018, 4, 17), -1)
    @example(D(2018, 4, 14), 1)
    @example(D(2018, 4, 14), -1)
    @example(D(2019, 9, 30), 1)
    @example(D(2019, 10, 1), -1)
    @example(D(2020, 2, 29), 3)
    @example(D(2018, 12, 31), 1)
    @example(D(2019, 1, 1), -1)
    @example(D(2018, 4, 4), 0)
    def test_inverse_of_add_working_days(self, day: dt.date, count: int) -> None:
        """working_days_between(d, add_working_days(d, n)) == n."""
        assert count == working_days_between(day, add_working_days(day, count))

    @given(inner_holiday_dates, st.integers(-90, 90))
    @example(D(2018, 4, 12), 2)
    @example(D(2018, 4, 17), -5)
    def test_add_undoes_between_for_a_working_day(self, day: dt.date, offset: int) -> None:
        """Adding the count between d and a working day e from d gives e back."""
        target = day + ONE_DAY * offset
        assume(is_working_day(target))
        assert target == add_working_days(day, working_days_between(day, target))

    @given(inner_holiday_dates, st.integers(-730, 730))
    @example(D(2018, 4, 9), 11)
    @example(D(2018, 4, 20), -11)
    @example(D(2019, 9, 30), 1)
    @example(D(2019, 10, 1), -1)
    @example(D(2020, 2, 28), 2)
    @example(D(2018, 12, 31), 1)
    @example(D(2019, 1, 1), -1)
    @example(D(2018, 1, 1), 729)
    @example(D(2019, 12, 31), -729)
    @example(D(2018, 4, 4), 0)
    def test_agrees_with_brute_force(self, start: dt.date, span: int) -> None:
        """The fast count agrees with stepping through the days one by one."""
        end = start + ONE_DAY * span
        assert reference_count(start, end) == working_days_between(start, end)

    @given(inner_holiday_dates, st.integers(0, 400), st.integers(0, 400))
    @example(D(2018, 4, 9), 4, 7)
    @example(D(2018, 12, 28), 3, 5)
    def test_additive_along_a_direction(self, first: dt.date, gap: int, further: int) -> None:
        """Counts add up along a chain of dates that runs one way, forward or back."""
        second = first + ONE_DAY * gap
        third = second + ONE_DAY * further
        forward = working_days_between(first, second) + working_days_between(second, third)
        assert working_days_between(first, third) == forward
        backward = working_days_between(third, second) + working_days_between(second, first)
        assert working_days_between(third, first) == backward

    @given(inner_holiday_dates, st.integers(0, 400))
    @example(D(2018, 4, 12), 2)
    @example(D(2018, 4, 4), 7)
    def test_antisymmetric_up_to_the_ends(self, earlier: dt.date, gap: int) -> None:
        """Forward and backward counts cancel, but for the ends: each counts one end only.

        The forward count takes in ``later`` and not ``earlier``; the backward
        count the other way round. So they cancel exactly when both ends are
        working days or neither is.
        """
        later = earlier + ONE_DAY * gap
        total = working_days_between(earlier, later) + working_days_between(later, earlier)
        assert int(is_working_day(later)) - int(is_working_day(earlier)) == total


class TestWorkingDayOnOrAfter:
    """working_day_on_or_after."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2018, 4, 4), D(2018, 4, 4)),
            (D(2018, 4, 13), D(2018, 4, 17)),
            (D(2018, 4, 14), D(2018, 4, 17)),
            (D(2018, 12, 29), D(2019, 1, 2)),
            (D(2020, 4, 13), D(2020, 4, 13)),
        ],
    )
    def test_known_answers(self, day: dt.date, expected: dt.date) -> None:
        """A working day is kept; any other day moves to the next working day."""
        assert expected == working_day_on_or_after(day)

    @given(inner_holiday_dates)
    @example(D(2018, 4, 13))
    @example(D(2018, 12, 31))
    def test_first_working_day_from(self, day: dt.date) -> None:
        """The result is a working day, and no working day lies between ``day`` and it."""
        result = working_day_on_or_after(day)
        assert is_working_day(result)
        assert day <= result
        assert (0 if result == day else 1) == working_days_between(day, result)


class TestHolidayDataError:
    """Outside the years of the holiday data (1914-2100), counting raises."""

    @pytest.mark.parametrize(
        ("call", "year"),
        [
            (lambda: is_working_day(D(1913, 12, 31)), 1913),
            (lambda: is_working_day(D(2101, 1, 1)), 2101),
            (lambda: holiday_name(D(1913, 4, 13)), 1913),
            (lambda: holiday_name(D(2101, 1, 1)), 2101),
            (lambda: is_holiday(D(2101, 1, 1)), 2101),
            (lambda: working_day_on_or_after(D(2101, 1, 1)), 2101),
            (lambda: add_working_days(D(2100, 12, 28), 5), 2101),
            (lambda: add_working_days(D(1914, 1, 5), -10), 1913),
            (lambda: working_days_between(D(2100, 12, 1), D(2101, 1, 5)), 2101),
            (lambda: working_days_between(D(2101, 1, 5), D(2100, 12, 1)), 2101),
            (lambda: working_days_between(D(1913, 6, 1), D(1914, 6, 1)), 1913),
            (lambda: working_days_between(D(1914, 6, 1), D(1913, 6, 1)), 1913),
        ],
    )
    def test_raised(self, call: object, year: int) -> None:
        """Each entry point refuses a year without data and says which years have it."""
        with pytest.raises(HolidayDataError) as info:
            call()  # type: ignore[operator]
        assert (year, 1914, 2100) == (info.value.year, info.value.first, info.value.last)

    @pytest.mark.parametrize("day", [D(1914, 1, 1), D(2100, 12, 31)])
    def test_edges_are_covered(self, day: dt.date) -> None:
        """The first and last days of the data are answered."""
        assert isinstance(is_working_day(day), bool)

    def test_is_a_value_error(self) -> None:
        """It is a ValueError and a ThaiplanError."""
        with pytest.raises(ValueError, match="no Thai holiday data for 2101"):
            is_working_day(D(2101, 1, 1))
        assert issubclass(HolidayDataError, ThaiplanError)
        assert issubclass(HolidayDataError, ValueError)

    def test_message(self) -> None:
        """The message gives the year and the covered years in both eras."""
        error = HolidayDataError(2150, first=1914, last=2100)
        expected = (
            "no Thai holiday data for 2150 (พ.ศ. 2693); the data covers 1914-2100 (พ.ศ. 2457-2643)"
        )
        assert expected == str(error)

    def test_pickles(self) -> None:
        """A pickled error comes back with its attributes and message."""
        error = HolidayDataError(2101, first=1914, last=2100)
        copy = pickle.loads(pickle.dumps(error))
        assert HolidayDataError is type(copy)
        assert (2101, 1914, 2100) == (copy.year, copy.first, copy.last)
        assert str(error) == str(copy)

    def test_backward_count_to_the_first_covered_day(self) -> None:
        """A backward count that ends on 1 January 1914 needs no data for 1913."""
        expected = reference_count(D(1914, 1, 10), D(1914, 1, 1))
        assert expected == working_days_between(D(1914, 1, 10), D(1914, 1, 1))

    @given(holiday_data_edge_dates, st.integers(-30, -1) | st.integers(1, 30))
    @example(D(1914, 1, 10), -7)
    @example(D(1913, 12, 31), 1)
    def test_inverse_at_the_edges_of_the_data(self, day: dt.date, count: int) -> None:
        """Whenever add_working_days answers a non-zero count, working_days_between inverts it.

        (A count of 0 returns any day, covered or not, without looking at the data.)
        """
        try:
            result = add_working_days(day, count)
        except HolidayDataError:
            return
        assert count == working_days_between(day, result)


class TestImportCost:
    """Start-up: the holiday data is loaded on first use, not on import."""

    @pytest.mark.parametrize(
        "statement",
        [
            "import thaiplan",
            "import thaiplan.dates",
            "from thaiplan.dates import FiscalYear, normalise, parse_date, working_days_between",
        ],
    )
    def test_import_does_not_load_holidays(self, statement: str) -> None:
        """Importing thaiplan does not import the holidays package."""
        code = f"import sys; {statement}; print('holidays' in sys.modules)"
        completed = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "False" == completed.stdout.strip()
