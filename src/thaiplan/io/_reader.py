"""The reader of calendar and document files: YAML 1.2 composed with marks, problems placed at their line and column.

The passes of loading are described in :mod:`thaiplan.io._files`.
"""

from __future__ import annotations

import os
import re
from typing import IO, Any, Final, TypeVar, Union

import yaml

from thaiplan.errors import CalendarFileError, FileProblem

T = TypeVar("T")
Source = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
Path_ = tuple[str | int, ...]


# -- 1. compose, by YAML 1.2 core schema ----------------------------------------------


class _Loader(yaml.SafeLoader):
    """A safe loader that resolves plain scalars by the YAML 1.2 core schema."""


class _Dumper(yaml.SafeDumper):
    """A safe dumper that quotes what either YAML 1.1 or 1.2 would not read as text."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # write repeated values out in full: files are read by people


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # PyYAML writes some characters as they are (DEL) or folds them (NEL, the
    # Unicode line and paragraph separators) and cannot read them back; in
    # double quotes they are escaped, so that the text comes back byte for byte.
    style = '"' if _UNSAFE.search(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)
_Dumper.add_representer(str, _represent_str)


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

_TRUE: Final = frozenset({"true", "True", "TRUE"})
_SURROGATE: Final = re.compile("[\ud800-\udfff]")


class _Bad:
    """Stands for a value already reported as a problem, so it is reported once."""

    def __repr__(self) -> str:
        return "<bad value>"


_BAD: Final = _Bad()


class _Reader:
    """Turns a node tree into plain values, noting where each value stands."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.problems: list[FileProblem] = []

    def problem(self, path: Path_, message: str, *, at_key: bool = False, offset: int = 0) -> None:
        where = (self.key_marks if at_key else self.marks).get(path) or self.marks.get(path)
        if where is None:
            for cut in range(len(path) - 1, -1, -1):
                where = self.marks.get(path[:cut])
                if where is not None:
                    break
        line, column = where if where is not None else (None, None)
        if column is not None:
            column += offset
        self.problems.append(FileProblem(self.file, line, column, _path_text(path), message))

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
            if _SURROGATE.search(text):
                # "\ud83d\ude00" in JSON is one character; YAML leaves two halves
                text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            return text
        if tag == "tag:yaml.org,2002:bool":
            return text in _TRUE
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
    if text.lstrip()[:1] in ("{", "["):
        # JSON: a raw tab can only be whitespace between tokens (JSON strings
        # escape theirs), and YAML refuses tabs there; a space keeps the columns.
        text = text.replace("\t", " ")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = error.problem or "invalid YAML"
        if error.context:
            problem = f"{error.context}: {problem}"
        raise CalendarFileError(
            reader.file,
            [FileProblem(reader.file, line, column, "", f"not valid YAML or JSON: {problem}")],
        ) from None
    except yaml.YAMLError as error:
        raise CalendarFileError(
            reader.file, [FileProblem(reader.file, None, None, "", f"not valid YAML: {error}")]
        ) from None
    if node is None:
        raise CalendarFileError(
            reader.file, [FileProblem(reader.file, 1, 1, "", "the file is empty")]
        )
    return reader.value(node, ())
