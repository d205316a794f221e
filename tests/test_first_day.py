"""Tests of a calendar's own date (``as_of``) and the first day of its schedule.

A step with no stated start starts no earlier than the calendar's first day:
its ``as_of`` ("ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑") when it has one, else the
earliest start any step states; with neither, its start is open (None) and it
has no slack figure. No constant of the fiscal year enters (it used to be the
start of fiscal year N - 2, which gave the seed's s2 242 days of slack).
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import acyclic_calendars, schedule_days, window_step
from thaiplan import (
    CalendarFileError,
    PlanningCalendar,
    ThaiDateError,
    dumps_calendar,
    load_calendar,
    loads_calendar,
    schedule,
)
from thaiplan.dates import Period, format_date
from thaiplan.errors import ModelTypeError
from thaiplan.io import _fast

D = dt.date
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FILE = """
format: thaiplan-calendar/1
title: t
province: สมุทรสาคร
fiscal_year: 2563
as_of: {as_of}
steps:
  - {{id: a, no: 1, phase: p, title: ก, when: ภายใน พ.ค. ๖๑}}
"""


class TestAsOf:
    """PlanningCalendar.as_of: kept as written, read in any notation of a date."""

    @pytest.mark.parametrize(
        ("written", "day"),
        [
            ("ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑", D(2018, 4, 4)),
            ("๔ เม.ย. ๖๑", D(2018, 4, 4)),
            ("วันพุธที่ ๔ เมษายน ๒๕๖๑", D(2018, 4, 4)),
            ("4/4/2561", D(2018, 4, 4)),
            ("2018-04-04", D(2018, 4, 4)),
            ("ในวันที่ 4 เม.ย. 61", D(2018, 4, 4)),  # a period of one day
            ("", None),
        ],
    )
    def test_notations(self, written, day):
        """Each notation is kept verbatim and read to its day."""
        calendar = PlanningCalendar("t", "สมุทรสาคร", 2563, as_of=written)
        assert (written, day) == (calendar.as_of, calendar.as_of_date)

    def test_a_period_is_not_a_date(self):
        """A month is not the calendar's date: ThaiDateError, saying what is expected."""
        with pytest.raises(ThaiDateError, match="one day"):
            PlanningCalendar("t", "สมุทรสาคร", 2563, as_of="เม.ย. ๖๑")

    def test_wrong_type(self):
        """Not text: ModelTypeError naming the field."""
        with pytest.raises(ModelTypeError, match="as_of"):
            PlanningCalendar("t", "สมุทรสาคร", 2563, as_of=20180404)  # type: ignore[arg-type]

    def test_builtin_calendar(self):
        """The seed's calendar carries its printed date, verbatim."""
        calendar = load_calendar("samut-sakhon-2563")
        assert ("ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑", D(2018, 4, 4)) == (
            calendar.as_of,
            calendar.as_of_date,
        )

    @pytest.mark.parametrize("format", ["yaml", "json"])
    def test_round_trip(self, format):
        """Written and read back, in YAML and JSON: the same text, the derived date not written."""
        calendar = load_calendar("samut-sakhon-2563")
        text = dumps_calendar(calendar, format=format)
        assert "as_of_date" not in text
        assert calendar == loads_calendar(text)
        assert calendar.as_of == loads_calendar(text).as_of

    def test_fast_and_marked_readers_agree(self):
        """The fast reader (no marks) gives the same calendar as the marked reader."""
        from thaiplan.io._files import _calendar_of
        from thaiplan.io._reader import _compose, _Reader

        text = FILE.format(as_of="ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑")
        fast = _calendar_of(_fast._FastReader("x"), _fast.plain(text))
        reader = _Reader("x")
        marked = _calendar_of(reader, _compose(text, reader))
        assert fast == marked
        assert D(2018, 4, 4) == fast.as_of_date

    def test_bad_as_of_is_located(self):
        """A date that cannot be read is a file error at its line, with the parser's reason."""
        with pytest.raises(CalendarFileError) as caught:
            loads_calendar(FILE.format(as_of="๓๒ เม.ย. ๖๑"))
        assert "<string>:6:" in str(caught.value)
        assert "as_of" in str(caught.value)

    def test_derived_date_is_not_a_key(self):
        """as_of_date is worked out from as_of: a file may not write it."""
        with pytest.raises(CalendarFileError, match="worked out"):
            loads_calendar(FILE.format(as_of="๔ เม.ย. ๖๑") + "as_of_date: 2018-04-04\n")

    def test_schema_accepts_it(self):
        """The JSON Schema describes the key."""
        jsonschema = pytest.importorskip("jsonschema")
        import thaiplan

        data = json.loads(dumps_calendar(load_calendar("samut-sakhon-2563"), format="json"))
        jsonschema.Draft202012Validator(thaiplan.calendar_schema()).validate(data)
        assert "as_of" in thaiplan.calendar_schema()["properties"]


class TestFirstDay:
    """The first day: as_of, else the earliest stated start, else open."""

    def test_seed_s2(self):
        """The seed's s2 (ภายใน พ.ค. ๖๑) has 57 days of slack from 4 Apr, no longer 242 from FY 2561."""
        result = schedule(load_calendar("samut-sakhon-2563"))
        assert D(2018, 4, 4) == result.start
        assert (D(2018, 4, 4), D(2018, 5, 31), 57) == (
            result["s2"].earliest_start,
            result["s2"].latest_finish,
            result["s2"].total_slack,
        )
        (link,) = result.explain("s2").earliest_start
        assert "ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑" in link.message_en
        assert "ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑" in link.message_th

    def test_fiscal_year_plays_no_part(self):
        """The same steps in a calendar of another fiscal year have the same bounds."""
        calendar = load_calendar("samut-sakhon-2563")
        other = attrs.evolve(calendar, fiscal_year=2599)
        assert dict(schedule(calendar)) == dict(schedule(other))

    def test_a_fiscal_year_outside_the_era_is_no_error(self):
        """No first day from the fiscal year: a calendar with no date anywhere is open, not an error."""
        calendar = PlanningCalendar(
            "t", "สมุทรสาคร", 2400, steps=[window_step("a", Period.deadline_of(D(2018, 5, 31)))]
        )
        assert schedule(calendar)["a"].open

    @PROPERTIES
    @given(acyclic_calendars(), schedule_days, st.data())
    def test_an_earlier_unrelated_step_does_not_move_it(self, calendar, as_of, data):
        """Adding a step stated to start before as_of, linked to nothing, moves no first day and no bound."""
        calendar = attrs.evolve(calendar, as_of=format_date(as_of, style="abbr"))
        early = as_of - dt.timedelta(days=data.draw(st.integers(1, 400)))
        length = data.draw(st.integers(0, 30))
        unrelated = window_step("early", Period.days(early, early + dt.timedelta(days=length + 1)))
        before = schedule(calendar)
        after = schedule(calendar.with_step(unrelated))
        assert as_of == before.start == after.start
        for step_id, bounds in before.items():
            assert bounds == after[step_id]

    @PROPERTIES
    @given(acyclic_calendars(as_of=False), st.data())
    def test_it_depends_on_stated_dates_only(self, calendar, data):
        """Durations and dependencies never move the first day: it is as_of or the earliest stated start."""
        stated = [s.period.start for s in calendar.steps if s.period.start is not None]
        result = schedule(calendar)
        assert (min(stated) if stated else None) == result.start
        bare = attrs.evolve(
            calendar,
            steps=[
                attrs.evolve(s, after=[], duration=data.draw(st.integers(1, 9)))
                for s in calendar.steps
            ],
        )
        assert result.start == schedule(bare).start
        if result.start is None:
            assert all(b.open for b in result.values())
