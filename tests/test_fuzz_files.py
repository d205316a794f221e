"""Fuzzing the loaders: mutated versions of every shipped calendar and document (issue 13).

Every shipped file (``src/thaiplan/data/*.yaml``, ``examples/*.yaml``,
``docs/examples/*.yaml``), in YAML and in the JSON thaiplan writes, is broken
by 1-3 mutations (line deletions, swaps and duplicates, indentation changes,
values of the wrong type, huge numbers, alias bombs, recursive aliases, deep
nesting, tags, stray characters, tabs, truncation) and perhaps one change of
its bytes (a BOM, CRLF, a NUL, bytes that are not UTF-8, TIS-620). The
property, for :func:`~thaiplan.load_calendar`, :func:`~thaiplan.load_document`
and :func:`~thaiplan.loads_calendar`: a value or a
:class:`~thaiplan.errors.ThaiplanError`, never another exception, within a
bounded time; and the fast reader gives exactly what the marked reader gives.

The size is modest in CI. Set ``THAIPLAN_FUZZ_EXAMPLES`` to run more, such as a
million inputs::

    THAIPLAN_FUZZ_EXAMPLES=1000000 pytest tests/test_fuzz_files.py -s

With ``-s`` the module prints how many inputs it tried and what came of them.
"""

from __future__ import annotations

import collections
import io
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import Mutated, hostile_blocks, mutated_files, shipped_files
from thaiplan import (
    CalendarFileError,
    PlanningCalendar,
    PlanningDocument,
    ThaiplanError,
    load_calendar,
    load_document,
    loads_calendar,
)
from thaiplan.io._files import _calendar_of
from thaiplan.io._reader import _compose, _Reader

#: Inputs per property; THAIPLAN_FUZZ_EXAMPLES raises it.
EXAMPLES = int(os.environ.get("THAIPLAN_FUZZ_EXAMPLES", "100"))

FILES = shipped_files()
TALLY: collections.Counter[str] = collections.Counter()
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    """Print the tally of outcomes when the module is done (seen with ``pytest -s``)."""
    yield
    total = sum(count for key, count in TALLY.items() if key.startswith("input:"))
    print(f"\nfuzzed files: {total:,} inputs")
    for key, count in sorted(TALLY.items()):
        print(f"  {key}: {count:,}")


def outcome(load: object, *args: object) -> object:
    """Call a loader: its value, or the ThaiplanError it raised, never other errors."""
    try:
        result: object = load(*args)  # type: ignore[operator]
    except ThaiplanError as error:
        result = error
    TALLY[f"{getattr(load, '__name__', load)}: {type(result).__name__}"] += 1
    return result


def marked(text: str) -> object:
    """The marked reader alone on ``text``: the calendar, or the problems."""
    reader = _Reader("<string>")
    try:
        return _calendar_of(reader, _compose(text, reader))
    except CalendarFileError as error:
        return error.problems


@FUZZ
@given(mutated_files(FILES))
def test_mutated_files(case: Mutated) -> None:
    """Each loader gives a value or a thaiplan error, and fast and marked readers agree."""
    name, data = case.name, case.data
    TALLY[f"input: {name.rsplit('.', 1)[-1].split(' ')[0]}"] += 1
    calendar = outcome(load_calendar, io.BytesIO(data))
    assert isinstance(calendar, PlanningCalendar | ThaiplanError)
    document = outcome(load_document, io.BytesIO(data))
    assert isinstance(document, PlanningDocument | ThaiplanError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        assert isinstance(calendar, CalendarFileError)
        return
    from_text = outcome(loads_calendar, text)
    assert isinstance(from_text, PlanningCalendar | ThaiplanError)
    expected = marked(text)
    if isinstance(from_text, CalendarFileError):
        assert expected == from_text.problems
    else:
        assert expected == from_text


@FUZZ
@given(st.sampled_from(FILES), hostile_blocks, st.integers(0, 200))
def test_hostile_blocks(file: tuple[str, str], block: str, line: int) -> None:
    """Bombs, recursive aliases and deep nesting anywhere in a file: a located problem, quickly."""
    _name, text = file
    TALLY["input: hostile block"] += 1
    lines = text.split("\n")
    at = min(line, len(lines))
    broken = "\n".join([*lines[:at], block, *lines[at:]])
    result = outcome(loads_calendar, broken)
    if isinstance(result, CalendarFileError):
        assert all(problem.line is not None for problem in result.problems)
    else:
        assert isinstance(result, PlanningCalendar)
