"""A calendar table read back from a Word document (the ``docx`` extra).

Theory of operation. :func:`read_calendar_docx` finds the table of the
calendar in a ``.docx`` file (the one :func:`~thaiplan.calendar_docx` writes,
or the attachment table of a circular as an office typed it: the first table
with a cell ``ขั้นตอน`` in its first rows), and reads it by the rules of the
Excel reader's table (:mod:`thaiplan.io._xlsx_read`): the header, the months
under their ``พ.ศ.`` year, the phase rows, the steps' numbers, titles, stated
periods, Gantt marks and parties, matched by name to those of ``like``.

A Word table merges cells by spans (``w:gridSpan``) and vertical merges
(``w:vMerge``); python-docx gives a merged cell at each place it covers, so
each is read once, at its first place, as a merged range of a sheet is. A
cell's paragraphs are its lines. The calendar's title is the last paragraph
with text above the table. Every problem is a
:class:`~thaiplan.errors.CellProblem` at its place in the table:
``file!ตารางที่ 1!B7`` is row 7, column 2 of the document's first table.
"""

from __future__ import annotations

import io
import os
import zipfile
from typing import IO, TYPE_CHECKING, Any, Final

from thaiplan.errors import CalendarFileError, FileProblem
from thaiplan.io._xlsx_read import _letter

if TYPE_CHECKING:
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar

__all__ = ["read_calendar_docx"]

#: The name of the n-th table of a document, in the places of its problems.
TABLE_NAME: Final = "ตารางที่ {}"


class _Cell:
    __slots__ = ("coordinate", "value")

    def __init__(self, value: str | None, coordinate: str) -> None:
        self.value, self.coordinate = value, coordinate


class _Sheet:
    """A Word table as the sheet the table reader reads: each merged cell at its first place."""

    def __init__(self, title: str, grid: list[list[str | None]]) -> None:
        self.title = title
        self.grid = grid
        self.max_row = len(grid)
        self.max_column = max((len(row) for row in grid), default=0)

    def cell(self, row: int, column: int) -> _Cell:
        values = self.grid[row - 1] if 0 < row <= self.max_row else []
        value = values[column - 1] if 0 < column <= len(values) else None
        return _Cell(value, f"{_letter(column)}{row}")


class _Book:
    """The tables of a document as the sheets of a book."""

    def __init__(self, sheets: list[_Sheet]) -> None:
        self.worksheets = sheets
        self.sheetnames = [sheet.title for sheet in sheets]

    def __getitem__(self, name: str) -> _Sheet:
        return next(sheet for sheet in self.worksheets if sheet.title == name)


def _grid(table: Any) -> list[list[str | None]]:
    seen: dict[int, Any] = {}  # the cells read, kept so that their ids stay theirs
    grid: list[list[str | None]] = []
    for row in table.rows:
        values: list[str | None] = []
        for cell in row.cells:
            key = id(cell._tc)
            if key in seen:
                values.append(None)
                continue
            seen[key] = cell._tc
            values.append("\n".join(paragraph.text for paragraph in cell.paragraphs) or None)
        grid.append(values)
    return grid


def _title_above(document: Any, table: Any) -> str:
    """The last paragraph with text before ``table`` in the document's body."""
    title = ""
    body = document.element.body
    for child in body.iterchildren():
        if child is table._tbl:
            break
        if child.tag.endswith("}p"):
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            if text.strip():
                title = text.strip()
    return title


def open_docx(source: str | os.PathLike[str] | bytes | IO[bytes]) -> tuple[Any, str]:
    """The python-docx document in ``source`` and the name to give it in problems."""
    from thaiplan.io._docx import _require
    from thaiplan.io._xlsx_read import _read_bytes

    docx = _require()
    data, name = _read_bytes(source)
    try:
        return docx.Document(io.BytesIO(data)), name
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise CalendarFileError(
            name, [FileProblem(name, None, None, "", f"not a docx file that can be read: {error}")]
        ) from None
    except Exception as error:  # python-docx raises its own kinds on a file that is no document
        raise CalendarFileError(
            name, [FileProblem(name, None, None, "", f"not a Word document (docx): {error}")]
        ) from None


def read_calendar_docx(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    like: PlanningCalendar | PlanningDocument | None = None,
    province: str | None = None,
    fiscal_year: int | None = None,
) -> PlanningCalendar:
    """Read the calendar table of a Word document; the inverse of :func:`~thaiplan.calendar_docx`.

    The table shows the steps' numbers, titles, stated periods, Gantt marks
    and parties, and the phases; the ids of the steps come from ``like`` (by
    number) or are ``s1``, ``s2`` …, and the parties are matched by name.

    Args:
        source: The path of a docx file, its bytes, or a binary file object.
        like: A calendar or document to match the table against: its parties
            by name, its phases by title, its steps by number; it gives the
            province and fiscal year when the document does not.
        province: The province, when neither the document nor ``like`` gives it.
        fiscal_year: The BE fiscal year, likewise (else read from the title,
            ``... ปีงบประมาณ พ.ศ. ๒๕๖๓``).

    Raises:
        CalendarFileError: The file cannot be read, or the table has problems,
            each at its ``file!ตารางที่ N!B7``.
        ModelError: python-docx is not installed (``pip install 'thaiplan[docx]'``).

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> again = read_calendar_docx(thaiplan.calendar_docx(calendar), like=calendar)
    >>> again.step("s7").when, again.step("s7").gantt, again.step("s7").responsible
    ('มิ.ย. - ก.ค. ๖๑', ('ก.ค.',), ('agencies-in-province', 'all-districts'))
    """
    from thaiplan.io._xlsx_read import _find_sheet, read_table

    document, name = open_docx(source)
    sheets = [
        _Sheet(TABLE_NAME.format(index), _grid(table))
        for index, table in enumerate(document.tables, 1)
    ]
    book = _Book(sheets)
    found = _find_sheet(book, None)
    if found is None:
        raise CalendarFileError(
            name,
            [FileProblem(name, None, None, "", "no calendar table: no cell 'ขั้นตอน' in any table")],
        )
    table = document.tables[sheets.index(found[0])]
    return read_table(
        book,
        name,
        like=like,
        sheet=found[0].title,
        province=province,
        fiscal_year=fiscal_year,
        title=_title_above(document, table),
    )
