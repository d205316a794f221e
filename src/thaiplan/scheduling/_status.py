"""Where a planning round stands on a day: done, late, due, at risk, and the forecast.

Theory of operation
-------------------
:func:`status` takes the plan (a calendar or a document, scheduled as
:func:`~thaiplan.schedule` does), the reports (a :class:`~thaiplan.Progress`,
optional) and a status date ``as_of``, and re-forecasts the steps not yet done
from that date, as project tools do from a status date:

1. A step reported done keeps its actual days: it starts on its actual start
   (else its planned earliest start) and finishes on its actual finish (else
   on the report's date when the report says done without a date).
2. A step in progress started on its actual start. It finishes no earlier than
   its planned duration after that start, and no earlier than ``as_of`` plus
   the part of its duration still to do (by its percent complete, rounded up;
   all of it when no percent is given, at least the status day itself).
3. A step not started starts no earlier than its planned earliest start, and
   no earlier than the day after ``as_of``: work that has not begun cannot
   begin in the past.
4. Every step also starts no earlier than the forecast finish of each step it
   follows, plus the lag (in working days when the lag says so). A cancelled
   step is taken as done on the day its report says, so that the steps after
   it are not held up by it.

The forecast never moves a planned latest finish: the plan's deadlines stay
what the plan says. A step is then, in this order of precedence:

- **cancelled**, when its report says so;
- **done**, when it is finished;
- **overdue**, when its latest finish is before ``as_of``;
- **at risk**, when its forecast finish is after its latest finish;
- **in progress**, when it has started;
- **due**, when its window is open: its earliest start is on or before
  ``as_of`` (and, not being overdue, its latest finish on or after it);
- **not yet due** otherwise.

So every step is in exactly one state. Working days left count the working
days from ``as_of`` (included, when it is a working day) to the latest
finish; a latest finish already passed gives a negative count.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from thaiplan.dates import add_working_days, working_days_between
from thaiplan.errors import HolidayDataError, ModelError, ModelTypeError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._progress import Progress, StepProgress
from thaiplan.model._records import missing_member
from thaiplan.model._steps import LagUnit, PlanningCalendar
from thaiplan.scheduling._passes import schedule
from thaiplan.scheduling._source import calendar_and_document

if TYPE_CHECKING:
    import pandas

    from thaiplan.scheduling._schedule import Schedule

__all__ = ["Standing", "Status", "StepStatus", "due", "status"]

_ONE = dt.timedelta(days=1)


class Standing(enum.StrEnum):
    """Where a step stands on the status date (see :func:`status`)."""

    CANCELLED = "cancelled"  #: its report says it is cancelled
    DONE = "done"  #: finished
    OVERDUE = "overdue"  #: its latest finish has passed and it is not done
    AT_RISK = "at_risk"  #: forecast to finish after its latest finish
    IN_PROGRESS = "in_progress"  #: started, on time
    DUE = "due"  #: its window is open now
    NOT_YET_DUE = "not_yet_due"  #: its window opens later

    @property
    def thai(self) -> str:
        """The Thai words for it, as a tracking report writes them."""
        return _THAI[self]

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)  # a thaiplan error that lists the standings


_THAI = {
    Standing.CANCELLED: "ยกเลิก",
    Standing.DONE: "เสร็จสิ้น",
    Standing.OVERDUE: "เลยกำหนด",
    Standing.AT_RISK: "เสี่ยงล่าช้า",
    Standing.IN_PROGRESS: "กำลังดำเนินการ",
    Standing.DUE: "ถึงกำหนดดำเนินการ",
    Standing.NOT_YET_DUE: "ยังไม่ถึงกำหนด",
}


@attrs.frozen
class StepStatus:
    """One step on the status date.

    Attributes:
        step: The step's id.
        standing: Where it stands.
        earliest_start: The plan's earliest start; ``None`` when the plan leaves it open.
        latest_finish: The plan's latest finish (the deadline it must keep).
        forecast_start: When it starts (or started), re-forecast from ``as_of``.
        forecast_finish: When it finishes (or finished), re-forecast from ``as_of``.
        working_days_left: Working days from ``as_of`` to the latest finish
            (negative once passed); ``None`` when the holiday data does not
            cover the span.
        days_late: Days the forecast finish is after the latest finish (0 when on time).
        progress: The step's report, when there is one.
    """

    step: str
    standing: Standing
    earliest_start: dt.date | None
    latest_finish: dt.date
    forecast_start: dt.date
    forecast_finish: dt.date
    working_days_left: int | None
    days_late: int
    progress: StepProgress | None = None


class Status(Mapping[str, StepStatus]):
    """Every step of a calendar on a status date: a mapping from step id to :class:`StepStatus`.

    Attributes:
        calendar: The calendar.
        as_of: The status date.
        schedule: The plan's schedule the status is measured against.
    """

    def __init__(
        self,
        calendar: PlanningCalendar,
        as_of: dt.date,
        plan: Schedule,
        steps: dict[str, StepStatus],
    ) -> None:
        self.calendar = calendar
        self.as_of = as_of
        self.schedule = plan
        self._steps = steps

    def __getitem__(self, step_id: str) -> StepStatus:
        try:
            return self._steps[step_id]
        except KeyError:
            raise ModelError(f"the calendar has no step {step_id!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def __repr__(self) -> str:
        counts = ", ".join(f"{s.value}={len(self.in_standing(s))}" for s in Standing)
        return f"<Status as of {self.as_of.isoformat()}: {counts}>"

    def to_dataframe(self) -> pandas.DataFrame:
        """Where every step stands, as a pandas DataFrame, dates as ``datetime64``.

        Raises:
            ModelError: pandas is not installed (``pip install 'thaiplan[pandas]'``).
        """
        from thaiplan.io._frames import status_dataframe

        return status_dataframe(self)

    def in_standing(self, standing: Standing | str) -> tuple[StepStatus, ...]:
        """The steps that stand so, in the calendar's order."""
        wanted = Standing(standing)
        return tuple(s for s in self._steps.values() if s.standing is wanted)

    @property
    def overdue(self) -> tuple[StepStatus, ...]:
        """The steps whose latest finish has passed and that are not done."""
        return self.in_standing(Standing.OVERDUE)

    @property
    def at_risk(self) -> tuple[StepStatus, ...]:
        """The steps forecast to finish after their latest finish."""
        return self.in_standing(Standing.AT_RISK)

    @property
    def due(self) -> tuple[StepStatus, ...]:
        """The steps whose window is open on the status date."""
        return self.in_standing(Standing.DUE)


def _after(day: dt.date, lag: int, unit: LagUnit) -> dt.date:
    """The first day a step may start when the one before it finishes on ``day``."""
    if unit is LagUnit.WORKING_DAYS and lag:
        return add_working_days(day, lag) + _ONE
    return day + dt.timedelta(days=1 + lag)


def _working_days_left(as_of: dt.date, latest: dt.date) -> int | None:
    try:
        return working_days_between(as_of - _ONE, latest)
    except HolidayDataError:
        return None


def status(
    source: PlanningCalendar | PlanningDocument,
    *,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> Status:
    """Where every step stands on ``as_of``, with the forecast from that day.

    Args:
        source: A calendar, or a document (its resolutions' deadlines bound
            its steps, as in :func:`~thaiplan.schedule`).
        as_of: The status date; by default the date of ``progress``.
        progress: The reports; without them every step is taken as not started.

    Raises:
        ModelError: ``progress`` reports a step the calendar does not have.

    >>> import datetime as dt, thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> reports = thaiplan.Progress("๑๕ มิ.ย. ๖๑", [thaiplan.StepProgress("s1", finished="๓๐ เม.ย. ๖๑")])
    >>> result = thaiplan.status(calendar, as_of=dt.date(2018, 6, 15), progress=reports)
    >>> result["s1"].standing, result["s2"].standing
    (<Standing.DONE: 'done'>, <Standing.OVERDUE: 'overdue'>)
    """
    calendar, document = calendar_and_document("status", source)
    subject = document if document is not None else calendar
    as_of = checked_as_of("status", calendar, as_of, progress)
    return standing_of(calendar, schedule(subject), as_of, progress)


def checked_as_of(
    function: str, calendar: PlanningCalendar, as_of: object, progress: object
) -> dt.date:
    """The status date of ``function(..., as_of=, progress=)``, once both are checked.

    Raises:
        ModelTypeError: ``progress`` is not a :class:`~thaiplan.Progress`, or ``as_of`` not a date.
        ModelError: No status date at all, or ``progress`` reports a step the calendar does not have.
    """
    if progress is not None and not isinstance(progress, Progress):
        raise ModelTypeError(f"{function}(progress)", progress, "a Progress or None")
    if as_of is None:
        if progress is None:
            raise ModelError(
                f"{function}() needs a status date: pass as_of, or a progress with its date"
            )
        as_of = progress.date
    if not isinstance(as_of, dt.date):
        raise ModelTypeError(f"{function}(as_of)", as_of, "a datetime.date")
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    if progress is not None:
        known = {step.id for step in calendar.steps}
        unknown = [record.step for record in progress if record.step not in known]
        if unknown:
            raise ModelError(
                f"the progress reports steps the calendar does not have: {', '.join(unknown)}"
            )
    return as_of


@attrs.frozen
class Forecast:
    """One step's forecast days, and what set its start (for :func:`~thaiplan.schedule` with progress).

    ``why`` is ``"actual"`` (the report's actual days), ``"after"`` (the
    finish of the step ``by``, with ``lag`` in ``unit``), ``"as_of"`` (the
    step has not started, and cannot start in the past) or ``"plan"`` (the
    plan's earliest start).
    """

    first: dt.date
    last: dt.date
    why: str
    by: str | None = None
    lag: int = 0
    unit: LagUnit = LagUnit.DAYS


def forecast(
    calendar: PlanningCalendar, plan: Schedule, as_of: dt.date, progress: Progress | None
) -> dict[str, Forecast]:
    """The forecast days of every step, in the plan's topological order (see the module notes)."""
    reports_day = progress.date if progress is not None else as_of
    records = progress.by_step() if progress is not None else {}
    steps = {step.id: step for step in calendar.steps}
    result: dict[str, Forecast] = {}
    for step_id in plan.order:
        step = steps[step_id]
        record = records.get(step_id)
        planned = plan._start_finish(step_id)[0]
        # open (nothing dates it): nothing but the steps before it and the status date holds it
        start = planned if planned is not None else as_of
        why, by, lag, unit = "plan", None, 0, LagUnit.DAYS
        for dependency in step.after:
            after = _after(result[dependency.step].last, dependency.lag, dependency.unit)
            if after > start:
                start, why, by = after, "after", dependency.step
                lag, unit = dependency.lag, dependency.unit
        duration = step.duration
        if record is not None and (record.done or record.cancelled):
            first = record.actual_start or min(start, record.actual_finish or start)
            last = record.actual_finish or record.reported_on or reports_day
            first = min(first, last)
            why = "actual"
        elif record is not None and record.started_yet:
            first = record.actual_start or start
            if record.actual_start is not None:
                why = "actual"
            left = (
                duration
                if record.percent is None
                else math.ceil(duration * (100 - record.percent) / 100)
            )
            last = max(
                first + dt.timedelta(days=duration - 1), as_of + dt.timedelta(days=max(left, 1) - 1)
            )
        else:
            first = max(start, as_of + _ONE)
            if first > start:
                why, by = "as_of", None
            last = first + dt.timedelta(days=duration - 1)
        result[step_id] = Forecast(first, last, why, by, lag, unit)
    return result


def standing_of(
    calendar: PlanningCalendar, plan: Schedule, as_of: dt.date, progress: Progress | None
) -> Status:
    """The status of ``calendar`` on ``as_of``, against its schedule ``plan`` (already made).

    :func:`status` after its checks; the rules on progress call it with the
    schedule that validation has made already.
    """
    records = progress.by_step() if progress is not None else {}
    days = forecast(calendar, plan, as_of, progress)
    result: dict[str, StepStatus] = {}
    for step in calendar.steps:
        step_id = step.id
        earliest_start, latest_finish, _ = plan._start_finish(step_id)
        record = records.get(step_id)
        first, last = days[step_id].first, days[step_id].last
        late = max(0, (last - latest_finish).days)
        if record is not None and record.cancelled:
            standing = Standing.CANCELLED
        elif record is not None and record.done:
            standing = Standing.DONE
        elif latest_finish < as_of:
            standing = Standing.OVERDUE
        elif late:
            standing = Standing.AT_RISK
        elif record is not None and record.started_yet:
            standing = Standing.IN_PROGRESS
        elif earliest_start is None or earliest_start <= as_of:
            standing = Standing.DUE
        else:
            standing = Standing.NOT_YET_DUE
        result[step_id] = StepStatus(
            step_id,
            standing,
            earliest_start,
            latest_finish,
            first,
            last,
            _working_days_left(as_of, latest_finish),
            late,
            record,
        )
    return Status(calendar, as_of, plan, result)


def due(
    source: PlanningCalendar | PlanningDocument,
    start: dt.date,
    end: dt.date,
    *,
    progress: Progress | None = None,
) -> tuple[StepStatus, ...]:
    """The steps not done whose latest finish falls from ``start`` to ``end`` (both included).

    Their standing is measured as of ``start``; the result is in order of
    latest finish, then the calendar's order.

    >>> import datetime as dt, thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> [s.step for s in thaiplan.due(calendar, dt.date(2018, 6, 1), dt.date(2018, 6, 30))]
    ['s6']
    """
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        raise ModelTypeError("due(start, end)", (start, end), "two datetime.date values")
    if end < start:
        raise ModelError(
            f"the span ends ({end.isoformat()}) before it starts ({start.isoformat()})"
        )
    standing = status(source, as_of=start, progress=progress)
    found = [
        s
        for s in standing.values()
        if start <= s.latest_finish <= end and s.standing not in (Standing.DONE, Standing.CANCELLED)
    ]
    order = {step_id: k for k, step_id in enumerate(standing)}
    return tuple(sorted(found, key=lambda s: (s.latest_finish, order[s.step])))
