"""What the commands share: exit statuses, loading a SOURCE, tables that fit a terminal, writing output."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import io
import sys
import unicodedata
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from thaiplan.errors import CalendarFileError, DependencyCycleError

if TYPE_CHECKING:
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """A mistake of the user's, reported in one line with exit status 2.

    ``thai`` is the same in Thai, for ``--lang th`` (the English is used where there is none).
    """

    def __init__(self, message: str, thai: str | None = None) -> None:
        super().__init__(message)
        self.thai = thai

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.thai if lang == "th" and self.thai else str(self)


# -- the language of a run ---------------------------------------------------------------------


def _lang(args: object) -> str:
    """The language of the run: ``--lang``, English by default."""
    lang = getattr(args, "lang", "en")
    return lang if lang in ("en", "th") else "en"


def _say(lang: str, english: str, thai: str) -> str:
    """``english`` or ``thai``, as the run's language says (numbers in it: see :func:`_number`)."""
    return thai if lang == "th" else english


#: The digits of the figures and dates the commands write in Thai: ``--digits``.
DIGITS: contextvars.ContextVar[str] = contextvars.ContextVar("thaiplan_digits", default="thai")


def _number(lang: str, number: object) -> str:
    """A number as the run's language writes it: Thai digits in Thai, unless ``--digits arabic``."""
    if lang == "th":
        return _digits(number)
    return str(number)


def _digits(number: object) -> str:
    """A figure thaiplan writes in Thai output, in the run's digits (``--digits``).

    Only what thaiplan works out goes through here: the text a document wrote
    (a step's ``when``, its title) is printed as written, in its own digits.
    """
    if DIGITS.get() == "arabic":
        return str(number)
    from thaiplan.dates import to_thai_digits

    return to_thai_digits(str(number))


def _digit_style() -> Literal["thai", "arabic"]:
    """The run's digits (``--digits``), as the date writers take them."""
    return "arabic" if DIGITS.get() == "arabic" else "thai"


def _thai_date(day: dt.date, **style: Any) -> str:
    """A date as a Thai document writes it, in the run's digits (``--digits``)."""
    from thaiplan.dates import format_date

    return format_date(day, digits=_digit_style(), **style)


def _error_text(error: BaseException, lang: str) -> str:
    """What went wrong, in the run's language: a file's problems each in Thai where it can be."""
    if isinstance(error, _UsageError):
        return error.text(lang)
    if lang != "th":
        return str(error)
    if isinstance(error, CalendarFileError):
        from thaiplan.dates import to_thai_digits

        lines = "\n".join(f"  {problem.describe('th')}" for problem in error.problems)
        return f"พบปัญหา {to_thai_digits(len(error.problems))} รายการใน {error.file}:\n{lines}"
    if isinstance(error, DependencyCycleError):
        path = " -> ".join((*error.cycle, error.cycle[0])) if error.cycle else ""
        return f"ขั้นตอนต้องทำต่อกันเป็นวงวน: {path} ให้ตัดการต่อกัน (after:) ข้อใดข้อหนึ่งออก"
    return str(error)


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
        raise _UsageError(
            "-: standard input is closed; give a file name instead of -",
            "-: ช่องรับข้อมูลมาตรฐาน (standard input) ปิดอยู่ ให้ระบุชื่อไฟล์แทน -",
        )
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read()
            return data
        return str(stream.read()).encode("utf-8")
    except (OSError, ValueError) as error:
        raise _UsageError(
            f"-: cannot read standard input: {_why(error)}",
            f"-: อ่านช่องรับข้อมูลมาตรฐานไม่ได้: {_why(error)}",
        ) from None


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
        raise _UsageError(
            f"{source}: cannot read it: {_why(error)}", f"{source}: อ่านไฟล์ไม่ได้: {_why(error)}"
        ) from None
    if source in builtin_names("document") and not exists:
        document = load_document(source)
        if document.calendar is None:
            raise _UsageError(f"{source}: the document has no calendar", f"{source}: เอกสารไม่มีปฏิทิน")
        return document, document.calendar
    if not exists and source in builtin_names("calendar"):  # the national budget calendars
        return None, load_calendar(source)
    if source == "-":
        data, name = _read_stdin(), "<stdin>"
    else:
        path = Path(source)
        if not exists and source in builtin_names("strategy-tree"):
            raise _UsageError(
                f"{source}: a built-in strategy tree, not a calendar; a register's projects link"
                f" to it (thaiplan show REGISTER), and Python reads it with"
                f" thaiplan.strategy_tree({source!r})",
                f"{source}: เป็นแผนผังยุทธศาสตร์ในตัว ไม่ใช่ปฏิทิน โครงการในทะเบียนเชื่อมโยงกับแผนผังนี้"
                f" (thaiplan show REGISTER) และอ่านใน Python ได้ด้วย"
                f" thaiplan.strategy_tree({source!r})",
            )
        if not exists:
            names = ", ".join((*builtin_names("document"), *builtin_names("calendar")))
            raise _UsageError(
                f"{source}: no such file, and no built-in document of that name ({names})",
                f"{source}: ไม่มีไฟล์นี้ และไม่มีเอกสารในตัวที่ชื่อนี้ ({names})",
            )
        try:
            data, name = path.read_bytes(), str(path)
        except OSError as error:
            raise _UsageError(
                f"{source}: cannot read it: {_why(error)}",
                f"{source}: อ่านไฟล์ไม่ได้: {_why(error)}",
            ) from None
    stream = io.BytesIO(data)
    stream.name = name
    marker = DOCUMENT_FORMAT.encode()
    if b"format: " + marker in data or b'"format": "' + marker + b'"' in data:
        document = load_document(stream)
        if document.calendar is None:
            raise _UsageError(f"{name}: the document has no calendar", f"{name}: เอกสารไม่มีปฏิทิน")
        return document, document.calendar
    progress = b"thaiplan-progress/1"
    if b"format: " + progress in data or b'"format": "' + progress + b'"' in data:
        raise _UsageError(
            f"{name}: a progress file (thaiplan-progress/1), not a calendar; give it with the"
            f" calendar it reports on: thaiplan status CALENDAR --progress {name}",
            f"{name}: เป็นไฟล์รายงานความก้าวหน้า (thaiplan-progress/1) ไม่ใช่ปฏิทิน ให้ใช้คู่กับปฏิทิน:"
            f" thaiplan status CALENDAR --progress {name}",
        )
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


@functools.lru_cache(maxsize=1024)
def _char_width(char: str) -> int:
    """Columns one character takes: 0 for a mark above or below, 2 for a wide one, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


@functools.lru_cache(maxsize=65536)
def _width(text: str) -> int:
    """Columns a string takes in a terminal.

    Thai vowels and tone marks above and below a letter take none; wide East
    Asian characters take two. Both this and the width of each character are
    cached: a table of 100,000 steps repeats its dates, slack and parties.

    >>> _width("ภายใน ๑๕ ก.ค. ๖๑"), _width("ปี"), _width("日本")
    (16, 1, 4)
    """
    return sum(map(_char_width, text))


def _fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` columns (with …) and pad it to exactly that.

    >>> _fit("ที่ปรึกษา", 4) + "|", _fit("ab", 4) + "|"
    ('ที่ปรึ…|', 'ab  |')
    """
    text = " ".join(text.split())
    used = _width(text)
    if used > width:
        kept = 0
        used = 0
        for char in text:  # one pass: each character's width added once
            columns = _char_width(char)
            if used + columns > width - 1:
                break
            used += columns
            kept += 1
        text = text[:kept] + "…"
        used += _char_width("…")
    return text + " " * (width - used)


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
        raise _UsageError(
            f"{output}: cannot write it: {_why(error)}",
            f"{output}: เขียนไฟล์ไม่ได้: {_why(error)}",
        ) from None
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
