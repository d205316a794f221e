"""A register read back from a Word plan book of the local plan's forms (the ``docx`` extra).

Theory of operation. :func:`read_register_docx` reads the book that
:func:`~thaiplan.register_docx` writes, and plan books typed in Word the same
way: each table of the document, with the paragraphs above it (since the
table before) as its preamble, is read as a form sheet by the rules of the
Excel reader (:mod:`thaiplan.io._forms_read`): the form's mark
(``แบบ ผ.๐๒``) and the edition, strategy and programme lines of the
preamble, the 3-row header, numbered project rows, continuation, section and
total rows, amounts as books write them; a ผ.๐๑ table becomes the register's
summary rows. A merged cell is read once, at its first place.

A Word book has no data sheet: what the forms show comes back (titles,
descriptions, objectives, targets, budgets by year, indicators, results,
units, programmes, forms), each project's id ``ตารางที่_N-ROW`` and its
:class:`~thaiplan.RowSource` the file, the table and the row. Rows count the
preamble's paragraphs first: every problem is a
:class:`~thaiplan.errors.CellProblem` at ``file!ตารางที่ N!F7``, row 7 of that
count, column F of the table.
"""

from __future__ import annotations

import os
from typing import IO, Any

from thaiplan.errors import CalendarFileError, FileProblem
from thaiplan.model._register import ProjectRegister

__all__ = ["read_register_docx"]


def _sheets(document: Any) -> list[Any]:
    """Each table of the document as a sheet: the paragraphs above it, then its rows."""
    from thaiplan.io._docx_read import TABLE_NAME, _grid, _Sheet

    tables = iter(document.tables)
    sheets: list[Any] = []
    preamble: list[list[str | None]] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            if text.strip():
                preamble.append([text.strip()])
        elif tag == "tbl":
            table = next(tables)
            title = TABLE_NAME.format(len(sheets) + 1)
            sheets.append(_Sheet(title, [*preamble, *_grid(table)]))
            preamble = []
    return sheets


def read_register_docx(source: str | os.PathLike[str] | bytes | IO[bytes]) -> ProjectRegister:
    """A register from a Word plan book of the local plan's forms; inverse of :func:`~thaiplan.register_docx`.

    Args:
        source: A path, the bytes of the file, or a binary file object.

    Raises:
        ModelError: python-docx is not installed (``pip install 'thaiplan[docx]'``).
        CalendarFileError: The book cannot be read or has problems; each is
            placed at its ``file!ตารางที่ N!C7``.

    >>> import thaiplan
    >>> from thaiplan import BudgetLine, Project, ProjectRegister
    >>> book = thaiplan.register_docx(
    ...     ProjectRegister([Project("p1", "ถนน คสล.", "local", budget=[BudgetLine(2566, 500)])])
    ... )
    >>> [(p.title, p.budget_by_year()) for p in read_register_docx(book)]
    [('ถนน คสล.', {2566: Decimal('500')})]
    """
    from thaiplan.io._docx_read import open_docx
    from thaiplan.io._forms_read import BOOK_TREE, _Book, _Row, _rows, projects_of
    from thaiplan.io._forms_summary import read_summary

    document, name = open_docx(source)
    problems: list[FileProblem] = []
    hand = _Book()
    rows: list[_Row] = []
    summary: list[Any] = []
    for sheet in _sheets(document):
        found = _rows(sheet, name, problems, [], hand)
        rows += found
        if not found:
            summary += read_summary(sheet, name, problems, BOOK_TREE)
    if problems:
        raise CalendarFileError(name, problems)
    projects = projects_of(rows, name)
    tree = hand.tree()
    return ProjectRegister(
        list(projects.values()),
        [tree] if tree else [],
        summary=summary,
        notes="\n".join(hand.notes),
    )
