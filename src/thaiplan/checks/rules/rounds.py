"""Rules on the fiscal year a calendar prepares: its round, its title, steps that come too late.

- ``outside-round``: a step far outside the planning round of the calendar's
  fiscal year (``_round.py`` defines the round, "far" and the fix), reported once
  as the cause: the dependencies and deadlines it breaks are not reported again;
- ``late-for-fiscal-year``: steps that end after the fiscal year they prepare has
  begun (a warning: what they prepare comes late for the year) or has ended (an
  error: it cannot serve the year at all);
- ``title-fiscal-year``: the ปีงบประมาณ that the title (and the letter's subject,
  the minutes' title) names is not the calendar's ``fiscal_year``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _contains, _en, _th
from thaiplan.checks.rules._round import far_steps, misdated_fiscal_year, round_of, stated_end
from thaiplan.dates import FiscalYear, to_arabic_digits, to_thai_digits
from thaiplan.model._steps import Step

#: A finding names this many steps and counts the rest.
_LISTED: Final = 10


@rule(
    "outside-round",
    severity="error",
    description="every step lies within the planning round of the calendar's fiscal year",
)
def _outside_round(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.fiscal_year is None:  # a standing template: no year
        return
    year = calendar.fiscal_year
    first, last = round_of(year)
    span_en = f"FY {year - 2}–{year}, {_en(first)} to {_en(last)}"
    span_th = f"ปีงบประมาณ {year - 2}–{year} คือ {_th(first)} ถึง {_th(last)}"
    misdated = misdated_fiscal_year(calendar)
    if misdated is not None:
        low, high, meant = misdated
        dated = [s.id for s in calendar.steps if stated_end(s) is not None]
        touched = f"FY {low}" if low == high else f"FY {low}–{high}"
        if meant is not None:
            fix_en, fix_th = f"; did you mean fiscal_year: {meant}?", f" หรือควรเป็น {meant}"
        else:
            fix_en, fix_th = "; no one round holds them all", " ไม่มีรอบการวางแผนใดครอบคลุมทุกขั้นตอน"
        yield Issue(
            f"none of the {len(dated)} dated steps ({_ids(dated)}) lies near the FY {year} round"
            f" ({span_en}): they lie in {touched}, so the calendar's fiscal_year is likely"
            f" wrong{fix_en}",
            f"ไม่มีขั้นตอนใด ({_ids(dated)}) อยู่ใกล้รอบการวางแผนของปีงบประมาณ {year} ({span_th})"
            f" ขั้นตอนทั้งหมดอยู่ในปีงบประมาณ {low}–{high} fiscal_year ของปฏิทินน่าจะผิด{fix_th}",
            steps=tuple(dated),
            objects=("calendar.fiscal_year",),
        )
        return
    for far in far_steps(context, calendar).values():
        if far.fix is not None:
            fix_en = f"; did you mean {far.fix!r} ({far.fix_years})?"
            fix_th = f" หรือควรเป็น '{far.fix}' ({far.fix_years})"
        else:
            fix_en, fix_th = "; check its year", " ให้ตรวจสอบปีที่ระบุ"
        yield Issue(
            f"{far.step}: {far.when!r} ({far.years}) lies outside the FY {year} round"
            f" ({span_en}){fix_en} A mistyped year is the usual cause; the dependencies"
            " and deadlines it breaks are not reported on their own.",
            f"{far.step}: '{far.when}' ({far.years}) อยู่นอกรอบการวางแผนของปีงบประมาณ {year}"
            f" ({span_th}){fix_th} สาเหตุที่พบบ่อยคือพิมพ์ปีผิด"
            " จึงไม่รายงานลำดับขั้นตอนและกำหนดเวลาที่ขั้นตอนนี้ทำให้ผิดแยกอีก",
            steps=(far.step,),
        )


def _ids(steps: list[str]) -> str:
    shown = ", ".join(steps[:_LISTED])
    return shown if len(steps) <= _LISTED else f"{shown}, … {len(steps) - _LISTED:,} more"


def _sends_to_central(step: Step) -> bool:
    """What ``action-plan-late`` judges (the same test as its own): not reported twice."""
    return _contains(step.title, "ส่วนกลาง") and _contains(step.title, "ส่ง")


def _listed(steps: list[Step], lang: str) -> str:
    day = _en if lang == "en" else _th
    shown = []
    for step in steps:
        end = stated_end(step)
        shown.append(f"{step.id} ({step.when}, {day(end)})" if end else step.id)
    text = ", ".join(shown[:_LISTED])
    rest = len(shown) - _LISTED
    if rest > 0:
        text += f" and {rest:,} more" if lang == "en" else f" และอีก {to_thai_digits(rest)} ขั้นตอน"
    return text


@rule(
    "late-for-fiscal-year",
    severity="warning",
    description="the steps that prepare a fiscal year end by its first day, and never after it ends",
)
def _late_for_fiscal_year(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.fiscal_year is None:  # a standing template: no year
        return
    if misdated_fiscal_year(calendar) is not None:
        return  # every step is far from the year: outside-round reports fiscal_year, once
    fiscal_year = FiscalYear(calendar.fiscal_year)
    far = far_steps(context, calendar)
    # a supplementary budget (งบประมาณรายจ่ายเพิ่มเติม) is prepared within the year it adds to
    supplementary = _contains(calendar.title, "งบประมาณ") and _contains(calendar.title, "เพิ่มเติม")
    ended: list[Step] = []
    begun: list[Step] = []
    for step in calendar.steps:
        end = stated_end(step)
        if end is None or end <= fiscal_year.start or step.id in far or _sends_to_central(step):
            continue
        if end > fiscal_year.end:
            ended.append(step)
        elif not supplementary:
            begun.append(step)
    year = calendar.fiscal_year
    if ended:
        yield Issue(
            f"fiscal year {year} ends on {_en(fiscal_year.end)}, but the calendar that prepares it"
            f" has steps that end later: {_listed(ended, 'en')}. What they prepare cannot serve"
            f" a year that is over: check their years, or the calendar's fiscal_year",
            f"ปีงบประมาณ {year} สิ้นสุด {_th(fiscal_year.end)} แต่ปฏิทินที่เตรียมการสำหรับปีงบประมาณนี้"
            f"มีขั้นตอนที่สิ้นสุดหลังจากนั้น: {_listed(ended, 'th')} ให้ตรวจสอบปีของขั้นตอนเหล่านี้"
            " หรือ fiscal_year ของปฏิทิน",
            steps=tuple(s.id for s in ended),
            objects=("calendar.fiscal_year",),
            severity=Severity.ERROR,
        )
    if begun:
        yield Issue(
            f"fiscal year {year} begins on {_en(fiscal_year.start)}, but the calendar that"
            f" prepares it has steps that end after that day: {_listed(begun, 'en')}."
            " What they prepare comes late for the year: move them earlier, or check their years",
            f"ปีงบประมาณ {year} เริ่ม {_th(fiscal_year.start)} แต่ปฏิทินที่เตรียมการสำหรับปีงบประมาณนี้"
            f"มีขั้นตอนที่สิ้นสุดหลังวันนั้น: {_listed(begun, 'th')}"
            " สิ่งที่เตรียมจะไม่ทันปีงบประมาณ",
            steps=tuple(s.id for s in begun),
            objects=("calendar.fiscal_year",),
        )


#: ปีงบประมาณ and its year (or years): พ.ศ. optional, Thai or Arabic digits, 2 or 4 of them.
_FISCAL_YEAR: Final = re.compile(
    r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?([0-9๐-๙]{4}|[0-9๐-๙]{2})(?![0-9๐-๙])"
    r"(?:\s*[-–]\s*(?:พ\.\s*ศ\.\s*)?([0-9๐-๙]{4}|[0-9๐-๙]{2})(?![0-9๐-๙]))?"
)


def _year(written: str) -> int:
    value = int(to_arabic_digits(written))
    return value + 2500 if value < 100 else value


def fiscal_years_named(text: str) -> list[tuple[str, int, int]]:
    """The ปีงบประมาณ a text names: (as written, first year, last year), Buddhist Era.

    >>> fiscal_years_named("การจัดทำแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓")
    [('ปีงบประมาณ พ.ศ. ๒๕๖๓', 2563, 2563)]
    >>> fiscal_years_named("ปีงบประมาณ 66 - 70")
    [('ปีงบประมาณ 66 - 70', 2566, 2570)]
    """
    found = []
    for match in _FISCAL_YEAR.finditer(text):
        first = _year(match.group(1))
        last = _year(match.group(2)) if match.group(2) else first
        found.append((match.group(0), first, last))
    return found


@rule(
    "title-fiscal-year",
    severity="error",
    description="the ปีงบประมาณ the title names is the calendar's fiscal_year",
)
def _title_fiscal_year(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.fiscal_year is None:  # a standing template: no year
        return
    year = calendar.fiscal_year
    texts = [("calendar.title", calendar.title)]
    document = context.document
    if document is not None and document.letter is not None:
        texts.append(("letter.subject", document.letter.subject))
    if document is not None and document.meeting is not None:
        texts.append(("meeting.title", document.meeting.title))
    for where, text in texts:
        named = fiscal_years_named(text)
        if not named or any(first <= year <= last for _, first, last in named):
            continue
        written, first, last = named[0]
        meant = str(first) if first == last else f"{first}-{last}"
        yield Issue(
            f"{where} says {written!r} (fiscal year {meant}) but the calendar's fiscal_year is"
            f" {year}: correct one of them (fiscal_year: {first}, or the {where.split('.')[1]})",
            f"{where} ระบุ '{written}' แต่ fiscal_year ของปฏิทินคือ {year} ให้แก้ไขให้ตรงกัน",
            objects=(where, "calendar.fiscal_year"),
        )
