"""Tests of what a tool builder asks of a calendar: lookups, groups, edits, documents."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import acyclic_calendars
from thaiplan import ModelError, ModelIndexError, PlanningCalendar, Step

SEED = thaiplan.load_calendar("samut-sakhon-2563")


class TestLookups:
    def test_index_and_membership(self) -> None:
        assert "s1" == SEED[0].id
        assert "s15" == SEED[-1].id
        assert "s7" in SEED
        assert SEED.step("s7") in SEED
        assert "s99" not in SEED

    def test_index_errors(self) -> None:
        with pytest.raises(ModelIndexError, match="has 15 steps; there is no step at place 15"):
            SEED[15]
        with pytest.raises(IndexError):
            SEED[15]
        with pytest.raises(TypeError, match=r"calendar.step\('s1'\)"):
            SEED["s1"]  # type: ignore[index]

    def test_phase_and_plan(self) -> None:
        assert SEED.phases[0] == SEED.phase(SEED.phases[0].id)
        assert SEED.plans[0] == SEED.plan(SEED.plans[0].id)
        with pytest.raises(ModelError, match="no phase 'x' in the calendar; its phases are: "):
            SEED.phase("x")
        with pytest.raises(ModelError, match="no plan 'x' in the calendar"):
            SEED.plan("x")


class TestGroups:
    def test_a_member_gets_the_steps_of_its_group(self) -> None:
        ban_phaeo = [s.id for s in SEED.steps_for("district-ban-phaeo")]
        group = [s.id for s in SEED.steps_for("all-districts")]
        assert ban_phaeo == group
        assert all("all-districts" in SEED.step(i).responsible for i in group)

    def test_a_group_gets_the_steps_of_its_members(self) -> None:
        calendar = thaiplan.loads_calendar(
            """
format: thaiplan-calendar/1
title: t
province: สมุทรสาคร
fiscal_year: 2563
agencies:
  - {id: a, name: อำเภอ ก}
  - {id: b, name: อำเภอ ข}
  - {id: group, name: อำเภอทุกอำเภอ, members: [a, b]}
  - {id: all, name: ทุกภาคส่วน, members: [group]}
steps:
  - {id: s1, no: 1, phase: p, title: ก, when: พ.ค. ๖๑, responsible: [a]}
  - {id: s2, no: 2, phase: p, title: ข, when: พ.ค. ๖๑, responsible: [group]}
  - {id: s3, no: 3, phase: p, title: ค, when: พ.ค. ๖๑, responsible: [b]}
  - {id: s4, no: 4, phase: p, title: ง, when: พ.ค. ๖๑, responsible: [all]}
"""
        )
        assert ["s1", "s2", "s4"] == [s.id for s in calendar.steps_for("a")]
        assert ["s1", "s2", "s3", "s4"] == [s.id for s in calendar.steps_for("group")]
        assert ["s1", "s2", "s3", "s4"] == [s.id for s in calendar.steps_for("all")]

    def test_unknown_party(self) -> None:
        with pytest.raises(ModelError, match="no agency or committee 'x'"):
            SEED.steps_for("x")


class TestEdits:
    def test_add_replace_and_insert(self) -> None:
        new = Step("s16", 16, "p", "ขั้นตอนใหม่", "พ.ย. ๖๑")
        assert "s16" == SEED.with_step(new)[-1].id
        assert "s16" == SEED.with_step(new, before="s1")[0].id
        inserted = SEED.with_step(new, before="s2")
        assert ["s1", "s16", "s2"] == [s.id for s in inserted.steps[:3]]
        changed = SEED.with_step(Step("s7", 7, "p", "แก้ไข", "ก.ค. ๖๑"))
        assert "แก้ไข" == changed[6].title
        assert len(SEED) == len(changed)
        with pytest.raises(ModelError, match="no step 'x'"):
            SEED.with_step(new, before="x")

    def test_without_a_step_and_its_dependencies(self) -> None:
        calendar = SEED.without_step("s4")
        assert "s4" not in calendar
        assert all(d.step != "s4" for s in calendar for d in s.after)
        assert 14 == len(calendar)
        with pytest.raises(ModelError, match="no step 'x'"):
            SEED.without_step("x")

    @settings(max_examples=50, deadline=None)
    @given(acyclic_calendars(min_steps=2), st.data())
    def test_without_then_with_keeps_the_others(
        self, calendar: PlanningCalendar, data: st.DataObject
    ) -> None:
        step = data.draw(st.sampled_from(calendar.steps))
        smaller = calendar.without_step(step.id)
        assert [s.id for s in calendar if s.id != step.id] == [s.id for s in smaller]
        assert all(d.step != step.id for s in smaller for d in s.after)
        thaiplan.schedule(smaller)  # still a calendar that can be scheduled
        again = smaller.with_step(step)
        assert step == again[-1]


class TestDocumentFiles:
    def test_loads_and_dump_document(self, tmp_path: object) -> None:
        import pathlib

        assert isinstance(tmp_path, pathlib.Path)
        document = thaiplan.load_document("samut-sakhon-2563")
        text = thaiplan.dumps_document(document)
        assert document == thaiplan.loads_document(text)
        for name in ("d.yaml", "d.json"):
            thaiplan.dump_document(document, tmp_path / name)
            assert document == thaiplan.load_document(tmp_path / name)
        buffer = io.StringIO()
        thaiplan.dump_document(document, buffer, format="json")
        assert document == thaiplan.loads_document(buffer.getvalue())
