"""A project register as CSV, one row a project, the budget years as columns as ผ.๐๒ prints them.

The columns, in order (:data:`REGISTER_CSV_COLUMNS`, then one ``budget YEAR``
column for each fiscal year):

``id``, ``title``, ``description``, ``level``, ``plan``, ``edition``,
``form``, ``item``, ``page``, ``code``, ``national_code``, ``proposer``,
``responsible``, ``objectives``, ``target``, ``indicators``,
``expected_results``, ``programme``, ``province``, ``district``,
``subdistrict``, ``villages``, ``lao``, ``links``, ``beyond_capacity``,
``capacity_reason``, ``state``, ``notes``.

A cell with several values (responsible units, objectives, villages, links
…) holds one a line, as Excel shows a wrapped cell. A link is ``tree:node``;
an indicator is ``name = target unit`` (``ถนนที่ก่อสร้าง = 1,200 เมตร``) or its
name alone. Amounts are written as budget tables write them (``1,632,820``;
``-`` for a year without budget) and read as documents write them, Thai
digits and บาท included. ``state`` is the current state: it is read back as a
history of one change. The text is UTF-8 with a byte-order mark, so that
Excel shows the Thai; a file without the mark reads as well.

CSV holds what a sheet holds: a project's budget sources and ordinance
amounts, its status dates, escalations, follow-up, coordinates and
corrections are not columns, and a register with them is written to the
register file format instead (:func:`thaiplan.dumps_register`).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Final

from thaiplan.dates import Digits, format_baht, parse_baht, to_arabic_digits
from thaiplan.errors import (
    CalendarFileError,
    FileProblem,
    ModelError,
    ThaiplanError,
    ThaiplanTypeError,
)
from thaiplan.io._sources import _text_of
from thaiplan.model._project_parts import (
    BudgetLine,
    Indicator,
    Location,
    StatusChange,
    StrategyLink,
)
from thaiplan.model._projects import Project
from thaiplan.model._register import ProjectRegister

__all__ = ["REGISTER_CSV_COLUMNS", "load_register_csv", "loads_register_csv", "register_csv"]

#: The columns of :func:`register_csv` before the budget years, in order.
REGISTER_CSV_COLUMNS: Final = (
    "id",
    "title",
    "description",
    "level",
    "plan",
    "edition",
    "form",
    "item",
    "page",
    "code",
    "national_code",
    "proposer",
    "responsible",
    "objectives",
    "target",
    "indicators",
    "expected_results",
    "programme",
    "province",
    "district",
    "subdistrict",
    "villages",
    "lao",
    "links",
    "beyond_capacity",
    "capacity_reason",
    "state",
    "notes",
)
_LISTS: Final = frozenset(
    {"responsible", "objectives", "expected_results", "villages", "indicators", "links"}
)
_BUDGET: Final = re.compile(r"(?:budget|งบประมาณ)?\s*(?:ปี\s*)?([0-9๐-๙]{4})")
_SPACED: Final = re.compile(r"\s")  # any space, the no-break space of pasted text too
_INDICATOR: Final = re.compile(r"(?P<name>.*) = (?P<target>[0-9๐-๙][0-9๐-๙,.]*)(?: (?P<unit>.*))?")


def _years(register: ProjectRegister) -> list[int]:
    spans = {plan.years for plan in register.plans if plan.years is not None}
    if len(spans) == 1:
        first, last = next(iter(spans))
        return list(range(first, last + 1))
    return sorted({line.fiscal_year for project in register for line in project.budget})


def register_csv(
    register: ProjectRegister, *, years: Sequence[int] | None = None, digits: Digits = "arabic"
) -> str:
    """The register as CSV text with a byte-order mark; inverse of :func:`loads_register_csv`.

    Args:
        register: The register.
        years: The fiscal years to give a budget column, in order; by default
            the years of the register's plan when it has one (the five of a
            local plan), otherwise every year with budget.
        digits: The digits of the amounts: ``"arabic"`` or ``"thai"``.

    Raises:
        ModelError: A project has budget in a year outside ``years``, which
            the sheet would lose.

    >>> from thaiplan import BudgetLine, Project, ProjectRegister
    >>> text = register_csv(ProjectRegister([Project("p1", "ถนน", "local",
    ...     budget=[BudgetLine(2566, 1632820)])]), years=[2566, 2567])
    >>> text.splitlines()[1].endswith(',"1,632,820",-')
    True
    """
    if not isinstance(register, ProjectRegister):
        raise ThaiplanTypeError("register_csv(register)", register, "a ProjectRegister")
    chosen = list(years) if years is not None else _years(register)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*REGISTER_CSV_COLUMNS, *(f"budget {year}" for year in chosen)])
    for project in register:
        by_year = project.budget_by_year()
        outside = sorted(set(by_year) - set(chosen))
        if outside:
            raise ModelError(
                f"project {project.id!r} has budget in {', '.join(map(str, outside))},"
                " which the CSV has no column for; pass years=... or write a register file"
            )
        where = project.location or Location()
        cells = {
            "level": project.level.value,
            "plan": project.plan or "",
            "form": project.form.value if project.form else "",
            "proposer": project.proposer or "",
            "responsible": "\n".join(project.responsible),
            "objectives": "\n".join(project.objectives),
            "indicators": "\n".join(_indicator_text(item) for item in project.indicators),
            "expected_results": "\n".join(project.expected_results),
            "province": where.province or "",
            "district": where.district or "",
            "subdistrict": where.subdistrict or "",
            "villages": "\n".join(where.villages),
            "lao": where.lao or "",
            "links": "\n".join(link.key for link in project.links),
            "beyond_capacity": "true" if project.beyond_capacity else "",
            "state": project.state.value if project.state else "",
        }
        row = [cells.get(column, getattr(project, column, "")) for column in REGISTER_CSV_COLUMNS]
        row += [format_baht(by_year.get(year), digits=digits) for year in chosen]
        writer.writerow(row)
    return buffer.getvalue()


def _indicator_text(indicator: Indicator) -> str:
    if indicator.target is None:
        return indicator.name
    return f"{indicator.name} = {indicator.target:,} {indicator.unit}".rstrip()


class _Problems(list[FileProblem]):
    def __init__(self, file: str) -> None:
        super().__init__()
        self.file = file

    def add(self, row: int, column: int | None, name: str, message: str) -> None:
        self.append(FileProblem(self.file, row, column, name, message))


def loads_register_csv(text: str, *, file: str = "<string>") -> ProjectRegister:
    """Read a register from CSV text as :func:`register_csv` writes it, or as a sheet exported by hand.

    The header names the columns (:data:`REGISTER_CSV_COLUMNS` in any order,
    only ``id``, ``title`` and ``level`` required) and the budget years
    (``budget 2566``, ``งบประมาณ ๒๕๖๖`` or the year alone).

    Raises:
        CalendarFileError: The text has problems; each is placed at its row
            (the line of the file) and column.

    >>> text = 'id,title,level,งบประมาณ ๒๕๖๖,2567' + chr(10) + 'p1,ถนน,local," 1,632,820 ", - '
    >>> loads_register_csv(text).project("p1").budget_by_year()
    {2566: Decimal('1632820')}
    """
    if not isinstance(text, str):
        raise ThaiplanTypeError("loads_register_csv(text)", text, "the text of a CSV file as a str")
    if not isinstance(file, str):
        raise ThaiplanTypeError(
            "loads_register_csv(file)", file, "a str, the name to give problems"
        )
    problems = _Problems(file)
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    if not rows:
        raise CalendarFileError(file, [FileProblem(file, 1, 1, "", "the file is empty")])
    header = [cell.strip() for cell in rows[0]]
    columns: dict[str, int] = {}
    budget_columns: dict[int, int] = {}
    for index, name in enumerate(header):
        match = _BUDGET.fullmatch(name)
        if name in REGISTER_CSV_COLUMNS:
            columns[name] = index
        elif match:
            year = int(match.group(1).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
            budget_columns[year] = index
        elif name:
            problems.add(
                1,
                index + 1,
                name,
                f"unknown column {name!r}; the columns are {', '.join(REGISTER_CSV_COLUMNS)} and budget YEAR",
            )
    for required in ("id", "title", "level"):
        if required not in columns:
            problems.add(1, None, "", f"the header needs the column {required!r}")
    projects: list[Project] = []
    seen: dict[str, int] = {}
    if not problems:
        for line, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            project = _project(row, line, columns, budget_columns, problems)
            if project is None:
                continue
            if project.id in seen:
                problems.add(
                    line,
                    columns["id"] + 1,
                    "id",
                    f"duplicate id {project.id!r} (first on line {seen[project.id]}); ids are unique",
                )
                continue
            seen[project.id] = line
            projects.append(project)
    if problems:
        raise CalendarFileError(file, sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
    return ProjectRegister(projects)


def _project(
    row: list[str],
    line: int,
    columns: dict[str, int],
    budget_columns: dict[int, int],
    problems: _Problems,
) -> Project | None:
    def text(name: str) -> str:
        index = columns.get(name)
        return row[index] if index is not None and index < len(row) else ""

    def cell(name: str) -> str:  # codes, ids and names of kinds: spaces around them go
        return text(name).strip()

    def lines(name: str) -> list[str]:  # text stays as written, one item a line
        return [part for part in text(name).split("\n") if part.strip()]

    count = len(problems)
    budget = []
    for year, index in budget_columns.items():
        written = row[index] if index < len(row) else ""
        try:
            amount = parse_baht(written)
        except ThaiplanError as error:
            problems.add(line, index + 1, f"budget {year}", str(error))
            continue
        if amount is not None:
            budget.append(BudgetLine(year, amount))
    links = []
    for written in lines("links"):
        tree, sep, node = written.partition(":")
        if not sep:
            problems.add(
                line, columns["links"] + 1, "links", f"a link is tree:node, not {written!r}"
            )
        elif not tree.strip() or not node.strip() or _SPACED.search(tree.strip() + node.strip()):
            problems.add(
                line,
                columns["links"] + 1,
                "links",
                f"a link is tree:node, each an id without spaces, not {written!r}",
            )
        else:
            links.append(StrategyLink(tree.strip(), node.strip()))
    indicators = []
    for written in lines("indicators"):
        match = _INDICATOR.fullmatch(written)
        if match is None:
            indicators.append(Indicator(written))
            continue
        target = Decimal(to_arabic_digits(match.group("target")).replace(",", ""))
        indicators.append(
            Indicator(match.group("name"), target=target, unit=match.group("unit") or "")
        )
    if len(problems) > count:
        return None
    try:
        location = None
        if any(cell(name) for name in ("province", "district", "subdistrict", "villages", "lao")):
            location = Location(
                cell("province") or None,
                cell("district") or None,
                cell("subdistrict") or None,
                lines("villages"),
                cell("lao") or None,
            )
        return Project(
            cell("id"),
            text("title"),
            cell("level"),
            description=text("description"),
            code=text("code"),
            national_code=text("national_code"),
            plan=cell("plan") or None,
            edition=text("edition"),
            form=cell("form") or None,
            page=text("page"),
            item=text("item"),
            proposer=cell("proposer") or None,
            responsible=lines("responsible"),
            objectives=lines("objectives"),
            target=text("target"),
            indicators=indicators,
            expected_results=lines("expected_results"),
            budget=budget,
            programme=text("programme"),
            location=location,
            links=links,
            beyond_capacity=cell("beyond_capacity").lower() in ("true", "yes", "1", "ใช่", "✓"),
            capacity_reason=text("capacity_reason"),
            status=[StatusChange(cell("state"))] if cell("state") else [],
            notes=text("notes"),
        )
    except (ThaiplanError, ValueError) as error:
        problems.add(line, None, "", str(error))
        return None


def load_register_csv(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> ProjectRegister:
    """Read a register from a CSV file or file object; see :func:`loads_register_csv`.

    Raises:
        CalendarFileError: The file cannot be read or has problems.
    """
    text, name = _text_of("load_register_csv", source, None)
    return loads_register_csv(text, file=name)
