"""Pieces shared by every domain record: identifiers, corrections, field checks, converters.

Every field of a record is checked when the record is built, by the
validators here: a value of the wrong type is a
:class:`~thaiplan.errors.ModelTypeError` (also a :exc:`TypeError`), a value of
the right type that the field cannot hold a :class:`~thaiplan.errors.ModelError`
(also a :exc:`ValueError`); both name the field (``Step.after[0]``), say what
came and what was expected. The converters turn any iterable into a tuple
and leave everything else as it came, for the validators to name.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs

from thaiplan.errors import ModelError, ModelTypeError

__all__ = [
    "Correction",
    "check_id",
    "check_ids",
    "corrections",
    "flag",
    "instance_of",
    "items_of",
    "member_of",
    "missing_member",
    "non_empty_text",
    "optional_id",
    "optional_of",
    "optional_text",
    "optional_whole",
    "strings",
    "text",
    "texts",
    "to_member",
    "to_tuple",
    "whole",
]

_ID: Final = re.compile(r"\S+")
_E = TypeVar("_E", bound=enum.Enum)
_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: Buddhist-Era years a record can hold: those whose fiscal year has dates
#: (datetime.date reaches 9999 CE = พ.ศ. 10542; thaiplan reads years from พ.ศ. 2400).
BE_YEARS: Final = (2400, 9999 + 543)


def field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """How a message names a field: ``Step.after``."""
    return f"{type(instance).__name__}.{attribute.name}"


def _sequence(items: object) -> bool:
    """Whether ``items`` is a collection of items (not text, bytes or a mapping)."""
    return isinstance(items, Iterable) and not isinstance(items, str | bytes | bytearray | Mapping)


def to_tuple(items: Any) -> Any:
    """Convert a list, tuple or other iterable to a tuple; leave anything else for the validator."""
    kind = type(items)
    if kind is tuple:
        return items
    if kind is list:  # the usual cases first: no abstract-class checks
        return tuple(items)
    return tuple(items) if _sequence(items) else items


def strings(items: Iterable[str]) -> tuple[str, ...]:
    """Convert text items to a tuple; a lone string is one item, not its letters."""
    if isinstance(items, str):
        return (items,)
    converted: tuple[str, ...] = to_tuple(items)
    return converted


def corrections(items: Iterable[Correction]) -> tuple[Correction, ...]:
    """Convert corrections to a tuple."""
    converted: tuple[Correction, ...] = to_tuple(items)
    return converted


def to_member(cls: type[_E], value: object) -> Any:
    """``cls(value)`` when ``value`` names a member; else ``value``, for :func:`member_of` to name."""
    try:
        return cls(value)
    except (ValueError, TypeError):
        return value


def missing_member(cls: type[enum.Enum], value: object) -> Any:
    """The ``_missing_`` of the model's enums: a thaiplan error that lists the members.

    ``Level("provincial")`` is a :class:`~thaiplan.errors.ModelError` (a
    :exc:`ValueError`, as the enum protocol asks) and ``Level(None)`` a
    :class:`~thaiplan.errors.ModelTypeError`.
    """
    allowed = ", ".join(repr(member.value) for member in cls)
    if not isinstance(value, str):
        raise ModelTypeError(cls.__name__, value, f"one of {allowed}")
    close = [member.value for member in cls if str(member.value).startswith(value[:3])]
    hint = f"; did you mean {close[0]!r}?" if value and close else ""
    raise ModelError(f"{value!r} is not a {cls.__name__}; expected one of {allowed}{hint}")


def member_of(cls: type[enum.Enum]) -> _Validator:
    """A validator: the value is a member of the enum ``cls``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, cls):
            return
        allowed = ", ".join(repr(member.value) for member in cls)
        name = field_name(instance, attribute)
        if isinstance(value, str):
            raise ModelError(f"{name} must be one of {allowed}, not {value!r}")
        raise ModelTypeError(name, value, f"a {cls.__name__} (one of {allowed})")

    return check


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate text: a str."""
    if not isinstance(value, str):
        raise ModelTypeError(field_name(instance, attribute), value, "text (a str)")


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate text or ``None``."""
    if value is not None and not isinstance(value, str):
        raise ModelTypeError(field_name(instance, attribute), value, "text (a str) or None")


def non_empty_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate text that is not empty or only spaces (a name)."""
    text(instance, attribute, value)
    if not str(value).strip():
        raise ModelError(f"{field_name(instance, attribute)} must be non-empty text, not {value!r}")


def texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a tuple of text items."""
    if not isinstance(value, tuple):
        raise ModelTypeError(field_name(instance, attribute), value, "a list of text items")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            name = field_name(instance, attribute)
            raise ModelTypeError(f"{name}[{index}]", item, "text (a str)")


def _check_one_id(name: str | Callable[[], str], value: object) -> None:
    if isinstance(value, str) and _ID.fullmatch(value):
        return
    if callable(name):  # the name is worked out only for the message
        name = name()
    if not isinstance(value, str):
        raise ModelTypeError(
            name, value, "an identifier (a str without spaces, such as 's1' or 'provincial-office')"
        )
    raise ModelError(
        f"{name} must be a non-empty identifier"
        f" without spaces, such as 's1' or 'provincial-office', not {value!r}"
    )


def check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an identifier: a non-empty string without spaces."""
    _check_one_id(lambda: field_name(instance, attribute), value)


def optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an identifier or ``None``."""
    if value is not None:
        check_id(instance, attribute, value)


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a tuple of identifiers."""
    if not isinstance(value, tuple):
        raise ModelTypeError(field_name(instance, attribute), value, "a list of identifiers")
    for index, item in enumerate(value):
        _check_one_id(lambda: f"{field_name(instance, attribute)}[{index}]", item)  # noqa: B023


def _whole(
    name: Callable[[], str], value: object, minimum: int, maximum: int | None, expected: str
) -> None:
    if type(value) is int and value >= minimum and (maximum is None or value <= maximum):
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelTypeError(name(), value, expected)
    if value < minimum or (maximum is not None and value > maximum):
        bounds = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"
        raise ModelError(f"{name()} must be a whole number {bounds}, not {value!r}")


def whole(minimum: int, maximum: int | None = None) -> _Validator:
    """A validator: a whole number (an int, not a bool) from ``minimum`` (to ``maximum``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _whole(
            lambda: field_name(instance, attribute),
            value,
            minimum,
            maximum,
            "a whole number (an int)",
        )

    return check


def optional_whole(minimum: int, maximum: int | None = None) -> _Validator:
    """A validator: ``None`` or a whole number from ``minimum`` (to ``maximum``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            _whole(
                lambda: field_name(instance, attribute),
                value,
                minimum,
                maximum,
                "a whole number (an int) or None",
            )

    return check


def flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a flag: True or False."""
    if not isinstance(value, bool):
        raise ModelTypeError(field_name(instance, attribute), value, "True or False")


def optional_of(cls: type, what: str | None = None) -> _Validator:
    """A validator: ``None`` or an instance of ``cls``."""
    expected = f"{what or 'a ' + cls.__name__} or None"

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, cls):
            raise ModelTypeError(field_name(instance, attribute), value, expected)

    return check


def instance_of(cls: type, what: str) -> _Validator:
    """A validator: an instance of ``cls`` (``what`` in words)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise ModelTypeError(field_name(instance, attribute), value, what)

    return check


def items_of(cls: type | tuple[type, ...], what: str) -> _Validator:
    """A validator: a tuple whose every item is an instance of ``cls`` (``what`` in words)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise ModelTypeError(
                field_name(instance, attribute), value, f"a list, each item {what}"
            )
        for index, item in enumerate(value):
            if not isinstance(item, cls):
                name = field_name(instance, attribute)
                raise ModelTypeError(f"{name}[{index}]", item, what)

    return check


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

    field: str = attrs.field(validator=non_empty_text)
    written: str = attrs.field(validator=text)
    corrected: str = attrs.field(validator=text)
    reason: str = attrs.field(default="", validator=text)


#: The validator of a tuple of corrections.
check_corrections: Final = items_of(Correction, "a Correction")
