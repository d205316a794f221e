"""Rules on the planning round's order: consultation, phases, numbering, the annual plan."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _contains, _en, _th
from thaiplan.dates import (
    FiscalYear,
)
from thaiplan.model._steps import Step


def _is_consultation(step: Step) -> bool:
    return _contains(step.title, "ปรึกษาหารือ")


def _is_kbj_approval(step: Step) -> bool:
    return _contains(step.title, "ก.บ.จ") and _contains(step.title, "เห็นชอบ")


@rule(
    "consultation-order",
    severity="error",
    description="the consultation with all sectors comes before the ก.บ.จ. approves the plan",
)
def _consultation_order(context: Context) -> Iterator[Issue]:
    approvals = [s for s in context.steps if _is_kbj_approval(s)]
    if not approvals:
        return
    consultations = [s for s in context.steps if _is_consultation(s)]
    approval = approvals[0]
    if not consultations:
        yield Issue(
            f"{approval.id} has the ก.บ.จ. approve the plan, but no step holds the consultation"
            " with all sectors (ประชุมปรึกษาหารือ) that must come before it",
            f"{approval.id} เป็นการให้ความเห็นชอบของ ก.บ.จ. แต่ไม่มีขั้นตอนการประชุมปรึกษาหารือทุกภาคส่วนก่อนหน้า",
            steps=(approval.id,),
            severity=Severity.WARNING,
        )
        return
    for consultation in consultations:
        if not (consultation.dated and approval.dated):
            continue  # a step with no dates of its own: the schedule orders them
        if consultation.period.end > approval.period.end or (
            consultation.period.start is not None
            and approval.period.start is not None
            and consultation.period.start > approval.period.start
        ):
            yield Issue(
                f"the consultation with all sectors ({consultation.id}, {consultation.when!r}) comes"
                f" after the ก.บ.จ. approval ({approval.id}, {approval.when!r}); it must come before",
                f"การประชุมปรึกษาหารือทุกภาคส่วน ({consultation.id}) อยู่หลังการให้ความเห็นชอบของ"
                f" ก.บ.จ. ({approval.id}) ต้องจัดก่อน",
                steps=(consultation.id, approval.id),
            )


@rule("phase-order", severity="warning", description="phases follow one another in time")
def _phase_order(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    # the first and last day of each phase's steps, in one pass over the steps
    firsts: dict[str, dt.date] = {}
    lasts: dict[str, dt.date] = {}
    for step in calendar.steps:
        if not step.dated:
            continue  # no dates of its own: no place in time to compare
        first, last = step.period.start or step.period.end, step.period.end
        phase = step.phase
        if phase not in firsts or first < firsts[phase]:
            firsts[phase] = first
        if phase not in lasts or last > lasts[phase]:
            lasts[phase] = last
    spans = [
        (phase.id, firsts[phase.id], lasts[phase.id])
        for phase in calendar.phases
        if phase.id in firsts
    ]
    for (earlier, first_a, _), (later, _, last_b) in itertools.pairwise(spans):
        if last_b < first_a:
            yield Issue(
                f"phase {later!r} ends ({_en(last_b)}) before phase {earlier!r} begins"
                f" ({_en(first_a)}); the phases are out of order",
                f"ช่วง {later!r} สิ้นสุดก่อนช่วง {earlier!r} เริ่ม ลำดับช่วงไม่ถูกต้อง",
                objects=(earlier, later),
            )


@rule(
    "step-numbering",
    severity="warning",
    description="step numbers increase in the calendar's order",
)
def _step_numbering(context: Context) -> Iterator[Issue]:
    numbered = [s for s in context.steps if s.no is not None]
    for before, after in itertools.pairwise(numbered):
        if after.no is not None and before.no is not None and after.no <= before.no:
            yield Issue(
                f"step {after.id} is numbered {after.no} but comes after step {before.id} ({before.no})",
                f"ขั้นตอน {after.id} มีลำดับที่ {after.no} แต่อยู่หลังขั้นตอน {before.id} (ลำดับที่ {before.no})",
                steps=(before.id, after.id),
            )


@rule(
    "action-plan-late",
    severity="error",
    description="the annual action plan for FY N reaches central agencies before FY N begins",
)
def _action_plan_late(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.fiscal_year is None:
        return  # a standing calendar's template prepares no one fiscal year
    fiscal_year = FiscalYear(calendar.fiscal_year)
    for step in calendar.steps:
        sends = _contains(step.title, "ส่วนกลาง") and _contains(step.title, "ส่ง")
        if sends and step.dated and step.period.end >= fiscal_year.start:
            yield Issue(
                f"{step.id} sends the plans to central agencies by {_en(step.period.end)}, after"
                f" fiscal year {calendar.fiscal_year} has begun ({_en(fiscal_year.start)})",
                f"{step.id} ส่งแผนให้หน่วยงานส่วนกลางภายใน {_th(step.period.end)}"
                f" ซึ่งหลังจากปีงบประมาณ {calendar.fiscal_year} เริ่มแล้ว",
                steps=(step.id,),
            )
