"""A project register as a readable HTML page and as iCalendar events.

:func:`register_html` writes one page: the register's name and its totals,
a table of the totals by fiscal year (projects with budget in the year, and
their budget), and for each form (ผ.๐๒, ผ.๐๒/๑, ผ.๐๒/๒, ผ.๐๓) a table with the
form's headings (:mod:`thaiplan.io._forms`), grouped by strategy and
programme (แผนงาน) as the forms are, with a total row for each group and for
the form. Every text is escaped; line breaks in a cell stay line breaks. The
page needs no script and no file beside it.

:func:`register_ics` writes what a register knows of time, and no more. A
project has no start or finish day in a local plan: it has budget in fiscal
years. So each fiscal year in which a project has budget is an all-day event
over that fiscal year (1 October to 30 September; ``DTEND`` is the day after,
as all-day events have it), and its description says that the span is the
fiscal year of the budget, not the days of the work. A dated change of
state (submitted, approved …) and a dated escalation are one-day events on
their day. Changes and escalations without a date are not exported. UIDs
are stable, made from the project's id and what the event is.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from thaiplan.dates import FiscalYear, format_baht
from thaiplan.errors import ModelError, ThaiplanTypeError
from thaiplan.io._forms_layout import (
    BAHT,
    BUDGET,
    FORM_HEADINGS,
    FORM_TITLES,
    SUMMARY_GRAND,
    SUMMARY_TOTAL,
    Digits,
    cell_values,
    digits_of,
    grouping_tree,
    plan_years,
    sections,
)
from thaiplan.model._project_parts import ProjectForm
from thaiplan.model._register import ProjectRegister

__all__ = ["register_html", "register_ics"]

_NAMESPACE: Final = uuid.UUID("2f0d8f3e-7c1b-4f43-9d55-6a3c0e8b1a47")
_STYLE: Final = """
body { font-family: "TH Sarabun New", "TH SarabunPSK", Sarabun, Laksaman, sans-serif;
       font-size: 16px; margin: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #888; padding: 0.2em 0.4em; vertical-align: top; }
thead th { background: #f2f2f2; text-align: center; }
tr.section th { background: #e3ebf7; text-align: left; }
tr.programme th { text-align: left; font-weight: bold; }
tr.total td, tfoot td { font-weight: bold; }
td.amount { text-align: right; white-space: nowrap; }
.mark { float: right; font-weight: bold; }
"""


def _cell(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _money(amount: Decimal | None, digits: Digits) -> str:
    return html.escape(format_baht(amount, digits=digits))


def register_html(
    register: ProjectRegister,
    *,
    years: Sequence[int] | None = None,
    tree: str | None = None,
    digits: Digits = "arabic",
) -> str:
    """The register as one HTML page: totals by year, then each form's table, grouped and totalled.

    Args:
        register: The register.
        years: The budget years of the tables (see :func:`~thaiplan.register_xlsx`).
        tree: The strategy tree whose strategies head the groups.
        digits: ``"arabic"`` or ``"thai"``, for the amounts and years.

    Raises:
        ModelError: A project has budget outside ``years``.

    >>> from thaiplan import BudgetLine, Project, ProjectRegister
    >>> page = register_html(ProjectRegister([Project("p1", "ถนน <คสล.>", "local",
    ...     budget=[BudgetLine(2566, 1632820)])]))
    >>> "ถนน &lt;คสล.&gt;" in page, "1,632,820" in page
    (True, True)
    """
    if not isinstance(register, ProjectRegister):
        raise ThaiplanTypeError("register_html(register)", register, "a ProjectRegister")
    if digits not in ("thai", "arabic"):
        raise ModelError(f"digits is 'thai' or 'arabic', not {digits!r}")
    chosen = plan_years(register, years)
    grouping = grouping_tree(register, tree)
    name = register.name or "ทะเบียนโครงการ"
    total = sum((project.total_budget for project in register), Decimal(0))
    out = [
        "<!DOCTYPE html>",
        '<html lang="th">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(name)}</title>",
        f"<style>{_STYLE}</style></head>",
        "<body>",
        f"<h1>{html.escape(name)}</h1>",
        f"<p>{digits_of(f'{len(register):,}', digits)} โครงการ · งบประมาณรวม"
        f" {_money(total, digits)} บาท</p>",
        "<h2>รวมตามปีงบประมาณ</h2>",
        "<table><thead><tr><th>ปีงบประมาณ</th><th>จำนวนโครงการ</th>"
        f"<th>{BUDGET} {BAHT}</th></tr></thead><tbody>",
    ]
    for row in register.rollup("fiscal_year"):
        year = dict(row.keys)["fiscal_year"]
        label = "ไม่มีงบประมาณ" if year is None else digits_of(str(year), digits)
        out.append(
            f"<tr><td>{label}</td><td>{digits_of(f'{row.projects:,}', digits)}</td>"
            f'<td class="amount">{_money(row.budget, digits)}</td></tr>'
        )
    out.append(
        f'<tr class="total"><td>{SUMMARY_GRAND}</td><td>{digits_of(f"{len(register):,}", digits)}</td>'
        f'<td class="amount">{_money(total, digits)}</td></tr></tbody></table>'
    )
    for form in ProjectForm:
        groups = sections(register, form, grouping)
        if groups:
            out += _form_table(form, groups, chosen, digits)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _form_table(
    form: ProjectForm, groups: Sequence[object], years: list[int], digits: Digits
) -> list[str]:
    from thaiplan.io._forms_layout import Section

    heading, subtitle = FORM_TITLES[form]
    headings = FORM_HEADINGS["equipment" if form is ProjectForm.P03 else "detail"]
    fields: list[str] = []
    top, middle, bottom = [], [], []
    for field, first, second in headings:
        if field == "budget":
            fields += [f"budget {year}" for year in years]
            top.append(f'<th colspan="{max(len(years), 1)}">{BUDGET}</th>')
            middle += [f"<th>{digits_of(str(year), digits)}</th>" for year in years]
            bottom += [f"<th>{BAHT}</th>" for _ in years]
        elif second:
            fields.append(field)
            top.append(f"<th>{html.escape(first)}</th>")
            middle.append(f'<th rowspan="2">{html.escape(second)}</th>')
        else:
            fields.append(field)
            top.append(f'<th rowspan="3">{html.escape(first)}</th>')
    title = f"{heading} ({subtitle})" if subtitle else heading
    out = [
        f'<h2>{html.escape(title)} <span class="mark">แบบ {form.value}</span></h2>',
        "<table><thead>",
        f"<tr>{''.join(top)}</tr>",
        f"<tr>{''.join(middle)}</tr>",
        f"<tr>{''.join(bottom)}</tr>",
        "</thead><tbody>",
    ]
    width = len(fields)
    first_budget = fields.index(f"budget {years[0]}") if years else width
    grand = dict.fromkeys(years, Decimal(0))
    count = 0
    for section in groups:
        assert isinstance(section, Section)
        if section.strategy:
            out.append(
                f'<tr class="section"><th colspan="{width}">{_cell(section.strategy)}</th></tr>'
            )
        if section.programme:
            out.append(
                f'<tr class="programme"><th colspan="{width}">แผนงาน{_cell(section.programme)}</th></tr>'
            )
        totals = dict.fromkeys(years, Decimal(0))
        for number, project in enumerate(section.projects, 1):
            values = cell_values(project, number, digits)
            by_year = project.budget_by_year()
            cells = []
            for field in fields:
                if field.startswith("budget "):
                    year = int(field.removeprefix("budget "))
                    totals[year] += by_year.get(year, Decimal(0))
                    cells.append(f'<td class="amount">{_money(by_year.get(year), digits)}</td>')
                else:
                    cells.append(f"<td>{_cell(values[field])}</td>")
            out.append(f'<tr id="{html.escape(project.id, quote=True)}">{"".join(cells)}</tr>')
        count += len(section.projects)
        for year in years:
            grand[year] += totals[year]
        out.append(
            _total_row(
                f"{SUMMARY_TOTAL} {digits_of(str(len(section.projects)), digits)} โครงการ",
                totals,
                first_budget,
                width,
                years,
                digits,
                "total",
            )
        )
    out.append("</tbody><tfoot>")
    out.append(
        _total_row(
            f"{SUMMARY_GRAND} {digits_of(str(count), digits)} โครงการ",
            grand,
            first_budget,
            width,
            years,
            digits,
            "grand",
        )
    )
    out.append("</tfoot></table>")
    return out


def _total_row(
    label: str,
    totals: dict[int, Decimal],
    first_budget: int,
    width: int,
    years: list[int],
    digits: Digits,
    kind: str,
) -> str:
    cells = (
        [f'<td colspan="{first_budget}" class="amount">{html.escape(label)}</td>']
        if first_budget
        else []
    )
    cells += [f'<td class="amount">{_money(totals[year], digits)}</td>' for year in years]
    rest = width - first_budget - len(years)
    if rest:
        cells.append(f'<td colspan="{rest}"></td>')
    return f'<tr class="{kind}">{"".join(cells)}</tr>'


def _uid(key: str) -> str:
    return f"{uuid.uuid5(_NAMESPACE, key)}@thaiplan"


def register_ics(register: ProjectRegister, *, stamp: dt.datetime | None = None) -> str:
    """The register's fiscal-year spans and dated changes as iCalendar text.

    Args:
        register: The register.
        stamp: The ``DTSTAMP`` of every event (default: now, in UTC).

    Raises:
        ModelError: The ``icalendar`` library is not installed (``pip install 'thaiplan[ical]'``).

    >>> import datetime as dt
    >>> from thaiplan import BudgetLine, Project, ProjectRegister, StatusChange
    >>> register = ProjectRegister([Project("p1", "ถนน", "local", budget=[BudgetLine(2566, 500)],
    ...     status=[StatusChange("approved", "๑๕ ก.ค. ๖๕")])])
    >>> text = register_ics(register, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    >>> [line for line in text.splitlines() if line.startswith(("DTSTART", "DTEND"))]
    ['DTSTART;VALUE=DATE:20221001', 'DTEND;VALUE=DATE:20231001', 'DTSTART;VALUE=DATE:20220715', 'DTEND;VALUE=DATE:20220716']
    """
    if not isinstance(register, ProjectRegister):
        raise ThaiplanTypeError("register_ics(register)", register, "a ProjectRegister")
    if stamp is not None and not isinstance(stamp, dt.datetime):
        raise ThaiplanTypeError("register_ics(stamp)", stamp, "a datetime.datetime or None")
    try:
        import icalendar
    except ImportError:
        raise ModelError(
            "exporting to iCalendar needs the icalendar library, which is not installed;"
            " install it with: pip install 'thaiplan[ical]'"
        ) from None
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    ics = icalendar.Calendar()
    ics.add("prodid", "-//thaiplan//thaiplan register export//TH")
    ics.add("version", "2.0")
    ics.add("x-wr-calname", register.name or "ทะเบียนโครงการ")
    ics.add("x-wr-timezone", "Asia/Bangkok")

    def event(
        key: str, summary: str, first: dt.date, last: dt.date, lines: list[str], category: str
    ) -> None:
        component = icalendar.Event()
        component.add("uid", _uid(key))
        component.add("dtstamp", stamp)
        component.add("summary", summary)
        component.add("description", "\n".join(lines))
        component.add("categories", [category])
        component.add("dtstart", first)
        component.add("dtend", last + dt.timedelta(days=1))
        component.add("transp", "TRANSPARENT")
        ics.add_component(component)

    for project in register:
        form = (project.form or ProjectForm.P02).value
        for year, amount in project.budget_by_year().items():
            span = FiscalYear(year)
            lines = [
                f"งบประมาณ: {format_baht(amount)} บาท",
                f"ช่วงเวลา: ปีงบประมาณ พ.ศ. {year} ของงบประมาณ ไม่ใช่วันเริ่มและวันเสร็จของงาน"
                " (the fiscal year of the budget, not the days of the work)",
            ]
            if project.programme:
                lines.append(f"แผนงาน: {project.programme}")
            if project.responsible:
                lines.append("หน่วยงานรับผิดชอบหลัก: " + ", ".join(project.responsible))
            event(
                f"{project.id}/fy{year}",
                f"{project.title} (ปีงบประมาณ พ.ศ. {year})",
                span.start,
                span.end,
                lines,
                form,
            )
        for index, change in enumerate(project.status):
            if change.date is not None:
                lines = [f"สถานะ (state): {change.state.value}"]
                lines += [text for text in (change.by, change.comment) if text]
                event(
                    f"{project.id}/status/{index}",
                    f"{project.title}: {change.state.value}",
                    change.date,
                    change.date,
                    lines,
                    form,
                )
        for index, escalation in enumerate(project.escalations):
            if escalation.date is not None:
                lines = [f"{escalation.from_level.value} → {escalation.to_level.value}"]
                lines += [escalation.reason] if escalation.reason else []
                event(
                    f"{project.id}/escalation/{index}",
                    f"{project.title}: ส่งต่อ (escalated)",
                    escalation.date,
                    escalation.date,
                    lines,
                    form,
                )
    text: str = ics.to_ical().decode("utf-8")
    return text
