"""The register as an Excel book of the local plan's forms (the ``xlsx`` extra).

Theory of operation. The forms' headings, and the public sources they are
transcribed from, are in :mod:`thaiplan.io._forms_layout`.
:func:`register_xlsx` writes one sheet a form that has projects, in the order ผ.๐๑, ผ.๐๒, ผ.๐๒/๑, ผ.๐๒/๒, ผ.๐๓ (sheet names cannot hold "/", so ผ.๐๒/๑
is the sheet ``ผ.๐๒.๑``), and a data sheet ``ข้อมูล``:

* Rows 1-3 of a form: its title, the plan (name and edition) and the local
  government, merged across the table, and the form's mark (``แบบ ผ.๐๒``) at
  the right; then ``ข้อมูล ณ วันที่ …`` when a day is given.
* The 3-row header, merged as the forms have it; then, for each strategy of
  the grouping tree (the first of a project's links to it, walked up to its
  root) and each programme (แผนงาน), a section row, the project rows, and a
  total row (รวม N โครงการ, the sum of each year).
* Amounts are numbers (``#,##0``, with Thai digits when ``digits="thai"``),
  so that Excel adds them; an amount a float cannot hold exactly is written
  as text, as budget tables also write them. Long text wraps in its cell.
* The last column, รหัส, holds the project's id; it is outside the print area.
* ผ.๐๑ is computed from the ผ.๐๒ sheet's rows, so its totals agree with them.
* ``ข้อมูล`` holds the register file (:func:`~thaiplan.dumps_register`, JSON)
  in cells of at most 30,000 characters: what the forms do not show (status
  history, sources of budget, places, links, trees, plans) comes back from it,
  and what they show comes back from the form's cells, so that an edit made
  in Excel is read (:func:`~thaiplan.read_register_xlsx`).

A project's annotations (the entries ``[amendment] แก้ไข ครั้งที่ ๒ / ๒๕๖๘``
of its notes that the reader made of a real book's text boxes) are drawn as
text boxes on its row, beside the table, by :mod:`thaiplan.io._forms_boxes`
(openpyxl cannot write drawings); a book that openpyxl saves again loses them.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from thaiplan.errors import ModelError, ThaiplanTypeError
from thaiplan.io._forms_boxes import BOX_COLUMNS, Box, add_text_boxes, note_boxes
from thaiplan.io._forms_layout import (
    BAHT,
    BUDGET,
    FORM_HEADINGS,
    FORM_SHEETS,
    HEADER_ROW,
    ID_HEADING,
    SHEET_SUMMARY,
    SUMMARY_COUNT,
    SUMMARY_GRAND,
    SUMMARY_STRATEGY,
    SUMMARY_TOTAL,
    Digits,
    Section,
    cell_values,
    digits_of,
    grouping_tree,
    plan_years,
    preamble,
    sections,
)
from thaiplan.io._xlsx import DEFAULT_FONT, _lines, _print_setup, cell_text, require_openpyxl
from thaiplan.model._project_parts import ProjectForm
from thaiplan.model._register import ProjectRegister

if TYPE_CHECKING:
    from thaiplan.model._projects import Project

__all__ = ["FORMS_FORMAT", "register_xlsx"]

#: The key in cell B1 of the data sheet of a book written by thaiplan.
FORMS_FORMAT: Final = "thaiplan-register-xlsx/1"
SHEET_DATA: Final = "ข้อมูล"
#: Characters of the register file in one cell of the data sheet (Excel holds 32,767).
CHUNK: Final = 30000
_WIDTHS: Final = {
    "item": 6,
    "title": 34,
    "objectives": 30,
    "target": 28,
    "indicators": 24,
    "expected_results": 26,
    "responsible": 18,
    "programme": 20,
    "category": 12,
}
_HEAD_FILL: Final = "F2F2F2"
_SECTION_FILL: Final = "E3EBF7"
#: Thai digits in a number format (Excel's digit substitution D) and Arabic.
NUMBER_FORMATS: Final = {"thai": "[$-D000000]#,##0", "arabic": "#,##0"}


def is_exact_number(amount: Decimal) -> bool:
    """Whether a float holds ``amount`` exactly, so that Excel may store it as a number."""
    return Decimal(repr(float(amount))) == amount


class _Sheet:
    """One form sheet being written, with the styles every cell gets."""

    def __init__(self, sheet: Any, font: str, digits: Digits) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.sheet = sheet
        self.digits = digits
        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.plain = Font(name=font, size=14, charset=222, family=2)
        self.bold = Font(name=font, size=14, bold=True, charset=222, family=2)
        self.title = Font(name=font, size=16, bold=True, charset=222, family=2)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.right = Alignment(horizontal="right", vertical="top")
        self.head_fill = PatternFill("solid", fgColor=_HEAD_FILL)
        self.section_fill = PatternFill("solid", fgColor=_SECTION_FILL)
        number = NUMBER_FORMATS[digits]
        # Each kind of cell is styled once and copied after: openpyxl hashes a style
        # each time one is set, which costs more than writing the cell.
        self.kinds: dict[str, tuple[Any, Any, str | None]] = {
            "text": (self.plain, self.wrap, None),
            "plain": (self.plain, None, None),
            "amount": (self.plain, self.right, number),
            "amount-text": (self.plain, self.right, None),
            "dash": (self.plain, self.centre, None),
            "centre": (self.plain, self.centre, None),
            "bold-text": (self.bold, self.wrap, None),
            "bold-amount": (self.bold, self.right, number),
            "bold-amount-text": (self.bold, self.right, None),
            "bold-dash": (self.bold, self.centre, None),
            "bold-centre": (self.bold, self.centre, None),
        }
        self.styles: dict[str, Any] = {}

    def style(self, cell: Any, kind: str) -> Any:
        """Give ``cell`` the font, alignment, border and number format of its kind."""
        cached = self.styles.get(kind)
        if cached is not None:
            cell._style = copy.copy(cached)
            return cell
        font, alignment, number = self.kinds[kind]
        cell.font, cell.border = font, self.border
        if alignment is not None:
            cell.alignment = alignment
        if number is not None:
            cell.number_format = number
        self.styles[kind] = copy.copy(cell._style)
        return cell

    def value(self, row: int, column: int, value: object, kind: str) -> Any:
        """Write ``value`` in a table cell of ``kind``."""
        cell = self.sheet.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = cell_text(value, f"{self.sheet.title}!{cell.coordinate}")
            cell.data_type = "s"  # never a formula, whatever the text
        else:
            cell.value = value
        return self.style(cell, kind)

    def put(self, row: int, column: int, value: object, *, font: Any = None) -> Any:
        cell = self.sheet.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = cell_text(value, f"{self.sheet.title}!{cell.coordinate}")
            cell.data_type = "s"  # never a formula, whatever the text
        else:
            cell.value = value
        cell.font = font or self.plain
        return cell

    def amount(self, row: int, column: int, amount: Decimal | None, *, bold: bool = False) -> Any:
        """An amount: a number Excel adds, text when a float cannot hold it, ``-`` for none."""
        prefix = "bold-" if bold else ""
        if amount is None:
            return self.value(row, column, "-", f"{prefix}dash")
        if is_exact_number(amount):
            number = int(amount) if amount == amount.to_integral() else amount
            return self.value(row, column, number, f"{prefix}amount")
        text = digits_of(f"{amount:,}", self.digits)
        return self.value(row, column, text, f"{prefix}amount-text")

    def heading(self, lines: Sequence[str], mark: str, last: int) -> int:
        """The title rows, merged across the table, and the form's mark at the right."""
        row = 1
        for text in lines:
            if not text:
                continue
            self.put(row, 1, text, font=self.title if row == 1 else self.bold)
            self.sheet.cell(row=row, column=1).alignment = self.centre
            self.sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last - 1)
            row += 1
        self.put(1, last, f"แบบ {mark}", font=self.bold)
        return row

    def band(self, row: int, text: str, last: int, *, fill: bool = True) -> None:
        """A section row: text merged across the table."""
        self.put(row, 1, text, font=self.bold)
        self.sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        for column in range(1, last + 1):
            cell = self.sheet.cell(row=row, column=column)
            cell.border = self.border
            if fill:
                cell.fill = self.section_fill
        self.sheet.row_dimensions[row].height = 24


def _detail_sheet(
    writer: _Sheet,
    register: ProjectRegister,
    form: ProjectForm,
    groups: tuple[Section, ...],
    years: list[int],
    lines: list[str],
    boxes: list[Box],
) -> None:
    from openpyxl.utils import get_column_letter

    sheet, digits = writer.sheet, writer.digits
    kind = "equipment" if form is ProjectForm.P03 else "detail"
    headings = FORM_HEADINGS[kind]
    columns: list[tuple[str, int]] = []
    column = 1
    for field, _, _ in headings:
        if field == "budget":
            columns += [(f"budget {year}", column + offset) for offset, year in enumerate(years)]
            column += len(years)
        else:
            columns.append((field, column))
            column += 1
    id_col = column
    last = id_col - 1
    top = writer.heading(lines, form.value, last)
    header = max(top + 1, HEADER_ROW)
    column = 1
    for field, first, second in headings:
        if field == "budget":
            span = len(years)
            writer.put(header, column, first, font=writer.bold)
            if span > 1:
                sheet.merge_cells(
                    start_row=header,
                    start_column=column,
                    end_row=header,
                    end_column=column + span - 1,
                )
            for offset, year in enumerate(years):
                writer.put(
                    header + 1, column + offset, digits_of(str(year), digits), font=writer.bold
                )
                writer.put(header + 2, column + offset, BAHT, font=writer.bold)
            column += span
            continue
        writer.put(header, column, first, font=writer.bold)
        if second:
            writer.put(header + 1, column, second, font=writer.bold)
            sheet.merge_cells(
                start_row=header + 1, start_column=column, end_row=header + 2, end_column=column
            )
        else:
            sheet.merge_cells(
                start_row=header, start_column=column, end_row=header + 2, end_column=column
            )
        column += 1
    writer.put(header, id_col, ID_HEADING, font=writer.bold)
    sheet.merge_cells(start_row=header, start_column=id_col, end_row=header + 2, end_column=id_col)
    for row in range(header, header + 3):
        for column in range(1, id_col + 1):
            cell = sheet.cell(row=row, column=column)
            cell.fill, cell.border, cell.alignment = writer.head_fill, writer.border, writer.centre
    row = header + 3
    for section in groups:
        if section.strategy:
            writer.band(row, section.strategy, last)
            row += 1
        if section.programme:
            writer.band(row, f"แผนงาน{section.programme}", last, fill=False)
            row += 1
        totals = dict.fromkeys(years, Decimal(0))
        for number, project in enumerate(section.projects, 1):
            values = cell_values(project, number, digits)
            by_year = project.budget_by_year()
            height = 1
            for field, column in columns:
                if field.startswith("budget "):
                    year = int(field.removeprefix("budget "))
                    writer.amount(row, column, by_year.get(year))
                    totals[year] += by_year.get(year, Decimal(0))
                    continue
                text = values[field]
                writer.value(row, column, text, "text")
                height = max(height, _lines(text, _WIDTHS.get(field, 12)))
            writer.value(row, id_col, project.id, "plain")
            for index, text in enumerate(note_boxes(project.notes)):
                boxes.append(Box(sheet.title, row, id_col + 1 + index * BOX_COLUMNS, text))
            sheet.row_dimensions[row].height = height * 24
            row += 1
        count = f"{SUMMARY_TOTAL} {digits_of(str(len(section.projects)), digits)} โครงการ"
        label_col = next(column for field, column in columns if field.startswith("budget ")) - 1
        for field, column in columns:
            if field.startswith("budget "):
                writer.amount(row, column, totals[int(field.removeprefix("budget "))], bold=True)
            elif column == label_col:
                writer.value(row, column, count, "bold-amount-text")
            else:
                writer.style(sheet.cell(row=row, column=column), "plain")
        writer.style(sheet.cell(row=row, column=id_col), "plain")
        row += 1
    for field, column in columns:
        width = 14 if field.startswith("budget ") else _WIDTHS.get(field, 12)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.column_dimensions[get_column_letter(id_col)].width = 12
    sheet.freeze_panes = sheet.cell(row=header + 3, column=1).coordinate
    sheet.print_title_rows = f"{header}:{header + 2}"
    sheet.print_area = f"A1:{get_column_letter(last)}{max(row - 1, header + 2)}"
    _print_setup(sheet)


def _summary_sheet(
    writer: _Sheet, groups: tuple[Section, ...], years: list[int], lines: list[str]
) -> None:
    from openpyxl.utils import get_column_letter

    sheet, digits = writer.sheet, writer.digits
    last = 1 + 2 * (len(years) + 1)
    top = writer.heading(lines, SHEET_SUMMARY, last)
    header = max(top + 1, HEADER_ROW)
    writer.put(header, 1, SUMMARY_STRATEGY, font=writer.bold)
    sheet.merge_cells(start_row=header, start_column=1, end_row=header + 1, end_column=1)
    labels = [f"ปี {digits_of(str(year), digits)}" for year in years]
    labels.append(f"{SUMMARY_TOTAL} {digits_of(str(len(years)), digits)} ปี")
    for index, label in enumerate(labels):
        column = 2 + 2 * index
        writer.put(header, column, label, font=writer.bold)
        sheet.merge_cells(
            start_row=header, start_column=column, end_row=header, end_column=column + 1
        )
        writer.put(header + 1, column, SUMMARY_COUNT, font=writer.bold)
        writer.put(header + 1, column + 1, f"{BUDGET} {BAHT}", font=writer.bold)
    for row in (header, header + 1):
        for column in range(1, last + 1):
            cell = sheet.cell(row=row, column=column)
            cell.fill, cell.border, cell.alignment = writer.head_fill, writer.border, writer.centre

    def figures(projects: Sequence[Project]) -> list[tuple[int, Decimal]]:
        result = []
        for year in years:
            having = [p.budget_by_year()[year] for p in projects if year in p.budget_by_year()]
            result.append((len(having), sum(having, Decimal(0))))
        total_count = sum(count for count, _ in result)
        result.append((total_count, sum((amount for _, amount in result), Decimal(0))))
        return result

    def write(row: int, label: str, projects: Sequence[Project], *, bold: bool) -> None:
        prefix = "bold-" if bold else ""
        writer.value(row, 1, label, f"{prefix}text")
        for index, (count, amount) in enumerate(figures(projects)):
            writer.value(row, 2 + 2 * index, digits_of(f"{count:,}", digits), f"{prefix}centre")
            writer.amount(row, 3 + 2 * index, amount, bold=bold)

    row = header + 2
    strategies: dict[str, list[Section]] = {}
    for section in groups:
        strategies.setdefault(section.strategy, []).append(section)
    everything: list[Project] = []
    for strategy, members in strategies.items():
        projects = [project for section in members for project in section.projects]
        everything += projects
        if strategy:
            writer.band(row, strategy, last)
            row += 1
        for section in members:
            write(
                row,
                f"แผนงาน{section.programme}" if section.programme else "-",
                section.projects,
                bold=False,
            )
            row += 1
        write(row, SUMMARY_TOTAL, projects, bold=True)
        row += 1
    write(row, SUMMARY_GRAND, everything, bold=True)
    sheet.column_dimensions["A"].width = 44
    for column in range(2, last + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 10 if column % 2 == 0 else 16
    sheet.print_title_rows = f"{header}:{header + 1}"
    _print_setup(sheet)


def register_xlsx(
    register: ProjectRegister,
    *,
    years: Sequence[int] | None = None,
    tree: str | None = None,
    title: str | None = None,
    organisation: str = "",
    as_of: dt.date | None = None,
    digits: Digits = "thai",
    font: str = DEFAULT_FONT,
) -> bytes:
    """The register as an Excel book of the local plan's forms; inverse of :func:`~thaiplan.read_register_xlsx`.

    Args:
        register: The register.
        years: The five (or however many) budget years, in order; by default
            the years of the register's plan, or every year with budget.
        tree: The strategy tree whose strategies head the sections and the
            ผ.๐๑ rows; by default the register's one tree that is not built in.
        title: The plan line under the form's title; by default the plan's
            name and revision, or the register's name.
        organisation: The local government, as the forms name it (row 3).
        as_of: Writes "ข้อมูล ณ วันที่ …" with this day.
        digits: ``"thai"`` (๐-๙, as the printed forms write them) or ``"arabic"``.
        font: The font of every cell.

    Raises:
        ModelError: openpyxl is missing (``pip install 'thaiplan[xlsx]'``), a
            project has budget outside ``years``, a text an xlsx cannot hold.

    >>> import io, openpyxl
    >>> from thaiplan import BudgetLine, Project, ProjectRegister
    >>> book = register_xlsx(ProjectRegister([Project("p1", "ถนน คสล. หมู่ที่ ๓", "local",
    ...     budget=[BudgetLine(2566, 1632820)], programme="เคหะและชุมชน")]), years=[2566, 2567])
    >>> sheet = openpyxl.load_workbook(io.BytesIO(book))["ผ.๐๒"]
    >>> [sheet.cell(5, column).value for column in range(1, 6)]
    ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย', 'งบประมาณ']
    >>> sheet["A8"].value, sheet["B9"].value, sheet["E9"].value, sheet["E9"].number_format
    ('แผนงานเคหะและชุมชน', 'ถนน คสล. หมู่ที่ ๓', 1632820, '[$-D000000]#,##0')
    """
    if not isinstance(register, ProjectRegister):
        raise ThaiplanTypeError("register_xlsx(register)", register, "a ProjectRegister")
    if digits not in NUMBER_FORMATS:
        raise ModelError(f"digits is 'thai' or 'arabic', not {digits!r}")
    openpyxl = require_openpyxl()
    from thaiplan.io._register import dumps_register

    chosen = plan_years(register, years)
    grouping = grouping_tree(register, tree)
    book = openpyxl.Workbook()
    book.remove(book.active)
    details = sections(register, ProjectForm.P02, grouping)
    boxes: list[Box] = []
    if details:
        summary = _Sheet(book.create_sheet(SHEET_SUMMARY), font, digits)
        lines = preamble(register, SHEET_SUMMARY, title, organisation, as_of, digits)
        _summary_sheet(summary, details, chosen, lines)
    for form, name in FORM_SHEETS.items():
        groups = details if form is ProjectForm.P02 else sections(register, form, grouping)
        if not groups:
            continue
        writer = _Sheet(book.create_sheet(name), font, digits)
        lines = preamble(register, form, title, organisation, as_of, digits)
        _detail_sheet(writer, register, form, groups, chosen, lines, boxes)
    data = book.create_sheet(SHEET_DATA)
    data["A1"], data["B1"] = "รูปแบบ (format)", FORMS_FORMAT
    data["A2"] = "ทะเบียนโครงการ (register, JSON)"
    text = dumps_register(register, format="json")
    for index in range(0, max(len(text), 1), CHUNK):
        cell = data.cell(row=2 + index // CHUNK, column=2)
        cell.value = text[index : index + CHUNK]
        cell.data_type = "s"
    data.column_dimensions["A"].width = 32
    data.column_dimensions["B"].width = 80
    buffer = io.BytesIO()
    book.save(buffer)
    return add_text_boxes(buffer.getvalue(), boxes, font)
