"""The result of scheduling: the bounds of each step, and the chains that set them.

The passes that compute it, and the semantics they follow, are in
:mod:`thaiplan.scheduling._passes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from thaiplan.errors import ModelError
from thaiplan.model._steps import LagUnit, PlanningCalendar
from thaiplan.scheduling import _constraints
from thaiplan.scheduling._bounds import (
    _WINDOW,
    Bounds,
    Constraint,
    _day,
    _en,
    _lag_en,
    _lag_of,
    _lag_th,
    _th,
    free_slacks,
    unbounded_finishes,
)

if TYPE_CHECKING:
    import pandas

__all__ = ["Bounds", "Constraint", "Explanation", "InfeasibleChain", "Schedule"]


class Explanation:
    """Why a step has the bounds it has: two chains of constraints.

    Each chain starts at the step and follows, link by link, what sets the
    bound, until a stated window or the calendar's first day. An explanation
    from :meth:`Schedule.explain` builds its chains the first time they are
    read, from links the schedule makes once for every step (explanations of
    steps on one chain share them), so that asking for many costs little
    until they are read. It is immutable, and equal to another when its step
    and its chains are.

    Attributes:
        step: The step's id.
        earliest_start: The chain that sets its earliest start.
        latest_finish: The chain that sets its latest finish.
    """

    __slots__ = ("_early", "_index", "_late", "_schedule", "step")

    step: str
    _early: tuple[Constraint, ...] | None
    _late: tuple[Constraint, ...] | None
    _schedule: Schedule | None
    _index: int

    def __init__(
        self,
        step: str,
        earliest_start: Iterable[Constraint] = (),
        latest_finish: Iterable[Constraint] = (),
    ) -> None:
        _set = object.__setattr__
        _set(self, "step", step)
        _set(self, "_early", tuple(earliest_start))
        _set(self, "_late", tuple(latest_finish))
        _set(self, "_schedule", None)
        _set(self, "_index", -1)

    @classmethod
    def _of(cls, schedule: Schedule, i: int) -> Explanation:
        """The explanation of step ``i`` of ``schedule``, its chains built when read."""
        self = cls.__new__(cls)
        _set = object.__setattr__
        _set(self, "step", schedule._ids[i])
        _set(self, "_early", None)
        _set(self, "_late", None)
        _set(self, "_schedule", schedule)
        _set(self, "_index", i)
        return self

    @property
    def earliest_start(self) -> tuple[Constraint, ...]:
        """The chain that sets the step's earliest start."""
        if self._early is None:
            assert self._schedule is not None
            object.__setattr__(self, "_early", self._schedule._earliest_chain(self._index))
        assert self._early is not None
        return self._early

    @property
    def latest_finish(self) -> tuple[Constraint, ...]:
        """The chain that sets the step's latest finish."""
        if self._late is None:
            assert self._schedule is not None
            object.__setattr__(self, "_late", self._schedule._latest_chain(self._index))
        assert self._late is not None
        return self._late

    @property
    def message_en(self) -> str:
        """The whole explanation in English, one link a line."""
        return "\n".join(c.message_en for c in (*self.latest_finish, *self.earliest_start))

    @property
    def message_th(self) -> str:
        """The whole explanation in Thai, one link a line."""
        return "\n".join(c.message_th for c in (*self.latest_finish, *self.earliest_start))

    def _key(self) -> tuple[str, tuple[Constraint, ...], tuple[Constraint, ...]]:
        return (self.step, self.earliest_start, self.latest_finish)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Explanation):
            return NotImplemented
        return self is other or self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __reduce__(self) -> tuple[object, ...]:
        # pickled and copied with its chains, not the schedule they are read from
        return (Explanation, self._key())

    def __repr__(self) -> str:
        return (
            f"Explanation(step={self.step!r}, earliest_start={self.earliest_start!r},"
            f" latest_finish={self.latest_finish!r})"
        )

    def __str__(self) -> str:
        return self.message_en


@attrs.frozen
class InfeasibleChain:
    """Steps that cannot be kept because of one bound: one finding, not one a step.

    Each step with negative slack has its earliest start set by a window start
    (or the calendar's first day) and its latest finish by a window end,
    through chains of dependencies (see :class:`Explanation`). The steps
    whose chains end in the same bound are squeezed by it; each such step is
    put with whichever of its two bounds squeezes the most steps, a window's
    end when both squeeze as many. A window stated a year too early, say,
    squeezes every step that must come before it, and they are one chain.

    Attributes:
        bound: The binding constraint: the link that ends the chains, a
            step's stated window (or a resolution's deadline, or the
            calendar's first day).
        steps: The steps it squeezes, with negative slack, in topological order.
        worst: The one with the least slack (the last such, on a tie).
        slack: Its total slack, in days (negative).
        explanation: Why the bound's own step cannot be kept, link by link,
            when it is one of ``steps`` (its chains run from one bound to the
            other); else why ``worst`` cannot be kept.
    """

    bound: Constraint
    steps: tuple[str, ...]
    worst: str
    slack: int
    explanation: Explanation = attrs.field(eq=False, repr=False)


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
        windows: tuple[list[str], list[int | None]],
        start: int | None,
    ) -> None:
        self.calendar = calendar
        self._ids = ids
        self._index = index
        self._order = order
        self._es, self._lf, self._durations, self._ends = bounds
        self._es_by, self._lf_by, self._es_lag, self._lf_lag = links
        self._edges = edges
        self._window_source, self._window_start = windows
        self._has_start = [start is not None for start in self._window_start]
        self._start = start
        self._free: list[int] | None = None
        self._open_end: list[bool] | None = None
        self._links: dict[
            int, Constraint
        ] = {}  # 2i: earliest start of step i; 2i + 1: latest finish
        # bounds set by a most gap, keyed as _links; the steps of constraints that cannot all hold
        self._within: dict[int, tuple[int, int, LagUnit]] = {}
        self._unsettled: tuple[str, ...] = ()
        self._firsts: list[tuple[int | None, PlanningCalendar, int]] | None = None  # _combined

    def __getitem__(self, step_id: str) -> Bounds:
        return self._bounds_at(self._position(step_id), step_id)

    def _bounds_at(self, i: int, step_id: str) -> Bounds:
        """The bounds of the step at place ``i`` (whose id is ``step_id``), with no lookup."""
        es, lf, duration = self._es[i], self._lf[i], self._durations[i]
        unbounded = self._unbounded()[i]  # nothing bounds its finish: no slack figure either
        latest = _day(lf - duration + 1), _day(lf)
        if es < 1:  # open: nothing dates its start
            return Bounds(step_id, None, None, *latest, None, None, unbounded=unbounded)
        return Bounds(
            step_id,
            _day(es),
            _day(es + duration - 1),
            *latest,
            None if unbounded else lf - es - duration + 1,
            None if unbounded else self._free_slack()[i],
            unbounded=unbounded,
        )

    def _unbounded(self) -> list[bool]:
        """Whether nothing bounds each step's finish (see :func:`unbounded_finishes`), on first use."""
        if self._open_end is None:
            self._open_end = unbounded_finishes(self._lf_by, self._ends)
        return self._open_end

    def _start_finish(self, step_id: str) -> tuple[dt.date | None, dt.date, int | None]:
        """Earliest start, latest finish and total slack, without the free slack of every step."""
        i = self._position(step_id)
        es, lf, duration = self._es[i], self._lf[i], self._durations[i]
        if es < 1:
            return None, _day(lf), None
        return _day(es), _day(lf), None if self._unbounded()[i] else lf - es - duration + 1

    def _finish(self, step_id: str) -> tuple[dt.date | None, dt.date, int | None]:
        """Earliest finish, latest finish and total slack, without the free slack of every step."""
        i = self._position(step_id)
        es, lf, duration = self._es[i], self._lf[i], self._durations[i]
        if es < 1:
            return None, _day(lf), None
        slack = None if self._unbounded()[i] else lf - es - duration + 1
        return _day(es + duration - 1), _day(lf), slack

    def window(self, step_id: str) -> tuple[dt.date | None, dt.date, str]:
        """The window a step is scheduled in: its stated period, narrowed by any resolution.

        Its first day (``None`` for a deadline), its last day, and where the
        last day comes from: the step's ``when``, or ``"deadline:"`` and the
        resolution's deadline as written, when a resolution of the document
        narrows it. The exports draw and write this window, so that every
        output narrows a step as the schedule does.

        >>> import thaiplan
        >>> result = thaiplan.schedule(thaiplan.load_document("samut-sakhon-2563"))
        >>> result.window("s7")
        (datetime.date(2018, 6, 1), datetime.date(2018, 6, 30), 'deadline:ภายในเดือนมิถุนายน ๒๕๖๑')
        """
        return self._window_at(self._position(step_id))

    def _window_at(self, i: int) -> tuple[dt.date | None, dt.date, str]:
        """The window of the step at place ``i`` (see :meth:`window`), with no lookup."""
        start = self._window_start[i]
        return (None if start is None else _day(start)), _day(self._ends[i]), self._window_source[i]

    def _free_slack(self) -> list[int]:
        """Free slack of every step (see :func:`free_slacks`), worked out on first use."""
        if self._free is None:
            self._free = free_slacks(self._es, self._durations, self._ends, self._edges)
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
        return not self._unsettled and all(
            lf >= es + duration - 1
            for lf, es, duration in zip(self._lf, self._es, self._durations, strict=True)
        )

    @property
    def start(self) -> dt.date | None:
        """The calendar's first day: the earliest a step with no stated start may start.

        The calendar's ``as_of`` when it states one, else the earliest start
        any step states; ``None`` (open) with neither.
        """
        return None if self._start is None else _day(self._start)

    @property
    def order(self) -> tuple[str, ...]:
        """The step ids in an order that puts every step after the steps it follows."""
        return tuple(self._ids[i] for i in self._order)

    @property
    def critical_path(self) -> tuple[str, ...]:
        """The steps with the least total slack, in topological order (deprecated).

        Deprecated: these steps need not be linked to one another, so they
        are not a path; use :attr:`critical_paths` for the chains they make,
        and :attr:`critical_unlinked` for those on none. Kept, unchanged, for
        code that reads it; an open step (no slack figure) is never in it.
        """
        from thaiplan.scheduling._chains import critical_steps

        return tuple(self._ids[i] for i in critical_steps(self))

    @property
    def critical_paths(self) -> tuple[tuple[str, ...], ...]:
        """The critical chains: linked steps with the least total slack, in time order.

        Each chain is a path of the dependency graph: a dependency joins
        each consecutive pair, so each step starts after the one before it
        finishes. Every step on a chain has the least total slack of the
        calendar, and a chain is as long as it can be. Where such steps
        branch, each branch is a chain (at most 100 chains are listed). The
        steps of least slack linked to no other are :attr:`critical_unlinked`;
        open steps, with no slack figure, are on no chain. See the design
        page for the algorithm.

        >>> import thaiplan
        >>> calendar = thaiplan.loads_calendar('''
        ... format: thaiplan-calendar/1
        ... title: t
        ... province: สมุทรสาคร
        ... fiscal_year: 2563
        ... steps:
        ...   - {id: a, no: 1, phase: p, title: ก, when: ๑ พ.ค. ๖๑}
        ...   - {id: b, no: 2, phase: p, title: ข, when: ๒ พ.ค. ๖๑, after: [a]}
        ...   - {id: c, no: 3, phase: p, title: ค, when: ๙ พ.ค. ๖๑}
        ... ''')
        >>> result = thaiplan.schedule(calendar)
        >>> result.critical_paths, result.critical_unlinked
        ((('a', 'b'),), ('c',))
        """
        from thaiplan.scheduling._chains import critical_chains

        ids = self._ids
        chains, _ = critical_chains(self)
        return tuple(tuple(ids[i] for i in chain) for chain in chains)

    @property
    def critical_unlinked(self) -> tuple[str, ...]:
        """The steps of least total slack that no dependency links to another such step.

        Each is tight on its own; no arrow joins it to another (see
        :attr:`critical_paths`).
        """
        from thaiplan.scheduling._chains import critical_chains

        _, alone = critical_chains(self)
        return tuple(self._ids[i] for i in alone)

    @property
    def conflicts(self) -> tuple[Explanation, ...]:
        """The explanations of the steps with negative slack, in topological order.

        Each explanation builds its chains when they are read; to report a
        calendar that cannot be kept, :attr:`infeasible_chains` groups these
        steps by the bound that squeezes them.
        """
        lf, es, durations = self._lf, self._es, self._durations
        return tuple(
            Explanation._of(self, i) for i in self._order if lf[i] < es[i] + durations[i] - 1
        )

    @property
    def infeasible_chains(self) -> tuple[InfeasibleChain, ...]:
        """The steps with negative slack, grouped by the bound that squeezes them.

        One :class:`InfeasibleChain` for each binding constraint, in the
        topological order of their first steps; ``()`` when the calendar is
        feasible. Worked out in time linear in the size of the calendar.

        >>> import thaiplan
        >>> calendar = thaiplan.loads_calendar('''
        ... format: thaiplan-calendar/1
        ... title: t
        ... province: สมุทรสาคร
        ... fiscal_year: 2563
        ... steps:
        ...   - {id: a, no: 1, phase: p, title: ก, when: พ.ค. ๖๑, duration: 20}
        ...   - {id: b, no: 2, phase: p, title: ข, when: พ.ค. ๖๑, duration: 20, after: [a]}
        ... ''')
        >>> (chain,) = thaiplan.schedule(calendar).infeasible_chains
        >>> chain.steps, chain.worst, chain.slack
        (('a', 'b'), 'b', -9)
        >>> print(chain.bound.message_en)
        b must finish by 2018-05-31: its stated period พ.ค. ๖๑ ends then
        """
        from thaiplan.scheduling._conflicts import infeasible_chains

        return infeasible_chains(self)

    def explain(self, step_id: str) -> Explanation:
        """The chains of constraints that set the step's earliest start and latest finish.

        >>> import thaiplan
        >>> result = thaiplan.schedule(thaiplan.load_calendar("samut-sakhon-2563"))
        >>> print(result.explain("s14").latest_finish[-1].message_en)
        s14 must finish by 2018-09-30: its stated period ก.ย. ๖๑ ends then
        """
        return Explanation._of(self, self._position(step_id))

    def _earliest_chain(self, i: int) -> tuple[Constraint, ...]:
        chain: list[Constraint] = []
        seen: set[int] = set()
        es_by = self._es_by
        while i not in seen:
            seen.add(i)
            chain.append(self._early_link(i))
            i = es_by[i]
            if i == _WINDOW:
                break
        return tuple(chain)

    def _latest_chain(self, i: int) -> tuple[Constraint, ...]:
        chain: list[Constraint] = []
        seen: set[int] = set()
        lf_by = self._lf_by
        while i not in seen:
            seen.add(i)
            chain.append(self._late_link(i))
            i = lf_by[i]
            if i == _WINDOW:
                break
        return tuple(chain)

    def _early_link(self, i: int) -> Constraint:
        """What sets step ``i``'s earliest start, made once and shared by every chain through it."""
        link = self._links.get(2 * i)
        if link is None:
            link = self._links[2 * i] = self._make_early_link(i)
        return link

    def _late_link(self, i: int) -> Constraint:
        """What sets step ``i``'s latest finish, made once and shared by every chain through it."""
        link = self._links.get(2 * i + 1)
        if link is None:
            link = self._links[2 * i + 1] = self._make_late_link(i)
        return link

    def _make_early_link(self, i: int) -> Constraint:
        if 2 * i in self._within:  # a most gap (`within`): its link, from the module that sets it
            return _constraints.within_link(self, i, False)
        step, day = self._ids[i], self._es[i]
        by = self._es_by[i]
        if by == _WINDOW:
            if not self._has_start[i]:
                from thaiplan.scheduling._bounds import first_day_link

                return first_day_link(self, i)
            text, text_th = self._source_text(i)
            return Constraint(
                step,
                "earliest_start",
                _day(day),
                "window",
                source=self._window_source[i],
                message_en=f"{step} cannot start before {_en(day)}: {text} starts then",
                message_th=f"{step} เริ่มได้ไม่ก่อน {_th(day)} ตาม{text_th}",
            )
        lag, unit = _lag_of(self._es_lag[i])
        other = self._ids[by]
        if day < 1:
            return Constraint(
                step,
                "earliest_start",
                None,
                "after",
                other,
                lag,
                unit,
                message_en=f"{step} has no earliest start (open): it follows {other}, whose start is open",
                message_th=f"{step} ยังไม่มีวันเริ่มที่เร็วที่สุด (เปิด) เพราะทำต่อจาก {other} ซึ่งยังไม่มีวันเริ่ม",
            )
        return Constraint(
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

    def _make_late_link(self, i: int) -> Constraint:
        if 2 * i + 1 in self._within:
            return _constraints.within_link(self, i, True)
        step, day = self._ids[i], self._lf[i]
        by = self._lf_by[i]
        if by == _WINDOW:
            text, text_th = self._source_text(i)
            return Constraint(
                step,
                "latest_finish",
                _day(day),
                "window",
                source=self._window_source[i],
                message_en=f"{step} must finish by {_en(day)}: {text} ends then",
                message_th=f"{step} ต้องเสร็จภายใน {_th(day)} ตาม{text_th}",
            )
        lag, unit = _lag_of(self._lf_lag[i])
        other = self._ids[by]
        return Constraint(
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

    def _source_text(self, i: int) -> tuple[str, str]:
        """The window's source, in English and in Thai."""
        source = self._window_source[i]
        if not self.calendar.steps[i].dated and self.calendar.steps[i].period.recurrence is None:
            return f"no stated date ({source or 'no when'})", f"ไม่มีวันที่กำหนด ({source or '-'})"
        if source.startswith("deadline:"):
            text = source.removeprefix("deadline:")
            return f"the resolution's deadline {text}", f"มติที่ประชุมซึ่งกำหนด{text}"
        return f"its stated period {source}", f"ช่วงเวลาที่กำหนดไว้ ({source})"
