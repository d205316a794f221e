"""The critical chains of a schedule: linked steps with the least slack, in time order.

Theory of operation
-------------------
The *critical* steps are those with the least total slack among the steps
that have a figure (an open step, which nothing dates, has none), leaving out
conditional steps (``optional: true``), which may not happen at all. A
*critical chain* is a path of the dependency graph through critical steps
only: each consecutive pair is joined by a dependency (finish-to-start, so
the later starts after the earlier finishes: the chain runs forwards in
time), and it is as long as it can be, starting at a critical step with no
critical step before it and ending at one with none after it. Two critical
steps that no dependency joins are never put on one chain: a step linked to
no other critical step is *unlinked*, listed on its own.

1. **Critical set.** One pass over the slacks, in topological order.
2. **Links.** One pass over the edges keeps those between two critical
   steps, as lists of successors, each sorted by the topological place.
3. **Chains.** From every critical step with no critical predecessor, every
   maximal path, depth first with an explicit stack (no recursion), until
   :data:`MAX_CHAINS` chains are found: where the steps branch and join, a
   lattice of them has exponentially many paths, and a list of more than a
   hundred chains helps nobody. The chains come in the topological order of
   their first steps, and of their branches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from thaiplan.scheduling._schedule import Schedule

__all__ = ["MAX_CHAINS", "critical_chains", "critical_steps"]

#: At most this many critical chains are listed.
MAX_CHAINS: Final = 100


def critical_steps(result: Schedule) -> list[int]:
    """The steps with the least total slack (of those with a figure), in topological order.

    A conditional step (``optional: true``, a "กรณี…" step) is never critical.
    """
    slack = [
        None if es < 1 or step.optional or unbounded else lf - es - duration + 1
        for lf, es, duration, step, unbounded in zip(
            result._lf,
            result._es,
            result._durations,
            result.calendar.steps,
            result._unbounded(),
            strict=True,
        )
    ]
    figures = [value for value in slack if value is not None]
    if not figures:
        return []
    least = min(figures)
    return [i for i in result._order if slack[i] == least]


def critical_chains(result: Schedule) -> tuple[list[list[int]], list[int]]:
    """The critical chains (lists of step indices) and the critical steps on none, in order."""
    critical = critical_steps(result)
    tight = set(critical)
    successors: dict[int, list[int]] = {}
    has_before: set[int] = set()
    for j, i in zip(result._edges[0], result._edges[1], strict=True):
        if j in tight and i in tight:
            following = successors.setdefault(j, [])
            if i not in following:  # a dependency written twice is one link
                following.append(i)
            has_before.add(i)
    place = {i: k for k, i in enumerate(critical)}
    for following in successors.values():
        following.sort(key=place.__getitem__)
    chains: list[list[int]] = []
    alone: list[int] = []
    for first in critical:
        if first in has_before:
            continue
        if first not in successors:
            alone.append(first)
            continue
        stack: list[list[int]] = [[first]]
        while stack and len(chains) < MAX_CHAINS:
            path = stack.pop()
            after = successors.get(path[-1])
            if not after:
                chains.append(path)
                continue
            stack.extend([*path, i] for i in reversed(after))
    return chains, alone
