"""Hostile and careless files: every one is a located thaiplan error, never a crash (issue 13)."""

from __future__ import annotations

import errno
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given, settings

import thaiplan
from strategies import calendars
from thaiplan import (
    CalendarFileError,
    ModelError,
    Step,
    dump_calendar,
    dumps_calendar,
    dumps_document,
    load_calendar,
    load_document,
    loads_calendar,
)
from thaiplan.errors import FileWriteError, ThaiplanTypeError
from thaiplan.io import _fast, _reader
from thaiplan.io._convert import _converter
from thaiplan.io._files import _calendar_of, _document_of
from thaiplan.io._limits import ALIAS_FLOOR, MAX_DAYS, MAX_DEPTH, MAX_FILE_BYTES_VARIABLE
from thaiplan.io._reader import _compose, _Reader

HEAD = "format: thaiplan-calendar/1\ntitle: t\nprovince: x\nfiscal_year: 2563\n"
PHASE = "phases: [{id: p, title: p}]\n"


def step(**extra: object) -> str:
    """One step in flow style, with ``extra`` keys written as given."""
    keys = {"id": "s1", "no": 1, "phase": "p", "title": "x", "when": "พ.ค. ๖๑", **extra}
    return "steps: [{" + ", ".join(f"{k}: {v}" for k, v in keys.items()) + "}]\n"


def problems(text: str) -> list[tuple[int | None, int | None, str, str]]:
    """(line, column, path, message) of each problem of ``text``."""
    with pytest.raises(CalendarFileError) as caught:
        loads_calendar(text, file="bad.yaml")
    return [(p.line, p.column, p.path, p.message) for p in caught.value.problems]


def marked(text: str) -> object:
    """What the marked reader alone gives for ``text``: a calendar or the error."""
    reader = _Reader("bad.yaml")
    try:
        return _calendar_of(reader, _compose(text, reader))
    except CalendarFileError as error:
        return error.problems


class TestAliases:
    """Aliases cannot make a small file stand for a huge one, or an endless one."""

    def bomb(self, levels: int) -> str:
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in range(1, levels):
            uses = ", ".join([f"*a{level - 1}"] * 9)
            lines.append(f"a{level}: &a{level} [{uses}]")
        return "\n".join(lines) + "\n"

    @pytest.mark.parametrize("levels", [7, 10, 30])
    def test_bomb_is_refused_at_an_alias(self, levels: int) -> None:
        """A billion laughs of a few hundred bytes is refused at once, at the alias that overflows."""
        found = problems(self.bomb(levels))
        assert 1 == len(found)
        line, column, _path, message = found[0]
        assert "aliases" in message
        assert f"{ALIAS_FLOOR:,}" in message
        assert line is not None
        assert line >= 2
        assert column is not None

    def test_bomb_in_json_like_flow(self) -> None:
        """The same bomb under keys the format does not have, in a calendar, is refused too."""
        text = HEAD + "notes: x\n" + "extra:\n  " + self.bomb(8).replace("\n", "\n  ")
        found = problems(text)
        assert any("aliases" in message for *_, message in found)

    @pytest.mark.parametrize(
        ("text", "place"),
        [("a: &a [*a]\n", (1, 8)), ("a: &a {b: *a}\n", (1, 11)), ("- &a [1, [*a]]\n", (1, 11))],
    )
    def test_recursive_alias(self, text: str, place: tuple[int, int]) -> None:
        """An alias inside what its own anchor holds is refused where it stands."""
        ((line, column, _, message),) = problems(text)
        assert place == (line, column)
        assert "never end" in message

    def test_reused_values_still_load(self) -> None:
        """Ordinary reuse (one list of agencies named by several steps) is read as before."""
        text = (
            HEAD
            + PHASE
            + "agencies:\n  - {id: a1, name: หน่วยงาน ๑}\n  - {id: a2, name: หน่วยงาน ๒}\n"
            + "steps:\n"
            + "  - {id: s1, no: 1, phase: p, title: x, when: พ.ค. ๖๑, responsible: &both [a1, a2]}\n"
            + "  - {id: s2, no: 2, phase: p, title: y, when: พ.ค. ๖๑, responsible: *both}\n"
        )
        calendar = loads_calendar(text)
        assert ("a1", "a2") == calendar.steps[1].responsible


class TestDepth:
    """Deep nesting is refused at the level that goes too deep, in YAML and JSON alike."""

    @pytest.mark.parametrize(
        "text",
        [
            "[" * 1_000 + "]" * 1_000,
            "[" * 100_000 + "]" * 100_000,
            '{"a": ' * 5_000 + "1" + "}" * 5_000,
            "".join(f"{'  ' * level}- \n" for level in range(300)),
            "a: " + "[" * 1_000,
        ],
        ids=["flow-1000", "json-100000", "json-objects", "block", "unclosed"],
    )
    def test_never_a_recursion_error(self, text: str) -> None:
        """No RecursionError: a located problem naming the limit (or the syntax error before it)."""
        found = problems(text)
        assert 1 == len(found)
        line, column, _, message = found[0]
        assert line is not None
        assert column is not None
        assert f"more than {MAX_DEPTH} levels" in message or "not closed" in message

    def test_json_fast_path_handles_deep_input(self) -> None:
        """json.loads itself raises RecursionError on deep input; the fast reader steps aside."""
        assert _fast.plain("[" * 100_000 + "]" * 100_000) is _fast._SLOW


class TestNumbers:
    """Durations, lags and years are bounded at the file, with clear located problems."""

    @pytest.mark.parametrize(
        ("extra", "path", "words"),
        [
            ({"duration": 3_000_000}, "steps[0].duration", "a duration of 3,000,000 days"),
            ({"duration": 10**11}, "steps[0].duration", "a duration of 100,000,000,000 days"),
            (
                {"after": "[{step: s0, lag: 100000000}]"},
                "steps[0].after[0].lag",
                "a lag of 100,000,000 days",
            ),
        ],
    )
    def test_days(self, extra: dict[str, object], path: str, words: str) -> None:
        """More than a century of days is refused at the number."""
        found = problems(HEAD + PHASE + step(**extra))
        ours = [f for f in found if f[2] == path]
        assert 1 == len(ours)
        assert words in ours[0][3]
        assert f"{MAX_DAYS:,}" in ours[0][3]

    def test_longest_duration_loads(self) -> None:
        """A duration of exactly a century is read."""
        assert MAX_DAYS == loads_calendar(HEAD + PHASE + step(duration=MAX_DAYS)).steps[0].duration

    @pytest.mark.parametrize(
        ("text", "path"),
        [
            (HEAD.replace("2563", "99999999999999999999999999"), "fiscal_year"),
            (HEAD + "gantt_year: 123456\n", "gantt_year"),
            (HEAD + "gantt_year: 61\n", "gantt_year"),
        ],
    )
    def test_years(self, text: str, path: str) -> None:
        """A year no fiscal year can name is refused at its line and column, with its own number."""
        ((line, column, where, message),) = problems(text)
        assert (path, True) == (where, "Buddhist-Era year" in message)
        assert line is not None
        assert column is not None

    @pytest.mark.parametrize(
        "text",
        [
            HEAD + "gantt_year: " + "9" * 4_300 + "\n",
            HEAD + "notes: x\nsource: " + "1" * 5_000 + "\n",
            HEAD + PHASE + step(when="๑ พ.ค. " + "9" * 5_000),
            '{"format": "thaiplan-calendar/1", "title": "t", "province": "x", "fiscal_year": '
            + "7" * 4_400
            + "}",
        ],
        ids=["year", "text-field", "inside-when", "json"],
    )
    def test_thousands_of_digits(self, text: str) -> None:
        """A number of thousands of digits is a located problem, not Python's own ValueError."""
        found = problems(text)
        assert found
        assert all(line is not None for line, *_ in found)


class TestSyntax:
    """YAML's syntax errors are said in the user's terms, in English and Thai, at their place."""

    @pytest.mark.parametrize(
        ("text", "place", "words"),
        [
            (HEAD + "phases:\n\t- x\n", (6, 1), "a tab character"),
            (HEAD + "title: a: b\n", (5, 9), "put text that holds ': ' in quotes"),
            (HEAD + "steps:\n  - id: s1\n - id: s2\n", (7, 2), "indentation"),
            (HEAD + "notes: [a, b\nsource: x\n", (6, 7), "not closed"),
            (HEAD + 'notes: "abc\n', (6, 1), "never closed"),
            (HEAD + "notes: *nothing\n", (5, 8), "refers to no anchor"),
            (HEAD + "notes: a\x00b\n", (5, 9), "U+0000 (NUL)"),
            (HEAD + "notes: a\x07b\n", (5, 9), "U+0007"),
            (HEAD + "---\n" + HEAD, (5, 1), "second document"),
        ],
        ids=["tab", "colon", "indent", "bracket", "quote", "alias", "nul", "bell", "documents"],
    )
    def test_said_plainly(self, text: str, place: tuple[int, int], words: str) -> None:
        """The message says what is wrong, at the line and column, and has a Thai text."""
        with pytest.raises(CalendarFileError) as caught:
            loads_calendar(text, file="bad.yaml")
        (problem,) = caught.value.problems
        assert (place, True) == ((problem.line, problem.column), words in problem.message)
        assert problem.message_th
        assert problem.message_th != problem.message
        assert problem.describe("th").startswith(f"bad.yaml:{place[0]}:{place[1]}: ")
        assert "<unicode string>" not in str(caught.value)

    def test_common_problems_in_thai(self) -> None:
        """Missing keys, wrong types and unknown references have Thai texts too."""
        text = "format: thaiplan-calendar/1\ntitle: 5\nsteps: 5\n"
        with pytest.raises(CalendarFileError) as caught:
            loads_calendar(text, file="f.yaml")
        described = [problem.describe("th") for problem in caught.value.problems]
        assert "f.yaml:1:1: PlanningCalendar ต้องมีกุญแจ 'province'" in described
        assert "f.yaml:2:8: title: ต้องเป็นข้อความ แต่พบตัวเลข 5" in described
        assert "f.yaml:3:8: steps: ต้องเป็นรายการ (list) แต่พบตัวเลข 5" in described

    def test_describe_refuses_unknown_language(self) -> None:
        """FileProblem.describe takes 'en' or 'th' and nothing else."""
        with pytest.raises(thaiplan.ModelError, match="the languages are 'en' and 'th'"):
            thaiplan.FileProblem("f", 1, 1, "", "x").describe("fr")


class TestEncodings:
    """Bytes that are not UTF-8 are placed at their line and column, with the likely encoding."""

    def test_thai_in_tis_620(self, tmp_path: Path) -> None:
        """A file saved as TIS-620 / Windows-874 is named as such, with the fix."""
        path = tmp_path / "old.yaml"
        path.write_bytes((HEAD + "notes: ปฏิทิน\n").encode("cp874"))
        with pytest.raises(CalendarFileError) as caught:
            load_calendar(path)
        (problem,) = caught.value.problems
        assert (5, 8) == (problem.line, problem.column)
        assert "TIS-620 or Windows-874" in problem.message
        assert "UTF-8" in problem.message
        assert problem.message_th is not None
        assert "UTF-8" in problem.message_th

    def test_invalid_utf8_elsewhere(self) -> None:
        """A stray byte in an otherwise UTF-8 file gives its line and column in characters."""
        data = (HEAD + "notes: ปฏิทิน").encode() + b"\xff\n"
        with pytest.raises(CalendarFileError) as caught:
            load_calendar(io.BytesIO(data))
        (problem,) = caught.value.problems
        assert (5, 14) == (problem.line, problem.column)
        assert "not UTF-8" in problem.message


class TestSize:
    """Oversized input is refused before it is read, with the limit and how to raise it."""

    def test_path_over_the_limit(self, tmp_path: Path) -> None:
        """A file over the limit is refused by its size on disk."""
        path = tmp_path / "big.yaml"
        path.write_text(HEAD + "notes: " + "x" * 2_000 + "\n", encoding="utf-8")
        with pytest.raises(CalendarFileError) as caught:
            load_calendar(path, max_bytes=1_000)
        message = caught.value.problems[0].message
        assert "over the limit of 1,000 bytes" in message
        assert MAX_FILE_BYTES_VARIABLE in message
        assert "x" * 100 == load_calendar(path, max_bytes=10_000).notes[:100]

    def test_environment_variable(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """THAIPLAN_MAX_FILE_BYTES sets the limit for every loader."""
        path = tmp_path / "c.yaml"
        path.write_text(HEAD, encoding="utf-8")
        monkeypatch.setenv(MAX_FILE_BYTES_VARIABLE, "10")
        for load in (load_calendar, load_document):
            with pytest.raises(CalendarFileError, match="over the limit of 10 bytes"):
                load(path)
        with pytest.raises(CalendarFileError, match="over the limit"):
            loads_calendar(HEAD * 10)
        monkeypatch.setenv(MAX_FILE_BYTES_VARIABLE, "many")
        with pytest.raises(ThaiplanTypeError, match=MAX_FILE_BYTES_VARIABLE):
            load_calendar(path)

    def test_stream_is_read_no_further_than_the_limit(self) -> None:
        """A stream is read one byte past the limit, not to its end."""
        stream = io.BytesIO(b"x" * 5_000)
        with pytest.raises(CalendarFileError, match="more than 1,000 bytes"):
            load_calendar(stream, max_bytes=1_000)
        assert 1_001 == stream.tell()


class TestArguments:
    """Loaders and writers given the wrong thing say so at once."""

    @pytest.mark.parametrize("source", [None, 5, 1.5, b"format: x", ["a.yaml"]])
    @pytest.mark.parametrize("load", [load_calendar, load_document])
    def test_loaders_refuse_non_sources(self, load: object, source: object) -> None:
        """None, numbers, bytes: a ThaiplanTypeError (a TypeError) naming the function."""
        with pytest.raises(ThaiplanTypeError, match=r"\(source\) must be a path") as caught:
            load(source)  # type: ignore[operator]
        assert isinstance(caught.value, TypeError)

    @pytest.mark.parametrize("text", [None, 5, b"format: x"])
    def test_loads_refuses_non_text(self, text: object) -> None:
        """loads_calendar takes a str."""
        with pytest.raises(ThaiplanTypeError, match="must be the text of a file as a str"):
            loads_calendar(text)  # type: ignore[arg-type]

    @pytest.mark.parametrize("source", ["", "   "])
    def test_empty_name(self, source: str) -> None:
        """An empty name is not the current folder."""
        with pytest.raises(CalendarFileError, match="no file named"):
            load_calendar(source)

    def test_folder(self, tmp_path: Path) -> None:
        """A folder is named as one."""
        with pytest.raises(CalendarFileError, match="this is a folder"):
            load_calendar(tmp_path)

    def test_dump_into_a_folder_or_nowhere(self, tmp_path: Path) -> None:
        """dump_calendar into a folder, or into a folder that does not exist: FileWriteError."""
        calendar = load_calendar("samut-sakhon-2563")
        with pytest.raises(FileWriteError, match="this is a folder") as caught:
            dump_calendar(calendar, tmp_path)
        assert (errno.EISDIR, True) == (caught.value.errno, isinstance(caught.value, OSError))
        with pytest.raises(FileWriteError, match="does not exist; create it first") as caught:
            dump_calendar(calendar, tmp_path / "missing" / "c.yaml")
        assert errno.ENOENT == caught.value.errno
        with pytest.raises(ThaiplanTypeError, match="must be a path or an open text file"):
            dump_calendar(calendar, 5)  # type: ignore[arg-type]

    def test_calendar_and_document_are_not_mixed_up(self) -> None:
        """dumps_calendar(document) and dumps_document(calendar) are refused, with the right call."""
        document = load_document("samut-sakhon-2563")
        assert document.calendar is not None
        with pytest.raises(ThaiplanTypeError, match="for a document use dumps_document"):
            dumps_calendar(document)  # type: ignore[arg-type]
        with pytest.raises(ThaiplanTypeError, match="for a calendar use dumps_calendar"):
            dumps_document(document.calendar)  # type: ignore[arg-type]


class TestShapes:
    """Values of the wrong shape where the loader used to iterate them."""

    @pytest.mark.parametrize(
        ("text", "path"),
        [
            (HEAD + "steps: 5\n", "steps"),
            (HEAD + "agencies: 1.5\n", "agencies"),
            (HEAD + "committees: true\n", "committees"),
            (HEAD + PHASE + step(responsible=5), "steps[0].responsible"),
            (HEAD + PHASE + step(after=7), "steps[0].after"),
            (HEAD + "steps: !!set {a}\n", "steps"),
            (HEAD + "agencies: !foo [1]\n", "agencies"),
            (HEAD + PHASE + step(responsible="!!binary aGk="), "steps[0].responsible"),
        ],
    )
    def test_wrong_shape(self, text: str, path: str) -> None:
        """A number, true/false or a tagged value where a list goes: a located problem."""
        assert path in [where for _, _, where, _ in problems(text)]

    def test_gantt_written_as_one_string(self) -> None:
        """`gantt: xx` is checked like a list of one mark, and a good one loads."""
        ((_, _, path, message),) = problems(HEAD + PHASE + step(gantt="xx"))
        assert "steps[0].gantt" == path
        assert "Gantt mark" in message
        assert ("พ.ค.",) == loads_calendar(HEAD + PHASE + step(gantt="พ.ค.")).steps[0].gantt


class TestColumns:
    """A problem inside a value is placed at its character, whatever the value's style."""

    @pytest.mark.parametrize(
        ("when", "column"),
        [
            ("ภายใน เมษ ๖๑", 17),
            ("'ภายใน เมษ ๖๑'", 18),
            ('"ภายใน เมษ ๖๑"', 18),
            ('"\\u0e20\\u0e32ยใน เมษ ๖๑"', 28),
            ("&w ภายใน เมษ ๖๑", 20),
            ("!!str ภายใน เมษ ๖๑", 23),
            ("'it''s ภายใน เมษ'", 24),
        ],
        ids=["plain", "single", "double", "escapes", "anchor", "tag", "doubled-quote"],
    )
    def test_yaml_styles(self, when: str, column: int) -> None:
        """The unknown month เมษ is found where it is written."""
        text = HEAD + PHASE + "steps:\n  - id: s1\n    no: 1\n    phase: p\n    title: x\n"
        text += f"    when: {when}\n"
        ((line, found, _, _),) = problems(text)
        assert (11, column) == (line, found)
        assert "เมษ" == text.splitlines()[line - 1][found - 1 : found + 2]

    def test_json_column(self) -> None:
        """In JSON (every value quoted) the column is the character's, not the one before it."""
        calendar = loads_calendar(HEAD + PHASE + step())
        text = dumps_calendar(calendar, format="json").replace("พ.ค. ๖๑", "ภายใน เมษ ๖๑")
        ((line, column, _, _),) = problems(text)
        assert "เมษ" == text.splitlines()[line - 1][column - 1 : column + 2]

    def test_multi_line_value(self) -> None:
        """A problem on the second line of a folded value is placed on that line."""
        text = HEAD + PHASE + "steps:\n  - id: s1\n    no: 1\n    phase: p\n    title: x\n"
        text += "    when: ภายใน\n      เมษ ๖๑\n"
        ((line, column, _, _),) = problems(text)
        assert (12, 7) == (line, column)


class TestWriting:
    """What thaiplan writes, thaiplan reads back: what would not is refused when written."""

    def calendar(self) -> thaiplan.PlanningCalendar:
        return loads_calendar(HEAD + PHASE + step())

    def test_bad_gantt_mark_built_in_code(self) -> None:
        """Step(..., gantt=['xx']) is refused where it is made, naming the field."""
        calendar = self.calendar()
        with pytest.raises(
            ModelError, match=r"Step\.gantt\[0\] must be a month .* unknown month 'xx'"
        ):
            attrs.evolve(calendar.steps[0], gantt=["xx"])

    def test_huge_duration_built_in_code(self) -> None:
        """A duration the file format bounds cannot be written either."""
        calendar = self.calendar()
        long = attrs.evolve(calendar, steps=[attrs.evolve(calendar.steps[0], duration=10**9)])
        with pytest.raises(ModelError, match="longer than a century"):
            dumps_calendar(long, format="json")

    def test_good_calendar_built_in_code(self) -> None:
        """A calendar built in code with good values is written and read back."""
        calendar = self.calendar()
        extra = Step("s2", 2, "p", "y", "มิ.ย. ๖๑", after=["s1"], gantt=["มิ.ย."])
        built = attrs.evolve(calendar, steps=[*calendar.steps, extra])
        assert built == loads_calendar(dumps_calendar(built))


class TestFastReader:
    """The fast reader gives what the marked reader gives."""

    @pytest.mark.parametrize("format", ["yaml", "json"])
    def test_shipped_files(self, format: str) -> None:
        """The built-in document, read fast, equals it read with marks."""
        text = dumps_document(load_document("samut-sakhon-2563"), format=format)  # type: ignore[arg-type]
        values = _fast.plain(text)
        assert values is not _fast._SLOW
        reader = _Reader("x")
        assert _compose(text, reader) == values

    @pytest.mark.parametrize("format", ["yaml", "json"])
    def test_fast_reader_needs_no_marks_for_a_good_file(self, format: str) -> None:
        """A good file is read to the end by the fast reader: it never falls back."""
        document = load_document("samut-sakhon-2563")
        text = dumps_document(document, format=format)  # type: ignore[arg-type]
        assert document == _document_of(_fast._FastReader("x"), _fast.plain(text))
        assert document.calendar is not None
        text = dumps_calendar(document.calendar, format=format)  # type: ignore[arg-type]
        assert document.calendar == _calendar_of(_fast._FastReader("x"), _fast.plain(text))

    def test_json_that_yaml_reads_otherwise(self) -> None:
        """Duplicate keys, NaN, a NEL and an escaped surrogate go to the marked reader."""
        for text in ['{"a": 1, "a": 2}', '{"a": NaN}', '{"a": "x\x85y"}', '{"a": "\\ud83d"}']:
            assert _fast.plain(text) is _fast._SLOW

    def test_problems_are_the_marked_readers(self) -> None:
        """A file with a problem gives the marked reader's problems, in JSON and YAML."""
        calendar = loads_calendar(HEAD + PHASE + step())
        for format in ("yaml", "json"):
            text = dumps_calendar(calendar, format=format).replace("พ.ค. ๖๑", "ภายใน เมษ ๖๑")  # type: ignore[arg-type]
            with pytest.raises(CalendarFileError) as caught:
                loads_calendar(text, file="bad.yaml")
            assert marked(text) == caught.value.problems

    def test_json_is_read_by_json(self) -> None:
        """A JSON file's values come from json.loads, equal to the marked reader's."""
        text = dumps_calendar(load_calendar("samut-sakhon-2563"), format="json")
        assert json.loads(text) == _fast.plain(text)


class TestEmitters:
    """thaiplan writes with libyaml's emitter what PyYAML's pure-Python one writes."""

    @settings(max_examples=50, deadline=None)
    @given(calendars())
    def test_same_text(self, calendar: thaiplan.PlanningCalendar) -> None:
        """The same YAML, byte for byte, whichever emitter writes it."""
        data = {"format": thaiplan.CALENDAR_FORMAT, **_converter().unstructure(calendar)}
        options: dict[str, Any] = {
            "allow_unicode": True,
            "sort_keys": False,
            "default_flow_style": False,
            "width": 2**30,
        }
        python = yaml.dump(data, Dumper=_reader._Dumper, **options)
        assert python == dumps_calendar(calendar)

    def test_same_document(self) -> None:
        """The built-in document is written the same by both."""
        document = load_document("samut-sakhon-2563")
        data = {"format": thaiplan.DOCUMENT_FORMAT, **_converter().unstructure(document)}
        options: dict[str, Any] = {"allow_unicode": True, "sort_keys": False, "width": 2**30}
        python = yaml.dump(data, Dumper=_reader._Dumper, default_flow_style=False, **options)
        assert python == dumps_document(document)


def test_an_unclosed_flow_mapping_is_described() -> None:
    """The message about a mapping in { } is written out, braces and all (a format string once)."""
    with pytest.raises(thaiplan.CalendarFileError, match=r"a mapping in \{ \} is not closed"):
        thaiplan.loads_calendar('{"a": 1 "b": 2}')
