"""How records look in a notebook: HTML tables, and pandas where installed.

The HTML is plain and standalone (inline styles, a Thai font stack, no
scripts, nothing fetched). A calendar's own view is the Gantt table of
:mod:`thaiplan.io._gantt`; this module has the small views of a step, a
meeting and a letter, and the DataFrame of a calendar.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from thaiplan.dates import format_date, format_period, to_thai_digits
from thaiplan.errors import ModelError

if TYPE_CHECKING:
    import pandas

    from thaiplan.checks._findings import Report
    from thaiplan.model._letters import Letter
    from thaiplan.model._meetings import Meeting
    from thaiplan.model._steps import PlanningCalendar, Step

__all__ = ["calendar_dataframe", "letter_html", "meeting_html", "step_html"]

_FONT = "font-family: 'Sarabun', 'Noto Sans Thai', 'Leelawadee UI', 'Tahoma', sans-serif;"
_CELL = "border: 1px solid #bbb; padding: 2px 6px; vertical-align: top;"


def _e(text: object) -> str:
    return html.escape(str(text))


def step_html(step: Step) -> str:
    """One step as a small HTML table."""
    rows = [
        (
            "ขั้นตอน",
            f"{to_thai_digits(step.no)}. {step.title}" if step.no is not None else step.title,
        ),
        ("วันเดือนปี", step.when),
        ("period", format_period(step.period, style="full") if step.when else "—"),
        ("phase", step.phase),
        ("responsible", ", ".join(step.responsible)),
        ("after", ", ".join(d.step for d in step.after)),
    ]
    if step.meetings:
        rows.append(("meetings", str(step.meetings)))
    return _table(rows)


def meeting_html(meeting: Meeting) -> str:
    """A meeting: when, where, and its agenda with resolutions."""
    rows = [("วันเวลา", _e(meeting.when)), ("ณ", _e(meeting.venue))]
    for item in meeting.agenda:
        resolutions = "<br>".join("● " + _e(r.text) for r in item.resolutions)
        rows.append((f"{item.number_text or item.number} {item.title}", resolutions))
    return _table(rows, title=meeting.title, escape_values=False)  # values escaped above


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
            "end": step.period.end if step.dated else None,
            "responsible": list(step.responsible),
            "after": [d.step for d in step.after],
            "duration": step.duration,
            "meetings": step.meetings,
        }
        for step in calendar.steps
    ]
    frame = pandas.DataFrame.from_records(records).set_index("id")
    frame["meetings"] = frame["meetings"].astype("Int64")  # whole numbers, or <NA>
    return frame


def report_html(report: Report) -> str:
    """The findings as an HTML table for a notebook: severity, code, steps, Thai and English."""
    rows = "".join(
        f"<tr><td>{_e(f.severity)}</td><td>{_e(f.code)}</td>"
        f"<td>{_e(', '.join(f.steps))}</td><td>{_e(f.message_th)}<br>"
        f"<small>{_e(f.message_en)}</small></td></tr>"
        for f in report.findings
    )
    return (
        "<table style=\"font-family: 'Sarabun', 'Noto Sans Thai', 'Tahoma', sans-serif\">"
        f"<tr><th>severity</th><th>code</th><th>steps</th><th>finding</th></tr>{rows}</table>"
    )
