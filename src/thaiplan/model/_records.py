"""Pieces shared by every domain record: identifiers, corrections, converters."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from thaiplan.errors import ModelError

__all__ = ["Correction", "check_id", "check_ids", "corrections", "strings"]

_ID: Final = re.compile(r"\S+")


def strings(items: Iterable[str]) -> tuple[str, ...]:
    """Convert text items to a tuple; a lone string is one item, not its letters."""
    if isinstance(items, str):
        return (items,)
    return tuple(items)


def corrections(items: Iterable[Correction]) -> tuple[Correction, ...]:
    """Convert corrections to a tuple."""
    return tuple(items)


def check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an identifier: a non-empty string without spaces."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ModelError(
            f"{type(instance).__name__}.{attribute.name} must be a non-empty identifier"
            f" without spaces, such as 's1' or 'provincial-office', not {value!r}"
        )


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a tuple of identifiers."""
    if not isinstance(value, tuple):
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must be a tuple")
    for item in value:
        check_id(instance, attribute, item)


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must be non-empty text")


@attrs.frozen
class Correction:
    """A known correction of something a document got wrong, kept beside it.

    thaiplan never overwrites what a document says: the text stays as written
    (OCR errors and contradictions included) and the correction stands next
    to it, with the reason.

    Attributes:
        field: The field of the record that is corrected (``"title"``, ``"number"``).
        written: What the document says, verbatim.
        corrected: What it should say.
        reason: Why, in a sentence; where the right value comes from.

    >>> c = Correction("name", "อำเภอกะทู้แม่แบน", "อำเภอกระทุ่มแบน", "OCR misreading")
    >>> c.corrected
    'อำเภอกระทุ่มแบน'
    """

    field: str = attrs.field(validator=_non_empty)
    written: str = attrs.field(validator=attrs.validators.instance_of(str))
    corrected: str = attrs.field(validator=attrs.validators.instance_of(str))
    reason: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
