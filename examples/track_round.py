"""Where a planning round stands: what is done, what is late, what is due next.

Loads the plan (by default the built-in Samut Sakhon FY 2563 circular) and a
progress file (by default ``progress_mid_june_2561.yaml`` beside this script),
then prints, as of the progress file's date:

- how many steps are done, overdue, at risk, due and not yet due;
- the overdue and at-risk steps, with their deadline and forecast finish;
- the steps that fall due in the next fifteen working days (three weeks);
- the plan re-scheduled from the reports (``schedule(..., progress=...)``):
  why the first step that is late cannot start earlier, link by link;
- the findings of the rules on progress (in Thai and English).

Exit status: 0 when nothing is overdue, 1 when a step is overdue, 2 when a
file cannot be read.

Run it with ``python examples/track_round.py [PLAN] [PROGRESS_FILE]``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

import thaiplan
from thaiplan.dates import add_working_days, format_date

DEFAULT_PROGRESS = Path(__file__).with_name("progress_mid_june_2561.yaml")


def main(argv: Sequence[str]) -> int:
    """Print where the round stands; the exit status says whether a step is overdue."""
    plan = argv[0] if argv else "samut-sakhon-2563"
    try:
        document = thaiplan.load_document(plan)
        progress = thaiplan.load_progress(argv[1] if len(argv) > 1 else DEFAULT_PROGRESS)
    except thaiplan.ThaiplanError as error:
        print(f"track_round: {error}", file=sys.stderr)
        return 2
    result = thaiplan.status(document, progress=progress)
    print(f"{document.calendar.title if document.calendar else plan}")
    print(f"สถานะ ณ วันที่ {format_date(result.as_of)} (as of {result.as_of.isoformat()})")
    print(
        ", ".join(
            f"{len(result.in_standing(s))} {s.value.replace('_', ' ')}"
            for s in thaiplan.Standing
            if result.in_standing(s)
        )
    )
    late = [*result.overdue, *result.at_risk]
    if late:
        print("\nlate (ล่าช้า):")
        for entry in late:
            print(
                f"  {entry.step} {entry.standing.thai}: due {entry.latest_finish.isoformat()},"
                f" forecast to finish {entry.forecast_finish.isoformat()},"
                f" {entry.days_late} days after its deadline"
            )
    until = add_working_days(result.as_of - dt.timedelta(days=1), 15)
    upcoming = thaiplan.due(document, result.as_of, until, progress=progress)
    print(f"\ndue by {until.isoformat()} (the next fifteen working days):")
    for entry in upcoming:
        print(
            f"  {entry.step} by {format_date(entry.latest_finish, style='abbr')}"
            f" ({entry.working_days_left} working days left)"
        )
    forecast = thaiplan.schedule(document, progress=progress)
    waiting = [e for e in late if e.progress is None or not e.progress.started_yet]
    if waiting:
        first = waiting[0].step
        print(f"\nwhy {first} cannot start before {forecast[first].earliest_start.isoformat()}:")
        for link in forecast.explain(first).earliest_start:
            print(f"  {link.message_en}")
    report = thaiplan.validate(document, progress=progress)
    findings = [f for f in report if f.code.startswith("progress-")]
    print(f"\nfindings on the reports: {len(findings)}")
    for finding in findings:
        print(f"  - {finding.code}: {finding.message_th}\n    {finding.message_en}")
    return 1 if result.overdue else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
