"""Read every date of the Samut Sakhon FY 2563 circular and say what it means.

The circular (ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗, ๕ เมษายน ๒๕๖๑) sets the calendar for reviewing
the provincial development plan and preparing the FY 2563 action plan. Its
dates are written as Thai documents write them: Thai digits, abbreviated
months, two-digit Buddhist-Era years, deadlines and month ranges. This script
reads each one with thaiplan.dates and prints its kind, its first and last
day, the government style, the fiscal year and whether it ends on a working
day.

Run it with ``python examples/seed_dates.py``.
"""

from __future__ import annotations

from thaiplan.dates import (
    FiscalYear,
    add_working_days,
    format_date,
    format_period,
    holiday_name,
    is_working_day,
    parse_datetime,
    parse_period,
)

#: The date expressions of the circular, verbatim, with where they stand.
SEED_EXPRESSIONS = [
    ("the letter's date", "๕ เมษายน ๒๕๖๑"),
    ("the letter it refers to", "ลงวันที่ ๓๐ มีนาคม ๒๕๖๑"),
    ("the subject", "ปีงบประมาณ พ.ศ. ๒๕๖๓"),
    ("the provincial plan", "พ.ศ. ๒๕๖๑ – ๒๕๖๔"),
    ("resolution 3.1", "ภายในเดือนมิถุนายน ๒๕๖๑"),
    ("resolution 3.3", "ภายในเดือนพฤษภาคม ๒๕๖๑"),
    ("steps 1-2", "ภายใน พ.ค. ๖๑"),
    ("step 3", "๔ เม.ย. ๖๑"),
    ("steps 4-5", "พ.ค. ๖๑"),
    ("step 6", "มิ.ย. ๖๑"),
    ("step 7", "มิ.ย. - ก.ค. ๖๑"),
    ("steps 8-10", "ก.ค. ๖๑"),
    ("step 11", "ก.ค. - ส.ค. ๖๑"),
    ("steps 12-13", "ส.ค. ๖๑"),
    ("step 14", "ก.ย. ๖๑"),
    ("step 15", "ต.ค. ๖๑"),
    ("the calendar's data date", "ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑"),
    ("the distribution list (misprinted year)", "ลงวันที่ ๕ เมษายน ๒๕๖๖"),
]


def describe(text: str) -> str:
    """One line on what ``text`` means."""
    period = parse_period(text)
    span = (
        f"until {period.end.isoformat()}"
        if period.start is None
        else f"{period.start.isoformat()} .. {period.end.isoformat()}"
    )
    last = period.end
    closed = "" if is_working_day(last) else f" (closed: {holiday_name(last) or 'weekend'})"
    return (
        f"{period.kind.value:<12} {span:<24} {format_period(period, style='full')}"
        f" | {FiscalYear.containing(last).format()} | last day {format_date(last)}{closed}"
    )


def main() -> None:
    """Print the meaning of every date in the circular."""
    meeting = parse_datetime("วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.")
    print(f"The meeting: {meeting.isoformat()} ({format_date(meeting, weekday=True)})")
    print(
        "Five working days after the meeting:",
        format_date(add_working_days(meeting.date(), 5), style="abbr", weekday=True),
    )
    print()
    for where, text in SEED_EXPRESSIONS:
        print(f"{where:<40} {text:<30} {describe(text)}")


if __name__ == "__main__":
    main()
