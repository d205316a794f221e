"""Tests of thaiplan.scheduling: bounds, slack, explanations, cycles.

The semantics under test (the module docstring of thaiplan.scheduling._passes): time is
whole days; a step occupies [start, finish] with finish = start + duration - 1;
its stated period is a window (start >= the period's start when it has one,
finish <= its end); ``after`` is finish-to-start, start(B) >= finish(A) + 1 + L
with L in calendar days or Thai government working days; a resolution's
deadline is a window of the step that carries it out; a step with no stated
start starts no earlier than the calendar's first day: its ``as_of``, else the
earliest start any step states; with neither, its start is open (``None``)
and it has no slack figure.

Known answers were worked out by hand; the comments show the arithmetic. The
properties run over random acyclic calendars (tests/strategies.py) and check
schedule() against a plain fixed-point reference written below.
"""

from __future__ import annotations

import datetime as dt
import itertools
import pickle

import attrs
import networkx
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from strategies import acyclic_calendars, cyclic_calendars, window_step
from thaiplan import (
    Dependency,
    DependencyCycleError,
    Explanation,
    LagUnit,
    ModelError,
    PlanningCalendar,
    Schedule,
    Step,
    ThaiplanError,
    dependency_graph,
    load_calendar,
    load_document,
    loads_calendar,
    schedule,
)
from thaiplan.dates import Period, add_working_days

D = dt.date
ONE_DAY = dt.timedelta(days=1)

PROPERTIES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def calendar_of(*steps: Step) -> PlanningCalendar:
    """A calendar of the given steps and nothing else."""
    return PlanningCalendar("ปฏิทินทดสอบ", "สมุทรสาคร", 2563, steps=steps)


def step(step_id: str, when: str, duration: int = 1, after: list[Dependency] | None = None) -> Step:
    """A bare step: id, stated period as written, duration, dependencies."""
    return Step(step_id, None, "p", "ขั้นตอน", when, after=after or [], duration=duration)


# A chain of four steps plus two loose ones, worked out by hand below.
CHAIN_YAML = """
format: thaiplan-calendar/1
title: ห่วงโซ่
province: สมุทรสาคร
fiscal_year: 2563
steps:
  - {id: a, no: 1, phase: p, title: ก, when: ๒๓ เม.ย. - ๓๑ พ.ค. ๖๑, duration: 3}
  - {id: b, no: 2, phase: p, title: ข, when: เม.ย. - พ.ค. ๖๑, duration: 5, after: [{step: a, lag: 2}]}
  - {id: c, no: 3, phase: p, title: ค, when: ภายใน พ.ค. ๖๑, duration: 4, after: [a, b]}
  - {id: d, no: 4, phase: p, title: ง, when: พ.ค. ๖๑, duration: 2, after: [{step: c, lag: 3}]}
  - {id: e, no: 5, phase: p, title: จ, when: มิ.ย. ๖๑}
  - {id: f, no: 6, phase: p, title: ฉ, when: ภายใน มิ.ย. ๖๑}
"""

# The calendar's first day: it has no as_of, so the earliest start a step
# states: b's เม.ย. - พ.ค. ๖๑, 1 Apr 2018.
#
# Forward pass (es = max(window start or first day, ef(pred) + 1 + lag); ef = es + dur - 1):
#   a: window 23 Apr                                  -> 23-25 Apr
#   b: max(1 Apr, 25 Apr + 1 + 2 = 28 Apr)            -> 28 Apr - 2 May
#   c: max(first day 1 Apr, 25 Apr + 1, 2 May + 1)   -> 3-6 May
#   d: max(1 May, 6 May + 1 + 3 = 10 May)             -> 10-11 May
#   e: window 1 Jun                                   -> 1 Jun
#   f: no start, no predecessor: the first day        -> 1 Apr
# Backward pass (lf = min(window end, ls(succ) - 1 - lag); ls = lf - dur + 1):
#   d: 31 May (window)                     -> ls 30 May
#   c: min(31 May, 30 May - 1 - 3 = 26 May) -> ls 23 May
#   b: min(31 May, 23 May - 1 = 22 May)    -> ls 18 May
#   a: min(31 May, 18 May - 1 - 2 = 15 May, 23 May - 1) -> ls 13 May
#   e, f: 30 Jun (window)
# Total slack = lf - ef: a 15 May - 25 Apr = 20, b 22 May - 2 May = 20,
#   c 26 May - 6 May = 20, d 31 May - 11 May = 20, e 29, f 30 Jun - 1 Apr = 90.
# Free slack = min(window end - ef, es(succ) - ef - 1 - lag):
#   a min(36, 28 Apr - 25 Apr - 3 = 0, 3 May - 25 Apr - 1 = 7) = 0,
#   b min(29, 3 May - 2 May - 1 = 0) = 0, c min(25, 10 May - 6 May - 4 = 0) = 0,
#   d 31 May - 11 May = 20, e 29, f 90.
CHAIN_BOUNDS = [
    # step, es, ef, ls, lf, total, free
    ("a", D(2018, 4, 23), D(2018, 4, 25), D(2018, 5, 13), D(2018, 5, 15), 20, 0),
    ("b", D(2018, 4, 28), D(2018, 5, 2), D(2018, 5, 18), D(2018, 5, 22), 20, 0),
    ("c", D(2018, 5, 3), D(2018, 5, 6), D(2018, 5, 23), D(2018, 5, 26), 20, 0),
    ("d", D(2018, 5, 10), D(2018, 5, 11), D(2018, 5, 30), D(2018, 5, 31), 20, 20),
    ("e", D(2018, 6, 1), D(2018, 6, 1), D(2018, 6, 30), D(2018, 6, 30), 29, 29),
    ("f", D(2018, 4, 1), D(2018, 4, 1), D(2018, 6, 30), D(2018, 6, 30), 90, 90),
]

# Three steps in May that cannot all be done in it: 10 + 10 + 15 = 35 days > 31.
INFEASIBLE_YAML = """
format: thaiplan-calendar/1
title: ไม่ทัน
province: สมุทรสาคร
fiscal_year: 2563
steps:
  - {id: a, no: 1, phase: p, title: ก, when: พ.ค. ๖๑, duration: 10}
  - {id: b, no: 2, phase: p, title: ข, when: พ.ค. ๖๑, duration: 10, after: [a]}
  - {id: c, no: 3, phase: p, title: ค, when: พ.ค. ๖๑, duration: 15, after: [b]}
"""
# Forward: a 1-10 May, b 11-20 May, c 21 May - 4 Jun.
# Backward: c lf 31 May (ls 17 May), b lf 16 May (ls 7 May), a lf 6 May (ls 27 Apr).
# Each is 4 days short: a 6 May - 10 May, b 16 May - 20 May, c 31 May - 4 Jun.
INFEASIBLE_BOUNDS = [
    ("a", D(2018, 5, 1), D(2018, 5, 10), D(2018, 4, 27), D(2018, 5, 6), -4, 0),
    ("b", D(2018, 5, 11), D(2018, 5, 20), D(2018, 5, 7), D(2018, 5, 16), -4, 0),
    ("c", D(2018, 5, 21), D(2018, 6, 4), D(2018, 5, 17), D(2018, 5, 31), -4, -4),
]


@pytest.fixture(scope="module")
def chain() -> Schedule:
    return schedule(loads_calendar(CHAIN_YAML))


@pytest.fixture(scope="module")
def infeasible() -> Schedule:
    return schedule(loads_calendar(INFEASIBLE_YAML))


@pytest.fixture(scope="module")
def document_schedule() -> Schedule:
    return schedule(load_document("samut-sakhon-2563"))


# -- a plain reference ------------------------------------------------------------------


def after_finish(finish: dt.date, lag: int, unit: LagUnit) -> dt.date:
    """The first day a step may start after a step that finishes on ``finish``."""
    if unit is LagUnit.WORKING_DAYS:
        return add_working_days(finish, lag) + ONE_DAY
    return finish + ONE_DAY + lag * ONE_DAY


def before_start(start: dt.date, lag: int, unit: LagUnit) -> dt.date:
    """The last day a step may finish before a step that starts on ``start``."""
    if unit is LagUnit.WORKING_DAYS:
        return add_working_days(start, -lag) - ONE_DAY
    return start - ONE_DAY - lag * ONE_DAY


def edges(calendar: PlanningCalendar) -> list[tuple[str, str, int, LagUnit]]:
    """Every dependency as (before, after, lag, unit)."""
    return [(d.step, s.id, d.lag, d.unit) for s in calendar.steps for d in s.after]


def first_day(calendar: PlanningCalendar) -> dt.date | None:
    """The calendar's first day: its as_of, else the earliest stated start, else None."""
    if calendar.as_of_date is not None:
        return calendar.as_of_date
    return min((s.period.start for s in calendar.steps if s.period.start is not None), default=None)


def reference(calendar: PlanningCalendar) -> dict[str, tuple[dt.date | None, dt.date, int | None]]:
    """(earliest start, latest finish, free slack) of every step, the obvious way.

    Start every step at its window (or the calendar's first day) and relax all
    the edges, again and again, until nothing moves; no topological order.
    An open start (None) is earlier than any date. Free slack: the most days
    the step can slip, one day at a time, without leaving its window or
    pushing a step after it (None for an open step).
    """
    steps = {s.id: s for s in calendar.steps}
    duration = {s.id: dt.timedelta(days=s.duration - 1) for s in calendar.steps}
    lf = {s.id: s.period.end for s in calendar.steps}
    changed = True
    while changed:
        changed = False
        for u, v, lag, unit in edges(calendar):
            need = before_start(lf[v] - duration[v], lag, unit)
            if need < lf[u]:
                lf[u], changed = need, True
    first = first_day(calendar)
    es: dict[str, dt.date | None] = {s.id: s.period.start or first for s in calendar.steps}
    if calendar.as_of_date is None and first is not None:  # due before the first day: open
        for s in calendar.steps:
            if s.period.start is None and s.period.end < first:
                es[s.id] = None
    changed = True
    while changed:
        changed = False
        for u, v, lag, unit in edges(calendar):
            start = es[u]
            if start is None:
                continue
            need = after_finish(start + duration[u], lag, unit)
            current = es[v]
            if current is None or need > current:
                es[v], changed = need, True
    free: dict[str, int | None] = {}
    for sid, s in steps.items():
        start = es[sid]
        if start is None:
            free[sid] = None
            continue
        finish = start + duration[sid]
        slip = (s.period.end - finish).days
        for u, v, lag, unit in edges(calendar):
            if u == sid:
                k = 0
                later = es[v]
                assert later is not None  # it follows a dated step
                while after_finish(finish + (k + 1) * ONE_DAY, lag, unit) <= later:
                    k += 1
                slip = min(slip, k)
        free[sid] = slip
    return {sid: (es[sid], lf[sid], free[sid]) for sid in steps}


# -- known answers ----------------------------------------------------------------------


class TestKnownBounds:
    """Every bound of small calendars worked out by hand."""

    @pytest.mark.parametrize(("step_id", "es", "ef", "ls", "lf", "total", "free"), CHAIN_BOUNDS)
    def test_chain(self, chain, step_id, es, ef, ls, lf, total, free):
        """The chain a -> b -> c -> d and two loose steps have the hand-computed bounds."""
        expected = (step_id, es, ef, ls, lf, total, free)
        bounds = chain[step_id]
        assert expected == attrs.astuple(bounds)[:7]  # then unbounded, keyword-only

    def test_chain_as_a_whole(self, chain):
        """Feasible, first day 1 Apr (b's stated start); the least slack makes two chains."""
        assert chain.feasible
        assert D(2018, 4, 1) == chain.start
        assert ("a", "b", "c", "d") == chain.critical_path  # deprecated: the set
        # c follows both a and b, so a -> c -> d is a chain beside a -> b -> c -> d
        assert (("a", "b", "c", "d"), ("a", "c", "d")) == chain.critical_paths
        assert () == chain.critical_unlinked
        assert [] == [b.step for b in chain.values() if b.critical]  # slack 20, not <= 0
        assert () == chain.conflicts
        assert ["a", "b", "c", "d", "e", "f"] == list(chain)
        assert 6 == len(chain)
        assert "<Schedule of 6 steps, feasible>" == repr(chain)

    def test_order_is_topological(self, chain):
        """Schedule.order puts every step after the steps it follows."""
        position = {sid: i for i, sid in enumerate(chain.order)}
        assert sorted(chain) == sorted(chain.order)
        for u, v, _, _ in edges(chain.calendar):
            assert position[u] < position[v]

    def test_unknown_step(self, chain):
        """Asking for a step the schedule does not have raises ModelError naming the steps."""
        with pytest.raises(ModelError, match=r"'zz'.*a, b, c"):
            chain["zz"]
        with pytest.raises(ModelError):
            chain.explain("zz")

    def test_docstring_example(self):
        """The example of schedule()'s docstring: a 10-day step in May before a step in June."""
        calendar = calendar_of(
            step("a", "พ.ค. ๖๑", 10), step("b", "มิ.ย. ๖๑", after=[Dependency("a")])
        )
        result = schedule(calendar)
        # a: 1-10 May at the earliest, by 31 May at the latest: 21 days to spare
        assert (D(2018, 5, 1), D(2018, 5, 31), 21) == (
            result["a"].earliest_start,
            result["a"].latest_finish,
            result["a"].total_slack,
        )
        assert not result["a"].critical

    def test_deadline_step_before_every_dated_step(self):
        """A deadline step before every dated step is feasible from the calendar's as_of."""
        calendar = attrs.evolve(
            calendar_of(
                step("a", "ภายใน พ.ค. ๖๑"), step("b", "๑๕ พ.ค. ๖๑", after=[Dependency("a")])
            ),
            as_of="ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑",
        )
        result = schedule(calendar)
        assert result.feasible
        # a: from 4 Apr (as_of) to 14 May (the day before b): 40 days to spare
        assert (D(2018, 4, 4), D(2018, 5, 14), 40) == (
            result["a"].earliest_start,
            result["a"].latest_finish,
            result["a"].total_slack,
        )

    def test_deadline_step_before_the_first_day_without_as_of(self):
        """Without an as_of, the first day is b's start; a, due before it, cannot be kept (and is named)."""
        calendar = calendar_of(
            step("a", "ภายใน พ.ค. ๖๑"), step("b", "๑๕ พ.ค. ๖๑", after=[Dependency("a")])
        )
        result = schedule(calendar)
        assert (D(2018, 5, 15), D(2018, 5, 14), -1) == (
            result["a"].earliest_start,
            result["a"].latest_finish,
            result["a"].total_slack,
        )
        (link,) = result.explain("a").earliest_start
        assert ("calendar_start", "b") == (link.cause, link.other)

    def test_open_start(self):
        """No as_of and no stated start: the starts are open, with no slack figure."""
        calendar = calendar_of(
            step("a", "ภายใน พ.ค. ๖๑"),
            step("b", "ภายใน มิ.ย. ๖๑", after=[Dependency("a", 3, "working_days")]),
        )
        result = schedule(calendar)
        assert result.start is None
        for step_id, latest in (("a", D(2018, 5, 31)), ("b", D(2018, 6, 30))):
            bounds = result[step_id]
            assert (None, None, latest, None, None) == (
                bounds.earliest_start,
                bounds.earliest_finish,
                bounds.latest_finish,
                bounds.total_slack,
                bounds.free_slack,
            )
            assert bounds.open
            assert not bounds.critical
            assert bounds.working_slack is None
        assert result.feasible
        assert ((), (), ()) == (
            result.critical_path,
            result.critical_paths,
            result.critical_unlinked,
        )
        (link,) = result.explain("a").earliest_start
        assert ("open", None) == (link.cause, link.date)
        assert "a has no earliest start (open)" in link.message_en
        assert "เปิด" in link.message_th
        b_link = result.explain("b").earliest_start[0]
        assert ("after", "a", None) == (b_link.cause, b_link.other, b_link.date)

    def test_as_of_sets_the_first_day(self):
        """With an as_of, the first day is that day, even when a stated start is earlier."""
        calendar = attrs.evolve(
            calendar_of(step("a", "ภายใน พ.ค. ๖๑"), step("b", "ม.ค. ๖๑")),
            as_of="๔ เม.ย. ๖๑",
        )
        result = schedule(calendar)
        assert D(2018, 4, 4) == result.start
        assert D(2018, 1, 1) == result["b"].earliest_start  # its own stated start
        (link,) = result.explain("a").earliest_start
        assert ("calendar_start", D(2018, 4, 4), "๔ เม.ย. ๖๑") == (
            link.cause,
            link.date,
            link.source,
        )
        assert "the calendar's own date (๔ เม.ย. ๖๑, its as_of)" in link.message_en

    @pytest.mark.parametrize(
        ("step_id", "es", "ef", "ls", "lf", "total", "free"), INFEASIBLE_BOUNDS
    )
    def test_infeasible(self, infeasible, step_id, es, ef, ls, lf, total, free):
        """A calendar that cannot be kept has negative slack; it is a result, not an error."""
        assert (step_id, es, ef, ls, lf, total, free) == attrs.astuple(infeasible[step_id])[:7]

    def test_infeasible_as_a_whole(self, infeasible):
        """Not feasible; every step is critical and in conflict, in topological order."""
        assert not infeasible.feasible
        assert ("a", "b", "c") == infeasible.critical_path
        assert ["a", "b", "c"] == [e.step for e in infeasible.conflicts]
        assert all(infeasible[s].critical for s in "abc")
        assert "<Schedule of 3 steps, infeasible>" == repr(infeasible)

    def test_empty_calendar(self):
        """A calendar without steps schedules to an empty, feasible schedule."""
        result = schedule(calendar_of())
        assert (0, True, (), (), ()) == (
            len(result),
            result.feasible,
            result.critical_path,
            result.conflicts,
            result.order,
        )


class TestExplain:
    """explain(): the chains of constraints that set a step's bounds, in English and Thai."""

    def test_earliest_chain_of_the_last_step(self, chain):
        """Step d's earliest start goes back through c and b to a's stated period."""
        links = chain.explain("d").earliest_start
        expected = [
            ("d", "earliest_start", D(2018, 5, 10), "after", "c", 3),
            ("c", "earliest_start", D(2018, 5, 3), "after", "b", 0),
            ("b", "earliest_start", D(2018, 4, 28), "after", "a", 2),
            ("a", "earliest_start", D(2018, 4, 23), "window", None, 0),
        ]
        assert expected == [(c.step, c.bound, c.date, c.cause, c.other, c.lag) for c in links]
        assert "๒๓ เม.ย. - ๓๑ พ.ค. ๖๑" == links[-1].source

    def test_latest_chain_of_the_first_step(self, chain):
        """Step a's latest finish goes forward through b and c to d's stated period."""
        links = chain.explain("a").latest_finish
        expected = [
            ("a", "latest_finish", D(2018, 5, 15), "after", "b", 2),
            ("b", "latest_finish", D(2018, 5, 22), "after", "c", 0),
            ("c", "latest_finish", D(2018, 5, 26), "after", "d", 3),
            ("d", "latest_finish", D(2018, 5, 31), "window", None, 0),
        ]
        assert expected == [(c.step, c.bound, c.date, c.cause, c.other, c.lag) for c in links]
        assert "พ.ค. ๖๑" == links[-1].source

    def test_messages_of_d(self, chain):
        """The whole explanation of d in English and Thai: latest finish first, one link a line."""
        explanation = chain.explain("d")
        expected_en = "\n".join(
            [
                "d must finish by 2018-05-31: its stated period พ.ค. ๖๑ ends then",
                "d cannot start before 2018-05-10 because it follows c,"
                " which finishes no earlier than 2018-05-06, with lag 3",
                "c cannot start before 2018-05-03 because it follows b,"
                " which finishes no earlier than 2018-05-02, with lag 0",
                "b cannot start before 2018-04-28 because it follows a,"
                " which finishes no earlier than 2018-04-25, with lag 2",
                "a cannot start before 2018-04-23: its stated period ๒๓ เม.ย. - ๓๑ พ.ค. ๖๑"
                " starts then",
            ]
        )
        expected_th = "\n".join(
            [
                "d ต้องเสร็จภายใน ๓๑ พ.ค. ๖๑ ตามช่วงเวลาที่กำหนดไว้ (พ.ค. ๖๑)",
                "d เริ่มได้ไม่ก่อน ๑๐ พ.ค. ๖๑ เพราะต้องทำต่อจาก c ซึ่งเสร็จได้เร็วที่สุด ๖ พ.ค. ๖๑ (เว้น ๓ วัน)",
                "c เริ่มได้ไม่ก่อน ๓ พ.ค. ๖๑ เพราะต้องทำต่อจาก b ซึ่งเสร็จได้เร็วที่สุด ๒ พ.ค. ๖๑ (ต่อเนื่องกัน)",
                "b เริ่มได้ไม่ก่อน ๒๘ เม.ย. ๖๑ เพราะต้องทำต่อจาก a ซึ่งเสร็จได้เร็วที่สุด ๒๕ เม.ย. ๖๑ (เว้น ๒ วัน)",
                "a เริ่มได้ไม่ก่อน ๒๓ เม.ย. ๖๑ ตามช่วงเวลาที่กำหนดไว้ (๒๓ เม.ย. - ๓๑ พ.ค. ๖๑)",
            ]
        )
        assert expected_en == explanation.message_en
        assert expected_en == str(explanation)
        assert expected_th == explanation.message_th

    def test_messages_of_a_latest_finish(self, chain):
        """Each link of a's latest-finish chain, in English and Thai."""
        links = chain.explain("a").latest_finish
        expected = [
            (
                "a must finish by 2018-05-15 because b starts no later than 2018-05-18"
                " and follows it with lag 2",
                "a ต้องเสร็จภายใน ๑๕ พ.ค. ๖๑ เพราะ b ต้องเริ่มไม่เกิน ๑๘ พ.ค. ๖๑ และทำต่อจาก a (เว้น ๒ วัน)",
            ),
            (
                "b must finish by 2018-05-22 because c starts no later than 2018-05-23"
                " and follows it with lag 0",
                "b ต้องเสร็จภายใน ๒๒ พ.ค. ๖๑ เพราะ c ต้องเริ่มไม่เกิน ๒๓ พ.ค. ๖๑ และทำต่อจาก b (ต่อเนื่องกัน)",
            ),
            (
                "c must finish by 2018-05-26 because d starts no later than 2018-05-30"
                " and follows it with lag 3",
                "c ต้องเสร็จภายใน ๒๖ พ.ค. ๖๑ เพราะ d ต้องเริ่มไม่เกิน ๓๐ พ.ค. ๖๑ และทำต่อจาก c (เว้น ๓ วัน)",
            ),
            (
                "d must finish by 2018-05-31: its stated period พ.ค. ๖๑ ends then",
                "d ต้องเสร็จภายใน ๓๑ พ.ค. ๖๑ ตามช่วงเวลาที่กำหนดไว้ (พ.ค. ๖๑)",
            ),
        ]
        assert expected == [(c.message_en, c.message_th) for c in links]

    def test_calendar_first_day(self, chain):
        """Step f has no start and no predecessor: it starts no earlier than the earliest stated start, b's."""
        (link,) = chain.explain("f").earliest_start
        assert ("calendar_start", D(2018, 4, 1), "b") == (link.cause, link.date, link.other)
        assert (
            "f cannot start before 2018-04-01: the calendar states no date of its own (as_of),"
            " and the earliest start a step states is b's, its stated period เม.ย. - พ.ค. ๖๑"
        ) == link.message_en
        assert (
            "f เริ่มได้ไม่ก่อน ๑ เม.ย. ๖๑ เพราะปฏิทินไม่ระบุวันที่ของข้อมูล (as_of)"
            " และวันเริ่มที่เร็วที่สุดที่ขั้นตอนระบุคือของ b ตามช่วงเวลาที่กำหนดไว้ (เม.ย. - พ.ค. ๖๑)"
        ) == link.message_th

    def test_conflicts_name_the_chain(self, infeasible):
        """Each conflict of the infeasible calendar explains itself through the chain a, b, c."""
        for explanation in infeasible.conflicts:
            links = (*explanation.earliest_start, *explanation.latest_finish)
            named = {c.step for c in links} | {c.other for c in links if c.other}
            assert {"a", "b", "c"} == named
        c = infeasible.explain("c")
        assert ["c", "b", "a"] == [link.step for link in c.earliest_start]
        assert "c cannot start before 2018-05-21 because it follows b" in c.message_en
        assert "c must finish by 2018-05-31: its stated period พ.ค. ๖๑ ends then" in c.message_en
        a = infeasible.explain("a")
        assert ["a", "b", "c"] == [link.step for link in a.latest_finish]
        assert "a ต้องเสร็จภายใน ๖ พ.ค. ๖๑ เพราะ b ต้องเริ่มไม่เกิน ๗ พ.ค. ๖๑" in a.message_th

    def test_explanation_is_frozen(self, chain):
        """An Explanation is an immutable record of the step and its two chains."""
        explanation = chain.explain("a")
        assert isinstance(explanation, Explanation)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            explanation.step = "b"  # type: ignore[misc]


class TestLags:
    """Lags in calendar days and in working days, across Songkran 2018.

    Songkran 2018: Friday 13 to Sunday 15 April, and Monday 16 April as the
    substitute day; Thursday 12 and Tuesday 17 April are working days.
    """

    @pytest.mark.parametrize(
        ("lag", "unit", "expected"),
        [
            # a finishes Thu 12 Apr.
            (0, LagUnit.DAYS, D(2018, 4, 13)),  # the next day, holiday or not
            (0, LagUnit.WORKING_DAYS, D(2018, 4, 13)),  # no working days to wait
            (3, LagUnit.DAYS, D(2018, 4, 16)),  # 13, 14, 15 are the lag; start on the 16th
            (1, LagUnit.WORKING_DAYS, D(2018, 4, 18)),  # 13-16 closed; 17 is the one working day
            (3, LagUnit.WORKING_DAYS, D(2018, 4, 20)),  # 17, 18, 19 are the three; start Fri 20
        ],
    )
    def test_forward(self, lag, unit, expected):
        """Step b starts no earlier than the end of the lag after a (12 Apr) finishes."""
        calendar = calendar_of(
            step("a", "๑๒ เม.ย. ๖๑"),
            step("b", "ภายใน พ.ค. ๖๑", after=[Dependency("a", lag, unit)]),
        )
        assert expected == schedule(calendar)["b"].earliest_start

    @pytest.mark.parametrize(
        ("lag", "unit", "expected"),
        [
            # b must start by Tue 17 Apr.
            (0, LagUnit.DAYS, D(2018, 4, 16)),  # the day before
            (1, LagUnit.DAYS, D(2018, 4, 15)),  # 16 is the lag day
            (3, LagUnit.DAYS, D(2018, 4, 13)),  # 14, 15, 16 are the lag
            (1, LagUnit.WORKING_DAYS, D(2018, 4, 11)),  # the working day before 17 is 12
            (3, LagUnit.WORKING_DAYS, D(2018, 4, 9)),  # 12, 11, 10 are the three
        ],
    )
    def test_backward(self, lag, unit, expected):
        """Step a finishes no later than the start of the lag before b (17 Apr) starts."""
        calendar = calendar_of(
            step("a", "เม.ย. ๖๑"),
            step("b", "๑๗ เม.ย. ๖๑", after=[Dependency("a", lag, unit)]),
        )
        assert expected == schedule(calendar)["a"].latest_finish

    def test_working_day_messages(self):
        """A working-day lag is named as such in both languages, and kept in the link."""
        late = calendar_of(
            step("a", "๑๒ เม.ย. ๖๑"),
            step("b", "ภายใน พ.ค. ๖๑", after=[Dependency("a", 3, "working_days")]),
        )
        link = schedule(late).explain("b").earliest_start[0]
        assert (3, LagUnit.WORKING_DAYS, D(2018, 4, 20)) == (link.lag, link.unit, link.date)
        assert (
            "b cannot start before 2018-04-20 because it follows a,"
            " which finishes no earlier than 2018-04-12, with lag 3 working days"
        ) == link.message_en
        assert (
            "b เริ่มได้ไม่ก่อน ๒๐ เม.ย. ๖๑ เพราะต้องทำต่อจาก a ซึ่งเสร็จได้เร็วที่สุด ๑๒ เม.ย. ๖๑ (เว้น ๓ วันทำการ)"
        ) == link.message_th

    def test_free_slack_over_working_days(self):
        """Free slack over a working-day lag counts the days the step can really slip."""
        calendar = calendar_of(
            step("u", "๑๙ - ๒๑ เม.ย. ๖๑"),
            step("v", "๒๒ เม.ย. ๖๑", after=[Dependency("u", 1, "working_days")]),
        )
        bounds = schedule(calendar)["u"]
        # u can finish Thu 19 at the latest (v starts Sun 22; the working day before is
        # Fri 20, and u must finish before it): total slack 0, so free slack 0.
        assert 0 == reference(calendar)["u"][2]
        assert (0, 0) == (bounds.total_slack, bounds.free_slack)

    def test_duplicate_working_day_dependency(self):
        """The strictest of two dependencies on the same step is the one that counts."""
        calendar = calendar_of(
            step("a", "๒ เม.ย. ๖๑"),
            step(
                "b",
                "ภายใน ธ.ค. ๖๑",
                after=[Dependency("a", 5, "working_days"), Dependency("a", 2, "working_days")],
            ),
        )
        # 5 working days after Mon 2 Apr: 3, 4, 5, (6 Chakri Day, 7-8 weekend) 9, 10;
        # b starts Wed 11 Apr.
        assert D(2018, 4, 11) == schedule(calendar)["b"].earliest_start

    def test_duplicate_dependency_explained(self):
        """explain() names the lag that set the bound when a step is listed twice."""
        calendar = calendar_of(
            step("a", "๒ เม.ย. ๖๑"),
            step("b", "ภายใน ธ.ค. ๖๑", after=[Dependency("a", 5), Dependency("a", 2)]),
        )
        link = schedule(calendar).explain("b").earliest_start[0]
        assert (D(2018, 4, 8), 5) == (link.date, link.lag)  # 2 Apr + 1 + 5


class TestResolutionDeadlines:
    """A resolution's deadline is a window of the step that carries it out."""

    def test_deadline_narrows_step_7(self, document_schedule):
        """s7 (มิ.ย. - ก.ค. ๖๑) must finish by 30 June: resolution 3.1's deadline."""
        assert D(2018, 6, 30) == document_schedule["s7"].latest_finish
        # The calendar alone: s7 -> s9 -> s10 (ก.ค. ๖๑), so s9 by 30 Jul and s7 by 29 Jul.
        alone = schedule(load_calendar("samut-sakhon-2563"))
        assert D(2018, 7, 29) == alone["s7"].latest_finish
        assert ["s7", "s9", "s10"] == [c.step for c in alone.explain("s7").latest_finish]

    def test_explain_names_the_resolution(self, document_schedule):
        """explain('s7') says its latest finish comes from the resolution's deadline."""
        (link,) = document_schedule.explain("s7").latest_finish
        assert ("window", D(2018, 6, 30)) == (link.cause, link.date)
        assert "deadline:ภายในเดือนมิถุนายน ๒๕๖๑" == link.source
        assert (
            "s7 must finish by 2018-06-30: the resolution's deadline ภายในเดือนมิถุนายน ๒๕๖๑ ends then"
        ) == link.message_en
        assert (
            "s7 ต้องเสร็จภายใน ๓๐ มิ.ย. ๖๑ ตามมติที่ประชุมซึ่งกำหนดภายในเดือนมิถุนายน ๒๕๖๑"
        ) == link.message_th

    def test_deadline_reaches_step_6(self, document_schedule):
        """s6 comes before s7, so the deadline pulls s6's latest finish to 29 June."""
        assert D(2018, 6, 29) == document_schedule["s6"].latest_finish
        assert [("s6", "after", "s7"), ("s7", "window", None)] == [
            (c.step, c.cause, c.other) for c in document_schedule.explain("s6").latest_finish
        ]

    def test_deadline_equal_to_the_window(self, document_schedule):
        """Resolution 3.3 (by May 2561) matches s1's stated ภายใน พ.ค. ๖๑: the period stays the source."""
        (link,) = document_schedule.explain("s1").latest_finish
        assert ("ภายใน พ.ค. ๖๑", D(2018, 5, 31)) == (link.source, link.date)

    def test_builtin_bounds(self, document_schedule):
        """The built-in document: feasible, first day 4 Apr (its as_of), s14 by 30 Sep."""
        assert document_schedule.feasible
        assert D(2018, 4, 4) == document_schedule.start  # ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑
        assert ("s3",) == document_schedule.critical_path
        assert ((), ("s3",)) == (
            document_schedule.critical_paths,
            document_schedule.critical_unlinked,
        )
        # s2 (ภายใน พ.ค. ๖๑) has 57 days from 4 Apr, no longer 242 from 1 Oct 2017
        assert (D(2018, 4, 4), 57, 35) == (
            document_schedule["s2"].earliest_start,
            document_schedule["s2"].total_slack,
            document_schedule["s2"].working_slack,
        )
        assert D(2018, 9, 30) == document_schedule["s14"].latest_finish


class TestCycles:
    """Steps that depend on one another in a circle."""

    def test_two_step_cycle(self):
        """The cycle a -> b -> a raises DependencyCycleError with that cycle."""
        calendar = calendar_of(
            step("a", "พ.ค. ๖๑", after=[Dependency("b")]),
            step("b", "พ.ค. ๖๑", after=[Dependency("a")]),
        )
        with pytest.raises(DependencyCycleError) as caught:
            schedule(calendar)
        assert_real_cycle(calendar, caught.value.cycle)
        assert {"a", "b"} == set(caught.value.cycle)

    def test_cycle_behind_a_chain(self):
        """Steps that lead into a cycle are not part of it."""
        calendar = calendar_of(
            step("x", "พ.ค. ๖๑"),
            step("a", "พ.ค. ๖๑", after=[Dependency("x"), Dependency("c")]),
            step("b", "พ.ค. ๖๑", after=[Dependency("a")]),
            step("c", "พ.ค. ๖๑", after=[Dependency("b")]),
            step("y", "พ.ค. ๖๑", after=[Dependency("c")]),
        )
        with pytest.raises(DependencyCycleError) as caught:
            schedule(calendar)
        assert ("a", "b", "c") == rotate_to(caught.value.cycle, "a")

    def test_self_loop(self):
        """A step that follows itself is a cycle of one."""
        calendar = calendar_of(step("a", "พ.ค. ๖๑", after=[Dependency("a")]))
        with pytest.raises(DependencyCycleError) as caught:
            schedule(calendar)
        assert ("a",) == caught.value.cycle
        assert "a -> a" in str(caught.value)

    def test_working_day_cycle(self):
        """A cycle through working-day lags is found too."""
        calendar = calendar_of(
            step("a", "พ.ค. ๖๑", after=[Dependency("b", 2, "working_days")]),
            step("b", "พ.ค. ๖๑", after=[Dependency("a", 1, "working_days")]),
        )
        with pytest.raises(DependencyCycleError) as caught:
            schedule(calendar)
        assert_real_cycle(calendar, caught.value.cycle)

    def test_error_is_a_value_error_and_pickles(self):
        """The error is a ThaiplanError and a ValueError, and survives pickling."""
        calendar = calendar_of(
            step("a", "พ.ค. ๖๑", after=[Dependency("b")]),
            step("b", "พ.ค. ๖๑", after=[Dependency("a")]),
        )
        with pytest.raises(ValueError, match="circle") as caught:
            schedule(calendar)
        error = caught.value
        assert isinstance(error, ThaiplanError)
        copy = pickle.loads(pickle.dumps(error))
        assert (type(error), error.cycle, str(error)) == (type(copy), copy.cycle, str(copy))

    @PROPERTIES
    @given(cyclic_calendars())
    def test_planted_cycle_is_reported(self, calendar):
        """A DAG with a cycle planted in it: the reported cycle is a real cycle."""
        with pytest.raises(DependencyCycleError) as caught:
            schedule(calendar)
        assert_real_cycle(calendar, caught.value.cycle)


def rotate_to(cycle: tuple[str, ...], first: str) -> tuple[str, ...]:
    """The cycle read from ``first``."""
    i = cycle.index(first)
    return (*cycle[i:], *cycle[:i])


def assert_real_cycle(calendar: PlanningCalendar, cycle: tuple[str, ...]) -> None:
    """Each step of ``cycle`` follows the one before it, and the first follows the last."""
    follows = {(u, v) for u, v, _, _ in edges(calendar)}
    assert cycle
    assert len(set(cycle)) == len(cycle)
    for before, after in zip(cycle, (*cycle[1:], cycle[0]), strict=True):
        assert (before, after) in follows


class TestErrors:
    """What schedule() refuses."""

    def test_unknown_step(self):
        """A dependency on a step the calendar does not have raises ModelError."""
        with pytest.raises(ModelError, match="'zz'"):
            schedule(calendar_of(step("a", "พ.ค. ๖๑", after=[Dependency("zz")])))

    def test_duplicate_id(self):
        """Two steps with one id raise ModelError."""
        with pytest.raises(ModelError, match="'a'"):
            schedule(calendar_of(step("a", "พ.ค. ๖๑"), step("a", "มิ.ย. ๖๑")))

    def test_document_without_calendar(self):
        """A document without a calendar has nothing to schedule."""
        document = attrs.evolve(load_document("samut-sakhon-2563"), calendar=None)
        with pytest.raises(ModelError, match="no calendar"):
            schedule(document)


# -- properties ---------------------------------------------------------------------------


def shrink(period: Period, data: st.DataObject) -> Period:
    """A window inside ``period``: a later start, or an earlier end, or both."""
    end = period.end - dt.timedelta(days=data.draw(st.integers(0, 20)))
    if period.start is None:
        if data.draw(st.booleans()):
            return Period.deadline_of(end)
        start = end - dt.timedelta(days=data.draw(st.integers(0, 20)))
        return Period.day(end) if start == end else Period.days(start, end)
    end = max(end, period.start)
    start = period.start + dt.timedelta(days=data.draw(st.integers(0, (end - period.start).days)))
    return Period.day(start) if start == end else Period.days(start, end)


class TestProperties:
    """Invariants of schedule() over random acyclic calendars."""

    @PROPERTIES
    @given(acyclic_calendars(), st.randoms(use_true_random=False))
    def test_order_of_the_steps_does_not_matter(self, calendar, random):
        """Listing the steps in another order (Kahn's sort then orders them) gives the same bounds."""
        shuffled = list(calendar.steps)
        random.shuffle(shuffled)
        result = schedule(calendar)
        again = schedule(attrs.evolve(calendar, steps=shuffled))
        for step in calendar.steps:
            assert result[step.id] == again[step.id]

    @PROPERTIES
    @given(acyclic_calendars())
    @example(
        calendar_of(
            window_step("s0", Period.day(D(2018, 4, 12))),
            window_step(
                "s1", Period.deadline_of(D(2018, 5, 31)), 1, [Dependency("s0", 3, "working_days")]
            ),
        )
    )
    def test_every_edge_is_kept(self, calendar):
        """For every edge u -> v: es[v] >= ef[u] + 1 + lag and lf[u] <= ls[v] - 1 - lag."""
        result = schedule(calendar)
        for u, v, lag, unit in edges(calendar):
            finish, start = result[u].earliest_finish, result[v].earliest_start
            if finish is not None:  # a step after a dated step is dated
                assert start is not None
                assert start >= after_finish(finish, lag, unit)
            assert result[u].latest_finish <= before_start(result[v].latest_start, lag, unit)

    @PROPERTIES
    @given(acyclic_calendars())
    def test_bounds_are_consistent(self, calendar):
        """Finish = start + duration - 1; windows are kept; slack is lf - ef."""
        result = schedule(calendar)
        for s in calendar.steps:
            bounds = result[s.id]
            length = dt.timedelta(days=s.duration - 1)
            assert bounds.latest_finish == bounds.latest_start + length
            assert bounds.latest_finish <= s.period.end
            if bounds.earliest_start is None:  # open: no as_of, and no stated start anywhere
                # or only after the step's own stated end
                due_before = result.start is not None and s.period.end < result.start
                assert calendar.as_of_date is None
                assert s.period.start is None
                assert (None, None, None, None) == (
                    None if due_before else result.start,
                    bounds.earliest_finish,
                    bounds.total_slack,
                    bounds.free_slack,
                )
                continue
            assert bounds.earliest_finish == bounds.earliest_start + length
            floor = s.period.start or result.start
            assert floor is None or bounds.earliest_start >= floor
            assert bounds.total_slack == (bounds.latest_finish - bounds.earliest_finish).days
        assert result.feasible == all(
            b.total_slack is None or b.total_slack >= 0 for b in result.values()
        )

    @PROPERTIES
    @given(acyclic_calendars())
    def test_feasible_slack_is_not_negative(self, calendar):
        """When feasible, every total slack and free slack is >= 0."""
        result = schedule(calendar)
        assume(result.feasible)
        for bounds in result.values():
            assert bounds.open or bounds.total_slack >= 0
            assert bounds.open or bounds.free_slack >= 0

    @PROPERTIES
    @given(acyclic_calendars())
    @example(
        calendar_of(
            window_step("s0", Period.days(D(2018, 4, 19), D(2018, 4, 21))),
            window_step("s1", Period.day(D(2018, 4, 22)), 1, [Dependency("s0", 1)]),
        )
    )
    def test_free_slack_within_total(self, calendar):
        """When feasible, free slack <= total slack (calendar-day lags)."""
        result = schedule(calendar)
        assume(result.feasible)
        for bounds in result.values():
            assert bounds.open or bounds.free_slack <= bounds.total_slack

    @PROPERTIES
    @given(acyclic_calendars())
    @example(
        calendar_of(
            window_step("s0", Period.day(D(2018, 4, 12))),
            window_step(
                "s1", Period.deadline_of(D(2018, 4, 30)), 2, [Dependency("s0", 2, "working_days")]
            ),
            window_step("s2", Period.day(D(2018, 4, 17)), 1, [Dependency("s0", 0)]),
        )
    )
    def test_agrees_with_reference(self, calendar):
        """A fixed-point relaxation over all edges gives the same es, ef, ls, lf and slack."""
        result = schedule(calendar)
        expected = reference(calendar)
        for s in calendar.steps:
            es, lf, _ = expected[s.id]
            length = dt.timedelta(days=s.duration - 1)
            figures = (None, None) if es is None else (es + length, (lf - es - length).days)
            assert (es, figures[0], lf - length, lf, figures[1]) == (
                result[s.id].earliest_start,
                result[s.id].earliest_finish,
                result[s.id].latest_start,
                result[s.id].latest_finish,
                result[s.id].total_slack,
            )
        assert first_day(calendar) == result.start

    @PROPERTIES
    @given(acyclic_calendars())
    def test_free_slack_agrees_with_reference(self, calendar):
        """Free slack = the days a step can slip without leaving its window or pushing a successor."""
        result = schedule(calendar)
        expected = reference(calendar)
        for s in calendar.steps:
            assert expected[s.id][2] == result[s.id].free_slack

    @PROPERTIES
    @given(acyclic_calendars(min_steps=2), st.data())
    def test_adding_an_edge_never_loosens(self, calendar, data):
        """A new dependency (earlier -> later step) moves no earliest start earlier, no latest finish later."""
        ids = [s.id for s in calendar.steps]
        i, j = sorted(
            data.draw(
                st.lists(st.sampled_from(range(len(ids))), min_size=2, max_size=2, unique=True)
            )
        )
        u, v = ids[i], ids[j]
        # a new edge: a second dependency on the same step is another matter (see the xfails)
        assume(u not in {d.step for d in calendar.steps[j].after})
        lag = data.draw(st.integers(0, 5))
        unit = data.draw(st.sampled_from(list(LagUnit)))
        steps = [
            attrs.evolve(s, after=[*s.after, Dependency(u, lag, unit)]) if s.id == v else s
            for s in calendar.steps
        ]
        assert_not_looser(schedule(calendar), schedule(attrs.evolve(calendar, steps=steps)))

    @PROPERTIES
    @given(acyclic_calendars(), st.data())
    def test_shrinking_a_window_never_loosens(self, calendar, data):
        """A narrower window moves no earliest start earlier, no latest finish later.

        Without an as_of, the calendar's first day is the earliest start a window
        states, so stating a start where there was none can move it earlier; with
        an as_of, a start stated before it is the step's own (as written, not
        raised to the as_of). The property holds with the first day fixed and no
        start stated before it.
        """
        index = data.draw(st.integers(0, len(calendar.steps) - 1))
        old = calendar.steps[index]
        period = shrink(old.period, data)
        steps = list(calendar.steps)
        steps[index] = window_step(old.id, period, old.duration, list(old.after))
        before, after = schedule(calendar), schedule(attrs.evolve(calendar, steps=steps))
        assume(before.start == after.start)
        assume(period.start is None or before.start is None or period.start >= before.start)
        # without an as_of, a step due before the first day is open (not late): a window
        # narrowed to end before it leaves the step's start open, which is no bound to compare
        assume(
            calendar.as_of_date is not None
            or before.start is None
            or period.start is not None
            or period.end >= before.start
        )
        assert_not_looser(before, after)

    @PROPERTIES
    @given(acyclic_calendars())
    def test_explanations_follow_the_graph(self, calendar):
        """Every chain is a path of the graph, ends in a window or the first day, and its dates are the bounds."""
        result = schedule(calendar)
        steps = {s.id: s for s in calendar.steps}
        lags = {(u, v): (lag, unit) for u, v, lag, unit in edges(calendar)}
        for s in calendar.steps:
            explanation = result.explain(s.id)
            early, late = explanation.earliest_start, explanation.latest_finish
            assert s.id == early[0].step == late[0].step == explanation.step
            for link, following in itertools.pairwise(early):
                assert ("after", link.other) == (link.cause, following.step)
                lag, unit = lags[(link.other, link.step)]
                assert link.lag == lag
                finish = result[link.other].earliest_finish
                assert link.date == (None if finish is None else after_finish(finish, lag, unit))
            for link, following in itertools.pairwise(late):
                assert ("after", link.other) == (link.cause, following.step)
                lag, unit = lags[(link.step, link.other)]
                assert link.lag == lag
                assert link.date == before_start(result[link.other].latest_start, lag, unit)
            for link in early:
                assert ("earliest_start", result[link.step].earliest_start) == (
                    link.bound,
                    link.date,
                )
            for link in late:
                assert ("latest_finish", result[link.step].latest_finish) == (link.bound, link.date)
            last = early[-1]
            window = steps[last.step].period
            if last.cause == "window":
                assert window.start == last.date
            elif last.cause == "open":  # no first day, or one after the step's stated end
                due_before = result.start is not None and window.end < result.start
                assert (None, None) == (window.start, last.date)
                assert result.start is None or (due_before and calendar.as_of_date is None)
            else:
                assert ("calendar_start", None, result.start) == (
                    last.cause,
                    window.start,
                    last.date,
                )
            assert ("window", steps[late[-1].step].period.end) == (late[-1].cause, late[-1].date)
            assert all(link.message_en and link.message_th for link in (*early, *late))


def assert_not_looser(before: Schedule, after: Schedule) -> None:
    """Every bound of ``after`` is at least as tight as the same bound of ``before``."""
    for sid, old in before.items():
        new = after[sid]
        assert new.latest_finish <= old.latest_finish
        assert new.latest_start <= old.latest_start
        if old.earliest_start is None:  # open: any start is as tight
            continue
        assert new.earliest_start is not None
        assert new.earliest_start >= old.earliest_start
        assert new.earliest_finish >= old.earliest_finish
        assert new.total_slack <= old.total_slack


# -- the networkx graph -------------------------------------------------------------------


class TestDependencyGraph:
    """dependency_graph(): the calendar as a networkx DiGraph."""

    def test_small_calendar(self):
        """Nodes carry the step and its window; edges the lag, unit and reason."""
        calendar = calendar_of(
            step("a", "ภายใน พ.ค. ๖๑"),
            step("b", "มิ.ย. ๖๑", after=[Dependency("a", 2, "working_days", "because")]),
            step("c", "มิ.ย. ๖๑", after=[Dependency("b"), Dependency("zz")]),
        )
        graph = dependency_graph(calendar)
        assert ["a", "b", "c"] == list(graph.nodes)
        assert calendar.steps[0] is graph.nodes["a"]["step"]
        assert (None, D(2018, 5, 31)) == graph.nodes["a"]["window"]
        assert (D(2018, 6, 1), D(2018, 6, 30)) == graph.nodes["b"]["window"]
        assert [("a", "b"), ("b", "c")] == list(graph.edges)  # zz is left out
        assert {"lag": 2, "unit": LagUnit.WORKING_DAYS, "reason": "because"} == graph.edges[
            "a", "b"
        ]
        assert {"lag": 0, "unit": LagUnit.DAYS, "reason": ""} == graph.edges["b", "c"]
        assert calendar.title == graph.graph["title"]

    def test_builtin_calendar(self):
        """The built-in calendar is a DAG of 15 steps whose edges are its `after` lists."""
        calendar = load_calendar("samut-sakhon-2563")
        graph = dependency_graph(calendar)
        assert networkx.is_directed_acyclic_graph(graph)
        assert [s.id for s in calendar.steps] == list(graph.nodes)
        assert {(u, v) for u, v, _, _ in edges(calendar)} == set(graph.edges)
        for u, v, lag, unit in edges(calendar):
            assert (lag, unit) == (graph.edges[u, v]["lag"], graph.edges[u, v]["unit"])
            assert graph.edges[u, v]["reason"]  # every dependency of the seed says why
        for s in calendar.steps:
            assert (s.period.start, s.period.end) == graph.nodes[s.id]["window"]

    def test_order_agrees_with_networkx(self):
        """schedule().order is one of networkx's topological orders of the same graph."""
        calendar = load_calendar("samut-sakhon-2563")
        order = schedule(calendar).order
        graph = dependency_graph(calendar)
        position = {sid: i for i, sid in enumerate(order)}
        assert all(position[u] < position[v] for u, v in graph.edges)

    @PROPERTIES
    @given(acyclic_calendars())
    def test_agrees_with_the_calendar(self, calendar):
        """One node per step, one edge per dependency, acyclic like the calendar."""
        graph = dependency_graph(calendar)
        assert [s.id for s in calendar.steps] == list(graph.nodes)
        assert sorted((u, v) for u, v, _, _ in edges(calendar)) == sorted(graph.edges)
        assert networkx.is_directed_acyclic_graph(graph)

    @PROPERTIES
    @given(cyclic_calendars())
    def test_cycle_is_a_networkx_cycle(self, calendar):
        """The cycle schedule() reports is a cycle of the networkx graph too."""
        graph = dependency_graph(calendar)
        with pytest.raises(DependencyCycleError) as caught:
            schedule(calendar)
        cycle = caught.value.cycle
        assert not networkx.is_directed_acyclic_graph(graph)
        assert all(graph.has_edge(u, v) for u, v in zip(cycle, (*cycle[1:], cycle[0]), strict=True))
