"""Agencies and committees: who does the planning.

Agencies (หน่วยงาน) are the offices, local governments and groups named in a
planning document; committees (คณะกรรมการ) are the bodies that approve plans
and are appointed by an order (คำสั่ง). Both are records: frozen, compared by
value, referred to elsewhere by their ``id``.
"""

from __future__ import annotations

import enum
import re
from typing import Any, Final

import attrs

from thaiplan.errors import ModelError, ModelTypeError
from thaiplan.model._records import (
    Correction,
    check_corrections,
    check_id,
    check_ids,
    corrections,
    field_name,
    member_of,
    missing_member,
    non_empty_text,
    optional_id,
    optional_of,
    strings,
    text,
    texts,
    to_member,
    whole,
)

__all__ = ["Agency", "AgencyKind", "Committee", "Level", "Order"]


class Level(enum.StrEnum):
    """The administrative level an agency or committee works at.

    >>> Level("district") is Level.DISTRICT
    True
    """

    VILLAGE = "village"  #: หมู่บ้าน / ชุมชน
    SUBDISTRICT = "subdistrict"  #: ตำบล
    DISTRICT = "district"  #: อำเภอ
    PROVINCE = "province"  #: จังหวัด
    CLUSTER = "cluster"  #: กลุ่มจังหวัด
    NATIONAL = "national"  #: ส่วนกลาง

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


class AgencyKind(enum.StrEnum):
    """What kind of body an agency is.

    >>> AgencyKind.PROVINCIAL_ADMINISTRATIVE_ORGANISATION.value
    'provincial_administrative_organisation'
    """

    #: The provincial office (สำนักงานจังหวัด) and its units.
    PROVINCIAL_OFFICE = "provincial_office"
    #: A provincial branch of a ministry or department (ที่ทำการปกครองจังหวัด,
    #: สำนักงานพัฒนาชุมชนจังหวัด, สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ...).
    PROVINCIAL_BRANCH = "provincial_branch"
    #: A district office (อำเภอ / ที่ว่าการอำเภอ).
    DISTRICT_OFFICE = "district_office"
    #: The provincial administrative organisation (องค์การบริหารส่วนจังหวัด, อบจ.).
    PROVINCIAL_ADMINISTRATIVE_ORGANISATION = "provincial_administrative_organisation"
    #: A municipality (เทศบาล).
    MUNICIPALITY = "municipality"
    #: A subdistrict administrative organisation (องค์การบริหารส่วนตำบล, อบต.).
    SUBDISTRICT_ADMINISTRATIVE_ORGANISATION = "subdistrict_administrative_organisation"
    #: A central agency (หน่วยงานส่วนกลาง): a ministry, department or office.
    CENTRAL_AGENCY = "central_agency"
    #: Representatives of the people, civil society or the private sector.
    CIVIL_SOCIETY = "civil_society"
    #: A group named as one party: all districts, all local governments,
    #: the agencies in the province, the agencies that propose projects.
    GROUP = "group"
    #: Anything else.
    OTHER = "other"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


def _level(value: Level | str) -> Level:
    converted: Level = to_member(Level, value)
    return converted


def _agency_kind(value: AgencyKind | str) -> AgencyKind:
    converted: AgencyKind = to_member(AgencyKind, value)
    return converted


#: A DOPA code: 2 digits for a province, 4 a district, 6 a subdistrict, 8 a village.
_DOPA_CODE: Final = re.compile(r"[0-9]{2}(?:[0-9]{2}){0,3}")


def _check_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    name = field_name(instance, attribute)
    if not isinstance(value, str):
        hint = f"write it as text: {str(value)!r}" if isinstance(value, int) else None
        raise ModelTypeError(
            name, value, "a DOPA code as text (a str), such as '74' or '7401', or None", hint=hint
        )
    if not _DOPA_CODE.fullmatch(value):
        raise ModelError(
            f"{name} must be a DOPA code of 2, 4, 6 or 8 Arabic digits (province '74',"
            f" district '7401'), not {value!r}"
        )


@attrs.frozen
class Agency:
    """A government office, local government or group named in a document.

    Attributes:
        id: The identifier other records use (``"provincial-office"``).
        name: The Thai name as the document writes it.
        kind: What kind of body it is.
        level: The level it works at.
        abbreviations: Short forms the document uses (``"สนง.พัฒนาชุมชนจังหวัด"``).
        aliases: Other names it goes by.
        code: For a territorial unit, the official DOPA code (province ``"74"``,
            district ``"7401"``), from the geothai dataset.
        parent: The id of the agency it belongs to.
        members: For a group, the ids of its members.
        name_en: An English name.
        notes: Free notes.
        corrections: Known corrections of what the document wrote.

    >>> Agency("district-muang", "อำเภอเมืองสมุทรสาคร", AgencyKind.DISTRICT_OFFICE,
    ...        Level.DISTRICT, code="7401").code
    '7401'
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=non_empty_text)
    kind: AgencyKind = attrs.field(
        default=AgencyKind.OTHER, converter=_agency_kind, validator=member_of(AgencyKind)
    )
    level: Level = attrs.field(default=Level.PROVINCE, converter=_level, validator=member_of(Level))
    abbreviations: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts)
    code: str | None = attrs.field(default=None, validator=_check_code)
    parent: str | None = attrs.field(default=None, validator=optional_id)
    members: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=check_ids)
    name_en: str = attrs.field(default="", validator=text)
    notes: str = attrs.field(default="", validator=text)
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the agency goes by: name, abbreviations, aliases.

        >>> Agency("pao", "องค์การบริหารส่วนจังหวัดสมุทรสาคร", abbreviations=["อบจ."]).names
        ('องค์การบริหารส่วนจังหวัดสมุทรสาคร', 'อบจ.')
        """
        return (self.name, *self.abbreviations, *self.aliases)


@attrs.frozen
class Order:
    """An order (คำสั่ง) that appoints a committee.

    Attributes:
        number: The order's number as written (``"๑๒๓/๒๕๖๑"``), or "".
        dated: Its date as written, or "".
        issuer: Who issued it (an agency id or a name).
        note: What is known of it: the seed only says it must be brought up to date.

    >>> Order(note="ให้เป็นปัจจุบัน").number
    ''
    """

    number: str = attrs.field(default="", validator=text)
    dated: str = attrs.field(default="", validator=text)
    issuer: str = attrs.field(default="", validator=text)
    note: str = attrs.field(default="", validator=text)


@attrs.frozen
class Committee:
    """A committee that drives or approves plans (ก.บ.จ., ก.บ.อ., ...).

    Attributes:
        id: The identifier other records use (``"kbj"``).
        name: The Thai name as written.
        abbreviation: The usual short form (``"ก.บ.จ.สค."``).
        level: District, province or cluster.
        abbreviations: Other short forms the document uses.
        aliases: Other names it goes by, as written.
        parent: The id of the committee it is a sub-committee of.
        count: How many committees this entry stands for (the seed's
            ``คณะอนุ ก.บ.จ. ๓ ด้าน`` is three sub-committees, one per mission group).
        members: Agency ids of its members.
        secretariat: Agency ids of its secretariat.
        order: The order that appoints it.
        name_en: An English name.
        notes: Free notes.
        corrections: Known corrections of what the document wrote.

    >>> Committee("kbj", "คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ", "ก.บ.จ.สค.").level
    <Level.PROVINCE: 'province'>
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=non_empty_text)
    abbreviation: str = attrs.field(default="", validator=text)
    level: Level = attrs.field(default=Level.PROVINCE, converter=_level, validator=member_of(Level))
    abbreviations: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts)
    parent: str | None = attrs.field(default=None, validator=optional_id)
    count: int = attrs.field(default=1, validator=whole(1))
    members: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=check_ids)
    secretariat: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=check_ids)
    order: Order | None = attrs.field(default=None, validator=optional_of(Order, "an Order"))
    name_en: str = attrs.field(default="", validator=text)
    notes: str = attrs.field(default="", validator=text)
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the committee goes by."""
        return tuple(
            n for n in (self.name, self.abbreviation, *self.abbreviations, *self.aliases) if n
        )
