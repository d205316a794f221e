"""A calendar and its schedule as CSV: one row a step."""

from __future__ import annotations

import csv
import io

from thaiplan.errors import ThaiplanTypeError
from thaiplan.model._steps import PlanningCalendar
from thaiplan.scheduling._schedule import Schedule

__all__ = ["calendar_csv"]


def calendar_csv(calendar: PlanningCalendar, result: Schedule) -> str:
    """The steps of ``calendar`` with their scheduled bounds, as CSV text (a header row, then one row a step).

    Raises:
        ThaiplanTypeError: ``calendar`` is not a calendar, or ``result`` not its schedule.
    """
    if not isinstance(calendar, PlanningCalendar):
        raise ThaiplanTypeError("calendar_csv(calendar)", calendar, "a PlanningCalendar")
    if not isinstance(result, Schedule):
        raise ThaiplanTypeError(
            "calendar_csv(result)", result, "the Schedule of the calendar (thaiplan.schedule)"
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "id",
            "no",
            "phase",
            "title",
            "when",
            "start",
            "end",
            "responsible",
            "after",
            "earliest_start",
            "latest_finish",
            "total_slack",
        ]
    )
    bounds = result._start_finish  # what the rows show, without free slack
    writer.writerows(
        [
            step.id,
            "" if step.no is None else step.no,
            step.phase,
            step.title,
            step.when,
            step.period.start.isoformat() if step.period.start else "",
            step.period.end.isoformat() if step.dated else "",  # no dates of its own: its when says
            " ".join(step.responsible),
            " ".join(d.step for d in step.after),
            earliest.isoformat(),
            latest.isoformat(),
            slack,
        ]
        for step in calendar.steps
        for earliest, latest, slack in (bounds(step.id),)
    )
    return buffer.getvalue()
