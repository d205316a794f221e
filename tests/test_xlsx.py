"""Excel books of calendars: the layout cell by cell, reading the seed's table, round trips."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import thaiplan
from thaiplan.errors import CalendarFileError, CellProblem, ModelError
from thaiplan.io._xlsx import calendar_xlsx
from thaiplan.io._xlsx_read import read_calendar_xlsx

from .strategies import calendars

openpyxl = pytest.importorskip("openpyxl")

# The calendar table of the seed (circular ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗, ๕ เมษายน ๒๕๖๑, of
# จังหวัดสมุทรสาคร), row by row, verbatim from the text conversion in
# shared/seed/000_e882f0d035c20451.txt: the ขั้นตอน cell, the วันเดือนปี cell, the
# marked month columns with their mark, and the หน่วยงานที่เกี่ยวข้อง cell (its
# "- " items, which the scan's text joined on one line).
SEED_ROWS = [
    ("phase", "Area Based"),
    ('๑. ข้อมูลปัญหาและความต้องการจากโครงการ ไทยนิยมยั่งยืน และจากหน่วยงานต่าง ๆ', 'ภายใน พ.ค. ๖๑', [('เม.ย.', '↔')], '- ที่ทำการปกครองจังหวัด'),
    ('๒. จัดประชุมประชาคมในพื้นที่ ๓ อำเภอ (ข้อมูลจากการประชุมเชิงปฏิบัติการ “ถอดรหัส การพัฒนาจังหวัดสมุทรสาครเมืองแห่งความสุข (๔ DNA)”)', 'ภายใน พ.ค. ๖๑', [('เม.ย.', '↔')], '- ส่วนราชการในจังหวัด - อำเภอทุกอำเภอ - ผู้แทนภาคประชาชน ภาค ประชาสังคม ภาคเอกชน'),
    ("phase", "Mechanism Setting"),
    ('๓. การประชุมเชื่อมโยงและบูรณาการแผน ในระดับพื้นที่ของจังหวัดสมุทรสาคร', '๔ เม.ย. ๖๑', [('เม.ย.', '●')], '- สำนักงานจังหวัด - ที่ทำการปกครองจังหวัด - สนง.ส่งเสริมการปกครอง ท้องถิ่นจังหวัด - สนง.พัฒนาชุมชนจังหวัด - อำเภอทุกอำเภอ - องค์การบริหารส่วนจังหวัด'),
    ('๔. ปรับปรุงคำสั่งคณะกรรมการบริหารงานจังหวัด แบบบูรณาการ (ก.บ.จ.สค.) และคำสั่ง คณะอนุกรรมการบริหารงานจังหวัดแบบบูรณาการ ตามกลุ่มภารกิจ', 'พ.ค. ๖๑', [('พ.ค.', '↔')], '- สำนักงานจังหวัด'),
    ('๕. ประชุมคณะกรรมการบริหารงานจังหวัด แบบบูรณาการ (ก.บ.จ.สค.)', 'พ.ค. ๖๑', [('พ.ค.', '↔')], '- คณะกรรมการ ก.บ.จ.สค.'),
    ('๖. จัดประชุมเชิงปฏิบัติการเพื่อทบทวนแผนพัฒนา จังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) และแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓ (จัดประชุม ๓ ครั้ง)', 'มิ.ย. ๖๑', [('มิ.ย.', '↔')], '- คณะอนุ ก.บ.จ. ๓ ด้าน - ส่วนราชการในจังหวัด - อำเภอทุกอำเภอ - ผู้แทนภาคประชาชน ภาคประชาสังคม ภาคเอกชน'),
    ("phase", "Strategy Review"),
    ('๗. จัดส่งข้อเสนอโครงการ (Project Idea) - หน่วยงานในจังหวัดส่งข้อเสนอโครงการ (Project Idea) ที่สอดคล้องกับปัญหาความต้องการของประชาชนในพื้นที่และยุทธศาสตร์ระดับชาติ - คณะกรรมการบริหารงานอำเภอ (ก.บ.อ.) จัดส่งข้อเสนอโครงการที่เกินขีดความสามารถของอำเภอให้จังหวัด - องค์กรบริหารส่วนจังหวัดจัดส่งโครงการที่เกินขีดความสามารถให้จังหวัดสมุทรสาคร', 'มิ.ย. - ก.ค. ๖๑', [('ก.ค.', '↔')], '- หน่วยงานในจังหวัด - อำเภอ'),
    ('๘. จัดประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ ตามกลุ่มภารกิจ ๓ ด้าน (จัดประชุมรวม ๑ ครั้ง)', 'ก.ค. ๖๑', [('ก.ค.', '↔')], '- คณะอนุ ก.บ.จ. ๓ ด้าน'),
    ("phase", "Project Formulation"),
    ('๙. หน่วยงานในจังหวัดจัดส่งโครงการเพื่อบรรจุในแผนพัฒนาจังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) และจัดทำโครงการเพื่อขอรับการจัดสรรงบประมาณโครงการตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๓', 'ก.ค. ๖๑', [('ก.ค.', '↔')], '- หน่วยงานในจังหวัด - อำเภอทุกอำเภอ - องค์กรปกครองส่วนท้องถิ่น'),
    ('๑๐. ประชุมเชิงปฏิบัติการการทบทวนแผนพัฒนาจังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) และแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๓', 'ก.ค. ๖๑', [('ก.ค.', '↔')], '- หน่วยงานที่เสนอโครงการ'),
    ('๑๑. ประชุมเชิงปฏิบัติการเพื่อทบทวนยุทธศาสตร์การพัฒนาจังหวัดและจัดทำโครงการที่มีคุณภาพของจังหวัดสมุทรสาคร (คลินิกโครงการ)', 'ก.ค. - ส.ค. ๖๑', [('ก.ค.', '↔')], '- หน่วยงานที่เสนอโครงการ'),
    ("phase", "Strategic Plan Approval"),
    ('๑๒. จัดประชุมคณะอนุกรรมการบริหารงานจังหวัดแบบบูรณาการ ตามกลุ่มภารกิจ ๓ ด้าน เพื่อกลั่นกรองแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓', 'ส.ค. ๖๑', [('ส.ค.', '↔')], '- คณะอนุกรรมการฯ - หน่วยงานที่เสนอโครงการ'),
    ('๑๓. จัดประชุมปรึกษาหารือทุกภาคส่วนตาม มาตรา ๑๙ แห่งพระราชกฤษฎีกาว่าด้วยการบริหารงานจังหวัดและกลุ่มจังหวัดแบบบูรณาการ เพื่อให้ความเห็นเกี่ยวกับแผนพัฒนาจังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)', 'ส.ค. ๖๑', [('ก.ค.', '↔')], '- ทุกภาคส่วนในจังหวัด'),
    ('๑๔. ประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ) เพื่อพิจารณาให้ความเห็นชอบการทบทวนแผนพัฒนาจังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) และแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓', 'ก.ย. ๖๑', [('ส.ค.', '↔')], '- คณะกรรมการ ก.บ.จ. - หน่วยงานที่เสนอโครงการ'),
    ('๑๕. จัดส่งแผนพัฒนาจังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) ฉบับทบทวน และแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓ ให้หน่วยงานส่วนกลาง', 'ต.ค. ๖๑', [('ก.ย.', '↔')], '- สำนักงานจังหวัด'),
]  # fmt: skip
SEED_TITLE = (
    "ปฏิทินการทบทวนแผนพัฒนาจังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) และการจัดทำแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓"
)
MONTHS = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]


def seed_book(*, lines: bool = True, rows: list[tuple[object, ...]] | None = None) -> bytes:
    """The seed's table as an office would type it: a title, merged 2-row header, the footer.

    With ``lines``, each "- " item of a responsible cell is a line of its own (as
    in the Word table); without, the items stay joined on one line, as the scan's
    text has them.
    """
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet["A1"] = SEED_TITLE
    sheet["A2"], sheet["B2"], sheet["C2"], sheet["O2"] = (
        "ขั้นตอน",
        "วันเดือนปี",
        "พ.ศ. ๒๕๖๑",
        "หน่วยงานที่เกี่ยวข้อง",
    )
    for merged in ("A2:A3", "B2:B3", "C2:N2", "O2:O3"):
        sheet.merge_cells(merged)
    for offset, month in enumerate(MONTHS):
        sheet.cell(row=3, column=3 + offset, value=month)
    row = 4
    for entry in rows if rows is not None else SEED_ROWS:
        if entry[0] == "phase":
            sheet.cell(row=row, column=1, value=entry[1])
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=15)
        else:
            label, when, marks, responsible = entry  # type: ignore[misc]
            sheet.cell(row=row, column=1, value=label)
            sheet.cell(row=row, column=2, value=when)
            for month, mark in marks:  # type: ignore[attr-defined]
                sheet.cell(row=row, column=3 + MONTHS.index(month), value=mark)
            if lines:
                responsible = "\n".join(
                    "- " + item for item in str(responsible).removeprefix("- ").split(" - ")
                )
            sheet.cell(row=row, column=15, value=responsible)
        row += 1
    for footer in (
        "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
        "สำนักงานจังหวัดสมุทรสาคร",
        "ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑",
    ):
        sheet.cell(row=row + 1, column=1, value=footer)
        row += 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def shown(calendar: thaiplan.PlanningCalendar) -> tuple[object, ...]:
    """What the book shows of a calendar (the months of the marks, not their spelling)."""
    year = calendar.gantt_year or 0
    return (
        calendar.title,
        calendar.province,
        calendar.fiscal_year,
        calendar.gantt_year,
        calendar.source,
        calendar.phases,
        [(a.id, a.name, a.kind, a.level) for a in calendar.agencies],
        [(c.id, c.name, c.abbreviation, c.level) for c in calendar.committees],
        [
            (s.id, s.no, s.phase, s.title, s.when, sorted(set(s.gantt_months(year))), s.responsible)
            for s in calendar.steps
        ],
    )


@pytest.fixture(scope="module")
def document() -> thaiplan.PlanningDocument:
    return thaiplan.load_document("samut-sakhon-2563")


@pytest.fixture(scope="module")
def book(document: thaiplan.PlanningDocument) -> object:
    return openpyxl.load_workbook(io.BytesIO(calendar_xlsx(document, schedule_columns=True)))


class TestWrite:
    """The book of the seed, opened with openpyxl and checked cell by cell."""

    def test_sheets_and_header(self, book: object) -> None:
        """Three sheets; the header of the seed's table with the BE years over their months."""
        assert ["ปฏิทิน", "ข้อค้นพบ", "ข้อมูล"] == book.sheetnames  # type: ignore[attr-defined]
        sheet = book["ปฏิทิน"]  # type: ignore[index]
        assert SEED_TITLE == sheet["A1"].value
        assert "สมุทรสาคร · ปีงบประมาณ พ.ศ. ๒๕๖๓" == sheet["A2"].value
        assert ("ขั้นตอน", "วันเดือนปี") == (sheet["A3"].value, sheet["B3"].value)
        # s2, a deadline with nothing before it, is scheduled from the calendar's
        # date (ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑), so the months run เม.ย. - ต.ค. ๒๕๖๑
        # (before as_of, the first day was 1 Oct 2560 and they began in ต.ค. ๒๕๖๐).
        assert ("พ.ศ. ๒๕๖๑", None) == (sheet["C3"].value, sheet["D3"].value)
        merged = {str(r) for r in sheet.merged_cells.ranges}
        assert {"A3:A4", "B3:B4", "C3:I3", "J3:J4", "P3:P4"} <= merged
        assert MONTHS[3:10] == [sheet.cell(row=4, column=c).value for c in range(3, 10)]
        assert "หน่วยงานที่เกี่ยวข้อง" == sheet["J3"].value
        assert ["เริ่มได้เร็วสุด", "เสร็จได้เร็วสุด", "เริ่มช้าสุด", "เสร็จช้าสุด", "วันเหลือ (slack)", "รหัส"] == [
            sheet.cell(row=3, column=c).value for c in range(11, 17)
        ]

    def test_rows(self, book: object) -> None:
        """Phase rows, then steps: number and title, when, marks as written, parties as lines."""
        sheet = book["ปฏิทิน"]  # type: ignore[index]
        assert ("Area Based", "area-based") == (sheet["A5"].value, sheet["P5"].value)
        assert "A5:O5" in {str(r) for r in sheet.merged_cells.ranges}
        row6 = [cell.value for cell in sheet[6]]
        assert row6[0].startswith("๑. ข้อมูลปัญหาและความต้องการ")
        assert ("ภายใน พ.ค. ๖๑", "s1") == (row6[1], row6[15])
        assert ["↔"] == [v for v in row6[2:9] if v]
        assert "↔" == sheet["C6"].value  # เม.ย. ๒๕๖๑, as the document marks it
        assert "- ที่ทำการปกครองจังหวัดสมุทรสาคร" == sheet["J6"].value
        # Row heights follow the wrapped text: s1's title takes two lines of its
        # column; s2's three parties take four, the third wrapping once.
        assert (2 * 24, 4 * 24) == (sheet.row_dimensions[6].height, sheet.row_dimensions[7].height)
        assert (
            "- ส่วนราชการในจังหวัด\n- อำเภอทุกอำเภอ\n- ผู้แทนภาคประชาชน ภาคประชาสังคม ภาคเอกชน"
            == sheet["J7"].value
        )
        steps = {sheet.cell(row=r, column=16).value: r for r in range(5, sheet.max_row + 1)}
        assert "●" == sheet.cell(row=steps["s3"], column=3).value  # one day: ●

    def test_every_row(self, book: object, document: thaiplan.PlanningDocument) -> None:
        """Every row of the table, cell by cell, against the calendar and its schedule."""
        calendar = document.calendar
        assert calendar is not None
        result = thaiplan.schedule(document)
        sheet = book["ปฏิทิน"]  # type: ignore[index]
        months = [(2018, m) for m in range(4, 11)]
        titles = {p.id: p.title for p in calendar.phases}
        expected: list[list[object]] = []
        previous = None
        for step in calendar.steps:
            if step.phase != previous:
                expected.append([titles[step.phase], *[None] * 14, step.phase])
                previous = step.phase
            marked = set(step.gantt_months(2561))
            symbol = "●" if step.period.start == step.period.end else "↔"
            bounds = result[step.id]
            names = "\n".join(f"- {calendar.party(p).name}" for p in step.responsible)  # type: ignore[union-attr]
            dates = [
                bounds.earliest_start,
                bounds.earliest_finish,
                bounds.latest_start,
                bounds.latest_finish,
            ]
            expected.append(
                [
                    f"{thaiplan.dates.to_thai_digits(str(step.no))}. {step.title}",
                    step.when,
                    *[symbol if month in marked else None for month in months],
                    names,
                    *[dt.datetime.combine(day, dt.time()) for day in dates],
                    bounds.total_slack,
                    step.id,
                ]
            )
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
        assert expected == rows
        filled = {
            (step_id, months[c - 3])
            for step_id, r in ((row[15], i) for i, row in enumerate(rows, 5))
            for c in range(3, 10)
            if sheet.cell(row=r, column=c).fill.fill_type == "solid" and step_id in result
        }
        bars = {
            (s.id, (d.year, d.month))
            for s in calendar.steps
            for d in (result[s.id].earliest_start, result[s.id].earliest_finish)
        }
        assert bars == filled

    def test_bars_beside_marks(self, book: object) -> None:
        """s13 is marked in ก.ค. and scheduled in ส.ค.: the mark and the bar sit side by side."""
        sheet = book["ปฏิทิน"]  # type: ignore[index]
        row = next(
            r for r in range(5, sheet.max_row + 1) if sheet.cell(row=r, column=16).value == "s13"
        )
        july, august = sheet.cell(row=row, column=6), sheet.cell(row=row, column=7)
        assert ("↔", None) == (july.value, august.value)
        assert "00BDD7EE" == august.fill.fgColor.rgb
        assert july.fill.fill_type is None
        assert dt.datetime(2018, 8, 2) == sheet.cell(row=row, column=11).value
        assert "[$-D07041E]d mmm yy" == sheet.cell(row=row, column=11).number_format

    def test_font_print_and_panes(self, book: object) -> None:
        """TH SarabunPSK with the Thai character set; A4 landscape; headers frozen and repeated."""
        sheet = book["ปฏิทิน"]  # type: ignore[index]
        font = sheet["A6"].font
        assert ("TH SarabunPSK", 222, 2.0) == (font.name, font.charset, font.family)
        assert ("9", "landscape") == (str(sheet.page_setup.paperSize), sheet.page_setup.orientation)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert "C5" == sheet.freeze_panes
        assert "$3:$4" == sheet.print_title_rows

    def test_findings_and_data(self, book: object) -> None:
        """The findings sheet lists the seed's misplaced marks; the data sheet keys the format."""
        findings = book["ข้อค้นพบ"]  # type: ignore[index]
        rows = [[c.value for c in row] for row in findings.iter_rows(min_row=2)]
        assert any(r[0] == "gantt-outside-period" and r[2] == "s13" for r in rows)
        data = book["ข้อมูล"]  # type: ignore[index]
        assert ("thaiplan-calendar-xlsx/1", 2563, 2561) == (
            data["B1"].value,
            data["B4"].value,
            data["B5"].value,
        )

    def test_text_stays_text(self) -> None:
        """A title that looks like a formula or a number is written as text."""
        step = thaiplan.Step("a", None, "p", "=SUM(A1:A2)", "พ.ค. ๖๑")
        calendar = thaiplan.PlanningCalendar("1e3", "74", 2563, [thaiplan.Phase("p", "P")], [step])
        sheet = openpyxl.load_workbook(io.BytesIO(calendar_xlsx(calendar)))["ปฏิทิน"]
        assert ("1e3", "=SUM(A1:A2)", "s") == (
            sheet["A1"].value,
            sheet["A6"].value,
            sheet["A6"].data_type,
        )

    def test_bad_text_and_bare_marks(self) -> None:
        """A control character, or a bare month with no gantt_year, is a ModelError naming it."""
        step = thaiplan.Step("a", 1, "p", "x\x00y", "พ.ค. ๖๑")
        calendar = thaiplan.PlanningCalendar("t", "74", 2563, [thaiplan.Phase("p", "P")], [step])
        with pytest.raises(ModelError, match=r"step a's title: .*U\+0000 at position 1"):
            calendar_xlsx(calendar)
        bare = attrs.evolve(calendar, steps=[attrs.evolve(step, title="x", gantt=["เม.ย."])])
        with pytest.raises(ModelError, match="no gantt_year; set gantt_year"):
            calendar_xlsx(bare)

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without openpyxl, the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(ModelError, match=re.escape("pip install 'thaiplan[xlsx]'")):
            calendar_xlsx(thaiplan.load_calendar("samut-sakhon-2563"))
        with pytest.raises(ModelError, match=re.escape("pip install 'thaiplan[xlsx]'")):
            read_calendar_xlsx(b"")

    def test_import_stays_light(self) -> None:
        """``import thaiplan`` imports neither openpyxl nor python-docx."""
        code = "import sys, thaiplan; print([m for m in ('openpyxl', 'docx') if m in sys.modules])"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]\n" == result.stdout


class TestReadSeedLayout:
    """The seed's own table, typed into a book, read against the built-in document."""

    @pytest.mark.parametrize("lines", [True, False])
    def test_reads_the_seed(self, document: thaiplan.PlanningDocument, lines: bool) -> None:
        """Every step comes back as transcribed: number, title, when, marks, parties by name."""
        calendar = read_calendar_xlsx(seed_book(lines=lines), like=document)
        builtin = document.calendar
        assert builtin is not None
        fields = ("id", "no", "phase", "title", "when", "gantt", "responsible")
        assert [tuple(getattr(s, f) for f in fields) for s in builtin.steps] == [
            tuple(getattr(s, f) for f in fields) for s in calendar.steps
        ]
        assert (SEED_TITLE, "สมุทรสาคร", 2563, 2561) == (
            calendar.title,
            calendar.province,
            calendar.fiscal_year,
            calendar.gantt_year,
        )
        assert builtin.phases == calendar.phases  # the footer lines are no phases

    def test_without_like(self) -> None:
        """Without a reference, parties are made from the names, phases from the titles."""
        calendar = read_calendar_xlsx(seed_book(), province="สมุทรสาคร")
        assert 2563 == calendar.fiscal_year  # from the title: ปีงบประมาณ พ.ศ. ๒๕๖๓
        assert "area-based" == calendar.phases[0].id
        s3 = calendar.step("s3")
        names = [calendar.party(p).name for p in s3.responsible]  # type: ignore[union-attr]
        assert "สนง.ส่งเสริมการปกครอง ท้องถิ่นจังหวัด" == names[2]
        assert ("เม.ย.",) == s3.gantt

    def test_problems_are_located(self, document: thaiplan.PlanningDocument) -> None:
        """A bad period, an unknown mark and a misspelt party: each at its cell, all at once."""
        rows = list(SEED_ROWS[:3])
        rows[1] = (rows[1][0], "มิย ๖๑x", [("เม.ย.", "?")], "- ที่ทำการปกครองจังหวัด")
        rows[2] = (rows[2][0], rows[2][1], rows[2][2], "- ส่วนราชการในจังหวัค")
        with pytest.raises(CalendarFileError) as caught:
            read_calendar_xlsx(seed_book(rows=rows), like=document)
        problems = caught.value.problems
        assert ["<bytes>!Sheet1!B5", "<bytes>!Sheet1!F5", "<bytes>!Sheet1!O6"] == [
            str(p).split(": ")[0] for p in problems
        ]
        assert all(isinstance(p, CellProblem) for p in problems)
        assert "unknown mark '?'" in str(problems[1])
        assert "did you mean 'ส่วนราชการในจังหวัด'?" in str(problems[2])

    def test_unreadable(self, tmp_path: object) -> None:
        """A missing file, a file that is not a book, a book without a table."""
        with pytest.raises(CalendarFileError, match="cannot read"):
            read_calendar_xlsx(f"{tmp_path}/none.xlsx")
        with pytest.raises(CalendarFileError, match="not an xlsx file"):
            read_calendar_xlsx(b"not a zip")
        empty = io.BytesIO()
        openpyxl.Workbook().save(empty)
        with pytest.raises(CalendarFileError, match="no cell 'ขั้นตอน'"):
            read_calendar_xlsx(empty.getvalue())
        with pytest.raises(CalendarFileError, match="does not say the province"):
            read_calendar_xlsx(seed_book())


_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# what XML cannot hold, and the control characters a calendar file refuses
_NOT_IN_FILES = re.compile(f"{_NOT_XML.pattern}|[\x7f-\x9f]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _clean_all(value: object) -> object:
    if isinstance(value, str):
        return _NOT_IN_FILES.sub("", value)
    if isinstance(value, list):
        return [_clean_all(item) for item in value]
    if isinstance(value, dict):
        return {key: _clean_all(item) for key, item in value.items()}
    return value


def clean(calendar: thaiplan.PlanningCalendar) -> thaiplan.PlanningCalendar:
    """The calendar without the characters an xlsx or XML file cannot hold (a ModelError on writing)."""
    data = json.loads(thaiplan.dumps_calendar(calendar, format="json"))
    return thaiplan.loads_calendar(json.dumps(_clean_all(data), ensure_ascii=False))


def tableable(calendar: thaiplan.PlanningCalendar) -> thaiplan.PlanningCalendar:
    """A random calendar whose table tells its parties apart.

    The table names parties by name, one a line, so they get distinct one-line
    names; a step without a number has no title that reads as ``1. ...``; texts
    lose the control characters an xlsx file cannot hold (a ModelError, tested
    above); and bare Gantt months need the calendar's gantt_year.
    """

    def line(text: str, index: int) -> str:
        return f"{' '.join(_clean(text).split()).lstrip('-•●▪ ')} #{index}"

    agencies = [
        attrs.evolve(a, name=line(a.name, i), corrections=())
        for i, a in enumerate(calendar.agencies)
    ]
    start = len(agencies)
    committees = [
        attrs.evolve(
            c,
            name=line(c.name, start + i),
            abbreviation=line(c.abbreviation, -1 - i) if c.abbreviation else "",
        )
        for i, c in enumerate(calendar.committees)
    ]
    steps = []
    for step in calendar.steps:
        title = _clean(step.title)
        if step.no is None and re.match("[0-9๐-๙]+\\. ", title):
            title = "ก" + title
        gantt = step.gantt if calendar.gantt_year else [m for m in step.gantt if " " in m]
        steps.append(attrs.evolve(step, title=title, gantt=gantt))
    phases = [
        attrs.evolve(p, title=_clean(p.title), title_th=_clean(p.title_th)) for p in calendar.phases
    ]
    return attrs.evolve(
        calendar,
        title=_clean(calendar.title),
        source=_clean(calendar.source),
        phases=phases,
        steps=steps,
        agencies=agencies,
        committees=committees,
    )


class TestRoundTrip:
    """calendar -> xlsx -> calendar keeps everything the table shows."""

    def test_builtin(self, document: thaiplan.PlanningDocument) -> None:
        """The seed's calendar comes back as it went."""
        assert document.calendar is not None
        assert shown(document.calendar) == shown(read_calendar_xlsx(calendar_xlsx(document)))

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(calendars(max_steps=5, calendar_keys=False))
    def test_random_calendars(self, calendar: thaiplan.PlanningCalendar) -> None:
        """Random calendars, Thai and tricky text included, come back as they went: every key."""
        calendar = clean(tableable(calendar))
        again = read_calendar_xlsx(calendar_xlsx(calendar, findings=False))
        assert calendar == again
