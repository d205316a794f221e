"""The text boxes of an Excel book, read from its drawing parts, for the plan-form reader.

Real plan books keep amendment notes in floating text boxes ("แก้ไข ครั้งที่ ๒ /
๒๕๖๘", "ซ้ำลำดับที่ ๖๓", "ไปประสาน ๐๒/๒"), and the form's mark ("แบบ ผ.02") often
too. openpyxl drops them on load, so they are read here from the file's XML:
``xl/workbook.xml`` and its relationships name each sheet's part, the sheet's
relationships name its drawing (``xl/drawings/drawingN.xml``), and each
anchor (``xdr:twoCellAnchor``, ``xdr:oneCellAnchor``) gives the row its box
starts on (``xdr:from/xdr:row``, counted from 0) and the text of its shapes
(``a:p`` paragraphs of ``a:t`` runs). A part larger than the size limit, or
one with a document type declaration, is refused, so that a hostile file
cannot expand entities or fill memory.

:func:`classify` names what a note says, by the words books use for it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from typing import Final
from xml.parsers import expat

from thaiplan.io._limits import MAX_FILE_BYTES

__all__ = ["TextBox", "classify", "text_boxes"]

_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: What a text box's note says, by the words real books use (first match wins).
KINDS: Final = (
    ("duplicate-of", re.compile(r"ซ้ำ")),
    ("merged-with", re.compile(r"รวมกับ")),
    ("moved-to", re.compile(r"ย้ายไป")),
    ("sent-to-p02-2", re.compile(r"ประสาน\s*(?:ผ\.?\s*)?(?:0?2|๐?๒)\s*/\s*(?:2|๒)|ประสาน\s*จ")),
    ("amendment", re.compile(r"(?:แก้ไข|เปลี่ยนแปลง|เพิ่มเติม|ทบทวน)\s*ครั้งที่")),
    ("form", re.compile(r"^\s*แบบ\s*ผ\.")),
)


class TextBox:
    """One text box: the sheet it is drawn on, the row it starts on (from 1), its text."""

    __slots__ = ("row", "sheet", "text")

    def __init__(self, sheet: str, row: int, text: str) -> None:
        self.sheet, self.row, self.text = sheet, row, text

    def __repr__(self) -> str:
        return f"TextBox({self.sheet!r}, {self.row}, {self.text!r})"


def classify(text: str) -> str:
    """What a note says, by its words: one of :data:`KINDS`, or ``note``.

    The kinds: ``duplicate-of``, ``merged-with``, ``moved-to``,
    ``sent-to-p02-2``, ``amendment``, ``form`` (the form's mark).

    >>> classify("แก้ไข ครั้งที่ ๒ / ๒๕๖๘"), classify("ซ้ำลำดับที่ ๖๓"), classify("ไปประสาน 02/2")
    ('amendment', 'duplicate-of', 'sent-to-p02-2')
    """
    for kind, pattern in KINDS:
        if pattern.search(text):
            return kind
    return "note"


class _Element:
    __slots__ = ("attributes", "children", "tag", "text")

    def __init__(self, tag: str, attributes: dict[str, str]) -> None:
        self.tag, self.attributes = tag, attributes
        self.children: list[_Element] = []
        self.text = ""

    def walk(self) -> list[_Element]:
        found = [self]
        for child in self.children:
            found += child.walk()
        return found

    def local(self) -> str:
        return self.tag.rsplit("}", 1)[-1]


def _parse(data: bytes) -> _Element:
    parser = expat.ParserCreate(namespace_separator="}")
    root = _Element("", {})
    stack = [root]

    def start(tag: str, attributes: dict[str, str]) -> None:
        element = _Element(tag, attributes)
        stack[-1].children.append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        stack[-1].text += data

    def doctype(*_args: object) -> None:
        raise ValueError("a document type declaration is not allowed in a book's XML")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.Parse(data, True)
    return root


def _read(book: zipfile.ZipFile, name: str) -> _Element | None:
    try:
        info = book.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_FILE_BYTES:
        raise ValueError(f"{name} is {info.file_size:,} bytes, more than {MAX_FILE_BYTES:,}")
    return _parse(book.read(info))


def _targets(book: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id → (type, the target's path in the package)."""
    folder, file = posixpath.split(part)
    rels = _read(book, posixpath.join(folder, "_rels", f"{file}.rels"))
    found: dict[str, tuple[str, str]] = {}
    for element in rels.walk() if rels is not None else []:
        if element.local() == "Relationship":
            target = element.attributes.get("Target", "")
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            found[element.attributes.get("Id", "")] = (element.attributes.get("Type", ""), path)
    return found


def _anchor(anchor: _Element, sheet: str) -> TextBox | None:
    row: int | None = None
    paragraphs: list[str] = []
    for child in anchor.children:
        if child.local() == "from":
            for part in child.children:
                if part.local() == "row" and part.text.strip().isdigit():
                    row = int(part.text.strip()) + 1
    for element in anchor.walk():
        if element.local() == "p" and element.tag.startswith(
            "http://schemas.openxmlformats.org/drawingml"
        ):
            runs = [item.text for item in element.walk() if item.local() == "t"]
            paragraphs.append("".join(runs))
    text = "\n".join(paragraphs).strip()
    if row is None or not text:
        return None
    return TextBox(sheet, row, text)


def text_boxes(data: bytes) -> list[TextBox]:
    """The text boxes of every sheet of the book in ``data``, in the order they are drawn.

    Raises:
        ValueError: A part is too large or has a document type declaration,
            or its XML is broken (the reader reports it as a problem of the file).
        zipfile.BadZipFile: ``data`` is not a zip package.
    """
    import io

    found: list[TextBox] = []
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        workbook = _read(book, "xl/workbook.xml")
        if workbook is None:
            return found
        sheets = _targets(book, "xl/workbook.xml")
        for element in workbook.walk():
            if element.local() != "sheet":
                continue
            name = element.attributes.get("name", "")
            rid = element.attributes.get(f"{_REL}}}id", "")
            if rid not in sheets:
                continue
            for kind, drawing in _targets(book, sheets[rid][1]).values():
                if not kind.endswith("/drawing"):
                    continue
                root = _read(book, drawing)
                for anchor in root.walk() if root is not None else []:
                    if anchor.local() in ("twoCellAnchor", "oneCellAnchor", "absoluteAnchor"):
                        box = _anchor(anchor, name)
                        if box is not None:
                            found.append(box)
    return found
