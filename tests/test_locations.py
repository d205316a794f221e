"""Rule findings carry the file, line and column where what they name was written (issue 13)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import calendars
from thaiplan.cli import main
from thaiplan.io._locate import _index

# s2 follows s3 and s3 follows s2: a cycle; s4 names a party the calendar lacks... as
# the rules find it. Lines are counted in the text below, from 1.
CALENDAR = """\
format: thaiplan-calendar/1
title: ปฏิทินทดสอบ
province: สมุทรสาคร
fiscal_year: 2563
gantt_year: 2561
steps:
  - id: s1
    no: 1
    phase: p
    title: เก็บข้อมูล
    when: พ.ค. ๖๑
    gantt: [ก.ค.]
  - {id: s2, no: 2, phase: p, title: ประชุม, when: ๑๒ พ.ค. ๖๑}
"""


def _by_code(report: thaiplan.Report, code: str) -> thaiplan.Finding:
    (finding,) = report.by_code(code)
    return finding


def test_a_step_finding_points_at_the_step(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(CALENDAR, encoding="utf-8")
    report = thaiplan.validate(thaiplan.load_calendar(path))
    finding = _by_code(report, "gantt-outside-period")
    assert ("s1",) == finding.steps
    assert (str(path), 7, 5) == (finding.file, finding.line, finding.column)  # "id" of "- id: s1"
    weekend = _by_code(report, "non-working-day")  # 12 May 2561 is a Saturday
    assert ("s2",) == weekend.steps
    assert (13, 5) == (weekend.line, weekend.column)  # the "{" of the flow mapping


def test_json_files_and_strings() -> None:
    data = thaiplan.dumps_calendar(thaiplan.loads_calendar(CALENDAR), format="json")
    report = thaiplan.validate(thaiplan.loads_calendar(data, file="plan.json"))
    finding = _by_code(report, "gantt-outside-period")
    lines = data.splitlines()
    line = next(k for k, text in enumerate(lines, 1) if '"id": "s1"' in text)
    # json.dumps with indent puts the step's "{" on the line before its "id"
    assert "plan.json" == finding.file
    assert finding.line in (line - 1, line)
    assert "{" in lines[finding.line - 1] or '"id"' in lines[finding.line - 1]


def test_objects_outside_steps_and_documents() -> None:
    report = thaiplan.validate(thaiplan.load_document("samut-sakhon-2563"))
    assert all(f.line is not None for f in report)  # every finding of the seed is placed
    text = (Path(thaiplan.__file__).parent / "data" / "samut-sakhon-2563.yaml").read_text("utf-8")
    lines = text.splitlines()
    mismatch = report.by_code("reference-mismatch")[0]  # letter.distribution.number
    assert lines[mismatch.line - 1].strip().startswith("number:")
    (name,) = [f for f in report.by_code("unofficial-name") if f.objects[0].startswith("agencies")]
    assert "- id: district-krathum-baen" == lines[name.line - 1].strip()


def test_records_changed_in_code_are_not_placed() -> None:
    calendar = thaiplan.loads_calendar(CALENDAR)
    changed = calendar.without_step("s2")
    assert all(f.line is None for f in thaiplan.validate(changed))


def test_the_index_is_made_only_when_asked(tmp_path: Path) -> None:
    """Loading keeps no marks: the file is read again only when a finding is placed."""
    path = tmp_path / "plan.yaml"
    path.write_text(CALENDAR, encoding="utf-8")
    calendar = thaiplan.load_calendar(path)
    path.write_text("\n\n" + CALENDAR, encoding="utf-8")  # changed after loading: read anew
    finding = _by_code(thaiplan.validate(calendar), "gantt-outside-period")
    assert 9 == finding.line


def test_index_of_a_flow_and_a_block_file() -> None:
    steps, keys = _index(CALENDAR)
    assert {"s1": (7, 5), "s2": (13, 5)} == steps
    assert (3, 1) == keys["province"]
    assert (13, 5) == keys["steps[1]"]


def test_validate_prints_file_line_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(CALENDAR, encoding="utf-8")
    out = io.StringIO()
    main(["validate", str(path)], out=out)
    assert f"{path}:7:5: warning gantt-outside-period [s1]: " in out.getvalue()
    out = io.StringIO()
    main(["validate", str(path), "--lang", "th"], out=out)
    assert f"{path}:7:5: คำเตือน gantt-outside-period [s1]: " in out.getvalue()
    out = io.StringIO()
    main(["validate", str(path), "--format", "json"], out=out)
    (found,) = [
        f for f in json.loads(out.getvalue())["findings"] if f["code"] == "gantt-outside-period"
    ]
    assert (str(path), 7, 5) == (found["file"], found["line"], found["column"])


@pytest.mark.parametrize(
    "changed",
    ["steps: [\n", "? [a, b]\n: c\n"],
    ids=["not-yaml-any-more", "a-key-that-is-a-list"],
)
def test_a_file_changed_into_something_else_places_nothing(tmp_path: Path, changed: str) -> None:
    """The file is read again to place findings: changed beyond reading, nothing is placed."""
    path = tmp_path / "plan.yaml"
    path.write_text(CALENDAR, encoding="utf-8")
    calendar = thaiplan.load_calendar(path)
    path.write_text(changed, encoding="utf-8")
    report = thaiplan.validate(calendar)
    assert len(report)
    assert all(f.line is None for f in report)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars(max_steps=6), st.sampled_from(["yaml", "json"]))
def test_every_step_is_placed_at_its_entry(calendar: thaiplan.PlanningCalendar, fmt: str) -> None:
    """Of any calendar thaiplan writes, the index places each step where its entry (and id) is."""
    text = thaiplan.dumps_calendar(calendar, format=fmt)  # type: ignore[arg-type]
    steps, _ = _index(text)
    lines = text.splitlines()
    assert {step.id for step in calendar.steps} == set(steps)
    for step in calendar.steps:
        line, column = steps[step.id]
        entry = "\n".join(lines[line - 1 : line + 1])[column - 1 :]
        assert entry.startswith(("id", "{", '"id"'))
        assert step.id in entry or json.dumps(step.id, ensure_ascii=False) in entry
