"""Rules on time: dependencies that cannot be kept, negative slack, deadlines that conflict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _days, _en, _th
from thaiplan.dates import to_thai_digits
from thaiplan.scheduling._schedule import Constraint, Explanation

#: The end of a step with no dates of its own (no `when`, relative, recurring): none.
_NO_END: Final = dt.date.max.toordinal()


@rule(
    "impossible-dependency",
    severity="error",
    description="the stated periods leave room for each step to follow the steps before it",
)
def _impossible_dependencies(context: Context) -> Iterator[Issue]:
    steps = context.steps
    # day ordinals and durations once a step: the loop over the dependencies is integer sums
    index = context.step_index
    starts = [s.period.start.toordinal() if s.period.start is not None else None for s in steps]
    ends = [s.period.end.toordinal() if s.dated else _NO_END for s in steps]  # undated: no end
    durations = [s.duration for s in steps]
    find = index.get
    for k, step in enumerate(steps):
        for dependency in step.after:
            j = find(dependency.step)
            if j is None:
                continue
            first = starts[j]
            if first is None:
                continue
            # first finish of the step before, first start after it, last finish of this one
            if first + durations[j] + dependency.lag + durations[k] - 1 > ends[k]:
                before = steps[j]
                first_finish = dt.date.fromordinal(first + durations[j] - 1)
                yield Issue(
                    f"{step.id} ({step.when}) must follow {before.id} ({before.when}), but"
                    f" {before.id} cannot finish before {_en(first_finish)} and {step.id}'s stated"
                    f" period ends on {_en(step.period.end)}: change one of the periods or the dependency",
                    f"{step.id} ({step.when}) ต้องทำต่อจาก {before.id} ({before.when}) แต่ {before.id}"
                    f" เสร็จได้เร็วที่สุด {_th(first_finish)} ขณะที่ {step.id} ต้องเสร็จภายใน"
                    f" {_th(step.period.end)}",
                    steps=(before.id, step.id),
                )


#: A chain of more links than this shows its first and last _ENDS links only
#: (Schedule.explain gives them all), so that a finding stays a screenful.
_LINKS: Final = 7
_ENDS: Final = 3
#: A finding names this many of the steps a bound squeezes, and counts the rest.
_LISTED: Final = 10


def _links(chain: tuple[Constraint, ...], lang: str) -> list[str]:
    lines = [c.message_th if lang == "th" else c.message_en for c in chain]
    if len(lines) <= _LINKS:
        return lines
    hidden = len(lines) - 2 * _ENDS
    more = f"… {hidden:,} links more …" if lang == "en" else f"… อีก {to_thai_digits(hidden)} ขั้น …"
    return [*lines[:_ENDS], more, *lines[-_ENDS:]]


def _why(explanation: Explanation, lang: str) -> str:
    return "\n".join(
        _links(explanation.latest_finish, lang) + _links(explanation.earliest_start, lang)
    )


def _listed(steps: list[str], lang: str) -> str:
    shown = ", ".join(steps[:_LISTED])
    rest = len(steps) - _LISTED
    if rest <= 0:
        return shown
    return (
        f"{shown} and {rest:,} more"
        if lang == "en"
        else f"{shown} และอีก {to_thai_digits(rest)} ขั้นตอน"
    )


@rule(
    "negative-slack",
    severity="error",
    description="every step can be kept within its bounds",
)
def _negative_slack(context: Context) -> Iterator[Issue]:
    result = context.schedule
    if result is None:
        return
    order = context.step_index
    for chain in result.infeasible_chains:
        bound, explanation = chain.bound, chain.explanation
        lead = explanation.step
        earliest, latest, slack = result._finish(lead)  # no free slack needed
        head_en = (
            f"{lead} cannot be kept: it can finish no earlier than"
            f" {_en(earliest)} but must finish by {_en(latest)} ({_days(-slack)} short)."
        )
        head_th = (
            f"{lead} ทำไม่ทันกำหนด: เสร็จได้เร็วที่สุด {_th(earliest)}"
            f" แต่ต้องเสร็จภายใน {_th(latest)} (ขาด {to_thai_digits(-slack)} วัน)"
        )
        others = [step for step in chain.steps if step != lead]
        if others:
            more = len(others)
            worst_en = worst_th = ""
            if chain.worst != lead:
                worst_en = f"; the most short is {chain.worst}, by {_days(-chain.slack)}"
                worst_th = (
                    f" ขั้นตอนที่ขาดมากที่สุดคือ {chain.worst} (ขาด {to_thai_digits(-chain.slack)} วัน)"
                )
            head_en += (
                f" {more:,} more step{'s' if more > 1 else ''} cannot be kept either, squeezed by"
                f" the same bound ({bound.message_en}): {_listed(others, 'en')}{worst_en}."
                f" Why, for {lead}:"
            )
            head_th += (
                f" และอีก {to_thai_digits(more)} ขั้นตอนก็ทำไม่ทันเช่นกัน เพราะติดข้อกำหนดเดียวกัน"
                f" ({bound.message_th}): {_listed(others, 'th')}{worst_th} สาเหตุของ {lead}:"
            )
        else:
            head_en += " Why:"
            head_th += " เพราะ"
        named = {*chain.steps, bound.step}
        yield Issue(
            f"{head_en}\n{_why(explanation, 'en')}",
            f"{head_th}\n{_why(explanation, 'th')}",
            steps=tuple(sorted(named, key=order.__getitem__)),
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
