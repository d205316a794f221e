"""The data sheet of a calendar's Excel book (``ข้อมูล``): what the table needs and does not show.

Theory of operation. :func:`write_data_sheet` writes, from the top, in column
A the label and in column B the value:

* rows 1-6: the format key (``thaiplan-calendar-xlsx/1``), the title, the
  province, the fiscal year (empty for a standing calendar's template), the
  BE year of the bare Gantt marks and the source;
* then one row a calendar key the calendar has beside those, labelled in Thai
  with the key in parentheses (``ขอบเขต (scope)``, ``ปีของวันที่ที่ไม่เขียนปี
  (year)``, ``ปฏิทินประจำ (recurs)``, ``ข้อมูล ณ วันที่ (as_of)``,
  ``ชื่อเรียกปฏิทิน (id)``, ``หมายเหตุ (notes)``, ``การแก้ไข (corrections)``,
  ``แผน (plans)``), as the calendar file writes them (a list or a mapping as
  JSON, see :mod:`thaiplan.io._xlsx_keys`);
* the table of phases (id, title, title_th);
* the table of parties (id, name, agency or committee, kind, level,
  abbreviation), then a column a key of theirs beyond those (``aliases``,
  ``code``, ``name_en``, ``order`` …), headed by the key;
* the table of steps, ``ขั้นตอน (steps)``: the step's id, then a column a key
  of a step that the table does not show (``after``, ``before``, ``duration``,
  ``meetings``, ``optional``, ``feeds``, ``notes``, ``corrections``, ``year``,
  ``gantt`` as written), headed by the key.

:func:`read_meta` reads it back; a book of an earlier thaiplan (rows 1-6,
phases and parties only) is read as well.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final, Protocol

from thaiplan.dates import to_arabic_digits
from thaiplan.errors import ModelError, ThaiplanError
from thaiplan.io._xlsx_keys import (
    CALENDAR_LABELS,
    calendar_arguments,
    calendar_keys,
    cell_value,
    make,
    party_keys,
    value_of_cell,
)

if TYPE_CHECKING:
    from thaiplan.model._organisations import Agency, Committee
    from thaiplan.model._steps import Phase, PlanningCalendar

__all__ = ["Meta", "read_meta", "write_data_sheet"]

DATA_STEPS: Final = "ขั้นตอน (steps)"
STEP_ID: Final = "รหัส (id)"
_KEY: Final = re.compile(r"\(([a-z_]+)\)\s*$")
_ORDER: Final = {key: index for index, key in enumerate(CALENDAR_LABELS)}
_AGENCY_SHOWN: Final = ("id", "name", "kind", "level")
_COMMITTEE_SHOWN: Final = ("id", "name", "abbreviation", "level")


class _Problems(Protocol):
    def problem(self, cell: str, message: str, sheet: str | None = None) -> None: ...


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch("[0-9๐-๙]+", value.strip()):
        return int(to_arabic_digits(value.strip()))
    return None


def _columns(keys: list[dict[str, Any]]) -> list[str]:
    """Every key of ``keys``, in the order they first come."""
    return list(dict.fromkeys(key for values in keys for key in values))


def write_data_sheet(sheet: Any, calendar: PlanningCalendar, plain: Any, bold: Any) -> None:
    """The data sheet of ``calendar``; :func:`read_meta` reads it."""
    from thaiplan.io._xlsx import (
        DATA_LABELS,
        DATA_PARTIES,
        DATA_PHASES,
        PARTY_HEADER,
        PHASE_HEADER,
        XLSX_FORMAT,
        cell_text,
    )
    from thaiplan.model._organisations import Agency, Committee
    from thaiplan.model._steps import PlanningCalendar, Step

    keys, steps = calendar_keys(calendar)
    rows: list[tuple[Any, ...]] = [
        (DATA_LABELS[0], XLSX_FORMAT),
        (DATA_LABELS[1], calendar.title),
        (DATA_LABELS[2], calendar.province),
        (DATA_LABELS[3], calendar.fiscal_year),
        (DATA_LABELS[4], calendar.gantt_year),
        (DATA_LABELS[5], calendar.source),
    ]
    rows += [
        (f"{CALENDAR_LABELS.get(key, key)} ({key})", cell_value(PlanningCalendar, key, value))
        for key, value in sorted(keys.items(), key=lambda item: _ORDER.get(item[0], len(_ORDER)))
    ]
    rows += [(), (DATA_PHASES,), PHASE_HEADER]
    rows += [(p.id, p.title, p.title_th) for p in calendar.phases]
    agency_keys = [party_keys(a, _AGENCY_SHOWN) for a in calendar.agencies]
    committee_keys = [party_keys(c, _COMMITTEE_SHOWN) for c in calendar.committees]
    extra = _columns([*agency_keys, *committee_keys])
    header = (*PARTY_HEADER, *extra)
    rows += [(), (DATA_PARTIES,), header]
    groups: tuple[tuple[type, tuple[Any, ...], list[dict[str, Any]]], ...] = (
        (Agency, calendar.agencies, agency_keys),
        (Committee, calendar.committees, committee_keys),
    )
    for cls, records, more in groups:
        for party, carried in zip(records, more, strict=True):
            shown = (
                (party.id, party.name, "agency", party.kind.value, party.level.value, "")
                if isinstance(party, Agency)
                else (party.id, party.name, "committee", "", party.level.value, party.abbreviation)
            )
            rows.append(
                (
                    *shown,
                    *(
                        cell_value(cls, key, carried[key]) if key in carried else None
                        for key in extra
                    ),
                )
            )
    step_columns = _columns(steps)
    step_header = (STEP_ID, *step_columns)
    rows += [(), (DATA_STEPS,), step_header]
    for step, carried in zip(calendar.steps, steps, strict=True):
        rows.append(
            (
                step.id,
                *(
                    cell_value(Step, key, carried[key]) if key in carried else None
                    for key in step_columns
                ),
            )
        )
    headers = (PHASE_HEADER, header, step_header)
    for row, line in enumerate(rows, 1):
        for column, value in enumerate(line, 1):
            if value is None:
                continue
            cell = sheet.cell(row=row, column=column)
            cell.value = (
                cell_text(value, f"the data sheet, row {row}") if isinstance(value, str) else value
            )
            if isinstance(value, str):
                cell.data_type = "s"
            cell.font = bold if len(line) == 1 or line in headers else plain
    for letter, width in zip("ABCDEF", (30, 50, 22, 30, 14, 20), strict=True):
        sheet.column_dimensions[letter].width = width


class Meta:
    """What thaiplan's data sheet holds."""

    def __init__(self) -> None:
        self.title = ""
        self.province = ""
        self.fiscal_year: int | None = None
        self.gantt_year: int | None = None
        self.source = ""
        self.phases: list[Phase] = []
        self.agencies: list[Agency] = []
        self.committees: list[Committee] = []
        #: The calendar's other keys (as a file writes them), and each step's by its id.
        self.keys: dict[str, Any] = {}
        self.key_rows: dict[str, int] = {}
        self.steps: dict[str, dict[str, Any]] = {}
        self.step_rows: dict[str, int] = {}

    def arguments(self, reader: _Problems) -> dict[str, Any]:
        """The calendar's keyword arguments of :attr:`keys`; a key refused is a problem at its row."""
        from thaiplan.io._xlsx import SHEET_DATA

        result: dict[str, Any] = {}
        for key, value in self.keys.items():
            try:
                result.update(calendar_arguments({key: value}))
            except ModelError as error:
                reader.problem(f"B{self.key_rows[key]}", str(error), SHEET_DATA)
        return result


def _labels(sheet: Any, row: int, first: int) -> dict[int, str]:
    """The column of each key a table's header row writes, from column ``first`` on."""
    texts = (
        (column, _text(sheet.cell(row, column).value))
        for column in range(first, sheet.max_column + 1)
    )
    return {column: text for column, text in texts if text}


def _table(sheet: Any, label: str, row: int) -> int:
    """The row of the header of the table under ``label``, searched from ``row`` (past the end if none)."""
    while row <= sheet.max_row and _text(sheet.cell(row, 1).value) != label:
        row += 1
    return row + 1


def read_meta(reader: _Problems, sheet: Any) -> Meta:
    """What the data sheet holds; each problem is put to ``reader`` at its cell."""
    from thaiplan.io._xlsx import DATA_PARTIES, DATA_PHASES, SHEET_DATA
    from thaiplan.model._organisations import Agency, Committee
    from thaiplan.model._steps import Phase, PlanningCalendar, Step

    meta = Meta()
    cell = sheet.cell
    meta.title = _text(cell(2, 2).value)
    meta.province = _text(cell(3, 2).value)
    row = 7
    while row <= sheet.max_row and _text(cell(row, 1).value):
        found = _KEY.search(_text(cell(row, 1).value))
        if found is not None:
            meta.key_rows[found.group(1)] = row
            try:
                meta.keys[found.group(1)] = value_of_cell(
                    PlanningCalendar, found.group(1), cell(row, 2).value
                )
            except ValueError as error:
                reader.problem(f"B{row}", f"cannot read this key's JSON: {error}", SHEET_DATA)
        row += 1
    meta.fiscal_year = _whole(cell(4, 2).value)
    if meta.fiscal_year is None and (
        cell(4, 2).value not in (None, "") or "recurs" not in meta.keys
    ):
        reader.problem(
            "B4", f"expected the fiscal year (2563), not {cell(4, 2).value!r}", SHEET_DATA
        )
    if cell(5, 2).value not in (None, ""):
        meta.gantt_year = _whole(cell(5, 2).value)
        if meta.gantt_year is None:
            reader.problem(
                "B5", f"expected the table's BE year (2561), not {cell(5, 2).value!r}", SHEET_DATA
            )
    meta.source = _text(cell(6, 2).value)
    row = _table(sheet, DATA_PHASES, row) + 1
    while row <= sheet.max_row and _text(cell(row, 1).value):
        try:
            meta.phases.append(
                Phase(
                    _text(cell(row, 1).value), _text(cell(row, 2).value), _text(cell(row, 3).value)
                )
            )
        except ThaiplanError as error:
            reader.problem(f"A{row}", str(error), SHEET_DATA)
        row += 1
    row = _table(sheet, DATA_PARTIES, row)
    extra = _labels(sheet, row, 7)
    row += 1
    while row <= sheet.max_row and _text(cell(row, 1).value):
        shown = [_text(cell(row, column).value) for column in range(1, 7)]
        cls: type = Committee if shown[2] == "committee" else Agency
        try:
            more = {key: value_of_cell(cls, key, cell(row, c).value) for c, key in extra.items()}
            more = {key: value for key, value in more.items() if value is not None}
            if shown[2] == "committee":
                meta.committees.append(
                    make(
                        Committee,
                        {
                            "id": shown[0],
                            "name": shown[1],
                            "abbreviation": shown[5],
                            "level": shown[4] or "province",
                            **more,
                        },
                    )
                )
            elif shown[2] == "agency":
                meta.agencies.append(
                    make(
                        Agency,
                        {
                            "id": shown[0],
                            "name": shown[1],
                            "kind": shown[3] or "other",
                            "level": shown[4] or "province",
                            **more,
                        },
                    )
                )
            else:
                reader.problem(
                    f"C{row}", f"expected 'agency' or 'committee', not {shown[2]!r}", SHEET_DATA
                )
        except (ThaiplanError, ValueError) as error:
            reader.problem(f"A{row}", f"cannot read this party: {error}", SHEET_DATA)
        row += 1
    row = _table(sheet, DATA_STEPS, row)
    if row > sheet.max_row:
        return meta  # a book of an earlier thaiplan: no table of steps
    columns = _labels(sheet, row, 2)
    row += 1
    while row <= sheet.max_row and _text(cell(row, 1).value):
        step_id = _text(cell(row, 1).value)
        values: dict[str, Any] = {}
        for column, key in columns.items():
            value = cell(row, column).value
            if value is None:
                continue
            try:
                values[key] = value_of_cell(Step, key, value)
            except ValueError as error:
                letter = sheet.cell(row, column).column_letter
                reader.problem(f"{letter}{row}", f"cannot read {key!r}: {error}", SHEET_DATA)
        meta.steps[step_id] = values
        meta.step_rows[step_id] = row
        row += 1
    return meta
