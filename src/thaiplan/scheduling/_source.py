"""What the functions that take "a calendar or a document" accept, checked in one place.

:func:`~thaiplan.schedule`, :func:`~thaiplan.validate`, :func:`~thaiplan.shift`,
:func:`~thaiplan.gantt_html` and :func:`~thaiplan.calendar_ics` all take a
:class:`~thaiplan.PlanningCalendar` or a :class:`~thaiplan.PlanningDocument`
(whose calendar they then work on). Anything else is refused here with a
:class:`~thaiplan.errors.ThaiplanTypeError` that names the function and the
argument, and says how to get a calendar from what was given: a name or a
path is loaded with :func:`~thaiplan.load_calendar` or
:func:`~thaiplan.load_document` (this layer does not read files itself).
"""

from __future__ import annotations

import os

from thaiplan.errors import ModelError, ThaiplanTypeError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._steps import PlanningCalendar

__all__ = ["calendar_and_document", "check_source"]

_EXPECTED = "a PlanningCalendar or a PlanningDocument"


def _hint(value: object) -> str:
    """How to get a calendar from ``value``, when there is a way."""
    if isinstance(value, str):
        return (
            f"to check a built-in calendar or a file, load it first:"
            f" thaiplan.load_calendar({value!r}) or thaiplan.load_document({value!r})"
            if len(value) <= 200 and "\n" not in value
            else "to read calendar text, use thaiplan.loads_calendar(text)"
        )
    if isinstance(value, bytes | bytearray):
        return "decode the bytes and read them with thaiplan.loads_calendar(text)"
    if isinstance(value, os.PathLike):
        return "load the file first: thaiplan.load_calendar(path) or thaiplan.load_document(path)"
    return ""


def check_source(function: str, source: object, argument: str = "source") -> None:
    """Refuse anything but a calendar or a document, with a message saying what to pass.

    Raises:
        ThaiplanTypeError: ``source`` is neither.
    """
    if not isinstance(source, PlanningCalendar | PlanningDocument):
        raise ThaiplanTypeError(
            f"{function}({argument})", source, _EXPECTED, hint=_hint(source) or None
        )


def calendar_and_document(
    function: str, source: object, argument: str = "source"
) -> tuple[PlanningCalendar, PlanningDocument | None]:
    """The calendar to work on, and the document it came from (``None`` for a calendar).

    Raises:
        ThaiplanTypeError: ``source`` is neither a calendar nor a document.
        ModelError: ``source`` is a document without a calendar.

    >>> import thaiplan
    >>> calendar, document = calendar_and_document("f", thaiplan.load_document("samut-sakhon-2563"))
    >>> len(calendar.steps), document.id
    (15, 'samut-sakhon-2563')
    """
    check_source(function, source, argument)
    if isinstance(source, PlanningCalendar):
        return source, None
    assert isinstance(source, PlanningDocument)
    if source.calendar is None:
        raise ModelError(f"{function}(): document {source.id!r} has no calendar")
    return source.calendar, source
