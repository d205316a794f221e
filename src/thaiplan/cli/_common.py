"""What the commands share: exit statuses, loading a SOURCE, tables that fit a terminal, writing output."""

from __future__ import annotations

import io
import sys
import unicodedata
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """A mistake of the user's, reported in one line with exit status 2."""


# -- loading ---------------------------------------------------------------------------------


def _load(source: str) -> tuple[PlanningDocument | None, PlanningCalendar]:
    """A document or calendar from a path, ``-`` or a built-in name."""
    from thaiplan.io._files import DOCUMENT_FORMAT, builtin_names, load_document, loads_calendar

    if source in builtin_names("document") and not Path(source).exists():
        document = load_document(source)
        if document.calendar is None:
            raise _UsageError(f"{source}: the document has no calendar")
        return document, document.calendar
    if source == "-":
        text, name = sys.stdin.read(), "<stdin>"
    else:
        path = Path(source)
        if not path.exists():
            names = ", ".join(builtin_names("document"))
            raise _UsageError(
                f"{source}: no such file, and no built-in document of that name ({names})"
            )
        try:
            text, name = path.read_text(encoding="utf-8-sig"), str(path)
        except (OSError, UnicodeDecodeError) as error:
            raise _UsageError(f"{source}: cannot read it: {error}") from None
    if f"format: {DOCUMENT_FORMAT}" in text or f'"format": "{DOCUMENT_FORMAT}"' in text:
        document = load_document(io.StringIO(text)) if name == "<stdin>" else load_document(name)
        if document.calendar is None:
            raise _UsageError(f"{name}: the document has no calendar")
        return document, document.calendar
    return None, loads_calendar(text, file=name)


def _subject(document: PlanningDocument | None, calendar: PlanningCalendar) -> Any:
    return document if document is not None else calendar


# -- text layout -----------------------------------------------------------------------------


def _width(text: str) -> int:
    """Columns a string takes in a terminal.

    Thai vowels and tone marks above and below a letter take none; wide East
    Asian characters take two.
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` columns (with …) and pad it to exactly that."""
    text = " ".join(text.split())
    if _width(text) > width:
        out = ""
        for char in text:
            if _width(out + char) > width - 1:
                break
            out += char
        text = out + "…"
    return text + " " * (width - _width(text))


def _table(rows: list[list[str]], widths: list[int]) -> str:
    return "\n".join(
        "  ".join(_fit(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _write(text: str, output: str | None, out: IO[str]) -> int:
    if output is None or output == "-":
        out.write(text)
        return EXIT_OK
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise _UsageError(f"{output}: cannot write it: {error.strerror}") from None
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
