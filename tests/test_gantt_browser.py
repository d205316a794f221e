"""The HTML Gantt page in a real browser: headless Chromium lays it out.

The page of the built-in document is rendered by Debian's ``chromium``
(found on the PATH, or installed with apt-get when we are root and can); a
script added to a copy of the page measures where every bar and deadline mark
is drawn against the month header cells, and the test checks, for every step
of the calendar, that its bar starts and ends in the month columns of its
stated period, at the right day within those months. A screenshot of the page
is kept in ``tests/artifacts/``.

Without a browser, and none to be installed, the test is skipped with the
reason. ``THAIPLAN_CHROMIUM`` names another Chromium-like browser to use.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import html
import itertools
import json
import os
import re
import shutil
import struct
import subprocess
import time
import zlib
from pathlib import Path
from typing import Any

import attrs
import pytest

import thaiplan
from thaiplan.io._gantt import gantt_html

DOCUMENT = "samut-sakhon-2563"
ARTIFACTS = Path(__file__).parent / "artifacts"
SCREENSHOT = ARTIFACTS / f"gantt-{DOCUMENT}.png"
WINDOW = (1800, 1400)
Columns = dict[str, dict[str, Any]]  # month "YYYY-MM" -> its measured column
FONT_PACKAGE = "fonts-thai-tlwg"  # Debian's Thai fonts, so the screenshot shows Thai
# A day is about 1.5 px in a 44 px month column: edges are checked to within 0.3 of a day
# of where the day puts them inside the column's cells (whose box is the header's less
# half a border on each side), so a bar one day out is caught.
DAY_TOLERANCE = 0.3
EDGE_PX = 2.0  # the spot checks against the header cells: "within a couple of pixels"

# No traffic to Google's services: the machines that run CI have a closed network.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    f"--window-size={WINDOW[0]},{WINDOW[1]}",
)

# Measures the laid-out page and writes what it found as JSON into <pre id="measure">.
# A column holds x when its header cell's box holds it, left edge in, right edge out;
# an element's right edge is looked up a hair to its left, as it is exclusive too.
# A column's inner box (what a bar's left/width percentages are of) is measured by a
# probe stretched across one of its month cells.
MEASURE = """
<script>
(function () {
  var out = {columns: [], rows: {}, marks: [], error: null};
  try {
    var columns = Array.prototype.map.call(
      document.querySelectorAll("thead th[data-month]"),
      function (th) {
        var r = th.getBoundingClientRect();
        return {month: th.dataset.month, left: r.left, right: r.right};
      });
    out.columns = columns;
    columns.forEach(function (c) {
      var cell = document.querySelector('tr[data-step] td.month[data-month="' + c.month + '"]');
      var probe = document.createElement("div");
      probe.style.cssText = "position: absolute; left: 0; right: 0; top: 0; height: 1px";
      cell.appendChild(probe);
      var r = probe.getBoundingClientRect();
      c.inner_left = r.left;
      c.inner_right = r.right;
      cell.removeChild(probe);
    });
    var column = function (x) {
      for (var i = 0; i < columns.length; i++) {
        if (columns[i].left <= x && x < columns[i].right) { return columns[i]; }
      }
      return null;
    };
    var fraction = function (c, x) { return c ? (x - c.left) / (c.right - c.left) : null; };
    document.querySelectorAll("tr[data-step]").forEach(function (tr) {
      var r = tr.getBoundingClientRect();
      out.rows[tr.dataset.step] = {top: r.top, bottom: r.bottom};
    });
    document.querySelectorAll(".thaiplan-gantt .bar, .thaiplan-gantt .deadline")
      .forEach(function (el) {
        var r = el.getBoundingClientRect();
        var first = column(r.left), last = column(r.right - 0.01);
        var centre = column((r.left + r.right) / 2);
        var cell = el.closest("td");
        out.marks.push({
          kind: el.classList.contains("bar") ? "bar" : "deadline",
          step: el.dataset.step, start: el.dataset.start || null, end: el.dataset.end,
          cell: cell ? cell.dataset.month : null,
          left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          left_month: first && first.month, right_month: last && last.month,
          centre_month: centre && centre.month,
          left_fraction: fraction(first, r.left), right_fraction: fraction(last, r.right),
          centre_fraction: fraction(centre, (r.left + r.right) / 2)
        });
      });
  } catch (e) {
    out.error = String(e && e.stack || e);
  }
  var pre = document.createElement("pre");
  pre.id = "measure";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def _find_chromium() -> str | None:
    named = os.environ.get("THAIPLAN_CHROMIUM")
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def _has_thai_font() -> bool | None:
    """Whether fontconfig knows a font for Thai; None if there is no fc-list to ask."""
    if shutil.which("fc-list") is None:
        return None
    done = subprocess.run(
        ["fc-list", ":lang=th", "family"], capture_output=True, text=True, timeout=30, check=False
    )
    return bool(done.stdout.strip())


def _apt_install(packages: list[str]) -> str:
    """Install Debian packages with apt-get; what went wrong, or "" if it worked."""
    if getattr(os, "geteuid", lambda: -1)() != 0:
        return f"not root, so apt-get cannot install {' '.join(packages)}"
    if shutil.which("apt-get") is None:
        return f"no apt-get to install {' '.join(packages)} with"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command, timeout in (
        (["apt-get", "update", "-q"], 300),
        (["apt-get", "install", "-y", "-q", *packages], 900),
    ):
        print(f"\n[gantt-browser] {' '.join(command)}", flush=True)
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return f"{' '.join(command)} did not finish in {timeout} s"
        if done.returncode != 0:
            return f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-500:]}"
    return ""


@pytest.fixture(scope="module")
def chromium() -> str:
    """The path of a Chromium to run, installed if need be; skips if there is none.

    Debian's Thai fonts are installed with it where none is known to fontconfig,
    or the screenshot shows Thai as boxes (the measurements do not need them).
    """
    found = _find_chromium()
    if found is None and os.environ.get("THAIPLAN_CHROMIUM"):
        reason = f"THAIPLAN_CHROMIUM={os.environ['THAIPLAN_CHROMIUM']} is not a program"
        print(f"\n[gantt-browser] skipped: {reason}")
        pytest.skip(reason)
    missing = [] if found else ["chromium"]
    if _has_thai_font() is False:
        missing.append(FONT_PACKAGE)
    if missing:
        began = time.monotonic()
        problem = _apt_install(missing)
        found = _find_chromium()
        if found is None:
            reason = f"no chromium to render the Gantt page in: {problem or 'not found'}"
            print(f"\n[gantt-browser] skipped: {reason}")
            pytest.skip(reason)
        if problem:
            print(f"\n[gantt-browser] {problem}")
        else:
            print(
                f"[gantt-browser] installed {' '.join(missing)} in {time.monotonic() - began:.0f} s"
            )
    if _has_thai_font() is False:
        print(
            f"\n[gantt-browser] no Thai font: the screenshot shows Thai as boxes ({FONT_PACKAGE})"
        )
    return found


def _run(browser: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the browser headless once, with a new empty profile, and wait for it."""
    command = [browser, *FLAGS, f"--user-data-dir={profile}", *arguments]
    began = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    print(f"[gantt-browser] {' '.join(arguments[:-1])}: {time.monotonic() - began:.1f} s")
    assert 0 == done.returncode, f"{command} failed: {done.stderr[-2000:]}"
    return done


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    months, (year, month) = [], (start.year, start.month)
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _png_byte_values(data: bytes) -> int:
    """How many different byte values the PNG's pixel data has (a blank page has few)."""
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        if kind == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    return len(set(zlib.decompress(b"".join(chunks))))


def _day_width(column: dict[str, Any], days: int) -> float:
    return (column["inner_right"] - column["inner_left"]) / days


def _day_edges(column: dict[str, Any], first: int, last: int, days: int) -> tuple[float, float]:
    """Where the days from first to last (of the month) begin and end in a column."""
    day = _day_width(column, days)
    return column["inner_left"] + day * (first - 1), column["inner_left"] + day * last


def _check_bar(step: thaiplan.Step, pieces: list[dict[str, Any]], columns: Columns) -> list[str]:
    """What is wrong with a step's bar pieces, against its stated period."""
    start, end = step.period.start, step.period.end
    assert start is not None
    problems = []
    months = [f"{y:04d}-{m:02d}" for y, m in _months(start, end)]
    pieces = sorted(pieces, key=lambda p: p["left"])
    if [p["left_month"] for p in pieces] != months or [p["right_month"] for p in pieces] != months:
        problems.append(
            f"{step.id} ({step.when}, {start}..{end}): pieces start in columns "
            f"{[p['left_month'] for p in pieces]} and end in {[p['right_month'] for p in pieces]}, "
            f"expected {months}"
        )
        return problems
    for piece, month in zip(pieces, months, strict=True):
        year, number = map(int, month.split("-"))
        days = _calendar.monthrange(year, number)[1]
        first = max(start, dt.date(year, number, 1))
        last = min(end, dt.date(year, number, days))
        left, right = _day_edges(columns[month], first.day, last.day, days)
        day = _day_width(columns[month], days)
        if abs(piece["left"] - left) > DAY_TOLERANCE * day:
            problems.append(
                f"{step.id} in {month}: starts at x={piece['left']:.2f}, expected the start of "
                f"day {first.day} at x={left:.2f} (a day is {day:.2f} px)"
            )
        if abs(piece["right"] - right) > DAY_TOLERANCE * day:
            problems.append(
                f"{step.id} in {month}: ends at x={piece['right']:.2f}, expected the end of "
                f"day {last.day} at x={right:.2f} (a day is {day:.2f} px)"
            )
    return problems


def _check_deadline(
    step: thaiplan.Step, marks: list[dict[str, Any]], columns: Columns
) -> list[str]:
    """What is wrong with a deadline-only step's ◆, against its last day."""
    end = step.period.end
    if 1 != len(marks):
        return [f"{step.id} ({step.when}): {len(marks)} deadline marks, expected 1"]
    (mark,) = marks
    if _month(end) != mark["centre_month"]:
        return [
            f"{step.id} ({step.when}, due {end}): ◆ centred in column {mark['centre_month']}, "
            f"expected {_month(end)}"
        ]
    days = _calendar.monthrange(end.year, end.month)[1]
    column, day = columns[_month(end)], _day_width(columns[_month(end)], days)
    middle = sum(_day_edges(column, end.day, end.day, days)) / 2
    # Drawn from 5 px left of the middle of its day, about half the glyph's width.
    if abs(mark["left"] - (middle - 5)) > DAY_TOLERANCE * day:
        return [
            f"{step.id}: ◆ starts at x={mark['left']:.2f}, expected 5 px left of the middle "
            f"of day {end.day}, x={middle - 5:.2f} (a day is {day:.2f} px)"
        ]
    centre = (mark["left"] + mark["right"]) / 2
    if abs(centre - middle) > EDGE_PX:
        return [f"{step.id}: ◆ centred at x={centre:.2f}, not on day {end.day} at x={middle:.2f}"]
    return []


def _drawn(step: thaiplan.Step, plan: thaiplan.Schedule) -> thaiplan.Step:
    """The step with the window the schedule keeps (its period, narrowed by a resolution)."""
    start, end, _ = plan.window(step.id)
    if start is None:
        period = thaiplan.dates.Period.deadline_of(end, text=step.when)
    elif start == end:
        period = thaiplan.dates.Period.day(end, text=step.when)
    else:
        period = thaiplan.dates.Period.days(start, end, text=step.when)
    return attrs.evolve(step, period=period)


def test_gantt_in_chromium(chromium: str, tmp_path: Path) -> None:
    """Every step's bar (or ◆) is drawn in its stated months, to the day, and a screenshot."""
    began = time.monotonic()
    document = thaiplan.load_document(DOCUMENT)
    calendar = document.calendar
    assert calendar is not None
    page = gantt_html(document)
    assert page.count("</body>") == 1
    plain = tmp_path / "gantt.html"
    plain.write_text(page, encoding="utf-8")
    measured = tmp_path / "gantt-measure.html"
    measured.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")

    # The layout, as the browser made it.
    done = _run(
        chromium,
        tmp_path / "profile-measure",
        "--virtual-time-budget=3000",
        "--dump-dom",
        measured.as_uri(),
    )
    found = re.search(r'<pre id="measure">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, f"no measurements in the dumped page: {done.stdout[-1000:]}"
    result = json.loads(html.unescape(found.group(1)))
    assert result["error"] is None, result["error"]
    columns = {c["month"]: c for c in result["columns"]}
    heads = [c["month"] for c in result["columns"]]
    assert heads, "no month columns"
    first, last = (dt.date.fromisoformat(f"{m}-01") for m in (heads[0], heads[-1]))
    assert [f"{y:04d}-{m:02d}" for y, m in _months(first, last)] == heads, "months out of order"
    assert all(c["right"] <= d["left"] + 0.5 for c, d in itertools.pairwise(result["columns"]))
    for column in result["columns"]:  # the cells' inner box: the header's, less the borders
        assert column["right"] - column["left"] >= 40, column
        assert column["left"] <= column["inner_left"] < column["inner_right"] <= column["right"]
        assert column["inner_left"] - column["left"] <= 1.5, column

    by_step: dict[str, list[dict[str, Any]]] = {}
    for mark in result["marks"]:
        by_step.setdefault(mark["step"], []).append(mark)
    assert {s.id for s in calendar.steps} == set(by_step), "steps without a bar or mark"
    problems: list[str] = []
    plan = thaiplan.schedule(document)
    for stated in calendar.steps:
        step = _drawn(stated, plan)  # a resolution's deadline narrows the bar, as the schedule does
        marks = by_step[step.id]
        row = result["rows"][step.id]
        for mark in marks:
            if not row["top"] <= (mark["top"] + mark["bottom"]) / 2 <= row["bottom"]:
                problems.append(f"{step.id}: a {mark['kind']} is drawn outside the step's row")
            if mark["right"] - mark["left"] <= 0:
                problems.append(f"{step.id}: a {mark['kind']} has no width")
        if step.period.start is None:
            assert {"deadline"} == {m["kind"] for m in marks}, step.id
            problems += _check_deadline(step, marks, columns)
        else:
            assert {"bar"} == {m["kind"] for m in marks}, step.id
            problems += _check_bar(step, marks, columns)
    assert not problems, "\n".join(problems)

    # Spot checks of the day positions, spelled out.
    s3 = by_step["s3"][0]  # 4 April: a day's width starting 3/30 into April
    assert ("2018-04", "2018-04") == (s3["left_month"], s3["right_month"])
    assert s3["left_fraction"] == pytest.approx(3 / 30, abs=0.03)
    assert s3["right_fraction"] == pytest.approx(4 / 30, abs=0.03)
    # s7 is stated June to July; resolution 3.1 wants it by June: June, from the 1st
    s7 = sorted(by_step["s7"], key=lambda m: m["left"])
    assert abs(s7[0]["left"] - columns["2018-06"]["left"]) <= EDGE_PX
    assert abs(s7[-1]["right"] - columns["2018-06"]["right"]) <= EDGE_PX
    s1 = by_step["s1"][0]  # due 31 May: the ◆ is centred on May's last day
    assert "2018-05" == s1["centre_month"]
    assert s1["centre_fraction"] == pytest.approx(30.5 / 31, abs=0.06)

    # A picture of the page, kept where a person can look at it.
    ARTIFACTS.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    _run(chromium, tmp_path / "profile-shot", f"--screenshot={SCREENSHOT}", plain.as_uri())
    data = SCREENSHOT.read_bytes()
    assert WINDOW == _png_size(data)
    assert len(data) > 5_000, f"{SCREENSHOT} is only {len(data)} bytes: a blank page?"
    assert _png_byte_values(data) > 16, f"{SCREENSHOT} looks blank"
    print(
        f"[gantt-browser] {len(result['marks'])} bars and marks checked for "
        f"{len(calendar.steps)} steps; screenshot {SCREENSHOT} ({len(data):,} bytes); "
        f"{time.monotonic() - began:.1f} s"
    )


# Measures the tracking marks: the status-date line, the fiscal-year lines and the actual
# bars, each with its data-* dates, and writes them as JSON into <pre id="tracking">.
TRACKING = """
<script>
(function () {
  var out = {lines: [], actual: [], error: null};
  try {
    document.querySelectorAll(".thaiplan-gantt .today, .thaiplan-gantt .fy").forEach(function (el) {
      var r = el.getBoundingClientRect(), cell = el.closest("td");
      out.lines.push({kind: el.classList.contains("today") ? "today" : "fy", date: el.dataset.date,
        cell: cell.dataset.month, row: cell.parentElement.dataset.step || null,
        left: r.left, right: r.right, top: r.top, bottom: r.bottom,
        cell_top: cell.getBoundingClientRect().top, cell_bottom: cell.getBoundingClientRect().bottom});
    });
    document.querySelectorAll(".thaiplan-gantt .actual").forEach(function (el) {
      var r = el.getBoundingClientRect();
      out.actual.push({step: el.dataset.step, start: el.dataset.start, end: el.dataset.end,
        done: el.classList.contains("done"), cell: el.closest("td").dataset.month,
        left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    });
  } catch (e) {
    out.error = String(e && e.stack || e);
  }
  var pre = document.createElement("pre");
  pre.id = "tracking";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""

PROGRESS = Path(__file__).parent.parent / "examples" / "progress_mid_june_2561.yaml"
TRACKING_SHOT = ARTIFACTS / f"gantt-{DOCUMENT}-tracking.png"


@pytest.mark.skipif(not PROGRESS.exists(), reason="needs examples/ of a full checkout")
def test_tracking_marks_in_chromium(chromium: str, tmp_path: Path) -> None:
    """The status-date line, the fiscal-year line and the actual bars, to the day."""
    document = thaiplan.load_document(DOCUMENT)
    progress = thaiplan.load_progress(PROGRESS)
    standing = thaiplan.status(document, progress=progress)
    page = gantt_html(document, progress=progress)
    plain = tmp_path / "tracking.html"
    plain.write_text(page, encoding="utf-8")
    measured = tmp_path / "tracking-measure.html"
    measured.write_text(page.replace("</body>", MEASURE + TRACKING + "</body>"), encoding="utf-8")
    done = _run(
        chromium,
        tmp_path / "profile-t",
        "--virtual-time-budget=3000",
        "--dump-dom",
        measured.as_uri(),
    )
    found = {
        name: json.loads(html.unescape(match.group(1)))
        for name in ("measure", "tracking")
        for match in [re.search(rf'<pre id="{name}">(.*?)</pre>', done.stdout, re.DOTALL)]
        if match
    }
    assert {"measure", "tracking"} == set(found), done.stdout[-1000:]
    assert found["tracking"]["error"] is None, found["tracking"]["error"]
    columns = {c["month"]: c for c in found["measure"]["columns"]}
    rows = found["measure"]["rows"]
    lines = found["tracking"]["lines"]

    # the status-date line: in every row, down the whole cell, on the middle of 15 June
    as_of = progress.date
    today = [line for line in lines if line["kind"] == "today"]
    assert set(rows) == {line["row"] for line in today}
    june = columns[_month(as_of)]
    days = _calendar.monthrange(as_of.year, as_of.month)[1]
    middle = sum(_day_edges(june, as_of.day, as_of.day, days)) / 2
    for line in today:
        assert as_of.isoformat() == line["date"]
        assert abs((line["left"] + line["right"]) / 2 - middle) <= DAY_TOLERANCE * _day_width(
            june, days
        )
        assert line["top"] <= line["cell_top"] + 1.5
        assert line["bottom"] >= line["cell_bottom"] - 1.5

    # the fiscal-year line: at the left edge of October, the first day of FY 2562
    fy = [line for line in lines if line["kind"] == "fy"]
    assert fy, "no fiscal-year line"
    for line in fy:
        assert "2018-10-01" == line["date"]
        assert "2018-10" == line["cell"]
        assert abs(line["left"] - columns["2018-10"]["inner_left"]) <= EDGE_PX

    # the actual bars: from the forecast start to the forecast finish, to the day
    pieces: dict[str, list[dict[str, Any]]] = {}
    for piece in found["tracking"]["actual"]:
        if not piece["done"]:
            pieces.setdefault(piece["step"], []).append(piece)
    reported = {e.step for e in standing.values() if e.progress and e.progress.started_yet}
    assert reported == set(pieces)
    for step_id, drawn in pieces.items():
        entry = standing[step_id]
        drawn.sort(key=lambda p: p["left"])
        shown = sorted(columns)  # a bar is cut to the months the page shows
        start = max(entry.forecast_start, dt.date.fromisoformat(f"{shown[0]}-01"))
        end = entry.forecast_finish
        assert [f"{y:04d}-{m:02d}" for y, m in _months(start, end)] == [p["cell"] for p in drawn]
        first = columns[drawn[0]["cell"]]
        last = columns[drawn[-1]["cell"]]
        start_days = _calendar.monthrange(start.year, start.month)[1]
        end_days = _calendar.monthrange(end.year, end.month)[1]
        left, _ = _day_edges(first, start.day, start.day, start_days)
        _, right = _day_edges(last, end.day, end.day, end_days)
        assert abs(drawn[0]["left"] - left) <= DAY_TOLERANCE * _day_width(first, start_days) + 1
        assert abs(drawn[-1]["right"] - right) <= DAY_TOLERANCE * _day_width(last, end_days) + 1
        row = rows[step_id]
        assert all(row["top"] <= p["top"] and p["bottom"] <= row["bottom"] for p in drawn)

    ARTIFACTS.mkdir(exist_ok=True)
    TRACKING_SHOT.unlink(missing_ok=True)
    _run(chromium, tmp_path / "profile-ts", f"--screenshot={TRACKING_SHOT}", plain.as_uri())
    assert _png_byte_values(TRACKING_SHOT.read_bytes()) > 16
