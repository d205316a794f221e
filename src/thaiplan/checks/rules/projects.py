"""Rules on the projects of a register: links, budget years, escalation, duplicates, totals, status.

They run when :func:`~thaiplan.validate` is given a
:class:`~thaiplan.ProjectRegister` (alone, or with a calendar or document as
``register=``), and find nothing otherwise. Each rule walks the projects
once; the duplicate rule groups them by level and place first, and compares
titles only inside a group, so that a register of a hundred thousand
projects is checked in one pass.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._similar import similar_pairs
from thaiplan.dates import format_baht, to_arabic_digits
from thaiplan.model._plans import Plan, PlanLevel
from thaiplan.model._project_parts import ProjectState
from thaiplan.model._projects import Project

_LEVEL_TH: Final = {
    PlanLevel.VILLAGE: "หมู่บ้าน/ชุมชน",
    PlanLevel.SUBDISTRICT: "ตำบล",
    PlanLevel.LOCAL: "ท้องถิ่น",
    PlanLevel.DISTRICT: "อำเภอ",
    PlanLevel.PROVINCIAL: "จังหวัด",
    PlanLevel.CLUSTER: "กลุ่มจังหวัด",
    PlanLevel.NATIONAL: "ชาติ",
}
_ORDER: Final = {level: index for index, level in enumerate(PlanLevel)}


def _projects(context: Context) -> tuple[Project, ...]:
    return context.register.projects if context.register is not None else ()


def _object(project: Project) -> str:
    return f"projects.{project.id}"


@rule("project-no-link", severity="warning", description="a project is linked to a strategy")
def _no_link(context: Context) -> Iterator[Issue]:
    for project in _projects(context):
        if not project.links:
            yield Issue(
                f"project {project.id!r} ({project.title}) is linked to no strategy;"
                " add the national, provincial or local strategy it serves (links:)",
                f"โครงการ {project.id} ({project.title}) ไม่ได้เชื่อมโยงกับยุทธศาสตร์ใด"
                " ให้ระบุความสอดคล้องกับยุทธศาสตร์",
                objects=(_object(project),),
            )


@rule(
    "project-link-unknown",
    severity="error",
    description="every link names a node of a strategy tree of the register",
)
def _link_unknown(context: Context) -> Iterator[Issue]:
    register = context.register
    if register is None:
        return
    trees = {tree.id: tree for tree in register.trees}
    for project in register.projects:
        for link in project.links:
            tree = trees.get(link.tree)
            if tree is None:
                known = ", ".join(trees) or "none"
                yield Issue(
                    f"project {project.id!r} links to {link.key}, but the register has no"
                    f" strategy tree {link.tree!r} (it has {known})",
                    f"โครงการ {project.id} อ้างถึง {link.key} แต่ทะเบียนไม่มีแผนยุทธศาสตร์ {link.tree}",
                    objects=(_object(project),),
                )
            elif link.node not in tree:
                close = difflib.get_close_matches(link.node, [node.id for node in tree], n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                yield Issue(
                    f"project {project.id!r} links to node {link.node!r} of {link.tree!r},"
                    f" which has no such node{hint}",
                    f"โครงการ {project.id} อ้างถึงรายการ {link.node} ซึ่งไม่มีใน {tree.name}",
                    objects=(_object(project),),
                )


@rule(
    "project-link-below-level",
    severity="warning",
    description="a project cites a strategy of its own level or above, not only of levels below",
)
def _link_below(context: Context) -> Iterator[Issue]:
    register = context.register
    if register is None:
        return
    for project in register.projects:
        levels = []
        for link in project.links:
            node = register.resolve(link)
            level = node.kind.level if node is not None else None
            if level is None:
                break  # unknown or unplaced: nothing to say
            levels.append(level)
        else:
            if levels and all(_ORDER[level] < _ORDER[project.level] for level in levels):
                highest = max(levels, key=_ORDER.__getitem__)
                yield Issue(
                    f"project {project.id!r} is a {project.level} project but cites only"
                    f" strategies of the {highest} level and below; link it to a strategy of its"
                    " own level or above",
                    f"โครงการ {project.id} เป็นโครงการระดับ{_LEVEL_TH[project.level]}"
                    f" แต่อ้างถึงยุทธศาสตร์ระดับ{_LEVEL_TH[highest]}เท่านั้น"
                    " ควรเชื่อมโยงกับยุทธศาสตร์ระดับเดียวกันหรือสูงกว่า",
                    objects=(_object(project),),
                )


def _plan_years(plan: Plan) -> tuple[int, int] | None:
    if plan.years is not None:
        return plan.years
    if plan.fiscal_year is not None:
        return (plan.fiscal_year, plan.fiscal_year)
    return None


@rule(
    "project-budget-outside-plan",
    severity="error",
    description="a project's budget years are years of its plan",
)
def _budget_outside(context: Context) -> Iterator[Issue]:
    register = context.register
    if register is None:
        return
    spans = {plan.id: _plan_years(plan) for plan in register.plans}
    for project in register.projects:
        span = spans.get(project.plan) if project.plan is not None else None
        if span is None:
            continue
        outside = [year for year in project.fiscal_years if not span[0] <= year <= span[1]]
        if outside:
            years = ", ".join(map(str, outside))
            yield Issue(
                f"project {project.id!r} has budget in {years}, outside the years of its plan"
                f" {project.plan!r} ({span[0]}-{span[1]})",
                f"โครงการ {project.id} มีงบประมาณปี {years} ซึ่งอยู่นอกช่วงปีของแผน"
                f" ({span[0]} - {span[1]})",
                objects=(_object(project),),
            )


_BEYOND: Final = ("เกินขีดความสามารถ", "เกินศักยภาพ")


@rule(
    "project-not-escalated",
    severity="warning",
    description="a project beyond its level's capacity is escalated, at the step that collects such projects",
)
def _not_escalated(context: Context) -> Iterator[Issue]:
    collecting = [
        step.id
        for step in context.steps
        if any(word in "".join(step.title.split()) for word in _BEYOND)
    ]
    for project in _projects(context):
        if not project.beyond_capacity:
            continue
        steps = {escalation.step for escalation in project.escalations}
        if not project.escalations:
            where = f" at step {', '.join(collecting)}" if collecting else ""
            yield Issue(
                f"project {project.id!r} is beyond the capacity of the {project.level} level"
                f" but was not escalated; send it up{where} (Project.escalate)",
                f"โครงการ {project.id} เกินขีดความสามารถของระดับ{_LEVEL_TH[project.level]}"
                " แต่ยังไม่ได้จัดส่งให้ระดับที่สูงกว่า",
                steps=collecting,
                objects=(_object(project),),
            )
        elif collecting and not steps & set(collecting):
            yield Issue(
                f"project {project.id!r} was escalated, but not at the step that collects projects"
                f" beyond capacity ({', '.join(collecting)})",
                f"โครงการ {project.id} ถูกจัดส่งขึ้น แต่ไม่ใช่ในขั้นตอนที่รวบรวมโครงการที่เกินขีดความสามารถ"
                f" ({', '.join(collecting)})",
                steps=collecting,
                objects=(_object(project),),
            )


@rule(
    "project-escalated-wrong-level",
    severity="error",
    description="an escalation goes one level up (an อบจ.'s local project straight to the province)",
)
def _wrong_level(context: Context) -> Iterator[Issue]:
    for project in _projects(context):
        for escalation in project.escalations:
            start, end = escalation.from_level, escalation.to_level
            allowed = {start.next()} if start is not PlanLevel.NATIONAL else set()
            if start is PlanLevel.LOCAL:
                allowed.add(PlanLevel.PROVINCIAL)  # the อบจ.'s projects go to the province
            if end not in allowed:
                expected = " or ".join(sorted(level.value for level in allowed)) or "none"
                yield Issue(
                    f"project {project.id!r} was escalated from the {start} level to the {end}"
                    f" level; from {start} it goes to {expected}",
                    f"โครงการ {project.id} ถูกจัดส่งจากระดับ{_LEVEL_TH[start]}ไประดับ{_LEVEL_TH[end]}"
                    " ซึ่งไม่ใช่ระดับถัดไป",
                    steps=[escalation.step] if escalation.step else [],
                    objects=(_object(project),),
                )


_NOISE: Final = re.compile(r"[\s.,()\-–\"'“”]+")
_DIGITS: Final = re.compile(r"[0-9]+")


def _title_key(title: str) -> str:
    return _NOISE.sub("", to_arabic_digits(title)).replace("ํา", "ำ")


@rule(
    "project-duplicate",
    severity="warning",
    description="a project is not listed twice in one level's plans (same title and place)",
)
def _duplicate(context: Context) -> Iterator[Issue]:
    # Titles are compared within one level, one place and the same numbers:
    # หมู่ที่ ๓ and หมู่ที่ 3 are one village, หมู่ที่ ๓ and หมู่ที่ ๔ two roads.
    groups: dict[tuple[PlanLevel, str | None, tuple[str, ...]], list[tuple[str, Project]]] = {}
    for project in _projects(context):
        place = project.location.lao or project.location.code if project.location else None
        key = _title_key(project.title)
        numbers = tuple(_DIGITS.findall(key))
        groups.setdefault((project.level, place, numbers), []).append((key, project))
    for members in groups.values():
        if len(members) < 2:
            continue
        exact: dict[str, Project] = {}
        for key, project in members:
            first = exact.get(key)
            if first is not None:
                yield _duplicate_issue(first, project, "the same title")
            else:
                exact[key] = project
        keys = sorted(exact)
        for index, other in similar_pairs(keys, _SIMILAR):  # not every pair: see _similar.py
            yield _duplicate_issue(exact[keys[index]], exact[keys[other]], "nearly the same title")


#: How alike two titles of one place and the same numbers are to be taken for one project:
#: difflib's ratio, 2 × matches / total length; one letter in twelve may differ.
_SIMILAR: Final = 0.92


def _duplicate_issue(first: Project, second: Project, how: str) -> Issue:
    return Issue(
        f"projects {first.id!r} and {second.id!r} of the {first.level} level have {how} and the"
        f" same place ({first.title!r}, {second.title!r}); keep one",
        f"โครงการ {first.id} และ {second.id} ระดับ{_LEVEL_TH[first.level]} มีชื่อและพื้นที่เดียวกัน"
        " อาจเป็นโครงการซ้ำ",
        objects=(_object(first), _object(second)),
    )


@rule(
    "project-p01-mismatch",
    severity="error",
    description="the ผ.๐๑ summary's counts and budgets are the sums of the projects",
)
def _p01_mismatch(context: Context) -> Iterator[Issue]:
    register = context.register
    if register is None or not register.summary:
        return
    wanted = {(row.plan, row.tree, row.node, row.fiscal_year) for row in register.summary}
    plans = {row.plan for row in register.summary}
    counts: dict[tuple[str | None, str, str, int], int] = {}
    budgets: dict[tuple[str | None, str, str, int], Decimal] = {}
    for project in register.projects:
        links = {(link.tree, link.node) for link in project.links}
        for year, amount in project.budget_by_year().items():
            for plan in plans:
                if plan is not None and plan != project.plan:
                    continue
                for tree, node in links:
                    key = (plan, tree, node, year)
                    if key in wanted:
                        counts[key] = counts.get(key, 0) + 1
                        budgets[key] = budgets.get(key, Decimal(0)) + amount
    for row in register.summary:
        key = (row.plan, row.tree, row.node, row.fiscal_year)
        count, budget = counts.get(key, 0), budgets.get(key, Decimal(0))
        where = f"{row.tree}:{row.node}, {row.fiscal_year}"
        if row.projects is not None and row.projects != count:
            yield Issue(
                f"the ผ.๐๑ summary states {row.projects} projects for {where}, but the register"
                f" has {count} with budget that year",
                f"บัญชีสรุปโครงการ (ผ.๐๑) ระบุ {row.projects} โครงการ ({where}) แต่ทะเบียนมี {count} โครงการ",
            )
        if row.budget is not None and row.budget != budget:
            yield Issue(
                f"the ผ.๐๑ summary states {format_baht(row.budget)} baht for {where}, but its"
                f" projects add up to {format_baht(budget)}",
                f"บัญชีสรุปโครงการ (ผ.๐๑) ระบุงบประมาณ {format_baht(row.budget)} บาท ({where})"
                f" แต่โครงการรวมกันได้ {format_baht(budget)} บาท",
            )


@rule(
    "project-indicator-incomplete",
    severity="warning",
    description="every indicator has a target value and a unit",
)
def _indicator(context: Context) -> Iterator[Issue]:
    for project in _projects(context):
        for indicator in project.indicators:
            missing_en = [
                text
                for text, absent in (
                    ("target value", indicator.target is None),
                    ("unit", not indicator.unit),
                )
                if absent
            ]
            if missing_en:
                missing_th = "และ".join(
                    "ค่าเป้าหมาย" if text == "target value" else "หน่วยนับ" for text in missing_en
                )
                yield Issue(
                    f"the indicator {indicator.name!r} of project {project.id!r} has no"
                    f" {' and no '.join(missing_en)}",
                    f"ตัวชี้วัด {indicator.name} ของโครงการ {project.id} ไม่มี{missing_th}",
                    objects=(_object(project),),
                )


@rule(
    "project-place-mismatch",
    severity="error",
    description="a project's district lies in its province, and its subdistrict in its district",
)
def _place(context: Context) -> Iterator[Issue]:
    for project in _projects(context):
        where = project.location
        if where is None:
            continue
        pairs = (
            ("district", where.district, "province", where.province),
            ("subdistrict", where.subdistrict, "district", where.district),
        )
        for inner_name, inner, outer_name, outer in pairs:
            if inner is not None and outer is not None and not inner.startswith(outer):
                yield Issue(
                    f"project {project.id!r}: the {inner_name} {inner} is not in the {outer_name}"
                    f" {outer} (its code starts with {inner[: len(outer)]})",
                    f"โครงการ {project.id}: รหัสพื้นที่ {inner} ไม่อยู่ใน {outer}",
                    objects=(_object(project),),
                )


@rule(
    "project-place-unknown",
    severity="error",
    description="a project's province, district and subdistrict codes are in the official list (geothai)",
)
def _place_unknown(context: Context) -> Iterator[Issue]:
    located = [p for p in _projects(context) if p.location is not None and p.location.code]
    if not located:
        return
    try:
        import geothai
    except ImportError:
        yield Issue(
            "the DOPA codes of the projects' places were not checked: install the official list"
            " with pip install 'thaiplan[geo]'",
            "ไม่ได้ตรวจรหัสพื้นที่ของโครงการ: ติดตั้งรายชื่อทางการด้วย pip install 'thaiplan[geo]'",
            severity=Severity.INFO,
        )
        return
    lookups = (
        ("province", geothai.province),
        ("district", geothai.district),
        ("subdistrict", geothai.subdistrict),
    )
    known: dict[str, bool] = {}
    for project in located:
        where = project.location
        assert where is not None
        for name, lookup in lookups:
            code = getattr(where, name)
            if code is None:
                continue
            if code not in known:
                known[code] = lookup(code) is not None
            if not known[code]:
                yield Issue(
                    f"project {project.id!r}: {name} code {code} is not in the official list"
                    " of DOPA codes (geothai)",
                    f"โครงการ {project.id}: ไม่พบรหัสพื้นที่ {code} ในรายชื่อทางการ",
                    objects=(_object(project),),
                )


_AFTER_SUBMISSION: Final = frozenset(
    {ProjectState.SCREENED, ProjectState.RETURNED, ProjectState.APPROVED, ProjectState.REJECTED}
)


@rule(
    "project-status-order",
    severity="error",
    description="a project's status history is in order: dated forward, submitted before it is decided",
)
def _status_order(context: Context) -> Iterator[Issue]:
    for project in _projects(context):
        last = None
        submitted = False
        for change in project.status:
            if change.date is not None:
                if last is not None and change.date < last:
                    yield Issue(
                        f"the status history of project {project.id!r} goes back in time:"
                        f" {change.state} on {change.date.isoformat()} after {last.isoformat()}",
                        f"ประวัติสถานะของโครงการ {project.id} ย้อนเวลา ({change.state} {change.date.isoformat()})",
                        objects=(_object(project),),
                    )
                last = change.date
            if change.state is ProjectState.SUBMITTED:
                submitted = True
            elif change.state in _AFTER_SUBMISSION and not submitted:
                yield Issue(
                    f"project {project.id!r} is {change.state} before it was submitted;"
                    " record the submission first",
                    f"โครงการ {project.id} มีสถานะ {change.state} ก่อนการเสนอโครงการ",
                    objects=(_object(project),),
                )
                submitted = True  # once is enough


@rule(
    "project-no-responsible",
    severity="warning",
    description="a project with budget names its responsible unit",
)
def _no_responsible(context: Context) -> Iterator[Issue]:
    for project in _projects(context):
        if not project.responsible and project.total_budget:
            yield Issue(
                f"project {project.id!r} has a budget of {format_baht(project.total_budget)} baht"
                " but no responsible unit (responsible:)",
                f"โครงการ {project.id} มีงบประมาณ {format_baht(project.total_budget)} บาท"
                " แต่ไม่ระบุหน่วยงานรับผิดชอบ",
                objects=(_object(project),),
            )
