"""A planning document as a whole: the letter, the meeting and the calendar."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from thaiplan.model._letters import Letter
from thaiplan.model._meetings import Meeting
from thaiplan.model._plans import Plan
from thaiplan.model._records import check_id, items_of, optional_of, text, to_tuple
from thaiplan.model._steps import PlanningCalendar

__all__ = ["PlanningDocument"]


def _plans(items: Iterable[Plan]) -> tuple[Plan, ...]:
    converted: tuple[Plan, ...] = to_tuple(items)
    return converted


@attrs.frozen
class PlanningDocument:
    """A planning circular: the letter, its minutes and its calendar.

    Attributes:
        id: The name it is known by (``"samut-sakhon-2563"``).
        source: Where the text comes from and how it was turned into data.
        letter: The covering letter and its distribution list.
        meeting: The meeting whose minutes it encloses.
        calendar: The calendar the meeting approved.
        plans: The plans the document speaks of.
        notes: Free notes.

    >>> import thaiplan
    >>> document = thaiplan.load_document("samut-sakhon-2563")
    >>> document.letter.number.format()
    'ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗'
    """

    id: str = attrs.field(validator=check_id)
    source: str = attrs.field(validator=text)
    letter: Letter | None = attrs.field(default=None, validator=optional_of(Letter, "a Letter"))
    meeting: Meeting | None = attrs.field(default=None, validator=optional_of(Meeting, "a Meeting"))
    calendar: PlanningCalendar | None = attrs.field(
        default=None, validator=optional_of(PlanningCalendar, "a PlanningCalendar")
    )
    plans: tuple[Plan, ...] = attrs.field(
        default=(), converter=_plans, validator=items_of(Plan, "a Plan")
    )
    notes: str = attrs.field(default="", validator=text)
