"""The calendar as MS Project XML (MSPDI), for Microsoft Project and ProjectLibre.

Theory of operation. :func:`calendar_mspdi` writes the Project 2007 XML Data
Interchange format (``mspdi_pj12.xsd``, namespace
``http://schemas.microsoft.com/project``) with the standard library's XML, in
UTF-8, Thai text verbatim (the older MPX format would turn it into ``?``).
Every element is written in the order of the schema's sequences, which
Microsoft Project requires.

- **The project**: the calendar's title (``Title``), province (``Subject``)
  and fiscal year (``Category``, ``ปีงบประมาณ พ.ศ. ๒๕๖๓``); the fiscal year
  starts in October (``FYStartDate``); the currency is THB.
- **The base calendar** (UID 1), ``วันทำการราชการ``: Monday to Friday,
  08.30-12.00 and 13.00-16.30 (the office hours of Thai government offices,
  so a working day is 420 minutes), and every public and government holiday
  that falls on a weekday in the schedule's years as a non-working exception:
  the working days of :mod:`thaiplan.dates`.
- **Tasks**: one summary task for each run of steps of one phase, then a task
  a step. A step's ``duration`` counts calendar days, so a task's duration is
  in elapsed days (``DurationFormat`` 8, ``ed``): it starts at 00:00 of its
  earliest start and finishes at 00:00 of the day after its earliest finish,
  the end of its last day. A "Start No Earlier Than" constraint on its
  earliest start keeps it there when Project schedules the file again, and the
  early and late dates of :func:`~thaiplan.schedule` are written too. A step
  of one stated day that takes one day (a meeting) is a milestone, of one
  elapsed day. The stated period's end (or a resolution's earlier deadline,
  for a document) is the task's ``Deadline``.
- **Links**: each ``after`` is a finish-to-start ``PredecessorLink``. ``LinkLag``
  is in tenths of a minute: a lag in calendar days is elapsed days
  (``LagFormat`` 8, 24 × 60 × 10 = 14,400 a day), a lag in working days is
  working days of the base calendar (``LagFormat`` 7, 420 × 10 = 4,200 a day).
- **Custom text fields**: Text1 the stated period as written (วันเดือนปี),
  Text2 the phase's title, Text3 the phase's id, Text4 the step's id, Text5
  the ids of the responsible parties, Text6 the Gantt marks; the task's notes
  list the parties by name.
- **The project's summary task** (UID 0): its notes hold, as JSON, every key
  of the calendar and of its steps that the tasks do not show (``scope``,
  ``year``, ``recurs``, ``as_of``, ``before``, ``optional`` …; see
  :mod:`thaiplan.io._mspdi_keys`), so that the calendar comes back whole.

:func:`~thaiplan.read_calendar_mspdi` (in ``_mspdi_read``) reads such a file back, and any MSPDI file with
tasks and finish-to-start links; every problem is reported at its line and
column. The file is parsed with expat, refusing a document type declaration
(and so every entity expansion).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final
from xml.sax.saxutils import escape

from thaiplan.dates import Period, format_period, is_working_day, to_thai_digits
from thaiplan.errors import ModelError, ThaiplanError
from thaiplan.io._mspdi_keys import keys_notes, task_notes
from thaiplan.io._xlsx import scheduled, subject_calendar
from thaiplan.model._scope import fiscal_label

if TYPE_CHECKING:
    from collections.abc import Iterable

    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import Dependency, Phase, PlanningCalendar, Step
    from thaiplan.scheduling._schedule import Bounds

__all__ = ["calendar_mspdi"]

NAMESPACE: Final = "http://schemas.microsoft.com/project"
#: Minutes of a working day: 08.30-12.00 and 13.00-16.30.
MINUTES_PER_DAY: Final = 420
WORKING_TIMES: Final = (("08:30:00", "12:00:00"), ("13:00:00", "16:30:00"))
#: LinkLag units (tenths of a minute) of one day: elapsed, and working.
ELAPSED_DAY: Final = 24 * 60 * 10
WORKING_DAY: Final = MINUTES_PER_DAY * 10
FORMAT_DAYS: Final = 7
FORMAT_ELAPSED_DAYS: Final = 8
#: The custom text fields: (field id, field name, alias).
FIELDS: Final = (
    ("188743731", "Text1", "วันเดือนปี (when)"),
    ("188743734", "Text2", "ช่วง (phase)"),
    ("188743737", "Text3", "รหัสช่วง (phase id)"),
    ("188743740", "Text4", "รหัสขั้นตอน (step id)"),
    ("188743743", "Text5", "หน่วยงานที่เกี่ยวข้อง (responsible ids)"),
    ("188743746", "Text6", "เครื่องหมายในตาราง (gantt)"),
)
_FIELD_NAMES: Final = {field_id: name for field_id, name, _ in FIELDS}
_NOT_XML: Final = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _planned(bounds: Bounds) -> tuple[dt.date, dt.date]:
    """The start and finish a task is drawn at: the earliest, or the latest when its start is open."""
    if bounds.earliest_start is None or bounds.earliest_finish is None:
        return bounds.latest_start, bounds.latest_finish
    return bounds.earliest_start, bounds.earliest_finish


def _text(value: str, where: str) -> str:
    bad = _NOT_XML.search(value)
    if bad is not None:
        raise ModelError(
            f"{where}: {value!r} has the character U+{ord(bad.group()):04X} at position"
            f" {bad.start()}, which XML cannot hold; remove it"
        )
    return escape(value).replace("\r", "&#13;")


def _when(day: dt.date, time: str = "00:00:00") -> str:
    return f"{day.isoformat()}T{time}"


def _deadlines(subject: PlanningCalendar | PlanningDocument) -> dict[str, dt.date]:
    """The earliest resolution deadline of each step, for a document."""
    meeting = getattr(subject, "meeting", None)
    if meeting is None:
        return {}
    return {step: period.end for step, period in meeting.step_deadlines().items()}


def _holidays(first: dt.date, last: dt.date) -> list[dt.date]:
    """The weekdays from ``first`` to ``last`` that are no working days (where the data reaches)."""
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            try:
                if not is_working_day(day):
                    days.append(day)
            except ThaiplanError:  # no holiday data for that year: nothing to say
                day = dt.date(day.year + 1, 1, 1)
                continue
        day += dt.timedelta(days=1)
    return days


def calendar_mspdi(subject: PlanningCalendar | PlanningDocument) -> str:
    """The calendar as MS Project XML (MSPDI) text; the inverse of :func:`~thaiplan.read_calendar_mspdi`.

    Write it to a ``.xml`` file in UTF-8 and open it in Microsoft Project or
    ProjectLibre.

    Raises:
        ModelError: The calendar cannot be scheduled (a cycle), or a text
            holds a character XML cannot.

    >>> import thaiplan
    >>> xml = calendar_mspdi(thaiplan.load_document("samut-sakhon-2563"))
    >>> xml.splitlines()[0]
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    >>> "<Name>๗. จัดส่งข้อเสนอโครงการ (Project Idea)" in xml
    True
    """
    calendar = subject_calendar(subject, "calendar_mspdi")
    bounds = scheduled(subject)
    if calendar.steps and not bounds:
        from thaiplan.scheduling._passes import schedule

        schedule(subject)  # raises what keeps it from being scheduled
        raise ModelError("the calendar cannot be scheduled, so it has no dates to write")
    deadlines = _deadlines(subject)
    uid = {step.id: index for index, step in enumerate(calendar.steps, 1)}
    before_of: dict[str, list[tuple[str, Dependency]]] = {}  # `before` is an edge into the other
    for step in calendar.steps:
        for dependency in step.before:
            before_of.setdefault(dependency.step, []).append((step.id, dependency))
    phases = {phase.id: phase for phase in calendar.phases}
    first = min((_planned(b)[0] for b in bounds.values()), default=None)
    last = max(  # a step that nothing bounds from above (no date) has no finish to show
        (b.latest_finish for b in bounds.values() if b.latest_finish < dt.date.max), default=None
    )
    out: list[str] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>']
    out.append(f'<Project xmlns="{NAMESPACE}">')

    def put(name: str, value: object, indent: int = 1) -> None:
        out.append(f"{'  ' * indent}<{name}>{value}</{name}>")

    put("SaveVersion", 12)
    put("Name", _text(calendar.title[:255], "the calendar's title"))
    put("Title", _text(calendar.title, "the calendar's title"))
    put("Subject", _text(calendar.province, "the calendar's province"))
    put("Category", fiscal_label(calendar))
    put("ScheduleFromStart", 1)
    if first is not None and last is not None:
        put("StartDate", _when(first))
        put("FinishDate", _when(last + dt.timedelta(days=1)))
    put("FYStartDate", 10)
    put("CurrencyCode", "THB")
    put("CalendarUID", 1)
    put("DefaultStartTime", WORKING_TIMES[0][0])
    put("DefaultFinishTime", WORKING_TIMES[-1][1])
    put("MinutesPerDay", MINUTES_PER_DAY)
    put("MinutesPerWeek", MINUTES_PER_DAY * 5)
    put("DaysPerMonth", 20)
    out.append("  <ExtendedAttributes>")
    for field_id, field_name, alias in FIELDS:
        out.append(
            f"    <ExtendedAttribute><FieldID>{field_id}</FieldID>"
            f"<FieldName>{field_name}</FieldName><Alias>{alias}</Alias></ExtendedAttribute>"
        )
    out.append("  </ExtendedAttributes>")
    out.append("  <Calendars>\n    <Calendar>")
    put("UID", 1, 3)
    put("Name", "วันทำการราชการ (Thai government working days)", 3)
    put("IsBaseCalendar", 1, 3)
    put("BaseCalendarUID", -1, 3)
    out.append("      <WeekDays>")
    for day_type in range(1, 8):  # 1 Sunday ... 7 Saturday
        working = 2 <= day_type <= 6
        times = "".join(
            f"<WorkingTime><FromTime>{a}</FromTime><ToTime>{b}</ToTime></WorkingTime>"
            for a, b in WORKING_TIMES
        )
        out.append(
            f"        <WeekDay><DayType>{day_type}</DayType><DayWorking>{int(working)}</DayWorking>"
            + (f"<WorkingTimes>{times}</WorkingTimes>" if working else "")
            + "</WeekDay>"
        )
    if first is not None and last is not None:
        out.extend(
            "        <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod>"
            f"<FromDate>{_when(day)}</FromDate><ToDate>{_when(day, '23:59:00')}</ToDate>"
            "</TimePeriod></WeekDay>"
            for day in _holidays(first, last)
        )
    out.append("      </WeekDays>\n    </Calendar>\n  </Calendars>")
    out.append("  <Tasks>")
    # the project's summary task: the keys of the calendar that the tasks do not show
    out.append("    <Task>")
    put("UID", 0, 3)
    put("ID", 0, 3)
    put("Name", _text(calendar.title[:255], "the calendar's title"), 3)
    put("OutlineLevel", 0, 3)
    if first is not None and last is not None:
        put("Start", _when(first), 3)
        put("Finish", _when(last + dt.timedelta(days=1)), 3)
    put("Summary", 1, 3)
    put("Notes", _text(keys_notes(calendar), "the calendar's keys"), 3)
    out.append("    </Task>")
    task_uid = len(calendar.steps)
    row = 0
    previous: str | None = None
    for step in calendar.steps:
        if step.phase != previous:
            previous = step.phase
            run = _run(calendar.steps, step)
            task_uid += 1
            row += 1
            phase = phases.get(step.phase)
            title = phase.title if phase is not None else step.phase
            start = min(_planned(bounds[s.id])[0] for s in run)
            finish = max(_planned(bounds[s.id])[1] for s in run)
            out.append("    <Task>")
            put("UID", task_uid, 3)
            put("ID", row, 3)
            put("Name", _text(title, f"phase {step.phase}'s title"), 3)
            put("OutlineLevel", 1, 3)
            put("Start", _when(start), 3)
            put("Finish", _when(finish + dt.timedelta(days=1)), 3)
            put("Summary", 1, 3)
            for field_id, value in ((FIELDS[1][0], title), (FIELDS[2][0], step.phase)):
                out.append(
                    f"      <ExtendedAttribute><FieldID>{field_id}</FieldID>"
                    f"<Value>{_text(value, f'phase {step.phase}')}</Value></ExtendedAttribute>"
                )
            out.append("    </Task>")
        row += 1
        out.extend(
            _task(
                calendar,
                step,
                uid,
                row,
                bounds[step.id],
                deadlines,
                phases.get(step.phase),
                before_of.get(step.id, ()),
            )
        )
    out.append("  </Tasks>")
    out.append("</Project>")
    return "\n".join(out) + "\n"


def _run(steps: tuple[Step, ...], first: Step) -> list[Step]:
    """The steps of one phase from ``first`` on, up to the next step of another phase."""
    index = steps.index(first)
    run = []
    for step in steps[index:]:
        if step.phase != first.phase:
            break
        run.append(step)
    return run


def _task(
    calendar: PlanningCalendar,
    step: Step,
    uid: dict[str, int],
    row: int,
    bounds: Bounds,
    deadlines: dict[str, dt.date],
    phase: Phase | None,
    before_of: Iterable[tuple[str, Dependency]] = (),
) -> list[str]:
    where = f"step {step.id}"
    lines = ["    <Task>"]

    def add(name: str, value: object) -> None:
        lines.append(f"      <{name}>{value}</{name}>")

    label = f"{to_thai_digits(str(step.no))}. {step.title}" if step.no is not None else step.title
    if len(label) > 512:
        raise ModelError(f"{where}: its title has {len(label)} characters; MSPDI holds 512")
    add("UID", uid[step.id])
    add("ID", row)
    add("Name", _text(label, f"{where}'s title"))
    add("OutlineLevel", 2)
    start, finish = _planned(bounds)
    add("Start", _when(start))
    add("Finish", _when(finish + dt.timedelta(days=1)))
    add("Duration", f"PT{24 * step.duration}H0M0S")
    add("DurationFormat", FORMAT_ELAPSED_DAYS)
    one_day = step.event or (
        step.dated and step.period.start == step.period.end and step.duration == 1
    )  # an event (event: true) is a milestone whatever its window
    add("Milestone", int(one_day))
    add("Summary", 0)
    add("Critical", int(bounds.critical))
    add("EarlyStart", _when(start))
    add("EarlyFinish", _when(finish + dt.timedelta(days=1)))
    bounded = not bounds.unbounded  # a step that nothing bounds from above has no late days
    if bounded:
        add("LateStart", _when(bounds.latest_start))
        add("LateFinish", _when(bounds.latest_finish + dt.timedelta(days=1)))
    if bounds.earliest_start is not None:
        add("ConstraintType", 4)  # Start No Earlier Than
        add("ConstraintDate", _when(bounds.earliest_start))
    elif bounded:  # open: nothing dates its start; it must finish by its latest finish
        add("ConstraintType", 7)  # Finish No Later Than
        add("ConstraintDate", _when(bounds.latest_finish, WORKING_TIMES[-1][1]))
    stated = step.period.end if step.dated else bounds.latest_finish  # no dates: the schedule's
    end = min(stated, deadlines.get(step.id, stated))
    if end < dt.date.max:
        add("Deadline", _when(end, WORKING_TIMES[-1][1]))
    names = []
    for party_id in step.responsible:
        party = calendar.party(party_id)
        names.append(party.name if party is not None else party_id)
    notes = task_notes(names, step.notes)
    if notes:
        add("Notes", _text(notes, f"{where}'s notes"))
    # the steps it follows, and those whose `before` names it (the same edge, written there)
    links = [(d.step, d) for d in step.after]
    links += before_of
    for predecessor, dependency in links:
        working = dependency.unit.value == "working_days"
        lag = dependency.lag * (WORKING_DAY if working else ELAPSED_DAY)
        lines.append(
            "      <PredecessorLink>"
            f"<PredecessorUID>{uid[predecessor]}</PredecessorUID><Type>1</Type>"
            f"<LinkLag>{lag}</LinkLag>"
            f"<LagFormat>{FORMAT_DAYS if working else FORMAT_ELAPSED_DAYS}</LagFormat>"
            "</PredecessorLink>"
        )
    title = phase.title if phase is not None else step.phase
    values = (
        step.when,
        title,
        step.phase,
        step.id,
        " ".join(step.responsible),
        ", ".join(_marks_with_years(calendar, step)),
    )
    for (field_id, _, _), value in zip(FIELDS, values, strict=True):
        if value:
            lines.append(
                f"      <ExtendedAttribute><FieldID>{field_id}</FieldID>"
                f"<Value>{_text(value, where)}</Value></ExtendedAttribute>"
            )
    lines.append("    </Task>")
    return lines


def _marks_with_years(calendar: PlanningCalendar, step: Step) -> list[str]:
    """The Gantt marks, each with its year, so that they need no gantt_year to be read."""
    if calendar.gantt_year is None:
        return list(step.gantt)
    return [
        format_period(Period.month(year, month))
        for year, month in step.gantt_months(calendar.gantt_year)
    ]
