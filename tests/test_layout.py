"""The package's layout: imports run one way between the layers, and modules stay small.

The layers, from the bottom (docs/design.md draws the map)::

    errors ← dates ← model ← scheduling ← checks ← io ← cli

A module may import its own layer and the layers below it. The top-level
``thaiplan/__init__.py`` (the facade) and ``__main__.py`` may import anything.
Inside :mod:`thaiplan.dates` the modules are layered too (text and names, then
periods, then the formatter and the parser, then working days), so that the
date layer has no import circle either.

Every ``import`` statement is read with :mod:`ast`: at module level, under
``if TYPE_CHECKING:``, and inside functions. An import inside a function may go
upward only when it is one of the deferred hooks listed in ``DEFERRED`` below,
each with the reason it is allowed; any other upward import fails the test,
naming the file, the line and the rule it breaks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import thaiplan

PACKAGE = Path(thaiplan.__file__).parent

LAYERS = ("errors", "dates", "model", "scheduling", "checks", "io", "cli")
TOP = {"__init__", "__main__"}  # the facade may import every layer

# Inside thaiplan.dates: a module may import those of its own rank and below.
DATES_RANKS = {
    "__init__": 9,
    "_text": 0,
    "_names": 0,
    "_numbers": 1,
    "_kinds": 0,
    "_spans": 1,
    "_periods": 1,
    "_fiscal": 1,
    "_patterns": 1,
    "_diagnose": 2,
    "_values": 2,
    "_format": 2,
    "_notations": 3,
    "_parse": 3,
    "_workdays": 4,
}

# Upward imports allowed inside a function, as (importing module, function, imported
# module). Each is a convenience method of a record that hands the work to a layer
# above it at call time, so that the record's own module stays free of that layer.
DEFERRED = {
    # The notebook views of the records (Jupyter calls _repr_html_).
    ("thaiplan.model._letters", "_repr_html_", "thaiplan.io._notebook"),
    ("thaiplan.model._meetings", "_repr_html_", "thaiplan.io._notebook"),
    ("thaiplan.model._steps", "_repr_html_", "thaiplan.io._notebook"),
    ("thaiplan.model._steps", "_repr_html_", "thaiplan.io._gantt"),
    ("thaiplan.model._steps", "to_dataframe", "thaiplan.io._notebook"),
    # DataFrames of results, for notebooks (pandas is an optional extra).
    ("thaiplan.scheduling._schedule", "to_dataframe", "thaiplan.io._frames"),
    ("thaiplan.scheduling._status", "to_dataframe", "thaiplan.io._frames"),
    ("thaiplan.checks._findings", "to_dataframe", "thaiplan.io._frames"),
    ("thaiplan.checks._findings", "_repr_html_", "thaiplan.io._notebook"),
    ("thaiplan.model._register", "rollup_frame", "thaiplan.io._register"),
    # Period.parse / Period.format and FiscalYear.parse / FiscalYear.format.
    ("thaiplan.dates._periods", "parse", "thaiplan.dates._parse"),
    ("thaiplan.dates._periods", "format", "thaiplan.dates._format"),
    ("thaiplan.dates._fiscal", "parse", "thaiplan.dates._parse"),
    ("thaiplan.dates._fiscal", "format", "thaiplan.dates._format"),
    # Period.anchored counts working days with the working-day calendar.
    ("thaiplan.dates._periods", "_day_mover", "thaiplan.dates._workdays"),
}

MAX_LINES = 600


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        found.append((".".join(("thaiplan", *parts)), path))
    return found


def _layer(module: str) -> str | None:
    """The layer of a thaiplan module name, or None for the facade."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    return None if parts[1] in TOP else parts[1]


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(module: str, path: Path) -> list[tuple[int, str, str | None, list[str]]]:
    """(line, imported module, enclosing function or None, names) for each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str, str | None, list[str]]] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = child.name
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name, function, []) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                target = _resolve(module, path, child)
                found.append((child.lineno, target, function, [a.name for a in child.names]))
            visit(child, inner)

    visit(tree, None)
    return found


def _targets(target: str, names: list[str]) -> list[str]:
    """The thaiplan modules an import reaches (``from thaiplan import dates`` reaches dates)."""
    if not target.startswith("thaiplan"):
        return []
    if target == "thaiplan":
        reached = [f"thaiplan.{name}" for name in names if name in LAYERS]
        return reached or (["thaiplan"] if names and names != ["__version__"] else [])
    return [target]


def _dates_rank(module: str) -> int:
    parts = module.split(".")
    return DATES_RANKS[parts[2] if len(parts) > 2 else "__init__"]


def _violations(modules: list[tuple[str, Path]] | None = None) -> list[str]:
    problems = []
    for module, path in _modules() if modules is None else modules:
        here = _layer(module)
        if here is None:
            continue
        rank = LAYERS.index(here)
        for line, target, function, names in _imports(module, path):
            for reached in _targets(target, names):
                shown = path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE) else path
                where = f"{shown}:{line}"
                there = _layer(reached)
                if reached == "thaiplan":
                    # ``from thaiplan import __version__`` is allowed; the facade otherwise not
                    problems.append(f"{where}: {module} imports the facade 'thaiplan'")
                    continue
                assert there is not None
                if there not in LAYERS:
                    problems.append(f"{where}: {reached} is in no layer ({', '.join(LAYERS)})")
                    continue
                deferred = (module, function, reached) in DEFERRED
                if LAYERS.index(there) > rank and not deferred:
                    problems.append(
                        f"{where}: {module} (layer {here}) imports {reached} (layer {there});"
                        f" a layer imports only itself and those below it: {' ← '.join(LAYERS)}"
                    )
                if (
                    here == there == "dates"
                    and not deferred
                    and _dates_rank(reached) > _dates_rank(module)
                ):
                    problems.append(
                        f"{where}: {module} imports {reached}, which stands above it"
                        " inside thaiplan.dates (text, names ← periods, patterns ← diagnose, format ← parse ← workdays)"
                    )
                if here == "dates" and there != "errors" and there != "dates":
                    problems.append(f"{where}: thaiplan.dates imports only thaiplan.errors")
    return problems


def test_imports_run_one_way() -> None:
    assert [] == _violations()


def test_every_deferred_hook_is_still_there() -> None:
    """An entry of DEFERRED that no longer matches an import is removed from the list."""
    seen = {
        (module, function, target)
        for module, path in _modules()
        for _, target, function, _ in _imports(module, path)
    }
    assert set() == DEFERRED - seen


def test_errors_import_nothing_of_thaiplan() -> None:
    path = PACKAGE / "errors.py"
    assert [] == [t for _, t, _, _ in _imports("thaiplan.errors", path) if t.startswith("thaiplan")]


def test_every_module_has_a_home() -> None:
    homeless = [m for m, _ in _modules() if _layer(m) not in (*LAYERS, None)]
    assert [] == homeless


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[m for m, _ in _modules()])
def test_modules_stay_small(module: str, path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it (at most {MAX_LINES})"


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    """The reader of imports sees a function-level import and its layer."""
    source = tmp_path / "mod.py"
    source.write_text(
        "import thaiplan.io._files\n"
        "def f():\n"
        "    from thaiplan.cli import main\n"
        "if True:\n"
        "    from ..checks import _registry\n",
        encoding="utf-8",
    )
    found = _imports("thaiplan.model.mod", source)
    assert [(1, "thaiplan.io._files", None), (3, "thaiplan.cli", "f")] == [
        (line, target, function) for line, target, function, _ in found[:2]
    ]
    assert "thaiplan.checks" == found[2][1]
    assert "io" == _layer("thaiplan.io._files")
    assert _layer("thaiplan") is None
    problems = _violations([("thaiplan.model.mod", source)])
    assert 3 == len(problems)
    assert problems[0].startswith(
        f"{source}:1: thaiplan.model.mod (layer model) imports thaiplan.io._files"
    )
    assert f"{source}:3:" in problems[1]
    assert "thaiplan.checks (layer checks)" in problems[2]


def test_the_check_catches_a_circle_inside_dates(tmp_path: Path) -> None:
    source = tmp_path / "_text.py"
    source.write_text("from ._parse import parse_date\nfrom thaiplan.model import _steps\n")
    problems = _violations([("thaiplan.dates._text", source)])
    assert any("stands above it inside thaiplan.dates" in p for p in problems)
    assert any("thaiplan.dates imports only thaiplan.errors" in p for p in problems)
