"""Tests of the rules on a calendar's fiscal year and round, its plans, and its names.

The rule families ``rounds``, ``names`` and ``plans`` (src/thaiplan/checks/rules/):
each rule triggered and fixed (``FINDINGS_CASES``, which tests/test_validate.py runs
with every other rule's cases), known answers for the round and the fix of a mistyped
year, the real examples of issue 10, the shipped reference lists against their
sources, and a property: every finding names steps and fields that exist.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thaiplan import (
    Agency,
    Letter,
    LetterNumber,
    Phase,
    Plan,
    PlanningCalendar,
    PlanningDocument,
    Severity,
    Step,
    dump_calendar,
    load_calendar,
    load_document,
    validate,
)
from thaiplan.checks.rules import _round
from thaiplan.checks.rules._round import round_of
from thaiplan.checks.rules.rounds import fiscal_years_named
from thaiplan.cli import main
from thaiplan.dates import parse_period

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: The codes of the three families.
CODES = (
    "outside-round",
    "late-for-fiscal-year",
    "title-fiscal-year",
    "outdated-agency-name",
    "central-agency-name",
    "dopa-code",
    "plan-consistent-with-itself",
    "plan-consistent-downward",
    "plan-fiscal-year",
)

MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.")
NESDB = "สำนักงานคณะกรรมการพัฒนาการเศรษฐกิจและสังคมแห่งชาติ"
NESDC = "สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ"


# -- builders -----------------------------------------------------------------------------


def step(step_id: str, when: str, **fields: Any) -> Step:
    """A step in phase p, run by the office, unless told otherwise."""
    values: dict[str, Any] = {
        "no": None,
        "phase": "p",
        "title": "ขั้นตอน",
        "responsible": ("office",),
    }
    values.update(fields)
    return Step(step_id, when=when, **values)


def calendar(*steps: Step, fiscal_year: int = 2563, **fields: Any) -> PlanningCalendar:
    """A calendar of Samut Sakhon, one phase, one office, unless told otherwise."""
    values: dict[str, Any] = {
        "province": "สมุทรสาคร",
        "phases": (Phase("p", "Phase"),),
        "agencies": (Agency("office", "สำนักงานจังหวัดสมุทรสาคร"),),
    }
    values.update(fields)
    title = values.pop("title", "ปฏิทินทดสอบ")
    return PlanningCalendar(title, fiscal_year=fiscal_year, steps=steps, **values)


def district_calendar(mistyped: str | None = "พ.ค. ๖๑") -> PlanningCalendar:
    """An 11-step district calendar for FY 2568, one step after another, Jan-Nov 2567.

    With ``mistyped``, step 5 (พ.ค. ๖๗) is written so instead: the calendar of
    issue 10 that gave 9 errors and 75 lines without naming the cause.
    """
    steps = []
    for i, month in enumerate(MONTHS[:9], start=1):
        when = mistyped if i == 5 and mistyped else f"{month} ๖๗"
        steps.append(step(f"s{i}", when, no=i, after=[f"s{i - 1}"] if i > 1 else []))
    return calendar(
        *steps,
        fiscal_year=2568,
        province="เชียงใหม่",
        title="ปฏิทินการจัดทำแผนพัฒนาอำเภอสันทราย ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
        agencies=[Agency("office", "อำเภอสันทราย", "district_office", "district", code="5014")],
    )


def supplementary(house_until: str) -> PlanningCalendar:
    """The shape of the FY 2567 supplementary budget calendar: the House window ends ``house_until``.

    Illustrative dates, not a transcription: the bill is put to the House in
    July 2567 and the House has its window from there (issue 10's real case is
    that window ending after 30 Sep 2567, when FY 2567 is over).
    """
    return calendar(
        step("s1", "๒๑ พ.ค. ๖๗", title="คณะรัฐมนตรีให้ความเห็นชอบปฏิทินงบประมาณ"),
        step("s2", house_until, title="สภาผู้แทนราษฎรพิจารณาร่างพระราชบัญญัติ", after=["s1"]),
        fiscal_year=2567,
        title="ปฏิทินงบประมาณรายจ่ายเพิ่มเติม ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
    )


def plans_calendar(*plans: Plan) -> PlanningCalendar:
    return calendar(step("s1", "พ.ค. ๖๑"), plans=plans)


PROVINCIAL = Plan("prov", "แผนพัฒนาจังหวัด", "development", "provincial", years=(2561, 2564))
VILLAGE = Plan("village", "แผนชุมชน", "community", "village")


def agency_calendar(name: str, *, kind: str = "central_agency", **fields: Any) -> PlanningCalendar:
    """A FY 2564 calendar (steps in 2562) that names an agency ``x``."""
    return calendar(
        step("s1", "พ.ค. ๖๒"),
        fiscal_year=2564,
        agencies=[Agency("office", "สำนักงานจังหวัดสมุทรสาคร"), Agency("x", name, kind, **fields)],
    )


Case = tuple[
    str,
    Callable[[], Any],
    Callable[[], Any],
    list[tuple[Severity, tuple[str, ...], tuple[str, ...]]],
]

FINDINGS_CASES: list[Case] = [
    (
        # พ.ค. ๖๑ for พ.ค. ๖๗: one finding, the cause
        "outside-round",
        lambda: district_calendar(),
        lambda: district_calendar(None),
        [(ERROR, ("s5",), ())],
    ),
    (
        # every step far from the year: the calendar's fiscal_year is wrong (๒๕๓๖ for ๒๕๖๓)
        "outside-round",
        lambda: calendar(
            step("s1", "พ.ค. ๖๑"), step("s2", "ต.ค. ๖๑", after=["s1"]), fiscal_year=2536
        ),
        lambda: calendar(
            step("s1", "พ.ค. ๖๑"), step("s2", "ต.ค. ๖๑", after=["s1"]), fiscal_year=2563
        ),
        [(ERROR, ("s1", "s2"), ("calendar.fiscal_year",))],
    ),
    (
        # FY 2563 begins 1 Oct 2562: a step of ต.ค. ๖๒ comes late for it
        "late-for-fiscal-year",
        lambda: calendar(step("s1", "ก.ย. ๖๒"), step("s2", "ต.ค. ๖๒")),
        lambda: calendar(step("s1", "ก.ย. ๖๒"), step("s2", "ส.ค. ๖๒")),
        [(WARNING, ("s2",), ("calendar.fiscal_year",))],
    ),
    (
        # the supplementary budget's House window ending after 30 Sep 2567
        "late-for-fiscal-year",
        lambda: supplementary("๑๗ ก.ค. - ๒๙ ต.ค. ๖๗"),
        lambda: supplementary("๑๗ ก.ค. - ๒๗ ก.ย. ๖๗"),
        [(ERROR, ("s2",), ("calendar.fiscal_year",))],
    ),
    (
        "title-fiscal-year",
        lambda: calendar(step("s1", "พ.ค. ๖๑"), title="ปฏิทินการจัดทำแผน ปีงบประมาณ พ.ศ. ๒๕๖๔"),
        lambda: calendar(step("s1", "พ.ค. ๖๑"), title="ปฏิทินการจัดทำแผน ปีงบประมาณ พ.ศ. ๒๕๖๓"),
        [(ERROR, (), ("calendar.title", "calendar.fiscal_year"))],
    ),
    (
        # NESDB's name until 2561, in a calendar whose first step is in 2562
        "outdated-agency-name",
        lambda: agency_calendar(NESDB),
        lambda: agency_calendar(NESDC),
        [(WARNING, (), ("agencies.x",))],
    ),
    (
        # a misspelling seen on public pages: ส่วน inserted
        "central-agency-name",
        lambda: agency_calendar("กรมส่งเสริมการปกครองส่วนท้องถิ่น"),
        lambda: agency_calendar("กรมส่งเสริมการปกครองท้องถิ่น"),
        [(WARNING, (), ("agencies.x",))],
    ),
    (
        # 7401 is เมืองสมุทรสาคร; สันทราย is 5014, in Chiang Mai
        "dopa-code",
        lambda: calendar(
            step("s1", "พ.ค. ๖๑"),
            province="เชียงใหม่",
            agencies=[Agency("office", "อำเภอสันทราย", "district_office", "district", code="7401")],
        ),
        lambda: calendar(
            step("s1", "พ.ค. ๖๑"),
            province="เชียงใหม่",
            agencies=[Agency("office", "อำเภอสันทราย", "district_office", "district", code="5014")],
        ),
        [(ERROR, (), ("agencies.office",))],
    ),
    (
        # the right code of a district of another province than the calendar's
        "dopa-code",
        lambda: calendar(
            step("s1", "พ.ค. ๖๑"),
            agencies=[Agency("office", "อำเภอสันทราย", "district_office", "district", code="5014")],
        ),
        lambda: calendar(
            step("s1", "พ.ค. ๖๑"),
            agencies=[Agency("office", "อำเภอบ้านแพ้ว", "district_office", "district", code="7403")],
        ),
        [(WARNING, (), ("agencies.office",))],
    ),
    (
        # a subdistrict code: not judged, and said so
        "dopa-code",
        lambda: calendar(
            step("s1", "พ.ค. ๖๑"), agencies=[Agency("office", "ตำบลท่าจีน", code="740101")]
        ),
        lambda: calendar(step("s1", "พ.ค. ๖๑"), agencies=[Agency("office", "ตำบลท่าจีน")]),
        [(INFO, (), ("agencies.office",))],
    ),
    (
        "plan-consistent-with-itself",
        lambda: plans_calendar(attrs.evolve(PROVINCIAL, consistent_with=["prov"])),
        lambda: plans_calendar(PROVINCIAL),
        [(ERROR, (), ("plans.prov",))],
    ),
    (
        # a provincial plan consistent with village plans
        "plan-consistent-downward",
        lambda: plans_calendar(attrs.evolve(PROVINCIAL, consistent_with=["village"]), VILLAGE),
        lambda: plans_calendar(PROVINCIAL, attrs.evolve(VILLAGE, consistent_with=["prov"])),
        [(ERROR, (), ("plans.prov", "plans.village"))],
    ),
    (
        "plan-fiscal-year",
        lambda: plans_calendar(
            Plan("a", "แผนปฏิบัติราชการประจำปี", "annual_action", "provincial", fiscal_year=2564)
        ),
        lambda: plans_calendar(
            Plan("a", "แผนปฏิบัติราชการประจำปี", "annual_action", "provincial", fiscal_year=2563)
        ),
        [(ERROR, (), ("plans.a", "calendar.fiscal_year"))],
    ),
    (
        # the name's ปีงบประมาณ against the plan's fiscal year
        "plan-fiscal-year",
        lambda: plans_calendar(
            Plan(
                "a",
                "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๒",
                "annual_action",
                "provincial",
                fiscal_year=2563,
            )
        ),
        lambda: plans_calendar(
            Plan(
                "a",
                "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๓",
                "annual_action",
                "provincial",
                fiscal_year=2563,
            )
        ),
        [(ERROR, (), ("plans.a", "calendar.fiscal_year"))],
    ),
]


# -- the round and the fix of a mistyped year --------------------------------------------------


class TestRound:
    """The round of FY N is FY N-2 to FY N; far is more than a fiscal year outside it."""

    @pytest.mark.parametrize(
        ("year", "first", "last"),
        [
            (2568, dt.date(2022, 10, 1), dt.date(2025, 9, 30)),
            (2563, dt.date(2017, 10, 1), dt.date(2020, 9, 30)),
        ],
    )
    def test_round_of(self, year, first, last):
        assert (first, last) == round_of(year)

    @pytest.mark.parametrize(
        ("when", "fiscal_year", "others", "fix"),
        [
            # the example of issue 10: the other steps are in 2567
            ("พ.ค. ๖๑", 2568, "มิ.ย. ๖๗", "พ.ค. ๖๗"),
            ("ภายใน พ.ค. ๖๑", 2568, "มิ.ย. ๖๗", "ภายใน พ.ค. ๖๗"),
            # four digits, transposed; Arabic digits stay Arabic
            ("๑๕ พ.ค. ๒๕๑๖", 2563, "มิ.ย. ๖๑", "๑๕ พ.ค. ๒๕๖๑"),
            ("มิ.ย. - ก.ค. 2516", 2563, "ส.ค. ๖๑", "มิ.ย. - ก.ค. 2561"),
            ("ภายในเดือนมิถุนายน ๒๕๑๖", 2563, "ก.ค. ๖๑", "ภายในเดือนมิถุนายน ๒๕๖๑"),
            # a range across two years: both years move
            ("ต.ค. ๕๑ - มี.ค. ๕๒", 2563, "ก.ย. ๖๑", "ต.ค. ๖๑ - มี.ค. ๖๒"),
            # a day and a time are not years
            ("๓๐ ก.ย. ๕๑ เวลา ๐๙.๓๐ น.", 2563, "ก.ย. ๖๑", "๓๐ ก.ย. ๖๑ เวลา ๐๙.๓๐ น."),
            # too late, not too early
            ("พ.ค. ๗๖", 2568, "มิ.ย. ๖๗", "พ.ค. ๖๗"),
        ],
    )
    def test_fix(self, when, fiscal_year, others, fix):
        """The fix moves the years only, to the year nearest the other steps, and parses."""
        source = calendar(step("s1", others), step("s2", when), fiscal_year=fiscal_year)
        (finding,) = validate(source, only="outside-round")
        assert f"did you mean {fix!r}" in finding.message_en
        first, last = round_of(fiscal_year)
        moved = parse_period(fix)
        assert first <= (moved.start or moved.end)
        assert moved.end <= last

    def test_near_is_not_far(self):
        """A step within a fiscal year of the round is not far (FY 2560 for a FY 2563 calendar)."""
        source = calendar(step("s1", "พ.ค. ๖๐"), step("s2", "พ.ค. ๖๑"))
        assert () == validate(source).by_code("outside-round")

    def test_alone_in_the_calendar(self):
        """With no step inside the round, the fix is the year nearest the round's middle."""
        source = calendar(step("s1", "พ.ศ. ๒๕๔๐"), fiscal_year=2563)
        (finding,) = validate(source, only="outside-round")
        assert "did you mean 'พ.ศ. ๒๕๖๑' (2018)?" in finding.message_en

    def test_a_weekday_stays_true(self):
        """A fix that writes a weekday must agree with it, or it is not offered."""
        source = calendar(step("s1", "วันพุธที่ ๔ เมษายน ๒๕๕๐"), step("s2", "พ.ค. ๖๑"))
        (finding,) = validate(source, only="outside-round")
        assert "did you mean 'วันพุธที่ ๔ เมษายน ๒๕๖๑' (2018)?" in finding.message_en

    @settings(max_examples=60)
    @given(
        st.integers(2540, 2590),
        st.integers(1, 12),
        st.integers(0, 99),
        st.sampled_from(["{m} {y}", "ภายใน {m} {y}", "๑๕ {m} {y}"]),
        st.booleans(),
    )
    def test_every_fix_parses_into_the_round(self, fiscal_year, month, year, form, thai):
        """Whatever the step, a fix offered parses to a period inside the round."""
        digits = f"{year:02d}"
        if thai:
            digits = "".join("๐๑๒๓๔๕๖๗๘๙"[int(d)] for d in digits)
        when = form.format(
            m=(
                [
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
            )[month - 1],
            y=digits,
        )
        source = calendar(step("s1", when), fiscal_year=fiscal_year)
        first, last = round_of(fiscal_year)
        for far in _round.far_steps(object(), source).values():
            if far.fix is not None:
                moved = parse_period(far.fix)
                assert first <= (moved.start or moved.end)
                assert moved.end <= last


class TestMisdatedFiscalYear:
    """When every step is far from the round, the calendar's fiscal_year is what is wrong."""

    def test_the_seed_with_its_year_transposed(self):
        """The seed calendar with fiscal_year 2536 (๒๕๓๖ for ๒๕๖๓): one finding, with the year."""
        seed = load_document("samut-sakhon-2563").calendar
        report = validate(attrs.evolve(seed, fiscal_year=2536), only=list(CODES))
        (finding,) = report.by_code("outside-round")
        assert finding.objects == ("calendar.fiscal_year",)
        assert len(finding.steps) == 15
        assert finding.message_en.endswith(
            "they lie in FY 2561–2562, so the calendar's fiscal_year is likely wrong;"
            " did you mean fiscal_year: 2563?"
        )
        # the title and the annual plan say 2563 too; nothing is reported step by step
        assert {"outside-round": 1, "title-fiscal-year": 1, "plan-fiscal-year": 1} == dict(
            report.codes()
        )

    def test_steps_over_too_many_years(self):
        source = calendar(step("s1", "พ.ค. ๖๑"), step("s2", "พ.ค. ๖๕"), fiscal_year=2536)
        (finding,) = validate(source).by_code("outside-round")
        assert finding.message_en.endswith("; no one round holds them all")

    def test_their_order_is_still_judged(self):
        """The steps keep their dates against each other: negative slack is still reported."""
        source = calendar(
            step("s1", "พ.ค. ๖๑", duration=40),
            step("s2", "พ.ค. ๖๑", after=["s1"]),
            fiscal_year=2536,
        )
        assert validate(source).by_code("negative-slack")


class TestOnceAsTheCause:
    """A far step is reported once, and the chain of errors it causes is not."""

    def test_one_finding(self):
        """The district calendar with one mistyped year: one error, naming it and the fix."""
        report = validate(district_calendar())
        assert {"outside-round": 1} == dict(report.codes())
        (finding,) = report.errors
        assert finding.message_en.startswith(
            "s5: 'พ.ค. ๖๑' (2018) lies outside the FY 2568 round (FY 2566–2568, 2022-10-01 to"
            " 2025-09-30); did you mean 'พ.ค. ๖๗' (2024)?"
        )
        assert "หรือควรเป็น 'พ.ค. ๖๗'" in finding.message_th

    def test_the_chain_it_would_cause(self, monkeypatch):
        """Without the rule on the round, the same calendar gives the chain of errors it hides."""
        monkeypatch.setattr(_round, "_far", lambda calendar: {})
        codes = validate(district_calendar()).codes()
        assert codes["negative-slack"] >= 1
        assert codes["impossible-dependency"] >= 1

    def test_the_fixed_calendar_is_clean(self):
        assert validate(district_calendar(None)).ok


# -- the fiscal year: late steps, the title ---------------------------------------------------


class TestFiscalYear:
    def test_supplementary_message(self):
        """The House window of the FY 2567 supplementary budget ending after 30 Sep 2567."""
        (finding,) = validate(supplementary("๑๗ ก.ค. - ๒๙ ต.ค. ๖๗")).by_code("late-for-fiscal-year")
        assert finding.message_en.startswith(
            "fiscal year 2567 ends on 2024-09-30, but the calendar that prepares it has steps"
            " that end later: s2 (๑๗ ก.ค. - ๒๙ ต.ค. ๖๗, 2024-10-29)."
        )

    def test_supplementary_within_the_year_is_no_warning(self):
        """A supplementary budget is prepared within the year it adds to."""
        assert () == validate(supplementary("๑๗ ก.ค. - ๒๗ ก.ย. ๖๗")).by_code("late-for-fiscal-year")

    def test_sending_is_action_plan_late(self):
        """Sending the plans to central agencies late is action-plan-late's, not reported twice."""
        title = "จัดส่งแผนปฏิบัติการประจำปีให้หน่วยงานส่วนกลาง"
        report = validate(calendar(step("s1", "ต.ค. ๖๒", title=title)))
        assert ("action-plan-late",) == tuple(report.codes())

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("ปีงบประมาณ พ.ศ. ๒๕๖๓", [(2563, 2563)]),
            ("ประจำปีงบประมาณ 2563", [(2563, 2563)]),
            ("ปีงบประมาณ ๖๓", [(2563, 2563)]),
            ("ปีงบประมาณ พ.ศ. ๒๕๖๑ - ๒๕๖๔", [(2561, 2564)]),
            ("ปีงบประมาณ พ.ศ.2566–พ.ศ.2570", [(2566, 2570)]),
            ("แผนพัฒนาจังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)", []),
            ("ปีงบประมาณ ๒๕๖๓ และปีงบประมาณ ๒๕๖๔", [(2563, 2563), (2564, 2564)]),
        ],
    )
    def test_fiscal_years_named(self, text, expected):
        assert expected == [(first, last) for _, first, last in fiscal_years_named(text)]

    def test_title_in_a_range(self):
        """A title naming fiscal years 2561-2564 agrees with a calendar for 2563."""
        source = calendar(step("s1", "พ.ค. ๖๑"), title="ปฏิทิน ปีงบประมาณ พ.ศ. ๒๕๖๑ - ๒๕๖๔")
        assert () == validate(source).by_code("title-fiscal-year")

    def test_letter_subject(self):
        """The letter's subject is checked too, in a document."""
        letter = Letter(
            LetterNumber.parse("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗"),
            dated="๕ เมษายน ๒๕๖๑",
            subject="แนวทาง ประจำปีงบประมาณ พ.ศ. ๒๕๖๒",
        )
        source = PlanningDocument(
            "t", "tests", letter=letter, calendar=calendar(step("s1", "พ.ค. ๖๑"))
        )
        (finding,) = validate(source).by_code("title-fiscal-year")
        assert ("letter.subject", "calendar.fiscal_year") == finding.objects
        assert "fiscal_year: 2562, or the subject" in finding.message_en


class TestThroughTheFile:
    """The rules work on a calendar file, through the command line."""

    def test_validate_command(self, tmp_path):
        """The command on the district calendar's file: one error, the cause and its fix."""
        path = tmp_path / "district.yaml"
        dump_calendar(district_calendar(), path)
        assert district_calendar() == load_calendar(path)
        out = io.StringIO()
        status = main(["validate", str(path), "--format", "json"], out=out)
        data = json.loads(out.getvalue())
        assert 1 == status
        assert [("outside-round", ["s5"])] == [
            (f["code"], f["steps"]) for f in data["findings"] if f["severity"] == "error"
        ]
        assert "did you mean 'พ.ค. ๖๗' (2024)?" in data["findings"][0]["message_en"]
