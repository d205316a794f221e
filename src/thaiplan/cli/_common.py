"""What the commands share: exit statuses, loading a SOURCE, tables that fit a terminal, writing output."""

from __future__ import annotations

import contextlib
import io
import sys
import unicodedata
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from thaiplan.errors import CalendarFileError, DependencyCycleError

if TYPE_CHECKING:
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """A mistake of the user's, reported in one line with exit status 2."""


class _OutputError(Exception):
    """Standard output (or the -o file) cannot be written: full, closed or gone."""


def _warn(message: str) -> None:
    """A line on standard error; nothing when standard error is closed or cannot be written.

    ``print(file=None)`` would write to standard output instead, so a closed
    standard error is checked for here.
    """
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):  # full, closed or gone: nowhere left to say it
        print(message, file=stream, flush=True)


class _Output:
    """Standard output for the commands: a write that fails is an :class:`_OutputError`.

    A closed pipe (``| head -1``) stays a :exc:`BrokenPipeError`, which the
    command line treats as the reader having had enough, not as a failure.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:  # ValueError: a closed file
            raise _OutputError(_why(error)) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise _OutputError(_why(error)) from None


def _why(error: BaseException) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


# -- loading ---------------------------------------------------------------------------------


def _read_stdin() -> bytes:
    """The bytes of standard input; a closed or unreadable one is a usage error."""
    stream = sys.stdin
    if stream is None:
        raise _UsageError("-: standard input is closed; give a file name instead of -")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read()
            return data
        return str(stream.read()).encode("utf-8")
    except (OSError, ValueError) as error:
        raise _UsageError(f"-: cannot read standard input: {_why(error)}") from None


def _load(source: str) -> tuple[PlanningDocument | None, PlanningCalendar]:
    """A document or calendar from a path, ``-`` or a built-in name.

    The bytes are read here (to tell a document from a calendar) and handed to
    the loaders as a stream, so that the loaders' own messages (an encoding
    that is not UTF-8, a syntax error at its line) are the ones the user sees.
    """
    from thaiplan.io._files import DOCUMENT_FORMAT, builtin_names, load_calendar, load_document

    try:
        exists = Path(source).exists()
    except (OSError, ValueError) as error:  # a name too long for the system, a NUL in it
        raise _UsageError(f"{source}: cannot read it: {_why(error)}") from None
    if source in builtin_names("document") and not exists:
        document = load_document(source)
        if document.calendar is None:
            raise _UsageError(f"{source}: the document has no calendar")
        return document, document.calendar
    if not exists and source in builtin_names("calendar"):  # the national budget calendars
        return None, load_calendar(source)
    if source == "-":
        data, name = _read_stdin(), "<stdin>"
    else:
        path = Path(source)
        if not exists:
            names = ", ".join((*builtin_names("document"), *builtin_names("calendar")))
            raise _UsageError(
                f"{source}: no such file, and no built-in document of that name ({names})"
            )
        try:
            data, name = path.read_bytes(), str(path)
        except OSError as error:
            raise _UsageError(f"{source}: cannot read it: {_why(error)}") from None
    stream = io.BytesIO(data)
    stream.name = name
    marker = DOCUMENT_FORMAT.encode()
    if b"format: " + marker in data or b'"format": "' + marker + b'"' in data:
        document = load_document(stream)
        if document.calendar is None:
            raise _UsageError(f"{name}: the document has no calendar")
        return document, document.calendar
    return None, load_calendar(stream)


def _problems_json(source: str, error: BaseException) -> list[dict[str, Any]]:
    """Why a SOURCE cannot be read (or scheduled), as data for ``--format json``.

    One entry a problem, each with the SOURCE as given, and the file, line,
    column, path in the data and message of the problem (``None`` where
    unknown); a circle of steps also gives its ``cycle``.
    """
    if isinstance(error, CalendarFileError):
        return [
            {
                "source": source,
                "file": problem.file,
                "line": problem.line,
                "column": problem.column,
                "path": problem.path,
                "message": problem.message,
            }
            for problem in error.problems
        ]
    entry: dict[str, Any] = {
        "source": source,
        "file": source,
        "line": None,
        "column": None,
        "path": "",
        "message": str(error),
    }
    if isinstance(error, DependencyCycleError):
        entry["cycle"] = list(error.cycle)
    return [entry]


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
    except (OSError, ValueError) as error:
        raise _UsageError(f"{output}: cannot write it: {_why(error)}") from None
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
