"""Sphinx configuration of the thaiplan documentation.

Build with warnings as errors, nitpicky, from the root of a clone::

    sphinx-build -W --keep-going -n -b html docs docs/_build/html

The build reads nothing from the network: no intersphinx, no web fonts.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

from sphinx.pycode import ModuleAnalyzer

import thaiplan

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# -- Project -------------------------------------------------------------------

project = "thaiplan"
author = "the thaiplan developers"
copyright = "2026, the thaiplan developers"
release = thaiplan.__version__
version = ".".join(release.split(".")[:2])
language = "en"

# -- General -------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
# sphinx.ext.doctest is left out on purpose: pytest runs the examples of these
# pages (--doctest-glob=*.md) and of the docstrings (--doctest-modules), each
# with its module's globals. The Sphinx doctest builder would run the
# docstring examples again, without those globals.

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

nitpicky = True
# Targets that cannot resolve without intersphinx, which this offline build does
# not use. Each is a standard-library name, or a name of pandas (an optional
# extra) or networkx, that thaiplan's signatures and docstrings mention;
# everything of thaiplan itself must resolve.
nitpick_ignore = [
    # Every parser returns and every date function takes datetime.date.
    ("py:class", "datetime.date"),
    # parse_datetime returns an aware datetime.datetime.
    ("py:class", "datetime.datetime"),
    # TimeRange holds the times of day of a period.
    ("py:class", "datetime.time"),
    # Recurrence.rrule returns dateutil's rule (dateutil is imported only then).
    ("py:class", "dateutil.rrule.rrule"),
    # WEEKDAY_NAMES and WEEKDAY_VARIANTS number weekdays as date.weekday() does.
    ("py:meth", "datetime.date.weekday"),
    # load_calendar, dump_calendar: a path is a str or an os.PathLike.
    ("py:class", "os.PathLike"),
    # PlanningCalendar.to_dataframe returns one; pandas is an optional extra.
    ("py:class", "pandas.DataFrame"),
    # The records accept any iterable where they keep a tuple: attrs takes the
    # annotation of a field's converter (Iterable[str]) for __init__.
    ("py:class", "collections.abc.Iterable"),
    # A rule's check is a Callable from a Context to Issues (register_rule,
    # rule, Rule.check).
    ("py:class", "collections.abc.Callable"),
    # Context.step_index maps each step id to its place, read-only.
    ("py:class", "collections.abc.Mapping"),
    # Report.codes counts the findings of each code.
    ("py:class", "collections.Counter"),
    # Schedule and Status are mappings from step id to their records.
    ("py:class", "collections.abc.Mapping"),
    # dependency_graph returns one.
    ("py:class", "networkx.DiGraph"),
    # Money is a decimal.Decimal everywhere (bahttext, parse_baht, budgets).
    ("py:class", "decimal.Decimal"),
    # register_csv takes the years as a Sequence.
    ("py:class", "collections.abc.Sequence"),
]

# -- MyST ----------------------------------------------------------------------

myst_enable_extensions = [
    "colon_fence",  # ::: fences for admonitions
    "deflist",  # the glossary
]
myst_heading_anchors = 3

# -- autodoc and napoleon ------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# Show the option types of format_date and format_period by their names.
autodoc_type_aliases = {
    "DateStyle": "thaiplan.dates.DateStyle",
    "Digits": "thaiplan.dates.Digits",
    "rrule": "dateutil.rrule.rrule",
}
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- HTML (furo) ---------------------------------------------------------------

html_theme = "furo"
html_title = f"thaiplan {release}"
html_short_title = "thaiplan"
html_static_path = [
    "_static",
    # The JSON Schemas of the calendar and progress file formats, published where
    # their $id says: <docs>/_static/calendar.schema.json, progress.schema.json.
    "../src/thaiplan/data/calendar.schema.json",
    "../src/thaiplan/data/progress.schema.json",
    "../src/thaiplan/data/register.schema.json",
]
# A font stack that has Thai glyphs; local fonts only, nothing is downloaded.
html_css_files = ["thai.css"]
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
    "light_css_variables": {
        "color-brand-primary": "#1d4f91",
        "color-brand-content": "#1d4f91",
    },
    "dark_css_variables": {
        "color-brand-primary": "#7fb0ff",
        "color-brand-content": "#7fb0ff",
    },
}
html_copy_source = False
html_show_sourcelink = False


# -- Private modules in type hints --------------------------------------------
#
# The code lives in private modules (thaiplan.dates._periods,
# thaiplan.model._steps ...) and is
# documented where users import it (thaiplan.dates). autodoc writes the type
# hints of signatures with the private path, so a hint such as
# ``thaiplan.dates._periods.Period`` is sent on to ``thaiplan.dates.Period``, and a
# name re-exported by the top-level package (``thaiplan.Period``) to its home.


_INTERNAL_FOLDERS = frozenset({"model", "scheduling", "checks", "io", "cli"})


def _public_target(target: str) -> str | None:
    """The documented name of ``target``, or None when it is already public."""
    parts = target.split(".")
    if parts[0] != "thaiplan":
        return None
    public = [part for part in parts if not (part.startswith("_") and not part.startswith("__"))]
    # thaiplan.model._steps.Step, thaiplan.scheduling._schedule.Bounds ...: the
    # folders are internal, and every public name of theirs is thaiplan's own.
    if len(public) > 2 and public[1] in _INTERNAL_FOLDERS:
        public = ["thaiplan", *public[2:]]
    if len(public) > 1 and public[1] in thaiplan.__all__:
        # A re-export: documented in the public part of its defining module.
        home = getattr(getattr(thaiplan, public[1]), "__module__", None)
        if isinstance(home, str) and home.startswith("thaiplan"):
            home_parts = [
                part
                for part in home.split(".")
                if not part.startswith("_") and part not in _INTERNAL_FOLDERS
            ]
            public = [*home_parts, *public[1:]]
    new = ".".join(public)
    return None if new == target else new


def _resolve_private(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    target = _public_target(node["reftarget"])
    if target is None:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], target, node, contnode
    )


# -- Attribute docstrings are prose -------------------------------------------
#
# napoleon reads the first line of an attribute's docstring as "type:
# description", so ``#: One day: ``๔ เม.ย. ๖๑``.`` (a PeriodKind member) would
# render "One day" as a type, and fail the nitpicky build as a missing class.
# thaiplan never writes types in docstrings (the annotations carry them), so the
# attribute and data docstrings of thaiplan start with an empty reST comment,
# which napoleon takes as the (empty) first line and renders as nothing.


def _keep_attribute_docstrings(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    prose = what in {"attribute", "data", "property"} and name.startswith("thaiplan.")
    if prose and lines and lines[0].strip():
        lines[:0] = ["..", ""]


# -- Docstrings of re-exported data --------------------------------------------
#
# The name tables and the type aliases are documented by ``#:`` comments in the
# private module that defines them (thaiplan.dates._names ...). autodoc looks for
# those comments only in the module it documents (thaiplan.dates), and finding
# none it shows the docstring of the value's type (``tuple``'s). This looks the
# comment up in the private submodule that defines the same object.


def _defining_comment(modname: str, name: str) -> list[str] | None:
    package = importlib.import_module(modname)
    value = getattr(package, name, None)
    for info in pkgutil.iter_modules(getattr(package, "__path__", []), modname + "."):
        module = importlib.import_module(info.name)
        if getattr(module, name, None) is not value:
            continue
        docs = ModuleAnalyzer.for_module(info.name).find_attr_docs().get(("", name))
        if docs:
            return list(docs)
    return None


def _reexported_data_docstrings(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    if what != "data" or not name.startswith("thaiplan."):
        return
    modname, _, attribute = name.rpartition(".")
    if ModuleAnalyzer.for_module(modname).find_attr_docs().get(("", attribute)):
        return  # documented where autodoc looks
    comment = _defining_comment(modname, attribute)
    if comment is not None:
        lines[:] = comment


def setup(app: Sphinx) -> None:
    """Register the resolver of private module paths and the docstring fixes."""
    app.connect("missing-reference", _resolve_private)
    app.connect("autodoc-process-docstring", _reexported_data_docstrings, priority=300)
    # Before napoleon, which listens at the default priority (500).
    app.connect("autodoc-process-docstring", _keep_attribute_docstrings, priority=400)
