"""Files saved again by a real office suite (LibreOffice, where it is installed) still read back.

Each test has LibreOffice convert thaiplan's file to the same format, as an
office that opens it and saves it does, and reads the result: the text boxes
of a plan book, and the calendar table of a Word circular.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import thaiplan
from thaiplan import BudgetLine, Project, ProjectRegister
from thaiplan.io._forms_drawings import text_boxes

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _saved_again(path: Path, kind: str, tmp_path: Path) -> Path:
    """``path`` as LibreOffice saves it again as ``kind`` (in a folder of its own)."""
    assert SOFFICE is not None
    out = tmp_path / "out"
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            kind,
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / path.name


def test_text_boxes_survive_libreoffice(tmp_path: Path) -> None:
    """A plan book saved again by LibreOffice keeps its text boxes on their rows, and its notes."""
    notes = "เดิม\n[amendment] แก้ไข ครั้งที่ ๒ / ๒๕๖๘\n[duplicate-of] ซ้ำลำดับที่ ๖๓"
    register = ProjectRegister(
        [Project("p1", "ถนน คสล. หมู่ที่ ๓", "local", budget=[BudgetLine(2566, 5)], notes=notes)]
    )
    book = tmp_path / "plan.xlsx"
    book.write_bytes(thaiplan.register_xlsx(register, years=[2566]))
    again = _saved_again(book, "xlsx", tmp_path).read_bytes()
    assert [(b.row, b.text) for b in text_boxes(book.read_bytes())] == [
        (b.row, b.text) for b in text_boxes(again)
    ]
    assert notes == thaiplan.read_register_xlsx(again).project("p1").notes


def test_a_word_calendar_survives_libreoffice(tmp_path: Path) -> None:
    """A circular saved again by LibreOffice reads back: marks, periods, parties."""
    document = thaiplan.load_document("samut-sakhon-2563")
    assert document.calendar is not None
    word = tmp_path / "circular.docx"
    word.write_bytes(thaiplan.calendar_docx(document))
    calendar = thaiplan.read_calendar_docx(_saved_again(word, "docx", tmp_path), like=document)
    fields = ("id", "no", "when", "gantt", "responsible")
    assert [tuple(getattr(s, f) for f in fields) for s in document.calendar.steps] == [
        tuple(getattr(s, f) for f in fields) for s in calendar.steps
    ]
