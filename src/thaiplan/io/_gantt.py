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

import attrs

from thaiplan.dates import (
    MONTH_ABBREVIATIONS,
    Period,
    ce_to_be,
    format_date,
    to_thai_digits,
)
from thaiplan.errors import DependencyCycleError, ModelError
from thaiplan.io._gantt_tracking import STYLE as TRACKING_STYLE
from thaiplan.io._gantt_tracking import actual_pieces, lines_in, point_of
from thaiplan.io._gantt_tracking import legend as tracking_legend
from thaiplan.io._gantt_tracking import row_class as row_class_of
from thaiplan.model._document import PlanningDocument  # at run time: the signatures' types
from thaiplan.model._progress import Progress
from thaiplan.model._scope import fiscal_label
from thaiplan.model._steps import PlanningCalendar, Step

if TYPE_CHECKING:
    from thaiplan.checks._registry import Report
    from thaiplan.scheduling._schedule import Schedule
    from thaiplan.scheduling._status import Status

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
.thaiplan-gantt .event { position: absolute; top: calc(50% - 9px); font-size: 14px;
  font-weight: bold; color: #1f4f8f; }
.thaiplan-gantt .mark { position: absolute; bottom: 1px; left: 45%; font-size: 8px; color: #666; }
.thaiplan-gantt tr.error td.title { background: #fde7e7; }
.thaiplan-gantt tr.warning td.title { background: #fff4d6; }
.thaiplan-gantt td.slack.negative { color: #b3261e; font-weight: bold; }
.thaiplan-gantt .legend, .thaiplan-gantt .findings, .thaiplan-gantt .chains { font-size: 12px; }
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
    if step.event:  # the day something takes effect: a milestone, not a bar of work
        return _event_in(step, period, first, last, days)
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
    ) + point_of(step.id, step.when, period.start, period.end, first, days)


def _event_in(step: Step, period: Period, first: dt.date, last: dt.date, days: int) -> str:
    """An event's milestone, on the first day it can take effect, when that day is in the month.

    That is its window's start, or its deadline's day when it states only a
    deadline (ภายใน ๑ ตุลาคม: in force by 1 October).
    """
    on = period.start or period.end
    if not first <= on <= last:
        return ""
    left = 100 * (on.day - 0.5) / days
    return (
        f'<span class="event" data-step="{_e(step.id)}" data-day="{on}"'
        f' title="{_e(step.when)}" style="left: calc({left:.1f}% - 5px)">◇</span>'
    )


_EVENT_LEGEND: Final = (
    '<p class="legend">◇ วันที่มีผล (event: the day something takes effect,'
    " such as an act coming into force; no work is done that day)</p>"
)

_MARK: Final = '<span class="mark" title="marked in the document">●</span>'


def _cells(
    step: Step,
    months: list[tuple[int, int]],
    columns: dict[tuple[int, int], int],
    bounds: list[tuple[str, dt.date, dt.date, int]],
    marks: set[tuple[int, int]],
    empty: list[str] | None = None,
    extra: dict[int, str] | None = None,
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
    extra = extra or {}
    for k in {*range(lo, hi + 1), *(columns[m] for m in marks if m in columns), *extra}:
        opening, start, end, days = bounds[k]
        mark = _MARK if months[k] in marks else ""
        if mark:
            opening = opening.replace('class="month"', 'class="month marked"', 1)
        cells[k] = f"{opening}{_bar_in(step, start, end, days)}{mark}{extra.get(k, '')}</td>"
    return "".join(cells)


def _narrowed(step: Step, result: Schedule | None) -> tuple[Step, str]:
    """The step as drawn, its period narrowed by a resolution's deadline as the schedule keeps it, and a note."""
    if result is None:
        return step, ""
    start, end, source = result.window(step.id)
    if not source.startswith("deadline:") and start == step.period.start:
        return step, ""
    if start is None:
        period = Period.deadline_of(end, text=step.when)
    else:
        start = min(start, end)  # a deadline before the stated start: drawn on that day
        period = (
            Period.day(end, text=step.when)
            if start == end
            else Period.days(start, end, text=step.when)
        )
    written = source.removeprefix("deadline:")
    note = (
        f'<br><small class="narrowed" title="narrowed by a resolution">ตามมติ: {_e(written)}</small>'
    )
    return attrs.evolve(step, period=period), note


def _slack_cell(result: Schedule, step_id: str) -> str:
    """The slack of a step: days, working days in the tip; เปิด (open) when nothing dates its start."""
    bounds = result[step_id]
    tip = (
        "nothing bounds its finish"
        if bounds.unbounded
        else f"latest finish {format_date(bounds.latest_finish, style='abbr')}"
    )
    last = bounds.latest_working_finish
    if last is not None and last != bounds.latest_finish:
        tip += f" (not a working day; last working day {format_date(last, style='abbr')})"
    slack = bounds.total_slack
    if slack is None:
        tip = f"open: nothing dates its start, so it has no slack figure; {tip}"
        return f'<td class="slack open" title="{_e(tip)}">เปิด</td>'
    if bounds.working_slack is not None:
        tip += f"; {bounds.working_slack} working days"
    negative = " negative" if slack < 0 else ""
    return f'<td class="slack{negative}" title="{_e(tip)}">{slack}</td>'


def _chains(result: Schedule | None) -> str:
    """The critical chains, each a list of linked steps; tight steps on no chain without arrows."""
    if result is None:
        return ""
    chains, alone = result.critical_paths, result.critical_unlinked
    if not chains and not alone:
        return ""
    least = result._finish((chains[0] if chains else alone)[0])[2]
    items = "".join(
        f'<li data-chain="{_e(" ".join(chain))}">{" → ".join(_e(s) for s in chain)}</li>'
        for chain in chains
    )
    listed = f"<ol>{items}</ol>" if items else "<p>ไม่มี (none)</p>"
    unlinked = (
        f'<p class="unlinked" data-steps="{_e(" ".join(alone))}">ตึงแต่ไม่เชื่อมโยงกับขั้นตอนอื่นที่ตึง'
        f" (tight, linked to no other tight step): {_e(', '.join(alone))}</p>"
        if alone
        else ""
    )
    return (
        f'<div class="chains"><p><b>เส้นทางวิกฤต (critical chains)</b>:'
        f" ขั้นตอนที่เชื่อมโยงกันและมีวันเหลือน้อยที่สุด ({least} วัน)</p>{listed}{unlinked}</div>"
    )


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


def _standing(
    subject: PlanningCalendar | PlanningDocument,
    calendar: PlanningCalendar,
    as_of: dt.date | None,
    progress: Progress | None,
) -> tuple[dt.date | None, Status | None]:
    """The status date and where the steps stand then, for the tracking marks."""
    from thaiplan.scheduling._status import checked_as_of, status

    if as_of is None and progress is None:
        return None, None
    day = checked_as_of("gantt_html", calendar, as_of, progress)  # mistakes are the caller's
    if progress is None:  # without reports nothing is known to be done: the line alone
        return day, None
    try:
        return day, status(subject, as_of=day, progress=progress)
    except (DependencyCycleError, ModelError):  # no schedule: the date line alone
        return day, None


def gantt_table(
    subject: PlanningCalendar | PlanningDocument,
    *,
    findings: bool = True,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> str:
    """The Gantt table of a calendar (or a document's calendar), as an HTML fragment.

    With ``as_of`` (or ``progress``, whose date it then defaults to) the table
    also has the status-date line; with ``progress``, the actual bars of the
    steps reported on, and the rows of overdue and at-risk steps marked (see
    ``thaiplan.io._gantt_tracking``). The fiscal-year lines are always drawn.

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
    day, standing = _standing(subject, calendar, as_of, progress)
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
    titles = {
        phase.id: f"{phase.title_th} ({phase.title})" if phase.title_th else phase.title
        for phase in calendar.phases
    }
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
        opening += lines_in(dt.date(y, m, 1), dt.date(y, m, days), days, day)
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
            entry = standing[step.id] if standing is not None else None
            pieces = (
                actual_pieces(entry, standing.as_of, months, column_of, month_bounds)
                if entry is not None and standing is not None
                else None
            )
            drawn, narrowed = _narrowed(step, result)  # a resolution's deadline narrows the bar
            cells = _cells(drawn, months, column_of, month_bounds, marks, empty, pieces, span)
            names = [parties.get(party_id, party_id) for party_id in step.responsible]
            slack_cell = '<td class="slack"></td>'
            if result is not None:
                slack_cell = _slack_cell(result, step.id)
            number = f"{to_thai_digits(step.no)}. " if step.no is not None else ""
            row_class = " ".join(filter(None, (severity_of.get(step.id, ""), row_class_of(entry))))
            rows.append(
                f'<tr class="{row_class}" data-step="{_e(step.id)}">'
                f'<td class="title">{_e(number)}{_e(step.title)}</td>'
                f'<td class="when">{_e(step.when)}{narrowed}</td>{cells}'
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
        " วันที่เหลือ: จำนวนวันที่เลื่อนได้ (slack: days to spare; negative: cannot be kept)</p>"
    ) + tracking_legend(standing)
    if any(step.event for step in calendar.steps):
        legend += _EVENT_LEGEND
    fiscal_year = fiscal_label(calendar)
    return (
        f'<div class="thaiplan-gantt"><style>{_STYLE}{TRACKING_STYLE}</style>'
        f"<p><b>{_e(calendar.title)}</b><br>{_e(calendar.province)} · {_e(fiscal_year)}</p>"
        f"<table><thead><tr><th>ขั้นตอน</th><th>วันเดือนปี</th>{head}"
        f"<th>หน่วยงานที่เกี่ยวข้อง</th><th>วันที่เหลือ</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{legend}{_chains(result)}{listing}</div>"
    )


def gantt_html(
    subject: PlanningCalendar | PlanningDocument,
    *,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> str:
    """A standalone HTML page with the Gantt table of a calendar or document.

    ``as_of`` and ``progress`` add the status-date line and the actual bars,
    as for :func:`gantt_table`.

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
        f"{gantt_table(subject, as_of=as_of, progress=progress)}\n"
        "</body>\n</html>\n"
    )
