"""MS Project XML (MSPDI): the schema's order, the content task by task, links and lags, round trips."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings

import thaiplan
from thaiplan import Dependency, LagUnit, Phase, PlanningCalendar, Step
from thaiplan.errors import CalendarFileError, ModelError
from thaiplan.io._mspdi import calendar_mspdi
from thaiplan.io._mspdi_read import read_calendar_mspdi

from .strategies import acyclic_calendars

NS = "{http://schemas.microsoft.com/project}"

# The element sequences of the Project 2007 XML Data Interchange Schema
# (mspdi_pj12.xsd, as published in Microsoft's "XML Schema for the Project
# Element", "... Tasks Element" and "... Calendars Element"), up to the elements
# thaiplan writes. Project requires the children of each element in this order.
PROJECT_ORDER = [
    "SaveVersion", "UID", "Name", "Title", "Subject", "Category", "Company", "Manager",
    "Author", "CreationDate", "Revision", "LastSaved", "ScheduleFromStart", "StartDate",
    "FinishDate", "FYStartDate", "CriticalSlackLimit", "CurrencyDigits", "CurrencySymbol",
    "CurrencyCode", "CurrencySymbolPosition", "CalendarUID", "DefaultStartTime",
    "DefaultFinishTime", "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth", "DefaultTaskType",
    "OutlineCodes", "WBSMasks", "ExtendedAttributes", "Calendars", "Tasks", "Resources",
    "Assignments",
]  # fmt: skip
TASK_ORDER = [
    "UID", "ID", "Name", "Type", "IsNull", "CreateDate", "Contact", "WBS", "WBSLevel",
    "OutlineNumber", "OutlineLevel", "Priority", "Start", "Finish", "Duration",
    "DurationFormat", "Work", "Stop", "Resume", "ResumeValid", "EffortDriven", "Recurring",
    "OverAllocated", "Estimated", "Milestone", "Summary", "Critical", "IsSubproject",
    "IsSubprojectReadOnly", "SubprojectName", "ExternalTask", "ExternalTaskProject",
    "EarlyStart", "EarlyFinish", "LateStart", "LateFinish", "StartVariance", "FinishVariance",
    "WorkVariance", "FreeSlack", "TotalSlack", "FixedCost", "FixedCostAccrual",
    "PercentComplete", "PercentWorkComplete", "Cost", "OvertimeCost", "OvertimeWork",
    "ActualStart", "ActualFinish", "ActualDuration", "ActualCost", "ActualOvertimeCost",
    "ActualWork", "ActualOvertimeWork", "RegularWork", "RemainingDuration", "RemainingCost",
    "RemainingWork", "RemainingOvertimeCost", "RemainingOvertimeWork", "ACWP", "CV",
    "ConstraintType", "CalendarUID", "ConstraintDate", "Deadline", "LevelAssignments",
    "LevelingCanSplit", "LevelingDelay", "LevelingDelayFormat", "PreLeveledStart",
    "PreLeveledFinish", "Hyperlink", "HyperlinkAddress", "HyperlinkSubAddress",
    "IgnoreResourceCalendar", "Notes", "HideBar", "Rollup", "BCWS", "BCWP",
    "PhysicalPercentComplete", "EarnedValueMethod", "PredecessorLink", "ActualWorkProtected",
    "ActualOvertimeWorkProtected", "ExtendedAttribute", "Baseline", "OutlineCode",
]  # fmt: skip
LINK_ORDER = ["PredecessorUID", "Type", "CrossProject", "CrossProjectName", "LinkLag", "LagFormat"]
CALENDAR_ORDER = ["UID", "Name", "IsBaseCalendar", "BaseCalendarUID", "WeekDays", "Exceptions"]
WEEKDAY_ORDER = ["DayType", "DayWorking", "TimePeriod", "WorkingTimes"]
ATTRIBUTE_ORDER = [
    "FieldID",
    "FieldName",
    "CFType",
    "Guid",
    "ElemType",
    "MaxMultiValues",
    "UserDef",
    "Alias",
]
TASK_ATTRIBUTE_ORDER = ["FieldID", "Value"]


def in_schema_order(element: ET.Element, order: list[str]) -> list[str]:
    """The children of ``element`` that are unknown or out of the schema's order."""
    wrong = []
    position = -1
    for child in element:
        name = child.tag.removeprefix(NS)
        if name not in order:
            wrong.append(f"unknown {name}")
            continue
        index = order.index(name)
        if index < position:
            wrong.append(f"{name} after {order[position]}")
        position = index
    return wrong


def check_schema(xml: str) -> None:
    root = ET.fromstring(xml.encode("utf-8"))
    assert f"{NS}Project" == root.tag
    assert [] == in_schema_order(root, PROJECT_ORDER)
    assert "SaveVersion" == root[0].tag.removeprefix(NS)  # required, first
    assert root.find(f"{NS}CurrencyCode") is not None  # required in the 2007 schema
    for attribute in root.iter(f"{NS}ExtendedAttributes"):
        for child in attribute:
            assert [] == in_schema_order(child, ATTRIBUTE_ORDER)
    for calendar in root.iter(f"{NS}Calendar"):
        assert [] == in_schema_order(calendar, CALENDAR_ORDER)
        for day in calendar.iter(f"{NS}WeekDay"):
            assert [] == in_schema_order(day, WEEKDAY_ORDER)
    for task in root.iter(f"{NS}Task"):
        assert "UID" == task[0].tag.removeprefix(NS)
        assert [] == in_schema_order(task, TASK_ORDER)
        for link in task.iter(f"{NS}PredecessorLink"):
            assert [] == in_schema_order(link, LINK_ORDER)
        for value in task.iter(f"{NS}ExtendedAttribute"):
            assert [] == in_schema_order(value, TASK_ATTRIBUTE_ORDER)


def tasks(xml: str) -> dict[str, ET.Element]:
    """The step tasks by step id (Text4)."""
    found = {}
    for task in ET.fromstring(xml.encode("utf-8")).iter(f"{NS}Task"):
        for attribute in task.iter(f"{NS}ExtendedAttribute"):
            if attribute.findtext(f"{NS}FieldID") == "188743740":
                found[attribute.findtext(f"{NS}Value") or ""] = task
    return found


def field(task: ET.Element, field_id: str) -> str | None:
    for attribute in task.iter(f"{NS}ExtendedAttribute"):
        if attribute.findtext(f"{NS}FieldID") == field_id:
            return attribute.findtext(f"{NS}Value")
    return None


@pytest.fixture(scope="module")
def document() -> thaiplan.PlanningDocument:
    return thaiplan.load_document("samut-sakhon-2563")


@pytest.fixture(scope="module")
def xml(document: thaiplan.PlanningDocument) -> str:
    return calendar_mspdi(document)


class TestWrite:
    """The seed's document as MSPDI, read with ElementTree and checked element by element."""

    def test_schema_order(self, xml: str) -> None:
        """Every element is one of the schema's, in the schema's order."""
        check_schema(xml)

    def test_utf8_thai(self, xml: str) -> None:
        """UTF-8, declared so; Thai text verbatim (not '?')."""
        assert xml.startswith('<?xml version="1.0" encoding="UTF-8"')
        root = ET.fromstring(xml.encode("utf-8"))
        assert "สมุทรสาคร" == root.findtext(f"{NS}Subject")
        assert "ปีงบประมาณ พ.ศ. ๒๕๖๓" == root.findtext(f"{NS}Category")
        assert "?" not in (root.findtext(f"{NS}Title") or "")

    def test_tasks(self, xml: str) -> None:
        """Start and finish from the schedule, the stated period and phase in text fields."""
        by_id = tasks(xml)
        assert 15 == len(by_id)
        s7 = by_id["s7"]
        assert "๗. จัดส่งข้อเสนอโครงการ (Project Idea)" == (s7.findtext(f"{NS}Name") or "")[:38]
        assert ("มิ.ย. - ก.ค. ๖๑", "Strategy Review", "strategy-review") == (
            field(s7, "188743731"),
            field(s7, "188743734"),
            field(s7, "188743737"),
        )
        bounds = thaiplan.schedule(thaiplan.load_document("samut-sakhon-2563"))["s7"]
        assert f"{bounds.earliest_start}T00:00:00" == s7.findtext(f"{NS}Start")
        finish = bounds.earliest_finish + dt.timedelta(days=1)
        assert f"{finish}T00:00:00" == s7.findtext(f"{NS}Finish")
        assert ("PT24H0M0S", "8") == (
            s7.findtext(f"{NS}Duration"),
            s7.findtext(f"{NS}DurationFormat"),
        )
        assert ("4", f"{bounds.earliest_start}T00:00:00") == (
            s7.findtext(f"{NS}ConstraintType"),
            s7.findtext(f"{NS}ConstraintDate"),
        )
        # Step 7 is stated until 31 July; resolution 3.1 wants it by 30 June.
        assert "2018-06-30T16:30:00" == s7.findtext(f"{NS}Deadline")
        assert "agencies-in-province all-districts" == field(s7, "188743743")
        assert (
            "หน่วยงานที่เกี่ยวข้อง:\n- หน่วยงานในจังหวัด\n- อำเภอทุกอำเภอ"
            == (s7.findtext(f"{NS}Notes") or "").split("\n\n")[0]
        )

    def test_milestones_and_summaries(self, xml: str) -> None:
        """The one-day meeting of step 3 is a milestone; the project and each phase are summary tasks."""
        by_id = tasks(xml)
        assert "1" == by_id["s3"].findtext(f"{NS}Milestone")
        assert ["0"] == sorted(
            {t.findtext(f"{NS}Milestone") for k, t in by_id.items() if k != "s3"}
        )
        root = ET.fromstring(xml.encode("utf-8"))
        summaries = [t for t in root.iter(f"{NS}Task") if t.findtext(f"{NS}Summary") == "1"]
        project = summaries.pop(0)  # the project's summary task, which holds the other keys
        assert ("0", "0") == (project.findtext(f"{NS}UID"), project.findtext(f"{NS}OutlineLevel"))
        assert ["Area Based", "Mechanism Setting", "Strategy Review", "Project Formulation",
                "Strategic Plan Approval"] == [t.findtext(f"{NS}Name") for t in summaries]  # fmt: skip

    def test_holidays(self, xml: str) -> None:
        """The base calendar has the Thai working week and the holidays of 2018 as exceptions."""
        root = ET.fromstring(xml.encode("utf-8"))
        days = [d for d in root.iter(f"{NS}WeekDay") if d.findtext(f"{NS}DayType") == "0"]
        froms = {d.findtext(f"{NS}TimePeriod/{NS}FromDate") for d in days}
        # Songkran 2018: Fri 13 - Mon 16 April (the 14th and 15th are a weekend).
        assert {"2018-04-13T00:00:00", "2018-04-16T00:00:00"} <= froms
        assert "2018-04-14T00:00:00" not in froms
        assert "420" == root.findtext(f"{NS}MinutesPerDay")

    def test_lags(self) -> None:
        """A lag in calendar days is elapsed days, one in working days is days, in tenths of a minute."""
        steps = [
            Step("a", 1, "p", "ก", "พ.ค. ๖๑"),
            Step("b", 2, "p", "ข", "มิ.ย. ๖๑", after=[Dependency("a", 3)]),
            Step("c", 3, "p", "ค", "ก.ค. ๖๑", after=[Dependency("b", 5, LagUnit.WORKING_DAYS)]),
        ]
        calendar = PlanningCalendar("ทดสอบ", "74", 2563, [Phase("p", "P")], steps)
        xml = calendar_mspdi(calendar)
        check_schema(xml)
        links = {
            key: task.find(f"{NS}PredecessorLink")
            for key, task in tasks(xml).items()
            if task.find(f"{NS}PredecessorLink") is not None
        }
        assert ("1", "1", str(3 * 24 * 60 * 10), "8") == tuple(
            links["b"].findtext(f"{NS}{n}")
            for n in ("PredecessorUID", "Type", "LinkLag", "LagFormat")  # type: ignore[union-attr]
        )
        assert ("2", str(5 * 420 * 10), "7") == tuple(
            links["c"].findtext(f"{NS}{n}")
            for n in ("PredecessorUID", "LinkLag", "LagFormat")  # type: ignore[union-attr]
        )
        assert steps == [
            Step(s.id, s.no, s.phase, s.title, s.when, after=s.after)
            for s in read_calendar_mspdi(xml.encode()).steps
        ]

    def test_text_that_xml_escapes(self) -> None:
        """Markup characters, carriage returns and spaces at the ends come back as they were."""
        title = " <ก&ข> ]]> \r\n ค "
        step = Step("a", None, "p", title, "พ.ค. ๖๑", notes="x\r\ny")
        calendar = PlanningCalendar(title, "74", 2563, [Phase("p", title)], [step])
        again = read_calendar_mspdi(calendar_mspdi(calendar).encode())
        assert (title, title, "x\r\ny") == (again.title, again.steps[0].title, again.steps[0].notes)
        with pytest.raises(ModelError, match="U\\+0001"):
            calendar_mspdi(PlanningCalendar("\x01", "74", 2563, steps=[step]))


class TestRead:
    """Reading MSPDI back, and reading files that thaiplan did not write."""

    def test_round_trip_seed(self, document: thaiplan.PlanningDocument) -> None:
        """The seed's calendar comes back: steps, links, parties, phases."""
        calendar = document.calendar
        assert calendar is not None
        again = read_calendar_mspdi(calendar_mspdi(calendar).encode(), like=calendar)
        assert calendar.phases == again.phases
        fields = ("id", "no", "phase", "title", "when", "duration", "responsible", "notes")
        assert [tuple(getattr(s, f) for f in fields) for s in calendar.steps] == [
            tuple(getattr(s, f) for f in fields) for s in again.steps
        ]
        assert [[(d.step, d.lag, d.unit) for d in s.after] for s in calendar.steps] == [
            [(d.step, d.lag, d.unit) for d in s.after] for s in again.steps
        ]
        year = 2561
        assert [s.gantt_months(year) for s in calendar.steps] == [
            s.gantt_months(year) for s in again.steps
        ]
        alone = read_calendar_mspdi(calendar_mspdi(calendar).encode())
        assert "หน่วยงานในจังหวัด" == alone.party("agencies-in-province").name  # type: ignore[union-attr]

    def test_a_foreign_file(self) -> None:
        """A file without thaiplan's fields: periods from start and finish, days from durations."""
        xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="{NS[1:-1]}"><SaveVersion>14</SaveVersion><Title>แผนงาน</Title>
<MinutesPerDay>480</MinutesPerDay>
<Tasks>
<Task><UID>0</UID><Name>project</Name><Summary>1</Summary></Task>
<Task><UID>1</UID><Name>ร่างแผน</Name><Start>2018-06-04T08:00:00</Start><Finish>2018-06-08T17:00:00</Finish><DurationFormat>7</DurationFormat></Task>
<Task><UID>2</UID><Name>ประชุม</Name><Start>2018-06-12T08:00:00</Start><Finish>2018-06-12T17:00:00</Finish>
<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
</Tasks></Project>"""
        calendar = read_calendar_mspdi(xml.encode(), province="สมุทรสาคร", fiscal_year=2562)
        first, second = calendar.steps
        assert ("t1", "๔ - ๘ มิ.ย. ๖๑", 5) == (first.id, first.when, first.duration)
        assert ("๑๒ มิ.ย. ๖๑", (Dependency("t1", 1, LagUnit.WORKING_DAYS),)) == (
            second.when,
            second.after,
        )  # 4,800 tenths of a minute: one day of 480 minutes

    def test_problems_are_located(self) -> None:
        """A start-to-start link and a lag of part of a day: each at its line and column."""
        xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="{NS[1:-1]}"><SaveVersion>12</SaveVersion><Subject>74</Subject>
<Category>ปีงบประมาณ พ.ศ. ๒๕๖๓</Category><MinutesPerDay>480</MinutesPerDay>
<Tasks>
<Task><UID>1</UID><Name>ก</Name><Start>2018-06-04T00:00:00</Start><Finish>2018-06-05T00:00:00</Finish></Task>
<Task><UID>2</UID><Name>ข</Name><Start>2018-06-12T00:00:00</Start><Finish>2018-06-13T00:00:00</Finish>
  <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type></PredecessorLink>
  <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>2400</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
</Task></Tasks></Project>"""
        with pytest.raises(CalendarFileError) as caught:
            read_calendar_mspdi(xml.encode())
        problems = caught.value.problems
        assert [(7, 3), (8, 3)] == [(p.line, p.column) for p in problems]
        assert "not finish-to-start" in problems[0].message
        assert "not a whole number of days" in problems[1].message

    def test_unreadable(self, tmp_path: object) -> None:
        """A missing file, text that is not XML, and a document type (entity expansion) refused."""
        with pytest.raises(CalendarFileError, match="cannot read"):
            read_calendar_mspdi(f"{tmp_path}/none.xml")
        with pytest.raises(CalendarFileError, match="1:"):
            read_calendar_mspdi(b"<Project><Tasks>")
        bomb = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Project>&a;</Project>'
        with pytest.raises(CalendarFileError, match="document type declaration"):
            read_calendar_mspdi(bomb)
        with pytest.raises(CalendarFileError, match="not MSPDI"):
            read_calendar_mspdi(b"<Other/>")


class TestRoundTrip:
    """calendar -> MSPDI -> calendar keeps the steps, their links and lags."""

    @settings(max_examples=30, deadline=None)
    @given(acyclic_calendars(max_steps=6))
    def test_random_calendars(self, calendar: PlanningCalendar) -> None:
        """Random windows, durations and links in both units come back, and the file is in order."""
        xml = calendar_mspdi(calendar)
        check_schema(xml)
        again = read_calendar_mspdi(xml.encode())
        fields = ("id", "no", "phase", "title", "when", "after", "duration")
        assert [tuple(getattr(s, f) for f in fields) for s in calendar.steps] == [
            tuple(getattr(s, f) for f in fields) for s in again.steps
        ]
