"""The schedule's tables as the commands print them: slack figures, and the table in Thai."""

from __future__ import annotations

import datetime as dt
from typing import IO, TYPE_CHECKING

from thaiplan.cli._common import EXIT_OK, _digits, _number, _table, _thai_date
from thaiplan.dates import holiday_name

if TYPE_CHECKING:
    from thaiplan.model._steps import PlanningCalendar, Step
    from thaiplan.scheduling._schedule import Schedule

__all__ = ["_chains_text", "_event_key", "_event_mark", "_non_working", "_schedule_th", "_slack"]

#: The mark of a step that is an event (event: true) in ``show``, as on the Gantt page.
_EVENT = "◇"


def _slack(slack: int | None, lang: str = "en") -> str:
    """A slack figure, or "open" (เปิด) for a step that nothing dates."""
    if slack is None:
        return "เปิด" if lang == "th" else "open"
    return _number(lang, slack)


def _schedule_th(result: Schedule, out: IO[str]) -> int:
    """The schedule's table in Thai: Thai headers, dates as Thai documents write them."""

    def day(value: dt.date | None) -> str:
        return "เปิด" if value is None else _thai_date(value, style="abbr")

    header = [
        "ขั้นตอน",
        "เริ่มได้เร็วที่สุด",
        "เสร็จได้เร็วที่สุด",
        "เริ่มได้ช้าที่สุด",
        "ต้องเสร็จภายใน",
        "วันที่เหลือ",
        "วันทำการ",
        "อิสระ",
    ]
    rows = [header]
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
                day(bounds.earliest_start),
                day(bounds.earliest_finish),
                day(None if free else bounds.latest_start),  # nothing bounds it: open
                day(None if free else bounds.latest_finish)
                + (" *" if last not in (None, bounds.latest_finish) else ""),
                _slack(bounds.total_slack, "th"),
                "" if working is None else _digits(working),
                _slack(bounds.free_slack, "th"),
            ]
        )
    print(_table(rows, [8, 16, 16, 16, 16, 10, 8, 6]), file=out)
    start, calendar = result.start, result.calendar
    if start is None:
        first = "วันเริ่มต้น: เปิด (ไม่มี as_of และไม่มีขั้นตอนใดระบุวันเริ่ม)"
    elif calendar.as_of_date:
        first = f"วันเริ่มต้น: {day(start)} (วันที่ของปฏิทิน: {calendar.as_of})"
    else:
        first = f"วันเริ่มต้น: {day(start)} (วันเริ่มที่เร็วที่สุดที่ขั้นตอนระบุ)"
    print(f"\nวันที่เหลือนับเป็นวัน; วันทำการ: นับเป็นวันทำการ. {first}", file=out)
    for step_id, latest, last in moved:
        print(
            f"* {step_id}: {day(latest)} ไม่ใช่วันทำการ; วันทำการสุดท้ายก่อนนั้นคือ {day(last)}",
            file=out,
        )
    print(f"\nทำได้ตามกำหนด: {'ได้' if result.feasible else 'ไม่ได้'}", file=out)
    chains, alone = result.critical_paths, result.critical_unlinked
    if not chains and not alone:
        print("เส้นทางวิกฤต: ไม่มี (ทุกขั้นตอนเริ่มได้โดยไม่มีกำหนด)", file=out)
    for chain in chains:
        print(f"เส้นทางวิกฤต: {' -> '.join(chain)}", file=out)
    if alone:
        print(f"ขั้นตอนที่ไม่มีวันเหลือแต่ไม่เชื่อมกับขั้นตอนอื่น: {', '.join(alone)}", file=out)
    for infeasible in result.infeasible_chains:
        explanation = infeasible.explanation
        print(f"\n{explanation.step} ทำไม่ได้ตามกำหนด:\n{explanation.message_th}", file=out)
    return EXIT_OK


def _chains_text(result: Schedule) -> list[str]:
    """The critical chains, one a line, and the tight steps linked to none: never an arrow between unlinked steps."""
    chains, alone = result.critical_paths, result.critical_unlinked
    if not chains and not alone:
        return ["critical chains: none (no step has a slack figure: every start is open)"]
    least = result._finish((chains[0] if chains else alone)[0])[2]
    lines = [f"critical chains (least slack, {least} days):{'' if chains else ' none'}"]
    lines += [f"  {' -> '.join(chain)}" for chain in chains]
    if alone:
        lines.append(f"tight, linked to no other tight step: {', '.join(alone)}")
    return lines


def _non_working(moved: list[tuple[str, dt.date, dt.date]]) -> list[str]:
    """A line for each latest finish on a day that is not a working day.

    ``moved`` holds the step, its latest finish and the last working day
    before it, as the table's loop collected them.
    """
    lines = []
    for step_id, day, last in moved:
        why = holiday_name(day) or day.strftime("%A")
        lines.append(
            f"  {step_id}: latest end {day.isoformat()} is not a working day ({why});"
            f" the last working day before it is {last.isoformat()}"
        )
    return lines


def _event_mark(number: str, step: Step) -> str:
    """The number cell of ``show``: the step's number, and ◇ when it is an event."""
    return f"{number} {_EVENT}".strip() if step.event else number


def _event_key(lang: str, calendar: PlanningCalendar, out: IO[str]) -> int:
    """Under ``show``'s tables, what ◇ means, when a step of the calendar is an event; EXIT_OK."""
    if not any(step.event for step in calendar.steps):
        return EXIT_OK
    if lang == "th":
        print(f"\n{_EVENT} วันที่มีผล (event) ไม่ใช่งานที่ต้องทำในวันนั้น", file=out)
    else:
        print(
            f"\n{_EVENT} event (วันที่มีผล): the day something takes effect, not work done that day",
            file=out,
        )
    return EXIT_OK
