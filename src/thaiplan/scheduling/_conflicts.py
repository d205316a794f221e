"""Grouping the steps that cannot be kept by the bound that squeezes them.

Theory of operation
-------------------
A step has negative slack when its earliest finish comes after its latest
finish. Its earliest start is set, through a chain of steps before it, by
one *start bound*: the stated start of a step at the head of that chain (or
the calendar's first day); its latest finish, through a chain of steps after
it, by one *end bound*: the stated end of a step (or a resolution's deadline)
at the tail. These are the ends of the chains :meth:`Schedule.explain
<thaiplan.Schedule.explain>` gives.

One wrong window squeezes every step whose chains end in it: a deadline
stated a year too early leaves every step before it with negative slack, and
they all end in that deadline. So the steps are grouped by bound, not
reported one by one:

1. **Roots.** The step whose window ends each chain, for every step: in
   topological order for the start bounds (a step's is that of the step that
   sets its earliest start, or itself), in reverse for the end bounds. One
   pass each over the steps, no walk repeated.
2. **Counts.** How many steps with negative slack each bound squeezes.
3. **Groups.** Each such step joins whichever of its two bounds squeezes
   more of them (its end bound when as many), so that the bound a group is
   named by squeezes every step in it.
4. **Worst.** In each group, the step with the least slack (the last such in
   topological order). The group carries the explanation of the bound's own
   step when that step is in the group (its chains run from the other bound
   to this one), else that of the worst step.

All of it is linear in the number of steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from thaiplan.scheduling._bounds import _WINDOW
from thaiplan.scheduling._schedule import Explanation, InfeasibleChain

if TYPE_CHECKING:
    from thaiplan.scheduling._schedule import Schedule

__all__ = ["infeasible_chains"]


def infeasible_chains(result: Schedule) -> tuple[InfeasibleChain, ...]:
    """The steps with negative slack of ``result``, grouped by the bound that squeezes them."""
    es, lf, durations = result._es, result._lf, result._durations
    order = result._order
    negative = [i for i in order if lf[i] < es[i] + durations[i] - 1]
    if not negative:
        return ()
    n = len(es)
    # 1. the step whose own window ends each chain
    start_root = list(range(n))
    es_by = result._es_by
    for i in order:
        by = es_by[i]
        if by != _WINDOW:
            start_root[i] = start_root[by]
    end_root = list(range(n))
    lf_by = result._lf_by
    for i in reversed(order):
        by = lf_by[i]
        if by != _WINDOW:
            end_root[i] = end_root[by]
    # 2. how many steps each bound squeezes
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for i in negative:
        starts[start_root[i]] = starts.get(start_root[i], 0) + 1
        ends[end_root[i]] = ends.get(end_root[i], 0) + 1
    # 3. each step with the bound that squeezes more; keys: 2r (start of r), 2r + 1 (end of r)
    groups: dict[int, list[int]] = {}
    for i in negative:
        first, last = start_root[i], end_root[i]
        key = 2 * last + 1 if ends[last] >= starts[first] else 2 * first
        groups.setdefault(key, []).append(i)
    # 4. the worst step of each group, and the group as a record
    chains = []
    for key, members in groups.items():  # in the order of their first steps
        root = key // 2
        worst = members[0]
        least = lf[worst] - es[worst] - durations[worst] + 1
        squeezed_root = False
        for i in members:
            slack = lf[i] - es[i] - durations[i] + 1
            if slack <= least:
                worst, least = i, slack
            squeezed_root = squeezed_root or i == root
        bound = result._late_link(root) if key % 2 else result._early_link(root)
        # the bound's own step when it is squeezed too: its explanation runs the whole
        # chain, from the other bound to this one
        lead = root if squeezed_root else worst
        ids = result._ids
        chains.append(
            InfeasibleChain(
                bound,
                tuple(ids[i] for i in members),
                ids[worst],
                least,
                Explanation._of(result, lead),
            )
        )
    return tuple(chains)
