"""The เทศบัญญัติ (ordinance) columns of a hand-typed book, read into the projects' budget lines.

The layout is the real one: the Nakhon Sawan City Municipality's health-programme sheet
(``tests/test_real_register_nakhon_sawan.py`` names its source), whose header puts เทศบัญญัติ over
the years 2566–2570 in M–Q beside งบประมาณ's in E–I; its rows 15–29 state the ordinance of 2566
in M (row 15: 50,000 in the plan, 20,000 in the ordinance).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thaiplan
from test_real_register_nakhon_sawan import (
    HEADER,
    MERGED,
    PREAMBLE,
    ROWS,
    SHEET,
    YEARS,
    _sheet_book,
    real_book,
)

_ORDINANCE = dict(zip("MNOPQ", YEARS, strict=True))
_BUDGET = dict(zip("EFGHI", YEARS, strict=True))


def _baht(text: str) -> Decimal:
    return Decimal(text.strip().replace(",", ""))


def test_the_headings_are_the_real_ones() -> None:
    """M12 is เทศบัญญัติ, with the years under it in M13–Q13, as the sheet has them."""
    assert HEADER["M12"] == "เทศบัญญัติ"
    assert {column: int(HEADER[f"{column}13"]) for column in "MNOPQ"} == _ORDINANCE


def test_every_ordinance_cell_is_on_its_years_budget_line() -> None:
    """Each M–Q cell of a project row is the ordinance of that year's line; the budget is E–I's."""
    register = thaiplan.read_register_xlsx(real_book())
    seen = 0
    for project in register:
        assert project.source is not None
        cells = ROWS[project.source.row]
        # the cell each ordinance comes from: the project's row, in its year's เทศบัญญัติ column
        wanted = {
            _ORDINANCE[column]: (_baht(cells[column]), f"{column}{project.source.row}")
            for column in "MNOPQ"
            if column in cells
        }
        found = {
            line.fiscal_year: (line.ordinance, f"{column}{project.source.row}")
            for line in project.budget
            for column, year in _ORDINANCE.items()
            if year == line.fiscal_year and line.ordinance is not None
        }
        assert wanted == found
        budget = {_BUDGET[c]: _baht(cells[c]) for c in "EFGHI" if c in cells}
        if project.source.row != 37:  # row 38 continues row 37: its amounts are read onto it
            assert budget == project.budget_by_year()
        seen += len(found)
    assert seen == 13  # rows 15-21, 23-25, 27-29: 2566 only
    row_15 = register.project(f"{SHEET}-15")
    assert [(2566, Decimal(50000), Decimal(20000))] == [
        (line.fiscal_year, line.amount, line.ordinance)
        for line in row_15.budget
        if line.ordinance is not None
    ]


_amounts = st.lists(
    st.one_of(st.none(), st.integers(min_value=1, max_value=10**10)), min_size=5, max_size=5
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budget=_amounts, ordinance=_amounts)
def test_any_figures_in_the_real_layout(
    budget: list[int | None], ordinance: list[int | None]
) -> None:
    """An ordinance goes on its year's line; one in a year the plan has no amount is kept as a note."""
    cells: dict[str, str] = {"A": "1", "B": "โครงการ"}
    cells |= {c: f" {v:,} " for c, v in zip("EFGHI", budget, strict=True) if v is not None}
    cells |= {c: f" {v:,} " for c, v in zip("MNOPQ", ordinance, strict=True) if v is not None}
    book = _sheet_book(SHEET, PREAMBLE, HEADER, {15: cells}, {}, MERGED, ())
    (project,) = thaiplan.read_register_xlsx(book)
    pairs = list(zip(YEARS, budget, ordinance, "MNOPQ", strict=True))
    assert {y: Decimal(o) for y, b, o, _ in pairs if b is not None and o is not None} == {
        line.fiscal_year: line.ordinance for line in project.budget if line.ordinance is not None
    }
    notes = [f"[ordinance] เทศบัญญัติ {y}: {o} ({c}15)" for y, b, o, c in pairs if b is None and o]
    assert notes == [line for line in project.notes.split("\n") if line]
    assert {y: Decimal(b) for y, b, _, _ in pairs if b is not None} == project.budget_by_year()
    again = thaiplan.loads_register(thaiplan.dumps_register(thaiplan.ProjectRegister([project])))
    assert again.project(project.id) == project  # the register file keeps the ordinance
