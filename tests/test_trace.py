"""The trace of a project and the thaiplan trace command: thaiplan.model._trace, thaiplan.cli._register."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import thaiplan
from thaiplan.cli import main

REGISTER = """\
format: thaiplan-register/1
trees: [national-strategy]
projects:
- id: p1
  title: สะพานข้ามคลอง
  level: provincial
  origin: แผนชุมชน หมู่ที่ ๓
  steps: [s9]
  links: [{tree: national-strategy, node: '2', justification: เชื่อมโยงการคมนาคม}]
  escalations: [{from_level: district, to_level: provincial, committee: kba, step: s7, date: 2018-06-30}]
  status: [{state: submitted, by: district-ban-phaeo, step: s9}]
"""


class TestTrace:
    def test_stages_in_order(self) -> None:
        """Origin, escalation with the step's period and deadline, steps, level, state, links."""
        register = thaiplan.loads_register(REGISTER)
        result = thaiplan.trace(
            register, "p1", calendar=thaiplan.load_calendar("samut-sakhon-2563")
        )
        assert ["origin", "escalation", "step", "plan", "status", "link"] == [
            s.kind for s in result.stages
        ]
        escalation = result.stages[1]
        assert ("s7", "2018-06-30") == (escalation.step, escalation.date.isoformat())  # type: ignore[union-attr]
        assert "by 2018-07-31" in escalation.en
        assert "ภายใน ๓๑ ก.ค. ๖๑" in escalation.th
        assert "ยุทธศาสตร์ชาติด้านการสร้างความสามารถในการแข่งขัน" in result.stages[-1].en

    def test_without_a_calendar(self) -> None:
        """Without the calendar the steps are named by id, nothing is made up."""
        result = thaiplan.trace(thaiplan.loads_register(REGISTER), "p1")
        assert "at step s7 on 2018-06-30" in result.explain()
        assert "ในขั้นตอน s7" in result.explain("th")

    def test_unknown_project(self) -> None:
        """A project not in the register is a ModelError."""
        with pytest.raises(thaiplan.ModelError, match="no project"):
            thaiplan.trace(thaiplan.loads_register(REGISTER), "p9")


class TestTraceCommand:
    def test_prints_the_trace(self, tmp_path: Path) -> None:
        """Thaiplan trace REGISTER PROJECT --calendar ... prints the numbered stages."""
        path = tmp_path / "register.yaml"
        path.write_text(REGISTER, encoding="utf-8")
        out = io.StringIO()
        status = main(
            ["trace", str(path), "p1", "--calendar", "samut-sakhon-2563", "--lang", "th"], out=out
        )
        assert 0 == status
        lines = out.getvalue().splitlines()
        assert "p1: สะพานข้ามคลอง" == lines[0]
        assert lines[1].startswith("1. ที่มา: แผนชุมชน")

    def test_mistakes_are_one_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown project or a missing file is one message and exit status 2."""
        path = tmp_path / "register.yaml"
        path.write_text(REGISTER, encoding="utf-8")
        assert 2 == main(["trace", str(path), "p9"], out=io.StringIO())
        assert "no project 'p9' (its projects: p1)" in capsys.readouterr().err
        assert 2 == main(["trace", str(tmp_path / "none.yaml"), "p1"], out=io.StringIO())
        path.write_text("format: thaiplan-register/1\nprojects: [{id: p1}]\n", encoding="utf-8")
        assert 2 == main(["trace", str(path), "p1"], out=io.StringIO())
        assert "needs the key 'title'" in capsys.readouterr().err


class TestValidateCommand:
    def test_validates_a_register(self, tmp_path: Path) -> None:
        """The validate command reads a register file and runs the project rules on it."""
        path = tmp_path / "register.yaml"
        path.write_text(
            "format: thaiplan-register/1\ntrees: [national-strategy]\n"
            "projects:\n- {id: p1, title: ถนน, level: local, links: [{tree: national-strategy, node: '9'}]}\n",
            encoding="utf-8",
        )
        out = io.StringIO()
        assert 1 == main(["validate", str(path), "--format", "json"], out=out)
        assert '"code": "project-link-unknown"' in out.getvalue()

    def test_shows_and_exports_a_register(self, tmp_path: Path) -> None:
        """The show command sums a register by level and year; export writes its formats, not MSPDI."""
        path = tmp_path / "register.yaml"
        path.write_text(
            "format: thaiplan-register/1\nprojects:\n"
            "- {id: p1, title: ถนน, level: local, budget: {2566: '1,000', 2567: 500}}\n"
            "- {id: p2, title: ประปา, level: local, budget: {2566: 250}}\n",
            encoding="utf-8",
        )
        out = io.StringIO()
        assert 0 == main(["show", str(path)], out=out)
        lines = out.getvalue().splitlines()
        assert "2 projects · 0 strategy trees · budget 1,750 baht" == lines[1]
        assert ["local", "2566", "2", "1,250"] == lines[3].split()
        out = io.StringIO()
        assert 0 == main(["export", str(path), "--to", "csv"], out=out)
        assert out.getvalue().startswith("\ufeffid,title,")
        out = io.StringIO()
        assert 0 == main(["export", str(path), "--to", "json"], out=out)
        assert thaiplan.loads_register(out.getvalue()) == thaiplan.load_register(path)
        assert 2 == main(["export", str(path), "--to", "mspdi"], out=io.StringIO())
