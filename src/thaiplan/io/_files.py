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

import json
import os
from importlib import resources
from pathlib import Path
from typing import IO, Any, Final, Literal

import yaml

from thaiplan.errors import CalendarFileError, FileProblem
from thaiplan.io._check import (
    _check_document_references,
    _check_record,
    _check_references,
    _describe,
)
from thaiplan.io._convert import _converter
from thaiplan.io._reader import (
    _UNSAFE,
    Path_,
    Source,
    _compose,
    _Dumper,
    _fail,
    _Reader,
)
from thaiplan.model._document import PlanningDocument
from thaiplan.model._steps import PlanningCalendar

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


def _read_source(source: Source) -> tuple[str, str]:
    """Return (text, file name) for a path or a file object."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as error:
            message = f"cannot read: {error.strerror}"
            if isinstance(source, str) and not path.suffix and len(path.parts) == 1:
                names = ", ".join(builtin_names("document"))
                message = f"no such file, and no built-in calendar of that name (built-in: {names})"
            raise CalendarFileError(
                str(path), [FileProblem(str(path), None, None, "", message)]
            ) from None
        name = str(path)
    else:
        name = str(getattr(source, "name", "<stream>"))
        raw = source.read()
        if isinstance(raw, str):
            return raw, name
        data = raw
    try:
        return data.decode("utf-8-sig"), name
    except UnicodeDecodeError as error:
        raise CalendarFileError(
            name,
            [
                FileProblem(
                    name, None, None, "", f"not UTF-8 text (byte {error.start}); save it as UTF-8"
                )
            ],
        ) from None


def builtin_names(kind: Literal["document", "strategy-tree"] | None = None) -> tuple[str, ...]:
    """The names of the built-in documents and calendars, and of the built-in strategy trees.

    Args:
        kind: ``"document"`` for the documents alone, ``"strategy-tree"`` for the trees alone.

    >>> builtin_names("document")
    ('samut-sakhon-2563',)
    """
    folder = resources.files("thaiplan") / "data"
    trees = (
        [entry.name for entry in (folder / "strategies").iterdir()] if kind != "document" else []
    )
    return tuple(
        sorted(
            entry.name.removesuffix(".yaml")
            for entry in folder.iterdir()
            if entry.name.endswith(".yaml") and kind != "strategy-tree"
        )
    ) + tuple(sorted(name.removesuffix(".yaml") for name in trees if name.endswith(".yaml")))


def _builtin_text(name: str) -> str | None:
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    entry = resources.files("thaiplan") / "data" / f"{name}.yaml"
    return entry.read_text(encoding="utf-8") if entry.is_file() else None


def _is_builtin_name(source: Source) -> bool:
    return (
        isinstance(source, str) and not os.path.exists(source) and _builtin_text(source) is not None
    )


def loads_calendar(text: str, *, file: str = "<string>") -> PlanningCalendar:
    """Read a calendar from the text of a calendar file (YAML or JSON).

    Raises:
        CalendarFileError: The text has problems; all of them are listed.

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
    reader = _Reader(file)
    data = _compose(text, reader)
    if isinstance(data, dict) and data.get("format") == DOCUMENT_FORMAT:
        calendar = _structure_document(reader, data).calendar
        if calendar is None:
            raise CalendarFileError(
                file, [FileProblem(file, 1, 1, "", "the document has no calendar")]
            )
        return calendar
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
    clean = _check_record(reader, body, PlanningCalendar, path)
    _check_references(reader, body, path)
    if reader.problems or not clean:
        raise _fail(reader)
    return _converter().structure(body, PlanningCalendar)


def _structure_document(reader: _Reader, data: Any) -> PlanningDocument:
    body = _check_format(reader, data, DOCUMENT_FORMAT, ())
    clean = _check_record(reader, body, PlanningDocument, ())
    if isinstance(body.get("calendar"), dict):
        _check_references(reader, body["calendar"], ("calendar",))
    _check_document_references(reader, body)
    if reader.problems or not clean:
        raise _fail(reader)
    return _converter().structure(body, PlanningDocument)


def load_calendar(source: Source) -> PlanningCalendar:
    """Read a calendar from a file, a file object, or the name of a built-in calendar.

    Args:
        source: A path (``.yaml``, ``.yml`` or ``.json``), an open file, or a
            built-in name such as ``"samut-sakhon-2563"`` (see :func:`builtin_names`).
            A document file gives its calendar.

    Raises:
        CalendarFileError: The file cannot be read or has problems; every
            problem is listed with its line and column.

    >>> load_calendar("samut-sakhon-2563").fiscal_year
    2563
    """
    if _is_builtin_name(source):
        assert isinstance(source, str)
        text = _builtin_text(source)
        assert text is not None
        return loads_calendar(text, file=f"<built-in {source}>")
    text, name = _read_source(source)
    return loads_calendar(text, file=name)


def load_document(source: Source) -> PlanningDocument:
    """Read a whole planning document: letter, meeting, calendar.

    Args:
        source: A path, an open file, or a built-in name (``"samut-sakhon-2563"``).

    Raises:
        CalendarFileError: The file cannot be read or has problems.

    >>> document = load_document("samut-sakhon-2563")
    >>> document.meeting.start.isoformat()
    '2018-04-04T13:30:00+07:00'
    """
    if _is_builtin_name(source):
        assert isinstance(source, str)
        text = _builtin_text(source)
        assert text is not None
        name = f"<built-in {source}>"
    else:
        text, name = _read_source(source)
    return loads_document(text, file=name)


def loads_document(text: str, *, file: str = "<string>") -> PlanningDocument:
    """Read a whole planning document from the text of a document file; inverse of :func:`dumps_document`.

    Raises:
        CalendarFileError: The text has problems; all of them are listed.

    >>> document = load_document("samut-sakhon-2563")
    >>> loads_document(dumps_document(document)) == document
    True
    """
    reader = _Reader(file)
    return _structure_document(reader, _compose(text, reader))


Format = Literal["yaml", "json"]


def dumps_calendar(calendar: PlanningCalendar, *, format: Format = "yaml") -> str:
    """Write a calendar as the text of a calendar file; inverse of :func:`loads_calendar`.

    Text that YAML 1.1 readers would take for something else (``no``, ``yes``,
    ``on``) is quoted, so that the file reads the same in any YAML tool.

    >>> calendar = load_calendar("samut-sakhon-2563")
    >>> loads_calendar(dumps_calendar(calendar)) == calendar
    True
    """
    return _dumps({"format": CALENDAR_FORMAT, **_converter().unstructure(calendar)}, format)


def dumps_document(document: PlanningDocument, *, format: Format = "yaml") -> str:
    """Write a whole document as text; inverse of :func:`load_document`.

    >>> import io
    >>> document = load_document("samut-sakhon-2563")
    >>> document == load_document(io.StringIO(dumps_document(document)))
    True
    """
    return _dumps({"format": DOCUMENT_FORMAT, **_converter().unstructure(document)}, format)


def _dumps(data: dict[str, Any], format: str) -> str:
    if format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        # Thai stays as it is; the few characters a YAML reader refuses are escaped.
        return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    if format != "yaml":
        raise CalendarFileError(
            "<output>",
            [
                FileProblem(
                    "<output>", None, None, "", f"unknown format {format!r}; use 'yaml' or 'json'"
                )
            ],
        )
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**30,
    )


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
    """
    if format is None:
        suffix = (
            Path(destination).suffix.lower() if isinstance(destination, str | os.PathLike) else ""
        )
        format = "json" if suffix == ".json" else "yaml"
    text = dumps_calendar(calendar, format=format)
    if isinstance(destination, str | os.PathLike):
        Path(destination).write_text(text, encoding="utf-8")
    else:
        destination.write(text)


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
    """
    if format is None:
        suffix = (
            Path(destination).suffix.lower() if isinstance(destination, str | os.PathLike) else ""
        )
        format = "json" if suffix == ".json" else "yaml"
    text = dumps_document(document, format=format)
    if isinstance(destination, str | os.PathLike):
        Path(destination).write_text(text, encoding="utf-8")
    else:
        destination.write(text)


def calendar_schema() -> dict[str, Any]:
    """The JSON Schema of the calendar file format, as shipped with thaiplan.

    >>> calendar_schema()["properties"]["format"]["const"]
    'thaiplan-calendar/1'
    """
    text = (resources.files("thaiplan") / "data" / "calendar.schema.json").read_text(
        encoding="utf-8"
    )
    schema: dict[str, Any] = json.loads(text)
    return schema
