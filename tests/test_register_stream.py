"""A JSON register read one project at a time (thaiplan.io._stream) reads what json.loads reads."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import registers
from thaiplan import CalendarFileError, ProjectRegister
from thaiplan.io import _stream
from thaiplan.io._register import _no_duplicates


def streamed(text: str) -> Any:
    """The plain values of ``text`` with the projects decoded one by one."""
    data = _stream.loads(text, _no_duplicates)
    if "projects" in data:
        data = {**data, "projects": list(_stream.one_by_one(data["projects"]))}
    return data


@given(registers)
@settings(max_examples=40, deadline=None)
def test_the_same_values_as_json_loads(register: ProjectRegister) -> None:
    """Projects decoded one at a time equal json.loads's, and the register reads back."""
    text = thaiplan.dumps_register(register, format="json")
    assert json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicates) == streamed(text)
    assert isinstance(_stream.loads(text, _no_duplicates).get("projects", []), list)
    assert register == thaiplan.loads_register(text)


PROJECTS = '[{"id": "p1", "title": "ถนน", "level": "local"}, {"id": "p2", "title": "ประปา", "level": "local"}]'


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "thaiplan-register/1", "projects": ' + PROJECTS + "}",
        '  {"format": "thaiplan-register/1",\r\n\t"projects": ' + PROJECTS + " }\n",
        '{"projects": ' + PROJECTS + ', "format": "thaiplan-register/1"}',  # not last
        '{"format": "thaiplan-register/1", "projects": []}',
    ],
    ids=["compact", "spaced", "projects-first", "none"],
)
def test_layouts(text: str) -> None:
    """Wherever the projects stand, and however spaced, the register is json.loads's."""
    expected = json.loads(text)
    register = thaiplan.loads_register(text)
    assert [p["id"] for p in expected["projects"]] == [p.id for p in register]


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "thaiplan-register/1", "projects": ' + PROJECTS + "} x",
        '{"format": "thaiplan-register/1", "projects": ' + PROJECTS[:-1] + ",}",
        '{"format": "thaiplan-register/1", "projects": [{"id": "p1", "id": "p2"}]}',
        '{"format": "thaiplan-register/1", "projects": ' + PROJECTS,
    ],
    ids=["trailing", "trailing-comma", "key-twice", "unclosed"],
)
def test_what_json_refuses_is_refused_in_place(text: str) -> None:
    """Text json.loads refuses is a located problem, as the marked reader places it."""
    with pytest.raises(ValueError, match=r"Extra data|Expecting|duplicate key"):
        json.loads(text, object_pairs_hook=_no_duplicates)
    with pytest.raises(CalendarFileError) as raised:
        thaiplan.loads_register(text)
    assert all(problem.line is not None for problem in raised.value.problems)


@given(st.integers(0, 5), st.sampled_from(["", " ", "\n", "\t"]))
def test_spacing_between_projects(count: int, space: str) -> None:
    """Any JSON whitespace between the projects and around the brackets."""
    items = [{"id": f"p{i}", "title": "งาน", "level": "local"} for i in range(count)]
    body = ("," + space).join(json.dumps(item, ensure_ascii=False) for item in items)
    text = f'{{"format": "thaiplan-register/1",{space}"projects":{space}[{space}{body}{space}]{space}}}'
    assert [f"p{i}" for i in range(count)] == [p.id for p in thaiplan.loads_register(text)]
