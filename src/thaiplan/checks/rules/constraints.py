"""Rules on the step-level constraints: relative windows and most gaps (issue 9 §2).

A ``when`` counted from an event (``ภายใน ๑๕ วันนับแต่วันที่ได้รับ``) has no dates
of its own: the step's dependency on the side it counts from anchors it (see
:func:`~thaiplan.scheduling._constraints.relative_edges`). Without one, the
window binds nothing, and the calendar says less than its text. Most gaps
(``within``) can ask for what no schedule can keep; the schedule then does not
settle, and the steps it leaves moving are reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from thaiplan.checks._registry import Context, Issue, rule
from thaiplan.dates import Direction, PeriodKind


@rule(
    "relative-unanchored",
    severity="error",
    description="a when counted from an event has a dependency to count from",
)
def _relative_unanchored(context: Context) -> Iterator[Issue]:
    for step in context.steps:
        span = step.period.span
        if step.period.kind is not PeriodKind.RELATIVE or span is None:
            continue
        before = span.direction is Direction.BEFORE
        if step.before if before else step.after:
            continue
        key = "before" if before else "after"
        side_en = "comes before" if before else "follows"
        side_th = "ต้องเสร็จก่อน" if before else "ต้องทำต่อจาก"
        yield Issue(
            f"{step.id} is stated as {step.when!r}, counted {span.direction.value if span.direction else ''}"
            f" {span.anchor!r}, but names no step it {side_en} to count from: add"
            f" `{key}: [{{step: ...}}]` naming the step of {span.anchor!r}",
            f"{step.id} กำหนดเวลาไว้ว่า '{step.when}' นับจาก '{span.anchor}' แต่ไม่ได้ระบุขั้นตอนที่"
            f"{side_th} (`{key}`) ให้นับจาก จึงคำนวณวันไม่ได้",
            steps=(step.id,),
        )


@rule(
    "constraints-unsatisfiable",
    severity="error",
    description="the most gaps (within) and the lags and durations of a chain can all be kept",
)
def _unsatisfiable(context: Context) -> Iterator[Issue]:
    gapped = any(
        step.period.kind is PeriodKind.RELATIVE or any(d.within is not None for d in step.after)
        for step in context.steps
    )
    if not gapped:  # only most gaps (stated, or from a relative when) can fail to settle
        return
    result = context.schedule
    if result is None or not result._unsettled:
        return
    steps = result._unsettled
    gaps = [
        f"{step.id} within {d.within} {d.unit.value} of {d.step}"
        for step in context.steps
        for d in step.after
        if d.within is not None and (step.id in steps or d.step in steps)
    ]
    listed = ", ".join(steps[:10]) + (f" and {len(steps) - 10} more" if len(steps) > 10 else "")
    shown = "; ".join(gaps[:5]) or "the relative windows"
    yield Issue(
        f"the constraints on {listed} cannot all hold: a most gap is shorter than the lags and"
        f" durations the same chain needs ({shown}); Schedule.explain shows the chain round",
        f"เงื่อนไขของ {listed} เป็นไปพร้อมกันไม่ได้ ระยะไม่เกิน (within) สั้นกว่าระยะรอและระยะเวลา"
        f"ที่ขั้นตอนในสายเดียวกันต้องใช้ ({shown})",
        steps=steps,
    )
