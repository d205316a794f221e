"""How records look in a notebook: HTML tables, and pandas where installed.

The HTML is plain and standalone (inline styles, a Thai font stack, no
scripts, nothing fetched), shaped like the seed's calendar table: steps by
phase, the stated period in Thai, one column a month, the marked months.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from thaiplan.dates import MONTH_ABBREVIATIONS, format_date, format_period
from thaiplan.dates._text import BE_OFFSET, to_thai_digits
from thaiplan.errors import ModelError

if TYPE_CHECKING:
    import pandas

    from ._letters import Letter
    from ._meetings import Meeting
    from ._steps import PlanningCalendar, Step

__all__ = ["calendar_dataframe", "calendar_html", "letter_html", "meeting_html", "step_html"]

_FONT = "font-family: 'Sarabun', 'Noto Sans Thai', 'Leelawadee UI', 'Tahoma', sans-serif;"
_CELL = "border: 1px solid #bbb; padding: 2px 6px; vertical-align: top;"


def _e(text: object) -> str:
    return html.escape(str(text))


def _months(calendar: PlanningCalendar) -> list[tuple[int, int]]:
    """The months the table shows: every month a step's period or Gantt mark touches."""
    months: set[tuple[int, int]] = set()
    for step in calendar.steps:
        months.update(step.period.iter_months())
        if calendar.gantt_year is not None:
            months.update(step.gantt_months(calendar.gantt_year))
    if not months:
        return []
    first, last = min(months), max(months)
    result = []
    year, month = first
    while (year, month) <= last:
        result.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _parties(calendar: PlanningCalendar, step: Step) -> str:
    names = []
    for party_id in step.responsible:
        party = calendar.party(party_id)
        names.append(party.name if party is not None else party_id)
    return "<br>".join(_e(name) for name in names)


def calendar_html(calendar: PlanningCalendar) -> str:
    """The calendar as an HTML table shaped like the document's."""
    months = _months(calendar)
    marked_year = calendar.gantt_year
    head = "".join(
        f'<th style="{_CELL}">{_e(MONTH_ABBREVIATIONS[m - 1])}<br>'
        f"{_e(to_thai_digits(str(y + BE_OFFSET)[-2:]))}</th>"
        for y, m in months
    )
    rows = []
    phase_titles = {phase.id: phase.title for phase in calendar.phases}
    phase_order = [phase.id for phase in calendar.phases]
    phase_order += [s.phase for s in calendar.steps if s.phase not in phase_order]
    for phase_id in dict.fromkeys(phase_order):
        steps = calendar.steps_in(phase_id)
        if not steps:
            continue
        rows.append(
            f'<tr><th colspan="{len(months) + 3}" style="{_CELL} text-align: left;'
            f' background: #eef;">{_e(phase_titles.get(phase_id, phase_id))}</th></tr>'
        )
        for step in steps:
            stated = set(step.period.iter_months())
            marks = set(step.gantt_months(marked_year)) if marked_year is not None else set()
            cells = []
            for month in months:
                style = _CELL
                if month in stated:
                    style += " background: #9cf;"
                mark = "●" if month in marks else ""
                cells.append(f'<td style="{style} text-align: center;">{mark}</td>')
            number = "" if step.no is None else to_thai_digits(step.no) + ". "
            rows.append(
                f'<tr><td style="{_CELL}">{_e(number)}{_e(step.title)}</td>'
                f'<td style="{_CELL} white-space: nowrap;">{_e(step.when)}</td>'
                f"{''.join(cells)}"
                f'<td style="{_CELL}">{_parties(calendar, step)}</td></tr>'
            )
    legend = (
        "<p style='font-size: 85%'>shaded: the stated period; ●: the month marked in the"
        " document's Gantt table</p>"
    )
    return (
        f'<div style="{_FONT}"><p><b>{_e(calendar.title)}</b><br>'
        f"{_e(calendar.province)} · ปีงบประมาณ พ.ศ. {_e(to_thai_digits(calendar.fiscal_year))}</p>"
        f'<table style="border-collapse: collapse;"><thead><tr>'
        f'<th style="{_CELL}">ขั้นตอน</th><th style="{_CELL}">วันเดือนปี</th>{head}'
        f'<th style="{_CELL}">หน่วยงานที่เกี่ยวข้อง</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{legend}</div>"
    )


def step_html(step: Step) -> str:
    """One step as a small HTML table."""
    rows = [
        ("ขั้นตอน", f"{step.no}. {step.title}" if step.no is not None else step.title),
        ("วันเดือนปี", step.when),
        ("period", format_period(step.period, style="full")),
        ("phase", step.phase),
        ("responsible", ", ".join(step.responsible)),
        ("after", ", ".join(d.step for d in step.after)),
    ]
    if step.meetings:
        rows.append(("meetings", str(step.meetings)))
    return _table(rows)


def meeting_html(meeting: Meeting) -> str:
    """A meeting: when, where, and its agenda with resolutions."""
    rows = [("วันเวลา", meeting.when), ("ณ", meeting.venue)]
    for item in meeting.agenda:
        resolutions = "<br>".join("● " + _e(r.text) for r in item.resolutions)
        rows.append((f"{item.number_text or item.number} {item.title}", resolutions))
    return _table(rows, title=meeting.title, escape_values=False)


def letter_html(letter: Letter) -> str:
    """A letter's heading fields, as a table."""
    rows = [
        ("ที่", letter.number.format()),
        ("วันที่", letter.dated or (format_date(letter.date) if letter.date else "")),
        ("เรื่อง", letter.subject),
        ("เรียน", letter.salutation),
    ]
    rows += [
        ("อ้างถึง", f"{r.issuer} {r.urgency} {r.number or ''} {r.dated}") for r in letter.references
    ]
    rows += [("สิ่งที่ส่งมาด้วย", f"{e.title} {e.quantity or ''} {e.unit}") for e in letter.enclosures]
    rows += [("ลงนาม", f"{letter.signatory} {letter.position}")]
    return _table(rows)


def _table(rows: list[tuple[str, str]], *, title: str = "", escape_values: bool = True) -> str:
    body = "".join(
        f'<tr><th style="{_CELL} text-align: left;">{_e(key)}</th>'
        f'<td style="{_CELL}">{_e(value) if escape_values else value}</td></tr>'
        for key, value in rows
    )
    caption = f"<p><b>{_e(title)}</b></p>" if title else ""
    return f'<div style="{_FONT}">{caption}<table style="border-collapse: collapse;">{body}</table></div>'


def calendar_dataframe(calendar: PlanningCalendar) -> pandas.DataFrame:
    """The steps as a DataFrame: one row a step, the stated period as dates."""
    try:
        import pandas
    except ImportError:
        raise ModelError(
            "to_dataframe() needs pandas, which is not installed;"
            " install it with: pip install 'thaiplan[pandas]'"
        ) from None
    records: list[dict[str, Any]] = [
        {
            "id": step.id,
            "no": step.no,
            "phase": step.phase,
            "title": step.title,
            "when": step.when,
            "kind": step.period.kind.value,
            "start": step.period.start,
            "end": step.period.end,
            "responsible": list(step.responsible),
            "after": [d.step for d in step.after],
            "duration": step.duration,
            "meetings": step.meetings,
        }
        for step in calendar.steps
    ]
    return pandas.DataFrame.from_records(records).set_index("id")
