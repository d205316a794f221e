"""The records of a schedule: the bounds of a step, and the links that explain them.

:class:`~thaiplan.Schedule` (in :mod:`thaiplan.scheduling._schedule`) builds
them; the passes are in :mod:`thaiplan.scheduling._passes`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import attrs

from thaiplan.dates import add_working_days, format_date, to_thai_digits, working_days_between
from thaiplan.errors import HolidayDataError
from thaiplan.model._steps import LagUnit

if TYPE_CHECKING:
    from thaiplan.scheduling._schedule import Schedule

__all__ = ["Bounds", "Constraint", "first_day_floors", "first_day_link"]

_WINDOW: Final = -1  # "set by the step's own window", in the *_by lists
#: The earliest start of a step that nothing dates: a day before any date, so
#: that every real bound is later and open steps need no case of their own in
#: the passes (sums of a chain of durations and lags stay far below any date).
_OPEN: Final = -(10**15)


def first_day_floors(
    starts: list[int | None], ends: list[int], first: int | None, as_of: bool
) -> list[int]:
    """The earliest start of each step before its dependencies: its stated start, else the first day.

    A step with no stated start starts no earlier than the calendar's first
    day ``first``, except where that day is no more than the earliest start
    some *other* step states (the calendar has no ``as_of``) and the step's
    own stated end comes before it: nothing the calendar states says when
    such a step could start, so it cannot be said to be late, and its start
    is open (``_OPEN``) unless a dated step before it bounds it. With an
    ``as_of`` (the calendar's own date) every such step is floored by it: a
    deadline before the calendar's date has passed. The floors read the
    stated dates only, never a dependency or a duration.

    >>> first_day_floors([None, None, 5], [9, 4, 6], 5, as_of=False) == [5, _OPEN, 5]
    True
    >>> first_day_floors([None, None, 5], [9, 4, 6], 5, as_of=True)
    [5, 5, 5]
    """
    if first is None:
        return [_OPEN if start is None else start for start in starts]
    if as_of:
        return [first if start is None else start for start in starts]
    return [
        start if start is not None else first if end >= first else _OPEN
        for start, end in zip(starts, ends, strict=True)
    ]


@attrs.frozen
class Bounds:
    """The bounds of one step.

    Attributes:
        step: The step's id.
        earliest_start: The first day it can start; ``None`` when it is open
            (nothing dates it: the calendar states no ``as_of`` and no step
            states a start, or none before the step's own stated end, and no
            dated step comes before it).
        earliest_finish: The first day it can finish (``None`` when open).
        latest_start: The last day it can start without breaking any bound.
        latest_finish: The last day it can finish.
        total_slack: latest_finish - earliest_finish, in days; negative when
            the calendar cannot be kept; ``None`` when the start is open, or
            when nothing bounds the finish (a step with no date and nothing
            after it: its latest finish is then 9999-12-31, the last day a
            date can have, not a deadline).
        free_slack: Days it can slip without moving any step after it or
            leaving its own window (``None`` when ``total_slack`` is).
        unbounded: Whether nothing bounds the finish from above (keyword
            only): the step has no date and nothing after it, or only such
            steps after it. Its latest start and finish are then only the
            last days a date can have, not deadlines; the outputs write them
            as ``null``, "open" or an empty cell.
    """

    step: str
    earliest_start: dt.date | None
    earliest_finish: dt.date | None
    latest_start: dt.date
    latest_finish: dt.date
    total_slack: int | None
    free_slack: int | None
    unbounded: bool = attrs.field(default=False, kw_only=True, repr=False)

    @property
    def critical(self) -> bool:
        """Whether the step has no slack left (or less than none); never when open."""
        return self.total_slack is not None and self.total_slack <= 0

    @property
    def open(self) -> bool:
        """Whether the step's start is open: nothing dates it, so it has no slack figure."""
        return self.earliest_start is None

    @property
    def working_slack(self) -> int | None:
        """The total slack in Thai government working days, beside ``total_slack`` in days.

        The working days after the earliest finish up to the latest finish
        (negative: those after the latest finish up to the earliest finish).
        ``None`` when the start is open, or the span reaches a year without
        holiday data.

        >>> import thaiplan
        >>> bounds = thaiplan.schedule(thaiplan.load_calendar("samut-sakhon-2563"))["s2"]
        >>> bounds.total_slack, bounds.working_slack
        (57, 35)
        """
        finish = self.earliest_finish
        if finish is None:
            return None
        try:
            if self.latest_finish >= finish:
                return working_days_between(finish, self.latest_finish)
            return -working_days_between(self.latest_finish, finish)
        except HolidayDataError:
            return None

    @property
    def latest_working_finish(self) -> dt.date | None:
        """The last working day on or before the latest finish.

        It is the latest finish itself on a working day; the working day
        before it when the latest finish falls on a weekend or a holiday
        (30 Sep 2018 is a Sunday: the work must be done by Friday 28 Sep).
        ``None`` when the holiday data does not cover the year.

        >>> import thaiplan
        >>> bounds = thaiplan.schedule(thaiplan.load_calendar("samut-sakhon-2563"))["s14"]
        >>> bounds.latest_finish, bounds.latest_working_finish
        (datetime.date(2018, 9, 30), datetime.date(2018, 9, 28))
        """
        last = self.latest_finish
        if last == dt.date.max or self.unbounded:
            return None
        try:
            return add_working_days(last + dt.timedelta(days=1), -1)
        except HolidayDataError:
            return None


@attrs.frozen
class Constraint:
    """One link of an explanation: what sets a bound of a step.

    Attributes:
        step: The step whose bound it is.
        bound: ``"earliest_start"`` or ``"latest_finish"``.
        date: The bound; ``None`` for an open start.
        cause: ``"window"`` (the stated period or a resolution's deadline),
            ``"calendar_start"`` (the calendar's first day: its ``as_of``, or
            the earliest start a step states, named in ``source`` and
            ``other``), ``"open"`` (nothing dates the start; when the step
            is due before the first day, ``other`` is the step whose stated
            start that day is), ``"after"`` (a dependency on ``other``) or
            ``"within"`` (a most gap to ``other``: ``lag`` is then its days).
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
    date: dt.date | None
    cause: str
    other: str | None = None
    lag: int = 0
    unit: LagUnit = LagUnit.DAYS
    source: str = ""
    message_en: str = ""
    message_th: str = ""


def _day(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


def _en(ordinal: int) -> str:
    return _day(ordinal).isoformat()


def _th(ordinal: int) -> str:
    return format_date(_day(ordinal), style="abbr")


def first_day_link(result: Schedule, i: int) -> Constraint:
    """Why a step with no stated start (and no dated step before it) starts when it does."""
    step, day = result._ids[i], result._es[i]
    # its own calendar's first day, where calendars are scheduled together (_combined)
    start, calendar, lo = (
        (result._start, result.calendar, 0) if result._firsts is None else result._firsts[i]
    )
    if start is not None and day < 1:  # its stated end is before the first day
        end, first_en = _en(result._ends[i]), _en(start)
        stating = result._ids[result._window_start.index(start, lo)]
        return Constraint(
            step,
            "earliest_start",
            None,
            "open",
            stating,
            source=result._window_source[i],
            message_en=(
                f"{step} has no earliest start (open): it must finish by {end}, before the"
                f" calendar's first day {first_en} (the earliest start a step states, {stating}'s),"
                " and the calendar states no date of its own (as_of), so nothing says when it"
                " could start: it is not late, and its slack is not known"
            ),
            message_th=(
                f"{step} ยังไม่มีวันเริ่มที่เร็วที่สุด (เปิด) เพราะต้องเสร็จภายใน {_th(result._ends[i])}"
                f" ก่อนวันแรกของปฏิทิน {_th(start)} (วันเริ่มที่เร็วที่สุดที่ขั้นตอนระบุ คือของ {stating})"
                " และปฏิทินไม่ระบุวันที่ของข้อมูล (as_of) จึงไม่ทราบว่าเริ่มได้เมื่อใด"
                " ไม่ถือว่าล่าช้า และไม่ทราบจำนวนวันที่เหลือ"
            ),
        )
    if start is None:
        return Constraint(
            step,
            "earliest_start",
            None,
            "open",
            message_en=(
                f"{step} has no earliest start (open): the calendar states no date of its own"
                " (as_of) and no step states a start, so its slack is not known"
            ),
            message_th=(
                f"{step} ยังไม่มีวันเริ่มที่เร็วที่สุด (เปิด) เพราะปฏิทินไม่ระบุวันที่ของข้อมูล (as_of)"
                " และไม่มีขั้นตอนใดระบุวันเริ่ม จึงไม่ทราบจำนวนวันที่เหลือ"
            ),
        )
    if calendar.as_of_date is not None:
        written = calendar.as_of
        return Constraint(
            step,
            "earliest_start",
            _day(day),
            "calendar_start",
            source=written,
            message_en=f"{step} cannot start before {_en(day)}: the calendar's own date ({written}, its as_of)",
            message_th=f"{step} เริ่มได้ไม่ก่อน {_th(day)} ซึ่งเป็นวันที่ของปฏิทิน ({written})",
        )
    first = result._window_start.index(start, lo)
    other = result._ids[first]
    text, text_th = result._source_text(first)
    return Constraint(
        step,
        "earliest_start",
        _day(day),
        "calendar_start",
        other,
        source=result._window_source[first],
        message_en=(
            f"{step} cannot start before {_en(day)}: the calendar states no date of its own"
            f" (as_of), and the earliest start a step states is {other}'s, {text}"
        ),
        message_th=(
            f"{step} เริ่มได้ไม่ก่อน {_th(day)} เพราะปฏิทินไม่ระบุวันที่ของข้อมูล (as_of)"
            f" และวันเริ่มที่เร็วที่สุดที่ขั้นตอนระบุคือของ {other} ตาม{text_th}"
        ),
    )


def _lag_of(stored: int) -> tuple[int, LagUnit]:
    """The lag and its unit, from a stored lag (negative for working days)."""
    return (-stored, LagUnit.WORKING_DAYS) if stored < 0 else (stored, LagUnit.DAYS)


def _lag_en(lag: int, unit: LagUnit) -> str:
    return f"lag {lag}" + (" working days" if unit is LagUnit.WORKING_DAYS and lag else "")


def _lag_th(lag: int, unit: LagUnit) -> str:
    if not lag:
        return "ต่อเนื่องกัน"
    kind = "วันทำการ" if unit is LagUnit.WORKING_DAYS else "วัน"
    return f"เว้น {to_thai_digits(lag)} {kind}"


def unbounded_finishes(lf_by: list[int], ends: list[int]) -> list[bool]:
    """Whether nothing bounds each step's finish.

    A step's latest finish comes from its own window's end (``lf_by`` is
    ``_WINDOW``) or from the step after it that ``lf_by`` names. It is
    unbounded when that chain ends in a window with no end (a step with no
    date, an open-ended period), whose latest finish is only the last day a
    date can have: no figure to count slack from. One walk along the chains,
    each step settled once.

    >>> last = dt.date.max.toordinal()
    >>> unbounded_finishes([_WINDOW, 0, _WINDOW], [last, 10, 20])
    [True, True, False]
    """
    n = len(lf_by)
    known: list[bool | None] = [None] * n
    last = dt.date.max.toordinal()
    for first in range(n):
        path: list[int] = []
        i = first
        while known[i] is None and len(path) <= n:
            path.append(i)
            by = lf_by[i]
            if by in (_WINDOW, i):
                known[i] = ends[i] >= last
                break
            i = by
        value = bool(known[i])
        for k in path:
            known[k] = value
    return [bool(k) for k in known]


def free_slacks(
    es: list[int],
    durations: list[int],
    ends: list[int],
    edges: tuple[list[int], list[int], list[int]],
) -> list[int]:
    """The free slack of every step.

    How far each step can slip without moving any step after it from its
    earliest start, or leaving its own window (``ends``); a stored lag below
    zero counts working days.
    """
    free = [
        end - start - duration + 1 for end, start, duration in zip(ends, es, durations, strict=True)
    ]
    for j, i, lag in zip(*edges, strict=True):
        if es[j] < 1:  # open: no free slack to lower
            continue
        if lag >= 0:
            gap = es[i] - es[j] - durations[j] - lag
        else:  # the latest finish that still lets i start on es[i]
            finish = es[j] + durations[j] - 1
            gap = add_working_days(_day(es[i]), lag).toordinal() - 1 - finish
        if gap < free[j]:
            free[j] = gap
    return free
