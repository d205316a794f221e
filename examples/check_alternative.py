"""Check a hand-written alternative planning calendar before proposing it.

Loads a calendar file (by default ``alternative_calendar.yaml`` beside this
script), validates it, and prints:

- the findings in Thai and in English, grouped by severity (errors, warnings,
  notes);
- the schedule: whether it can be kept, its critical chains, and the latest day
  each step may finish, with its slack;
- why the tightest step has the bounds it has.

Exit status: 0 when there is no error (warnings and notes may remain), 1 when
there is at least one error, 2 when the file cannot be read (each problem is
printed with its line and column).

Run it with ``python examples/check_alternative.py [CALENDAR_FILE]``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path

import thaiplan

DEFAULT_CALENDAR = Path(__file__).with_name("alternative_calendar.yaml")

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2

#: The severities in the order they are printed, with their Thai and English headings.
HEADINGS = (
    (thaiplan.Severity.ERROR, "ข้อผิดพลาด", "errors"),
    (thaiplan.Severity.WARNING, "คำเตือน", "warnings"),
    (thaiplan.Severity.INFO, "ข้อสังเกต", "notes"),
)


def load(path: str) -> thaiplan.PlanningCalendar | None:
    """The calendar in ``path``, or ``None`` after printing why it cannot be read."""
    try:
        return thaiplan.load_calendar(path)
    except thaiplan.CalendarFileError as error:
        count = len(error.problems)
        print(f"อ่านไฟล์ไม่ได้ / cannot read {error.file}: {count} problem(s)", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return None


def print_findings(report: thaiplan.Report) -> None:
    """Print every finding in Thai and in English, grouped by severity."""
    print(
        f"ผลการตรวจ / findings: {len(report.errors)} error(s),"
        f" {len(report.warnings)} warning(s), {len(report.infos)} note(s)"
    )
    for severity, thai, english in HEADINGS:
        found = [finding for finding in report if finding.severity is severity]
        print(f"\n{thai} / {english}: {len(found) if found else 'none'}")
        for finding in found:
            where = f" [{', '.join(finding.steps or finding.objects)}]"
            print(f"  - {finding.code}{where}")
            for lang in ("th", "en"):  # a long finding has more lines: indent them too
                print(f"    {lang}: " + finding.message(lang).replace("\n", "\n        "))


def print_schedule(calendar: thaiplan.PlanningCalendar, result: thaiplan.Schedule) -> None:
    """Print the critical chains and the latest finish and slack of every step.

    A chain is steps linked by dependencies, each after the one before it; steps
    as tight that no dependency links are listed apart, never joined by an arrow.
    """
    print(f"\nตารางเวลา / schedule: {'feasible' if result.feasible else 'NOT FEASIBLE'}")
    for chain in result.critical_paths:
        print(f"เส้นทางวิกฤต / critical chain: {' -> '.join(chain)}")
    if result.critical_unlinked:
        print(f"ตึงแต่ไม่เชื่อมโยงกัน / tight, not linked: {', '.join(result.critical_unlinked)}")
    print("วันสุดท้ายที่ต้องแล้วเสร็จ / latest finish:")
    for step in calendar:
        bounds = result[step.id]
        day = thaiplan.format_date(bounds.latest_finish, style="abbr")
        slack = "open" if bounds.total_slack is None else bounds.total_slack
        print(
            f"  {step.id:<5} {bounds.latest_finish.isoformat()}  {day:<14}"
            f" slack {slack:>3}  ({step.when})"
        )


def tightest(result: thaiplan.Schedule) -> thaiplan.Explanation:
    """The explanation of the step with the least slack.

    Steps stated for a single day have no slack at all, so several steps often
    tie; of those, the one whose bounds depend on the most other constraints
    (the longest chains) is the most telling, and is chosen.
    """

    def key(step_id: str) -> tuple[int, int]:
        why = result.explain(step_id)
        slack = result[step_id].total_slack
        return (0 if slack is None else slack), -(len(why.earliest_start) + len(why.latest_finish))

    dated = [step_id for step_id, bounds in result.items() if bounds.total_slack is not None]
    return result.explain(min(dated or list(result), key=key))


def print_tightest(result: thaiplan.Schedule) -> None:
    """Print why the tightest step has its bounds, in Thai and in English."""
    why = tightest(result)
    slack = result[why.step].total_slack
    others = [s for s in result.critical_path if s != why.step and result[s].total_slack == slack]
    also = f"; also {slack}: {', '.join(others)}" if others else ""
    print(f"\nขั้นตอนที่ตึงที่สุด / tightest step: {why.step} (slack {slack} days{also})")
    print("  th:\n    " + why.message_th.replace("\n", "\n    "))
    print("  en:\n    " + why.message_en.replace("\n", "\n    "))


def main(argv: Sequence[str] | None = None) -> int:
    """Check the calendar named in ``argv`` (or the default one); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1:
        print("usage: check_alternative.py [CALENDAR_FILE]", file=sys.stderr)
        return EXIT_UNREADABLE
    path = args[0] if args else str(DEFAULT_CALENDAR)
    calendar = load(path)
    if calendar is None:
        return EXIT_UNREADABLE
    print(calendar.title)
    print(
        f"{path}: {calendar.province},"
        f" {thaiplan.FiscalYear(calendar.fiscal_year).format()}, {len(calendar)} steps\n"
    )
    report = thaiplan.validate(calendar)
    print_findings(report)
    try:
        result = thaiplan.schedule(calendar)
    except thaiplan.DependencyCycleError as error:
        print(f"\nตารางเวลา / schedule: cannot be made: {error}")
    else:
        print_schedule(calendar, result)
        print_tightest(result)
    status = EXIT_ERRORS if report.errors else EXIT_OK
    verdict = "มีข้อผิดพลาด / has errors" if status else "ไม่มีข้อผิดพลาด / no errors"
    print(f"\n{verdict} (exit {status})")
    return status


if __name__ == "__main__":
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")  # Thai text, whatever the console's locale
    sys.exit(main())
