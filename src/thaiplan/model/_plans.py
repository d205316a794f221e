"""Plans at every level, and project ideas that climb them.

Plans must be consistent upward: a village or community plan feeds the
subdistrict plan, which feeds the local development plan of each local
government, then the district plan (driven by ก.บ.อ.), the provincial
development plan and its annual action plan (approved by ก.บ.จ.), the
cluster plan and the national level. A project beyond the capacity of its
level (โครงการที่เกินขีดความสามารถ) is escalated to the next level.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

import attrs

from thaiplan.errors import ModelError, ModelTypeError
from thaiplan.model._records import (
    BE_YEARS,
    Correction,
    check_corrections,
    check_id,
    check_ids,
    corrections,
    flag,
    member_of,
    missing_member,
    non_empty_text,
    optional_id,
    optional_of,
    optional_whole,
    strings,
    text,
    texts,
    to_member,
    to_tuple,
)

if TYPE_CHECKING:
    from thaiplan.model._projects import Project

__all__ = ["Plan", "PlanKind", "PlanLevel", "ProjectIdea"]


class PlanLevel(enum.StrEnum):
    """The levels of plans, from the village up, in order.

    >>> PlanLevel.DISTRICT.next()
    <PlanLevel.PROVINCIAL: 'provincial'>
    """

    VILLAGE = "village"  #: แผนชุมชน / แผนพัฒนาหมู่บ้าน
    SUBDISTRICT = "subdistrict"  #: แผนพัฒนาตำบล
    LOCAL = "local"  #: แผนพัฒนาท้องถิ่น (every อบจ., เทศบาล, อบต.)
    DISTRICT = "district"  #: แผนพัฒนาอำเภอ
    PROVINCIAL = "provincial"  #: แผนพัฒนาจังหวัด and its annual action plan
    CLUSTER = "cluster"  #: แผนพัฒนากลุ่มจังหวัด
    NATIONAL = "national"  #: the national level

    def next(self) -> PlanLevel:
        """The level above; the national level has none.

        Raises:
            ModelError: For the national level.
        """
        order = list(PlanLevel)
        index = order.index(self)
        if index + 1 == len(order):
            raise ModelError("the national level is the top: there is no level above it")
        return order[index + 1]

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


class PlanKind(enum.StrEnum):
    """What a plan is."""

    #: A multi-year development plan (แผนพัฒนา ...), e.g. the 4-year provincial plan.
    DEVELOPMENT = "development"
    #: An annual action plan for one fiscal year (แผนปฏิบัติราชการประจำปี).
    ANNUAL_ACTION = "annual_action"
    #: A community or village plan (แผนชุมชน).
    COMMUNITY = "community"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


def _years(value: tuple[int, int] | list[int] | None) -> tuple[int, int] | None:
    converted: tuple[int, int] | None = to_tuple(value)
    return converted


def _plan_kind(value: PlanKind | str) -> PlanKind:
    converted: PlanKind = to_member(PlanKind, value)
    return converted


def _plan_level(value: PlanLevel | str) -> PlanLevel:
    converted: PlanLevel = to_member(PlanLevel, value)
    return converted


@attrs.frozen
class Plan:
    """A plan: its kind, level, owner and the years it covers.

    Attributes:
        id: The identifier other records use.
        name: The Thai name as written.
        kind: Development, annual action or community plan.
        level: The level of the plan.
        owner: The id of the agency or committee that owns it.
        years: The Buddhist-Era years a multi-year plan covers, first and last.
        fiscal_year: The Buddhist-Era fiscal year of an annual plan.
        consistent_with: Ids of the plans it must be consistent with.
        revision: The revision as written (``"ฉบับทบทวน"``), or "".
        aliases: Other names the document gives it, as written.
        notes: Free notes.
        corrections: Known corrections of what the document wrote.

    >>> Plan("provincial-plan", "แผนพัฒนาจังหวัด ๔ ปี", PlanKind.DEVELOPMENT,
    ...      PlanLevel.PROVINCIAL, years=(2561, 2564)).years
    (2561, 2564)
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=non_empty_text)
    kind: PlanKind = attrs.field(converter=_plan_kind, validator=member_of(PlanKind))
    level: PlanLevel = attrs.field(converter=_plan_level, validator=member_of(PlanLevel))
    owner: str | None = attrs.field(default=None, validator=optional_id)
    years: tuple[int, int] | None = attrs.field(default=None, converter=_years)
    fiscal_year: int | None = attrs.field(default=None, validator=optional_whole(*BE_YEARS))
    consistent_with: tuple[str, ...] = attrs.field(
        default=(), converter=strings, validator=check_ids
    )
    revision: str = attrs.field(default="", validator=text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=texts)
    notes: str = attrs.field(default="", validator=text)
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=corrections, validator=check_corrections
    )

    @years.validator
    def _check_years(self, attribute: attrs.Attribute[object], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, tuple):
            raise ModelTypeError(
                "Plan.years", value, "two Buddhist-Era years, such as (2561, 2564), or None"
            )
        if not (
            isinstance(value, tuple)
            and len(value) == 2
            and all(
                isinstance(year, int)
                and not isinstance(year, bool)
                and BE_YEARS[0] <= year <= BE_YEARS[1]
                for year in value
            )
            and value[0] <= value[1]
        ):
            raise ModelError(
                f"Plan.years must be two Buddhist-Era years, first <= last, such as"
                f" (2561, 2564), not {value!r}"
            )


@attrs.frozen
class ProjectIdea:
    """A project idea (ข้อเสนอโครงการ, "Project Idea") proposed at some level.

    Project ideas come before full proposals (โครงการเต็มรูปแบบ). A project that
    is beyond the capacity of its level goes up: a district's to the
    province, and so does one of the provincial administrative organisation
    (อบจ.), whose plans are local plans.

    Attributes:
        title: The title as written.
        proposer: The id of the agency or committee that proposes it.
        level: The level whose plan it is proposed for.
        beyond_capacity: Whether it is beyond the capacity of that level.
        escalated_from: The level it came from, when it was escalated.

    >>> idea = ProjectIdea("ถนนเชื่อมอำเภอ", "district-krathum-baen", PlanLevel.DISTRICT,
    ...                    beyond_capacity=True)
    >>> idea.escalate().level
    <PlanLevel.PROVINCIAL: 'provincial'>
    """

    title: str = attrs.field(validator=text)
    proposer: str = attrs.field(validator=check_id)
    level: PlanLevel = attrs.field(converter=_plan_level, validator=member_of(PlanLevel))
    beyond_capacity: bool = attrs.field(default=False, validator=flag)
    escalated_from: PlanLevel | None = attrs.field(
        default=None, validator=optional_of(PlanLevel, "a PlanLevel")
    )

    def escalate(self, *, proposer_is_pao: bool = False) -> ProjectIdea:
        """The same idea one level up, for a project beyond its level's capacity.

        Args:
            proposer_is_pao: The proposer is a provincial administrative
                organisation (อบจ.): its local-level projects go straight to
                the province.

        Raises:
            ModelError: The idea is within its level's capacity, or at the top.
        """
        if not self.beyond_capacity:
            raise ModelError(
                f"project idea {self.title!r} is within the capacity of the {self.level} level;"
                " only a project beyond it (เกินขีดความสามารถ) is escalated"
            )
        target = (
            PlanLevel.PROVINCIAL
            if proposer_is_pao and self.level is PlanLevel.LOCAL
            else self.level.next()
        )
        return attrs.evolve(self, level=target, escalated_from=self.level)

    def to_project(self, id: str) -> Project:
        """The idea as a :class:`~thaiplan.Project` at the idea stage, for a register.

        The same as :meth:`Project.from_idea <thaiplan.Project.from_idea>`.

        >>> ProjectIdea("ถนนเชื่อมอำเภอ", "district-krathum-baen", "district").to_project("p1").state
        <ProjectState.IDEA: 'idea'>
        """
        from thaiplan.model._projects import Project  # _projects imports this module

        return Project.from_idea(self, id)
