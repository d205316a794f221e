"""The HTML Gantt view: a standalone page shaped like the document's table.

Steps are grouped by phase, one column a month; a bar covers each step's
stated period, drawn to the day; a deadline is a ◆ on its last day; the
months the document's own Gantt table marks carry a small dot; the
responsible parties and the slack from :func:`~thaiplan.schedule` have their
columns; rows with findings from :func:`~thaiplan.validate` are highlighted,
and the findings are listed under the table. The page needs no network: the
styles are inline and the fonts are the reader's own Thai fonts.

The same table is the notebook view (``_repr_html_``) of a calendar.

The markup is meant to be checked by machines too: each month column has
``data-month="YYYY-MM"``, each bar ``data-step``, ``data-start`` and
``data-end`` (ISO dates).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import html
from typing import TYPE_CHECKING, Final

from thaiplan.dates import MONTH_ABBREVIATIONS, FiscalYear, ce_to_be, format_date, to_thai_digits
from thaiplan.errors import DependencyCycleError, ModelError

if TYPE_CHECKING:
    from thaiplan.checks._registry import Report
    from thaiplan.dates import Period
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar, Step
    from thaiplan.scheduling._schedule import Schedule

__all__ = ["gantt_html", "gantt_table"]

_STYLE: Final = """
.thaiplan-gantt { font-family: 'Sarabun', 'Noto Sans Thai', 'Leelawadee UI', 'Tahoma', 'Thonburi', sans-serif;
  font-size: 14px; color: #222; }
.thaiplan-gantt table { border-collapse: collapse; }
.thaiplan-gantt th, .thaiplan-gantt td { border: 1px solid #bbb; padding: 2px 6px; vertical-align: top; }
.thaiplan-gantt th { background: #f2f2f2; }
.thaiplan-gantt th.phase { text-align: left; background: #e3ebf7; }
.thaiplan-gantt td.month { position: relative; min-width: 44px; padding: 0; }
.thaiplan-gantt .bar { position: absolute; top: calc(50% - 6px); height: 12px;
  background: #3b78c2; border-radius: 2px; }
.thaiplan-gantt .deadline { position: absolute; top: calc(50% - 9px); font-size: 12px; color: #b3261e; }
.thaiplan-gantt .mark { position: absolute; bottom: 1px; left: 45%; font-size: 8px; color: #666; }
.thaiplan-gantt tr.error td.title { background: #fde7e7; }
.thaiplan-gantt tr.warning td.title { background: #fff4d6; }
.thaiplan-gantt td.slack.negative { color: #b3261e; font-weight: bold; }
.thaiplan-gantt .legend, .thaiplan-gantt .findings { font-size: 12px; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _months(calendar: PlanningCalendar) -> list[tuple[int, int]]:
    """Every month from the first a step touches to the last."""
    touched: set[tuple[int, int]] = set()
    for step in calendar.steps:
        touched.update(step.period.iter_months())
        if calendar.gantt_year is not None:
            touched.update(step.gantt_months(calendar.gantt_year))
    if not touched:
        return []
    (year, month), last = min(touched), max(touched)
    months = []
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _bar_in(
    step: Step, first: dt.date, last: dt.date, days: int, period: Period | None = None
) -> str:
    """The piece of the step's bar (or of ``period``) inside the month from ``first`` to ``last``."""
    period = step.period if period is None else period
    if period.start is None:  # a deadline: a mark on its last day
        if first <= period.end <= last:
            left = 100 * (period.end.day - 0.5) / days
            return (
                f'<span class="deadline" data-step="{_e(step.id)}" data-end="{period.end}"'
                f' title="{_e(step.when)}" style="left: calc({left:.1f}% - 5px)">◆</span>'
            )
        return ""
    start, end = max(period.start, first), min(period.end, last)
    if start > end:
        return ""
    left = 100 * (start.day - 1) / days
    width = 100 * ((end - start).days + 1) / days
    return (
        f'<div class="bar" data-step="{_e(step.id)}" data-start="{start}" data-end="{end}"'
        f' title="{_e(step.when)}" style="left: {left:.1f}%; width: {width:.1f}%"></div>'
    )


_MARK: Final = '<span class="mark" title="marked in the document">●</span>'


def _cells(
    step: Step,
    months: list[tuple[int, int]],
    columns: dict[tuple[int, int], int],
    bounds: list[tuple[str, dt.date, dt.date, int]],
    marks: set[tuple[int, int]],
    empty: list[str] | None = None,
    span: tuple[dt.date, dt.date] | None = None,
) -> str:
    """The month cells of one step's row.

    Only the months of its stated period (and its marks) are worked out; the
    other cells are empty, and the same text for every row.
    """
    period = step.period
    if not period.has_dates:  # no dates of its own: its marks, and a recurring one's occurrences
        return _undated_cells(step, columns, bounds, marks, empty, span)
    first = period.start or period.end
    lo = columns[(first.year, first.month)]
    hi = columns[(period.end.year, period.end.month)]
    cells = list(empty) if empty is not None else [f"{b[0]}</td>" for b in bounds]
    for k in {*range(lo, hi + 1), *(columns[m] for m in marks if m in columns)}:
        opening, start, end, days = bounds[k]
        mark = _MARK if months[k] in marks else ""
        cells[k] = f"{opening}{_bar_in(step, start, end, days)}{mark}</td>"
    return "".join(cells)


def _undated_cells(
    step: Step,
    columns: dict[tuple[int, int], int],
    bounds: list[tuple[str, dt.date, dt.date, int]],
    marks: set[tuple[int, int]],
    empty: list[str] | None,
    span: tuple[dt.date, dt.date] | None,
) -> str:
    """The cells of a step with no dates of its own.

    A step with no date, a count of days or a period counted from an event
    has no bar (its schedule bounds are in the slack column); a recurring step
    has a bar, or a deadline mark, for each occurrence the schedule counts
    (those within the calendar's span, ``span``) in the months shown.
    """
    cells = list(empty) if empty is not None else [f"{b[0]}</td>" for b in bounds]
    pieces: dict[int, list[str]] = {}
    if step.period.recurrence is not None and span is not None:
        for occurrence in step.period.occurrences(*span):
            for month in occurrence.iter_months():
                k = columns.get(month)
                if k is not None:
                    _, start, end, days = bounds[k]
                    pieces.setdefault(k, []).append(_bar_in(step, start, end, days, occurrence))
    for m in marks:
        if m in columns:
            pieces.setdefault(columns[m], []).append(_MARK)
    for k, inside in pieces.items():
        cells[k] = f"{bounds[k][0]}{''.join(inside)}</td>"
    return "".join(cells)


def _analyse(subject: PlanningCalendar | PlanningDocument) -> tuple[Schedule | None, Report]:
    from thaiplan.checks._registry import validate
    from thaiplan.scheduling._passes import schedule

    try:
        result: Schedule | None = schedule(subject)
    except (DependencyCycleError, ModelError):
        result = None
    return result, validate(subject)


def gantt_table(subject: PlanningCalendar | PlanningDocument, *, findings: bool = True) -> str:
    """The Gantt table of a calendar (or a document's calendar), as an HTML fragment.

    Raises:
        ThaiplanTypeError: ``subject`` is neither a calendar nor a document.
        ModelError: The document has no calendar.

    >>> import thaiplan
    >>> table = gantt_table(thaiplan.load_calendar("samut-sakhon-2563"))
    >>> 'data-month="2018-07"' in table, 'data-step="s7"' in table
    (True, True)
    """
    from thaiplan.scheduling._constraints import occurrence_span
    from thaiplan.scheduling._source import calendar_and_document

    calendar, _ = calendar_and_document("gantt_table", subject, "subject")
    result, report = _analyse(subject) if findings else (None, None)
    months = _months(calendar)
    span = occurrence_span(calendar) if any(s.period.recurrence for s in calendar.steps) else None
    severity_of: dict[str, str] = {}
    if report is not None:
        for finding in reversed(report.findings):  # errors last, so they win
            if finding.severity.value in ("error", "warning"):
                for step_id in finding.steps:
                    severity_of[step_id] = finding.severity.value
    head = "".join(
        f'<th data-month="{y:04d}-{m:02d}">{_e(MONTH_ABBREVIATIONS[m - 1])}<br>'
        f"{_e(to_thai_digits(str(ce_to_be(y))[-2:]))}</th>"
        for y, m in months
    )
    columns = len(months) + 4
    titles = {phase.id: phase.title for phase in calendar.phases}
    by_phase: dict[str, list[Step]] = {phase.id: [] for phase in calendar.phases}
    for step in calendar.steps:  # one pass, not one a phase
        by_phase.setdefault(step.phase, []).append(step)
    parties: dict[str, str] = {}
    for agency in calendar.agencies:  # the first of an id, as calendar.party() finds
        parties.setdefault(agency.id, agency.name)
    for committee in calendar.committees:
        parties.setdefault(committee.id, committee.name)
    column_of = {month: k for k, month in enumerate(months)}
    month_bounds = []
    for y, m in months:
        days = _calendar.monthrange(y, m)[1]
        opening = f'<td class="month" data-month="{y:04d}-{m:02d}">'
        month_bounds.append((opening, dt.date(y, m, 1), dt.date(y, m, days), days))
    empty = [f"{opening}</td>" for opening, _, _, _ in month_bounds]  # a month without the step
    rows: list[str] = []
    for phase, steps in by_phase.items():
        if not steps:
            continue
        rows.append(
            f'<tr><th class="phase" colspan="{columns}">{_e(titles.get(phase, phase))}</th></tr>'
        )
        for step in steps:
            marks = set(step.gantt_months(calendar.gantt_year)) if calendar.gantt_year else set()
            cells = _cells(step, months, column_of, month_bounds, marks, empty, span)
            names = [parties.get(party_id, party_id) for party_id in step.responsible]
            slack_cell = '<td class="slack"></td>'
            if result is not None:
                _, latest, slack = result._finish(step.id)  # no free slack needed
                tip = f"latest finish {format_date(latest, style='abbr')}"
                negative = " negative" if slack < 0 else ""
                slack_cell = f'<td class="slack{negative}" title="{_e(tip)}">{slack}</td>'
            number = f"{to_thai_digits(step.no)}. " if step.no is not None else ""
            row_class = severity_of.get(step.id, "")
            rows.append(
                f'<tr class="{row_class}" data-step="{_e(step.id)}">'
                f'<td class="title">{_e(number)}{_e(step.title)}</td>'
                f'<td class="when">{_e(step.when)}</td>{cells}'
                f'<td class="responsible">{"<br>".join(_e(n) for n in names)}</td>{slack_cell}</tr>'
            )
    listing = ""
    if report is not None and len(report):
        items = "".join(
            f'<li class="{_e(f.severity.value)}"><b>{_e(f.code)}</b>'
            f"{' [' + _e(', '.join(f.steps)) + ']' if f.steps else ''}: {_e(f.message_th)}"
            f"<br><small>{_e(f.message_en)}</small></li>"
            for f in report.findings
            if f.severity.value != "info"
        )
        if items:
            listing = f'<div class="findings"><p><b>ข้อค้นพบ (findings)</b></p><ul>{items}</ul></div>'
    legend = (
        '<p class="legend">▬ ช่วงเวลาที่กำหนด (stated period) · ◆ กำหนดส่ง (deadline) ·'
        " ● เดือนที่เอกสารทำเครื่องหมายในตาราง (marked in the document's table) ·"
        " slack: วันที่เหลือ (days to spare; negative: cannot be kept)</p>"
    )
    fiscal_year = FiscalYear(calendar.fiscal_year).format()
    return (
        f'<div class="thaiplan-gantt"><style>{_STYLE}</style>'
        f"<p><b>{_e(calendar.title)}</b><br>{_e(calendar.province)} · {_e(fiscal_year)}</p>"
        f"<table><thead><tr><th>ขั้นตอน</th><th>วันเดือนปี</th>{head}"
        f"<th>หน่วยงานที่เกี่ยวข้อง</th><th>slack</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{legend}{listing}</div>"
    )


def gantt_html(subject: PlanningCalendar | PlanningDocument) -> str:
    """A standalone HTML page with the Gantt table of a calendar or document.

    Raises:
        ThaiplanTypeError: ``subject`` is neither a calendar nor a document.
        ModelError: The document has no calendar.

    >>> import thaiplan
    >>> page = gantt_html(thaiplan.load_document("samut-sakhon-2563"))
    >>> page.startswith("<!DOCTYPE html>"), "http" in page.split("<body>")[0]
    (True, False)
    """
    from thaiplan.scheduling._source import calendar_and_document

    calendar, _ = calendar_and_document("gantt_html", subject, "subject")
    return (
        '<!DOCTYPE html>\n<html lang="th">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(calendar.title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "</head>\n<body>\n"
        f"{gantt_table(subject)}\n"
        "</body>\n</html>\n"
    )
