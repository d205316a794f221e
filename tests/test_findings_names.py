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

MHESI = "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"
MOST = "กระทรวงวิทยาศาสตร์และเทคโนโลยี"
MDES = "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"
MICT = "กระทรวงเทคโนโลยีสารสนเทศและการสื่อสาร"

#: The keys an entry may have, and those it must have (the file's header describes them).
_FIELDS = {
    "id",
    "name",
    "abbreviations",
    "name_en",
    "parent",
    "established",
    "former",
    "sources",
    "notes",
}
_REQUIRED = {"id", "name", "sources"}
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")


def _file() -> Any:
    from importlib import resources

    import yaml

    text = (resources.files("thaiplan") / "data" / "reference" / "agencies.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _squeezed(text: str) -> str:
    return "".join(text.split())


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
            "สำนักงานคณะกรรมการข้าราชการพลเรือน",
            "กรมบัญชีกลาง",
            "กระทรวงการคลัง",
            "สำนักงานบริหารหนี้สาธารณะ",
            "สำนักงานเศรษฐกิจการคลัง",
            "สำนักงานสถิติแห่งชาติ",
            MDES,
            MHESI,
            "สำนักเลขาธิการคณะรัฐมนตรี",
            "สำนักงานปลัดสำนักนายกรัฐมนตรี",
            "สำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น",
            "สำนักงานคณะกรรมการกฤษฎีกา",
            "สำนักงบประมาณของรัฐสภา",
        } <= names

    def test_the_form_of_every_entry(self):
        """Keys, types and ranges of every entry, as the file's header describes them."""
        data = _file()
        assert "thaiplan-agencies/1" == data["format"]
        ids = [entry["id"] for entry in data["agencies"]]
        assert len(ids) == len(set(ids))
        for entry in data["agencies"]:
            where = entry["id"]
            assert _REQUIRED <= set(entry) <= _FIELDS, where
            assert re.fullmatch("[a-z][a-z0-9]*", entry["id"]), where
            for key in ("name", "parent", "notes", "name_en"):
                if key in entry:
                    value = entry[key]
                    assert isinstance(value, str), where
                    assert value, where
                    assert value == value.strip(), where
            assert _THAI_LETTER.search(entry["name"]), where
            assert not _THAI_LETTER.search(entry.get("name_en", "")), where
            abbreviations = entry.get("abbreviations", [])
            assert isinstance(abbreviations, list), where
            assert all(isinstance(a, str) and a.strip() == a and a for a in abbreviations), where
            assert len(abbreviations) == len(set(abbreviations)), where
            years = [former["until"] for former in entry.get("former") or ()]
            for former in entry.get("former") or ():
                assert {"name", "until"} == set(former), where
                assert _THAI_LETTER.search(former["name"]), where
            if "established" in entry:
                years.insert(0, entry["established"])
            assert all(isinstance(y, int) and 2400 <= y <= 2600 for y in years), where
            assert years == sorted(years), where  # founded first, each name replaced in turn
            assert entry["sources"], where
            for source in entry["sources"]:
                assert isinstance(source, str), where
                assert re.match("https?://", source), where

    def test_no_form_names_two_agencies(self):
        """A name, former name or abbreviation belongs to one agency only.

        Else a finding could give the wrong current name.
        """
        owner: dict[str, str] = {}
        for agency in central_agencies():
            forms = {agency.name, *agency.abbreviations, *(name for name, _ in agency.former)}
            for form in forms:
                assert owner.setdefault(_squeezed(form), agency.id) == agency.id, form

    def test_the_loader_reads_every_entry(self):
        entries = _file()["agencies"]
        assert [
            (
                e["id"],
                e["name"],
                tuple(e.get("abbreviations") or ()),
                tuple((f["name"], f["until"]) for f in e.get("former") or ()),
            )
            for e in entries
        ] == [(a.id, a.name, a.abbreviations, a.former) for a in central_agencies()]

    @pytest.mark.parametrize(
        ("agency_id", "abbreviations", "former"),
        [
            ("dla", ("สถ.",), ()),
            ("ocsc", ("สำนักงาน ก.พ.",), ()),
            ("cgd", (), (("กรมสารบาญชี", 2458),)),
            ("mof", (), ()),
            ("pdmo", ("สบน.",), ()),
            ("fpo", ("สศค.",), ()),
            ("nso", ("สสช.",), ()),
            ("mdes", ("กระทรวงดีอีเอส",), ((MICT, 2559),)),
            ("mhesi", ("อว.",), ((MOST, 2562),)),
            ("soc", ("สลค.",), ()),
            ("opm", ("สปน.",), ()),
            ("odloc", ("สำนักงาน ก.ก.ถ.",), ()),
            ("ocs", (), ()),
            ("pbo", ("สงร.",), ()),
        ],
    )
    def test_known_answers(self, agency_id, abbreviations, former):
        """The short forms and former names each source gives (see the entry's sources)."""
        (agency,) = [a for a in central_agencies() if a.id == agency_id]
        assert (abbreviations, former) == (agency.abbreviations, agency.former)

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


def _named(name: str, when: str, fiscal_year: int) -> PlanningCalendar:
    """A calendar whose first step is ``when`` and that names the central agency ``x``."""
    return calendar(
        step("s1", when),
        fiscal_year=fiscal_year,
        agencies=[
            Agency("office", "สำนักงานจังหวัดสมุทรสาคร"),
            Agency("x", name, "central_agency"),
        ],
    )


class TestOutdatedNamesOfTheList:
    """Known answers: each former name with a year, before, in and after the year of the change."""

    @pytest.mark.parametrize(
        ("written", "when", "fiscal_year", "current", "until"),
        [
            (MOST, "พ.ค. ๖๓", 2564, MHESI, 2562),
            (MOST, "พ.ค. ๖๒", 2563, None, 2562),  # the year of the change: either name
            (MOST, "พ.ค. ๖๑", 2562, None, 2562),
            (MICT, "พ.ค. ๖๐", 2561, MDES, 2559),
            (MICT, "ต.ค. ๕๙", 2560, None, 2559),
            ("กรมสารบาญชี", "พ.ค. ๖๒", 2563, "กรมบัญชีกลาง", 2458),
            ("สำนักงานคณะกรรมการตรวจเงินแผ่นดิน", "พ.ค. ๖๒", 2563, "สำนักงานการตรวจเงินแผ่นดิน", 2522),
            (NESDB, "พ.ค. ๖๒", 2563, NESDC, 2561),
            (MHESI, "พ.ค. ๖๓", 2564, None, 0),
            (MDES, "พ.ค. ๖๓", 2564, None, 0),
            ("สำนักงานสถิติแห่งชาติ", "พ.ค. ๖๓", 2564, None, 0),
        ],
    )
    def test_known_answers(self, written, when, fiscal_year, current, until):
        findings = validate(_named(written, when, fiscal_year)).by_code("outdated-agency-name")
        if current is None:
            assert () == findings
            return
        (finding,) = findings
        assert f"agencies.x: {written!r} is the name that {current} had until {until};" in (
            finding.message_en
        )
        assert finding.message_en.endswith(f"write {current!r}")
        assert f"ให้ใช้ชื่อปัจจุบัน '{current}'" in finding.message_th

    def test_in_a_step_title(self):
        """The ministry's former name in a step's title of 2563 names the step."""
        source = calendar(step("s1", "พ.ค. ๖๓", title=f"ส่งรายงานให้ {MOST}"), fiscal_year=2564)
        (finding,) = validate(source).by_code("outdated-agency-name")
        assert (("s1",), ()) == (finding.steps, finding.objects)
        assert MHESI in finding.message_en

    def test_every_current_form_is_quiet(self):
        """Every name and short form on the list, as a central agency: no finding of either rule."""
        for agency in central_agencies():
            for form in (agency.name, *agency.abbreviations):
                report = validate(_named(form, "พ.ค. ๖๓", 2564))
                codes = ("outdated-agency-name", "central-agency-name")
                assert not [f for f in report if f.code in codes], form


class TestCentralAgencyNamesOfTheList:
    @pytest.mark.parametrize(
        ("written", "meant"),
        [
            ("สำนักงานสถิติแห่งชาต", "สำนักงานสถิติแห่งชาติ"),
            ("สำนักเลขาธิการคณะรัฐมนตร", "สำนักเลขาธิการคณะรัฐมนตรี"),
            ("กระทรวงการอุดมศึกษาวิทยาศาสตร์วิจัยและนวตกรรม", MHESI),
            ("กรมบัญชีกลา", "กรมบัญชีกลาง"),
            ("สำนักงานบริหารหนี้สาธารณ", "สำนักงานบริหารหนี้สาธารณะ"),
            ("กรมส่งเสริมการปกครองส่วนท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น"),
            # a listed name whole, with a letter or two more: a slip, not another word
            ("กรมบัญชีกลางง", "กรมบัญชีกลาง"),
            ("สำนักงานสถิติแห่งชาติติ", "สำนักงานสถิติแห่งชาติ"),
        ],
    )
    def test_misspellings(self, written, meant):
        (finding,) = validate(_named(written, "พ.ค. ๖๓", 2564)).by_code("central-agency-name")
        assert finding.message_en.endswith(f"did you mean {meant!r}?")

    @pytest.mark.parametrize(
        "written",
        [
            # parts of a listed agency: they hold its name whole (ratios 0.85 and 0.89 to it)
            "สำนักงานปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
            "สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",
            "กรมบัญชีกลาง กระทรวงการคลัง",  # the agency and its ministry
            "กรมบัญชีกลางฯ",  # a sign, not a letter
            # provincial offices are not on the list of central agencies
            "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสมุทรสาคร",
            "สำนักงานสถิติจังหวัดสมุทรสาคร",
            "สำนักงานพัฒนาชุมชนจังหวัดสมุทรสาคร",
            "สำนักงานการตรวจเงินแผ่นดนจังหวัด",  # 0.86 to สตง.'s name, but a provincial office
            # the list's forms, spaced otherwise
            "สำนักงาน ก.พ.",
            "สำนักงานก.ก.ถ.",
            "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัย และนวัตกรรม",
        ],
    )
    def test_not_misspellings(self, written):
        assert () == validate(_named(written, "พ.ค. ๖๓", 2564)).by_code("central-agency-name")


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
    MOST,
    MICT,
    "สำนักงานปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
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
