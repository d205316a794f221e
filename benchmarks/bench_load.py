"""Benchmark loading and writing calendar files against the work they cannot avoid.

What it measures, for random acyclic calendars of 1,000, 10,000 and 100,000
steps (the calendars of ``benchmarks/bench_schedule.py``: about two
dependencies a step, ``ภายใน …`` deadlines, months, day ranges), each written
by thaiplan as JSON and as YAML:

- **JSON.** :func:`thaiplan.load_calendar` of the ``.json`` file, against the
  work no reader can avoid, measured in the same run: reading and decoding the
  file and :func:`json.loads` of it, plus :func:`~thaiplan.dates.parse_period`
  of every step's ``when``, plus building the same records directly
  (``Step(...)``, ``Dependency(...)``, ``PlanningCalendar(...)`` from the
  parsed values, with the periods already parsed). The goal: at 100,000 steps
  within 5 times that work.
- **YAML.** :func:`thaiplan.load_calendar` of the ``.yaml`` file, against
  ``yaml.compose`` of the same text with PyYAML's C loader
  (``yaml.CSafeLoader``, libyaml), which builds only a node tree. The goal: at
  100,000 steps within 3 times that. Without libyaml the goal is not measured
  (thaiplan then reads YAML with the pure-Python reader).
- **Writing.** :func:`thaiplan.dumps_calendar` in JSON and YAML, against
  serialising the same plain values (``json.dumps`` with the same options;
  ``yaml.dump`` with libyaml's ``CSafeDumper``). ``dumps_calendar`` also turns
  the records into plain values and checks that they read back (what thaiplan
  writes, thaiplan reads), which the baselines do not.
- **Linear.** Each of the four grows, from 10,000 to 100,000 steps, at most
  1.2 times as much as its baseline does in the same run (the allowance the
  issue gives ``validate``, 12 for 10 times the steps): its cost per unit of
  the work it cannot avoid does not grow. The flat growth is printed beside
  it; on a shared two-core machine the baselines alone grow 11 to 15 times,
  from the processor's caches (a calendar of 10,000 steps fits them, one of
  100,000 does not), so a flat 12 would judge the machine. Without libyaml
  the YAML stages have no baseline and are judged flat, 12 times.
- **Memory.** The peak resident memory of a process that only loads the JSON
  file of 1,000,000 steps (``VmHWM`` of ``/proc/self/status``, else
  ``ru_maxrss``, after the interpreter and thaiplan are imported and the first call's
  one-off costs paid). The goal: under 2 GB. The file is larger than the
  default size limit, so the process raises it with ``max_bytes=``.

Every loaded calendar is checked equal to the one written, once, before the
timing. Times are CPU seconds (``time.process_time``, collected before each
run). Every size is prepared first, in **one process**, and the stages are
timed in turns, round after round (``--rounds``, 3 by default; the smaller
sizes a few times a round), each beside its baseline, and the best run of
each is kept: a burst of load on a shared machine slows one run, not every
run of one size. thaiplan's
readers and writers pause the cyclic garbage collector while they work (they
make no reference cycles); the baselines are given the same advantage, so the
ratios compare the work itself. It prints PASS/FAIL for the goals but always exits 0: it is a
measurement, not a test.

Run it from the repository root::

    python benchmarks/bench_load.py              # 1k, 10k, 100k steps and the 1M memory run
    python benchmarks/bench_load.py --quick      # 1k and 10k steps, no memory run: seconds
    python benchmarks/bench_load.py --no-memory  # skip the 1M memory run
    python benchmarks/bench_load.py --memory-only  # only the 1M memory run
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

import yaml
from bench_schedule import build_calendar  # the calendars of bench_schedule.py
from bench_schedule import peak_rss_mb as _ru_maxrss_mb
from bench_validate import best_of  # CPU seconds, the best of the runs

import thaiplan
from thaiplan import Dependency, Phase, PlanningCalendar, Step
from thaiplan.dates import parse_period
from thaiplan.scheduling._pause import paused_collection

SIZES: Final = (1_000, 10_000, 100_000)
QUICK_SIZES: Final = (1_000, 10_000)
GOAL_SIZE: Final = 100_000
JSON_GOAL: Final = 5.0  # load_calendar(.json) within 5 x the unavoidable work
YAML_GOAL: Final = 3.0  # load_calendar(.yaml) within 3 x yaml.compose(CSafeLoader)
#: Linear in the work: from 10,000 to 100,000 steps a stage grows at most 1.2 times as much as its
#: baseline in the same run (the issue's allowance for validate, 12 for 10 times the steps).
LINEAR_GOAL: Final = 1.2
FLAT_GOAL: Final = 12.0  # without libyaml, the YAML stages have no baseline: judged flat
MEMORY_SIZE: Final = 1_000_000
GOAL_MB: Final = 2048.0
RESULT_TAG: Final = "RESULT "

T = TypeVar("T")


def paused(func: Callable[[], T]) -> Callable[[], T]:
    """``func`` with the cyclic collector paused while it runs, as thaiplan's readers do."""

    def run() -> T:
        with paused_collection():
            return func()

    return run


def repeats_for(n: int) -> int:
    """Timed runs of a size within one round: about the same time for each size."""
    return 5 if n <= 1_000 else 2 if n <= 10_000 else 1


# -- the work no reader can avoid --------------------------------------------------------


def direct(data: dict[str, Any], periods: list[Any]) -> PlanningCalendar:
    """The same records built straight from parsed values, periods given."""
    steps = []
    for item, period in zip(data["steps"], periods, strict=True):
        after = [
            Dependency(d) if isinstance(d, str) else Dependency(d["step"], d.get("lag", 0))
            for d in item.get("after", ())
        ]
        steps.append(
            Step(
                item["id"],
                item["no"],
                item["phase"],
                item["title"],
                item["when"],
                period=period,
                after=after,
                duration=item.get("duration", 1),
            )
        )
    return PlanningCalendar(
        data["title"],
        data["province"],
        data["fiscal_year"],
        phases=[Phase(p["id"], p["title"]) for p in data["phases"]],
        steps=steps,
    )


def unavoidable(path: Path) -> PlanningCalendar:
    """Read, decode and json.loads the file; parse every when; build the records."""
    data = json.loads(path.read_bytes().decode("utf-8"))
    periods = [parse_period(item["when"]) for item in data["steps"]]
    return direct(data, periods)


# -- one size ---------------------------------------------------------------------------


@dataclass
class Row:
    """What one size measured, in seconds."""

    steps: int
    json_mb: float
    yaml_mb: float
    unavoidable_s: float
    load_json_s: float
    compose_s: float | None
    load_yaml_s: float
    json_dumps_s: float
    dumps_json_s: float
    yaml_dump_s: float | None
    dumps_yaml_s: float
    runs: int

    @property
    def json_ratio(self) -> float:
        """load_calendar(.json) over the unavoidable work."""
        return self.load_json_s / self.unavoidable_s

    @property
    def yaml_ratio(self) -> float | None:
        """load_calendar(.yaml) over CSafeLoader's compose, where libyaml is installed."""
        return None if self.compose_s is None else self.load_yaml_s / self.compose_s


#: The stages, each with its baseline: what it does that no reader or writer can avoid.
STAGES: Final = ("load_json", "load_yaml", "dumps_json", "dumps_yaml")
BASELINES: Final = {
    "load_json": "the unavoidable work",
    "load_yaml": "CSafeLoader compose",
    "dumps_json": "json.dumps",
    "dumps_yaml": "CSafeDumper",
}


def prepare(n: int, folder: Path) -> dict[str, Any]:
    """A calendar of ``n`` steps written in both formats, and each stage beside its baseline.

    Every reader is checked to give the calendar written, once, before any timing.
    """
    calendar = build_calendar(n)
    json_text = thaiplan.dumps_calendar(calendar, format="json")
    yaml_text = thaiplan.dumps_calendar(calendar, format="yaml")
    json_path, yaml_path = folder / f"c{n}.json", folder / f"c{n}.yaml"
    json_path.write_text(json_text, encoding="utf-8")
    yaml_path.write_text(yaml_text, encoding="utf-8")
    del json_text, yaml_text
    print(
        f"{n:,} steps: {json_path.stat().st_size / 1e6:.1f} MB of JSON,"
        f" {yaml_path.stat().st_size / 1e6:.1f} MB of YAML",
        flush=True,
    )
    plain = json.loads(json_path.read_text("utf-8"))  # the values the writers start from
    loaded = (
        thaiplan.load_calendar(json_path),
        thaiplan.load_calendar(yaml_path),
        unavoidable(json_path),
    )
    assert all(one == calendar for one in loaded), "a reader gave another calendar"
    del loaded
    libyaml = yaml.__with_libyaml__
    stages: dict[str, tuple[Callable[[], object], Callable[[], object] | None]] = {
        "load_json": (
            lambda: thaiplan.load_calendar(json_path),
            paused(lambda: unavoidable(json_path)),
        ),
        "load_yaml": (
            lambda: thaiplan.load_calendar(yaml_path),
            paused(lambda: yaml.compose(yaml_path.read_text("utf-8"), Loader=yaml.CSafeLoader))
            if libyaml
            else None,
        ),
        "dumps_json": (
            lambda: thaiplan.dumps_calendar(calendar, format="json"),
            paused(lambda: json.dumps(plain, ensure_ascii=False, indent=2)),
        ),
        "dumps_yaml": (
            lambda: thaiplan.dumps_calendar(calendar, format="yaml"),
            paused(
                lambda: yaml.dump(
                    plain, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=2**30
                )
            )
            if libyaml
            else None,
        ),
    }
    return {
        "json_mb": json_path.stat().st_size / 1e6,
        "yaml_mb": yaml_path.stat().st_size / 1e6,
        "stages": stages,
    }


def _measured(seconds: float) -> float | None:
    """A baseline's best time, or None when it did not run (no libyaml)."""
    return None if seconds == float("inf") else seconds


def run_sizes(sizes: Sequence[int], folder: Path, rounds: int) -> list[Row]:
    """Every stage and its baseline on every size, in turns, in this one process.

    The calendars and files are all made first; each round times, for each
    size, each stage and then its baseline (the smaller sizes
    :func:`repeats_for` times). A slow moment of a shared machine falls on
    one run, which the best of the rounds leaves out, rather than on every
    run of one size.
    """
    prepared = {n: prepare(n, folder) for n in sizes}
    best = {n: {name: [float("inf"), float("inf")] for name in STAGES} for n in sizes}
    for _ in range(rounds):
        for n, size in prepared.items():
            for name, (stage, baseline) in size["stages"].items():
                figures = best[n][name]
                figures[0] = min(figures[0], best_of(stage, repeats_for(n))[0])
                if baseline is not None:
                    figures[1] = min(figures[1], best_of(baseline, repeats_for(n))[0])
    rows = []
    for n, size in prepared.items():
        found = best[n]
        row = Row(
            n,
            size["json_mb"],
            size["yaml_mb"],
            found["load_json"][1],
            found["load_json"][0],
            _measured(found["load_yaml"][1]),
            found["load_yaml"][0],
            found["dumps_json"][1],
            found["dumps_json"][0],
            _measured(found["dumps_yaml"][1]),
            found["dumps_yaml"][0],
            rounds * repeats_for(n),
        )
        yaml_ratio = f"{row.yaml_ratio:.2f}" if row.yaml_ratio is not None else "n/a"
        print(
            f"  {n:,} steps: load .json {row.load_json_s:.3f} s, unavoidable"
            f" {row.unavoidable_s:.3f} s (x {row.json_ratio:.2f}); load .yaml"
            f" {row.load_yaml_s:.3f} s, CSafeLoader compose {_s(row.compose_s)} s (x {yaml_ratio})",
            flush=True,
        )
        rows.append(row)
    return rows


# -- memory, in a process of its own ----------------------------------------------------


def peak_rss_mb() -> float | None:
    """This process's peak resident memory in MB, from ``VmHWM`` where /proc has it.

    ``ru_maxrss`` survives ``execve`` on Linux: a process started by a parent
    that has built and written a large calendar would report the parent's
    peak. ``VmHWM`` belongs to the process's own address space.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**10  # kB
    except OSError:
        pass
    return _ru_maxrss_mb()


def memory_child(path: str) -> None:
    """Load the file once, and report the peak resident memory."""
    thaiplan.loads_calendar(thaiplan.dumps_calendar(build_calendar(10)))  # one-off costs
    before = peak_rss_mb()
    start = time.perf_counter()
    calendar = thaiplan.load_calendar(path, max_bytes=2**31)
    seconds = time.perf_counter() - start
    result = {
        "steps": len(calendar.steps),
        "seconds": seconds,
        "before_mb": before,
        "peak_mb": peak_rss_mb(),
    }
    print(RESULT_TAG + json.dumps(result), flush=True)


def run_memory(folder: Path) -> dict[str, Any] | None:
    """Write the 1M-step JSON file, and load it in a new process."""
    print(f"{MEMORY_SIZE:,} steps: building and writing the file ...", flush=True)
    start = time.perf_counter()
    path = folder / "c1m.json"
    path.write_text(
        thaiplan.dumps_calendar(build_calendar(MEMORY_SIZE), format="json"), encoding="utf-8"
    )
    gc.collect()
    print(
        f"  {path.stat().st_size / 1e6:.0f} MB written in {time.perf_counter() - start:.0f} s;"
        " loading it in a new process ...",
        flush=True,
    )
    command = [sys.executable, os.path.abspath(__file__), "--memory-child", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_TAG):
            result: dict[str, Any] = json.loads(line.removeprefix(RESULT_TAG))
            print(
                f"  loaded {result['steps']:,} steps in {result['seconds']:.1f} s;"
                f" peak {result['peak_mb']:,.0f} MB",
                flush=True,
            )
            return result
    print(f"  the process failed (exit status {done.returncode}): {done.stderr[-500:]}")
    return None


# -- output -----------------------------------------------------------------------------


def _s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def print_table(rows: Sequence[Row]) -> None:
    """One line a size: loading, then writing."""
    print("Loading (CPU seconds, best of `runs` in one process):")
    print(
        f"{'steps':>9} {'runs':>4} {'JSON MB':>8} {'unavoid.':>9} {'load json':>10} {'ratio':>6}"
        f" {'YAML MB':>8} {'C compose':>10} {'load yaml':>10} {'ratio':>6}"
    )
    for r in rows:
        yaml_ratio = f"{r.yaml_ratio:.2f}" if r.yaml_ratio is not None else "n/a"
        print(
            f"{r.steps:>9,} {r.runs:>4} {r.json_mb:>8.1f} {r.unavoidable_s:>9.3f}"
            f" {r.load_json_s:>10.3f}"
            f" {r.json_ratio:>6.2f} {r.yaml_mb:>8.1f} {_s(r.compose_s):>10}"
            f" {r.load_yaml_s:>10.3f} {yaml_ratio:>6}"
        )
    print("\nWriting (CPU seconds, best of `runs` in one process):")
    print(
        f"{'steps':>9} {'json.dumps':>11} {'dumps json':>11} {'ratio':>6}"
        f" {'C dump':>8} {'dumps yaml':>11} {'ratio':>6}"
    )
    for r in rows:
        yaml_ratio = f"{r.dumps_yaml_s / r.yaml_dump_s:.2f}" if r.yaml_dump_s else "n/a"
        print(
            f"{r.steps:>9,} {r.json_dumps_s:>11.3f} {r.dumps_json_s:>11.3f}"
            f" {r.dumps_json_s / r.json_dumps_s:>6.2f} {_s(r.yaml_dump_s):>8}"
            f" {r.dumps_yaml_s:>11.3f} {yaml_ratio:>6}"
        )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_goals(rows: Sequence[Row], memory: dict[str, Any] | None, measured: bool) -> None:
    """PASS/FAIL beside each goal that this run measured."""
    print("\nGoals:")
    by_size = {r.steps: r for r in rows}
    goal = by_size.get(GOAL_SIZE)
    if goal is None:
        print(f"  (the ratio goals are at {GOAL_SIZE:,} steps: run without --quick)")
    else:
        print(
            f"  {verdict(goal.json_ratio <= JSON_GOAL)}  load_calendar(.json), {GOAL_SIZE:,} steps:"
            f" {goal.json_ratio:.2f} x the unavoidable work (goal <= {JSON_GOAL:g})"
        )
        if goal.yaml_ratio is None:
            print("  n/a   load_calendar(.yaml): libyaml is not installed, nothing to compare")
        else:
            print(
                f"  {verdict(goal.yaml_ratio <= YAML_GOAL)}  load_calendar(.yaml),"
                f" {GOAL_SIZE:,} steps: {goal.yaml_ratio:.2f} x CSafeLoader compose"
                f" (goal <= {YAML_GOAL:g})"
            )
    small, large = by_size.get(GOAL_SIZE // 10), goal
    if small is not None and large is not None:
        print(f"  (growth from {GOAL_SIZE // 10:,} to {GOAL_SIZE:,} steps, 10 times the steps)")
        for name, low, high, base_low, base_high, baseline in (
            (
                "load_calendar(.json)",
                small.load_json_s,
                large.load_json_s,
                small.unavoidable_s,
                large.unavoidable_s,
                "the unavoidable work",
            ),
            (
                "load_calendar(.yaml)",
                small.load_yaml_s,
                large.load_yaml_s,
                small.compose_s,
                large.compose_s,
                "CSafeLoader compose",
            ),
            (
                "dumps_calendar(json)",
                small.dumps_json_s,
                large.dumps_json_s,
                small.json_dumps_s,
                large.json_dumps_s,
                "json.dumps",
            ),
            (
                "dumps_calendar(yaml)",
                small.dumps_yaml_s,
                large.dumps_yaml_s,
                small.yaml_dump_s,
                large.yaml_dump_s,
                "CSafeDumper",
            ),
        ):
            growth = high / low
            if base_low is None or base_high is None:  # no libyaml: nothing ran beside it
                print(
                    f"  {verdict(growth <= FLAT_GOAL)}  {name} linear: {growth:.1f}x"
                    f" (no baseline; goal <= {FLAT_GOAL:g})"
                )
                continue
            relative = growth / (base_high / base_low)
            print(
                f"  {verdict(relative <= LINEAR_GOAL)}  {name} linear: grows {relative:.2f} times"
                f" as much as {baseline} ({growth:.1f}x against {base_high / base_low:.1f}x;"
                f" goal <= {LINEAR_GOAL:g})"
            )
    if not measured:
        print("  (the memory goal runs without --quick and --no-memory)")
    elif memory is None or memory.get("peak_mb") is None:
        print("  n/a   memory: the run failed or the platform does not report it")
    else:
        print(
            f"  {verdict(memory['peak_mb'] < GOAL_MB)}  {MEMORY_SIZE:,} steps loaded:"
            f" peak {memory['peak_mb']:,.0f} MB (goal < {GOAL_MB:,.0f})"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the results; always 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1k and 10k steps, no memory run")
    parser.add_argument("--no-memory", action="store_true", help="skip the 1M-step memory run")
    parser.add_argument("--memory-only", action="store_true", help="only the 1M-step memory run")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of the interleaved run (default 3)"
    )
    parser.add_argument("--memory-child", metavar="PATH", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.memory_child:
        memory_child(options.memory_child)
        return 0
    started = time.perf_counter()
    print(f"Python {platform.python_version()} on {platform.machine()} ({platform.platform()})")
    print(
        f"thaiplan {thaiplan.__version__}, PyYAML {yaml.__version__}"
        f" (libyaml: {'yes' if yaml.__with_libyaml__ else 'no'}), {os.cpu_count()} CPUs\n"
    )
    thaiplan.loads_calendar(thaiplan.dumps_calendar(build_calendar(20), format="json"))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        sizes = () if options.memory_only else QUICK_SIZES if options.quick else SIZES
        rows = run_sizes(sizes, folder, options.rounds) if sizes else []
        measure_memory = not (options.quick or options.no_memory)
        memory = run_memory(folder) if measure_memory else None
    print()
    print_table(rows)
    print_goals(rows, memory, measure_memory)
    print(f"\nTotal time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
