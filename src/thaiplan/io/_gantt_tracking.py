"""What the HTML Gantt page adds for tracking: the status-date line, fiscal-year lines, actual bars.

The page of :mod:`thaiplan.io._gantt` draws the plan; given a status date
(``as_of``) and reports (``progress``) it draws, on top:

- a **status-date line** (``class="today"``, ``data-date``) down the month
  column of ``as_of``, at the middle of its day;
- a **fiscal-year line** (``class="fy"``, ``data-date`` the 1 October it
  marks) at the left edge of every October column: the Thai fiscal year
  begins on 1 October (Budget Procedures Act 2561, section 4);
- an **actual bar** (``class="actual"``) under the planned bar of each step
  reported on, from its actual start (or the forecast start) to its actual
  finish, or for a step under way to its forecast finish; the part done
  (``class="actual done"``) to its actual finish, or for a step under way to
  its percent complete of the days (to ``as_of`` when no percent is given);
- a **point** (``class="point"``, ●) on a step of one or two days, such as a
  meeting, whose bar would be a sliver; it is drawn with or without a date;
- the **row** of an overdue or at-risk step marked across the whole row
  (``class="overdue"`` or ``"at-risk"``).

Every line and bar carries its dates as ISO ``data-*`` attributes, as the
planned bars do, so that machines (the browser test) can check them.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from typing import TYPE_CHECKING, Final

from thaiplan.dates import format_date, to_thai_digits

if TYPE_CHECKING:
    from thaiplan.scheduling._status import Status, StepStatus

__all__ = ["STYLE", "actual_pieces", "legend", "lines_in", "point_of", "row_class"]

#: Styles added after the page's own: later rules win, so these also enlarge the marks.
STYLE: Final = """
.thaiplan-gantt .mark { bottom: auto; top: 1px; left: calc(50% - 6px); font-size: 12px;
  color: #e07b00; line-height: 1; }
.thaiplan-gantt td.month.marked { background: #fff3d6; }
.thaiplan-gantt .point { position: absolute; top: calc(50% - 8px); font-size: 13px;
  line-height: 16px; color: #1f4f8f; }
.thaiplan-gantt .deadline { font-size: 15px; }
.thaiplan-gantt .actual { position: absolute; top: calc(50% + 7px); height: 6px;
  border: 1px solid #2e7d32; background: #e8f5e9; box-sizing: border-box; }
.thaiplan-gantt .actual.done { background: #2e7d32; }
.thaiplan-gantt .today { position: absolute; top: 0; bottom: 0; width: 2px;
  background: #d32f2f; z-index: 2; }
.thaiplan-gantt .fy { position: absolute; top: 0; bottom: 0; left: 0; width: 0;
  border-left: 2px dashed #6a1b9a; z-index: 1; }
.thaiplan-gantt tr.overdue td { background: #fde0dc; }
.thaiplan-gantt tr.at-risk td { background: #fff0c2; }
.thaiplan-gantt th.month-head { position: relative; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def lines_in(first: dt.date, last: dt.date, days: int, as_of: dt.date | None) -> str:
    """The status-date and fiscal-year lines inside the month from ``first`` to ``last``."""
    out = ""
    if first.month == 10:
        out += (
            f'<span class="fy" data-date="{first.isoformat()}"'
            f' title="เริ่มปีงบประมาณ พ.ศ. {to_thai_digits(first.year + 544)}"></span>'
        )
    if as_of is not None and first <= as_of <= last:
        left = 100 * (as_of.day - 0.5) / days
        out += (
            f'<span class="today" data-date="{as_of.isoformat()}"'
            f' title="ณ วันที่ {_e(format_date(as_of))}" style="left: calc({left:.2f}% - 1px)"></span>'
        )
    return out


def point_of(step: str, when: str, start: dt.date, end: dt.date, first: dt.date, days: int) -> str:
    """A ● on a step of one or two days (a meeting), which a bar would draw 1 or 2 px wide.

    It is centred on the step's first day, in that day's month; the bar stays
    beneath it, to the day.
    """
    if (end - start).days >= 2 or (start.year, start.month) != (first.year, first.month):
        return ""
    middle = 100 * (start.day - 0.5) / days
    return (
        f'<span class="point" data-step="{_e(step)}" data-date="{start.isoformat()}"'
        f' title="{_e(when)}" style="left: calc({middle:.2f}% - 5px)">●</span>'
    )


def _piece(
    classes: str,
    step: str,
    start: dt.date,
    end: dt.date,
    first: dt.date,
    last: dt.date,
    days: int,
    tip: str,
) -> str:
    start, end = max(start, first), min(end, last)
    if start > end:
        return ""
    left = 100 * (start.day - 1) / days
    width = 100 * ((end - start).days + 1) / days
    return (
        f'<div class="{classes}" data-step="{_e(step)}" data-start="{start}" data-end="{end}"'
        f' title="{_e(tip)}" style="left: {left:.1f}%; width: {width:.1f}%"></div>'
    )


def _spans(entry: StepStatus, as_of: dt.date) -> tuple[dt.date, dt.date, dt.date | None] | None:
    """The actual bar of a step (first day, last day) and the last day of its done part."""
    record = entry.progress
    if record is None or not (record.started_yet or record.done):
        return None
    first, last = entry.forecast_start, entry.forecast_finish
    if record.done or record.cancelled:
        return first, last, last
    if record.percent is not None:
        count = (last - first).days + 1
        done = math.floor(count * record.percent / 100)
        return first, last, (first + dt.timedelta(days=done - 1)) if done else None
    return first, last, min(as_of, last) if as_of >= first else None


def actual_pieces(
    entry: StepStatus,
    as_of: dt.date,
    months: list[tuple[int, int]],
    columns: dict[tuple[int, int], int],
    bounds: list[tuple[str, dt.date, dt.date, int]],
) -> dict[int, str]:
    """The pieces of a step's actual bar, by month column."""
    spans = _spans(entry, as_of)
    if spans is None:
        return {}
    first, last, done = spans
    record = entry.progress
    assert record is not None
    percent = "" if record.percent is None else f", {record.percent}%"
    tip = f"actual {first.isoformat()} – {last.isoformat()} ({entry.standing.thai}{percent})"
    out: dict[int, str] = {}
    for k, (year, month) in enumerate(months):
        _, start, end, days = bounds[k]
        if end < first or start > last:
            continue
        piece = _piece("actual", entry.step, first, last, start, end, days, tip)
        if done is not None:
            piece += _piece("actual done", entry.step, first, done, start, end, days, tip)
        if piece:
            out[columns[(year, month)]] = piece
    return out


def row_class(entry: StepStatus | None) -> str:
    """``overdue`` or ``at-risk`` for a step late on the status date, else nothing."""
    if entry is None:
        return ""
    return {"overdue": "overdue", "at_risk": "at-risk"}.get(entry.standing.value, "")


def legend(standing: Status | None) -> str:
    """What the lines and bars mean, in Thai with the English in brackets."""
    if standing is None:
        return ""
    return (
        f'<p class="legend">│ เส้นสีแดง: ณ วันที่ {_e(format_date(standing.as_of))} (status date) ·'
        " ┆ เส้นประ: เริ่มปีงบประมาณ ๑ ตุลาคม (start of the fiscal year) ·"
        " ▬ แถบสีเขียว: ดำเนินการจริง ส่วนทึบคือส่วนที่เสร็จแล้ว (actual; solid: done) ·"
        " แถวสีแดง: เลยกำหนด (overdue) · แถวสีเหลือง: เสี่ยงล่าช้า (at risk)</p>"
    )
