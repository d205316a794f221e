"""iCalendar export (RFC 5545), with the ``icalendar`` library (the ``ical`` extra).

Each step is an all-day event over its stated period (``DTEND`` is the day
after the last, as all-day events have it). A recurring step is one event
with its ``RRULE``; a step with no dates of its own spans the days its
schedule leaves it (see :func:`_undated`). A step stated only by a deadline
(``ภายใน พ.ค. ๖๑``) is, by default, an all-day event on its last day: many
calendar applications do not import to-dos, and these are the entries an
officer most needs. ``deadlines="todo"`` writes them as to-dos due that day
instead. Given a document, a resolution's deadline narrows the step that
carries it out, as in :func:`~thaiplan.schedule`. A step that is an event
(``event: true``: the day something takes effect, not work) is always an
event, never a to-do, with the category ``EVENT_CATEGORY`` beside its phase
and a line saying so; like every step's, its event is ``TRANSP:TRANSPARENT``
(it occupies no one's time).

The summary is the step's number and Thai title, the category its phase, and
the description says when it was stated, who is responsible and which steps
come before it (by number and title). ``remind`` adds a reminder (``VALARM``)
a number of Thai government working days before each step's last day, at
09:00 Bangkok time. ``progress`` marks what is done: a done step's summary
starts with ``✓``, a cancelled step is ``STATUS:CANCELLED``, and a to-do
carries its percent complete. UIDs are stable (made from the province, the
fiscal year and the step id), so importing a calendar again updates its
events instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Final, Literal

from thaiplan.dates import add_working_days, format_date
from thaiplan.errors import HolidayDataError, ModelError, ThaiplanTypeError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._progress import Progress, ProgressState, StepProgress
from thaiplan.model._steps import PlanningCalendar, Step
from thaiplan.scheduling._source import calendar_and_document

__all__ = ["EVENT_CATEGORY", "calendar_ics", "step_uid"]

_NAMESPACE: Final = uuid.UUID("8b5c0d0e-5f4a-4c55-9a8e-3f6b1f0e7d21")
# Reminders ring at 09:00 in Bangkok (UTC+7, no daylight saving time), 02:00 UTC.
_REMIND_AT: Final = dt.time(2, 0, tzinfo=dt.UTC)


#: The category of a step that is an event (``event: true``): the day something
#: takes effect. Its VEVENT is TRANSPARENT, as every step's: it occupies no one's time.
EVENT_CATEGORY: Final = "วันที่มีผล (event)"
_EVENT_LINE: Final = "วันที่มีผล ไม่ใช่งานที่ต้องทำ (event: the day something takes effect, not work)"


def step_uid(calendar: PlanningCalendar, step_id: str) -> str:
    """The stable UID of a step's event.

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> step_uid(calendar, "s1") == step_uid(calendar, "s1")
    True
    """
    key = f"{calendar.province}/{calendar.fiscal_year}/{step_id}"
    return f"{uuid.uuid5(_NAMESPACE, key)}@thaiplan"


def _label(step: Step) -> str:
    return f"{step.no}. {step.title}" if step.no is not None else step.title


def _check(remind: object, deadlines: object, progress: object) -> None:
    if remind is not None and (isinstance(remind, bool) or not isinstance(remind, int)):
        raise ThaiplanTypeError("calendar_ics(remind)", remind, "a whole number of working days")
    if isinstance(remind, int) and not 0 <= remind <= 250:
        raise ModelError(
            f"calendar_ics(remind) is the working days before a deadline, 0 to 250, not {remind}"
        )
    if deadlines not in ("event", "todo"):
        raise ModelError(f"calendar_ics(deadlines) is 'event' or 'todo', not {deadlines!r}")
    if progress is not None and not isinstance(progress, Progress):
        raise ThaiplanTypeError("calendar_ics(progress)", progress, "a Progress or None")


def _alarm(icalendar: Any, last: dt.date, remind: int, label: str) -> Any | None:
    """A reminder ``remind`` working days before ``last``, or None without holiday data."""
    try:
        day = add_working_days(last, -remind) if remind else last
    except HolidayDataError:
        return None
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"ครบกำหนด {format_date(last, style='abbr')}: {label}")
    alarm.add("trigger", dt.datetime.combine(day, _REMIND_AT))
    return alarm


def _mark(component: Any, record: StepProgress | None, todo: bool) -> str:
    """Mark a component with its step's progress; returns the summary's prefix."""
    if record is None:
        return ""
    if record.cancelled:
        component.add("status", "CANCELLED")
        return ""
    if todo:
        if record.done:
            component.add("status", "COMPLETED")
            finished = record.actual_finish or record.reported_on
            if finished is not None:
                component.add("completed", dt.datetime.combine(finished, _REMIND_AT))
            component.add("percent-complete", 100)
        elif record.started_yet:
            component.add("status", "IN-PROCESS")
            if record.percent is not None:
                component.add("percent-complete", record.percent)
    return "✓ " if record.done else ""


def _windows(document: PlanningDocument | None) -> dict[str, dt.date]:
    """The first day of each step's window as :func:`~thaiplan.schedule` narrows it, when it can be scheduled."""
    from thaiplan.errors import DependencyCycleError
    from thaiplan.scheduling._passes import schedule

    if document is None:
        return {}
    try:
        result = schedule(document)
    except (DependencyCycleError, ModelError, HolidayDataError):
        return {}  # the deadlines' ends still narrow the steps (step_deadlines)
    starts = {}
    for step_id in result:
        start = result.window(step_id)[0]
        if start is not None:
            starts[step_id] = start
    return starts


def _undated(
    calendar: PlanningCalendar, document: PlanningDocument | None
) -> dict[str, tuple[dt.date | None, dt.date, str | None]]:
    """The days to export for the steps with no dates of their own, and a recurring one's RRULE.

    A recurring step is its first occurrence within the calendar's span
    (:func:`~thaiplan.scheduling._constraints.occurrence_span`) with the
    rule, ``UNTIL`` the span's last day, so that the application shows the
    occurrences the schedule counts; with none in the span it is left out.
    Any other step with no dates (no ``when``, a count of days, a period
    counted from an event) is the days the schedule leaves it, from its
    earliest start to its latest finish, when both are dates of the
    calendar (a step that nothing bounds from above is left out).
    """
    from thaiplan.scheduling._constraints import occurrence_span

    found: dict[str, tuple[dt.date | None, dt.date, str | None]] = {}
    dateless = [step for step in calendar.steps if not step.period.has_dates]
    if not dateless:
        return found
    span = occurrence_span(calendar)
    bounds = None
    for step in dateless:
        recurrence = step.period.recurrence
        if recurrence is not None:
            occurrences = step.period.occurrences(*span) if span is not None else []
            if occurrences and span is not None:
                first = occurrences[0]
                until = span[1].strftime("%Y%m%d")
                found[step.id] = (first.start, first.end, f"{recurrence.rule};UNTIL={until}")
            continue
        if bounds is None:
            from thaiplan.errors import DependencyCycleError
            from thaiplan.scheduling._passes import schedule

            try:
                bounds = schedule(document if document is not None else calendar)
            except (DependencyCycleError, ModelError):
                return found
        earliest, latest, _ = bounds._start_finish(step.id)
        if latest < dt.date.max:
            found[step.id] = (earliest, latest if earliest is None else max(latest, earliest), None)
    return found


def calendar_ics(
    calendar: PlanningCalendar | PlanningDocument,
    *,
    stamp: dt.datetime | None = None,
    deadlines: Literal["event", "todo"] = "event",
    remind: int | None = None,
    progress: Progress | None = None,
) -> str:
    """The calendar as iCalendar text, to import into a calendar application.

    Args:
        calendar: The calendar, or a document, whose calendar is exported (as
            :func:`~thaiplan.validate` and :func:`~thaiplan.schedule` take
            either); a document's resolution deadlines narrow their steps.
        stamp: The ``DTSTAMP`` of every component (default: now, in UTC).
        deadlines: ``"event"`` (an all-day event on the last day) or
            ``"todo"`` (a to-do due that day), for steps stated by a deadline.
        remind: Add a reminder this many working days before each step's
            last day (0: on the day), at 09:00 Bangkok time.
        progress: Progress reports: done steps are marked as such.

    Raises:
        ThaiplanTypeError: ``calendar`` is neither a calendar nor a document,
            or another argument is of the wrong type.
        ModelError: The ``icalendar`` library is not installed, the document
            has no calendar, or ``deadlines``/``remind`` has a wrong value.

    >>> import datetime as dt, thaiplan
    >>> document = thaiplan.load_document("samut-sakhon-2563")
    >>> text = calendar_ics(document, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), remind=5)
    >>> text.count("BEGIN:VEVENT"), text.count("BEGIN:VALARM")
    (15, 15)
    """
    calendar, document = calendar_and_document("calendar_ics", calendar, "calendar")
    if stamp is not None and not isinstance(stamp, dt.datetime):
        raise ThaiplanTypeError("calendar_ics(stamp)", stamp, "a datetime.datetime or None")
    _check(remind, deadlines, progress)
    try:
        import icalendar
    except ImportError:
        raise ModelError(
            "exporting to iCalendar needs the icalendar library, which is not installed;"
            " install it with: pip install 'thaiplan[ical]'"
        ) from None
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    phases = {phase.id: phase.title for phase in calendar.phases}
    steps = {step.id: step for step in calendar.steps}
    narrowed = (
        document.meeting.step_deadlines()
        if document is not None and document.meeting is not None
        else {}
    )
    windows = _windows(document) if narrowed else {}
    reports = progress.by_step() if progress is not None else {}
    ics = icalendar.Calendar()
    ics.add("prodid", "-//thaiplan//thaiplan calendar export//TH")
    ics.add("version", "2.0")
    ics.add("x-wr-calname", calendar.title)
    ics.add("x-wr-timezone", "Asia/Bangkok")
    parties: dict[str, str] = {}
    for agency in calendar.agencies:  # the first of an id, as calendar.party() finds
        parties.setdefault(agency.id, agency.name)
    for committee in calendar.committees:
        parties.setdefault(committee.id, committee.name)
    undated = _undated(calendar, document)
    for step in calendar.steps:
        names = [parties.get(party_id, party_id) for party_id in step.responsible]
        lines = [f"วันเดือนปี: {step.when}"]
        period = step.period
        rule = None
        if not period.has_dates:  # no date, counted from an event, or recurring: see _undated
            if step.id not in undated:
                continue
            start, last, rule = undated[step.id]
            if rule is None:
                lines[0] = f"วันเดือนปี: {step.when or '-'} (ช่วงที่ทำได้ตามกำหนดการ)"
        else:
            start, last = period.start, period.end
        if period.open_ended and start is not None:
            last = start  # ตั้งแต่ ... เป็นต้นไป: an event on the day it starts; the text says the rest
        deadline = narrowed.get(step.id)
        if deadline is not None and deadline.end < last:
            last = deadline.end
            lines.append(f"ตามมติที่ประชุม: {deadline.text or deadline.end.isoformat()}")
            if start is not None and start > last:
                start = last
        window = windows.get(step.id)
        if window is not None and start is not None and window > start:
            start = min(
                window, last
            )  # a resolution's deadline that starts later, as schedule() has it
        if names:
            lines.append("หน่วยงานที่เกี่ยวข้อง: " + ", ".join(names))
        if step.after:
            before = [_label(steps[d.step]) if d.step in steps else d.step for d in step.after]
            lines.append("ทำต่อจาก: " + "; ".join(before))
        record = reports.get(step.id)
        if record is not None:
            state = record.kind
            lines.append(f"ความก้าวหน้า: {state.value} ({state.english})")
        if step.event:
            lines.append(_EVENT_LINE)
        todo = start is None and deadlines == "todo" and not step.event  # an event is no task
        component = icalendar.Todo() if todo else icalendar.Event()
        component.add("uid", step_uid(calendar, step.id))
        component.add("dtstamp", stamp)
        prefix = _mark(component, record, todo)
        component.add("summary", f"{prefix}{_label(step)}")
        component.add("description", "\n".join(lines))
        categories = [phases.get(step.phase, step.phase)]
        if step.event:
            categories.append(EVENT_CATEGORY)
        component.add("categories", categories)
        if todo:
            component.add("due", last)
        else:
            component.add("dtstart", start if start is not None else last)
            component.add("dtend", last + dt.timedelta(days=1))
            component.add("transp", "TRANSPARENT")
            if rule is not None:
                component.add("rrule", icalendar.vRecur.from_ical(rule))
        done = record is not None and (record.done or record.kind is ProgressState.CANCELLED)
        if remind is not None and not done:
            alarm = _alarm(icalendar, last, remind, _label(step))
            if alarm is not None:
                component.add_component(alarm)
        ics.add_component(component)
    text: str = ics.to_ical().decode("utf-8")
    return text
