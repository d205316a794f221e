"""The register as a Word plan book: the local plan's forms as tables (the ``docx`` extra).

Theory of operation. :func:`register_docx` writes the same forms as
:func:`~thaiplan.register_xlsx`, with the same headings and sections
(:mod:`thaiplan.io._forms` names their sources): ผ.๐๑ first, then ผ.๐๒, ผ.๐๒/๑,
ผ.๐๒/๒ and ผ.๐๓, each on A4 landscape pages, its title centred above the
table and its mark (``แบบ ผ.๐๒``) at the right. The header rows are merged as
the forms have them (three rows on the detail forms, two on ผ.๐๑) and repeat
on every page (``w:tblHeader``); long text wraps in its cell, one item a
paragraph. Every run has the font in all four slots, the complex-script one
(``w:cs``) and its size (``w:szCs``) included, or Word shows Thai in its
fallback font. Amounts are written ``1,632,820`` (or with Thai digits), and
``-`` for a year without budget.

The document is for print: it is not read back (the Excel book is).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from thaiplan.dates import format_baht
from thaiplan.errors import ModelError, ThaiplanTypeError
from thaiplan.io._docx import DEFAULT_FONT, _require, _Writer
from thaiplan.io._forms_layout import (
    BAHT,
    BUDGET,
    FORM_HEADINGS,
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
from thaiplan.model._project_parts import ProjectForm
from thaiplan.model._register import ProjectRegister

__all__ = ["register_docx"]

#: The size of the text in the tables, in points (the forms are printed at 14-16).
FORM_SIZE: Final = 14


def _amount(amount: Decimal | None, digits: Digits) -> str:
    return format_baht(amount, digits=digits)


class _Book(_Writer):
    """A plan book: landscape A4 pages of form tables."""

    def __init__(self, docx: Any, font: str, digits: Digits) -> None:
        super().__init__(docx, font)
        self._page(self.document.sections[0], landscape=True)
        self.digits = digits
        self.first = True

    def text(
        self, cell: Any, text: str, where: str, *, bold: bool = False, centre: bool = False
    ) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = cell.paragraphs[0]
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph = cell.add_paragraph()
            if centre:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if line:
                self.run(paragraph, line, where, bold=bold, size=FORM_SIZE)

    def right(self, cell: Any, text: str, where: str, *, bold: bool = False) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.run(paragraph, text, where, bold=bold, size=FORM_SIZE)

    def start(self, lines: Sequence[str], mark: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        if not self.first:
            self.page_break()
        self.first = False
        self.line(
            f"แบบ {mark}", f"form {mark}", bold=True, size=FORM_SIZE
        ).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for index, text in enumerate(line for line in lines if line):
            self.line(
                text,
                f"form {mark}'s title",
                bold=True,
                align="center",
                size=16 if index == 0 else FORM_SIZE,
            )

    def table(self, rows: int, columns: int, header_rows: int) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.document.add_table(rows=rows, cols=columns)
        table.style = "Table Grid"
        for row in table.rows[:header_rows]:
            properties = row._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            properties.append(repeat)
        return table


def _detail(
    book: _Book, form: ProjectForm, groups: tuple[Section, ...], years: list[int], lines: list[str]
) -> None:
    book.start(lines, form.value)
    digits = book.digits
    headings = FORM_HEADINGS["equipment" if form is ProjectForm.P03 else "detail"]
    fields: list[str] = []
    for field, _, _ in headings:
        fields += [f"budget {year}" for year in years] if field == "budget" else [field]
    body = sum(len(s.projects) + 1 + bool(s.strategy) + bool(s.programme) for s in groups)
    table = book.table(3 + body, len(fields), 3)
    column = 0
    for field, first, second in headings:
        if field == "budget":
            top = table.cell(0, column)
            if len(years) > 1:
                top = top.merge(table.cell(0, column + len(years) - 1))
            book.text(top, first, "heading", bold=True, centre=True)
            for offset, year in enumerate(years):
                book.text(
                    table.cell(1, column + offset),
                    digits_of(str(year), digits),
                    "heading",
                    bold=True,
                    centre=True,
                )
                book.text(table.cell(2, column + offset), BAHT, "heading", bold=True, centre=True)
            column += len(years)
            continue
        if second:
            book.text(table.cell(0, column), first, "heading", bold=True, centre=True)
            below = table.cell(1, column).merge(table.cell(2, column))
            book.text(below, second, "heading", bold=True, centre=True)
        else:
            merged = table.cell(0, column).merge(table.cell(2, column))
            book.text(merged, first, "heading", bold=True, centre=True)
        column += 1
    row = 3
    budget_first = fields.index(f"budget {years[0]}") if years else len(fields)
    for section in groups:
        for text in (section.strategy, f"แผนงาน{section.programme}" if section.programme else ""):
            if text:
                band = table.cell(row, 0).merge(table.cell(row, len(fields) - 1))
                book.text(band, text, "section", bold=True)
                row += 1
        totals = dict.fromkeys(years, Decimal(0))
        for number, project in enumerate(section.projects, 1):
            values = cell_values(project, number, digits)
            by_year = project.budget_by_year()
            for column, field in enumerate(fields):
                where = f"project {project.id}'s {field}"
                if field.startswith("budget "):
                    year = int(field.removeprefix("budget "))
                    totals[year] += by_year.get(year, Decimal(0))
                    book.right(table.cell(row, column), _amount(by_year.get(year), digits), where)
                else:
                    book.text(table.cell(row, column), values[field], where)
            row += 1
        count = f"{SUMMARY_TOTAL} {digits_of(str(len(section.projects)), digits)} โครงการ"
        if budget_first:
            book.right(table.cell(row, budget_first - 1), count, "total", bold=True)
        for offset, year in enumerate(years):
            book.right(
                table.cell(row, budget_first + offset),
                _amount(totals[year], digits),
                "total",
                bold=True,
            )
        row += 1


def _summary(book: _Book, groups: tuple[Section, ...], years: list[int], lines: list[str]) -> None:
    book.start(lines, SHEET_SUMMARY)
    digits = book.digits
    strategies: dict[str, list[Section]] = {}
    for section in groups:
        strategies.setdefault(section.strategy, []).append(section)
    body = sum(len(members) + 1 + bool(strategy) for strategy, members in strategies.items()) + 1
    width = 1 + 2 * (len(years) + 1)
    table = book.table(2 + body, width, 2)
    book.text(
        table.cell(0, 0).merge(table.cell(1, 0)),
        SUMMARY_STRATEGY,
        "heading",
        bold=True,
        centre=True,
    )
    labels = [f"ปี {digits_of(str(year), digits)}" for year in years]
    labels.append(f"{SUMMARY_TOTAL} {digits_of(str(len(years)), digits)} ปี")
    for index, label in enumerate(labels):
        column = 1 + 2 * index
        book.text(
            table.cell(0, column).merge(table.cell(0, column + 1)),
            label,
            "heading",
            bold=True,
            centre=True,
        )
        book.text(table.cell(1, column), SUMMARY_COUNT, "heading", bold=True, centre=True)
        book.text(table.cell(1, column + 1), f"{BUDGET} {BAHT}", "heading", bold=True, centre=True)

    def write(row: int, label: str, projects: Sequence[Any], *, bold: bool) -> None:
        book.text(table.cell(row, 0), label, "summary", bold=bold)
        counts, amounts = [], []
        for year in years:
            having = [p.budget_by_year()[year] for p in projects if year in p.budget_by_year()]
            counts.append(len(having))
            amounts.append(sum(having, Decimal(0)))
        counts.append(sum(counts))
        amounts.append(sum(amounts, Decimal(0)))
        for index, (count, amount) in enumerate(zip(counts, amounts, strict=True)):
            book.text(
                table.cell(row, 1 + 2 * index),
                digits_of(f"{count:,}", digits),
                "summary",
                bold=bold,
                centre=True,
            )
            book.right(
                table.cell(row, 2 + 2 * index), _amount(amount, digits), "summary", bold=bold
            )

    row = 2
    everything: list[Any] = []
    for strategy, members in strategies.items():
        projects = [project for section in members for project in section.projects]
        everything += projects
        if strategy:
            book.text(
                table.cell(row, 0).merge(table.cell(row, width - 1)), strategy, "section", bold=True
            )
            row += 1
        for section in members:
            label = f"แผนงาน{section.programme}" if section.programme else "-"
            write(row, label, section.projects, bold=False)
            row += 1
        write(row, SUMMARY_TOTAL, projects, bold=True)
        row += 1
    write(row, SUMMARY_GRAND, everything, bold=True)


def register_docx(
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
    """The register as a Word plan book of the local plan's forms (ผ.๐๑ … ผ.๐๓).

    The arguments are those of :func:`~thaiplan.register_xlsx`.

    Raises:
        ModelError: python-docx is missing (``pip install 'thaiplan[docx]'``),
            a project has budget outside ``years``, a text Word cannot hold.

    >>> import io, docx
    >>> from thaiplan import BudgetLine, Project, ProjectRegister
    >>> data = register_docx(ProjectRegister([Project("p1", "ถนน", "local",
    ...     budget=[BudgetLine(2566, 1632820)])]), years=[2566])
    >>> table = docx.Document(io.BytesIO(data)).tables[1]
    >>> [cell.text for cell in table.rows[0].cells][:4], table.rows[3].cells[4].text
    (['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย'], '๑,๖๓๒,๘๒๐')
    """
    if not isinstance(register, ProjectRegister):
        raise ThaiplanTypeError("register_docx(register)", register, "a ProjectRegister")
    if digits not in ("thai", "arabic"):
        raise ModelError(f"digits is 'thai' or 'arabic', not {digits!r}")
    docx = _require()
    chosen = plan_years(register, years)
    grouping = grouping_tree(register, tree)
    book = _Book(docx, font, digits)
    details = sections(register, ProjectForm.P02, grouping)
    if details:
        _summary(
            book,
            details,
            chosen,
            preamble(register, SHEET_SUMMARY, title, organisation, as_of, digits),
        )
    for form in ProjectForm:
        groups = details if form is ProjectForm.P02 else sections(register, form, grouping)
        if groups:
            lines = preamble(register, form, title, organisation, as_of, digits)
            _detail(book, form, groups, chosen, lines)
    if book.first:
        book.line("ทะเบียนนี้ไม่มีโครงการ", "the empty register", align="center")
    return book.bytes()
