"""Rules on time: dependencies that cannot be kept, negative slack, deadlines that conflict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _days, _en, _th
from thaiplan.dates import (
    to_thai_digits,
)


@rule(
    "impossible-dependency",
    severity="error",
    description="the stated periods leave room for each step to follow the steps before it",
)
def _impossible_dependencies(context: Context) -> Iterator[Issue]:
    steps = {s.id: s for s in context.steps}
    for step in context.steps:
        for dependency in step.after:
            before = steps.get(dependency.step)
            if before is None or before.period.start is None:
                continue
            first_finish = before.period.start + dt.timedelta(days=before.duration - 1)
            first_start = first_finish + dt.timedelta(days=1 + dependency.lag)
            last_finish = first_start + dt.timedelta(days=step.duration - 1)
            if last_finish > step.period.end:
                yield Issue(
                    f"{step.id} ({step.when}) must follow {before.id} ({before.when}), but"
                    f" {before.id} cannot finish before {_en(first_finish)} and {step.id}'s stated"
                    f" period ends on {_en(step.period.end)}: change one of the periods or the dependency",
                    f"{step.id} ({step.when}) ต้องทำต่อจาก {before.id} ({before.when}) แต่ {before.id}"
                    f" เสร็จได้เร็วที่สุด {_th(first_finish)} ขณะที่ {step.id} ต้องเสร็จภายใน"
                    f" {_th(step.period.end)}",
                    steps=(before.id, step.id),
                )


@rule("negative-slack", severity="error", description="every step can be kept within its bounds")
def _negative_slack(context: Context) -> Iterator[Issue]:
    result = context.schedule
    if result is None:
        return
    for explanation in result.conflicts:
        bounds = result[explanation.step]
        chain = {c.step for c in (*explanation.earliest_start, *explanation.latest_finish)}
        chain |= {c.other for c in explanation.latest_finish if c.other}
        yield Issue(
            f"{explanation.step} cannot be kept: it can finish no earlier than"
            f" {_en(bounds.earliest_finish)} but must finish by {_en(bounds.latest_finish)}"
            f" ({_days(-bounds.total_slack)} short). Why:\n{explanation.message_en}",
            f"{explanation.step} ทำไม่ทันกำหนด: เสร็จได้เร็วที่สุด {_th(bounds.earliest_finish)}"
            f" แต่ต้องเสร็จภายใน {_th(bounds.latest_finish)} (ขาด {to_thai_digits(-bounds.total_slack)} วัน)"
            f" เพราะ\n{explanation.message_th}",
            steps=tuple(sorted(chain)),
        )


@rule(
    "deadline-conflict",
    severity="warning",
    description="a resolution's deadline agrees with the window of the step that carries it out",
)
def _deadline_conflicts(context: Context) -> Iterator[Issue]:
    document = context.document
    if document is None or document.meeting is None or context.calendar is None:
        return
    steps = {s.id: s for s in context.steps}
    for item in document.meeting.agenda:
        for resolution in item.resolutions:
            for action in resolution.actions:
                if action.deadline is None or action.step is None or action.step not in steps:
                    continue
                step = steps[action.step]
                deadline = action.deadline
                text = deadline.text or _en(deadline.end)
                if step.period.start is not None and deadline.end < step.period.start:
                    yield Issue(
                        f"resolution {item.number} sets {text!r} for what {step.id} carries out,"
                        f" but {step.id} is stated for {step.when!r}, which starts after that deadline",
                        f"มติวาระ {item.number} กำหนด '{text}' แต่ขั้นตอน {step.id} ({step.when})"
                        " เริ่มหลังกำหนดนั้น",
                        steps=(step.id,),
                        objects=(f"meeting.agenda[{item.number}]",),
                        severity=Severity.ERROR,
                    )
                elif step.period.end > deadline.end:
                    yield Issue(
                        f"resolution {item.number} sets {text!r} for what {step.id} carries out, but"
                        f" {step.id} is stated for {step.when!r}, which ends later"
                        f" ({_en(step.period.end)}, after {_en(deadline.end)}): one of the two is wrong",
                        f"มติวาระ {item.number} กำหนด '{text}' แต่ขั้นตอน {step.id} กำหนดไว้ '{step.when}'"
                        f" ซึ่งสิ้นสุดหลังกำหนดของมติ ({_th(step.period.end)})",
                        steps=(step.id,),
                        objects=(f"meeting.agenda[{item.number}]",),
                    )
