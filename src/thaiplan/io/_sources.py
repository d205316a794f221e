"""Where a file's text comes from: a path, a stream or a built-in name, within the size limit.

The passes of loading are described in :mod:`thaiplan.io._files`.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path
from typing import Literal

import attrs

from thaiplan.errors import CalendarFileError, FileProblem, ThaiplanTypeError
from thaiplan.io._limits import max_bytes as limit
from thaiplan.io._limits import too_large
from thaiplan.io._reader import Source
from thaiplan.io._syntax import decode
from thaiplan.model._document import PlanningDocument
from thaiplan.model._steps import PlanningCalendar


def _problem_error(name: str, message: str, message_th: str | None = None) -> CalendarFileError:
    return CalendarFileError(name, [FileProblem(name, None, None, "", message, message_th)])


def _source_kind(function: str, source: object) -> None:
    """Refuse what is not a source at all, naming the function and what came."""
    if isinstance(source, str | os.PathLike) or hasattr(source, "read"):
        return
    hint = None
    if isinstance(source, bytes | bytearray):
        hint = "for the text of a file, use loads_calendar(text) or io.BytesIO(data)"
    elif isinstance(source, PlanningCalendar | PlanningDocument):
        hint = "it is already loaded"
    raise ThaiplanTypeError(
        f"{function}(source)",
        source,
        "a path, an open file or the name of a built-in calendar",
        hint=hint,
    )


def _short(value: object) -> str:
    if attrs.has(type(value)):
        return f"a {type(value).__name__}"
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _read_source(source: Source, limit: int) -> tuple[str, str]:
    """Return (text, file name) for a path or a file object, refusing a file over ``limit`` bytes."""
    if isinstance(source, str | os.PathLike):
        if isinstance(source, str) and not source.strip():
            raise _problem_error(
                repr(source),
                "no file named: give the path of a calendar file or a built-in name"
                f" ({', '.join(builtin_names())})",
                "ไม่ได้ระบุชื่อไฟล์ ให้ระบุพาธของไฟล์ปฏิทินหรือชื่อปฏิทินในตัว",
            )
        path = Path(source)
        name = str(path)
        data, size, folder = b"", 0, False
        try:
            folder = path.is_dir()
            if not folder:
                size = path.stat().st_size
                if size <= limit:
                    with path.open("rb") as file:
                        data = file.read(limit + 1)
        except OSError as error:
            message = f"cannot read: {error.strerror or error}"
            if isinstance(source, str) and not path.suffix and len(path.parts) == 1:
                names = ", ".join((*builtin_names("document"), *builtin_names("calendar")))
                message = f"no such file, and no built-in calendar of that name (built-in: {names})"
            raise _problem_error(name, message) from None
        except ValueError as error:  # a NUL in the name
            raise _problem_error(name, f"cannot read: not a file name ({error})") from None
        if folder:
            raise _problem_error(
                name,
                "this is a folder, not a calendar file: name a file in it",
                "นี่คือโฟลเดอร์ ไม่ใช่ไฟล์ปฏิทิน ให้ระบุไฟล์ที่อยู่ในโฟลเดอร์",
            )
        if size > limit:
            raise _problem_error(name, *too_large(size, limit))
    else:
        name = str(getattr(source, "name", "<stream>"))
        try:
            raw = source.read(limit + 1)
        except OSError as error:
            raise _problem_error(name, f"cannot read: {error}") from None
        if isinstance(raw, str):
            if len(raw) > limit:
                raise _problem_error(name, *too_large(limit, limit, exact=False))
            return raw, name
        if not isinstance(raw, bytes | bytearray):
            raise ThaiplanTypeError(f"what the file object {name} read", raw, "text or bytes")
        data = bytes(raw)
    if len(data) > limit:
        raise _problem_error(name, *too_large(limit, limit, exact=False))
    return decode(data, name), name


def _check_text_size(text: str, name: str, limit: int) -> None:
    if len(text) > limit // 4 and len(text.encode("utf-8", "surrogatepass")) > limit:
        size = len(text.encode("utf-8", "surrogatepass"))
        raise _problem_error(name, *too_large(size, limit))


def builtin_names(
    kind: Literal["document", "calendar", "strategy-tree"] | None = None,
) -> tuple[str, ...]:
    """The names of the built-in documents and calendars, and of the built-in strategy trees.

    Args:
        kind: ``"document"`` for the documents alone (a calendar inside a
            whole document), ``"calendar"`` for the calendar files alone (the
            national budget calendars), ``"strategy-tree"`` for the trees alone.

    >>> builtin_names("document")
    ('samut-sakhon-2563',)
    >>> builtin_names("calendar")[:2]
    ('budget-2562', 'budget-2563')
    """
    folder = resources.files("thaiplan") / "data"
    trees = (
        [entry.name for entry in (folder / "strategies").iterdir()]
        if kind in (None, "strategy-tree")
        else []
    )
    wanted = _DOCUMENT if kind == "document" else _CALENDAR if kind == "calendar" else None
    return tuple(
        sorted(
            entry.name.removesuffix(".yaml")
            for entry in folder.iterdir()
            if entry.name.endswith(".yaml")
            and kind != "strategy-tree"
            and (wanted is None or _format_of(entry.name) == wanted)
        )
    ) + tuple(sorted(name.removesuffix(".yaml") for name in trees if name.endswith(".yaml")))


_DOCUMENT = "thaiplan-document/1"
_CALENDAR = "thaiplan-calendar/1"


@functools.lru_cache(maxsize=64)
def _format_of(file_name: str) -> str:
    """The ``format:`` of a built-in file, read from its top-level line (no YAML parser)."""
    entry = resources.files("thaiplan") / "data" / file_name
    with entry.open("r", encoding="utf-8") as file:
        for line in file:
            if line.startswith("format:"):
                return line.removeprefix("format:").strip().strip("'\"")
    return ""


def _builtin_text(name: str) -> str | None:
    if "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        return None
    entry = resources.files("thaiplan") / "data" / f"{name}.yaml"
    return entry.read_text(encoding="utf-8") if entry.is_file() else None


def _is_builtin_name(source: Source) -> bool:
    if not isinstance(source, str) or not source or len(source) > 200:
        return False
    try:
        exists = os.path.exists(source)
    except ValueError:
        return False
    return not exists and _builtin_text(source) is not None


def _text_of(function: str, source: Source, max_bytes: int | None) -> tuple[str, str]:
    """The text and name of a source: a built-in name, a path or a file object."""
    _source_kind(function, source)
    size_limit = limit(max_bytes)
    if _is_builtin_name(source):
        assert isinstance(source, str)
        text = _builtin_text(source)
        assert text is not None
        return text, f"<built-in {source}>"
    return _read_source(source, size_limit)
