"""Rules on the projects of a register: thaiplan.checks.rules.projects."""

from __future__ import annotations

import pytest

import thaiplan
from thaiplan import ProjectRegister

BASE = """\
format: thaiplan-register/1
trees: [national-strategy, lao-programmes]
plans: [{id: lp, name: แผนพัฒนาท้องถิ่น, kind: development, level: local, years: [2566, 2570]}]
"""

CLEAN = """\
- id: p0
  title: ก่อสร้างถนน คสล. หมู่ที่ ๓
  level: local
  plan: lp
  responsible: [กองช่าง]
  budget: {2566: 100}
  location: {province: '74', district: '7402'}
  links: [{tree: national-strategy, node: '2'}]
  indicators: [{name: ความยาวถนน, target: 1200, unit: เมตร}]
  status: [{state: submitted, date: 2022-04-01}, {state: approved, date: 2022-06-01}]
"""


def _codes(projects: str, *, summary: str = "", calendar: bool = False) -> list[str]:
    text = BASE + (f"summary: {summary}\n" if summary else "") + "projects:\n" + CLEAN + projects
    register = thaiplan.loads_register(text)
    if calendar:
        report = thaiplan.validate(thaiplan.load_document("samut-sakhon-2563"), register=register)
    else:
        report = thaiplan.validate(register)
    return sorted(f.code for f in report if f.code.startswith("project-"))


class TestProjectRules:
    def test_clean_register(self) -> None:
        """A project with every field right raises nothing; nor does a calendar without a register."""
        assert [] == _codes("")
        report = thaiplan.validate(thaiplan.load_calendar("samut-sakhon-2563"))
        assert not [f for f in report if f.code.startswith("project-")]

    @pytest.mark.parametrize(
        ("project", "codes"),
        [
            ("- {id: p1, title: a, level: local}", ["project-no-link"]),
            (
                "- {id: p1, title: a, level: local, links: [{tree: national-strategy, node: '9'}, {tree: sdg, node: '1'}]}",
                ["project-link-unknown", "project-link-unknown"],
            ),
            (
                "- {id: p1, title: a, level: provincial, links: [{tree: lao-programmes, node: '3'}]}",
                ["project-link-below-level"],
            ),
            (
                "- {id: p1, title: a, level: local, plan: lp, responsible: [x], budget: {2571: 5},"
                " links: [{tree: national-strategy, node: '2'}]}",
                ["project-budget-outside-plan"],
            ),
            (
                "- {id: p1, title: a, level: district, beyond_capacity: true, links: [{tree: national-strategy, node: '2'}]}",
                ["project-not-escalated"],
            ),
            (
                "- {id: p1, title: a, level: provincial, links: [{tree: national-strategy, node: '2'}],"
                " escalations: [{from_level: district, to_level: national}]}",
                ["project-escalated-wrong-level"],
            ),
            (
                "- {id: p1, title: 'ก่อสร้างถนน คสล.หมู่ที่ 3', level: local, responsible: [x],"
                " location: {province: '74', district: '7402'}, links: [{tree: national-strategy, node: '2'}]}",
                ["project-duplicate"],
            ),
            (
                "- {id: p1, title: 'ก่อสร้างถนน คศล. หมู่ที่ ๓', level: local,"
                " location: {province: '74', district: '7402'}, links: [{tree: national-strategy, node: '2'}]}",
                ["project-duplicate"],
            ),
            (
                "- {id: p1, title: a, level: local, links: [{tree: national-strategy, node: '2'}],"
                " indicators: [{name: x, target: 5}]}",
                ["project-indicator-incomplete"],
            ),
            (
                "- {id: p1, title: a, level: local, links: [{tree: national-strategy, node: '2'}],"
                " location: {province: '74', district: '7502', subdistrict: '750201'}}",
                ["project-place-mismatch"],
            ),
            (
                "- {id: p1, title: a, level: local, links: [{tree: national-strategy, node: '2'}],"
                " status: [{state: approved, date: 2022-05-01}, {state: submitted, date: 2022-04-01}]}",
                ["project-status-order", "project-status-order"],
            ),
            (
                "- {id: p1, title: a, level: local, budget: {2566: 5}, links: [{tree: national-strategy, node: '2'}]}",
                ["project-no-responsible"],
            ),
        ],
    )
    def test_each_rule(self, project: str, codes: list[str]) -> None:
        """Each rule finds its problem, and only its problem."""
        assert codes == _codes(project + "\n")

    def test_escalation_at_the_collecting_step(self) -> None:
        """With the seed's calendar, projects beyond capacity go up at s7, the step that collects them."""
        up = "- {id: p1, title: a, level: provincial, links: [{tree: national-strategy, node: '2'}], beyond_capacity: true,"
        assert ["project-not-escalated"] == _codes(
            up + " escalations: [{from_level: district, to_level: provincial, step: s9}]}\n",
            calendar=True,
        )
        assert [] == _codes(
            up + " escalations: [{from_level: district, to_level: provincial, step: s7}]}\n",
            calendar=True,
        )

    def test_pao_goes_to_the_province(self) -> None:
        """An อบจ.'s local project may go straight to the province."""
        assert [] == _codes(
            "- {id: p1, title: a, level: provincial, links: [{tree: national-strategy, node: '2'}],"
            " escalations: [{from_level: local, to_level: provincial}]}\n"
        )

    def test_p01_summary(self) -> None:
        """The ผ.๐๑ totals are checked against the projects; a right total passes."""
        right = (
            "[{tree: national-strategy, node: '2', fiscal_year: 2566, projects: 1, budget: 100}]"
        )
        wrong = "[{tree: national-strategy, node: '2', fiscal_year: 2566, projects: 2, budget: '1,000'}]"
        assert [] == _codes("", summary=right)
        assert ["project-p01-mismatch", "project-p01-mismatch"] == _codes("", summary=wrong)

    def test_messages_in_both_languages(self) -> None:
        """Every finding has a Thai and an English message naming the project."""
        register = thaiplan.loads_register(BASE + "projects:\n- {id: p9, title: a, level: local}\n")
        (finding,) = thaiplan.validate(register).by_code("project-no-link")
        assert "'p9'" in finding.message_en
        assert "p9" in finding.message_th
        assert ("projects.p9",) == finding.objects

    def test_register_alone_runs_no_calendar_rule(self) -> None:
        """A register without a calendar is checked by the project rules only."""
        report = thaiplan.validate(ProjectRegister([thaiplan.Project("p1", "a", "local")]))
        assert ["project-no-link"] == [f.code for f in report]


class TestDuplicates:
    def test_numbers_tell_projects_apart(self) -> None:
        """หมู่ที่ ๓ and หมู่ที่ 3 are one village; หมู่ที่ ๓ and หมู่ที่ ๔ are two roads, not a spelling variant."""
        same = "- {id: p1, title: 'ก่อสร้างถนน คสล. หมู่ที่ 3', level: local, location: {province: '74', district: '7402'}, links: [{tree: national-strategy, node: '2'}]}\n"
        other = same.replace("หมู่ที่ 3", "หมู่ที่ ๔")
        assert ["project-duplicate"] == _codes(same)
        assert [] == _codes(other)
