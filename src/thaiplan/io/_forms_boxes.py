"""The text boxes of a plan book, written into the file that openpyxl saved, and read back over the data.

Theory of operation. A project's annotations are the entries of its notes
that :func:`~thaiplan.read_register_xlsx` made of the text boxes on its row:
``[kind] text``, the kind :func:`~thaiplan.io._forms_drawings.classify` gives
the text (``amendment``, ``duplicate-of``, ``merged-with``, ``moved-to``,
``sent-to-p02-2``, ``note``). An entry runs from its ``[kind]`` line over the
lines after it, up to the next entry (a box may hold several paragraphs).
:func:`note_boxes` finds them; an entry whose kind is not the one its text
would be read as, or whose text has spaces at either end, stays a plain line
of the notes (a box would not read back as it).

openpyxl cannot write drawings, so :func:`add_text_boxes` writes them after it
has saved the book, with the standard library's ``zipfile``: for each sheet
that has boxes, the part ``xl/drawings/drawingN.xml`` (an ``xdr:wsDr`` with a
``xdr:twoCellAnchor`` a box, its ``xdr:from`` on the project's row, beside the
table, holding an ``xdr:sp`` text box whose ``xdr:txBody`` has a paragraph a
line, Thai text in the book's font), the sheet's relationship to it, the
sheet's ``<drawing r:id=…/>`` in its place in the worksheet's sequence, and the
part's content type in ``[Content_Types].xml``. This is the structure Excel
writes (ECMA-376 Part 1, §20.5, SpreadsheetML Drawing).

Reading a book with its data sheet, :func:`overlay_notes` keeps a project's
notes where the boxes on its row are the ones the writer drew for it, and
otherwise drops the entries whose box is gone and adds the boxes that are new,
as an edited cell is read.

A trap: a book that openpyxl loads and saves again loses every text box
(openpyxl reads only the charts and pictures of a drawing, and writes only
those). So a sheet with no text box at all keeps its projects' notes as the
data sheet has them, rather than losing them; a book written again by
:func:`~thaiplan.register_xlsx` has the boxes again. LibreOffice keeps them
when it saves a book as xlsx.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from thaiplan.errors import ModelError
from thaiplan.io._forms_drawings import KINDS, _read, _targets, classify

__all__ = ["Box", "add_text_boxes", "note_boxes", "overlay_notes"]

_KIND_NAMES: Final = (*(kind for kind, _ in KINDS if kind != "form"), "note")
_ENTRY: Final = re.compile(rf"\[({'|'.join(re.escape(kind) for kind in _KIND_NAMES)})\] ")
_NOT_XML: Final = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DRAWING_REL: Final = f"{_REL}/drawing"
_DRAWING_TYPE: Final = "application/vnd.openxmlformats-officedocument.drawing+xml"
XDR: Final = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
#: The worksheet's children that come after ``drawing`` in its sequence (ECMA-376, CT_Worksheet).
_AFTER_DRAWING: Final = (
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
)
#: Columns a box spans, beside the table; the next box on the same row is drawn after it.
BOX_COLUMNS: Final = 4


class Box:
    """A text box to draw: its sheet, the row and column it starts on (from 1), its text."""

    __slots__ = ("column", "row", "sheet", "text")

    def __init__(self, sheet: str, row: int, column: int, text: str) -> None:
        self.sheet, self.row, self.column, self.text = sheet, row, column, text

    def __repr__(self) -> str:
        return f"Box({self.sheet!r}, {self.row}, {self.column}, {self.text!r})"


def _segments(notes: str) -> list[tuple[str | None, str]]:
    """The notes as entries and plain lines: (the box's text or None, the lines as written)."""
    if not notes:
        return []
    found: list[tuple[str | None, str]] = []
    entry: list[str] | None = None
    for line in notes.split("\n"):
        if _ENTRY.match(line):
            if entry is not None:
                found.append(_entry("\n".join(entry)))
            entry = [line]
        elif entry is not None:
            entry.append(line)
        else:
            found.append((None, line))
    if entry is not None:
        found.append(_entry("\n".join(entry)))
    return found


def _entry(written: str) -> tuple[str | None, str]:
    match = _ENTRY.match(written)
    assert match is not None
    text = written[match.end() :]
    drawable = (
        text
        and text == text.strip()
        and classify(text) == match.group(1)
        and _NOT_XML.search(text) is None
    )
    return (text if drawable else None), written


def note_boxes(notes: str) -> list[str]:
    r"""The texts of the text boxes a project's notes hold, in order.

    >>> note_boxes("ของเดิม\n[amendment] แก้ไข ครั้งที่ ๒ / ๒๕๖๘\n[duplicate-of] ซ้ำลำดับที่ ๖๓")
    ['แก้ไข ครั้งที่ ๒ / ๒๕๖๘', 'ซ้ำลำดับที่ ๖๓']
    >>> note_boxes("[amendment] ซ้ำลำดับที่ ๖๓")  # would be read as duplicate-of: a plain line
    []
    """
    return [text for text, _ in _segments(notes) if text is not None]


def overlay_notes(notes: str, found: Sequence[str]) -> str:
    r"""A project's notes under the entries of the text boxes ``found`` on its row (``[kind] text``).

    The boxes the writer drew (:func:`note_boxes`) leave the notes as they
    are; an entry whose box is gone is dropped, a new box is added at the end.

    >>> overlay_notes("เดิม\n[duplicate-of] ซ้ำลำดับที่ ๖๓", ["[duplicate-of] ซ้ำลำดับที่ ๖๓"])
    'เดิม\n[duplicate-of] ซ้ำลำดับที่ ๖๓'
    >>> overlay_notes("เดิม\n[duplicate-of] ซ้ำลำดับที่ ๖๓", ["[moved-to] ย้ายไป ผ.๐๓"])
    'เดิม\n[moved-to] ย้ายไป ผ.๐๓'
    """
    segments = _segments(notes)
    drawn = [written for text, written in segments if text is not None]
    if drawn == list(found):
        return notes
    pool = Counter(drawn)
    added = []
    for entry in found:
        if pool[entry]:
            pool[entry] -= 1
        else:
            added.append(entry)
    kept = []
    for text, written in segments:
        if text is not None and pool[written]:
            pool[written] -= 1  # its box was deleted
            continue
        kept.append(written)
    return "\n".join([*kept, *added])


def _anchor(box: Box, shape: int, font: str) -> str:
    lines = box.text.split("\n")
    paragraphs = "".join(
        "<a:p><a:r>"
        f'<a:rPr lang="th-TH" sz="1400"><a:latin typeface={quoteattr(font)}/>'
        f"<a:cs typeface={quoteattr(font)}/></a:rPr>"
        f"<a:t>{escape(line).replace(chr(13), '&#13;')}</a:t></a:r></a:p>"
        if line
        else '<a:p><a:endParaRPr lang="th-TH" sz="1400"/></a:p>'
        for line in lines
    )
    column, row = box.column - 1, box.row - 1
    return (
        "<xdr:twoCellAnchor>"
        f"<xdr:from><xdr:col>{column}</xdr:col><xdr:colOff>0</xdr:colOff>"
        f"<xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f"<xdr:to><xdr:col>{column + BOX_COLUMNS}</xdr:col><xdr:colOff>0</xdr:colOff>"
        f"<xdr:row>{row + len(lines)}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
        '<xdr:sp macro="" textlink="">'
        f'<xdr:nvSpPr><xdr:cNvPr id="{shape}" name="TextBox {shape - 1}"/>'
        '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>'
        '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></xdr:spPr>'
        '<xdr:txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip" wrap="square"'
        ' rtlCol="0" anchor="t"/><a:lstStyle/>'
        f"{paragraphs}</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
    )


def drawing_xml(boxes: Sequence[Box], font: str) -> str:
    """The drawing part of one sheet: a two-cell anchor and a text box for each of ``boxes``."""
    anchors = "".join(_anchor(box, index + 2, font) for index, box in enumerate(boxes))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}">{anchors}</xdr:wsDr>'
    )


def _with_drawing(sheet_xml: str, rid: str) -> str:
    """The worksheet's XML with ``<drawing r:id=…/>`` in its place, and the ``r`` prefix bound."""
    root = re.search(r"<worksheet\b[^>]*>", sheet_xml)
    if root is None or re.search(r"<drawing\b", sheet_xml):
        raise ModelError("the sheet written by openpyxl has no <worksheet> or a drawing already")
    tag = root.group()
    bound = re.search(r'\sxmlns:r="([^"]*)"', tag)
    if bound is not None and bound.group(1) != _REL:
        raise ModelError(f"the sheet binds the prefix r to {bound.group(1)!r}")
    if bound is None:
        sheet_xml = sheet_xml.replace(tag, f'{tag[:-1]} xmlns:r="{_REL}">', 1)
    element = f'<drawing r:id="{rid}"/>'
    for name in _AFTER_DRAWING:
        later = re.search(rf"<{name}\b", sheet_xml)
        if later is not None:
            return sheet_xml[: later.start()] + element + sheet_xml[later.start() :]
    end = sheet_xml.rindex("</worksheet>")
    return sheet_xml[:end] + element + sheet_xml[end:]


def _with_relationship(rels: str | None, rid: str, target: str) -> str:
    element = f'<Relationship Id="{rid}" Type="{_DRAWING_REL}" Target="{target}"/>'
    if rels is None:
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships'
            f' xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{element}'
            "</Relationships>"
        )
    end = rels.rindex("</Relationships>")
    return rels[:end] + element + rels[end:]


def add_text_boxes(data: bytes, boxes: Sequence[Box], font: str) -> bytes:
    """The book in ``data`` (as openpyxl saved it) with ``boxes`` drawn on their sheets.

    Raises:
        ModelError: A sheet of a box is not in the book, or a part is not as
            openpyxl writes it.
    """
    if not boxes:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    workbook = _read(source, "xl/workbook.xml")
    parts = _targets(source, "xl/workbook.xml")
    by_name: dict[str, str] = {}
    for element in workbook.walk() if workbook is not None else []:
        if element.local() == "sheet":
            rid = element.attributes.get(f"{_REL}}}id", "")
            if rid in parts:
                by_name[element.attributes.get("name", "")] = parts[rid][1]
    per_sheet: dict[str, list[Box]] = {}
    for box in boxes:
        if box.sheet not in by_name:
            raise ModelError(f"no sheet {box.sheet!r} in the book to draw a text box on")
        per_sheet.setdefault(box.sheet, []).append(box)
    names = set(source.namelist())
    changed: dict[str, str] = {}
    types = source.read("[Content_Types].xml").decode("utf-8")
    number = 0
    for sheet, drawn in per_sheet.items():
        number += 1
        while f"xl/drawings/drawing{number}.xml" in names:
            number += 1
        drawing = f"xl/drawings/drawing{number}.xml"
        part = by_name[sheet]
        folder, file = posixpath.split(part)
        rels_path = posixpath.join(folder, "_rels", f"{file}.rels")
        rels = source.read(rels_path).decode("utf-8") if rels_path in names else None
        used = set(_targets(source, part))
        rid = "rIdTextBoxes"
        while rid in used:
            rid += "x"
        target = posixpath.relpath(drawing, folder)
        changed[rels_path] = _with_relationship(rels, rid, target)
        changed[part] = _with_drawing(source.read(part).decode("utf-8"), rid)
        changed[drawing] = drawing_xml(drawn, font)
        types = types.replace(
            "</Types>",
            f'<Override PartName="/{drawing}" ContentType="{_DRAWING_TYPE}"/></Types>',
            1,
        )
    changed["[Content_Types].xml"] = types
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target_book:
        for info in source.infolist():
            content = changed.pop(info.filename, None)
            target_book.writestr(
                info, content.encode("utf-8") if content is not None else source.read(info)
            )
        for name, content in changed.items():
            target_book.writestr(name, content.encode("utf-8"))
    return buffer.getvalue()
