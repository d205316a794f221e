"""Tests of the timing rules on lags in working days, stated starts and the first day.

impossible-dependency and start-before-predecessor count a working-day lag in
Thai government working days, as schedule() does; start-before-predecessor
reads a start stated to the day as that day and a month as the whole month;
negative-slack says when the first day is only the earliest stated start.
"""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, given, settings

from strategies import acyclic_calendars
from thaiplan import (
    Agency,
    Dependency,
    Phase,
    PlanningCalendar,
    Severity,
    Step,
    load_document,
    schedule,
    validate,
)

PROPERTIES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def step(step_id: str, when: str, duration: int = 1, after: list[Dependency] | None = None) -> Step:
    return Step(
        step_id,
        None,
        "p",
        "ขั้นตอน",
        when,
        responsible=["office"],
        after=after or [],
        duration=duration,
    )


def calendar(*steps: Step, as_of: str = "") -> PlanningCalendar:
    return PlanningCalendar(
        "ปฏิทินทดสอบ",
        "สมุทรสาคร",
        2563,
        phases=[Phase("p", "Phase")],
        agencies=[Agency("office", "สำนักงานจังหวัดสมุทรสาคร")],
        steps=steps,
        as_of=as_of,
    )


class TestWorkingDayLags:
    """A lag of working days is counted in working days by every rule."""

    def test_impossible_dependency_counts_working_days(self):
        """Fri 4 May + 5 working days is Fri 11 May: s2 stated 7-10 May cannot follow (5 calendar days would fit)."""
        lag = Dependency("s1", 5, "working_days")
        calendar_days = Dependency("s1", 5, "days")
        bad = calendar(step("s1", "๔ พ.ค. ๖๑"), step("s2", "๗ - ๑๐ พ.ค. ๖๑", after=[lag]))
        fits = calendar(
            step("s1", "๔ พ.ค. ๖๑"), step("s2", "๗ - ๑๐ พ.ค. ๖๑", after=[calendar_days])
        )
        (finding,) = validate(bad).by_code("impossible-dependency")
        assert ("s1", "s2") == finding.steps
        assert "a lag of 5 working days" in finding.message_en
        assert "๕ วันทำการ" in finding.message_th
        assert () == validate(fits).by_code("impossible-dependency")
        # the schedule agrees: 12 May (Sat) is the first day after the lag
        assert schedule(bad)["s2"].total_slack < 0

    def test_start_before_predecessor_counts_working_days(self):
        """s1 on Fri 4 May, s2 stated from Tue 8 May after 3 working days: too early (Thu 10 May)."""
        lag = Dependency("s1", 3, "working_days")
        bad = calendar(step("s1", "๔ พ.ค. ๖๑"), step("s2", "๘ - ๓๑ พ.ค. ๖๑", after=[lag]))
        (finding,) = validate(bad).by_code("start-before-predecessor")
        assert Severity.WARNING is finding.severity
        assert "s2 can start on 2018-05-10 at the earliest, 2 days later" in finding.message_en
        good = calendar(step("s1", "๔ พ.ค. ๖๑"), step("s2", "๑๐ - ๓๑ พ.ค. ๖๑", after=[lag]))
        assert () == validate(good).by_code("start-before-predecessor")


class TestStatedStart:
    """What a period says about the day its step starts."""

    def test_a_month_starts_on_no_day_in_particular(self):
        """Two steps in May, one after the other: no finding (May is not 'from 1 May')."""
        fine = calendar(step("s1", "พ.ค. ๖๑"), step("s2", "พ.ค. ๖๑", after=[Dependency("s1")]))
        assert () == validate(fine).by_code("start-before-predecessor")

    def test_a_month_before_the_predecessor_allows(self):
        """s2 stated from มิ.ย. but s1 takes to 10 July: the month it starts in cannot hold it."""
        bad = calendar(
            step("s1", "๑ ก.ค. ๖๑", duration=10),
            step("s2", "มิ.ย. - ส.ค. ๖๑", after=[Dependency("s1")]),
        )
        (finding,) = validate(bad).by_code("start-before-predecessor")
        assert "s2 is stated to start in มิ.ย. ๖๑" in finding.message_en
        assert "after that month" in finding.message_en

    def test_seed_is_silent(self):
        """The seed's months in order give no finding: its findings stay what they were."""
        assert () == validate(load_document("samut-sakhon-2563")).by_code(
            "start-before-predecessor"
        )

    @PROPERTIES
    @given(acyclic_calendars())
    def test_findings_name_steps_that_exist(self, calendar):
        """Every finding of the timing rules names steps of the calendar, each in both messages."""
        ids = {s.id for s in calendar.steps}
        report = validate(
            calendar, only=["impossible-dependency", "start-before-predecessor", "negative-slack"]
        )
        for finding in report:
            assert set(finding.steps) <= ids
            for step_id in finding.steps:
                assert step_id in finding.message_en
                assert step_id in finding.message_th


class TestFirstDayFindings:
    """negative-slack says when the first day is only the earliest stated start."""

    def test_without_as_of_it_is_a_warning_that_asks_for_one(self):
        """A deadline step before the only dated step: a warning that names the missing as_of."""
        cal = calendar(step("a", "ภายใน พ.ค. ๖๑"), step("b", "๑๕ พ.ค. ๖๑", after=[Dependency("a")]))
        (finding,) = validate(cal).by_code("negative-slack")
        assert Severity.WARNING is finding.severity
        assert "give the calendar its as_of" in finding.message_en
        assert "as_of" in finding.message_th
        with_date = attrs.evolve(cal, as_of="๔ เม.ย. ๖๑")
        assert () == validate(with_date).by_code("negative-slack")

    def test_after_the_as_of_it_is_an_error(self):
        """With an as_of after the deadline, the step cannot be kept: an error."""
        cal = calendar(step("a", "ภายใน พ.ค. ๖๑"), as_of="๔ มิ.ย. ๖๑")
        (finding,) = validate(cal).by_code("negative-slack")
        assert Severity.ERROR is finding.severity
        assert "๔ มิ.ย. ๖๑" in finding.message_en
