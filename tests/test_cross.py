"""A calendar inside others: the built-in budget calendars, schedule([a, b]), validate(with_calendars=).

The cross-calendar rules need other calendars, so they are triggered here
rather than in the table of tests/test_validate.py (``CROSS_CODES``).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import acyclic_calendars
from thaiplan import (
    CalendarReferenceError,
    Dependency,
    ModelError,
    Phase,
    PlanningCalendar,
    Severity,
    Step,
    ThaiplanTypeError,
)
from thaiplan.cli import main
from thaiplan.io._sources import builtin_names
from thaiplan.scheduling._combined import combine, cross_references, split_reference

#: The codes of the rules on calendars checked inside others (rules/cross.py).
CROSS_CODES = {
    "cross-calendar-missing",
    "cross-calendar-unknown-step",
    "cross-calendar-order",
    "cross-plans-before-requests",
    "cross-fiscal-year",
}

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "samut_sakhon_in_budget_2563.yaml"
needs_example = pytest.mark.skipif(
    not EXAMPLE.exists(), reason="needs examples/ of a full checkout"
)
BUDGETS = ("budget-2562", "budget-2563", "budget-2567", "budget-2567-supplementary")


def day(year: int, month: int, date: int) -> dt.date:
    return dt.date(year, month, date)


def step(step_id: str, when: str = "ต.ค. ๖๑", title: str = "ขั้นตอน", **fields: object) -> Step:
    values: dict[str, object] = {"no": None, "phase": "p", "responsible": ("office",)}
    values.update(fields)
    return Step(step_id, title=title, when=when, **values)  # type: ignore[arg-type]


def calendar(*steps: Step, **fields: object) -> PlanningCalendar:
    values: dict[str, object] = {
        "province": "สมุทรสาคร",
        "fiscal_year": 2563,
        "phases": (Phase("p", "Phase"),),
        "agencies": (thaiplan.Agency("office", "สำนักงานจังหวัดสมุทรสาคร"),),
    }
    values.update(fields)
    return PlanningCalendar("ปฏิทินทดสอบ", steps=steps, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def budget() -> PlanningCalendar:
    return thaiplan.load_calendar("budget-2563")


class TestBudgetCalendars:
    """The built-in national budget calendars: sourced, verbatim, as much as the sources show."""

    def test_names(self) -> None:
        """They are built-in calendars (not documents), each with its name as its id."""
        assert set(BUDGETS) <= set(builtin_names("calendar"))
        assert ("samut-sakhon-2563",) == builtin_names("document")
        for name in BUDGETS:
            assert name == thaiplan.load_calendar(name).id

    @pytest.mark.parametrize("name", BUDGETS)
    def test_source_named(self, name: str) -> None:
        """Each names its source page, in the file's header and in `source`."""
        from importlib import resources

        text = (resources.files("thaiplan") / "data" / f"{name}.yaml").read_text("utf-8")
        source = thaiplan.load_calendar(name).source
        assert "bb.go.th" in source
        assert "bb.go.th" in text.split("format:")[0]

    #: (calendar, step, title starts with, when, start, end): the sources' words and what they mean.
    KNOWN = (
        ("budget-2562", "s1", "คณะรัฐมนตรี พิจารณาให้ความเห็นชอบ", "13 มิ.ย. 2560", day(2017, 6, 13), day(2017, 6, 13)),
        ("budget-2562", "s2", "สำนักงบประมาณ ส่วนราชการ รัฐวิสาหกิจ", "14 มิ.ย. 2560 - 30 ก.ย. 2560", day(2017, 6, 14), day(2017, 9, 30)),
        ("budget-2563", "s1", "คณะรัฐมนตรี พิจารณาให้ความเห็นชอบ", "25 ก.ย. 2561", day(2018, 9, 25), day(2018, 9, 25)),
        ("budget-2563", "s2", "การพิจารณาทบทวน ปรับปรุง", "03 ก.ย. 2561 - 14 ธ.ค. 2561", day(2018, 9, 3), day(2018, 12, 14)),
        ("budget-2563", "r1", "ที่ประชุมคณะรัฐมนตรี (ครม.) วันที่ 28 พ.ค. 2562", "วันที่ 28 พ.ค. 2562", day(2019, 5, 28), day(2019, 5, 28)),
        ("budget-2563", "r2", "ที่ประชุม ครม. ให้ทุกหน่วยงานทบทวน", "ก.ค. 2562", day(2019, 7, 1), day(2019, 7, 31)),
        ("budget-2563", "r3", "ซึ่งจะล่าช้าออกไปกว่าปกติ", "1 ม.ค. 2563", day(2020, 1, 1), day(2020, 1, 1)),
        ("budget-2567", "s1", "สำนักงบประมาณเสนอคณะรัฐมนตรี", "13 ก.ย. 2566", day(2023, 9, 13), day(2023, 9, 13)),
        ("budget-2567", "c1", "วันที่ 21 พฤศจิกายน 2566 สำนักงบประมาณ เสนอกรอบงบประมาณรายจ่ายประจำปี 2566", "วันที่ 21 พฤศจิกายน 2566", day(2023, 11, 21), day(2023, 11, 21)),
        ("budget-2567", "c2", "วันที่ 22-24 พฤศจิกายน 2566", "วันที่ 22-24 พฤศจิกายน 2566", day(2023, 11, 22), day(2023, 11, 24)),
        ("budget-2567", "c3", "และเสนอ ครม.เห็นชอบ", "วันที่ 28 พ.ย. 2566", day(2023, 11, 28), day(2023, 11, 28)),
        ("budget-2567", "c4", "วันที่ 29 พฤศจิกายน-5 ธันวาคม 2566 การรับฟังความคิดเห็น", "วันที่ 29 พฤศจิกายน-5 ธันวาคม 2566", day(2023, 11, 29), day(2023, 12, 5)),
        ("budget-2567", "c5", "17 เมษายน 2567 ทูลเกล้าฯ", "17 เมษายน 2567", day(2024, 4, 17), day(2024, 4, 17)),
        ("budget-2567", "h1", "กรณี ครม. ส่งสภาผู้แทนฯ", "วันอังคารที่ 26 ธันวาคม 2566 - วันจันทร์ที่ 8 เมษายน 2567", day(2023, 12, 26), day(2024, 4, 8)),
        ("budget-2567", "h2", "กรณี สภาผู้แทนฯ ส่งวุฒิสภา", "วันศุกร์ที่ 5 เมษายน 2567 - วันพุธที่ 24 เมษายน 2567", day(2024, 4, 5), day(2024, 4, 24)),
        ("budget-2567-supplementary", "h1", "สภาผู้แทนราษฎรมีเวลาพิจารณา", "วันอังคารที่ 9 กรกฎาคม 2567 - วันจันทร์ที่ 21 ตุลาคม 2567", day(2024, 7, 9), day(2024, 10, 21)),
        ("budget-2567-supplementary", "h2", "วุฒิสภามีเวลาพิจารณา", "วันพฤหัสบดีที่ 1 สิงหาคม 2567 - วันอังคารที่ 20 สิงหาคม 2567", day(2024, 8, 1), day(2024, 8, 20)),
    )  # fmt: skip

    @pytest.mark.parametrize(("name", "step_id", "title", "when", "start", "end"), KNOWN)
    def test_known_steps(
        self, name: str, step_id: str, title: str, when: str, start: dt.date, end: dt.date
    ) -> None:
        """Each step as the source writes it, read as the dates it means."""
        found = thaiplan.load_calendar(name).step(step_id)
        assert found.title.startswith(title)
        assert (when, start, end) == (found.when, found.period.start, found.period.end)

    @pytest.mark.parametrize(
        ("name", "step_id", "days"),
        [
            ("budget-2567", "h1", 105),
            ("budget-2567", "h2", 20),
            ("budget-2567-supplementary", "h1", 105),
            ("budget-2567-supplementary", "h2", 20),
        ],
    )
    def test_constitutional_days(self, name: str, step_id: str, days: int) -> None:
        """The remarks' dates give the houses their 105 and 20 days, counted from the day of arrival."""
        assert days == len(thaiplan.load_calendar(name).step(step_id).period)

    @pytest.mark.parametrize("name", BUDGETS)
    def test_round_trip(self, name: str) -> None:
        """Each is written back and read again to the same records, id included."""
        loaded = thaiplan.load_calendar(name)
        assert loaded == thaiplan.loads_calendar(thaiplan.dumps_calendar(loaded))

    @pytest.mark.parametrize("name", BUDGETS)
    def test_schedules(self, name: str) -> None:
        """Each can be kept as written: the sources' own dates leave no step short."""
        assert thaiplan.schedule(thaiplan.load_calendar(name)).feasible


class TestReferences:
    """`calendar:step` in `after` and `feeds`: read, written, refused where they name nothing."""

    @pytest.mark.parametrize(
        ("reference", "parts"),
        [
            ("budget-2563:s1", ("budget-2563", "s1")),
            ("s1", None),
            (":s1", None),
            ("budget-2563:", None),
            ("C:/plans/budget.yaml:s3", ("C:/plans/budget.yaml", "s3")),
        ],
    )
    def test_split(self, reference: str, parts: tuple[str, str] | None) -> None:
        assert parts == split_reference(reference)

    def test_own_step_with_a_colon(self) -> None:
        """An id of the calendar's own step is its own, colon or not."""
        own = calendar(step("a:1"), step("b", after=["a:1"]))
        assert [] == list(cross_references(own))
        assert thaiplan.schedule(own)["b"].earliest_start == day(2018, 10, 2)

    @needs_example
    def test_file(self, tmp_path: Path) -> None:
        """A file naming another calendar's steps loads, validates against the schema, and round-trips."""
        loaded = thaiplan.load_calendar(EXAMPLE)
        s15 = loaded.step("s15")
        assert "budget-2563:s1" in [d.step for d in s15.after]
        assert ("budget-2563:r2",) == s15.feeds
        assert loaded == thaiplan.loads_calendar(thaiplan.dumps_calendar(loaded))
        jsonschema = pytest.importorskip("jsonschema")
        data = json.loads(thaiplan.dumps_calendar(loaded, format="json"))
        jsonschema.validate(data, thaiplan.calendar_schema())

    @needs_example
    def test_unknown_local_step_still_refused(self) -> None:
        """A bare id that names no step is still an unknown step when the file is read."""
        text = EXAMPLE.read_text(encoding="utf-8").replace("step: s14", "step: s41")
        with pytest.raises(thaiplan.CalendarFileError, match="unknown step 's41'"):
            thaiplan.loads_calendar(text)


class TestScheduleTogether:
    """schedule([a, b]): one schedule of both, a's ids kept, b's qualified."""

    def test_seed_inside_budget(self, budget: PlanningCalendar) -> None:
        """With no link between them, the seed keeps every bound it has alone."""
        seed = thaiplan.load_document("samut-sakhon-2563")
        alone, together = thaiplan.schedule(seed), thaiplan.schedule([seed, budget])
        for s in seed.calendar.steps:
            assert alone[s.id] == together[s.id]
            assert alone.explain(s.id) == together.explain(s.id)
        assert thaiplan.schedule(budget)["r2"] == attrs.evolve(
            together["budget-2563:r2"], step="r2"
        )

    def test_a_link_binds(self, budget: PlanningCalendar) -> None:
        """A step after budget-2563:r1 (28 May 2562) cannot start before 29 May 2562, and says why."""
        late = calendar(step("a", when="ภายใน ธ.ค. ๖๒", after=["budget-2563:r1"]))
        result = thaiplan.schedule([late, budget])
        assert day(2019, 5, 29) == result["a"].earliest_start
        assert "budget-2563:r1" in result.explain("a").message_en

    def test_missing_calendar(self) -> None:
        """Alone, a link to another calendar is an error naming the step, the reference and the fix."""
        linked = calendar(step("a", after=["budget-2563:s1"]))
        with pytest.raises(CalendarReferenceError) as caught:
            thaiplan.schedule(linked)
        error = caught.value
        assert ("a", "budget-2563:s1", "budget-2563") == (
            error.step,
            error.reference,
            error.calendar,
        )
        assert "--with budget-2563" in str(error)
        assert isinstance(error, ValueError)

    def test_missing_step(self, budget: PlanningCalendar) -> None:
        """A step the other calendar does not have: its steps listed, the nearest offered."""
        linked = calendar(step("a", after=["budget-2563:r22"]))
        with pytest.raises(CalendarReferenceError, match="did you mean 'budget-2563:r2'"):
            thaiplan.schedule([linked, budget])

    def test_calendar_without_id(self, budget: PlanningCalendar) -> None:
        """A calendar after the first must have a name to be named by."""
        with pytest.raises(ModelError, match="has no id"):
            thaiplan.schedule([calendar(step("a")), attrs.evolve(budget, id="")])

    def test_not_calendars(self) -> None:
        with pytest.raises(ThaiplanTypeError):
            thaiplan.schedule([calendar(step("a")), "budget-2563"])  # type: ignore[list-item]
        with pytest.raises(ThaiplanTypeError):
            thaiplan.schedule([])

    def test_names_by_mapping(self, budget: PlanningCalendar) -> None:
        """A calendar given under a name (a path) is named by it, and by its id."""
        by_path = calendar(step("a", when="ภายใน ธ.ค. ๖๒", after=["budget.yaml:r1"]))
        combined = combine(by_path, {"budget.yaml": budget})
        assert "budget.yaml:r1" == combined.step("a").after[0].step
        by_id = calendar(step("a", when="ภายใน ธ.ค. ๖๒", after=["budget-2563:r1"]))
        assert "budget.yaml:r1" == combine(by_id, {"budget.yaml": budget}).step("a").after[0].step

    def test_two_names_for_two_calendars(self, budget: PlanningCalendar) -> None:
        other = thaiplan.load_calendar("budget-2567")
        with pytest.raises(ModelError, match="two calendars are named"):
            combine(calendar(step("a")), {"x": budget, "budget-2563": other})


def _bounds(result: thaiplan.Schedule, step_id: str) -> tuple[dt.date, dt.date, int]:
    bounds = result[step_id]
    return bounds.earliest_start, bounds.latest_finish, bounds.total_slack


class TestProperties:
    """Combining calendars: each keeps its bounds alone, and a link never loosens one."""

    @settings(max_examples=40, deadline=None)
    @given(acyclic_calendars(max_steps=6), acyclic_calendars(max_steps=6), st.integers(2560, 2563))
    def test_no_links_keep_own_bounds(
        self, first: PlanningCalendar, second: PlanningCalendar, year: int
    ) -> None:
        """With no edge between them, every step has the bounds it has alone.

        The second calendar prepares another fiscal year, so that the two have
        different first days.
        """
        # each its own first day (as_of), and different ones (test_each_step_its_own_first_day
        # leaves the as_of to the strategy, so that some steps are open)
        first = attrs.evolve(first, as_of="๑ ม.ค. ๒๕๔๕")
        second = attrs.evolve(second, id="other", fiscal_year=year, as_of="๑ ม.ค. ๒๕๕๐")
        together = thaiplan.schedule([first, second])
        alone_first, alone_second = thaiplan.schedule(first), thaiplan.schedule(second)
        for s in first.steps:
            assert alone_first[s.id] == together[s.id]
        for s in second.steps:
            assert alone_second[s.id] == attrs.evolve(together[f"other:{s.id}"], step=s.id)

    @settings(max_examples=40, deadline=None)
    @given(acyclic_calendars(max_steps=6), acyclic_calendars(max_steps=6), st.integers(2560, 2563))
    def test_each_step_its_own_first_day(
        self, first: PlanningCalendar, second: PlanningCalendar, year: int
    ) -> None:
        """With or without an as_of, each step keeps its bounds and their reason from alone.

        Each calendar has its own first day (its as_of, else its earliest
        stated start), so a step due before it is open alone, and together.
        """
        second = attrs.evolve(second, id="other", fiscal_year=year)
        together = thaiplan.schedule([first, second])
        for alone, prefix in (
            (thaiplan.schedule(first), ""),
            (thaiplan.schedule(second), "other:"),
        ):
            for s in alone.calendar.steps:
                both = together[prefix + s.id]
                assert alone[s.id] == attrs.evolve(both, step=s.id)
                mine = alone.explain(s.id).earliest_start[0]
                theirs = together.explain(prefix + s.id).earliest_start[0]
                assert (theirs.cause, theirs.date) == (mine.cause, mine.date)
                assert theirs.other == (None if mine.other is None else prefix + mine.other)

    def test_due_before_its_own_first_day_stays_open(self) -> None:
        """A step due before its calendar's first day is open together, as alone.

        The other calendar's first day is earlier (and before the step's
        end): a single first day for the combination would floor it.
        """
        province = calendar(step("a", "ภายใน เม.ย. ๖๒"), step("b", "พ.ค. ๖๒"))
        other = calendar(step("x", "ต.ค. ๖๑"), id="other")
        alone = thaiplan.schedule(province)
        together = thaiplan.schedule([province, other])
        assert alone["a"].open
        assert together["a"].open
        assert together["a"] == alone["a"]
        reason = together.explain("a").earliest_start[0]
        assert (reason.cause, reason.other) == ("open", "b")
        assert together["other:x"] == attrs.evolve(thaiplan.schedule(other)["x"], step="other:x")

    @settings(max_examples=40, deadline=None)
    @given(
        acyclic_calendars(max_steps=6),
        acyclic_calendars(max_steps=6),
        st.integers(2560, 2563),
        st.data(),
    )
    def test_a_link_never_loosens(
        self, first: PlanningCalendar, second: PlanningCalendar, year: int, data: st.DataObject
    ) -> None:
        """Adding an edge from a step of one calendar to a step of the other moves no bound outward."""
        # each its own first day (as_of), and different ones (test_each_step_its_own_first_day
        # leaves the as_of to the strategy, so that some steps are open)
        first = attrs.evolve(first, as_of="๑ ม.ค. ๒๕๔๕")
        second = attrs.evolve(second, id="other", fiscal_year=year, as_of="๑ ม.ค. ๒๕๕๐")
        before = thaiplan.schedule([first, second])
        target = data.draw(st.sampled_from(first.steps))
        source = data.draw(st.sampled_from(second.steps))
        lag = data.draw(st.integers(0, 5))
        linked = first.with_step(
            attrs.evolve(target, after=[*target.after, Dependency(f"other:{source.id}", lag)])
        )
        after = thaiplan.schedule([linked, second])
        for step_id in before:
            es, lf, _ = _bounds(before, step_id)
            es2, lf2, _ = _bounds(after, step_id)
            assert es2 >= es
            assert lf2 <= lf


class TestRules:
    """Each cross-calendar rule, triggered and then fixed."""

    def codes(self, report: thaiplan.Report) -> dict[str, list[thaiplan.Finding]]:
        found: dict[str, list[thaiplan.Finding]] = {}
        for finding in report.findings:
            if finding.code in CROSS_CODES:
                found.setdefault(finding.code, []).append(finding)
        return found

    def test_missing(self, budget: PlanningCalendar) -> None:
        linked = calendar(step("a", after=["budget-2563:s1"], feeds=["budget-2563:r2"]))
        found = self.codes(thaiplan.validate(linked))
        assert [Severity.WARNING] * 2 == [f.severity for f in found["cross-calendar-missing"]]
        assert all("--with budget-2563" in f.message_en for f in found["cross-calendar-missing"])
        report = thaiplan.validate(linked)
        assert () == report.by_code("unknown-step")  # not reported twice
        assert "cross-calendar-missing" not in self.codes(
            thaiplan.validate(linked, with_calendars=[budget])
        )

    def test_unknown_step(self, budget: PlanningCalendar) -> None:
        linked = calendar(step("a", after=["budget-2563:s9"]))
        found = self.codes(thaiplan.validate(linked, with_calendars=[budget]))
        (finding,) = found["cross-calendar-unknown-step"]
        assert (Severity.ERROR, ("a",), ("budget-2563:s9",)) == (
            finding.severity,
            finding.steps,
            finding.objects,
        )
        fixed = calendar(step("a", after=["budget-2563:s1"]))
        assert "cross-calendar-unknown-step" not in self.codes(
            thaiplan.validate(fixed, with_calendars=[budget])
        )

    def test_order_impossible(self, budget: PlanningCalendar) -> None:
        """A step of ต.ค. ๖๑ cannot follow the Cabinet of 28 May 2562."""
        linked = calendar(step("a", after=["budget-2563:r1"]))
        (finding,) = self.codes(thaiplan.validate(linked, with_calendars=[budget]))[
            "cross-calendar-order"
        ]
        assert Severity.ERROR == finding.severity
        assert "2019-05-28" in finding.message_en
        assert "budget-2563:r1" in finding.message_th

    def test_order_stated_too_early(self, budget: PlanningCalendar) -> None:
        """A step stated for ก.ย. ๖๑ that follows the Cabinet of 25 ก.ย. 2561 may start only after it."""
        linked = calendar(step("a", when="ก.ย. ๖๑", after=["budget-2563:s1"]))
        (finding,) = self.codes(thaiplan.validate(linked, with_calendars=[budget]))[
            "cross-calendar-order"
        ]
        assert Severity.WARNING == finding.severity
        fixed = calendar(step("a", when="ต.ค. ๖๑", after=["budget-2563:s1"]))
        assert {} == self.codes(thaiplan.validate(fixed, with_calendars=[budget]))

    def test_order_in_a_circle(self, budget: PlanningCalendar) -> None:
        """Two calendars that name each other's steps in a circle: the circle, through both."""
        mine = calendar(step("a", after=["other:x"]), id="mine")
        other = calendar(step("x", after=["mine:a"]), id="other")
        with pytest.raises(thaiplan.DependencyCycleError):
            thaiplan.schedule([mine, other])
        found = self.codes(thaiplan.validate(mine, with_calendars=[other]))
        (finding,) = [f for f in found["cross-calendar-order"] if "circle" in f.message_en]
        assert (Severity.ERROR, ("a",), ("other:x",)) == (
            finding.severity,
            finding.steps,
            finding.objects,
        )
        assert "a -> other:x -> a" in finding.message_en or "other:x -> a -> other:x" in (
            finding.message_en
        )

    def test_order_counts_working_days(self, budget: PlanningCalendar) -> None:
        """A lag of working days is counted in working days, as the schedule counts it.

        After the Cabinet of Tuesday 25 ก.ย. 2561, 4 calendar days end on
        Saturday 29 ก.ย.; 4 working days end on Monday 1 ต.ค. 2561. A step of
        one day stated for 1 ต.ค. therefore fits the first, not the second.
        """
        days = calendar(step("a", when="๑ ต.ค. ๖๑", after=[Dependency("budget-2563:s1", 4)]))
        assert {} == self.codes(thaiplan.validate(days, with_calendars=[budget]))
        working = calendar(
            step("a", when="๑ ต.ค. ๖๑", after=[Dependency("budget-2563:s1", 4, "working_days")])
        )
        (finding,) = self.codes(thaiplan.validate(working, with_calendars=[budget]))[
            "cross-calendar-order"
        ]
        assert Severity.ERROR == finding.severity
        assert not thaiplan.schedule([working, budget]).feasible

    def test_order_squeezed_through_a_chain(self, budget: PlanningCalendar) -> None:
        """Steps a and b fit alone, but not once a must wait for the Cabinet of 28 May 2562.

        a's own window leaves room after 28 May (20 days to 17 June, by 30
        June), so only the chain through b (15 days in June after a) shows it.
        """
        linked = calendar(
            step("a", when="ภายใน มิ.ย. ๖๒", after=["budget-2563:r1"], duration=20),
            step("b", when="มิ.ย. ๖๒", after=["a"], duration=15),
            as_of="๑ พ.ค. ๒๕๖๒",  # its own first day: else b's stated start, 1 June, is a's too
        )
        found = self.codes(thaiplan.validate(linked, with_calendars=[budget]))
        assert [("a",), ("b",)] == [f.steps for f in found["cross-calendar-order"]]
        assert all("budget-2563:r1" in f.message_en for f in found["cross-calendar-order"])
        assert thaiplan.validate(linked).by_code("negative-slack") == ()
        relaxed = attrs.evolve(
            linked, steps=[linked.steps[0], attrs.evolve(linked.steps[1], duration=10)]
        )
        assert {} == self.codes(thaiplan.validate(relaxed, with_calendars=[budget]))

    def test_plans_too_late(self, budget: PlanningCalendar) -> None:
        """Plans sent in ส.ค. ๖๒ reach the central agencies after the requests of ก.ค. 2562 are due."""
        late = calendar(step("a", when="ส.ค. ๖๒", feeds=["budget-2563:r2"]))
        (finding,) = self.codes(thaiplan.validate(late, with_calendars=[budget]))[
            "cross-plans-before-requests"
        ]
        assert (Severity.ERROR, ("a",), ("budget-2563:r2",)) == (
            finding.severity,
            finding.steps,
            finding.objects,
        )
        risky = calendar(step("a", when="ก.ค. ๖๒", feeds=["budget-2563:r2"]))
        (finding,) = self.codes(thaiplan.validate(risky, with_calendars=[budget]))[
            "cross-plans-before-requests"
        ]
        assert Severity.WARNING == finding.severity
        in_time = calendar(step("a", when="ต.ค. ๖๑", feeds=["budget-2563:r2"]))
        (finding,) = self.codes(thaiplan.validate(in_time, with_calendars=[budget]))[
            "cross-plans-before-requests"
        ]
        assert Severity.INFO == finding.severity
        assert "273 days before" in finding.message_en

    def test_plans_read_from_titles(self, budget: PlanningCalendar) -> None:
        """Without `feeds`, the step that sends plans to the central agencies feeds the requests."""
        sender = "จัดส่งแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓ ให้หน่วยงานส่วนกลาง"
        late = calendar(step("a", when="ส.ค. ๖๒", title=sender))
        (finding,) = self.codes(thaiplan.validate(late, with_calendars=[budget]))[
            "cross-plans-before-requests"
        ]
        assert Severity.ERROR == finding.severity
        assert "read from the titles" in finding.message_en
        assert {} == self.codes(thaiplan.validate(late))

    def test_fiscal_year(self) -> None:
        other = thaiplan.load_calendar("budget-2567")
        (finding,) = self.codes(thaiplan.validate(calendar(step("a")), with_calendars=[other]))[
            "cross-fiscal-year"
        ]
        assert Severity.WARNING == finding.severity
        assert ("budget-2567",) == finding.objects

    def test_seed_inside_budget(self, budget: PlanningCalendar) -> None:
        """The seed with budget-2563: every finding it has alone, and one note: its plans are in time."""
        seed = thaiplan.load_document("samut-sakhon-2563")
        alone = thaiplan.validate(seed)
        together = thaiplan.validate(seed, with_calendars=[budget])
        added = [f for f in together.findings if f not in alone.findings]
        assert set(alone.findings) <= set(together.findings)
        assert [("cross-plans-before-requests", Severity.INFO, ("s15",))] == [
            (f.code, f.severity, f.steps) for f in added
        ]

    def test_messages_name_their_steps(self, budget: PlanningCalendar) -> None:
        linked = calendar(
            step("a", after=["budget-2563:r1"]),
            step("b", when="ส.ค. ๖๒", feeds=["budget-2563:r2"]),
            step("c", after=["budget-2563:zz", "other:s1"]),
        )
        report = thaiplan.validate(linked, with_calendars=[budget])
        found = [f for f in report.findings if f.code in CROSS_CODES]
        assert {"cross-calendar-order", "cross-plans-before-requests"} <= {f.code for f in found}
        for finding in found:
            assert finding.message_en
            assert finding.message_th
            for step_id in finding.steps:
                assert step_id in finding.message_en
                assert step_id in finding.message_th

    def test_wrong_with_calendars(self) -> None:
        with pytest.raises(ThaiplanTypeError, match="load it first"):
            thaiplan.validate(calendar(step("a")), with_calendars="budget-2563")  # type: ignore[arg-type]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        status = main(list(args), out=out)
    finally:
        sys.stderr = old
    return status, out.getvalue(), err.getvalue()


class TestCommandLine:
    """--with on validate, schedule and show."""

    def test_validate_seed_with_budget(self) -> None:
        """`thaiplan validate samut-sakhon-2563 --with budget-2563`: the note on the plans, no new error."""
        status, out, _ = run("validate", "samut-sakhon-2563", "--with", "budget-2563")
        assert 1 == status  # the seed's own errors (the distribution list), as alone
        assert "cross-plans-before-requests [s15]" in out
        assert "273 days before" in out

    @needs_example
    def test_example(self) -> None:
        status, out, _ = run("validate", str(EXAMPLE), "--with", "budget-2563")
        assert (0, "0 errors, 0 warnings, 1 note") == (status, out.splitlines()[0].split(": ")[1])
        status, out, _ = run("validate", str(EXAMPLE))
        assert 0 == status
        assert 2 == out.count("cross-calendar-missing")

    @needs_example
    def test_schedule_needs_with(self) -> None:
        status, _, err = run("schedule", str(EXAMPLE))
        assert 2 == status
        assert "--with budget-2563" in err
        status, out, _ = run("schedule", str(EXAMPLE), "--with", "budget-2563")
        assert 0 == status
        assert "budget-2563:r2  2019-07-01" in out

    @needs_example
    def test_with_a_path(self, tmp_path: Path) -> None:
        """--with a path: the calendar is named by the path as written."""
        path = tmp_path / "budget.yaml"
        path.write_text(
            thaiplan.dumps_calendar(attrs.evolve(thaiplan.load_calendar("budget-2563"), id="")),
            encoding="utf-8",
        )
        linked = tmp_path / "linked.yaml"
        linked.write_text(
            EXAMPLE.read_text(encoding="utf-8").replace("budget-2563:", f"{path}:"),
            encoding="utf-8",
        )
        status, out, _ = run("schedule", str(linked), "--with", str(path), "--format", "json")
        assert 0 == status
        assert f"{path}:r2" in json.loads(out)["steps"]

    @needs_example
    def test_show_with(self) -> None:
        status, out, _ = run("show", str(EXAMPLE), "--with", "budget-2563")
        assert 0 == status
        assert "feasible" in out

    def test_show_builtin_calendar(self) -> None:
        status, out, _ = run("show", "budget-2567")
        assert 0 == status
        assert "ฉบับปรับปรุง" in out


def test_no_responsible_is_a_note_on_a_national_calendar() -> None:
    """The budget calendar leaves its steps' bodies to the reader: a note there, a warning elsewhere."""
    budget = thaiplan.load_calendar("budget-2563")
    found = thaiplan.validate(budget).by_code("no-responsible")
    assert found
    assert {f.severity for f in found} == {Severity.INFO}
    provincial = calendar(step("a", when="พ.ค. ๖๑", responsible=()))
    (local,) = thaiplan.validate(provincial).by_code("no-responsible")
    assert local.severity is Severity.WARNING
