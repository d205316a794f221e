"""Hand-written drawing parts added to a saved workbook, as Excel keeps a sheet's text boxes.

openpyxl cannot write drawings; the tests that need a book with text boxes (a
real book's amendment notes) save the book with openpyxl and add the drawing
part of its first sheet here, with its relationship, the sheet's ``<drawing>``
element and the content type.
"""

from __future__ import annotations

import io
import zipfile


def with_drawing(data: bytes, drawing: str) -> bytes:
    """The workbook ``data`` with ``drawing`` (the XML of ``xl/drawings/drawing1.xml``) on its first sheet."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/drawings/drawing1.xml" ContentType='
                    b'"application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
                )
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(
                    b"</worksheet>",
                    b'<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships" r:id="rIdDrawing1"/></worksheet>',
                )
            target.writestr(info, content)
        target.writestr(
            "xl/worksheets/_rels/sheet1.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdDrawing1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>'
            "</Relationships>",
        )
        target.writestr("xl/drawings/drawing1.xml", drawing)
    return buffer.getvalue()
