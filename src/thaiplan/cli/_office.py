"""The office formats of the command: ``export --to xlsx|docx|mspdi`` and ``import``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final, Literal

from thaiplan.cli._common import EXIT_OK, _load, _number, _subject, _UsageError, _write
from thaiplan.errors import ThaiplanError

if TYPE_CHECKING:
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar

__all__ = ["EXPORT_TARGETS", "IMPORT_EXAMPLES", "_import", "add_import_arguments", "export_office"]

#: The ``--to`` targets of this module.
EXPORT_TARGETS: Final = ("xlsx", "docx", "mspdi")
IMPORT_EXAMPLES: Final = (
    "examples:\n  thaiplan import calendar.xlsx -o calendar.yaml\n"
    "  thaiplan import local-plan.xlsx -o register.yaml   # a book of the plan forms\n"
    "  thaiplan import office-table.xlsx --like samut-sakhon-2563 -o calendar.yaml\n"
    "  thaiplan import circular.docx --like samut-sakhon-2563 -o calendar.yaml\n"
    "  thaiplan import plan-book.docx -o register.yaml    # a Word plan book of the forms\n"
    "  thaiplan import project.xml --province สมุทรสาคร --fiscal-year 2563 -o calendar.json"
)


def _write_bytes(data: bytes, output: str | None, out: IO[str], kind: str) -> int:
    if output is None or output == "-":
        buffer = getattr(out, "buffer", None)
        if buffer is None or out.isatty():
            raise _UsageError(f"a {kind} file is binary; name the file to write with -o FILE")
        out.flush()
        buffer.write(data)
        buffer.flush()
        return EXIT_OK
    try:
        Path(output).write_bytes(data)
    except OSError as error:
        raise _UsageError(f"{output}: cannot write it: {error.strerror}") from None
    return EXIT_OK


def export_office(
    args: argparse.Namespace,
    document: PlanningDocument | None,
    calendar: PlanningCalendar,
    out: IO[str],
) -> int:
    """``thaiplan export --to xlsx|docx|mspdi``: the book, the circular, or MS Project XML."""
    subject = _subject(document, calendar)
    if args.to == "xlsx":
        from thaiplan.io._xlsx import calendar_xlsx

        data = calendar_xlsx(subject, schedule_columns=getattr(args, "schedule_columns", False))
        return _write_bytes(data, args.output, out, "xlsx")
    if args.to == "docx":
        from thaiplan.io._docx import calendar_docx

        return _write_bytes(calendar_docx(subject), args.output, out, "docx")
    from thaiplan.io._mspdi import calendar_mspdi

    return _write(calendar_mspdi(subject), args.output, out)


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``thaiplan import``."""
    parser.add_argument(
        "file",
        metavar="FILE",
        help="an Excel book (.xlsx), a Word document (.docx) or MS Project XML (.xml)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="calendar file to write, .yaml or .json (default: YAML on standard output)",
    )
    parser.add_argument(
        "--like",
        metavar="SOURCE",
        help="a calendar or document to match the table's parties, phases and steps against",
    )
    parser.add_argument("--province", help="the province, when the file does not say it")
    parser.add_argument(
        "--fiscal-year",
        type=int,
        metavar="N",
        help="the BE fiscal year, when the file does not say it",
    )
    parser.add_argument(
        "--sheet", help="the sheet of the table in a book (default: the first with one)"
    )


def _import(args: argparse.Namespace, out: IO[str]) -> int:
    """``thaiplan import FILE -o calendar.yaml``: a calendar (or a plan book's register) from an office file."""
    from thaiplan.io._files import dumps_calendar

    path = Path(args.file)
    if not path.exists():
        raise _UsageError(f"{args.file}: no such file", f"{args.file}: ไม่มีไฟล์นี้")
    like = None
    if args.like is not None:
        document, reference = _load(args.like)
        like = _subject(document, reference)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm") and _is_register_book(path):
        return _import_register(args, path, out)
    if suffix == ".docx" and _is_register_docx(path):
        return _import_register(args, path, out)
    if suffix in (".xlsx", ".xlsm"):
        from thaiplan.io._xlsx_read import read_calendar_xlsx

        calendar = read_calendar_xlsx(
            path, like=like, sheet=args.sheet, province=args.province, fiscal_year=args.fiscal_year
        )
    elif suffix == ".docx":
        from thaiplan.io._docx_read import read_calendar_docx

        calendar = read_calendar_docx(
            path, like=like, province=args.province, fiscal_year=args.fiscal_year
        )
    elif suffix == ".xml":
        from thaiplan.io._mspdi_read import read_calendar_mspdi

        calendar = read_calendar_mspdi(
            path, like=like, province=args.province, fiscal_year=args.fiscal_year
        )
    else:
        raise _UsageError(
            f"{args.file}: expected an Excel book (.xlsx), a Word document (.docx) or MS Project"
            f" XML (.xml), not {suffix or 'no suffix'!r}",
            f"{args.file}: ต้องเป็นไฟล์ Excel (.xlsx) Word (.docx) หรือ MS Project XML (.xml)"
            f" ไม่ใช่ {suffix or 'ไฟล์ที่ไม่มีนามสกุล'!r}",
        )
    parties = len(calendar.agencies) + len(calendar.committees)
    summary = (
        f"{args.file}: {len(calendar.steps)} steps in {len(calendar.phases)} phases,"
        f" {parties} parties"
    )
    if getattr(args, "lang", "en") == "th":
        steps, phases = _number("th", len(calendar.steps)), _number("th", len(calendar.phases))
        summary = f"{args.file}: {steps} ขั้นตอน {phases} ระยะ, หน่วยงาน {_number('th', parties)} หน่วย"
    print(summary, file=sys.stderr)
    fmt: Literal["yaml", "json"] = "json" if (args.output or "").endswith(".json") else "yaml"
    return _write(dumps_calendar(calendar, format=fmt), args.output, out)


def _is_register_book(path: Path) -> bool:
    """Whether a book holds the local plan's forms (thaiplan's data sheet, or a ผ.๐๒ header)."""
    from thaiplan.io._forms import FORMS_FORMAT, SHEET_DATA
    from thaiplan.io._xlsx import require_openpyxl

    openpyxl = require_openpyxl()
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # not a book: the calendar reader says why
        return False
    try:
        if SHEET_DATA in book.sheetnames and book[SHEET_DATA]["B1"].value == FORMS_FORMAT:
            return True
        return any(
            _form_header(sheet.iter_rows(min_row=1, max_row=40, max_col=2, values_only=True))
            for sheet in book.worksheets
        )
    finally:
        book.close()


def _form_header(rows: Iterable[Sequence[object]]) -> bool:
    """Whether rows hold a plan form's header: ที่ then โครงการ (ผ.๐๒) or แผนงาน (ผ.๐๑)."""
    for row in rows:
        cells = [str(value or "").strip() for value in row[:2]]
        if cells[:1] == ["ที่"] and cells[1:2] in (["โครงการ"], ["แผนงาน"]):
            return True
    return False


def _is_register_docx(path: Path) -> bool:
    """Whether a Word document is a plan book: a table under a plan form's header.

    A calendar table starts ขั้นตอน / วันเดือนปี; a plan book's tables start ที่ /
    โครงการ, as its Excel book does.
    """
    from thaiplan.io._docx_read import open_docx
    from thaiplan.io._forms_docx_read import _sheets

    try:
        document, _ = open_docx(path)
    except ThaiplanError:  # not a document: the calendar reader says why
        return False
    return any(_form_header(sheet.grid[:40]) for sheet in _sheets(document))


def _import_register(args: argparse.Namespace, path: Path, out: IO[str]) -> int:
    """``thaiplan import PLAN.xlsx -o register.yaml``: a register from a book of plan forms (or a Word plan book)."""
    from thaiplan.io._register import dumps_register

    if path.suffix.lower() == ".docx":
        from thaiplan.io._forms_docx_read import read_register_docx

        register = read_register_docx(path)
    else:
        from thaiplan.io._forms_read import read_register_xlsx

        register = read_register_xlsx(path)
    print(f"{args.file}: {len(register)} projects", file=sys.stderr)
    fmt: Literal["yaml", "json"] = "json" if (args.output or "").endswith(".json") else "yaml"
    return _write(dumps_register(register, format=fmt), args.output, out)
