"""The local plan's forms: thaiplan.io._forms (Excel), _forms_read, _forms_docx."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from decimal import Decimal

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings

import thaiplan
from drawings import with_drawing
from strategies import registers
from thaiplan import (
    BudgetLine,
    FundingSource,
    Indicator,
    Plan,
    Project,
    ProjectRegister,
    StatusChange,
    StrategyLink,
    StrategyNode,
    StrategyTree,
)
from thaiplan.errors import CalendarFileError, ModelError, ThaiplanTypeError
from thaiplan.io._forms_layout import cell_values

YEARS = [2566, 2567, 2568, 2569, 2570]


def _register() -> ProjectRegister:
    """A small local plan: two ผ.๐๒ projects under one strategy, one ผ.๐๒/๒, one ผ.๐๓."""
    tree = StrategyTree(
        "lao",
        "ยุทธศาสตร์การพัฒนาขององค์การบริหารส่วนตำบล",
        [
            StrategyNode("1", "ด้านโครงสร้างพื้นฐาน", "lao_strategy", code="๑"),
            StrategyNode("1.1", "พัฒนาถนนและทางระบายน้ำ", "tactic", code="๑.๑", parent="1"),
        ],
    )
    plan = Plan(
        "lp",
        "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐)",
        "development",
        "local",
        years=(2566, 2570),
        revision="ทบทวน ครั้งที่ ๒/๒๕๖๕",
    )
    road = Project(
        "p1",
        "ก่อสร้างถนน คสล. หมู่ที่ ๓",
        "local",
        description="ถนนสายบ้านนาง - บ้านหนอง",
        plan="lp",
        objectives=["เพื่อให้ประชาชนสัญจรสะดวก", "เพื่อขนส่งผลผลิตทางการเกษตร"],
        target="กว้าง ๕ เมตร ยาว ๑,๒๐๐ เมตร หนา ๐.๑๕ เมตร",
        indicators=[Indicator("ถนนที่ก่อสร้าง", target=1200, unit="เมตร")],
        expected_results=["ประชาชนสัญจรไปมาสะดวก ปลอดภัย"],
        responsible=["กองช่าง"],
        programme="อุตสาหกรรมและการโยธา",
        budget=[
            BudgetLine(2566, 1_500_000, FundingSource.OWN_REVENUE),
            BudgetLine(2566, 132_820, FundingSource.SUBSIDY),
            BudgetLine(2568, Decimal("250000.50")),
        ],
        links=[StrategyLink("lao", "1.1", "ตรงกับกลยุทธ์ถนน")],
        status=[StatusChange("approved", "๑๕ ก.ค. ๖๕", by="สภา อบต.")],
    )
    drain = Project(
        "p2",
        "วางท่อระบายน้ำ หมู่ที่ ๕",
        "local",
        plan="lp",
        item="๒",
        target="ยาว ๓๐๐ เมตร",
        responsible=["กองช่าง"],
        programme="อุตสาหกรรมและการโยธา",
        budget=[BudgetLine(2567, 480_000)],
        links=[StrategyLink("lao", "1")],
    )
    bridge = Project(
        "p3",
        "ก่อสร้างสะพานข้ามคลอง",
        "local",
        plan="lp",
        form="ผ.๐๒/๒",
        programme="อุตสาหกรรมและการโยธา",
        budget=[BudgetLine(2570, 30_000_000)],
    )
    computer = Project(
        "p4",
        "ครุภัณฑ์คอมพิวเตอร์",
        "local",
        plan="lp",
        form="ผ.๐๓",
        target="เครื่องคอมพิวเตอร์ ๒ เครื่อง",
        responsible=["สำนักปลัด"],
        programme="บริหารงานทั่วไป",
        budget=[BudgetLine(2567, 44_000)],
    )
    return ProjectRegister([road, drain, bridge, computer], [tree], [plan], name="ทะเบียนทดลอง")


def _book(register: ProjectRegister, **options: object) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(thaiplan.register_xlsx(register, **options)))


def _rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


class TestHeadings:
    """The forms' headings, verbatim, merged as the forms have them."""

    def test_detail_form(self) -> None:
        """ผ.๐๒: the 3-row header in print order, years in Thai digits, (บาท) under each."""
        sheet = _book(_register())["ผ.๐๒"]
        rows = _rows(sheet)
        assert ("รายละเอียดโครงการพัฒนา", "แบบ ผ.๐๒") == (rows[0][0], rows[0][11])
        assert "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐) ทบทวน ครั้งที่ ๒/๒๕๖๕" == rows[1][0]
        expected = [
            (
                *("ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย", "งบประมาณ", None, None, None, None),
                *("ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ", "หน่วยงานรับผิดชอบหลัก", "รหัส"),
            ),
            (None, None, None, "(ผลผลิตของโครงการ)", "๒๕๖๖", "๒๕๖๗", "๒๕๖๘", "๒๕๖๙", "๒๕๗๐")
            + (None,) * 4,
            (None,) * 4 + ("(บาท)",) * 5 + (None,) * 4,
        ]
        assert expected == rows[4:7]
        merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
        for cell_range in ("A5:A7", "B5:B7", "C5:C7", "D6:D7", "E5:I5", "J5:J7", "K5:K7", "L5:L7"):
            assert cell_range in merged
        assert sheet.print_area == "'ผ.๐๒'!$A$1:$L$12"

    def test_coordination_and_equipment_forms(self) -> None:
        """ผ.๐๒/๒ says what it is for; ผ.๐๓ has its own columns."""
        book = _book(_register())
        coordination = _rows(book["ผ.๐๒.๒"])
        assert "สำหรับ ประสานโครงการพัฒนาจังหวัด" == coordination[2][0]
        assert "แบบ ผ.๐๒/๒" == coordination[0][11]
        equipment = _rows(book["ผ.๐๓"])
        assert ("บัญชีครุภัณฑ์", "แบบ ผ.๐๓") == (equipment[0][0], equipment[0][10])
        assert ("ที่", "แผนงาน", "หมวด", "ประเภท", "เป้าหมาย", "งบประมาณ") == equipment[4][:6]
        assert ("หน่วยงานรับผิดชอบหลัก", "รหัส") == equipment[4][10:]
        assert "(ผลผลิตของครุภัณฑ์)" == equipment[5][4]
        assert ("๑", "บริหารงานทั่วไป", "ค่าครุภัณฑ์", "ครุภัณฑ์คอมพิวเตอร์") == equipment[8][:4]

    def test_summary_form(self) -> None:
        """ผ.๐๑: ยุทธศาสตร์, ปี YEAR over จำนวนโครงการ and งบประมาณ (บาท), รวม ๕ ปี; totals from ผ.๐๒."""
        rows = _rows(_book(_register())["ผ.๐๑"])
        assert ("บัญชีสรุปโครงการพัฒนา", "แบบ ผ.๐๑") == (rows[0][0], rows[0][12])
        assert ("ยุทธศาสตร์", "ปี ๒๕๖๖", None, "ปี ๒๕๖๗") == rows[4][:4]
        assert "รวม ๕ ปี" == rows[4][11]
        assert ("จำนวนโครงการ", "งบประมาณ (บาท)") == rows[5][1:3]
        assert "ยุทธศาสตร์ที่ ๑ ด้านโครงสร้างพื้นฐาน" == rows[6][0]
        programme = rows[7]
        assert "แผนงานอุตสาหกรรมและการโยธา" == programme[0]
        assert ("๑", 1632820, "๑", 480000, "๑", 250000.5) == programme[1:7]
        assert ("๓", Decimal("2362820.50")) == (programme[11], Decimal(repr(programme[12])))
        assert ["รวม", "รวมทั้งสิ้น"] == [rows[8][0], rows[9][0]]

    def test_arabic_digits_and_as_of(self) -> None:
        """digits='arabic' writes Arabic years and #,##0; as_of adds the day of the data."""
        sheet = _book(_register(), digits="arabic", as_of=dt.date(2026, 12, 1))["ผ.๐๒"]
        assert "ข้อมูล ณ วันที่ 1 ธันวาคม 2569" == sheet["A3"].value
        header = next(row for row in range(1, 12) if sheet.cell(row, 1).value == "ที่")
        assert "2566" == sheet.cell(header + 1, 5).value
        assert "#,##0" == sheet.cell(header + 5, 5).number_format

    def test_sections_and_totals(self) -> None:
        """Projects sit under their strategy and programme; a total row sums each year."""
        rows = _rows(_book(_register())["ผ.๐๒"])
        assert "ยุทธศาสตร์ที่ ๑ ด้านโครงสร้างพื้นฐาน" == rows[7][0]
        assert "แผนงานอุตสาหกรรมและการโยธา" == rows[8][0]
        road, drain, total = rows[9], rows[10], rows[11]
        assert ("๑", "ก่อสร้างถนน คสล. หมู่ที่ ๓\nถนนสายบ้านนาง - บ้านหนอง") == road[:2]
        assert "เพื่อให้ประชาชนสัญจรสะดวก\nเพื่อขนส่งผลผลิตทางการเกษตร" == road[2]
        assert (1632820, "-", 250000.5, "-", "-") == road[4:9]
        assert ("ถนนที่ก่อสร้าง = 1,200 เมตร", "p1") == (road[9], road[12])
        assert ("๒", "p2") == (drain[0], drain[12])
        assert ("รวม ๒ โครงการ", 1632820, 480000, 250000.5, 0, 0) == total[3:9]


class TestRoundTrip:
    """register → xlsx → register loses nothing; what the cells show comes from the cells."""

    def test_example(self) -> None:
        """The small plan comes back equal, budget sources and status history included."""
        register = _register()
        assert register == thaiplan.read_register_xlsx(thaiplan.register_xlsx(register))

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(registers)
    def test_random_registers(self, register: ProjectRegister) -> None:
        """Any register comes back equal, and each project's row shows its fields, cell by cell."""
        data = thaiplan.register_xlsx(register, years=range(2560, 2576))
        assert register == thaiplan.read_register_xlsx(data)
        book = openpyxl.load_workbook(io.BytesIO(data))
        seen = set()
        for sheet in book.worksheets:
            id_col = next(
                (c for c in range(1, sheet.max_column + 1) if sheet.cell(5, c).value == "รหัส"),
                None,
            )
            if id_col is None:
                continue
            equipment = sheet.title == "ผ.๐๓"
            for row in range(8, sheet.max_row + 1):
                ident = sheet.cell(row, id_col).value
                if ident is None:
                    continue
                project = register.project(ident)
                values = cell_values(project, 0, "thai")
                title_col = 4 if equipment else 2
                assert values["title"] == (sheet.cell(row, title_col).value or "")
                assert values["target"] == (sheet.cell(row, 5 if equipment else 4).value or "")
                assert values["responsible"] == (sheet.cell(row, id_col - 1).value or "")
                by_year = project.budget_by_year()
                first = 6 if equipment else 5
                for offset, year in enumerate(range(2560, 2576)):
                    cell = sheet.cell(row, first + offset).value
                    shown = (
                        None
                        if cell == "-"
                        else Decimal(repr(cell))
                        if not isinstance(cell, str)
                        else thaiplan.parse_baht(cell)
                    )
                    assert by_year.get(year) == shown
                seen.add(ident)
        assert {project.id for project in register} == seen

    def test_edit_in_excel_comes_back(self) -> None:
        """A title and an amount changed in Excel are read; the rest stays as the register has it."""
        register = _register()
        book = _book(register)
        sheet = book["ผ.๐๒"]
        sheet["B11"] = "วางท่อระบายน้ำ คสล. หมู่ที่ ๕"
        sheet["F11"] = " 500,000 "
        sheet["E11"] = "๑๒,๕๐๐"
        buffer = io.BytesIO()
        book.save(buffer)
        back = thaiplan.read_register_xlsx(buffer.getvalue())
        drain = back.project("p2")
        assert "วางท่อระบายน้ำ คสล. หมู่ที่ ๕" == drain.title
        assert {2566: Decimal(12500), 2567: Decimal(500000)} == drain.budget_by_year()
        assert back.project("p1") == register.project("p1")
        assert register.trees == back.trees

    def test_deleted_row_is_gone(self) -> None:
        """A project whose row is deleted in Excel is not in the register read back."""
        book = _book(_register())
        book["ผ.๐๒"].delete_rows(11)
        buffer = io.BytesIO()
        book.save(buffer)
        assert ["p1", "p3", "p4"] == [p.id for p in thaiplan.read_register_xlsx(buffer.getvalue())]


class TestBooksByHand:
    """A form sheet typed by hand: no data sheet, no ids, the traps of real books."""

    def _hand_book(self) -> bytes:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "ยุทธ4.1ผง.อุตสาหกรรมและการโยธา"
        sheet["A1"] = "รายละเอียดโครงการพัฒนา"
        sheet["L1"] = "แบบ ผ.02"
        sheet["A2"] = "แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2570) ทบทวน ครั้งที่ 2/2565"
        header = ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย", "งบประมาณ", None, None, None, None]
        header += ["ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ", "หน่วยงานที่รับผิดชอบหลัก"]
        for column, text in enumerate(header, 1):
            sheet.cell(12, column, text)
        sheet["D13"] = "(ผลผลิตของโครงการ)"
        for offset, year in enumerate(YEARS):
            sheet.cell(13, 5 + offset, str(year))
            sheet.cell(14, 5 + offset, "(บาท)")
        sheet["A15"] = "(1) แผนงานอุตสาหกรรมและการโยธา"
        sheet["A15"] = "แผนงานอุตสาหกรรมและการโยธา"
        row = ["1", "ก่อสร้างถนน คสล.", "เพื่อการสัญจร", "ยาว 1,200 ม.", " 1,632,820 ", " -   "]
        row += [None, None, None, "ถนน 1 สาย", "สัญจรสะดวก", "กองช่าง"]
        for column, value in enumerate(row, 1):
            sheet.cell(16, column, value)
        sheet["C17"] = "และขนส่งผลผลิต"  # a continuation row: ที่ empty
        sheet["L17"] = "งานก่อสร้าง"
        sheet["A18"] = "๒"
        sheet["B18"] = "ขุดลอกคลอง"
        sheet["G18"] = 350000
        sheet["D19"] = "รวมงบประมาณ"
        sheet["E19"] = 1632820
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def test_rows_continuations_and_amounts_as_text(self) -> None:
        """Numbered rows are projects, continuation rows extend them, totals are skipped."""
        register = thaiplan.read_register_xlsx(self._hand_book())
        road, canal = register
        assert "ยุทธ4.1ผง.อุตสาหกรรมและการโยธา-16" == road.id
        assert ("ก่อสร้างถนน คสล.", "1") == (road.title, road.item)
        assert ("เพื่อการสัญจร", "และขนส่งผลผลิต") == road.objectives
        assert ("กองช่าง", "งานก่อสร้าง") == road.responsible
        assert {2566: Decimal(1632820)} == road.budget_by_year()
        assert "อุตสาหกรรมและการโยธา" == road.programme
        assert ("ขุดลอกคลอง", "๒", {2568: Decimal(350000)}) == (
            canal.title,
            canal.item,
            canal.budget_by_year(),
        )
        assert [Indicator("ถนน 1 สาย")] == list(road.indicators)

    def test_bad_amount_is_located(self) -> None:
        """An amount that is none is a problem at book!sheet!cell."""
        book = openpyxl.load_workbook(io.BytesIO(self._hand_book()))
        book.active["F16"] = "ห้าแสนบาทเศษ"
        buffer = io.BytesIO()
        book.save(buffer)
        with pytest.raises(
            CalendarFileError, match=re.escape("<bytes>!ยุทธ4.1ผง.อุตสาหกรรมและการโยธา!F16")
        ):
            thaiplan.read_register_xlsx(buffer.getvalue())


class TestBadInput:
    """Wrong inputs get thaiplan errors that say what to do."""

    def test_not_a_book(self) -> None:
        """Bytes that are no xlsx."""
        with pytest.raises(CalendarFileError, match="not an Excel book"):
            thaiplan.read_register_xlsx(b"id,title\n")

    def test_not_a_register(self) -> None:
        """register_xlsx and register_docx take a ProjectRegister."""
        with pytest.raises(ThaiplanTypeError, match="ProjectRegister"):
            thaiplan.register_xlsx([])  # type: ignore[arg-type]
        with pytest.raises(ThaiplanTypeError, match="ProjectRegister"):
            thaiplan.register_docx("register.yaml")  # type: ignore[arg-type]

    def test_budget_outside_the_years(self) -> None:
        """A year without a column would be lost: the writer refuses and says how to fix it."""
        with pytest.raises(ModelError, match=r"budget in 2580.*years="):
            thaiplan.register_xlsx(
                ProjectRegister([Project("p", "ถนน", "local", budget=[BudgetLine(2580, 5)])]),
                years=YEARS,
            )

    def test_no_budget_years(self) -> None:
        """Without a plan's years or any budget the forms have no year columns: say what to pass."""
        register = ProjectRegister([Project("p", "ถนน", "local")])
        for write in (thaiplan.register_xlsx, thaiplan.register_docx, thaiplan.register_html):
            with pytest.raises(ModelError, match=r"pass years="):
                write(register)
        back = thaiplan.read_register_xlsx(thaiplan.register_xlsx(register, years=[2566]))
        assert register == back

    def test_missing_extras(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without openpyxl or python-docx, the error names the pip install."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(ModelError, match=re.escape("pip install 'thaiplan[xlsx]'")):
            thaiplan.register_xlsx(_register())
        with pytest.raises(ModelError, match=re.escape("pip install 'thaiplan[xlsx]'")):
            thaiplan.read_register_xlsx(b"")
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(ModelError, match=re.escape("pip install 'thaiplan[docx]'")):
            thaiplan.register_docx(_register())


class TestDocx:
    """The Word plan book: the same forms, Thai fonts in the complex-script slot."""

    def test_tables(self) -> None:
        """One table a form; the detail header is three rows, merged, repeated on every page."""
        document = docx.Document(io.BytesIO(thaiplan.register_docx(_register())))
        summary, detail, coordination, equipment = document.tables
        assert "ยุทธศาสตร์" == summary.rows[0].cells[0].text
        assert ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย", "งบประมาณ"] == [
            cell.text for cell in detail.rows[0].cells[:5]
        ]
        assert "(ผลผลิตของโครงการ)" == detail.rows[1].cells[3].text
        assert ["๒๕๖๖", "๒๕๖๗", "๒๕๖๘", "๒๕๖๙", "๒๕๗๐"] == [
            c.text for c in detail.rows[1].cells[4:9]
        ]
        assert (
            detail.rows[0].cells[4]._tc is detail.rows[0].cells[8]._tc
        )  # งบประมาณ spans the years
        assert detail.rows[0].cells[0]._tc is detail.rows[2].cells[0]._tc  # ที่ spans three rows
        road = detail.rows[5].cells
        assert ("๑", "๑,๖๓๒,๘๒๐", "-", "๒๕๐,๐๐๐.๕๐") == (
            road[0].text,
            road[4].text,
            road[5].text,
            road[6].text,
        )
        xml = detail._tbl.xml
        assert xml.count("<w:tblHeader") == 3
        assert "ครุภัณฑ์คอมพิวเตอร์" == equipment.rows[4].cells[3].text
        assert "ก่อสร้างสะพานข้ามคลอง" == coordination.rows[4].cells[1].text

    def test_thai_font_in_every_slot(self) -> None:
        """Every run names the font in w:cs, and sets w:szCs, so that Word shows Thai in it."""
        data = thaiplan.register_docx(_register(), font="TH SarabunIT๙")
        document = docx.Document(io.BytesIO(data))
        runs = [
            run
            for table in document.tables
            for row in table.rows
            for cell in row.cells
            for p in cell.paragraphs
            for run in p.runs
        ]
        assert runs
        for run in runs:
            fonts = run._r.rPr.rFonts
            assert "TH SarabunIT๙" == fonts.get(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cs"
            )
            assert (
                run._r.rPr.find(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}szCs"
                )
                is not None
            )

    def test_landscape_a4(self) -> None:
        """The forms are printed on A4 landscape."""
        section = docx.Document(io.BytesIO(thaiplan.register_docx(_register()))).sections[0]
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)


_DRAWING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{anchors}</xdr:wsDr>'
)
_ANCHOR = (
    "<xdr:twoCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff>"
    "<xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col>"
    "<xdr:colOff>0</xdr:colOff><xdr:row>{end}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
    '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{id}" name="TextBox {id}"/>'
    '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/>{paragraphs}'
    "</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
)


def _with_text_boxes(data: bytes, boxes: list[tuple[int, str]], *, doctype: str = "") -> bytes:
    """The book with text boxes drawn on its first sheet, as Excel writes them (hand-written XML)."""
    anchors = "".join(
        _ANCHOR.format(
            row=row - 1,
            end=row,
            id=index + 2,
            paragraphs="".join(
                f"<a:p><a:r><a:t>{line}</a:t></a:r></a:p>" for line in text.split("\n")
            ),
        )
        for index, (row, text) in enumerate(boxes)
    )
    drawing = _DRAWING.format(anchors=anchors)
    if doctype:
        drawing = drawing.replace("?>\n", f"?>\n{doctype}", 1)
    return with_drawing(data, drawing)


class TestRealBookTraps:
    """A synthetic book with every trap of real ones: preamble, merged header, restarts, text boxes."""

    def _book(self) -> bytes:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "ผ.02.2 ประสาน จว"
        preamble = [
            "รายละเอียดโครงการพัฒนา",
            "แผนพัฒนาท้องถิ่น (พ.ศ.2566 - 2570) ทบทวน ครั้งที่ 2/2565",
            "เทศบาลตำบลทดลอง",
            "ก. ยุทธศาสตร์ชาติ 20 ปี ด้านการสร้างความสามารถในการแข่งขัน",
            "ข. แผนพัฒนาจังหวัด ยุทธศาสตร์ที่ 2",
            "ค. ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด ยุทธศาสตร์ที่ 4",
            "",
            "",
            "4. ยุทธศาสตร์พัฒนากายภาพเมือง",
            "    4.1 กลยุทธ์พัฒนาระบบคมนาคม การจราจรและขนส่ง",
            "    (1) แผนงานอุตสาหกรรมและการโยธา",
        ]
        for row, text in enumerate(preamble, 1):
            if text:
                sheet.cell(row, 1, text)
        header = ["ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย", "งบประมาณ", None, None, None, None]
        header += ["ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ", "หน่วยงานที่รับผิดชอบหลัก"]
        for column, text in enumerate(header, 1):
            sheet.cell(12, column, text)
        sheet["D13"] = "(ผลผลิตของโครงการ)"
        for offset, year in enumerate(YEARS):
            sheet.cell(13, 5 + offset, year)
            sheet.cell(14, 5 + offset, "(บาท)")
        for cells in ("A12:A14", "B12:B14", "C12:C14", "D13:D14", "E12:I12", "J12:J14"):
            sheet.merge_cells(cells)
        sheet["A15"], sheet["B15"], sheet["E15"] = 1, "ก่อสร้างระบบระบายน้ำ", " 1,470,000,000 "
        sheet["F15"], sheet["L15"] = " -   ", "กองช่าง"
        sheet["B16"] = "ถนนสายหลัก"  # continuation of the title
        sheet["A17"], sheet["B17"], sheet["G17"] = 2, "ขยายเขตประปา", "10,500,000.00"
        sheet["B18"] = "เพิ่มเติมครั้งที่ 5 / 2567"  # an amendment: numbering restarts
        sheet["A19"], sheet["B19"], sheet["H19"] = 1, "สะพานข้ามแม่น้ำ", "๒๐,๐๐๐,๐๐๐"
        sheet["D20"], sheet["E20"] = "รวมงบประมาณ", 1_470_000_000
        summary = book.create_sheet("ผ.01 สรุป")
        summary["A1"] = "บัญชีสรุปโครงการพัฒนา"
        summary["A5"] = "ยุทธศาสตร์"
        for index, year in enumerate(YEARS):
            summary.cell(5, 2 + 2 * index, f"ปี {year}")
            summary.cell(6, 2 + 2 * index, "จำนวนโครงการ")
            summary.cell(6, 3 + 2 * index, "งบประมาณ (บาท)")
        summary["L5"], summary["L6"], summary["M6"] = "รวม 5 ปี", "จำนวนโครงการ", "งบประมาณ (บาท)"
        summary["A7"] = "4) กายภาพเมือง"
        summary["A8"] = "แผนงานอุตสาหกรรมและการโยธา"
        summary["B8"], summary["C8"] = 1, 1_470_000_000
        stated = ["รวม", 1, 1_470_000_000, None, None, 2, 10_500_000, 1, "20,000,000", None, None]
        for column, value in enumerate(stated, 1):
            summary.cell(9, column, value)
        summary["L9"], summary["M9"] = 4, 1_500_500_000  # the book's own 5-year total: not read
        summary["A10"] = "รวมทั้งสิ้น"
        buffer = io.BytesIO()
        book.save(buffer)
        return _with_text_boxes(
            buffer.getvalue(),
            [
                (1, "แบบ ผ.02/2"),
                (3, "ประชุมสภา 23 กุมภาพันธ์ 2566"),
                (15, "แก้ไข ครั้งที่ 2 / 2568"),
                (17, "ซ้ำลำดับที่ 63"),
                (19, "รวมกับลำดับที่ 2\nพอช.,ท้องถิ่น, ประชาชนสมทบ"),
            ],
        )

    def test_text_boxes_are_read_from_the_drawing(self) -> None:
        """The text boxes openpyxl drops are read from xl/drawings, with their rows."""
        from thaiplan.io._forms_drawings import text_boxes

        boxes = [(box.sheet, box.row, box.text) for box in text_boxes(self._book())]
        assert ("ผ.02.2 ประสาน จว", 1, "แบบ ผ.02/2") == boxes[0]
        assert ("ผ.02.2 ประสาน จว", 19, "รวมกับลำดับที่ 2\nพอช.,ท้องถิ่น, ประชาชนสมทบ") == boxes[4]

    def test_everything_read(self) -> None:
        """Form from the mark, editions, restarts, continuations, strategies, notes, sources."""
        register = thaiplan.read_register_xlsx(self._book())
        drain, water, bridge = register
        assert {thaiplan.ProjectForm.P02_2} == {p.form for p in register}
        assert ("ก่อสร้างระบบระบายน้ำ", "ถนนสายหลัก") == (drain.title, drain.description)
        assert {2566: Decimal(1_470_000_000)} == drain.budget_by_year()
        assert "แก้ไข ครั้งที่ 2 / 2568" == drain.edition
        assert "[amendment] แก้ไข ครั้งที่ 2 / 2568" == drain.notes
        assert ("ทบทวน ครั้งที่ 2/2565", {2568: Decimal(10_500_000)}) == (
            water.edition,
            water.budget_by_year(),
        )
        assert "[duplicate-of] ซ้ำลำดับที่ 63" == water.notes
        assert ("1", "เพิ่มเติมครั้งที่ 5 / 2567") == (bridge.item, bridge.edition)
        assert {2569: Decimal(20_000_000)} == bridge.budget_by_year()
        assert bridge.notes.startswith("[merged-with] รวมกับลำดับที่ 2\n")
        assert {"อุตสาหกรรมและการโยธา"} == {p.programme for p in register}
        assert thaiplan.RowSource("<bytes>", "ผ.02.2 ประสาน จว", 17) == water.source
        tree = register.tree("plan-book")
        assert [("4", "lao_strategy", None), ("4.1", "tactic", "4")] == [
            (node.id, node.kind.value, node.parent) for node in tree
        ]
        assert "กลยุทธ์พัฒนาระบบคมนาคม การจราจรและขนส่ง" == tree.node("4.1").name
        assert tree.notes.startswith("ก. ยุทธศาสตร์ชาติ 20 ปี")
        assert {(("plan-book", "4"), ("plan-book", "4.1"))} == {
            tuple((link.tree, link.node) for link in p.links) for p in register
        }
        assert "ผ.02.2 ประสาน จว: ประชุมสภา 23 กุมภาพันธ์ 2566" == register.notes

    def test_summary_is_checked_against_the_details(self) -> None:
        """ผ.๐๑'s figures become summary rows; validation finds the year it overstates."""
        register = thaiplan.read_register_xlsx(self._book())
        assert [
            ("4", 2566, 1, Decimal(1_470_000_000)),
            ("4", 2568, 2, Decimal(10_500_000)),
            ("4", 2569, 1, Decimal(20_000_000)),
        ] == [(r.node, r.fiscal_year, r.projects, r.budget) for r in register.summary]
        found = [
            f for f in thaiplan.validate(register).findings if f.code == "project-p01-mismatch"
        ]
        assert 1 == len(found)
        assert "states 2 projects for plan-book:4, 2568" in found[0].message_en

    def test_a_doctype_in_a_drawing_is_refused(self) -> None:
        """A drawing part may not declare entities: the file is refused, not expanded."""
        data = _with_text_boxes(
            TestBooksByHand()._hand_book(),
            [(16, "&big;")],
            doctype='<!DOCTYPE wsDr [<!ENTITY big "x">]>',
        )
        with pytest.raises(CalendarFileError, match="document type declaration"):
            thaiplan.read_register_xlsx(data)


class TestWithoutTheDataSheet:
    """A book whose data sheet is gone is read from its cells alone: what they show comes back."""

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(registers)
    def test_visible_fields(self, register: ProjectRegister) -> None:
        """Title, description, objectives, target, budget, indicators, results, units, programme, form."""
        assume(len(register) > 0)
        years = range(2560, 2576)
        book = openpyxl.load_workbook(io.BytesIO(thaiplan.register_xlsx(register, years=years)))
        del book["ข้อมูล"]
        buffer = io.BytesIO()
        book.save(buffer)
        back = thaiplan.read_register_xlsx(buffer.getvalue())
        assert {p.id for p in register} == {p.id for p in back}

        def lines(items: tuple[str, ...]) -> list[str]:
            return [item for item in "\n".join(items).split("\n") if item.strip()]

        for project in register:
            read = back.project(project.id)
            assert (project.form or thaiplan.ProjectForm.P02) == (
                read.form or thaiplan.ProjectForm.P02
            )
            assert project.title == read.title
            assert project.target == read.target
            assert project.budget_by_year() == read.budget_by_year()
            assert lines(project.responsible) == list(read.responsible)
            assert project.programme == read.programme
            if project.form is not thaiplan.ProjectForm.P03:
                assert project.description == read.description
                assert lines(project.objectives) == list(read.objectives)
                assert lines(project.expected_results) == list(read.expected_results)
                shown = [i for i in project.indicators if i.name.strip() or i.target is not None]
                assert [(i.name, i.target) for i in shown] == [
                    (i.name, i.target) for i in read.indicators
                ]
