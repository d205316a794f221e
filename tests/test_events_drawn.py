"""Events (``event: true``) drawn as events: the Gantt page, iCalendar and ``show``.

An event is the day something takes effect (an act comes into force), not
work done that day: the Gantt page draws a milestone (◇) on that day with a
legend entry, iCalendar marks its event with a category (and it is never a
to-do; every step's event is TRANSPARENT), and ``show`` marks its row.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from thaiplan import Phase, PlanningCalendar, Step
from thaiplan.dates import format_date
from thaiplan.io._gantt import gantt_table
from thaiplan.io._ical import EVENT_CATEGORY, calendar_ics

from .test_cli_thai import run

icalendar = pytest.importorskip("icalendar")

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "municipal_ordinance_checklist.yaml"
#: The wheel's tests run without the examples of a full checkout: those that read one skip.
needs_examples = pytest.mark.skipif(not EXAMPLE.is_file(), reason="no examples beside the tests")


class _Marks(HTMLParser):
    """The class, step and day of every mark inside a month cell, with the cell's month."""

    def __init__(self) -> None:
        super().__init__()
        self.month = ""
        self.marks: list[tuple[str, str, str, str]] = []  # (class, step, day, month)
        self.legends: list[str] = []
        self._legend = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "td" and "month" in classes:
            self.month = found.get("data-month") or ""
        if tag == "p" and "legend" in classes:
            self._legend = True
            self.legends.append("")
        if {"event", "bar", "deadline"} & set(classes) and "data-step" in found:
            day = found.get("data-day") or found.get("data-end") or ""
            self.marks.append((classes[0], found["data-step"] or "", day, self.month))

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._legend = False

    def handle_data(self, data: str) -> None:
        if self._legend:
            self.legends[-1] += data


def marks_of(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


def one_event(day: dt.date, when: str | None = None) -> PlanningCalendar:
    steps = (
        Step("work", 1, "p", "จัดทำร่าง", "ภายใน " + format_date(day, style="abbr")),
        Step("act", None, "p", "มีผลใช้บังคับ", when or format_date(day, style="abbr"), event=True),
    )
    return PlanningCalendar(
        "ปฏิทินทดสอบ", "สมุทรสาคร", 2563, phases=(Phase("p", "Phase"),), steps=steps
    )


@pytest.fixture(scope="module")
def budget() -> PlanningCalendar:
    return thaiplan.load_calendar("budget-2563")


class TestGantt:
    def test_budget_act_in_force(self, budget: PlanningCalendar) -> None:
        """r3, the act in force on 1 ม.ค. 2563, is a milestone in January 2020, not a bar."""
        marks = marks_of(gantt_table(budget))
        r3 = [m for m in marks.marks if m[1] == "r3"]
        assert r3 == [("event", "r3", "2020-01-01", "2020-01")]
        assert all(m[0] != "event" for m in marks.marks if m[1] != "r3")
        assert any("◇ วันที่มีผล" in legend and "event" in legend for legend in marks.legends)

    @needs_examples
    def test_deadline_only_event(self) -> None:
        """An event stated by a deadline (ภายใน 1 ตุลาคม) is drawn on that day, not as ◆."""
        calendar = thaiplan.load_calendar(EXAMPLE)
        (step,) = [s for s in calendar.steps if s.event]
        marks = [m for m in marks_of(gantt_table(calendar)).marks if m[1] == step.id]
        day = step.period.end.isoformat()
        assert marks == [("event", step.id, day, day[:7])]

    def test_no_event_no_legend(self) -> None:
        html = gantt_table(thaiplan.load_calendar("samut-sakhon-2563"))
        assert "◇" not in html
        assert 'class="event"' not in html

    def test_with_the_status_date(self, budget: PlanningCalendar) -> None:
        """The tracking page draws it the same way."""
        html = gantt_table(budget, as_of=dt.date(2019, 8, 1))
        assert next(m for m in marks_of(html).marks if m[1] == "r3")[0] == "event"

    @settings(max_examples=25, deadline=None)
    @given(st.dates(dt.date(2017, 10, 1), dt.date(2022, 9, 30)))
    def test_drawn_on_its_day(self, day: dt.date) -> None:
        marks = [m for m in marks_of(gantt_table(one_event(day))).marks if m[1] == "act"]
        assert marks == [("event", "act", day.isoformat(), day.isoformat()[:7])]


class TestICalendar:
    def _components(
        self, calendar: PlanningCalendar, deadlines: str = "event"
    ) -> dict[str, object]:
        text = calendar_ics(calendar, stamp=STAMP, deadlines=deadlines)  # type: ignore[arg-type]
        parsed = icalendar.Calendar.from_ical(text)
        return {str(c["summary"]): c for c in parsed.walk() if c.name in ("VEVENT", "VTODO")}

    def test_budget_act_in_force(self, budget: PlanningCalendar) -> None:
        text = calendar_ics(budget, stamp=STAMP)
        events = icalendar.Calendar.from_ical(text).walk("VEVENT")
        marked = [e for e in events if EVENT_CATEGORY in e["categories"].cats]
        assert len(marked) == 1
        (event,) = marked
        assert event["summary"].startswith("ซึ่งจะล่าช้า")  # r3, which has no number
        assert event.decoded("dtstart") == dt.date(2020, 1, 1)
        assert event.decoded("dtend") == dt.date(2020, 1, 2)
        assert str(event["transp"]) == "TRANSPARENT"
        assert "event: the day something takes effect" in str(event["description"])
        others = [e for e in events if e is not event]
        assert all(EVENT_CATEGORY not in e["categories"].cats for e in others)

    @needs_examples
    def test_never_a_todo(self) -> None:
        """With deadlines as to-dos, a deadline-only event stays an event on its day."""
        calendar = thaiplan.load_calendar(EXAMPLE)
        (step,) = [s for s in calendar.steps if s.event]
        parsed = icalendar.Calendar.from_ical(calendar_ics(calendar, stamp=STAMP, deadlines="todo"))
        todos = parsed.walk("VTODO")
        assert todos  # the checklist's other deadlines are to-dos
        assert all(EVENT_CATEGORY not in t["categories"].cats for t in todos)
        (event,) = [e for e in parsed.walk("VEVENT") if EVENT_CATEGORY in e["categories"].cats]
        assert step.title in str(event["summary"])
        assert event.decoded("dtstart") == step.period.end
        assert str(event["transp"]) == "TRANSPARENT"

    @settings(max_examples=25, deadline=None)
    @given(st.dates(dt.date(2017, 10, 1), dt.date(2022, 9, 30)))
    def test_on_its_day(self, day: dt.date) -> None:
        parsed = icalendar.Calendar.from_ical(calendar_ics(one_event(day), stamp=STAMP))
        (event,) = [e for e in parsed.walk("VEVENT") if EVENT_CATEGORY in e["categories"].cats]
        assert (event.decoded("dtstart"), event.decoded("dtend")) == (
            day,
            day + dt.timedelta(days=1),
        )


class TestShow:
    def test_budget_row_marked(self) -> None:
        status, out, _ = run("show", "budget-2563")
        assert status == 0
        rows = [line for line in out.splitlines() if " r3 " in line]
        assert len(rows) == 1
        assert rows[0].startswith("◇ ")
        assert sum(line.startswith("◇") for line in out.splitlines()) == 2  # the row, the key
        assert "◇ event (วันที่มีผล): the day something takes effect" in out

    def test_thai(self) -> None:
        status, out, _ = run("show", "budget-2563", "--lang", "th")
        assert status == 0
        assert "◇ วันที่มีผล (event)" in out

    def test_no_event_no_key(self) -> None:
        status, out, _ = run("show", "samut-sakhon-2563")
        assert status == 0
        assert "◇" not in out
