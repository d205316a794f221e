"""The calendar as an Excel book, laid out like the seed's table (the ``xlsx`` extra).

Theory of operation. :func:`calendar_xlsx` writes three sheets:

``ปฏิทิน`` (the calendar)
    Row 1 the calendar's title, row 2 its province and fiscal year. Rows 3-4
    are the header, as in the circular's table: ขั้นตอน and วันเดือนปี (each
    over both rows), one column per month with the Buddhist-Era year above
    its months (``พ.ศ. ๒๕๖๑`` merged across them) and the month's
    abbreviation below, หน่วยงานที่เกี่ยวข้อง, the schedule columns when asked,
    and รหัส (the step's id). Then, for each run of steps of one phase, a
    section row with the phase's title, and one row a step: ``๑. title``, the
    stated period as written, the document's Gantt marks as text in their
    month columns (↔, or ● for a step of one day, as the seed writes them),
    the months of the scheduled bar (earliest start to earliest finish, from
    :func:`~thaiplan.schedule`) filled in colour beside them, and the
    responsible parties as ``- name`` lines. The header rows are frozen and
    repeat on every printed page; the page is A4 landscape, fitted to the
    width.
``ข้อค้นพบ`` (the findings)
    One row a finding of :func:`~thaiplan.validate`.
``ข้อมูล`` (the data)
    What the table needs to be read back and does not show: the format key,
    title, province, fiscal year, the year of bare Gantt marks, the source,
    the calendar's other keys (``scope``, ``year``, ``recurs``, ``as_of`` …),
    the phases (id and titles), the parties (by which the responsible cells
    are matched) and every key of a step that the table does not show
    (``after``, ``before``, ``duration`` …); see :mod:`thaiplan.io._xlsx_data`.

:func:`~thaiplan.read_calendar_xlsx` (in ``_xlsx_read``) reads this layout and
the seed's own table back. Text is written as text (never as a formula, a
number or a date), so that it reads back byte for byte; a character that an
xlsx file cannot hold (a control character) is a :exc:`~thaiplan.errors.ModelError`
naming the field.

The font is TH SarabunPSK by default (the Cabinet's national fonts of 2553
include the TH Sarabun family), marked with the Thai character set (222)
and the Swiss family, so that a machine without it falls back to a Thai
sans-serif font rather than to a Latin one.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final

from thaiplan.dates import MONTH_ABBREVIATIONS, ce_to_be, to_thai_digits
from thaiplan.errors import ModelError, ThaiplanError
from thaiplan.model._scope import fiscal_label

if TYPE_CHECKING:
    from thaiplan.checks._registry import Report
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar, Step
    from thaiplan.scheduling._schedule import Bounds

__all__ = ["calendar_xlsx"]

#: The key in cell B1 of the data sheet that marks a book written by thaiplan.
XLSX_FORMAT: Final = "thaiplan-calendar-xlsx/1"
SHEET_CALENDAR: Final = "ปฏิทิน"
SHEET_FINDINGS: Final = "ข้อค้นพบ"
SHEET_DATA: Final = "ข้อมูล"
HEAD_STEP: Final = "ขั้นตอน"
HEAD_WHEN: Final = "วันเดือนปี"
HEAD_RESPONSIBLE: Final = "หน่วยงานที่เกี่ยวข้อง"
HEAD_ID: Final = "รหัส"
#: The schedule columns, when asked for: header and the Bounds attribute.
SCHEDULE_COLUMNS: Final = (
    ("เริ่มได้เร็วสุด", "earliest_start"),
    ("เสร็จได้เร็วสุด", "earliest_finish"),
    ("เริ่มช้าสุด", "latest_start"),
    ("เสร็จช้าสุด", "latest_finish"),
    ("วันเหลือ (slack)", "total_slack"),
)
#: Labels of the data sheet's rows, in order (column A), and its two tables.
DATA_LABELS: Final = (
    "รูปแบบ (format)",
    "ชื่อปฏิทิน (title)",
    "จังหวัด (province)",
    "ปีงบประมาณ (fiscal year)",
    "ปีของตาราง (gantt year)",
    "ที่มา (source)",
)
DATA_PHASES: Final = "ช่วงของปฏิทิน (phases)"
DATA_PARTIES: Final = "หน่วยงานและคณะกรรมการ (parties)"
PHASE_HEADER: Final = ("รหัส (id)", "ชื่อ (title)", "ชื่อภาษาไทย (title_th)")
PARTY_HEADER: Final = (
    "รหัส (id)",
    "ชื่อ (name)",
    "ชนิด (agency/committee)",
    "ประเภท (kind)",
    "ระดับ (level)",
    "ชื่อย่อ (abbreviation)",
)
MARK_RANGE: Final = "↔"
MARK_DAY: Final = "●"
TITLE_ROW: Final = 1
HEADER_ROW: Final = 3
FIRST_ROW: Final = 5
DEFAULT_FONT: Final = "TH SarabunPSK"
#: Thai dates as calendars write them (๕ เม.ย. ๖๑): locale 041E (Thai), calendar 07
#: (Buddhist Era), digits D (Thai). LibreOffice reads this form and shows the
#: newer ``[$-th-TH,107]`` as a bare serial number.
THAI_DATE_FORMAT: Final = "[$-D07041E]d mmm yy"
#: How wrapped text fills a row, measured by rendering the seed's book with
#: LibreOffice in Laksaman (TLWG's TH Sarabun, which fontconfig puts in place of
#: TH SarabunPSK): a line of 14-point text takes 24 points (Thai stacks vowels
#: and tone marks above and below its letters), and a column of width w holds
#: about 0.85 w letters (52 Thai letters in the title column of width 60, 33 in
#: the parties' column of width 36).
LINE_POINTS: Final = 24
LETTERS_PER_WIDTH: Final = 0.85
#: Excel's limits: characters in a cell, columns in a sheet.
MAX_CELL: Final = 32767
MAX_COLUMNS: Final = 16384

_NOT_XML: Final = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BAR_FILL: Final = "BDD7EE"
_PHASE_FILL: Final = "E3EBF7"
_HEAD_FILL: Final = "F2F2F2"


def require_openpyxl() -> Any:
    """Import openpyxl, or say how to install it."""
    try:
        import openpyxl
    except ImportError:
        raise ModelError(
            "Excel files need the openpyxl library, which is not installed;"
            " install it with: pip install 'thaiplan[xlsx]'"
        ) from None
    return openpyxl


def cell_text(value: str, where: str) -> str:
    """Check that ``value`` fits in a cell; ``where`` names the field for the message.

    Raises:
        ModelError: A character an xlsx file cannot hold, or too long a text.
    """
    bad = _NOT_XML.search(value)
    if bad is not None:
        raise ModelError(
            f"{where}: {value!r} has the character U+{ord(bad.group()):04X} at position"
            f" {bad.start()}, which an xlsx file cannot hold; remove it"
        )
    if len(value) > MAX_CELL:
        raise ModelError(
            f"{where}: {len(value)} characters, more than an Excel cell holds ({MAX_CELL})"
        )
    return value


def step_label(step: Step) -> str:
    """The ขั้นตอน cell: ``๑. title``, or the title alone for a step without a number."""
    return f"{to_thai_digits(str(step.no))}. {step.title}" if step.no is not None else step.title


def mark_months(calendar: PlanningCalendar, step: Step) -> list[tuple[int, int]]:
    """The (CE year, month) of each Gantt mark of ``step``.

    Raises:
        ModelError: A bare month (``เม.ย.``) and no ``gantt_year`` to place it in.
    """
    if calendar.gantt_year is None:
        bare = [mark for mark in step.gantt if not re.search("[0-9๐-๙]", mark)]
        if bare:
            raise ModelError(
                f"step {step.id}: the Gantt mark {bare[0]!r} has no year and the calendar has"
                " no gantt_year; set gantt_year (the BE year of the table) or write the year"
                " in the mark ('ต.ค. ๖๑')"
            )
        return list(step.gantt_months(0))
    return list(step.gantt_months(calendar.gantt_year))


def _month_range(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _bar_months(bounds: Bounds | None) -> set[tuple[int, int]]:
    if bounds is None:
        return set()
    # an open start (nothing dates it) is drawn at the latest it can be
    start = bounds.earliest_start or bounds.latest_start
    finish = bounds.earliest_finish or bounds.latest_finish
    return set(_month_range((start.year, start.month), (finish.year, finish.month)))


def scheduled(subject: PlanningCalendar | PlanningDocument) -> dict[str, Bounds]:
    """The bounds of every step, or none when the calendar cannot be scheduled.

    A cycle, or a lag in working days past the years of the holiday data, leaves
    the schedule out rather than the whole file.
    """
    from thaiplan.scheduling._passes import schedule

    try:
        result = schedule(subject)
        return {step_id: result[step_id] for step_id, _ in result.items()}
    except ThaiplanError:
        return {}


def _analyse(
    subject: PlanningCalendar | PlanningDocument, findings: bool
) -> tuple[dict[str, Bounds], Report | None]:
    from thaiplan.checks._registry import validate

    result = scheduled(subject)
    report = None
    if findings:
        try:
            report = validate(subject)
        except ThaiplanError:
            report = None
    return result, report


def subject_calendar(
    subject: PlanningCalendar | PlanningDocument, function: str = "the export"
) -> PlanningCalendar:
    """The calendar of a calendar or a document (anything else is a ThaiplanTypeError)."""
    from thaiplan.scheduling._source import calendar_and_document

    calendar, _ = calendar_and_document(function, subject, "subject")
    return calendar


def calendar_xlsx(
    subject: PlanningCalendar | PlanningDocument,
    *,
    schedule_columns: bool = False,
    findings: bool = True,
    font: str = DEFAULT_FONT,
) -> bytes:
    """The calendar as an Excel book (xlsx), laid out like the circular's table.

    The inverse of :func:`~thaiplan.read_calendar_xlsx`, for everything the
    table shows.

    Args:
        subject: A calendar, or a document (whose resolutions' deadlines then
            count in the schedule and the findings).
        schedule_columns: Add the earliest and latest days and the slack of
            each step.
        findings: Add the sheet of findings of :func:`~thaiplan.validate`.
        font: The font of every cell (TH SarabunPSK; TH Sarabun New and
            TH SarabunIT๙ are of the same family).

    Returns:
        The bytes of the xlsx file.

    Raises:
        ModelError: openpyxl is not installed (``pip install 'thaiplan[xlsx]'``);
            a text holds a character an xlsx file cannot; a bare Gantt mark
            without a ``gantt_year``.

    >>> import io, thaiplan
    >>> data = calendar_xlsx(thaiplan.load_document("samut-sakhon-2563"))
    >>> import openpyxl
    >>> sheet = openpyxl.load_workbook(io.BytesIO(data))["ปฏิทิน"]
    >>> sheet["A3"].value, sheet["A6"].value.split()[:2]
    ('ขั้นตอน', ['๑.', 'ข้อมูลปัญหาและความต้องการจากโครงการ'])
    """
    openpyxl = require_openpyxl()
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    calendar = subject_calendar(subject, "calendar_xlsx")
    result, report = _analyse(subject, findings)
    marks = {step.id: mark_months(calendar, step) for step in calendar.steps}
    bars = {step.id: _bar_months(result.get(step.id)) for step in calendar.steps}
    touched = {month for months in marks.values() for month in months}
    touched.update(month for months in bars.values() for month in months)
    months = _month_range(min(touched), max(touched)) if touched else []
    first_month = 3
    responsible_col = first_month + len(months)
    extra = [header for header, _ in SCHEDULE_COLUMNS] if schedule_columns else []
    id_col = responsible_col + 1 + len(extra)
    if id_col > MAX_COLUMNS:
        raise ModelError(
            f"the calendar spans {len(months)} months, more columns than a sheet holds"
            f" ({MAX_COLUMNS}); check the stated periods and the Gantt marks"
        )

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET_CALENDAR
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain = Font(name=font, size=14, charset=222, family=2)
    bold = Font(name=font, size=14, bold=True, charset=222, family=2)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def put(row: int, column: int, value: object, *, style: Font = plain) -> Any:
        cell = sheet.cell(row=row, column=column)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text
        cell.font = style
        return cell

    last_col = id_col
    put(
        TITLE_ROW,
        1,
        cell_text(calendar.title, "the calendar's title"),
        style=Font(name=font, size=16, bold=True, charset=222, family=2),
    )
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    subtitle = f"{calendar.province} · {fiscal_label(calendar)}"
    put(2, 1, cell_text(subtitle, "the calendar's province"))
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)

    fill_head = PatternFill("solid", fgColor=_HEAD_FILL)
    heads = [(1, HEAD_STEP), (2, HEAD_WHEN), (responsible_col, HEAD_RESPONSIBLE)]
    heads += [(responsible_col + 1 + i, text) for i, text in enumerate(extra)]
    heads.append((id_col, HEAD_ID))
    for column, text in heads:
        put(HEADER_ROW, column, text, style=bold)
        sheet.merge_cells(
            start_row=HEADER_ROW, start_column=column, end_row=HEADER_ROW + 1, end_column=column
        )
    index = 0
    while index < len(months):
        year = months[index][0]
        end = index
        while end + 1 < len(months) and months[end + 1][0] == year:
            end += 1
        put(
            HEADER_ROW,
            first_month + index,
            f"พ.ศ. {to_thai_digits(str(ce_to_be(year)))}",
            style=bold,
        )
        if end > index:
            sheet.merge_cells(
                start_row=HEADER_ROW,
                start_column=first_month + index,
                end_row=HEADER_ROW,
                end_column=first_month + end,
            )
        index = end + 1
    for offset, (_, month) in enumerate(months):
        put(HEADER_ROW + 1, first_month + offset, MONTH_ABBREVIATIONS[month - 1], style=bold)
    for row in (HEADER_ROW, HEADER_ROW + 1):
        for column in range(1, last_col + 1):
            cell = sheet.cell(row=row, column=column)
            cell.fill, cell.border, cell.alignment = fill_head, border, centre

    widths = {1: 60, 2: 16, responsible_col: 36, id_col: 9}
    widths.update({responsible_col + 1 + i: 13 for i in range(len(extra))})
    column_of = {month: first_month + offset for offset, month in enumerate(months)}
    fill_bar = PatternFill("solid", fgColor=_BAR_FILL)
    fill_phase = PatternFill("solid", fgColor=_PHASE_FILL)
    titles = {phase.id: phase for phase in calendar.phases}
    row = FIRST_ROW
    previous: str | None = None
    for step in calendar.steps:
        if step.phase != previous:
            phase = titles.get(step.phase)
            title = phase.title if phase is not None else step.phase
            put(row, 1, cell_text(title, f"phase {step.phase}'s title"), style=bold)
            put(row, id_col, step.phase)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=id_col - 1)
            sheet.row_dimensions[row].height = LINE_POINTS
            for column in range(1, last_col + 1):
                cell = sheet.cell(row=row, column=column)
                cell.fill, cell.border = fill_phase, border
            previous = step.phase
            row += 1
        cell_text(step.title, f"step {step.id}'s title")
        put(row, 1, cell_text(step_label(step), f"step {step.id}'s title"))
        put(row, 2, cell_text(step.when, f"step {step.id}'s when"))
        symbol = MARK_DAY if step.dated and step.period.start == step.period.end else MARK_RANGE
        for marked in marks[step.id]:
            put(row, column_of[marked], symbol).alignment = centre
        for barred in bars[step.id]:
            sheet.cell(row=row, column=column_of[barred]).fill = fill_bar
        names = []
        for party_id in step.responsible:
            party = calendar.party(party_id)
            names.append(f"- {party.name if party is not None else party_id}")
        put(row, responsible_col, cell_text("\n".join(names), f"step {step.id}'s responsible"))
        if schedule_columns and step.id in result:
            bounds = result[step.id]
            for offset, (_, name) in enumerate(SCHEDULE_COLUMNS):
                value = getattr(bounds, name)
                cell = put(row, responsible_col + 1 + offset, value)
                if isinstance(value, dt.date):
                    cell.number_format = THAI_DATE_FORMAT
        put(row, id_col, step.id)
        lines = max(
            _lines(step_label(step), widths[1]),
            _lines(step.when, widths[2]),
            _lines("\n".join(names), widths[responsible_col]),
        )
        sheet.row_dimensions[row].height = lines * LINE_POINTS
        for column in range(1, last_col + 1):
            cell = sheet.cell(row=row, column=column)
            cell.border = border
            if column in (1, 2, responsible_col):
                cell.alignment = wrap
        row += 1

    for column in range(1, last_col + 1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(column, 6)
    sheet.freeze_panes = f"{get_column_letter(first_month)}{FIRST_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    _print_setup(sheet)

    if report is not None:
        _findings_sheet(book.create_sheet(SHEET_FINDINGS), report, plain, bold)
    from thaiplan.io._xlsx_data import write_data_sheet

    write_data_sheet(book.create_sheet(SHEET_DATA), calendar, plain, bold)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _lines(text: str, width: int) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide.

    Excel and LibreOffice do not fit the height of a row to its wrapped text
    when they open a file, so the writer sets it. Thai vowels and tone marks
    above and below a letter take no width.
    """
    count = 0
    for line in text.split("\n"):
        visible = sum(1 for char in line if unicodedata.category(char) not in ("Mn", "Me", "Cf"))
        count += max(1, math.ceil(visible / (width * LETTERS_PER_WIDTH)))
    return count


def _print_setup(sheet: Any) -> None:
    """A4 landscape, fitted to the page's width, narrow margins (inches, as Excel keeps them)."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6


def _findings_sheet(sheet: Any, report: Report, plain: Any, bold: Any) -> None:
    header = ("รหัส (code)", "ระดับ (severity)", "ขั้นตอน (steps)", "ข้อค้นพบ", "finding")
    for column, text in enumerate(header, 1):
        sheet.cell(row=1, column=column, value=text).font = bold
    for row, finding in enumerate(report.findings, 2):
        values = (
            finding.code,
            finding.severity.value,
            ", ".join(finding.steps),
            finding.message_th,
            finding.message_en,
        )
        for column, value in enumerate(values, 1):
            cell = sheet.cell(row=row, column=column)
            cell.value = cell_text(value, f"finding {finding.code}")
            cell.data_type = "s"
            cell.font = plain
    for letter, width in zip("ABCDE", (24, 12, 16, 70, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    _print_setup(sheet)
