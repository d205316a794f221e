"""The ผ.๐๑ summary's own arithmetic: its ``รวม 5 ปี`` column and its รวม and รวมทั้งสิ้น rows.

``project-p01-mismatch`` compares a summary with the projects; this rule
compares a summary with itself, as :func:`~thaiplan.read_register_xlsx` reads
it (:attr:`~thaiplan.ProjectRegister.summary_figures`). Each measure (the
count of projects, the baht) is checked on its own, in three kinds of sum:

- **a row**: its ``รวม 5 ปี`` figure is the sum of its year columns;
- **a strategy's รวม row**: each of its figures is the sum of the rows of its
  parts (programmes) above it, back to the strategy's own row (or the strategy's
  own row, when it states the figures and no รวม row closes it);
- **the รวมทั้งสิ้น row**: each figure is the sum of the strategies' totals
  above it (their รวม rows, or their own rows, or their parts).

A figure that is wrong on its own breaks every sum it is in: a programme's
2567 count breaks its row's ``รวม 5 ปี`` and its strategy's รวม for 2567.
When the sums that fail are exactly the sums of one figure, that figure is
the finding (stated, what the sums make it, the difference); otherwise each
failing sum is one finding. So a single typing error gives one finding
naming its cell, and a book whose own totals carry an error down (a รวม 5 ปี
that leaves a year out, copied into รวมทั้งสิ้น) gives the sums that fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

import attrs

from thaiplan.checks._registry import Context, Issue, rule
from thaiplan.dates import format_baht
from thaiplan.model._register import SummaryFigure

#: A figure's place: its row (plan, line) and column (a year, or None for รวม 5 ปี).
_Cell = tuple[str | None, int, int | None]

_MEASURES: Final = ("projects", "budget")


@attrs.frozen
class _Sum:
    """One sum of the table: the stated figure and the figures it should be the sum of."""

    kind: str  # "row" (รวม 5 ปี), "block" (a strategy's รวม), "grand" (รวมทั้งสิ้น)
    stated: _Cell
    members: tuple[_Cell, ...]


def _lines(figures: tuple[SummaryFigure, ...]) -> dict[str | None, list[list[SummaryFigure]]]:
    """The figures as rows, by plan, in the table's order."""
    tables: dict[str | None, dict[int, list[SummaryFigure]]] = {}
    for figure in figures:
        tables.setdefault(figure.plan, {}).setdefault(figure.line, []).append(figure)
    return {plan: [rows[line] for line in sorted(rows)] for plan, rows in tables.items()}


def _columns(row: list[SummaryFigure]) -> set[int | None]:
    return {figure.fiscal_year for figure in row}


def _sums(plan: str | None, rows: list[list[SummaryFigure]]) -> list[_Sum]:
    """Every sum the table states: each row's รวม 5 ปี, each strategy's รวม, รวมทั้งสิ้น."""
    result: list[_Sum] = []

    def cell(row: list[SummaryFigure], column: int | None) -> _Cell:
        return (plan, row[0].line, column)

    for row in rows:
        years = sorted(c for c in _columns(row) if c is not None)
        if None in _columns(row) and years:
            result.append(_Sum("row", cell(row, None), tuple(cell(row, y) for y in years)))
    head: list[SummaryFigure] | None = None
    parts: list[list[SummaryFigure]] = []
    blocks: list[list[list[SummaryFigure]]] = []  # what each strategy adds to รวมทั้งสิ้น

    def against(total: list[SummaryFigure], kind: str, lines: list[list[SummaryFigure]]) -> None:
        for column in sorted(_columns(total), key=lambda c: (c is None, c or 0)):
            members = tuple(cell(line, column) for line in lines if column in _columns(line))
            result.append(_Sum(kind, cell(total, column), members))

    def close(total: list[SummaryFigure] | None) -> None:
        nonlocal head, parts
        if total is None and head is not None and parts:
            total = head  # the strategy's own row states the sums of its parts
        if total is not None and parts:
            against(total, "block", parts)
        if total is not None:
            blocks.append([total])
        elif head is not None:
            blocks.append([head])
        elif parts:
            blocks.append(parts)
        head, parts = None, []

    for row in rows:
        kind = row[0].kind
        block = head or (parts[0] if parts else None)
        if kind != "grand_total" and block is not None and block[0].node != row[0].node:
            close(None)  # another strategy begins (its heading row states no figures)
        if kind == "strategy":
            close(None)
            head = row
        elif kind == "part":
            parts.append(row)
        elif kind == "total":
            close(row)
        else:  # grand_total
            close(None)
            against(row, "grand", [line for block in blocks for line in block])
            blocks = []
    return result


def _value(figure: SummaryFigure | None, measure: str) -> Decimal | None:
    if figure is None:
        return None
    value = getattr(figure, measure)
    return None if value is None else Decimal(value)


def _say(value: Decimal, measure: str) -> tuple[str, str]:
    if measure == "projects":
        return f"{value:,} projects", f"{value:,} โครงการ"
    return f"{format_baht(value)} baht", f"{format_baht(value)} บาท"


def _row_name(figure: SummaryFigure) -> tuple[str, str]:
    strategy = f" (strategy {figure.node})" if figure.node else ""
    strategy_th = f" (ยุทธศาสตร์ที่ {figure.node})" if figure.node else ""
    return f"row {figure.label!r}{strategy}", f"แถว {figure.label}{strategy_th}"


def _column_name(figure: SummaryFigure, span: int) -> tuple[str, str]:
    if figure.fiscal_year is None:
        return f"the {span} years (รวม {span} ปี)", f"ช่องรวม {span} ปี"
    return str(figure.fiscal_year), f"ปี {figure.fiscal_year}"


def _difference(stated: Decimal, computed: Decimal, measure: str) -> str:
    """What the stated figure has more (+) or less (-) than the sums make it."""
    gap = stated - computed
    if measure == "projects":
        return f"{gap:+,}"
    return f"{'+' if gap > 0 else '-'}{format_baht(abs(gap))}"


@rule(
    "project-p01-arithmetic",
    severity="error",
    description="the ผ.๐๑ summary's รวม 5 ปี column and its รวม and รวมทั้งสิ้น rows are its own sums",
)
def _p01_arithmetic(context: Context) -> Iterator[Issue]:
    register = context.register
    if register is None or not register.summary_figures:
        return
    for plan, rows in _lines(register.summary_figures).items():
        figures = {(plan, row[0].line, f.fiscal_year): f for row in rows for f in row}
        span = len({f.fiscal_year for row in rows for f in row if f.fiscal_year is not None})
        sums = _sums(plan, rows)
        for measure in _MEASURES:
            yield from _measure(measure, sums, figures, span)


def _measure(
    measure: str, sums: list[_Sum], figures: dict[_Cell, SummaryFigure], span: int
) -> Iterator[Issue]:
    checked: list[tuple[_Sum, Decimal, Decimal]] = []  # the sums that fail: stated, computed
    cells: dict[_Cell, set[int]] = {}  # each figure: the sums it is in
    for index, one in enumerate(sums):
        stated = _value(figures[one.stated], measure)
        if stated is None:
            continue
        values = [_value(figures[member], measure) for member in one.members]
        computed = sum((value for value in values if value is not None), Decimal(0))
        for place in (one.stated, *one.members):
            cells.setdefault(place, set()).add(index)
        if stated != computed:
            checked.append((one, stated, computed))
    if not checked:
        return
    failing = {sums.index(one) for one, _, _ in checked}
    alone = [place for place, where in cells.items() if where == failing]
    if len(alone) == 1:
        place = alone[0]
        figure = figures[place]
        one, stated, computed = checked[0]
        value = _value(figure, measure) or Decimal(0)
        right = computed if place == one.stated else value + (stated - computed)
        yield _cell_issue(figure, measure, value, right, span)
        return
    by_cell: dict[_Cell, list[tuple[_Sum, Decimal]]] = {}  # a figure that fails several sums
    for one, _, computed in checked:
        by_cell.setdefault(one.stated, []).append((one, computed))
    for place, failed in by_cell.items():
        figure = figures[place]
        stated = _value(figure, measure) or Decimal(0)
        yield _sum_issue(failed, figure, measure, stated, span)


def _cell_issue(
    figure: SummaryFigure, measure: str, value: Decimal, right: Decimal, span: int
) -> Issue:
    row_en, row_th = _row_name(figure)
    column_en, column_th = _column_name(figure, span)
    stated_en, stated_th = _say(value, measure)
    right_en, right_th = _say(right, measure)
    gap = _difference(value, right, measure)
    where = f" ({figure.written})" if figure.written else ""
    return Issue(
        f"the ผ.๐๑ summary's {row_en} states {stated_en} for {column_en}{where}, but the"
        f" table's sums that figure is in make it {right_en} (difference {gap})",
        f"บัญชีสรุปโครงการ (ผ.๐๑) {row_th} {column_th} ระบุ {stated_th}{where}"
        f" แต่ผลรวมของตารางได้ {right_th} (ต่างกัน {gap})",
        objects=(f"summary.{figure.written or figure.line}",),
    )


_OF: Final = {
    "row": ("its year columns add up to", "ผลรวมรายปีของแถวได้"),
    "block": ("the rows of its parts above it add up to", "ผลรวมของแถวแผนงานข้างบนได้"),
    "grand": ("the strategies' totals above it add up to", "ผลรวมของยุทธศาสตร์ข้างบนได้"),
}


def _sum_issue(
    failed: list[tuple[_Sum, Decimal]],
    figure: SummaryFigure,
    measure: str,
    stated: Decimal,
    span: int,
) -> Issue:
    row_en, row_th = _row_name(figure)
    column_en, column_th = _column_name(figure, span)
    stated_en, stated_th = _say(stated, measure)
    where = f" ({figure.written})" if figure.written else ""
    reasons_en, reasons_th = [], []
    for one, computed in failed:
        computed_en, computed_th = _say(computed, measure)
        gap = _difference(stated, computed, measure)
        reasons_en.append(f"{_OF[one.kind][0]} {computed_en} (difference {gap})")
        reasons_th.append(f"{_OF[one.kind][1]} {computed_th} (ต่างกัน {gap})")
    return Issue(
        f"the ผ.๐๑ summary's {row_en} states {stated_en} for {column_en}{where}, but"
        f" {' and '.join(reasons_en)}",
        f"บัญชีสรุปโครงการ (ผ.๐๑) {row_th} {column_th} ระบุ {stated_th}{where}"
        f" แต่{' และ'.join(reasons_th)}",
        objects=(f"summary.{figure.written or figure.line}",),
    )
