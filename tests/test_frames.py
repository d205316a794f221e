"""Tests of the DataFrames: schedules, reports and statuses, with and without pandas."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import thaiplan

DOCUMENT = thaiplan.load_document("samut-sakhon-2563")
CALENDAR = DOCUMENT.calendar
assert CALENDAR is not None


def results() -> list[object]:
    return [
        CALENDAR,
        thaiplan.schedule(DOCUMENT),
        thaiplan.validate(DOCUMENT),
        thaiplan.status(DOCUMENT, as_of=dt.date(2018, 6, 15)),
    ]


@pytest.mark.parametrize("result", results(), ids=lambda r: type(r).__name__)
def test_without_pandas_says_how_to_install_it(
    result: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(thaiplan.ModelError, match=r"pip install 'thaiplan\[pandas\]'"):
        result.to_dataframe()  # type: ignore[attr-defined]


class TestWithPandas:
    @pytest.fixture(autouse=True)
    def _pandas(self) -> None:
        pytest.importorskip("pandas")

    def test_schedule(self) -> None:
        result = thaiplan.schedule(DOCUMENT)
        frame = result.to_dataframe()
        assert list(result) == list(frame.index)
        assert all(frame[c].dtype.kind == "M" for c in ("earliest_start", "latest_finish"))
        row = frame.loc["s7"]
        assert dt.date(2018, 6, 30) == row["latest_finish"].date()
        assert result["s7"].total_slack == row["total_slack"]
        assert bool(row["critical"]) is result["s7"].critical

    def test_report(self) -> None:
        report = thaiplan.validate(DOCUMENT)
        frame = report.to_dataframe()
        assert len(report) == len(frame)
        assert [f.code for f in report] == list(frame["code"])
        assert ["s13"] == frame[frame["code"] == "gantt-outside-period"]["steps"].iloc[0]

    def test_status(self) -> None:
        progress = thaiplan.Progress(
            "๑๕ มิ.ย. ๖๑", [thaiplan.StepProgress("s4", started="๑ พ.ค. ๖๑", percent=60)]
        )
        frame = thaiplan.status(DOCUMENT, progress=progress).to_dataframe()
        assert [s.id for s in CALENDAR.steps] == list(frame.index)
        assert "overdue" == frame.loc["s4", "standing"]
        assert "เลยกำหนด" == frame.loc["s4", "standing_th"]
        assert 60 == frame.loc["s4", "percent"]
        assert frame["actual_start"].dtype.kind == "M"
        assert dt.date(2018, 5, 1) == frame.loc["s4", "actual_start"].date()
        assert frame["percent"].isna().sum() == len(frame) - 1

    def test_calendar(self) -> None:
        frame = CALENDAR.to_dataframe()
        assert 15 == len(frame)
