"""Benchmark ``import thaiplan`` against an earlier revision and against its own dependencies.

Each run is a new process that times its own ``import thaiplan`` in CPU
time (``time.process_time_ns`` around the statement), so that neither the
interpreter's start (the same for every run) nor the other processes of a
shared machine count; ``python -X importtime`` reports wall time, which on a
loaded machine varies several times over. Nothing is cached in memory between
runs. The bytecode (``.pyc``) is written by a first run that is not timed,
into a temporary ``PYTHONPYCACHEPREFIX``, as ``pip install`` writes it for a
user: with ``PYTHONDONTWRITEBYTECODE`` set (as some sandboxes and containers
set it), every import compiles every module from source, and that compiling
(which grows with the size of the source, not with what the import does)
would be most of the figure.

Three imports alternate, run after run, so that the load of a shared machine
falls on each of them alike, and the median of each is compared:

- *this tree*: ``import thaiplan`` from the ``src`` folder next to this script;
- *reference*: ``import thaiplan`` from a revision of the repository
  (``--against REV``, by default the commit that made the package load its
  layers on first use and brought ``import thaiplan`` to about 60-76 ms, the
  time issue 12 calls "today's"), exported with ``git archive`` into a
  temporary folder;
- *dependencies*: ``import`` of the modules of the standard library and the
  packages that ``import thaiplan`` loads before any line of thaiplan runs
  (attrs, re, datetime, enum, typing, difflib, unicodedata, locale, calendar,
  platform): the part no change to thaiplan can remove.

Goal (issue 12), printed as PASS/FAIL: the median of this tree at most the
median of the reference. It always exits 0.

Run it from the repository root::

    python benchmarks/bench_import.py               # 21 runs of each
    python benchmarks/bench_import.py --runs 15 --against 5e79823
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
#: "Load files, scheduling, validation and exports on first use, halving import time".
DEFAULT_REFERENCE: Final = "0b54e39"
DEPENDENCIES: Final = (
    "attrs, re, datetime, enum, typing, difflib, unicodedata, locale, calendar, platform"
)


def import_us(src: Path | None, modules: str, pycache: str) -> int:
    """CPU microseconds that ``import modules`` took in a new process, with bytecode in ``pycache``."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")
    }
    environment["PYTHONPYCACHEPREFIX"] = pycache
    if src is not None:
        environment["PYTHONPATH"] = str(src)
    statement = (
        "import time; start = time.process_time_ns(); import "
        + modules
        + "; print((time.process_time_ns() - start) // 1000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", statement],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return int(result.stdout)


def export(revision: str, folder: str) -> Path:
    """The ``src`` folder of ``revision``, written into ``folder``."""
    archive = Path(folder) / "src.tar"
    with archive.open("wb") as file:
        subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "src"],
            stdout=file,
            check=True,
        )
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return Path(folder) / "src"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the results; always 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=21, help="runs of each import (default 21)")
    parser.add_argument(
        "--against", default=DEFAULT_REFERENCE, help=f"the reference revision ({DEFAULT_REFERENCE})"
    )
    options = parser.parse_args(argv)
    here = ROOT / "src"
    with tempfile.TemporaryDirectory() as folder:
        reference = export(options.against, folder)
        cases = {
            "this tree": (here, "thaiplan"),
            f"reference {options.against}": (reference, "thaiplan"),
            "dependencies": (None, DEPENDENCIES),
        }
        pycache = os.path.join(folder, "pycache")
        for src, modules in cases.values():
            import_us(src, modules, pycache)  # writes the .pyc files; not timed
        times: dict[str, list[int]] = {name: [] for name in cases}
        for _ in range(options.runs):
            for name, (src, modules) in cases.items():
                times[name].append(import_us(src, modules, pycache))
    print(
        f"Python {sys.version.split()[0]}; {options.runs} alternated runs of each, new processes,"
        " CPU time of the import statement"
    )
    print(f"  {'import':<22} {'median ms':>9} {'min ms':>7} {'max ms':>7}")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values) / 1000
        print(
            f"  {name:<22} {medians[name]:>9.1f} {min(values) / 1000:>7.1f} {max(values) / 1000:>7.1f}"
        )
    mine, theirs = medians["this tree"], medians[f"reference {options.against}"]
    floor = medians["dependencies"]
    print(
        f"  this tree over the reference: {mine / theirs:.2f}x; thaiplan's own share"
        f" (less the dependencies): {mine - floor:.1f} ms against {theirs - floor:.1f} ms"
    )
    verdict = "PASS" if mine <= theirs else "FAIL"
    print(
        f"Goal\n  {verdict}  import thaiplan <= the reference {options.against}: {mine:.1f} ms <= {theirs:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
