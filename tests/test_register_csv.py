"""Registers as CSV: thaiplan.io._register_csv."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import registers
from thaiplan import CalendarFileError, ModelError, ProjectRegister


def _csv_view(register: ProjectRegister) -> ProjectRegister:
    """What a CSV row holds of each project: no sources, dates, escalations, follow-up, points."""
    projects = []
    for project in register:
        location = project.location
        if location is not None:
            location = attrs.evolve(
                location,
                start=None,
                end=None,
                written="",
                villages=[v for v in location.villages if v.strip()],
            )
            if location == thaiplan.Location():
                location = None
        projects.append(
            attrs.evolve(
                project,
                former_codes=(),
                budget=[thaiplan.BudgetLine(y, a) for y, a in project.budget_by_year().items()],
                responsible=[x for x in project.responsible if x.strip()],
                objectives=[x for x in project.objectives if x.strip()],
                expected_results=[x for x in project.expected_results if x.strip()],
                indicators=[
                    attrs.evolve(i, kind="output", unit=i.unit if i.target is not None else "")
                    for i in project.indicators
                    if i.name.strip() or i.target is not None
                ],
                links=[attrs.evolve(link, justification="") for link in project.links],
                status=[thaiplan.StatusChange(project.state)] if project.state else [],
                location=location,
                receiving_level=None,
                origin="",
                steps=(),
                escalations=(),
                follow_up=(),
                source=None,
                corrections=(),
            )
        )
    return ProjectRegister(projects)


class TestCSV:
    def test_layout(self) -> None:
        """A BOM, the documented columns, one budget column a plan year, amounts as sheets write them."""
        register = ProjectRegister(
            [
                thaiplan.Project(
                    "p1",
                    "ก่อสร้างถนน คสล.",
                    "local",
                    budget=[
                        thaiplan.BudgetLine(2566, "1,632,820"),
                        thaiplan.BudgetLine(2568, "1500.50"),
                    ],
                    responsible=["กองช่าง", "สำนักปลัด"],
                    links=[thaiplan.StrategyLink("national-strategy", "2")],
                )
            ],
            plans=[thaiplan.Plan("lp", "แผนพัฒนาท้องถิ่น", "development", "local", years=(2566, 2570))],
        )
        text = thaiplan.register_csv(register)
        assert text.startswith("\ufeffid,title,")
        header, row = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
        assert [
            *thaiplan.REGISTER_CSV_COLUMNS,
            *(f"budget {y}" for y in range(2566, 2571)),
        ] == header
        assert ["1,632,820", "-", "1,500.50", "-", "-"] == row[-5:]
        assert "กองช่าง\nสำนักปลัด" == row[header.index("responsible")]
        thai = thaiplan.register_csv(register, digits="thai")
        assert "๑,๖๓๒,๘๒๐" in thai
        assert (
            register.project("p1").budget == thaiplan.loads_register_csv(thai).project("p1").budget
        )

    def test_year_outside_the_columns(self) -> None:
        """A budget year without a column is an error, not a silent loss."""
        register = ProjectRegister(
            [thaiplan.Project("p1", "x", "local", budget=[thaiplan.BudgetLine(2566, 1)])]
        )
        with pytest.raises(ModelError, match="no column"):
            thaiplan.register_csv(register, years=[2567])

    def test_reads_a_sheet_by_hand(self) -> None:
        """Columns in any order, Thai budget headers, amounts in Thai digits with บาท."""
        text = 'title,id,level,งบประมาณ ๒๕๖๖,2567,links\nถนน,p1,local,"๑,๒๓๔,๕๖๗ บาท",-,lao:1.1\n'
        project = thaiplan.loads_register_csv(text).project("p1")
        assert {2566: Decimal("1234567")} == project.budget_by_year()
        assert ("lao:1.1",) == tuple(link.key for link in project.links)

    def test_problems_are_placed(self) -> None:
        """Bad amounts, levels and duplicate ids, at their row and column; unknown columns in the header."""
        text = 'id,title,level,budget 2566\np1,ถนน,local,5\np2,ถนน,local,"1,63,2820"\np3,ถนน,locl,5\np1,ถนน,local,5\n'
        with pytest.raises(CalendarFileError) as caught:
            thaiplan.loads_register_csv(text, file="r.csv")
        assert [(3, 4), (4, None), (5, 1)] == [(p.line, p.column) for p in caught.value.problems]
        with pytest.raises(CalendarFileError, match="unknown column 'colour'"):
            thaiplan.loads_register_csv("id,title,level,colour\n")

    def test_file(self, tmp_path: Path) -> None:
        """A file written with its BOM reads back."""
        register = ProjectRegister(
            [thaiplan.Project("p1", "ถนน", "local", budget=[thaiplan.BudgetLine(2566, 5)])]
        )
        path = tmp_path / "r.csv"
        path.write_text(thaiplan.register_csv(register), encoding="utf-8")
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        assert register == thaiplan.load_register_csv(path)

    @given(registers)
    @settings(max_examples=30, deadline=None)
    def test_round_trip(self, register: ProjectRegister) -> None:
        """What a CSV row holds comes back: loads_register_csv(register_csv(r)) == r's CSV view."""
        view = _csv_view(register)
        assert view == thaiplan.loads_register_csv(thaiplan.register_csv(view))

    @given(
        st.sampled_from(
            [
                "title",
                "level",
                "form",
                "province",
                "district",
                "lao",
                "links",
                "indicators",
                "state",
                "budget 2566",
            ]
        ),
        st.text(max_size=20),
    )
    @example("links", "0:0\xa00")  # a no-break space inside a node: refused, not a ModelError
    @settings(max_examples=150, deadline=None)
    def test_any_cell(self, column: str, cell: str) -> None:
        """Any text in any cell is read or refused with a CalendarFileError, never another error."""
        buffer = io.StringIO()
        csv.writer(buffer).writerows(
            [["id", "level", "title", column], ["p1", "local", "ถนน", cell]]
        )
        text = buffer.getvalue().replace("level,title,level", "level,title,x_level")
        problems: tuple[object, ...] = ()
        register = None
        try:
            register = thaiplan.loads_register_csv(text)
        except CalendarFileError as error:
            problems = error.problems
        assert problems or (register is not None and len(register) <= 1)
