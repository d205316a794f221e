"""Rules on dates against the calendar: weekdays and working days."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Final

from thaiplan.checks._registry import Context, Issue, rule
from thaiplan.checks.rules._common import _en, _th
from thaiplan.dates import (
    WEEKDAY_NAMES,
    PeriodKind,
    holiday_name,
    is_working_day,
    parse_date,
)
from thaiplan.errors import HolidayDataError, ThaiDateError

_WEEKDAY_DATE: Final = re.compile(
    "วัน(?:" + "|".join(WEEKDAY_NAMES) + r")\s*ที่\s*[0-9๐-๙]{1,2}\s*\S+\s*(?:พ\.ศ\.\s*)?[0-9๐-๙]{2,4}"
)


def _texts(context: Context) -> Iterator[tuple[str, str]]:
    """(where, text) for every free text that may hold a date; a step's ``where`` is ``steps.<id>``."""
    document = context.document
    if document is not None:
        letter = document.letter
        if letter is not None:
            for i, paragraph in enumerate(letter.body):
                yield f"letter.body[{i}]", paragraph
            yield "letter.dated", letter.dated
        if document.meeting is not None:
            yield "meeting.when", document.meeting.when
            for item in document.meeting.agenda:
                for resolution in item.resolutions:
                    yield f"meeting.agenda[{item.number}]", resolution.text
    for step in context.steps:
        # a weekday is written วัน...: a step without it anywhere has none (most steps)
        if "วัน" in step.title or "วัน" in step.when or "วัน" in step.notes:
            yield f"steps.{step.id}", f"{step.title} {step.when} {step.notes}"


@rule(
    "weekday-mismatch",
    severity="error",
    description="a weekday written with a date is that date's weekday",
)
def _weekday_mismatches(context: Context) -> Iterator[Issue]:
    for where, text in _texts(context):
        for match in _WEEKDAY_DATE.finditer(text):
            try:
                parse_date(match.group())
            except ThaiDateError as error:
                if error.reason == "weekday_mismatch":
                    step = where.removeprefix("steps.") if where.startswith("steps.") else None
                    yield Issue(
                        f"{where}: {match.group()!r}: {error.problem}",
                        f"{where}: '{match.group()}' วันในสัปดาห์ไม่ตรงกับวันที่ (ที่ถูกคือ{error.hint})",
                        steps=(step,) if step else (),
                        objects=() if step else (where,),
                    )


@rule(
    "non-working-day",
    severity="warning",
    description="a one-day step or a meeting falls on a working day",
)
def _non_working_days(context: Context) -> Iterator[Issue]:
    """A one-day step of work, or the meeting, on a weekend or a holiday.

    An event (``event: true``: an act comes into force, a fiscal year begins)
    is the day something takes effect, which no one works on: the FY 2563
    budget act took effect on 1 ม.ค. 2563, New Year's Day, as the Cabinet
    decided. It is passed by.
    """
    days: list[tuple[str, dt.date, tuple[str, ...]]] = [
        (step.id, step.period.start, (step.id,))
        for step in context.steps
        if step.period.kind is PeriodKind.DAY and step.period.start is not None and not step.event
    ]
    if context.document is not None and context.document.meeting is not None:
        days.append(("the meeting", context.document.meeting.start.date(), ()))
    for what, day, steps in days:
        try:
            if is_working_day(day):
                continue
            why = holiday_name(day) or ("a Saturday" if day.weekday() == 5 else "a Sunday")
        except HolidayDataError:
            continue
        why_th = holiday_name(day) or f"วัน{WEEKDAY_NAMES[day.weekday()]}"
        yield Issue(
            f"{what} falls on {_en(day)}, which is not a working day ({why})",
            f"{what} ตรงกับ {_th(day)} ซึ่งไม่ใช่วันทำการ ({why_th})",
            steps=steps,
        )
