"""Benchmark thaiplan's schedule() against a plain networkx pass, and its peak memory.

What it measures, for random acyclic calendars of 1,000, 10,000, 100,000 and
1,000,000 steps (about two dependencies a step):

- :func:`thaiplan.schedule` on the calendar, as a whole: indexing the steps,
  Kahn's sort, the forward and backward passes, free slack and the
  :class:`~thaiplan.Schedule` it returns;
- a plain forward/backward pass over a :class:`networkx.DiGraph` of the same
  calendar (nodes with their window and duration as day ordinals, edges with
  their lag): ``networkx.topological_sort``, then earliest start/finish in
  that order and latest finish/start in reverse, into dicts. Building the
  graph is not timed; it computes the bounds only, not what sets them, nor
  free slack, nor a result object, so it is a lower bound of what a
  networkx-based ``schedule()`` would cost;
- the peak resident memory of the process that builds the calendar and
  schedules it, and how much of it ``schedule()`` adds to the calendar.

Every step's earliest start and finish and latest start and finish from
``schedule()`` are checked against the plain pass; mismatches are counted and
the first few printed.

The calendars are built with thaiplan's own classes (:class:`~thaiplan.Step`,
:class:`~thaiplan.Dependency`, :class:`~thaiplan.PlanningCalendar`) from a
fixed seed, with periods given as :class:`~thaiplan.dates.Period` objects
(months, two-month spans, deadlines and day ranges over two fiscal years), so
that building parses no text; building is not timed. Steps take 1-15 days.
A step depends only on steps planned at least 25 days before it (so the
calendar is acyclic, and mostly feasible): four in five of its dependencies
on a step planned 25-60 days before, the rest on any such step; about a third
have a lag of 1-7 calendar days (no working-day lags: the plain pass knows no
holidays). Windows bind some steps and dependencies others; steps with a
month's window and a long duration late in the month have negative slack.

Each size runs in a process of its own (the script runs itself with
``--one N``), so each size's peak memory is its own: the peak is read from
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` after ``schedule()``, before the
networkx graph is built. Times are the best of several runs (one at 1M steps),
``time.perf_counter``, with the garbage collector on, as a caller has it
(collected before each run). It prints PASS/FAIL for the goals of the issue
(at 100k steps ``schedule()`` at least 4 times faster than the plain pass; 1M
steps within 2 GB) but always exits 0: it is a measurement, not a test.

Run it from the repository root::

    python benchmarks/bench_schedule.py              # the four sizes: a minute or two
    python benchmarks/bench_schedule.py --quick      # 1k and 10k steps: a few seconds
    python benchmarks/bench_schedule.py --max 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Final, TypeVar

import networkx

import thaiplan
from thaiplan import Dependency, PlanningCalendar, Step
from thaiplan.dates import FiscalYear, Period, format_period

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]

try:
    from thaiplan import schedule
except ImportError:  # pragma: no cover - before schedule() was exported
    from thaiplan.scheduling._passes import schedule

SIZES: Final = (1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES: Final = (1_000, 10_000)
SEED: Final = 2563
GOAL_SIZE: Final = 100_000  # schedule() at least GOAL_RATIO times faster than the plain pass
GOAL_RATIO: Final = 4.0
MEMORY_SIZE: Final = 1_000_000  # the process peaks at no more than GOAL_MB
GOAL_MB: Final = 2048.0
RESULT_TAG: Final = "RESULT "  # the child's last line: RESULT {json}

FISCAL_YEAR: Final = 2563  # the calendar prepares FY 2563 (พ.ศ.), as the Samut Sakhon one
FIRST_DAY: Final = dt.date(2017, 10, 1)  # and runs in FY 2561 and 2562, as its cycle does
SPAN_DAYS: Final = 730  # the steps' planned days spread over those two fiscal years
LOCAL_BEFORE: Final = (25, 60)  # most dependencies: a step planned this many days before
LONG_RANGE: Final = 0.2  # the share on any step planned at least LOCAL_BEFORE[0] days before
LAGGED: Final = 0.3  # the share of dependencies with a lag of 1-7 days
PHASES: Final = ("area-based", "mechanism", "plan-review", "budget")
TITLES: Final = (
    "ประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ",
    "จัดทำข้อมูลปัญหาและความต้องการของพื้นที่",
    "ทบทวนแผนพัฒนาจังหวัด",
    "จัดทำคำของบประมาณ",
    "ส่งแผนให้สำนักงานปลัดกระทรวงมหาดไทย",
    "ประชาคมระดับอำเภอ",
)
SHOW_MISMATCHES: Final = 10

T = TypeVar("T")


@dataclass(frozen=True)
class Result:
    """What one size measured (one child process).

    Attributes:
        steps: Steps in the calendar.
        edges: Dependencies in the calendar.
        build_s: Seconds to build the calendar (not part of any timing).
        runs: Timed runs of each; the best counts.
        schedule_s: ``schedule()``, best run, seconds.
        networkx_s: The plain networkx pass, best run, seconds.
        graph_s: Seconds to build the networkx graph (not timed in the pass).
        base_mb: Resident memory before building the calendar (the interpreter).
        built_mb: Resident memory with the calendar built (after a collection).
        peak_mb: Peak resident memory of the process after ``schedule()``, before
            the networkx graph exists: building and scheduling.
        mismatches: Steps whose bounds differ between the two.
        negative: Steps with negative total slack (by ``schedule()``).
    """

    steps: int
    edges: int
    build_s: float
    runs: int
    schedule_s: float
    networkx_s: float
    graph_s: float
    base_mb: float | None
    built_mb: float | None
    peak_mb: float | None
    mismatches: int
    negative: int

    @property
    def ratio(self) -> float:
        """The networkx pass's time over ``schedule()``'s (above 1: schedule() is faster)."""
        return self.networkx_s / self.schedule_s

    @property
    def schedule_mb(self) -> float | None:
        """What ``schedule()`` adds to the peak: peak less the calendar built."""
        if self.peak_mb is None or self.built_mb is None:
            return None
        return self.peak_mb - self.built_mb


# -- memory ---------------------------------------------------------------------------


def peak_rss_mb() -> float | None:
    """The peak resident memory of this process so far, in MB (2**20 bytes)."""
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes / KiB


def current_rss_mb() -> float | None:
    """The resident memory of this process now, in MB, where /proc tells it."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


# -- the calendar ---------------------------------------------------------------------


class PeriodPool:
    """Period objects and their texts, made once each and shared by the steps."""

    def __init__(self) -> None:
        self._periods: dict[tuple[object, ...], tuple[Period, str]] = {}

    def get(self, key: tuple[object, ...], make: Callable[[], Period]) -> tuple[Period, str]:
        """The period (and its Thai text) for ``key``, made by ``make`` the first time."""
        found = self._periods.get(key)
        if found is None:
            period = make()
            found = self._periods[key] = (period, format_period(period))
        return found


def _month_after(year: int, month: int, months: int = 1) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def window(day: dt.date, duration: int, rng: random.Random, pool: PeriodPool) -> tuple[Period, str]:
    """A stated period for a step planned on ``day``: a month, two months, a deadline or days."""
    year, month = day.year, day.month
    draw = rng.random()
    if draw < 0.35:  # the month it is planned in (พ.ค. ๖๑)
        return pool.get(("month", year, month), lambda: Period.month(year, month))
    if draw < 0.55:  # that month and the next (พ.ค. - มิ.ย. ๖๑)
        last = _month_after(year, month)
        return pool.get(("months", year, month), lambda: Period.months((year, month), last))
    if draw < 0.80:  # by the end of the next month, with no start (ภายใน มิ.ย. ๖๑)
        deadline_month = _month_after(year, month)
        return pool.get(
            ("deadline", *deadline_month),
            lambda: Period.deadline_of(Period.month(*deadline_month)),
        )
    # days from the planned day, with 0-20 days to spare (๓ - ๒๐ พ.ค. ๖๑)
    end = day + dt.timedelta(days=duration - 1 + rng.randint(0, 20))
    return pool.get(("days", day, end), lambda: Period.days(day, end))


def build_calendar(n: int, seed: int = SEED) -> PlanningCalendar:
    """A random acyclic calendar of ``n`` steps, about two dependencies a step.

    Step ``i`` is planned on day ``i * SPAN_DAYS // n`` from ``FIRST_DAY``; it
    depends only on steps planned at least 25 days before it (0-4 of them, 2
    on average; none in the first 25 days), most planned 25-60 days before it,
    the rest any earlier.
    """
    rng = random.Random(seed)
    pool = PeriodPool()
    ids = [f"s{i + 1}" for i in range(n)]
    per_day = n / SPAN_DAYS
    near, far = (round(days * per_day) for days in LOCAL_BEFORE)
    steps = []
    for i in range(n):
        day = FIRST_DAY + dt.timedelta(days=i * SPAN_DAYS // n)
        duration = rng.randint(1, 15)
        period, text = window(day, duration, rng, pool)
        before: set[int] = set()
        latest = i - near  # steps planned at least LOCAL_BEFORE[0] days before
        for _ in range(rng.randint(0, 4) if latest > 0 else 0):  # 0-4 draws: 2 on average
            earliest = 0 if rng.random() < LONG_RANGE else max(0, i - far)
            before.add(rng.randrange(earliest, latest))
        after = [
            Dependency(ids[j], rng.randint(1, 7) if rng.random() < LAGGED else 0)
            for j in sorted(before)
        ]
        steps.append(
            Step(
                ids[i],
                i + 1,
                PHASES[i * len(PHASES) // n],
                TITLES[i % len(TITLES)],
                text,
                period=period,
                after=after,
                duration=duration,
            )
        )
    return PlanningCalendar(
        f"random calendar of {n} steps (seed {seed})",
        "สมุทรสาคร",
        FISCAL_YEAR,
        phases=[thaiplan.Phase(phase, phase) for phase in PHASES],
        steps=steps,
    )


# -- the plain networkx pass ----------------------------------------------------------


def networkx_graph(calendar: PlanningCalendar) -> Any:
    """The calendar as a DiGraph: nodes with window and duration (day ordinals), lagged edges."""
    graph = networkx.DiGraph(fiscal_year=calendar.fiscal_year)
    for step in calendar.steps:
        period = step.period
        graph.add_node(
            step.id,
            start=period.start.toordinal() if period.start is not None else None,
            end=period.end.toordinal(),
            duration=step.duration,
        )
    for step in calendar.steps:
        for dependency in step.after:
            graph.add_edge(dependency.step, step.id, lag=dependency.lag)
    return graph


Bounds = tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int]]


def networkx_pass(graph: Any) -> Bounds:
    """Earliest start and finish, latest start and finish of every node, as day ordinals.

    A step with no start of its own and no step before it starts on the
    calendar's first day, by thaiplan's rule (see :mod:`thaiplan.scheduling._passes`):
    the start of the fiscal year two years before the calendar's, or the
    earliest start a step states when that is earlier.
    """
    nodes = graph.nodes
    cycle = FiscalYear(graph.graph["fiscal_year"] - 2).start.toordinal()
    first_day = min((start for _, start in nodes(data="start") if start is not None), default=cycle)
    first_day = min(first_day, cycle)
    order = list(networkx.topological_sort(graph))
    es: dict[str, int] = {}
    ef: dict[str, int] = {}
    for node in order:
        data = nodes[node]
        best = data["start"]
        if best is None:
            best = first_day
        for before, edge in graph.pred[node].items():
            bound = ef[before] + 1 + edge["lag"]
            if bound > best:
                best = bound
        es[node] = best
        ef[node] = best + data["duration"] - 1
    ls: dict[str, int] = {}
    lf: dict[str, int] = {}
    for node in reversed(order):
        data = nodes[node]
        best = data["end"]
        for later, edge in graph.succ[node].items():
            bound = ls[later] - 1 - edge["lag"]
            if bound < best:
                best = bound
        lf[node] = best
        ls[node] = best - data["duration"] + 1
    return es, ef, ls, lf


def mismatches(result: thaiplan.Schedule, plain: Bounds) -> list[str]:
    """The steps whose bounds differ between ``schedule()`` and the plain pass, described."""
    es, ef, ls, lf = plain
    found = []
    for step_id, bounds in result.items():
        ours = (
            bounds.earliest_start.toordinal(),
            bounds.earliest_finish.toordinal(),
            bounds.latest_start.toordinal(),
            bounds.latest_finish.toordinal(),
        )
        theirs = (es[step_id], ef[step_id], ls[step_id], lf[step_id])
        if ours != theirs:
            days = ", ".join(
                f"{name} {dt.date.fromordinal(a)} vs {dt.date.fromordinal(b)}"
                for name, a, b in zip(("ES", "EF", "LS", "LF"), ours, theirs, strict=True)
                if a != b
            )
            found.append(f"{step_id}: schedule() vs networkx: {days}")
    return found


# -- one size, in its own process -----------------------------------------------------


def best_of(func: Callable[[], T], runs: int) -> tuple[float, T]:
    """The best time of ``runs`` calls of ``func``, and the last call's result.

    The garbage collector stays on, as a caller has it, and collects before
    each run; each result is dropped before the next run.
    """
    best = float("inf")
    result: T | None = None
    for _ in range(runs):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def runs_for(n: int) -> int:
    """How many timed runs a size gets: fewer for bigger calendars, one at 1M."""
    if n <= 1_000:
        return 20
    if n <= 10_000:
        return 10
    if n <= 100_000:
        return 5
    return 1


def run_one(n: int, runs: int) -> Result:
    """Build a calendar of ``n`` steps, time both passes, check them; print as it goes."""
    schedule(build_calendar(20, seed=1))  # the first call's one-off costs, untimed
    gc.collect()
    base_mb = current_rss_mb()
    start = time.perf_counter()
    calendar = build_calendar(n)
    build_s = time.perf_counter() - start
    edges = sum(len(step.after) for step in calendar.steps)
    gc.collect()
    built_mb = current_rss_mb()
    print(f"{n:,} steps, {edges:,} edges: calendar built in {build_s:.1f} s", flush=True)

    schedule_s, result = best_of(lambda: schedule(calendar), runs)
    peak_mb = peak_rss_mb()  # building and scheduling; the networkx graph does not exist yet
    negative = sum(1 for bounds in result.values() if bounds.total_slack < 0)
    print(f"  schedule(): best of {runs}: {schedule_s:.4f} s", flush=True)

    start = time.perf_counter()
    graph = networkx_graph(calendar)
    graph_s = time.perf_counter() - start
    networkx_s, plain = best_of(lambda: networkx_pass(graph), runs)
    print(
        f"  networkx pass: best of {runs}: {networkx_s:.4f} s (graph built in {graph_s:.1f} s)",
        flush=True,
    )

    differ = mismatches(result, plain)
    print(
        f"  checked {len(result):,} steps' bounds against the networkx pass:"
        f" {len(differ)} mismatches; {negative:,} steps with negative slack"
    )
    for line in differ[:SHOW_MISMATCHES]:
        print(f"    mismatch: {line}")
    if len(differ) > SHOW_MISMATCHES:
        print(f"    ... and {len(differ) - SHOW_MISMATCHES} more")
    return Result(
        steps=n,
        edges=edges,
        build_s=build_s,
        runs=runs,
        schedule_s=schedule_s,
        networkx_s=networkx_s,
        graph_s=graph_s,
        base_mb=base_mb,
        built_mb=built_mb,
        peak_mb=peak_mb,
        mismatches=len(differ),
        negative=negative,
    )


def run_child(n: int, runs: int | None) -> Result | None:
    """Run ``--one n`` in a new process, echo what it prints, and return its result."""
    command = [sys.executable, os.path.abspath(__file__), "--one", str(n)]
    if runs is not None:
        command += ["--runs", str(runs)]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = None
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, encoding="utf-8", env=environment
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith(RESULT_TAG):
                result = Result(**json.loads(line.removeprefix(RESULT_TAG)))
            else:
                print(line, end="", flush=True)
    if child.returncode != 0 or result is None:
        print(f"  the process for {n:,} steps failed (exit status {child.returncode})")
        return None
    return result


# -- output ---------------------------------------------------------------------------


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f}"


def print_table(results: Sequence[Result]) -> None:
    """Print one line a size."""
    headers = (
        "steps",
        "edges",
        "runs",
        "schedule() s",
        "networkx pass s",
        "ratio",
        "peak MB",
        "schedule() MB",
        "calendar MB",
        "mismatches",
        "neg. slack",
    )
    cells = [
        (
            f"{r.steps:,}",
            f"{r.edges:,}",
            f"{r.runs}",
            f"{r.schedule_s:.4f}",
            f"{r.networkx_s:.4f}",
            f"{r.ratio:.2f}",
            _mb(r.peak_mb),
            _mb(r.schedule_mb),
            _mb(None if r.built_mb is None or r.base_mb is None else r.built_mb - r.base_mb),
            f"{r.mismatches}",
            f"{r.negative:,}",
        )
        for r in results
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    print(
        "Results (times: the best of `runs` runs; ratio = networkx pass / schedule(),"
        " above 1: schedule() is faster)"
    )
    print("  " + "  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True)))
    print("  " + "  ".join("-" * w for w in widths))
    for cell in cells:
        print("  " + "  ".join(c.rjust(w) for c, w in zip(cell, widths, strict=True)))
    print("  peak MB: peak resident memory of the process that built and scheduled the calendar")
    print("  schedule() MB: that peak less the resident memory with the calendar built")
    print("  calendar MB: what building the calendar added to the resident memory")
    print("  mismatches: steps whose bounds differ between schedule() and the networkx pass")
    print("  neg. slack: steps schedule() gives negative total slack")
    print()


def print_goals(results: Sequence[Result]) -> None:
    """Print the issue's goals as PASS/FAIL (SKIP when the size was not run)."""
    by_size = {r.steps: r for r in results}
    print("Goals")
    row = by_size.get(GOAL_SIZE)
    if row is None:
        print(f"  SKIP  {GOAL_SIZE:,} steps: ratio >= {GOAL_RATIO:g}: not run")
    else:
        verdict = "PASS" if row.ratio >= GOAL_RATIO else "FAIL"
        print(
            f"  {verdict}  {GOAL_SIZE:,} steps: ratio >= {GOAL_RATIO:g}: {row.ratio:.2f}"
            f" (networkx pass {row.networkx_s:.3f} s / schedule() {row.schedule_s:.3f} s)"
        )
    row = by_size.get(MEMORY_SIZE)
    if row is None or row.peak_mb is None:
        reason = "not run" if row is None else "no resource module"
        print(f"  SKIP  {MEMORY_SIZE:,} steps: peak <= {GOAL_MB:g} MB: {reason}")
    else:
        verdict = "PASS" if row.peak_mb <= GOAL_MB else "FAIL"
        print(
            f"  {verdict}  {MEMORY_SIZE:,} steps: peak <= {GOAL_MB:g} MB: {row.peak_mb:,.0f} MB"
            f" (building and scheduling; schedule() alone adds {_mb(row.schedule_mb)} MB)"
        )


def print_environment() -> None:
    """Print the versions and the machine, for comparing runs."""
    print(f"Python {platform.python_version()} on {platform.machine()} ({platform.platform()})")
    print(
        f"thaiplan {thaiplan.__version__}, networkx {networkx.__version__}, {os.cpu_count()} CPUs"
    )
    print()


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1k and 10k steps only")
    parser.add_argument(
        "--max", type=int, metavar="N", help="sizes up to N steps (N itself if not a standard one)"
    )
    parser.add_argument("--runs", type=int, help="timed runs per size (default: fewer when larger)")
    parser.add_argument(
        "--one", type=int, metavar="N", help="run one size in this process (what the runs use)"
    )
    options = parser.parse_args(argv)
    for name in ("max", "runs", "one"):
        value = getattr(options, name)
        if value is not None and value < 1:
            parser.error(f"--{name} must be at least 1")
    return options


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the results; always 0."""
    options = parse_arguments(argv)
    if options.one is not None:
        result = run_one(options.one, options.runs or runs_for(options.one))
        print(RESULT_TAG + json.dumps(asdict(result)), flush=True)
        return 0
    started = time.perf_counter()
    print_environment()
    sizes = list(QUICK_SIZES if options.quick else SIZES)
    if options.max is not None:
        sizes = [n for n in sizes if n <= options.max]
        if options.max not in sizes and not options.quick:
            sizes.append(options.max)
    results = [r for n in sizes if (r := run_child(n, options.runs)) is not None]
    print()
    if results:
        print_table(results)
    print_goals(results)
    print(f"\nTotal time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
