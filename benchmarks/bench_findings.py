"""Benchmark the rules on the fiscal year, the round, names and plans, against validate() as a whole.

What it measures: on the random calendars of ``benchmarks/bench_schedule.py``
(same generator, same seed) of 10,000 and 100,000 steps, the CPU time of
:func:`thaiplan.validate` with only the nine rules of the families ``rounds``,
``names`` and ``plans`` (``outside-round``, ``late-for-fiscal-year``,
``title-fiscal-year``, ``outdated-agency-name``, ``central-agency-name``,
``dopa-code``, ``plan-consistent-with-itself``, ``plan-consistent-downward``,
``plan-fiscal-year``), against the baseline measured in the same run:
``validate`` with every rule. It prints both times, the share of the nine
rules, and each rule's own time at the largest size.

Times are CPU seconds (``time.process_time``), the best of several runs, with
a garbage collection before each. It always exits 0: it is a measurement.

Run it from the repository root::

    python benchmarks/bench_findings.py           # 10k and 100k steps: about half a minute
    python benchmarks/bench_findings.py --quick   # 10k steps only: a few seconds
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Sequence

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_schedule import build_calendar

import thaiplan
from thaiplan import PlanningCalendar

CODES = (
    "outside-round",
    "late-for-fiscal-year",
    "title-fiscal-year",
    "outdated-agency-name",
    "central-agency-name",
    "dopa-code",
    "plan-consistent-with-itself",
    "plan-consistent-downward",
    "plan-fiscal-year",
)


def best(calendar: PlanningCalendar, only: Sequence[str] | None, runs: int) -> float:
    """The least CPU time of ``runs`` validations, collecting garbage before each."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        thaiplan.validate(calendar, only=only)
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k steps only")
    args = parser.parse_args()
    sizes = (10_000,) if args.quick else (10_000, 100_000)
    print(f"{'steps':>9}  {'9 rules':>8}  {'all rules':>9}  share")
    calendar = None
    for n in sizes:
        calendar = build_calendar(n)
        mine = best(calendar, CODES, 3)
        every = best(calendar, None, 2)
        print(f"{n:>9,}  {mine:>7.3f}s  {every:>8.3f}s  {100 * mine / every:4.1f} %")
    assert calendar is not None
    print(f"each rule on {sizes[-1]:,} steps:")
    for code in CODES:
        print(f"  {code:<28} {best(calendar, [code], 2):.3f}s")


if __name__ == "__main__":
    main()
