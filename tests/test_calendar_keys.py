"""The calendar-level keys: scope, year, standing yearly calendars (recurs), for_fiscal_year."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from thaiplan import PlanningCalendar, Step
from thaiplan.dates import parse_period
from thaiplan.errors import CalendarFileError, ModelError
from thaiplan.model._scope import TEMPLATE_FISCAL_YEAR, Recurs, Scope, placed_years

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHECKLIST = EXAMPLES / "municipal_ordinance_checklist.yaml"
NATIONAL = EXAMPLES / "national_budget_2567_timeline.yaml"
needs_examples = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no examples beside the tests")

HEAD = "format: thaiplan-calendar/1\ntitle: ทดลอง\nphases: [{id: p, title: P}]\n"


def calendar(keys: str, *steps: str) -> PlanningCalendar:
    lines = "".join(
        f"  - {{id: s{i}, no: {i}, phase: p, title: t, {s}}}\n" for i, s in enumerate(steps)
    )
    return thaiplan.loads_calendar(HEAD + keys + "steps:\n" + lines)


# -- existing files keep their records ------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["samut-sakhon-2563", *([str(EXAMPLES / "alternative_calendar.yaml")] * EXAMPLES.is_dir())],
)
def test_files_of_today_load_to_the_same_records(source: str) -> None:
    """A file without the new keys: scope province, no year, each period its `when` read alone."""
    loaded = thaiplan.load_calendar(source)
    assert (loaded.scope, loaded.year, loaded.recurs) == (Scope.PROVINCE, None, None)
    assert loaded.province
    assert loaded.fiscal_year is not None
    for step in loaded:
        assert step.year is None
        assert step.period == parse_period(step.when)
    written = thaiplan.dumps_calendar(loaded)
    for key in ("scope:", "\nyear:", "recurs:", "  year:"):
        assert key not in written
    assert thaiplan.loads_calendar(written) == loaded


def test_the_builtin_document_is_unchanged() -> None:
    snapshot = Path(__file__).resolve().parent / "snapshots" / "samut-sakhon-2563.json"
    document = thaiplan.load_document("samut-sakhon-2563")
    assert json.loads(thaiplan.dumps_document(document, format="json")) == json.loads(
        snapshot.read_text(encoding="utf-8")
    )


# -- scope and province ------------------------------------------------------------------------


def test_a_national_calendar_has_no_province() -> None:
    national = calendar("scope: national\nfiscal_year: 2567\n", "when: 13 ก.ย. 2566")
    assert national.province == ""
    assert national.scope is Scope.NATIONAL
    report = thaiplan.validate(national)
    assert not [f for f in report.findings if "province" in f.message_en]
    assert not report.by_code("unofficial-name")


@pytest.mark.parametrize("scope", ["", "scope: province\n", "scope: district\n"])
def test_a_province_or_district_calendar_needs_its_province(scope: str) -> None:
    with pytest.raises(CalendarFileError) as caught:
        calendar(scope + "fiscal_year: 2567\n", "when: 13 ก.ย. 2566")
    assert "a PlanningCalendar needs the key 'province'" in str(caught.value)
    with pytest.raises(ModelError, match="province must be given"):
        PlanningCalendar("t", fiscal_year=2567, scope=scope.split(": ")[-1].strip() or "province")


def test_a_wrong_scope_is_named_with_the_scopes() -> None:
    with pytest.raises(
        CalendarFileError, match=r"'nation' is not one of .*did you mean 'national'"
    ):
        calendar("scope: nation\nfiscal_year: 2567\n", "when: 13 ก.ย. 2566")


# -- year ---------------------------------------------------------------------------------------


def test_dates_without_a_year_are_read_in_the_calendars_year() -> None:
    read = calendar(
        "scope: national\nfiscal_year: 2567\nyear: 2566\n",
        "when: วันที่ 22-24 พ.ย.",
        "when: ธ.ค. - ม.ค.",  # across New Year: ends in the next year
        "when: 29 พ.ย.-5ธ.ค.66",  # its own year kept
        "when: วันที่ 3-4 มกราคม, year: 2567",  # a step's own year
    )
    periods = [(s.period.start, s.period.end) for s in read]
    assert periods == [
        (dt.date(2023, 11, 22), dt.date(2023, 11, 24)),
        (dt.date(2023, 12, 1), dt.date(2024, 1, 31)),
        (dt.date(2023, 11, 29), dt.date(2023, 12, 5)),
        (dt.date(2024, 1, 3), dt.date(2024, 1, 4)),
    ]
    written = thaiplan.dumps_calendar(read)
    assert written.count("  year: 2567") == 1  # only the step's own
    assert thaiplan.loads_calendar(written) == read
    assert thaiplan.loads_calendar(thaiplan.dumps_calendar(read, format="json")) == read


def test_without_a_year_the_error_says_the_year_is_missing() -> None:
    with pytest.raises(CalendarFileError) as caught:
        calendar("scope: national\nfiscal_year: 2567\n", "when: วันที่ 22 ธ.ค.")
    message = str(caught.value)
    assert ":7:" in message
    assert "missing year" in message
    assert "calendar's year key" in message


def test_the_api_gives_the_calendars_year_to_its_steps() -> None:
    step = Step("s1", 1, "p", "t", "วันที่ 22 ธ.ค.", year=2566)
    built = PlanningCalendar("t", fiscal_year=2567, scope="national", year=2566, steps=[step])
    assert built.step("s1").period.end == dt.date(2023, 12, 22)
    other = Step("s2", 2, "p", "t", "22 ธ.ค. 2566")
    assert attrs.evolve(built, steps=[other]).step("s2").year == 2566  # given by the calendar
    assert attrs.evolve(step, year=2567).period.end == dt.date(2024, 12, 22)
    with pytest.raises(thaiplan.errors.ThaiDateError, match="missing year"):
        Step("s1", 1, "p", "t", "วันที่ 22 ธ.ค.")


# -- standing yearly calendars -----------------------------------------------------------------

CHECKLIST_WHENS = ["(ภายในวันที่ ๑๕ สิงหาคม)", "ภายใน 15 กันยายน", "ภายใน 1 ตุลาคม"]


def test_the_placement_rule_known_answers() -> None:
    assert placed_years(CHECKLIST_WHENS, 2569) == [2568, 2568, 2568]
    assert placed_years(["ภายใน ต.ค.", "ธ.ค. - ม.ค.", "ภายใน 30 ก.ย."], 2569) == [2568, 2568, 2569]
    assert placed_years(["15 ส.ค. 2568", "ภายใน มี.ค."], 2569) == [2569, 2569]
    assert placed_years([], 2569) == []


def test_a_standing_calendar_is_a_template_and_gives_the_calendar_of_a_year() -> None:
    lines = [f"when: '{w}'" for w in CHECKLIST_WHENS]
    template = calendar("scope: local\nrecurs: yearly\n", *lines)
    assert template.is_template
    assert template.recurs is Recurs.YEARLY
    assert template.fiscal_year is None
    assert template.province == ""
    assert {s.year for s in template} == {TEMPLATE_FISCAL_YEAR - 1}
    assert thaiplan.loads_calendar(thaiplan.dumps_calendar(template)) == template
    assert "  year:" not in thaiplan.dumps_calendar(template)
    fy2569 = template.for_fiscal_year(2569)
    assert not fy2569.is_template
    assert fy2569.fiscal_year == 2569
    assert [s.period.end for s in fy2569] == [
        dt.date(2025, 8, 15),
        dt.date(2025, 9, 15),
        dt.date(2025, 10, 1),
    ]
    assert thaiplan.loads_calendar(thaiplan.dumps_calendar(fy2569)) == fy2569
    assert thaiplan.schedule(fy2569).feasible


def test_only_a_standing_calendar_may_leave_out_the_fiscal_year() -> None:
    with pytest.raises(CalendarFileError, match="needs the key 'fiscal_year'"):
        calendar("scope: local\n", "when: ภายใน 1 ตุลาคม 2568")
    with pytest.raises(CalendarFileError, match="year must be left out of a standing calendar"):
        calendar("scope: local\nrecurs: yearly\nyear: 2568\n", "when: ภายใน 1 ตุลาคม")
    seed = thaiplan.load_calendar("samut-sakhon-2563")
    assert seed.for_fiscal_year(2563) is seed
    with pytest.raises(ModelError, match=r"not a standing one.*shift"):
        seed.for_fiscal_year(2564)
    with pytest.raises(thaiplan.errors.ModelTypeError):
        seed.for_fiscal_year("2563")  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(
    fiscal_year=st.integers(2500, 2640),
    days=st.lists(
        st.tuples(st.integers(1, 12), st.integers(1, 28), st.sampled_from(["", "ภายใน "])),
        min_size=1,
        max_size=6,
    ),
)
def test_a_standing_calendar_shifted_a_year_is_the_next_years(
    fiscal_year: int, days: list[tuple[int, int, str]]
) -> None:
    """for_fiscal_year(N) shifted to N+1 equals for_fiscal_year(N+1)."""
    months = thaiplan.dates.MONTH_NAMES
    steps = [
        Step(f"s{i}", i, "p", "t", f"{word}{day} {months[month - 1]}", year=2566)
        for i, (month, day, word) in enumerate(days)
    ]
    template = PlanningCalendar("t", scope="local", recurs="yearly", steps=steps)
    shifted = thaiplan.shift(template.for_fiscal_year(fiscal_year), fiscal_year=fiscal_year + 1)
    assert shifted.calendar == template.for_fiscal_year(fiscal_year + 1)
    for step in template.for_fiscal_year(fiscal_year):  # the last step lies inside the year
        assert step.period.end <= thaiplan.FiscalYear(fiscal_year).end


def test_a_template_cannot_be_shifted() -> None:
    template = calendar("scope: local\nrecurs: yearly\n", "when: ภายใน 1 ตุลาคม")
    with pytest.raises(ModelError, match="for_fiscal_year"):
        thaiplan.shift(template, fiscal_year=2569)


def test_shift_moves_the_calendars_year_and_keeps_words_without_a_year() -> None:
    read = calendar("scope: national\nfiscal_year: 2567\nyear: 2566\n", "when: วันที่ 22 ธ.ค.")
    moved = thaiplan.shift(read, fiscal_year=2568).calendar
    assert moved.year == 2567
    assert moved.step("s0").when == "วันที่ 22 ธ.ค."
    assert moved.step("s0").period.end == dt.date(2024, 12, 22)


# -- Gantt marks without gantt_year -----------------------------------------------------------


def test_gantt_marks_without_a_table_year_are_checked() -> None:
    read = calendar(
        "scope: national\nfiscal_year: 2567\n",
        "when: พ.ย. - ธ.ค. 2566, gantt: [ต.ค.]",  # marked a month early
        "when: ธ.ค. 2566 - ม.ค. 2567, gantt: [ธ.ค., ม.ค.]",  # across New Year: fine
    )
    found = thaiplan.validate(read).by_code("gantt-outside-period")
    assert [f.steps for f in found] == [("s0",)]
    assert "read in the stated period's year" in found[0].message_en
    with_year = calendar(
        "scope: national\nfiscal_year: 2567\nyear: 2566\n", "when: พ.ย. - ธ.ค., gantt: [ต.ค.]"
    )
    assert [f.steps for f in thaiplan.validate(with_year).by_code("gantt-outside-period")] == [
        ("s0",)
    ]


# -- the real calendars of examples/ ----------------------------------------------------------


@needs_examples
def test_the_municipal_checklist_loads_as_written() -> None:
    checklist = thaiplan.load_calendar(CHECKLIST)
    assert checklist.is_template
    assert checklist.scope is Scope.LOCAL
    assert checklist.step("motion").when == "(ภายในวันที่ ๑๕ สิงหาคม)"
    fy2569 = checklist.for_fiscal_year(2569)
    assert [s.period.end for s in fy2569 if s.dated] == [
        dt.date(2025, 8, 15),
        dt.date(2025, 9, 15),
        dt.date(2025, 10, 1),
    ]
    # the members' copy: at least 3 days before the council meets; the documents: no date
    assert not fy2569.step("copies-to-members").dated
    assert fy2569.step("documents-for-council").when == ""
    plan = thaiplan.schedule(fy2569)
    assert plan["copies-to-members"].latest_finish == dt.date(2025, 9, 12)
    report = thaiplan.validate(fy2569)
    assert not report.errors
    # the source names no one for the documents; the ordinance's coming into force is an event
    assert [f.steps for f in report.warnings if f.code == "no-responsible"] == [
        ("documents-for-council",),
    ]
    assert {f.code for f in report.warnings} == {"no-responsible"}


@needs_examples
def test_the_national_timeline_loads_as_written() -> None:
    national = thaiplan.load_calendar(NATIONAL)
    assert (national.scope, national.province, national.year) == (Scope.NATIONAL, "", 2566)
    assert national.step("s4").period.end == dt.date(2023, 12, 22)
    assert national.step("s6").period.start == dt.date(2024, 1, 3)
    assert national.step("s7").period.approximate
    report = thaiplan.validate(national)
    assert not report.errors
    assert not [f for f in report.findings if "province" in f.message_en]


@needs_examples
def test_the_first_reading_schedule_loads_as_written() -> None:
    reading = thaiplan.load_calendar(EXAMPLES / "national_budget_2567_first_reading.yaml")
    assert reading.province == ""
    assert reading.step("s1").period.end == dt.date(2023, 12, 21)  # "วานนี้ (21 ธันวาคม)", 2566
    assert reading.step("s2").period.start == dt.date(2024, 1, 3)
    assert reading.step("s2").period.end == dt.date(2024, 1, 5)
    times = reading.step("s3").period.times
    assert times is not None
    assert (times.start, times.end) == (dt.time(9, 30), dt.time(0, 30))
    # true: the FY 2567 bill was debated in January 2567, after its year began on 1 October 2566
    found = thaiplan.validate(reading).findings
    assert [(f.code, f.severity.value) for f in found] == [("late-for-fiscal-year", "warning")]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thaiplan", *args],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@needs_examples
def test_the_commands_take_a_fiscal_year() -> None:
    shown = run("show", str(CHECKLIST))
    assert shown.returncode == 2
    assert "--fiscal-year N" in shown.stderr
    shown = run("show", str(CHECKLIST), "--fiscal-year", "2569")
    assert shown.returncode == 0
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๙" in shown.stdout
    assert "๑ ต.ค. ๖๘" in shown.stdout
    bounds = run("schedule", str(CHECKLIST), "--fiscal-year", "2569", "--format", "json")
    assert json.loads(bounds.stdout)["steps"]["ordinance-in-force"]["latest_finish"] == "2025-10-01"
    checked = run("validate", str(CHECKLIST))
    assert checked.returncode == 0, checked.stdout
    assert run("validate", str(CHECKLIST), "--fiscal-year", "2569").returncode == 0
    exported = run("export", str(CHECKLIST), "--to", "ics", "--fiscal-year", "2569")
    assert exported.returncode == 0
    assert "DTSTART;VALUE=DATE:20251001" in exported.stdout
    refused = run("validate", "samut-sakhon-2563", "--fiscal-year", "2564")
    assert refused.returncode == 2
    assert "shift" in refused.stderr


@needs_examples
def test_the_schema_takes_the_new_keys_and_requires_what_the_reader_requires() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(thaiplan.calendar_schema())
    for path in (CHECKLIST, NATIONAL, EXAMPLES / "national_budget_2567_first_reading.yaml"):
        data = json.loads(thaiplan.dumps_calendar(thaiplan.load_calendar(path), format="json"))
        assert [] == list(validator.iter_errors(data)), path.name
        one_year = (
            thaiplan.load_calendar(path).for_fiscal_year(2569) if "checklist" in path.name else None
        )
        if one_year is not None:
            assert [] == list(
                validator.iter_errors(json.loads(thaiplan.dumps_calendar(one_year, format="json")))
            )
    base = {"format": "thaiplan-calendar/1", "title": "t"}
    refused = [
        {**base, "fiscal_year": 2567},  # a province's calendar without its province
        {**base, "scope": "district", "fiscal_year": 2567},
        {**base, "scope": "national"},  # no fiscal year, not a standing calendar
        {**base, "scope": "local", "recurs": "yearly", "year": 2568},
    ]
    for data in refused:
        assert list(validator.iter_errors(data)), data
        with pytest.raises(CalendarFileError):
            thaiplan.loads_calendar(json.dumps(data, ensure_ascii=False))
    taken = [
        {**base, "scope": "national", "fiscal_year": 2567},
        {**base, "scope": "local", "recurs": "yearly"},
    ]
    for data in taken:
        assert [] == list(validator.iter_errors(data)), data
        thaiplan.loads_calendar(json.dumps(data, ensure_ascii=False))
