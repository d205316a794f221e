"""The parts of a project: budget lines, indicators, place, strategy links, status and follow-up.

The fields follow the local plan's project form (แบบ ผ.๐๒, บัญชีรายละเอียด
โครงการพัฒนา) and the national systems' project records: a project has its
title and description as written, the plan and edition it is in, its
objectives, output target (เป้าหมาย (ผลผลิตของโครงการ)), indicators, budget
for each Buddhist-Era fiscal year in baht (a :class:`~decimal.Decimal`, never
a float), the responsible units, its place, its links to strategies, whether
it is beyond its level's capacity, its status history and its follow-up.

Every field checks itself (type, range, codes of the right length); what
spans records, such as a link to a node that does not exist or a budget year
outside the plan's years, is a rule of validation
(:mod:`thaiplan.checks.rules.projects`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from thaiplan.dates import parse_baht, parse_date, to_thai_digits
from thaiplan.errors import ModelError, ThaiplanError
from thaiplan.model._plans import PlanLevel
from thaiplan.model._progress import ProgressState
from thaiplan.model._records import check_id, missing_member, strings

__all__ = [
    "BudgetLine",
    "Escalation",
    "FollowUp",
    "FundingSource",
    "Indicator",
    "IndicatorKind",
    "Location",
    "ProjectForm",
    "ProjectState",
    "RowSource",
    "StatusChange",
    "StrategyLink",
    "money",
]


class ProjectForm(enum.StrEnum):
    """The form of a local development plan a project is listed on.

    Written as documents write them; ``ผ.02``, ``ผ. ๐๒`` and ``p02/2`` are read too.

    >>> ProjectForm("ผ.02/2")
    <ProjectForm.P02_2: 'ผ.๐๒/๒'>
    """

    P02 = "ผ.๐๒"  #: บัญชีรายละเอียดโครงการพัฒนา: the LAO's own projects
    P02_1 = "ผ.๐๒/๑"  #: projects from community plans
    P02_2 = "ผ.๐๒/๒"  #: projects for coordination with the province (beyond the LAO's capacity)
    P03 = "ผ.๐๓"  #: equipment (บัญชีครุภัณฑ์)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            text = to_thai_digits(value.replace(" ", "").lower()).replace("p", "ผ.", 1)
            for member in cls:
                if member.value == text:
                    return member
        return missing_member(cls, value)


class ProjectState(enum.StrEnum):
    """The state of a project in its register, as the national systems track it."""

    IDEA = "idea"  #: ข้อเสนอโครงการ (Project Idea), before a full proposal
    DRAFT = "draft"  #: ร่าง
    SUBMITTED = "submitted"  #: เสนอ / ส่งแล้ว
    SCREENED = "screened"  #: ผ่านการกลั่นกรอง / ตรวจสอบแล้ว
    RETURNED = "returned"  #: ส่งกลับให้แก้ไข
    APPROVED = "approved"  #: อนุมัติ / เห็นชอบ
    BEYOND_CAPACITY = "beyond_capacity"  #: เกินศักยภาพ: not for this level, send it up
    ESCALATED = "escalated"  #: ส่งต่อไปยังระดับที่สูงกว่า
    REJECTED = "rejected"  #: ไม่อนุมัติ
    WITHDRAWN = "withdrawn"  #: ถอนโครงการ

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


class FundingSource(enum.StrEnum):
    """Where a year's budget comes from."""

    STATE_BUDGET = "state_budget"  #: งบประมาณแผ่นดิน
    SUBSIDY = "subsidy"  #: เงินอุดหนุน
    OWN_REVENUE = "own_revenue"  #: รายได้ของ อปท. (own revenue)
    CO_FUNDING = "co_funding"  #: งบประมาณสมทบ
    OTHER = "other"  #: อื่น ๆ

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


class IndicatorKind(enum.StrEnum):
    """Whether an indicator measures an output or an outcome."""

    OUTPUT = "output"  #: ผลผลิต
    OUTCOME = "outcome"  #: ผลลัพธ์

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


# -- converters and validators ----------------------------------------------------------


def money(value: object) -> Decimal:
    """An amount of baht from a Decimal, an int or text as documents write it; never a float.

    >>> money("1,632,820"), money(5)
    (Decimal('1632820'), Decimal('5'))
    """
    if isinstance(value, Decimal):
        if not value.is_finite() or value != value.quantize(Decimal("0.01"), "ROUND_DOWN"):
            raise ModelError(f"an amount of baht is finite, to the satang, not {value!r}")
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            amount = parse_baht(value)
        except ThaiplanError as error:
            raise ModelError(str(error)) from None
        if amount is None:
            raise ModelError(f"{value!r} is no amount; leave the year out instead")
        return amount
    hint = "; write it as Decimal('…') or as text" if isinstance(value, float) else ""
    raise ModelError(f"an amount of baht is a Decimal, an int or text, not {value!r}{hint}")


def _optional_money(value: object) -> Decimal | None:
    return None if value is None else money(value)


def _percent(value: object) -> Decimal | None:
    if value is None:
        return None
    amount = Decimal(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(amount, str):
        try:
            amount = Decimal(amount.strip().removesuffix("%").strip())
        except ArithmeticError:
            raise ModelError(f"progress is a percentage from 0 to 100, not {value!r}") from None
    if not isinstance(amount, Decimal) or not amount.is_finite() or not 0 <= amount <= 100:
        raise ModelError(f"progress is a percentage from 0 to 100, not {value!r}")
    return amount


def _number(value: object) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.replace(",", ""))
        except ArithmeticError:
            raise ModelError(f"a target value is a number, not {value!r}") from None
    raise ModelError(f"a target value is a Decimal, an int or text, not {value!r}")


def _date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ThaiplanError as error:
            raise ModelError(str(error)) from None
    raise ModelError(f"a date is a datetime.date or text, not {value!r}")


def _fiscal_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 2400 <= value <= 3000:
        raise ModelError(
            f"{type(instance).__name__}.{attribute.name} is a Buddhist-Era fiscal year"
            f" such as 2566, not {value!r}"
        )


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must be text, not {value!r}")


def _code(digits: int) -> Any:
    pattern = re.compile(rf"[0-9]{{{digits}}}")

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not (isinstance(value, str) and pattern.fullmatch(value)):
            raise ModelError(
                f"{type(instance).__name__}.{attribute.name} is a code of {digits} digits"
                f" as text, not {value!r}"
            )

    return check


def _point(value: object) -> tuple[Decimal, Decimal] | None:
    if value is None:
        return None
    try:
        latitude, longitude = (
            item if isinstance(item, Decimal) else Decimal(str(item))
            for item in value  # type: ignore[attr-defined]
        )
    except (TypeError, ValueError, ArithmeticError):
        raise ModelError(f"a point is (latitude, longitude), not {value!r}") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ModelError(f"a point is (latitude, longitude) in degrees, not {value!r}")
    return latitude, longitude


def _records(items: Iterable[Any], kind: type) -> tuple[Any, ...]:
    result = tuple(items)
    for item in result:
        if not isinstance(item, kind):
            raise ModelError(f"expected {kind.__name__} records, not {item!r}")
    return result


def _indicators(items: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return _records(items, Indicator)


def _budget(items: Iterable[BudgetLine]) -> tuple[BudgetLine, ...]:
    return _records(items, BudgetLine)


def _links(items: Iterable[StrategyLink]) -> tuple[StrategyLink, ...]:
    return _records(items, StrategyLink)


def _escalations(items: Iterable[Escalation]) -> tuple[Escalation, ...]:
    return _records(items, Escalation)


def _statuses(items: Iterable[StatusChange]) -> tuple[StatusChange, ...]:
    return _records(items, StatusChange)


def _follow_ups(items: Iterable[FollowUp]) -> tuple[FollowUp, ...]:
    return _records(items, FollowUp)


def _optional_level(value: str | None) -> PlanLevel | None:
    return None if value is None else PlanLevel(value)


# -- the parts of a project -------------------------------------------------------------


@attrs.frozen
class Indicator:
    """An indicator (ตัวชี้วัด, KPI) with its target.

    Attributes:
        name: The indicator as written.
        kind: Output (ผลผลิต) or outcome (ผลลัพธ์).
        target: The target value, or ``None`` when the document gives none.
        unit: The unit of the target (``"ร้อยละ"``, ``"แห่ง"``, ``"เมตร"``).

    >>> Indicator("ถนนที่ได้รับการก่อสร้าง", target="1,200", unit="เมตร").target
    Decimal('1200')
    """

    name: str = attrs.field(validator=_text)
    kind: IndicatorKind = attrs.field(default=IndicatorKind.OUTPUT, converter=IndicatorKind)
    target: Decimal | None = attrs.field(default=None, converter=_number)
    unit: str = attrs.field(default="", validator=_text)


@attrs.frozen
class BudgetLine:
    """The budget of one fiscal year, from one source.

    Attributes:
        fiscal_year: The Buddhist-Era fiscal year (2566 runs 1 Oct 2565 - 30 Sep 2566).
        amount: Baht in the plan.
        source: Where the money comes from.
        ordinance: The amount in the budget ordinance (ข้อบัญญัติ / เทศบัญญัติ), when known.

    >>> BudgetLine(2566, "1,632,820").amount
    Decimal('1632820')
    """

    fiscal_year: int = attrs.field(validator=_fiscal_year)
    amount: Decimal = attrs.field(converter=money)
    source: FundingSource | None = attrs.field(
        default=None, converter=attrs.converters.optional(FundingSource)
    )
    ordinance: Decimal | None = attrs.field(default=None, converter=_optional_money)


@attrs.frozen
class Location:
    """Where a project is: DOPA codes, villages as written, the local government, the ends of a line.

    Attributes:
        province: The 2-digit DOPA code of the province (``"74"``).
        district: The 4-digit code of the district (``"7402"``).
        subdistrict: The 6-digit code of the subdistrict.
        villages: The villages as written (``"หมู่ที่ ๓"``, ``"หลายหมู่"``, ``"ทั้งตำบล"``).
        lao: The 7-digit DLA code of the local government.
        start: (latitude, longitude) where a road or drain starts.
        end: (latitude, longitude) where it ends.
        written: The place as the document writes it.

    >>> Location("74", "7402", villages=["หมู่ที่ ๓"]).code
    '7402'
    """

    province: str | None = attrs.field(default=None, validator=_code(2))
    district: str | None = attrs.field(default=None, validator=_code(4))
    subdistrict: str | None = attrs.field(default=None, validator=_code(6))
    villages: tuple[str, ...] = attrs.field(default=(), converter=strings)
    lao: str | None = attrs.field(default=None, validator=_code(7))
    start: tuple[Decimal, Decimal] | None = attrs.field(default=None, converter=_point)
    end: tuple[Decimal, Decimal] | None = attrs.field(default=None, converter=_point)
    written: str = attrs.field(default="", validator=_text)

    @property
    def code(self) -> str | None:
        """The most precise DOPA code given: subdistrict, district or province."""
        return self.subdistrict or self.district or self.province


@attrs.frozen
class StrategyLink:
    """A project's link to a strategy node, with the justification as written.

    Attributes:
        tree: The id of the strategy tree (``"national-strategy"``, a plan's own tree).
        node: The id of the node in that tree.
        justification: Why the project serves it (ความสอดคล้อง), verbatim.

    >>> StrategyLink("national-strategy", "2").key
    'national-strategy:2'
    """

    tree: str = attrs.field(validator=check_id)
    node: str = attrs.field(validator=check_id)
    justification: str = attrs.field(default="", validator=_text)

    @property
    def key(self) -> str:
        """``tree:node``, the form filters and roll-ups use."""
        return f"{self.tree}:{self.node}"


@attrs.frozen
class StatusChange:
    """One change of a project's state, in its history.

    Attributes:
        state: The state it entered.
        date: The day, when known.
        by: Who made the change (an agency or committee id, or a name as written).
        step: The calendar step it happened at, when there is one.
        comment: As written.
    """

    state: ProjectState = attrs.field(converter=ProjectState)
    date: dt.date | None = attrs.field(default=None, converter=_date)
    by: str = attrs.field(default="", validator=_text)
    step: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    comment: str = attrs.field(default="", validator=_text)


@attrs.frozen
class Escalation:
    """A project sent from one level to a higher one, because it is beyond the lower level's capacity.

    Attributes:
        from_level: The level it left.
        to_level: The level it went to.
        committee: The committee that sent or took it (``"kbo"`` for ก.บ.อ., ``"kbj"``).
        step: The calendar step at which it went.
        date: The day.
        reason: Why, as written.
    """

    from_level: PlanLevel = attrs.field(converter=PlanLevel)
    to_level: PlanLevel = attrs.field(converter=PlanLevel)
    committee: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    step: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    date: dt.date | None = attrs.field(default=None, converter=_date)
    reason: str = attrs.field(default="", validator=_text)


@attrs.frozen
class FollowUp:
    """The follow-up of one fiscal year: money approved and disbursed, progress, state.

    >>> FollowUp(2566, approved="500,000", disbursed=Decimal("125000.50"), progress=25).progress
    Decimal('25')
    """

    fiscal_year: int = attrs.field(validator=_fiscal_year)
    approved: Decimal | None = attrs.field(default=None, converter=_optional_money)
    disbursed: Decimal | None = attrs.field(default=None, converter=_optional_money)
    progress: Decimal | None = attrs.field(default=None, converter=_percent)
    state: ProgressState | None = attrs.field(
        default=None, converter=attrs.converters.optional(ProgressState)
    )
    note: str = attrs.field(default="", validator=_text)


@attrs.frozen
class RowSource:
    """Where a record was read from: a file, a sheet, a row, a page."""

    file: str = attrs.field(default="", validator=_text)
    sheet: str = attrs.field(default="", validator=_text)
    row: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(int))
    )
    page: str = attrs.field(default="", validator=_text)
