"""Marks for the neighbourhood of a problem only: a large JSON file with a problem, placed without composing it all.

The marked reader (:mod:`thaiplan.io._reader`) composes the whole file with
PyYAML's pure-Python composer to know where every value stands: for a
calendar of 100,000 steps with one mistyped date that is more than a minute,
to place one problem. This module places the problems of a JSON file in
three steps, each with the standard library's C JSON reader:

1. **Locate.** The checks run on the plain values with a reader that has no
   marks and notes the path of every problem (and of every mark a message
   asks for, such as the line an id was first used on). It is a marked
   reader in all but the marks, so it finds exactly the problems the marked
   reader finds.
2. **Neighbourhoods.** Each path is cut at its first list index
   (``steps[73000].when`` becomes ``steps[73000]``, ``title`` stays
   ``title``): that value, its *neighbourhood*, is found in the text by
   walking down its path with :mod:`json`'s scanner, which reads the values
   before it in C, and only its text is composed with marks, by the marked
   reader itself, its marks moved to the line and column of the file.
3. **Place.** The checks run again with a reader that has the marks of the
   neighbourhoods (and of the values above them), and give the same
   :class:`~thaiplan.errors.CalendarFileError` as the marked reader would.

Whenever it cannot be sure (a problem outside every neighbourhood, a
neighbourhood it cannot find or compose, more than :data:`MAX_PLACES` of
them, YAML text), it gives up and the whole file goes to the marked reader,
as before. The tests compare its errors with the marked reader's on mutated
files.
"""

from __future__ import annotations

import bisect
import json
import json.scanner
import re
from collections.abc import Callable
from typing import Any, Final, TypeVar

from thaiplan.errors import CalendarFileError, FileProblem
from thaiplan.io._reader import _BREAK, Path_, _compose, _fail, _path_text, _place, _Reader

T = TypeVar("T")

#: More neighbourhoods than this (a file broken all over) go to the marked reader.
MAX_PLACES: Final = 256

_SPACE: Final = re.compile(r"[ \t\n\r]*")
_SCAN: Final[Any] = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


class Unsure(Exception):
    """The neighbourhoods cannot place the problems for sure: use the marked reader."""


class _Asked(dict[Path_, tuple[int, int]]):
    """An empty map of marks that notes every path a check asks it for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[Path_] = set()

    def get(self, key: Path_, default: Any = None) -> Any:
        self.asked.add(key)
        return default


class _Locating(_Reader):
    """A marked reader without marks: it notes where the problems are."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.asked = _Asked()
        self.marks = self.asked
        self.paths: set[Path_] = set()
        self.calls: list[tuple[Path_, str, bool, int | None, str | None]] = []

    def problem(
        self,
        path: Path_,
        message: str,
        *,
        at_key: bool = False,
        offset: int | None = None,
        message_th: str | None = None,
    ) -> None:
        self.paths.add(path)
        self.calls.append((path, message, at_key, offset, message_th))
        self.problems.append(FileProblem(self.file, None, None, _path_text(path), message))


class _Placing(_Reader):
    """A marked reader whose marks cover the neighbourhoods only; a problem elsewhere is :class:`Unsure`."""

    def __init__(self, file: str, roots: set[Path_]) -> None:
        super().__init__(file)
        self.roots = roots
        self.sources: dict[Path_, tuple[str, int]] = {}  # a scalar's neighbourhood text, line base

    def problem(
        self,
        path: Path_,
        message: str,
        *,
        at_key: bool = False,
        offset: int | None = None,
        message_th: str | None = None,
    ) -> None:
        if not any(path[: len(root)] == root for root in self.roots):
            raise Unsure  # the locating pass did not find this one
        node = self.scalars.get(path)
        if offset is not None and node is not None and not at_key:
            text, base = self.sources[path]
            line, column = _place(text, node, offset)
            self.problems.append(
                FileProblem(self.file, line + base, column, _path_text(path), message, message_th)
            )
            return
        super().problem(path, message, at_key=at_key, offset=offset, message_th=message_th)


def _root(path: Path_) -> Path_:
    """The neighbourhood of a path: up to its first list index (all of it if it has none)."""
    for cut, part in enumerate(path):
        if isinstance(part, int):
            return path[: cut + 1]
    return path


def _skip(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()  # type: ignore[union-attr]


def _find(text: str, root: Path_) -> tuple[list[tuple[Path_, int]], int, int, int | None]:
    """Where ``root``'s value stands in the JSON ``text``.

    Returns the start of the value of every path above it (the root's own
    included), the start and end of the root's value, and the start of its
    key when it is a mapping's value.
    """
    at = _skip(text, 0)
    above: list[tuple[Path_, int]] = [((), at)]
    key_at = None
    for depth, part in enumerate(root):
        opener = text[at : at + 1]
        at = _skip(text, at + 1)
        found = False
        index = 0
        while text[at : at + 1] not in ("]", "}", ""):
            here_key = None
            if opener == "{":
                here_key = at
                key, at = _SCAN(text, at)
                at = _skip(text, at)
                if text[at : at + 1] != ":":
                    raise Unsure
                at = _skip(text, at + 1)
                matches = key == part
            elif opener == "[":
                matches = index == part
            else:
                raise Unsure
            if matches:
                found = True
                key_at = here_key
                above.append((root[: depth + 1], at))
                break
            _, at = _SCAN(text, at)
            at = _skip(text, at)
            if text[at : at + 1] == ",":
                at = _skip(text, at + 1)
            index += 1
        if not found:
            raise Unsure
    _, end = _SCAN(text, at)
    return above, at, end, key_at


class _Lines:
    """Line and column of offsets into a text, as YAML counts them, from one list of line starts."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def __call__(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


def placed(
    text: str, file: str, shape: Callable[[_Reader, Any], T], plain: Callable[[str], Any]
) -> T:
    """``shape`` of a JSON ``text`` that has problems, placed by neighbourhoods.

    Raises the :class:`~thaiplan.errors.CalendarFileError` the marked reader
    would, or :class:`Unsure`. Returns what ``shape`` returns only if it finds
    no problem at all (which the caller does not expect).
    """
    if text.lstrip()[:1] not in ("{", "["):
        raise Unsure  # YAML: its neighbourhoods are not cut out this simply
    text = text.replace("\t", " ")  # as the marked reader reads JSON
    locating = _Locating(file)
    try:
        shape(locating, plain(text))
    except CalendarFileError as error:
        if len(error.problems) != len(locating.problems) or not locating.paths:
            raise Unsure from None  # an error not made of the problems noted
    except Exception:
        raise Unsure from None
    else:
        raise Unsure
    roots = {_root(path) for path in locating.paths | locating.asked.asked}
    if () in roots or len(roots) > MAX_PLACES:
        raise Unsure
    placing = _Placing(file, roots)
    lines = _Lines(text)
    for root in sorted(roots, key=_path_text):
        try:
            above, start, end, key_at = _find(text, root)
        except (ValueError, IndexError, TypeError, StopIteration) as error:
            raise Unsure from error
        for path, at in above:
            placing.marks.setdefault(path, lines(at))
        if key_at is not None:
            placing.key_marks[root] = lines(key_at)
        line, column = lines(start)
        piece = " " * (column - 1) + text[start:end]
        sub = _Reader(file)
        try:
            node_values = _compose(piece, sub)
        except CalendarFileError as error:
            raise Unsure from error
        del node_values
        # the piece's paths start at the root; its lines start at the root's line
        base = line - 1
        for path, (row, col) in sub.marks.items():
            placing.marks[root + path] = (row + base, col)
        for path, (row, col) in sub.key_marks.items():
            placing.key_marks[root + path] = (row + base, col)
        for path, node in sub.scalars.items():
            placing.scalars[root + path] = node
            placing.sources[root + path] = (piece, base)
    if not locating.asked.asked:
        # no message quoted a mark: the same problems, now placed, in the same order
        for path, message, at_key, offset, message_th in locating.calls:
            placing.problem(path, message, at_key=at_key, offset=offset, message_th=message_th)
        raise _fail(placing)
    try:  # a message quotes a mark (a duplicate id's first line): check again, with marks
        return shape(placing, plain(text))
    except (Unsure, CalendarFileError):
        raise
    except Exception as error:
        raise Unsure from error
