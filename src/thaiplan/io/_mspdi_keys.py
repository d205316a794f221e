"""The calendar's keys that MS Project's tasks do not show, in the notes of the project's summary task.

Theory of operation. A task shows a step's number and title (``Name``), its
stated period (Text1), phase (Text2, Text3), id (Text4), parties (Text5),
Gantt marks with their years (Text6), duration, links and notes. The rest of
the calendar file (the calendar's ``fiscal_year``, ``gantt_year``, ``source``,
``scope``, ``year``, ``recurs``, ``as_of``, ``id``, ``notes``,
``corrections``, ``plans``, its phases and parties in full, and each step's
keys that the task does not show: ``year``, ``before``, a link's ``reason``
and ``within``, a ``duration`` as the document writes it, ``meetings``,
``optional``, ``feeds``, ``corrections``, the marks as written) is written
as JSON, as the calendar file writes it (:mod:`thaiplan.io._xlsx_keys`), in
the ``Notes`` of the project's summary task (UID 0), which has no length
limit (a custom text field keeps 255 characters in Project).

Reading, a task's own fields win where they were edited: the links of a task
that are not the ones the keys give it are read as its ``after``; a duration,
notes or Gantt marks that differ from the keys' are read from the task.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Final

from thaiplan.errors import ModelError
from thaiplan.io._xlsx_keys import make, step_keys

__all__ = [
    "KEYS_FORMAT",
    "carried_keys",
    "keys_notes",
    "links_of",
    "same_duration",
    "settle_links",
    "task_notes",
]

#: The format key of the JSON in the project summary task's notes.
KEYS_FORMAT: Final = "thaiplan-mspdi-keys/1"
NOTES_HEADER: Final = "หน่วยงานที่เกี่ยวข้อง:"
#: The calendar's keys that the project's own elements show.
_SHOWN: Final = ("title", "province", "steps")


def task_notes(names: Iterable[str], notes: str) -> str:
    """A task's notes: the parties by name (``- name`` lines), then the step's notes."""
    lines = [f"- {name}" for name in names]
    header = "\n".join([NOTES_HEADER, *lines]) if lines else ""
    if notes:
        return f"{header}\n\n{notes}" if header else notes
    return header


def keys_notes(calendar: Any) -> str:
    """The JSON of the calendar's keys that its tasks do not show, and each step's."""
    from thaiplan.io._convert import _converter

    data: dict[str, Any] = _converter().unstructure(calendar)
    steps = {values["id"]: step_keys(values) for values in data.get("steps", [])}
    rest = {key: value for key, value in data.items() if key not in _SHOWN}
    return json.dumps(
        {"format": KEYS_FORMAT, "calendar": rest, "steps": {k: v for k, v in steps.items() if v}},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def carried_keys(text: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]] | None:
    """The calendar's keys and the steps' of :func:`keys_notes`'s JSON; None for other notes.

    Raises:
        ModelError: The notes are thaiplan's keys, but broken.
    """
    if KEYS_FORMAT not in text:
        return None
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ModelError(f"the keys in the project's notes are not JSON: {error}") from None
    if not isinstance(data, dict) or data.get("format") != KEYS_FORMAT:
        raise ModelError(f"the project's notes are not {KEYS_FORMAT!r} keys")
    calendar, steps = data.get("calendar", {}), data.get("steps", {})
    if not isinstance(calendar, dict) or not isinstance(steps, dict):
        raise ModelError("the keys in the project's notes are not mappings")
    if not all(isinstance(value, dict) for value in steps.values()):
        raise ModelError("the keys of a step in the project's notes are not a mapping")
    return calendar, steps


def _link(value: object) -> tuple[str, int, str]:
    """A dependency of a file, as the link a task shows: (step, lag, unit)."""
    if isinstance(value, str):
        return (value, 0, "days")
    if isinstance(value, Mapping):
        return (str(value.get("step")), int(value.get("lag", 0)), str(value.get("unit", "days")))
    raise ModelError(f"expected a dependency, not {value!r}")


def links_of(after: Iterable[Any]) -> list[tuple[str, int, str]]:
    """The links of ``after`` values, as (step, lag, unit)."""
    return [_link(value) for value in after]


def settle_links(
    read: dict[str, list[tuple[str, int, str]]], carried: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Each step's ``after`` and ``before``: the carried ones where the task's links are theirs.

    ``read`` is each step's links as its task has them; a ``before`` of one
    step is a link on the other's task. A task whose links are not the ones
    the keys give it was edited: its links are its ``after``, and the
    ``before`` of other steps that named it are dropped.
    """
    expected: dict[str, list[tuple[str, int, str]]] = {step: [] for step in read}
    for step, keys in carried.items():
        if step in expected:
            expected[step] += links_of(keys.get("after", ()))
        for value in keys.get("before", ()):
            other, lag, unit = _link(value)
            expected.setdefault(other, []).append((step, lag, unit))
    edited = {step for step in read if Counter(read[step]) != Counter(expected.get(step, []))}
    result: dict[str, dict[str, Any]] = {}
    for step, links in read.items():
        keys = carried.get(step, {})
        values: dict[str, Any] = {}
        if step in edited:
            values["after"] = [{"step": s, "lag": lag, "unit": unit} for s, lag, unit in links]
        elif "after" in keys:
            values["after"] = keys["after"]
        before = [  # a step deleted in Project, or whose links were edited, is no more after it
            value
            for value in keys.get("before", ())
            if _link(value)[0] in read and _link(value)[0] not in edited
        ]
        if before:
            values["before"] = before
        result[step] = values
    return result


def same_duration(written: object, days: int) -> bool:
    """Whether a step's ``duration`` as the file writes it (a number or a text) counts ``days``."""
    from thaiplan.model._steps import Step

    try:
        step = make(Step, {"id": "x", "no": None, "phase": "p", "title": "t", "duration": written})
    except ModelError:
        return False
    return bool(step.duration == days)
