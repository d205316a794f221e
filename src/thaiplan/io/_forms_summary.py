"""The ผ.๐๑ summary of a plan book typed by hand, read as the summary rows it states.

A ผ.๐๑ sheet (บัญชีสรุปโครงการพัฒนา) has a header row whose first cell is
ยุทธศาสตร์, the years above it or in it (``ปี 2566``, each over two columns)
and, under each year, จำนวนโครงการ and งบประมาณ (บาท) (or จำนวน over โครงการ on two
rows, as real books split it). Below it, a strategy
is a row whose first cell names it by its number (``4. ยุทธศาสตร์…``,
``ยุทธศาสตร์ที่ ๔ …``, ``4) กายภาพเมือง``); its figures are on that row, or on
the ``รวม`` row that closes it (rows of programmes between them are its
parts). ``รวมทั้งสิ้น`` and the ``รวม … ปี`` columns are the book's own totals,
not statements about one year, and are not summary rows; nor are the summaries of other
forms that a book puts under the table (``ผ.02/1 …``, ``ผ.03 ครุภัณฑ์``), whose
numbered rows are programmes, not strategies.

Each strategy and year becomes a :class:`~thaiplan.SummaryRow` of the tree
the detail sheets' preambles make (``plan-book``), so that the rule
``project-p01-mismatch`` of :func:`~thaiplan.validate` compares what the
summary states with the sums of the projects. Every figure of the table as
stated (each row, the ``รวม 5 ปี`` column, the รวม and รวมทั้งสิ้น rows) is
also a :class:`~thaiplan.SummaryFigure`, so that the rule ``p01-arithmetic``
checks the table's own sums.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final

from thaiplan.dates import parse_baht, to_arabic_digits
from thaiplan.errors import CellProblem, FileProblem, ThaiplanError
from thaiplan.io._xlsx_data import _text
from thaiplan.model._register import SummaryFigure, SummaryRow

__all__ = ["read_summary"]

_D: Final = "[0-9๐-๙]"
_YEAR: Final = re.compile(rf"(?:ปี\s*)?(?:พ\.ศ\.\s*)?({_D}{{4}})")
_STRATEGY: Final = re.compile(rf"\s*(?:ยุทธศาสตร์(?:ที่)?\s*)?({_D}+)\s*[.)]?\s+\S.*")
_SPACE: Final = re.compile(r"\s+")
_SPAN: Final = re.compile(rf"รวม\s*{_D}+\s*ปี")
#: A section of another form under the ผ.๐๑ table (``ผ.02/1 ประสานโครงการพัฒนาจังหวัด``,
#: ``ผ.03 ครุภัณฑ์``): its rows are that form's summary, not the plan's strategies.
_OTHER_FORM: Final = re.compile(rf"(?:แบบ\s*)?ผ\.\s*({_D}{{2}})")


def _figure(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return parse_baht(str(value))


def _below(sheet: Any, row: int, column: int) -> str:
    """The heading under a year: จำนวนโครงการ in one cell, or จำนวน over โครงการ in two."""
    heading = _SPACE.sub("", _text(sheet.cell(row + 1, column).value))
    if heading == "จำนวน":  # a real book's 3-row header: ปี 2566 / จำนวน / โครงการ
        heading += _SPACE.sub("", _text(sheet.cell(row + 2, column).value))
    return heading


def read_summary(
    sheet: Any,
    file: str,
    problems: list[FileProblem],
    tree: str,
    table: list[SummaryFigure] | None = None,
) -> list[SummaryRow]:
    """The summary rows a ผ.๐๑ sheet states, or none when the sheet is not one.

    With ``table``, every figure of the table as stated is appended to it too.
    """
    header = None
    for row in range(1, min(sheet.max_row, 40) + 1):
        below = [_below(sheet, row, c) for c in range(1, 40)]
        if _text(sheet.cell(row, 1).value).strip() == "ยุทธศาสตร์" and "จำนวนโครงการ" in below:
            header = row
            break
    if header is None:
        return []
    years: dict[int, int] = {}  # year → its จำนวนโครงการ column
    for column in range(2, sheet.max_column + 1):
        match = _YEAR.fullmatch(_text(sheet.cell(header, column).value).strip())
        if match and _below(sheet, header, column) == "จำนวนโครงการ":
            years[int(to_arabic_digits(match.group(1)))] = column
    span = next(
        (
            column
            for column in range(2, sheet.max_column + 1)
            if _SPAN.fullmatch(_text(sheet.cell(header, column).value).strip())
            and _below(sheet, header, column) == "จำนวนโครงการ"
        ),
        None,
    )
    start = len(problems)  # a cell's problem is reported once, by the rows or by the table
    result: list[SummaryRow] = []
    node: str | None = None
    stated = False
    for row in range(header + 2, sheet.max_row + 1):
        label = _text(sheet.cell(row, 1).value).strip()
        other = _OTHER_FORM.match(label)
        if other is not None and to_arabic_digits(other.group(1)) != "01":
            break  # the ผ.๐๑ table ends where another form's summary begins
        match = _STRATEGY.fullmatch(label)
        if match is not None:
            node = to_arabic_digits(match.group(1))
        if table is not None and label:
            table += _figures(
                sheet, file, problems, row, label, node, match is not None, years, span
            )
        if match is not None:
            stated = False
        elif label != "รวม" or node is None or stated:
            continue
        figures = []
        for year, column in years.items():
            pair = _pair(sheet, row, column, file, problems)
            if pair is not None and (pair[0] is not None or pair[1] is not None):
                figures.append((year, *pair))
        if not figures or node is None:
            continue
        for year, count, budget, coordinate in figures:
            if count is not None and count != count.to_integral():
                problems.append(
                    CellProblem(file, sheet.title, coordinate, f"{count} is no count of projects")
                )
                continue
            result.append(
                SummaryRow(
                    tree,
                    node,
                    year,
                    int(count) if count is not None else None,
                    budget,
                    written=f"{sheet.title}!{coordinate}",
                )
            )
        stated = True
    problems[start:] = list(dict.fromkeys(problems[start:]))
    return result


def _pair(
    sheet: Any, row: int, column: int, file: str, problems: list[FileProblem]
) -> tuple[Decimal | None, Decimal | None, str] | None:
    """The count and the budget a summary row writes at ``column``, and the count's cell.

    None, with a problem at the cell, when a figure cannot be read.
    """
    cells = (sheet.cell(row, column), sheet.cell(row, column + 1))
    try:
        count, budget = (_figure(cell.value) for cell in cells)
    except (ThaiplanError, ValueError) as error:
        problems.append(CellProblem(file, sheet.title, cells[0].coordinate, str(error)))
        return None
    return count, budget, cells[0].coordinate


def _figures(
    sheet: Any,
    file: str,
    problems: list[FileProblem],
    row: int,
    label: str,
    node: str | None,
    strategy: bool,
    years: dict[int, int],
    span: int | None,
) -> list[SummaryFigure]:
    """The figures one row of the table states, in its year columns and its รวม 5 ปี column."""
    kind = (
        "strategy"
        if strategy
        else {"รวม": "total", "รวมทั้งสิ้น": "grand_total"}.get(_SPACE.sub("", label), "part")
    )
    columns: list[tuple[int | None, int]] = list(years.items())
    if span is not None:
        columns.append((None, span))
    found = []
    for year, column in columns:
        pair = _pair(sheet, row, column, file, problems)
        if pair is None or (pair[0] is None and pair[1] is None):
            continue
        count, budget, coordinate = pair
        if count is not None and count != count.to_integral():
            problem = f"{count} is no count of projects"
            problems.append(CellProblem(file, sheet.title, coordinate, problem))
            continue
        found.append(
            SummaryFigure(
                row,
                label,
                kind,
                year,
                int(count) if count is not None else None,
                budget,
                node=node if kind != "grand_total" else None,
                written=f"{sheet.title}!{coordinate}",
            )
        )
    return found
