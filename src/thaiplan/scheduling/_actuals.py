"""A schedule re-bounded from a status date: what has happened fixes the steps it concerns.

Theory of operation
-------------------
:func:`~thaiplan.schedule` with ``progress=`` or ``as_of=`` first schedules
the plan as always, then re-forecasts it from the status date with the
forecast of :func:`~thaiplan.status` (:func:`thaiplan.scheduling._status.forecast`):
one forward pass, the same for both, so that the schedule and the status
never disagree. The result is a :class:`~thaiplan.Schedule` whose

- **earliest start and earliest finish** are the forecast's: the actual days
  of a step reported done (or cancelled), the actual start of a step in
  progress and its forecast finish, and for every other step the later of
  the day after the status date and the forecast finish of the steps it
  follows (plus their lags);
- **latest finish** is the plan's: the deadlines stay what the plan says, so
  that the slack of a step is counted from the status date; a step that
  finished, or will finish, after its deadline has negative slack.

Every earliest start still explains itself (:meth:`~thaiplan.Schedule.explain`):
a link of cause ``"actual"`` names the actual dates and the progress file
they come from, a link of cause ``"as_of"`` the status date, and a link
through a step that has finished says "actually finished". The latest
finishes explain themselves as in the plan.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from thaiplan.dates import format_date, to_thai_digits
from thaiplan.model._steps import LagUnit
from thaiplan.scheduling._bounds import _WINDOW, Constraint, _lag_en, _lag_th
from thaiplan.scheduling._schedule import Schedule

if TYPE_CHECKING:
    from thaiplan.model._progress import Progress, StepProgress
    from thaiplan.scheduling._status import Forecast

__all__ = ["forecast_schedule"]


def _th(day: dt.date) -> str:
    return format_date(day, style="abbr")


def _where(progress: Progress | None) -> tuple[str, str]:
    """Where the actual dates come from, in English and in Thai."""
    if progress is None:
        return "the status date", "วันที่ติดตามสถานะ"
    day = progress.date.isoformat()
    return f"progress file as of {day}", f"รายงานความก้าวหน้า ณ {_th(progress.date)}"


class ForecastSchedule(Schedule):
    """A :class:`~thaiplan.Schedule` re-forecast from a status date (see the module notes).

    Attributes:
        as_of: The status date.
        progress: The reports it was forecast from (``None`` when only ``as_of`` was given).
    """

    as_of: dt.date
    progress: Progress | None
    _forecast: dict[int, Forecast]
    _records: dict[str, StepProgress]
    _plan: Schedule

    def __repr__(self) -> str:
        state = "on time" if self.feasible else "late"
        return f"<Schedule of {len(self)} steps as of {self.as_of.isoformat()}, {state}>"

    def _earliest_chain(self, i: int) -> tuple[Constraint, ...]:
        # the forecast's links, then the plan's chain from the first step the plan still bounds
        chain: list[Constraint] = []
        seen: set[int] = set()
        while i not in seen:
            seen.add(i)
            if self._forecast[i].why == "plan":
                chain.extend(self._plan._earliest_chain(i))
                break
            chain.append(self._early_link(i))
            i = self._es_by[i]
            if i == _WINDOW:
                break
        return tuple(chain)

    def _make_early_link(self, i: int) -> Constraint:
        days = self._forecast[i]
        if days.why == "plan":
            return self._plan._early_link(i)
        step = self._ids[i]
        where_en, where_th = _where(self.progress)
        if days.why == "actual":
            record = self._records[step]
            first, last = days.first, days.last
            if record.done or record.cancelled:
                what = "was cancelled" if record.cancelled else "finished"
                said = "actual finish" if record.actual_finish else "reported done"
                done_th = "ยกเลิก" if record.cancelled else "เสร็จ"
                return Constraint(
                    step,
                    "earliest_start",
                    first,
                    "actual",
                    source=where_en,
                    message_en=(
                        f"{step} started on {first.isoformat()} and {what} on {last.isoformat()}:"
                        f" {said} {last.isoformat()} ({where_en})"
                        + ("" if record.actual_start else "; no actual start reported")
                    ),
                    message_th=(
                        f"{step} เริ่มเมื่อ {_th(first)} และ{done_th}เมื่อ {_th(last)} ตาม{where_th}"
                        + ("" if record.actual_start else " (ไม่ได้รายงานวันเริ่มจริง)")
                    ),
                )
            percent = "" if record.percent is None else f", {record.percent}% done"
            percent_th = (
                "" if record.percent is None else f" ทำไปแล้วร้อยละ {to_thai_digits(record.percent)}"
            )
            return Constraint(
                step,
                "earliest_start",
                first,
                "actual",
                source=where_en,
                message_en=(
                    f"{step} started on {first.isoformat()}: actual start {first.isoformat()}"
                    f" ({where_en}){percent}; it finishes no earlier than {last.isoformat()}"
                ),
                message_th=(
                    f"{step} เริ่มจริงเมื่อ {_th(first)} ตาม{where_th}{percent_th}"
                    f" คาดว่าจะเสร็จได้เร็วที่สุด {_th(last)}"
                ),
            )
        if days.why == "as_of":
            return Constraint(
                step,
                "earliest_start",
                days.first,
                "as_of",
                source=where_en,
                message_en=(
                    f"{step} cannot start before {days.first.isoformat()}: it has not started"
                    f" by the status date {self.as_of.isoformat()}"
                ),
                message_th=(
                    f"{step} เริ่มได้ไม่ก่อน {_th(days.first)} เพราะยังไม่เริ่ม"
                    f" ณ วันที่ติดตามสถานะ {_th(self.as_of)}"
                ),
            )
        if days.why == "after" and days.by is not None:
            other = self._index[days.by]
            before = self._forecast[other]
            earlier = self._records.get(days.by)
            if earlier is not None and (earlier.done or earlier.cancelled):
                lag, unit = days.lag, days.unit
                return Constraint(
                    step,
                    "earliest_start",
                    days.first,
                    "after",
                    days.by,
                    lag,
                    unit,
                    source=where_en,
                    message_en=(
                        f"{step} cannot start before {days.first.isoformat()} because it follows"
                        f" {days.by}, which actually finished on {before.last.isoformat()}"
                        f" ({where_en}), with {_lag_en(lag, unit)}"
                    ),
                    message_th=(
                        f"{step} เริ่มได้ไม่ก่อน {_th(days.first)} เพราะต้องทำต่อจาก {days.by}"
                        f" ซึ่งเสร็จจริงเมื่อ {_th(before.last)} ตาม{where_th} ({_lag_th(lag, unit)})"
                    ),
                )
        return super()._make_early_link(i)


def forecast_schedule(
    plan: Schedule, as_of: dt.date, progress: Progress | None
) -> ForecastSchedule:
    """``plan`` re-bounded from ``as_of`` and the reports (both already checked)."""
    from thaiplan.scheduling._status import forecast

    days = forecast(plan.calendar, plan, as_of, progress)
    result = ForecastSchedule.__new__(ForecastSchedule)
    result.__dict__.update(plan.__dict__)
    ids = plan._ids
    es = [days[step_id].first.toordinal() for step_id in ids]
    durations = [(days[step_id].last - days[step_id].first).days + 1 for step_id in ids]
    index = plan._index
    es_by = [_WINDOW] * len(ids)
    es_lag = [0] * len(ids)
    for i, step_id in enumerate(ids):
        entry = days[step_id]
        if entry.why == "after" and entry.by is not None:
            es_by[i] = index[entry.by]
            es_lag[i] = (
                -entry.lag if entry.unit is LagUnit.WORKING_DAYS and entry.lag else entry.lag
            )
    result._es = es
    result._durations = durations
    result._es_by = es_by
    result._es_lag = es_lag
    result._free = None
    result._links = {}
    result._plan = plan
    result.as_of = as_of
    result.progress = progress
    result._forecast = {index[step_id]: entry for step_id, entry in days.items()}
    result._records = progress.by_step() if progress is not None else {}
    return result
