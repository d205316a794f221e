"""The commands: show, validate, schedule, export, shift and date; one function each."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
from typing import IO, TYPE_CHECKING, Any, Literal

from thaiplan.dates import (
    FiscalYear,
    format_period,
    holiday_name,
    is_working_day,
    parse_datetime,
    parse_period,
)
from thaiplan.errors import DependencyCycleError, HolidayDataError, ThaiDateError, ThaiplanError
from thaiplan.model._scope import fiscal_label

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
    _digit_style,
    _digits,
    _error_text,
    _lang,
    _load,
    _number,
    _problems_json,
    _read_stdin,
    _say,
    _subject,
    _table,
    _thai_date,
    _UsageError,
    _warn,
    _write,
)
from thaiplan.cli._tables import _chains_text, _non_working, _schedule_th, _slack


def _in_year(
    document: PlanningDocument | None,
    calendar: PlanningCalendar,
    args: argparse.Namespace,
    *,
    needs_year: bool,
    source: str | None = None,
) -> tuple[PlanningDocument | None, PlanningCalendar]:
    """The calendar of ``--fiscal-year N`` of a standing calendar; a template refused where dates are shown.

    Args:
        document: The document loaded, if the source is one.
        calendar: The calendar loaded.
        args: The command's arguments (``fiscal_year``, and the source for messages).
        needs_year: Whether the command shows dates (show, schedule, most
            exports), which a template has none of its own.
        source: The source named in messages (default: ``args.source``).
    """
    import attrs

    source = source or getattr(args, "source", None) or "SOURCE"
    year = getattr(args, "fiscal_year", None)
    if year is not None:
        try:
            calendar = calendar.for_fiscal_year(year)
        except ThaiplanError as error:
            raise _UsageError(f"{source}: --fiscal-year {year}: {error}") from None
        if document is not None:
            document = attrs.evolve(document, calendar=calendar)
    elif needs_year and calendar.is_template:
        raise _UsageError(
            f"{source}: a standing yearly calendar (recurs: yearly) has no dates of its own;"
            " give --fiscal-year N for the calendar of Buddhist-Era fiscal year N"
        )
    return document, calendar


def _show(args: argparse.Namespace, out: IO[str]) -> int:
    from thaiplan.cli._register import _load_if_register, _show_register
    from thaiplan.cli._tables import _event_key, _event_mark

    register = _load_if_register(args.source)
    if register is not None:
        return _show_register(register, out)
    document, calendar = _in_year(*_load(args.source), args, needs_year=True)
    result = _scheduled(args, document, calendar)
    lang = _lang(args)
    print(calendar.title, file=out)
    feasible = _say(lang, "feasible", "ทำได้ตามกำหนด")
    if not result.feasible:
        feasible = _say(lang, "NOT FEASIBLE", "ทำไม่ได้ตามกำหนด")
    count = _number(lang, len(calendar.steps))
    print(
        f"{calendar.province or calendar.scope.value} · {fiscal_label(calendar)} · "
        f"{_say(lang, f'{count} steps', f'{count} ขั้นตอน')} · {feasible}",
        file=out,
    )
    titles = {phase.id: phase.title for phase in calendar.phases}
    if lang == "th":  # the Thai title where the calendar gives one
        titles = {phase.id: phase.title_th or phase.title for phase in calendar.phases}
    by_phase: dict[str, list[Any]] = {phase.id: [] for phase in calendar.phases}
    for step in calendar.steps:  # one pass over the steps, not one a phase
        by_phase.setdefault(step.phase, []).append(step)
    parties: dict[str, str] = {}
    for agency in calendar.agencies:  # the first of an id, as calendar.party() finds
        parties.setdefault(agency.id, agency.name)
    for committee in calendar.committees:
        parties.setdefault(committee.id, committee.name)
    widths = [4, 46, 18, 34, 12, 6] if lang != "th" else [4, 46, 18, 34, 14, 11]
    header = ["no", "step", "stated (วันเดือนปี)", "responsible", "latest end", "slack"]
    if lang == "th":
        header = ["ที่", "ขั้นตอน", "วันเดือนปี", "หน่วยงานที่เกี่ยวข้อง", "ต้องเสร็จภายใน", "วันที่เหลือ"]
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
                    _event_mark(_number(lang, step.no) if step.no is not None else "", step),
                    f"{step.id} {step.title}",
                    step.when,
                    ", ".join(names),
                    _thai_date(bounds.latest_finish, style="abbr"),
                    _slack(bounds.total_slack, lang),
                ]
            )
        print(_table(rows, widths), file=out)
    return _event_key(lang, calendar, out)  # EXIT_OK, after what ◇ means


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
                document, calendar = _in_year(*_load(source), args, needs_year=False, source=source)
        except (_UsageError, ThaiplanError) as error:
            if len(args.sources) == 1 and args.format != "json":
                raise
            problems += _problems_json(source, error)
            _warn(f"thaiplan validate: {_error_text(error, _lang(args))}")  # and go on
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
                "file": f.file,
                "line": f.line,
                "column": f.column,
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
                _say(
                    args.lang,
                    f"{source}: {_count(len(report.errors), 'error')},"
                    f" {_count(len(report.warnings), 'warning')},"
                    f" {_count(len(report.infos), 'note')}",
                    f"{source}: ข้อผิดพลาด {_number('th', len(report.errors))} รายการ,"
                    f" คำเตือน {_number('th', len(report.warnings))} รายการ,"
                    f" ข้อสังเกต {_number('th', len(report.infos))} รายการ",
                ),
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
                    if finding.line is not None:  # as compilers do: FILE:LINE:COL: severity code
                        word = _SEVERITY_TH[severity] if args.lang == "th" else severity.value
                        print(
                            f"{finding.file}:{finding.line}:{finding.column}: {word}"
                            f" {finding.code}{where}: {message}",
                            file=out,
                        )
                        continue
                    print(f"  - {finding.code}{where}: {message}", file=out)
            print(file=out)
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if errors else EXIT_OK


def _iso(day: Any) -> str | None:
    return None if day is None else str(day.isoformat())


_SEVERITY_TH = {"error": "ข้อผิดพลาด", "warning": "คำเตือน", "info": "ข้อสังเกต"}


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
    """The schedule as JSON; ``null`` for an open start's earliest days and an unbounded finish's latest."""
    start = result.start
    return {
        "feasible": result.feasible,
        "first_day": _iso(start),
        "critical_paths": [list(chain) for chain in result.critical_paths],
        "critical_unlinked": list(result.critical_unlinked),
        "critical_path": list(result.critical_path),  # deprecated: not a path
        "steps": {
            step_id: {
                "earliest_start": _iso(bounds.earliest_start),
                "earliest_finish": _iso(bounds.earliest_finish),
                "latest_start": None if bounds.unbounded else bounds.latest_start.isoformat(),
                "latest_finish": None if bounds.unbounded else bounds.latest_finish.isoformat(),
                "latest_working_finish": _iso(bounds.latest_working_finish),
                "total_slack": bounds.total_slack,
                "working_slack": bounds.working_slack,
                "free_slack": bounds.free_slack,
            }
            for step_id, bounds in result.items()
        },
    }


def _schedule(args: argparse.Namespace, out: IO[str]) -> int:

    try:
        document, calendar = _in_year(*_load(args.source), args, needs_year=True)
        result = _scheduled(args, document, calendar)
    except (_UsageError, ThaiplanError) as error:
        if args.format != "json":
            raise
        json.dump(
            {"problems": _problems_json(args.source, error)}, out, ensure_ascii=False, indent=2
        )
        out.write("\n")
        _warn(f"thaiplan schedule: {_error_text(error, _lang(args))}")
        return EXIT_FINDINGS if isinstance(error, DependencyCycleError) else EXIT_USAGE
    if args.format == "json":
        json.dump(_bounds_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    lang = _lang(args)
    if lang == "th":
        return _schedule_th(result, out)
    rows = [
        [
            "step",
            "earliest start",
            "earliest end",
            "latest start",
            "latest end",
            "slack",
            "wd",
            "free",
        ]
    ]
    moved: list[tuple[str, dt.date, dt.date]] = []  # latest ends on non-working days
    for step_id, bounds in result.items():
        free = bounds.unbounded
        working = bounds.working_slack
        last = bounds.latest_working_finish
        if last is not None and last != bounds.latest_finish:
            moved.append((step_id, bounds.latest_finish, last))
        rows.append(
            [
                step_id,
                _iso(bounds.earliest_start) or "open",
                _iso(bounds.earliest_finish) or "open",
                "open" if free else bounds.latest_start.isoformat(),
                "open"
                if free
                else bounds.latest_finish.isoformat()
                + (" *" if last not in (None, bounds.latest_finish) else ""),
                _slack(bounds.total_slack),
                "" if working is None else str(working),
                _slack(bounds.free_slack),
            ]
        )
    longest = max((len(step_id) for step_id in result), default=0)  # budget-2563:s1 with --with
    print(_table(rows, [max(8, min(longest, 40)), 14, 14, 14, 14, 6, 5, 6]), file=out)
    start = result.start
    first = (
        f"first day: {start.isoformat()}"
        + (
            f" (the calendar's date: {calendar.as_of})"
            if calendar.as_of_date
            else " (the earliest stated start)"
        )
        if start is not None
        else "first day: open (no as_of, and no step states a start)"
    )
    print(f"\nslack in days; wd: in working days. {first}", file=out)
    if moved:
        print("* latest end on a day that is not a working day:", file=out)
        print("\n".join(_non_working(moved)), file=out)
    print(f"\nfeasible: {'yes' if result.feasible else 'no'}", file=out)
    print("\n".join(_chains_text(result)), file=out)
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
        return _export_register(register, args, out)
    document, calendar = _in_year(
        *_load(args.source), args, needs_year=args.to not in ("yaml", "json")
    )
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
        subject = _subject(document, calendar)
        standing = None
        if args.progress is not None or args.as_of is not None:
            from thaiplan.cli._progress import _as_of, _progress
            from thaiplan.scheduling._status import status

            progress = _progress(args.progress)
            standing = status(subject, as_of=_as_of(args, progress), progress=progress)
        text = calendar_csv(calendar, schedule(subject), status=standing, lang=args.lang)
    elif args.to == "html":
        from thaiplan.cli._progress import _as_of, _progress
        from thaiplan.io._gantt import gantt_html

        progress = _progress(args.progress)  # the status date: --as-of, the file's, or today
        text = gantt_html(
            _subject(document, calendar), as_of=_as_of(args, progress), progress=progress
        )
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


def _gantt(args: argparse.Namespace, out: IO[str]) -> int:
    """``thaiplan gantt``: the HTML Gantt page, as ``export --to html``."""
    args.to = "html"
    return _export(args, out)


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
        if _lang(args) == "th":
            moved = (
                f" เลื่อนไปเป็น {_thai_date(landing.moved_to, style='abbr')}"
                if landing.moved_to
                else ""
            )
            why = holiday_name(landing.day) or ("วันเสาร์", "วันอาทิตย์")[landing.day.weekday() == 6]
            _warn(
                f"{landing.step}: {_thai_date(landing.day, style='abbr')} ไม่ใช่วันทำการ ({why}){moved}"
            )
            continue
        moved = f", moved to {landing.moved_to.isoformat()}" if landing.moved_to else ""
        _warn(
            f"{landing.step}: {landing.day.isoformat()} ({_thai_date(landing.day, style='abbr')})"
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
                f"{text}\n  {moment.isoformat()}  {_thai_date(day, weekday=True)}"
                f" เวลา {_digits(f'{moment:%H.%M}')} น.",
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
        kind = (
            _KIND_TH.get(period.kind.value, period.kind.value)
            if _lang(args) == "th"
            else period.kind.value
        )
        print(
            f"{text}\n  {kind}: {span}  {format_period(period, style='full', digits=_digit_style())}",
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
            years = (
                first.format(digits=_digit_style())
                if first == last
                else f"{first.format(digits=_digit_style())} – {_digits(last.year)}"
            )
            print(f"  {years}", file=out)
    return status


# The kinds of period in Thai, for thaiplan date --lang th.
_KIND_TH = {
    "day": "วัน",
    "day_range": "ช่วงวัน",
    "month": "เดือน",
    "month_range": "ช่วงเดือน",
    "deadline": "ภายใน",
    "year": "ปี",
    "year_range": "ช่วงปี",
    "fiscal_year": "ปีงบประมาณ",
    "quarter": "ไตรมาส",
    "open_ended": "ตั้งแต่",
    "duration": "ระยะเวลา",
    "relative": "นับจาก",
    "recurring": "ทุกรอบ",
}


def _day_facts(day: Any, out: IO[str]) -> None:
    facts: list[str] = []
    with contextlib.suppress(ThaiDateError):  # a day of 10-12/9999 has no fiscal year with dates
        fiscal_year = FiscalYear.containing(day)
        facts += [
            fiscal_year.format(digits=_digit_style()),
            f"ไตรมาสที่ {_digits(fiscal_year.quarter_of(day))}",
        ]
    with contextlib.suppress(HolidayDataError):  # no holiday data: say nothing of it
        facts.append(
            "วันทำการ" if is_working_day(day) else f"วันหยุด: {holiday_name(day) or 'เสาร์-อาทิตย์'}"
        )
    if facts:
        print(f"  {' · '.join(facts)}", file=out)
