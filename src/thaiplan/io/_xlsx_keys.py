"""The keys of a calendar that an office file's table or tasks do not show, carried beside them.

Theory of operation. An Excel table and an MS Project task show a step's
number, title, stated period, Gantt marks and parties; the calendar file has
more keys: the calendar's ``scope``, ``year``, ``recurs``, ``as_of``, ``id``,
``notes``, ``corrections`` and ``plans``, a step's ``after`` and ``before``
(with their ``lag``, ``unit``, ``reason`` and ``within``), ``duration`` (a
number or the text the document writes), ``meetings``, ``optional``,
``feeds``, ``notes``, ``corrections``, ``year``, and whatever keys the model
gains. They are carried as the calendar file writes them (the converter of
:func:`~thaiplan.dumps_calendar`), so that every key the file format has comes
back, and read back through the same converter and its validators.

In a cell a key's value is what the file writes: a text, a number or a
boolean as such, and a list or a mapping as JSON (:func:`cell_value`,
:func:`value_of_cell`, by the type of the record's field). A step's Gantt
marks are carried as written (``ต.ค. ๖๑``, ``เม.ย.``) and kept where they
mark the months the table or the task shows; an edited table wins.
"""

from __future__ import annotations

import enum
import functools
import json
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from thaiplan.errors import ModelError, ThaiplanError

__all__ = [
    "SHOWN_CALENDAR",
    "SHOWN_STEP",
    "calendar_keys",
    "cell_value",
    "dumps_keys",
    "loads_keys",
    "make",
    "message_of",
    "step_keys",
    "value_of_cell",
    "with_years",
]

#: The calendar's keys that the office files show or carry in their own places.
SHOWN_CALENDAR: Final = frozenset(
    {
        "title",
        "province",
        "fiscal_year",
        "gantt_year",
        "source",
        "phases",
        "steps",
        "agencies",
        "committees",
    }
)
#: A step's keys that the table and the tasks show (the Gantt marks are carried too).
SHOWN_STEP: Final = frozenset({"id", "no", "phase", "title", "when", "responsible"})
#: Thai labels of the calendar keys, for the data sheet (the key in parentheses after).
CALENDAR_LABELS: Final = {
    "scope": "ขอบเขต",
    "year": "ปีของวันที่ที่ไม่เขียนปี",
    "recurs": "ปฏิทินประจำ",
    "as_of": "ข้อมูล ณ วันที่",
    "id": "ชื่อเรียกปฏิทิน",
    "notes": "หมายเหตุ",
    "corrections": "การแก้ไข",
    "plans": "แผน",
}


def _unstructured(calendar: Any) -> dict[str, Any]:
    from thaiplan.io._convert import _converter

    data: dict[str, Any] = _converter().unstructure(calendar)
    return data


def calendar_keys(calendar: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The calendar's keys not shown, and each step's (by the order of the steps).

    A step's ``year`` is among them only where it is not the one the calendar
    gives it, as a calendar file writes it.
    """
    data = _unstructured(calendar)
    rest = {key: value for key, value in data.items() if key not in SHOWN_CALENDAR}
    steps = [step_keys(values) for values in data.get("steps", [])]
    return rest, steps


def step_keys(values: Mapping[str, Any]) -> dict[str, Any]:
    """The keys of one step's file values that the table does not show."""
    return {key: value for key, value in values.items() if key not in SHOWN_STEP}


def party_keys(party: Any, shown: Iterable[str]) -> dict[str, Any]:
    """The keys of an agency's or a committee's file values beyond ``shown``."""
    from thaiplan.io._convert import _converter

    values: dict[str, Any] = _converter().unstructure(party)
    skip = set(shown)
    return {key: value for key, value in values.items() if key not in skip}


def dumps_keys(keys: Mapping[str, Any]) -> str:
    """JSON of ``keys`` (Thai as it is), or "" for none."""
    return json.dumps(keys, ensure_ascii=False, separators=(",", ":")) if keys else ""


def loads_keys(text: str) -> dict[str, Any]:
    """The keys of :func:`dumps_keys`'s text.

    Raises:
        ValueError: Not JSON, or not a mapping.
    """
    if not text.strip():
        return {}
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON mapping of keys, not {text[:40]!r}")
    return value


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    attrs.resolve_types(cls)
    return {field.name: field.type for field in attrs.fields(cls)}


def _plain(kind: Any) -> bool:
    """Whether a field's values are a text, a number, a boolean or a member (written as such)."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return all(_plain(arg) for arg in typing.get_args(kind))
    return kind in (str, int, bool, type(None)) or (
        isinstance(kind, type) and issubclass(kind, enum.Enum)
    )


def cell_value(cls: type, key: str, value: Any) -> Any:
    """What a cell holds of ``key``'s file ``value`` of a ``cls`` record: itself, or its JSON."""
    kind = _field_types(cls).get(key)
    if isinstance(value, bool | int | str) and (kind is None or _plain(kind)):
        return value
    return json.dumps(value, ensure_ascii=False)


def value_of_cell(cls: type, key: str, value: object) -> Any:
    """The file value of ``key`` of a ``cls`` record from its cell; inverse of :func:`cell_value`.

    Raises:
        ValueError: A list or a mapping that is not JSON.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    kind = _field_types(cls).get(key)
    if isinstance(value, str) and kind is not None and not _plain(kind):
        return json.loads(value)
    return value


def message_of(error: BaseException) -> str:
    """What an error of structuring says, its sub-errors' messages joined."""
    inner = getattr(error, "exceptions", None)
    if inner:
        return "; ".join(message_of(item) for item in inner)
    extra = getattr(error, "extra_fields", None)
    if extra:
        return f"unknown key(s) {', '.join(sorted(map(str, extra)))}"
    return str(error)


def make(cls: type, values: Mapping[str, Any]) -> Any:
    """A record of ``cls`` from its file ``values``, by the calendar files' converter.

    Raises:
        ModelError: The values do not make one; the message says why.
    """
    from thaiplan.io._convert import _converter

    try:
        return _converter().structure(dict(values), cls)
    except ThaiplanError as error:
        raise ModelError(str(error)) from None
    except Exception as error:  # cattrs groups what its validators raise
        raise ModelError(message_of(error)) from None


def with_years(
    steps: list[dict[str, Any]], keys: Mapping[str, Any], fiscal_year: int | None
) -> list[dict[str, Any]]:
    """The steps' values, each given the year its calendar's keys give it (as a file's are)."""
    from thaiplan.io._check import give_years

    calendar = {**keys, "fiscal_year": fiscal_year, "steps": steps}
    given: list[dict[str, Any]] = give_years(calendar, copy=True)["steps"]
    return given


def calendar_arguments(keys: Mapping[str, Any]) -> dict[str, Any]:
    """The calendar's keyword arguments of its carried ``keys``, each structured by its field.

    Raises:
        ModelError: An unknown key, or a value its field refuses.
    """
    from thaiplan.io._convert import _converter
    from thaiplan.model._steps import PlanningCalendar

    fields = _field_types(PlanningCalendar)
    result = {}
    for key, value in keys.items():
        if key not in fields or key in SHOWN_CALENDAR or key == "as_of_date":
            raise ModelError(f"unknown calendar key {key!r}")
        try:
            result[key] = _converter().structure(value, fields[key])
        except ThaiplanError as error:
            raise ModelError(f"{key}: {error}") from None
        except Exception as error:  # cattrs groups what its validators raise
            raise ModelError(f"{key}: {message_of(error)}") from None
    return result


def same_marks(written: Iterable[str], shown: Iterable[str], gantt_year: int | None) -> bool:
    """Whether the marks as written mark the months the table shows (written as it reads them)."""
    from thaiplan.model._steps import Step

    try:
        year = gantt_year if gantt_year is not None else 0
        first = Step("x", None, "p", "t", gantt=tuple(written)).gantt_months(year)
        second = Step("x", None, "p", "t", gantt=tuple(shown)).gantt_months(year)
    except (ThaiplanError, TypeError, ValueError):
        return False
    return sorted(set(first)) == sorted(set(second))
