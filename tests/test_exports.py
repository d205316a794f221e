"""The exports: iCalendar and the HTML Gantt page."""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

import pytest
from hypothesis import HealthCheck, given, settings

import thaiplan
from strategies import calendars
from thaiplan.io._gantt import _bar_in, _cells, _months, gantt_html, gantt_table
from thaiplan.io._ical import calendar_ics, step_uid

icalendar = pytest.importorskip("icalendar")

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def calendar() -> thaiplan.PlanningCalendar:
    return thaiplan.load_calendar("samut-sakhon-2563")


class TestICalendar:
    """Each step an all-day event; deadlines as events or to-dos; reminders; stable UIDs."""

    def test_parses_back(self, calendar: thaiplan.PlanningCalendar) -> None:
        """The export parses back: summaries in Thai, phases as categories, dates as stated."""
        parsed = icalendar.Calendar.from_ical(calendar_ics(calendar, stamp=STAMP))
        events = {c["uid"]: c for c in parsed.walk("VEVENT")}
        assert [] == list(parsed.walk("VTODO"))
        assert 15 == len(events)
        s7 = events[step_uid(calendar, "s7")]
        assert str(s7["summary"]).startswith("7. จัดส่งข้อเสนอโครงการ")
        assert (dt.date(2018, 6, 1), dt.date(2018, 8, 1)) == (s7["dtstart"].dt, s7["dtend"].dt)
        assert "Strategy Review" in s7["categories"].to_ical().decode()
        s1 = events[step_uid(calendar, "s1")]  # ภายใน พ.ค. ๖๑: an event on its last day
        assert (dt.date(2018, 5, 31), dt.date(2018, 6, 1)) == (s1["dtstart"].dt, s1["dtend"].dt)
        assert "ที่ทำการปกครองจังหวัดสมุทรสาคร" in str(s1["description"])

    def test_deadlines_as_todos(self, calendar: thaiplan.PlanningCalendar) -> None:
        parsed = icalendar.Calendar.from_ical(calendar_ics(calendar, stamp=STAMP, deadlines="todo"))
        todos = {c["uid"]: c for c in parsed.walk("VTODO")}
        assert {step_uid(calendar, "s1"), step_uid(calendar, "s2")} == set(todos)
        assert dt.date(2018, 5, 31) == todos[step_uid(calendar, "s1")]["due"].dt
        assert 13 == len(list(parsed.walk("VEVENT")))

    def test_steps_before_by_number_and_title(self, calendar: thaiplan.PlanningCalendar) -> None:
        parsed = icalendar.Calendar.from_ical(calendar_ics(calendar, stamp=STAMP))
        s5 = {c["uid"]: c for c in parsed.walk("VEVENT")}[step_uid(calendar, "s5")]
        assert "ทำต่อจาก: 4. ปรับปรุงคำสั่งคณะกรรมการบริหารงานจังหวัด" in str(s5["description"])

    def test_resolution_deadlines_narrow_their_steps(self) -> None:
        document = thaiplan.load_document("samut-sakhon-2563")
        parsed = icalendar.Calendar.from_ical(calendar_ics(document, stamp=STAMP))
        assert document.calendar is not None
        s7 = {c["uid"]: c for c in parsed.walk("VEVENT")}[step_uid(document.calendar, "s7")]
        assert dt.date(2018, 7, 1) == s7["dtend"].dt  # resolution 3.1: by the end of June
        assert "ตามมติที่ประชุม: ภายในเดือนมิถุนายน ๒๕๖๑" in str(s7["description"])

    def test_reminders_in_working_days(self, calendar: thaiplan.PlanningCalendar) -> None:
        parsed = icalendar.Calendar.from_ical(calendar_ics(calendar, stamp=STAMP, remind=5))
        for event in parsed.walk("VEVENT"):
            (alarm,) = event.walk("VALARM")
            last = event["dtend"].dt - dt.timedelta(days=1)
            day = alarm["trigger"].dt.date()
            # five working days counted back from the last day (which may be a weekend)
            assert thaiplan.dates.add_working_days(last, -5) == day
            assert dt.time(2, 0) == alarm["trigger"].dt.time()  # 09:00 in Bangkok
            assert "DISPLAY" == str(alarm["action"])
        s1 = {c["uid"]: c for c in parsed.walk("VEVENT")}[step_uid(calendar, "s1")]
        # due Thursday 31 May 2561: 30, 28, 25, 24, 23 May (29 May is วันวิสาขบูชา)
        assert dt.date(2018, 5, 23) == next(iter(s1.walk("VALARM")))["trigger"].dt.date()

    def test_progress_marks_what_is_done(self, calendar: thaiplan.PlanningCalendar) -> None:
        progress = thaiplan.Progress(
            "๑๕ มิ.ย. ๖๑",
            [
                thaiplan.StepProgress("s1", finished="๓๐ พ.ค. ๖๑"),
                thaiplan.StepProgress("s2", state="ยกเลิก"),
                thaiplan.StepProgress("s4", started="๑ พ.ค. ๖๑", percent=40),
            ],
        )
        text = calendar_ics(calendar, stamp=STAMP, remind=3, progress=progress, deadlines="todo")
        parsed = icalendar.Calendar.from_ical(text)
        todos = {c["uid"]: c for c in parsed.walk("VTODO")}
        events = {c["uid"]: c for c in parsed.walk("VEVENT")}
        s1 = todos[step_uid(calendar, "s1")]
        assert str(s1["summary"]).startswith("✓ 1. ")
        assert ("COMPLETED", 100) == (str(s1["status"]), s1["percent-complete"])
        assert [] == list(s1.walk("VALARM"))  # nothing to remind of
        assert "CANCELLED" == str(todos[step_uid(calendar, "s2")]["status"])
        s4 = events[step_uid(calendar, "s4")]
        assert "ความก้าวหน้า: กำลังดำเนินการ (in progress)" in str(s4["description"])
        assert 1 == len(list(s4.walk("VALARM")))

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"remind": -1}, "0 to 250"),
            ({"remind": "5wd"}, "whole number of working days"),
            ({"deadlines": "task"}, "'event' or 'todo'"),
            ({"progress": "june.yaml"}, "a Progress or None"),
        ],
    )
    def test_wrong_options(
        self, calendar: thaiplan.PlanningCalendar, options: dict[str, object], message: str
    ) -> None:
        with pytest.raises(thaiplan.ThaiplanError, match=message):
            calendar_ics(calendar, **options)  # type: ignore[arg-type]

    def test_open_ended_step(self) -> None:
        """ตั้งแต่วันที่ X เป็นต้นไป: an event on its first day, the words in the description."""
        calendar = thaiplan.loads_calendar(
            "format: thaiplan-calendar/1\ntitle: t\nprovince: สมุทรสาคร\nfiscal_year: 2563\n"
            "steps:\n  - {id: a, no: 1, phase: p, title: ก, when: 'ตั้งแต่วันที่ 1 พ.ค. 61 เป็นต้นไป'}\n"
        )
        (event,) = icalendar.Calendar.from_ical(calendar_ics(calendar, stamp=STAMP)).walk("VEVENT")
        assert (dt.date(2018, 5, 1), dt.date(2018, 5, 2)) == (
            event["dtstart"].dt,
            event["dtend"].dt,
        )
        assert "เป็นต้นไป" in str(event["description"])

    def test_stable(self, calendar: thaiplan.PlanningCalendar) -> None:
        """The same calendar exports the same text; UIDs do not depend on the title."""
        assert calendar_ics(calendar, stamp=STAMP) == calendar_ics(calendar, stamp=STAMP)
        renamed = thaiplan.PlanningCalendar(
            "อีกชื่อหนึ่ง", calendar.province, calendar.fiscal_year, steps=calendar.steps
        )
        assert step_uid(calendar, "s1") == step_uid(renamed, "s1")


class TestGantt:
    """The standalone Gantt page and the notebook table."""

    def test_bars_cover_the_stated_months(self, calendar: thaiplan.PlanningCalendar) -> None:
        """Each bar sits in the month columns of its step's stated period, to the day."""
        table = gantt_table(calendar)
        bars = re.findall(r'data-step="(s\d+)" data-start="([\d-]+)" data-end="([\d-]+)"', table)
        by_step: dict[str, list[tuple[str, str]]] = {}
        for step_id, start, end in bars:
            by_step.setdefault(step_id, []).append((start, end))
        assert [("2018-06-01", "2018-06-30"), ("2018-07-01", "2018-07-31")] == by_step["s7"]
        assert [("2018-04-04", "2018-04-04")] == by_step["s3"]
        assert 'data-step="s1" data-end="2018-05-31"' in table  # a deadline mark

    def test_findings_and_slack(self) -> None:
        """Rows with warnings are highlighted, findings are listed, slack is shown."""
        table = gantt_table(thaiplan.load_document("samut-sakhon-2563"))
        assert '<tr class="warning" data-step="s13">' in table
        assert "gantt-outside-period" in table
        assert 'class="slack"' in table

    def test_page_is_standalone(self, calendar: thaiplan.PlanningCalendar) -> None:
        """The page links to nothing outside itself and has a Thai font stack."""
        page = gantt_html(calendar)
        assert not re.search(r"(src|href)=", page)
        assert "Noto Sans Thai" in page
        assert page == gantt_html(calendar)
        assert calendar._repr_html_() == gantt_table(calendar)


class TestGanttCells:
    """The month cells of a row, worked out only where the step is, equal every month worked out."""

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(calendars(max_steps=6))
    def test_cells_as_every_month(self, calendar: thaiplan.PlanningCalendar) -> None:
        """Each cell is the step's bar in that month (or nothing) and its Gantt mark, as if every month were drawn."""
        months = _months(calendar)
        columns = {month: k for k, month in enumerate(months)}
        bounds = []
        for y, m in months:
            days = monthrange(y, m)[1]
            opening = f'<td class="month" data-month="{y:04d}-{m:02d}">'
            bounds.append((opening, dt.date(y, m, 1), dt.date(y, m, days), days))
        for step in calendar.steps:
            marks = set(step.gantt_months(calendar.gantt_year)) if calendar.gantt_year else set()
            expected = "".join(
                (opening.replace('"month"', '"month marked"') if month in marks else opening)
                + _bar_in(step, first, last, days)
                + (
                    '<span class="mark" title="marked in the document">●</span>'
                    if month in marks
                    else ""
                )
                + "</td>"
                for month, (opening, first, last, days) in zip(months, bounds, strict=True)
            )
            assert expected == _cells(step, months, columns, bounds, marks)
