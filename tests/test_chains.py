"""Tests of Schedule.critical_paths: chains of linked steps with the least slack, in time order.

A critical chain is a path of the dependency graph through the steps of
least total slack (thaiplan.scheduling._chains): each consecutive pair joined
by a dependency, so it runs forwards in time, and as long as it can be. A
step of least slack linked to no other is listed as unlinked, never joined to
another by an arrow.
"""

from __future__ import annotations

import itertools

import networkx
from hypothesis import HealthCheck, given, settings

from strategies import acyclic_calendars
from thaiplan import (
    Dependency,
    PlanningCalendar,
    Schedule,
    Step,
    dependency_graph,
    load_document,
    schedule,
)
from thaiplan.scheduling._chains import MAX_CHAINS

PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def calendar_of(*steps: Step) -> PlanningCalendar:
    return PlanningCalendar("ปฏิทินทดสอบ", "สมุทรสาคร", 2563, steps=steps)


def step(step_id: str, when: str, after: list[str] | None = None) -> Step:
    return Step(step_id, None, "p", "ขั้นตอน", when, after=[Dependency(a) for a in after or []])


def least(result: Schedule) -> set[str]:
    """The steps with the least total slack, among those with a figure."""
    figures = {s: b.total_slack for s, b in result.items() if b.total_slack is not None}
    if not figures:
        return set()
    low = min(figures.values())
    return {s for s, slack in figures.items() if slack == low}


class TestKnownChains:
    """Chains worked out by hand."""

    def test_two_tight_steps_not_linked_are_not_a_chain(self):
        """Two one-day steps with no dependency: both tight, each listed on its own, no arrow."""
        result = schedule(calendar_of(step("a", "๑ พ.ค. ๖๑"), step("b", "๙ พ.ค. ๖๑")))
        assert ((), ("a", "b")) == (result.critical_paths, result.critical_unlinked)
        assert ("a", "b") == result.critical_path  # the deprecated set, unchanged

    def test_a_branch_is_two_chains(self):
        """A before b and c, all fixed days: two chains from a, in the calendar's order."""
        result = schedule(
            calendar_of(
                step("a", "๑ พ.ค. ๖๑"),
                step("b", "๒ พ.ค. ๖๑", ["a"]),
                step("c", "๓ พ.ค. ๖๑", ["a"]),
                step("d", "พ.ค. ๖๑", ["c"]),  # a month: slack, on no chain
            )
        )
        assert (("a", "b"), ("a", "c")) == result.critical_paths
        assert () == result.critical_unlinked

    def test_a_chain_never_runs_backwards(self):
        """Listed late-first, linked early-first: the chain reads in time order."""
        result = schedule(
            calendar_of(step("late", "๒ พ.ค. ๖๑", ["early"]), step("early", "๑ พ.ค. ๖๑"))
        )
        assert (("early", "late"),) == result.critical_paths

    def test_builtin_document(self):
        """The seed's tightest step is s3 (one day, 4 Apr), linked to no other step as tight."""
        result = schedule(load_document("samut-sakhon-2563"))
        assert ((), ("s3",)) == (result.critical_paths, result.critical_unlinked)

    def test_lattice_is_capped(self):
        """A lattice of equal steps has 2^k paths: at most MAX_CHAINS are listed, each a path."""
        steps = [step("x0", "๑ พ.ค. ๖๑")]
        for k in range(1, 9):  # two steps a day, each after both of the day before: 2^8 paths
            before = ["x0"] if k == 1 else [f"a{k - 1}", f"b{k - 1}"]
            steps += [
                step(f"a{k}", f"{k + 1} พ.ค. ๖๑", before),
                step(f"b{k}", f"{k + 1} พ.ค. ๖๑", before),
            ]
        result = schedule(calendar_of(*steps))
        assert MAX_CHAINS == len(result.critical_paths)
        assert all(len(chain) == 9 for chain in result.critical_paths)


class TestProperties:
    """Invariants of the critical chains over random acyclic calendars."""

    @PROPERTIES
    @given(acyclic_calendars())
    def test_every_chain_is_a_path_in_time_order(self, calendar):
        """Each chain is a path of the dependency graph, of least-slack steps, forwards in time."""
        result = schedule(calendar)
        graph = dependency_graph(calendar)
        tight = least(result)
        for chain in result.critical_paths:
            assert len(chain) >= 2
            assert set(chain) <= tight
            assert networkx.is_simple_path(graph, list(chain))
            for before, after in itertools.pairwise(chain):
                assert result[after].earliest_start > result[before].earliest_finish

    @PROPERTIES
    @given(acyclic_calendars())
    def test_chains_are_maximal_and_cover_the_tight_steps(self, calendar):
        """No tight step extends a chain; every tight step is on a chain or listed as unlinked."""
        result = schedule(calendar)
        graph = dependency_graph(calendar)
        tight = least(result)
        chains, alone = result.critical_paths, result.critical_unlinked
        for chain in chains:
            assert not tight & set(graph.predecessors(chain[0]))
            assert not tight & set(graph.successors(chain[-1]))
        for step_id in alone:
            assert not tight & (set(graph.predecessors(step_id)) | set(graph.successors(step_id)))
        if len(chains) < MAX_CHAINS:
            assert tight == {s for chain in chains for s in chain} | set(alone)
        assert set(result.critical_path) == tight
