"""The calendar, or the whole circular, as a Word document (the ``docx`` extra).

Theory of operation. :func:`calendar_docx` writes, with python-docx:

- for a calendar, the calendar as the attachment table of a circular: its
  title, then the table of the seed (ขั้นตอน, วันเดือนปี, one column a month
  under its Buddhist-Era year, from the first month marked or stated to the
  last, หน่วยงานที่เกี่ยวข้อง), phases as section rows,
  the document's Gantt marks (↔, or ● for one day) in their months, the
  parties as ``- name`` lines. The two header rows repeat on every page
  (``w:tblHeader``), and the table has a landscape A4 section of its own;
- for a document with a letter, the whole circular before it, laid out as
  an external letter (หนังสือภายนอก) of the ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ:
  the space of the Garuda (ครุฑ, 3 cm high, 1.5 cm below the top of the
  page; the emblem itself is not drawn), ที่ at the left and the issuing
  office (ส่วนราชการเจ้าของหนังสือ) with its address at the right, the date,
  เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, the body with its paragraphs indented,
  the closing and the signature block, the owner unit with its phone, fax
  and e-mail; then the distribution list (บัญชีแนบท้ายหนังสือ) on a page of
  its own; then the calendar.

Page setup (documented in the how-to page): A4, margins left 3 cm and right
2 cm (as the government's guidance on typing official letters gives them),
top 1.5 cm (where the Garuda begins) and bottom 2 cm; single line spacing;
TH SarabunPSK at 16 points (the Cabinet's resolution of 7 September 2553
adopted the 13 national fonts, TH Sarabun PSK among them, and offices type
letters in it at 16 points), the table at 14. Every run sets the font in all
four slots of ``w:rFonts``, the complex-script one (``w:cs``) included, and
its size in both ``w:sz`` and ``w:szCs``: Word lays Thai out with the
complex-script font and size, which python-docx's ``font.name`` and
``font.size`` leave unset. Numbers that thaiplan writes (the count of an
enclosure, the number of a recipient or a step) are in Thai digits, the
official style; the document's own text is kept as written.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any, Final

from thaiplan.dates import MONTH_ABBREVIATIONS, ce_to_be, to_thai_digits
from thaiplan.errors import ModelError
from thaiplan.io._xlsx import MARK_DAY, MARK_RANGE, mark_months, step_label, subject_calendar

if TYPE_CHECKING:
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._letters import Letter
    from thaiplan.model._steps import PlanningCalendar

__all__ = ["calendar_docx"]

DEFAULT_FONT: Final = "TH SarabunPSK"
LETTER_SIZE: Final = 16
TABLE_SIZE: Final = 14
#: A4 in cm, and the margins: left, right, top, bottom.
PAGE: Final = (21.0, 29.7)
MARGINS: Final = (3.0, 2.0, 1.5, 2.0)
GARUDA_CM: Final = 3.0
#: Word's most columns in a table.
MAX_COLUMNS: Final = 63
_NOT_XML: Final = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _require() -> Any:
    try:
        import docx
    except ImportError:
        raise ModelError(
            "Word files need the python-docx library, which is not installed;"
            " install it with: pip install 'thaiplan[docx]'"
        ) from None
    return docx


def _check(value: str, where: str) -> str:
    bad = _NOT_XML.search(value)
    if bad is not None:
        raise ModelError(
            f"{where}: {value!r} has the character U+{ord(bad.group()):04X} at position"
            f" {bad.start()}, which a Word file cannot hold; remove it"
        )
    return value


class _Writer:
    """A python-docx document and the font every run gets."""

    def __init__(self, docx: Any, font: str) -> None:
        from docx.shared import Cm, Pt

        self.docx = docx
        self.font = font
        self.Cm, self.Pt = Cm, Pt
        self.document = docx.Document()
        section = self.document.sections[0]
        self._page(section, landscape=False)
        normal = self.document.styles["Normal"]
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.line_spacing = 1.0
        self._fonts(normal.element.get_or_add_rPr(), LETTER_SIZE)

    def _page(self, section: Any, *, landscape: bool) -> None:
        from docx.enum.section import WD_ORIENT

        width, height = PAGE
        if landscape:
            width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = self.Cm(width), self.Cm(height)
        left, right, top, bottom = MARGINS
        section.left_margin, section.right_margin = self.Cm(left), self.Cm(right)
        section.top_margin, section.bottom_margin = self.Cm(top), self.Cm(bottom)

    def _fonts(self, rpr: Any, size: int) -> None:
        """Set the font in all four slots, and the size for Latin and complex script."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        fonts = rpr.get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(slot), self.font)
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)
            element.set(qn("w:val"), str(size * 2))
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:bidi"), "th-TH")

    def run(
        self, paragraph: Any, text: str, where: str, *, bold: bool = False, size: int = LETTER_SIZE
    ) -> Any:
        text = _check(text, where)
        if "\r" in text:  # python-docx makes a carriage return a line break, read back as "\n"
            run = paragraph.add_run()
            run._r.add_t(text)  # kept in the text, written &#13;, read back as "\r"
        else:
            run = paragraph.add_run(text)
        run.bold = bold or None
        self._fonts(run._r.get_or_add_rPr(), size)
        return run

    def line(
        self,
        text: str,
        where: str,
        *,
        bold: bool = False,
        indent: float = 0.0,
        first: float = 0.0,
        align: str | None = None,
        size: int = LETTER_SIZE,
        tab: float | None = None,
    ) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = self.document.add_paragraph()
        if indent:
            paragraph.paragraph_format.left_indent = self.Cm(indent)
        if first:
            paragraph.paragraph_format.first_line_indent = self.Cm(first)
        if tab is not None:
            paragraph.paragraph_format.tab_stops.add_tab_stop(self.Cm(tab))
        if align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "justify":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.THAI_JUSTIFY
        if text:
            self.run(paragraph, text, where, bold=bold, size=size)
        return paragraph

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        run = self.document.add_paragraph().add_run()
        self._fonts(run._r.get_or_add_rPr(), LETTER_SIZE)
        run.add_break(WD_BREAK.PAGE)

    def landscape(self) -> None:
        from docx.enum.section import WD_SECTION

        self._page(self.document.add_section(WD_SECTION.NEW_PAGE), landscape=True)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def calendar_docx(
    subject: PlanningCalendar | PlanningDocument,
    *,
    font: str = DEFAULT_FONT,
    letter: bool = True,
) -> bytes:
    r"""The calendar as the attachment table of a circular, or the whole circular, as a docx file.

    Args:
        subject: A calendar, or a document: with ``letter`` and a letter in the
            document, the whole circular comes before the calendar (the letter,
            its distribution list), laid out as a government letter.
        font: The font of every run (TH SarabunPSK; TH SarabunIT๙ and TH Sarabun
            New are of the same family).
        letter: Write the letter of a document; ``False`` writes the calendar only.

    Returns:
        The bytes of the docx file.

    Raises:
        ModelError: python-docx is not installed (``pip install 'thaiplan[docx]'``);
            a text holds a character a Word file cannot; the table would need
            more columns than Word has; a bare Gantt mark without a ``gantt_year``.

    >>> import io, thaiplan, docx
    >>> data = calendar_docx(thaiplan.load_document("samut-sakhon-2563"))
    >>> word = docx.Document(io.BytesIO(data))
    >>> word.paragraphs[1].text.split("\t")
    ['ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗', 'ศาลากลางจังหวัดสมุทรสาคร']
    >>> word.tables[-1].cell(0, 0).text, word.tables[-1].cell(1, 2).text
    ('ขั้นตอน', 'เม.ย.')
    """
    docx = _require()
    from thaiplan.model._document import PlanningDocument

    calendar = subject_calendar(subject, "calendar_docx")
    writer = _Writer(docx, font)
    if letter and isinstance(subject, PlanningDocument) and subject.letter is not None:
        _letter(writer, subject.letter)
        writer.landscape()
    else:
        writer._page(writer.document.sections[0], landscape=True)
    _calendar_table(writer, calendar)
    return writer.bytes()


def _letter(writer: _Writer, letter: Letter) -> None:
    """The letter, then its distribution list on a page of its own."""
    from docx.shared import Cm

    width = PAGE[0] - MARGINS[0] - MARGINS[1]
    garuda = writer.line("", "the Garuda")
    garuda.paragraph_format.space_after = Cm(GARUDA_CM)  # the Garuda's place (not drawn)
    right = width / 2 + 1.0  # the issuer starts right of the middle
    head = writer.line(
        letter.number.text or letter.number.format(), "the letter's number", tab=right
    )
    writer.run(head, f"\t{letter.issuer}", "the letter's issuer")
    if letter.address:
        writer.line(letter.address, "the letter's address", indent=right)
    writer.line(letter.dated, "the letter's date", indent=width / 2 - 1.0)
    writer.line("", "")
    subject = writer.line("เรื่อง", "", bold=True)
    writer.run(subject, f"  {letter.subject}", "the letter's subject")
    salutation = writer.line("เรียน", "", bold=True)
    if letter.salutation:
        writer.run(salutation, f"  {letter.salutation}", "the letter's salutation")
    for index, reference in enumerate(letter.references):
        parts = [reference.issuer, reference.urgency]
        if reference.number is not None:
            parts.append(reference.number.text or reference.number.format())
        if reference.dated:
            parts.append(f"ลงวันที่ {reference.dated}")
        paragraph = writer.line("อ้างถึง" if index == 0 else "", "", bold=True, tab=2.5)
        writer.run(paragraph, "\t" + " ".join(p for p in parts if p), "a reference")
    for index, enclosure in enumerate(letter.enclosures):
        count = (
            f" จำนวน {to_thai_digits(str(enclosure.quantity))} {enclosure.unit}".rstrip()
            if enclosure.quantity is not None
            else ""
        )
        paragraph = writer.line("สิ่งที่ส่งมาด้วย" if index == 0 else "", "", bold=True, tab=3.0)
        writer.run(paragraph, f"\t{enclosure.title}{count}", "an enclosure")
    writer.line("", "")
    for number, body in enumerate(letter.body):
        writer.line(body, f"paragraph {number + 1} of the body", first=2.5, align="justify")
    writer.line("", "")
    block = width / 2 - 2.0
    if letter.closing:
        writer.line(letter.closing, "the closing", indent=block, align="center")
    for _ in range(3):  # room for the signature
        writer.line("", "")
    if letter.signatory:
        writer.line(f"({letter.signatory})", "the signatory", indent=block, align="center")
    if letter.position:
        writer.line(letter.position, "the position", indent=block, align="center")
    writer.line("", "")
    for unit in letter.owner_unit:
        writer.line(unit, "the owner unit")
    for label, value in (
        ("โทร.", letter.phone),
        ("โทรสาร", letter.fax),
        ("ไปรษณีย์อิเล็กทรอนิกส์", letter.email),
    ):
        if value:
            writer.line(f"{label} {value}", f"the letter's {label}")
    if letter.distribution is not None:
        listing = letter.distribution
        writer.page_break()
        writer.line(listing.title, "the distribution list's title", bold=True, align="center")
        quoted = " ".join(
            p
            for p in (
                f"แนบท้ายหนังสือ{listing.number.text or listing.number.format()}"
                if listing.number
                else "",
                f"ลงวันที่ {listing.dated}" if listing.dated else "",
            )
            if p
        )
        if quoted:
            writer.line(quoted, "the distribution list's number", align="center")
        if listing.subject:
            writer.line(
                f"เรื่อง {listing.subject}", "the distribution list's subject", align="center"
            )
        writer.line("", "")
        for recipient in listing.recipients:
            writer.line(
                f"{to_thai_digits(str(recipient.no))}. {recipient.name}",
                f"recipient {recipient.no}",
                indent=1.5,
            )


#: Widths of the table's columns (cm): ขั้นตอน, วันเดือนปี, หน่วยงานที่เกี่ยวข้อง; and the most a month
#: gets (the months share what the others leave of the page).
STEP_CM: Final = 7.0
WHEN_CM: Final = 2.4
RESPONSIBLE_CM: Final = 5.0
MONTH_MAX_CM: Final = 1.5


def _table_months(calendar: PlanningCalendar) -> list[tuple[int, int]]:
    """The months from the first that a step marks or states to the last.

    The seed's table shows the twelve months of its year; on a landscape A4
    page beside the other columns, twelve months would get 0.86 cm each, in
    which a month's abbreviation at 14 points breaks over three lines (seen
    when the file is rendered), so the table shows the months the calendar
    uses.
    """
    touched: set[tuple[int, int]] = set()
    for step in calendar.steps:
        touched.update(mark_months(calendar, step))
        touched.update(step.period.iter_months())
    if not touched:
        return []
    first, last = min(touched), max(touched)
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if len(months) + 3 > MAX_COLUMNS:
        raise ModelError(
            f"the calendar spans {len(months)} months, more columns than a Word table has"
            f" ({MAX_COLUMNS}); check the stated periods and the Gantt marks"
        )
    return months


def _calendar_table(writer: _Writer, calendar: PlanningCalendar) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    writer.line(calendar.title, "the calendar's title", bold=True, align="center")
    writer.line("", "")
    months = _table_months(calendar)
    columns = len(months) + 3
    table = writer.document.add_table(rows=2, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    responsible = columns - 1
    usable = PAGE[1] - MARGINS[0] - MARGINS[1]
    room = usable - STEP_CM - WHEN_CM - RESPONSIBLE_CM
    month_cm = min(MONTH_MAX_CM, room / max(len(months), 1))
    widths = [
        STEP_CM,
        WHEN_CM,
        *([month_cm] * len(months)),
        usable - STEP_CM - WHEN_CM - month_cm * len(months),
    ]

    def put(cell: Any, text: str, where: str, *, bold: bool = False, centre: bool = False) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        lines = text.split("\n")
        paragraph = cell.paragraphs[0]
        for index, line in enumerate(lines):
            if index:
                paragraph = cell.add_paragraph()
            if centre:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if line:
                writer.run(paragraph, line, where, bold=bold, size=TABLE_SIZE)

    for row in table.rows:  # the header repeats on every page
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)
    head = table.rows
    for column, text in ((0, "ขั้นตอน"), (1, "วันเดือนปี"), (responsible, "หน่วยงานที่เกี่ยวข้อง")):
        cell = head[0].cells[column].merge(head[1].cells[column])
        put(cell, text, "the header", bold=True, centre=True)
    index = 0
    while index < len(months):
        end = index
        while end + 1 < len(months) and months[end + 1][0] == months[index][0]:
            end += 1
        cell = head[0].cells[2 + index].merge(head[0].cells[2 + end])
        put(
            cell,
            f"พ.ศ. {to_thai_digits(str(ce_to_be(months[index][0])))}",
            "the header",
            bold=True,
            centre=True,
        )
        index = end + 1
    for offset, (_, month) in enumerate(months):
        put(
            head[1].cells[2 + offset],
            MONTH_ABBREVIATIONS[month - 1],
            "the header",
            bold=True,
            centre=True,
        )
    column_of = {month: 2 + offset for offset, month in enumerate(months)}
    titles = {phase.id: phase.title for phase in calendar.phases}
    previous: str | None = None
    for step in calendar.steps:
        if step.phase != previous:
            previous = step.phase
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            put(
                merged, titles.get(step.phase, step.phase), f"phase {step.phase}'s title", bold=True
            )
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a step stays on one page
        cells = row.cells
        put(cells[0], step_label(step), f"step {step.id}'s title")
        put(cells[1], step.when, f"step {step.id}'s when")
        symbol = MARK_DAY if step.dated and step.period.start == step.period.end else MARK_RANGE
        for marked in mark_months(calendar, step):
            put(cells[column_of[marked]], symbol, f"step {step.id}'s marks", centre=True)
        names = []
        for party_id in step.responsible:
            party = calendar.party(party_id)
            names.append(f"- {party.name if party is not None else party_id}")
        put(cells[responsible], "\n".join(names), f"step {step.id}'s responsible")
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = writer.Cm(width)
    for row in table.rows:
        cells = row.cells
        if len({id(cell._tc) for cell in cells}) == columns:  # a row of single cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = writer.Cm(width)
