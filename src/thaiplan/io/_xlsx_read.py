"""Reading a calendar table back from an Excel book (the ``xlsx`` extra).

Theory of operation. :func:`read_calendar_xlsx` reads two layouts: the one
:func:`~thaiplan.calendar_xlsx` writes (recognised by its data sheet,
``ข้อมูล``, whose cell B1 holds the format key), and the seed's own table as
planning offices type it. The passes:

1. **Find the table.** The header row is the first row (of the first 40)
   with a cell ``ขั้นตอน``; in it, ``วันเดือนปี``, ``หน่วยงานที่เกี่ยวข้อง``
   and ``รหัส`` (the id column, thaiplan's layout only). The row below holds
   the month abbreviations (any spelling thaiplan reads: ม.ค., มค, มกราคม);
   the year of each month column is the ``พ.ศ. ๒๕๖๑`` above it or, under a
   merged or empty cell, the year of the column before, plus one when the
   months wrap from ธ.ค. to ม.ค.
2. **Rows.** Below the header, a blank row is skipped; a row with nothing in
   วันเดือนปี is a phase's section row, unless it is numbered (``๗. title``:
   a step the document gives no date); any other row is a step: its number
   and title from ``๑. title``, its stated period from วันเดือนปี, its Gantt
   marks from the month columns (↔, ●, and the other marks offices use; a
   colour fill alone is a bar, not a mark), and its parties from the lines
   of the responsible cell (``- name`` items, or items joined on one line by
   `` - `` as text copied from a scan has them).
3. **Parties by name.** Each name is matched to an agency or committee:
   those of the data sheet in thaiplan's layout, else those of ``like`` (a
   calendar or document), by every name, abbreviation and alias they have,
   exactly and then normalised (spaces, dashes, Thai digits). Without
   either, each new name becomes an agency of its own.
4. **Keys.** In thaiplan's layout, every key the table does not show (the
   calendar's ``scope``, ``year``, ``recurs``, ``as_of`` …, a step's
   ``after``, ``before``, ``duration`` …) comes from the data sheet
   (``_xlsx_data``); a step's Gantt marks as written are kept where they
   mark the months its row shows. Dates written without a year are read in
   the year the calendar's keys give them.
5. **Problems.** Every problem (a period that cannot be read, an unknown
   mark, an unknown or ambiguous name, a missing header, fiscal year or
   province) is a :class:`~thaiplan.errors.CellProblem` at its cell, and
   all of them are raised together as one
   :exc:`~thaiplan.errors.CalendarFileError`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
import re
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from thaiplan.dates import (
    MONTH_ABBREVIATIONS,
    MONTH_VARIANTS,
    Period,
    format_date,
    format_period,
    parse_period,
)
from thaiplan.dates._text import BE_OFFSET, _normalise, normalise, to_arabic_digits
from thaiplan.errors import (
    CalendarFileError,
    CellProblem,
    FileProblem,
    ThaiDateError,
    ThaiplanError,
    ThaiplanTypeError,
)
from thaiplan.io._xlsx import (
    HEAD_ID,
    HEAD_RESPONSIBLE,
    HEAD_STEP,
    HEAD_WHEN,
    SHEET_CALENDAR,
    SHEET_DATA,
    XLSX_FORMAT,
    require_openpyxl,
)
from thaiplan.io._xlsx_data import Meta, read_meta
from thaiplan.io._xlsx_keys import make, same_marks, with_years

if TYPE_CHECKING:
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._organisations import Agency, Committee
    from thaiplan.model._steps import Phase, PlanningCalendar, Step

__all__ = ["read_calendar_xlsx"]

#: What offices put in a month column to mark it.
MARKS: Final = frozenset({"↔", "⟷", "<->", "<-->", "●", "•", "◆", "✓", "✔", "x", "X", "/"})
_NUMBERED: Final = re.compile(r"([0-9๐-๙]+)\. ")
_YEAR: Final = re.compile(r"(?:พ\.ศ\.\s*)?([0-9๐-๙]{4})")
_FISCAL: Final = re.compile(r"ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?([0-9๐-๙]{4})")
_BULLET: Final = re.compile(r"^\s*[-•●▪]\s?")
_SLUG: Final = re.compile(r"[^a-z0-9]+")

Source = str | os.PathLike[str] | bytes | IO[bytes]


def _read_bytes(source: Source) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            return path.read_bytes(), str(path)
        except OSError as error:
            raise CalendarFileError(
                str(path),
                [FileProblem(str(path), None, None, "", f"cannot read: {error.strerror}")],
            ) from None
    if not hasattr(source, "read"):
        raise ThaiplanTypeError(
            "read_calendar_xlsx(source)", source, "a path, the bytes of a file or a binary file"
        )
    data, name = source.read(), str(getattr(source, "name", "<stream>"))
    if not isinstance(data, bytes):
        raise ThaiplanTypeError(f"what {name} read", data, "bytes (open the file with 'rb')")
    return data, name


def _text(value: object) -> str:
    """A cell's value as the text it shows."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return format_date(value.date(), style="abbr")
    if isinstance(value, dt.date):
        return format_date(value, style="abbr")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Reader:
    """The state of one reading: the book's name, the problems found, the parties."""

    def __init__(self, name: str, sheet: str) -> None:
        self.name = name
        self.sheet = sheet
        self.problems: list[FileProblem] = []

    def problem(self, cell: str, message: str, sheet: str | None = None) -> None:
        self.problems.append(CellProblem(self.name, sheet or self.sheet, cell, message))


class _Names:
    """Parties by every name they go by, exactly and normalised."""

    def __init__(self, parties: list[Agency | Committee], *, all_names: bool) -> None:
        self.exact: dict[str, list[str]] = {}
        self.loose: dict[str, list[str]] = {}
        self.known = bool(parties)
        for party in parties:
            names = party.names if all_names else (party.name, getattr(party, "abbreviation", ""))
            for name in dict.fromkeys(n for n in names if n):
                self.exact.setdefault(name, []).append(party.id)
                self.loose.setdefault(normalise(name), []).append(party.id)

    def find(self, name: str) -> list[str] | None:
        ids = self.exact.get(name)
        if ids is None:
            ids = self.loose.get(normalise(name))
        return list(dict.fromkeys(ids)) if ids else None

    def suggest(self, name: str) -> str:
        close = difflib.get_close_matches(name, list(self.exact), n=1, cutoff=0.6)
        return f"; did you mean {close[0]!r}?" if close else ""


def _slug(title: str) -> str:
    return _SLUG.sub("-", normalise(title).lower()).strip("-")


def read_calendar_xlsx(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    like: PlanningCalendar | PlanningDocument | None = None,
    sheet: str | None = None,
    province: str | None = None,
    fiscal_year: int | None = None,
) -> PlanningCalendar:
    """Read a calendar table from an Excel book; the inverse of :func:`~thaiplan.calendar_xlsx`.

    Args:
        source: The path of an xlsx file, its bytes, or a binary file object.
        like: A calendar or document to match the table against (for a
            table thaiplan did not write): its parties are matched by name,
            its phases by title, its steps by number (for their ids), and it
            gives the province, fiscal year and the year of the table when
            the book does not. Its parties come along in the result.
        sheet: The sheet of the table (default: ``ปฏิทิน``, else the first
            sheet with a ``ขั้นตอน`` header).
        province: The province, when neither the book nor ``like`` gives it.
        fiscal_year: The BE fiscal year, likewise (else read from the title,
            ``... ปีงบประมาณ พ.ศ. ๒๕๖๓``).

    Raises:
        CalendarFileError: The file cannot be read, or the table has
            problems; each is a :class:`~thaiplan.errors.CellProblem` at its cell.
        ModelError: openpyxl is not installed (``pip install 'thaiplan[xlsx]'``).

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> again = read_calendar_xlsx(thaiplan.calendar_xlsx(calendar))
    >>> again.step("s7").when, again.step("s7").gantt, again.step("s7").responsible
    ('มิ.ย. - ก.ค. ๖๑', ('ก.ค.',), ('agencies-in-province', 'all-districts'))
    """
    openpyxl = require_openpyxl()
    data, name = _read_bytes(source)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise CalendarFileError(
            name, [FileProblem(name, None, None, "", f"not an xlsx file that can be read: {error}")]
        ) from None
    return read_table(
        book, name, like=like, sheet=sheet, province=province, fiscal_year=fiscal_year
    )


def _letter(column: int) -> str:
    """The letters of a column (1 is A, 27 is AA)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_table(
    book: Any,
    name: str,
    *,
    like: PlanningCalendar | PlanningDocument | None = None,
    sheet: str | None = None,
    province: str | None = None,
    fiscal_year: int | None = None,
    title: str = "",
) -> PlanningCalendar:
    """The calendar of the table in ``book`` (an openpyxl book, or one like it); ``title`` is its title when none is above it.

    The passes are those of the module's theory of operation.
    """
    from thaiplan.model._organisations import Agency
    from thaiplan.model._steps import PlanningCalendar, Step

    reference: PlanningCalendar | None = None
    if like is not None:
        reference = like if isinstance(like, PlanningCalendar) else like.calendar
    reader = _Reader(name, sheet or SHEET_CALENDAR)
    meta: Meta | None = None
    if SHEET_DATA in book.sheetnames and book[SHEET_DATA]["B1"].value == XLSX_FORMAT:
        meta = read_meta(reader, book[SHEET_DATA])

    found = _find_sheet(book, sheet)
    if found is None:
        where = f"sheet {sheet!r}" if sheet else "any sheet"
        if sheet is not None and sheet not in book.sheetnames:
            message = f"no sheet {sheet!r}; the book has: {', '.join(book.sheetnames)}"
        else:
            message = f"no table in {where}: no cell 'ขั้นตอน' in the first 40 rows"
        raise CalendarFileError(name, [CellProblem(name, sheet or book.sheetnames[0], "", message)])
    ws, header, step_col = found
    reader.sheet = ws.title
    get = ws.cell

    columns: dict[str, int] = {}
    for column in range(1, ws.max_column + 1):
        label = _normalise(_text(get(header, column).value))
        for key in (HEAD_WHEN, HEAD_RESPONSIBLE, HEAD_ID):
            if label == key and key not in columns:
                columns[key] = column
        label_below = _normalise(_text(get(header + 1, column).value))
        if label_below == HEAD_RESPONSIBLE and HEAD_RESPONSIBLE not in columns:
            columns[HEAD_RESPONSIBLE] = column
    letter = _letter
    if HEAD_WHEN not in columns:
        reader.problem(f"{letter(step_col + 1)}{header}", "no column 'วันเดือนปี' in the header row")
    # Month columns and their years.
    months: dict[int, tuple[int, int]] = {}
    year: int | None = None
    last_month = 0
    first_year: int | None = None
    for column in range(1, ws.max_column + 1):
        month = MONTH_VARIANTS.get(_normalise(_text(get(header + 1, column).value)))
        if month is None:
            continue
        above = _YEAR.fullmatch(_normalise(_text(get(header, column).value)))
        if above is not None:
            year = int(to_arabic_digits(above.group(1)))
        elif year is not None and month <= last_month:
            year += 1
        if year is None:
            fallback = (meta.gantt_year if meta else None) or (
                reference.gantt_year if reference else None
            )
            if fallback is None:
                reader.problem(
                    f"{letter(column)}{header}",
                    "no year above the months (พ.ศ. ๒๕๖๑); write it above the first month",
                )
                break
            year = fallback
        first_year = first_year if first_year is not None else year
        months[column] = (year, month)
        last_month = month

    gantt_year = meta.gantt_year if meta is not None else None
    if meta is None:
        gantt_year = (reference.gantt_year if reference else None) or first_year
    # The parties and phases the table's names are matched against.
    if meta is not None:
        parties: list[Agency | Committee] = [*meta.agencies, *meta.committees]
        names = _Names(parties, all_names=False)
    elif reference is not None:
        parties = [*reference.agencies, *reference.committees]
        names = _Names(parties, all_names=True)
    else:
        parties = []
        names = _Names([], all_names=False)
    new_agencies: dict[str, Agency] = {}
    phases: dict[str, Phase] = {}
    by_title: dict[str, str] = {}
    if meta is not None:
        phases = {phase.id: phase for phase in meta.phases}
    steps: list[Step] = []
    pending: list[tuple[int, dict[str, Any]]] = []
    step_ids: dict[str, int] = {}
    numbers = {s.no: s.id for s in reference.steps if s.no is not None} if reference else {}
    current: str | None = None
    title_above = ""
    for row in range(1, header):
        for column in range(1, ws.max_column + 1):
            text = _text(get(row, column).value).strip()
            if text and not title_above:
                title_above = text
    title_above = title_above or title
    when_col = columns.get(HEAD_WHEN, step_col + 1)
    for row in range(header + 2, ws.max_row + 1):
        label = _text(get(row, step_col).value)
        when = _text(get(row, when_col).value)
        responsible = (
            _text(get(row, columns[HEAD_RESPONSIBLE]).value)
            if (HEAD_RESPONSIBLE in columns)
            else ""
        )
        row_id = _text(get(row, columns[HEAD_ID]).value) if HEAD_ID in columns else ""
        marks = {c: _text(get(row, c).value).strip() for c in months}
        if not when.strip() and not _NUMBERED.match(label):  # a numbered row is a step with no date
            if not (label.strip() or row_id or responsible.strip() or any(marks.values())):
                continue  # a blank row
            current = _section(reader, row, label, row_id, meta, reference, phases, by_title)
            continue
        if current is None:
            reader.problem(
                f"{letter(step_col)}{row}",
                "a step before any phase row; add a row with the phase's title above it",
            )
            current = ""
        carried = meta.steps.get(row_id, {}) if meta is not None else {}
        try:
            if when.strip():
                parse_period(when)  # read again with the step's year, if it has one
        except ThaiDateError as error:
            given = meta is not None and ({"year", "recurs"} & set(meta.keys) or "year" in carried)
            if error.reason != "missing_year" or not given:
                reader.problem(f"{letter(when_col)}{row}", f"cannot read {when!r}: {error}")
                when = ""
        except ThaiplanError as error:
            reader.problem(f"{letter(when_col)}{row}", f"cannot read {when!r}: {error}")
            when = ""
        match = _NUMBERED.match(label)
        no = int(to_arabic_digits(match.group(1))) if match else None
        title = label[match.end() :] if match else label
        gantt: list[str] = []
        for column, mark in marks.items():
            if not mark:
                continue
            if mark not in MARKS:
                reader.problem(
                    f"{letter(column)}{row}",
                    f"unknown mark {mark!r} in a month column; expected ↔ or ● (or empty)",
                )
                continue
            be, month = months[column]
            gantt.append(
                MONTH_ABBREVIATIONS[month - 1]
                if be == gantt_year
                else format_period(Period.month(be - BE_OFFSET, month))
            )
        ids: list[str] = []
        cell = f"{letter(columns.get(HEAD_RESPONSIBLE, 1))}{row}"
        for item in _items(responsible, names):
            found_ids = names.find(item)
            if found_ids is None and not names.known:
                agency = new_agencies.get(item)
                if agency is None:
                    agency = Agency(f"party-{len(new_agencies) + 1}", item)
                    new_agencies[item] = agency
                found_ids = [agency.id]
            if found_ids is None:
                reader.problem(
                    cell, f"no agency or committee is called {item!r}{names.suggest(item)}"
                )
            elif len(found_ids) > 1:
                reader.problem(
                    cell, f"{item!r} names more than one party ({', '.join(found_ids)}); rename one"
                )
            elif found_ids[0] not in ids:
                ids.append(found_ids[0])
        step_id = (
            row_id
            or (numbers.get(no) if no is not None else None)
            or (f"s{no}" if no is not None else f"row-{row}")
        )
        if step_id in step_ids:
            reader.problem(
                f"{letter(columns.get(HEAD_ID, step_col))}{row}",
                f"step id {step_id!r} again (first in row {step_ids[step_id]})",
            )
            continue
        step_ids[step_id] = row
        if not when and _text(get(row, when_col).value).strip():
            continue  # reported above
        values = {**carried, "id": step_id, "no": no, "phase": current, "title": title}
        values.update(when=when, responsible=ids)
        # the marks as written, where they mark the months the table shows
        if "gantt" not in carried or not same_marks(carried["gantt"], gantt, gantt_year):
            values["gantt"] = gantt
        pending.append((row, values))

    title = (
        meta.title if meta is not None else (title_above or (reference.title if reference else ""))
    )
    the_province = (
        meta.province
        if meta is not None
        else (province or (reference.province if reference else ""))
    )
    year_of_plan = (
        meta.fiscal_year
        if meta is not None
        else (fiscal_year or (reference.fiscal_year if reference else None))
    )
    if year_of_plan is None:
        found_year = _FISCAL.search(_normalise(title))
        year_of_plan = int(to_arabic_digits(found_year.group(1))) if found_year else None
    if meta is None and not the_province:
        reader.problem(
            "A1",
            "the book does not say the province; pass province= or like= (thaiplan import --province or --like)",
        )
    if year_of_plan is None and meta is None:
        reader.problem(
            "A1",
            "the book does not say the fiscal year (ปีงบประมาณ); pass fiscal_year= or like="
            " (thaiplan import --fiscal-year or --like)",
        )
    keys = meta.keys if meta is not None else {}
    years = with_years([values for _, values in pending], keys, year_of_plan)
    for (row, _), values in zip(pending, years, strict=True):
        try:
            steps.append(make(Step, values))
        except ThaiplanError as error:
            reader.problem(f"{letter(step_col)}{row}", f"cannot make this step: {error}")
    made = {step.id for step in steps}
    for step in steps:  # the data sheet's dependencies name steps of the table
        for key, dependencies in (("after", step.after), ("before", step.before)):
            for missing in [d.step for d in dependencies if d.step not in made]:
                row = meta.step_rows.get(step.id, 1) if meta is not None else 1
                reader.problem(
                    f"A{row}",
                    f"step {step.id!r}: its {key} names {missing!r}, which is no step of the"
                    " table; write the id of a step (the รหัส column) or delete it",
                    SHEET_DATA,
                )
    arguments = meta.arguments(reader) if meta is not None else {}
    if reader.problems:
        raise CalendarFileError(name, reader.problems)
    used = {step.phase for step in steps}
    if meta is not None:
        phase_list = list(meta.phases)
    else:
        phase_list = [phases[pid] for pid in phases if pid in used]
    agencies = [*(meta.agencies if meta else reference.agencies if reference else ())]
    agencies += list(new_agencies.values())
    committees = list(meta.committees if meta else reference.committees if reference else ())
    try:
        return PlanningCalendar(
            title,
            the_province,
            year_of_plan,
            phase_list,
            steps,
            agencies,
            committees,
            gantt_year=gantt_year,
            source=meta.source if meta is not None else f"{name}, sheet {ws.title}",
            **{
                "plans": reference.plans if (reference is not None and meta is None) else (),
                **arguments,
            },
        )
    except ThaiplanError as error:
        raise CalendarFileError(name, [CellProblem(name, ws.title, "", str(error))]) from None


def _find_sheet(book: Any, sheet: str | None) -> tuple[Any, int, int] | None:
    """The sheet of the table, its header row and the column of ขั้นตอน."""
    if sheet is not None:
        candidates = [book[sheet]] if sheet in book.sheetnames else []
    else:
        candidates = sorted(book.worksheets, key=lambda ws: ws.title != SHEET_CALENDAR)
    for ws in candidates:
        for row in range(1, min(ws.max_row, 40) + 1):
            for column in range(1, min(ws.max_column, 40) + 1):
                if _normalise(_text(ws.cell(row, column).value)) == HEAD_STEP:
                    return ws, row, column
    return None


def _section(
    reader: _Reader,
    row: int,
    label: str,
    row_id: str,
    meta: Meta | None,
    reference: PlanningCalendar | None,
    phases: dict[str, Phase],
    by_title: dict[str, str],
) -> str:
    """The id of the phase a section row names (made, found, or reported)."""
    from thaiplan.model._steps import Phase

    if meta is not None:
        if row_id not in phases:
            reader.problem(f"A{row}", f"phase {row_id!r} is not in the data sheet's phases")
        return row_id
    key = normalise(label)
    if key in by_title:
        return by_title[key]
    if reference is not None:
        for phase in reference.phases:
            if key in (normalise(phase.title), normalise(phase.title_th)):
                phases[phase.id] = phase
                by_title[key] = phase.id
                return phase.id
    phase_id = _slug(label) or f"phase-{len(phases) + 1}"
    while phase_id in phases:
        phase_id = f"{phase_id}-{len(phases) + 1}"
    phases[phase_id] = Phase(phase_id, label.strip())
    by_title[key] = phase_id
    return phase_id


def _items(cell: str, names: _Names) -> list[str]:
    """The names of a responsible cell: its lines, less their ``- `` bullets."""
    items: list[str] = []
    for line in cell.split("\n"):
        if not line.strip():
            continue
        item = _BULLET.sub("", line, count=1)
        if names.find(item) is None and names.find(item.strip()) is not None:
            item = item.strip()
        if names.find(item) is None and " - " in item:
            pieces = [piece.strip() for piece in item.split(" - ")]
            if not names.known or all(names.find(piece) is not None for piece in pieces):
                items.extend(piece for piece in pieces if piece)
                continue
        items.append(item if names.find(item) is not None else item.strip())
    return items
