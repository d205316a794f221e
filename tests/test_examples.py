"""The examples of ``examples/``, run as a user runs them.

The scripts run in a process of their own, in an empty folder; the notebook
runs top to bottom in a Jupyter kernel (nbclient and ipykernel). The tests
are skipped where the examples are not there (the wheel's tests run without
the source tree).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import thaiplan

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ALTERNATIVE = EXAMPLES / "alternative_calendar.yaml"
NOTEBOOK = EXAMPLES / "explore_samut_sakhon.ipynb"

pytestmark = pytest.mark.skipif(
    not EXAMPLES.is_dir(), reason="the examples are not beside the tests"
)


def run_example(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``examples/<script>`` with this Python in ``cwd``."""
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def broken_alternative(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the alternative calendar with ``old`` replaced by ``new``, in ``tmp_path``."""
    text = ALTERNATIVE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "changed.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


class TestAlternativeCalendar:
    """examples/alternative_calendar.yaml: a hand-written calendar that thaiplan accepts."""

    def test_loads(self) -> None:
        """It loads: FY 2564, 12 steps in the 5 phases of the circular, months of 2562."""
        calendar = thaiplan.load_calendar(ALTERNATIVE)
        assert (2564, 2562, 12) == (calendar.fiscal_year, calendar.gantt_year, len(calendar))
        expected_phases = [
            "area-based",
            "mechanism-setting",
            "strategy-review",
            "project-formulation",
            "strategic-plan-approval",
        ]
        assert expected_phases == [phase.id for phase in calendar.phases]

    def test_no_errors_and_the_intended_warning(self) -> None:
        """validate() finds no error, and only the warning the file's header announces."""
        report = thaiplan.validate(thaiplan.load_calendar(ALTERNATIVE))
        assert () == report.errors
        assert {"non-working-day": 1} == dict(report.codes())
        assert ("s10",) == report.by_code("non-working-day")[0].steps

    def test_feasible(self) -> None:
        """Every step can be kept, and the project ideas are due by the end of June 2562."""
        result = thaiplan.schedule(thaiplan.load_calendar(ALTERNATIVE))
        assert result.feasible
        assert "2019-06-30" == result["s7"].latest_finish.isoformat()

    def test_lags_in_working_days(self) -> None:
        """Some dependencies have lags in working days, and every dependency has a reason."""
        calendar = thaiplan.load_calendar(ALTERNATIVE)
        dependencies = [d for step in calendar for d in step.after]
        assert [] == [d.step for d in dependencies if not d.reason]
        lagged = {d.step for d in dependencies if d.unit is thaiplan.LagUnit.WORKING_DAYS}
        assert {"s5", "s7", "s9", "s10"} == lagged


class TestCheckAlternative:
    """examples/check_alternative.py: findings, schedule and exit statuses."""

    def test_default_file(self, tmp_path: Path) -> None:
        """Without an argument it checks the calendar beside it: a warning, exit status 0."""
        result = run_example("check_alternative.py", cwd=tmp_path)
        assert (0, "") == (result.returncode, result.stderr)
        lines = result.stdout.splitlines()
        for expected in (
            "ผลการตรวจ / findings: 0 error(s), 1 warning(s), 0 note(s)",
            "ข้อผิดพลาด / errors: none",
            "คำเตือน / warnings: 1",
            "  - non-working-day [s10]",
            "    th: s10 ตรงกับ ๒๔ ส.ค. ๖๒ ซึ่งไม่ใช่วันทำการ (วันเสาร์)",
            "    en: s10 falls on 2019-08-24, which is not a working day (a Saturday)",
            "ตารางเวลา / schedule: feasible",
            # s1 is as tight but linked to neither: no arrow joins it to them
            "เส้นทางวิกฤต / critical chain: s10 -> s11",
            "ตึงแต่ไม่เชื่อมโยงกัน / tight, not linked: s1",
            "  s7    2019-06-30  ๓๐ มิ.ย. ๖๒    slack  10  (ภายใน มิ.ย. ๖๒)",
            "ขั้นตอนที่ตึงที่สุด / tightest step: s1 (slack 0 days; also 0: s10, s11)",
            "    s1 must finish by 2019-04-09: its stated period ๙ เม.ย. ๖๒ ends then",
            "ไม่มีข้อผิดพลาด / no errors (exit 0)",
        ):
            assert expected in lines

    def test_errors_give_status_1(self, tmp_path: Path) -> None:
        """A ก.บ.จ. approval before the consultation is an error: exit status 1, explained."""
        path = broken_alternative(tmp_path, "when: ๑๐ ก.ย. ๖๒", "when: ๒๐ ส.ค. ๖๒")
        result = run_example("check_alternative.py", str(path), cwd=tmp_path)
        assert 1 == result.returncode
        lines = result.stdout.splitlines()
        assert "  - consultation-order [s10, s11]" in lines
        assert "ตารางเวลา / schedule: NOT FEASIBLE" in lines
        assert "มีข้อผิดพลาด / has errors (exit 1)" in lines
        assert any(line.startswith("ขั้นตอนที่ตึงที่สุด / tightest step: s") for line in lines)

    def test_unreadable_file_gives_status_2(self, tmp_path: Path) -> None:
        """A file with a mistake: each problem with its line and column, exit status 2."""
        path = broken_alternative(tmp_path, "when: ภายใน มิ.ย. ๖๒", "when: ภายใน มิถุนยน ๖๒")
        result = run_example("check_alternative.py", str(path), cwd=tmp_path)
        assert (2, "") == (result.returncode, result.stdout)
        lines = result.stderr.splitlines()
        assert f"อ่านไฟล์ไม่ได้ / cannot read {path}: 1 problem(s)" == lines[0]
        assert lines[1].startswith(f"  {path}:")
        assert "steps[6].when: unknown month 'มิถุนยน'" in lines[1]

    def test_missing_file_gives_status_2(self, tmp_path: Path) -> None:
        """A file that is not there is a file that cannot be read."""
        result = run_example("check_alternative.py", "nowhere.yaml", cwd=tmp_path)
        assert 2 == result.returncode
        assert "nowhere.yaml" in result.stderr


class TestExportIcs:
    """examples/export_ics.py: an iCalendar file, read back."""

    @pytest.fixture(autouse=True)
    def _icalendar(self) -> None:
        pytest.importorskip("icalendar")

    def test_builtin_calendar(self, tmp_path: Path) -> None:
        """By default the Samut Sakhon calendar goes to samut-sakhon-2563.ics, here."""
        result = run_example("export_ics.py", cwd=tmp_path)
        assert (0, "") == (result.returncode, result.stderr)
        assert (tmp_path / "samut-sakhon-2563.ics").is_file()
        lines = result.stdout.splitlines()
        assert (
            "samut-sakhon-2563.ics: 15 events and 0 to-dos, 15 entries in all, 15 reminders"
            == lines[-1]
        )
        # a step stated by a deadline is an all-day event on its last day
        assert "  VEVENT 2018-05-31 .. 2018-06-01 (excl.)" in "\n".join(lines)

    def test_file_and_output(self, tmp_path: Path) -> None:
        """A calendar file, written where -o says."""
        out = tmp_path / "out" / "alternative.ics"
        out.parent.mkdir()
        result = run_example("export_ics.py", str(ALTERNATIVE), "-o", str(out), cwd=tmp_path)
        assert 0 == result.returncode
        assert (
            f"{out}: 12 events and 0 to-dos, 12 entries in all, 12 reminders"
            == result.stdout.splitlines()[-1]
        )
        assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")

    def test_missing_source(self, tmp_path: Path) -> None:
        """A source that is neither a file nor a built-in name: one message, status 2."""
        result = run_example("export_ics.py", "nowhere.yaml", cwd=tmp_path)
        assert (2, "") == (result.returncode, result.stdout)
        assert "export_ics: 1 problem in nowhere.yaml" in result.stderr
        assert [] == list(tmp_path.iterdir())


class TestTrackRound:
    """examples/track_round.py on examples/progress_mid_june_2561.yaml."""

    def test_mid_june(self, tmp_path: Path) -> None:
        """Two steps late: exit status 1, with what is due in the next three weeks."""
        result = run_example("track_round.py", cwd=tmp_path)
        assert (1, "") == (result.returncode, result.stderr)
        lines = result.stdout.splitlines()
        assert "3 done, 2 overdue, 1 in progress, 1 due, 8 not yet due" == lines[2]
        assert (
            "  s4 เลยกำหนด: due 2018-05-30, forecast to finish 2018-06-15, 16 days after its deadline"
            in lines
        )
        assert "  s6 by ๒๙ มิ.ย. ๖๑ (11 working days left)" in lines
        assert "why s5 cannot start before 2018-06-16:" in lines  # the plan re-scheduled
        assert any("actual start 2018-05-01 (progress file as of 2018-06-15)" in x for x in lines)
        assert "findings on the reports: 2" in lines

    def test_the_file_checks_clean_but_for_the_late_steps(self) -> None:
        progress = thaiplan.load_progress(EXAMPLES / "progress_mid_june_2561.yaml")
        report = thaiplan.validate(thaiplan.load_document("samut-sakhon-2563"), progress=progress)
        progress_codes = {f.code for f in report if f.code.startswith("progress-")}
        assert {"progress-overdue"} == progress_codes

    def test_unreadable_progress(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("format: thaiplan-progress/1\n", encoding="utf-8")
        result = run_example("track_round.py", "samut-sakhon-2563", str(bad), cwd=tmp_path)
        assert 2 == result.returncode
        assert "as_of" in result.stderr


class TestNotebookFile:
    """examples/explore_samut_sakhon.ipynb is stored clean."""

    def test_clean(self) -> None:
        """Format version 4, a python3 kernel, and no outputs or execution counts stored."""
        notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
        assert 4 == notebook["nbformat"]
        assert "python3" == notebook["metadata"]["kernelspec"]["name"]
        code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
        assert [] == [cell for cell in code if cell["outputs"] or cell["execution_count"]]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> list[list[dict[str, Any]]]:
    """The outputs of each code cell, after running the notebook in an empty folder."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    folder = tmp_path_factory.mktemp("notebook")
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()
    return [cell.outputs for cell in notebook.cells if cell.cell_type == "code"]


class TestNotebook:
    """examples/explore_samut_sakhon.ipynb runs top to bottom in a Jupyter kernel."""

    @staticmethod
    def text(outputs: list[list[dict[str, Any]]]) -> str:
        """Every text output and plain-text result or display, joined."""
        return "\n".join(
            output["text"] if output["output_type"] == "stream" else output["data"]["text/plain"]
            for cell in outputs
            for output in cell
            if output["output_type"] in ("stream", "execute_result", "display_data")
        )

    def test_no_errors(self, outputs: list[list[dict[str, Any]]]) -> None:
        """No cell raises, and none writes to standard error."""
        failed = [
            output
            for cell in outputs
            for output in cell
            if output["output_type"] == "error"
            or (output["output_type"] == "stream" and output["name"] == "stderr")
        ]
        assert [] == failed

    def test_the_letter(self, outputs: list[list[dict[str, Any]]]) -> None:
        """The first cell gives the letter's number, date, and that it is a circular."""
        assert (
            "('ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗', '๕ เมษายน ๒๕๖๑', True)" == (outputs[0][0]["data"]["text/plain"])
        )

    def test_calendar_renders_as_gantt_table(self, outputs: list[list[dict[str, Any]]]) -> None:
        """Returning the calendar shows its Gantt table."""
        html = [
            output["data"]["text/html"]
            for cell in outputs
            for output in cell
            if "text/html" in output.get("data", {})
        ]
        assert any(page.startswith('<div class="thaiplan-gantt">') for page in html)

    def test_expected_outputs(self, outputs: list[list[dict[str, Any]]]) -> None:
        """The schedule, the findings in Thai, the explained bound and the shift appear."""
        text = self.text(outputs)
        for expected in (
            "(True, (), ('s3',))",
            "(2, 7, 17)",
            "error   reference-mismatch: บัญชีแนบท้ายหนังสืออ้างเลขที่หนังสือ ที่ สค ๐๐๑๗.๒/ว ๕๕๓๗",
            "s7 must finish by 2018-06-30: the resolution's deadline ภายในเดือนมิถุนายน ๒๕๖๑ ends then",
            "s7 ต้องเสร็จภายใน ๓๐ มิ.ย. ๖๑ ตามมติที่ประชุมซึ่งกำหนดภายในเดือนมิถุนายน ๒๕๖๑",
            "s7   มิ.ย. - ก.ค. ๖๑  -> มิ.ย. - ก.ค. ๖๒",
            "s4   overdue      due 2018-05-30  forecast 2018-06-15",
            "s6   in_progress  due 2018-06-29  forecast 2018-06-15",
            "[('s6', '2018-06-29', 11), ('s7', '2018-06-30', 11)]",
            "[('progress-overdue', ('s4',)), ('progress-overdue', ('s5',))]",
        ):
            assert expected in text

    def test_bounds_table(self, outputs: list[list[dict[str, Any]]]) -> None:
        """The table of bounds has a row for s7, printed or, with pandas, a DataFrame."""
        row = re.compile(r"^s7\s+มิ\.ย\. - ก\.ค\. ๖๑\s+2018-06-02\s+2018-06-30\s+28$", re.MULTILINE)
        assert 1 == len(row.findall(self.text(outputs)))
