"""Benchmark the "did you mean" hints: a large calendar with many references to steps it lacks.

A calendar of N steps (generated as ``bench_schedule.py`` does) in which every
hundredth step that has a dependency follows a step that does not exist (its id
mistyped: a letter doubled): ``validate`` reports each as ``unknown-step`` with the closest id as a
hint, and writing the file (``dumps_calendar``, which checks what it writes)
reports them too. Before the hints were indexed, each hint compared the word
with every id: N/100 hints over N ids, quadratic (minutes at 50,000 steps).

Printed for N = 10,000 and 100,000, timed in turns in one process, the best of
the rounds: ``validate`` with the mistakes, against ``validate`` of the same
calendar without them (the baseline), and the growth of each. PASS when the
hints' calendar grows at most 12 times for 10 times the steps (the goal of
``validate``, issue 12) and costs at most 3 times its baseline.

Run it from the repository root::

    python benchmarks/bench_hints.py            # about a minute
    python benchmarks/bench_hints.py --quick    # 1,000 and 10,000 steps
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import attrs
from bench_schedule import build_calendar

import thaiplan
from thaiplan import Dependency, PlanningCalendar

GROWTH_GOAL = 12.0
RATIO_GOAL = 3.0


def with_mistakes(calendar: PlanningCalendar) -> PlanningCalendar:
    """Every hundredth step with a dependency follows a mistyped id instead (a letter doubled)."""
    steps = list(calendar.steps)
    for index in range(0, len(steps), 100):
        step = steps[index]
        if step.after:
            first, *rest = step.after
            wrong = Dependency(first.step + first.step[-1])
            steps[index] = attrs.evolve(step, after=(wrong, *rest))
    return attrs.evolve(calendar, steps=tuple(steps))


def best(func: Callable[[], object], rounds: int) -> float:
    fastest = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        func()
        fastest = min(fastest, time.process_time() - started)
    return fastest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 steps")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = (1_000, 10_000) if args.quick else (10_000, 100_000)
    plain = {n: build_calendar(n) for n in sizes}
    wrong = {n: with_mistakes(plain[n]) for n in sizes}
    for n in sizes:  # the mistakes are found, each with a hint
        report = thaiplan.validate(wrong[n])
        unknown = [f for f in report.findings if f.code == "unknown-step"]
        hinted = sum("did you mean" in f.message_en for f in unknown)
        print(f"{n:>7,} steps: {len(unknown):,} unknown-step findings, {hinted:,} with a hint")
    times: dict[tuple[str, int], float] = {}
    for _ in range(args.rounds):  # in turns, so that a burst of load slows all alike
        for n in sizes:
            for name, calendar in (("baseline", plain[n]), ("hints", wrong[n])):
                seconds = best(lambda c=calendar: thaiplan.validate(c), 1)
                key = (name, n)
                times[key] = min(times.get(key, float("inf")), seconds)
    small, large = sizes
    print(f"{'':>16}{small:>12,}{large:>12,}  growth")
    for name in ("baseline", "hints"):
        growth = times[(name, large)] / times[(name, small)]
        print(
            f"{name:>16}{times[(name, small)]:>11.3f}s{times[(name, large)]:>11.3f}s  {growth:.1f}x"
        )
    growth = times[("hints", large)] / times[("hints", small)]
    ratio = times[("hints", large)] / times[("baseline", large)]
    print(
        f"hints' growth {growth:.1f}x: {'PASS' if growth <= GROWTH_GOAL else 'FAIL'} (goal {GROWTH_GOAL:g}x)"
    )
    print(
        f"hints against their baseline at {large:,}: {ratio:.2f}x:"
        f" {'PASS' if ratio <= RATIO_GOAL else 'FAIL'} (goal {RATIO_GOAL:g}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
