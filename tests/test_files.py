"""The calendar file format: loading, located errors, writing, round trips."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings

import thaiplan
from strategies import calendars, documents, letter_numbers
from thaiplan import (
    CalendarFileError,
    FileProblem,
    PlanningCalendar,
    ThaiplanError,
    dump_calendar,
    dumps_calendar,
    load_calendar,
    loads_calendar,
)

GOOD = """\
format: thaiplan-calendar/1
title: ปฏิทินทดลอง
province: สมุทรสาคร
fiscal_year: 2563
agencies:
  - {id: provincial-office, name: สำนักงานจังหวัดสมุทรสาคร, kind: provincial_office}
committees:
  - {id: kbj, name: คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ, abbreviation: ก.บ.จ.สค.}
phases:
  - {id: area-based, title: Area Based}
steps:
  - id: s1
    no: 1
    phase: area-based
    title: ข้อมูลปัญหาและความต้องการ
    when: ภายใน พ.ค. ๖๑
    gantt: [เม.ย.]
    responsible: [provincial-office]
  - id: s2
    no: 2
    phase: area-based
    title: ประชุม ก.บ.จ.
    when: มิ.ย. ๖๑
    duration: 1
    after: [s1, {step: s1, lag: 5, unit: working_days, reason: เตรียมเอกสาร}]
    responsible: kbj
    meetings: 3
"""


def problems(text: str) -> list[tuple[int | None, int | None, str]]:
    """The (line, column, path) of each problem found in ``text``."""
    with pytest.raises(CalendarFileError) as caught:
        loads_calendar(text, file="bad.yaml")
    assert all(problem.file == "bad.yaml" for problem in caught.value.problems)
    return [(p.line, p.column, p.path) for p in caught.value.problems]


def replace(old: str, new: str) -> str:
    """The good file with one piece replaced."""
    assert old in GOOD
    return GOOD.replace(old, new, 1)


class TestLoading:
    """A hand-written file loads into the model."""

    def test_good_file(self) -> None:
        """Every key of the format reads into its field."""
        calendar = loads_calendar(GOOD)
        first, second = calendar.steps
        assert ("s1", 1, "ภายใน พ.ค. ๖๑") == (first.id, first.no, first.when)
        assert "2018-05-31" == first.period.end.isoformat()
        assert ("เม.ย.",) == first.gantt
        assert ("kbj",) == second.responsible
        assert ["s1", "s1"] == [d.step for d in second.after]
        assert (5, "working_days", "เตรียมเอกสาร") == (
            second.after[1].lag,
            second.after[1].unit,
            second.after[1].reason,
        )
        assert 3 == second.meetings

    def test_yaml_1_2_keys_and_values(self) -> None:
        """`no`, `yes`, `on`, `off` stay text; 13:30 and dates stay text (YAML 1.2)."""
        text = replace("title: ปฏิทินทดลอง", "title: yes").replace("notes", "notes")
        text += "notes: 13:30 on 2018-05-01\nsource: off\n"
        calendar = loads_calendar(text)
        assert ("yes", "13:30 on 2018-05-01", "off") == (
            calendar.title,
            calendar.notes,
            calendar.source,
        )
        assert 1 == calendar.steps[0].no

    def test_path_file_object_and_builtin(self, tmp_path: Path) -> None:
        """A path, a text or binary file object, or a built-in name all load."""
        path = tmp_path / "calendar.yaml"
        path.write_text(GOOD, encoding="utf-8")
        from_path = load_calendar(path)
        assert from_path == load_calendar(str(path))
        with path.open("rb") as binary:
            assert from_path == load_calendar(binary)
        assert from_path == load_calendar(io.StringIO(GOOD))
        assert 15 == len(load_calendar("samut-sakhon-2563").steps)
        assert "samut-sakhon-2563" in thaiplan.builtin_names()

    def test_json_is_read_with_locations(self) -> None:
        """JSON files load, and their problems are located too."""
        data = loads_calendar(GOOD)
        text = dumps_calendar(data, format="json")
        assert data == loads_calendar(text)
        broken = text.replace('"no": 2', '"no": "two"')
        assert [(28, 13, "steps[1].no")] == problems(broken)

    def test_province_code_as_number(self) -> None:
        """The province may be written as its official code, even unquoted."""
        assert "74" == loads_calendar(replace("province: สมุทรสาคร", "province: 74")).province


class TestProblems:
    """Each kind of mistake is reported at its line and column, all at once."""

    @pytest.mark.parametrize(
        ("old", "new", "expected"),
        [
            ("fiscal_year: 2563", "fiscal_year: '2563'", [(4, 14, "fiscal_year")]),
            ("title: ปฏิทินทดลอง", "tittle: ปฏิทินทดลอง", [(1, 1, ""), (2, 1, "tittle")]),
            ("    no: 1\n", "    no: one\n", [(13, 9, "steps[0].no")]),
            ("    no: 1\n", "    no: 1\n    colour: red\n", [(14, 5, "steps[0].colour")]),
            ("when: ภายใน พ.ค. ๖๑", "when: ภายใน เมษ ๖๑", [(16, 17, "steps[0].when")]),
            ("when: มิ.ย. ๖๑", "when: ก.ค. - มิ.ย. ๖๑", [(23, 18, "steps[1].when")]),
            ("after: [s1,", "after: [s9,", [(25, 13, "steps[1].after[0]")]),
            (
                "  - id: s2",
                "  - id: s1",
                [
                    (19, 9, "steps[1].id"),
                    (25, 13, "steps[1].after[0]"),
                    (25, 24, "steps[1].after[1].step"),
                ],
            ),
            (
                "phase: area-based\n    title: ประชุม",
                "phase: area\n    title: ประชุม",
                [(21, 12, "steps[1].phase")],
            ),
            ("responsible: kbj", "responsible: kbx", [(26, 18, "steps[1].responsible[0]")]),
            ("duration: 1", "duration: 0", [(24, 15, "steps[1].duration")]),
            ("unit: working_days", "unit: workdays", [(25, 42, "steps[1].after[1].unit")]),
            (
                "  - id: s1\n",
                "  - !!python/object:os.system\n    id: s1\n",
                [
                    (12, 5, "steps[0]"),
                    (26, 13, "steps[1].after[0]"),
                    (26, 24, "steps[1].after[1].step"),
                ],
            ),
            ("no: 1\n", "no: 1\n    no: 2\n", [(14, 5, "steps[0].no")]),
        ],
    )
    def test_located(self, old: str, new: str, expected: list[tuple[int, int, str]]) -> None:
        """The problem names its line, column and path in the data."""
        assert expected == problems(replace(old, new))

    def test_every_problem_is_listed(self) -> None:
        """Several mistakes give several problems, in the order of the file."""
        text = replace("fiscal_year: 2563", "fiscal_year: x").replace("no: 2", "no: y")
        text = text.replace("after: [s1,", "after: [s7,")
        found = problems(text)
        assert [
            (4, 14, "fiscal_year"),
            (20, 9, "steps[1].no"),
            (25, 13, "steps[1].after[0]"),
        ] == found

    def test_messages_say_what_was_expected(self) -> None:
        """Messages name the expected value and suggest the fix."""
        with pytest.raises(CalendarFileError) as caught:
            loads_calendar(replace("title: ปฏิทินทดลอง", "tittle: ปฏิทินทดลอง"), file="f.yaml")
        text = str(caught.value)
        assert "2 problems in f.yaml" in text
        assert (
            "f.yaml:2:1: tittle: unknown key 'tittle' in a PlanningCalendar; did you mean 'title'?"
            in text
        )
        assert "a PlanningCalendar needs the key 'title'" in text

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("a: [1, 2\nb: 3", (2, 2)),
            ("steps:\n  - id: s1\n - id: s2\n", (3, 2)),
            ("", (1, 1)),
            ("title: x\n", (1, 1)),
            ("format: thaiplan-calendar/2\n", (1, 9)),
            ("- just\n- a list\n", (1, 1)),
        ],
    )
    def test_syntax_and_shape(self, text: str, expected: tuple[int, int]) -> None:
        """Broken YAML, an empty file, a missing or unknown format: located problems."""
        with pytest.raises(CalendarFileError) as caught:
            loads_calendar(text)
        assert expected in [(p.line, p.column) for p in caught.value.problems]

    def test_python_tag_is_never_run(self, tmp_path: Path) -> None:
        """A !!python tag is a problem; nothing in a file is executed."""
        marker = tmp_path / "ran"
        text = GOOD + f"notes: !!python/object/apply:os.system ['touch {marker}']\n"
        assert [(28, 8, "notes")] == problems(text)
        assert not marker.exists()

    def test_file_errors(self, tmp_path: Path) -> None:
        """A missing file, or one not in UTF-8, is a CalendarFileError naming it."""
        with pytest.raises(CalendarFileError, match="cannot read"):
            load_calendar(tmp_path / "missing.yaml")
        latin = tmp_path / "latin.yaml"
        latin.write_bytes("title: ปฏิทิน".encode("tis-620"))
        with pytest.raises(CalendarFileError, match="not UTF-8"):
            load_calendar(latin)

    def test_error_is_a_value_error_and_pickles(self) -> None:
        """CalendarFileError is a ThaiplanError and a ValueError, and survives pickling."""
        with pytest.raises(CalendarFileError) as caught:
            loads_calendar("title: x\n")
        error = caught.value
        assert isinstance(error, ThaiplanError)
        assert isinstance(error, ValueError)
        copy = pickle.loads(pickle.dumps(error))
        assert (error.file, error.problems, str(error)) == (copy.file, copy.problems, str(copy))
        assert isinstance(copy.problems[0], FileProblem)


class TestWriting:
    """What thaiplan writes, it reads back unchanged."""

    def test_dump_to_path_and_file(self, tmp_path: Path) -> None:
        """dump_calendar picks the format from the suffix, or writes to a stream."""
        calendar = loads_calendar(GOOD)
        dump_calendar(calendar, tmp_path / "c.json")
        assert (
            "thaiplan-calendar/1" == json.loads((tmp_path / "c.json").read_text("utf-8"))["format"]
        )
        dump_calendar(calendar, tmp_path / "c.yaml")
        assert calendar == load_calendar(tmp_path / "c.json") == load_calendar(tmp_path / "c.yaml")
        stream = io.StringIO()
        dump_calendar(calendar, stream, format="json")
        assert calendar == loads_calendar(stream.getvalue())

    def test_thai_text_is_written_as_is(self) -> None:
        """Thai text is written as Thai, not escaped, in YAML and JSON alike."""
        calendar = loads_calendar(GOOD)
        for fmt in ("yaml", "json"):
            assert "ข้อมูลปัญหาและความต้องการ" in dumps_calendar(calendar, format=fmt)  # type: ignore[arg-type]

    def test_derived_fields_are_not_written(self) -> None:
        """Step.period is worked out from Step.when, so the file holds only `when`."""
        text = dumps_calendar(loads_calendar(GOOD))
        assert "period" not in text
        assert "when: ภายใน พ.ค. ๖๑" in text

    def test_unknown_format(self) -> None:
        """Only yaml and json are written."""
        with pytest.raises(CalendarFileError, match="unknown format"):
            dumps_calendar(loads_calendar(GOOD), format="toml")  # type: ignore[arg-type]

    @settings(max_examples=60, deadline=None)
    @given(calendars())
    def test_round_trip(self, calendar: PlanningCalendar) -> None:
        """load(dump(c)) == c, for YAML and JSON, Thai and tricky text byte for byte."""
        for fmt in ("yaml", "json"):
            text = dumps_calendar(calendar, format=fmt)  # type: ignore[arg-type]
            assert calendar == loads_calendar(text)
            again = loads_calendar(text)
            assert [s.title for s in calendar.steps] == [s.title for s in again.steps]


class TestSchema:
    """The JSON Schema that ships with thaiplan describes the files thaiplan reads."""

    jsonschema = pytest.importorskip("jsonschema")

    def validator(self) -> object:
        schema = thaiplan.calendar_schema()
        self.jsonschema.Draft202012Validator.check_schema(schema)
        return self.jsonschema.Draft202012Validator(schema)

    def test_builtin_and_hand_written_files_are_valid(self) -> None:
        """The built-in calendar and a hand-written file satisfy the schema."""
        validator = self.validator()
        builtin = json.loads(dumps_calendar(load_calendar("samut-sakhon-2563"), format="json"))
        good = json.loads(dumps_calendar(loads_calendar(GOOD), format="json"))
        assert [] == list(validator.iter_errors(builtin))  # type: ignore[attr-defined]
        assert [] == list(validator.iter_errors(good))  # type: ignore[attr-defined]

    @settings(max_examples=30, deadline=None)
    @given(calendars())
    def test_generated_files_are_valid(self, calendar: PlanningCalendar) -> None:
        """Every file thaiplan writes satisfies the schema."""
        data = json.loads(dumps_calendar(calendar, format="json"))
        assert [] == list(self.validator().iter_errors(data))  # type: ignore[attr-defined]

    def test_schema_knows_every_key(self) -> None:
        """The schema's keys are the model's fields (derived fields aside)."""
        import attrs

        schema = thaiplan.calendar_schema()
        pairs = {
            "step": thaiplan.Step,
            "phase": thaiplan.Phase,
            "agency": thaiplan.Agency,
            "committee": thaiplan.Committee,
            "plan": thaiplan.Plan,
            "correction": thaiplan.Correction,
            "order": thaiplan.Order,
        }
        for name, cls in pairs.items():
            fields = {
                f.name
                for f in attrs.fields(cls)
                if not f.metadata.get("derived") and not f.metadata.get("written_as")
            }
            assert (name, fields) == (name, set(schema["$defs"][name]["properties"]))
        top = {f.name for f in attrs.fields(PlanningCalendar) if not f.metadata.get("derived")}
        top |= {"format"}
        assert top == set(schema["properties"])

    def test_bad_file_is_invalid(self) -> None:
        """The schema rejects an unknown key, as the loader does."""
        data = json.loads(dumps_calendar(loads_calendar(GOOD), format="json"))
        data["steps"][0]["colour"] = "red"
        assert list(self.validator().iter_errors(data))  # type: ignore[attr-defined]


class TestDocumentRoundTrip:
    """Whole documents, letters and meetings included, survive writing and reading."""

    @settings(max_examples=40, deadline=None)
    @given(documents())
    def test_round_trip(self, document: thaiplan.PlanningDocument) -> None:
        """load_document(dumps_document(d)) == d, for YAML and JSON."""
        for fmt in ("yaml", "json"):
            text = thaiplan.dumps_document(document, format=fmt)  # type: ignore[arg-type]
            assert document == thaiplan.load_document(io.StringIO(text))

    @given(letter_numbers)
    def test_letter_numbers(self, number: thaiplan.LetterNumber) -> None:
        """LetterNumber.parse(n.format(...)) == n, in Thai and Arabic digits."""
        assert number == thaiplan.LetterNumber.parse(number.format())
        assert number == thaiplan.LetterNumber.parse(number.format(digits="arabic", prefix=False))
