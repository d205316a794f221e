"""Official letters (หนังสือราชการ): reference numbers, references, enclosures.

The Regulation of the Prime Minister's Office on Correspondence
(ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ) sets the form of an external
letter (หนังสือภายนอก): its reference number ``ที่ <letter code> <owner number>/<sequence>``
(a circular, หนังสือเวียน, puts ว before the sequence), the issuing office and
address, the date (day, full month name, Buddhist-Era year), the subject
(เรื่อง), the salutation (เรียน), references (อ้างถึง), enclosures
(สิ่งที่ส่งมาด้วย), the body, the closing, the signatory and the owner unit
with its phone, fax and e-mail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from thaiplan.dates import Digits, parse_date, to_thai_digits
from thaiplan.dates._text import _normalise, to_arabic_digits
from thaiplan.errors import ModelError, ModelTypeError
from thaiplan.model._records import (
    Correction,
    check_corrections,
    corrections,
    field_name,
    flag,
    instance_of,
    items_of,
    non_empty_text,
    optional_id,
    optional_of,
    optional_whole,
    strings,
    text,
    texts,
    to_tuple,
    whole,
)

__all__ = ["DistributionList", "Enclosure", "Letter", "LetterNumber", "Recipient", "Reference"]


def _enclosures(items: Iterable[Enclosure]) -> tuple[Enclosure, ...]:
    converted: tuple[Enclosure, ...] = to_tuple(items)
    return converted


def _recipients(items: Iterable[Recipient]) -> tuple[Recipient, ...]:
    converted: tuple[Recipient, ...] = to_tuple(items)
    return converted


def _references(items: Iterable[Reference]) -> tuple[Reference, ...]:
    converted: tuple[Reference, ...] = to_tuple(items)
    return converted


_NUMBER: Final = re.compile(
    r"(?:ที่ ?)?(?P<code>[\u0e01-\u0e2e]{1,4}(?:\.[\u0e01-\u0e2e]+)*) ?"
    r"(?P<owner>[0-9๐-๙]+(?:\.[0-9๐-๙]+)*) ?/ ?(?P<circular>ว\.? ?)?(?P<sequence>[0-9๐-๙]+)"
)


_OWNER: Final = re.compile(r"[0-9]+(?:\.[0-9]+)*")


def _check_owner(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = field_name(instance, attribute)
    if not isinstance(value, str):
        raise ModelTypeError(name, value, "the owner number as text, such as '0017.2'")
    if not _OWNER.fullmatch(value):
        raise ModelError(
            f"{name} must be the owner number in Arabic digits and dots, such as '0017.2',"
            f" not {value!r}"
        )


@attrs.frozen
class LetterNumber:
    """A letter's reference number (เลขที่หนังสือ): ``ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗``.

    Attributes:
        code: The letter code: a ministry's (มท, นร) or, for a provincial
            letter, the province's abbreviation (สค = Samut Sakhon).
        owner: The number of the unit that owns the matter, Arabic digits (``"0017.2"``).
        circular: Whether it is a circular (หนังสือเวียน), marked ว.
        sequence: The letter's sequence number; it restarts each calendar year.
        text: The number as written (not compared).

    >>> number = LetterNumber.parse("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗")
    >>> number.code, number.owner, number.circular, number.sequence
    ('สค', '0017.2', True, 5577)
    >>> number.format(digits="arabic")
    'ที่ สค 0017.2/ว 5577'
    """

    code: str = attrs.field(validator=non_empty_text)
    owner: str = attrs.field(validator=_check_owner)
    circular: bool = attrs.field(default=False, validator=flag)
    sequence: int = attrs.field(default=0, validator=whole(0))
    text: str = attrs.field(default="", eq=False, validator=text)

    @classmethod
    def parse(cls, text: str) -> LetterNumber:
        """Read a reference number in Thai or Arabic digits; inverse of :meth:`format`.

        Raises:
            ModelError: The text is not a reference number; the message shows the form.
        """
        if not isinstance(text, str):
            raise ModelError(f"a letter number is text, not {text!r}")
        match = _NUMBER.fullmatch(_normalise(text))
        if match is None:
            raise ModelError(
                f"{text!r} is not a letter number; expected the form"
                " 'ที่ <code> <owner number>/<sequence>', such as 'ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗'"
            )
        return cls(
            code=match["code"],
            owner=to_arabic_digits(match["owner"]),
            circular=match["circular"] is not None,
            sequence=int(match["sequence"]),
            text=text,
        )

    def format(self, *, digits: Digits = "thai", prefix: bool = True) -> str:
        """Write the number: ``ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗``; inverse of :meth:`parse`.

        Args:
            digits: ``"thai"`` (the official style) or ``"arabic"``.
            prefix: Begin with ``ที่``.

        >>> LetterNumber("นร", "0505", sequence=12).format()
        'ที่ นร ๐๕๐๕/๑๒'
        """
        body = f"{self.code} {self.owner}/{'ว ' if self.circular else ''}{self.sequence}"
        if digits == "thai":
            body = to_thai_digits(body)
        elif digits != "arabic":
            raise ModelError(f"unknown digits {digits!r}; expected 'thai' or 'arabic'")
        return f"ที่ {body}" if prefix else body

    def __str__(self) -> str:
        return self.text or self.format()


def _parse_dated(record: Reference | Letter | DistributionList) -> dt.date | None:
    if not isinstance(record.dated, str):  # named here, before the parser names its own argument
        raise ModelTypeError(
            f"{type(record).__name__}.dated", record.dated, "its date as text (a str)"
        )
    return parse_date(record.dated) if record.dated else None


@attrs.frozen
class Reference:
    """A letter referred to (อ้างถึง).

    Attributes:
        issuer: Whose letter, as written (``"หนังสือจังหวัดสมุทรสาคร"``).
        number: Its reference number.
        dated: Its date as written.
        date: ``dated``, parsed.
        urgency: Its urgency as written (ด่วน, ด่วนมาก, ด่วนที่สุด), or "".
    """

    issuer: str = attrs.field(validator=text)
    number: LetterNumber | None = attrs.field(
        default=None, validator=optional_of(LetterNumber, "a LetterNumber")
    )
    dated: str = attrs.field(default="", validator=text, metadata={"parse": parse_date})
    date: dt.date | None = attrs.field(
        init=False,
        default=attrs.Factory(_parse_dated, takes_self=True),
        metadata={"derived": True},
    )
    urgency: str = attrs.field(default="", validator=text)


@attrs.frozen
class Enclosure:
    """An enclosure (สิ่งที่ส่งมาด้วย) and how many of it.

    Attributes:
        title: What it is, as written.
        quantity: How many (``จำนวน ๑ ชุด`` is 1), if stated.
        unit: The unit as written (ชุด, ฉบับ, แผ่น).
    """

    title: str = attrs.field(validator=text)
    quantity: int | None = attrs.field(default=None, validator=optional_whole(0))
    unit: str = attrs.field(default="", validator=text)


@attrs.frozen
class Recipient:
    """One numbered entry of a distribution list.

    Attributes:
        no: Its number in the list.
        name: The name as written.
        agency: The id of the agency it names, where known.
        corrections: Known corrections of the name.
    """

    no: int = attrs.field(validator=whole(0))
    name: str = attrs.field(validator=text)
    agency: str | None = attrs.field(default=None, validator=optional_id)
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )


@attrs.frozen
class DistributionList:
    """The list of recipients attached to a circular (บัญชีแนบท้ายหนังสือ).

    It quotes the letter it belongs to: number, date and subject, as written
    (which may disagree with the letter itself).

    Attributes:
        title: Its heading as written.
        number: The letter number it quotes.
        dated: The letter date it quotes, as written.
        date: ``dated``, parsed.
        subject: The subject it quotes.
        recipients: The numbered recipients.
        corrections: Known corrections of what the list quotes.
    """

    title: str = attrs.field(default="บัญชีแนบท้ายหนังสือ", validator=text)
    number: LetterNumber | None = attrs.field(
        default=None, validator=optional_of(LetterNumber, "a LetterNumber")
    )
    dated: str = attrs.field(default="", validator=text, metadata={"parse": parse_date})
    date: dt.date | None = attrs.field(
        init=False,
        default=attrs.Factory(_parse_dated, takes_self=True),
        metadata={"derived": True},
    )
    subject: str = attrs.field(default="", validator=text)
    recipients: tuple[Recipient, ...] = attrs.field(
        default=(), converter=_recipients, validator=items_of(Recipient, "a Recipient")
    )
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )


@attrs.frozen
class Letter:
    """An official letter (หนังสือภายนอก), as sent.

    Attributes:
        number: Its reference number (ที่).
        issuer: The issuing office, as written (``"ศาลากลางจังหวัดสมุทรสาคร"``).
        address: The office's address, as written.
        dated: The date as written (``"๕ เมษายน ๒๕๖๑"``).
        date: ``dated``, parsed.
        subject: The subject (เรื่อง), as written.
        salutation: To whom (เรียน); empty when the recipients are in an attached list.
        references: Letters it refers to (อ้างถึง).
        enclosures: What it encloses (สิ่งที่ส่งมาด้วย).
        body: The paragraphs of the body, as written.
        closing: The closing formula (``"ขอแสดงความนับถือ"``).
        signatory: Who signed, as written.
        position: The signatory's position, as written.
        owner_unit: The unit that owns the matter, line by line.
        phone: Its phone number as written.
        fax: Its fax number as written.
        email: Its e-mail address.
        distribution: The attached distribution list of a circular.
        corrections: Known corrections of what the letter wrote.
    """

    number: LetterNumber = attrs.field(validator=instance_of(LetterNumber, "a LetterNumber"))
    issuer: str = attrs.field(default="", validator=text)
    address: str = attrs.field(default="", validator=text)
    dated: str = attrs.field(default="", validator=text, metadata={"parse": parse_date})
    date: dt.date | None = attrs.field(
        init=False,
        default=attrs.Factory(_parse_dated, takes_self=True),
        metadata={"derived": True},
    )
    subject: str = attrs.field(default="", validator=text)
    salutation: str = attrs.field(default="", validator=text)
    references: tuple[Reference, ...] = attrs.field(
        default=(), converter=_references, validator=items_of(Reference, "a Reference")
    )
    enclosures: tuple[Enclosure, ...] = attrs.field(
        default=(), converter=_enclosures, validator=items_of(Enclosure, "an Enclosure")
    )
    body: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts)
    closing: str = attrs.field(default="", validator=text)
    signatory: str = attrs.field(default="", validator=text)
    position: str = attrs.field(default="", validator=text)
    owner_unit: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts)
    phone: str = attrs.field(default="", validator=text)
    fax: str = attrs.field(default="", validator=text)
    email: str = attrs.field(default="", validator=text)
    distribution: DistributionList | None = attrs.field(
        default=None, validator=optional_of(DistributionList, "a DistributionList")
    )
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )

    @property
    def circular(self) -> bool:
        """Whether the letter is a circular (หนังสือเวียน)."""
        return self.number.circular

    def _repr_html_(self) -> str:
        from thaiplan.io._notebook import letter_html

        return letter_html(self)
