"""The HTML Gantt page for tracking: the status-date and fiscal-year lines, actual bars, late rows."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

import thaiplan
from thaiplan.cli import main
from thaiplan.io._gantt import gantt_html, gantt_table

PROGRESS_FILE = Path(__file__).parent.parent / "examples" / "progress_mid_june_2561.yaml"
if not PROGRESS_FILE.exists():  # the built wheel's tests run without the examples
    pytest.skip("needs examples/ of a full checkout", allow_module_level=True)
DOCUMENT = thaiplan.load_document("samut-sakhon-2563")
PROGRESS = thaiplan.load_progress(PROGRESS_FILE)


def _attrs(page: str, kind: str) -> list[dict[str, str]]:
    tags = re.findall(rf'<(?:span|div) class="{kind}"[^>]*>', page)
    return [dict(re.findall(r'(data-[a-z]+)="([^"]*)"', tag)) for tag in tags]


def test_status_date_line_in_every_row() -> None:
    page = gantt_html(DOCUMENT, as_of=dt.date(2018, 6, 15))
    lines = _attrs(page, "today")
    assert len(DOCUMENT.calendar.steps) == len(lines)  # type: ignore[union-attr]
    assert {"2018-06-15"} == {line["data-date"] for line in lines}
    # in the middle of the 15th of 30 days
    assert f"left: calc({100 * 14.5 / 30:.2f}% - 1px)" in page


def test_fiscal_year_line_on_every_first_of_october() -> None:
    page = gantt_html(DOCUMENT)  # drawn with or without a status date
    assert {"2018-10-01"} == {line["data-date"] for line in _attrs(page, "fy")}
    assert "เริ่มปีงบประมาณ พ.ศ. ๒๕๖๒" in page
    assert not _attrs(page, "today")


def test_actual_bars_and_late_rows() -> None:
    standing = thaiplan.status(DOCUMENT, progress=PROGRESS)
    page = gantt_html(DOCUMENT, progress=PROGRESS)
    actual = _attrs(page, "actual")
    done = _attrs(page, "actual done")
    started = {e.step for e in standing.values() if e.progress and e.progress.started_yet}
    assert started == {bar["data-step"] for bar in actual}
    for step_id in started:
        entry = standing[step_id]
        pieces = [bar for bar in actual if bar["data-step"] == step_id]
        assert entry.forecast_finish.isoformat() == max(p["data-end"] for p in pieces)
        if entry.standing.value == "done":
            ends = [p["data-end"] for p in done if p["data-step"] == step_id]
            assert entry.forecast_finish.isoformat() == max(ends)
    late = {e.step for e in standing.overdue}
    assert late
    for step_id in late:
        assert re.search(rf'<tr class="[^"]*overdue[^"]*" data-step="{step_id}"', page)


def test_percent_done_is_filled_in() -> None:
    reports = thaiplan.Progress(
        "๑๕ ก.ค. ๖๑", [thaiplan.StepProgress("s8", started="๑ ก.ค. ๖๑", percent=50)]
    )
    entry = thaiplan.status(DOCUMENT, progress=reports)["s8"]
    page = gantt_table(DOCUMENT, progress=reports)
    (filled,) = [bar for bar in _attrs(page, "actual done") if bar["data-step"] == "s8"]
    count = (entry.forecast_finish - entry.forecast_start).days + 1
    last = entry.forecast_start + dt.timedelta(days=count // 2 - 1)
    assert (entry.forecast_start.isoformat(), last.isoformat()) == (
        filled["data-start"],
        filled["data-end"],
    )


def test_headers_in_thai_and_phase_titles() -> None:
    page = gantt_html(DOCUMENT)
    heads = re.findall(r"<th[^>]*>([^<]*)", page.split("<tbody>")[0])
    assert "slack" not in heads
    assert "วันที่เหลือ" in heads
    phases = [p for p in DOCUMENT.calendar.phases if p.title_th]  # type: ignore[union-attr]
    calendar = thaiplan.PlanningCalendar(
        "t",
        "สมุทรสาคร",
        2563,
        phases=[thaiplan.Phase("p", "Area Based", title_th="ข้อมูลพื้นที่")],
        steps=[thaiplan.Step("a", 1, "p", "ก", "พ.ค. ๖๑")],
    )
    assert "ข้อมูลพื้นที่ (Area Based)" in gantt_table(calendar)
    for phase in phases:
        assert phase.title_th in page


def test_meetings_have_a_point_and_marks_a_tinted_cell() -> None:
    page = gantt_html(DOCUMENT)
    (point,) = _attrs(page, "point")  # s3, the meeting of 4 April 2561
    assert ("s3", "2018-04-04") == (point["data-step"], point["data-date"])
    assert 'class="month marked"' in page


def test_mistakes() -> None:
    with pytest.raises(thaiplan.errors.ModelTypeError, match=r"gantt_html\(progress\)"):
        gantt_html(DOCUMENT, progress="june.yaml")  # type: ignore[arg-type]
    with pytest.raises(thaiplan.errors.ModelTypeError, match=r"gantt_html\(as_of\)"):
        gantt_html(DOCUMENT, as_of="2018-06-15")  # type: ignore[arg-type]


def test_command(tmp_path: Path) -> None:
    out = io.StringIO()
    argv = ["export", "samut-sakhon-2563", "--to", "html", "--as-of", "๑ ก.ค. ๖๑"]
    assert 0 == main(argv, out=out)
    assert {"2018-07-01"} == {line["data-date"] for line in _attrs(out.getvalue(), "today")}
    reports = tmp_path / "june.yaml"
    thaiplan.dump_progress(PROGRESS, reports)
    out = io.StringIO()
    assert 0 == main(
        ["export", "samut-sakhon-2563", "--to", "html", "--progress", str(reports)], out=out
    )
    assert {"2018-06-15"} == {line["data-date"] for line in _attrs(out.getvalue(), "today")}
    assert _attrs(out.getvalue(), "actual done")
    target = tmp_path / "tracking.html"  # thaiplan gantt: the same page
    argv = ["gantt", "samut-sakhon-2563", "--progress", str(reports), "-o", str(target)]
    assert 0 == main(argv, out=io.StringIO())
    assert out.getvalue() == target.read_text(encoding="utf-8")
