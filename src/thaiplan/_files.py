"""Files in, files out: the calendar file format (YAML or JSON, one schema).

Theory of operation
-------------------
Loading a file runs these passes, collecting every problem before it raises
one :class:`~thaiplan.errors.CalendarFileError` that lists them all:

1. **Compose.** The text is composed into a node tree by PyYAML with a
   resolver for the YAML 1.2 core schema, not PyYAML's YAML 1.1 default: only
   ``true``/``false`` are booleans (``no``, ``yes``, ``on``, ``off`` stay text,
   so ``no: 1`` is the key ``"no"``), ``13:30`` is text (not the sexagesimal
   810), ``2018-05-01`` is text (not a date). JSON is read by the same
   composer, so JSON files get lines and columns too. Nothing is constructed
   by tag: a tag such as ``!!python/object`` is a problem, never code run.
2. **Plain values.** The nodes become dicts, lists, strings, numbers, with a
   map from each value's path (``steps[2].after[0]``) to its line and column.
   Duplicate keys are problems (YAML loaders silently keep the last one).
3. **Check.** The plain values are walked against the attrs classes of the
   model: unknown keys (with the nearest known key suggested), missing keys,
   wrong types, enum values, dates that :func:`~thaiplan.dates.parse_period`
   cannot read (placed at the column of the bad character), and every record's
   own validators.
4. **References.** Duplicate ids (an agency and a committee share one id
   space); ``after``, ``phase``, ``responsible``, agencies' ``parent`` and
   ``members``, committees' ``parent``, ``members`` and ``secretariat``,
   plans' ``owner`` and ``consistent_with``, and in a document the actions'
   ``who`` and ``step`` and the recipients' ``agency``, that name nothing.
5. **Structure.** Only a file without problems is structured, by cattrs,
   into the model. Writing unstructures by cattrs too, omitting defaults and
   derived fields (``Step.period`` is re-read from ``Step.when``), so that
   ``load(dump(c)) == c``, Thai text byte for byte.
"""

from __future__ import annotations

import difflib
import enum
import json
import os
import re
import types
import typing
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any, Final, Literal, TypeVar, Union

import attrs
import cattrs
import yaml
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from thaiplan.dates import Period, format_period, parse_period
from thaiplan.errors import CalendarFileError, FileProblem, ThaiDateError, ThaiplanError

from ._document import PlanningDocument
from ._letters import LetterNumber
from ._meetings import AgendaKind, ResolutionKind
from ._organisations import AgencyKind, Level
from ._plans import PlanKind, PlanLevel
from ._steps import Dependency, LagUnit, PlanningCalendar

__all__ = [
    "CALENDAR_FORMAT",
    "DOCUMENT_FORMAT",
    "builtin_names",
    "calendar_schema",
    "dump_calendar",
    "dumps_calendar",
    "dumps_document",
    "load_calendar",
    "load_document",
    "loads_calendar",
]

#: The ``format`` key of a calendar file.
CALENDAR_FORMAT: Final = "thaiplan-calendar/1"
#: The ``format`` key of a whole-document file.
DOCUMENT_FORMAT: Final = "thaiplan-document/1"

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


# -- 3. check plain values against the model ------------------------------------------


def _derived(field: attrs.Attribute[Any]) -> bool:
    return bool(field.metadata.get("derived"))


@typing.no_type_check
def _check(reader: _Reader, value: Any, kind: Any, path: Path_) -> bool:
    """Check ``value`` against the type ``kind``; report problems; True when clean."""
    if value is _BAD:
        return False
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return True
        options = [option for option in options if option is not type(None)]
        if len(options) == 1:
            return _check(reader, value, options[0], path)
        return True
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            if isinstance(value, str) and args[0] is str:
                return True
            if not isinstance(value, list):
                reader.problem(path, f"expected a list, found {_describe(value)}")
                return False
            results = [
                _check(reader, item, args[0], (*path, index)) for index, item in enumerate(value)
            ]
            return all(results)
        if not isinstance(value, list) or len(value) != len(args):
            reader.problem(path, f"expected a list of {len(args)} values, found {_describe(value)}")
            return False
        return all(
            _check(reader, item, arg, (*path, index))
            for index, (item, arg) in enumerate(zip(value, args, strict=True))
        )
    if kind is str:
        if isinstance(value, str):
            return True
        hint = f"; quote it: '{value}'" if isinstance(value, int | float) else ""
        reader.problem(path, f"expected text, found {_describe(value)}{hint}")
        return False
    if kind is bool:
        if isinstance(value, bool):
            return True
        reader.problem(path, f"expected true or false, found {_describe(value)}")
        return False
    if kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return True
        reader.problem(path, f"expected a whole number, found {_describe(value)}")
        return False
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        allowed = [member.value for member in kind]
        if value in allowed:
            return True
        close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        reader.problem(
            path,
            f"{value!r} is not one of {', '.join(map(repr, allowed))}{hint}",
        )
        return False
    if kind is Period:
        return _check_text(reader, value, path, parse_period)
    if kind is LetterNumber:
        return _check_text(reader, value, path, LetterNumber.parse)
    if kind is Dependency and isinstance(value, str):
        return True  # a bare step id: the dependency with no lag
    if attrs.has(kind):
        return _check_record(reader, value, kind, path)
    return True


def _check_text(reader: _Reader, value: Any, path: Path_, parse: Callable[[str], Any]) -> bool:
    if not isinstance(value, str):
        reader.problem(path, f"expected text, found {_describe(value)}")
        return False
    try:
        parse(value)
    except ThaiDateError as error:
        reader.problem(path, str(error), offset=error.position or 0)
        return False
    except ThaiplanError as error:
        reader.problem(path, str(error))
        return False
    return True


@typing.no_type_check
def _check_record(reader: _Reader, value: Any, cls: type, path: Path_) -> bool:
    name = cls.__name__
    if not isinstance(value, dict):
        reader.problem(path, f"expected a mapping (a {name}), found {_describe(value)}")
        return False
    fields = {field.name: field for field in attrs.fields(attrs.resolve_types(cls))}
    allowed = [field for field in fields if not _derived(fields[field])]
    ok = True
    for key in value:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            if key in fields:
                hint = f"; {key} is worked out from the other keys"
            reader.problem((*path, key), f"unknown key {key!r} in a {name}{hint}", at_key=True)
            ok = False
    for field_name in allowed:
        field = fields[field_name]
        if field_name not in value:
            if field.default is attrs.NOTHING:
                reader.problem(path, f"a {name} needs the key {field_name!r}")
                ok = False
            continue
        here = (*path, field_name)
        item = value[field_name]
        parser = field.metadata.get("parse")
        if field.metadata.get("code") and isinstance(item, int) and not isinstance(item, bool):
            continue  # an official code may be written as a number
        items_parser = field.metadata.get("parse_items")
        if parser is not None and isinstance(item, str):
            ok = _check_text(reader, item, here, parser) and ok
        elif (
            items_parser is not None
            and isinstance(item, list)
            and _check(reader, item, field.type, here)
        ):
            results = [
                _check_text(reader, part, (*here, index), items_parser)
                for index, part in enumerate(item)
            ]
            ok = all(results) and ok
        else:
            ok = _check(reader, item, field.type, here) and ok
    if ok:
        try:
            _converter().structure(value, cls)
        except Exception as error:  # every record's own validators, reported in place
            message = _validator_message(error)
            named = _FIELD_IN_MESSAGE.match(message)
            field_name = next((g for g in named.groups() if g), "") if named else ""
            reader.problem((*path, field_name) if field_name in value else path, message)
            return False
    return ok


# How attrs' validators ('duration' must be >= 1) and thaiplan's own
# (Step.id must be ...) name the field they reject.
_FIELD_IN_MESSAGE: Final = re.compile(r"^(?:'(\w+)'|\w+\.(\w+) must)")


def _validator_message(error: BaseException) -> str:
    if isinstance(error, cattrs.BaseValidationError):
        leaves = [str(leaf) for leaf in _leaves(error)]
        return "; ".join(leaves) or str(error)
    return str(error)


def _leaves(error: BaseException) -> Iterator[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        for child in error.exceptions:
            yield from _leaves(child)
    else:
        yield error


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return f"{value!r}"


# -- 4. references ----------------------------------------------------------------------


def _check_references(reader: _Reader, data: dict[str, Any], base: Path_) -> None:
    """Duplicate ids, and references that name nothing, in a calendar mapping."""

    def ids(key: str) -> dict[str, Path_]:
        seen: dict[str, Path_] = {}
        for index, item in enumerate(data.get(key) or []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            here = (*base, key, index, "id")
            if item["id"] in seen:
                first = reader.marks.get(seen[item["id"]], (None, None))[0]
                reader.problem(
                    here,
                    f"duplicate id {item['id']!r} (first used on line {first}); ids are unique",
                )
            else:
                seen[item["id"]] = here
        return seen

    steps = ids("steps")
    phases = ids("phases")
    committees = ids("committees")
    agencies = ids("agencies")
    for shared in agencies.keys() & committees.keys():
        reader.problem(
            committees[shared],
            f"the id {shared!r} names an agency and a committee; agencies and committees"
            " share one set of ids, since steps name either as responsible",
        )
    parties = {**agencies, **committees}
    plans = ids("plans")
    _check_names(reader, data, base, "agencies", {"parent": parties, "members": parties})
    _check_names(
        reader,
        data,
        base,
        "committees",
        {"parent": committees, "members": parties, "secretariat": parties},
    )
    _check_names(reader, data, base, "plans", {"owner": parties, "consistent_with": plans})
    for index, step in enumerate(data.get("steps") or []):
        if not isinstance(step, dict):
            continue
        here = (*base, "steps", index)
        phase = step.get("phase")
        if isinstance(phase, str) and phases and phase not in phases:
            reader.problem((*here, "phase"), f"unknown phase {phase!r}{_nearest(phase, phases)}")
        after = step.get("after") or []
        for position, item in enumerate(after if isinstance(after, list) else []):
            target = item.get("step") if isinstance(item, dict) else item
            where = (*here, "after", position) + (("step",) if isinstance(item, dict) else ())
            if isinstance(target, str) and target not in steps:
                reader.problem(where, f"unknown step {target!r}{_nearest(target, steps)}")
            elif target == step.get("id"):
                reader.problem(where, f"step {target!r} cannot come after itself")
        responsible = step.get("responsible") or []
        if isinstance(responsible, str):
            responsible = [responsible]
        for position, party in enumerate(responsible):
            if isinstance(party, str) and party not in parties:
                reader.problem(
                    (*here, "responsible", position),
                    f"unknown agency or committee {party!r}{_nearest(party, parties)};"
                    " define it under agencies: or committees:",
                )


def _check_names(
    reader: _Reader,
    data: dict[str, Any],
    base: Path_,
    key: str,
    references: dict[str, dict[str, Path_]],
) -> None:
    """Check that the id-valued keys of each record of ``data[key]`` name something."""
    records = data.get(key)
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not isinstance(record, dict):
            continue
        for field, known in references.items():
            value = record.get(field)
            names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
            for position, name in enumerate(names):
                if not isinstance(name, str) or name in known:
                    continue
                where = (*base, key, index, field) + (
                    (position,) if isinstance(value, list) else ()
                )
                reader.problem(
                    where, f"{field} names {name!r}, which is not defined{_nearest(name, known)}"
                )


def _check_document_references(reader: _Reader, data: dict[str, Any]) -> None:
    """Actions and recipients of a document name steps and parties of its calendar."""
    calendar = data.get("calendar") if isinstance(data.get("calendar"), dict) else {}
    assert isinstance(calendar, dict)

    def known(key: str) -> dict[str, Path_]:
        items = calendar.get(key)
        return {
            item["id"]: ()
            for item in (items if isinstance(items, list) else [])
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        }

    steps = known("steps")
    parties = {**known("agencies"), **known("committees")}
    meeting = data.get("meeting")
    agenda = meeting.get("agenda") if isinstance(meeting, dict) else None
    for i, item in enumerate(agenda if isinstance(agenda, list) else []):
        resolutions = item.get("resolutions") if isinstance(item, dict) else None
        for j, resolution in enumerate(resolutions if isinstance(resolutions, list) else []):
            if isinstance(resolution, dict):
                base: Path_ = ("meeting", "agenda", i, "resolutions", j)
                _check_names(reader, resolution, base, "actions", {"who": parties, "step": steps})
    letter = data.get("letter")
    distribution = letter.get("distribution") if isinstance(letter, dict) else None
    if isinstance(distribution, dict):
        _check_names(
            reader, distribution, ("letter", "distribution"), "recipients", {"agency": parties}
        )


def _nearest(name: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    if close:
        return f"; did you mean {close[0]!r}?"
    if not known:
        return "; none are defined"
    if len(known) <= 12:
        return f"; the file defines {', '.join(map(repr, known))}"
    return ""


# -- 5. structure and unstructure by cattrs ---------------------------------------------


_CONVERTER: cattrs.Converter | None = None


def _converter() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = _make_converter()
    return _CONVERTER


def _is_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple


def _enum_value(member: enum.Enum) -> Any:
    return member.value


_ENUMS: Final = (
    AgencyKind,
    AgendaKind,
    LagUnit,
    Level,
    PlanKind,
    PlanLevel,
    ResolutionKind,
)


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    # StrEnum members are str instances, which cattrs would pass through as
    # they are; each enum is registered by name so that its plain value is written.
    for enum_class in _ENUMS:
        converter.register_unstructure_hook(enum_class, _enum_value)
    converter.register_structure_hook(Period, lambda value, _: parse_period(value))
    converter.register_unstructure_hook(Period, lambda period: period.text or format_period(period))
    converter.register_structure_hook(LetterNumber, lambda value, _: LetterNumber.parse(value))
    converter.register_unstructure_hook(LetterNumber, str)

    def structure_dependency(value: Any, _: Any) -> Dependency:
        if isinstance(value, str):
            return Dependency(value)
        return converter.structure_attrs_fromdict(value, Dependency)

    converter.register_structure_hook(Dependency, structure_dependency)
    # A list of one may be written as the one: `responsible: kbj`.
    converter.register_structure_hook_func(
        lambda cls: cls == tuple[str, ...],
        lambda value, _: (value,) if isinstance(value, str) else tuple(value),
    )

    def unstructure_dependency(dependency: Dependency) -> Any:
        if dependency == Dependency(dependency.step):
            return dependency.step
        return base_dependency(dependency)

    base_dependency = make_dict_unstructure_fn(Dependency, converter, _cattrs_omit_if_default=True)
    converter.register_unstructure_hook(Dependency, unstructure_dependency)

    def derived_hooks(cls: type) -> bool:
        return attrs.has(cls) and any(_derived(field) for field in attrs.fields(cls))

    def structure_factory(cls: type) -> Callable[[Any, Any], Any]:
        omit: Any = {
            field.name: override(omit=True) for field in attrs.fields(cls) if _derived(field)
        }
        return make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **omit)

    def unstructure_factory(cls: type) -> Callable[[Any], Any]:
        omit: Any = {
            field.name: override(omit=True) for field in attrs.fields(cls) if _derived(field)
        }
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **omit)

    converter.register_structure_hook_factory(derived_hooks, structure_factory)
    converter.register_unstructure_hook_factory(derived_hooks, unstructure_factory)
    # Tuples are written as lists: YAML and JSON have no tuples.
    converter.register_unstructure_hook_func(
        _is_tuple, lambda value: [converter.unstructure(item) for item in value]
    )
    return converter


# -- public functions -------------------------------------------------------------------


def _read_source(source: Source) -> tuple[str, str]:
    """Return (text, file name) for a path or a file object."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as error:
            message = f"cannot read: {error.strerror}"
            if isinstance(source, str) and not path.suffix and len(path.parts) == 1:
                names = ", ".join(builtin_names())
                message = f"no such file, and no built-in calendar of that name (built-in: {names})"
            raise CalendarFileError(
                str(path), [FileProblem(str(path), None, None, "", message)]
            ) from None
        name = str(path)
    else:
        name = str(getattr(source, "name", "<stream>"))
        raw = source.read()
        if isinstance(raw, str):
            return raw, name
        data = raw
    try:
        return data.decode("utf-8-sig"), name
    except UnicodeDecodeError as error:
        raise CalendarFileError(
            name,
            [
                FileProblem(
                    name, None, None, "", f"not UTF-8 text (byte {error.start}); save it as UTF-8"
                )
            ],
        ) from None


def builtin_names() -> tuple[str, ...]:
    """The names of the built-in documents and calendars.

    >>> builtin_names()
    ('samut-sakhon-2563',)
    """
    folder = resources.files("thaiplan") / "data"
    return tuple(
        sorted(
            entry.name.removesuffix(".yaml")
            for entry in folder.iterdir()
            if entry.name.endswith(".yaml")
        )
    )


def _builtin_text(name: str) -> str | None:
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    entry = resources.files("thaiplan") / "data" / f"{name}.yaml"
    return entry.read_text(encoding="utf-8") if entry.is_file() else None


def _is_builtin_name(source: Source) -> bool:
    return (
        isinstance(source, str) and not os.path.exists(source) and _builtin_text(source) is not None
    )


def loads_calendar(text: str, *, file: str = "<string>") -> PlanningCalendar:
    """Read a calendar from the text of a calendar file (YAML or JSON).

    Raises:
        CalendarFileError: The text has problems; all of them are listed.

    >>> calendar = loads_calendar('''
    ... format: thaiplan-calendar/1
    ... title: ปฏิทินทดลอง
    ... province: สมุทรสาคร
    ... fiscal_year: 2563
    ... phases: [{id: p1, title: Area Based}]
    ... steps:
    ...   - {id: s1, no: 1, phase: p1, title: เก็บข้อมูล, when: ภายใน พ.ค. ๖๑}
    ... ''')
    >>> calendar.steps[0].period.end
    datetime.date(2018, 5, 31)
    """
    reader = _Reader(file)
    data = _compose(text, reader)
    if isinstance(data, dict) and data.get("format") == DOCUMENT_FORMAT:
        calendar = _structure_document(reader, data).calendar
        if calendar is None:
            raise CalendarFileError(
                file, [FileProblem(file, 1, 1, "", "the document has no calendar")]
            )
        return calendar
    return _structure_calendar(reader, data, ())


def _check_format(reader: _Reader, data: Any, expected: str, path: Path_) -> dict[str, Any]:
    if not isinstance(data, dict):
        reader.problem(
            path, f"expected a mapping with 'format: {expected}', found {_describe(data)}"
        )
        raise _fail(reader)
    body = dict(data)
    written = body.pop("format", None)
    if path == () and written != expected:
        if written is None:
            reader.problem(path, f"the file needs 'format: {expected}' at the top")
        else:
            reader.problem(
                (*path, "format"), f"unknown format {written!r}; this thaiplan reads {expected!r}"
            )
    elif path != () and written is not None:
        reader.problem((*path, "format"), "only the top of a file has a format key", at_key=True)
    return body


def _structure_calendar(reader: _Reader, data: Any, path: Path_) -> PlanningCalendar:
    body = _check_format(reader, data, CALENDAR_FORMAT, path)
    clean = _check_record(reader, body, PlanningCalendar, path)
    _check_references(reader, body, path)
    if reader.problems or not clean:
        raise _fail(reader)
    return _converter().structure(body, PlanningCalendar)


def _structure_document(reader: _Reader, data: Any) -> PlanningDocument:
    body = _check_format(reader, data, DOCUMENT_FORMAT, ())
    clean = _check_record(reader, body, PlanningDocument, ())
    if isinstance(body.get("calendar"), dict):
        _check_references(reader, body["calendar"], ("calendar",))
    _check_document_references(reader, body)
    if reader.problems or not clean:
        raise _fail(reader)
    return _converter().structure(body, PlanningDocument)


def load_calendar(source: Source) -> PlanningCalendar:
    """Read a calendar from a file, a file object, or the name of a built-in calendar.

    Args:
        source: A path (``.yaml``, ``.yml`` or ``.json``), an open file, or a
            built-in name such as ``"samut-sakhon-2563"`` (see :func:`builtin_names`).
            A document file gives its calendar.

    Raises:
        CalendarFileError: The file cannot be read or has problems; every
            problem is listed with its line and column.

    >>> load_calendar("samut-sakhon-2563").fiscal_year
    2563
    """
    if _is_builtin_name(source):
        assert isinstance(source, str)
        text = _builtin_text(source)
        assert text is not None
        return loads_calendar(text, file=f"<built-in {source}>")
    text, name = _read_source(source)
    return loads_calendar(text, file=name)


def load_document(source: Source) -> PlanningDocument:
    """Read a whole planning document: letter, meeting, calendar.

    Args:
        source: A path, an open file, or a built-in name (``"samut-sakhon-2563"``).

    Raises:
        CalendarFileError: The file cannot be read or has problems.

    >>> document = load_document("samut-sakhon-2563")
    >>> document.meeting.start.isoformat()
    '2018-04-04T13:30:00+07:00'
    """
    if _is_builtin_name(source):
        assert isinstance(source, str)
        text = _builtin_text(source)
        assert text is not None
        name = f"<built-in {source}>"
    else:
        text, name = _read_source(source)
    reader = _Reader(name)
    return _structure_document(reader, _compose(text, reader))


Format = Literal["yaml", "json"]


def dumps_calendar(calendar: PlanningCalendar, *, format: Format = "yaml") -> str:
    """Write a calendar as the text of a calendar file; inverse of :func:`loads_calendar`.

    Text that YAML 1.1 readers would take for something else (``no``, ``yes``,
    ``on``) is quoted, so that the file reads the same in any YAML tool.

    >>> calendar = load_calendar("samut-sakhon-2563")
    >>> loads_calendar(dumps_calendar(calendar)) == calendar
    True
    """
    return _dumps({"format": CALENDAR_FORMAT, **_converter().unstructure(calendar)}, format)


def dumps_document(document: PlanningDocument, *, format: Format = "yaml") -> str:
    """Write a whole document as text; inverse of :func:`load_document`.

    >>> import io
    >>> document = load_document("samut-sakhon-2563")
    >>> document == load_document(io.StringIO(dumps_document(document)))
    True
    """
    return _dumps({"format": DOCUMENT_FORMAT, **_converter().unstructure(document)}, format)


def _dumps(data: dict[str, Any], format: str) -> str:
    if format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        # Thai stays as it is; the few characters a YAML reader refuses are escaped.
        return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    if format != "yaml":
        raise CalendarFileError(
            "<output>",
            [
                FileProblem(
                    "<output>", None, None, "", f"unknown format {format!r}; use 'yaml' or 'json'"
                )
            ],
        )
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**30,
    )


def dump_calendar(
    calendar: PlanningCalendar,
    destination: str | os.PathLike[str] | IO[str],
    *,
    format: Format | None = None,
) -> None:
    """Write a calendar to a path or a text file object; inverse of :func:`load_calendar`.

    Args:
        calendar: The calendar.
        destination: A path or an open text file.
        format: ``"yaml"`` or ``"json"``; by default from the path's suffix
            (``.json`` is JSON, anything else YAML).
    """
    if format is None:
        suffix = (
            Path(destination).suffix.lower() if isinstance(destination, str | os.PathLike) else ""
        )
        format = "json" if suffix == ".json" else "yaml"
    text = dumps_calendar(calendar, format=format)
    if isinstance(destination, str | os.PathLike):
        Path(destination).write_text(text, encoding="utf-8")
    else:
        destination.write(text)


def calendar_schema() -> dict[str, Any]:
    """The JSON Schema of the calendar file format, as shipped with thaiplan.

    >>> calendar_schema()["properties"]["format"]["const"]
    'thaiplan-calendar/1'
    """
    text = (resources.files("thaiplan") / "data" / "calendar.schema.json").read_text(
        encoding="utf-8"
    )
    schema: dict[str, Any] = json.loads(text)
    return schema
