"""Tests of the names rules and the reference lists they read, and of what every new finding names.

The lists under src/thaiplan/data/reference/ are checked against their sources where
a source can be read here (the DOPA codes against the geothai package they were
transcribed from) and for their form everywhere (every agency names its sources).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_findings_rules import CODES, NESDB, NESDC, agency_calendar, calendar, step
from thaiplan import (
    Agency,
    Committee,
    Letter,
    LetterNumber,
    Phase,
    Plan,
    PlanningCalendar,
    PlanningDocument,
    Step,
    load_document,
    validate,
)
from thaiplan.checks.rules._reference import central_agencies, dopa_codes


class TestCentralAgencies:
    """The shipped list of central agencies."""

    def test_the_agencies_planning_calendars_name(self):
        names = {agency.name for agency in central_agencies()}
        assert {
            NESDC,
            "สำนักงบประมาณ",
            "กรมส่งเสริมการปกครองท้องถิ่น",
            "กรมการพัฒนาชุมชน",
            "กรมการปกครอง",
            "สำนักงานคณะกรรมการพัฒนาระบบราชการ",
            "สำนักงานการตรวจเงินแผ่นดิน",
        } <= names

    def test_every_entry_names_its_sources(self):
        """Each entry has at least one URL among its sources; former names have years in order."""
        from importlib import resources

        import yaml

        text = (resources.files("thaiplan") / "data" / "reference" / "agencies.yaml").read_text(
            "utf-8"
        )
        for entry in yaml.safe_load(text)["agencies"]:
            assert any(re.search(r"https?://", source) for source in entry["sources"]), entry["id"]
            years = [former["until"] for former in entry.get("former") or ()]
            assert years == sorted(years), entry["id"]
            if "established" in entry and years:
                assert entry["established"] <= years[0]
            assert entry["name"] not in {former["name"] for former in entry.get("former") or ()}

    def test_nesdc_former_name(self):
        (nesdc,) = [a for a in central_agencies() if a.id == "nesdc"]
        assert (NESDB, 2561) == nesdc.former[-1]
        assert "สศช." in nesdc.abbreviations


class TestDopaCodes:
    """The shipped DOPA codes: all 77 provinces and all 928 districts of the source."""

    def test_counts(self):
        codes = dopa_codes()
        assert (77, 928) == (len(codes.provinces), len(codes.districts))
        assert all(code[:2] in codes.provinces for code in codes.districts)

    def test_known_answers(self):
        codes = dopa_codes()
        assert ("สมุทรสาคร", "เมืองสมุทรสาคร", "กระทุ่มแบน", "บ้านแพ้ว") == (
            codes.provinces["74"],
            codes.districts["7401"],
            codes.districts["7402"],
            codes.districts["7403"],
        )
        assert ("เชียงใหม่", "สันทราย") == (codes.provinces["50"], codes.districts["5014"])
        assert "เขตพระนคร" == codes.districts["1001"]

    def test_against_geothai(self):
        """Row by row the same as the geothai package the file was transcribed from."""
        geothai = pytest.importorskip("geothai")
        codes = dopa_codes()
        assert {p.code: p.name_th for p in geothai.provinces()} == codes.provinces
        expected = {
            d.code: d.name_th for p in geothai.provinces() for d in geothai.districts(p.code)
        }
        assert expected == codes.districts

    def test_province_code(self):
        codes = dopa_codes()
        assert ["74", "74", "74", "50", None] == [
            codes.province_code(written)
            for written in ("74", "๗๔", "จังหวัดสมุทรสาคร", "เชียงใหม่", "สมุทรสาครา")
        ]


class TestNames:
    def test_outdated_name_message(self):
        (finding,) = validate(agency_calendar(NESDB)).by_code("outdated-agency-name")
        assert finding.message_en == (
            f"agencies.x: {NESDB!r} is the name that {NESDC} had until 2561; the document is of"
            f" 2562 (its first step, 2019-05-01): write {NESDC!r}"
        )

    def test_in_the_year_of_the_change(self):
        """In 2561 itself either name may be right (the day of the change is not known)."""
        source = calendar(step("s1", "พ.ค. ๖๑", title=f"ส่งแผนให้ {NESDB}"))
        assert () == validate(source).by_code("outdated-agency-name")

    def test_in_a_step_title(self):
        """A step's title names the step."""
        source = calendar(step("s1", "พ.ค. ๖๒", title=f"ส่งแผนให้ {NESDB}"), fiscal_year=2564)
        (finding,) = validate(source).by_code("outdated-agency-name")
        assert (("s1",), ()) == (finding.steps, finding.objects)

    def test_the_letter_date_rules(self):
        """A document is dated by its letter: 2562, so the old name is out of date."""
        letter = Letter(
            LetterNumber.parse("ที่ สค ๐๐๑๗.๒/ว ๑"), dated="๕ เมษายน ๒๕๖๒", subject="แนวทาง"
        )
        source = PlanningDocument(
            "t",
            "tests",
            letter=letter,
            calendar=calendar(
                step("s1", "พ.ค. ๖๑"),
                agencies=[
                    Agency("office", "สำนักงานจังหวัดสมุทรสาคร"),
                    Agency("x", NESDB, "central_agency"),
                ],
            ),
        )
        (finding,) = validate(source).by_code("outdated-agency-name")
        assert "(the letter's date, 2019-04-05)" in finding.message_en

    def test_sao_names(self):
        """สำนักงานตรวจเงินแผ่นดิน until 2542; the current name is not mistaken for it."""
        assert 1 == len(
            validate(agency_calendar("สำนักงานตรวจเงินแผ่นดิน")).by_code("outdated-agency-name")
        )
        assert () == validate(agency_calendar("สำนักงานการตรวจเงินแผ่นดิน")).by_code(
            "outdated-agency-name"
        )

    def test_generic_central_agencies_are_not_judged(self):
        """หน่วยงานส่วนกลาง is a group, not the name of an agency."""
        assert () == validate(agency_calendar("หน่วยงานส่วนกลาง")).by_code("central-agency-name")

    def test_dopa_message(self):
        source = calendar(
            step("s1", "พ.ค. ๖๑"),
            province="เชียงใหม่",
            agencies=[Agency("office", "อำเภอสันทราย", "district_office", "district", code="7401")],
        )
        (finding,) = validate(source).by_code("dopa-code")
        assert finding.message_en == (
            "agencies.office: 'อำเภอสันทราย' has the DOPA code '7401', which is"
            " อำเภอเมืองสมุทรสาคร (จังหวัดสมุทรสาคร); สันทราย is '5014' (อำเภอสันทราย"
            " (จังหวัดเชียงใหม่)): write the code '5014'"
        )

    def test_misspelt_district_is_unofficial_names(self):
        """อำเภอกะทู้แม่แบน names no district (not Phuket's กะทู้): the code is not judged on it."""
        source = calendar(
            step("s1", "พ.ค. ๖๑"),
            agencies=[
                Agency("office", "อำเภอกะทู้แม่แบน", "district_office", "district", code="7402")
            ],
        )
        assert () == validate(source).by_code("dopa-code")

    def test_province_code_against_its_name(self):
        source = calendar(
            step("s1", "พ.ค. ๖๑"), agencies=[Agency("office", "จังหวัดสมุทรสาคร", code="50")]
        )
        (finding,) = validate(source).by_code("dopa-code")
        assert "จังหวัดสมุทรสาคร is '74'" in finding.message_en

    def test_seed_document_is_clean(self):
        """The built-in document gives none of these findings (its codes 74, 7401-7403 are right)."""
        report = validate(load_document("samut-sakhon-2563"), only=list(CODES))
        assert () == report.findings


# -- every finding names steps and fields that exist -------------------------------------------

_MONTHS = [
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
_NAMES = [
    NESDB,
    NESDC,
    "สำนักงานตรวจเงินแผ่นดิน",
    "กรมส่งเสริมการปกครองส่วนท้องถิ่น",
    "อำเภอสันทราย",
    "อำเภอเมืองสมุทรสาคร",
    "จังหวัดเชียงใหม่",
    "หน่วยงานส่วนกลาง",
]


@st.composite
def calendars(draw: Any) -> PlanningCalendar:
    """Calendars with steps in any year near their fiscal year, agencies with codes, plans."""
    fiscal_year = draw(st.integers(2555, 2575))
    count = draw(st.integers(1, 6))
    steps = []
    for i in range(1, count + 1):
        year = draw(st.integers(fiscal_year - 12, fiscal_year + 4)) % 100
        when = f"{draw(st.sampled_from(_MONTHS))} {year:02d}"
        if draw(st.booleans()):
            when = f"ภายใน {when}"
        after = [f"s{j}" for j in range(1, i) if draw(st.booleans())]
        steps.append(
            Step(f"s{i}", i, "p", draw(st.sampled_from(["ขั้นตอน", *_NAMES])), when, after=after)
        )
    agencies = [
        Agency(
            f"a{i}",
            draw(st.sampled_from(_NAMES)),
            draw(st.sampled_from(["central_agency", "district_office", "other"])),
            code=draw(st.sampled_from([None, "74", "50", "7401", "5014", "9999", "740101"])),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    levels = ["village", "local", "district", "provincial"]
    plan_ids = [f"p{i}" for i in range(draw(st.integers(0, 3)))]
    plans = [
        Plan(
            pid,
            draw(st.sampled_from(["แผนพัฒนา", f"แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. {fiscal_year}"])),
            draw(st.sampled_from(["development", "annual_action"])),
            draw(st.sampled_from(levels)),
            fiscal_year=draw(st.sampled_from([None, fiscal_year, fiscal_year + 1])),
            consistent_with=draw(st.lists(st.sampled_from(plan_ids), max_size=2, unique=True)),
        )
        for pid in plan_ids
    ]
    title = f"ปฏิทิน ปีงบประมาณ พ.ศ. {draw(st.sampled_from([fiscal_year, fiscal_year - 1]))}"
    return PlanningCalendar(
        title,
        draw(st.sampled_from(["สมุทรสาคร", "เชียงใหม่", "74"])),
        fiscal_year,
        phases=[Phase("p", "P")],
        steps=steps,
        agencies=agencies,
        committees=[Committee("kbj", "คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ")],
        plans=plans,
    )


def _exists(calendar: PlanningCalendar, where: str) -> bool:
    """Whether a field a finding names is there: calendar.title, agencies.x, plans.y, steps.s.title."""
    if where in ("calendar.title", "calendar.fiscal_year"):
        return True
    kind, _, rest = where.partition(".")
    ids = {
        "agencies": {a.id for a in calendar.agencies},
        "committees": {c.id for c in calendar.committees},
        "plans": {p.id for p in calendar.plans},
        "steps": {f"{s.id}.title" for s in calendar.steps},
    }
    return rest in ids.get(kind, set())


@settings(max_examples=80)
@given(calendars())
def test_every_finding_names_what_exists(source):
    """Each finding of the new rules names steps of the calendar and fields it has."""
    steps = {s.id for s in source.steps}
    for finding in validate(source, only=list(CODES)):
        assert finding.message_en
        assert finding.message_th
        assert set(finding.steps) <= steps, finding
        for step_id in finding.steps:
            assert step_id in finding.message_en
            assert step_id in finding.message_th
        assert all(_exists(source, where) for where in finding.objects), finding
