"""Projects as plans and registers hold them: budget by fiscal year, place, links, status, follow-up.

The fields follow the local plan's project form (แบบ ผ.๐๒, บัญชีรายละเอียด
โครงการพัฒนา) and the national systems' project records; the parts (budget
lines, indicators, place, links, status, follow-up) are in
``_project_parts``. Every field checks itself; what spans records, such as a
link to a node that does not exist or a budget year outside the plan's years,
is a rule of validation (:mod:`thaiplan.checks.rules.projects`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final

import attrs

from thaiplan.errors import ModelError
from thaiplan.model._plans import PlanLevel, ProjectIdea
from thaiplan.model._project_parts import (
    BudgetLine,
    Escalation,
    FollowUp,
    Indicator,
    Location,
    ProjectForm,
    ProjectState,
    RowSource,
    StatusChange,
    StrategyLink,
    _budget,
    _date,
    _escalations,
    _follow_ups,
    _indicators,
    _links,
    _optional_level,
    _statuses,
    _text,
)
from thaiplan.model._records import Correction, check_id, corrections, strings

__all__ = ["Project"]


_LEVEL_TH: Final = {
    PlanLevel.VILLAGE: "หมู่บ้าน/ชุมชน",
    PlanLevel.SUBDISTRICT: "ตำบล",
    PlanLevel.LOCAL: "ท้องถิ่น",
    PlanLevel.DISTRICT: "อำเภอ",
    PlanLevel.PROVINCIAL: "จังหวัด",
    PlanLevel.CLUSTER: "กลุ่มจังหวัด",
    PlanLevel.NATIONAL: "ส่วนกลาง",
}


@attrs.frozen
class Project:
    """A project (โครงการ) of a plan, from the idea to the follow-up.

    Attributes:
        id: The identifier in the register.
        title: The project's name as written.
        level: The level whose plan holds it.
        description: Its short description as written.
        code: The register's own code, as written.
        national_code: Its code in a national system (eMENSCR, the budget request).
        former_codes: Codes it had before (an earlier plan, a renumbering).
        plan: The id of the plan it is in.
        edition: The edition of that plan as written (``"ฉบับแรก"``, ``"เพิ่มเติม ครั้งที่ ๑"``).
        form: The form of the local plan it is listed on (ผ.๐๒, ผ.๐๒/๑, ผ.๐๒/๒, ผ.๐๓).
        page: The page of the plan book, as budgets cite it.
        item: The item number on the sheet (ที่), as written.
        proposer: The id of the agency or committee that proposes it.
        responsible: The responsible units (หน่วยงานรับผิดชอบหลัก), as written.
        objectives: The objectives (วัตถุประสงค์).
        target: The output target (เป้าหมาย (ผลผลิตของโครงการ)), as written.
        indicators: The indicators (ตัวชี้วัด), output and outcome.
        beneficiaries: Who benefits, as written.
        expected_results: The expected results (ผลที่คาดว่าจะได้รับ).
        budget: The budget by fiscal year (and source).
        programme: The budget programme (แผนงาน) as written.
        location: Where it is.
        links: The strategies it serves.
        beyond_capacity: Whether it is beyond its level's capacity (เกินศักยภาพ).
        capacity_reason: Why, as written.
        receiving_level: The level that should take it.
        origin: Where it came from, as written (a village plan, a community forum).
        steps: Ids of the calendar steps that handled it.
        escalations: The levels it went up, in order.
        status: Its state history, in order.
        follow_up: The follow-up by fiscal year.
        source: The file, sheet and row it was read from.
        notes: Free notes.
        corrections: Known corrections of what the document wrote.

    >>> project = Project("p1", "ก่อสร้างถนน คสล. หมู่ที่ ๓", "local",
    ...     budget=[BudgetLine(2566, "1,632,820"), BudgetLine(2567, 500000)])
    >>> project.total_budget, project.budget_by_year()
    (Decimal('2132820'), {2566: Decimal('1632820'), 2567: Decimal('500000')})
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=_text)
    level: PlanLevel = attrs.field(converter=PlanLevel)
    description: str = attrs.field(default="", validator=_text)
    code: str = attrs.field(default="", validator=_text)
    national_code: str = attrs.field(default="", validator=_text)
    former_codes: tuple[str, ...] = attrs.field(default=(), converter=strings)
    plan: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    edition: str = attrs.field(default="", validator=_text)
    form: ProjectForm | None = attrs.field(
        default=None, converter=attrs.converters.optional(ProjectForm)
    )
    page: str = attrs.field(default="", validator=_text)
    item: str = attrs.field(default="", validator=_text)
    proposer: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    responsible: tuple[str, ...] = attrs.field(default=(), converter=strings)
    objectives: tuple[str, ...] = attrs.field(default=(), converter=strings)
    target: str = attrs.field(default="", validator=_text)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)
    beneficiaries: str = attrs.field(default="", validator=_text)
    expected_results: tuple[str, ...] = attrs.field(default=(), converter=strings)
    budget: tuple[BudgetLine, ...] = attrs.field(default=(), converter=_budget)
    programme: str = attrs.field(default="", validator=_text)
    location: Location | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Location))
    )
    links: tuple[StrategyLink, ...] = attrs.field(default=(), converter=_links)
    beyond_capacity: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    capacity_reason: str = attrs.field(default="", validator=_text)
    receiving_level: PlanLevel | None = attrs.field(default=None, converter=_optional_level)
    origin: str = attrs.field(default="", validator=_text)
    steps: tuple[str, ...] = attrs.field(default=(), converter=strings)
    escalations: tuple[Escalation, ...] = attrs.field(default=(), converter=_escalations)
    status: tuple[StatusChange, ...] = attrs.field(default=(), converter=_statuses)
    follow_up: tuple[FollowUp, ...] = attrs.field(default=(), converter=_follow_ups)
    source: RowSource | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(RowSource))
    )
    notes: str = attrs.field(default="", validator=_text)
    corrections: tuple[Correction, ...] = attrs.field(default=(), converter=corrections)

    @classmethod
    def from_idea(cls, idea: ProjectIdea, id: str) -> Project:
        """A project at the idea stage, from a :class:`~thaiplan.ProjectIdea`.

        The title, proposer, level and capacity carry over; an escalated idea
        keeps the escalation it took; the history starts with the idea.

        >>> idea = ProjectIdea("ถนนเชื่อมอำเภอ", "district-krathum-baen", "district",
        ...                    beyond_capacity=True)
        >>> project = Project.from_idea(idea.escalate(), "p1")
        >>> project.level, project.state, project.escalations[0].from_level
        (<PlanLevel.PROVINCIAL: 'provincial'>, <ProjectState.IDEA: 'idea'>, <PlanLevel.DISTRICT: 'district'>)
        """
        escalations = (
            (Escalation(idea.escalated_from, idea.level),)
            if idea.escalated_from is not None
            else ()
        )
        return cls(
            id,
            idea.title,
            idea.level,
            proposer=idea.proposer,
            beyond_capacity=idea.beyond_capacity,
            escalations=escalations,
            status=(StatusChange(ProjectState.IDEA, by=idea.proposer),),
        )

    @property
    def state(self) -> ProjectState | None:
        """The state it is in now: the last of its status history, or ``None`` without one."""
        return self.status[-1].state if self.status else None

    @property
    def total_budget(self) -> Decimal:
        """The sum of its budget over every year and source."""
        return sum((line.amount for line in self.budget), Decimal(0))

    @property
    def fiscal_years(self) -> tuple[int, ...]:
        """The fiscal years it has budget in, in order."""
        return tuple(sorted({line.fiscal_year for line in self.budget}))

    def budget_by_year(self) -> dict[int, Decimal]:
        """Its budget summed by fiscal year, in year order."""
        result: dict[int, Decimal] = {}
        for line in sorted(self.budget, key=lambda line: line.fiscal_year):
            result[line.fiscal_year] = result.get(line.fiscal_year, Decimal(0)) + line.amount
        return result

    def escalate(
        self,
        *,
        to: PlanLevel | str | None = None,
        committee: str | None = None,
        step: str | None = None,
        date: dt.date | str | None = None,
        reason: str = "",
        proposer_is_pao: bool = False,
    ) -> Project:
        """The same project one level up, with the escalation and the new state in its history.

        Only a project beyond its level's capacity goes up. By default it goes
        to its ``receiving_level``, or the next level; a local project of the
        provincial administrative organisation (อบจ.) goes straight to the
        province, as :meth:`ProjectIdea.escalate <thaiplan.ProjectIdea.escalate>` does.

        Args:
            to: The level it goes to.
            committee: The committee that sends or takes it (ก.บ.อ., ก.บ.จ. …).
            step: The calendar step at which it goes.
            date: The day it goes.
            reason: Why, as written; by default its ``capacity_reason``.
            proposer_is_pao: The proposer is an อบจ.

        Raises:
            ModelError: It is within its level's capacity, or the level is not higher.

        >>> p = Project("p1", "สะพานข้ามคลอง", "district", beyond_capacity=True)
        >>> up = p.escalate(committee="kbo", step="s9", date="๑๕ ก.ค. ๖๑")
        >>> up.level, up.escalations[0].from_level, up.state
        (<PlanLevel.PROVINCIAL: 'provincial'>, <PlanLevel.DISTRICT: 'district'>, <ProjectState.ESCALATED: 'escalated'>)
        """
        if not self.beyond_capacity:
            raise ModelError(
                f"project {self.id!r} is within the capacity of the {self.level} level;"
                " only a project beyond it (เกินขีดความสามารถ) is escalated: set beyond_capacity"
            )
        if to is not None:
            target = PlanLevel(to)
        elif self.receiving_level is not None:
            target = self.receiving_level
        elif proposer_is_pao and self.level is PlanLevel.LOCAL:
            target = PlanLevel.PROVINCIAL
        else:
            target = self.level.next()
        order = list(PlanLevel)
        if order.index(target) <= order.index(self.level):
            raise ModelError(
                f"project {self.id!r} is at the {self.level} level; it can only go up,"
                f" not to the {target} level"
            )
        when = _date(date)
        escalation = Escalation(
            self.level, target, committee, step, when, reason or self.capacity_reason
        )
        change = StatusChange(
            ProjectState.ESCALATED,
            when,
            by=committee or "",
            step=step,
            comment=f"{_LEVEL_TH[self.level]} → {_LEVEL_TH[target]}",
        )
        return attrs.evolve(
            self,
            level=target,
            receiving_level=None,
            escalations=(*self.escalations, escalation),
            status=(*self.status, change),
            steps=self.steps if step is None or step in self.steps else (*self.steps, step),
        )
