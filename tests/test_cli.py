"""The ``thaiplan`` command line, run in-process and as a real process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from thaiplan.cli import main

GOOD = """\
format: thaiplan-calendar/1
title: ปฏิทินทดลอง
province: สมุทรสาคร
fiscal_year: 2563
agencies: [{id: po, name: สำนักงานจังหวัดสมุทรสาคร}]
phases: [{id: p1, title: Area Based}]
steps:
  - {id: s1, no: 1, phase: p1, title: เก็บข้อมูล, when: ภายใน พ.ค. ๖๑, responsible: [po]}
  - {id: s2, no: 2, phase: p1, title: ประชุม, when: ๔ มิ.ย. ๖๑, after: [s1], responsible: [po]}
"""

#: Two steps in May that cannot both be done: 20 + 20 days > 31.
INFEASIBLE = GOOD.replace("when: ๔ มิ.ย. ๖๑", "when: พ.ค. ๖๑, duration: 20").replace(
    "when: ภายใน พ.ค. ๖๑,", "when: พ.ค. ๖๑, duration: 20,"
)


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """Run the command in-process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old_err, old_in = sys.stderr, sys.stdin
    sys.stderr, sys.stdin = err, io.StringIO(stdin)
    try:
        status = main(list(args), out=out)
    finally:
        sys.stderr, sys.stdin = old_err, old_in
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


class TestShow:
    """thaiplan show: the calendar as a table."""

    def test_builtin(self) -> None:
        """The built-in calendar shows its phases, steps, stated periods and slack."""
        status, out, _ = run("show", "samut-sakhon-2563")
        assert 0 == status
        for text in (
            "Area Based",
            "Strategic Plan Approval",
            "ภายใน พ.ค. ๖๑",
            "ต.ค. ๖๑",
            "feasible",
        ):
            assert text in out

    def test_file_and_stdin(self, good: Path) -> None:
        """A file, or - for standard input."""
        assert run("show", str(good))[1] == run("show", "-", stdin=GOOD)[1]


class TestValidate:
    """thaiplan validate: findings and exit statuses."""

    def test_errors_give_status_1(self) -> None:
        """The built-in document has errors (its distribution list): status 1."""
        status, out, _ = run("validate", "samut-sakhon-2563")
        assert 1 == status
        assert "reference-mismatch" in out
        assert "gantt-outside-period [s13]" in out

    def test_clean_file_gives_status_0(self, good: Path) -> None:
        """A calendar without errors: status 0."""
        assert 0 == run("validate", str(good))[0]

    def test_json(self, good: Path) -> None:
        """JSON output: findings with code, severity, steps and both messages; counts."""
        status, out, _ = run("validate", "samut-sakhon-2563", str(good), "--format", "json")
        data = json.loads(out)
        assert 1 == status
        assert {"findings", "errors", "warnings"} <= set(data)
        assert 2 == data["errors"]
        first = data["findings"][0]
        assert {"code", "severity", "steps", "message_th", "message_en"} <= set(first)

    def test_thai(self) -> None:
        """--lang th gives the Thai messages and headings."""
        _, out, _ = run("validate", "samut-sakhon-2563", "--lang", "th")
        assert "ข้อผิดพลาด" in out
        assert "บัญชีแนบท้ายหนังสืออ้างเลขที่หนังสือ" in out

    def test_bad_file_gives_status_2(self, tmp_path: Path) -> None:
        """A file with problems: one message naming file, line and column; status 2; no traceback."""
        bad = tmp_path / "bad.yaml"
        bad.write_text(GOOD.replace("when: ภายใน พ.ค. ๖๑", "when: ภายใน เมษ ๖๑"), encoding="utf-8")
        status, out, err = run("validate", str(bad))
        assert 2 == status
        assert "" == out
        assert f"{bad}:8:" in err
        assert "unknown month 'เมษ'" in err
        assert "Traceback" not in err

    def test_unreadable_file_among_several(self, good: Path) -> None:
        """The readable files are still validated; the status is 2 for the one that is not."""
        status, out, err = run("validate", "no-such-file.yaml", str(good))
        assert 2 == status
        assert f"{good}: 0 errors" in out
        assert "no-such-file.yaml" in err

    @pytest.mark.parametrize(
        "args", [("validate", "no-such-file.yaml"), ("validate",), ("nonsense",), ("export", "x")]
    )
    def test_usage(self, args: tuple[str, ...]) -> None:
        """A missing file or bad usage: status 2 and a message, no traceback."""
        status, _, err = run(*args)
        assert 2 == status
        assert err
        assert "Traceback" not in err


class TestSchedule:
    """thaiplan schedule: bounds, in text or JSON."""

    def test_json(self) -> None:
        """The JSON has feasible, critical_path and every step's bounds in ISO dates."""
        status, out, _ = run("schedule", "samut-sakhon-2563", "--format", "json")
        data = json.loads(out)
        assert 0 == status
        assert data["feasible"] is True
        assert "2018-09-30" == data["steps"]["s14"]["latest_finish"]
        assert {
            "earliest_start",
            "earliest_finish",
            "latest_start",
            "latest_finish",
            "latest_working_finish",
            "total_slack",
            "working_slack",
            "free_slack",
        } == set(data["steps"]["s1"])
        assert "2018-09-28" == data["steps"]["s14"]["latest_working_finish"]  # 30 Sep: a Sunday
        assert "2018-04-04" == data["first_day"]
        assert ([], ["s3"]) == (data["critical_paths"], data["critical_unlinked"])

    def test_infeasible_text(self, tmp_path: Path) -> None:
        """An infeasible calendar says so, and why."""
        path = tmp_path / "late.yaml"
        path.write_text(INFEASIBLE, encoding="utf-8")
        status, out, _ = run("schedule", str(path))
        assert 0 == status
        assert "feasible: no" in out
        assert "cannot be kept" in out


class TestExport:
    """thaiplan export: YAML, JSON, CSV, HTML and iCalendar."""

    @pytest.mark.parametrize("fmt", ["yaml", "json"])
    def test_round_trip(self, good: Path, fmt: str) -> None:
        """YAML and JSON exports read back to the same calendar."""
        _, out, _ = run("export", str(good), "--to", fmt)
        assert thaiplan.load_calendar(good) == thaiplan.loads_calendar(out)

    def test_csv(self, good: Path) -> None:
        """CSV: a header and a row a step, Thai text as it is."""
        _, out, _ = run("export", str(good), "--to", "csv")
        assert out.startswith("\ufeff")  # a byte-order mark, so that Excel reads UTF-8
        lines = out.removeprefix("\ufeff").splitlines()
        assert lines[0].startswith("id,no,phase,phase_title,title,when")
        assert 3 == len(lines)
        assert "เก็บข้อมูล" in lines[1]

    def test_html_to_file(self, tmp_path: Path) -> None:
        """-o writes the HTML Gantt page to a file."""
        target = tmp_path / "gantt.html"
        assert 0 == run("export", "samut-sakhon-2563", "--to", "html", "-o", str(target))[0]
        page = target.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        assert 'data-step="s15"' in page

    def test_ics(self) -> None:
        """iCalendar: one component a step."""
        pytest.importorskip("icalendar")
        _, out, _ = run("export", "samut-sakhon-2563", "--to", "ics")
        assert 15 == out.count("BEGIN:VEVENT") + out.count("BEGIN:VTODO")

    def test_ics_reminders_and_todos(self) -> None:
        """--remind 5wd gives every entry a reminder; --deadlines todo makes to-dos."""
        pytest.importorskip("icalendar")
        _, out, _ = run(
            "export", "samut-sakhon-2563", "--to", "ics", "--remind", "5wd", "--deadlines", "todo"
        )
        assert (13, 2, 15) == (
            out.count("BEGIN:VEVENT"),
            out.count("BEGIN:VTODO"),
            out.count("BEGIN:VALARM"),
        )

    def test_ics_bad_reminder(self) -> None:
        pytest.importorskip("icalendar")
        status, _, err = run("export", "samut-sakhon-2563", "--to", "ics", "--remind", "five")
        assert 2 == status
        assert "--remind 'five': write working days such as 5wd" in err


class TestShift:
    """thaiplan shift: the calendar a year on."""

    def test_shift(self, tmp_path: Path) -> None:
        """The shifted calendar is written; days that fall on holidays are reported."""
        target = tmp_path / "next.yaml"
        status, _, err = run(
            "shift", "samut-sakhon-2563", "--fiscal-year", "2566", "-o", str(target)
        )
        assert 0 == status
        shifted = thaiplan.load_calendar(target)
        assert 2566 == shifted.fiscal_year
        assert "๔ เม.ย. ๖๔" == shifted.step("s3").when
        assert "s3: 2021-04-04" in err  # a Sunday


class TestDate:
    """thaiplan date: what Thai date expressions mean."""

    def test_date(self) -> None:
        """A date, a period and a date-time are explained; a bad one is an error."""
        status, out, err = run(
            "date", "ภายใน พ.ค. ๖๑", "วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.", "๕ เมษ ๒๕๖๑"
        )
        assert 1 == status
        assert "deadline: 2018-05-31" in out
        assert "2018-04-04T13:30:00+07:00" in out
        assert "did you mean 'เม.ย.'?" in err


class TestProcess:
    """The installed command and python -m thaiplan."""

    def test_python_m(self) -> None:
        """Python -m thaiplan runs the same command, with --help and examples."""
        result = subprocess.run(
            [sys.executable, "-m", "thaiplan", "validate", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == result.returncode
        assert "exit status: 0 no errors" in result.stdout
        assert "examples:" in result.stdout

    def test_help_names_every_built_in_source(self) -> None:
        """Thaiplan --help lists the built-in document and every built-in calendar."""
        from thaiplan.io._sources import builtin_names

        result = subprocess.run(
            [sys.executable, "-m", "thaiplan", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == result.returncode
        text = " ".join(result.stdout.split())
        for name in (*builtin_names("document"), *builtin_names("calendar")):
            assert name in text
        assert "budget-2567-supplementary" in text


def _slow_width(text: str) -> int:
    """The width as the table first measured it: one character at a time, nothing cached."""
    import unicodedata

    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


@given(
    text=st.text(alphabet=st.sampled_from("กขคัิีึ่้๊๋ำ ะาเ日本AZ az09๐๙\u200b…"), max_size=30),
    width=st.integers(min_value=1, max_value=25),
)
@settings(max_examples=200, deadline=None)
def test_table_cells_fit_their_width(text: str, width: int) -> None:
    from thaiplan.cli._common import _fit, _width

    cell = _fit(text, width)
    squeezed = " ".join(text.split())
    assert _width(cell) == _slow_width(cell)
    if _slow_width(squeezed) <= width:
        assert cell == squeezed + " " * (width - _slow_width(squeezed))
    else:  # the longest prefix that leaves a column for the ellipsis
        kept = cell.rstrip(" ").removesuffix("…")
        assert squeezed.startswith(kept)
        assert cell.rstrip(" ").endswith("…")
        assert _slow_width(kept) <= width - 1
        longer = squeezed[: len(kept) + 1]
        assert _slow_width(longer) > width - 1
        assert _slow_width(cell) == max(width, _slow_width(kept) + 1)
