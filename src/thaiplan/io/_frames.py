"""Schedules, reports and statuses as pandas DataFrames, for analysts in notebooks.

pandas is an optional extra (``pip install 'thaiplan[pandas]'``); it is
imported when a frame is asked for. Dates are ``datetime64`` columns, so that
they sort, filter and plot as dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thaiplan.errors import ModelError

if TYPE_CHECKING:
    import pandas

    from thaiplan.checks._findings import Report
    from thaiplan.scheduling._schedule import Schedule
    from thaiplan.scheduling._status import Status

__all__ = ["report_dataframe", "schedule_dataframe", "status_dataframe"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ModelError(
            "to_dataframe() needs pandas, which is not installed;"
            " install it with: pip install 'thaiplan[pandas]'"
        ) from None
    return pandas


def _dates(pandas: Any, frame: Any, columns: tuple[str, ...]) -> None:
    for column in columns:
        frame[column] = pandas.to_datetime(frame[column])


def schedule_dataframe(schedule: Schedule) -> pandas.DataFrame:
    """The bounds of every step, one row a step, indexed by step id."""
    pandas = _pandas()
    titles = {step.id: step.title for step in schedule.calendar.steps}
    rows = [
        {
            "step": step_id,
            "title": titles[step_id],
            "earliest_start": bounds.earliest_start,
            "earliest_finish": bounds.earliest_finish,
            "latest_start": None if bounds.unbounded else bounds.latest_start,
            "latest_finish": None if bounds.unbounded else bounds.latest_finish,
            "total_slack": bounds.total_slack,
            "working_slack": bounds.working_slack,
            "free_slack": bounds.free_slack,
            "critical": bounds.critical,
            "latest_working_finish": bounds.latest_working_finish,
        }
        for step_id, bounds in schedule.items()
    ]
    frame = pandas.DataFrame.from_records(rows, columns=list(_SCHEDULE_COLUMNS))
    _dates(
        pandas,
        frame,
        (
            "earliest_start",
            "earliest_finish",
            "latest_start",
            "latest_finish",
            "latest_working_finish",
        ),
    )
    for column in ("total_slack", "working_slack", "free_slack"):  # None (open) stays <NA>
        frame[column] = frame[column].astype("Int64")
    return frame.set_index("step")


_SCHEDULE_COLUMNS = (
    "step",
    "title",
    "earliest_start",
    "earliest_finish",
    "latest_start",
    "latest_finish",
    "total_slack",
    "working_slack",
    "free_slack",
    "critical",
    "latest_working_finish",
)


def report_dataframe(report: Report) -> pandas.DataFrame:
    """The findings, one row a finding, in the report's order."""
    pandas = _pandas()
    rows = [
        {
            "code": finding.code,
            "severity": finding.severity.value,
            "steps": list(finding.steps),
            "objects": list(finding.objects),
            "message_en": finding.message_en,
            "message_th": finding.message_th,
        }
        for finding in report
    ]
    columns = ["code", "severity", "steps", "objects", "message_en", "message_th"]
    return pandas.DataFrame.from_records(rows, columns=columns)


def status_dataframe(status: Status) -> pandas.DataFrame:
    """Where every step stands, one row a step, indexed by step id."""
    pandas = _pandas()
    titles = {step.id: step.title for step in status.calendar.steps}
    rows: list[dict[str, Any]] = [
        {
            "step": entry.step,
            "title": titles[entry.step],
            "standing": entry.standing.value,
            "standing_th": entry.standing.thai,
            "earliest_start": entry.earliest_start,
            "latest_finish": entry.latest_finish,
            "forecast_start": entry.forecast_start,
            "forecast_finish": entry.forecast_finish,
            "working_days_left": entry.working_days_left,
            "days_late": entry.days_late,
            "actual_start": entry.progress.actual_start if entry.progress else None,
            "actual_finish": entry.progress.actual_finish if entry.progress else None,
            "percent": entry.progress.percent if entry.progress else None,
        }
        for entry in status.values()
    ]
    frame = pandas.DataFrame.from_records(rows)
    _dates(
        pandas,
        frame,
        (
            "earliest_start",
            "latest_finish",
            "forecast_start",
            "forecast_finish",
            "actual_start",
            "actual_finish",
        ),
    )
    frame["working_days_left"] = frame["working_days_left"].astype("Int64")
    frame["percent"] = frame["percent"].astype("Int64")
    return frame.set_index("step")
