"""iCalendar export (RFC 5545), with the ``icalendar`` library (the ``ical`` extra).

Each step is an all-day event over its stated period (``DTEND`` is the day
after the last, as all-day events have it); a step stated only by a deadline
is a to-do due on its last day. The summary is the step's Thai title, the
category its phase, and the description says when it was stated and who is
responsible. UIDs are stable (made from the province, the fiscal year and
the step id), so importing a calendar again updates its events instead of
adding copies.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Final

from thaiplan.errors import ModelError, ThaiplanTypeError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._steps import PlanningCalendar
from thaiplan.scheduling._source import calendar_and_document

__all__ = ["calendar_ics", "step_uid"]

_NAMESPACE: Final = uuid.UUID("8b5c0d0e-5f4a-4c55-9a8e-3f6b1f0e7d21")


def step_uid(calendar: PlanningCalendar, step_id: str) -> str:
    """The stable UID of a step's event.

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> step_uid(calendar, "s1") == step_uid(calendar, "s1")
    True
    """
    key = f"{calendar.province}/{calendar.fiscal_year}/{step_id}"
    return f"{uuid.uuid5(_NAMESPACE, key)}@thaiplan"


def calendar_ics(
    calendar: PlanningCalendar | PlanningDocument, *, stamp: dt.datetime | None = None
) -> str:
    """The calendar as iCalendar text, to import into a calendar application.

    Args:
        calendar: The calendar, or a document, whose calendar is exported (as
            :func:`~thaiplan.validate` and :func:`~thaiplan.schedule` take either).
        stamp: The ``DTSTAMP`` of every component (default: now, in UTC).

    Raises:
        ThaiplanTypeError: ``calendar`` is neither a calendar nor a document,
            or ``stamp`` is not a datetime.
        ModelError: The ``icalendar`` library is not installed, or the
            document has no calendar.
    """
    calendar, _ = calendar_and_document("calendar_ics", calendar, "calendar")
    if stamp is not None and not isinstance(stamp, dt.datetime):
        raise ThaiplanTypeError("calendar_ics(stamp)", stamp, "a datetime.datetime or None")
    try:
        import icalendar
    except ImportError:
        raise ModelError(
            "exporting to iCalendar needs the icalendar library, which is not installed;"
            " install it with: pip install 'thaiplan[ical]'"
        ) from None
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    phases = {phase.id: phase.title for phase in calendar.phases}
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
    for step in calendar.steps:
        names = [parties.get(party_id, party_id) for party_id in step.responsible]
        lines = [f"วันเดือนปี: {step.when}"]
        if names:
            lines.append("หน่วยงานที่เกี่ยวข้อง: " + ", ".join(names))
        if step.after:
            lines.append("ทำต่อจาก: " + ", ".join(d.step for d in step.after))
        period = step.period
        component = icalendar.Todo() if period.start is None else icalendar.Event()
        component.add("uid", step_uid(calendar, step.id))
        component.add("dtstamp", stamp)
        number = f"{step.no}. " if step.no is not None else ""
        component.add("summary", f"{number}{step.title}")
        component.add("description", "\n".join(lines))
        component.add("categories", [phases.get(step.phase, step.phase)])
        if period.start is None:
            component.add("due", period.end)
        else:
            component.add("dtstart", period.start)
            component.add("dtend", period.end + dt.timedelta(days=1))
            component.add("transp", "TRANSPARENT")
        ics.add_component(component)
    text: str = ics.to_ical().decode("utf-8")
    return text
