"""The CSV export: a byte-order mark for Excel, names beside ids, schedule and status columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

import thaiplan
from thaiplan.cli import main
from thaiplan.io._csv import BOM, CSV_COLUMNS, STATUS_COLUMNS, calendar_csv

SEED = thaiplan.load_document("samut-sakhon-2563")
CALENDAR = SEED.calendar
assert CALENDAR is not None
REPORTS = thaiplan.Progress(
    "๑๕ มิ.ย. ๖๑",
    [
        thaiplan.StepProgress("s1", started="๑ พ.ค. ๖๑", finished="๓๐ พ.ค. ๖๑"),
        thaiplan.StepProgress("s4", started="๑ พ.ค. ๖๑", percent=60),
    ],
)


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))


def test_bom_and_read_back_from_a_file(tmp_path: Path) -> None:
    """Written to a file, the mark is the UTF-8 bytes EF BB BF; utf-8-sig reads the rows back."""
    path = tmp_path / "calendar.csv"
    path.write_text(calendar_csv(CALENDAR, thaiplan.schedule(SEED)), encoding="utf-8")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(CSV_COLUMNS) == list(rows[0])
    assert [step.id for step in CALENDAR.steps] == [row["id"] for row in rows]
    assert [step.title for step in CALENDAR.steps] == [row["title"] for row in rows]
    assert [step.when for step in CALENDAR.steps] == [row["when"] for row in rows]


def test_pandas_reads_it_back() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(calendar_csv(CALENDAR, thaiplan.schedule(SEED))))
    assert "id" == frame.columns[0]  # the mark is not part of the first header
    assert len(CALENDAR.steps) == len(frame)


def test_names_and_schedule_columns() -> None:
    result = thaiplan.schedule(SEED)
    rows = {row["id"]: row for row in _rows(calendar_csv(CALENDAR, result))}
    step = CALENDAR.step("s2")
    party = CALENDAR.party(step.responsible[0])
    assert party is not None
    assert party.name == rows["s2"]["responsible_names"].split("; ")[0]
    phase = CALENDAR.phase(step.phase)
    assert (phase.title_th or phase.title) == rows["s2"]["phase_title"]
    with_after = next(s for s in CALENDAR.steps if s.after)
    before = CALENDAR.step(with_after.after[0].step)
    assert rows[with_after.id]["after_titles"].startswith(f"{before.no}. {before.title}")
    for step_id, bounds in result.items():
        row = rows[step_id]
        assert bounds.earliest_start.isoformat() == row["earliest_start"]
        assert bounds.earliest_finish.isoformat() == row["earliest_finish"]
        assert bounds.latest_start.isoformat() == row["latest_start"]
        assert bounds.latest_finish.isoformat() == row["latest_finish"]
        assert thaiplan.dates.parse_date(row["latest_finish_th"]) == bounds.latest_finish
        assert str(bounds.total_slack) == row["total_slack"]
        assert str(bounds.free_slack) == row["free_slack"]


def test_status_columns() -> None:
    standing = thaiplan.status(SEED, progress=REPORTS)
    text = calendar_csv(CALENDAR, thaiplan.schedule(SEED), status=standing)
    rows = {row["id"]: row for row in _rows(text)}
    assert [*CSV_COLUMNS, *STATUS_COLUMNS] == list(rows["s1"])
    assert ("done", "เสร็จสิ้น") == (rows["s1"]["standing"], rows["s1"]["standing_th"])
    assert ("2018-05-01", "2018-05-30") == (rows["s1"]["actual_start"], rows["s1"]["actual_finish"])
    assert "60" == rows["s4"]["percent"]
    for step_id, entry in standing.items():
        assert entry.forecast_finish.isoformat() == rows[step_id]["forecast_finish"]
        assert str(entry.days_late) == rows[step_id]["days_late"]


def test_thai_header_and_no_bom() -> None:
    text = calendar_csv(CALENDAR, thaiplan.schedule(SEED), lang="th", bom=False)
    assert text.startswith("รหัส,ลำดับ,")
    with pytest.raises(thaiplan.ModelError, match="unknown language 'fr'"):
        calendar_csv(CALENDAR, thaiplan.schedule(SEED), lang="fr")
    with pytest.raises(thaiplan.ThaiplanTypeError, match=r"calendar_csv\(status\)"):
        calendar_csv(CALENDAR, thaiplan.schedule(SEED), status="x")  # type: ignore[arg-type]


def test_command_with_progress(tmp_path: Path) -> None:
    reports = tmp_path / "june.yaml"
    thaiplan.dump_progress(REPORTS, reports)
    out = io.StringIO()
    argv = ["export", "samut-sakhon-2563", "--to", "csv", "--progress", str(reports)]
    assert 0 == main([*argv, "--lang", "th"], out=out)
    text = out.getvalue()
    assert text.startswith(BOM + "รหัส,")
    assert "สถานะ" in text.splitlines()[0]
    out = io.StringIO()
    assert 0 == main(
        ["export", "samut-sakhon-2563", "--to", "csv", "--as-of", "1 ก.ค. 61"], out=out
    )
    rows = {row["id"]: row for row in _rows(out.getvalue())}
    assert "overdue" == rows["s2"]["standing"]
    assert dt.date(2018, 7, 2) <= dt.date.fromisoformat(rows["s9"]["forecast_start"])
