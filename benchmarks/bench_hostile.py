"""Benchmark thaiplan on hostile input: time that grows with the input, never faster.

The unit tests (``tests/test_dates_hostile.py``, ``tests/test_hostile_files.py``)
check what hostile input gives: a value or a located thaiplan error. How long it
takes is measured here, in ratios within one run, never as absolute times:

- **Date parsers** on texts built to make a backtracking pattern slow
  (``tests/hostile_texts.py``): each parser on each text at a quarter, a half and
  the whole of the length limit. Linear time gives a growth t(4n)/t(n) of 4, a
  quadratic parser 16: PASS at most 9 (three times per doubling).
- **The inputs of issue 13** (7-20 s each before the parsers were made linear):
  each against one plain parse of a document date in the same run. PASS under
  200 times.
- **Files**: a billion-laughs alias bomb, deep nesting in JSON and in YAML, and
  a recursive alias, each refused by the marked reader; against loading the
  built-in Samut Sakhon calendar with marks in the same run. PASS under 20
  times (they are a few hundred bytes to a few hundred kilobytes; a runaway
  input takes minutes).

Each figure is the best of many single calls, the inputs timed in turn, so that
a busy machine slows them alike, with the date cache cleared before each call. It prints PASS/FAIL and always exits 0: it is a
measurement, not a test.

Run it from the repository root::

    python benchmarks/bench_hostile.py            # about a minute
    python benchmarks/bench_hostile.py --quick    # a few seconds
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_texts import ISSUE_TEXTS, PARSERS, SLOW_TEXTS, hostile_text
from thaiplan.dates._parse import MAX_TEXT_LENGTH, _parse_date
from thaiplan.errors import ThaiplanError
from thaiplan.io._files import _calendar_of
from thaiplan.io._reader import _compose, _Reader

#: At most three times the time for twice the input, over two doublings.
GROWTH_GOAL = 9.0
#: An issue-13 input against one plain parse.
ISSUE_GOAL = 200.0
#: A hostile file against loading the built-in calendar with marks.
FILE_GOAL = 20.0
PLAIN_DATE = "วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น."


def best_times(call: Callable[[str], object], texts: list[str], runs: int) -> list[float]:
    """The fastest of ``runs`` single calls of ``call`` on each text, the texts in turn."""
    best = [float("inf")] * len(texts)
    gc.disable()
    try:
        for _ in range(runs):
            for index, text in enumerate(texts):
                # a date read once is cached: time the reading, not the cache
                _parse_date.cache_clear()
                started = time.perf_counter()
                with contextlib.suppress(ThaiplanError):
                    call(text)
                best[index] = min(best[index], time.perf_counter() - started)
    finally:
        gc.enable()
    return best


def marked(text: str) -> object:
    """What the marked reader gives for ``text``: a calendar, or the error raised."""
    reader = _Reader("hostile.yaml")
    return _calendar_of(reader, _compose(text, reader))


def alias_bomb(levels: int) -> str:
    """A billion laughs: each level nine aliases of the one before."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        uses = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{uses}]")
    return "\n".join(lines) + "\n"


def verdict(ratio: float, goal: float) -> str:
    return "PASS" if ratio <= goal else "FAIL"


def dates(runs: int) -> int:
    """Print the growth of every parser on every slow text; the number of failures."""
    quarter = MAX_TEXT_LENGTH // 4
    sizes = (quarter, 2 * quarter, 4 * quarter)
    print(f"date parsers: growth t(4n)/t(n), n = {quarter:,} characters (goal <= {GROWTH_GOAL:g})")
    failures = 0
    worst = 0.0
    for name, parser in PARSERS.items():
        for label, head, piece, tail in SLOW_TEXTS:
            texts = [hostile_text(head, piece, tail, size) for size in sizes]
            times = best_times(parser, texts, runs)
            growth = times[2] / times[0]
            worst = max(worst, growth)
            if growth > GROWTH_GOAL:
                failures += 1
                print(f"  FAIL {name} on {label}: {growth:.1f}x")
    count = len(PARSERS) * len(SLOW_TEXTS)
    print(f"  {count} parser x text pairs, worst growth {worst:.1f}x, {failures} over the goal")
    plain = best_times(PARSERS["parse_date"], [PLAIN_DATE], runs)[0]
    print(f"issue 13 inputs against one plain parse ({plain * 1e6:.1f} µs; goal < {ISSUE_GOAL:g}x)")
    for name, parser in PARSERS.items():
        slowest = max(best_times(parser, ISSUE_TEXTS, runs))
        ratio = slowest / plain
        failures += ratio >= ISSUE_GOAL
        print(f"  {verdict(ratio, ISSUE_GOAL - 1e-9)} {name}: slowest {ratio:.1f}x")
    return failures


def files(runs: int) -> int:
    """Print hostile files against loading the built-in calendar; the number of failures."""
    seed = (
        Path(__file__).resolve().parent.parent
        / "src"
        / "thaiplan"
        / "data"
        / "samut-sakhon-2563.yaml"
    )
    inputs = {
        "the built-in calendar (baseline)": seed.read_text(encoding="utf-8"),
        "alias bomb, 30 levels": alias_bomb(30),
        "JSON nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
        "JSON objects nested 5,000 deep": '{"a": ' * 5_000 + "1" + "}" * 5_000,
        "YAML blocks nested 300 deep": "".join(f"{'  ' * level}- \n" for level in range(300)),
        "recursive alias": "a: &a [*a]\n",
    }
    times = best_times(marked, list(inputs.values()), max(3, runs // 4))
    baseline = times[0]
    print(
        f"hostile files against the built-in calendar ({baseline * 1e3:.1f} ms; goal < {FILE_GOAL:g}x)"
    )
    failures = 0
    for name, seconds in list(zip(inputs, times, strict=True))[1:]:
        ratio = seconds / baseline
        failures += ratio >= FILE_GOAL
        print(f"  {verdict(ratio, FILE_GOAL - 1e-9)} {name}: {seconds * 1e3:.1f} ms, {ratio:.2f}x")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: a few seconds")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (best of)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 20)
    failures = dates(runs) + files(runs)
    print("all goals PASS" if not failures else f"{failures} figure(s) FAIL")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
