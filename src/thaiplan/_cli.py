"""The ``thaiplan`` command: show, validate, schedule, export and shift calendars.

Every command takes a calendar or document file (YAML or JSON), ``-`` for
standard input, or the name of a built-in document (``samut-sakhon-2563``).
A user's mistake (a file that cannot be read, a bad option) is one clear
message on standard error, naming the file, line and column, and exit
status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from thaiplan.dates import (
    FiscalYear,
    format_date,
    format_period,
    holiday_name,
    is_working_day,
    parse_datetime,
    parse_period,
    to_thai_digits,
)
from thaiplan.errors import DependencyCycleError, HolidayDataError, ThaiDateError, ThaiplanError

if TYPE_CHECKING:
    from ._document import PlanningDocument
    from ._schedule import Schedule
    from ._steps import PlanningCalendar
    from ._validate import Report

__all__ = ["console", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """A mistake of the user's, reported in one line with exit status 2."""


# -- loading ---------------------------------------------------------------------------------


def _load(source: str) -> tuple[PlanningDocument | None, PlanningCalendar]:
    """A document or calendar from a path, ``-`` or a built-in name."""
    from ._files import DOCUMENT_FORMAT, builtin_names, load_document, loads_calendar

    if source in builtin_names() and not Path(source).exists():
        document = load_document(source)
        if document.calendar is None:
            raise _UsageError(f"{source}: the document has no calendar")
        return document, document.calendar
    if source == "-":
        text, name = sys.stdin.read(), "<stdin>"
    else:
        path = Path(source)
        if not path.exists():
            names = ", ".join(builtin_names())
            raise _UsageError(
                f"{source}: no such file, and no built-in document of that name ({names})"
            )
        try:
            text, name = path.read_text(encoding="utf-8-sig"), str(path)
        except (OSError, UnicodeDecodeError) as error:
            raise _UsageError(f"{source}: cannot read it: {error}") from None
    if f"format: {DOCUMENT_FORMAT}" in text or f'"format": "{DOCUMENT_FORMAT}"' in text:
        document = load_document(io.StringIO(text)) if name == "<stdin>" else load_document(name)
        if document.calendar is None:
            raise _UsageError(f"{name}: the document has no calendar")
        return document, document.calendar
    return None, loads_calendar(text, file=name)


def _subject(document: PlanningDocument | None, calendar: PlanningCalendar) -> Any:
    return document if document is not None else calendar


# -- text layout -----------------------------------------------------------------------------


def _width(text: str) -> int:
    """Columns a string takes in a terminal.

    Thai vowels and tone marks above and below a letter take none; wide East
    Asian characters take two.
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` columns (with …) and pad it to exactly that."""
    text = " ".join(text.split())
    if _width(text) > width:
        out = ""
        for char in text:
            if _width(out + char) > width - 1:
                break
            out += char
        text = out + "…"
    return text + " " * (width - _width(text))


def _table(rows: list[list[str]], widths: list[int]) -> str:
    return "\n".join(
        "  ".join(_fit(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


# -- commands --------------------------------------------------------------------------------


def _show(args: argparse.Namespace, out: IO[str]) -> int:
    from ._schedule import schedule

    document, calendar = _load(args.source)
    result = schedule(_subject(document, calendar))
    print(calendar.title, file=out)
    print(
        f"{calendar.province} · {FiscalYear(calendar.fiscal_year).format()} · "
        f"{len(calendar.steps)} steps · {'feasible' if result.feasible else 'NOT FEASIBLE'}",
        file=out,
    )
    titles = {phase.id: phase.title for phase in calendar.phases}
    phases = list(
        dict.fromkeys([p.id for p in calendar.phases] + [s.phase for s in calendar.steps])
    )
    widths = [4, 46, 18, 34, 12, 6]
    header = ["no", "step", "stated (วันเดือนปี)", "responsible", "latest end", "slack"]
    for phase in phases:
        steps = calendar.steps_in(phase)
        if not steps:
            continue
        print(f"\n{titles.get(phase, phase)}", file=out)
        rows = [header]
        for step in steps:
            bounds = result[step.id]
            names = []
            for party_id in step.responsible:
                party = calendar.party(party_id)
                names.append(party.name if party is not None else party_id)
            rows.append(
                [
                    str(step.no) if step.no is not None else "",
                    f"{step.id} {step.title}",
                    step.when,
                    ", ".join(names),
                    format_date(bounds.latest_finish, style="abbr"),
                    str(bounds.total_slack),
                ]
            )
        print(_table(rows, widths), file=out)
    return EXIT_OK


def _validate(args: argparse.Namespace, out: IO[str]) -> int:
    from ._validate import Severity, validate

    reports: list[tuple[str, Report]] = []
    unreadable = 0
    for source in args.sources:
        try:
            document, calendar = _load(source)
        except (_UsageError, ThaiplanError) as error:
            if len(args.sources) == 1:
                raise
            print(f"thaiplan validate: {error}", file=sys.stderr)  # and go on with the others
            unreadable += 1
            continue
        reports.append((source, validate(_subject(document, calendar))))
    errors = sum(len(report.errors) for _, report in reports)
    warnings = sum(len(report.warnings) for _, report in reports)
    if args.format == "json":
        findings = [
            {
                "source": source,
                "code": f.code,
                "severity": f.severity.value,
                "steps": list(f.steps),
                "objects": list(f.objects),
                "message_th": f.message_th,
                "message_en": f.message_en,
            }
            for source, report in reports
            for f in report.findings
        ]
        json.dump(
            {
                "findings": findings,
                "errors": errors,
                "warnings": warnings,
                "notes": sum(len(report.infos) for _, report in reports),
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        labels = {
            Severity.ERROR: ("errors", "ข้อผิดพลาด"),
            Severity.WARNING: ("warnings", "คำเตือน"),
            Severity.INFO: ("notes", "ข้อสังเกต"),
        }
        for source, report in reports:
            print(
                f"{source}: {_count(len(report.errors), 'error')},"
                f" {_count(len(report.warnings), 'warning')}, {_count(len(report.infos), 'note')}",
                file=out,
            )
            for severity, label in labels.items():
                found = [f for f in report.findings if f.severity is severity]
                if not found:
                    continue
                print(f"\n  {label[1] if args.lang == 'th' else label[0]}:", file=out)
                for finding in found:
                    where = f" [{', '.join(finding.steps)}]" if finding.steps else ""
                    message = finding.message(args.lang).replace("\n", "\n      ")
                    print(f"  - {finding.code}{where}: {message}", file=out)
            print(file=out)
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if errors else EXIT_OK


def _bounds_json(result: Schedule) -> dict[str, Any]:
    return {
        "feasible": result.feasible,
        "critical_path": list(result.critical_path),
        "steps": {
            step_id: {
                "earliest_start": bounds.earliest_start.isoformat(),
                "earliest_finish": bounds.earliest_finish.isoformat(),
                "latest_start": bounds.latest_start.isoformat(),
                "latest_finish": bounds.latest_finish.isoformat(),
                "total_slack": bounds.total_slack,
                "free_slack": bounds.free_slack,
            }
            for step_id, bounds in result.items()
        },
    }


def _schedule(args: argparse.Namespace, out: IO[str]) -> int:
    from ._schedule import schedule

    document, calendar = _load(args.source)
    result = schedule(_subject(document, calendar))
    if args.format == "json":
        json.dump(_bounds_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    rows = [
        ["step", "earliest start", "earliest end", "latest start", "latest end", "slack", "free"]
    ]
    for step_id, bounds in result.items():
        rows.append(
            [
                step_id,
                bounds.earliest_start.isoformat(),
                bounds.earliest_finish.isoformat(),
                bounds.latest_start.isoformat(),
                bounds.latest_finish.isoformat(),
                str(bounds.total_slack),
                str(bounds.free_slack),
            ]
        )
    print(_table(rows, [8, 14, 14, 14, 14, 6, 6]), file=out)
    print(f"\nfeasible: {'yes' if result.feasible else 'no'}", file=out)
    print(f"critical path: {' -> '.join(result.critical_path)}", file=out)
    for explanation in result.conflicts:
        print(f"\n{explanation.step} cannot be kept:\n{explanation.message_en}", file=out)
    return EXIT_OK


def _csv(calendar: PlanningCalendar, result: Schedule) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "id",
            "no",
            "phase",
            "title",
            "when",
            "start",
            "end",
            "responsible",
            "after",
            "earliest_start",
            "latest_finish",
            "total_slack",
        ]
    )
    for step in calendar.steps:
        bounds = result[step.id]
        writer.writerow(
            [
                step.id,
                "" if step.no is None else step.no,
                step.phase,
                step.title,
                step.when,
                step.period.start.isoformat() if step.period.start else "",
                step.period.end.isoformat(),
                " ".join(step.responsible),
                " ".join(d.step for d in step.after),
                bounds.earliest_start.isoformat(),
                bounds.latest_finish.isoformat(),
                bounds.total_slack,
            ]
        )
    return buffer.getvalue()


def _export(args: argparse.Namespace, out: IO[str]) -> int:
    from ._files import dumps_calendar, dumps_document
    from ._schedule import schedule

    document, calendar = _load(args.source)
    if args.to in ("yaml", "json"):
        text = (
            dumps_document(document, format=args.to)
            if document is not None
            else dumps_calendar(calendar, format=args.to)
        )
    elif args.to == "csv":
        text = _csv(calendar, schedule(_subject(document, calendar)))
    elif args.to == "html":
        from ._gantt import gantt_html

        text = gantt_html(_subject(document, calendar))
    else:
        from ._ical import calendar_ics

        text = calendar_ics(calendar)
    return _write(text, args.output, out)


def _write(text: str, output: str | None, out: IO[str]) -> int:
    if output is None or output == "-":
        out.write(text)
        return EXIT_OK
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise _UsageError(f"{output}: cannot write it: {error.strerror}") from None
    return EXIT_OK


def _shift(args: argparse.Namespace, out: IO[str]) -> int:
    from ._files import dumps_calendar
    from ._shift import shift

    _, calendar = _load(args.source)
    result = shift(calendar, fiscal_year=args.fiscal_year, to_working_days=args.to_working_days)
    for landing in result.landings:
        moved = f", moved to {landing.moved_to.isoformat()}" if landing.moved_to else ""
        print(
            f"{landing.step}: {landing.day.isoformat()} ({format_date(landing.day, style='abbr')})"
            f" is not a working day: {landing.why}{moved}",
            file=sys.stderr,
        )
    fmt: Literal["yaml", "json"] = "json" if (args.output or "").endswith(".json") else "yaml"
    return _write(dumps_calendar(result.calendar, format=fmt), args.output, out)


def _date(args: argparse.Namespace, out: IO[str]) -> int:
    status = EXIT_OK
    for text in args.texts:
        try:
            try:
                moment = parse_datetime(text)
            except ThaiDateError:
                moment = None
            period = parse_period(text) if moment is None else None
        except ThaiDateError as error:
            print(f"thaiplan date: {error}", file=sys.stderr)
            status = EXIT_FINDINGS
            continue
        if moment is not None:
            day = moment.date()
            print(
                f"{text}\n  {moment.isoformat()}  {format_date(day, weekday=True)}"
                f" เวลา {to_thai_digits(f'{moment:%H.%M}')} น.",
                file=out,
            )
            _day_facts(day, out)
            continue
        assert period is not None
        span = (
            period.end.isoformat()
            if period.start is None
            else f"{period.start.isoformat()} .. {period.end.isoformat()}"
        )
        print(
            f"{text}\n  {period.kind.value}: {span}  {format_period(period, style='full')}",
            file=out,
        )
        if period.start == period.end:
            _day_facts(period.end, out)
        else:
            first = FiscalYear.containing(period.start or period.end)
            last = FiscalYear.containing(period.end)
            years = first.format() if first == last else f"{first.format()} – {last.year}"
            print(f"  {years}", file=out)
    return status


def _day_facts(day: Any, out: IO[str]) -> None:
    facts = [
        FiscalYear.containing(day).format(),
        f"ไตรมาสที่ {to_thai_digits(FiscalYear.containing(day).quarter_of(day))}",
    ]
    with contextlib.suppress(HolidayDataError):  # no holiday data: say nothing of it
        facts.append(
            "วันทำการ" if is_working_day(day) else f"วันหยุด: {holiday_name(day) or 'เสาร์-อาทิตย์'}"
        )
    print(f"  {' · '.join(facts)}", file=out)


# -- the parser ------------------------------------------------------------------------------

_EXAMPLES = {
    "show": "examples:\n  thaiplan show samut-sakhon-2563\n  thaiplan show my-calendar.yaml",
    "validate": (
        "examples:\n  thaiplan validate my-calendar.yaml\n"
        "  thaiplan validate samut-sakhon-2563 --lang th\n"
        "  thaiplan validate a.yaml b.json --format json\n\n"
        "exit status: 0 no errors, 1 errors found, 2 a file cannot be read or bad usage"
    ),
    "schedule": "examples:\n  thaiplan schedule samut-sakhon-2563\n  thaiplan schedule my-calendar.yaml --format json",
    "export": (
        "examples:\n  thaiplan export samut-sakhon-2563 --to ics -o plan.ics\n"
        "  thaiplan export my-calendar.yaml --to html -o gantt.html\n"
        "  thaiplan export my-calendar.yaml --to csv"
    ),
    "shift": "examples:\n  thaiplan shift samut-sakhon-2563 --fiscal-year 2564 -o fy2564.yaml",
    "date": "examples:\n  thaiplan date 'ภายใน พ.ค. ๖๑' 'วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.'",
}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thaiplan",
        description="Thai provincial development planning: check, schedule and export planning calendars.",
        epilog="A SOURCE is a calendar or document file (YAML or JSON), - for standard input,"
        " or a built-in document: samut-sakhon-2563.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from thaiplan import __version__

    parser.add_argument("--version", action="version", version=f"thaiplan {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(
        name: str, help_text: str, run: Callable[[argparse.Namespace, IO[str]], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=_EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run)
        return sub

    show = add(
        "show",
        "show a calendar as a table: steps by phase, stated periods, latest ends and slack",
        _show,
    )
    show.add_argument("source", metavar="SOURCE")

    check = add("validate", "check calendars and documents and list the findings", _validate)
    check.add_argument("sources", metavar="SOURCE", nargs="+")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument(
        "--lang", choices=["th", "en"], default="en", help="language of the messages (text format)"
    )

    bounds = add(
        "schedule", "the earliest and latest days of every step, slack and critical path", _schedule
    )
    bounds.add_argument("source", metavar="SOURCE")
    bounds.add_argument("--format", choices=["text", "json"], default="text")

    export = add(
        "export", "write a calendar as iCalendar, an HTML Gantt page, JSON, YAML or CSV", _export
    )
    export.add_argument("source", metavar="SOURCE")
    export.add_argument("--to", choices=["ics", "html", "json", "yaml", "csv"], required=True)
    export.add_argument(
        "-o", "--output", metavar="OUT", help="file to write (default: standard output)"
    )

    shift = add("shift", "re-base a calendar on another fiscal year", _shift)
    shift.add_argument("source", metavar="SOURCE")
    shift.add_argument(
        "--fiscal-year",
        type=int,
        required=True,
        metavar="N",
        help="Buddhist-Era fiscal year, such as 2564",
    )
    shift.add_argument(
        "--to-working-days",
        action="store_true",
        help="move days that fall on weekends or holidays to the next working day",
    )
    shift.add_argument(
        "-o", "--output", metavar="OUT", help="file to write (default: standard output)"
    )

    date = add("date", "read Thai date expressions and say what they mean", _date)
    date.add_argument("texts", metavar="TEXT", nargs="+")
    return parser


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None) -> int:
    """Run the ``thaiplan`` command; returns the exit status.

    >>> main(["date", "ภายใน พ.ค. ๖๑"])
    ภายใน พ.ค. ๖๑
      deadline: 2018-05-31  ภายในเดือนพฤษภาคม ๒๕๖๑
      ปีงบประมาณ พ.ศ. ๒๕๖๑
    0
    """
    out = out if out is not None else sys.stdout
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        status: int = args.run(args, out)
    except _UsageError as error:
        print(f"thaiplan {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except DependencyCycleError as error:
        print(f"thaiplan {args.command}: {error}", file=sys.stderr)
        return EXIT_FINDINGS
    except ThaiplanError as error:
        print(f"thaiplan {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    return status


def console() -> None:
    """The console script's entry point: run :func:`main` and exit with its status."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")  # Thai text, whatever the console's locale
    sys.exit(main())
