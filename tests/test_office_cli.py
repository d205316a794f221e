"""The command's office formats: export --to xlsx|docx|mspdi, and import."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import thaiplan
from thaiplan.cli._main import main

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")


def run(*args: str) -> tuple[int, str, str]:
    """Run the command in-process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old_err, sys.stderr = sys.stderr, err
    try:
        status = main(list(args), out=out)
    finally:
        sys.stderr = old_err
    return status, out.getvalue(), err.getvalue()


class TestExport:
    """export --to xlsx, docx and mspdi write files their libraries open."""

    def test_xlsx(self, tmp_path: Path) -> None:
        """The book, with the schedule columns when asked."""
        path = tmp_path / "c.xlsx"
        assert (0, "", "") == run(
            "export", "samut-sakhon-2563", "--to", "xlsx", "--schedule-columns", "-o", str(path)
        )
        sheet = openpyxl.load_workbook(path)["ปฏิทิน"]
        # the months run เม.ย. - ต.ค. ๖๑ (C-I), then the parties and the schedule
        assert ("ขั้นตอน", "เริ่มได้เร็วสุด") == (sheet["A3"].value, sheet["K3"].value)

    def test_docx(self, tmp_path: Path) -> None:
        """The whole circular for a document."""
        path = tmp_path / "c.docx"
        assert 0 == run("export", "samut-sakhon-2563", "--to", "docx", "-o", str(path))[0]
        word = docx.Document(str(path))
        assert word.paragraphs[1].text.startswith("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗")
        assert "ขั้นตอน" == word.tables[-1].cell(0, 0).text

    def test_mspdi_to_standard_output(self) -> None:
        """MSPDI is text, so it can go to standard output."""
        status, out, _ = run("export", "samut-sakhon-2563", "--to", "mspdi")
        assert 0 == status
        assert out.startswith('<?xml version="1.0" encoding="UTF-8"')
        assert "<Subject>สมุทรสาคร</Subject>" in out

    def test_binary_needs_a_file(self) -> None:
        """A book cannot be written to a text stream: the message asks for -o."""
        status, _, err = run("export", "samut-sakhon-2563", "--to", "xlsx")
        assert 2 == status
        assert "name the file to write with -o FILE" in err


class TestImport:
    """import FILE.xlsx|FILE.xml -o calendar.yaml."""

    def test_round_trips(self, tmp_path: Path) -> None:
        """A book and an MSPDI file that thaiplan wrote come back as calendar files."""
        calendar = thaiplan.load_calendar("samut-sakhon-2563")
        book, xml = tmp_path / "c.xlsx", tmp_path / "c.xml"
        book.write_bytes(thaiplan.calendar_xlsx(calendar))
        xml.write_text(thaiplan.calendar_mspdi(calendar), encoding="utf-8")
        status, _, err = run("import", str(book), "-o", str(tmp_path / "back.yaml"))
        assert (0, f"{book}: 15 steps in 5 phases, 22 parties\n") == (status, err)
        back = thaiplan.load_calendar(tmp_path / "back.yaml")
        assert [s.when for s in calendar.steps] == [s.when for s in back.steps]
        status, _, _ = run(
            "import", str(xml), "--like", "samut-sakhon-2563", "-o", str(tmp_path / "b.json")
        )
        assert 0 == status
        again = thaiplan.load_calendar(tmp_path / "b.json")
        assert [[d.step for d in s.after] for s in calendar.steps] == [
            [d.step for d in s.after] for s in again.steps
        ]

    def test_a_word_calendar(self, tmp_path: Path) -> None:
        """A Word circular that thaiplan wrote comes back as a calendar file, with --like."""
        document = thaiplan.load_document("samut-sakhon-2563")
        word = tmp_path / "circular.docx"
        word.write_bytes(thaiplan.calendar_docx(document))
        status, _, err = run(
            "import", str(word), "--like", "samut-sakhon-2563", "-o", str(tmp_path / "w.yaml")
        )
        assert (0, f"{word}: 15 steps in 5 phases, 22 parties\n") == (status, err)
        back = thaiplan.load_calendar(tmp_path / "w.yaml")
        assert document.calendar is not None
        assert [s.when for s in document.calendar.steps] == [s.when for s in back.steps]

    def test_yaml_on_standard_output(self, tmp_path: Path) -> None:
        """Without -o, the calendar file goes to standard output."""
        book = tmp_path / "c.xlsx"
        book.write_bytes(thaiplan.calendar_xlsx(thaiplan.load_calendar("samut-sakhon-2563")))
        status, out, _ = run("import", str(book))
        assert 0 == status
        assert thaiplan.loads_calendar(out).step("s3").when == "๔ เม.ย. ๖๑"

    def test_problems(self, tmp_path: Path) -> None:
        """A missing file, another kind of file, and a table with problems: status 2, one message."""
        assert 2 == run("import", str(tmp_path / "none.xlsx"))[0]
        other = tmp_path / "c.pdf"
        other.write_bytes(b"x")
        status, _, err = run("import", str(other))
        assert 2 == status
        assert "expected an Excel book (.xlsx), a Word document (.docx) or MS Project XML" in err
        word = tmp_path / "c.docx"
        word.write_bytes(b"x")
        status, _, err = run("import", str(word))
        assert (2, True) == (status, "not a" in err)
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["ขั้นตอน", "วันเดือนปี", "พ.ศ. ๒๕๖๑"])
        sheet.append([None, None, "ม.ค."])
        sheet.append(["Area Based"])
        sheet.append(["๑. ก", "เดือนหน้า", "↔"])
        book.save(tmp_path / "bad.xlsx")
        status, _, err = run(
            "import", str(tmp_path / "bad.xlsx"), "--province", "74", "--fiscal-year", "2563"
        )
        assert 2 == status
        assert f"{tmp_path / 'bad.xlsx'}!Sheet!B4: cannot read 'เดือนหน้า'" in err
