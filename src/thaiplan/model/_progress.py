"""Progress of a planning round, kept apart from the plan: what was done, and when.

A calendar is the plan; it stays fixed while reports come in. A
:class:`Progress` is the reports of one calendar as of a date: for each step
that has been reported on, a :class:`StepProgress` with its actual start and
finish, its percent complete, its state as the report writes it, who reported
it and when. Progress files (``thaiplan-progress/1``) hold one
:class:`Progress` each, keyed by step id, beside the calendar file.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from thaiplan.dates import parse_date
from thaiplan.errors import ModelError, ModelTypeError, ThaiDateError
from thaiplan.model._records import check_id, missing_member, text

__all__ = ["Progress", "ProgressState", "StepProgress"]


class ProgressState(enum.StrEnum):
    """The state of a step as a progress report writes it.

    The value is the Thai word of the reports; :attr:`english` gives the
    English name. The English names and codes (``"done"``, ``"in_progress"``,
    ``"late"``) read as the same states, so files may use either.

    >>> ProgressState("เสร็จสิ้น").english
    'done'
    >>> ProgressState("in_progress") is ProgressState.IN_PROGRESS
    True
    >>> ProgressState.from_text("in progress")
    <ProgressState.IN_PROGRESS: 'กำลังดำเนินการ'>
    """

    NOT_STARTED = "ยังไม่เริ่ม"  #: not started
    IN_PROGRESS = "กำลังดำเนินการ"  #: in progress
    DONE = "เสร็จสิ้น"  #: done
    DELAYED = "ล่าช้า"  #: reported late by the office itself
    LATE = "ล่าช้า"  #: the same as DELAYED
    CANCELLED = "ยกเลิก"  #: cancelled: it will not be done

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # ProgressState("done"), ProgressState("in_progress"): the English names
        # and codes, and the other words reports use, read as the Thai states.
        if isinstance(value, str):
            key = " ".join(value.split())
            for state in cls:
                if key in (state.english, state.english.replace(" ", "_"), state.name.lower()):
                    return state
            if key in _ALSO:
                return _ALSO[key]
        return missing_member(cls, value)

    @property
    def english(self) -> str:
        """The English name: ``not started``, ``in progress``, ``done``, ``delayed``, ``cancelled``."""
        return _ENGLISH[self]

    @classmethod
    def from_text(cls, text: str) -> ProgressState:
        """Read a state from its Thai word, its English name or its member name.

        Raises:
            ModelError: The text names no state; the message lists them.
        """
        key = " ".join(str(text).split())
        for state in cls:
            if key in (state.value, state.english, state.name, state.name.lower()):
                return state
        if key in _ALSO:
            return _ALSO[key]
        known = ", ".join(f"{s.value} ({s.english})" for s in cls)
        raise ModelError(f"unknown progress state {text!r}; the states are {known}")


_ENGLISH = {
    ProgressState.NOT_STARTED: "not started",
    ProgressState.IN_PROGRESS: "in progress",
    ProgressState.DONE: "done",
    ProgressState.DELAYED: "delayed",
    ProgressState.CANCELLED: "cancelled",
}
# Other words reports use for the same states.
_ALSO = {
    "ดำเนินการแล้วเสร็จ": ProgressState.DONE,
    "แล้วเสร็จ": ProgressState.DONE,
    "เสร็จแล้ว": ProgressState.DONE,
    "อยู่ระหว่างดำเนินการ": ProgressState.IN_PROGRESS,
    "ยังไม่ดำเนินการ": ProgressState.NOT_STARTED,
}


def _state(value: ProgressState | str) -> ProgressState:
    if isinstance(value, ProgressState):
        return value
    if not isinstance(value, str):
        raise ModelTypeError("StepProgress.state", value, "text such as 'เสร็จสิ้น'")
    return ProgressState.from_text(value)


def _text(value: dt.date | str) -> str:
    """A date field's text: as written, or a date given in code written in ISO form."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ModelTypeError("a progress date", value, "a date or a date's text")
    return value


def _day(text: str, what: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except ThaiDateError as error:
        raise ModelError(f"cannot read the {what} {text!r}: {error}") from None


def _percent(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelTypeError("StepProgress.percent", value, "a whole number from 0 to 100")
    if not 0 <= value <= 100:
        raise ModelError(
            f"StepProgress.percent must be a whole number from 0 to 100, not {value!r}"
        )


def _started(record: StepProgress) -> dt.date | None:
    return _day(record.started, "actual start")


def _finished(record: StepProgress) -> dt.date | None:
    return _day(record.finished, "actual finish")


def _reported(record: StepProgress) -> dt.date | None:
    return _day(record.reported, "report date")


@attrs.frozen
class StepProgress:
    """What a report says of one step.

    Dates are kept as the report writes them (``started``, ``finished``,
    ``reported``) and read into ``actual_start``, ``actual_finish`` and
    ``reported_on``, as a step keeps its ``when`` beside its ``period``. A
    date given in code is written in ISO form.

    Without a state, the dates give it: a step with an actual finish is done,
    one with an actual start only is in progress, one with neither has not
    started.

    Attributes:
        step: The id of the step in the calendar.
        state: Its state, as the report writes it (``None``: from the dates).
        started: The day it actually started, as written.
        finished: The day it actually finished, as written.
        percent: How much of it is done, a whole number from 0 to 100.
        reported: The day of the report, as written.
        by: Who reported it (an agency id or a name).
        notes: Anything else the report says, verbatim.
        actual_start: ``started``, read.
        actual_finish: ``finished``, read.
        reported_on: ``reported``, read.

    >>> p = StepProgress("s1", started="๒ เม.ย. ๖๑", finished="๒๐ เม.ย. ๖๑")
    >>> p.kind.english, p.actual_finish
    ('done', datetime.date(2018, 4, 20))
    """

    step: str = attrs.field(validator=check_id)
    state: ProgressState | None = attrs.field(
        default=None, converter=attrs.converters.optional(_state)
    )
    started: str = attrs.field(default="", converter=_text, metadata={"parse": parse_date})
    finished: str = attrs.field(default="", converter=_text, metadata={"parse": parse_date})
    percent: int | None = attrs.field(default=None, validator=_percent)
    reported: str = attrs.field(default="", converter=_text, metadata={"parse": parse_date})
    by: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    notes: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    actual_start: dt.date | None = attrs.field(
        init=False, default=attrs.Factory(_started, takes_self=True), metadata={"derived": True}
    )
    actual_finish: dt.date | None = attrs.field(
        init=False, default=attrs.Factory(_finished, takes_self=True), metadata={"derived": True}
    )
    reported_on: dt.date | None = attrs.field(
        init=False, default=attrs.Factory(_reported, takes_self=True), metadata={"derived": True}
    )

    def __attrs_post_init__(self) -> None:
        start, finish = self.actual_start, self.actual_finish
        if start is not None and finish is not None and finish < start:
            raise ModelError(
                f"step {self.step!r} is reported to finish on {finish.isoformat()},"
                f" before it started on {start.isoformat()}"
            )

    @property
    def kind(self) -> ProgressState:
        """The state: as reported, else from the dates."""
        if self.state is not None:
            return self.state
        if self.actual_finish is not None:
            return ProgressState.DONE
        if self.actual_start is not None:
            return ProgressState.IN_PROGRESS
        return ProgressState.NOT_STARTED

    @property
    def done(self) -> bool:
        """Whether the step is finished (state done, or an actual finish)."""
        return self.kind is ProgressState.DONE or self.actual_finish is not None

    @property
    def cancelled(self) -> bool:
        """Whether the step was cancelled."""
        return self.kind is ProgressState.CANCELLED

    @property
    def started_yet(self) -> bool:
        """Whether the step has started (done, in progress, delayed, or an actual start)."""
        return self.done or self.actual_start is not None or self.kind in _STARTED


_STARTED = frozenset({ProgressState.IN_PROGRESS, ProgressState.DELAYED})


def _records(
    items: Iterable[StepProgress] | Mapping[str, StepProgress],
) -> tuple[StepProgress, ...]:
    if isinstance(items, Mapping):
        items = items.values()
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ModelTypeError("Progress.steps", items, "a list of StepProgress records")
    records = tuple(items)
    for place, record in enumerate(records):
        if not isinstance(record, StepProgress):
            raise ModelTypeError(f"Progress.steps[{place}]", record, "a StepProgress")
    seen: set[str] = set()
    for record in records:
        if record.step in seen:
            raise ModelError(f"step {record.step!r} is reported twice; keep one record a step")
        seen.add(record.step)
    return records


def _as_of(progress: Progress) -> dt.date:
    day = _day(progress.as_of, "status date")
    if day is None:
        raise ModelError("Progress.as_of is required: the day the reports speak for")
    return day


@attrs.frozen
class Progress:
    """The progress reports of one calendar, as of a date.

    Attributes:
        as_of: The status date as written (``ข้อมูล ณ วันที่ ๑๕ มิ.ย. ๖๑``).
        steps: One record for each step reported on, in the order given.
        calendar: The calendar it reports on (its title or file), for people.
        notes: Anything else, verbatim.
        date: ``as_of``, read.

    >>> progress = Progress("๑๕ มิ.ย. ๖๑", [StepProgress("s1", finished="๒๐ เม.ย. ๖๑")])
    >>> progress.date, progress["s1"].done, "s2" in progress
    (datetime.date(2018, 6, 15), True, False)
    """

    as_of: str = attrs.field(converter=_text, metadata={"parse": parse_date})
    steps: tuple[StepProgress, ...] = attrs.field(default=(), converter=_records)
    calendar: str = attrs.field(default="", validator=text)
    notes: str = attrs.field(default="", validator=text)
    date: dt.date = attrs.field(
        init=False, default=attrs.Factory(_as_of, takes_self=True), metadata={"derived": True}
    )

    def __getitem__(self, step_id: str) -> StepProgress:
        for record in self.steps:
            if record.step == step_id:
                return record
        raise ModelError(f"no progress is reported for step {step_id!r}")

    def __contains__(self, step_id: object) -> bool:
        return any(record.step == step_id for record in self.steps)

    def __iter__(self) -> Iterator[StepProgress]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def get(self, step_id: str) -> StepProgress | None:
        """The record of a step, or None when it has not been reported on."""
        return next((record for record in self.steps if record.step == step_id), None)

    def by_step(self) -> dict[str, StepProgress]:
        """The records keyed by step id (build it once to look up many steps)."""
        return {record.step: record for record in self.steps}

    def with_record(self, record: StepProgress) -> Progress:
        """A copy with ``record`` added, or replacing the record of its step."""
        kept = [r for r in self.steps if r.step != record.step]
        return attrs.evolve(self, steps=[*kept, record])
