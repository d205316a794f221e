"""Register exports: HTML and iCalendar (thaiplan.io._register_export), and the CLI's register targets."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import thaiplan
from strategies import registers
from thaiplan import BudgetLine, Escalation, Project, ProjectRegister, StatusChange
from thaiplan.cli._main import main
from thaiplan.errors import ModelError

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _register() -> ProjectRegister:
    return ProjectRegister(
        [
            Project(
                "p1",
                'ถนน <คสล.> & "ท่อ"',
                "local",
                programme="เคหะและชุมชน",
                budget=[BudgetLine(2566, 1_632_820), BudgetLine(2567, 50_000)],
                status=[StatusChange("submitted"), StatusChange("approved", "๑๕ ก.ค. ๖๕")],
                escalations=[Escalation("district", "provincial", date="๑ ส.ค. ๖๕")],
            ),
            Project("p2", "ประปาหมู่บ้าน", "local", programme="เคหะและชุมชน"),
            Project("p3", "สะพาน", "local", form="ผ.๐๒/๒", budget=[BudgetLine(2567, 9_000_000)]),
        ],
        name="ทะเบียน <ทดลอง>",
    )


class _Table(HTMLParser):
    """The rows of every table, as the text of their cells; and whether tags balance."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.open: list[str] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "meta"):
            self.open.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag, f"</{tag}> closes another tag"
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


class TestHtml:
    """register_html: a readable page, grouped as the forms are, escaped."""

    def test_escaped_grouped_and_totalled(self) -> None:
        """Titles are escaped, projects sit under their programme, years have totals."""
        page = thaiplan.register_html(_register())
        assert "<title>ทะเบียน &lt;ทดลอง&gt;</title>" in page
        assert "ถนน &lt;คสล.&gt; &amp; &quot;ท่อ&quot;" in page
        parser = _Table()
        parser.feed(page)
        assert [] == parser.open
        rows = parser.rows
        assert ["ปีงบประมาณ", "จำนวนโครงการ", "งบประมาณ (บาท)"] == rows[0]
        assert [["2566", "1", "1,632,820"], ["2567", "2", "9,050,000"]] == rows[1:3]
        assert ["ไม่มีงบประมาณ", "1", "0"] == rows[3]
        assert ["รวมทั้งสิ้น", "3", "10,682,820"] == rows[4]
        assert ["แผนงานเคหะและชุมชน"] in rows
        road = next(row for row in rows if len(row) > 1 and row[1].startswith("ถนน"))
        assert ["1", "1,632,820", "50,000"] == [road[0], road[4], road[5]]
        assert ["รวม 2 โครงการ", "1,632,820", "50,000"] == [
            cell for cell in rows[rows.index(road) + 2] if cell
        ]

    def test_thai_digits(self) -> None:
        """digits='thai' writes the amounts and years in Thai digits."""
        page = thaiplan.register_html(_register(), digits="thai")
        assert "๑,๖๓๒,๘๒๐" in page
        assert "<th>๒๕๖๖</th>" in page

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(registers)
    def test_every_project_is_shown_escaped(self, register: ProjectRegister) -> None:
        """Each project has its row, its title escaped; the tags balance."""
        page = thaiplan.register_html(register, years=range(2560, 2576))
        parser = _Table()
        parser.feed(page)
        assert [] == parser.open
        for project in register:
            assert f'<tr id="{html.escape(project.id, quote=True)}">' in page
            assert html.escape(project.title) in page


class TestIcs:
    """register_ics: budget years as fiscal-year spans, dated changes as days; nothing invented."""

    def test_events(self) -> None:
        """One event a budget year (1 Oct - 30 Sep), one a dated change; undated ones are left out."""
        calendar = icalendar.Calendar.from_ical(thaiplan.register_ics(_register(), stamp=STAMP))
        events = [
            (str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend"))
            for e in calendar.walk("VEVENT")
        ]
        title = 'ถนน <คสล.> & "ท่อ"'
        assert [
            (f"{title} (ปีงบประมาณ พ.ศ. 2566)", dt.date(2022, 10, 1), dt.date(2023, 10, 1)),
            (f"{title} (ปีงบประมาณ พ.ศ. 2567)", dt.date(2023, 10, 1), dt.date(2024, 10, 1)),
            (f"{title}: approved", dt.date(2022, 7, 15), dt.date(2022, 7, 16)),
            (f"{title}: ส่งต่อ (escalated)", dt.date(2022, 8, 1), dt.date(2022, 8, 2)),
            ("สะพาน (ปีงบประมาณ พ.ศ. 2567)", dt.date(2023, 10, 1), dt.date(2024, 10, 1)),
        ] == events
        first = next(iter(calendar.walk("VEVENT")))
        assert "not the days of the work" in str(first["description"])

    @settings(max_examples=30, deadline=None)
    @given(registers)
    def test_counts_and_uids(self, register: ProjectRegister) -> None:
        """As many events as budget years and dated changes; UIDs unique and stable."""
        text = thaiplan.register_ics(register, stamp=STAMP)
        events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
        expected = sum(
            len(p.budget_by_year())
            + sum(1 for c in p.status if c.date is not None)
            + sum(1 for e in p.escalations if e.date is not None)
            for p in register
        )
        assert expected == len(events)
        uids = [str(event["uid"]) for event in events]
        assert len(set(uids)) == len(uids)
        assert text == thaiplan.register_ics(register, stamp=STAMP)

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without icalendar, the error names the pip install."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        with pytest.raises(ModelError, match=re.escape("pip install 'thaiplan[ical]'")):
            thaiplan.register_ics(_register())


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_err, sys.stderr = sys.stderr, err
    try:
        status = main(list(args), out=out)
    finally:
        sys.stderr = old_err
    return status, out.getvalue(), err.getvalue()


class TestCli:
    """thaiplan export REGISTER --to xlsx|docx|html|ics and thaiplan import PLAN.xlsx."""

    def test_export_and_import(self, tmp_path: Path) -> None:
        """The book is written, and imported back to the same register file."""
        source = tmp_path / "register.yaml"
        thaiplan.dump_register(_register(), source)
        book = tmp_path / "plan.xlsx"
        assert (0, "", "") == _run("export", str(source), "--to", "xlsx", "-o", str(book))
        assert "ผ.๐๒" in openpyxl.load_workbook(book).sheetnames
        back = tmp_path / "back.yaml"
        status, _, err = _run("import", str(book), "-o", str(back))
        assert (0, f"{book}: 3 projects\n") == (status, err)
        assert _register() == thaiplan.load_register(back)

    def test_export_and_import_word(self, tmp_path: Path) -> None:
        """A Word plan book is imported as a register, what its forms show coming back."""
        source = tmp_path / "register.yaml"
        thaiplan.dump_register(_register(), source)
        document = tmp_path / "plan.docx"
        assert 0 == _run("export", str(source), "--to", "docx", "-o", str(document))[0]
        back = tmp_path / "back.yaml"
        status, _, err = _run("import", str(document), "-o", str(back))
        assert (0, f"{document}: 3 projects\n") == (status, err)
        assert thaiplan.read_register_docx(document) == thaiplan.load_register(back)
        calendar = tmp_path / "calendar.docx"  # a calendar table is still read as a calendar
        calendar.write_bytes(thaiplan.calendar_docx(thaiplan.load_calendar("samut-sakhon-2563")))
        status, text, _ = _run("import", str(calendar), "--like", "samut-sakhon-2563")
        assert (0, True) == (status, "thaiplan-calendar/1" in text)

    def test_docx_html_ics(self, tmp_path: Path) -> None:
        """The other targets write what their readers open."""
        source = tmp_path / "register.yaml"
        thaiplan.dump_register(_register(), source)
        document = tmp_path / "plan.docx"
        assert 0 == _run("export", str(source), "--to", "docx", "-o", str(document))[0]
        import docx

        assert "ที่" == docx.Document(str(document)).tables[1].rows[0].cells[0].text
        status, page, _ = _run("export", str(source), "--to", "html")
        assert (0, True) == (status, page.startswith("<!DOCTYPE html>"))
        status, text, _ = _run("export", str(source), "--to", "ics")
        assert (0, 5) == (status, text.count("BEGIN:VEVENT"))

    def test_years(self, tmp_path: Path) -> None:
        """--years gives the forms their year columns; a wrong one is a usage error."""
        source = tmp_path / "register.yaml"
        source.write_text(
            "format: thaiplan-register/1\nprojects:\n  - {id: p1, title: ถนน, level: local}\n",
            encoding="utf-8",
        )
        book = tmp_path / "plan.xlsx"
        status, _, err = _run("export", str(source), "--to", "xlsx", "-o", str(book))
        assert 2 == status
        assert "--years 2566-2570" in err
        assert (
            0
            == _run("export", str(source), "--to", "xlsx", "--years", "๒๕๖๖-๒๕๗๐", "-o", str(book))[
                0
            ]
        )
        sheet = openpyxl.load_workbook(book)["ผ.๐๒"]
        assert ["๒๕๖๖", "๒๕๗๐"] == [sheet["E6"].value, sheet["I6"].value]
        assert 2 == _run("export", str(source), "--to", "html", "--years", "2570-2566")[0]

    def test_mspdi_is_refused(self, tmp_path: Path) -> None:
        """A register has no MS Project form; the message lists the targets it has."""
        source = tmp_path / "register.yaml"
        thaiplan.dump_register(_register(), source)
        status, _, err = _run("export", str(source), "--to", "mspdi")
        assert 0 != status
        assert "csv, json, yaml, xlsx, docx, html or ics" in err


def test_totals_agree_with_the_rollup() -> None:
    """The page's totals by year are the register's roll-up by fiscal year."""
    register = _register()
    rows = {dict(r.keys)["fiscal_year"]: r.budget for r in register.rollup("fiscal_year")}
    assert {2566: Decimal(1632820), 2567: Decimal(9050000), None: Decimal(0)} == rows
