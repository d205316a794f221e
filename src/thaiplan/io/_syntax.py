"""Syntax errors and undecodable bytes, said in the user's terms, in English and Thai.

PyYAML reports a broken file in the words of its grammar ("mapping values are
not allowed here", "expected <block end>, but found '<block sequence
start>'"). :func:`syntax_problem` says instead what is wrong in the file (an
indentation that does not match, a tab, a quote never closed, a NUL byte),
where, and how to fix it, in English and in Thai. :func:`decode` turns bytes
into text, and places a byte that is not UTF-8 at its line and column, naming
the encoding the file is probably in (Thai text is often saved in TIS-620 or
Windows-874 by older tools) and the fix.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

import yaml

from thaiplan.errors import CalendarFileError, FileProblem

_BREAKS: Final = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def where(text: str, index: int) -> tuple[int, int]:
    """The line and column (both from 1) of ``text[index]``, counting lines as YAML does."""
    line, start = 1, 0
    for match in _BREAKS.finditer(text, 0, index):
        line += 1
        start = match.end()
    return line, index - start + 1


def _quoted(text: str) -> str:
    return text.strip("'\"") if text.startswith(("'", '"')) else text


# (pattern of PyYAML's problem, pattern of its context or None, English, Thai).
# The patterns are anchored and have no nested repetition: they match short
# messages of PyYAML, in time linear in their length.
_SYNTAX: Final = (
    (
        r"found character '\\t' that cannot start any token",
        None,
        "a tab character; YAML indents with spaces only: replace the tab with spaces",
        "มีอักขระแท็บ (tab) ซึ่ง YAML ไม่ใช้ย่อหน้า ให้แทนแท็บด้วยช่องว่าง",
    ),
    (
        r"found character '(.+)' that cannot start any token",
        None,
        "the character {0} cannot start a value: put the text in quotes",
        "อักขระ {0} ขึ้นต้นค่าไม่ได้ ให้ใส่ข้อความไว้ในเครื่องหมายคำพูด",
    ),
    (
        r"mapping values are not allowed (?:here|in this context)",
        None,
        "a ':' followed by a space inside a value, or a key indented under a value:"
        " put text that holds ': ' in quotes, or check the indentation of this line",
        "มีเครื่องหมาย ':' ตามด้วยช่องว่างอยู่ในค่า หรือกุญแจ (key) ย่อหน้าอยู่ใต้ค่า"
        " ให้ใส่ข้อความที่มี ': ' ไว้ในเครื่องหมายคำพูด หรือตรวจการย่อหน้าของบรรทัดนี้",
    ),
    (
        r"could not find expected ':'",
        None,
        "a line that is not 'key: value': a ':' is missing, a quote is left open,"
        " or a line is indented wrongly",
        "บรรทัดนี้ไม่อยู่ในรูป 'key: value' อาจขาดเครื่องหมาย ':' ลืมปิดเครื่องหมายคำพูด หรือย่อหน้าผิด",
    ),
    (
        r"expected <block end>, but found .*",
        None,
        "the indentation does not match the lines above: the items of one list or"
        " mapping start in the same column",
        "การย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า รายการในลิสต์หรือการจับคู่เดียวกันต้องเริ่มที่คอลัมน์เดียวกัน",
    ),
    (
        r"(?:block )?sequence entries are not allowed (?:here|in this context)",
        None,
        "a list item ('- ') where a value was expected: check the indentation of this line",
        "มีรายการลิสต์ ('- ') ในที่ที่ควรเป็นค่า ให้ตรวจการย่อหน้าของบรรทัดนี้",
    ),
    (
        r"expected ',' or '\]', but (?:got|found) .*",
        None,
        "a list in [ ] is not closed, or two of its items have no ',' between them",
        "ลิสต์ใน [ ] ไม่ได้ปิด หรือรายการสองรายการไม่มี ',' คั่น",
    ),
    (
        r"expected ',' or '}', but (?:got|found) .*",
        None,
        "a mapping in { } is not closed, or two of its entries have no ',' between them",
        "การจับคู่ใน { } ไม่ได้ปิด หรือสองรายการไม่มี ',' คั่น",
    ),
    (
        r"found unexpected end of stream",
        r"while scanning a quoted scalar",
        "a quote is opened and never closed: add the closing quote",
        "เปิดเครื่องหมายคำพูดแล้วไม่ได้ปิด ให้เติมเครื่องหมายคำพูดปิด",
    ),
    (
        r"found unexpected document separator",
        r"while scanning a quoted scalar",
        "a quote is opened and never closed: add the closing quote",
        "เปิดเครื่องหมายคำพูดแล้วไม่ได้ปิด ให้เติมเครื่องหมายคำพูดปิด",
    ),
    (
        r"found unknown escape character '(.+)'",
        None,
        "an unknown escape \\{0} in double-quoted text: write \\\\ for a backslash,"
        " or use single quotes",
        "รหัสหลีก \\{0} ในข้อความเครื่องหมายคำพูดคู่ไม่มีความหมาย ให้เขียน \\\\ แทนเครื่องหมาย \\"
        " หรือใช้เครื่องหมายคำพูดเดี่ยว",
    ),
    (
        r"found undefined alias '(.+)'",
        None,
        "the alias *{0} refers to no anchor &{0} before it",
        "นามแฝง *{0} ไม่มีจุดยึด &{0} กำหนดไว้ก่อนหน้า",
    ),
    (
        r"second occurrence",
        r"found duplicate anchor '(.+)'; first occurrence",
        "the anchor &{0} is defined twice: give each anchor its own name",
        "จุดยึด &{0} ถูกกำหนดสองครั้ง ให้ตั้งชื่อจุดยึดไม่ซ้ำกัน",
    ),
    (
        r"but found another document",
        r"expected a single document in the stream",
        "a second document ('---'): a file holds one calendar or document",
        "มีเอกสารที่สอง ('---') ไฟล์หนึ่งเก็บปฏิทินหรือเอกสารได้เพียงหนึ่งเดียว",
    ),
    (
        r"expected '<document start>', but found .*",
        None,
        "text after the end of the file's mapping: check the indentation of this line",
        "มีข้อความเกินหลังจบการจับคู่ของไฟล์ ให้ตรวจการย่อหน้าของบรรทัดนี้",
    ),
    (
        r"expected the node content, but found .*",
        None,
        "a value is missing here (a ',' or a ':' too many?)",
        "ขาดค่าที่ตำแหน่งนี้ (อาจมี ',' หรือ ':' เกิน)",
    ),
)
_COMPILED: Final = tuple(
    (re.compile(problem), re.compile(context) if context else None, en, th)
    for problem, context, en, th in _SYNTAX
)


def _translate(problem: str, context: str) -> tuple[str, str] | None:
    for problem_re, context_re, en, th in _COMPILED:
        found = problem_re.fullmatch(problem)
        if found is None:
            continue
        groups = found.groups()
        if context_re is not None:
            in_context = context_re.fullmatch(context)
            if in_context is None:
                continue
            groups = in_context.groups() or groups
        found_text = groups[0] if groups else ""
        return en.replace("{0}", found_text), th.replace("{0}", found_text)
    return None


def _character(code: int) -> str:
    name = unicodedata.name(chr(code), "")
    if code == 0:
        name = "NUL"
    elif not name:
        name = "a control character"
    return f"U+{code:04X} ({name})"


def syntax_problem(error: yaml.YAMLError, text: str, file: str) -> FileProblem:
    """The problem of a file PyYAML cannot read, in the user's terms, at its line and column."""
    if isinstance(error, yaml.reader.ReaderError):
        # For text, PyYAML gives the index of the character and its code point.
        at_line, at_column = where(text, error.position or 0)
        character: Any = error.character
        code = ord(character) if isinstance(character, str) else int(character or 0)
        return FileProblem(
            file,
            at_line,
            at_column,
            "",
            f"the character {_character(code)} cannot be in a YAML or JSON file: delete it"
            " (files saved by a word processor or copied from a PDF often hold such characters)",
            f"อักขระ {_character(code)} อยู่ในไฟล์ YAML หรือ JSON ไม่ได้ ให้ลบออก"
            " (มักติดมาจากโปรแกรมพิมพ์เอกสารหรือการคัดลอกจาก PDF)",
        )
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem, context = error.problem or "", error.context or ""
        said = _translate(problem, context)
        if said is not None:
            english, thai = said
            opened = error.context_mark
            if opened is not None and mark is not None and opened.line != mark.line:
                english += f" (it began on line {opened.line + 1})"
                thai += f" (เริ่มที่บรรทัด {opened.line + 1})"
            return FileProblem(file, line, column, "", english, thai)
        raw = f"{context}: {problem}" if context else problem or "invalid YAML"
        return FileProblem(
            file,
            line,
            column,
            "",
            f"not valid YAML or JSON: {raw}",
            f"ไม่ใช่ YAML หรือ JSON ที่ถูกต้อง: {raw}",
        )
    return FileProblem(
        file, None, None, "", f"not valid YAML: {error}", f"ไม่ใช่ YAML ที่ถูกต้อง: {error}"
    )


# -- bytes that are not UTF-8 -----------------------------------------------------------

_THAI: Final = re.compile("[\u0e01-\u0e5b]")


def decode(data: bytes, file: str) -> str:
    """The text of a file in UTF-8 (a byte-order mark allowed).

    Raises:
        CalendarFileError: A byte is not UTF-8; the problem gives its line and
            column, and the encoding the file is probably in.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = error.start
    before = data[:bad].decode("utf-8-sig", "replace")
    line, column = where(before, len(before))
    english = f"not UTF-8 text (byte 0x{data[bad]:02x} at offset {bad:,})"
    thai = f"ไม่ใช่ข้อความ UTF-8 (ไบต์ 0x{data[bad]:02x} ที่ตำแหน่ง {bad:,})"
    guess = _guess(data)
    if guess is not None:
        english += (
            f"; it looks like Thai text saved as {guess}: save it as UTF-8"
            f" (in a text editor: Save As, encoding UTF-8; or"
            f" iconv -f CP874 -t UTF-8 {file} > new-{file.rsplit('/', 1)[-1]})"
        )
        thai += (
            f" ดูเหมือนเป็นข้อความภาษาไทยที่บันทึกเป็น {guess} ให้บันทึกใหม่เป็น UTF-8"
            f" (ในโปรแกรมแก้ไขข้อความ: บันทึกเป็น เลือกการเข้ารหัส UTF-8)"
        )
    else:
        english += "; save it as UTF-8"
        thai += " ให้บันทึกใหม่เป็น UTF-8"
    raise CalendarFileError(file, [FileProblem(file, line, column, "", english, thai)])


def _guess(data: bytes) -> str | None:
    """'TIS-620 or Windows-874' when the bytes read as Thai text in that encoding."""
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return None
    if _THAI.search(text) is None:
        return None
    return "TIS-620 or Windows-874"
