"""A calendar and its schedule as CSV: one row a step, for a spreadsheet.

The text starts with a byte-order mark (U+FEFF, written in UTF-8 as the bytes
``EF BB BF``): Excel reads a CSV file without one in the machine's legacy code
page, and garbles Thai. Python reads it back with ``encoding="utf-8-sig"``,
which drops the mark (pandas' ``read_csv`` drops it by itself).

The columns, in order (with ``lang="th"`` the header row is in Thai, the
values stay the same):

- the step: ``id``, ``no``, ``phase`` and ``phase_title`` (the phase's title,
  in Thai where the calendar gives ``title_th``), ``title``, ``when`` (as the
  document writes it), ``start`` and ``end`` (ISO), ``responsible`` (ids,
  separated by spaces) and ``responsible_names`` (their names, separated by
  ``; ``), ``after`` (ids) and ``after_titles`` (their numbers and titles);
- the schedule: ``earliest_start``, ``earliest_finish``, ``latest_start``,
  ``latest_finish`` (ISO), ``latest_finish_th`` (as a Thai document writes
  it), ``total_slack`` and ``free_slack`` (days); empty where there is no
  figure (an open start; a finish nothing bounds, ``Bounds.unbounded``);
- with a status (:func:`~thaiplan.status`): ``standing`` and ``standing_th``,
  ``actual_start``, ``actual_finish``, ``percent``, ``forecast_start``,
  ``forecast_finish``, ``working_days_left`` and ``days_late``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING, Final

from thaiplan.dates import format_date
from thaiplan.errors import ModelError, ThaiplanTypeError
from thaiplan.model._steps import PlanningCalendar
from thaiplan.scheduling._pause import paused_collection
from thaiplan.scheduling._schedule import Schedule

if TYPE_CHECKING:
    from thaiplan.scheduling._status import Status

__all__ = ["BOM", "CSV_COLUMNS", "STATUS_COLUMNS", "calendar_csv"]

#: The byte-order mark the text starts with, so that Excel reads it as UTF-8.
BOM: Final = "\ufeff"

#: The columns of every row, and their Thai headers.
CSV_COLUMNS: Final = {
    "id": "รหัส",
    "no": "ลำดับ",
    "phase": "รหัสระยะ",
    "phase_title": "ระยะ",
    "title": "ขั้นตอน",
    "when": "วันเดือนปี",
    "start": "วันเริ่ม",
    "end": "วันสิ้นสุด",
    "responsible": "รหัสหน่วยงาน",
    "responsible_names": "หน่วยงานที่เกี่ยวข้อง",
    "after": "ต่อจาก",
    "after_titles": "ต่อจากขั้นตอน",
    "earliest_start": "เริ่มได้เร็วที่สุด",
    "earliest_finish": "เสร็จได้เร็วที่สุด",
    "latest_start": "เริ่มได้ช้าที่สุด",
    "latest_finish": "ต้องเสร็จภายใน",
    "latest_finish_th": "ต้องเสร็จภายใน (วันที่ไทย)",
    "total_slack": "วันที่เหลือ",
    "free_slack": "วันที่เหลืออิสระ",
    "deadline": "กำหนดตามมติ",
}

#: The columns added with a status, and their Thai headers.
STATUS_COLUMNS: Final = {
    "standing": "standing",
    "standing_th": "สถานะ",
    "actual_start": "เริ่มจริง",
    "actual_finish": "เสร็จจริง",
    "percent": "ร้อยละความก้าวหน้า",
    "forecast_start": "คาดว่าจะเริ่ม",
    "forecast_finish": "คาดว่าจะเสร็จ",
    "working_days_left": "วันทำการที่เหลือ",
    "days_late": "ล่าช้า (วัน)",
}


def _iso(day: object) -> str:
    return "" if day is None else day.isoformat()  # type: ignore[attr-defined]


def calendar_csv(
    calendar: PlanningCalendar,
    result: Schedule,
    *,
    status: Status | None = None,
    lang: str = "en",
    bom: bool = True,
) -> str:
    """The steps of ``calendar`` with their schedule (and status), as CSV text.

    A header row, then one row a step, in the calendar's order; the columns
    are in the module notes. The text starts with :data:`BOM` unless ``bom``
    is false.

    Args:
        calendar: The calendar.
        result: Its schedule (:func:`~thaiplan.schedule`, with or without progress).
        status: Where each step stands (:func:`~thaiplan.status`): adds the status columns.
        lang: ``"en"`` or ``"th"``: the language of the header row.
        bom: Start with a byte-order mark, for Excel.

    Raises:
        ThaiplanTypeError: ``calendar`` is not a calendar, ``result`` not its
            schedule, or ``status`` not its status.
        ModelError: ``lang`` is neither ``"en"`` nor ``"th"``.

    >>> import csv, io, thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> text = calendar_csv(calendar, thaiplan.schedule(calendar))
    >>> text.startswith(BOM)
    True
    >>> rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    >>> rows[1]["id"], rows[1]["responsible_names"], rows[1]["total_slack"]
    ('s2', 'ส่วนราชการในจังหวัด; อำเภอทุกอำเภอ; ผู้แทนภาคประชาชน ภาคประชาสังคม ภาคเอกชน', '57')
    """
    if not isinstance(calendar, PlanningCalendar):
        raise ThaiplanTypeError("calendar_csv(calendar)", calendar, "a PlanningCalendar")
    if not isinstance(result, Schedule):
        raise ThaiplanTypeError(
            "calendar_csv(result)", result, "the Schedule of the calendar (thaiplan.schedule)"
        )
    if status is not None:
        from thaiplan.scheduling._status import Status

        if not isinstance(status, Status):
            raise ThaiplanTypeError(
                "calendar_csv(status)", status, "the Status of the calendar (thaiplan.status)"
            )
    if lang not in ("en", "th"):
        raise ModelError(f"unknown language {lang!r}; the languages are 'en' and 'th'")
    columns = dict(CSV_COLUMNS)
    if status is not None:
        columns.update(STATUS_COLUMNS)
    with paused_collection():  # 100,000 rows make no cycles: see scheduling/_pause.py
        return _write(calendar, result, status, lang, bom, columns)


def _write(
    calendar: PlanningCalendar,
    result: Schedule,
    status: Status | None,
    lang: str,
    bom: bool,
    columns: dict[str, str],
) -> str:
    buffer = io.StringIO()
    if bom:
        buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(list(columns.values()) if lang == "th" else list(columns))
    phases = {phase.id: phase.title_th or phase.title for phase in calendar.phases}
    parties: dict[str, str] = {}
    for agency in calendar.agencies:  # the first of an id, as calendar.party() finds
        parties.setdefault(agency.id, agency.name)
    for committee in calendar.committees:
        parties.setdefault(committee.id, committee.name)
    named = {
        step.id: f"{step.no}. {step.title}" if step.no is not None else step.title
        for step in calendar.steps
    }
    # the schedule of this very calendar has its steps in the same places: no lookup by id
    same = result.calendar is calendar
    iso: dict[int, str] = {}  # the days of a schedule as ordinals, each written once
    thai: dict[int, str] = {}

    def day(ordinal: int) -> str:
        text = iso.get(ordinal)
        if text is None:
            text = iso[ordinal] = dt.date.fromordinal(ordinal).isoformat()
        return text

    def day_th(ordinal: int) -> str:
        text = thai.get(ordinal)
        if text is None:
            text = thai[ordinal] = format_date(dt.date.fromordinal(ordinal), style="abbr")
        return text

    for i, step in enumerate(calendar.steps):
        if same:  # the bounds as Schedule._bounds_at works them out, read from its arrays
            es, lf, duration = result._es[i], result._lf[i], result._durations[i]
            unbounded = result._unbounded()[i]
            opened = es < 1
            slack = "" if opened or unbounded else lf - es - duration + 1
            free = "" if opened or unbounded else result._free_slack()[i]
            earliest = ("", "") if opened else (day(es), day(es + duration - 1))
            latest = (
                ("", "", "")  # nothing bounds its finish: no latest days, not 9999-12-31
                if unbounded
                else (day(lf - duration + 1), day(lf), day_th(lf))
            )
            start, end, source = result._window_at(i)
        else:
            bounds = result[step.id]
            start, end, source = result.window(step.id)
            earliest = (_iso(bounds.earliest_start), _iso(bounds.earliest_finish))
            latest = (
                ("", "", "")
                if bounds.unbounded
                else (
                    bounds.latest_start.isoformat(),
                    bounds.latest_finish.isoformat(),
                    format_date(bounds.latest_finish, style="abbr"),
                )
            )
            slack = "" if bounds.total_slack is None else bounds.total_slack
            free = "" if bounds.free_slack is None else bounds.free_slack
        row: list[object] = [
            step.id,
            "" if step.no is None else step.no,
            step.phase,
            phases.get(step.phase, ""),
            step.title,
            step.when,
            _iso(start),
            end.isoformat() if step.dated else "",  # no dates of its own: its when says
            " ".join(step.responsible),
            "; ".join(parties.get(party, party) for party in step.responsible),
            " ".join(d.step for d in step.after),
            "; ".join(named.get(d.step, d.step) for d in step.after),
            *earliest,
            *latest,
            slack,
            free,
            source.removeprefix("deadline:") if source.startswith("deadline:") else "",
        ]
        if status is not None:
            entry = status[step.id]
            record = entry.progress
            row += [
                entry.standing.value,
                entry.standing.thai,
                _iso(record.actual_start if record else None),
                _iso(record.actual_finish if record else None),
                "" if record is None or record.percent is None else record.percent,
                entry.forecast_start.isoformat(),
                entry.forecast_finish.isoformat(),
                "" if entry.working_days_left is None else entry.working_days_left,
                entry.days_late,
            ]
        writer.writerow(row)
    return buffer.getvalue()
