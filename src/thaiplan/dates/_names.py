"""Thai month and weekday names: full, official abbreviations, and variants.

Sources: the official forms are those of the Royal Institute (ราชบัณฑิตยสถาน)
and of government letters (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ); the variants
are those seen in planning documents (abbreviations without dots, short forms
such as เมษา, the misspelling กรกฏาคม, which normalisation repairs).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

__all__ = [
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "MONTH_VARIANTS",
    "WEEKDAY_ABBREVIATIONS",
    "WEEKDAY_NAMES",
    "WEEKDAY_VARIANTS",
]

#: Full month names, January first (``MONTH_NAMES[0] == "มกราคม"``).
MONTH_NAMES: Final[tuple[str, ...]] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)

#: Official abbreviations, January first (``MONTH_ABBREVIATIONS[3] == "เม.ย."``).
MONTH_ABBREVIATIONS: Final[tuple[str, ...]] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

_SHORT_FORMS: Final = (
    "มกรา",
    "กุมภา",
    "มีนา",
    "เมษา",
    "พฤษภา",
    "มิถุนา",
    "กรกฎา",
    "สิงหา",
    "กันยา",
    "ตุลา",
    "พฤศจิกา",
    "ธันวา",
)

#: Full weekday names, Monday first as in :meth:`datetime.date.weekday`.
WEEKDAY_NAMES: Final[tuple[str, ...]] = (
    "จันทร์",
    "อังคาร",
    "พุธ",
    "พฤหัสบดี",
    "ศุกร์",
    "เสาร์",
    "อาทิตย์",
)

#: Official weekday abbreviations, Monday first.
WEEKDAY_ABBREVIATIONS: Final[tuple[str, ...]] = (
    "จ.",
    "อ.",
    "พ.",
    "พฤ.",
    "ศ.",
    "ส.",
    "อา.",
)


def _month_variants() -> dict[str, int]:
    variants: dict[str, int] = {}
    for number, (full, abbreviation, short) in enumerate(
        zip(MONTH_NAMES, MONTH_ABBREVIATIONS, _SHORT_FORMS, strict=True), start=1
    ):
        dotless = abbreviation.replace(".", "")
        forms = (full, abbreviation, short, dotless, f"{dotless}.", abbreviation.rstrip("."))
        for form in forms:
            variants[form] = number
    return variants


def _weekday_variants() -> dict[str, int]:
    variants: dict[str, int] = {}
    for number, (full, abbreviation) in enumerate(
        zip(WEEKDAY_NAMES, WEEKDAY_ABBREVIATIONS, strict=True)
    ):
        variants[full] = number
        variants[abbreviation] = number
    variants["พฤหัส"] = 3
    return variants


#: Every written form of a month that the parsers accept, mapped to its number
#: (1-12): full names, official abbreviations with and without dots (and
#: without the inner dots only: เมย., มค.), short forms.
#:
#: >>> MONTH_VARIANTS["เมษา"], MONTH_VARIANTS["เมย"], MONTH_VARIANTS["เม.ย."]
#: (4, 4, 4)
MONTH_VARIANTS: Final = MappingProxyType(_month_variants())

#: Every written form of a weekday that the parsers accept, mapped to its
#: number (Monday = 0, as :meth:`datetime.date.weekday`).
WEEKDAY_VARIANTS: Final = MappingProxyType(_weekday_variants())
