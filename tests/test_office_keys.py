"""Excel books and MS Project XML carry every calendar and step key: lossless round trips."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thaiplan
from thaiplan import PlanningCalendar
from thaiplan.errors import CalendarFileError

from .strategies import acyclic_calendars, calendars, with_step_keys
from .test_xlsx import clean, tableable

openpyxl = pytest.importorskip("openpyxl")

NATIONAL = """
format: thaiplan-calendar/1
title: ปฏิทินงบประมาณรายจ่ายประจำปี
scope: national
recurs: yearly
as_of: ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑
id: budget
notes: ปฏิทินประจำปี
source: สำนักงบประมาณ
phases: [{id: p, title: งบประมาณ}]
steps:
  - {id: r1, no: 1, phase: p, title: ส่วนราชการจัดทำคำของบประมาณ, when: ภายในวันที่ ๑๕ สิงหาคม}
  - id: r2
    no: 2
    phase: p
    title: สภาพิจารณา
    when: ภายใน 15 กันยายน
    after: [{step: r1, lag: 3, unit: working_days, reason: ส่งก่อน, within: 20}]
    duration: ไม่น้อยกว่าสามสิบวัน
    optional: true
    feeds: [budget-2569:s1]
  - {id: r3, no: 3, phase: p, title: ประกาศใช้, when: ภายใน 1 ตุลาคม, before: [{step: r4, lag: 2}]}
  - {id: r4, no: 4, phase: p, title: แจ้งหน่วยงาน, when: ต.ค., year: 2566}
"""


def national() -> PlanningCalendar:
    """A national budget calendar written without years: a standing template, with the new keys."""
    return thaiplan.loads_calendar(NATIONAL)


class TestExcel:
    """calendar → xlsx → calendar keeps every key."""

    def test_a_national_template(self) -> None:
        """Yearless dates, scope, recurs, as_of, id and every step key come back."""
        calendar = national()
        again = thaiplan.read_calendar_xlsx(thaiplan.calendar_xlsx(calendar, findings=False))
        assert calendar == again

    def test_the_data_sheet(self) -> None:
        """The keys are in the data sheet, named; the steps' keys in a table of their own."""
        import io

        data = thaiplan.calendar_xlsx(national(), findings=False)
        sheet = openpyxl.load_workbook(io.BytesIO(data))["ข้อมูล"]
        column_a = [sheet.cell(row, 1).value for row in range(1, sheet.max_row + 1)]
        assert ("ขอบเขต (scope)", "national") == (sheet["A7"].value, sheet["B7"].value)
        assert "ปฏิทินประจำ (recurs)" in column_a
        start = column_a.index("ขั้นตอน (steps)") + 2
        header = [sheet.cell(start, c).value for c in range(1, sheet.max_column + 1)]
        row = {k: sheet.cell(start + 2, c + 1).value for c, k in enumerate(header) if k}
        assert "r2" == row["รหัส (id)"]
        assert "ไม่น้อยกว่าสามสิบวัน" == row["duration"]
        assert row["optional"] is True
        assert [{"step": "r1", "lag": 3, "unit": "working_days", "reason": "ส่งก่อน"}] == [
            {k: v for k, v in d.items() if k != "within"} for d in json.loads(row["after"])
        ]

    def test_bad_keys_are_located(self) -> None:
        """A key that is no JSON, or that its field refuses, is a problem at its cell."""
        import io

        data = thaiplan.calendar_xlsx(national(), findings=False)
        book = openpyxl.load_workbook(io.BytesIO(data))
        sheet = book["ข้อมูล"]
        sheet["B7"] = "planetary"
        column_a = [sheet.cell(row, 1).value for row in range(1, sheet.max_row + 1)]
        start = column_a.index("ขั้นตอน (steps)") + 2
        header = [sheet.cell(start, c).value for c in range(1, sheet.max_column + 1)]
        after = header.index("after") + 1
        sheet.cell(start + 2, after).value = "[{"
        buffer = io.BytesIO()
        book.save(buffer)
        with pytest.raises(CalendarFileError) as caught:
            thaiplan.read_calendar_xlsx(buffer.getvalue())
        places = {(p.sheet, p.cell) for p in caught.value.problems}  # type: ignore[attr-defined]
        letter = openpyxl.utils.get_column_letter(after)
        assert {("ข้อมูล", "B7"), ("ข้อมูล", f"{letter}{start + 2}")} <= places

    def test_edited_marks_win(self) -> None:
        """Marks as written come back where the table shows their months; an edited table wins."""
        import io

        from thaiplan.io._xlsx_read import read_calendar_xlsx

        calendar = thaiplan.load_calendar("samut-sakhon-2563")
        data = thaiplan.calendar_xlsx(calendar, findings=False)
        assert calendar == read_calendar_xlsx(data)
        book = openpyxl.load_workbook(io.BytesIO(data))
        sheet = book["ปฏิทิน"]
        row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Area Based")
        marked = [c for c in range(3, 20) if sheet.cell(row + 1, c).value]
        sheet.cell(row + 1, marked[0]).value = None
        sheet.cell(row + 1, marked[0] + 1).value = "↔"
        buffer = io.BytesIO()
        book.save(buffer)
        assert ("พ.ค.",) == read_calendar_xlsx(buffer.getvalue()).step("s1").gantt

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(calendars(max_steps=4).flatmap(with_step_keys))
    def test_random_calendars(self, calendar: PlanningCalendar) -> None:
        """Random calendars with scope, year, recurs, as_of and the new step keys come back equal."""
        calendar = clean(tableable(calendar))
        again = thaiplan.read_calendar_xlsx(thaiplan.calendar_xlsx(calendar, findings=False))
        assert calendar == again


def _mspdi_round(calendar: PlanningCalendar) -> PlanningCalendar:
    return thaiplan.read_calendar_mspdi(thaiplan.calendar_mspdi(calendar).encode())


class TestMsProject:
    """calendar → MSPDI → calendar keeps every key."""

    def test_a_national_template(self) -> None:
        """Yearless dates, scope, recurs, as_of, id and every step key come back."""
        calendar = national()
        assert calendar == _mspdi_round(calendar)

    def test_the_seed(self) -> None:
        """The seed's calendar comes back equal, parties and all, without like=."""
        calendar = thaiplan.load_calendar("samut-sakhon-2563")
        assert calendar == _mspdi_round(calendar)

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        acyclic_calendars(max_steps=5).flatmap(with_step_keys),
        st.sampled_from(["national", "local", "province"]),
    )
    def test_random_calendars(self, calendar: PlanningCalendar, scope: str) -> None:
        """Random calendars with the new keys, of any scope, come back equal."""
        import attrs

        calendar = clean(attrs.evolve(calendar, scope=scope))
        assert calendar == _mspdi_round(calendar)


class TestMsProjectEdits:
    """What was edited in Project wins over the keys carried in the project's notes."""

    def test_an_edited_link(self) -> None:
        """A lag changed in Project is read from the link; the other steps keep their keys."""
        calendar = national()
        xml = thaiplan.calendar_mspdi(calendar)
        # r2 follows r1 by 3 working days (12,600 tenths of a minute); make it 5
        edited = xml.replace("<LinkLag>12600</LinkLag>", "<LinkLag>21000</LinkLag>", 1)
        again = thaiplan.read_calendar_mspdi(edited.encode())
        assert [(d.step, d.lag, d.unit.value, d.reason) for d in again.step("r2").after] == [
            ("r1", 5, "working_days", "")
        ]
        assert calendar.step("r3").before == again.step("r3").before
        assert calendar.step("r2").duration_text == again.step("r2").duration_text

    def test_broken_keys_are_located(self) -> None:
        """Keys in the project's notes that are no JSON are a problem at their line and column."""
        xml = thaiplan.calendar_mspdi(national())
        broken = xml.replace(
            '{"format":"thaiplan-mspdi-keys/1"', '{"format":"thaiplan-mspdi-keys/1",,', 1
        )
        with pytest.raises(CalendarFileError) as caught:
            thaiplan.read_calendar_mspdi(broken.encode())
        problem = caught.value.problems[0]
        assert "not JSON" in problem.message
        line = next(
            n for n, text in enumerate(broken.splitlines(), 1) if "thaiplan-mspdi-keys" in text
        )
        assert line == problem.line


def test_a_deleted_step_is_reported() -> None:
    """A step's row deleted from the table while another's after names it: a problem at the data sheet."""
    import io

    book = openpyxl.load_workbook(io.BytesIO(thaiplan.calendar_xlsx(national(), findings=False)))
    sheet = book["ปฏิทิน"]
    row = next(
        r for r in range(1, sheet.max_row + 1) if str(sheet.cell(r, 1).value).startswith("๑.")
    )
    sheet.delete_rows(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(CalendarFileError) as caught:
        thaiplan.read_calendar_xlsx(buffer.getvalue())
    (problem,) = caught.value.problems
    assert "ข้อมูล" == problem.sheet  # type: ignore[attr-defined]
    assert "its after names 'r1', which is no step of the table" in problem.message


def test_a_task_deleted_in_project() -> None:
    """A task deleted in Project: the `before` that named it goes with it."""
    import re

    xml = thaiplan.calendar_mspdi(national())
    task = re.search(r"<Task>\s*<UID>4</UID>.*?</Task>\s*", xml, flags=re.S)
    assert task is not None
    without = xml.replace(task.group(), "")
    again = thaiplan.read_calendar_mspdi(without.encode())
    assert ("r1", "r2", "r3") == tuple(step.id for step in again.steps)
    assert () == again.step("r3").before
