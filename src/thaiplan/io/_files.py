"""Files in, files out: the calendar file format (YAML or JSON, one schema).

Theory of operation
-------------------
Loading a file runs these passes, collecting every problem before it raises
one :class:`~thaiplan.errors.CalendarFileError` that lists them all:

1. **Compose.** The text is composed into a node tree by PyYAML with a
   resolver for the YAML 1.2 core schema, not PyYAML's YAML 1.1 default: only
   ``true``/``false`` are booleans (``no``, ``yes``, ``on``, ``off`` stay text,
   so ``no: 1`` is the key ``"no"``), ``13:30`` is text (not the sexagesimal
   810), ``2018-05-01`` is text (not a date). JSON is read by the same
   composer, so JSON files get lines and columns too. Nothing is constructed
   by tag: a tag such as ``!!python/object`` is a problem, never code run.
2. **Plain values.** The nodes become dicts, lists, strings, numbers, with a
   map from each value's path (``steps[2].after[0]``) to its line and column.
   Duplicate keys are problems (YAML loaders silently keep the last one).
3. **Check.** The plain values are walked against the attrs classes of the
   model: unknown keys (with the nearest known key suggested), missing keys,
   wrong types, enum values, dates that :func:`~thaiplan.dates.parse_period`
   cannot read (placed at the column of the bad character), and every record's
   own validators.
4. **References.** Duplicate ids (an agency and a committee share one id
   space); ``after``, ``phase``, ``responsible``, agencies' ``parent`` and
   ``members``, committees' ``parent``, ``members`` and ``secretariat``,
   plans' ``owner`` and ``consistent_with``, and in a document the actions'
   ``who`` and ``step`` and the recipients' ``agency``, that name nothing.
5. **Structure.** Only a file without problems is structured, by cattrs,
   into the model. Writing unstructures by cattrs too, omitting defaults and
   derived fields (``Step.period`` is re-read from ``Step.when``), so that
   ``load(dump(c)) == c``, Thai text byte for byte.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import IO, Any, Final, Literal, cast

import yaml

from thaiplan.dates import parse_period
from thaiplan.errors import (
    CalendarFileError,
    FileProblem,
    FileWriteError,
    ModelError,
    ThaiplanTypeError,
)
from thaiplan.io._check import (
    _check_document_references,
    _check_record,
    _check_references,
    _describe,
    give_years,
    period_parser,
)
from thaiplan.io._convert import _converter, _fast_converter
from thaiplan.io._fast import _FastReader, read
from thaiplan.io._limits import max_bytes as limit
from thaiplan.io._locate import kept, remembered
from thaiplan.io._reader import (
    _UNSAFE,
    Path_,
    Source,
    _CDumper,
    _Dumper,
    _fail,
    _Reader,
)
from thaiplan.io._sources import (
    _check_text_size,
    _text_of,
    builtin_names,
)
from thaiplan.model._document import PlanningDocument
from thaiplan.model._steps import PlanningCalendar, Step
from thaiplan.scheduling._pause import paused_collection

__all__ = [
    "CALENDAR_FORMAT",
    "DOCUMENT_FORMAT",
    "builtin_names",
    "calendar_schema",
    "dump_calendar",
    "dump_document",
    "dumps_calendar",
    "dumps_document",
    "load_calendar",
    "load_document",
    "loads_calendar",
    "loads_document",
]

#: The ``format`` key of a calendar file.
CALENDAR_FORMAT: Final = "thaiplan-calendar/1"
#: The ``format`` key of a whole-document file.
DOCUMENT_FORMAT: Final = "thaiplan-document/1"


# -- public functions -------------------------------------------------------------------


def _load(function: str, source: Source, max_bytes: int | None, shape: Any) -> Any:
    """Read ``source`` by ``shape``; a path's text is let go once read, and read again if need be."""
    text, name = _text_of(function, source, max_bytes)
    if not isinstance(source, str | os.PathLike):
        # a stream cannot be read twice: its text is kept
        return remembered(read(text, name, shape), name, kept(text))
    box = [text]
    del text
    again = lambda: _text_of(function, source, max_bytes)[0]  # noqa: E731
    return remembered(read(box, name, shape, again), name, again)


def loads_calendar(
    text: str, *, file: str = "<string>", max_bytes: int | None = None
) -> PlanningCalendar:
    """Read a calendar from the text of a calendar file (YAML or JSON).

    A document's text gives its calendar.

    Args:
        text: The text of the file.
        file: The name to give problems.
        max_bytes: The largest text to read, in bytes of UTF-8; by default the
            environment variable ``THAIPLAN_MAX_FILE_BYTES``, or 48 MiB.

    Raises:
        CalendarFileError: The text has problems; all of them are listed.
        ThaiplanTypeError: ``text`` is not a ``str``.

    >>> calendar = loads_calendar('''
    ... format: thaiplan-calendar/1
    ... title: ปฏิทินทดลอง
    ... province: สมุทรสาคร
    ... fiscal_year: 2563
    ... phases: [{id: p1, title: Area Based}]
    ... steps:
    ...   - {id: s1, no: 1, phase: p1, title: เก็บข้อมูล, when: ภายใน พ.ค. ๖๑}
    ... ''')
    >>> calendar.steps[0].period.end
    datetime.date(2018, 5, 31)
    """
    if not isinstance(cast(object, text), str):
        raise ThaiplanTypeError(
            "loads_calendar(text)",
            text,
            "the text of a file as a str",
            hint="for a path or a file, use load_calendar()" if text is not None else None,
        )
    if not isinstance(cast(object, file), str):
        raise ThaiplanTypeError("loads_calendar(file)", file, "a str, the name to give problems")
    _check_text_size(text, file, limit(max_bytes))
    return remembered(read(text, file, _calendar_of), file, lambda: text)


def _calendar_of(reader: _Reader, data: Any) -> PlanningCalendar:
    if isinstance(data, dict) and data.get("format") == DOCUMENT_FORMAT:
        calendar = _structure_document(reader, data).calendar
        if calendar is None:
            raise CalendarFileError(
                reader.file,
                [
                    FileProblem(
                        reader.file, 1, 1, "", "the document has no calendar", "เอกสารไม่มีปฏิทิน"
                    )
                ],
            )
        return calendar
    return _structure_calendar(reader, data, ())


def _document_of(reader: _Reader, data: Any) -> PlanningDocument:
    return _structure_document(reader, data)


def _either_of(reader: _Reader, data: Any) -> PlanningDocument | PlanningCalendar:
    if isinstance(data, dict) and data.get("format") == DOCUMENT_FORMAT:
        return _structure_document(reader, data)
    return _structure_calendar(reader, data, ())


def _check_format(reader: _Reader, data: Any, expected: str, path: Path_) -> dict[str, Any]:
    if not isinstance(data, dict):
        reader.problem(
            path, f"expected a mapping with 'format: {expected}', found {_describe(data)}"
        )
        raise _fail(reader)
    body = dict(data)
    written = body.pop("format", None)
    if path == () and written != expected:
        if written is None:
            reader.problem(path, f"the file needs 'format: {expected}' at the top")
        else:
            reader.problem(
                (*path, "format"), f"unknown format {written!r}; this thaiplan reads {expected!r}"
            )
    elif path != () and written is not None:
        reader.problem((*path, "format"), "only the top of a file has a format key", at_key=True)
    return body


def _structure_calendar(reader: _Reader, data: Any, path: Path_) -> PlanningCalendar:
    body = _check_format(reader, data, CALENDAR_FORMAT, path)
    give_years(body)
    clean = _check_record(reader, body, PlanningCalendar, path)
    _check_references(reader, body, path)
    if reader.problems or not clean:
        raise _fail(reader)
    if reader.fast:
        _give_periods(reader, body)
        return _fast_converter().structure(body, PlanningCalendar)
    return _converter().structure(body, PlanningCalendar)


def _give_periods(reader: _Reader, calendar: dict[str, Any]) -> None:
    """Structure the steps one by one, each given the period its ``when`` was read as.

    The checks read each distinct ``when`` once; every step that states it
    shares that period (periods are immutable). Each step's values are let go
    as soon as its record exists, so that a large calendar is not held twice.
    """
    read = reader.parsed
    periods = read.get(parse_period, {})
    steps = calendar.get("steps")
    if not isinstance(steps, list):
        return
    structure = _fast_converter().structure
    records = []
    for index in range(len(steps)):
        step = steps[index]
        steps[index] = None
        if isinstance(step, dict):
            year = step.get("year")
            known = periods if year is None else read.get(period_parser(year), {})
            period = known.get(step.get("when", ""))
            if period is not None:
                step = {**step, "period": period}
            records.append(structure(step, Step))
    calendar["steps"] = records


def _structure_document(reader: _Reader, data: Any) -> PlanningDocument:
    body = _check_format(reader, data, DOCUMENT_FORMAT, ())
    if isinstance(body.get("calendar"), dict):
        give_years(body["calendar"])
    clean = _check_record(reader, body, PlanningDocument, ())
    if isinstance(body.get("calendar"), dict):
        _check_references(reader, body["calendar"], ("calendar",))
    _check_document_references(reader, body)
    if reader.problems or not clean:
        raise _fail(reader)
    if reader.fast:
        if isinstance(body.get("calendar"), dict):
            _give_periods(reader, body["calendar"])
        return _fast_converter().structure(body, PlanningDocument)
    return _converter().structure(body, PlanningDocument)


def load_calendar(source: Source, *, max_bytes: int | None = None) -> PlanningCalendar:
    """Read a calendar from a file, a file object, or the name of a built-in calendar.

    Args:
        source: A path (``.yaml``, ``.yml`` or ``.json``), an open file (text
            or binary), or a built-in name such as ``"samut-sakhon-2563"`` (see
            :func:`builtin_names`). A document file gives its calendar.
        max_bytes: The largest file to read, in bytes; by default the
            environment variable ``THAIPLAN_MAX_FILE_BYTES``, or 48 MiB. A
            larger file is refused before it is read.

    Raises:
        CalendarFileError: The file cannot be read or has problems; every
            problem is listed with its line and column.
        ThaiplanTypeError: ``source`` is none of these.

    >>> load_calendar("samut-sakhon-2563").fiscal_year
    2563
    """
    calendar: PlanningCalendar = _load("load_calendar", source, max_bytes, _calendar_of)
    return calendar


def load_document(source: Source, *, max_bytes: int | None = None) -> PlanningDocument:
    """Read a whole planning document: letter, meeting, calendar.

    Args:
        source: A path, an open file, or a built-in name (``"samut-sakhon-2563"``).
        max_bytes: The largest file to read, as for :func:`load_calendar`.

    Raises:
        CalendarFileError: The file cannot be read or has problems.
        ThaiplanTypeError: ``source`` is none of these.

    >>> document = load_document("samut-sakhon-2563")
    >>> document.meeting.start.isoformat()
    '2018-04-04T13:30:00+07:00'
    """
    document: PlanningDocument = _load("load_document", source, max_bytes, _document_of)
    return document


def _load_either(
    source: Source, *, max_bytes: int | None = None
) -> PlanningDocument | PlanningCalendar:
    """A document or a calendar, as the file's ``format`` says; the file is read once.

    For the command line, which takes either kind of file.
    """
    loaded: PlanningDocument | PlanningCalendar = _load("load", source, max_bytes, _either_of)
    return loaded


def loads_document(
    text: str, *, file: str = "<string>", max_bytes: int | None = None
) -> PlanningDocument:
    """Read a whole planning document from the text of a document file; inverse of :func:`dumps_document`.

    Args:
        text: The text of the file.
        file: The name to give problems.
        max_bytes: The largest text to read, as for :func:`loads_calendar`.

    Raises:
        CalendarFileError: The text has problems; all of them are listed.
        ThaiplanTypeError: ``text`` is not a ``str``.

    >>> document = load_document("samut-sakhon-2563")
    >>> loads_document(dumps_document(document)) == document
    True
    """
    if not isinstance(cast(object, text), str):
        raise ThaiplanTypeError(
            "loads_document(text)",
            text,
            "the text of a file as a str",
            hint="for a path or a file, use load_document()" if text is not None else None,
        )
    if not isinstance(cast(object, file), str):
        raise ThaiplanTypeError("loads_document(file)", file, "a str, the name to give problems")
    _check_text_size(text, file, limit(max_bytes))
    return remembered(read(text, file, _document_of), file, lambda: text)


Format = Literal["yaml", "json"]


def dumps_calendar(calendar: PlanningCalendar, *, format: Format = "yaml") -> str:
    """Write a calendar as the text of a calendar file; inverse of :func:`loads_calendar`.

    Text that YAML 1.1 readers would take for something else (``no``, ``yes``,
    ``on``) is quoted, so that the file reads the same in any YAML tool.

    What it writes reads back to an equal calendar: a calendar built in code
    with a value the file format cannot hold (a Gantt mark that is not a
    month, a duration of more than a century) is refused.

    Raises:
        ThaiplanTypeError: ``calendar`` is not a :class:`~thaiplan.PlanningCalendar`.
        ModelError: The calendar holds a value that would not read back.

    >>> calendar = load_calendar("samut-sakhon-2563")
    >>> loads_calendar(dumps_calendar(calendar)) == calendar
    True
    """
    if not isinstance(cast(object, calendar), PlanningCalendar):
        raise ThaiplanTypeError(
            "dumps_calendar(calendar)",
            calendar,
            "a PlanningCalendar",
            hint="for a document use dumps_document()"
            if isinstance(calendar, PlanningDocument)
            else None,
        )
    _check_format_name(format)
    with paused_collection():
        data = {"format": CALENDAR_FORMAT, **_converter().unstructure(calendar)}
        _check_writable(data, _calendar_checks, "calendar")
        return _dumps(data, format)


def dumps_document(document: PlanningDocument, *, format: Format = "yaml") -> str:
    """Write a whole document as text; inverse of :func:`load_document`.

    Raises:
        ThaiplanTypeError: ``document`` is not a :class:`~thaiplan.PlanningDocument`.
        ModelError: The document holds a value that would not read back.

    >>> import io
    >>> document = load_document("samut-sakhon-2563")
    >>> document == load_document(io.StringIO(dumps_document(document)))
    True
    """
    if not isinstance(cast(object, document), PlanningDocument):
        raise ThaiplanTypeError(
            "dumps_document(document)",
            document,
            "a PlanningDocument",
            hint="for a calendar use dumps_calendar()"
            if isinstance(document, PlanningCalendar)
            else None,
        )
    _check_format_name(format)
    with paused_collection():
        data = {"format": DOCUMENT_FORMAT, **_converter().unstructure(document)}
        _check_writable(data, _document_checks, "document")
        return _dumps(data, format)


def _check_writable(data: dict[str, Any], checks: Any, what: str) -> None:
    """Refuse to write what would not read back: the values get the checks of a file's.

    They are checked by a reader without marks first (the passes of loading
    but the last, structuring: the records exist already and their own
    validators have run); only a value that fails is checked again to say
    which, and where in the data.
    """
    try:
        checks(_FastReader(f"<the {what}>"), data)
        return
    except Exception:  # the marked checks below say what it is
        pass
    reader = _Reader(f"<the {what}>")
    with contextlib.suppress(CalendarFileError):
        checks(reader, data)
    if not reader.problems:
        return
    details = "; ".join(
        f"{problem.path}: {problem.message}" if problem.path else problem.message
        for problem in reader.problems
    )
    raise ModelError(f"this {what} cannot be written as a file that reads back: {details}")


def _calendar_checks(reader: _Reader, data: Any) -> None:
    body = give_years(_check_format(reader, data, CALENDAR_FORMAT, ()), copy=True)
    _check_record(reader, body, PlanningCalendar, ())
    _check_references(reader, body, ())


def _document_checks(reader: _Reader, data: Any) -> None:
    body = _check_format(reader, data, DOCUMENT_FORMAT, ())
    if isinstance(body.get("calendar"), dict):
        body["calendar"] = give_years(body["calendar"], copy=True)
    _check_record(reader, body, PlanningDocument, ())
    if isinstance(body.get("calendar"), dict):
        _check_references(reader, body["calendar"], ("calendar",))
    _check_document_references(reader, body)


def _check_format_name(format: object) -> None:
    if format not in ("yaml", "json"):
        raise CalendarFileError(
            "<output>",
            [
                FileProblem(
                    "<output>", None, None, "", f"unknown format {format!r}; use 'yaml' or 'json'"
                )
            ],
        )


def _dumps(data: dict[str, Any], format: str) -> str:
    if format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        # Thai stays as it is; the few characters a YAML reader refuses are escaped.
        return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    options: dict[str, Any] = {
        "allow_unicode": True,
        "sort_keys": False,
        "default_flow_style": False,
        "width": 2**30,
    }
    written: str = yaml.dump(data, Dumper=_CDumper, **options)
    if _CDumper is not _Dumper and "\\" in written:
        # libyaml escaped something PyYAML writes as it is: PyYAML's text
        written = yaml.dump(data, Dumper=_Dumper, **options)
    return written


def dump_calendar(
    calendar: PlanningCalendar,
    destination: str | os.PathLike[str] | IO[str],
    *,
    format: Format | None = None,
) -> None:
    """Write a calendar to a path or a text file object; inverse of :func:`load_calendar`.

    Args:
        calendar: The calendar.
        destination: A path or an open text file.
        format: ``"yaml"`` or ``"json"``; by default from the path's suffix
            (``.json`` is JSON, anything else YAML).

    Raises:
        FileWriteError: The path is a folder, or its folder does not exist,
            or the file cannot be written.
        ThaiplanTypeError: ``destination`` is neither a path nor a file.
    """
    write_to(
        destination, format, lambda chosen: dumps_calendar(calendar, format=chosen), "dump_calendar"
    )


def dump_document(
    document: PlanningDocument,
    destination: str | os.PathLike[str] | IO[str],
    *,
    format: Format | None = None,
) -> None:
    """Write a whole document to a path or a text file object; inverse of :func:`load_document`.

    Args:
        document: The document.
        destination: A path or an open text file.
        format: ``"yaml"`` or ``"json"``; by default from the path's suffix
            (``.json`` is JSON, anything else YAML).

    Raises:
        FileWriteError: The path is a folder, or its folder does not exist,
            or the file cannot be written.
        ThaiplanTypeError: ``destination`` is neither a path nor a file.
    """
    write_to(
        destination, format, lambda chosen: dumps_document(document, format=chosen), "dump_document"
    )


def write_to(
    destination: str | os.PathLike[str] | IO[str],
    format: Format | None,
    dumps: Callable[[Format], str],
    function: str,
) -> None:
    """Write ``dumps(format)`` to a path or an open text file; the format by default from the suffix.

    What every ``dump_*`` function does: a path's folder must exist, a folder
    is not a file, and anything else than a path or a text file is a
    :class:`~thaiplan.errors.ThaiplanTypeError` naming ``function``.
    """
    if not isinstance(destination, str | os.PathLike) and not hasattr(destination, "write"):
        raise ThaiplanTypeError(
            f"{function}(destination)", destination, "a path or an open text file"
        )
    if format is None:
        suffix = (
            Path(destination).suffix.lower() if isinstance(destination, str | os.PathLike) else ""
        )
        format = "json" if suffix == ".json" else "yaml"
    text = dumps(format)
    if isinstance(destination, str | os.PathLike):
        _write(Path(destination), text)
    else:
        destination.write(text)


def _write(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, with an error that says what to do when it cannot be."""
    name = str(path)
    if not name.strip() or name == ".":
        raise FileWriteError(errno.ENOENT, "no file named: give the path to write to", name)
    if path.is_dir():
        raise FileWriteError(
            errno.EISDIR, "this is a folder: name a file in it, such as calendar.yaml", name
        )
    folder = path.parent
    if not folder.is_dir():
        raise FileWriteError(
            errno.ENOENT, f"the folder {str(folder)!r} does not exist; create it first", name
        )
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise FileWriteError(error.errno or errno.EIO, error.strerror or str(error), name) from None


def calendar_schema() -> dict[str, Any]:
    """The JSON Schema of the calendar file format, as shipped with thaiplan.

    >>> calendar_schema()["properties"]["format"]["const"]
    'thaiplan-calendar/1'
    """
    return shipped_schema("calendar")


def shipped_schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``thaiplan/data/<name>.schema.json`` shipped with thaiplan."""
    text = (resources.files("thaiplan") / "data" / f"{name}.schema.json").read_text(
        encoding="utf-8"
    )
    schema: dict[str, Any] = json.loads(text)
    return schema
