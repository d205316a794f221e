"""Meetings, their agenda, resolutions and the actions they assign.

A planning meeting (การประชุม) has an agenda (ระเบียบวาระ) of items for
information (เรื่องเพื่อทราบ, resolved รับทราบ: acknowledged) and items for
consideration (เรื่องเพื่อพิจารณา), whose resolutions (มติ) approve (เห็นชอบ)
and assign actions (ให้ ... ดำเนินการ) to responsible parties with a deadline.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from thaiplan.dates import Period, parse_datetime
from thaiplan.errors import ModelTypeError
from thaiplan.model._records import (
    Correction,
    check_corrections,
    check_ids,
    corrections,
    items_of,
    member_of,
    missing_member,
    optional_id,
    optional_of,
    strings,
    text,
    to_member,
    to_tuple,
)

__all__ = ["Action", "AgendaItem", "AgendaKind", "Meeting", "Resolution", "ResolutionKind"]


def _actions(items: Iterable[Action]) -> tuple[Action, ...]:
    converted: tuple[Action, ...] = to_tuple(items)
    return converted


def _agenda_items(items: Iterable[AgendaItem]) -> tuple[AgendaItem, ...]:
    converted: tuple[AgendaItem, ...] = to_tuple(items)
    return converted


def _resolutions(items: Iterable[Resolution]) -> tuple[Resolution, ...]:
    converted: tuple[Resolution, ...] = to_tuple(items)
    return converted


class AgendaKind(enum.StrEnum):
    """What an agenda item is brought for."""

    INFORMATION = "information"  #: เรื่องเพื่อทราบ
    CONSIDERATION = "consideration"  #: เรื่องเพื่อพิจารณา

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


class ResolutionKind(enum.StrEnum):
    """What a resolution does."""

    ACKNOWLEDGE = "acknowledge"  #: รับทราบ
    APPROVE = "approve"  #: เห็นชอบ
    ASSIGN = "assign"  #: assigns an action (ให้ ... ดำเนินการ)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


def _agenda_kind(value: AgendaKind | str) -> AgendaKind:
    converted: AgendaKind = to_member(AgendaKind, value)
    return converted


def _resolution_kind(value: ResolutionKind | str) -> ResolutionKind:
    converted: ResolutionKind = to_member(ResolutionKind, value)
    return converted


@attrs.frozen
class Action:
    """Something a resolution assigns: what, who, and by when.

    Attributes:
        what: The action as written.
        who: Ids of the responsible agencies or committees.
        deadline: The deadline (its ``text`` is the deadline as written).
        step: The id of the calendar step that carries it out, if any.
        notes: Free notes (why it goes with that step, say).

    >>> from thaiplan.dates import parse_period
    >>> Action("ส่งแผนให้จังหวัด", ["districts"], parse_period("ภายในเดือนมิถุนายน ๒๕๖๑")).deadline.end
    datetime.date(2018, 6, 30)
    """

    what: str = attrs.field(validator=text)
    who: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=check_ids)
    deadline: Period | None = attrs.field(default=None, validator=optional_of(Period, "a Period"))
    step: str | None = attrs.field(default=None, validator=optional_id)
    notes: str = attrs.field(default="", validator=text)


@attrs.frozen
class Resolution:
    """A resolution (มติ) on an agenda item.

    Attributes:
        kind: Acknowledge, approve or assign.
        text: The resolution as written.
        actions: The actions it assigns.
    """

    kind: ResolutionKind = attrs.field(
        converter=_resolution_kind, validator=member_of(ResolutionKind)
    )
    text: str = attrs.field(validator=text)
    actions: tuple[Action, ...] = attrs.field(
        default=(), converter=_actions, validator=items_of(Action, "an Action")
    )


@attrs.frozen
class AgendaItem:
    """An item of a meeting's agenda.

    Attributes:
        number: Its number as a string, such as ``"3.1"`` (Arabic digits;
            the Thai ``๓.๑`` of the document is in ``number_text``).
        title: The title as written.
        kind: For information or for consideration.
        resolutions: The resolutions on it.
        number_text: The number as written.
        corrections: Known corrections of what the document wrote.
    """

    number: str = attrs.field(validator=text)
    title: str = attrs.field(validator=text)
    kind: AgendaKind = attrs.field(converter=_agenda_kind, validator=member_of(AgendaKind))
    resolutions: tuple[Resolution, ...] = attrs.field(
        default=(), converter=_resolutions, validator=items_of(Resolution, "a Resolution")
    )
    number_text: str = attrs.field(default="", validator=text)
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )


def _parse_start(meeting: Meeting) -> dt.datetime:
    if not isinstance(meeting.when, str):  # named here, before the parser names its own argument
        raise ModelTypeError("Meeting.when", meeting.when, "its date and time as text (a str)")
    return parse_datetime(meeting.when)


@attrs.frozen
class Meeting:
    """A meeting: when and where it was held, and its agenda.

    Attributes:
        title: The title as written.
        when: Its date and time as written (``"วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น."``).
        start: ``when``, parsed: an aware datetime in Asia/Bangkok.
        venue: Where it was held, as written.
        agenda: The agenda items.
        notes: Free notes.
        corrections: Known corrections of what the document wrote.

    >>> Meeting("ประชุม", "วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.").start.isoformat()
    '2018-04-04T13:30:00+07:00'
    """

    title: str = attrs.field(validator=text)
    when: str = attrs.field(validator=text, metadata={"parse": parse_datetime})
    start: dt.datetime = attrs.field(
        init=False,
        default=attrs.Factory(_parse_start, takes_self=True),
        metadata={"derived": True},
    )
    venue: str = attrs.field(default="", validator=text)
    agenda: tuple[AgendaItem, ...] = attrs.field(
        default=(), converter=_agenda_items, validator=items_of(AgendaItem, "an AgendaItem")
    )
    notes: str = attrs.field(default="", validator=text)
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )

    def actions(self) -> tuple[Action, ...]:
        """Every action the meeting's resolutions assign, in agenda order."""
        return tuple(
            action
            for item in self.agenda
            for resolution in item.resolutions
            for action in resolution.actions
        )

    def step_deadlines(self) -> dict[str, Period]:
        """The deadline the resolutions set for each calendar step: the one that ends first.

        >>> import thaiplan
        >>> meeting = thaiplan.load_document("samut-sakhon-2563").meeting
        >>> meeting.step_deadlines()["s7"].text
        'ภายในเดือนมิถุนายน ๒๕๖๑'
        """
        found: dict[str, Period] = {}
        for action in self.actions():
            deadline = action.deadline
            if deadline is None or action.step is None:
                continue
            if action.step not in found or deadline.end < found[action.step].end:
                found[action.step] = deadline
        return found

    def _repr_html_(self) -> str:
        from thaiplan.io._notebook import meeting_html

        return meeting_html(self)
