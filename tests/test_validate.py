"""Tests of thaiplan.checks: every rule, the registry, the report, the real document.

Each rule has a small calendar or document that triggers it, with the code,
severity, steps and objects expected, and the same input fixed, which gives
no finding of that code. The built-in document (the seed circular of Samut
Sakhon, /work/shared/seed/000_e882f0d035c20451.txt) is checked finding by
finding: each expected finding says which inconsistency of the seed it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs
import pytest

from test_findings_rules import FINDINGS_CASES
from thaiplan import (
    Action,
    Agency,
    AgendaItem,
    Committee,
    Correction,
    Dependency,
    DistributionList,
    Finding,
    Issue,
    Letter,
    LetterNumber,
    Meeting,
    ModelError,
    Phase,
    PlanningCalendar,
    PlanningDocument,
    Recipient,
    Report,
    Resolution,
    Severity,
    Step,
    load_document,
    register_rule,
    rule,
    rules,
    unregister_rule,
    validate,
)
from thaiplan.dates import parse_period

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
Source = PlanningCalendar | PlanningDocument


# -- builders -----------------------------------------------------------------------------


def step(step_id: str, when: str = "พ.ค. ๖๑", **fields: object) -> Step:
    """A step in phase p, run by the provincial office, unless told otherwise."""
    values: dict[str, object] = {
        "no": None,
        "phase": "p",
        "title": "ขั้นตอน",
        "responsible": ("office",),
    }
    values.update(fields)
    return Step(step_id, when=when, **values)  # type: ignore[arg-type]


def calendar(*steps: Step, **fields: object) -> PlanningCalendar:
    """A calendar of Samut Sakhon for FY 2563, Gantt table of 2561, one phase, one agency."""
    values: dict[str, object] = {
        "province": "สมุทรสาคร",
        "phases": (Phase("p", "Phase"),),
        "agencies": (Agency("office", "สำนักงานจังหวัดสมุทรสาคร"),),
        "committees": (Committee("kbj", "คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ"),),
        "gantt_year": 2561,
    }
    values.update(fields)
    return PlanningCalendar("ปฏิทินทดสอบ", fiscal_year=2563, steps=steps, **values)  # type: ignore[arg-type]


NUMBER = "ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗"
DATED = "๕ เมษายน ๒๕๖๑"
SUBJECT = "แนวทางการเชื่อมโยงและบูรณาการแผนในระดับพื้นที่"
MEETING_WHEN = "วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น."


def letter(
    number: str = NUMBER,
    dated: str = DATED,
    subject: str = SUBJECT,
    recipients: tuple[Recipient, ...] = (),
) -> Letter:
    """A letter whose distribution list quotes ``number``, ``dated`` and ``subject``."""
    return Letter(
        LetterNumber.parse(NUMBER),
        dated=DATED,
        subject=SUBJECT,
        distribution=DistributionList(
            number=LetterNumber.parse(number),
            dated=dated,
            subject=subject,
            recipients=recipients,
        ),
    )


def meeting(*actions: Action, when: str = MEETING_WHEN) -> Meeting:
    """A meeting whose item 3.1 assigns ``actions``."""
    resolution = Resolution("approve", "เห็นชอบ", actions)
    return Meeting(
        "ประชุม", when, agenda=(AgendaItem("3.1", "ปฏิทิน", "consideration", (resolution,)),)
    )


def document(
    source: PlanningCalendar | None = None,
    *,
    letter: Letter | None = None,
    meeting: Meeting | None = None,
) -> PlanningDocument:
    """A document of the given parts."""
    return PlanningDocument("test", "tests", letter=letter, meeting=meeting, calendar=source)


def june_action(step_id: str, who: tuple[str, ...] = ("office",)) -> Action:
    """An action due by the end of June 2561, carried out by ``step_id``."""
    return Action("ส่งแผนให้จังหวัด", who, parse_period("ภายในเดือนมิถุนายน ๒๕๖๑"), step_id)


APPROVAL = "ประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.) เพื่อพิจารณาให้ความเห็นชอบแผนพัฒนาจังหวัด"
CONSULTATION = "จัดประชุมปรึกษาหารือทุกภาคส่วนเพื่อให้ความเห็นเกี่ยวกับแผนพัฒนาจังหวัด"
SENDING = "จัดส่งแผนพัฒนาจังหวัดและแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓ ให้หน่วยงานส่วนกลาง"


# -- every rule: triggered, then fixed -------------------------------------------------------

# code, what triggers it, the same fixed, and the findings expected of that code as
# (severity, steps, objects).
Expected = list[tuple[Severity, tuple[str, ...], tuple[str, ...]]]
# The rules on progress reports, triggered one by one in tests/test_progress.py.
PROGRESS_CODES = {
    "progress-unknown-step",
    "progress-in-future",
    "progress-overdue",
    "progress-at-risk",
    "progress-before-predecessor",
    "progress-predecessor-not-started",
}


def _register(**changes: object) -> object:
    """A register of one clean project, with some fields changed."""
    import thaiplan

    fields: dict[str, object] = {
        "plan": "lp",
        "responsible": ["กองช่าง"],
        "budget": [thaiplan.BudgetLine(2566, 100)],
        "location": thaiplan.Location("74", "7402"),
        "links": [thaiplan.StrategyLink("national-strategy", "2")],
        "indicators": [thaiplan.Indicator("ความยาวถนน", target=1200, unit="เมตร")],
        **changes,
    }
    extra = fields.pop("extra", [])
    summary = fields.pop("summary", [])
    project = thaiplan.Project("p1", "ก่อสร้างถนน คสล. หมู่ที่ ๓", fields.pop("level", "local"), **fields)  # type: ignore[arg-type]
    return thaiplan.ProjectRegister(
        [project, *extra],  # type: ignore[misc]
        trees=[
            thaiplan.strategy_tree("national-strategy"),
            thaiplan.strategy_tree("lao-programmes"),
        ],
        plans=[thaiplan.Plan("lp", "แผนพัฒนาท้องถิ่น", "development", "local", years=(2566, 2570))],
        summary=summary,  # type: ignore[arg-type]
    )


def _project_cases() -> list[tuple[str, object, object, object]]:
    import thaiplan

    p1 = ("projects.p1",)
    twin = thaiplan.Project(
        "p2",
        "ก่อสร้างถนน คสล.หมู่ที่ 3",
        "local",
        location=thaiplan.Location("74", "7402"),
        links=[thaiplan.StrategyLink("national-strategy", "2")],
    )
    other = attrs.evolve(twin, title="ขุดลอกคลอง")
    return [
        ("project-no-link", lambda: _register(links=[]), _register, [(WARNING, (), p1)]),
        (
            "project-link-unknown",
            lambda: _register(links=[thaiplan.StrategyLink("national-strategy", "9")]),
            _register,
            [(ERROR, (), p1)],
        ),
        (
            "project-link-below-level",
            lambda: _register(
                level="provincial", plan=None, links=[thaiplan.StrategyLink("lao-programmes", "3")]
            ),
            lambda: _register(level="provincial", plan=None),
            [(WARNING, (), p1)],
        ),
        (
            "project-budget-outside-plan",
            lambda: _register(budget=[thaiplan.BudgetLine(2571, 5)]),
            _register,
            [(ERROR, (), p1)],
        ),
        (
            "project-not-escalated",
            lambda: _register(level="district", plan=None, beyond_capacity=True),
            lambda: _register(level="district", plan=None),
            [(WARNING, (), p1)],
        ),
        (
            "project-escalated-wrong-level",
            lambda: _register(
                level="provincial",
                plan=None,
                escalations=[thaiplan.Escalation("district", "national")],
            ),
            lambda: _register(
                level="provincial",
                plan=None,
                escalations=[thaiplan.Escalation("district", "provincial")],
            ),
            [(ERROR, (), p1)],
        ),
        (
            "project-duplicate",
            lambda: _register(extra=[twin]),
            lambda: _register(extra=[other]),
            [(WARNING, (), ("projects.p1", "projects.p2"))],
        ),
        (
            "project-p01-mismatch",
            lambda: _register(
                summary=[thaiplan.SummaryRow("national-strategy", "2", 2566, 2, Decimal(100))]
            ),
            lambda: _register(
                summary=[thaiplan.SummaryRow("national-strategy", "2", 2566, 1, Decimal(100))]
            ),
            [(ERROR, (), ())],
        ),
        (
            "project-indicator-incomplete",
            lambda: _register(indicators=[thaiplan.Indicator("ความยาวถนน", target=1200)]),
            _register,
            [(WARNING, (), p1)],
        ),
        (
            "project-place-mismatch",
            lambda: _register(location=thaiplan.Location("74", "7502")),
            _register,
            [(ERROR, (), p1)],
        ),
        (
            "project-place-unknown",
            lambda: _register(location=thaiplan.Location("74", "7409")),
            _register,
            [(ERROR, (), p1)],
        ),
        (
            "project-status-order",
            lambda: _register(status=[thaiplan.StatusChange("approved")]),
            lambda: _register(
                status=[thaiplan.StatusChange("submitted"), thaiplan.StatusChange("approved")]
            ),
            [(ERROR, (), p1)],
        ),
        (
            "project-no-responsible",
            lambda: _register(responsible=[]),
            _register,
            [(WARNING, (), p1)],
        ),
        (
            "project-p01-arithmetic",
            lambda: attrs.evolve(_register(), summary_figures=_p01_table(4)),  # type: ignore[misc]
            lambda: attrs.evolve(_register(), summary_figures=_p01_table(3)),  # type: ignore[misc]
            [(ERROR, (), ("summary.L9",))],
        ),
    ]


def _p01_table(five_years: int) -> list[object]:
    """A ผ.๐๑ row of one year: its รวม 5 ปี column states ``five_years`` projects (3 is right)."""
    import thaiplan

    return [
        thaiplan.SummaryFigure(9, "แผนงานสาธารณสุข", "part", 2566, 3, 100, written="B9"),
        thaiplan.SummaryFigure(9, "แผนงานสาธารณสุข", "part", None, five_years, 100, written="L9"),
    ]


PROJECT_CASES = _project_cases()


CASES: list[tuple[str, Callable[[], Source], Callable[[], Source], Expected]] = [
    (
        "duplicate-id",
        lambda: calendar(step("s1"), step("s1", "มิ.ย. ๖๑")),
        lambda: calendar(step("s1"), step("s2", "มิ.ย. ๖๑")),
        [(ERROR, ("s1",), ())],
    ),
    (
        "duplicate-id",
        lambda: calendar(step("s1"), agencies=[Agency("office", "ก"), Agency("office", "ข")]),
        lambda: calendar(step("s1"), agencies=[Agency("office", "ก"), Agency("office2", "ข")]),
        [(ERROR, (), ("office",))],
    ),
    (
        "unknown-step",
        lambda: calendar(step("s1"), step("s2", after=["s9"])),
        lambda: calendar(step("s1"), step("s2", after=["s1"])),
        [(ERROR, ("s2",), ())],
    ),
    (
        "unknown-phase",
        lambda: calendar(step("s1", phase="q")),
        lambda: calendar(step("s1", phase="p")),
        [(ERROR, ("s1",), ())],
    ),
    (
        "unknown-party",
        lambda: calendar(step("s1", responsible=["nobody"])),
        lambda: calendar(step("s1", responsible=["office", "kbj"])),
        [(ERROR, ("s1",), ("nobody",))],
    ),
    (
        "unknown-party",
        lambda: document(
            calendar(step("s1", "มิ.ย. ๖๑")), meeting=meeting(june_action("s1", ("nobody",)))
        ),
        lambda: document(calendar(step("s1", "มิ.ย. ๖๑")), meeting=meeting(june_action("s1"))),
        [(ERROR, (), ("nobody",))],
    ),
    (
        "self-dependency",
        lambda: calendar(step("s1", after=["s1"])),
        lambda: calendar(step("s1")),
        [(ERROR, ("s1",), ())],
    ),
    (
        "duplicate-dependency",
        lambda: calendar(step("s1"), step("s2", "มิ.ย. ๖๑", after=["s1", Dependency("s1", 2)])),
        lambda: calendar(step("s1"), step("s2", "มิ.ย. ๖๑", after=[Dependency("s1", 2)])),
        [(WARNING, ("s2", "s1"), ())],
    ),
    (
        "dependency-cycle",
        lambda: calendar(step("s1", after=["s2"]), step("s2", after=["s1"])),
        lambda: calendar(step("s1"), step("s2", after=["s1"])),
        # s1 follows s2 and s2 follows s1: s2 -> s1 -> s2
        [(ERROR, ("s2", "s1"), ())],
    ),
    (
        # a standing yearly calendar with no fiscal year: checked as a template, and said so
        "standing-template",
        lambda: attrs.evolve(calendar(step("s1")), fiscal_year=None, recurs="yearly"),
        lambda: attrs.evolve(calendar(step("s1")), recurs="yearly"),
        [(INFO, (), ("calendar.recurs",))],
    ),
    (
        # s1 takes 20 days from 1 May (done 20 May at the earliest); s2 must follow
        # it within 1-10 May.
        "impossible-dependency",
        lambda: calendar(step("s1", duration=20), step("s2", "๑ - ๑๐ พ.ค. ๖๑", after=["s1"])),
        lambda: calendar(step("s1", duration=20), step("s2", "มิ.ย. ๖๑", after=["s1"])),
        [(ERROR, ("s1", "s2"), ())],
    ),
    (
        # s1 takes 20 days from 1 May (done 20 May at the earliest); s2 is stated to
        # start on 15 May after it; its period (to 31 May) still leaves room.
        "start-before-predecessor",
        lambda: calendar(step("s1", duration=20), step("s2", "๑๕ - ๓๑ พ.ค. ๖๑", after=["s1"])),
        lambda: calendar(step("s1", duration=20), step("s2", "๒๑ - ๓๑ พ.ค. ๖๑", after=["s1"])),
        [(WARNING, ("s1", "s2"), ())],
    ),
    (
        # 10 + 10 + 15 days in May: each pair fits, the chain does not (4 days short).
        "negative-slack",
        lambda: calendar(
            step("s1", duration=10),
            step("s2", duration=10, after=["s1"]),
            step("s3", duration=15, after=["s2"]),
        ),
        lambda: calendar(
            step("s1", duration=10),
            step("s2", duration=10, after=["s1"]),
            step("s3", duration=5, after=["s2"]),
        ),
        # one finding: the three steps are squeezed by one bound (s3's stated end)
        [(ERROR, ("s1", "s2", "s3"), ())],
    ),
    (
        # counted from an event, with no dependency to count from
        "relative-unanchored",
        lambda: calendar(step("s1"), step("s2", "ภายใน ๑๕ วันนับแต่วันที่ได้รับ")),
        lambda: calendar(step("s1"), step("s2", "ภายใน ๑๕ วันนับแต่วันที่ได้รับ", after=["s1"])),
        [(ERROR, ("s2",), ())],
    ),
    (
        # s2 starts 4 days after s1 finishes at the earliest, but must finish within 2
        "constraints-unsatisfiable",
        lambda: calendar(step("s1"), step("s2", "", after=[Dependency("s1", lag=3, within=2)])),
        lambda: calendar(step("s1"), step("s2", "", after=[Dependency("s1", lag=3, within=4)])),
        [(ERROR, ("s1", "s2"), ())],
    ),
    (
        "deadline-conflict",
        lambda: document(
            calendar(step("s1", "มิ.ย. - ก.ค. ๖๑")), meeting=meeting(june_action("s1"))
        ),
        lambda: document(calendar(step("s1", "มิ.ย. ๖๑")), meeting=meeting(june_action("s1"))),
        [(WARNING, ("s1",), ("meeting.agenda[3.1]",))],
    ),
    (
        # the step starts after the deadline: an error, not a warning
        "deadline-conflict",
        lambda: document(calendar(step("s1", "ก.ค. ๖๑")), meeting=meeting(june_action("s1"))),
        lambda: document(calendar(step("s1", "ภายใน มิ.ย. ๖๑")), meeting=meeting(june_action("s1"))),
        [(ERROR, ("s1",), ("meeting.agenda[3.1]",))],
    ),
    (
        "gantt-outside-period",
        lambda: calendar(step("s1", "ส.ค. ๖๑", gantt=["ก.ค."])),
        lambda: calendar(step("s1", "ส.ค. ๖๑", gantt=["ส.ค."])),
        [(WARNING, ("s1",), ())],
    ),
    (
        # a deadline is kept by work in any month up to it, not after it
        "gantt-outside-period",
        lambda: calendar(step("s1", "ภายใน พ.ค. ๖๑", gantt=["มิ.ย."])),
        lambda: calendar(step("s1", "ภายใน พ.ค. ๖๑", gantt=["เม.ย."])),
        [(WARNING, ("s1",), ())],
    ),
    (
        "gantt-partial",
        lambda: calendar(step("s1", "ก.ค. - ส.ค. ๖๑", gantt=["ก.ค."])),
        lambda: calendar(step("s1", "ก.ค. - ส.ค. ๖๑", gantt=["ก.ค.", "ส.ค."])),
        [(INFO, ("s1",), ())],
    ),
    (
        # 4 April 2018 was a Wednesday (วันพุธ)
        "weekday-mismatch",
        lambda: calendar(step("s1", notes="ประชุมวันพฤหัสบดีที่ ๔ เมษายน ๒๕๖๑")),
        lambda: calendar(step("s1", notes="ประชุมวันพุธที่ ๔ เมษายน ๒๕๖๑")),
        [(ERROR, ("s1",), ())],
    ),
    (
        "weekday-mismatch",
        lambda: document(
            calendar(step("s1")),
            letter=attrs.evolve(letter(), body=("เมื่อวันศุกร์ที่ ๔ เม.ย. ๖๑ เวลา ๑๓.๓๐ น.",)),
        ),
        lambda: document(
            calendar(step("s1")),
            letter=attrs.evolve(letter(), body=("เมื่อวันพุธที่ ๔ เม.ย. ๖๑ เวลา ๑๓.๓๐ น.",)),
        ),
        [(ERROR, (), ("letter.body[0]",))],
    ),
    (
        # Friday 13 April 2018: Songkran
        "non-working-day",
        lambda: calendar(step("s1", "๑๓ เม.ย. ๖๑")),
        lambda: calendar(step("s1", "๑๒ เม.ย. ๖๑")),
        [(WARNING, ("s1",), ())],
    ),
    (
        "non-working-day",
        lambda: document(
            calendar(step("s1")), meeting=meeting(when="วันศุกร์ที่ ๑๓ เมษายน ๒๕๖๑ เวลา ๐๙.๐๐ น.")
        ),
        lambda: document(calendar(step("s1")), meeting=meeting()),
        [(WARNING, (), ())],
    ),
    (
        "consultation-order",
        lambda: calendar(
            step("s1", "ส.ค. ๖๑", title=APPROVAL), step("s2", "ก.ย. ๖๑", title=CONSULTATION)
        ),
        lambda: calendar(
            step("s1", "ส.ค. ๖๑", title=APPROVAL), step("s2", "ก.ค. ๖๑", title=CONSULTATION)
        ),
        [(ERROR, ("s2", "s1"), ())],
    ),
    (
        # no consultation at all: a warning on the approval
        "consultation-order",
        lambda: calendar(step("s1", "ส.ค. ๖๑", title=APPROVAL)),
        lambda: calendar(
            step("s0", "ก.ค. ๖๑", title=CONSULTATION), step("s1", "ส.ค. ๖๑", title=APPROVAL)
        ),
        [(WARNING, ("s1",), ())],
    ),
    (
        "phase-order",
        lambda: calendar(
            step("s1", "มิ.ย. ๖๑", phase="p1"),
            step("s2", "พ.ค. ๖๑", phase="p2"),
            phases=[Phase("p1", "One"), Phase("p2", "Two")],
        ),
        lambda: calendar(
            step("s1", "มิ.ย. ๖๑", phase="p1"),
            step("s2", "ก.ค. ๖๑", phase="p2"),
            phases=[Phase("p1", "One"), Phase("p2", "Two")],
        ),
        [(WARNING, (), ("p1", "p2"))],
    ),
    (
        "step-numbering",
        lambda: calendar(step("s1", no=2), step("s2", no=1)),
        lambda: calendar(step("s1", no=1), step("s2", no=2)),
        [(WARNING, ("s1", "s2"), ())],
    ),
    (
        # FY 2563 begins 1 Oct 2562 (2019-10-01); ต.ค. ๖๒ is its first month
        "action-plan-late",
        lambda: calendar(step("s1", "ต.ค. ๖๒", title=SENDING)),
        lambda: calendar(step("s1", "ต.ค. ๖๑", title=SENDING)),
        [(ERROR, ("s1",), ())],
    ),
    (
        "reference-mismatch",
        lambda: document(letter=letter(number="ที่ สค ๐๐๑๗.๒/ว ๕๕๓๗")),
        lambda: document(letter=letter()),
        [(ERROR, (), ("letter.distribution.number", "letter.number"))],
    ),
    (
        "reference-mismatch",
        lambda: document(letter=letter(dated="๕ เมษายน ๒๕๖๖")),
        lambda: document(letter=letter()),
        [(ERROR, (), ("letter.distribution.dated", "letter.dated"))],
    ),
    (
        # spacing does not count; words do
        "reference-mismatch",
        lambda: document(letter=letter(subject="แนวทางการจัดทำแผน")),
        lambda: document(letter=letter(subject=SUBJECT.replace("และ", " และ "))),
        [(WARNING, (), ("letter.distribution.subject", "letter.subject"))],
    ),
    (
        "unofficial-name",
        lambda: calendar(step("s1"), agencies=[Agency("office", "อำเภอกะทู้แม่แบน")]),
        lambda: calendar(step("s1"), agencies=[Agency("office", "อำเภอกระทุ่มแบน")]),
        [(WARNING, (), ("agencies.office",))],
    ),
    (
        "unofficial-name",
        lambda: calendar(step("s1"), province="สมุทรสาครา"),
        lambda: calendar(step("s1"), province="จังหวัดสมุทรสาคร"),
        [(WARNING, (), ("calendar.province",))],
    ),
    (
        "unofficial-name",
        lambda: document(
            calendar(step("s1")),
            letter=letter(recipients=(Recipient(1, "สำนักงานจังหวัดสมุทรสาครา"),)),
        ),
        lambda: document(
            calendar(step("s1")),
            letter=letter(recipients=(Recipient(1, "สำนักงานจังหวัด สมุทรสาคร"),)),
        ),
        [(WARNING, (), ("letter.distribution.recipients[0]",))],
    ),
    (
        "no-responsible",
        lambda: calendar(step("s1", responsible=[])),
        lambda: calendar(step("s1")),
        [(WARNING, ("s1",), ())],
    ),
    (
        "recorded-correction",
        lambda: calendar(step("s1"), corrections=[Correction("title", "ปฏิทิน", "ปฏิทิน ฯ")]),
        lambda: calendar(step("s1")),
        [(INFO, (), ("calendar",))],
    ),
    *PROJECT_CASES,
    *FINDINGS_CASES,
]


def case_id(case: tuple[str, object, object, object]) -> str:
    return case[0]


def shape(findings: tuple[Finding, ...]) -> Expected:
    return [(f.severity, f.steps, f.objects) for f in findings]


class TestEveryRule:
    """Each rule code, triggered by a small input, and silent once the input is fixed."""

    def test_every_code_has_a_case(self):
        """The cases below cover every rule thaiplan registers.

        The rules on progress reports need a progress as well as a calendar;
        tests/test_progress.py triggers each of them.
        """
        from test_cross import CROSS_CODES  # they need other calendars: tests/test_cross.py

        assert {r.code for r in rules()} == {
            case[0] for case in CASES
        } | PROGRESS_CODES | CROSS_CODES

    @pytest.mark.parametrize(
        ("code", "trigger", "fixed", "expected"), CASES, ids=[c[0] for c in CASES]
    )
    def test_triggered(self, code, trigger, fixed, expected):
        """The input triggers the rule: the expected severity, steps and objects."""
        assert expected == shape(validate(trigger()).by_code(code))

    @pytest.mark.parametrize(
        ("code", "trigger", "fixed", "expected"), CASES, ids=[c[0] for c in CASES]
    )
    def test_messages(self, code, trigger, fixed, expected):
        """Both messages are there and name every step of the finding."""
        for finding in validate(trigger()).by_code(code):
            assert finding.message_en
            assert finding.message_th
            assert finding.message("en") == finding.message_en
            assert finding.message("th") == finding.message_th
            for step_id in finding.steps:
                assert step_id in finding.message_en
                assert step_id in finding.message_th

    @pytest.mark.parametrize(
        ("code", "trigger", "fixed", "expected"), CASES, ids=[c[0] for c in CASES]
    )
    def test_fixed(self, code, trigger, fixed, expected):
        """The same input, fixed, gives no finding of that code."""
        assert () == validate(fixed()).by_code(code)

    @pytest.mark.parametrize(
        ("code", "trigger", "fixed", "expected"), CASES, ids=[c[0] for c in CASES]
    )
    def test_only(self, code, trigger, fixed, expected):
        """validate(only=[code]) gives the same findings of that code and nothing else."""
        assert validate(trigger()).by_code(code) == validate(trigger(), only=[code]).findings


class TestRuleDetails:
    """What some rules say, beyond their code and steps."""

    def test_unknown_step_suggests(self):
        """An unknown step names the nearest known one."""
        (finding,) = validate(calendar(step("s1"), step("s2", after=["s11"]))).by_code(
            "unknown-step"
        )
        assert "did you mean 's1'?" in finding.message_en

    def test_gantt_shift(self):
        """Marks that all sit before the stated period say by how many months."""
        (finding,) = validate(calendar(step("s1", "ส.ค. ๖๑", gantt=["ก.ค."]))).by_code(
            "gantt-outside-period"
        )
        assert "(the marks sit 1 month before the stated period)" in finding.message_en

    def test_non_working_day_names_the_holiday(self):
        """A step on Songkran says it is Songkran, in both languages."""
        (finding,) = validate(calendar(step("s1", "๑๓ เม.ย. ๖๑"))).by_code("non-working-day")
        assert "สงกรานต์" in finding.message_en
        assert "สงกรานต์" in finding.message_th

    def test_cycle_finding_is_a_real_cycle(self):
        """The steps of a dependency-cycle finding are a cycle of the calendar."""
        source = calendar(
            step("s1", after=["s3"]), step("s2", after=["s1"]), step("s3", after=["s2"])
        )
        (finding,) = validate(source).by_code("dependency-cycle")
        follows = {(d.step, s.id) for s in source.steps for d in s.after}
        cycle = finding.steps
        assert {"s1", "s2", "s3"} == set(cycle)
        assert all(pair in follows for pair in zip(cycle, (*cycle[1:], cycle[0]), strict=True))

    def test_negative_slack_explains(self):
        """A negative-slack finding says how many days short and why, link by link."""
        source = calendar(
            step("s1", duration=10),
            step("s2", duration=10, after=["s1"]),
            step("s3", duration=15, after=["s2"]),
        )
        (last,) = validate(source).by_code("negative-slack")
        assert last.message_en.startswith(
            "s3 cannot be kept: it can finish no earlier than 2018-06-04 but must finish by"
            " 2018-05-31 (4 days short). 2 more steps cannot be kept either, squeezed by the"
            " same bound (s3 must finish by 2018-05-31: its stated period พ.ค. ๖๑ ends then):"
            " s1, s2. Why, for s3:\n"
        )
        assert "s3 cannot start before 2018-05-21 because it follows s2" in last.message_en
        assert "(ขาด ๔ วัน)" in last.message_th
        assert "และอีก ๒ ขั้นตอนก็ทำไม่ทันเช่นกัน" in last.message_th

    def test_negative_slack_one_step(self):
        """A step squeezed alone keeps the short form: how many days, and why."""
        (finding,) = validate(calendar(step("s1", "๑ - ๓ พ.ค. ๖๑", duration=5))).by_code(
            "negative-slack"
        )
        assert finding.steps == ("s1",)
        assert finding.message_en == (
            "s1 cannot be kept: it can finish no earlier than 2018-05-05 but must finish by"
            " 2018-05-03 (2 days short). Why:\n"
            "s1 must finish by 2018-05-03: its stated period ๑ - ๓ พ.ค. ๖๑ ends then\n"
            "s1 cannot start before 2018-05-01: its stated period ๑ - ๓ พ.ค. ๖๑ starts then"
        )

    def test_negative_slack_mistyped_year(self):
        """A deadline a year too early squeezes every step before it: one finding, not one a step."""
        steps = [
            step(f"s{i}", "พ.ค. ๖๑", after=[f"s{i - 1}"] if i > 1 else []) for i in range(1, 10)
        ]
        steps.append(step("s10", "ภายใน พ.ค. ๖๐", after=["s9"]))  # ๖๐ for ๖๑
        (finding,) = validate(calendar(*steps)).by_code("negative-slack")
        assert tuple(f"s{i}" for i in range(1, 11)) == finding.steps
        assert finding.message_en.startswith("s10 cannot be kept")
        assert "squeezed by the same bound (s10 must finish by 2017-05-31" in finding.message_en

    def test_negative_slack_long_chain_is_short(self):
        """A 2,000-step chain that cannot be kept: one finding of a dozen lines, naming every step."""
        steps = [
            step(f"s{i}", "พ.ค. ๖๑", after=[f"s{i - 1}"] if i > 1 else []) for i in range(1, 2001)
        ]
        (finding,) = validate(calendar(*steps)).by_code("negative-slack")
        assert 2000 == len(finding.steps)
        assert len(finding.message_en.splitlines()) <= 1 + 2 * 7
        assert "and 1,989 more" in finding.message_en
        assert "… 1,994 links more …" in finding.message_en
        assert "และอีก ๑๙๘๙ ขั้นตอน" in finding.message_th

    def test_unofficial_district_nearest_name(self):
        """A misspelt district is matched to the official name nearest to it."""
        (finding,) = validate(
            calendar(step("s1"), agencies=[Agency("office", "อำเภอกะทู้แม่แบน")])
        ).by_code("unofficial-name")
        assert "the official name nearest to it is 'อำเภอกระทุ่มแบน'" in finding.message_en
        assert "ชื่อที่ใกล้เคียงคือ 'อำเภอกระทุ่มแบน'" in finding.message_th

    def test_province_by_code(self):
        """The province may be given by its official code."""
        assert () == validate(calendar(step("s1"), province="74")).by_code("unofficial-name")

    def test_province_by_code_in_thai_digits(self):
        """The official code written in Thai digits is the same province."""
        assert () == validate(calendar(step("s1"), province="๗๔")).by_code("unofficial-name")

    @pytest.mark.parametrize(
        ("code", "source"),
        [
            ("weekday-mismatch", calendar(step("s1", notes="วันพฤหัสบดีที่ ๔ เมษายน ๒๕๖๑"))),
            (
                "recorded-correction",
                calendar(step("s1", corrections=[Correction("title", "ก", "ข")])),
            ),
        ],
    )
    def test_step_findings_name_the_step(self, code, source):
        """A finding about something a step says lists that step among its steps."""
        (finding,) = validate(source).by_code(code)
        assert ("s1",) == finding.steps

    def test_no_holiday_data_is_not_a_crash(self):
        """A calendar beyond the holiday data is reported on, not raised."""
        source = calendar(
            step("s1", "๑ ม.ค. ๒๖๔๕"),
            step("s2", "ภายใน ธ.ค. ๒๖๔๕", after=[Dependency("s1", 3, "working_days")]),
        )
        assert isinstance(validate(source), Report)


# -- the registry ---------------------------------------------------------------------------


def _untitled(context) -> Iterator[Issue]:
    """A calendar whose title is ปฏิทินทดสอบ is a test calendar."""
    if context.calendar is not None and context.calendar.title == "ปฏิทินทดสอบ":
        yield Issue("a test calendar", "ปฏิทินทดสอบ", steps=[s.id for s in context.steps])


@pytest.fixture
def custom_rule() -> Iterator[str]:
    """Register the rule test-calendar for one test, and take it away after."""
    register_rule("test-calendar", _untitled, severity="info", description="test calendars")
    yield "test-calendar"
    if "test-calendar" in {r.code for r in rules()}:
        unregister_rule("test-calendar")


class TestRegistry:
    """Adding, switching off and removing rules."""

    def test_custom_rule_runs(self, custom_rule):
        """A registered rule's issues become findings with its code and severity."""
        (finding,) = validate(calendar(step("s1"), step("s2", "มิ.ย. ๖๑"))).by_code(custom_rule)
        assert (INFO, ("s1", "s2"), "a test calendar", "ปฏิทินทดสอบ") == (
            finding.severity,
            finding.steps,
            finding.message_en,
            finding.message_th,
        )
        registered = rules()[-1]
        assert ("test-calendar", INFO, "test calendars", _untitled) == (
            registered.code,
            registered.severity,
            registered.description,
            registered.check,
        )

    def test_disable_and_only(self, custom_rule):
        """disable= switches a rule off for one call; only= runs just the rules named."""
        source = calendar(step("s1", responsible=[]))
        assert () == validate(source, disable=[custom_rule]).by_code(custom_rule)
        assert {"no-responsible"} == set(validate(source, disable=[custom_rule]).codes())
        assert {custom_rule} == set(validate(source, only=[custom_rule]).codes())
        assert {custom_rule, "no-responsible"} == set(validate(source).codes())
        assert Counter() == validate(source, only=[custom_rule], disable=[custom_rule]).codes()
        assert 1 == len(validate(source).by_code(custom_rule))  # still registered

    def test_unregister(self, custom_rule):
        """unregister_rule removes the rule for good and returns it."""
        removed = unregister_rule(custom_rule)
        assert custom_rule == removed.code
        assert custom_rule not in {r.code for r in rules()}
        assert () == validate(calendar(step("s1"))).by_code(custom_rule)
        with pytest.raises(ModelError, match="no rule 'test-calendar'"):
            unregister_rule(custom_rule)

    def test_register_twice(self, custom_rule):
        """A code registered twice raises ModelError, unless replace=True."""
        with pytest.raises(ModelError, match="replace=True"):
            register_rule(custom_rule, _untitled, severity="error")
        replaced = register_rule(custom_rule, _untitled, severity="error", replace=True)
        assert ERROR == replaced.severity
        (finding,) = validate(calendar(step("s1"))).by_code(custom_rule)
        assert ERROR == finding.severity

    def test_issue_overrides_severity(self, custom_rule):
        """An issue may carry its own severity."""

        def loud(context) -> Iterator[Issue]:
            yield Issue("loud", "ดัง", severity=Severity.ERROR)

        register_rule(custom_rule, loud, severity="info", replace=True)
        (finding,) = validate(calendar(step("s1"))).by_code(custom_rule)
        assert ERROR == finding.severity

    def test_decorator(self):
        """@rule registers the function, with its docstring as the description."""
        try:

            @rule("test-decorated", severity=Severity.WARNING)
            def decorated(context) -> Iterator[Issue]:
                """Every calendar gets one warning."""
                yield Issue("w", "ว")

            registered = {r.code: r for r in rules()}["test-decorated"]
            assert ("Every calendar gets one warning.", WARNING) == (
                registered.description,
                registered.severity,
            )
            assert 1 == len(validate(calendar(step("s1"))).by_code("test-decorated"))
        finally:
            unregister_rule("test-decorated")

    @pytest.mark.parametrize("argument", ["disable", "only"])
    def test_unknown_code(self, argument):
        """A code in disable= or only= that names no rule raises ModelError."""
        with pytest.raises(ModelError, match="no rule 'no-such-rule'"):
            validate(calendar(step("s1")), **{argument: ["no-such-rule"]})

    def test_unknown_severity(self):
        """A severity other than error, warning, info is refused."""
        with pytest.raises(ValueError, match="fatal"):
            register_rule("test-bad", _untitled, severity="fatal")
        assert "test-bad" not in {r.code for r in rules()}

    def test_builtin_codes(self):
        """The built-in rules, in the order they run, with their severities."""
        expected = [
            ("duplicate-id", ERROR),
            ("unknown-step", ERROR),
            ("unknown-phase", ERROR),
            ("unknown-party", ERROR),
            ("self-dependency", ERROR),
            ("duplicate-dependency", WARNING),
            ("dependency-cycle", ERROR),
            ("standing-template", INFO),
            ("impossible-dependency", ERROR),
            ("start-before-predecessor", WARNING),
            ("negative-slack", ERROR),
            ("deadline-conflict", WARNING),
            ("relative-unanchored", ERROR),
            ("constraints-unsatisfiable", ERROR),
            ("gantt-outside-period", WARNING),
            ("gantt-partial", INFO),
            ("weekday-mismatch", ERROR),
            ("non-working-day", WARNING),
            ("consultation-order", ERROR),
            ("phase-order", WARNING),
            ("step-numbering", WARNING),
            ("action-plan-late", ERROR),
            ("reference-mismatch", ERROR),
            ("unofficial-name", WARNING),
            ("no-responsible", WARNING),
            ("recorded-correction", INFO),
            ("progress-unknown-step", ERROR),
            ("progress-in-future", ERROR),
            ("progress-overdue", WARNING),
            ("progress-at-risk", WARNING),
            ("progress-before-predecessor", ERROR),
            ("progress-predecessor-not-started", WARNING),
            ("project-no-link", WARNING),
            ("project-link-unknown", ERROR),
            ("project-link-below-level", WARNING),
            ("project-budget-outside-plan", ERROR),
            ("project-not-escalated", WARNING),
            ("project-escalated-wrong-level", ERROR),
            ("project-duplicate", WARNING),
            ("project-p01-mismatch", ERROR),
            ("project-indicator-incomplete", WARNING),
            ("project-place-mismatch", ERROR),
            ("project-place-unknown", ERROR),
            ("project-status-order", ERROR),
            ("project-no-responsible", WARNING),
            ("project-p01-arithmetic", ERROR),
            ("outside-round", ERROR),
            ("late-for-fiscal-year", WARNING),
            ("title-fiscal-year", ERROR),
            ("outdated-agency-name", WARNING),
            ("central-agency-name", WARNING),
            ("dopa-code", ERROR),
            ("plan-consistent-with-itself", ERROR),
            ("plan-consistent-downward", ERROR),
            ("plan-fiscal-year", ERROR),
            ("cross-calendar-missing", WARNING),
            ("cross-calendar-unknown-step", ERROR),
            ("cross-calendar-order", ERROR),
            ("cross-plans-before-requests", ERROR),
            ("cross-fiscal-year", WARNING),
        ]
        assert expected == [(r.code, r.severity) for r in rules()]
        assert all(r.description for r in rules())


# -- the real document ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return validate(load_document("samut-sakhon-2563"))


# Every finding on the built-in document, as (code, severity, steps, objects), each a
# real inconsistency of the seed circular (shared/seed/000_e882f0d035c20451.txt).
SEED_FINDINGS = [
    # The distribution list (บัญชีแนบท้ายหนังสือ) quotes "ที่ สค ๐๐๑๗.๒/ว ๕๕๓๗"; the letter's
    # header is "ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗".
    ("reference-mismatch", ERROR, (), ("letter.distribution.number", "letter.number")),
    # The list quotes "ลงวันที่ ๕ เมษายน ๒๕๖๖"; the letter is dated ๕ เมษายน ๒๕๖๑.
    ("reference-mismatch", ERROR, (), ("letter.distribution.dated", "letter.dated")),
    # Resolution 3.1 wants the district plans and the PAO's projects beyond capacity
    # "ภายในเดือนมิถุนายน ๒๕๖๑"; step 7, which sends them (its bullets name ก.บ.อ. and
    # องค์กรบริหารส่วนจังหวัด sending projects beyond capacity), is stated "มิ.ย. - ก.ค. ๖๑".
    # The seed disagrees with itself: the infographic lists step 7 under มิ.ย.61 only,
    # the Gantt row marks ก.ค. only. (Two actions of 3.1 link to s7: one finding.)
    ("deadline-conflict", WARNING, ("s7",), ("meeting.agenda[3.1]",)),
    # Steps 13, 14, 15 are stated ส.ค. ๖๑, ก.ย. ๖๑, ต.ค. ๖๑ but their Gantt arrows sit in
    # the ก.ค., ส.ค., ก.ย. columns; the infographic agrees with the stated months.
    ("gantt-outside-period", WARNING, ("s13",), ()),
    ("gantt-outside-period", WARNING, ("s14",), ()),
    ("gantt-outside-period", WARNING, ("s15",), ()),
    # Recipient ๖ "อำเภอกะทู้แม่แบน": no such district; Samut Sakhon's are เมืองสมุทรสาคร,
    # กระทุ่มแบน, บ้านแพ้ว. The data names the agency of district 7402 with the only
    # spelling the seed has, so the same misspelling is found twice: in the agency's
    # name and in the recipient.
    ("unofficial-name", WARNING, (), ("agencies.district-krathum-baen",)),
    ("unofficial-name", WARNING, (), ("letter.distribution.recipients[5]",)),
    # Recipient ๑ "ที่การปกครองจังหวัดสมุทรสาคร": ทำ is missing (ที่ทำการปกครองจังหวัด, as
    # resolution 3.3 and steps 1 and 3 write it).
    ("unofficial-name", WARNING, (), ("letter.distribution.recipients[0]",)),
    # Steps 7 (มิ.ย. - ก.ค. ๖๑) and 11 (ก.ค. - ส.ค. ๖๑) span two months but are marked in
    # ก.ค. only.
    ("gantt-partial", INFO, ("s7",), ()),
    ("gantt-partial", INFO, ("s11",), ()),
    # The corrections the data records beside the text, each a real error of the seed:
    # recipient ๑ ที่การปกครอง (ทำ dropped);
    ("recorded-correction", INFO, (), ("document.letter.distribution.recipients[0]",)),
    # recipient ๖ อำเภอกะทู้แม่แบน (กระทุ่มแบน);
    ("recorded-correction", INFO, (), ("document.letter.distribution.recipients[5]",)),
    # the list's ว ๕๕๓๗ (๕๕๗๗), its ๒๕๖๖ (๒๕๖๑), and the stray line "๒๕๖๑" above the
    # signatory's name (three corrections on the letter);
    ("recorded-correction", INFO, (), ("document.letter",)),
    ("recorded-correction", INFO, (), ("document.letter",)),
    ("recorded-correction", INFO, (), ("document.letter",)),
    # the minutes' venue ห้องประชุมทำจิ้น where the letter says ห้องประชุมท่าจีน;
    ("recorded-correction", INFO, (), ("document.meeting",)),
    # step 7's องค์กรบริหารส่วนจังหวัด (องค์การ, as resolution 3.1 and recipient ๘ write it);
    ("recorded-correction", INFO, ("s7",), ("document.calendar.steps[6]",)),
    # step 8's "คณะกรรมการ ... ตามกลุ่มภารกิจ ๓ ด้าน" where its responsible party, the
    # infographic ("อนุ ก.บ.จ. 3 ด้าน") and steps 4 and 12 say the sub-committees;
    ("recorded-correction", INFO, ("s8",), ("document.calendar.steps[7]",)),
    # the infographic's "โครงการเติมรูปแบบ" (เต็มรูปแบบ), quoted in step 9's notes;
    ("recorded-correction", INFO, ("s9",), ("document.calendar.steps[8]",)),
    # step 13's Gantt mark ก.ค. (ส.ค.);
    ("recorded-correction", INFO, ("s13",), ("document.calendar.steps[12]",)),
    # step 14's "(ก.บ.จ)" without its last dot, and its Gantt mark ส.ค. (ก.ย.);
    ("recorded-correction", INFO, ("s14",), ("document.calendar.steps[13]",)),
    ("recorded-correction", INFO, ("s14",), ("document.calendar.steps[13]",)),
    # step 15's Gantt mark ก.ย. (ต.ค.);
    ("recorded-correction", INFO, ("s15",), ("document.calendar.steps[14]",)),
    # step 3's cell "สนง.ส่งเสริมการปกครอง ท้องถิ่นจังหวัด", a line break inside the name;
    ("recorded-correction", INFO, (), ("document.calendar.agencies[5]",)),
    # and the agency name อำเภอกะทู้แม่แบน taken from recipient ๖ (กระทุ่มแบน).
    ("recorded-correction", INFO, (), ("document.calendar.agencies[7]",)),
]


class TestSeedDocument:
    """validate() on the built-in Samut Sakhon document: the real findings, and only those."""

    def test_all_findings(self, seed_report):
        """Exactly the findings of the table above, no more, no fewer."""
        actual = Counter((f.code, f.severity, f.steps, f.objects) for f in seed_report)
        assert Counter(SEED_FINDINGS) == actual

    def test_gantt_outside_period(self, seed_report):
        """Steps 13, 14 and 15, each marked one month before its stated month."""
        findings = seed_report.by_code("gantt-outside-period")
        assert [("s13",), ("s14",), ("s15",)] == [f.steps for f in findings]
        expected = [("ก.ค. ๖๑", "ส.ค. ๖๑"), ("ส.ค. ๖๑", "ก.ย. ๖๑"), ("ก.ย. ๖๑", "ต.ค. ๖๑")]
        for (marked, stated), finding in zip(expected, findings, strict=True):
            assert f"marks {marked} but the stated period is '{stated}'" in finding.message_en
            assert "(the marks sit 1 month before the stated period)" in finding.message_en
            assert f"ทำเครื่องหมายไว้ที่ {marked}" in finding.message_th

    def test_reference_mismatch(self, seed_report):
        """The list's number ว ๕๕๓๗ against ว ๕๕๗๗, and its year ๒๕๖๖ against ๒๕๖๑."""
        number, date = seed_report.by_code("reference-mismatch")
        assert (
            "the distribution list quotes the letter as ที่ สค ๐๐๑๗.๒/ว ๕๕๓๗ but the letter is"
            " ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗"
        ) == number.message_en
        assert "๕๕๓๗" in number.message_th
        assert "๕๕๗๗" in number.message_th
        assert (
            "the distribution list quotes the letter's date as '๕ เมษายน ๒๕๖๖' (2023-04-05)"
            " but the letter is dated '๕ เมษายน ๒๕๖๑' (2018-04-05)"
        ) == date.message_en
        assert "๕ เมษายน ๒๕๖๖" in date.message_th
        assert "๕ เมษายน ๒๕๖๑" in date.message_th

    def test_unofficial_district(self, seed_report):
        """Recipient ๖ อำเภอกะทู้แม่แบน, nearest official name อำเภอกระทุ่มแบน."""
        (finding,) = [
            f
            for f in seed_report.by_code("unofficial-name")
            if f.objects == ("letter.distribution.recipients[5]",)
        ]
        assert (
            "letter.distribution.recipients[5]: 'อำเภอกะทู้แม่แบน' is not a district of สมุทรสาคร"
            " in the official list; the official name nearest to it is 'อำเภอกระทุ่มแบน'"
        ) == finding.message_en
        assert "ชื่อที่ใกล้เคียงคือ 'อำเภอกระทุ่มแบน'" in finding.message_th

    def test_deadline_conflict(self, seed_report):
        """Resolution 3.1's June deadline against step 7's มิ.ย. - ก.ค. ๖๑."""
        (finding,) = seed_report.by_code("deadline-conflict")
        assert "resolution 3.1 sets 'ภายในเดือนมิถุนายน ๒๕๖๑' for what s7 carries out" in (
            finding.message_en
        )
        assert "(2018-07-31, after 2018-06-30)" in finding.message_en

    def test_ok(self, seed_report):
        """Two errors (the distribution list's number and date): not ok."""
        assert not seed_report.ok
        assert 2 == len(seed_report.errors)

    @pytest.mark.parametrize(
        "code",
        [
            "duplicate-id",
            "unknown-step",
            "unknown-phase",
            "unknown-party",
            "self-dependency",
            "duplicate-dependency",
            "dependency-cycle",
            "impossible-dependency",
            "start-before-predecessor",
            "negative-slack",
            "weekday-mismatch",
            "non-working-day",
            "consultation-order",
            "phase-order",
            "step-numbering",
            "action-plan-late",
            "no-responsible",
            "outside-round",
            "late-for-fiscal-year",
            "title-fiscal-year",
            "outdated-agency-name",
            "central-agency-name",
            "dopa-code",
            "plan-consistent-with-itself",
            "plan-consistent-downward",
            "plan-fiscal-year",
        ],
    )
    def test_silent_rules(self, seed_report, code):
        """Rules the seed keeps give no finding.

        The meeting of วันพุธที่ ๔ เมษายน ๒๕๖๑ was a Wednesday and a working day, the
        consultation (s13, ส.ค.) precedes the approval (s14, ก.ย.), the plans reach
        central agencies (ต.ค. ๖๑) a year before FY 2563 begins, and so on.
        """
        assert () == seed_report.by_code(code)

    def test_calendar_alone(self):
        """Without the document, the letter's, meeting's and deadline's findings go."""
        document_ = load_document("samut-sakhon-2563")
        report = validate(document_.calendar)
        assert {
            "gantt-outside-period": 3,
            "gantt-partial": 2,
            "unofficial-name": 1,
            "recorded-correction": 9,
        } == report.codes()


# -- the report -----------------------------------------------------------------------------


class TestReport:
    """Report: severities, codes, order, no duplicates."""

    def test_partitions(self, seed_report):
        """errors, warnings and infos split the findings by severity."""
        assert list(seed_report) == [
            *seed_report.errors,
            *seed_report.warnings,
            *seed_report.infos,
        ]
        assert (2, 7, 17) == (
            len(seed_report.errors),
            len(seed_report.warnings),
            len(seed_report.infos),
        )
        assert len(seed_report) == len(seed_report.findings)

    def test_codes_and_by_code(self, seed_report):
        """codes() counts findings by code; by_code() gives one code's findings in order."""
        expected = Counter(code for code, _, _, _ in SEED_FINDINGS)
        assert expected == seed_report.codes()
        for code, count in expected.items():
            assert count == len(seed_report.by_code(code))
            assert all(f.code == code for f in seed_report.by_code(code))
        assert () == seed_report.by_code("no-such-code")

    def test_errors_first(self):
        """Errors come before warnings, warnings before infos, whatever order the rules run in."""
        source = calendar(
            step("s1", "ก.ค. - ส.ค. ๖๑", gantt=["ก.ค."], responsible=[]),
            step("s2", after=["s9"]),
            corrections=[Correction("title", "ก", "ข")],
        )
        report = validate(source)
        order = {ERROR: 0, WARNING: 1, INFO: 2}
        severities = [order[f.severity] for f in report]
        assert sorted(severities) == severities
        assert {ERROR, WARNING, INFO} == {f.severity for f in report}

    def test_ok_with_warnings(self):
        """Warnings and infos alone leave a report ok."""
        report = validate(calendar(step("s1", responsible=[])))
        assert report.ok
        assert () == report.errors
        assert 1 == len(report.warnings)

    def test_empty(self):
        """A clean calendar gives an empty, ok report."""
        report = validate(calendar(step("s1"), step("s2", "มิ.ย. ๖๑", after=["s1"])))
        assert (True, 0, Counter()) == (report.ok, len(report), report.codes())

    def test_no_duplicates(self, seed_report):
        """The same finding twice (two actions of one resolution on s7) is reported once."""
        assert len(set(seed_report)) == len(seed_report)
        two = document(
            calendar(step("s1", "มิ.ย. - ก.ค. ๖๑")),
            meeting=meeting(june_action("s1"), june_action("s1")),
        )
        assert 1 == len(validate(two).by_code("deadline-conflict"))

    def test_html(self, seed_report):
        """The notebook view is a table with a row per finding."""
        html = seed_report._repr_html_()
        assert html.count("<tr>") == len(seed_report) + 1
        assert "gantt-outside-period" in html

    def test_finding_is_frozen(self, seed_report):
        """Findings are immutable records."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            seed_report.findings[0].code = "x"  # type: ignore[misc]
