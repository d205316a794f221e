"""Projects, strategy trees and the register: thaiplan.model._projects, _strategies, _register."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings

from strategies import projects, registers
from thaiplan import (
    BudgetLine,
    FollowUp,
    Indicator,
    Location,
    ModelError,
    PlanLevel,
    Project,
    ProjectForm,
    ProjectIdea,
    ProjectRegister,
    ProjectState,
    StatusChange,
    StrategyKind,
    StrategyLink,
    StrategyNode,
    StrategyTree,
)


def _tree() -> StrategyTree:
    return StrategyTree(
        "lao",
        "ยุทธศาสตร์ อบต.",
        [
            StrategyNode("1", "การพัฒนาโครงสร้างพื้นฐาน", "lao_strategy", code="๑"),
            StrategyNode("1.1", "ก่อสร้างถนน", "tactic", code="๑.๑", parent="1"),
            StrategyNode("1.2", "ระบบประปา", "tactic", code="๑.๒", parent="1"),
            StrategyNode("2", "การพัฒนาคน", "lao_strategy", code="๒"),
        ],
    )


def _register() -> ProjectRegister:
    return ProjectRegister(
        [
            Project(
                "p1",
                "ก่อสร้างถนน คสล. หมู่ที่ ๓",
                "local",
                plan="lao-plan",
                budget=[BudgetLine(2566, "1,632,820"), BudgetLine(2567, 500000)],
                programme="อุตสาหกรรมและการโยธา",
                location=Location("74", "7402", "740201", ["หมู่ที่ ๓"], lao="6740201"),
                links=[StrategyLink("lao", "1.1")],
                status=[StatusChange("submitted", dt.date(2022, 5, 1))],
            ),
            Project(
                "p2",
                "ขยายเขตประปา",
                "local",
                plan="lao-plan",
                budget=[BudgetLine(2566, 300000)],
                programme="เคหะและชุมชน",
                location=Location("74", "7401"),
                links=[StrategyLink("lao", "1.2"), StrategyLink("lao", "2")],
                status=[StatusChange("submitted"), StatusChange("approved")],
            ),
            Project("p3", "อบรมผู้สูงอายุ", "district", links=[StrategyLink("lao", "2")]),
        ],
        trees=[_tree()],
    )


class TestProject:
    def test_budget(self) -> None:
        """Budget lines sum by year and in total, in Decimal."""
        project = _register().project("p1")
        assert {2566: Decimal("1632820"), 2567: Decimal("500000")} == project.budget_by_year()
        assert Decimal("2132820") == project.total_budget
        assert (2566, 2567) == project.fiscal_years

    @pytest.mark.parametrize(
        ("build", "fragment"),
        [
            (lambda: BudgetLine(2566, 1.5), "not 1.5"),
            (lambda: BudgetLine(66, 100), "Buddhist-Era fiscal year"),
            (lambda: BudgetLine(2566, Decimal("1.001")), "to the satang"),
            (lambda: BudgetLine(2566, "-"), "no amount"),
            (lambda: Location("740"), "2 digits"),
            (lambda: Location("74", lao="123"), "7 digits"),
            (lambda: Location(start=(Decimal(100), Decimal(0))), "latitude"),
            (lambda: FollowUp(2566, progress=120), "0 to 100"),
            (lambda: Indicator("x", target="มาก"), "a number"),
            (lambda: StatusChange("approved", "32 มี.ค. 61"), "day"),
            (lambda: Project("p 1", "x", "local"), "identifier"),
            (lambda: Project("p1", "x", "local", budget=[100]), "BudgetLine"),
        ],
    )
    def test_bad_values(self, build: object, fragment: str) -> None:
        """Each field refuses a wrong value with a ModelError (also a ValueError) saying why."""
        with pytest.raises(ModelError, match=fragment):
            build()  # type: ignore[operator]

    def test_form_as_written(self) -> None:
        """The form reads as documents write it: Thai or Arabic digits, spaces, p02."""
        assert ProjectForm.P02_2 is ProjectForm("ผ. 02/2") is ProjectForm("p02/2")
        with pytest.raises(ValueError, match="is not a ProjectForm; expected one of"):
            ProjectForm("ผ.๐๙")

    def test_escalate_records_history(self) -> None:
        """Escalation moves the level up and keeps from, to, committee, step and date."""
        project = Project("p1", "สะพาน", "district", beyond_capacity=True, capacity_reason="งบสูง")
        up = project.escalate(committee="kbo", step="s9", date="๑๕ ก.ค. ๖๑")
        assert PlanLevel.PROVINCIAL is up.level
        (escalation,) = up.escalations
        assert (
            PlanLevel.DISTRICT,
            PlanLevel.PROVINCIAL,
            "kbo",
            "s9",
            dt.date(2018, 7, 15),
            "งบสูง",
        ) == (
            escalation.from_level,
            escalation.to_level,
            escalation.committee,
            escalation.step,
            escalation.date,
            escalation.reason,
        )
        assert ProjectState.ESCALATED is up.state
        assert ("s9",) == up.steps

    def test_escalate_pao_and_refusals(self) -> None:
        """An อบจ.'s local project goes to the province; only beyond-capacity projects go, and only up."""
        pao = Project("p1", "ถนน", "local", beyond_capacity=True)
        assert PlanLevel.PROVINCIAL is pao.escalate(proposer_is_pao=True).level
        assert PlanLevel.DISTRICT is pao.escalate().level
        with pytest.raises(ModelError, match="within the capacity"):
            Project("p1", "ถนน", "local").escalate()
        with pytest.raises(ModelError, match="only go up"):
            pao.escalate(to="village")

    def test_from_idea(self) -> None:
        """ProjectIdea migrates to a Project at the idea stage, keeping its escalation."""
        idea = ProjectIdea(
            "ถนนเชื่อมอำเภอ", "district-krathum-baen", "district", beyond_capacity=True
        )
        project = idea.escalate().to_project("p9")
        assert ("p9", "ถนนเชื่อมอำเภอ", PlanLevel.PROVINCIAL, "district-krathum-baen") == (
            project.id,
            project.title,
            project.level,
            project.proposer,
        )
        assert ProjectState.IDEA is project.state
        assert PlanLevel.DISTRICT is project.escalations[0].from_level

    @given(projects)
    @settings(max_examples=50, deadline=None)
    def test_random_projects_are_consistent(self, project: Project) -> None:
        """For any project, the yearly budget adds up to the total."""
        assert project.total_budget == sum(project.budget_by_year().values(), Decimal(0))


class TestStrategyTree:
    def test_walks(self) -> None:
        """Ancestors, children, descendants and roots follow the parents."""
        tree = _tree()
        assert ["1"] == [n.id for n in tree.ancestors("1.2")]
        assert ["1.1", "1.2"] == [n.id for n in tree.descendants("1")]
        assert ["1", "2"] == [n.id for n in tree.roots()]
        assert StrategyKind.TACTIC is tree.node("1.1").kind
        assert "1.1" in tree
        assert "9" not in tree

    @pytest.mark.parametrize(
        ("nodes", "fragment"),
        [
            ([StrategyNode("1", "a", "other"), StrategyNode("1", "b", "other")], "two nodes"),
            ([StrategyNode("1", "a", "other", parent="9")], "not in the tree"),
            (
                [
                    StrategyNode("1", "a", "other", parent="2"),
                    StrategyNode("2", "b", "other", parent="1"),
                ],
                "circle",
            ),
        ],
    )
    def test_shape_is_checked(self, nodes: list[StrategyNode], fragment: str) -> None:
        """Duplicate ids, missing parents and circles are refused when the tree is built."""
        with pytest.raises(ModelError, match=fragment):
            StrategyTree("t", "t", nodes)

    def test_unknown_node(self) -> None:
        """Asking for a node that is not there is a ModelError, not a KeyError."""
        with pytest.raises(ModelError, match="no node"):
            _tree().node("9")


class TestRegister:
    def test_lookup(self) -> None:
        """project(id) finds a project; an unknown id is a ModelError; duplicates are refused."""
        register = _register()
        assert "ขยายเขตประปา" == register.project("p2").title
        assert 3 == len(register)
        assert "p3" in register
        with pytest.raises(ModelError, match="no project"):
            register.project("p9")
        with pytest.raises(ModelError, match="two projects"):
            ProjectRegister([Project("p1", "a", "local"), Project("p1", "b", "local")])

    @pytest.mark.parametrize(
        ("criteria", "ids"),
        [
            ({"plan": "lao-plan"}, ["p1", "p2"]),
            ({"level": "district"}, ["p3"]),
            ({"place": "7402"}, ["p1"]),
            ({"place": "74"}, ["p1", "p2"]),
            ({"place": "6740201"}, ["p1"]),
            ({"strategy": "lao:1"}, ["p1", "p2"]),
            ({"strategy": "lao:2"}, ["p2", "p3"]),
            ({"fiscal_year": 2567}, ["p1"]),
            ({"state": "approved"}, ["p2"]),
            ({"plan": "lao-plan", "fiscal_year": 2566, "strategy": "lao:1.2"}, ["p2"]),
        ],
    )
    def test_filters(self, criteria: dict[str, object], ids: list[str]) -> None:
        """Filters keep the projects matching every criterion."""
        assert ids == [p.id for p in _register().filter(**criteria)]  # type: ignore[arg-type]

    def test_filter_errors(self) -> None:
        """A strategy filter names tree:node of a tree in the register."""
        with pytest.raises(ModelError, match="tree:node"):
            _register().filter(strategy="1")
        with pytest.raises(ModelError, match="no strategy tree"):
            _register().filter(strategy="sdgs:1")

    def test_rollup(self) -> None:
        """Roll-ups count projects and sum budget per key, each year in its row."""
        rows = [row.as_dict() for row in _register().rollup("fiscal_year", "level")]
        assert [
            {"fiscal_year": 2566, "level": "local", "projects": 2, "budget": Decimal("1932820")},
            {"fiscal_year": 2567, "level": "local", "projects": 1, "budget": Decimal("500000")},
            {"fiscal_year": None, "level": "district", "projects": 1, "budget": Decimal("0")},
        ] == rows

    def test_p01_summary(self) -> None:
        """The ผ.๐๑ summary groups by strategy node and year; a project counts under each node it cites."""
        rows = [(r.keys, r.projects, r.budget) for r in _register().p01_summary("lao")]
        assert [
            ((("strategy", "1.1"), ("fiscal_year", 2566)), 1, Decimal("1632820")),
            ((("strategy", "1.1"), ("fiscal_year", 2567)), 1, Decimal("500000")),
            ((("strategy", "1.2"), ("fiscal_year", 2566)), 1, Decimal("300000")),
            ((("strategy", "2"), ("fiscal_year", 2566)), 1, Decimal("300000")),
            ((("strategy", "2"), ("fiscal_year", None)), 1, Decimal("0")),
        ] == rows

    def test_rollup_errors(self) -> None:
        """Unknown keys and a strategy roll-up without a tree are refused."""
        with pytest.raises(ModelError, match="cannot roll up"):
            _register().rollup("colour")
        with pytest.raises(ModelError, match="tree="):
            _register().rollup("strategy")

    def test_for_step(self) -> None:
        """for_step finds the projects whose steps, status or escalations name the step."""
        base = _register()
        carried = attrs.evolve(base.project("p3"), beyond_capacity=True).escalate(step="s9")
        register = ProjectRegister([base.project("p1"), carried], trees=base.trees)
        assert ["p3"] == [p.id for p in register.for_step("s9")]

    def test_rollup_frame(self) -> None:
        """With pandas, the roll-up is a DataFrame with the same rows."""
        pytest.importorskip("pandas")
        frame = _register().rollup_frame("level")
        assert ["level", "projects", "budget"] == list(frame.columns)
        assert ["district", "local"] == list(frame["level"])
        assert [1, 2] == list(frame["projects"])

    @given(registers)
    @settings(max_examples=30, deadline=None)
    def test_rollup_totals(self, register: ProjectRegister) -> None:
        """Rolled up by level alone, the rows add up to the register: every project once, every baht once."""
        rows = register.rollup("level")
        assert len(register) == sum(row.projects for row in rows)
        assert sum((p.total_budget for p in register), Decimal(0)) == sum(
            (row.budget for row in rows), Decimal(0)
        )
