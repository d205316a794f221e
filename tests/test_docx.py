"""Word documents: the circular and its calendar, opened with python-docx and checked run by run."""

from __future__ import annotations

import io
import re
import sys

import pytest

import thaiplan
from thaiplan.errors import ModelError
from thaiplan.io._docx import calendar_docx

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

FONT = "TH SarabunPSK"


@pytest.fixture(scope="module")
def document() -> thaiplan.PlanningDocument:
    return thaiplan.load_document("samut-sakhon-2563")


@pytest.fixture(scope="module")
def word(document: thaiplan.PlanningDocument) -> object:
    return docx.Document(io.BytesIO(calendar_docx(document)))


def runs(word: object) -> list[object]:
    return list(word.element.body.iter(qn("w:r")))  # type: ignore[attr-defined]


class TestFonts:
    """Thai needs the complex-script slot and size, which python-docx leaves unset."""

    def test_every_run(self, word: object) -> None:
        """Every run names the font in all four slots and sets w:sz and w:szCs alike."""
        found = runs(word)
        assert len(found) > 100
        sizes = set()
        for run in found:
            rpr = run.find(qn("w:rPr"))  # type: ignore[attr-defined]
            fonts = rpr.find(qn("w:rFonts"))
            assert {FONT} == {
                fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs", "eastAsia")
            }
            size, size_cs = (
                rpr.find(qn("w:sz")).get(qn("w:val")),
                rpr.find(qn("w:szCs")).get(qn("w:val")),
            )
            assert size == size_cs
            sizes.add(size)
        assert {"32", "28"} == sizes  # 16 points in the letter, 14 in the table

    def test_normal_style(self, word: object) -> None:
        """The Normal style carries the same, for text typed into the document later."""
        rpr = word.styles["Normal"].element.rPr  # type: ignore[attr-defined]
        assert FONT == rpr.find(qn("w:rFonts")).get(qn("w:cs"))
        assert "32" == rpr.find(qn("w:szCs")).get(qn("w:val"))

    def test_another_font(self, document: thaiplan.PlanningDocument) -> None:
        """font= changes every slot."""
        other = docx.Document(io.BytesIO(calendar_docx(document, font="TH SarabunIT๙")))
        assert {"TH SarabunIT๙"} == {
            r.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:cs"))
            for r in runs(other)  # type: ignore[attr-defined]
        }


class TestPage:
    """A4, the margins of government letters, the calendar in landscape."""

    def test_sections(self, word: object) -> None:
        """The letter on A4 portrait, left 3 cm, right 2 cm, top 1.5 cm, bottom 2 cm; the table landscape."""
        letter, table = word.sections  # type: ignore[attr-defined]

        def cm(*lengths: object) -> tuple[float, ...]:
            return tuple(round(length.cm, 2) for length in lengths)  # type: ignore[attr-defined]

        assert (21.0, 29.7) == cm(letter.page_width, letter.page_height)
        assert (3.0, 2.0, 1.5, 2.0) == cm(
            letter.left_margin, letter.right_margin, letter.top_margin, letter.bottom_margin
        )
        assert (29.7, 21.0, 3.0) == cm(table.page_width, table.page_height, table.left_margin)
        assert ("PORTRAIT (0)", "LANDSCAPE (1)") == (
            str(letter.orientation),
            str(table.orientation),
        )


class TestLetter:
    """The circular's parts, in order, as the document has them."""

    def test_head(self, word: object, document: thaiplan.PlanningDocument) -> None:
        """The Garuda's space, ที่ and the office, the address, the date, เรื่อง, เรียน, อ้างถึง, enclosures."""
        paragraphs = [p.text for p in word.paragraphs]  # type: ignore[attr-defined]
        assert "" == paragraphs[0]
        assert 3.0 == round(word.paragraphs[0].paragraph_format.space_after.cm, 2)  # type: ignore[attr-defined]
        assert [
            "ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗\tศาลากลางจังหวัดสมุทรสาคร",
            "ถนนเศรษฐกิจ ๑ สค ๗๔๐๐๐",
            "๕ เมษายน ๒๕๖๑",
            "",
            "เรื่อง  แนวทางการเชื่อมโยงและบูรณาการแผนในระดับพื้นที่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๓ ของจังหวัดสมุทรสาคร",
            "เรียน",
            "อ้างถึง\tหนังสือจังหวัดสมุทรสาคร ด่วนที่สุด ที่ สค ๐๐๑๗.๒/ว ๕๑๘๕ ลงวันที่ ๓๐ มีนาคม ๒๕๖๑",
            "สิ่งที่ส่งมาด้วย\tสรุปผลการประชุมฯ จำนวน ๑ ชุด",
        ] == paragraphs[1:9]
        assert word.paragraphs[5].runs[0].bold  # type: ignore[attr-defined]

    def test_body_and_signature(self, word: object, document: thaiplan.PlanningDocument) -> None:
        """The body as written, each paragraph indented 2.5 cm; the closing and signature block."""
        letter = document.letter
        assert letter is not None
        paragraphs = word.paragraphs  # type: ignore[attr-defined]
        texts = [p.text for p in paragraphs]
        start = texts.index(letter.body[0])
        assert list(letter.body) == texts[start : start + 3]
        assert [2.5] * 3 == [
            round(paragraphs[start + i].paragraph_format.first_line_indent.cm, 2) for i in range(3)
        ]
        after = texts[start + 3 :]
        assert [
            "",
            "ขอแสดงความนับถือ",
            "",
            "",
            "",
            "(นายประภัสร์ มาลากาญจน์)",
            "ผู้ว่าราชการจังหวัดสมุทรสาคร",
        ] == after[:7]
        assert [
            "สำนักงานจังหวัด",
            "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
            "โทร. ๐ ๓๔๔๒ ๕๐๗๕",
            "โทรสาร ๐ ๓๔๔๒ ๕๐๗๔",
            "ไปรษณีย์อิเล็กทรอนิกส์ strategy.skn@gmail.com",
        ] == after[8:13]

    def test_distribution_list(self, word: object) -> None:
        """On a page of its own, as the list quotes the letter (ว ๕๕๓๗, ๒๕๖๖), recipients in Thai digits."""
        texts = [p.text for p in word.paragraphs]  # type: ignore[attr-defined]
        start = texts.index("บัญชีแนบท้ายหนังสือ")
        assert 'w:br w:type="page"' in word.paragraphs[start - 1]._p.xml  # type: ignore[attr-defined]
        assert "แนบท้ายหนังสือที่ สค ๐๐๑๗.๒/ว ๕๕๓๗ ลงวันที่ ๕ เมษายน ๒๕๖๖" == texts[start + 1]
        recipients = [t for t in texts[start:] if re.match("[๐-๙]+\\. ", t)]
        assert 8 == len(recipients)
        assert ("๑. ที่การปกครองจังหวัดสมุทรสาคร", "๘. องค์การบริหารส่วนจังหวัดสมุทรสาคร") == (
            recipients[0],
            recipients[-1],
        )


class TestTable:
    """The calendar table, cell by cell against the calendar."""

    def test_header(self, word: object) -> None:
        """Two header rows, repeated on every page; the year over its twelve months."""
        table = word.tables[-1]  # type: ignore[attr-defined]
        for row in table.rows[:2]:
            flag = row._tr.trPr.find(qn("w:tblHeader"))
            assert flag is not None
            assert "true" == flag.get(qn("w:val"))
        assert (
            table.rows[2]._tr.trPr is None or table.rows[2]._tr.trPr.find(qn("w:tblHeader")) is None
        )
        # The months run from the first marked or stated (เม.ย.) to the last (ต.ค.).
        first = [c.text for c in table.rows[0].cells]
        assert ["ขั้นตอน", "วันเดือนปี", *["พ.ศ. ๒๕๖๑"] * 7, "หน่วยงานที่เกี่ยวข้อง"] == first
        spans = [tc.grid_span for tc in table.rows[0]._tr.tc_lst]
        assert [1, 1, 7, 1] == spans
        assert ["เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค."] == [
            c.text for c in table.rows[1].cells[2:9]
        ]
        widths = [round(column.width.cm, 1) for column in table.columns]
        assert [7.0, 2.4, *[1.5] * 7, 5.0] == widths  # the months share 10.3 cm
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[3:4])

    def test_rows(self, word: object, document: thaiplan.PlanningDocument) -> None:
        """Phase rows across the table, then each step: label, when, marks, parties."""
        calendar = document.calendar
        assert calendar is not None
        table = word.tables[-1]  # type: ignore[attr-defined]
        rows = table.rows[2:]
        titles = {p.id: p.title for p in calendar.phases}
        expected: list[list[str]] = []
        previous = None
        for step in calendar.steps:
            if step.phase != previous:
                expected.append([titles[step.phase]] * 10)
                previous = step.phase
            marks = ["" for _ in range(7)]  # เม.ย. - ต.ค.
            for _, month in step.gantt_months(2561):
                marks[month - 4] = "●" if step.period.start == step.period.end else "↔"
            names = [f"- {calendar.party(p).name}" for p in step.responsible]  # type: ignore[union-attr]
            number = thaiplan.dates.to_thai_digits(str(step.no))
            expected.append([f"{number}. {step.title}", step.when, *marks, "\n".join(names)])
        assert expected == [[cell.text for cell in row.cells] for row in rows]

    def test_calendar_alone(self, document: thaiplan.PlanningDocument) -> None:
        """A calendar (or letter=False) is the table alone, in landscape."""
        assert document.calendar is not None
        alone = docx.Document(io.BytesIO(calendar_docx(document.calendar)))
        assert 1 == len(alone.sections)
        assert 29.7 == round(alone.sections[0].page_width.cm, 2)
        assert document.calendar.title == alone.paragraphs[0].text
        without = docx.Document(io.BytesIO(calendar_docx(document, letter=False)))
        assert [p.text for p in alone.paragraphs] == [p.text for p in without.paragraphs]


class TestErrors:
    """What cannot be written says why."""

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without python-docx, the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(ModelError, match=re.escape("pip install 'thaiplan[docx]'")):
            calendar_docx(thaiplan.load_calendar("samut-sakhon-2563"))

    def test_bad_text_and_too_many_months(self) -> None:
        """A control character names its field; a century of months does not fit Word's 63 columns."""
        phase = [thaiplan.Phase("p", "P")]
        bad = thaiplan.PlanningCalendar(
            "t", "74", 2563, phase, [thaiplan.Step("a", 1, "p", "x\x07", "พ.ค. ๖๑")]
        )
        with pytest.raises(ModelError, match=r"step a's title: .*U\+0007"):
            calendar_docx(bad)
        wide = thaiplan.PlanningCalendar(
            "t", "74", 2563, phase, [thaiplan.Step("a", 1, "p", "x", "พ.ศ. ๒๕๐๐ – ๒๕๖๐")]
        )
        with pytest.raises(ModelError, match="more columns than a Word table has"):
            calendar_docx(wide)
