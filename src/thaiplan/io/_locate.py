"""Where a finding's objects were written in the file they were read from: line and column.

Theory of operation
-------------------
Reading a file keeps no marks when it has no problem (:mod:`thaiplan.io._fast`),
so that loading stays fast. Instead, each calendar or document read from a
file is remembered with a :class:`FileLocator` (by
:func:`thaiplan.checks._findings.remember_origin`, which holds it no longer
than the record lives). Only when :func:`~thaiplan.validate` has findings to
place does the locator read the file's text again (a path is read anew; the
text of a stream or a string is kept) and index it, once, with the events of
libyaml's parser, which carry a line and column each: one pass, in C for the
parsing, over the text, JSON included.

The index holds where each step's mapping starts, by step id (the first
key of the step, as a compiler points at a declaration), and where each key
outside a list is written, by its dotted path (``letter.distribution.number``,
``province``). A finding is placed at its first step, else at its first
object found in the index (``document.`` is dropped, and ``calendar.`` is
dropped or added: a calendar file has its keys at the top, a document file
under ``calendar``). Lists not inside a list are indexed by position
(``letter.distribution.recipients[0]``), and their items with an ``id`` by
it (``agencies.district-krathum-baen``). A file that libyaml cannot parse places
nothing: its findings keep ``None`` for a location.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from thaiplan.checks._findings import remember_origin
from thaiplan.model._steps import PlanningCalendar

if TYPE_CHECKING:
    from thaiplan.checks._findings import Finding

__all__ = ["FileLocator", "kept", "remembered"]

T = TypeVar("T")


def kept(text: str) -> Callable[[], str]:
    """The text of a stream, kept: it cannot be read again."""
    return lambda: text


def remembered(loaded: T, name: str, text: Callable[[], str]) -> T:
    """``loaded``, remembered with the file it was read from, for the findings' lines and columns."""
    locator = FileLocator(name, text)
    remember_origin(loaded, locator)
    calendar = getattr(loaded, "calendar", None)  # a document's calendar is in the same file
    if isinstance(calendar, PlanningCalendar):
        remember_origin(calendar, locator)
    return loaded


_Parser: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


class _Unplaceable(Exception):
    """The file has a shape the index does not follow (a key that is a collection)."""


class FileLocator:
    """Finds the line and column of a finding's step or object in one file (see the module notes)."""

    __slots__ = ("_index", "_steps", "_text", "file")

    def __init__(self, file: str, text: Callable[[], str]) -> None:
        self.file = file
        self._text: Callable[[], str] | None = text
        self._steps: dict[str, tuple[int, int]] = {}
        self._index: dict[str, tuple[int, int]] = {}

    def _build(self) -> None:
        if self._text is None:
            return
        read, self._text = self._text, None
        try:
            text = read()
            self._steps, self._index = _index(text)
        except (OSError, yaml.YAMLError, ValueError, RecursionError, MemoryError, _Unplaceable):
            self._steps, self._index = {}, {}  # a file changed or gone since: nothing placed

    def locate(self, finding: Finding) -> tuple[int, int] | None:
        """The (line, column) of the finding's first step, else of its first object; from 1."""
        self._build()
        for step in finding.steps:
            where = self._steps.get(step)
            if where is not None:
                return where
        for name in finding.objects:
            name = name.removeprefix("document.")
            for path in (name, name.removeprefix("calendar."), f"calendar.{name}"):
                where = self._index.get(path)
                if where is not None:
                    return where
        return None


def _index(text: str) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """Where each step starts, by id, and each key outside a list, by dotted path."""
    steps: dict[str, tuple[int, int]] = {}
    keys: dict[str, tuple[int, int]] = {}
    # one frame per open collection: [is_map, dotted path, in a list, key or None,
    # start mark, in a list of steps, next scalar is a step id]
    stack: list[list[Any]] = []
    event: Any
    for event in yaml.parse(text, Loader=_Parser):
        kind = type(event)
        if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            stack.pop()
            _done_value(stack)
            continue
        if kind not in (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
            yaml.AliasEvent,
        ):
            continue
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        top = stack[-1] if stack else None
        if top is not None and top[0] and top[3] is None:  # a key of a mapping
            key = str(event.value) if kind is yaml.ScalarEvent else "?"
            top[3] = key
            if not top[2]:
                keys.setdefault(f"{top[1]}.{key}" if top[1] else key, mark)
            top[6] = top[5] and key == "id"
            if kind is not yaml.ScalarEvent:  # a key that is a list or mapping: no file of ours
                raise _Unplaceable
            continue
        if top is not None and top[0] and top[6] and kind is yaml.ScalarEvent:
            steps.setdefault(str(event.value), top[4])
        if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
            is_map = kind is yaml.MappingStartEvent
            if top is None:
                path, listed, flagged = "", False, False
            elif top[0]:  # the value of a key: a list under "steps" is a list of steps
                path = f"{top[1]}.{top[3]}" if top[1] else str(top[3])
                listed, flagged = top[2], not is_map and top[3] == "steps"
            else:  # an item of a list: a mapping in a list of steps is a step
                path, listed, flagged = _item(keys, top, mark), True, is_map and top[5]
            stack.append([is_map, path, listed, None, mark, flagged, False])
            continue
        if top is not None and not top[0]:
            _item(keys, top, mark)
        if top is not None and top[0] and top[3] == "id" and top[2] and kind is yaml.ScalarEvent:
            parent = stack[-2] if len(stack) > 1 else None
            if parent is not None and not parent[0] and not parent[2]:  # an item of a top list
                keys.setdefault(f"{parent[1]}.{getattr(event, 'value', '')}", top[4])
        _done_value(stack)
    return steps, keys


def _item(keys: dict[str, tuple[int, int]], top: list[Any], mark: tuple[int, int]) -> str:
    """Index the next item of the list ``top`` as ``path[k]`` (for a list not inside a list)."""
    position = top[3] = 0 if top[3] is None else top[3] + 1
    path = f"{top[1]}[{position}]"
    if not top[2]:
        keys.setdefault(path, mark)
    return path


def _done_value(stack: list[list[Any]]) -> None:
    """A value of the mapping on top has ended: its next event is a key again."""
    if stack and stack[-1][0]:
        stack[-1][3] = None
        stack[-1][6] = False
