"""A register read back from an Excel book of the local plan's forms (the ``xlsx`` extra).

Theory of operation. :func:`read_register_xlsx` reads the books that
:func:`~thaiplan.register_xlsx` writes, and form sheets laid out the same way
by hand:

1. **The data sheet.** When the book has thaiplan's data sheet (``ข้อมูล``,
   ``thaiplan-register-xlsx/1`` in B1), the register file in its cells is read
   with :func:`~thaiplan.loads_register`: it holds what the forms do not show.
2. **The form sheets.** On each sheet, the header is the row whose first cell
   is ``ที่``; its headings name the columns (the detail forms' and ผ.๐๓'s, see
   :data:`~thaiplan.io._forms.FORM_HEADINGS`), the row under ``งบประมาณ`` the
   years. A row with an id in the รหัส column is that project; without one, a
   row whose ``ที่`` is a number is a new project (its id ``SHEET-ROW``), a
   row with ``ที่`` empty but other cells written continues the project above
   it (real books split long cells over rows), a section row (``แผนงาน…``) sets
   the programme of the rows below, and a total row (``รวม …``) is skipped.
3. **Overlay.** A cell that shows what the writer would write for the
   project keeps the project's own value (a budget with several sources, an
   item number left empty); a cell that differs is read as the new value, so
   that an edit made in Excel comes back. A project of the data sheet whose
   row was deleted is gone.

Every problem (an amount that is not one, a year heading that is not a year)
is a :class:`~thaiplan.errors.CellProblem` at its ``book!Sheet!C7``, all raised
together in one :class:`~thaiplan.errors.CalendarFileError`.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from typing import Any, Final
from xml.parsers import expat

import attrs

from thaiplan.dates import parse_baht, to_arabic_digits
from thaiplan.errors import CalendarFileError, CellProblem, FileProblem, ThaiplanError
from thaiplan.io._forms import FORMS_FORMAT, SHEET_DATA
from thaiplan.io._forms_boxes import overlay_notes
from thaiplan.io._forms_drawings import TextBox, classify, text_boxes
from thaiplan.io._forms_layout import (
    BUDGET,
    FORM_HEADINGS,
    FORM_SHEETS,
    ID_HEADING,
    SUMMARY_TOTAL,
    cell_values,
)
from thaiplan.io._forms_summary import read_summary
from thaiplan.io._register_csv import _INDICATOR
from thaiplan.io._xlsx import require_openpyxl
from thaiplan.io._xlsx_data import _text
from thaiplan.io._xlsx_read import Source, _read_bytes
from thaiplan.model._project_parts import (
    BudgetLine,
    Indicator,
    ProjectForm,
    RowSource,
    StrategyLink,
)
from thaiplan.model._projects import Project
from thaiplan.model._register import ProjectRegister, SummaryFigure, SummaryRow
from thaiplan.model._strategies import StrategyNode, StrategyTree

__all__ = ["read_register_xlsx"]

#: Headings as books write them, beside the forms' own (spacing aside).
HEADING_VARIANTS: Final = {
    "หน่วยงานที่รับผิดชอบหลัก": "responsible",
    "หน่วยงานรับผิดชอบ": "responsible",
    "ตัวชี้วัด": "indicators",
    "เป้าหมาย(ผลผลิตของโครงการ)": "target",
    "เป้าหมาย(ผลผลิตของครุภัณฑ์)": "target",
}
_YEAR: Final = re.compile(r"(?:พ\.ศ\.\s*)?([0-9๐-๙]{4})(?:\s*\(บาท\))?")
_NUMBER: Final = re.compile(r"[0-9๐-๙]+\.?")
_SPACE: Final = re.compile(r"\s+")
#: The tree of a book typed by hand: its strategies and tactics, as its preambles write them.
BOOK_TREE: Final = "plan-book"
_D: Final = "[0-9๐-๙]"
_EDITION: Final = re.compile(
    rf"ฉบับแรก|(?:ทบทวน|เพิ่มเติม|เปลี่ยนแปลง|แก้ไข)\s*(?:ครั้งที่|ฉบับที่)\s*{_D}+(?:\s*/\s*{_D}{{4}})?"
)
_MARKER: Final = re.compile(
    rf"(?:ทบทวน|เพิ่มเติม|เปลี่ยนแปลง|แก้ไข)\s*(?:ครั้งที่|ฉบับที่)\s*{_D}+(?:\s*/\s*{_D}{{4}})?"
)
_PROGRAMME: Final = re.compile(rf"(?:\(\s*{_D}+\s*\)\s*|{_D}+\.(?:{_D}+\.)*{_D}*\s*)?แผนงาน\s*(.+)")
_TACTIC: Final = re.compile(rf"({_D}+\.{_D}+)\.?\s+(.+)")
_STRATEGY: Final = re.compile(rf"(?:ยุทธศาสตร์ที่\s*)?({_D}+)\.?\s+(.+)")
_LINKAGE: Final = re.compile(r"[ก-จ]\.\s*.+")
#: The heading over the budget ordinance's years, beside งบประมาณ's, in a book typed by hand.
_ORDINANCE: Final = ("เทศบัญญัติ", "ข้อบัญญัติ")


def _key(text: str) -> str:
    return _SPACE.sub("", text)


def _amount(value: object) -> Decimal | None:
    """An amount from a cell: a number, text as budget tables write it, or None for "-"."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is no amount")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    return parse_baht(str(value))


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _indicators(text: str) -> list[Indicator]:
    result = []
    for line in _lines(text):
        match = _INDICATOR.fullmatch(line)
        if match is None:
            result.append(Indicator(line))
        else:
            target = Decimal(to_arabic_digits(match.group("target")).replace(",", ""))
            result.append(
                Indicator(match.group("name"), target=target, unit=match.group("unit") or "")
            )
    return result


class _Columns:
    """What the header of one sheet says: the column of each field and of each year."""

    def __init__(self) -> None:
        self.fields: dict[str, int] = {}
        self.years: dict[int, int] = {}
        #: The years under เทศบัญญัติ (ข้อบัญญัติ): the amounts of the budget ordinance.
        self.ordinance: dict[int, int] = {}
        self.id: int | None = None
        self.first_row = 0


def _header(sheet: Any, file: str, problems: list[FileProblem]) -> _Columns | None:
    names = {
        _key(first + second): field
        for layout in FORM_HEADINGS.values()
        for field, first, second in layout
        if field != "budget"
    }
    names.update(
        {_key(first): field for layout in FORM_HEADINGS.values() for field, first, _ in layout}
    )
    names.update(HEADING_VARIANTS)
    for row in range(1, min(sheet.max_row, 40) + 1):
        if _key(_text(sheet.cell(row, 1).value)) != "ที่":
            continue
        columns = _Columns()
        budget_at: int | None = None
        ordinance_at: int | None = None
        budget_done = False  # the years of งบประมาณ end at the next heading (เทศบัญญัติ has years too)
        for column in range(1, sheet.max_column + 1):
            heading = _key(_text(sheet.cell(row, column).value))
            below = _key(_text(sheet.cell(row + 1, column).value))
            if heading in _ORDINANCE:
                ordinance_at = column
            elif heading:
                ordinance_at = None
            if ordinance_at is not None and (year := _YEAR.fullmatch(below)) is not None:
                columns.ordinance[int(to_arabic_digits(year.group(1)))] = column
            if heading == _key(ID_HEADING):
                columns.id = column
            elif heading == BUDGET:
                budget_at = column
            elif heading in names and names[heading] != "budget":
                both = _key(heading + below)
                columns.fields[names.get(both, names[heading])] = column
            if budget_at is not None and column > budget_at and heading not in ("", BUDGET):
                budget_done = True
            if (
                budget_at is not None
                and not budget_done
                and column >= budget_at
                and heading in ("", BUDGET)
            ):
                match = _YEAR.fullmatch(below)
                if match:
                    columns.years[int(to_arabic_digits(match.group(1)))] = column
                elif column == budget_at:
                    problems.append(
                        CellProblem(
                            file,
                            sheet.title,
                            sheet.cell(row + 1, column).coordinate,
                            f"expected a Buddhist-Era year under {BUDGET}, not {below!r}",
                        )
                    )
        third = {
            _key(_text(sheet.cell(row + 2, column).value)) for column in columns.years.values()
        }
        columns.first_row = row + 3 if third == {"(บาท)"} else row + 2
        return columns
    return None


def _form(sheet: Any, marks: list[str]) -> ProjectForm:
    for form, name in FORM_SHEETS.items():
        if sheet.title == name:
            return form
    texts = [
        _text(sheet.cell(row, column).value).strip()
        for row in range(1, 5)
        for column in range(1, sheet.max_column + 1)
    ]
    for text in [*texts, *marks]:
        if text.startswith("แบบ"):
            try:
                return ProjectForm(text.removeprefix("แบบ").strip())
            except ValueError:
                pass
        if "ประสานโครงการพัฒนาจังหวัด" in text:
            return ProjectForm.P02_2
    return ProjectForm.P02


@attrs.define
class _Row:
    """A project's row as read: its cells' text and its amounts."""

    id: str
    sheet: str
    row: int
    form: ProjectForm
    programme: str
    cells: dict[str, str]
    budget: dict[int, Decimal | None]
    number: int
    edition: str = ""
    nodes: tuple[str, ...] = ()
    notes: list[str] = attrs.field(factory=list)
    #: Whether its sheet has text boxes: a sheet with none was saved by a tool that drops them.
    drawn: bool = False
    #: The ordinance amount of each year (เทศบัญญัติ), with its cell.
    ordinance: dict[int, tuple[Decimal, str]] = attrs.field(factory=dict)


class _Book:
    """What the preambles and section rows of a book typed by hand say beyond its rows."""

    def __init__(self) -> None:
        self.nodes: dict[str, StrategyNode] = {}
        self.linkage: list[str] = []
        self.notes: list[str] = []

    def line(self, text: str, state: dict[str, Any]) -> bool:
        """Read a preamble or section line into ``state``; whether it was one."""
        text = text.strip()
        edition = _EDITION.search(text)
        if edition and (_MARKER.fullmatch(text) or "แผนพัฒนา" in text):
            state["edition"] = edition.group(0)
            return True
        if (match := _PROGRAMME.fullmatch(text)) is not None:
            state["programme"] = match.group(1).strip()
            return True
        if (match := _TACTIC.fullmatch(text)) is not None:
            code, name = match.group(1), match.group(2).strip()
            node = to_arabic_digits(code)
            parent = node.partition(".")[0]
            self.nodes.setdefault(
                node,
                StrategyNode(
                    node, name, "tactic", code=code, parent=parent if parent in self.nodes else None
                ),
            )
            state["node"] = node
            return True
        if (match := _STRATEGY.fullmatch(text)) is not None:
            code, name = match.group(1), match.group(2).strip()
            node = to_arabic_digits(code)
            self.nodes.setdefault(node, StrategyNode(node, name, "lao_strategy", code=code))
            state["node"], state["programme"] = node, ""
            return True
        if _LINKAGE.fullmatch(text):
            if text not in self.linkage:
                self.linkage.append(text)
            return True
        return False

    def chain(self, node: str | None) -> tuple[str, ...]:
        """A node and the nodes above it, from the root: a project is under both."""
        found: list[str] = []
        while node is not None and node in self.nodes and node not in found:
            found.insert(0, node)
            node = self.nodes[node].parent
        return tuple(found)

    def tree(self) -> StrategyTree | None:
        if not self.nodes:
            return None
        nodes = list(self.nodes.values())
        ids = {node.id for node in nodes}
        nodes = [
            n if n.parent is None or n.parent in ids else attrs.evolve(n, parent=None)
            for n in nodes
        ]
        return StrategyTree(
            BOOK_TREE,
            "ยุทธศาสตร์ตามเล่มแผน (strategies as the book writes them)",
            nodes,
            notes="\n".join(self.linkage),
        )


def _rows(
    sheet: Any, file: str, problems: list[FileProblem], boxes: list[TextBox], book: _Book
) -> list[_Row]:
    columns = _header(sheet, file, problems)
    if columns is None:
        return []
    over = [box.text for box in boxes if box.row < columns.first_row]
    form = _form(sheet, over)
    state: dict[str, Any] = {"programme": "", "edition": "", "node": None}
    for row in range(1, columns.first_row - 3):
        book.line(_text(sheet.cell(row, 1).value), state)
    for text in over:
        if classify(text) != "form":
            book.notes.append(f"{sheet.title}: {text}")
    result: list[_Row] = []
    number = 0
    for row in range(columns.first_row, sheet.max_row + 1):
        cells = {
            field: _text(sheet.cell(row, column).value) for field, column in columns.fields.items()
        }
        ident = _text(sheet.cell(row, columns.id).value).strip() if columns.id else ""
        item = cells.get("item", "").strip()
        written = [text for field, text in cells.items() if text.strip() and field != "item"]
        amounts: dict[int, Decimal | None] = {}
        bad = False
        for year, column in columns.years.items():
            cell = sheet.cell(row, column)
            try:
                amounts[year] = _amount(cell.value)
            except (ThaiplanError, ValueError) as error:
                problems.append(CellProblem(file, sheet.title, cell.coordinate, str(error)))
                bad = True
        ordinance: dict[int, tuple[Decimal, str]] = {}
        for year, column in columns.ordinance.items():
            cell = sheet.cell(row, column)
            try:
                amount = _amount(cell.value)
            except (ThaiplanError, ValueError) as error:
                problems.append(CellProblem(file, sheet.title, cell.coordinate, str(error)))
                bad = True
                continue
            if amount is not None:
                ordinance[year] = (amount, cell.coordinate)
        if not ident and not _NUMBER.fullmatch(item):
            first = _text(sheet.cell(row, 1).value).strip()
            if first:  # a section row: a strategy, a tactic, the programme of the rows below
                book.line(first, state)
                number = 0
                continue
            if not written and all(amount is None for amount in amounts.values()):
                continue  # a blank row
            if len(written) == 1 and _MARKER.fullmatch(written[0].strip()):
                state["edition"] = written[0].strip()  # an amendment: numbering restarts
                number = 0
                continue
            if any(text.strip().startswith(SUMMARY_TOTAL) for text in written):
                number = 0  # a total row: the sums of the rows above; their section ends
                state["programme"] = ""
                continue
            if result and not bad:  # a continuation row: its text goes on the project above
                above = result[-1]
                for field, text in cells.items():
                    if text.strip():
                        above.cells[field] = f"{above.cells.get(field, '')}\n{text}".strip("\n")
                for year, amount in amounts.items():
                    if amount is not None and above.budget.get(year) is None:
                        above.budget[year] = amount
                for year, stated in ordinance.items():
                    above.ordinance.setdefault(year, stated)
            continue
        number += 1
        if bad:
            continue
        ident = ident or f"{_SPACE.sub('_', sheet.title)}-{row}"
        result.append(
            _Row(
                ident,
                sheet.title,
                row,
                form,
                state["programme"],
                cells,
                amounts,
                number,
                state["edition"],
                book.chain(state["node"]),
                ordinance=ordinance,
            )
        )
    for found in result:
        found.drawn = bool(boxes)
    for box in boxes:
        if box.row < columns.first_row:
            continue
        owner = next((r for r in reversed(result) if r.row <= box.row), None)
        if owner is None:
            book.notes.append(f"{sheet.title}!{box.row}: {box.text}")
            continue
        kind = classify(box.text)
        owner.notes.append(f"[{kind}] {box.text}")
        if kind == "amendment":
            owner.edition = box.text
    return result


def _merge(base: Project | None, row: _Row, file: str) -> Project:
    """The project a row shows: the base project where a cell shows what it holds, the cell where not."""
    was = cell_values(base, row.number, "thai") if base is not None else {}
    changes: dict[str, Any] = {}

    def edited(field: str) -> str | None:
        if field not in row.cells:
            return None
        text = row.cells[field]
        if base is not None and text == was[field]:
            return None
        return text

    if (text := edited("item")) is not None:
        same_number = (
            base is not None and not base.item and to_arabic_digits(text) == str(row.number)
        )
        if not same_number:
            changes["item"] = text
    if (text := edited("title")) is not None:
        title, _, description = text.partition("\n")
        changes["title"], changes["description"] = title, description
    for field in ("objectives", "expected_results", "responsible"):
        if (text := edited(field)) is not None:
            changes[field] = _lines(text)
    if (text := edited("target")) is not None:
        changes["target"] = text
    if (text := edited("programme")) is not None:
        changes["programme"] = text
    if (text := edited("indicators")) is not None:
        changes["indicators"] = _indicators(text)
    lines = list(base.budget) if base is not None else []
    by_year = base.budget_by_year() if base is not None else {}
    edited_years = False
    for year, amount in row.budget.items():
        if by_year.get(year) == amount:
            continue
        edited_years = True
        lines = [line for line in lines if line.fiscal_year != year]
        if amount is not None:
            lines.append(BudgetLine(year, amount))
    for year, (amount, coordinate) in row.ordinance.items():
        same = [line for line in lines if line.fiscal_year == year]
        if len(same) != 1 and base is None:  # no plan amount to put it on: kept as a note
            row.notes.append(f"[ordinance] เทศบัญญัติ {year}: {amount} ({coordinate})")
            continue
        if len(same) != 1:
            raise ValueError(
                f"{coordinate}: an ordinance amount (เทศบัญญัติ {year}) needs one amount of"
                f" {year} under {BUDGET} on its row, not {len(same)}"
            )
        if same[0].ordinance != amount:
            lines[lines.index(same[0])] = attrs.evolve(same[0], ordinance=amount)
            edited_years = True
    if edited_years:
        lines.sort(key=lambda line: line.fiscal_year)
    notes = "\n".join(row.notes)
    if base is not None:
        if edited_years:
            changes["budget"] = lines
        # the text boxes on its row, as drawn or not; a sheet without any kept none (openpyxl)
        boxed = overlay_notes(base.notes, row.notes) if row.drawn else base.notes
        if boxed != base.notes:
            changes["notes"] = boxed
        return attrs.evolve(base, **changes) if changes else base
    changes.pop("item", None)
    return Project(
        row.id,
        changes.pop("title", "") or row.cells.get("title", "").partition("\n")[0],
        "local",
        form=row.form if row.form is not ProjectForm.P02 else None,
        item=row.cells.get("item", ""),
        edition=row.edition,
        programme=changes.pop("programme", row.programme),
        budget=lines,
        links=[StrategyLink(BOOK_TREE, node) for node in row.nodes],
        source=RowSource(file, row.sheet, row.row),
        notes=notes,
        **changes,
    )


def projects_of(
    rows: list[_Row], name: str, base: ProjectRegister | None = None
) -> dict[str, Project]:
    """Each row's project by id, over its record in ``base`` if any; problems raise a CalendarFileError."""
    problems: list[FileProblem] = []
    projects: dict[str, Project] = {}
    for row in rows:
        if row.id in projects:
            problems.append(
                CellProblem(name, row.sheet, f"A{row.row}", f"a second row of project {row.id!r}")
            )
            continue
        known = base.project(row.id) if base is not None and row.id in base else None
        try:
            projects[row.id] = _merge(known, row, name)
        except (ThaiplanError, ValueError) as error:
            problems.append(CellProblem(name, row.sheet, f"A{row.row}", str(error)))
    if problems:
        raise CalendarFileError(name, problems)
    return projects


def read_register_xlsx(source: Source) -> ProjectRegister:
    """A register from an Excel book of the local plan's forms; inverse of :func:`~thaiplan.register_xlsx`.

    Args:
        source: A path, the bytes of the file, or a binary file object.

    Raises:
        ModelError: openpyxl is not installed (``pip install 'thaiplan[xlsx]'``).
        CalendarFileError: The book cannot be read or has problems; each is
            placed at its ``book!Sheet!C7``.

    >>> import thaiplan
    >>> from thaiplan import BudgetLine, Project, ProjectRegister
    >>> register = ProjectRegister([Project("p1", "ถนน", "local", budget=[BudgetLine(2566, 500)])])
    >>> read_register_xlsx(thaiplan.register_xlsx(register)) == register
    True
    """
    openpyxl = require_openpyxl()
    data, name = _read_bytes(source)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data))
    except Exception as error:  # openpyxl raises many kinds on a file that is no book
        raise CalendarFileError(
            name, [FileProblem(name, None, None, "", f"not an Excel book (xlsx): {error}")]
        ) from None
    base = ProjectRegister()
    if SHEET_DATA in book.sheetnames and book[SHEET_DATA]["B1"].value == FORMS_FORMAT:
        from thaiplan.io._register import loads_register

        sheet = book[SHEET_DATA]
        text = "".join(_text(sheet.cell(row, 2).value) for row in range(2, sheet.max_row + 1))
        base = loads_register(text, file=f"{name}!{SHEET_DATA}")
    problems: list[FileProblem] = []
    try:
        boxes = text_boxes(data)
    except (ValueError, zipfile.BadZipFile, expat.ExpatError) as error:
        raise CalendarFileError(
            name,
            [FileProblem(name, None, None, "xl/drawings", f"cannot read the text boxes: {error}")],
        ) from None
    hand = _Book()
    rows: list[_Row] = []
    summary: list[SummaryRow] = []
    table: list[SummaryFigure] = []
    for sheet in book.worksheets:
        if sheet.title != SHEET_DATA:
            mine = [box for box in boxes if box.sheet == sheet.title]
            found = _rows(sheet, name, problems, mine, hand)
            rows += found
            if not found:
                summary += read_summary(sheet, name, problems, BOOK_TREE, table)
    if problems:
        raise CalendarFileError(name, problems)
    projects = projects_of(rows, name, base)
    ordered = [projects.pop(p.id) for p in base if p.id in projects]
    ordered += projects.values()
    if len(base) or base.trees or base.plans:
        notes = "\n".join([base.notes, *hand.notes]).strip("\n")
        return ProjectRegister(
            ordered, base.trees, base.plans, base.summary, base.name, notes, base.summary_figures
        )
    tree = hand.tree()
    return ProjectRegister(
        ordered,
        [tree] if tree else [],
        summary=summary,
        notes="\n".join(hand.notes),
        summary_figures=table,
    )
