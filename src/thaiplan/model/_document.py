"""A planning document as a whole: the letter, the meeting and the calendar."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from thaiplan.model._letters import Letter
from thaiplan.model._meetings import Meeting
from thaiplan.model._plans import Plan
from thaiplan.model._steps import PlanningCalendar

__all__ = ["PlanningDocument"]


def _plans(items: Iterable[Plan]) -> tuple[Plan, ...]:
    return tuple(items)


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

    id: str
    source: str
    letter: Letter | None = None
    meeting: Meeting | None = None
    calendar: PlanningCalendar | None = None
    plans: tuple[Plan, ...] = attrs.field(default=(), converter=_plans)
    notes: str = ""
