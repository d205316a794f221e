"""Project registers in and out: the ``thaiplan-register/1`` file format, strategy-tree files, DataFrames.

Theory of operation
-------------------
A register file is YAML or JSON with ``format: thaiplan-register/1`` and the
keys ``name``, ``notes``, ``trees``, ``plans`` and ``projects``. A tree is
either the name of a built-in tree (``national-strategy``) or a tree written
out (``id``, ``name``, ``source``, ``notes``, ``nodes``); a file of one tree
alone has ``format: thaiplan-strategy-tree/1``. Loading runs these passes and
raises one :class:`~thaiplan.errors.CalendarFileError` listing every problem:

1. **Read fast.** JSON is read by the standard library's ``json`` (numbers
   with a point as :class:`~decimal.Decimal`, duplicate keys refused), the
   projects one at a time as the walk reaches them (:mod:`thaiplan.io._stream`),
   so that the plain values of a million projects never exist at once; YAML is
   composed by the calendar reader of :mod:`thaiplan.io._reader` (YAML 1.2
   core schema, no tags, duplicate keys refused, every value placed).
2. **Walk.** The plain values are walked against the records, whose fields
   are read from their attrs definitions: unknown keys (with the nearest known
   one), missing keys, wrong types, enum values, dates, and every field's own
   converter (amounts of baht as documents write them), each at its path.
   Money is never a float: a JSON or YAML number with a point is read from its
   digits, to the satang.
3. **Locate.** When the fast JSON pass found problems, the text is composed
   again with marks and walked again, so that every problem has its line and
   column; a clean file never pays for the marks.
4. **References.** Duplicate project, tree and plan ids; a project's ``plan``
   that the file's plans do not define. Links to strategy nodes are checked
   by validation (the rule ``project-link-unknown``), not here.

Writing omits defaults, writes whole amounts as numbers and amounts with
satang as text (``"1632820.50"``), a budget with one line a year and no
source as a mapping of year to amount, dates as ISO text, and a built-in tree
by its name, so that ``loads_register(dumps_register(r)) == r`` and a dumped
file dumps again to the same bytes.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import os
from collections.abc import Callable, Sequence
from decimal import Decimal
from importlib import resources
from typing import IO, TYPE_CHECKING, Any, Final, Literal

import attrs

from thaiplan.errors import (
    CalendarFileError,
    FileProblem,
    ModelError,
    ThaiplanError,
    ThaiplanTypeError,
)
from thaiplan.io import _stream
from thaiplan.io._files import _dumps, shipped_schema, write_to
from thaiplan.io._reader import _BAD, Path_, Source, _compose, _fail, _Reader
from thaiplan.io._sources import _text_of
from thaiplan.io._walk import _describe, _nearest, _Walker
from thaiplan.model._plans import Plan
from thaiplan.model._projects import Project
from thaiplan.model._register import ProjectRegister, SummaryFigure, SummaryRow
from thaiplan.model._strategies import StrategyNode, StrategyTree

if TYPE_CHECKING:
    import pandas

    from thaiplan.model._register import RollupRow

__all__ = [
    "REGISTER_FORMAT",
    "STRATEGY_TREE_FORMAT",
    "dump_register",
    "dumps_register",
    "load_register",
    "loads_register",
    "register_schema",
    "rollup_frame",
    "strategy_tree",
    "strategy_tree_names",
]

#: The ``format`` key of a register file.
REGISTER_FORMAT: Final = "thaiplan-register/1"
#: The ``format`` key of a file of one strategy tree.
STRATEGY_TREE_FORMAT: Final = "thaiplan-strategy-tree/1"

Format = Literal["yaml", "json"]

# -- 1. and 3. reading fast, locating on demand -----------------------------------------


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _parse(text: str, file: str, build: Callable[[_Walker, Any], Any]) -> Any:
    if text.lstrip()[:1] in ("{", "["):
        # first with the projects decoded one at a time (_stream), then, if they
        # were not as json.loads reads them (or not last), with json.loads
        for streamed in (True, False):
            try:
                data = (
                    _stream.loads(text, _no_duplicates)
                    if streamed
                    else json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicates)
                )
            except ValueError:
                break
            fast = _Reader(file)
            try:
                result = build(_Walker(fast), data)
            except _stream.Unreadable:
                continue
            if not fast.problems:
                return result
            break
    reader = _Reader(file)
    result = build(_Walker(reader), _compose(text, reader))
    if reader.problems:
        raise _fail(reader)
    return result


def _body(walker: _Walker, data: Any, expected: str) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        walker.problem((), f"expected a mapping with 'format: {expected}', found {_describe(data)}")
        return None
    body = dict(data)
    written = body.pop("format", None)
    if written is None:
        walker.problem((), f"the file needs 'format: {expected}' at the top")
    elif written != expected:
        walker.problem(("format",), f"unknown format {written!r}; this thaiplan reads {expected!r}")
    return body


_TREE_KEYS: Final = ("id", "name", "source", "notes", "nodes")


def _tree(walker: _Walker, data: Any, path: Path_) -> Any:
    if isinstance(data, str):
        if data in strategy_tree_names():
            return strategy_tree(data)
        walker.problem(
            path,
            f"no built-in strategy tree {data!r}{_nearest(data, strategy_tree_names())};"
            f" the built-in trees are {', '.join(strategy_tree_names())}",
        )
        return _BAD
    if not isinstance(data, dict):
        walker.problem(
            path,
            f"expected a strategy tree (a mapping) or a built-in tree's name, found {_describe(data)}",
        )
        return _BAD
    ok = True
    for key in data:
        if key not in _TREE_KEYS:
            walker.problem(
                (*path, key),
                f"unknown key {key!r} in a strategy tree{_nearest(key, _TREE_KEYS)}",
                at_key=True,
            )
            ok = False
    for key in ("id", "name"):
        if key not in data:
            walker.problem(path, f"a strategy tree needs the key {key!r}")
            ok = False
    texts = {
        key: walker.value(data[key], str, (*path, key)) for key in _TREE_KEYS[:4] if key in data
    }
    nodes = walker.value(data.get("nodes", []), tuple[StrategyNode, ...], (*path, "nodes"))
    if not ok or nodes is _BAD or any(text is _BAD for text in texts.values()):
        return _BAD
    try:
        return StrategyTree(nodes=nodes, **texts)
    except ThaiplanError as error:
        walker.problem((*path, "nodes"), str(error))
        return _BAD


_REGISTER_KEYS: Final = (
    "name",
    "notes",
    "trees",
    "plans",
    "summary",
    "summary_figures",
    "projects",
)


def _register(walker: _Walker, data: Any) -> Any:
    body = _body(walker, data, REGISTER_FORMAT)
    if body is None:
        return _BAD
    for key in body:
        if key not in _REGISTER_KEYS:
            walker.problem(
                (key,),
                f"unknown key {key!r} in a register{_nearest(key, _REGISTER_KEYS)}",
                at_key=True,
            )
    name = walker.value(body.get("name", ""), str, ("name",))
    notes = walker.value(body.get("notes", ""), str, ("notes",))
    lists: dict[str, list[Any]] = {}
    for key in ("trees", "plans", "summary", "summary_figures", "projects"):
        items = body.get(key, [])
        if not isinstance(items, list):
            walker.problem((key,), f"expected a list of {key}, found {_describe(items)}")
            items = []
        lists[key] = items
    trees = [_tree(walker, item, ("trees", i)) for i, item in enumerate(lists["trees"])]
    plans = [walker.record(item, Plan, ("plans", i)) for i, item in enumerate(lists["plans"])]
    summary = [
        walker.record(item, SummaryRow, ("summary", i)) for i, item in enumerate(lists["summary"])
    ]
    figures = [
        walker.record(item, SummaryFigure, ("summary_figures", i))
        for i, item in enumerate(lists["summary_figures"])
    ]
    projects = []
    # each mapping is let go once its project is built (or decoded only then): a large
    # file's peak stays lower
    for index, item in enumerate(_stream.one_by_one(lists["projects"])):
        projects.append(walker.record(item, Project, ("projects", index)))
    _check_ids(walker, "trees", trees)
    _check_ids(walker, "plans", plans)
    _check_ids(walker, "projects", projects)
    plan_ids = {plan.id for plan in plans if plan is not _BAD}
    if plan_ids:
        for index, project in enumerate(projects):
            if project is not _BAD and project.plan is not None and project.plan not in plan_ids:
                walker.problem(
                    ("projects", index, "plan"),
                    f"plan names {project.plan!r}, which the file's plans do not define"
                    + (
                        _nearest(project.plan, sorted(plan_ids))
                        or f"; they are {', '.join(map(repr, sorted(plan_ids)[:12]))}"
                    ),
                )
    if walker.reader.problems:
        return _BAD
    return ProjectRegister(projects, trees, plans, summary, name, notes, figures)


def _check_ids(walker: _Walker, key: str, records: list[Any]) -> None:
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        if record is _BAD:
            continue
        if record.id in seen:
            first = walker.reader.marks.get((key, seen[record.id], "id"), (None, None))[0]
            where = (
                f" (first on line {first})" if first else f" (first at {key}[{seen[record.id]}])"
            )
            walker.problem((key, index, "id"), f"duplicate id {record.id!r}{where}; ids are unique")
        else:
            seen[record.id] = index


def loads_register(text: str, *, file: str = "<string>") -> ProjectRegister:
    """Read a project register from the text of a register file (YAML or JSON); inverse of :func:`dumps_register`.

    Raises:
        CalendarFileError: The text has problems; all of them are listed with
            their line and column.

    >>> register = loads_register('''
    ... format: thaiplan-register/1
    ... trees: [national-strategy]
    ... projects:
    ...   - id: p1
    ...     title: ก่อสร้างถนน คสล. หมู่ที่ ๓
    ...     level: local
    ...     budget: {2566: "1,632,820", 2567: "-", 2568: 500000}
    ...     links: [{tree: national-strategy, node: "2"}]
    ... ''')
    >>> register.project("p1").budget_by_year()
    {2566: Decimal('1632820'), 2568: Decimal('500000')}
    """
    if not isinstance(text, str):
        raise ThaiplanTypeError(
            "loads_register(text)", text, "the text of a register file as a str"
        )
    if not isinstance(file, str):
        raise ThaiplanTypeError("loads_register(file)", file, "a str, the name to give problems")
    result = _parse(text, file, _register)
    if result is _BAD:  # pragma: no cover - _parse raises on problems
        raise CalendarFileError(file, [FileProblem(file, None, None, "", "not a register")])
    assert isinstance(result, ProjectRegister)
    return result


def load_register(source: Source) -> ProjectRegister:
    """Read a project register from a path or a file object; inverse of :func:`dump_register`.

    Raises:
        CalendarFileError: The file cannot be read or has problems.
    """
    text, name = _text_of("load_register", source, None)
    return loads_register(text, file=name)


# -- strategy trees ---------------------------------------------------------------------


def strategy_tree_names() -> tuple[str, ...]:
    """The names of the built-in strategy trees.

    >>> strategy_tree_names()
    ('lao-programmes', 'master-plans', 'national-strategy', 'plan-13-milestones', 'sdgs')
    """
    folder = resources.files("thaiplan") / "data" / "strategies"
    return tuple(
        sorted(
            entry.name.removesuffix(".yaml")
            for entry in folder.iterdir()
            if entry.name.endswith(".yaml")
        )
    )


@functools.cache
def _builtin_tree(name: str) -> StrategyTree:
    text = (resources.files("thaiplan") / "data" / "strategies" / f"{name}.yaml").read_text(
        encoding="utf-8"
    )
    return _loads_tree(text, f"<built-in {name}>")


def _loads_tree(text: str, file: str) -> StrategyTree:
    def build(walker: _Walker, data: Any) -> Any:
        body = _body(walker, data, STRATEGY_TREE_FORMAT)
        return _BAD if body is None else _tree(walker, body, ())

    tree = _parse(text, file, build)
    assert isinstance(tree, StrategyTree)
    return tree


def strategy_tree(source: Source) -> StrategyTree:
    """A strategy tree: a built-in one by name, or one read from a ``thaiplan-strategy-tree/1`` file.

    The built-in trees (``builtin_names("strategy-tree")``) are transcribed from the
    public sources named in each tree's ``source``; what is uncertain is in
    its ``notes`` and on its nodes.

    Raises:
        CalendarFileError: No built-in tree has that name and no file is
            there, or the file has problems.

    >>> tree = strategy_tree("national-strategy")
    >>> len(tree), tree.node("4").name
    (6, 'ยุทธศาสตร์ชาติด้านการสร้างโอกาสและความเสมอภาคทางสังคม')
    >>> [len(strategy_tree(name)) for name in ("master-plans", "plan-13-milestones", "sdgs")]
    [26, 13, 17]
    """
    if isinstance(source, str) and source in strategy_tree_names() and not os.path.exists(source):
        return _builtin_tree(source)
    if (
        isinstance(source, str)
        and not os.path.exists(source)
        and "/" not in source
        and "." not in source
    ):
        names = ", ".join(strategy_tree_names())
        raise CalendarFileError(
            source,
            [
                FileProblem(
                    source,
                    None,
                    None,
                    "",
                    f"no such file, and no built-in strategy tree of that name (built-in: {names})",
                )
            ],
        )
    text, name = _text_of("strategy_tree", source, None)
    return _loads_tree(text, name)


# -- writing ----------------------------------------------------------------------------


def _out(value: Any) -> Any:
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        # satang as documents write them: two places at least ("1632820.50")
        exponent = value.as_tuple().exponent
        return str(
            value
            if isinstance(exponent, int) and exponent <= -2
            else value.quantize(Decimal("0.01"))
        )
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_out(item) for item in value]
    if attrs.has(type(value)):
        return _plain(value)
    return value


def _plain(record: Any) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        if not field.init:
            continue
        value = getattr(record, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if default is not attrs.NOTHING and value == default:
            continue
        if isinstance(record, Project) and field.name == "budget":
            years = [line.fiscal_year for line in value]
            if len(set(years)) == len(years) and all(
                line.source is None and line.ordinance is None for line in value
            ):
                result["budget"] = {line.fiscal_year: _out(line.amount) for line in value}
                continue
        result[field.name] = _out(value)
    return result


def _tree_out(tree: StrategyTree) -> Any:
    if tree.id in strategy_tree_names() and _builtin_tree(tree.id) == tree:
        return tree.id
    result: dict[str, Any] = {"id": tree.id, "name": tree.name}
    for key in ("source", "notes"):
        if getattr(tree, key):
            result[key] = getattr(tree, key)
    result["nodes"] = [_plain(node) for node in tree.nodes]
    return result


def dumps_register(register: ProjectRegister, *, format: Format = "yaml") -> str:
    """Write a register as the text of a register file; inverse of :func:`loads_register`.

    >>> from thaiplan import BudgetLine, Project, ProjectRegister
    >>> register = ProjectRegister([Project("p1", "ถนน", "local", budget=[BudgetLine(2566, "1,500.50")])])
    >>> print(dumps_register(register), end="")
    format: thaiplan-register/1
    projects:
    - id: p1
      title: ถนน
      level: local
      budget:
        2566: '1500.50'
    >>> loads_register(dumps_register(register)) == register
    True
    """
    if not isinstance(register, ProjectRegister):
        raise ThaiplanTypeError("dumps_register(register)", register, "a ProjectRegister")
    data: dict[str, Any] = {"format": REGISTER_FORMAT}
    for key in ("name", "notes"):
        if getattr(register, key):
            data[key] = getattr(register, key)
    if register.trees:
        data["trees"] = [_tree_out(tree) for tree in register.trees]
    if register.plans:
        data["plans"] = [_plain(plan) for plan in register.plans]
    if register.summary:
        data["summary"] = [_plain(row) for row in register.summary]
    if register.summary_figures:
        data["summary_figures"] = [_plain(figure) for figure in register.summary_figures]
    data["projects"] = [_plain(project) for project in register.projects]
    if format == "json":
        # JSON keys are text: the budget years too
        for project in data["projects"]:
            if isinstance(project.get("budget"), dict):
                project["budget"] = {
                    str(year): amount for year, amount in project["budget"].items()
                }
    return _dumps(data, format)


def dump_register(
    register: ProjectRegister,
    destination: str | os.PathLike[str] | IO[str],
    *,
    format: Format | None = None,
) -> None:
    """Write a register to a path or a text file object; inverse of :func:`load_register`.

    Args:
        register: The register.
        destination: A path or an open text file.
        format: ``"yaml"`` or ``"json"``; by default from the path's suffix.

    Raises:
        FileWriteError: The path is a folder, or its folder does not exist,
            or the file cannot be written.
        ThaiplanTypeError: ``destination`` is neither a path nor a file.
    """
    write_to(
        destination, format, lambda chosen: dumps_register(register, format=chosen), "dump_register"
    )


def register_schema() -> dict[str, Any]:
    """The JSON Schema of the register file format, as shipped with thaiplan.

    >>> register_schema()["properties"]["format"]["const"]
    'thaiplan-register/1'
    """
    return shipped_schema("register")


# -- DataFrames -------------------------------------------------------------------------


def rollup_frame(rows: Sequence[RollupRow], keys: Sequence[str]) -> pandas.DataFrame:
    """Roll-up rows as a DataFrame: one column a key, then ``projects`` and ``budget`` (Decimal)."""
    try:
        import pandas
    except ImportError:
        raise ModelError(
            "rollup_frame() needs pandas, which is not installed;"
            " install it with: pip install 'thaiplan[pandas]'"
        ) from None
    records: list[dict[str, Any]] = [row.as_dict() for row in rows]
    return pandas.DataFrame.from_records(records, columns=[*keys, "projects", "budget"])
