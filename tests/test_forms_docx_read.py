"""Word plan books read back (thaiplan.io._forms_docx_read): what the forms show, located problems."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings

import thaiplan
from strategies import registers
from thaiplan import ProjectForm, ProjectRegister
from thaiplan.errors import CalendarFileError, CellProblem

from .test_forms import _register

docx = pytest.importorskip("docx")


def _lines(items: tuple[str, ...]) -> list[str]:
    return [item for item in "\n".join(items).split("\n") if item.strip()]


def _shown(project: thaiplan.Project) -> tuple[object, ...]:
    """What the Word forms show of a project."""
    detail = project.form is not ProjectForm.P03
    return (
        (project.form or ProjectForm.P02).value,
        project.title,
        sorted(project.budget_by_year().items()),
        project.target,
        _lines(project.responsible),
        project.programme,
        project.description if detail else "",
        _lines(project.objectives) if detail else [],
        _lines(project.expected_results) if detail else [],
    )


def _same_shown(register: ProjectRegister, back: ProjectRegister) -> None:
    """Each project of ``register`` comes back as the forms show it (in the forms' order)."""
    assert sorted(map(_shown, register), key=repr) == sorted(map(_shown, back), key=repr)


class TestRead:
    """register_docx's book comes back as the forms show it."""

    def test_a_plan_book(self) -> None:
        """Forms, titles, descriptions, budgets, indicators, sources, the ผ.๐๑ summary."""
        register = _register()
        back = thaiplan.read_register_docx(thaiplan.register_docx(register))
        _same_shown(register, back)
        road = back.project("ตารางที่_2-9")
        assert thaiplan.RowSource("<bytes>", "ตารางที่ 2", 9) == road.source
        assert [("ถนนที่ก่อสร้าง", 1200)] == [(i.name, i.target) for i in road.indicators]
        assert {(r.fiscal_year, r.projects) for r in back.summary} >= {(2566, 1), (2567, 1)}

    def test_problems_are_located(self) -> None:
        """An amount that is no amount is a problem at its place in the table."""
        document = docx.Document(io.BytesIO(thaiplan.register_docx(_register())))
        table = document.tables[1]
        cell = next(c for row in table.rows for c in row.cells if c.text == "๑,๖๓๒,๘๒๐")
        cell.paragraphs[0].runs[0].text = "หนึ่งล้าน?"
        buffer = io.BytesIO()
        document.save(buffer)
        with pytest.raises(CalendarFileError) as caught:
            thaiplan.read_register_docx(buffer.getvalue())
        problem = caught.value.problems[0]
        assert isinstance(problem, CellProblem)
        assert ("ตารางที่ 2", "E9") == (problem.sheet, problem.cell)

    def test_not_a_book(self) -> None:
        """Bytes that are no docx."""
        with pytest.raises(CalendarFileError, match="not a"):
            thaiplan.read_register_docx(b"not a zip")

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(registers)
    def test_random_registers(self, register: ProjectRegister) -> None:
        """Random registers come back as the Word forms show them.

        A Word book has no id column: a row is a project by its number in ที่,
        so the items are numbers (or empty: the writer numbers them).
        """
        assume(len(register) > 0)
        assume(all(re.fullmatch("[0-9๐-๙]*", p.item.strip()) for p in register))
        book = thaiplan.register_docx(register, years=range(2560, 2576))
        _same_shown(register, thaiplan.read_register_docx(book))
