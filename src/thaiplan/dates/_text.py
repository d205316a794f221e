"""Thai digits, Buddhist-Era years and the normalisation of document text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, Literal

from thaiplan.errors import ThaiDateTypeError

__all__ = ["be_to_ce", "ce_to_be", "normalise", "to_arabic_digits", "to_thai_digits"]

BE_OFFSET: Final = 543

#: The styles of :func:`format_date`. ``"full"`` is the government style
#: (๕ เมษายน ๒๕๖๑), ``"abbr"`` the calendars' (๕ เม.ย. ๖๑), ``"numeric"``
#: day-first (๕/๔/๒๕๖๑) and ``"iso"`` ISO 8601 (2018-04-05).
DateStyle = Literal["full", "abbr", "numeric", "iso"]
#: The digits to write. ``"thai"`` writes ๐-๙ (the official style) and ``"arabic"`` 0-9.
Digits = Literal["thai", "arabic"]

_THAI_DIGITS: Final = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI: Final = str.maketrans("0123456789", _THAI_DIGITS)
_TO_ARABIC: Final = str.maketrans(_THAI_DIGITS, "0123456789")

# One table does the per-character part of normalisation: every kind of
# space to a plain space, invisible characters away, every dash to a
# hyphen-minus. Digits stay as written: the parsers read Thai and Arabic
# digits alike, and keeping them keeps positions in the text unchanged.
_SPACES: Final = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\n\r\f\v"
)
_INVISIBLE: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DASHES: Final = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_LAYOUT: Final = {
    **{ord(c): " " for c in _SPACES},
    **{ord(c): None for c in _INVISIBLE},
    **{ord(c): "-" for c in _DASHES},
}
# Text that needs any normalisation at all; most document dates need none.
_NEEDS_WORK: Final = re.compile(f"[{_SPACES}{_INVISIBLE}{_DASHES}\u0e4dฏ]|  |^ | $")
# Sara am typed as nikhahit + sara aa, with or without a tone mark between.
_DECOMPOSED_SARA_AM: Final = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_MISSPELLINGS: Final = (("กรกฏา", "กรกฎา"),)


# -- the checks at the entry of the public functions -------------------------------------


def check_str(argument: str, value: object) -> None:
    """Raise :class:`~thaiplan.errors.ThaiDateTypeError` unless ``value`` is a str."""
    if not isinstance(value, str):
        raise ThaiDateTypeError(argument, value, "a str")


def check_int(argument: str, value: object) -> None:
    """Raise unless ``value`` is an int (a bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ThaiDateTypeError(argument, value, "an int")


def check_bool(argument: str, value: object) -> None:
    """Raise unless ``value`` is True or False."""
    if not isinstance(value, bool):
        raise ThaiDateTypeError(argument, value, "True or False")


def check_day(argument: str, value: object) -> dt.date:
    """The day ``value`` stands for (a datetime's date); raise unless it is a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, dt.date):
        hint = None
        if isinstance(value, str):
            hint = "read text with parse_date() first"
        raise ThaiDateTypeError(argument, value, "a datetime.date", hint=hint)
    return value


def to_thai_digits(value: str | int) -> str:
    """Write the Arabic digits of ``value`` as Thai digits (๐-๙).

    Everything else in a string is left as it is. The inverse is
    :func:`to_arabic_digits`.

    >>> to_thai_digits(2561)
    '๒๕๖๑'
    >>> to_thai_digits("ที่ สค 0017.2/ว 5577")
    'ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗'
    """
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ThaiDateTypeError("to_thai_digits(value)", value, "a str or an int")
    return str(value).translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Write the Thai digits (๐-๙) of ``text`` as Arabic digits (0-9).

    Only Thai digits are converted; other scripts' digits stay as they are, so
    that thaiplan never reads a number that a Thai document would not write.
    The inverse is :func:`to_thai_digits`.

    >>> to_arabic_digits("๕ เมษายน ๒๕๖๑")
    '5 เมษายน 2561'
    >>> int(to_arabic_digits("๐๐๑๗"))
    17
    """
    check_str("to_arabic_digits(text)", text)
    return text.translate(_TO_ARABIC)


def be_to_ce(year: int) -> int:
    """Convert a Buddhist-Era year (พ.ศ.) to the Common Era (ค.ศ.): CE = BE - 543.

    The inverse is :func:`ce_to_be`. The conversion is by calendar year: the
    Thai year has begun on 1 January since พ.ศ. ๒๔๘๔ (1941).

    >>> be_to_ce(2563)
    2020
    """
    check_int("be_to_ce(year)", year)
    return year - BE_OFFSET


def ce_to_be(year: int) -> int:
    """Convert a Common-Era year (ค.ศ.) to the Buddhist Era (พ.ศ.): BE = CE + 543.

    The inverse is :func:`be_to_ce`.

    >>> ce_to_be(2018)
    2561
    """
    check_int("ce_to_be(year)", year)
    return year + BE_OFFSET


def normalise(text: str) -> str:
    r"""Normalise document text the way every thaiplan parser reads it.

    Thai digits become Arabic; no-break, thin and other spaces become plain
    spaces and runs of them one space; zero-width characters and soft hyphens
    go; dashes (en dash, em dash, minus) become ``-``; sara am typed as two
    characters (``ํ`` + ``า``) becomes ``ำ``; the misspelling กรกฏาคม becomes
    กรกฎาคม. Leading and trailing spaces go.

    >>> normalise("๔\u00a0เม.ย.\u200b ๖๑ – กรกฏาคม")
    '4 เม.ย. 61 - กรกฎาคม'
    """
    check_str("normalise(text)", text)
    return to_arabic_digits(_normalise(text))


def _normalise(text: str) -> str:
    """:func:`normalise`, but with the digits left as written."""
    if _NEEDS_WORK.search(text) is None:
        return text
    text = text.translate(_LAYOUT)
    if "\u0e4d" in text:
        text = _DECOMPOSED_SARA_AM.sub("\\1\u0e33", text)
    for wrong, right in _MISSPELLINGS:
        text = text.replace(wrong, right)
    return " ".join(filter(None, text.split(" ")))


def normalise_with_positions(text: str) -> tuple[str, list[int]]:
    """Normalise like ``_normalise`` and map each output index to the input.

    Slow and only used to place an error: ``positions[i]`` is the index in
    ``text`` of the character at ``i`` in the result, and ``positions[-1]``
    is ``len(text)``. The passes are those of ``_normalise``, in its order.
    """
    # 1. the per-character table: spaces, invisible characters, dashes
    chars: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        mapped = _LAYOUT.get(ord(char), char)
        if mapped is not None:
            chars.append(mapped)
            positions.append(index)
    # 2. sara am typed as two characters
    joined = "".join(chars)
    if "\u0e4d" in joined:
        kept_chars: list[str] = []
        kept_positions: list[int] = []
        last = 0
        for match in _DECOMPOSED_SARA_AM.finditer(joined):
            kept_chars.extend(chars[last : match.start()])
            kept_positions.extend(positions[last : match.start()])
            for piece in match.group(1) + "\u0e33":
                kept_chars.append(piece)
                kept_positions.append(positions[match.start()])
            last = match.end()
        kept_chars.extend(chars[last:])
        kept_positions.extend(positions[last:])
        chars, positions = kept_chars, kept_positions
    # 3. misspellings, each as long as its repair
    joined = "".join(chars)
    for wrong, right in _MISSPELLINGS:
        joined = joined.replace(wrong, right)
    # 4. runs of spaces, and spaces at either end
    out: list[str] = []
    out_positions: list[int] = []
    for char, position in zip(joined, positions, strict=True):
        if char == " " and (not out or out[-1] == " "):
            continue
        out.append(char)
        out_positions.append(position)
    if out and out[-1] == " ":
        out.pop()
        out_positions.pop()
    out_positions.append(len(text))
    return "".join(out), out_positions
