"""Tests of Schedule.infeasible_chains (steps grouped by the bound that squeezes them) and lazy explanations.

The grouping is specified in the module docstring of thaiplan.scheduling._conflicts:
each step with negative slack joins whichever of its two bounds (the window
that ends its earliest-start chain, the window that ends its latest-finish
chain) squeezes more such steps, the end bound when as many. The properties
check that against the chains of Schedule.explain, computed independently,
on random calendars; the known answers are worked out in the comments.
"""

from __future__ import annotations

from collections import Counter

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from strategies import acyclic_calendars, window_step
from thaiplan import (
    Dependency,
    Explanation,
    InfeasibleChain,
    PlanningCalendar,
    Schedule,
    load_calendar,
    schedule,
)
from thaiplan.dates import Period

PROPERTIES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def chain_of(*windows: tuple[Period, int]) -> PlanningCalendar:
    """Steps s1, s2, ... each following the one before, with (window, duration)."""
    steps = [
        window_step(f"s{i}", period, duration, [Dependency(f"s{i - 1}")] if i > 1 else [])
        for i, (period, duration) in enumerate(windows, 1)
    ]
    return PlanningCalendar("ปฏิทินทดสอบ", "สมุทรสาคร", 2563, steps=steps)


MAY = Period.month(2018, 5)
JUNE = Period.month(2018, 6)


def negative(result: Schedule) -> list[str]:
    return [s for s in result.order if (result[s].total_slack or 0) < 0]


def ends(result: Schedule, step: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """The (step, bound) that ends the step's earliest-start and latest-finish chains."""
    why = result.explain(step)
    first, last = why.earliest_start[-1], why.latest_finish[-1]
    return (first.step, first.bound), (last.step, last.bound)


class TestKnownAnswers:
    """Groups worked out by hand."""

    def test_feasible(self):
        """A calendar that can be kept has no chains."""
        assert () == schedule(load_calendar("samut-sakhon-2563")).infeasible_chains

    def test_one_chain(self):
        """Three steps of 10, 10 and 15 days in May: one group, bound by s3's end (a tie: the end wins)."""
        result = schedule(chain_of((MAY, 10), (MAY, 10), (MAY, 15)))
        (chain,) = result.infeasible_chains
        assert (("s1", "s2", "s3"), "s3", -4) == (chain.steps, chain.worst, chain.slack)
        assert ("s3", "latest_finish", "window") == (
            chain.bound.step,
            chain.bound.bound,
            chain.bound.cause,
        )
        assert "s3" == chain.explanation.step

    def test_two_separate_chains(self):
        """Two chains that share nothing are two groups, in the order of their first steps."""
        first = chain_of((MAY, 20), (MAY, 20))
        second = [
            window_step("t1", JUNE, 20),
            window_step("t2", JUNE, 20, [Dependency("t1")]),
        ]
        result = schedule(
            PlanningCalendar("ปฏิทินทดสอบ", "สมุทรสาคร", 2563, steps=[*first.steps, *second])
        )
        assert [("s1", "s2"), ("t1", "t2")] == [c.steps for c in result.infeasible_chains]

    def test_a_late_start_squeezes_what_follows(self):
        """A step stated to start too late squeezes the steps after it, each with its own end.

        s1 is stated for June and takes 30 days (done 30 June at the earliest);
        t1, t2 and t3 each follow it, stated for June with their own ends. All
        four are squeezed by s1's start; by each t's end only that t (and, for
        one of them, s1): the start of s1 binds all four, so they are one group.
        """
        steps = [window_step("s1", JUNE, 30)] + [
            window_step(f"t{i}", JUNE, 1, [Dependency("s1")]) for i in (1, 2, 3)
        ]
        result = schedule(PlanningCalendar("ปฏิทินทดสอบ", "สมุทรสาคร", 2563, steps=steps))
        (chain,) = result.infeasible_chains
        assert ("s1", "earliest_start") == (chain.bound.step, chain.bound.bound)
        assert ("s1", "t1", "t2", "t3") == chain.steps
        assert "s1 cannot start before 2018-06-01: its stated period" in chain.bound.message_en

    def test_explanation_is_of_the_bound_step(self):
        """The group explains the bound's own step when it is squeezed: its chains run end to end."""
        result = schedule(chain_of((MAY, 10), (MAY, 10), (MAY, 15)))
        (chain,) = result.infeasible_chains
        assert ["s3", "s2", "s1"] == [c.step for c in chain.explanation.earliest_start]


class TestProperties:
    """Every step with negative slack is in exactly one group, bound as the group says."""

    @PROPERTIES
    @given(acyclic_calendars(max_steps=10))
    def test_partition(self, calendar):
        """The groups partition the steps with negative slack, in topological order."""
        result = schedule(calendar)
        grouped = [s for chain in result.infeasible_chains for s in chain.steps]
        assert sorted(negative(result)) == sorted(grouped)
        assert len(set(grouped)) == len(grouped)
        place = {s: i for i, s in enumerate(result.order)}
        for chain in result.infeasible_chains:
            assert [place[s] for s in chain.steps] == sorted(place[s] for s in chain.steps)

    @PROPERTIES
    @given(acyclic_calendars(max_steps=10))
    def test_bound_binds_every_step(self, calendar):
        """Each step's own chain ends in its group's bound, which squeezes at least as many as its other bound."""
        result = schedule(calendar)
        squeezed = negative(result)
        counts = Counter(bound for s in squeezed for bound in ends(result, s))
        for chain in result.infeasible_chains:
            bound = (chain.bound.step, chain.bound.bound)
            assert chain.bound.cause in ("window", "calendar_start")
            for step in chain.steps:
                start, end = ends(result, step)
                assert bound in (start, end)
                other = start if bound == end else end
                assert counts[bound] >= counts[other]
                if bound == start:
                    assert counts[start] > counts[end]  # a tie goes to the end

    @PROPERTIES
    @given(acyclic_calendars(max_steps=10))
    def test_worst_and_explanation(self, calendar):
        """Worst has the least slack of its group; the explanation is of the bound's step or of worst."""
        result = schedule(calendar)
        for chain in result.infeasible_chains:
            slacks = [result[s].total_slack for s in chain.steps]
            assert chain.slack == min(slacks) == result[chain.worst].total_slack
            assert chain.worst in chain.steps
            lead = chain.bound.step if chain.bound.step in chain.steps else chain.worst
            assert lead == chain.explanation.step
            assert chain.explanation == result.explain(lead)


class TestLazyExplanations:
    """Explanations build their chains when read, and share their links."""

    def test_equal_to_an_eager_one(self):
        """A lazy explanation equals one built from its chains, and hashes the same."""
        result = schedule(chain_of((MAY, 10), (MAY, 10), (MAY, 15)))
        lazy = result.explain("s2")
        eager = Explanation("s2", lazy.earliest_start, lazy.latest_finish)
        assert eager == lazy
        assert hash(eager) == hash(lazy)
        assert repr(eager) == repr(lazy)
        assert eager != result.explain("s1")

    def test_frozen(self):
        """It cannot be changed, lazy or not."""
        explanation = schedule(chain_of((MAY, 1))).explain("s1")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            explanation.step = "s2"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del explanation.step

    def test_pickles_and_copies(self):
        """An explanation pickles and copies with its chains (as when it was an attrs record)."""
        import copy
        import pickle

        explanation = schedule(load_calendar("samut-sakhon-2563")).explain("s7")
        assert explanation == pickle.loads(pickle.dumps(explanation))
        assert explanation == copy.deepcopy(explanation) == copy.copy(explanation)
        (chain,) = schedule(chain_of((MAY, 20), (MAY, 20))).infeasible_chains
        again = pickle.loads(pickle.dumps(chain))
        assert (chain, chain.explanation) == (again, again.explanation)

    def test_links_are_shared(self):
        """The explanations of two steps of one chain share the links they have in common."""
        result = schedule(chain_of((MAY, 10), (MAY, 10), (MAY, 15)))
        three, two = result.explain("s3").earliest_start, result.explain("s2").earliest_start
        assert all(a is b for a, b in zip(three[1:], two, strict=True))

    def test_conflicts_cost_nothing_until_read(self):
        """Conflicts on a 3,000-step chain makes no link until one is read."""
        result = schedule(chain_of(*[(MAY, 1)] * 3000))
        conflicts = result.conflicts
        assert 3000 == len(conflicts)
        assert not result._links
        assert 3000 == len(conflicts[-1].earliest_start)
        assert 3000 == len(result._links)

    def test_infeasible_chain_is_a_record(self):
        """InfeasibleChain is a frozen attrs record; equality ignores the (lazy) explanation."""
        (chain,) = schedule(chain_of((MAY, 20), (MAY, 20))).infeasible_chains
        assert isinstance(chain, InfeasibleChain)
        assert chain == attrs.evolve(chain, explanation=Explanation("x"))
