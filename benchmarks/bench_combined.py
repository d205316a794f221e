"""Benchmark calendars scheduled together against the calendar scheduled alone.

What it measures, for the random acyclic calendars of ``bench_schedule.py``
(1,000 and 10,000 steps, and 100,000 with ``--max 100000``):

- ``schedule(calendar)``: one calendar, the path every caller had before
  calendars could be combined. The only code the combination added to it is
  the test that tells a list from a calendar, timed on its own (the same
  ``isinstance`` on the same calendar) and printed as a share of a schedule;
- ``schedule([calendar, budget])``: the calendar together with the built-in
  ``budget-2563`` and no link between them (the steps renamed, each step
  without a stated start given its calendar's first day, the passes over all
  the steps);
- ``schedule([calendar, budget])`` with every step of the calendar that has
  no dependency following ``budget-2563:s1``.

Each result is checked: with no link, every step of the calendar has the bounds
it has alone (mismatches are counted). Times are the best of several runs,
``time.perf_counter``, garbage collected before each run. It always exits 0:
it is a measurement, not a test.

Run it from the repository root::

    python benchmarks/bench_combined.py             # 1k and 10k steps: a few seconds
    python benchmarks/bench_combined.py --max 100000
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

import thaiplan

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_schedule import build_calendar

T = TypeVar("T")


def best_of(func: Callable[[], T], runs: int) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def dispatch_cost(calendar: thaiplan.PlanningCalendar, repeat: int = 200_000) -> float:
    """Seconds of the list-or-calendar test that schedule() makes once a call."""
    start = time.perf_counter()
    for _ in range(repeat):
        isinstance(calendar, list | tuple)
    return (time.perf_counter() - start) / repeat


def linked(calendar: thaiplan.PlanningCalendar) -> thaiplan.PlanningCalendar:
    """The calendar with every step that follows nothing following budget-2563:s1."""
    steps = [
        attrs.evolve(step, after=["budget-2563:s1"]) if not step.after else step
        for step in calendar.steps
    ]
    return attrs.evolve(calendar, steps=steps)


def run(n: int) -> None:
    calendar = build_calendar(n)
    budget = thaiplan.load_calendar("budget-2563")
    runs = 5 if n <= 10_000 else 2
    alone_time, alone = best_of(lambda: thaiplan.schedule(calendar), runs)
    together_time, together = best_of(lambda: thaiplan.schedule([calendar, budget]), runs)
    with_links = linked(calendar)
    links = sum(1 for s in with_links.steps if s.after and s.after[0].step == "budget-2563:s1")
    linked_time, _ = best_of(lambda: thaiplan.schedule([with_links, budget]), runs)
    wrong = sum(1 for s in calendar.steps if alone[s.id] != together[s.id])
    test = dispatch_cost(calendar)
    print(
        f"{n:>9,} steps | alone {alone_time * 1000:8.1f} ms"
        f" | the list test {test * 1e9:5.0f} ns ({test / alone_time:.1e} of it)"
        f" | together {together_time * 1000:8.1f} ms ({together_time / alone_time:4.2f}x)"
        f" | {links:,} links {linked_time * 1000:8.1f} ms ({linked_time / alone_time:4.2f}x)"
        f" | bounds changed by combining: {wrong}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max", type=int, default=10_000, help="largest size (default 10000)")
    args = parser.parse_args(argv)
    print(f"thaiplan {thaiplan.__version__}, Python {sys.version.split()[0]}")
    for n in (1_000, 10_000, 100_000):
        if n <= args.max:
            run(n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
