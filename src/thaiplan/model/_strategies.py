"""Strategy trees: the national strategy, master plans, milestones, SDGs, and each plan's own strategies.

A project declares the strategies it serves (the linkage rows of a ผ.๐๒
sheet, the Z/Y2/Y1 fields of the national systems). Each strategy is a node
of a tree: the six aspects of the 20-year National Strategy are roots, the
master-plan issues hang under them in some tools and stand alone in others,
a sub-plan's target (Y1) hangs under its sub-plan, a tactic (กลยุทธ์) under its
LAO strategy. A :class:`StrategyTree` checks its own shape when it is built
(ids unique, every parent in the tree, no circle), so that walking up from a
node always ends; which nodes a project may cite is a rule of validation.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from thaiplan.errors import ModelError, ModelTypeError
from thaiplan.model._plans import PlanLevel
from thaiplan.model._records import check_id, missing_member

__all__ = ["StrategyKind", "StrategyNode", "StrategyTree"]


class StrategyKind(enum.StrEnum):
    """What a strategy node is: the kinds of the national systems and of plans.

    >>> StrategyKind.SUB_PLAN_TARGET.level
    <PlanLevel.NATIONAL: 'national'>
    >>> StrategyKind.TACTIC.level
    <PlanLevel.LOCAL: 'local'>
    """

    #: An aspect (ด้าน) of the 20-year National Strategy: level Z.
    NATIONAL_STRATEGY = "national_strategy"
    #: A master-plan issue (แผนแม่บทภายใต้ยุทธศาสตร์ชาติ, ประเด็น).
    MASTER_PLAN = "master_plan"
    #: A master-plan issue target (เป้าหมายแผนแม่บทประเด็น): level Y2.
    ISSUE_TARGET = "issue_target"
    #: A sub-plan of a master plan (แผนย่อย).
    SUB_PLAN = "sub_plan"
    #: A sub-plan target (เป้าหมายแผนแม่บทย่อย): level Y1.
    SUB_PLAN_TARGET = "sub_plan_target"
    #: A development guideline of a sub-plan (แนวทางการพัฒนา).
    GUIDELINE = "guideline"
    #: A milestone (หมุดหมาย) of the 13th National Economic and Social Development Plan.
    MILESTONE = "milestone"
    #: A Sustainable Development Goal (เป้าหมายการพัฒนาที่ยั่งยืน).
    SDG = "sdg"
    #: A strategy of a provincial cluster's plan (ยุทธศาสตร์กลุ่มจังหวัด).
    CLUSTER_STRATEGY = "cluster_strategy"
    #: A strategy of the provincial development plan (ประเด็นการพัฒนาจังหวัด).
    PROVINCIAL_STRATEGY = "provincial_strategy"
    #: A strategy of a district development plan.
    DISTRICT_STRATEGY = "district_strategy"
    #: A strategy of a local government's development plan (ยุทธศาสตร์ อปท.).
    LAO_STRATEGY = "lao_strategy"
    #: A tactic under an LAO strategy (กลยุทธ์, "กลยุทธ์ ๑.๑").
    TACTIC = "tactic"
    #: An area (ด้าน) grouping local budget programmes.
    PROGRAMME_AREA = "programme_area"
    #: A local budget programme (แผนงาน), one of the twelve.
    BUDGET_PROGRAMME = "budget_programme"
    #: Anything else a plan uses.
    OTHER = "other"

    @property
    def level(self) -> PlanLevel | None:
        """The plan level a node of this kind belongs to (``None`` for ``other``)."""
        return _KIND_LEVEL.get(self)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


_KIND_LEVEL: Final = {
    **dict.fromkeys(
        (
            StrategyKind.NATIONAL_STRATEGY,
            StrategyKind.MASTER_PLAN,
            StrategyKind.ISSUE_TARGET,
            StrategyKind.SUB_PLAN,
            StrategyKind.SUB_PLAN_TARGET,
            StrategyKind.GUIDELINE,
            StrategyKind.MILESTONE,
            StrategyKind.SDG,
        ),
        PlanLevel.NATIONAL,
    ),
    StrategyKind.CLUSTER_STRATEGY: PlanLevel.CLUSTER,
    StrategyKind.PROVINCIAL_STRATEGY: PlanLevel.PROVINCIAL,
    StrategyKind.DISTRICT_STRATEGY: PlanLevel.DISTRICT,
    **dict.fromkeys(
        (
            StrategyKind.LAO_STRATEGY,
            StrategyKind.TACTIC,
            StrategyKind.PROGRAMME_AREA,
            StrategyKind.BUDGET_PROGRAMME,
        ),
        PlanLevel.LOCAL,
    ),
}


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ModelTypeError(f"{type(instance).__name__}.{attribute.name}", value, "text (a str)")


@attrs.frozen
class StrategyNode:
    """One strategy, target, milestone or programme: a node of a :class:`StrategyTree`.

    Attributes:
        id: The identifier links use, unique in its tree (``"2"``, ``"mp-01"``).
        code: The code as the source writes it (``"๑.๑"``, ``"Y1 ๐๑๐๑"``), or "".
        name: The Thai name, verbatim from the source.
        kind: What the node is.
        parent: The id of the node above it in the same tree, or ``None``.
        name_en: An English name, when the source gives one.
        notes: How sure the transcription is, variants, remarks.

    >>> StrategyNode("1", "ยุทธศาสตร์ชาติด้านความมั่นคง", "national_strategy", code="๑").kind
    <StrategyKind.NATIONAL_STRATEGY: 'national_strategy'>
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=_text)
    kind: StrategyKind = attrs.field(converter=StrategyKind)
    code: str = attrs.field(default="", validator=_text)
    parent: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    name_en: str = attrs.field(default="", validator=_text)
    notes: str = attrs.field(default="", validator=_text)


def _nodes(items: object) -> tuple[StrategyNode, ...]:
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ModelTypeError("StrategyTree.nodes", items, "a list of StrategyNode records")
    result = tuple(items)
    for index, item in enumerate(result):
        if not isinstance(item, StrategyNode):
            raise ModelTypeError(f"StrategyTree.nodes[{index}]", item, "a StrategyNode")
    return result


@attrs.frozen
class StrategyTree:
    """A tree (or forest) of strategy nodes from one source: a plan's strategies or a national list.

    Built-in trees load by name with :func:`thaiplan.strategy_tree`; a
    province's or a local government's own tree is written in a register
    file.

    Attributes:
        id: The name links use to cite it (``"national-strategy"``).
        name: The Thai name of what it transcribes.
        nodes: The nodes, parents before or after children, in the source's order.
        source: Where the nodes come from, as a citation.
        notes: What is uncertain in it.

    Raises:
        ModelError: Two nodes share an id, a parent is not in the tree, or
            the parents go round in a circle.

    >>> tree = StrategyTree("t", "ยุทธศาสตร์ทดลอง", [
    ...     StrategyNode("1", "ด้านหนึ่ง", "lao_strategy", code="๑"),
    ...     StrategyNode("1.1", "กลยุทธ์หนึ่ง", "tactic", code="๑.๑", parent="1"),
    ... ])
    >>> [node.id for node in tree.ancestors("1.1")], [n.id for n in tree.children("1")]
    (['1'], ['1.1'])
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=_text)
    nodes: tuple[StrategyNode, ...] = attrs.field(default=(), converter=_nodes)
    source: str = attrs.field(default="", validator=_text)
    notes: str = attrs.field(default="", validator=_text)
    _index: dict[str, StrategyNode] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _children: dict[str | None, tuple[StrategyNode, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[str, StrategyNode] = {}
        children: dict[str | None, list[StrategyNode]] = {}
        for node in self.nodes:
            if not isinstance(node, StrategyNode):
                raise ModelError(f"StrategyTree.nodes must hold StrategyNode, not {node!r}")
            if node.id in index:
                raise ModelError(
                    f"strategy tree {self.id!r} has two nodes with the id {node.id!r}; ids are unique"
                )
            index[node.id] = node
            children.setdefault(node.parent, []).append(node)
        for node in self.nodes:
            if node.parent is not None and node.parent not in index:
                raise ModelError(
                    f"node {node.id!r} of strategy tree {self.id!r} has the parent"
                    f" {node.parent!r}, which is not in the tree"
                )
        # Walking up from every node must end: colour the nodes already known to reach a root.
        reaches_root: set[str] = set()
        for node in self.nodes:
            path: list[str] = []
            current: StrategyNode | None = node
            while current is not None and current.id not in reaches_root:
                if current.id in path:
                    circle = " -> ".join([*path[path.index(current.id) :], current.id])
                    raise ModelError(
                        f"the parents of strategy tree {self.id!r} go round in a circle: {circle}"
                    )
                path.append(current.id)
                current = index[current.parent] if current.parent is not None else None
            reaches_root.update(path)
        object.__setattr__(self, "_index", index)
        object.__setattr__(
            self, "_children", {key: tuple(value) for key, value in children.items()}
        )

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._index

    def __iter__(self) -> Iterator[StrategyNode]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def node(self, node_id: str) -> StrategyNode:
        """The node with this id.

        Raises:
            ModelError: No node has it (the message names the nearest ids).
        """
        try:
            return self._index[node_id]
        except (KeyError, TypeError):
            raise ModelError(
                f"strategy tree {self.id!r} has no node {node_id!r}; its roots are"
                f" {', '.join(repr(node.id) for node in self.roots()[:8])}"
            ) from None

    def roots(self) -> tuple[StrategyNode, ...]:
        """The nodes without a parent, in order."""
        return self._children.get(None, ())

    def children(self, node_id: str) -> tuple[StrategyNode, ...]:
        """The nodes directly under ``node_id``, in order.

        Raises:
            ModelError: No node has that id.
        """
        self.node(node_id)
        return self._children.get(node_id, ())

    def ancestors(self, node_id: str) -> tuple[StrategyNode, ...]:
        """The nodes above ``node_id``, nearest first.

        Raises:
            ModelError: No node has that id.
        """
        result = []
        node = self.node(node_id)
        while node.parent is not None:
            node = self._index[node.parent]
            result.append(node)
        return tuple(result)

    def descendants(self, node_id: str) -> tuple[StrategyNode, ...]:
        """Every node below ``node_id``, depth first in order.

        Raises:
            ModelError: No node has that id.
        """
        result: list[StrategyNode] = []
        stack = list(reversed(self.children(node_id)))
        while stack:
            node = stack.pop()
            result.append(node)
            stack.extend(reversed(self._children.get(node.id, ())))
        return tuple(result)
