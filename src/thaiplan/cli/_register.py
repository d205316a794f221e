"""The ``thaiplan trace`` command: the way of one project of a register through the plans."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING

from thaiplan.cli._common import EXIT_OK, _UsageError

if TYPE_CHECKING:
    from thaiplan.model._register import ProjectRegister

__all__ = ["_export_register", "_load_if_register", "_show_register", "_trace"]


def _load_if_register(source: str) -> ProjectRegister | None:
    """The register in ``source`` when it is a register file (``format: thaiplan-register/1``), else None."""
    from thaiplan.io._register import REGISTER_FORMAT, load_register

    path = Path(source)
    try:
        if source == "-" or not path.is_file():
            return None
        with path.open("rb") as stream:
            head = stream.read(4096).decode("utf-8", "ignore")
    except (OSError, ValueError):  # a name too long, a NUL in it: the calendar loader says so
        return None
    if REGISTER_FORMAT not in head:
        return None
    return load_register(path)


def _trace(args: argparse.Namespace, out: IO[str]) -> int:
    """Print the trace of ``args.project`` in the register ``args.register``."""
    from thaiplan.errors import ModelError
    from thaiplan.io._files import builtin_names, load_calendar
    from thaiplan.io._register import load_register
    from thaiplan.model._trace import trace

    try:
        exists = Path(args.register).exists()
    except (OSError, ValueError) as error:
        raise _UsageError(f"{args.register}: cannot read it: {error}") from None
    if not exists:
        raise _UsageError(f"{args.register}: no such register file")
    register = load_register(args.register)
    calendar = None
    if args.calendar is not None:
        if not Path(args.calendar).exists() and args.calendar not in builtin_names("document"):
            raise _UsageError(
                f"{args.calendar}: no such file, and no built-in calendar of that name",
                f"{args.calendar}: ไม่มีไฟล์นี้ และไม่มีปฏิทินในตัวที่ชื่อนี้",
            )
        calendar = load_calendar(args.calendar)
    try:
        result = trace(register, args.project, calendar=calendar)
    except ModelError:
        known = ", ".join(project.id for project in list(register)[:10])
        more = " …" if len(register) > 10 else ""
        raise _UsageError(
            f"{args.register}: no project {args.project!r} (its projects: {known}{more})"
        ) from None
    project = register.project(args.project)
    print(f"{project.id}: {project.title}", file=out)
    print(result.explain(args.lang), file=out)
    return EXIT_OK


def _show_register(register: ProjectRegister, out: IO[str]) -> int:
    """Print a register's summary: projects and budget by level and fiscal year."""
    from thaiplan.dates import format_baht

    print(register.name or "project register", file=out)
    total = sum((project.total_budget for project in register), Decimal(0))
    print(
        f"{len(register):,} projects · {len(register.trees)} strategy trees · budget {format_baht(total)} baht",
        file=out,
    )
    print(f"{'level':<12} {'fiscal year':>11} {'projects':>9} {'budget (baht)':>20}", file=out)
    for row in register.rollup("level", "fiscal_year"):
        keys = dict(row.keys)
        year = "-" if keys["fiscal_year"] is None else str(keys["fiscal_year"])
        print(
            f"{keys['level']:<12} {year:>11} {row.projects:>9,} {format_baht(row.budget):>20}",
            file=out,
        )
    return EXIT_OK


def _export_register(register: ProjectRegister, args: argparse.Namespace, out: IO[str]) -> int:
    """``thaiplan export REGISTER --to ...``: CSV, JSON, YAML, the plan forms, HTML or iCalendar."""
    from thaiplan.cli._common import _write
    from thaiplan.io._register import dumps_register
    from thaiplan.io._register_csv import register_csv

    to = args.to
    years = _years(getattr(args, "years", None))
    if to == "csv":
        return _write(register_csv(register), args.output, out)
    if to in ("json", "yaml"):
        text = dumps_register(register, format="json" if to == "json" else "yaml")
        return _write(text, args.output, out)
    if to == "html":
        from thaiplan.io._register_export import register_html

        return _write(register_html(register, years=years), args.output, out)
    if to == "ics":
        from thaiplan.io._register_export import register_ics

        return _write(register_ics(register), args.output, out)
    if to in ("xlsx", "docx"):
        from thaiplan.cli._office import _write_bytes

        if to == "xlsx":
            from thaiplan.io._forms import register_xlsx

            data = register_xlsx(register, years=years)
        else:
            from thaiplan.io._forms_docx import register_docx

            data = register_docx(register, years=years)
        return _write_bytes(data, args.output, out, to)
    raise _UsageError(
        f"a project register exports to csv, json, yaml, xlsx, docx, html or ics, not {to}"
    )


def _years(text: str | None) -> range | None:
    """``--years 2566-2570`` (Thai digits too) as the range of years, or None."""
    if text is None:
        return None
    from thaiplan.dates import to_arabic_digits

    first, sep, last = to_arabic_digits(text).replace(" ", "").partition("-")
    if not (
        first.isascii() and first.isdigit() and (not sep or (last.isascii() and last.isdigit()))
    ):
        raise _UsageError(
            f"--years is FIRST-LAST in Buddhist-Era years, such as 2566-2570, not {text!r}"
        )
    start, end = int(first), int(last) if sep else int(first)
    if not 2400 <= start <= end <= start + 50:
        raise _UsageError(
            f"--years is FIRST-LAST in Buddhist-Era years, such as 2566-2570, not {text!r}"
        )
    return range(start, end + 1)
