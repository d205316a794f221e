"""The ผ.๐๑ summary's own arithmetic (``project-p01-arithmetic``), on the real Nakhon Sawan book and on made ones.

The real rows are those of ``tests/test_real_register_nakhon_sawan.py`` (the sheet ``ผ.01 สรุป``
of เทศบาลนครนครสวรรค์'s plan 2566–2570, as the source names there); the findings below were checked
by hand against those cells: strategy 3's รวม row (row 34) states 129 projects and 93,590,000 baht
for รวม 5 ปี, the sum of 2566–2569 only (31 + 31 + 34 + 33; 14,110,000 + 24,410,000 + 27,660,000
+ 27,410,000), where its five years (and its programmes' รวม 5 ปี) make 162 and 121,000,000; the
รวมทั้งสิ้น row (62) carries that down: 1,186 and 2,847,165,072 where its year columns make 1,219
(248 + 267 + 274 + 227 + 203) and 2,874,575,072.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from test_real_register_nakhon_sawan import P01_ROWS, p01_book
from thaiplan import SummaryFigure

CODE: Final = "project-p01-arithmetic"


def _findings(figures: list[SummaryFigure]) -> list[thaiplan.Finding]:
    register = thaiplan.ProjectRegister(summary_figures=figures)
    return list(thaiplan.validate(register, only=[CODE]))


class TestTheRealBook:
    """The Nakhon Sawan ผ.๐๑ as its sheet states it."""

    def test_the_reader_keeps_every_figure(self) -> None:
        """Programme, รวม and รวมทั้งสิ้น rows and the รวม 5 ปี column, each at its cell."""
        figures = thaiplan.read_register_xlsx(p01_book(below=True)).summary_figures
        by_cell = {figure.written.partition("!")[2]: figure for figure in figures}
        assert {f.written.partition("!")[0] for f in figures} == {"ผ.01 สรุป"}
        health = by_cell["L9"]
        assert (health.line, health.kind, health.node, health.fiscal_year) == (9, "part", "1", None)
        assert (health.projects, health.budget) == (95, Decimal(11586200))
        assert health.label == P01_ROWS[9][0].strip()  # type: ignore[union-attr]
        three = [f for f in figures if f.line == 34]
        assert {f.kind for f in three} == {"total"}
        assert {f.node for f in three} == {"3"}
        assert [(f.fiscal_year, f.projects) for f in three] == [
            (2566, 31),
            (2567, 31),
            (2568, 34),
            (2569, 33),
            (2570, 33),
            (None, 129),
        ]
        grand = [f for f in figures if f.kind == "grand_total"]
        assert [f.line for f in grand] == [62] * 6
        assert {f.node for f in grand} == {None}
        assert (grand[-1].projects, grand[-1].budget) == (1186, Decimal(2847165072))
        # the ผ.02/1 and ผ.03 summaries under the table are not the ผ.01's figures
        assert max(f.line for f in figures) == 62

    def test_the_findings_are_the_books_own(self) -> None:
        """Four: strategy 3's รวม 5 ปี and รวมทั้งสิ้น's, in projects and in baht."""
        register = thaiplan.read_register_xlsx(p01_book(below=True))
        found = [f for f in thaiplan.validate(register) if f.code == CODE]
        assert [f.objects for f in found] == [
            ("summary.ผ.01 สรุป!L34",),
            ("summary.ผ.01 สรุป!L62",),
            ("summary.ผ.01 สรุป!L34",),
            ("summary.ผ.01 สรุป!L62",),
        ]
        assert {f.severity for f in found} == {thaiplan.Severity.ERROR}
        assert [f.message_en for f in found] == [
            "the ผ.๐๑ summary's row 'รวม' (strategy 3) states 129 projects for the 5 years"
            " (รวม 5 ปี) (ผ.01 สรุป!L34), but its year columns add up to 162 projects"
            " (difference -33) and the rows of its parts above it add up to 162 projects"
            " (difference -33)",
            "the ผ.๐๑ summary's row 'รวมทั้งสิ้น' states 1,186 projects for the 5 years"
            " (รวม 5 ปี) (ผ.01 สรุป!L62), but its year columns add up to 1,219 projects"
            " (difference -33)",
            "the ผ.๐๑ summary's row 'รวม' (strategy 3) states 93,590,000 baht for the 5 years"
            " (รวม 5 ปี) (ผ.01 สรุป!L34), but its year columns add up to 121,000,000 baht"
            " (difference -27,410,000) and the rows of its parts above it add up to"
            " 121,000,000 baht (difference -27,410,000)",
            "the ผ.๐๑ summary's row 'รวมทั้งสิ้น' states 2,847,165,072 baht for the 5 years"
            " (รวม 5 ปี) (ผ.01 สรุป!L62), but its year columns add up to 2,874,575,072 baht"
            " (difference -27,410,000)",
        ]
        assert found[1].message_th == (
            "บัญชีสรุปโครงการ (ผ.๐๑) แถว รวมทั้งสิ้น ช่องรวม 5 ปี ระบุ 1,186 โครงการ"
            " (ผ.01 สรุป!L62) แต่ผลรวมรายปีของแถวได้ 1,219 โครงการ (ต่างกัน -33)"
        )

    def test_the_figures_round_trip_through_the_register_file(self) -> None:
        """The register file keeps the table, so that the finding survives saving."""
        register = thaiplan.read_register_xlsx(p01_book())
        for format in ("yaml", "json"):
            text = thaiplan.dumps_register(register, format=format)  # type: ignore[arg-type]
            again = thaiplan.loads_register(text)
            assert again.summary_figures == register.summary_figures
        assert len(register.summary_figures) > 100


YEARS: Final = (2566, 2567, 2568, 2569, 2570)
_COLUMNS: Final = "BDFHJ"


def _row(
    line: int, label: str, kind: str, node: str | None, counts: list[int], budgets: list[int]
) -> list[SummaryFigure]:
    """One row: its year figures and its รวม 5 ปี (their sums), written at their cells."""
    cells = [*zip(YEARS, counts, budgets, _COLUMNS, strict=True)]
    row = [
        SummaryFigure(
            line, label, kind, year, count, budget, node=node, written=f"S!{column}{line}"
        )
        for year, count, budget, column in cells
    ]
    row.append(
        SummaryFigure(
            line, label, kind, None, sum(counts), sum(budgets), node=node, written=f"S!L{line}"
        )
    )
    return row


figures_of_a_year = st.tuples(st.integers(0, 60), st.integers(0, 10**8))
parts = st.lists(st.lists(figures_of_a_year, min_size=5, max_size=5), min_size=1, max_size=3)


@st.composite
def tables(draw: st.DrawFn) -> list[SummaryFigure]:
    """A ผ.๐๑ table whose sums are right: strategies of 1-3 programmes, closed by รวม or not."""
    result: list[SummaryFigure] = []
    line = 7
    totals: list[tuple[list[int], list[int]]] = []
    for strategy in range(1, draw(st.integers(1, 3)) + 1):
        node = str(strategy)
        rows = draw(parts)
        sums = (
            [sum(row[i][0] for row in rows) for i in range(5)],
            [sum(row[i][1] for row in rows) for i in range(5)],
        )
        closed = draw(st.booleans())
        label = f"{strategy}) ยุทธศาสตร์ที่ {strategy}"
        if not closed:  # the strategy's own row states its sums (a heading row states none)
            result += _row(line, label, "strategy", node, *sums)
        line += 1
        for index, row in enumerate(rows):
            counts, budgets = [c for c, _ in row], [b for _, b in row]
            result += _row(line, f"แผนงานที่ {index + 1}", "part", node, counts, budgets)
            line += 1
        if closed:
            result += _row(line, "รวม", "total", node, *sums)
            line += 1
        totals.append(sums)
    grand = (
        [sum(t[0][i] for t in totals) for i in range(5)],
        [sum(t[1][i] for t in totals) for i in range(5)],
    )
    return result + _row(line, "รวมทั้งสิ้น", "grand_total", None, *grand)


class TestMadeTables:
    """Tables made right, and then wrong in one figure."""

    @settings(max_examples=40, deadline=None)
    @given(tables())
    def test_a_table_made_right_has_no_finding(self, table: list[SummaryFigure]) -> None:
        assert [] == _findings(table)

    @settings(max_examples=60, deadline=None)
    @given(tables(), st.data(), st.sampled_from(["projects", "budget"]), st.integers(1, 9))
    def test_one_wrong_figure_is_one_finding_naming_it(
        self, table: list[SummaryFigure], data: st.DataObject, measure: str, delta: int
    ) -> None:
        index = data.draw(st.integers(0, len(table) - 1))
        wrong = table[index]
        stated = getattr(wrong, measure) + delta
        table[index] = attrs.evolve(wrong, **{measure: stated})
        found = _findings(table)
        assert [(f"summary.{wrong.written}",)] == [f.objects for f in found]
        said = (
            f"{stated:,} projects"
            if measure == "projects"
            else f"{thaiplan.format_baht(stated)} baht"
        )
        assert f"states {said} for" in found[0].message_en
        assert f"difference +{delta}" in found[0].message_en
        assert wrong.label in found[0].message_en

    def test_a_total_row_that_leaves_a_year_out(self) -> None:
        """The real book's error, made: a รวม 5 ปี of four years, copied into รวมทั้งสิ้น."""
        table = [
            *_row(8, "แผนงานสาธารณสุข", "part", "1", [2, 2, 2, 2, 3], [10, 10, 10, 10, 30]),
            *_row(9, "รวม", "total", "1", [2, 2, 2, 2, 3], [10, 10, 10, 10, 30]),
            *_row(10, "รวมทั้งสิ้น", "grand_total", None, [2, 2, 2, 2, 3], [10, 10, 10, 10, 30]),
        ]
        table[11] = attrs.evolve(table[11], projects=8, budget=40)  # row 9's รวม 5 ปี
        table[17] = attrs.evolve(table[17], projects=8, budget=40)  # row 10's
        found = _findings(table)
        assert [f.objects for f in found] == [("summary.S!L9",), ("summary.S!L10",)] * 2
        assert "states 8 projects" in found[0].message_en
        assert "add up to 11 projects (difference -3)" in found[0].message_en
        assert "states 40 baht" in found[2].message_en
        assert "(difference -30)" in found[2].message_en

    def test_nothing_to_check(self) -> None:
        """A register without a table, and a table of one cell, have nothing to say."""
        assert [] == _findings([])
        assert [] == _findings([SummaryFigure(1, "รวม", "total", 2566, 3, 5)])
