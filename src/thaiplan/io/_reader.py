"""The reader of calendar and document files: YAML 1.2 composed with marks, problems placed at their line and column.

The passes of loading are described in :mod:`thaiplan.io._files`. This is the
marked reader: the pure-Python composer of PyYAML, with the limits of
:mod:`thaiplan.io._limits` checked as it composes (depth, aliases), and a map
from every value's path to its line and column. :mod:`thaiplan.io._fast` reads
without marks first, and comes here only when there is a problem to place.
"""

from __future__ import annotations

import os
import re
from typing import IO, Any, Final, TypeVar, Union

import yaml

from thaiplan.errors import CalendarFileError, FileProblem
from thaiplan.io._limits import ALIAS_FLOOR, MAX_DEPTH, MAX_DIGITS
from thaiplan.io._syntax import syntax_problem, where

T = TypeVar("T")
Source = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
Path_ = tuple[str | int, ...]


# -- 1. compose, by YAML 1.2 core schema ----------------------------------------------


class _Refused(Exception):
    """A limit of :mod:`thaiplan.io._limits` reached while composing, at a mark."""

    def __init__(self, mark: Any, message: str, message_th: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.message_th = message_th


class _Loader(yaml.SafeLoader):
    """A safe loader that resolves plain scalars by the YAML 1.2 core schema.

    It composes as PyYAML's does, and refuses a tree deeper than
    :data:`~thaiplan.io._limits.MAX_DEPTH`, an alias inside what its anchor
    holds, and aliases that add more values than the rule of
    :mod:`thaiplan.io._limits` allows, each at the mark where it happens.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._open: set[str] = set()  # anchors of the nodes being composed
        self._sizes: dict[str, int] = {}  # values each anchor stands for
        self._count = 0  # values in the tree so far, aliases expanded
        self._written = 0  # values written out so far

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            anchor = str(event.anchor)
            if anchor in self._open:
                raise _Refused(
                    event.start_mark,
                    f"the alias *{anchor} stands inside the value its anchor &{anchor}"
                    " holds, so the value would never end; write it out instead",
                    f"นามแฝง *{anchor} อยู่ภายในค่าที่ &{anchor} กำหนดเอง จึงไม่มีที่สิ้นสุด ให้เขียนค่านั้นออกมาแทน",
                )
            size = self._sizes.get(anchor)
            if size is not None:
                self._count += size
                added = self._count - self._written
                allowed = max(self._written, ALIAS_FLOOR)
                if added > allowed:
                    raise _Refused(
                        event.start_mark,
                        f"the aliases up to *{anchor} stand for {added:,} values, more than"
                        f" the {allowed:,} allowed here (as many as the file writes out,"
                        f" or {ALIAS_FLOOR:,}); write the values out, or use fewer aliases",
                        f"นามแฝงจนถึง *{anchor} แทนค่าทั้งหมด {added:,} ค่า เกินกว่าที่ยอมให้"
                        f" {allowed:,} ค่า ให้เขียนค่าออกมาเอง หรือใช้นามแฝงให้น้อยลง",
                    )
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                event.start_mark,
                f"lists and mappings nest more than {MAX_DEPTH} levels deep here;"
                " a thaiplan file needs at most 7",
                f"รายการและการจับคู่ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้นที่ตำแหน่งนี้ ไฟล์ของ thaiplan ใช้ไม่เกิน 7 ชั้น",
            )
        anchor = event.anchor
        if anchor is not None:
            self._open.add(anchor)
        start = self._count
        self._count += 1
        self._written += 1
        node = super().compose_node(parent, index)
        self._depth -= 1
        if anchor is not None:
            self._open.discard(anchor)
            self._sizes[anchor] = self._count - start
        return node


class _Dumper(yaml.SafeDumper):
    """A safe dumper that quotes what either YAML 1.1 or 1.2 would not read as text."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # write repeated values out in full: files are read by people


def _represent_str(dumper: Any, text: str) -> yaml.ScalarNode:
    # PyYAML writes some characters as they are (DEL) or folds them (NEL, the
    # Unicode line and paragraph separators) and cannot read them back; in
    # double quotes they are escaped, so that the text comes back byte for byte.
    style = '"' if _UNSAFE.search(text) else None
    node: yaml.ScalarNode = dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)
    return node


_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)
_Dumper.add_representer(str, _represent_str)

# libyaml's emitter, where PyYAML has it: the same representer and resolvers
# (so the same quoting), about three times as fast. It escapes what PyYAML
# writes as it is (characters beyond U+FFFF), so a text it writes with an
# escape is written again by PyYAML's emitter (see _files._dumps).
_CDumper: type[yaml.SafeDumper] = _Dumper
if yaml.__with_libyaml__:

    class _LibyamlDumper(yaml.CSafeDumper):
        """:class:`_Dumper` with libyaml's emitter."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

    _LibyamlDumper.add_representer(str, _represent_str)
    _CDumper = _LibyamlDumper  # type: ignore[assignment]


_Loader.yaml_implicit_resolvers = {}
_CORE_SCHEMA: Final = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        "tag:yaml.org,2002:int",
        r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
        "-+0123456789",
    ),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
)
for _tag, _pattern, _first in _CORE_SCHEMA:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
    _Dumper.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
    if _CDumper is not _Dumper:
        _CDumper.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))

_TRUE: Final = frozenset({"true", "True", "TRUE"})
_SURROGATE: Final = re.compile("[\ud800-\udfff]")


class _Bad:
    """Stands for a value already reported as a problem, so it is reported once."""

    def __repr__(self) -> str:
        return "<bad value>"


_BAD: Final = _Bad()


class _Reader:
    """Turns a node tree into plain values, noting where each value stands."""

    #: A fast reader (:mod:`thaiplan.io._fast`) has no marks: its first
    #: problem stops it, and the file is read again by this one.
    fast = False

    def __init__(self, file: str) -> None:
        self.file = file
        self.text = ""
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.scalars: dict[Path_, yaml.ScalarNode] = {}
        self.problems: list[FileProblem] = []
        self.parsed: dict[Any, dict[str, Any]] = {}  # what each parser read (fast readers)

    def problem(
        self,
        path: Path_,
        message: str,
        *,
        at_key: bool = False,
        offset: int | None = None,
        message_th: str | None = None,
    ) -> None:
        """Note a problem at the value (or key) of ``path``; ``offset`` is an index into the text."""
        where = (self.key_marks if at_key else self.marks).get(path) or self.marks.get(path)
        if where is None:
            for cut in range(len(path) - 1, -1, -1):
                where = self.marks.get(path[:cut])
                if where is not None:
                    break
        line, column = where if where is not None else (None, None)
        node = self.scalars.get(path)
        if offset is not None and node is not None and not at_key:
            line, column = _place(self.text, node, offset)
        elif offset and column is not None:
            column += offset
        self.problems.append(
            FileProblem(self.file, line, column, _path_text(path), message, message_th)
        )

    def value(self, node: yaml.Node, path: Path_) -> Any:
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self.problem(
                    path,
                    f"the tag {node.tag!r} is not allowed: thaiplan files hold only text,"
                    " numbers, true/false, lists and mappings, and never run code",
                )
                return _BAD
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (
                    "tag:yaml.org,2002:str",
                    "tag:yaml.org,2002:int",
                ):
                    self.marks[(*path, "?")] = (
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                    )
                    self.problem((*path, "?"), "a key must be plain text")
                    continue
                key = str(key_node.value)
                child = (*path, key)
                self.key_marks[child] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                if key in result:
                    self.marks.setdefault(child, self.key_marks[child])
                    self.problem(
                        child,
                        f"the key {key!r} appears twice in one mapping; keep one",
                        at_key=True,
                    )
                    continue
                result[key] = self.value(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.problem(
                    path,
                    f"the tag {node.tag!r} is not allowed: thaiplan files hold only text,"
                    " numbers, true/false, lists and mappings, and never run code",
                )
                return _BAD
            return [self.value(item, (*path, index)) for index, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: yaml.Node, path: Path_) -> Any:
        tag, text = node.tag, node.value
        if tag == "tag:yaml.org,2002:str":
            self.scalars[path] = node  # type: ignore[assignment]
            if _SURROGATE.search(text):
                # "\ud83d\ude00" in JSON is one character; YAML leaves two halves
                text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            return text
        if tag == "tag:yaml.org,2002:bool":
            return text in _TRUE
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            digits = (
                sum(character in "0123456789" for character in text)
                if len(text) > MAX_DIGITS
                else 0
            )
            if digits > MAX_DIGITS:
                self.problem(
                    path,
                    f"a number of {digits:,} digits ({text[:12]}…) is far too large for"
                    f" a calendar file (at most {MAX_DIGITS} digits)",
                    message_th=f"ตัวเลข {digits:,} หลัก ({text[:12]}…) ใหญ่เกินกว่าที่ไฟล์ปฏิทินรับได้"
                    f" (ไม่เกิน {MAX_DIGITS} หลัก)",
                )
                return _BAD
        if tag == "tag:yaml.org,2002:int":
            try:
                return int(text, 0) if text[:2] in ("0o", "0x") else int(text, 10)
            except ValueError:
                self.problem(path, f"{text!r} is not a whole number")
                return _BAD
        if tag == "tag:yaml.org,2002:float":
            try:
                return float(text)
            except ValueError:
                self.problem(path, f"{text!r} is not a number")
                return _BAD
        if tag == "tag:yaml.org,2002:null":
            return None
        self.problem(
            path,
            f"the tag {tag!r} is not allowed: thaiplan files hold only text, numbers,"
            " true/false, lists and mappings, and never run code",
        )
        return _BAD


def _fail(reader: _Reader) -> CalendarFileError:
    """The error listing the reader's problems in the order of the file."""
    problems = sorted(reader.problems, key=lambda p: (p.line or 0, p.column or 0))
    return CalendarFileError(reader.file, problems)


def _path_text(path: Path_) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _compose(text: str, reader: _Reader) -> Any:
    """The plain values of ``text``, composed with marks; a syntax error or a limit raises."""
    if text.lstrip()[:1] in ("{", "["):
        # JSON: a raw tab can only be whitespace between tokens (JSON strings
        # escape theirs), and YAML refuses tabs there; a space keeps the columns.
        text = text.replace("\t", " ")
    reader.text = text
    loader = None
    try:
        loader = _Loader(text)  # the reader refuses unprintable characters here
        node = loader.get_single_node()
    except _Refused as refused:
        line, column = refused.mark.line + 1, refused.mark.column + 1
        raise CalendarFileError(
            reader.file,
            [FileProblem(reader.file, line, column, "", refused.message, refused.message_th)],
        ) from None
    except yaml.YAMLError as error:
        raise CalendarFileError(reader.file, [syntax_problem(error, text, reader.file)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        raise CalendarFileError(
            reader.file,
            [FileProblem(reader.file, 1, 1, "", "the file is empty", "ไฟล์ว่างเปล่า")],
        )
    return reader.value(node, ())


_BREAK: Final = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _place(text: str, node: yaml.ScalarNode, offset: int) -> tuple[int, int]:
    r"""The line and column (from 1) of the ``offset``-th character of a scalar's value.

    The value is matched against its source, character by character: the
    anchor and tag before it, the quotes around it, escapes (one character of
    the value for ``\u0e2a``), doubled single quotes and folded line breaks
    are stepped over, so that a problem inside a quoted, anchored or
    multi-line value is placed where it is.
    """
    start, end = node.start_mark.index, node.end_mark.index
    source, value, style = text[start:end], node.value, node.style
    j = 0
    while j < len(source) and source[j] in "&!":  # properties: &anchor, !tag
        while j < len(source) and source[j] not in " \t\r\n":
            j += 1
        while j < len(source) and source[j] in " \t\r\n":
            j += 1
    if style in ("'", '"'):
        j += 1
    elif style in ("|", ">"):
        j = source.find("\n", j) + 1 or len(source)
    v = 0
    while v < offset and v < len(value) and j < len(source):
        here = source[j]
        if style == '"' and here == "\\" and j + 1 < len(source):
            escaped = source[j + 1]
            if escaped in "\r\n":  # an escaped line break: nothing in the value
                j += 2
                continue
            j += {"x": 4, "u": 6, "U": 10}.get(escaped, 2)
            v += 1
        elif style == "'" and source.startswith("''", j):
            j += 2
            v += 1
        elif here == value[v]:
            j += 1
            v += 1
        elif here in " \t\r\n\x85\u2028\u2029":
            j += 1  # indentation, or a line break folded into the value
        elif value[v] in " \n":
            v += 1  # a space or line feed of the value that folding made
        else:
            break
    if v < len(value) and value[v] not in " \t\n":
        # the character itself, not the indentation or line break folded before it
        while j < len(source) and source[j] in " \t\r\n\x85\u2028\u2029":
            j += 1
    return where(text, start + j)
