"""Problems of a JSON file placed by their neighbourhoods give exactly the marked reader's error.

:mod:`thaiplan.io._nearby` composes only the values around each problem of a
JSON file. These tests break the JSON of shipped calendars and documents in
the ways people do (a mistyped date, a value of the wrong type, an unknown or
missing key, an id used twice, a step that names no step), written indented,
on one line, with tabs and with CRLF, and check that the error is the one the
marked reader gives on the whole file, line and column included, and that
the neighbourhoods, not the marked reader, placed it.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import shipped_files
from thaiplan import CalendarFileError
from thaiplan.io import _nearby
from thaiplan.io._fast import _plain_or_unsure
from thaiplan.io._files import _calendar_of, _either_of
from thaiplan.io._reader import _compose, _Reader

JSON_FILES = {name: text for name, text in shipped_files() if name.endswith(".json")}


def marked(text: str, shape: Any = _calendar_of) -> list[Any]:
    """The problems the marked reader finds in the whole of ``text``."""
    reader = _Reader("<string>")
    with pytest.raises(CalendarFileError) as raised:
        shape(reader, _compose(text, reader))
    return list(raised.value.problems)


def nearby(text: str, shape: Any = _calendar_of) -> list[Any]:
    """The problems placed by neighbourhoods (Unsure fails the test)."""
    with pytest.raises(CalendarFileError) as raised:
        _nearby.placed(text, "<string>", shape, _plain_or_unsure)
    return list(raised.value.problems)


def _steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    body = data.get("calendar", data)
    steps: list[dict[str, Any]] = body["steps"]
    return steps


BREAKS = {
    "mistyped month": lambda step, steps: step.update(when="ภายใน ๑๕ มิถุนยน ๖๑"),
    "date out of range": lambda step, steps: step.update(when="๓๒ พ.ค. ๖๑"),
    "number as text": lambda step, steps: step.update(no="สาม"),
    "unknown key": lambda step, steps: step.update(whne="พ.ค. ๖๑"),
    "missing key": lambda step, steps: step.pop("title", None),
    "unknown step": lambda step, steps: step.update(after=["s999"]),
    "id used twice": lambda step, steps: step.update(id=steps[0]["id"]),
    "list for text": lambda step, steps: step.update(title=["a", "b"]),
}
LAYOUTS = {
    "indented": lambda data: json.dumps(data, ensure_ascii=False, indent=2),
    "one line": lambda data: json.dumps(data, ensure_ascii=False),
    "tabs": lambda data: json.dumps(data, ensure_ascii=False, indent="\t"),
    "CRLF": lambda data: json.dumps(data, ensure_ascii=False, indent=1).replace("\n", "\r\n"),
}


@settings(
    max_examples=int(os.environ.get("THAIPLAN_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(sorted(JSON_FILES)),
    breaks=st.lists(
        st.tuples(st.sampled_from(sorted(BREAKS)), st.integers(0, 10_000)), min_size=1, max_size=3
    ),
    layout=st.sampled_from(sorted(LAYOUTS)),
)
def test_neighbourhoods_place_what_the_marked_reader_places(
    name: str, breaks: list[tuple[str, int]], layout: str
) -> None:
    """The same problems, lines and columns as the marked reader on the whole file."""
    data = json.loads(JSON_FILES[name])
    steps = _steps(data)
    for how, where in breaks:
        step = steps[1 + where % (len(steps) - 1)]  # not the first: its id is the one reused
        BREAKS[how](step, steps)
    broken = LAYOUTS[layout](data)
    expected = marked(broken, _either_of)
    assert expected == nearby(broken, _either_of)
    with pytest.raises(CalendarFileError) as raised:
        thaiplan.loads_document(broken) if "calendar" in data else thaiplan.loads_calendar(broken)
    assert expected == list(raised.value.problems)


def test_a_mistyped_date_is_placed_at_its_character() -> None:
    """The column of the month's first letter, on the step's line, in a long file."""
    steps = [
        {"id": f"s{i}", "no": i, "phase": "p1", "title": "ขั้นตอน", "when": "ภายใน พ.ค. ๖๑"}
        for i in range(1, 2001)
    ]
    steps[1500]["when"] = "ภายใน ๑๕ มิถุนยน ๖๑"
    data = {
        "format": "thaiplan-calendar/1",
        "title": "ปฏิทิน",
        "province": "สมุทรสาคร",
        "fiscal_year": 2563,
        "phases": [{"id": "p1", "title": "หนึ่ง"}],
        "steps": steps,
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    (problem,) = nearby(text)
    line = text[: text.index("มิถุนยน")].count("\n") + 1
    column = text.index("มิถุนยน") - text.rindex("\n", 0, text.index("มิถุนยน"))
    assert (line, column, "steps[1500].when") == (problem.line, problem.column, problem.path)
    assert [problem] == marked(text)


def test_unsure_where_a_problem_has_no_neighbourhood() -> None:
    """A problem of the whole file (no format key) goes to the marked reader."""
    with pytest.raises(_nearby.Unsure):
        _nearby.placed('{"title": "x"}', "<string>", _calendar_of, _plain_or_unsure)
    with pytest.raises(_nearby.Unsure):
        _nearby.placed("title: x\n", "<string>", _calendar_of, _plain_or_unsure)  # YAML
