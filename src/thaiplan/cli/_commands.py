"""The commands: show, validate, schedule, export, shift and date; one function each."""

from __future__ import annotations

import argparse
import contextlib
import json
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
    from thaiplan.checks._registry import Report
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar
    from thaiplan.scheduling._schedule import Schedule

from thaiplan.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    _count,
    _load,
    _problems_json,
    _read_stdin,
    _subject,
    _table,
    _UsageError,
    _warn,
    _write,
)


def _show(args: argparse.Namespace, out: IO[str]) -> int:
    from thaiplan.cli._register import _load_if_register, _show_register

    register = _load_if_register(args.source)
    if register is not None:
        return _show_register(register, out)
    document, calendar = _load(args.source)
    result = _scheduled(args, document, calendar)
    print(calendar.title, file=out)
    print(
        f"{calendar.province} · {FiscalYear(calendar.fiscal_year).format()} · "
        f"{len(calendar.steps)} steps · {'feasible' if result.feasible else 'NOT FEASIBLE'}",
        file=out,
    )
    titles = {phase.id: phase.title for phase in calendar.phases}
    by_phase: dict[str, list[Any]] = {phase.id: [] for phase in calendar.phases}
    for step in calendar.steps:  # one pass over the steps, not one a phase
        by_phase.setdefault(step.phase, []).append(step)
    parties: dict[str, str] = {}
    for agency in calendar.agencies:  # the first of an id, as calendar.party() finds
        parties.setdefault(agency.id, agency.name)
    for committee in calendar.committees:
        parties.setdefault(committee.id, committee.name)
    widths = [4, 46, 18, 34, 12, 6]
    header = ["no", "step", "stated (วันเดือนปี)", "responsible", "latest end", "slack"]
    for phase, steps in by_phase.items():
        if not steps:
            continue
        print(f"\n{titles.get(phase, phase)}", file=out)
        rows = [header]
        for step in steps:
            bounds = result[step.id]
            names = [parties.get(party_id, party_id) for party_id in step.responsible]
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
    from thaiplan.checks._registry import Severity, validate
    from thaiplan.cli._register import _load_if_register

    progress = None
    if args.progress is not None:
        from thaiplan.io._progress import load_progress

        progress = load_progress(args.progress)
    reports: list[tuple[str, Report]] = []
    unreadable = 0
    problems: list[dict[str, Any]] = []  # of the files that cannot be read, for --format json
    for source in args.sources:
        try:
            register = _load_if_register(source)
            if register is None:
                document, calendar = _load(source)
        except (_UsageError, ThaiplanError) as error:
            if len(args.sources) == 1 and args.format != "json":
                raise
            problems += _problems_json(source, error)
            _warn(f"thaiplan validate: {error}")  # and go on with the others
            unreadable += 1
            continue
        subject = register if register is not None else _subject(document, calendar)
        reports.append(
            (source, validate(subject, progress=progress, with_calendars=_with_calendars(args)))
        )
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
                "problems": problems,
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


def _with_calendars(args: argparse.Namespace) -> dict[str, PlanningCalendar]:
    """The calendars of ``--with``, each named as written (a built-in name or a path)."""
    others: dict[str, PlanningCalendar] = {}
    for name in getattr(args, "with_calendars", None) or ():
        others[name] = _load(name)[1]
    return others


def _scheduled(
    args: argparse.Namespace, document: PlanningDocument | None, calendar: PlanningCalendar
) -> Schedule:
    """The schedule of the calendar, together with the calendars of ``--with`` when there are any."""
    from thaiplan.scheduling._combined import schedule_combined
    from thaiplan.scheduling._passes import schedule

    others = _with_calendars(args)
    if others:
        return schedule_combined(calendar, document, others, "--with")
    return schedule(_subject(document, calendar))


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

    try:
        document, calendar = _load(args.source)
        result = _scheduled(args, document, calendar)
    except (_UsageError, ThaiplanError) as error:
        if args.format != "json":
            raise
        json.dump(
            {"problems": _problems_json(args.source, error)}, out, ensure_ascii=False, indent=2
        )
        out.write("\n")
        _warn(f"thaiplan schedule: {error}")
        return EXIT_FINDINGS if isinstance(error, DependencyCycleError) else EXIT_USAGE
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
    longest = max((len(step_id) for step_id in result), default=0)  # budget-2563:s1 with --with
    print(_table(rows, [max(8, min(longest, 40)), 14, 14, 14, 14, 6, 6]), file=out)
    print(f"\nfeasible: {'yes' if result.feasible else 'no'}", file=out)
    print(f"critical path: {' -> '.join(result.critical_path)}", file=out)
    for chain in result.infeasible_chains:  # one for each bound, not one a step
        explanation = chain.explanation
        others = [step for step in chain.steps if step != explanation.step]
        also = ""
        if others:
            s = "s" if len(others) > 1 else ""
            also = f" (nor can {len(others)} more step{s}, squeezed by the same bound: {', '.join(others)})"
        print(f"\n{explanation.step} cannot be kept{also}:\n{explanation.message_en}", file=out)
    return EXIT_OK


def _export(args: argparse.Namespace, out: IO[str]) -> int:
    from thaiplan.cli._register import _export_register, _load_if_register
    from thaiplan.io._csv import calendar_csv
    from thaiplan.io._files import dumps_calendar, dumps_document
    from thaiplan.scheduling._passes import schedule

    register = _load_if_register(args.source)
    if register is not None:
        return _write(_export_register(register, args.to), args.output, out)
    document, calendar = _load(args.source)
    if args.to in ("xlsx", "docx", "mspdi"):
        from thaiplan.cli._office import export_office

        return export_office(args, document, calendar, out)
    if args.to in ("yaml", "json"):
        text = (
            dumps_document(document, format=args.to)
            if document is not None
            else dumps_calendar(calendar, format=args.to)
        )
    elif args.to == "csv":
        text = calendar_csv(calendar, schedule(_subject(document, calendar)))
    elif args.to == "html":
        from thaiplan.io._gantt import gantt_html

        text = gantt_html(_subject(document, calendar))
    else:
        from thaiplan.io._ical import calendar_ics

        progress = None
        if args.progress is not None:
            from thaiplan.io._progress import load_progress

            progress = load_progress(args.progress)
        text = calendar_ics(
            _subject(document, calendar),
            deadlines=args.deadlines,
            remind=_working_days(args.remind),
            progress=progress,
        )
    return _write(text, args.output, out)


def _working_days(span: str | None) -> int | None:
    """``--remind 5wd`` (or ``5``): a number of working days."""
    if span is None:
        return None
    written = span.strip().removesuffix("wd")
    if not written.isascii() or not written.isdigit():
        raise _UsageError(f"--remind {span!r}: write working days such as 5wd")
    return int(written)


def _shift(args: argparse.Namespace, out: IO[str]) -> int:
    from thaiplan.io._files import dumps_calendar
    from thaiplan.scheduling._shift import shift

    _, calendar = _load(args.source)
    result = shift(calendar, fiscal_year=args.fiscal_year, to_working_days=args.to_working_days)
    for landing in result.landings:
        moved = f", moved to {landing.moved_to.isoformat()}" if landing.moved_to else ""
        _warn(
            f"{landing.step}: {landing.day.isoformat()} ({format_date(landing.day, style='abbr')})"
            f" is not a working day: {landing.why}{moved}"
        )
    fmt: Literal["yaml", "json"] = "json" if (args.output or "").endswith(".json") else "yaml"
    return _write(dumps_calendar(result.calendar, format=fmt), args.output, out)


def _expressions(texts: list[str]) -> tuple[list[str], bool]:
    """The expressions to read, and whether several words were joined into one.

    ``-`` alone: one expression a line of standard input. Several arguments
    none of which has a space: the words of one expression, typed without
    quotes (``thaiplan date ภายใน พ.ค. ๖๑``). Otherwise each argument is one
    expression, as quotes give them.
    """
    if texts == ["-"]:
        data = _read_stdin()
        try:
            lines = data.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError as error:
            raise _UsageError(
                f"-: standard input is not UTF-8 text (byte {error.start}); save it as UTF-8"
            ) from None
        return [line.strip() for line in lines if line.strip()], False
    if len(texts) > 1 and all(len(text.split()) <= 1 for text in texts):
        return [" ".join(texts)], True
    return texts, False


def _date(args: argparse.Namespace, out: IO[str]) -> int:
    status = EXIT_OK
    texts, joined = _expressions(args.texts)
    for text in texts:
        try:
            try:
                moment = parse_datetime(text)
            except ThaiDateError:
                moment = None
            period = parse_period(text) if moment is None else None
        except ThaiDateError as error:
            note = (
                " (the words were read as one expression: quote each of several expressions,"
                " or give them one a line with thaiplan date -)"
                if joined
                else ""
            )
            _warn(f"thaiplan date: {error}{note}")
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
            try:
                first = FiscalYear.containing(period.start or period.end)
                last = FiscalYear.containing(period.end)
            except ThaiDateError:  # past the last fiscal year with dates: say nothing of it
                continue
            years = first.format() if first == last else f"{first.format()} – {last.year}"
            print(f"  {years}", file=out)
    return status


def _day_facts(day: Any, out: IO[str]) -> None:
    facts: list[str] = []
    with contextlib.suppress(ThaiDateError):  # a day of 10-12/9999 has no fiscal year with dates
        fiscal_year = FiscalYear.containing(day)
        facts += [fiscal_year.format(), f"ไตรมาสที่ {to_thai_digits(fiscal_year.quarter_of(day))}"]
    with contextlib.suppress(HolidayDataError):  # no holiday data: say nothing of it
        facts.append(
            "วันทำการ" if is_working_day(day) else f"วันหยุด: {holiday_name(day) or 'เสาร์-อาทิตย์'}"
        )
    if facts:
        print(f"  {' · '.join(facts)}", file=out)
