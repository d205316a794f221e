"""Word calendars read back (thaiplan.io._docx_read): the written table, an office's table, problems."""

from __future__ import annotations

import io

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thaiplan
from thaiplan.errors import CalendarFileError, CellProblem

from .strategies import acyclic_calendars, texts
from .test_xlsx import SEED_ROWS, SEED_TITLE, shown

docx = pytest.importorskip("docx")


def _office_table(rows: list[tuple[object, ...]] = SEED_ROWS, *, when: str | None = None) -> bytes:
    """The seed's table as an office types it in Word: a title, a 2-row merged header, 12 months."""
    months = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค."]
    months += ["พ.ย.", "ธ.ค."]
    document = docx.Document()
    document.add_paragraph(SEED_TITLE)
    table = document.add_table(rows=2, cols=15)
    head = table.rows
    for column, text in ((0, "ขั้นตอน"), (1, "วันเดือนปี"), (14, "หน่วยงานที่เกี่ยวข้อง")):
        head[0].cells[column].merge(head[1].cells[column]).text = text
    head[0].cells[2].merge(head[0].cells[13]).text = "พ.ศ. ๒๕๖๑"
    for offset, month in enumerate(months):
        head[1].cells[2 + offset].text = month
    for entry in rows:
        cells = table.add_row().cells
        if entry[0] == "phase":
            cells[0].merge(cells[-1]).text = str(entry[1])
            continue
        label, stated, marks, responsible = entry  # type: ignore[misc]
        cells[0].text = str(label)
        cells[1].text = when if when is not None and label.startswith("๓.") else str(stated)  # type: ignore[union-attr]
        for month, mark in marks:  # type: ignore[attr-defined]
            cells[2 + months.index(month)].text = mark
        items = str(responsible).removeprefix("- ").split(" - ")
        cell = cells[14]
        cell.text = f"- {items[0]}"
        for item in items[1:]:
            cell.add_paragraph(f"- {item}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class TestRead:
    """The table thaiplan writes, and the one an office types, come back."""

    def test_the_written_table(self) -> None:
        """calendar_docx's table, read with like=, shows what it showed."""
        calendar = thaiplan.load_calendar("samut-sakhon-2563")
        again = thaiplan.read_calendar_docx(thaiplan.calendar_docx(calendar), like=calendar)
        expected = shown(calendar)
        got = shown(again)
        assert expected[:4] == got[:4]  # title, province, fiscal year, gantt year
        assert expected[5:] == got[5:]  # phases, parties, steps

    def test_the_whole_circular(self) -> None:
        """A circular written with its letter: the calendar is its last table."""
        document = thaiplan.load_document("samut-sakhon-2563")
        again = thaiplan.read_calendar_docx(thaiplan.calendar_docx(document), like=document)
        assert document.calendar is not None
        assert [s.when for s in document.calendar.steps] == [s.when for s in again.steps]

    def test_an_office_table(self) -> None:
        """The seed's table as typed in Word: merged header, lines of parties, the title above."""
        document = thaiplan.load_document("samut-sakhon-2563")
        calendar = thaiplan.read_calendar_docx(_office_table(), like=document)
        assert 15 == len(calendar.steps)
        assert 2563 == calendar.fiscal_year  # from the title, as like= has it too
        s2 = calendar.step("s2")
        assert ("ภายใน พ.ค. ๖๑", ("เม.ย.",)) == (s2.when, s2.gantt)
        assert document.calendar is not None
        assert document.calendar.step("s2").responsible == s2.responsible
        alone = thaiplan.read_calendar_docx(_office_table(), province="สมุทรสาคร")
        assert 2563 == alone.fiscal_year
        assert SEED_TITLE == alone.title

    def test_problems_are_located(self) -> None:
        """A period that is no date is a problem at its place in the table."""
        document = thaiplan.load_document("samut-sakhon-2563")
        with pytest.raises(CalendarFileError) as caught:
            thaiplan.read_calendar_docx(_office_table(when="๔ เมษ. ๖๑x"), like=document)
        problem = caught.value.problems[0]
        assert isinstance(problem, CellProblem)
        assert ("ตารางที่ 1", "B7") == (problem.sheet, problem.cell)  # row 7: step 3

    def test_not_a_document(self) -> None:
        """Bytes that are no docx, and a document without a calendar table."""
        with pytest.raises(CalendarFileError, match="not a"):
            thaiplan.read_calendar_docx(b"not a zip")
        empty = io.BytesIO()
        docx.Document().save(empty)
        with pytest.raises(CalendarFileError, match="no calendar table"):
            thaiplan.read_calendar_docx(empty.getvalue())

    def test_carriage_returns_come_back(self) -> None:
        """A title holding a carriage return comes back with it, not with a line feed.

        python-docx writes a carriage return as a line break, which reads back as a line feed
        (found by hypothesis).
        """
        source = thaiplan.load_calendar("samut-sakhon-2563")
        titles = ["\r", "ก\r\nข", "ก\tข", "\r\r", "ขั้นตอน\rที่ ๕"]
        steps = [attrs.evolve(s, title=t) for s, t in zip(source.steps, titles, strict=False)]
        calendar = attrs.evolve(source, steps=[*steps, *source.steps[len(titles) :]])
        again = thaiplan.read_calendar_docx(thaiplan.calendar_docx(calendar), like=calendar)
        assert titles == [step.title for step in again.steps[: len(titles)]]

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(acyclic_calendars(max_steps=5), st.lists(texts, min_size=5, max_size=5))
    def test_random_calendars(self, calendar: thaiplan.PlanningCalendar, titles: list[str]) -> None:
        """Random periods and titles, Thai and tricky text included, come back, with like=."""
        from .test_xlsx import clean

        steps = [
            attrs.evolve(step, no=index + 1, title=titles[index])
            for index, step in enumerate(calendar.steps)
        ]
        calendar = clean(attrs.evolve(calendar, steps=steps))
        again = thaiplan.read_calendar_docx(thaiplan.calendar_docx(calendar), like=calendar)
        assert [(s.id, s.no, s.title, s.when) for s in calendar.steps] == [
            (s.id, s.no, s.title, s.when) for s in again.steps
        ]
