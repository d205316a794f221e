"""Tests of what validate shares between its rules and how it runs them, for speed at scale.

Speed itself is measured by ``benchmarks/bench_validate.py``, not here; these
tests check that the shortcuts change nothing a caller sees: the garbage
collector is as the caller had it afterwards, and the indices the rules share
are those each rule would compute on its own.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from thaiplan import (
    Context,
    Dependency,
    Issue,
    PlanningCalendar,
    Step,
    register_rule,
    unregister_rule,
)
from thaiplan.io._csv import calendar_csv
from thaiplan.scheduling._combined import cross_references


def small_calendar() -> PlanningCalendar:
    steps = [
        Step("a", 1, "p", "ก", "พ.ค. ๖๑"),
        Step("b", 2, "p", "ข", "มิ.ย. ๖๑", after=["a"]),
    ]
    return PlanningCalendar("t", "สมุทรสาคร", 2563, steps=steps)


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the collector on after the test, whatever the test did."""
    try:
        yield
    finally:
        gc.enable()


class TestCollector:
    @pytest.mark.usefixtures("collector")
    @pytest.mark.parametrize("enabled", [True, False])
    def test_state_restored(self, enabled: bool) -> None:
        (gc.enable if enabled else gc.disable)()
        thaiplan.validate(small_calendar())
        assert gc.isenabled() is enabled

    @pytest.mark.usefixtures("collector")
    def test_paused_while_the_rules_run(self) -> None:
        seen: list[bool] = []

        def check(context: Context) -> Iterator[Issue]:
            seen.append(gc.isenabled())
            return iter(())

        register_rule("test/collector", check, severity="info")
        try:
            thaiplan.validate(small_calendar(), only="test/collector")
        finally:
            unregister_rule("test/collector")
        assert seen == [False]
        assert gc.isenabled()

    @pytest.mark.usefixtures("collector")
    @pytest.mark.parametrize("enabled", [True, False])
    def test_restored_when_a_rule_switches_it_and_raises(self, enabled: bool) -> None:
        def check(context: Context) -> Iterator[Issue]:
            (gc.disable if enabled else gc.enable)()  # the other way from the caller
            raise RuntimeError("a plug-in's bug")

        (gc.enable if enabled else gc.disable)()
        register_rule("test/collector", check, severity="info")
        try:
            with pytest.raises(RuntimeError):
                thaiplan.validate(small_calendar(), only="test/collector", strict=True)
            assert gc.isenabled() is enabled
            report = thaiplan.validate(small_calendar(), only="test/collector")
            assert [f.code for f in report] == ["rule-failed"]
            assert gc.isenabled() is enabled
        finally:
            unregister_rule("test/collector")


# -- the indices the rules share ------------------------------------------------------

REFERENCES = ("a", "b", "c", "d", "zz", "budget-2563:s1", "other:a", "x:", ":y", "a:b:c")


@st.composite
def calendars(draw: st.DrawFn) -> PlanningCalendar:
    """Small calendars with ids used twice, unknown steps and other calendars' steps."""
    ids = draw(st.lists(st.sampled_from(("a", "b", "c", "d")), min_size=0, max_size=6))
    steps = [
        Step(
            step_id,
            i + 1,
            "p",
            "ก",
            "พ.ค. ๖๑",
            after=draw(st.lists(st.sampled_from(REFERENCES), max_size=3)),
            feeds=draw(st.lists(st.sampled_from(REFERENCES), max_size=2)),
        )
        for i, step_id in enumerate(ids)
    ]
    return PlanningCalendar("t", "สมุทรสาคร", 2563, steps=steps)


class TestSharedIndices:
    @settings(max_examples=150, deadline=None)
    @given(calendars())
    def test_as_each_rule_would_look_them_up(self, calendar: PlanningCalendar) -> None:
        context = Context(calendar, None)
        index = {step.id: i for i, step in enumerate(calendar.steps)}  # the last, for an id twice
        followers, followed, dependencies = [], [], []
        unknown: dict[int, list[Dependency]] = {}
        for k, step in enumerate(calendar.steps):
            for dependency in step.after:
                if dependency.step in index:
                    followers.append(k)
                    followed.append(index[dependency.step])
                    dependencies.append(dependency)
                else:
                    unknown.setdefault(k, []).append(dependency)
        assert context.dependencies == (followers, followed, dependencies)
        assert context.unknown_dependencies == unknown
        assert context.cross_references == tuple(cross_references(calendar))

    def test_worked_out_once(self) -> None:
        context = Context(small_calendar(), None)
        assert context.dependencies is context.dependencies
        assert context.cross_references is context.cross_references
        assert context.dependencies == ([1], [0], [Dependency("a")])
        assert context.unknown_dependencies == {}


class TestCollectorElsewhere:
    """shift and the CSV export pause the collector too, and put it back as it was."""

    @pytest.mark.usefixtures("collector")
    @pytest.mark.parametrize("enabled", [True, False])
    @pytest.mark.parametrize("stage", ["shift", "csv"])
    def test_state_restored(self, enabled: bool, stage: str) -> None:
        calendar = small_calendar()
        (gc.enable if enabled else gc.disable)()
        if stage == "shift":
            assert thaiplan.shift(calendar, fiscal_year=2564).calendar.fiscal_year == 2564
        else:
            assert "a,1,p" in calendar_csv(calendar, thaiplan.schedule(calendar))
        assert gc.isenabled() is enabled

    @pytest.mark.usefixtures("collector")
    @pytest.mark.parametrize("enabled", [True, False])
    def test_restored_when_shift_fails(
        self, enabled: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def broken(text: str, old: int, new: int) -> str:
            raise RuntimeError("inside the pass")

        monkeypatch.setattr("thaiplan.scheduling._shift._retitle", broken)
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(RuntimeError):
            thaiplan.shift(small_calendar(), fiscal_year=2564)
        assert gc.isenabled() is enabled
