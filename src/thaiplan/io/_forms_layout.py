"""The local plan's forms (ผ.๐๑, ผ.๐๒, ผ.๐๒/๑, ผ.๐๒/๒, ผ.๐๓): their layout, and what every writer of them shares.

Theory of operation. A local development plan (แผนพัฒนาท้องถิ่น) prints its
projects on the forms of the Ministry of Interior's regulation on local
development plans (ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครอง
ส่วนท้องถิ่น) and the Department of Local Administration's guidance. The
headings written here are transcribed from these public sources:

* the issue of this project and ``DOMAIN.md`` (ผ.๐๒ in print order: ที่;
  โครงการ; วัตถุประสงค์; เป้าหมาย (ผลผลิตของโครงการ); งบประมาณ for each of the five
  fiscal years in baht; ตัวชี้วัด (KPI); ผลที่คาดว่าจะได้รับ; หน่วยงานรับผิดชอบหลัก);
* a public analysis of a real book, the Nakhon Sawan City Municipality's
  ``ส่วนที่ 3.2 แผนพัฒนาท้องถิ่น 5 ปี 66-70 20 10 64.xlsx`` (its detail sheets
  have an 11-row preamble, "รายละเอียดโครงการพัฒนา" in row 1, and a 3-row
  header: row 1 ที่ / โครงการ / วัตถุประสงค์ / เป้าหมาย / งบประมาณ / ตัวชี้วัด (KPI) /
  ผลที่คาดว่าจะได้รับ / หน่วยงานรับผิดชอบหลัก, row 2 (ผลผลิตของโครงการ) and the
  years, row 3 (บาท); its equipment sheet ที่ / แผนงาน / หมวด / ประเภท /
  เป้าหมาย (ผลผลิตของครุภัณฑ์) / the years (บาท) / หน่วยงานรับผิดชอบหลัก);
* a public plan-book generator of the Nakhon Ratchasima Provincial
  Administrative Organisation (ผ.๐๑ "บัญชีสรุปโครงการพัฒนา": ยุทธศาสตร์ over two
  rows, then ปี YEAR over จำนวนโครงการ and งบประมาณ (บาท) for each year, and
  รวม ๕ ปี; a "รวม" row for each strategy and "รวมทั้งสิ้น" at the end).

The layout is shared by the Excel book (:func:`~thaiplan.register_xlsx`), the
Word plan book (:func:`~thaiplan.register_docx`) and the HTML page
(:func:`~thaiplan.register_html`), so that all three show the same headings
and sections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final, Literal

import attrs

from thaiplan.dates import format_date, to_thai_digits
from thaiplan.errors import ModelError
from thaiplan.model._project_parts import Indicator, ProjectForm
from thaiplan.model._projects import Project
from thaiplan.model._register import ProjectRegister

__all__ = ["FORM_HEADINGS", "FORM_SHEETS", "FORM_TITLES", "Section", "cell_values", "sections"]

Digits = Literal["thai", "arabic"]

SHEET_SUMMARY: Final = "ผ.๐๑"
#: The sheet of each form; a project without a form is on ผ.๐๒.
FORM_SHEETS: Final = {
    ProjectForm.P02: "ผ.๐๒",
    ProjectForm.P02_1: "ผ.๐๒.๑",
    ProjectForm.P02_2: "ผ.๐๒.๒",
    ProjectForm.P03: "ผ.๐๓",
}
#: Each form's title (row 1) and, for ผ.๐๒/๒, the line under it.
FORM_TITLES: Final = {
    "ผ.๐๑": ("บัญชีสรุปโครงการพัฒนา", ""),
    ProjectForm.P02: ("รายละเอียดโครงการพัฒนา", ""),
    ProjectForm.P02_1: ("รายละเอียดโครงการพัฒนา", ""),
    ProjectForm.P02_2: ("รายละเอียดโครงการพัฒนา", "สำหรับ ประสานโครงการพัฒนาจังหวัด"),
    ProjectForm.P03: ("บัญชีครุภัณฑ์", ""),
}
BUDGET: Final = "งบประมาณ"
BAHT: Final = "(บาท)"
ID_HEADING: Final = "รหัส"
#: The headings of the detail forms (ผ.๐๒, ผ.๐๒/๑, ผ.๐๒/๒) and of ผ.๐๓, in print
#: order: each is (field, row 1, row 2); ``budget`` stands for the years.
FORM_HEADINGS: Final = {
    "detail": (
        ("item", "ที่", ""),
        ("title", "โครงการ", ""),
        ("objectives", "วัตถุประสงค์", ""),
        ("target", "เป้าหมาย", "(ผลผลิตของโครงการ)"),
        ("budget", BUDGET, ""),
        ("indicators", "ตัวชี้วัด (KPI)", ""),
        ("expected_results", "ผลที่คาดว่าจะได้รับ", ""),
        ("responsible", "หน่วยงานรับผิดชอบหลัก", ""),
    ),
    "equipment": (
        ("item", "ที่", ""),
        ("programme", "แผนงาน", ""),
        ("category", "หมวด", ""),
        ("title", "ประเภท", ""),
        ("target", "เป้าหมาย", "(ผลผลิตของครุภัณฑ์)"),
        ("budget", BUDGET, ""),
        ("responsible", "หน่วยงานรับผิดชอบหลัก", ""),
    ),
}
#: The budget category (หมวด) of every item of ผ.๐๓, the equipment form.
EQUIPMENT_CATEGORY: Final = "ค่าครุภัณฑ์"
SUMMARY_STRATEGY: Final = "ยุทธศาสตร์"
SUMMARY_COUNT: Final = "จำนวนโครงการ"
SUMMARY_TOTAL: Final = "รวม"
SUMMARY_GRAND: Final = "รวมทั้งสิ้น"
HEADER_ROW: Final = 5


def digits_of(text: str, digits: Digits) -> str:
    """``text`` with Thai digits when ``digits`` is ``"thai"``."""
    return to_thai_digits(text) if digits == "thai" else text


def form_of(project: Project) -> ProjectForm:
    """The form a project is listed on: its own, or ผ.๐๒."""
    return project.form or ProjectForm.P02


def plan_years(register: ProjectRegister, years: Sequence[int] | None) -> list[int]:
    """The budget years of the forms: given, the plan's, or every year with budget."""
    if years is not None:
        chosen = list(years)
    else:
        spans = {plan.years for plan in register.plans if plan.years is not None}
        if len(spans) == 1:
            first, last = next(iter(spans))
            chosen = list(range(first, last + 1))
        else:
            chosen = sorted({line.fiscal_year for project in register for line in project.budget})
    if not chosen and len(register):
        raise ModelError(
            "the forms have a column for each budget year, and the register gives none (no plan"
            " with years, no budget); pass years=..., such as range(2566, 2571)"
            " (thaiplan export --years 2566-2570)"
        )
    for project in register:
        outside = sorted({line.fiscal_year for line in project.budget} - set(chosen))
        if outside:
            raise ModelError(
                f"project {project.id!r} has budget in {', '.join(map(str, outside))},"
                " which the forms have no column for; pass years=... with every year"
            )
    return chosen


def indicator_text(indicator: Indicator) -> str:
    """An indicator as a line of its cell: ``name = target unit``, or the name alone."""
    if indicator.target is None:
        return indicator.name
    return f"{indicator.name} = {indicator.target:,} {indicator.unit}".rstrip()


def cell_values(project: Project, number: int, digits: Digits) -> dict[str, str]:
    """The text of each field's cell for ``project``, the ``number``-th of its section."""
    title = project.title + (f"\n{project.description}" if project.description else "")
    return {
        "item": project.item or digits_of(str(number), digits),
        "title": title,
        "objectives": "\n".join(project.objectives),
        "target": project.target,
        "indicators": "\n".join(indicator_text(item) for item in project.indicators),
        "expected_results": "\n".join(project.expected_results),
        "responsible": "\n".join(project.responsible),
        "programme": project.programme,
        "category": EQUIPMENT_CATEGORY,
    }


@attrs.frozen
class Section:
    """The projects of one strategy and programme on one form."""

    strategy: str
    programme: str
    projects: tuple[Project, ...]


def strategy_of(register: ProjectRegister, project: Project, tree: str | None) -> str:
    """The section heading of a project's strategy: the root of its first link to ``tree``."""
    if tree is None:
        return ""
    for link in project.links:
        if link.tree != tree:
            continue
        node = register.resolve(link)
        if node is None:
            return link.node
        chain = register.tree(tree).ancestors(node.id)
        root = chain[-1] if chain else node
        return f"{SUMMARY_STRATEGY}ที่ {root.code} {root.name}" if root.code else root.name
    return ""


def grouping_tree(register: ProjectRegister, tree: str | None) -> str | None:
    """The tree whose strategies head the sections: given, or the register's one own tree."""
    if tree is not None:
        register.tree(tree)
        return tree
    from thaiplan.io._register import strategy_tree_names

    own = [item.id for item in register.trees if item.id not in strategy_tree_names()]
    return own[0] if len(own) == 1 else None


def sections(register: ProjectRegister, form: ProjectForm, tree: str | None) -> tuple[Section, ...]:
    """The sections of a form, in the order their first project comes in the register."""
    groups: dict[tuple[str, str], list[Project]] = {}
    for project in register:
        if form_of(project) is form:
            key = (strategy_of(register, project, tree), project.programme)
            groups.setdefault(key, []).append(project)
    return tuple(Section(key[0], key[1], tuple(items)) for key, items in groups.items())


def preamble(
    register: ProjectRegister,
    form: ProjectForm | str,
    title: str | None,
    organisation: str,
    as_of: dt.date | None,
    digits: Digits,
) -> list[str]:
    heading, subtitle = FORM_TITLES[form]
    if title is None:
        named = [plan for plan in register.plans if plan.name]
        if len(named) == 1:
            plan = named[0]
            title = f"{plan.name} {plan.revision}".strip()
        else:
            title = register.name
    lines = [heading, title, subtitle, organisation]
    if as_of is not None:
        lines.append(f"ข้อมูล ณ วันที่ {format_date(as_of, digits=digits)}")
    return lines
