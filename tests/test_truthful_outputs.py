"""Tests that every output tells what the schedule tells: open starts, chains, narrowed windows.

The HTML Gantt page, the CSV, the iCalendar file, the DataFrame and the
``thaiplan schedule`` command show a step whose start is open as open (never a
number from a constant), list critical chains without an arrow between steps
that no dependency links, and narrow a step by its resolution's deadline as
:func:`~thaiplan.schedule` does.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from test_cli import run
from thaiplan import load_calendar, load_document, loads_calendar, schedule
from thaiplan.io._csv import calendar_csv
from thaiplan.io._gantt import gantt_table

OPEN = """
format: thaiplan-calendar/1
title: t
province: สมุทรสาคร
fiscal_year: 2563
steps:
  - {id: a, no: 1, phase: p, title: ก, when: ภายใน พ.ค. ๖๑}
  - {id: b, no: 2, phase: p, title: ข, when: ภายใน มิ.ย. ๖๑, after: [a]}
"""

CHAINS = """
format: thaiplan-calendar/1
title: t
province: สมุทรสาคร
fiscal_year: 2563
steps:
  - {id: a, no: 1, phase: p, title: ก, when: ๑ พ.ค. ๖๑}
  - {id: b, no: 2, phase: p, title: ข, when: ๒ พ.ค. ๖๑, after: [a]}
  - {id: c, no: 3, phase: p, title: ค, when: ๙ พ.ค. ๖๑}
"""


def rows(text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


class TestOpen:
    """A calendar with no as_of and no stated start: open, in every output."""

    def test_gantt(self):
        """The slack cell says เปิด, with the reason in its tooltip, never a number."""
        page = gantt_table(loads_calendar(OPEN))
        cells = re.findall(r'<td class="slack[^"]*" title="([^"]*)">([^<]*)</td>', page)
        assert [("เปิด", True), ("เปิด", True)] == [(text, "open" in tip) for tip, text in cells]

    def test_csv(self):
        """Earliest start and slack are empty; the latest finish is a date."""
        calendar = loads_calendar(OPEN)
        table = rows(calendar_csv(calendar, schedule(calendar)))
        assert ("", "2018-05-31", "") == (
            table["a"]["earliest_start"],
            table["a"]["latest_finish"],
            table["a"]["total_slack"],
        )

    def test_dataframe(self):
        """The DataFrame has missing values (NaT, <NA>), not numbers."""
        pandas = pytest.importorskip("pandas")
        frame = schedule(loads_calendar(OPEN)).to_dataframe()
        assert pandas.isna(frame.loc["a", "earliest_start"])
        assert pandas.isna(frame.loc["a", "total_slack"])
        assert pandas.isna(frame.loc["a", "working_slack"])

    def test_cli(self, tmp_path):
        """The schedule command prints open, and JSON null."""
        path = tmp_path / "open.yaml"
        path.write_text(OPEN, encoding="utf-8")
        status, out, _ = run("schedule", str(path))
        assert 0 == status
        assert re.search(r"^a\s+open\s+open\s+2018-05-31\s+2018-05-31\s+open", out, re.M)
        assert "first day: open" in out
        status, out, _ = run("schedule", str(path), "--format", "json")
        data = json.loads(out)
        assert (None, None, None) == (
            data["first_day"],
            data["steps"]["a"]["earliest_start"],
            data["steps"]["a"]["total_slack"],
        )


class TestChains:
    """Chains are listed with arrows between linked steps only."""

    def test_gantt(self):
        """The page lists a → b as a chain, and c apart, without an arrow."""
        page = gantt_table(loads_calendar(CHAINS))
        assert '<li data-chain="a b">a → b</li>' in page
        assert 'data-steps="c"' in page
        assert "→ c" not in page
        assert "c →" not in page

    def test_cli(self, tmp_path):
        """The schedule command lists the chain with ->, and c as tight on its own."""
        path = tmp_path / "chains.yaml"
        path.write_text(CHAINS, encoding="utf-8")
        _, out, _ = run("schedule", str(path))
        assert "critical chains (least slack, 0 days):\n  a -> b\n" in out
        assert "tight, linked to no other tight step: c" in out
        assert "-> c" not in out

    def test_seed(self):
        """The seed's s3 is tight on its own: no arrow anywhere on its page."""
        page = gantt_table(load_document("samut-sakhon-2563"))
        assert 'data-steps="s3"' in page
        assert "→" not in page.split('class="chains"')[1].split("</div>")[0]


class TestDeadlines:
    """Resolution 3.1 (by June 2561) narrows s7 (มิ.ย. - ก.ค. ๖๑) in every output of the document."""

    def test_schedule(self):
        """The schedule's window of s7 ends on 30 June, from the resolution."""
        assert (dt.date(2018, 6, 1), dt.date(2018, 6, 30)) == schedule(
            load_document("samut-sakhon-2563")
        ).window("s7")[:2]

    def test_gantt(self):
        """The bar ends on 30 June, and the cell of the period names the resolution's deadline."""
        page = gantt_table(load_document("samut-sakhon-2563"))
        ends = re.findall(
            r'class="bar" data-step="s7" data-start="[0-9-]+" data-end="([0-9-]+)"', page
        )
        assert ["2018-06-30"] == ends
        assert "ตามมติ: ภายในเดือนมิถุนายน ๒๕๖๑" in page
        alone = gantt_table(load_calendar("samut-sakhon-2563"))  # no resolutions: the stated period
        ends = re.findall(
            r'class="bar" data-step="s7" data-start="[0-9-]+" data-end="([0-9-]+)"', alone
        )
        assert ["2018-06-30", "2018-07-31"] == ends

    def test_csv(self):
        """The CSV's end is 30 June, with the deadline named; the calendar alone keeps 31 July."""
        document = load_document("samut-sakhon-2563")
        table = rows(calendar_csv(document.calendar, schedule(document)))
        assert ("2018-06-01", "2018-06-30", "ภายในเดือนมิถุนายน ๒๕๖๑") == (
            table["s7"]["start"],
            table["s7"]["end"],
            table["s7"]["deadline"],
        )
        calendar = document.calendar
        alone = rows(calendar_csv(calendar, schedule(calendar)))
        assert ("2018-07-31", "") == (alone["s7"]["end"], alone["s7"]["deadline"])

    def test_ical(self):
        """The event of s7 ends on 30 June (DTEND is the day after)."""
        pytest.importorskip("icalendar")
        from thaiplan.io._ical import calendar_ics

        text = calendar_ics(
            load_document("samut-sakhon-2563"), stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        )
        event = next(e for e in text.split("BEGIN:VEVENT") if "SUMMARY:7." in e)
        assert "DTEND;VALUE=DATE:20180701" in event


class TestWorkingDays:
    """Working-day slack and a latest finish on a non-working day."""

    def test_bounds(self):
        """s14 ends by Sunday 30 Sep 2561: the last working day is Friday the 28th; 20 working days of slack."""
        bounds = schedule(load_calendar("samut-sakhon-2563"))["s14"]
        assert (29, 20, dt.date(2018, 9, 28)) == (
            bounds.total_slack,
            bounds.working_slack,
            bounds.latest_working_finish,
        )

    def test_cli(self):
        """The schedule command has a wd column and names the working day before a Sunday."""
        _, out, _ = run("schedule", "samut-sakhon-2563")
        assert re.search(r"^s14 .* 2018-09-30 \*\s+29\s+20\s+29$", out, re.M)
        assert (
            "s14: latest end 2018-09-30 is not a working day (Sunday);"
            " the last working day before it is 2018-09-28"
        ) in out

    def test_gantt_tip(self):
        """The Gantt tooltip of s14 gives the working day before its latest finish."""
        page = gantt_table(load_calendar("samut-sakhon-2563"))
        found = re.search(r'<tr[^>]*data-step="s14">(.*?)</tr>', page)
        assert found is not None
        row = found.group(1)
        assert "last working day ๒๘ ก.ย. ๖๑" in row
        assert "20 working days" in row


def _with_s7_deadline(text: str) -> object:
    """The seed's document with resolution 3.1's deadlines for s7 written as ``text``."""
    import attrs

    from thaiplan.dates import parse_period

    document = load_document("samut-sakhon-2563")
    meeting = document.meeting
    assert meeting is not None

    def action(a):
        return attrs.evolve(a, deadline=parse_period(text)) if a.step == "s7" else a

    agenda = [
        attrs.evolve(
            item,
            resolutions=[
                attrs.evolve(r, actions=[action(a) for a in r.actions]) for r in item.resolutions
            ],
        )
        for item in meeting.agenda
    ]
    return attrs.evolve(document, meeting=attrs.evolve(meeting, agenda=agenda))


class TestDeadlineWithAStart:
    """A resolution that sets a span (from 15 June) narrows the start too, in every output."""

    def test_every_output_starts_s7_on_the_15th(self):
        """schedule, the Gantt bar, the CSV and the iCalendar event all start s7 on 15 June."""
        document = _with_s7_deadline("๑๕ - ๓๐ มิ.ย. ๖๑")
        result = schedule(document)
        assert (dt.date(2018, 6, 15), dt.date(2018, 6, 30)) == result.window("s7")[:2]
        page = gantt_table(document)
        bars = re.findall(
            r'class="bar" data-step="s7" data-start="([0-9-]+)" data-end="([0-9-]+)"', page
        )
        assert [("2018-06-15", "2018-06-30")] == bars
        table = rows(calendar_csv(document.calendar, result))
        assert ("2018-06-15", "2018-06-30") == (table["s7"]["start"], table["s7"]["end"])
        pytest.importorskip("icalendar")
        from thaiplan.io._ical import calendar_ics

        text = calendar_ics(document, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        event = next(e for e in text.split("BEGIN:VEVENT") if "SUMMARY:7." in e)
        assert "DTSTART;VALUE=DATE:20180615" in event
        assert "DTEND;VALUE=DATE:20180701" in event
