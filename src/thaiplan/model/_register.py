"""The project register: projects of many plans and levels, the strategy trees they cite, and roll-ups.

A :class:`ProjectRegister` is what the planning calendar fills: the project
ideas an agency proposes, the district's projects forwarded by ก.บ.อ., the
local governments' ผ.๐๒ rows, each linked to the strategies it serves. It
indexes its projects by id when it is built, so that ``register.project(id)``
costs a dictionary look-up; filters return a smaller register with the same
trees and plans, so that they chain and roll up.

Roll-ups (:meth:`ProjectRegister.rollup`) are plain rows: one per combination
of the chosen keys, with the number of projects and the budget. A project
with budget in several years counts once in each year's row; a project linked
to several nodes of the tree asked for counts under each of them, so the rows
of a strategy roll-up add up to more than the register when projects share
nodes (the ``projects`` of the whole register are its length).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from thaiplan.errors import ModelError, ModelTypeError
from thaiplan.model._plans import Plan, PlanLevel
from thaiplan.model._project_parts import ProjectState, StrategyLink, money
from thaiplan.model._projects import Project
from thaiplan.model._records import check_id, optional_whole, text, whole
from thaiplan.model._strategies import StrategyNode, StrategyTree

if TYPE_CHECKING:
    import pandas

    from thaiplan.model._steps import Step

__all__ = ["ProjectRegister", "RollupRow", "SummaryFigure", "SummaryRow"]

#: The keys :meth:`ProjectRegister.rollup` groups by.
ROLLUP_KEYS: Final = ("strategy", "fiscal_year", "level", "programme", "place", "plan", "state")


def _projects(items: object) -> tuple[Project, ...]:
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ModelTypeError("ProjectRegister.projects", items, "a list of Project records")
    result = tuple(items)
    for index, item in enumerate(result):
        if not isinstance(item, Project):
            raise ModelTypeError(f"ProjectRegister.projects[{index}]", item, "a Project")
    return result


def _trees(items: object) -> tuple[StrategyTree, ...]:
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ModelTypeError("ProjectRegister.trees", items, "a list of StrategyTree records")
    result = tuple(items)
    for index, item in enumerate(result):
        if not isinstance(item, StrategyTree):
            raise ModelTypeError(f"ProjectRegister.trees[{index}]", item, "a StrategyTree")
    return result


def _plans(items: object) -> tuple[Plan, ...]:
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ModelTypeError("ProjectRegister.plans", items, "a list of Plan records")
    result = tuple(items)
    for index, item in enumerate(result):
        if not isinstance(item, Plan):
            raise ModelTypeError(f"ProjectRegister.plans[{index}]", item, "a Plan")
    return result


def _optional_money(value: object) -> Decimal | None:
    return None if value is None else money(value)


def _optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ModelError(
            f"{type(instance).__name__}.{attribute.name} is a count of projects, not {value!r}"
        )


@attrs.frozen
class SummaryRow:
    """One row of a plan's ผ.๐๑ summary (projects and budget by strategy and year), as the plan states it.

    The rule ``project-p01-mismatch`` compares it with the projects of the register.

    Attributes:
        tree: The strategy tree of the row's strategy.
        node: The strategy node (``"1"`` for ยุทธศาสตร์ที่ ๑).
        fiscal_year: The Buddhist-Era fiscal year of the column.
        projects: The number of projects the summary states.
        budget: The budget the summary states, in baht.
        plan: The plan whose summary it is.
        written: The row as written, when it helps.
    """

    tree: str = attrs.field(validator=check_id)
    node: str = attrs.field(validator=check_id)
    fiscal_year: int = attrs.field(validator=attrs.validators.instance_of(int))
    projects: int | None = attrs.field(default=None, validator=_optional_count)
    budget: Decimal | None = attrs.field(default=None, converter=_optional_money)
    plan: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    written: str = attrs.field(default="", validator=attrs.validators.instance_of(str))


#: The kinds of row of a ผ.๐๑ table: a strategy's own row, a row of its parts (a programme,
#: a tactic), the รวม row that closes a strategy, the รวมทั้งสิ้น row of the whole table.
SUMMARY_KINDS: Final = ("strategy", "part", "total", "grand_total")


def _kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ModelTypeError("SummaryFigure.kind", value, "text (a str)")
    if value not in SUMMARY_KINDS:
        raise ModelError(
            f"SummaryFigure.kind must be one of {', '.join(SUMMARY_KINDS)}, not {value!r}"
        )


@attrs.frozen
class SummaryFigure:
    """One figure of a ผ.๐๑ table as the book states it: a row, a column, a count and a budget.

    The rows of :class:`SummaryRow` are what a summary says of each strategy
    and year; these are the table itself, every row and column as read (the
    programme rows, the รวม and รวมทั้งสิ้น rows, the ``รวม 5 ปี`` column), so
    that the rule ``p01-arithmetic`` can check the table's own sums.

    Attributes:
        line: The row's place in the table (its sheet row when read from a sheet):
            the figures of one row share it, and rows are in its order.
        label: The row's first cell as written (``"แผนงานสาธารณสุข"``, ``"รวม"``).
        kind: ``strategy``, ``part``, ``total`` or ``grand_total``.
        fiscal_year: The year of the column, or ``None`` for the ``รวม 5 ปี`` column.
        projects: The number of projects stated, ``None`` when the cell is empty.
        budget: The budget stated, in baht, ``None`` when the cell is empty.
        node: The strategy whose block the row is in.
        plan: The plan whose summary it is.
        written: Where the figure is written (``"ผ.01 สรุป!B9"``).

    >>> SummaryFigure(9, "แผนงานสาธารณสุข", "part", 2566, 22, "1,632,820").budget
    Decimal('1632820')
    """

    line: int = attrs.field(validator=whole(0))
    label: str = attrs.field(validator=text)
    kind: str = attrs.field(validator=_kind)
    fiscal_year: int | None = attrs.field(default=None, validator=optional_whole(0))
    projects: int | None = attrs.field(default=None, validator=_optional_count)
    budget: Decimal | None = attrs.field(default=None, converter=_optional_money)
    node: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    plan: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    written: str = attrs.field(default="", validator=text)


def _figures(items: Iterable[SummaryFigure]) -> tuple[SummaryFigure, ...]:
    result = tuple(items)
    for item in result:
        if not isinstance(item, SummaryFigure):
            raise ModelError(
                f"ProjectRegister.summary_figures must hold SummaryFigure records, not {item!r}"
            )
    return result


def _summary(items: Iterable[SummaryRow]) -> tuple[SummaryRow, ...]:
    result = tuple(items)
    for item in result:
        if not isinstance(item, SummaryRow):
            raise ModelError(f"ProjectRegister.summary must hold SummaryRow records, not {item!r}")
    return result


@attrs.frozen
class RollupRow:
    """One row of a roll-up: the keys it groups by, the number of projects and their budget.

    Attributes:
        keys: The value of each key asked for, in the order asked.
        projects: How many projects fall in the row.
        budget: Their budget in the row's fiscal year (or in every year when the
            roll-up is not by year), in baht.
    """

    keys: tuple[tuple[str, Any], ...]
    projects: int
    budget: Decimal

    def as_dict(self) -> dict[str, Any]:
        """The row as a flat mapping: the keys, then ``projects`` and ``budget``."""
        return {**dict(self.keys), "projects": self.projects, "budget": self.budget}


@attrs.frozen
class ProjectRegister:
    """Projects of many plans and levels, with the strategy trees and plans they name.

    Attributes:
        projects: The projects, in order; ids are unique.
        trees: The strategy trees the links cite (a plan's own, or built-in copies).
        plans: The plans the projects are in (their years bound the budget years).
        summary: The rows of the plans' ผ.๐๑ summaries, as stated.
        name: The register's name as written.
        notes: Free notes.
        summary_figures: The ผ.๐๑ tables' figures, every row and column as stated.

    Raises:
        ModelError: Two projects or two trees share an id.

    >>> from thaiplan import BudgetLine, Project
    >>> register = ProjectRegister([
    ...     Project("p1", "ถนน", "local", budget=[BudgetLine(2566, 100)], programme="เคหะและชุมชน"),
    ...     Project("p2", "ประปา", "local", budget=[BudgetLine(2566, 50), BudgetLine(2567, 70)]),
    ... ])
    >>> register.project("p2").title, len(register.filter(fiscal_year=2567))
    ('ประปา', 1)
    >>> [row.as_dict() for row in register.rollup("fiscal_year")]
    [{'fiscal_year': 2566, 'projects': 2, 'budget': Decimal('150')}, {'fiscal_year': 2567, 'projects': 1, 'budget': Decimal('70')}]
    """

    projects: tuple[Project, ...] = attrs.field(default=(), converter=_projects)
    trees: tuple[StrategyTree, ...] = attrs.field(default=(), converter=_trees)
    plans: tuple[Plan, ...] = attrs.field(default=(), converter=_plans)
    summary: tuple[SummaryRow, ...] = attrs.field(default=(), converter=_summary)
    name: str = ""
    notes: str = ""
    summary_figures: tuple[SummaryFigure, ...] = attrs.field(default=(), converter=_figures)
    _index: dict[str, Project] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _tree_index: dict[str, StrategyTree] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Project] = {}
        for project in self.projects:
            if project.id in index:
                raise ModelError(
                    f"the register has two projects with the id {project.id!r}; ids are unique"
                )
            index[project.id] = project
        trees: dict[str, StrategyTree] = {}
        for tree in self.trees:
            if tree.id in trees:
                raise ModelError(f"the register has two strategy trees with the id {tree.id!r}")
            trees[tree.id] = tree
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_tree_index", trees)

    def __iter__(self) -> Iterator[Project]:
        return iter(self.projects)

    def __len__(self) -> int:
        return len(self.projects)

    def __contains__(self, project_id: object) -> bool:
        return project_id in self._index

    def project(self, project_id: str) -> Project:
        """The project with this id.

        Raises:
            ModelError: No project has it.
        """
        try:
            return self._index[project_id]
        except (KeyError, TypeError):
            raise ModelError(f"the register has no project {project_id!r}") from None

    def tree(self, tree_id: str) -> StrategyTree:
        """The strategy tree with this id.

        Raises:
            ModelError: The register has no such tree.
        """
        try:
            return self._tree_index[tree_id]
        except (KeyError, TypeError):
            known = ", ".join(repr(tree) for tree in self._tree_index) or "none"
            raise ModelError(
                f"the register has no strategy tree {tree_id!r} (it has {known})"
            ) from None

    def plan(self, plan_id: str) -> Plan:
        """The plan with this id.

        Raises:
            ModelError: The register has no such plan.
        """
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        raise ModelError(f"the register has no plan {plan_id!r}")

    def resolve(self, link: StrategyLink) -> StrategyNode | None:
        """The node a link names, or ``None`` when its tree or node is not in the register."""
        tree = self._tree_index.get(link.tree)
        if tree is None or link.node not in tree:
            return None
        return tree.node(link.node)

    def _with(self, projects: Iterable[Project]) -> ProjectRegister:
        return ProjectRegister(projects, self.trees, self.plans, (), self.name, self.notes)

    def filter(
        self,
        *,
        plan: str | None = None,
        level: PlanLevel | str | None = None,
        place: str | None = None,
        strategy: str | None = None,
        fiscal_year: int | None = None,
        state: ProjectState | str | None = None,
    ) -> ProjectRegister:
        """The projects that match every criterion given, as a register with the same trees.

        The register returned keeps the trees and plans; not the ผ.๐๑ summary
        rows, which state totals of the whole register.

        Args:
            plan: The id of the plan they are in.
            level: Their level.
            place: A DOPA code (province, district, subdistrict): projects in
                it; or a 7-digit DLA code: projects of that local government.
            strategy: ``"tree:node"``: projects linked to that node or to a node below it.
            fiscal_year: Projects with budget in that Buddhist-Era fiscal year.
            state: Their current state.

        Raises:
            ModelError: ``strategy`` is not ``tree:node``, or names a tree or
                node that is not in the register.
        """
        wanted_level = PlanLevel(level) if level is not None else None
        wanted_state = ProjectState(state) if state is not None else None
        keys: set[str] | None = None
        if strategy is not None:
            tree_id, sep, node_id = strategy.partition(":")
            if not sep:
                raise ModelError(
                    f"strategy is written 'tree:node', such as 'national-strategy:2', not {strategy!r}"
                )
            tree = self.tree(tree_id)
            keys = {
                f"{tree_id}:{node.id}" for node in (tree.node(node_id), *tree.descendants(node_id))
            }

        def keep(project: Project) -> bool:
            if plan is not None and project.plan != plan:
                return False
            if wanted_level is not None and project.level is not wanted_level:
                return False
            if wanted_state is not None and project.state is not wanted_state:
                return False
            if fiscal_year is not None and all(
                line.fiscal_year != fiscal_year for line in project.budget
            ):
                return False
            if place is not None:
                where = project.location
                if where is None:
                    return False
                code = where.code
                if where.lao != place and not (code is not None and code.startswith(place)):
                    return False
            return keys is None or any(link.key in keys for link in project.links)

        return self._with(project for project in self.projects if keep(project))

    def for_step(self, step: Step | str) -> ProjectRegister:
        """The projects a calendar step handles: named in their ``steps``, status or escalations.

        >>> from thaiplan import Project, ProjectIdea
        >>> idea = ProjectIdea("ตลาดชุมชน", "provincial-office", "provincial").to_project("p1")
        >>> register = ProjectRegister([attrs.evolve(idea, steps=["s7"])])
        >>> [p.id for p in register.for_step("s7")], len(register.for_step("s9"))
        (['p1'], 0)
        """
        step_id = step if isinstance(step, str) else step.id

        def handled(project: Project) -> bool:
            return (
                step_id in project.steps
                or any(change.step == step_id for change in project.status)
                or any(escalation.step == step_id for escalation in project.escalations)
            )

        return self._with(project for project in self.projects if handled(project))

    def rollup(self, *keys: str, tree: str | None = None) -> tuple[RollupRow, ...]:
        """Counts and budgets grouped by the keys given, as plain rows in key order.

        Args:
            keys: Any of ``strategy``, ``fiscal_year``, ``level``,
                ``programme``, ``place``, ``plan``, ``state``. ``place`` is the
                most precise DOPA code of the project (or ``None``).
            tree: With ``strategy``: the tree whose nodes are the groups; a
                project counts under each node of that tree it links to (and
                under ``None`` when it links to none).

        Raises:
            ModelError: An unknown key, or ``strategy`` without ``tree``.
        """
        for key in keys:
            if key not in ROLLUP_KEYS:
                raise ModelError(
                    f"cannot roll up by {key!r}; the keys are {', '.join(ROLLUP_KEYS)}"
                )
        if "strategy" in keys:
            if tree is None:
                raise ModelError("a roll-up by strategy needs tree=..., the tree to group by")
            self.tree(tree)
        by_year = "fiscal_year" in keys
        groups: dict[tuple[Any, ...], list[Any]] = {}
        for project in self.projects:
            strategies: Sequence[str | None] = [None]
            if tree is not None:
                strategies = list(
                    dict.fromkeys(link.node for link in project.links if link.tree == tree)
                ) or [None]
            years: dict[int | None, Decimal] = {None: project.total_budget}
            if by_year:
                years = {}
                for budget_year, budget_amount in project.budget_by_year().items():
                    years[budget_year] = budget_amount
            if not years:
                years = {None: Decimal(0)}
            for strategy in strategies:
                for year, amount in years.items():
                    values = {
                        "strategy": strategy,
                        "fiscal_year": year,
                        "level": project.level.value,
                        "programme": project.programme,
                        "place": project.location.code if project.location else None,
                        "plan": project.plan,
                        "state": project.state.value if project.state else None,
                    }
                    group = tuple(values[key] for key in keys)
                    entry = groups.get(group)
                    if entry is None:
                        groups[group] = [1, amount]
                    else:
                        entry[0] += 1
                        entry[1] += amount
        ordered = sorted(groups.items(), key=lambda item: tuple(_sort_key(v) for v in item[0]))
        return tuple(
            RollupRow(tuple(zip(keys, group, strict=True)), count, budget)
            for group, (count, budget) in ordered
        )

    def p01_summary(self, tree: str) -> tuple[RollupRow, ...]:
        """The ผ.๐๑ summary: projects and budget by strategy of ``tree`` and fiscal year."""
        return self.rollup("strategy", "fiscal_year", tree=tree)

    def rollup_frame(self, *keys: str, tree: str | None = None) -> pandas.DataFrame:
        """:meth:`rollup` as a pandas DataFrame (needs the ``pandas`` extra).

        Raises:
            ThaiplanError: pandas is not installed (the message names the extra).
        """
        from thaiplan.io._register import rollup_frame  # deferred: io is above

        return rollup_frame(self.rollup(*keys, tree=tree), keys)


def _sort_key(value: Any) -> tuple[int, Any]:
    # None sorts last; numbers and text each among their kind.
    if value is None:
        return (2, "")
    if isinstance(value, int):
        return (0, value)
    return (1, str(value))
