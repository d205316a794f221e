"""The built-in document samut-sakhon-2563: the seed circular as data.

The data file is ``src/thaiplan/data/samut-sakhon-2563.yaml``, transcribed by
hand from the seed (``shared/seed/000_e882f0d035c20451.txt``, a text
conversion of the scanned circular ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗). These tests pin what
was transcribed: every step, the letter, the meeting, the parties, the
corrections, the order of the steps, and a golden snapshot of the whole.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import thaiplan
from thaiplan import (
    Agency,
    Committee,
    Correction,
    LetterNumber,
    Period,
    PlanningCalendar,
    PlanningDocument,
    Step,
)

NAME = "samut-sakhon-2563"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_e882f0d035c20451.txt"
SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / f"{NAME}.json"
D = dt.date


@pytest.fixture(scope="module")
def document() -> PlanningDocument:
    """The built-in document, loaded once for the module."""
    return thaiplan.load_document(NAME)


@pytest.fixture(scope="module")
def calendar(document: PlanningDocument) -> PlanningCalendar:
    """The document's calendar."""
    assert document.calendar is not None
    return document.calendar


@pytest.fixture(scope="module")
def seed() -> str:
    """The seed text, line breaks read as one space; skips when the seed is not there."""
    if not SEED.is_file():
        pytest.skip(f"the seed text is not beside the checkout ({SEED}); run from the repository")
    return _flatten(SEED.read_text(encoding="utf-8"))


def _flatten(text: str) -> str:
    """Read each line break of the scan, with the blanks around it, as one space."""
    return re.sub(r"[ \t]*\n\s*", " ", text)


def _parties(calendar: PlanningCalendar) -> dict[str, Agency | Committee]:
    return {party.id: party for party in (*calendar.agencies, *calendar.committees)}


# -- walking the records ----------------------------------------------------------------

#: The fields that hold the document's own words, by record: each string in
#: them must occur in the seed exactly.
TEXT_FIELDS: dict[str, frozenset[str]] = {
    "PlanningCalendar": frozenset({"title", "province", "as_of"}),
    "Phase": frozenset({"title", "title_th"}),
    "Step": frozenset({"title", "when", "gantt", "duration_text"}),
    "Agency": frozenset({"name", "abbreviations", "aliases"}),
    "Committee": frozenset({"name", "abbreviation", "abbreviations", "aliases"}),
    "Order": frozenset({"number", "dated"}),
    "Plan": frozenset({"name", "revision", "aliases"}),
    "Letter": frozenset(
        {
            "number",
            "issuer",
            "address",
            "dated",
            "subject",
            "salutation",
            "body",
            "closing",
            "signatory",
            "position",
            "owner_unit",
            "phone",
            "fax",
            "email",
        }
    ),
    "Reference": frozenset({"issuer", "number", "dated", "urgency"}),
    "Enclosure": frozenset({"title", "unit"}),
    "DistributionList": frozenset({"title", "number", "dated", "subject"}),
    "Recipient": frozenset({"name"}),
    "Meeting": frozenset({"title", "when", "venue"}),
    "AgendaItem": frozenset({"title", "number_text"}),
    "Resolution": frozenset({"text"}),
    "Action": frozenset({"what", "deadline"}),
    "Correction": frozenset({"written"}),
}

#: The text fields that are not the document's words: ids and references,
#: English, notes and reasons, and the corrected values.
EXEMPT_FIELDS: dict[str, frozenset[str]] = {
    "PlanningDocument": frozenset({"id", "source", "notes"}),
    "PlanningCalendar": frozenset({"source", "notes", "id"}),
    "Phase": frozenset({"id"}),
    "Step": frozenset({"id", "phase", "responsible", "notes"}),
    "Dependency": frozenset({"step", "reason"}),
    "Agency": frozenset({"id", "code", "parent", "members", "name_en", "notes"}),
    "Committee": frozenset({"id", "parent", "members", "secretariat", "name_en", "notes"}),
    # An order's issuer may be an agency id.
    "Order": frozenset({"issuer", "note"}),
    "Plan": frozenset({"id", "owner", "consistent_with", "notes"}),
    "Recipient": frozenset({"agency"}),
    # The number in Arabic digits ("3.1"); the document's is number_text.
    "AgendaItem": frozenset({"number"}),
    "Action": frozenset({"who", "step", "notes"}),
    "Meeting": frozenset({"notes"}),
    "Correction": frozenset({"field", "corrected", "reason"}),
}

#: Records read as one value, by their text: a letter number, a period.
LEAVES = (LetterNumber, Period)


def _texts(value: Any) -> Iterator[str]:
    """The document text a field's value holds: strings, or the text of a leaf."""
    if isinstance(value, enum.Enum) or value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, LEAVES):
        yield value.text
    elif isinstance(value, tuple):
        for item in value:
            if isinstance(item, (str, *LEAVES)):
                yield from _texts(item)


def _walk(record: Any, path: str) -> Iterator[tuple[str, str, str, Any]]:
    """Yield (path, record class, field name, value) for every field, depth first."""
    for field in attrs.fields(type(record)):
        if field.metadata.get("derived"):
            continue
        value = getattr(record, field.name)
        here = f"{path}.{field.name}"
        yield here, type(record).__name__, field.name, value
        if attrs.has(type(value)) and not isinstance(value, LEAVES):
            yield from _walk(value, here)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)) and not isinstance(item, LEAVES):
                    yield from _walk(item, f"{here}[{index}]")


def not_in_seed(record: Any, seed: str) -> list[tuple[str, str]]:
    """The (path, text) of every string of a text field that the seed does not contain."""
    missing = []
    for path, cls, name, value in _walk(record, "document"):
        if name not in TEXT_FIELDS.get(cls, ()):
            continue
        missing += [(path, text) for text in _texts(value) if text and text not in seed]
    return missing


def _records(record: Any) -> Iterator[Any]:
    """Every record under ``record``, itself included."""
    yield record
    for _, _, _, value in _walk(record, ""):
        if attrs.has(type(value)) and not isinstance(value, LEAVES):
            yield value
        elif isinstance(value, tuple):
            yield from (
                item for item in value if attrs.has(type(item)) and not isinstance(item, LEAVES)
            )


def _corrections(document: PlanningDocument) -> list[tuple[Any, Correction]]:
    """Every correction, with the record it stands beside."""
    return [
        (record, correction)
        for record in _records(document)
        for correction in getattr(record, "corrections", ())
    ]


# -- loading ----------------------------------------------------------------------------


class TestLoading:
    def test_builtin_name(self) -> None:
        """The document is one of the built-in names."""
        assert NAME in thaiplan.builtin_names()

    def test_load_document(self, document: PlanningDocument) -> None:
        """load_document reads the letter, the meeting and the calendar."""
        assert NAME == document.id
        assert document.letter is not None
        assert document.meeting is not None
        assert document.calendar is not None

    def test_load_calendar_is_the_documents_calendar(self, document: PlanningDocument) -> None:
        """load_calendar on the name gives the document's calendar."""
        assert document.calendar == thaiplan.load_calendar(NAME)

    def test_calendar_header(self, calendar: PlanningCalendar) -> None:
        """Title verbatim, province, fiscal year and the Gantt table's year."""
        expected = (
            "ปฏิทินการทบทวนแผนพัฒนาจังหวัด ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)"
            " และการจัดทำแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๓"
        )
        assert expected == calendar.title
        assert ("สมุทรสาคร", 2563, 2561) == (
            calendar.province,
            calendar.fiscal_year,
            calendar.gantt_year,
        )

    def test_phases(self, calendar: PlanningCalendar) -> None:
        """Five phases, in the order of the table, titled as written."""
        expected = [
            ("area-based", "Area Based"),
            ("mechanism-setting", "Mechanism Setting"),
            ("strategy-review", "Strategy Review"),
            ("project-formulation", "Project Formulation"),
            ("strategic-plan-approval", "Strategic Plan Approval"),
        ]
        assert expected == [(phase.id, phase.title) for phase in calendar.phases]

    def test_fifteen_steps_in_five_phases(self, calendar: PlanningCalendar) -> None:
        """15 steps s1..s15, numbered 1..15, each in the phase the table puts it in."""
        expected = {
            "area-based": ["s1", "s2"],
            "mechanism-setting": ["s3", "s4", "s5", "s6"],
            "strategy-review": ["s7", "s8"],
            "project-formulation": ["s9", "s10", "s11"],
            "strategic-plan-approval": ["s12", "s13", "s14", "s15"],
        }
        assert 15 == len(calendar)
        assert [f"s{n}" for n in range(1, 16)] == [step.id for step in calendar]
        assert list(range(1, 16)) == [step.no for step in calendar]
        assert expected == {
            phase.id: [step.id for step in calendar.steps_in(phase.id)] for phase in calendar.phases
        }


# -- the steps, known answers -----------------------------------------------------------

#: (id, no, phase, when as written, period kind, start, end, Gantt marks as marked, meetings)
STEPS = [
    ("s1", 1, "area-based", "ภายใน พ.ค. ๖๑", "deadline", None, D(2018, 5, 31), ("เม.ย.",), None),
    ("s2", 2, "area-based", "ภายใน พ.ค. ๖๑", "deadline", None, D(2018, 5, 31), ("เม.ย.",), None),
    ("s3", 3, "mechanism-setting", "๔ เม.ย. ๖๑", "day", D(2018, 4, 4), D(2018, 4, 4), ("เม.ย.",), None),
    ("s4", 4, "mechanism-setting", "พ.ค. ๖๑", "month", D(2018, 5, 1), D(2018, 5, 31), ("พ.ค.",), None),
    ("s5", 5, "mechanism-setting", "พ.ค. ๖๑", "month", D(2018, 5, 1), D(2018, 5, 31), ("พ.ค.",), None),
    ("s6", 6, "mechanism-setting", "มิ.ย. ๖๑", "month", D(2018, 6, 1), D(2018, 6, 30), ("มิ.ย.",), 3),
    ("s7", 7, "strategy-review", "มิ.ย. - ก.ค. ๖๑", "month_range", D(2018, 6, 1), D(2018, 7, 31), ("ก.ค.",), None),
    ("s8", 8, "strategy-review", "ก.ค. ๖๑", "month", D(2018, 7, 1), D(2018, 7, 31), ("ก.ค.",), 1),
    ("s9", 9, "project-formulation", "ก.ค. ๖๑", "month", D(2018, 7, 1), D(2018, 7, 31), ("ก.ค.",), None),
    ("s10", 10, "project-formulation", "ก.ค. ๖๑", "month", D(2018, 7, 1), D(2018, 7, 31), ("ก.ค.",), None),
    ("s11", 11, "project-formulation", "ก.ค. - ส.ค. ๖๑", "month_range", D(2018, 7, 1), D(2018, 8, 31), ("ก.ค.",), None),
    ("s12", 12, "strategic-plan-approval", "ส.ค. ๖๑", "month", D(2018, 8, 1), D(2018, 8, 31), ("ส.ค.",), None),
    ("s13", 13, "strategic-plan-approval", "ส.ค. ๖๑", "month", D(2018, 8, 1), D(2018, 8, 31), ("ก.ค.",), None),
    ("s14", 14, "strategic-plan-approval", "ก.ย. ๖๑", "month", D(2018, 9, 1), D(2018, 9, 30), ("ส.ค.",), None),
    ("s15", 15, "strategic-plan-approval", "ต.ค. ๖๑", "month", D(2018, 10, 1), D(2018, 10, 31), ("ก.ย.",), None),
]  # fmt: skip

#: The parties of each step's หน่วยงานที่เกี่ยวข้อง cell, in the cell's order.
RESPONSIBLE = {
    "s1": ("provincial-administration-office",),
    "s2": ("government-agencies", "all-districts", "civil-society"),
    "s3": (
        "provincial-office",
        "provincial-administration-office",
        "local-administration-office",
        "community-development-office",
        "all-districts",
        "pao",
    ),
    "s4": ("provincial-office",),
    "s5": ("kbj",),
    "s6": ("kbj-subcommittees", "government-agencies", "all-districts", "civil-society"),
    "s7": ("agencies-in-province", "all-districts"),
    "s8": ("kbj-subcommittees",),
    "s9": ("agencies-in-province", "all-districts", "local-governments"),
    "s10": ("project-proposers",),
    "s11": ("project-proposers",),
    "s12": ("kbj-subcommittees", "project-proposers"),
    "s13": ("all-sectors",),
    "s14": ("kbj", "project-proposers"),
    "s15": ("provincial-office",),
}


class TestSteps:
    @pytest.mark.parametrize(
        ("step_id", "no", "phase", "when", "kind", "start", "end", "gantt", "meetings"),
        STEPS,
        ids=[row[0] for row in STEPS],
    )
    def test_known_answers(
        self,
        calendar: PlanningCalendar,
        step_id: str,
        no: int,
        phase: str,
        when: str,
        kind: str,
        start: dt.date | None,
        end: dt.date,
        gantt: tuple[str, ...],
        meetings: int | None,
    ) -> None:
        """Each step's number, phase, stated period, Gantt marks as marked and meetings."""
        step = calendar.step(step_id)
        assert (no, phase, when, kind, start, end, gantt, meetings) == (
            step.no,
            step.phase,
            step.when,
            step.period.kind,
            step.period.start,
            step.period.end,
            step.gantt,
            step.meetings,
        )

    @pytest.mark.parametrize(("step_id", "parties"), RESPONSIBLE.items())
    def test_responsible(
        self, calendar: PlanningCalendar, step_id: str, parties: tuple[str, ...]
    ) -> None:
        """Each step's responsible parties are the ones of its table cell."""
        assert parties == calendar.step(step_id).responsible

    def test_marks_outside_the_stated_period(self, calendar: PlanningCalendar) -> None:
        """Only steps 13-15 are marked outside their stated period, and each has a correction."""

        def outside(step: Step) -> bool:
            first = step.period.start or D(2018, 1, 1)
            months = ((first.year, first.month), (step.period.end.year, step.period.end.month))
            return any(not (months[0] <= mark <= months[1]) for mark in step.gantt_months(2561))

        corrected = {step.id for step in calendar for c in step.corrections if "gantt" == c.field}
        assert {"s13", "s14", "s15"} == {step.id for step in calendar if outside(step)}
        assert {"s13", "s14", "s15"} == corrected

    def test_gantt_corrections_follow_the_stated_month(self, calendar: PlanningCalendar) -> None:
        """Each Gantt correction replaces the mark as written by the step's stated month."""
        for step in calendar:
            for correction in (c for c in step.corrections if "gantt" == c.field):
                stated = step.period.start or step.period.end
                fixed = attrs.evolve(step, gantt=(correction.corrected,))
                assert (correction.written,) == step.gantt
                assert ((stated.year, stated.month),) == fixed.gantt_months(2561)

    def test_step_3_is_the_meeting(
        self, document: PlanningDocument, calendar: PlanningCalendar
    ) -> None:
        """Step 3's date is the day of the meeting whose minutes are enclosed."""
        assert document.meeting is not None
        assert document.meeting.start.date() == calendar.step("s3").period.start


# -- the calendar table of the seed, read independently -------------------------------

#: A step's row: its first cell begins with the step's number in Thai digits.
_STEP_CELL = re.compile(r"^([๐-๙]+)\. (.*)$")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _seed_rows() -> dict[int, dict[str, Any]]:
    """The calendar table's step rows, by number: title, when, marked months, parties.

    Each of the three tables is read with its own month row, so that a marked
    column is named by the month heading that column, whatever the layout.
    """
    if not SEED.is_file():
        pytest.skip(f"the seed text is not beside the checkout ({SEED}); run from the repository")
    months: dict[int, str] = {}
    rows: dict[int, dict[str, Any]] = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if "ม.ค." in cells:
            months = {index: cell for index, cell in enumerate(cells) if cell}
            continue
        match = _STEP_CELL.match(cells[0])
        if match is None or len(cells) < 14:
            continue
        parties = next(cell for cell in reversed(cells) if cell.startswith("- "))
        rows[int(match[1].translate(_THAI_DIGITS))] = {
            "title": match[2],
            "when": cells[1],
            "gantt": tuple(months[i] for i, cell in enumerate(cells) if cell in ("↔", "●")),
            "parties": tuple(parties.removeprefix("- ").split(" - ")),
        }
    return rows


@pytest.fixture(scope="module")
def rows() -> dict[int, dict[str, Any]]:
    """The step rows of the seed's calendar table."""
    return _seed_rows()


class TestSeedTable:
    def test_fifteen_rows(self, rows: dict[int, dict[str, Any]]) -> None:
        """The seed's table has the rows of steps 1 to 15."""
        assert list(range(1, 16)) == sorted(rows)

    def test_titles_and_periods_as_in_the_table(
        self, calendar: PlanningCalendar, rows: dict[int, dict[str, Any]]
    ) -> None:
        """Each step's title and stated period are its table cells, word for word."""
        assert [(row["title"], row["when"]) for _, row in sorted(rows.items())] == [
            (step.title, step.when) for step in calendar
        ]

    def test_gantt_marks_as_in_the_table(
        self, calendar: PlanningCalendar, rows: dict[int, dict[str, Any]]
    ) -> None:
        """Each step's Gantt marks are the months whose column is marked in its row."""
        assert [row["gantt"] for _, row in sorted(rows.items())] == [
            step.gantt for step in calendar
        ]

    def test_responsible_as_in_the_table(
        self, calendar: PlanningCalendar, rows: dict[int, dict[str, Any]]
    ) -> None:
        """Each party of a หน่วยงานที่เกี่ยวข้อง cell is, in order, one of the names of its id."""
        parties = _parties(calendar)
        assert [row["parties"] for _, row in sorted(rows.items())] == [
            tuple(
                next(name for name in parties[party].names if name in cells)
                for party in step.responsible
            )
            for step, cells in zip(
                calendar, (row["parties"] for _, row in sorted(rows.items())), strict=True
            )
        ]


# -- verbatim ---------------------------------------------------------------------------


class TestVerbatim:
    def test_every_text_field_is_in_the_seed(self, document: PlanningDocument, seed: str) -> None:
        """Every string of a field that holds the document's words occurs in the seed."""
        assert [] == not_in_seed(document, seed)

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            (
                lambda d: attrs.evolve(
                    d, letter=attrs.evolve(d.letter, subject="แนวทางที่ไม่มีในเอกสาร")
                ),
                "document.letter.subject",
            ),
            (
                lambda d: attrs.evolve(
                    d,
                    calendar=attrs.evolve(
                        d.calendar,
                        steps=(attrs.evolve(d.calendar.steps[0], gantt=("ธ.ค. ๖๔",)),),
                    ),
                ),
                "document.calendar.steps[0].gantt",
            ),
        ],
        ids=["top-level", "nested-tuple"],
    )
    def test_the_check_catches_a_string_not_in_the_seed(
        self, document: PlanningDocument, seed: str, change: Any, path: str
    ) -> None:
        """A string that the seed does not contain is reported, with its path."""
        assert [path] == [where for where, _ in not_in_seed(change(document), seed)]

    def test_every_text_field_is_classified(self, document: PlanningDocument) -> None:
        """Every field holding text is listed as document text or as exempt, none as both."""
        unclassified = set()
        for _, cls, name, value in _walk(document, "document"):
            if not list(_texts(value)) or isinstance(value, enum.Enum):
                continue
            if name not in TEXT_FIELDS.get(cls, ()) and name not in EXEMPT_FIELDS.get(cls, ()):
                unclassified.add(f"{cls}.{name}")
        both = {
            f"{cls}.{name}"
            for cls, names in TEXT_FIELDS.items()
            for name in names & EXEMPT_FIELDS.get(cls, frozenset())
        }
        assert (set(), set()) == (unclassified, both)

    def test_listed_fields_exist(self) -> None:
        """The field lists name real fields of the model (a renamed field is caught)."""
        classes = {
            cls.__name__: cls
            for cls in vars(thaiplan).values()
            if isinstance(cls, type) and attrs.has(cls)
        }
        unknown = {
            f"{cls}.{name}"
            for table in (TEXT_FIELDS, EXEMPT_FIELDS)
            for cls, names in table.items()
            for name in names
            if name not in attrs.fields_dict(classes[cls])
        }
        assert set() == unknown


# -- corrections ------------------------------------------------------------------------

#: Every correction recorded: (where, field, written, corrected).
CORRECTIONS = {
    ("Recipient 1", "name", "ที่การปกครองจังหวัดสมุทรสาคร", "ที่ทำการปกครองจังหวัดสมุทรสาคร"),
    ("Recipient 6", "name", "อำเภอกะทู้แม่แบน", "อำเภอกระทุ่มแบน"),
    ("Letter", "distribution.number", "ที่ สค ๐๐๑๗.๒/ว ๕๕๓๗", "ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗"),
    ("Letter", "distribution.dated", "๕ เมษายน ๒๕๖๖", "๕ เมษายน ๒๕๖๑"),
    ("Letter", "signatory", "๒๕๖๑", ""),
    (
        "Meeting",
        "venue",
        "ห้องประชุมทำจิ้น (๕๐๒) ศาลากลางจังหวัดสมุทรสาคร",
        "ห้องประชุมท่าจีน (๕๐๒) ศาลากลางจังหวัดสมุทรสาคร",
    ),
    ("Step s7", "title", "องค์กรบริหารส่วนจังหวัด", "องค์การบริหารส่วนจังหวัด"),
    (
        "Step s8",
        "title",
        "คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ ตามกลุ่มภารกิจ",
        "คณะอนุกรรมการบริหารงานจังหวัดแบบบูรณาการ ตามกลุ่มภารกิจ",
    ),
    ("Step s9", "notes", "โครงการเติมรูปแบบ", "โครงการเต็มรูปแบบ"),
    ("Step s13", "gantt", "ก.ค.", "ส.ค."),
    ("Step s14", "title", "(ก.บ.จ)", "(ก.บ.จ.)"),
    ("Step s14", "gantt", "ส.ค.", "ก.ย."),
    ("Step s15", "gantt", "ก.ย.", "ต.ค."),
    (
        "Agency local-administration-office",
        "abbreviations",
        "สนง.ส่งเสริมการปกครอง ท้องถิ่นจังหวัด",
        "สนง.ส่งเสริมการปกครองท้องถิ่นจังหวัด",
    ),
    ("Agency district-krathum-baen", "name", "อำเภอกะทู้แม่แบน", "อำเภอกระทุ่มแบน"),
}

#: Corrections whose written text is not kept in the field they name: the
#: stray line of the signature block is dropped from `signatory`.
NOT_IN_FIELD = {("Letter", "signatory", "๒๕๖๑")}


def _label(record: Any) -> str:
    name = type(record).__name__
    key = getattr(record, "id", None) or getattr(record, "no", None)
    return f"{name} {key}" if key is not None else name


def _resolve(record: Any, field: str) -> Any:
    value = record
    for part in field.split("."):
        value = getattr(value, part)
    return value


class TestCorrections:
    def test_the_corrections_recorded(self, document: PlanningDocument) -> None:
        """The corrections are exactly the known errors of the seed, each beside its record."""
        recorded = [
            (_label(record), c.field, c.written, c.corrected)
            for record, c in _corrections(document)
        ]
        assert (CORRECTIONS, len(CORRECTIONS)) == (set(recorded), len(recorded))

    def test_written_is_in_the_seed(self, document: PlanningDocument, seed: str) -> None:
        """Every correction's `written` is the document's text."""
        assert [] == [c.written for _, c in _corrections(document) if c.written not in seed]

    def test_corrected_differs_and_has_a_reason(self, document: PlanningDocument) -> None:
        """Every correction changes something and says why."""
        for _, correction in _corrections(document):
            assert correction.corrected != correction.written
            assert correction.reason.strip()

    def test_written_stands_in_its_field(self, document: PlanningDocument) -> None:
        """What a correction says is written is in the field it names: beside, not over."""
        for record, correction in _corrections(document):
            key = (type(record).__name__, correction.field, correction.written)
            if key in NOT_IN_FIELD:
                continue
            value = _resolve(record, correction.field)
            if isinstance(value, tuple):
                assert correction.written in value, key
            else:
                assert correction.written in str(value), key

    def test_corrected_is_not_in_the_data_in_place_of_written(
        self, document: PlanningDocument
    ) -> None:
        """The corrected name is not written over the original (recipient ๖ stays misspelt)."""
        assert document.letter is not None
        assert document.letter.distribution is not None
        names = [r.name for r in document.letter.distribution.recipients]
        assert "อำเภอกะทู้แม่แบน" == names[5]
        assert "ที่การปกครองจังหวัดสมุทรสาคร" == names[0]


# -- the letter -------------------------------------------------------------------------


class TestLetter:
    def test_number(self, document: PlanningDocument) -> None:
        """ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗: code สค, owner 0017.2, a circular, sequence 5577."""
        assert document.letter is not None
        number = document.letter.number
        assert ("สค", "0017.2", True, 5577) == (
            number.code,
            number.owner,
            number.circular,
            number.sequence,
        )
        assert "ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗" == str(number)

    def test_heading(self, document: PlanningDocument) -> None:
        """Issuer, address, date, subject (two lines joined by a space), empty salutation."""
        letter = document.letter
        assert letter is not None
        subject = "แนวทางการเชื่อมโยงและบูรณาการแผนในระดับพื้นที่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๓ ของจังหวัดสมุทรสาคร"
        assert (
            "ศาลากลางจังหวัดสมุทรสาคร",
            "ถนนเศรษฐกิจ ๑ สค ๗๔๐๐๐",
            "๕ เมษายน ๒๕๖๑",
            D(2018, 4, 5),
            subject,
            "",
        ) == (
            letter.issuer,
            letter.address,
            letter.dated,
            letter.date,
            letter.subject,
            letter.salutation,
        )

    def test_reference_and_enclosure(self, document: PlanningDocument) -> None:
        """อ้างถึง: an urgent letter of the province of 30 March 2561; one enclosure."""
        letter = document.letter
        assert letter is not None
        (reference,) = letter.references
        assert ("หนังสือจังหวัดสมุทรสาคร", "ด่วนที่สุด", 5185, D(2018, 3, 30)) == (
            reference.issuer,
            reference.urgency,
            reference.number.sequence if reference.number else None,
            reference.date,
        )
        assert [("สรุปผลการประชุมฯ", 1, "ชุด")] == [
            (e.title, e.quantity, e.unit) for e in letter.enclosures
        ]

    def test_body_and_signature(self, document: PlanningDocument) -> None:
        """Three body paragraphs, the closing, signatory, position, owner unit and contacts."""
        letter = document.letter
        assert letter is not None
        assert 3 == len(letter.body)
        assert letter.body[0].startswith("ตามหนังสือที่อ้างถึง")
        assert "จึงเรียนมาเพื่อพิจารณาดำเนินการต่อไป" == letter.body[2]
        assert (
            "ขอแสดงความนับถือ",
            "นายประภัสร์ มาลากาญจน์",
            "ผู้ว่าราชการจังหวัดสมุทรสาคร",
            ("สำนักงานจังหวัด", "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด"),
            "๐ ๓๔๔๒ ๕๐๗๕",
            "๐ ๓๔๔๒ ๕๐๗๔",
            "strategy.skn@gmail.com",
        ) == (
            letter.closing,
            letter.signatory,
            letter.position,
            letter.owner_unit,
            letter.phone,
            letter.fax,
            letter.email,
        )
        assert letter.circular

    def test_distribution_list_as_written(self, document: PlanningDocument) -> None:
        """The list quotes ว ๕๕๓๗ of ๕ เมษายน ๒๕๖๖, as written, and the letter's subject."""
        assert document.letter is not None
        distribution = document.letter.distribution
        assert distribution is not None
        assert distribution.number is not None
        assert (5537, D(2023, 4, 5), document.letter.subject) == (
            distribution.number.sequence,
            distribution.date,
            distribution.subject,
        )
        assert "บัญชีแนบท้ายหนังสือ" == distribution.title

    def test_recipients(self, document: PlanningDocument, calendar: PlanningCalendar) -> None:
        """Eight recipients numbered 1-8, each linked to an agency of the calendar."""
        assert document.letter is not None
        assert document.letter.distribution is not None
        recipients = document.letter.distribution.recipients
        expected = [
            "provincial-administration-office",
            "provincial-office",
            "community-development-office",
            "local-administration-office",
            "district-mueang-samut-sakhon",
            "district-krathum-baen",
            "district-ban-phaeo",
            "pao",
        ]
        assert list(range(1, 9)) == [r.no for r in recipients]
        assert expected == [r.agency for r in recipients]
        agencies = {agency.id for agency in calendar.agencies}
        assert set() == {r.agency for r in recipients} - agencies


# -- the meeting ------------------------------------------------------------------------


class TestMeeting:
    def test_when_and_where(self, document: PlanningDocument) -> None:
        """Wednesday 4 April 2561 at 13.30, in the room as the minutes write it."""
        meeting = document.meeting
        assert meeting is not None
        assert "2018-04-04T13:30:00+07:00" == meeting.start.isoformat()
        assert "ห้องประชุมทำจิ้น (๕๐๒) ศาลากลางจังหวัดสมุทรสาคร" == meeting.venue

    def test_agenda(self, document: PlanningDocument) -> None:
        """Items 2.1-2.3 for information (acknowledged), 3 and 3.1-3.3 for consideration."""
        assert document.meeting is not None
        expected = [
            ("2.1", "information", ("acknowledge",)),
            ("2.2", "information", ("acknowledge",)),
            ("2.3", "information", ("acknowledge",)),
            ("3", "consideration", ()),
            ("3.1", "consideration", ("approve", "approve", "approve")),
            ("3.2", "consideration", ("approve",)),
            ("3.3", "consideration", ("assign",)),
        ]
        assert expected == [
            (item.number, item.kind, tuple(r.kind for r in item.resolutions))
            for item in document.meeting.agenda
        ]

    def test_actions(self, document: PlanningDocument) -> None:
        """Who, by when, and which calendar step carries each action out."""
        assert document.meeting is not None
        expected = [
            (("samut-sakhon",), None, None),
            (("all-districts",), None, None),
            (("all-districts", "kba"), D(2018, 6, 30), "s7"),
            (("pao",), D(2018, 6, 30), "s7"),
            (("samut-sakhon",), None, None),
            (
                (
                    "provincial-administration-office",
                    "community-development-office",
                    "all-districts",
                ),
                D(2018, 5, 31),
                "s1",
            ),
        ]
        assert expected == [
            # `is not None`: a deadline Period has no length, so no truth value.
            (a.who, a.deadline.end if a.deadline is not None else None, a.step)
            for a in document.meeting.actions()
        ]

    def test_actions_are_part_of_their_resolution(self, document: PlanningDocument) -> None:
        """Each action's text is taken from its resolution's text."""
        assert document.meeting is not None
        for item in document.meeting.agenda:
            for resolution in item.resolutions:
                for action in resolution.actions:
                    assert action.what in resolution.text
                    if action.deadline is not None:
                        assert action.deadline.text in action.what

    def test_action_deadlines_within_their_steps(
        self, document: PlanningDocument, calendar: PlanningCalendar
    ) -> None:
        """An action's deadline falls within the stated period of the step that carries it."""
        assert document.meeting is not None
        for action in document.meeting.actions():
            if action.step is None or action.deadline is None:
                continue
            period = calendar.step(action.step).period
            assert (period.start or D.min) <= action.deadline.end <= period.end


# -- agencies, committees, plans --------------------------------------------------------


class TestParties:
    def test_ids_referred_to_exist(
        self, document: PlanningDocument, calendar: PlanningCalendar
    ) -> None:
        """Parents, members, owners, actions, recipients and plans name known ids."""
        parties = _parties(calendar)
        plans = {plan.id for plan in (*calendar.plans, *document.plans)}
        steps = {step.id for step in calendar}
        referred: set[str] = set()
        for party in parties.values():
            referred |= {party.parent} - {None} | set(party.members)
        for plan in (*calendar.plans, *document.plans):
            assert set(plan.consistent_with) <= plans, plan.id
            referred |= {plan.owner} - {None}
        assert document.meeting is not None
        for action in document.meeting.actions():
            referred |= set(action.who)
            assert action.step is None or action.step in steps
        assert set() == referred - set(parties)

    def test_districts_agree_with_geothai(self, calendar: PlanningCalendar) -> None:
        """The DOPA codes of the province and its three districts agree with geothai."""
        geothai = pytest.importorskip("geothai")
        parties = _parties(calendar)
        province = parties["samut-sakhon"]
        assert isinstance(province, Agency)
        assert province.code is not None
        assert "สมุทรสาคร" == geothai.province(province.code).name_th
        assert "จังหวัด" + geothai.province(province.code).name_th == province.name
        districts = [a for a in calendar.agencies if a.level == "district" and a.code]
        assert {d.code for d in geothai.districts(province.code)} == {a.code for a in districts}
        for agency in districts:
            name = next((c.corrected for c in agency.corrections if "name" == c.field), agency.name)
            assert "อำเภอ" + geothai.district(agency.code).name_th == name
            assert province.code == geothai.district(agency.code).province_code
            assert province.id == agency.parent

    def test_krathum_baen_is_found_by_geothai(self) -> None:
        """geothai.search finds กระทุ่มแบน as district 7402, and not the misspelling."""
        geothai = pytest.importorskip("geothai")
        assert ["7402"] == [
            r.area.code for r in geothai.search("กระทุ่มแบน") if "district" == r.level
        ]
        assert [] == geothai.search("กะทู้แม่แบน")

    def test_all_districts_group(self, calendar: PlanningCalendar) -> None:
        """อำเภอทุกอำเภอ is a group of the three districts."""
        group = _parties(calendar)["all-districts"]
        assert isinstance(group, Agency)
        assert (
            "district-mueang-samut-sakhon",
            "district-krathum-baen",
            "district-ban-phaeo",
        ) == group.members

    def test_committees(self, calendar: PlanningCalendar) -> None:
        """ก.บ.จ.สค., its three sub-committees, and the two district committees, with orders."""
        expected = [
            ("kbj", "ก.บ.จ.สค.", "province", None, 1),
            ("kbj-subcommittees", "คณะอนุ ก.บ.จ.", "province", "kbj", 3),
            ("kba", "ก.บ.อ.", "district", None, 3),
            ("district-local-plan-committee", "", "district", None, 3),
        ]
        assert expected == [
            (c.id, c.abbreviation, c.level, c.parent, c.count) for c in calendar.committees
        ]
        assert all(c.order is not None and c.order.note for c in calendar.committees)

    def test_plans_link_upward(self, calendar: PlanningCalendar) -> None:
        """Each plan is consistent with other plans of its own level or higher, never lower."""
        order = list(thaiplan.PlanLevel)
        plans = {plan.id: plan for plan in calendar.plans}
        for plan in plans.values():
            assert plan.id not in plan.consistent_with
            for target in plan.consistent_with:
                assert order.index(plan.level) <= order.index(plans[target].level), plan.id

    def test_provincial_plans(self, calendar: PlanningCalendar) -> None:
        """The 4-year plan 2561-2564 under review, and the FY 2563 annual action plan."""
        plans = {plan.id: plan for plan in calendar.plans}
        assert ((2561, 2564), "ฉบับทบทวน") == (
            plans["provincial-plan"].years,
            plans["provincial-plan"].revision,
        )
        assert (2563, "annual_action") == (
            plans["annual-action-plan-2563"].fiscal_year,
            plans["annual-action-plan-2563"].kind,
        )


# -- dependencies -----------------------------------------------------------------------

#: The order of the steps: each step and the steps it follows.
AFTER = {
    "s1": ("s3",),
    "s2": (),
    "s3": (),
    "s4": ("s3",),
    "s5": ("s4",),
    "s6": ("s1", "s2", "s4"),
    "s7": ("s3", "s1", "s6"),
    "s8": ("s7",),
    "s9": ("s7",),
    "s10": ("s9",),
    "s11": ("s9",),
    "s12": ("s10", "s11"),
    "s13": ("s12",),
    "s14": ("s12", "s13"),
    "s15": ("s14",),
}


class TestDependencies:
    def test_the_order_of_the_steps(self, calendar: PlanningCalendar) -> None:
        """Each step follows the steps the planning logic puts before it."""
        assert AFTER == {step.id: tuple(d.step for d in step.after) for step in calendar}

    def test_every_dependency_has_a_reason(self, calendar: PlanningCalendar) -> None:
        """Every `after` edge says why, in a sentence."""
        assert [] == [
            (step.id, d.step) for step in calendar for d in step.after if not d.reason.strip()
        ]

    def test_no_step_follows_itself(self, calendar: PlanningCalendar) -> None:
        """No step depends on itself."""
        assert [] == [step.id for step in calendar if step.id in {d.step for d in step.after}]

    def test_acyclic(self, calendar: PlanningCalendar) -> None:
        """The graph of `after` has no cycle (depth-first search)."""
        graph = {step.id: [d.step for d in step.after] for step in calendar}
        state: dict[str, str] = {}

        def visit(node: str, trail: list[str]) -> None:
            if state.get(node) == "done":
                return
            assert state.get(node) != "open", f"cycle: {' -> '.join([*trail, node])}"
            state[node] = "open"
            for before in graph[node]:
                visit(before, [*trail, node])
            state[node] = "done"

        for node in graph:
            visit(node, [])
        assert set(graph) == set(state)

    def test_possible_within_the_stated_periods(self, calendar: PlanningCalendar) -> None:
        """Each dependent step can start, after the step before it, within its own period."""
        impossible = []
        for step in calendar:
            for dependency in step.after:
                assert "days" == dependency.unit or 0 == dependency.lag
                before = calendar.step(dependency.step)
                earliest_finish = (before.period.start or D.min) + dt.timedelta(
                    days=before.duration - 1
                )
                earliest_start = max(
                    step.period.start or D.min,
                    earliest_finish + dt.timedelta(days=1 + dependency.lag),
                )
                latest_start = step.period.end - dt.timedelta(days=step.duration - 1)
                if earliest_start > latest_start:
                    impossible.append((dependency.step, step.id))
        assert [] == impossible


# -- files ------------------------------------------------------------------------------


class TestRoundTrip:
    @pytest.mark.parametrize("format", ["yaml", "json"])
    def test_load_dump_load(self, document: PlanningDocument, format: str) -> None:
        """Writing the document and reading it back gives the same document."""
        text = thaiplan.dumps_document(document, format=format)  # type: ignore[arg-type]
        assert document == thaiplan.load_document(io.StringIO(text))

    @pytest.mark.parametrize("format", ["yaml", "json"])
    def test_text_survives(self, document: PlanningDocument, format: str) -> None:
        """The written text is stable: texts that equality ignores (numbers, periods) survive."""
        text = thaiplan.dumps_document(document, format=format)  # type: ignore[arg-type]
        again = thaiplan.load_document(io.StringIO(text))
        assert text == thaiplan.dumps_document(again, format=format)  # type: ignore[arg-type]


class TestSnapshot:
    def test_golden_json(self, document: PlanningDocument) -> None:
        """The whole document, written as JSON, equals the golden snapshot."""
        actual = thaiplan.dumps_document(document, format="json")
        if os.environ.get("THAIPLAN_UPDATE_SNAPSHOTS") == "1":
            SNAPSHOT.parent.mkdir(exist_ok=True)
            SNAPSHOT.write_text(actual, encoding="utf-8")
            pytest.skip(f"snapshot written to {SNAPSHOT}")
        if not SNAPSHOT.is_file():
            pytest.fail(
                f"no snapshot at {SNAPSHOT}; write it with THAIPLAN_UPDATE_SNAPSHOTS=1 pytest"
                f" {Path(__file__).name}"
            )
        expected = SNAPSHOT.read_text(encoding="utf-8")
        assert json.loads(expected) == json.loads(actual), (
            "the document differs from its snapshot; if the change is intended, regenerate it"
            f" with THAIPLAN_UPDATE_SNAPSHOTS=1 pytest {Path(__file__).name} and review the diff"
        )
        assert expected == actual, (
            "same data, different text; regenerate with THAIPLAN_UPDATE_SNAPSHOTS=1"
        )
