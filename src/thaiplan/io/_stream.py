"""A JSON register read one project at a time, so that a large file is never held as plain values whole.

``json.loads`` of a register of a million projects builds every project's
mappings, lists and texts before the first record exists: about a kilobyte a
project on top of the records, most of the peak memory of loading. Here the
top mapping is read key by key with the standard library's C scanner, and the
list of ``projects`` is left in the text (:class:`Projects`): the walk decodes
each project when it comes to it, builds the record, and lets the mapping go.

What the file says is read exactly as ``json.loads`` with the same options
reads it (numbers with a point as :class:`~decimal.Decimal`, a key written
twice refused); anything the scanner refuses raises :class:`Unreadable`, a
:class:`ValueError`, at the point the walk reaches it, and the reader then
goes back to the marked reader for the whole file, as for any JSON error.
"""

from __future__ import annotations

import json
import json.scanner
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Final

_SPACE: Final = re.compile(r"[ \t\n\r]*")
_SCANSTRING: Final[Any] = json.decoder.scanstring  # type: ignore[attr-defined]


class Unreadable(ValueError):
    """The text is not JSON as ``json.loads`` reads it (or has a key twice)."""


class Projects(list[Any]):
    """The list of projects of a register, still in the text: :meth:`one_by_one` decodes them.

    It is a ``list`` (empty) so that the checks of the file's shape see a list;
    only :func:`one_by_one` reads what it holds.
    """

    def __init__(self, text: str, start: int, scan: Callable[[str, int], tuple[Any, int]]) -> None:
        super().__init__()
        self.text, self.start, self.scan = text, start, scan

    def decoded(self) -> Iterator[Any]:
        """Each project's plain value in turn; then the rest of the text is checked."""
        text, scan = self.text, self.scan
        at = _skip(text, self.start + 1)
        if text[at : at + 1] == "]":
            at += 1
        else:
            while True:
                try:
                    value, at = scan(text, at)
                except (StopIteration, IndexError, ValueError) as error:  # a key twice, too
                    raise Unreadable(f"no value at {at}") from error
                yield value
                at = _skip(text, at)
                if text[at : at + 1] == "]":
                    at += 1
                    break
                if text[at : at + 1] != ",":
                    raise Unreadable(f"expected ',' or ']' at {at}")
                at = _skip(text, at + 1)
        at = _skip(text, at)
        if text[at : at + 1] != "}" or _skip(text, at + 1) != len(text):
            raise Unreadable("the list of projects is not the last value of the file")


def _skip(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()  # type: ignore[union-attr]


def one_by_one(items: list[Any]) -> Iterator[Any]:
    """The items of a list, each let go once taken (the list is left holding ``None``)."""
    if isinstance(items, Projects):
        yield from items.decoded()
        return
    for index in range(len(items)):
        item, items[index] = items[index], None
        yield item


def loads(text: str, pairs: Callable[[list[tuple[str, Any]]], dict[str, Any]]) -> Any:
    """``json.loads(text, parse_float=Decimal, object_pairs_hook=pairs)``, with ``projects`` left in the text.

    Only when ``projects`` is the last key of the top mapping (as
    ``dumps_register`` writes it) and holds a list; otherwise the whole text
    is read by ``json.loads``. Raises a ``ValueError`` where ``json.loads``
    would raise before the projects; :meth:`Projects.decoded` raises
    :class:`Unreadable` where it would raise in or after them.
    """
    decoder = json.JSONDecoder(parse_float=Decimal, object_pairs_hook=pairs)
    scan = json.scanner.make_scanner(decoder)  # type: ignore[arg-type]
    at = _skip(text, 0)
    marker = text.rfind('"projects"')
    if text[at : at + 1] != "{" or marker < 0:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=pairs)
    found: list[tuple[str, Any]] = []
    at = _skip(text, at + 1)
    try:
        while text[at : at + 1] != "}":
            key, at = _SCANSTRING(text, at + 1) if text[at] == '"' else (None, at)
            if key is None:
                raise Unreadable(f"expected a key at {at}")
            at = _skip(text, at)
            if text[at : at + 1] != ":":
                raise Unreadable(f"expected ':' at {at}")
            at = _skip(text, at + 1)
            if key == "projects" and text[at : at + 1] == "[":
                found.append((key, Projects(text, at, scan)))
                return pairs(found)  # the projects are last, or decoded() says they are not
            value, at = scan(text, at)
            found.append((key, value))
            at = _skip(text, at)
            if text[at : at + 1] == ",":
                at = _skip(text, at + 1)
            elif text[at : at + 1] != "}":
                raise Unreadable(f"expected ',' or '}}' at {at}")
    except (StopIteration, IndexError, ValueError) as error:
        raise Unreadable(str(error)) from error
    return json.loads(text, parse_float=Decimal, object_pairs_hook=pairs)
