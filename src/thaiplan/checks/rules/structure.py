"""Rules on the structure of a calendar: ids, references, dependencies on nothing or on itself, cycles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from thaiplan.checks._registry import Context, Issue, rule
from thaiplan.checks.rules._common import _party_ids
from thaiplan.model._close import CloseNames
from thaiplan.model._scope import TEMPLATE_FISCAL_YEAR
from thaiplan.model._steps import Step
from thaiplan.scheduling._combined import split_reference


@rule(
    "duplicate-id",
    severity="error",
    description="ids of steps, phases, agencies and committees are unique",
)
def _duplicate_ids(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    unique_steps = len(context.step_index) == len(calendar.steps)  # no Counter of 100,000 ids
    groups: dict[str, Iterable[str]] = {
        "step": () if unique_steps else (s.id for s in calendar.steps),
        "phase": (p.id for p in calendar.phases),
        "agency or committee": _party_ids(calendar),
    }
    for what, found in groups.items():
        for name, count in Counter(found).items():
            if count > 1:
                yield Issue(
                    f"the {what} id {name!r} is used {count} times; give each its own id",
                    f"รหัส {name!r} ถูกใช้ซ้ำ {count} ครั้ง ต้องไม่ซ้ำกัน",
                    steps=(name,) if what == "step" else (),
                    objects=() if what == "step" else (name,),
                )


@rule("unknown-step", severity="error", description="`after` names steps of the calendar")
def _unknown_steps(context: Context) -> Iterator[Issue]:
    known = context.step_index
    unknown = context.unknown_dependencies  # looked up once for all the rules
    close = CloseNames(known)
    for k, step in enumerate(context.steps):
        for dependency in unknown.get(k, ()) if unknown else ():
            if split_reference(dependency.step) is not None:
                continue  # another calendar's step: rules/cross.py
            hint = close.hint(dependency.step)
            yield Issue(
                f"{step.id} follows {dependency.step!r}, which is not a step of the calendar{hint}",
                f"{step.id} ทำต่อจาก {dependency.step!r} ซึ่งไม่มีในปฏิทิน",
                steps=(step.id,),
            )
        for dependency in step.before:  # the steps it comes before, too
            if dependency.step not in known:
                hint = close.hint(dependency.step)
                yield Issue(
                    f"{step.id} comes before {dependency.step!r}, which is not a step of the"
                    f" calendar{hint}",
                    f"{step.id} ต้องเสร็จก่อน {dependency.step!r} ซึ่งไม่มีในปฏิทิน",
                    steps=(step.id,),
                )


@rule("unknown-phase", severity="error", description="steps name phases of the calendar")
def _unknown_phases(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or not calendar.phases:
        return
    known = {p.id for p in calendar.phases}
    for step in calendar.steps:
        if step.phase not in known:
            yield Issue(
                f"{step.id} is in phase {step.phase!r}, which the calendar does not define"
                f" (its phases: {', '.join(sorted(known))})",
                f"{step.id} อยู่ในช่วง {step.phase!r} ซึ่งไม่มีในปฏิทิน",
                steps=(step.id,),
            )


@rule(
    "unknown-party",
    severity="error",
    description="responsible parties are agencies or committees of the calendar",
)
def _unknown_parties(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    known = set(_party_ids(calendar))
    close = CloseNames(known)
    for step in calendar.steps:
        for party in step.responsible:
            if party not in known:
                hint = close.hint(party)
                yield Issue(
                    f"{step.id} names {party!r} as responsible, but no agency or committee has that id{hint}",
                    f"{step.id} ระบุผู้รับผิดชอบ {party!r} ซึ่งไม่มีในรายชื่อหน่วยงานหรือคณะกรรมการ",
                    steps=(step.id,),
                    objects=(party,),
                )
    if context.document is not None and context.document.meeting is not None:
        for action in context.document.meeting.actions():
            for party in action.who:
                if party not in known:
                    yield Issue(
                        f"a resolution assigns {action.what[:40]!r} to {party!r}, which is not an"
                        " agency or committee of the calendar",
                        f"มติมอบหมายให้ {party!r} ซึ่งไม่มีในรายชื่อหน่วยงาน",
                        objects=(party,),
                    )


@rule("self-dependency", severity="error", description="a step does not follow itself")
def _self_dependencies(context: Context) -> Iterator[Issue]:
    steps = context.steps
    if len(context.step_index) == len(steps):  # unique ids: a step follows itself where j == k
        followers, followed, _ = context.dependencies
        found = [k for k, j in zip(followers, followed, strict=True) if j == k]
        candidates: Iterable[Step] = (steps[k] for k in dict.fromkeys(found))
    else:
        candidates = steps
    for step in candidates:
        if step.after and any(d.step == step.id for d in step.after):
            yield Issue(
                f"{step.id} follows itself; remove {step.id} from its own `after`",
                f"{step.id} ทำต่อจากตัวเอง ให้ลบออกจาก after",
                steps=(step.id,),
            )


@rule(
    "duplicate-dependency", severity="warning", description="a step names each step before it once"
)
def _duplicate_dependencies(context: Context) -> Iterator[Issue]:
    known = context.step_index
    for step in context.steps:
        after = step.after
        if len(after) < 2 or (len(after) == 2 and after[0].step != after[1].step):
            continue  # the common cases, without a set or a Counter per step
        if len({d.step for d in after}) == len(after):
            continue
        for other, count in Counter(d.step for d in after).items():
            if count > 1:
                yield Issue(
                    f"{step.id} follows {other} {count} times; keep one (the strictest lag is the one that counts)",
                    f"{step.id} ระบุว่าทำต่อจาก {other} ซ้ำ {count} ครั้ง",
                    steps=(step.id, other) if other in known else (step.id,),
                )


@rule("dependency-cycle", severity="error", description="the steps can be put in order")
def _cycles(context: Context) -> Iterator[Issue]:
    cycle = context.cycle  # from the schedule the other rules share
    if cycle:
        path = " -> ".join((*cycle, cycle[0]))
        yield Issue(
            f"the steps depend on one another in a circle: {path}; remove one of these dependencies",
            f"ขั้นตอนต่อไปนี้ต้องทำต่อจากกันเป็นวงกลม: {path} ให้ตัดความเชื่อมโยงออกหนึ่งรายการ",
            steps=cycle,
        )


@rule(
    "standing-template",
    severity="info",
    description="a standing yearly calendar without a fiscal year is checked as a template",
)
def _standing_template(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or not calendar.is_template:
        return
    years = sorted({step.year for step in calendar.steps if step.year is not None})
    placed = "-".join(str(year) for year in years) or "none"
    yield Issue(
        "a standing yearly calendar with no fiscal year is checked as a template: its dates"
        f" without a year are placed in fiscal year {TEMPLATE_FISCAL_YEAR} (BE {placed}), a year"
        " whose February has 29 days; give --fiscal-year N (for_fiscal_year(N)) to check one year's",
        "ปฏิทินประจำปีที่ไม่ระบุปีงบประมาณ ตรวจในฐานะแม่แบบ โดยวางวันที่ที่ไม่มีปีไว้ในปีงบประมาณ"
        f" {TEMPLATE_FISCAL_YEAR} (พ.ศ. {placed}) ให้ระบุ --fiscal-year เพื่อตรวจปีที่ต้องการ",
        objects=("calendar.recurs",),
    )
