"""The fast reader: plain values without marks, and the marked reader only for a problem to place.

Theory of operation
-------------------
Most files have no problem, and for them the line and column of every value
is work done for nothing. So a file is read twice at most:

1. **Fast.** JSON (text that starts with ``{`` or ``[``) is read by the
   standard library's :func:`json.loads`; YAML by the events of libyaml's
   parser (PyYAML's ``CSafeLoader``, in C), turned into plain values by one
   loop with an explicit stack, so that nesting costs no recursion. Scalars
   are resolved by the same YAML 1.2 core-schema patterns as the marked
   reader's. The values are checked and structured by the same passes as
   always, with a reader that has no marks.
2. **Marked.** At the first thing the fast reader cannot be sure of, it
   stops, and the file is read again from its text by the marked reader of
   :mod:`thaiplan.io._reader` (PyYAML's pure-Python composer, the reader of
   every earlier thaiplan): a problem of any pass, a syntax error, a key
   written twice, a tag, an alias beyond the rules of
   :mod:`thaiplan.io._limits`, nesting deeper than its limit, a number of too
   many digits, a character that YAML reads differently from JSON (control
   characters, NEL and the Unicode line separators, surrogate escapes), a tab
   in YAML. The marked reader then reports every problem at its line and
   column, exactly as it always has. For a JSON file whose values were read
   and only the checks found problems, :mod:`thaiplan.io._nearby` first
   tries to place them by composing only the values around each problem;
   it gives up (and the whole file goes to the marked reader) when unsure.

So a file without problems gives the same records as the marked reader, and
a file with problems the same :class:`~thaiplan.errors.CalendarFileError`;
the tests compare the two readers on mutated files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Final, TypeVar

import yaml

from thaiplan.io._limits import ALIAS_FLOOR, MAX_DEPTH, MAX_DIGITS
from thaiplan.io._nearby import Unsure, placed
from thaiplan.io._reader import _TRUE, _compose, _Loader, _Reader
from thaiplan.scheduling._pause import paused_collection

T = TypeVar("T")

_CParser: Final[Any] = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


class _Slow(Exception):
    """The fast reader cannot be sure: read the file again with marks."""


class _FastReader(_Reader):
    """A reader without marks: its first problem sends the file to the marked reader."""

    fast = True

    def problem(self, *args: Any, **kwargs: Any) -> None:
        raise _Slow


def read(
    text: str | list[str],
    file: str,
    shape: Callable[[_Reader, Any], T],
    again: Callable[[], str] | None = None,
) -> T:
    """``shape(reader, values)`` of ``text``: fast when it can be, with marks when it must.

    ``text`` may come in a list of one, which is emptied, with ``again``, a way
    to read the text anew: the text is then let go once its values are read
    (for a calendar of a million steps, some 500 MB), and read again only for
    the marked reader.
    """
    if isinstance(text, list):
        text = text.pop()
    with paused_collection():
        values = plain(text)
        if values is not _SLOW:
            if again is not None:
                del text
            try:
                return shape(_FastReader(file), values)
            except _Slow:
                pass
            except Exception:  # the marked reader says what it is, in place
                pass
            del values
            text = again() if again is not None else text
            try:  # a JSON file: mark only the neighbourhoods of its problems
                return placed(text, file, shape, _plain_or_unsure)
            except Unsure:
                pass
        reader = _Reader(file)
        return shape(reader, _compose(text, reader))


_SLOW: Final = object()


def _plain_or_unsure(text: str) -> Any:
    values = plain(text)
    if values is _SLOW:
        raise Unsure
    return values


# What YAML reads otherwise than JSON does, or refuses: control characters,
# NEL and the Unicode line and paragraph separators (line breaks in YAML),
# surrogates, the non-characters U+FFFE and U+FFFF, and escaped surrogates.
_JSON_SLOW: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
    r"|\\[uU]0{0,4}[dD][89a-fA-F]"
    r"|[0-9][-+.0-9eE]{100}"
)
_YAML_SLOW: Final = re.compile("[\t\ud800-\udfff]" r"|\\[uU]0{0,4}[dD][89a-fA-F]")


def plain(text: str) -> Any:
    """The plain values of ``text`` read without marks, or ``_SLOW``."""
    if text.lstrip()[:1] in ("{", "["):
        return _json(text)
    if _CParser is None:
        return _SLOW
    return _events(text)


class _Pairs:
    """json's object hook: a key written twice is for the marked reader; equal texts are shared.

    A calendar repeats its texts (the same title, phase, ``when`` and step ids
    in thousands of steps); one string for each saves about a quarter of the
    memory of the records.
    """

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def __call__(self, items: list[tuple[str, Any]]) -> dict[str, Any]:
        texts = self.texts
        mapping = {}
        for key, value in items:
            if type(value) is str:
                value = texts.setdefault(value, value)
            elif type(value) is list and value and type(value[0]) is str:
                value = [texts.setdefault(v, v) if type(v) is str else v for v in value]
            mapping[key] = value
        if len(mapping) != len(items):
            raise _Slow  # a key written twice
        return mapping


def _constant(name: str) -> Any:
    raise _Slow  # NaN, Infinity: text to YAML, numbers to Python's json


def _json(text: str) -> Any:
    if _JSON_SLOW.search(text):
        return _SLOW
    try:
        return json.loads(text, object_pairs_hook=_Pairs(), parse_constant=_constant)
    except (_Slow, ValueError, RecursionError):
        return _SLOW


_STR: Final = "tag:yaml.org,2002:str"
_INT: Final = "tag:yaml.org,2002:int"
_FLOAT: Final = "tag:yaml.org,2002:float"
_BOOL: Final = "tag:yaml.org,2002:bool"
_RESOLVERS: Final = _Loader.yaml_implicit_resolvers
_NO_KEY: Final = object()


def _resolve(text: str) -> tuple[str, Any]:
    """The tag and value of a plain scalar, by the YAML 1.2 core schema."""
    tag = _STR
    for candidate, pattern in _RESOLVERS.get(text[:1], ()):
        if pattern.match(text):
            tag = candidate
            break
    if tag == _STR:
        return _STR, text
    if tag == _BOOL:
        return tag, text in _TRUE
    if tag in (_INT, _FLOAT):
        if len(text) > MAX_DIGITS:
            raise _Slow
        if tag == _FLOAT:
            return tag, float(text)
        return tag, int(text, 0) if text[:2] in ("0o", "0x") else int(text, 10)
    return tag, None  # null


def _events(text: str) -> Any:
    if _YAML_SLOW.search(text):
        return _SLOW
    try:
        parser = _CParser(text)
    except (ValueError, yaml.YAMLError):  # text libyaml cannot take
        return _SLOW
    try:
        return _build(parser)
    except (_Slow, yaml.YAMLError, ValueError, RecursionError):
        return _SLOW
    finally:
        parser.dispose()


def _build(parser: Any) -> Any:
    """Plain values from libyaml's events, with an explicit stack; ``_Slow`` when unsure."""
    get_event = parser.get_event
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    sequence_start, mapping_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    # A frame: [container, pending key (mappings), anchor, values before it]
    stack: list[list[Any]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    open_anchors: set[str] = set()
    count = written = 0
    root: Any = _NO_KEY
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            if event.tag is not None:
                raise _Slow
            count += 1
            written += 1
            frame = stack[-1] if stack else None
            if event.implicit[0]:
                tag, value = _resolve(event.value)
            else:
                tag, value = _STR, event.value
            if frame is not None and frame[1] is _NO_KEY and type(frame[0]) is dict:
                if tag not in (_STR, _INT) or event.anchor is not None:
                    raise _Slow
                key = event.value
                if key in frame[0]:
                    raise _Slow
                frame[1] = key
                continue
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
        elif kind is sequence_start or kind is mapping_start:
            if event.tag is not None or len(stack) >= MAX_DEPTH:
                raise _Slow
            if stack and stack[-1][1] is _NO_KEY and type(stack[-1][0]) is dict:
                raise _Slow  # a list or mapping as a key
            count += 1
            written += 1
            if event.anchor is not None:
                open_anchors.add(event.anchor)
            stack.append([[] if kind is sequence_start else {}, _NO_KEY, event.anchor, count - 1])
            continue
        elif kind in ends:
            container, key, anchor, before = stack.pop()
            if key is not _NO_KEY:
                raise _Slow
            value = container
            if anchor is not None:
                open_anchors.discard(anchor)
                anchors[anchor] = (container, count - before)
        elif kind is alias_event:
            anchor = event.anchor
            if anchor in open_anchors or anchor not in anchors:
                raise _Slow
            if stack and stack[-1][1] is _NO_KEY and type(stack[-1][0]) is dict:
                raise _Slow  # an alias as a key
            value, size = anchors[anchor]
            count += size
            if count - written > max(written, ALIAS_FLOOR):
                raise _Slow
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Slow
            continue
        elif kind is yaml.StreamEndEvent:
            if root is _NO_KEY:
                raise _Slow  # an empty file: the marked reader says so
            return root
        else:
            continue  # stream start, document end
        if not stack:
            root = value
            continue
        frame = stack[-1]
        container = frame[0]
        if type(container) is dict:
            container[frame[1]] = value
            frame[1] = _NO_KEY
        else:
            container.append(value)
