"""The result of scheduling: the bounds of each step, and the chains that set them.

The passes that compute it, and the semantics they follow, are in
:mod:`thaiplan.scheduling._passes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from thaiplan.dates import add_working_days, format_date, to_thai_digits
from thaiplan.errors import ModelError
from thaiplan.model._steps import LagUnit, PlanningCalendar

if TYPE_CHECKING:
    import pandas

__all__ = ["Bounds", "Constraint", "Explanation", "Schedule"]

_WINDOW: Final = -1  # "set by the step's own window", in the *_by lists


@attrs.frozen
class Bounds:
    """The bounds of one step.

    Attributes:
        step: The step's id.
        earliest_start: The first day it can start.
        earliest_finish: The first day it can finish.
        latest_start: The last day it can start without breaking any bound.
        latest_finish: The last day it can finish.
        total_slack: latest_finish - earliest_finish, in days; negative when
            the calendar cannot be kept.
        free_slack: Days it can slip without moving any step after it or
            leaving its own window.
    """

    step: str
    earliest_start: dt.date
    earliest_finish: dt.date
    latest_start: dt.date
    latest_finish: dt.date
    total_slack: int
    free_slack: int

    @property
    def critical(self) -> bool:
        """Whether the step has no slack left (or less than none)."""
        return self.total_slack <= 0


@attrs.frozen
class Constraint:
    """One link of an explanation: what sets a bound of a step.

    Attributes:
        step: The step whose bound it is.
        bound: ``"earliest_start"`` or ``"latest_finish"``.
        date: The bound.
        cause: ``"window"`` (the stated period or a resolution's deadline),
            ``"calendar_start"`` (the calendar's first day) or ``"after"`` (a
            dependency on ``other``).
        other: The step of the dependency, for ``"after"``.
        lag: The dependency's lag.
        unit: What the lag counts.
        source: The text the window comes from (``"ก.ย. ๖๑"``, or
            ``"deadline:ภายในเดือนมิถุนายน ๒๕๖๑"`` for a resolution's), for ``"window"``.
        message_en: The link in English.
        message_th: The link in Thai.
    """

    step: str
    bound: str
    date: dt.date
    cause: str
    other: str | None = None
    lag: int = 0
    unit: LagUnit = LagUnit.DAYS
    source: str = ""
    message_en: str = ""
    message_th: str = ""


@attrs.frozen
class Explanation:
    """Why a step has the bounds it has: two chains of constraints.

    Each chain starts at the step and follows, link by link, what sets the
    bound, until a stated window or the calendar's first day.

    Attributes:
        step: The step's id.
        earliest_start: The chain that sets its earliest start.
        latest_finish: The chain that sets its latest finish.
    """

    step: str
    earliest_start: tuple[Constraint, ...]
    latest_finish: tuple[Constraint, ...]

    @property
    def message_en(self) -> str:
        """The whole explanation in English, one link a line."""
        return "\n".join(c.message_en for c in (*self.latest_finish, *self.earliest_start))

    @property
    def message_th(self) -> str:
        """The whole explanation in Thai, one link a line."""
        return "\n".join(c.message_th for c in (*self.latest_finish, *self.earliest_start))

    def __str__(self) -> str:
        return self.message_en


def _lag_of(stored: int) -> tuple[int, LagUnit]:
    """The lag and its unit, from a stored lag (negative for working days)."""
    return (-stored, LagUnit.WORKING_DAYS) if stored < 0 else (stored, LagUnit.DAYS)


def _day(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


def _en(ordinal: int) -> str:
    return _day(ordinal).isoformat()


def _th(ordinal: int) -> str:
    return format_date(_day(ordinal), style="abbr")


def _lag_en(lag: int, unit: LagUnit) -> str:
    return f"lag {lag}" + (" working days" if unit is LagUnit.WORKING_DAYS and lag else "")


def _lag_th(lag: int, unit: LagUnit) -> str:
    if not lag:
        return "ต่อเนื่องกัน"
    kind = "วันทำการ" if unit is LagUnit.WORKING_DAYS else "วัน"
    return f"เว้น {to_thai_digits(lag)} {kind}"


class Schedule(Mapping[str, Bounds]):
    """The bounds of every step of a calendar, and why.

    A mapping from step id to :class:`Bounds`, in the calendar's order.
    Build it with :func:`schedule`.

    Attributes:
        calendar: The calendar it schedules.

    >>> import thaiplan
    >>> result = thaiplan.schedule(thaiplan.load_calendar("samut-sakhon-2563"))
    >>> result.feasible
    True
    >>> result["s14"].latest_finish
    datetime.date(2018, 9, 30)
    """

    def __init__(
        self,
        calendar: PlanningCalendar,
        ids: list[str],
        index: dict[str, int],
        order: list[int],
        bounds: tuple[list[int], list[int], list[int], list[int]],
        links: tuple[list[int], list[int], list[int], list[int]],
        edges: tuple[list[int], list[int], list[int]],
        windows: tuple[list[str], list[bool]],
        start: int,
    ) -> None:
        self.calendar = calendar
        self._ids = ids
        self._index = index
        self._order = order
        self._es, self._lf, self._durations, self._ends = bounds
        self._es_by, self._lf_by, self._es_lag, self._lf_lag = links
        self._edges = edges
        self._window_source, self._has_start = windows
        self._start = start
        self._free: list[int] | None = None

    def __getitem__(self, step_id: str) -> Bounds:
        i = self._position(step_id)
        es, lf, duration = self._es[i], self._lf[i], self._durations[i]
        return Bounds(
            step_id,
            _day(es),
            _day(es + duration - 1),
            _day(lf - duration + 1),
            _day(lf),
            lf - es - duration + 1,
            self._free_slack()[i],
        )

    def _free_slack(self) -> list[int]:
        """Free slack of every step, worked out on first use.

        How far each step can slip without moving any step after it from its
        earliest start, or leaving its own window.
        """
        if self._free is None:
            es, durations = self._es, self._durations
            free = [
                end - start - duration + 1
                for end, start, duration in zip(self._ends, es, durations, strict=True)
            ]
            for j, i, lag in zip(*self._edges, strict=True):
                if lag >= 0:
                    gap = es[i] - es[j] - durations[j] - lag
                else:  # the latest finish that still lets i start on es[i]
                    finish = es[j] + durations[j] - 1
                    gap = add_working_days(_day(es[i]), lag).toordinal() - 1 - finish
                if gap < free[j]:
                    free[j] = gap
            self._free = free
        return self._free

    def _ef(self, i: int) -> int:
        return self._es[i] + self._durations[i] - 1

    def _ls(self, i: int) -> int:
        return self._lf[i] - self._durations[i] + 1

    def _position(self, step_id: str) -> int:
        try:
            return self._index[step_id]
        except KeyError:
            raise ModelError(
                f"no step {step_id!r} in the schedule; its steps are: {', '.join(self._ids[:20])}"
                + (" ..." if len(self._ids) > 20 else "")
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __repr__(self) -> str:
        state = "feasible" if self.feasible else "infeasible"
        return f"<Schedule of {len(self)} steps, {state}>"

    def to_dataframe(self) -> pandas.DataFrame:
        """The bounds of every step as a pandas DataFrame, dates as ``datetime64``.

        Raises:
            ModelError: pandas is not installed (``pip install 'thaiplan[pandas]'``).
        """
        from thaiplan.io._frames import schedule_dataframe

        return schedule_dataframe(self)

    @property
    def feasible(self) -> bool:
        """Whether every step can be kept within its bounds (no negative slack)."""
        return all(
            lf >= es + duration - 1
            for lf, es, duration in zip(self._lf, self._es, self._durations, strict=True)
        )

    @property
    def start(self) -> dt.date:
        """The calendar's first day: the earliest any step may start."""
        return _day(self._start)

    @property
    def order(self) -> tuple[str, ...]:
        """The step ids in an order that puts every step after the steps it follows."""
        return tuple(self._ids[i] for i in self._order)

    @property
    def critical_path(self) -> tuple[str, ...]:
        """The steps with the least total slack, in topological order."""
        if not self._ids:
            return ()
        slack = [
            lf - es - duration + 1
            for lf, es, duration in zip(self._lf, self._es, self._durations, strict=True)
        ]
        least = min(slack)
        return tuple(self._ids[i] for i in self._order if slack[i] == least)

    @property
    def conflicts(self) -> tuple[Explanation, ...]:
        """The explanations of the steps with negative slack, in topological order."""
        return tuple(
            self.explain(self._ids[i])
            for i in self._order
            if self._lf[i] < self._es[i] + self._durations[i] - 1
        )

    def explain(self, step_id: str) -> Explanation:
        """The chains of constraints that set the step's earliest start and latest finish.

        >>> import thaiplan
        >>> result = thaiplan.schedule(thaiplan.load_calendar("samut-sakhon-2563"))
        >>> print(result.explain("s14").latest_finish[-1].message_en)
        s14 must finish by 2018-09-30: its stated period ก.ย. ๖๑ ends then
        """
        i = self._position(step_id)
        return Explanation(step_id, self._earliest_chain(i), self._latest_chain(i))

    def _earliest_chain(self, i: int) -> tuple[Constraint, ...]:
        chain: list[Constraint] = []
        seen: set[int] = set()
        while i not in seen:
            seen.add(i)
            step, day = self._ids[i], self._es[i]
            by = self._es_by[i]
            if by == _WINDOW:
                if not self._has_start[i]:
                    chain.append(
                        Constraint(
                            step,
                            "earliest_start",
                            _day(day),
                            "calendar_start",
                            message_en=f"{step} cannot start before {_en(day)}: the calendar's first day",
                            message_th=f"{step} เริ่มได้ไม่ก่อน {_th(day)} ซึ่งเป็นวันแรกของปฏิทิน",
                        )
                    )
                else:
                    text, text_th = self._source_text(i)
                    chain.append(
                        Constraint(
                            step,
                            "earliest_start",
                            _day(day),
                            "window",
                            source=self._window_source[i],
                            message_en=f"{step} cannot start before {_en(day)}: {text} starts then",
                            message_th=f"{step} เริ่มได้ไม่ก่อน {_th(day)} ตาม{text_th}",
                        )
                    )
                break
            lag, unit = _lag_of(self._es_lag[i])
            other = self._ids[by]
            chain.append(
                Constraint(
                    step,
                    "earliest_start",
                    _day(day),
                    "after",
                    other,
                    lag,
                    unit,
                    message_en=(
                        f"{step} cannot start before {_en(day)} because it follows {other},"
                        f" which finishes no earlier than {_en(self._ef(by))}, with {_lag_en(lag, unit)}"
                    ),
                    message_th=(
                        f"{step} เริ่มได้ไม่ก่อน {_th(day)} เพราะต้องทำต่อจาก {other}"
                        f" ซึ่งเสร็จได้เร็วที่สุด {_th(self._ef(by))} ({_lag_th(lag, unit)})"
                    ),
                )
            )
            i = by
        return tuple(chain)

    def _latest_chain(self, i: int) -> tuple[Constraint, ...]:
        chain: list[Constraint] = []
        seen: set[int] = set()
        while i not in seen:
            seen.add(i)
            step, day = self._ids[i], self._lf[i]
            by = self._lf_by[i]
            if by == _WINDOW:
                text, text_th = self._source_text(i)
                chain.append(
                    Constraint(
                        step,
                        "latest_finish",
                        _day(day),
                        "window",
                        source=self._window_source[i],
                        message_en=f"{step} must finish by {_en(day)}: {text} ends then",
                        message_th=f"{step} ต้องเสร็จภายใน {_th(day)} ตาม{text_th}",
                    )
                )
                break
            lag, unit = _lag_of(self._lf_lag[i])
            other = self._ids[by]
            chain.append(
                Constraint(
                    step,
                    "latest_finish",
                    _day(day),
                    "after",
                    other,
                    lag,
                    unit,
                    message_en=(
                        f"{step} must finish by {_en(day)} because {other} starts no later than"
                        f" {_en(self._ls(by))} and follows it with {_lag_en(lag, unit)}"
                    ),
                    message_th=(
                        f"{step} ต้องเสร็จภายใน {_th(day)} เพราะ {other} ต้องเริ่มไม่เกิน"
                        f" {_th(self._ls(by))} และทำต่อจาก {step} ({_lag_th(lag, unit)})"
                    ),
                )
            )
            i = by
        return tuple(chain)

    def _source_text(self, i: int) -> tuple[str, str]:
        """The window's source, in English and in Thai."""
        source = self._window_source[i]
        if source.startswith("deadline:"):
            text = source.removeprefix("deadline:")
            return f"the resolution's deadline {text}", f"มติที่ประชุมซึ่งกำหนด{text}"
        return f"its stated period {source}", f"ช่วงเวลาที่กำหนดไว้ ({source})"
