"""The step-level constraints of issue 9 §2: no date, optional, within, before, relative, recurring.

Also durations written as text.

Known answers come from the documents' own arithmetic (the Bureau of the Budget
counts a bill's 105 days with the day it arrives as day 1); the properties
check the monotonicity of the bounds with most gaps, the occurrences against
dateutil's ``rrule``, and the round trip of the new keys through the files.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import attrs
import pytest
from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import acyclic_calendars, shipped_files
from thaiplan import Dependency, LagUnit, PlanningCalendar, Step, schedule
from thaiplan.dates import add_working_days, parse_period
from thaiplan.errors import CalendarFileError, ModelError

PROPERTIES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def calendar_of(*steps: Step, fiscal_year: int = 2563) -> PlanningCalendar:
    return PlanningCalendar("ปฏิทินทดสอบ", "สมุทรสาคร", fiscal_year, steps=steps)


def step(step_id: str, when: str = "", **keys: object) -> Step:
    return Step(step_id, None, "p", "ขั้นตอน", when, **keys)  # type: ignore[arg-type]


HEAD = "format: thaiplan-calendar/1\ntitle: t\nprovince: สมุทรสาคร\nfiscal_year: 2567\nsteps:\n"


def load(*lines: str) -> PlanningCalendar:
    return thaiplan.loads_calendar(HEAD + "".join(f"  - {line}\n" for line in lines))


class TestModel:
    def test_a_step_without_when_has_no_dates(self):
        s = step("a", duration=4)
        assert (s.when, s.dated, s.period.has_dates) == ("", False, False)
        assert s.period.span is not None
        assert s.period.span.amount == 4

    def test_duration_written_as_text(self):
        s = step("a", "พ.ค. ๖๑", duration_text="ไม่น้อยกว่าสามสิบวัน")
        assert (s.duration, s.duration_unit, s.duration_text) == (
            30,
            LagUnit.DAYS,
            "ไม่น้อยกว่าสามสิบวัน",
        )
        w = step("b", duration_text="๑๐ วันทำการ")
        assert (w.duration, w.duration_unit) == (10, LagUnit.WORKING_DAYS)

    @pytest.mark.parametrize("text", ["พ.ค. ๖๑", "ภายใน ๑๕ วันนับแต่วันที่ได้รับ", "๐ วัน", "ทุกไตรมาส"])
    def test_duration_text_must_be_a_count_of_days(self, text):
        with pytest.raises(ModelError, match="duration"):
            step("a", duration_text=text)

    def test_within_is_for_after_only(self):
        with pytest.raises(ModelError, match="within"):
            step("a", before=[Dependency("b", within=3)])

    def test_without_step_drops_before_too(self):
        calendar = calendar_of(step("a", "พ.ค. ๖๑", before=["b"]), step("b", "มิ.ย. ๖๑"))
        assert calendar.without_step("b").step("a").before == ()

    def test_repr_of_a_dependency_without_within_is_unchanged(self):
        assert "within" not in repr(Dependency("s1", lag=2))
        assert "within=5" in repr(Dependency("s1", within=5))


class TestFiles:
    def test_when_left_out_empty_or_null(self):
        calendar = load(
            "{id: a, no: 1, phase: p, title: ก}",
            "{id: b, no: 2, phase: p, title: ข, when: ''}",
            "{id: c, no: 3, phase: p, title: ค, when: null}",
        )
        assert [s.when for s in calendar] == ["", "", ""]

    def test_the_new_keys_round_trip(self):
        calendar = load(
            "{id: a, no: 1, phase: p, title: ก, when: พ.ค. ๖๗, duration: ไม่น้อยกว่าสามสิบวัน}",
            "{id: b, no: 2, phase: p, title: ข, after: [{step: a, lag: 1, within: 15}], optional: true}",
            "{id: c, no: 3, phase: p, title: ค, before: [{step: b, lag: 2}], duration: ๑๐ วันทำการ}",
        )
        assert calendar.step("a").duration == 30
        assert calendar.step("b").after[0].within == 15
        for kind in ("yaml", "json"):
            text = thaiplan.dumps_calendar(calendar, format=kind)
            assert "duration_text" not in text
            assert "ไม่น้อยกว่าสามสิบวัน" in text
            assert thaiplan.loads_calendar(text) == calendar

    def test_wrong_values_are_located(self):
        with pytest.raises(CalendarFileError) as error:
            load(
                "{id: a, no: 1, phase: p, title: ก, duration: พ.ค. ๖๗, optional: 1}",
                "{id: b, no: 2, phase: p, title: ข, after: [{step: a, within: -1}]}",
                "{id: c, no: 3, phase: p, title: ค, duration_text: ๓ วัน}",
            )
        paths = {problem.path for problem in error.value.problems}
        assert {
            "steps[0].duration",
            "steps[0].optional",
            "steps[1].after[0].within",
            "steps[2].duration_text",
        } <= paths

    def test_the_schema_takes_the_new_keys(self):
        jsonschema = pytest.importorskip("jsonschema")
        data = {
            "format": "thaiplan-calendar/1",
            "title": "t",
            "province": "สมุทรสาคร",
            "fiscal_year": 2567,
            "steps": [
                {"id": "a", "no": 1, "phase": "p", "title": "ก", "duration": "๑๐ วันทำการ"},
                {
                    "id": "b",
                    "no": 2,
                    "phase": "p",
                    "title": "ข",
                    "when": None,
                    "optional": True,
                    "after": [{"step": "a", "within": 3}],
                    "before": [{"step": "a", "lag": 1}],
                },
            ],
        }
        jsonschema.validate(data, thaiplan.calendar_schema())

    @PROPERTIES
    @given(
        st.integers(1, 60),
        st.sampled_from(["วัน", "วันทำการ"]),
        st.sampled_from(["", "ไม่น้อยกว่า", "ภายใน"]),
        st.none() | st.integers(0, 90),
        st.booleans(),
        st.integers(0, 9),
    )
    def test_round_trip_property(self, days, unit, bound, within, optional, lag):
        """Any text duration, most gap, before and optional is written and read back equal."""
        calendar = calendar_of(
            step("a", "พ.ค. ๖๗"),
            step(
                "b",
                duration_text=f"{bound}{days} {unit}",
                after=[Dependency("a", lag=lag, within=within)],
                before=[Dependency("c", lag=lag)],
                optional=optional,
            ),
            step("c"),
        )
        for kind in ("yaml", "json"):
            assert (
                thaiplan.loads_calendar(thaiplan.dumps_calendar(calendar, format=kind)) == calendar
            )


class TestSchedule:
    def test_a_step_with_no_date_takes_its_bounds_from_its_neighbours(self):
        result = schedule(
            calendar_of(
                step("a", "๑ พ.ค. ๖๑"),
                step("b", after=["a"], duration=3),
                step("c", "๓๐ พ.ค. ๖๑", after=["b"]),
            )
        )
        assert result["b"].earliest_start == dt.date(2018, 5, 2)
        assert result["b"].latest_finish == dt.date(2018, 5, 29)

    def test_within_bounds_the_later_step(self):
        calendar = calendar_of(
            step("a", "พ.ค. ๖๑", duration=5), step("b", after=[Dependency("a", within=10)])
        )
        result = schedule(calendar)
        assert result["b"].latest_finish == dt.date(2018, 6, 10)  # a finishes by 31 May
        assert result.feasible
        link = result.explain("b").latest_finish[0]
        assert (link.cause, link.other, link.lag) == ("within", "a", 10)
        assert "within 10 days" in link.message_en
        assert link.message_th

    def test_within_raises_the_earlier_step(self):
        """B's earliest finish bounds A's: A finishes no earlier than B's earliest finish - M."""
        calendar = attrs.evolve(
            calendar_of(
                step("a", "ภายใน มิ.ย. ๖๑"),
                step("b", "๒๐ - ๓๐ มิ.ย. ๖๑", after=[Dependency("a", within=5)]),
            ),
            as_of="๑ มิ.ย. ๖๑",  # the first day: else b's stated start, 20 June, would be a's
        )
        result = schedule(calendar)
        assert result["a"].earliest_finish == dt.date(2018, 6, 15)
        assert result.explain("a").earliest_start[0].cause == "within"

    def test_within_in_working_days(self):
        calendar = calendar_of(
            step("a", "๑๒ เม.ย. ๖๑"),
            step("b", after=[Dependency("a", unit="working_days", within=1)]),
        )
        assert schedule(calendar)["b"].latest_finish == add_working_days(dt.date(2018, 4, 12), 1)

    def test_within_shorter_than_the_lag_cannot_hold(self):
        calendar = calendar_of(
            step("a", "พ.ค. ๖๑"), step("b", after=[Dependency("a", lag=3, within=2)])
        )
        result = schedule(calendar)
        assert not result.feasible
        assert any(link.cause == "within" for link in result.explain("b").latest_finish)

    def test_before_is_a_reversed_finish_to_start_edge(self):
        calendar = calendar_of(step("n", before=[Dependency("m", lag=2)]), step("m", "๑๐ ส.ค. ๖๗"))
        result = schedule(calendar)
        assert result["n"].latest_finish == dt.date(2024, 8, 7)
        link = result.explain("n").latest_finish[0]
        assert (link.cause, link.other) == ("after", "m")

    def test_relative_after_is_counted_as_the_bureau_of_the_budget_counts(self):
        """A bill that reaches the House on 26 ธ.ค. 2566 reaches its 105th day on 8 เม.ย. 2567."""
        calendar = calendar_of(
            step("a", "๒๖ ธ.ค. ๖๖"),
            step("b", "ภายใน 105 วันนับแต่วันที่ได้รับ", after=["a"]),
            fiscal_year=2567,
        )
        anchored = parse_period("ภายใน 105 วันนับแต่วันที่ได้รับ").anchored(dt.date(2023, 12, 26))
        assert schedule(calendar)["b"].latest_finish == anchored.end == dt.date(2024, 4, 8)

    @pytest.mark.parametrize(
        ("when", "latest_finish", "earliest_start"),
        [
            ("ไม่น้อยกว่า 3 วันก่อนวันประชุม", dt.date(2024, 8, 7), None),
            ("ภายใน 3 วันก่อนวันประชุม", dt.date(2024, 8, 9), dt.date(2024, 8, 7)),
            ("3 วันก่อนวันประชุม", dt.date(2024, 8, 7), dt.date(2024, 8, 7)),
        ],
    )
    def test_relative_before_agrees_with_anchored(self, when, latest_finish, earliest_start):
        calendar = attrs.evolve(
            calendar_of(step("n", when, before=["m"]), step("m", "๑๐ ส.ค. ๖๗"), fiscal_year=2567),
            as_of="๑ ส.ค. ๖๗",  # the first day; else m's stated start would be n's too
        )
        result = schedule(calendar)
        anchored = parse_period(when).anchored(dt.date(2024, 8, 10))
        assert result["n"].latest_finish == latest_finish == anchored.end
        if earliest_start is not None:
            assert result["n"].earliest_start == earliest_start == anchored.start

    def test_relative_after_at_least(self):
        calendar = calendar_of(
            step("a", "๑ พ.ค. ๖๑"), step("b", "ไม่น้อยกว่า ๓๐ วันนับแต่วันที่ประกาศ", after=["a"])
        )
        anchored = parse_period("ไม่น้อยกว่า ๓๐ วันนับแต่วันที่ประกาศ").anchored(dt.date(2018, 5, 1))
        assert schedule(calendar)["b"].earliest_start == anchored.start

    def test_optional_steps_are_never_critical(self):
        calendar = calendar_of(step("a", "๔ เม.ย. ๖๑", optional=True), step("b", "พ.ค. ๖๑"))
        assert schedule(calendar).critical_path == ("b",)
        assert schedule(calendar_of(step("a", "๔ เม.ย. ๖๑", optional=True))).critical_path == ()

    def test_recurring_step_spans_its_occurrences(self):
        calendar = calendar_of(step("r", "ภายในวันที่ ๑๕ ของทุกเดือน"), step("a", "ม.ค. - มี.ค. ๖๑"))
        result = schedule(calendar)
        assert result["r"].latest_finish == dt.date(2018, 3, 15)

    def test_working_day_duration_counts_working_days(self):
        calendar = calendar_of(step("a", "๑๑ เม.ย. ๖๑", duration_text="๓ วันทำการ"))
        bounds = schedule(calendar)["a"]
        # 11 April, then 12 and 17 April: Songkran and its substitute day are not working days
        assert bounds.earliest_finish == dt.date(2018, 4, 17)

    def test_the_seed_calendar_is_scheduled_as_before(self):
        calendar = thaiplan.load_calendar("samut-sakhon-2563")
        assert schedule(calendar).critical_path == ("s3",)


def not_looser(before: thaiplan.Schedule, after: thaiplan.Schedule) -> None:
    for sid, old in before.items():
        new = after[sid]
        assert new.latest_finish <= old.latest_finish
        if old.earliest_start is None:  # open: any start is as tight
            continue
        assert new.earliest_start is not None
        assert new.earliest_start >= old.earliest_start
        assert new.total_slack is not None
        assert old.total_slack is not None
        assert new.total_slack <= old.total_slack


class TestMonotonicity:
    """A tighter most gap or an extra one never loosens a bound (issue 9 §2)."""

    @PROPERTIES
    @given(acyclic_calendars(min_steps=2, working_days=False), st.data())
    def test_adding_a_within_never_loosens(self, calendar, data):
        candidates = [(k, d) for k, s in enumerate(calendar.steps) for d in range(len(s.after))]
        assume(candidates)
        k, d = data.draw(st.sampled_from(candidates))
        within = data.draw(st.integers(0, 120))
        target = calendar.steps[k]
        after = list(target.after)
        after[d] = attrs.evolve(after[d], within=within)
        steps = list(calendar.steps)
        steps[k] = attrs.evolve(target, after=after)
        before, tighter = schedule(calendar), schedule(attrs.evolve(calendar, steps=steps))
        assume(not tighter._unsettled)  # a most gap shorter than its chain: no bounds to compare
        not_looser(before, tighter)

    @PROPERTIES
    @given(acyclic_calendars(min_steps=2, working_days=False), st.data())
    def test_a_tighter_within_never_loosens(self, calendar, data):
        candidates = [(k, d) for k, s in enumerate(calendar.steps) for d in range(len(s.after))]
        assume(candidates)
        k, d = data.draw(st.sampled_from(candidates))
        wide = data.draw(st.integers(0, 120))
        narrow = data.draw(st.integers(0, wide))

        def with_within(m: int) -> PlanningCalendar:
            target = calendar.steps[k]
            after = list(target.after)
            after[d] = attrs.evolve(after[d], within=m)
            steps = list(calendar.steps)
            steps[k] = attrs.evolve(target, after=after)
            return attrs.evolve(calendar, steps=steps)

        loose, tight = schedule(with_within(wide)), schedule(with_within(narrow))
        assume(not tight._unsettled)
        not_looser(loose, tight)

    @PROPERTIES
    @given(acyclic_calendars(min_steps=2, working_days=False), st.data())
    def test_adding_a_before_never_loosens(self, calendar, data):
        ids = [s.id for s in calendar.steps]
        i, j = sorted(
            data.draw(
                st.lists(st.sampled_from(range(len(ids))), min_size=2, max_size=2, unique=True)
            )
        )
        steps = list(calendar.steps)
        steps[i] = attrs.evolve(steps[i], before=[Dependency(ids[j], data.draw(st.integers(0, 5)))])
        not_looser(schedule(calendar), schedule(attrs.evolve(calendar, steps=steps)))


class TestOccurrences:
    @PROPERTIES
    @given(
        st.sampled_from(
            [
                "ภายในวันที่ ๑๕ ของทุกเดือน",
                "ทุกไตรมาส",
                "อย่างน้อยปีละหนึ่งครั้งภายในเดือนธันวาคมของทุกปี",
            ]
        ),
        st.dates(min_value=dt.date(2017, 1, 1), max_value=dt.date(2020, 12, 31)),
        st.integers(0, 800),
    )
    def test_recurring_steps_give_the_occurrences_rrule_gives(self, when, first, days):
        from thaiplan.scheduling._constraints import occurrences

        last = first + dt.timedelta(days=days)
        calendar = calendar_of(
            step("r", when),
            step("a", f"{first.day}/{first.month}/{first.year + 543}"),
            step("b", f"{last.day}/{last.month}/{last.year + 543}"),
        )
        period = calendar.step("r").period
        assert period.recurrence is not None
        rule = rrulestr(
            period.recurrence.rule, dtstart=dt.datetime(first.year, first.month, first.day)
        )
        expected = [
            moment.date()
            for moment in rule.between(
                dt.datetime(first.year, first.month, first.day),
                dt.datetime(last.year, last.month, last.day),
                inc=True,
            )
        ]
        found = occurrences(calendar.step("r"), calendar.span())
        assert [(p.start or p.end) if p.kind != "deadline" else p.end for p in found] == expected
        result = schedule(calendar)
        if found:
            assert result["r"].latest_finish == found[-1].end


KINDS = """format: thaiplan-calendar/1
title: ปฏิทินทดสอบ
province: สมุทรสาคร
fiscal_year: 2567
gantt_year: 2567
steps:
  - {id: a, no: 1, phase: p, title: ก, when: 26 ธ.ค. 66}
  - {id: b, no: 2, phase: p, title: ข, when: ภายใน 105 วันนับแต่วันที่ได้รับ, after: [a]}
  - {id: m, no: 3, phase: p, title: ค, when: 10 ส.ค. 67}
  - {id: n, no: 4, phase: p, title: ง, when: ไม่น้อยกว่า 3 วันก่อนวันประชุม, before: [m]}
  - {id: x, no: 5, phase: p, title: จ, when: ภายในวันที่ ๑๕ ของทุกเดือน}
  - {id: z, no: 6, phase: p, title: ฉ, when: ภายใน ๑๕ วันนับแต่วันที่ได้รับ}
  - {id: u, no: 7, phase: p, title: ช, duration: ๑๐ วันทำการ, after: [{step: a, within: 30}], optional: true}
  - {id: v, no: 8, phase: p, title: ซ, gantt: [ม.ค.]}
"""


@pytest.fixture
def kinds() -> PlanningCalendar:
    return thaiplan.loads_calendar(KINDS)


class TestEveryLayer:
    """Validation, the exports and shift handle every kind of `when` (issue 9 §2)."""

    def test_validate_runs_every_rule(self, kinds):
        report = thaiplan.validate(kinds, strict=True)
        codes = [finding.code for finding in report.findings]
        assert "rule-failed" not in codes
        (unanchored,) = [f for f in report.findings if f.code == "relative-unanchored"]
        assert unanchored.steps == ("z",)
        assert "z" in unanchored.message_en
        assert "z" in unanchored.message_th

    def test_unsatisfiable_within_is_a_finding(self, kinds):
        calendar = kinds.with_step(step("w", duration=5, after=[Dependency("m", lag=3, within=2)]))
        result = schedule(calendar)
        assert not result.feasible
        (finding,) = [
            f for f in thaiplan.validate(calendar).findings if f.code == "constraints-unsatisfiable"
        ]
        assert "w" in finding.steps
        assert "w within 2 days of m" in finding.message_en

    def test_ical_writes_an_rrule_and_the_scheduled_days(self, kinds):
        pytest.importorskip("icalendar")
        text = thaiplan.calendar_ics(kinds, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        assert "RRULE:FREQ=MONTHLY;UNTIL=20240810;BYMONTHDAY=15" in text
        assert "DTEND;VALUE=DATE:20240409" in text  # b: the 105th day, 8 April, included
        assert text.count("BEGIN:VEVENT") == 6  # z and v: nothing bounds them from above

    def test_csv_leaves_the_stated_days_of_undated_steps_empty(self, kinds):
        import csv

        from thaiplan.io._csv import calendar_csv

        rows = {
            row["id"]: row
            for row in csv.DictReader(calendar_csv(kinds, schedule(kinds), bom=False).splitlines())
        }
        assert (rows["b"]["start"], rows["b"]["end"]) == ("", "")
        assert (rows["b"]["earliest_start"], rows["b"]["latest_finish"]) == (
            "2023-12-27",
            "2024-04-08",
        )
        assert rows["a"]["end"] == "2023-12-26"

    def test_gantt_draws_occurrences(self, kinds):
        page = thaiplan.gantt_html(kinds)
        # the calendar's span is 26 Dec 2566 - 10 Aug 2567: 15 Jan to 15 Jul 2024
        assert page.count('class="deadline" data-step="x"') == 7
        assert schedule(kinds)["x"].latest_finish == dt.date(2024, 7, 15)

    def test_office_exports(self, kinds):
        pytest.importorskip("openpyxl")
        pytest.importorskip("docx")
        assert thaiplan.calendar_mspdi(kinds).count("<Task>") >= 8
        thaiplan.calendar_docx(kinds)
        book = thaiplan.calendar_xlsx(attrs.evolve(kinds, phases=[thaiplan.Phase("p", "P")]))
        back = thaiplan.read_calendar_xlsx(io.BytesIO(book))
        assert [s.when for s in back] == [s.when for s in kinds]  # a numbered row with no date

    def test_shift_keeps_the_undated_whens(self, kinds):
        moved = thaiplan.shift(kinds, fiscal_year=2568).calendar
        assert moved.step("a").when == "26 ธ.ค. 67"
        assert [moved.step(s).when for s in "bnxzuv"] == [kinds.step(s).when for s in "bnxzuv"]


class TestFilesOfToday:
    """Every calendar file valid today loads to the same records (issue 9 §2)."""

    @pytest.mark.parametrize(
        ("name", "text"),
        # the municipal checklist writes the new keys on purpose: its items 2 and 3
        [
            f
            for f in shipped_files()
            if f[0].endswith(".yaml") and not f[0].endswith("municipal_ordinance_checklist.yaml")
        ],
        ids=lambda v: v if v.endswith(".yaml") else "",
    )
    def test_shipped_files_keep_their_records(self, name, text):
        loaded = (
            thaiplan.loads_document(text).calendar
            if "thaiplan-document/1" in text
            else thaiplan.loads_calendar(text)
        )
        if loaded is None:
            return
        for s in loaded.steps:
            # nothing new is read into a file that does not write the new keys
            assert (s.before, s.optional, s.duration_text) == ((), False, "")
            assert all(d.within is None for d in s.after)
            assert s.when
        written = thaiplan.dumps_calendar(loaded)
        for key in ("before:", "optional:", "within:", "duration_text"):
            assert key not in written


class TestUnknownBefore:
    def test_a_file_names_the_unknown_step(self):
        with pytest.raises(CalendarFileError) as error:
            load(
                "{id: a, no: 1, phase: p, title: ก, before: [{step: bb}]}",
                "{id: b, no: 2, phase: p, title: ข, before: [b]}",
            )
        messages = {problem.path: problem.message for problem in error.value.problems}
        assert "did you mean 'b'" in messages["steps[0].before[0].step"]
        assert "cannot come before itself" in messages["steps[1].before[0]"]

    def test_validation_names_the_unknown_step(self):
        report = thaiplan.validate(calendar_of(step("a", "พ.ค. ๖๑", before=["zz"])))
        (finding,) = report.by_code("unknown-step")
        assert "comes before 'zz'" in finding.message_en


def test_mspdi_writes_before_as_the_other_tasks_predecessor(tmp_path):
    calendar = calendar_of(step("n", before=[Dependency("m", lag=2)]), step("m", "๑๐ ส.ค. ๖๗"))
    path = tmp_path / "plan.xml"
    path.write_text(thaiplan.calendar_mspdi(calendar), encoding="utf-8")
    assert "<PredecessorUID>1</PredecessorUID>" in path.read_text(encoding="utf-8")  # on m's task
    back = thaiplan.read_calendar_mspdi(path)
    # the project's keys say the link is n's `before`: it comes back as it was written
    assert back.step("n").before == (Dependency("m", lag=2),)
    assert back.step("m").after == ()
    # a file without the keys (a project office's) reads the link as m's `after`
    foreign = re.sub(r"<Notes>\{.*?</Notes>", "", path.read_text(encoding="utf-8"), flags=re.S)
    other = thaiplan.read_calendar_mspdi(foreign.encode(), fiscal_year=2568)
    assert [(d.step, d.lag) for d in other.step("m").after] == [("n", 2)]
