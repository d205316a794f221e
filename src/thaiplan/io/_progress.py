"""Progress files: the reports of a planning round, ``thaiplan-progress/1``, kept beside the calendar.

A progress file is read by the same reader as calendar files (YAML 1.2 or
JSON, every problem at its line and column at once) and written so that
``loads_progress(dumps_progress(p)) == p``, dates and Thai text as written::

    format: thaiplan-progress/1
    as_of: ๑๕ มิถุนายน ๒๕๖๑
    calendar: samut-sakhon-2563
    steps:
      s1: {finished: ๓๐ เม.ย. ๖๑, by: สำนักงานจังหวัดสมุทรสาคร}
      s4: {state: กำลังดำเนินการ, started: ๑ พ.ค. ๖๑, percent: 60}

``steps`` is keyed by step id; each record holds the fields of
:class:`~thaiplan.StepProgress` but its ``step``.
"""

from __future__ import annotations

import os
from typing import IO, Any, Final

from thaiplan.errors import ModelTypeError, ThaiplanTypeError
from thaiplan.io._check import _check_record, _describe
from thaiplan.io._convert import _converter
from thaiplan.io._files import Format, _dumps, shipped_schema, write_to
from thaiplan.io._limits import max_bytes as limit
from thaiplan.io._reader import Path_, Source, _compose, _fail, _Reader
from thaiplan.io._sources import _check_text_size, _text_of
from thaiplan.model._progress import Progress, StepProgress

__all__ = [
    "PROGRESS_FORMAT",
    "dump_progress",
    "dumps_progress",
    "load_progress",
    "loads_progress",
    "progress_schema",
]

#: The ``format`` key of a progress file.
PROGRESS_FORMAT: Final = "thaiplan-progress/1"


def loads_progress(text: str, *, file: str = "<string>") -> Progress:
    """Read progress reports from the text of a progress file (YAML or JSON).

    Raises:
        CalendarFileError: The text has problems; all of them are listed.

    >>> progress = loads_progress('''
    ... format: thaiplan-progress/1
    ... as_of: ๑๕ มิถุนายน ๒๕๖๑
    ... steps:
    ...   s1: {finished: ๓๐ เม.ย. ๖๑}
    ... ''')
    >>> progress.date, progress["s1"].actual_finish
    (datetime.date(2018, 6, 15), datetime.date(2018, 4, 30))
    """
    if not isinstance(text, str):
        raise ThaiplanTypeError(
            "loads_progress(text)",
            text,
            "the text of a progress file as a str",
            hint="for a path or a file, use load_progress()" if text is not None else None,
        )
    if not isinstance(file, str):
        raise ThaiplanTypeError("loads_progress(file)", file, "a str, the name to give problems")
    _check_text_size(text, file, limit(None))
    reader = _Reader(file)
    data = _compose(text, reader)
    if not isinstance(data, dict):
        reader.problem(
            (), f"expected a mapping with 'format: {PROGRESS_FORMAT}', found {_describe(data)}"
        )
        raise _fail(reader)
    body = dict(data)
    written = body.pop("format", None)
    if written is None:
        reader.problem((), f"the file needs 'format: {PROGRESS_FORMAT}' at the top")
    elif written != PROGRESS_FORMAT:
        reader.problem(
            ("format",), f"unknown format {written!r}; this reader reads {PROGRESS_FORMAT!r}"
        )
    steps = body.pop("steps", {})
    records: list[dict[str, Any]] = []
    if steps is None:
        steps = {}
    if not isinstance(steps, dict):
        reader.problem(
            ("steps",),
            f"steps is a mapping from step id to its report (s1: {{finished: ...}}),"
            f" not {_describe(steps)}",
        )
        steps = {}
    for step_id, value in steps.items():
        path: Path_ = ("steps", step_id)
        if value is None:
            value = {}
        if not isinstance(value, dict):
            reader.problem(
                path, f"the report of step {step_id} is a mapping, not {_describe(value)}"
            )
            continue
        if "step" in value:
            reader.problem(
                (*path, "step"), "the step id is the key of its report; remove 'step'", at_key=True
            )
            continue
        record = {"step": step_id, **value}
        if _check_record(reader, record, StepProgress, path):
            records.append(record)
    clean = _check_record(reader, body, Progress, ())
    if reader.problems or not clean:
        raise _fail(reader)
    converter = _converter()
    progress = converter.structure(body, Progress)
    return Progress(
        progress.as_of,
        [converter.structure(record, StepProgress) for record in records],
        calendar=progress.calendar,
        notes=progress.notes,
    )


def load_progress(source: Source) -> Progress:
    """Read progress reports from a file or an open file object.

    Raises:
        CalendarFileError: The file cannot be read or has problems; every
            problem is listed with its line and column.
    """
    text, name = _text_of("load_progress", source, None)
    return loads_progress(text, file=name)


def dumps_progress(progress: Progress, *, format: Format = "yaml") -> str:
    """Write progress reports as the text of a progress file; inverse of :func:`loads_progress`.

    >>> from thaiplan import Progress, StepProgress
    >>> progress = Progress("๑๕ มิ.ย. ๖๑", [StepProgress("s1", finished="๓๐ เม.ย. ๖๑")])
    >>> print(dumps_progress(progress), end="")
    format: thaiplan-progress/1
    as_of: ๑๕ มิ.ย. ๖๑
    steps:
      s1:
        finished: ๓๐ เม.ย. ๖๑
    >>> loads_progress(dumps_progress(progress)) == progress
    True
    """
    if not isinstance(progress, Progress):
        raise ModelTypeError("dumps_progress(progress)", progress, "a Progress")
    converter = _converter()
    data: dict[str, Any] = {"format": PROGRESS_FORMAT, **converter.unstructure(progress)}
    records = data.pop("steps", [])
    rest = {key: data.pop(key) for key in list(data) if key not in ("format", "as_of")}
    if records:
        data["steps"] = {record.pop("step"): record for record in records}
    data.update(rest)
    return _dumps(data, format)


def dump_progress(
    progress: Progress,
    destination: str | os.PathLike[str] | IO[str],
    *,
    format: Format | None = None,
) -> None:
    """Write progress reports to a path or a text file object; inverse of :func:`load_progress`.

    Args:
        progress: The reports.
        destination: A path or an open text file.
        format: ``"yaml"`` or ``"json"``; by default from the path's suffix.

    Raises:
        FileWriteError: The path is a folder, or its folder does not exist,
            or the file cannot be written.
        ThaiplanTypeError: ``destination`` is neither a path nor a file.
    """
    write_to(
        destination, format, lambda chosen: dumps_progress(progress, format=chosen), "dump_progress"
    )


def progress_schema() -> dict[str, Any]:
    """The JSON Schema of the progress file format, as shipped with thaiplan.

    >>> progress_schema()["properties"]["format"]["const"]
    'thaiplan-progress/1'
    """
    return shipped_schema("progress")
