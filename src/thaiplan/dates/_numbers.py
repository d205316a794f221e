"""Thai number words and amounts of baht, read and written with :class:`~decimal.Decimal`.

Theory of operation
-------------------
Thai writes a whole number in groups of six digits joined by ล้าน (million):
the part above a million is itself a number, followed by ล้าน, so ten to the
twelfth is หนึ่งล้านล้าน and 2,500,000,000,000 is สองล้านห้าแสนล้าน. Inside a
group each digit is named with its place (สิบ, ร้อย, พัน, หมื่น, แสน); a one in
the tens place is สิบ alone, a two there is ยี่สิบ, and a one in the units place
of a number above nine is เอ็ด (สิบเอ็ด, หนึ่งร้อยเอ็ด, หนึ่งล้านเอ็ด). These are
the rules of the Royal Institute and of Excel's ``BAHTTEXT``; PyThaiNLP's
``bahttext`` follows them too, and the tests use it as an oracle.

Reading goes the other way, one token at a time (a fixed vocabulary matched
at each position, so that no pattern can backtrack): the groups between the
ล้าน are read by place, each place at most once and in falling order, and
combined from the left (value × 1,000,000 + group). A place word with no
digit before it means one of it (สิบ, and the spoken ร้อยห้าสิบ), and หนึ่ง is
read in the units place as well as เอ็ด. Digits, Thai (๐-๙) or Arabic, with
commas between groups of three, are read too, and ล้าน may follow them
(``๓,๑๘๕,๐๐๐ ล้านบาท``, ``2.5 ล้าน``) as budget documents write large sums.

Money is never a float. An amount of baht is a :class:`~decimal.Decimal` with
at most two places (satang); :func:`bahttext` refuses finer amounts rather
than round them without saying so.

>>> thai_number_words(2_500_000_000_000)
'สองล้านห้าแสนล้าน'
>>> parse_thai_number("หนึ่งร้อยเอ็ด")
101
>>> bahttext(Decimal("1200000"))
'หนึ่งล้านสองแสนบาทถ้วน'
>>> parse_baht("๑,๒๓๔,๕๖๗ บาท")
Decimal('1234567')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from thaiplan.errors import ThaiDateTypeError, ThaiNumberError

from ._text import Digits, to_thai_digits

__all__ = ["bahttext", "format_baht", "parse_baht", "parse_thai_number", "thai_number_words"]

_DIGIT_WORDS: Final = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACE_WORDS: Final = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")
_MILLION: Final = 1_000_000
_SATANG: Final = Decimal("0.01")

# token -> (kind, value). Kinds: digit, place, million, unit words of money.
_VOCABULARY: Final[dict[str, tuple[str, int]]] = {
    **{word: ("digit", value) for value, word in enumerate(_DIGIT_WORDS)},
    "เอ็ด": ("digit", 1),
    "ยี่": ("digit", 2),
    **{word: ("place", place) for place, word in enumerate(_PLACE_WORDS) if word},
    "ล้าน": ("million", 0),
    "ลบ": ("minus", 0),
    "บาท": ("baht", 0),
    "ถ้วน": ("even", 0),
    "ตรง": ("even", 0),
    "สตางค์": ("satang", 0),
}
_LONGEST: Final = max(map(len, _VOCABULARY))
_ASCII_DIGITS: Final = "0123456789"
_THAI_DIGITS: Final = "๐๑๒๓๔๕๖๗๘๙"
_SKIPPED: Final = frozenset(" \u00a0\u200b\t")


# -- writing ------------------------------------------------------------------------------


def _group_words(number: int, *, ed: bool) -> str:
    """The words of 0 < number < 1,000,000; ``ed`` when a higher digit is not zero."""
    words = []
    digits = str(number)
    width = len(digits)
    for index, char in enumerate(digits):
        digit = int(char)
        place = width - 1 - index
        if digit == 0:
            continue
        if place == 0:
            words.append("เอ็ด" if digit == 1 and (ed or width > 1) else _DIGIT_WORDS[digit])
        elif place == 1:
            words.append({1: "", 2: "ยี่"}.get(digit, _DIGIT_WORDS[digit]) + "สิบ")
        else:
            words.append(_DIGIT_WORDS[digit] + _PLACE_WORDS[place])
    return "".join(words)


def thai_number_words(number: int) -> str:
    """Write a whole number in Thai words; inverse of :func:`parse_thai_number`.

    Any size: above a million the groups are joined by ล้าน (ล้านล้าน is ten to
    the twelfth). Negative numbers begin with ลบ.

    Raises:
        TypeError: ``number`` is not an ``int`` (a bool is not a number here).

    >>> thai_number_words(21), thai_number_words(101), thai_number_words(1_000_001)
    ('ยี่สิบเอ็ด', 'หนึ่งร้อยเอ็ด', 'หนึ่งล้านเอ็ด')
    >>> thai_number_words(10**12)
    'หนึ่งล้านล้าน'
    """
    if isinstance(number, bool) or not isinstance(number, int):
        raise ThaiDateTypeError("thai_number_words(number)", number, "an int")
    if number == 0:
        return _DIGIT_WORDS[0]
    if number < 0:
        return "ลบ" + thai_number_words(-number)
    groups = []
    rest = number
    while rest:
        rest, group = divmod(rest, _MILLION)
        groups.append(group)
    words = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group:
            words.append(_group_words(group, ed=index < len(groups) - 1))
        if index:
            words.append("ล้าน")
    return "".join(words)


def _check_amount(amount: Decimal | int, function: str) -> Decimal:
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        hint = (
            "write Decimal('…') from the text, never a float" if isinstance(amount, float) else None
        )
        raise ThaiDateTypeError(f"{function}(amount)", amount, "a Decimal or an int", hint=hint)
    value = Decimal(amount)
    if not value.is_finite():
        raise ThaiNumberError(
            "an amount of baht must be a finite number",
            text=str(amount),
            position=None,
            reason="not_finite",
        )
    if value != value.quantize(_SATANG, rounding="ROUND_DOWN"):
        raise ThaiNumberError(
            "an amount of baht has at most two places (satang)",
            text=str(amount),
            position=None,
            reason="below_satang",
            hint=str(value.quantize(_SATANG)),
        )
    return value


def bahttext(amount: Decimal | int) -> str:
    """Write an amount of baht in words, as cheques and contracts do.

    Whole amounts end in บาทถ้วน; satang are written after บาท. An amount
    below one baht is its satang alone, as Excel's ``BAHTTEXT`` writes it
    (PyThaiNLP writes ศูนย์บาท before them). The inverse is :func:`parse_baht`.

    Args:
        amount: Baht, with at most two decimal places; never a float.

    Raises:
        TypeError: ``amount`` is not a ``Decimal`` or an ``int``.
        ThaiNumberError: It has more than two decimal places (reason
            ``below_satang``: round it first) or is not finite.

    >>> bahttext(Decimal("1200000"))
    'หนึ่งล้านสองแสนบาทถ้วน'
    >>> bahttext(Decimal("2847165072.50"))
    'สองพันแปดร้อยสี่สิบเจ็ดล้านหนึ่งแสนหกหมื่นห้าพันเจ็ดสิบสองบาทห้าสิบสตางค์'
    >>> bahttext(Decimal("0.25")), bahttext(0)
    ('ยี่สิบห้าสตางค์', 'ศูนย์บาทถ้วน')
    """
    value = _check_amount(amount, "bahttext")
    sign = "ลบ" if value < 0 else ""
    baht, fraction = divmod(abs(value), 1)
    satang = int(fraction * 100)
    if not satang:
        return f"{sign}{thai_number_words(int(baht))}บาทถ้วน"
    head = f"{thai_number_words(int(baht))}บาท" if baht else ""
    return f"{sign}{head}{thai_number_words(satang)}สตางค์"


def format_baht(
    amount: Decimal | int | None,
    *,
    digits: Digits = "arabic",
    unit: bool = False,
    satang: bool | None = None,
) -> str:
    """Write an amount of baht in figures with commas, as budget tables do.

    Nothing (``None``) is written ``-``, as a ผ.๐๒ sheet leaves a year with no
    budget. The inverse is :func:`parse_baht`.

    Args:
        amount: Baht, with at most two decimal places, or ``None``.
        digits: ``"arabic"`` (0-9) or ``"thai"`` (๐-๙).
        unit: Add `` บาท`` after the figure.
        satang: Always write two decimal places (``True``), never (``False``:
            the amount must then be whole), or only when there are satang
            (``None``, the default).

    Raises:
        TypeError: ``amount`` is not a ``Decimal``, an ``int`` or ``None``.
        ThaiNumberError: Finer than a satang, or satang with ``satang=False``.

    >>> format_baht(Decimal("1632820")), format_baht(None)
    ('1,632,820', '-')
    >>> format_baht(Decimal("1234567.5"), digits="thai", unit=True)
    '๑,๒๓๔,๕๖๗.๕๐ บาท'
    """
    if digits not in ("arabic", "thai"):
        raise ThaiNumberError(
            "digits must be 'arabic' or 'thai'",
            text=str(digits),
            position=None,
            reason="unknown_digits",
        )
    if amount is None:
        return "-"
    value = _check_amount(amount, "format_baht")
    whole = value == value.to_integral_value()
    if satang is False and not whole:
        raise ThaiNumberError(
            "the amount has satang, and satang=False writes none",
            text=str(amount),
            position=None,
            reason="has_satang",
        )
    text = f"{value:,.2f}" if satang or (satang is None and not whole) else f"{value:,.0f}"
    if digits == "thai":
        text = to_thai_digits(text)
    return f"{text} บาท" if unit else text


# -- reading ------------------------------------------------------------------------------

# A token: its kind, its value (a digit, a place, a numeral's text), its position, its word.
_Token = tuple[str, object, int, str]


def _error(text: str, position: int | None, problem: str, reason: str) -> ThaiNumberError:
    return ThaiNumberError(problem, text=text, position=position, reason=reason)


def _tokens(text: str) -> list[_Token]:
    """Split ``text`` into tokens, digits and words alike; spaces are skipped."""
    tokens: list[_Token] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in _SKIPPED:
            index += 1
            continue
        if char in _ASCII_DIGITS or char in _THAI_DIGITS:
            start = index
            while index < length and (
                text[index] in _ASCII_DIGITS or text[index] in _THAI_DIGITS or text[index] in ",."
            ):
                index += 1
            numeral = text[start:index]
            if numeral.endswith("."):
                numeral = numeral[:-1]  # "1,500.-": the dot before a dash
            tokens.append(("numeral", numeral, start, numeral))
            continue
        if char in "-\u2013\u2014\u2212":
            tokens.append(("dash", 0, index, char))
            index += 1
            continue
        if char == "฿":
            tokens.append(("sign", 0, index, char))
            index += 1
            continue
        for size in range(min(_LONGEST, length - index), 0, -1):
            word = text[index : index + size]
            found = _VOCABULARY.get(word)
            if found is not None:
                tokens.append((found[0], found[1], index, word))
                index += size
                break
        else:
            raise _error(text, index, f"{text[index]!r} is not part of a number", "unexpected_text")
    return tokens


def _numeral(text: str, numeral: str, position: int) -> Decimal:
    """A numeral in Thai or Arabic digits with commas between groups of three."""
    plain = numeral.translate(str.maketrans(_THAI_DIGITS, _ASCII_DIGITS))
    whole, _, fraction = plain.partition(".")
    if "." in fraction:
        raise _error(text, position, "a number has at most one decimal point", "bad_numeral")
    if "," in fraction:
        raise _error(text, position, "a comma after the decimal point", "bad_commas")
    if "," in whole:
        groups = whole.split(",")
        if not (1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])):
            raise _error(
                text,
                position,
                "commas go between groups of three digits, as in 1,632,820",
                "bad_commas",
            )
    return Decimal(whole.replace(",", "") + ("." + fraction if fraction else ""))


def _group(text: str, tokens: list[_Token], index: int) -> tuple[int, int]:
    """Read words below a million from ``tokens[index:]``: (value, next index)."""
    value = 0
    last_place = 6
    digit: _Token | None = None
    while index < len(tokens):
        token = tokens[index]
        kind, item, position, word = token
        if kind == "digit":
            assert isinstance(item, int)
            if digit is not None:
                raise _error(text, position, "two digit words in a row", "unexpected_text")
            if item == 0:
                raise _error(
                    text, position, "ศูนย์ is said only of nothing at all", "unexpected_text"
                )
            digit = token
        elif kind == "place":
            assert isinstance(item, int)
            if item >= last_place:
                raise _error(
                    text,
                    position,
                    f"{word} after {_PLACE_WORDS[last_place] if last_place < 6 else 'a larger place'}:"
                    " the places go from the largest down, each once",
                    "place_order",
                )
            if digit is not None and (digit[3] == "เอ็ด" or (digit[3] == "ยี่" and item != 1)):
                raise _error(text, digit[2], _MISPLACED[digit[3]], "unexpected_text")
            multiple = 1 if digit is None else digit[1]
            assert isinstance(multiple, int)
            value += multiple * 10**item
            last_place = item
            digit = None
        else:
            break
        index += 1
    if digit is not None:
        if digit[3] == "ยี่":
            raise _error(text, digit[2], _MISPLACED["ยี่"], "unexpected_text")
        assert isinstance(digit[1], int)
        value += digit[1]
    return value, index


_MISPLACED: Final = {
    "ยี่": "ยี่ is said only before สิบ (ยี่สิบ)",
    "เอ็ด": "เอ็ด is said only in the units place (สิบเอ็ด)",
}


def _words(text: str, tokens: list[_Token], index: int) -> tuple[int | None, int]:
    """A whole number in words from ``tokens[index:]``: (value or None, next index)."""
    if index < len(tokens) and tokens[index][0] == "digit" and tokens[index][1] == 0:
        return 0, index + 1
    value = 0
    start = index
    while True:
        group, after = _group(text, tokens, index)
        if after < len(tokens) and tokens[after][0] == "million":
            if after == start:
                group = 1  # ล้าน alone: one million
            value = (value + group) * _MILLION
            index = after + 1
            continue
        if after == start:
            return None, start
        return value + group, after


def _read_number(text: str, tokens: list[_Token], index: int) -> tuple[Decimal | None, int]:
    """A number (figures, or words) from ``tokens[index:]``: (value or None, next index)."""
    if index < len(tokens) and tokens[index][0] == "numeral":
        value = _numeral(text, tokens[index][3], tokens[index][2])
        index += 1
        if index < len(tokens) and tokens[index][0] == "million":
            while index < len(tokens) and tokens[index][0] == "million":
                value *= _MILLION
                index += 1
            if value == value.to_integral_value():
                value = value.to_integral_value()
        return value, index
    number, index = _words(text, tokens, index)
    return (None if number is None else Decimal(number)), index


def _sign(tokens: list[_Token]) -> tuple[int, int]:
    """(1 or -1, index after the sign) for a leading ลบ or minus before a number."""
    if len(tokens) > 1 and tokens[0][0] in ("minus", "dash"):
        return -1, 1
    return 1, 0


def parse_thai_number(text: str) -> int:
    """Read a whole number written in Thai words or in digits; inverse of :func:`thai_number_words`.

    Words as documents write them (เอ็ด and ยี่, ล้านล้าน, spaces anywhere),
    digits Thai or Arabic with commas between groups of three, and digits
    followed by ล้าน (``๓,๑๘๕,๐๐๐ ล้าน``). ลบ or a minus sign makes it negative.

    Raises:
        TypeError: ``text`` is not a ``str``.
        ThaiNumberError: The text is not a whole number, with the position of
            the first character that is wrong.

    >>> parse_thai_number("สองล้านห้าแสนล้าน")
    2500000000000
    >>> parse_thai_number("๑,๒๓๔"), parse_thai_number("2.5 ล้าน")
    (1234, 2500000)
    """
    if not isinstance(text, str):
        raise ThaiDateTypeError("parse_thai_number(text)", text, "a str")
    tokens = _tokens(text)
    if not tokens:
        raise _error(text, None, "expected a number, found nothing", "empty")
    sign, index = _sign(tokens)
    value, end = _read_number(text, tokens, index)
    if value is None:
        raise _error(text, tokens[index][2], "expected a number", "not_number")
    if end < len(tokens):
        raise _error(text, tokens[end][2], "unexpected text after the number", "unexpected_text")
    if value != value.to_integral_value():
        raise _error(text, None, "not a whole number", "not_whole")
    return sign * int(value)


def parse_baht(text: str) -> Decimal | None:
    """Read an amount of baht as documents write it; inverse of :func:`format_baht` and :func:`bahttext`.

    Figures in Thai or Arabic digits with commas (``1,632,820``,
    ``๑,๒๓๔,๕๖๗.๕๐``, ``1,500.-``), with or without ``บาท`` or ``฿``;
    ``ล้านบาท`` after figures; amounts in words (``หนึ่งล้านสองแสนบาทถ้วน``,
    ``…บาทห้าสิบสตางค์``, ``ห้าสิบสตางค์``). A dash alone, or nothing, is no
    amount: ``None``, as a ผ.๐๒ sheet writes a year without budget.

    Raises:
        TypeError: ``text`` is not a ``str``.
        ThaiNumberError: Not an amount of baht, with the position of the
            first character that is wrong; finer than a satang (reason
            ``below_satang``).

    >>> parse_baht(" 1,632,820 "), parse_baht(" - ")
    (Decimal('1632820'), None)
    >>> parse_baht("หนึ่งล้านสองแสนบาทถ้วน"), parse_baht("สิบบาทห้าสิบสตางค์")
    (Decimal('1200000'), Decimal('10.50'))
    >>> parse_baht("๒.๕ ล้านบาท")
    Decimal('2500000')
    """
    if not isinstance(text, str):
        raise ThaiDateTypeError("parse_baht(text)", text, "a str")
    tokens = _tokens(text)
    if not tokens or (len(tokens) == 1 and tokens[0][0] == "dash"):
        return None
    if tokens[0][0] == "sign":
        tokens = tokens[1:]
    sign, index = _sign(tokens)
    value, index = _read_number(text, tokens, index)
    if value is None:
        where = tokens[index][2] if index < len(tokens) else None
        raise _error(text, where, "expected an amount of baht", "not_number")
    kind = tokens[index][0] if index < len(tokens) else ""
    if kind == "satang":  # satang alone: "ห้าสิบสตางค์"
        value = _satang(text, value, tokens[index][2])
        index += 1
    elif kind == "baht":
        index += 1
        kind = tokens[index][0] if index < len(tokens) else ""
        if kind == "even":
            index += 1
        elif kind in ("digit", "place", "numeral"):
            where = tokens[index][2]
            satang, index = _read_number(text, tokens, index)
            if satang is None or index >= len(tokens) or tokens[index][0] != "satang":
                raise _error(text, where, "expected satang (…สตางค์) after บาท", "unexpected_text")
            value += _satang(text, satang, where)
            index += 1
    elif kind == "dash" and index == len(tokens) - 1 and tokens[index - 1][0] == "numeral":
        index += 1  # "1,500.-"
    if index < len(tokens):
        raise _error(text, tokens[index][2], "unexpected text after the amount", "unexpected_text")
    if value != value.quantize(_SATANG, rounding="ROUND_DOWN"):
        raise _error(
            text, None, "an amount of baht has at most two places (satang)", "below_satang"
        )
    return value if sign > 0 or value == 0 else -value


def _satang(text: str, satang: Decimal, position: int) -> Decimal:
    if satang != satang.to_integral_value() or not 0 < satang < 100:
        raise _error(text, position, "satang are a whole number from 1 to 99", "bad_satang")
    return (satang / 100).quantize(_SATANG)
