"""Text boxes written into plan books (thaiplan.io._forms_boxes): structure, rows, round trips."""

from __future__ import annotations

import io
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import registers
from thaiplan import BudgetLine, Project, ProjectRegister
from thaiplan.io._forms_boxes import note_boxes, overlay_notes
from thaiplan.io._forms_drawings import classify, text_boxes

from .test_forms import TestRealBookTraps

XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# The children of a worksheet in the order of CT_Worksheet (ECMA-376 Part 1, §18.3.1.99).
WORKSHEET_ORDER = [
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
    "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
    "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
    "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
    "controls", "webPublishItems", "tableParts", "extLst",
]  # fmt: skip

NOTES = "เดิม\n[amendment] แก้ไข ครั้งที่ ๒ / ๒๕๖๘\n[duplicate-of] ซ้ำลำดับที่ ๖๓"


def _register() -> ProjectRegister:
    return ProjectRegister(
        [
            Project("p1", "ถนน คสล. หมู่ที่ ๓", "local", budget=[BudgetLine(2566, 5)], notes=NOTES),
            Project(
                "p2",
                "ขยายเขตประปา",
                "local",
                budget=[BudgetLine(2567, 7)],
                notes="[sent-to-p02-2] ไปประสาน ๐๒/๒ & <อบจ.>\n\nบรรทัดที่สาม",
            ),
            Project("p3", "สะพาน", "local", budget=[BudgetLine(2566, 1)]),
        ]
    )


def _rows_of_ids(data: bytes) -> dict[tuple[str, int], str]:
    """(sheet, row) → the project id in the รหัส column, for every form sheet."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    found = {}
    for sheet in book.worksheets:
        header = next((row for row in range(1, 20) if sheet.cell(row, 1).value == "ที่"), None)
        if header is None:
            continue
        column = next(
            c for c in range(1, sheet.max_column + 1) if sheet.cell(header, c).value == "รหัส"
        )
        for row in range(header + 3, sheet.max_row + 1):
            value = sheet.cell(row, column).value
            if value:
                found[(sheet.title, row)] = value
    return found


class TestNotesAndBoxes:
    """Which entries of the notes are boxes, and how boxes found overlay the notes."""

    def test_entries(self) -> None:
        """A multi-line entry is one box; a kind its text would not be read as is a plain line."""
        notes = "[moved-to] ย้ายไป ผ.๐๓\nบรรทัดสอง\n[note] ดู\n[note]  ช่องว่าง\n[amendment] ซ้ำ"
        assert ["ย้ายไป ผ.๐๓\nบรรทัดสอง", "ดู"] == note_boxes(notes)

    def test_overlay(self) -> None:
        """As drawn: unchanged; a box gone: its entry dropped; a new box: added at the end."""
        entries = ["[amendment] แก้ไข ครั้งที่ ๒ / ๒๕๖๘", "[duplicate-of] ซ้ำลำดับที่ ๖๓"]
        assert NOTES == overlay_notes(NOTES, entries)
        assert "เดิม\n[duplicate-of] ซ้ำลำดับที่ ๖๓" == overlay_notes(NOTES, entries[1:])
        assert f"{NOTES}\n[note] ใหม่" == overlay_notes(NOTES, [*entries, "[note] ใหม่"])
        assert "เดิม" == overlay_notes(NOTES, [])

    @given(st.lists(st.sampled_from(["เดิม", "", "[note] ก", "[amendment] แก้ไข ครั้งที่ ๑", "x"])))
    def test_overlay_of_what_was_drawn(self, lines: list[str]) -> None:
        """Any notes under the boxes drawn of them come back as they were."""
        notes = "\n".join(lines)
        drawn = [f"[{classify(text)}] {text}" for text in note_boxes(notes)]
        assert notes == overlay_notes(notes, drawn)


class TestWritten:
    """register_xlsx draws each annotation as a text box on its project's row."""

    def test_boxes_on_their_rows(self) -> None:
        """Every box starts on the row of the project it annotates, with its text intact."""
        data = thaiplan.register_xlsx(_register(), years=[2566, 2567])
        rows = _rows_of_ids(data)
        found = [(rows[(box.sheet, box.row)], box.text) for box in text_boxes(data)]
        assert [
            ("p1", "แก้ไข ครั้งที่ ๒ / ๒๕๖๘"),
            ("p1", "ซ้ำลำดับที่ ๖๓"),
            ("p2", "ไปประสาน ๐๒/๒ & <อบจ.>\n\nบรรทัดที่สาม"),
        ] == found

    def test_drawing_structure(self) -> None:
        """The parts, relationships, content type and elements of SpreadsheetML drawing."""
        data = thaiplan.register_xlsx(_register(), years=[2566, 2567])
        package = zipfile.ZipFile(io.BytesIO(data))
        assert "xl/drawings/drawing1.xml" in package.namelist()
        types = ET.fromstring(package.read("[Content_Types].xml"))
        assert "application/vnd.openxmlformats-officedocument.drawing+xml" == next(
            o.get("ContentType")
            for o in types.iter(f"{TYPES}Override")
            if o.get("PartName") == "/xl/drawings/drawing1.xml"
        )
        workbook = ET.fromstring(package.read("xl/workbook.xml"))
        rels = ET.fromstring(package.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PKG}Relationship")}
        sheet_id = next(
            s.get(f"{REL}id") for s in workbook.iter(f"{MAIN}sheet") if s.get("name") == "ผ.๐๒"
        )
        part = "xl/" + str(targets[sheet_id]).removeprefix("/xl/")
        sheet = ET.fromstring(package.read(part))
        names = [child.tag.removeprefix(MAIN) for child in sheet]
        assert names == sorted(names, key=WORKSHEET_ORDER.index)  # the schema's order
        drawing = sheet.find(f"{MAIN}drawing")
        assert drawing is not None
        folder, file = part.rsplit("/", 1)
        sheet_rels = ET.fromstring(package.read(f"{folder}/_rels/{file}.rels"))
        link = next(
            r
            for r in sheet_rels.iter(f"{PKG}Relationship")
            if r.get("Id") == drawing.get(f"{REL}id")
        )
        assert link.get("Type", "").endswith("/relationships/drawing")
        assert "../drawings/drawing1.xml" == link.get("Target")
        root = ET.fromstring(package.read("xl/drawings/drawing1.xml"))  # well formed
        assert f"{XDR}wsDr" == root.tag
        assert 3 == len(root)
        for anchor in root:
            assert f"{XDR}twoCellAnchor" == anchor.tag
            assert [f"{XDR}from", f"{XDR}to", f"{XDR}sp", f"{XDR}clientData"] == [
                c.tag for c in anchor
            ]
            for corner in (anchor[0], anchor[1]):
                assert [f"{XDR}col", f"{XDR}colOff", f"{XDR}row", f"{XDR}rowOff"] == [
                    c.tag for c in corner
                ]
            assert int(anchor[1].findtext(f"{XDR}row") or 0) > int(
                anchor[0].findtext(f"{XDR}row") or 0
            )
            shape = anchor[2]
            assert [f"{XDR}nvSpPr", f"{XDR}spPr", f"{XDR}txBody"] == [c.tag for c in shape]
            assert "1" == shape.find(f"{XDR}nvSpPr/{XDR}cNvSpPr").get("txBox")  # type: ignore[union-attr]
            body = shape[2]
            assert [f"{A}bodyPr", f"{A}lstStyle"] == [c.tag for c in body][:2]
            assert {f"{A}p"} == {c.tag for c in body[2:]}
            for run in body.iter(f"{A}rPr"):
                assert "th-TH" == run.get("lang")
                assert "TH SarabunPSK" == run.find(f"{A}cs").get("typeface")  # type: ignore[union-attr]
        ids = [a.find(f"{XDR}sp/{XDR}nvSpPr/{XDR}cNvPr").get("id") for a in root]  # type: ignore[union-attr]
        assert len(set(ids)) == len(ids)

    def test_opens_with_openpyxl_and_the_trap(self) -> None:
        """The book opens in openpyxl without a warning; saved again by it, it has no box (the trap).

        A sheet left with no box at all keeps the notes of the data sheet.
        """
        data = thaiplan.register_xlsx(_register(), years=[2566, 2567])
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            book = openpyxl.load_workbook(io.BytesIO(data))
        assert "ถนน คสล. หมู่ที่ ๓" == book["ผ.๐๒"]["B8"].value
        buffer = io.BytesIO()
        book.save(buffer)
        assert [] == text_boxes(buffer.getvalue())
        # the notes are in the data sheet still, and come back; a book written again has the boxes
        again = thaiplan.read_register_xlsx(buffer.getvalue())
        assert NOTES == again.project("p1").notes
        assert 3 == len(text_boxes(thaiplan.register_xlsx(again, years=[2566, 2567])))

    def test_no_annotation_no_drawing(self) -> None:
        """A register without annotations gets no drawing part."""
        register = ProjectRegister([Project("p1", "ถนน", "local", notes="เดิม")])
        package = zipfile.ZipFile(io.BytesIO(thaiplan.register_xlsx(register, years=[2566])))
        assert not [name for name in package.namelist() if "drawing" in name]


def _edit_drawing(data: bytes, edit: object) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/drawings/drawing1.xml":
                content = edit(content.decode()).encode()  # type: ignore[operator]
            target.writestr(info, content)
    return buffer.getvalue()


class TestRoundTrips:
    """book → read_register_xlsx → register_xlsx → read again keeps every annotation on its row."""

    def test_a_real_books_boxes(self) -> None:
        """The traps book's boxes come back on the rows of their projects, written and read again."""
        first = thaiplan.read_register_xlsx(TestRealBookTraps()._book())
        data = thaiplan.register_xlsx(first)
        second = thaiplan.read_register_xlsx(data)
        assert first == second
        rows = _rows_of_ids(data)
        drawn = {(rows[(box.sheet, box.row)], box.text) for box in text_boxes(data)}
        assert {
            ("ผ.02.2_ประสาน_จว-15", "แก้ไข ครั้งที่ 2 / 2568"),
            ("ผ.02.2_ประสาน_จว-17", "ซ้ำลำดับที่ 63"),
            ("ผ.02.2_ประสาน_จว-19", "รวมกับลำดับที่ 2\nพอช.,ท้องถิ่น, ประชาชนสมทบ"),
        } == drawn
        third = thaiplan.read_register_xlsx(thaiplan.register_xlsx(second))
        assert second == third

    def test_edited_and_deleted_boxes(self) -> None:
        """A box edited in Excel changes its note; a box deleted drops it."""
        data = thaiplan.register_xlsx(_register(), years=[2566, 2567])
        edited = _edit_drawing(data, lambda xml: xml.replace("๖๓", "๖๔"))
        assert NOTES.replace("๖๓", "๖๔") == thaiplan.read_register_xlsx(edited).project("p1").notes

        def drop_first(xml: str) -> str:
            return re.sub(r"<xdr:twoCellAnchor>.*?</xdr:twoCellAnchor>", "", xml, count=1)

        deleted = thaiplan.read_register_xlsx(_edit_drawing(data, drop_first))
        assert "เดิม\n[duplicate-of] ซ้ำลำดับที่ ๖๓" == deleted.project("p1").notes
        assert _register().project("p2") == deleted.project("p2")

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        registers,
        st.lists(
            st.lists(
                st.sampled_from(
                    [
                        "[amendment] แก้ไข ครั้งที่ ๒ / ๒๕๖๘",
                        "[duplicate-of] ซ้ำลำดับที่ ๖๓",
                        "[merged-with] รวมกับลำดับที่ ๒\nพอช., ท้องถิ่น",
                        "[moved-to] ย้ายไป ผ.๐๓",
                        "[sent-to-p02-2] ไปประสาน 02/2",
                        "[note] ประชุมสภา ๒๓ กุมภาพันธ์ ๒๕๖๖",
                        "ข้อความเดิม",
                    ]
                ),
                max_size=3,
            ),
            max_size=6,
        ),
    )
    def test_random_registers(self, register: ProjectRegister, notes: list[list[str]]) -> None:
        """Random registers with annotations: every box on its project's row, and back as they went."""
        projects = [
            attrs.evolve(p, notes="\n".join([p.notes, *extra]).strip("\n"))
            for p, extra in zip(register, [*notes, *[[]] * len(register)], strict=False)
        ]
        register = ProjectRegister(
            projects,
            register.trees,
            register.plans,
            register.summary,
            register.name,
            register.notes,
        )
        data = thaiplan.register_xlsx(register, years=range(2560, 2576))
        assert register == thaiplan.read_register_xlsx(data)
        rows = _rows_of_ids(data)
        drawn = [(rows[(box.sheet, box.row)], box.text) for box in text_boxes(data)]
        assert sorted(drawn) == sorted(
            (p.id, text) for p in register for text in note_boxes(p.notes)
        )


def test_missing_sheet_is_refused() -> None:
    """A box for a sheet the book does not have is a ModelError, not a broken file."""
    from thaiplan.errors import ModelError
    from thaiplan.io._forms_boxes import Box, add_text_boxes

    data = thaiplan.register_xlsx(_register(), years=[2566, 2567])
    with pytest.raises(ModelError, match="no sheet 'ไม่มี'"):
        add_text_boxes(data, [Box("ไม่มี", 3, 3, "x")], "TH SarabunPSK")
