"""A calendar and its schedule as CSV: one row a step."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thaiplan.model._steps import PlanningCalendar
    from thaiplan.scheduling._schedule import Schedule

__all__ = ["calendar_csv"]


def calendar_csv(calendar: PlanningCalendar, result: Schedule) -> str:
    """The steps of ``calendar`` with their scheduled bounds, as CSV text (a header row, then one row a step)."""
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
    for step in calendar.steps:
        bounds = result[step.id]
        writer.writerow(
            [
                step.id,
                "" if step.no is None else step.no,
                step.phase,
                step.title,
                step.when,
                step.period.start.isoformat() if step.period.start else "",
                step.period.end.isoformat(),
                " ".join(step.responsible),
                " ".join(d.step for d in step.after),
                bounds.earliest_start.isoformat(),
                bounds.latest_finish.isoformat(),
                bounds.total_slack,
            ]
        )
    return buffer.getvalue()
