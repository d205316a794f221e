"""The trace of a project: where it came from, the levels and plans it passed, the steps that carried it.

:func:`trace` reads a project's own record (its origin, escalations, status
history, the calendar steps named in it) and, when given, the calendar that
carried it (each step's title, stated period and deadline) and the register's
strategy trees (the names of the nodes it serves). It invents nothing: a
stage the record does not state is not in the trace. Each stage is explained
in English and in Thai, as :meth:`Schedule.explain <thaiplan.Schedule.explain>`
explains a step.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from thaiplan.dates import format_date, to_thai_digits
from thaiplan.errors import ModelError, ModelTypeError
from thaiplan.model._plans import PlanLevel
from thaiplan.model._projects import Project
from thaiplan.model._register import ProjectRegister
from thaiplan.model._steps import PlanningCalendar

__all__ = ["Trace", "TraceStage", "trace"]

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
class TraceStage:
    """One stage of a project's way: what happened, when, at which step.

    Attributes:
        kind: ``origin``, ``plan``, ``step``, ``escalation``, ``status`` or ``link``.
        en: The stage in English.
        th: The stage in Thai.
        step: The calendar step, when one carried it.
        date: The day, when the record states one.
    """

    kind: str
    en: str
    th: str
    step: str | None = None
    date: dt.date | None = None


@attrs.frozen
class Trace:
    """The way of a project through the plans, in order.

    Attributes:
        project: The project's id.
        stages: The stages, from its origin to its current state and links.
    """

    project: str
    stages: tuple[TraceStage, ...]

    def explain(self, lang: str = "en") -> str:
        """The trace as numbered lines, in ``"en"`` or ``"th"``."""
        lines = [
            f"{index}. {stage.th if lang == 'th' else stage.en}"
            for index, stage in enumerate(self.stages, 1)
        ]
        return "\n".join(lines)


def _when(calendar: PlanningCalendar | None, step_id: str | None) -> tuple[str, str]:
    """The step described in English and Thai, with its stated period and deadline."""
    if step_id is None:
        return "", ""
    if calendar is None or step_id not in {step.id for step in calendar.steps}:
        return f" at step {step_id}", f" ในขั้นตอน {step_id}"
    step = calendar.step(step_id)
    if not step.dated:  # no dates of its own: its when is all there is to say
        return f" at step {step_id} ({step.when or 'no date'})", f" ในขั้นตอน {step_id} ({step.when})"
    deadline = step.period.end
    title = step.title.split(" - ", 1)[0]
    title = title if len(title) <= 60 else title[:59] + "…"
    number = to_thai_digits(step.no) if step.no is not None else step_id
    return (
        f" at step {step_id} ({title}; {step.when}, by {deadline.isoformat()})",
        f" ในขั้นตอนที่ {number} ({title}; {step.when} ภายใน {format_date(deadline, style='abbr')})",
    )


def _order(calendar: PlanningCalendar | None, step_id: str | None, date: dt.date | None) -> dt.date:
    """When a stage happened, for ordering: its date, else its step's stated end."""
    if date is not None:
        return date
    if calendar is not None and step_id is not None and step_id in {s.id for s in calendar.steps}:
        step = calendar.step(step_id)
        return step.period.end if step.dated else dt.date.max
    return dt.date.max


def _day(date: dt.date | None) -> tuple[str, str]:
    if date is None:
        return "", ""
    return f" on {date.isoformat()}", f" เมื่อ {format_date(date, style='abbr')}"


def trace(
    register: ProjectRegister, project: Project | str, *, calendar: PlanningCalendar | None = None
) -> Trace:
    """The chain of a project: origin, plans and levels, escalations, calendar steps, state, links.

    Args:
        register: The register the project is in (its trees name the links).
        project: The project, or its id.
        calendar: The calendar whose steps carried it, for their periods and deadlines.

    Raises:
        ModelError: The register has no such project.
        ModelTypeError: An argument is of the wrong type.

    >>> from thaiplan import Project, ProjectRegister, load_calendar
    >>> p = Project("p1", "สะพานข้ามคลอง", "district", beyond_capacity=True, origin="แผนชุมชน หมู่ที่ ๓")
    >>> p = p.escalate(committee="kba", step="s7", date="๓๐ มิ.ย. ๖๑")
    >>> print(trace(ProjectRegister([p]), "p1", calendar=load_calendar("samut-sakhon-2563")).explain())
    1. came from: แผนชุมชน หมู่ที่ ๓
    2. escalated from the district level to the provincial level by kba at step s7 (จัดส่งข้อเสนอโครงการ (Project Idea); มิ.ย. - ก.ค. ๖๑, by 2018-07-31) on 2018-06-30
    3. now at the provincial level
    4. escalated on 2018-06-30 (district → provincial)
    """
    if not isinstance(register, ProjectRegister):
        raise ModelTypeError("trace(register)", register, "a ProjectRegister")
    if not isinstance(project, Project | str):
        raise ModelTypeError("trace(project)", project, "a Project or a project's id")
    if calendar is not None and not isinstance(calendar, PlanningCalendar):
        raise ModelTypeError("trace(calendar)", calendar, "a PlanningCalendar or None")
    if isinstance(project, str):
        project = register.project(project)
    elif project.id not in register:
        raise ModelError(f"the register has no project {project.id!r}")
    stages: list[TraceStage] = []
    if project.origin:
        stages.append(
            TraceStage("origin", f"came from: {project.origin}", f"ที่มา: {project.origin}")
        )
    if project.escalations:
        first = project.escalations[0].from_level
        if not project.origin:
            stages.append(
                TraceStage(
                    "origin", f"proposed at the {first} level", f"เสนอในระดับ{_LEVEL_TH[first]}"
                )
            )
    # The escalations and the steps that handled it, in the calendar's order
    # when there is a calendar (by each step's stated end), else as recorded.
    carried = {escalation.step for escalation in project.escalations if escalation.step}
    events: list[tuple[dt.date, int, TraceStage]] = []
    for escalation in project.escalations:
        step_en, step_th = _when(calendar, escalation.step)
        day_en, day_th = _day(escalation.date)
        by_en = f" by {escalation.committee}" if escalation.committee else ""
        by_th = f" โดย {escalation.committee}" if escalation.committee else ""
        why_en = f", because {escalation.reason}" if escalation.reason else ""
        why_th = f" เนื่องจาก{escalation.reason}" if escalation.reason else ""
        stage = TraceStage(
            "escalation",
            f"escalated from the {escalation.from_level} level to the {escalation.to_level}"
            f" level{by_en}{step_en}{day_en}{why_en}",
            f"จัดส่งจากระดับ{_LEVEL_TH[escalation.from_level]}ไประดับ{_LEVEL_TH[escalation.to_level]}"
            f"{by_th}{step_th}{day_th}{why_th}",
            escalation.step,
            escalation.date,
        )
        events.append((_order(calendar, escalation.step, escalation.date), len(events), stage))
    for step_id in project.steps:
        if step_id in carried:
            continue
        step_en, step_th = _when(calendar, step_id)
        stage = TraceStage("step", f"handled{step_en}", f"ดำเนินการ{step_th}", step_id)
        events.append((_order(calendar, step_id, None), len(events), stage))
    if calendar is not None:
        events.sort(key=lambda event: (event[0], event[1]))
    stages.extend(stage for _, _, stage in events)
    plan_en = plan_th = ""
    if project.plan is not None:
        name = next((plan.name for plan in register.plans if plan.id == project.plan), project.plan)
        edition = f", {project.edition}" if project.edition else ""
        form = f", form {project.form}" if project.form else ""
        plan_en = f", in the plan {name}{edition}{form}"
        plan_th = f" ในแผน {name}{edition}{' แบบ ' + project.form if project.form else ''}"
    stages.append(
        TraceStage(
            "plan",
            f"now at the {project.level} level{plan_en}",
            f"ปัจจุบันอยู่ในระดับ{_LEVEL_TH[project.level]}{plan_th}",
        )
    )
    for change in project.status:
        if change.state == "escalated" and change.step in carried:
            day_en, day_th = _day(change.date)
            stages.append(
                TraceStage(
                    "status",
                    f"escalated{day_en} ({_arrow(change.comment)})",
                    f"สถานะ: ส่งต่อ{day_th} ({change.comment})",
                    change.step,
                    change.date,
                )
            )
            continue
        step_en, step_th = _when(calendar, change.step)
        day_en, day_th = _day(change.date)
        by_en = f" by {change.by}" if change.by else ""
        stages.append(
            TraceStage(
                "status",
                f"{change.state}{by_en}{step_en}{day_en}",
                f"สถานะ: {change.state}{' โดย ' + change.by if change.by else ''}{step_th}{day_th}",
                change.step,
                change.date,
            )
        )
    for link in project.links:
        node = register.resolve(link)
        name = node.name if node is not None else "(not in the register's trees)"
        why = f": {link.justification}" if link.justification else ""
        stages.append(
            TraceStage(
                "link", f"serves {link.key} {name}{why}", f"สอดคล้องกับ {link.key} {name}{why}"
            )
        )
    return Trace(project.id, tuple(stages))


_EN_LEVELS: Final = {thai: level.value for level, thai in _LEVEL_TH.items()}


def _arrow(comment: str) -> str:
    """The Thai levels of an escalation's comment ("อำเภอ → จังหวัด") in English."""
    return " → ".join(_EN_LEVELS.get(part.strip(), part.strip()) for part in comment.split("→"))
