"""Plain values walked against the attrs records of the model, for the register and strategy-tree files.

The walk reads each record's fields from its attrs definition (type,
default, converter), so that a new field of a record is read without a
change here. Problems are reported to the calendar reader's
:class:`~thaiplan.io._reader._Reader`, at their paths; the passes of loading
are described in :mod:`thaiplan.io._register`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import re
import sys
import types
import typing
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final, Union

import attrs

from thaiplan.dates import parse_date
from thaiplan.errors import ThaiDateError, ThaiplanError
from thaiplan.io._reader import _BAD, Path_, _Reader
from thaiplan.model._project_parts import BudgetLine, money
from thaiplan.model._projects import Project


@functools.cache
def _fields(cls: type) -> dict[str, attrs.Attribute[Any]]:
    return {field.name: field for field in attrs.fields(attrs.resolve_types(cls)) if field.init}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _nearest(name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


_FIELD_IN_MESSAGE: Final = re.compile(r"^\w+\.(\w+) ")


class _Walker:
    """Builds records from plain values, reporting problems at their paths."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader

    def problem(self, path: Path_, message: str, **kwargs: Any) -> None:
        self.reader.problem(path, message, **kwargs)

    def record(self, value: Any, cls: type, path: Path_) -> Any:
        if value is _BAD:
            return _BAD
        name = cls.__name__
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping (a {name}), found {_describe(value)}")
            return _BAD
        plan, required = _plan(cls)
        ok = True
        arguments: dict[str, Any] = {}
        for key, item in value.items():
            entry = plan.get(key)
            if entry is None:
                self.problem(
                    (*path, key),
                    f"unknown key {key!r} in a {name}{_nearest(key, list(plan))}",
                    at_key=True,
                )
                ok = False
                continue
            fast, kind, converter = entry
            if fast and (isinstance(item, str) or (item is None and fast == 2)):
                # text, the most common value: short texts (codes, units, ids) are shared
                arguments[key] = sys.intern(item) if item is not None and len(item) <= 16 else item
                continue
            here = (*path, key)
            if cls is Project and key == "budget":
                item = self.budget(item, here)
            else:
                item = self.value(item, kind, here)
            if item is _BAD:
                ok = False
                continue
            if converter is not None:
                try:
                    item = converter(item)
                except (ThaiplanError, ValueError, TypeError, ArithmeticError) as error:
                    self.problem(here, str(error))
                    ok = False
                    continue
            arguments[key] = item
        for field_name in required:
            if field_name not in value:
                self.problem(path, f"a {name} needs the key {field_name!r}")
                ok = False
        if not ok:
            return _BAD
        try:
            return cls(**arguments)
        except (ThaiplanError, ValueError, TypeError) as error:
            message = str(error)
            named = _FIELD_IN_MESSAGE.match(message)
            field_name = named.group(1) if named else ""
            self.problem((*path, field_name) if field_name in value else path, message)
            return _BAD

    def value(self, value: Any, kind: Any, path: Path_) -> Any:
        if value is _BAD:
            return _BAD
        origin = typing.get_origin(kind)
        if origin in (Union, types.UnionType):
            options = [option for option in typing.get_args(kind) if option is not type(None)]
            if value is None:
                return None
            kind = options[0] if len(options) == 1 else kind
            origin = typing.get_origin(kind)
        if origin is tuple:
            args = typing.get_args(kind)
            if len(args) == 2 and args[1] is Ellipsis:
                if isinstance(value, str) and args[0] is str:
                    return (value,)
                if not isinstance(value, list):
                    self.problem(path, f"expected a list, found {_describe(value)}")
                    return _BAD
                items = [self.value(item, args[0], (*path, i)) for i, item in enumerate(value)]
                return _BAD if any(item is _BAD for item in items) else tuple(items)
            if not isinstance(value, list) or len(value) != len(args):
                self.problem(
                    path, f"expected a list of {len(args)} values, found {_describe(value)}"
                )
                return _BAD
            items = [
                self.value(item, arg, (*path, i))
                for i, (item, arg) in enumerate(zip(value, args, strict=True))
            ]
            return _BAD if any(item is _BAD for item in items) else tuple(items)
        if kind is str:
            if isinstance(value, str):
                return value
            hint = f"; quote it: '{value}'" if isinstance(value, int | float | Decimal) else ""
            self.problem(path, f"expected text, found {_describe(value)}{hint}")
            return _BAD
        if kind is bool:
            if isinstance(value, bool):
                return value
            self.problem(path, f"expected true or false, found {_describe(value)}")
            return _BAD
        if kind is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            self.problem(path, f"expected a whole number, found {_describe(value)}")
            return _BAD
        if kind is Decimal:
            return self.decimal(value, path)
        if kind is dt.date:
            if not isinstance(value, str):
                self.problem(
                    path,
                    f"expected a date as text (2018-04-05, ๕ เม.ย. ๖๑), found {_describe(value)}",
                )
                return _BAD
            try:
                return parse_date(value)
            except ThaiDateError as error:
                self.problem(path, str(error), offset=error.position or 0)
                return _BAD
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            try:
                return kind(value)
            except ValueError:
                allowed = [str(member.value) for member in kind]
                self.problem(
                    path,
                    f"{value!r} is not one of {', '.join(map(repr, allowed))}{_nearest(str(value), allowed)}",
                )
                return _BAD
        if attrs.has(kind):
            return self.record(value, kind, path)
        return value  # pragma: no cover - every field type of the records is handled above

    def decimal(self, value: Any, path: Path_) -> Any:
        if isinstance(value, bool):
            self.problem(path, f"expected an amount, found {_describe(value)}")
            return _BAD
        if isinstance(value, int | Decimal | str):
            return value if not isinstance(value, int) else _whole(value)
        if isinstance(value, float):
            # a YAML number with a point: read its digits, never its binary value
            text = repr(value)
            if "e" in text or "n" in text or len(text.replace("-", "").replace(".", "")) > 15:
                self.problem(path, f"write the amount {text} in quotes, as its digits: '…'")
                return _BAD
            return Decimal(text)
        self.problem(path, f"expected an amount, found {_describe(value)}")
        return _BAD

    def budget(self, value: Any, path: Path_) -> Any:
        """A project's budget: a list of budget lines, or a mapping of fiscal year to amount."""
        if not isinstance(value, dict):
            return self.value(value, tuple[BudgetLine, ...], path)
        lines = []
        ok = True
        for key, amount in value.items():
            here = (*path, key)
            year = _arabic(key) if isinstance(key, str) else str(key)
            if not year.isdigit():
                self.problem(
                    here,
                    f"a budget year is a Buddhist-Era fiscal year such as 2566, not {key!r}",
                    at_key=True,
                )
                ok = False
                continue
            if amount is None or (isinstance(amount, str) and amount.strip() in ("", "-")):
                continue  # "-": no budget that year, as ผ.๐๒ writes it
            value_ = self.decimal(amount, here)
            if value_ is _BAD:
                ok = False
                continue
            try:
                lines.append(BudgetLine(_year(year), money(value_)))
            except ThaiplanError as error:
                self.problem(here, str(error))
                ok = False
        return tuple(lines) if ok else _BAD


# Amounts and years repeat across a register (round sums, five plan years): one
# object each, shared, keeps a register of a million projects small.
_whole: Final = functools.lru_cache(maxsize=1 << 16)(Decimal)
_year: Final = functools.lru_cache(maxsize=1 << 10)(int)


# What kinds of value need their field's converter run here, to place its errors:
# amounts, numbers, dates and points (an enum, text or a record is checked already).
_CONVERTED: Final = (Decimal, dt.date)


@functools.cache
def _plan(cls: type) -> tuple[dict[str, tuple[int, Any, Any]], tuple[str, ...]]:
    """For each field: (1 for text, 2 for text or nothing, else 0; its type; the converter to run)."""
    plan: dict[str, tuple[int, Any, Any]] = {}
    for field in _fields(cls).values():
        kind = field.type
        fast = 1 if kind is str else 2 if kind == (str | None) else 0
        inner = _inner(kind)
        wants = field.converter is not None and (
            inner in _CONVERTED or typing.get_origin(inner) is tuple
        )
        plan[field.name] = (fast, kind, field.converter if wants else None)
    required = tuple(f.name for f in _fields(cls).values() if f.default is attrs.NOTHING)
    return plan, required


def _inner(kind: Any) -> Any:
    """The record type inside ``X | None`` or ``tuple[X, ...]``, or ``kind``."""
    args = [arg for arg in typing.get_args(kind) if arg is not type(None) and arg is not Ellipsis]
    return args[0] if len(args) == 1 else kind


def _arabic(text: str) -> str:
    return text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
