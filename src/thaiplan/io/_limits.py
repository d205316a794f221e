"""What a calendar file may cost: its size, its depth, what its aliases expand to, its numbers.

Each limit is checked before the work it bounds is paid for, and each refusal
is a located :class:`~thaiplan.errors.FileProblem` that names the limit:

- **Size.** A file larger than :data:`MAX_FILE_BYTES` is refused before it is
  read (a path is measured on disk, a stream is read one byte past the limit,
  text is measured in UTF-8). A calendar of 100,000 steps, the national scale
  (77 provinces, about 7,850 local governments), is about 33 MB as indented
  JSON and 22 MB as YAML; the limit leaves half as much again for long titles
  and notes. Raise it with ``max_bytes=`` or the environment variable
  ``THAIPLAN_MAX_FILE_BYTES``.
- **Depth.** Lists and mappings nest at most :data:`MAX_DEPTH` levels. The
  deepest path of the format is seven levels
  (``meeting.agenda[0].resolutions[0].actions[0].who[0]``); every pass over the
  tree recurses once a level, so the limit keeps them far from Python's
  recursion limit (1,000 frames), and a file nested a million levels deep is
  refused at its 65th level, without a ``RecursionError``.
- **Aliases.** A YAML alias (``*name``) stands for a copy of what its anchor
  (``&name``) holds, so a file of a few hundred bytes can stand for billions of
  values (the "billion laughs"). At every alias, the values that aliases have
  added so far may be at most as many as the file has written out itself up
  to there, or :data:`ALIAS_FLOOR` when that is more. An alias that refers to
  the list or mapping it is inside would be infinite and is refused.
- **Numbers.** Durations and lags are at most :data:`MAX_DAYS` days, and
  years are Buddhist-Era years a :class:`~thaiplan.dates.FiscalYear` can name;
  a number of more than :data:`MAX_DIGITS` digits is not read at all.
"""

from __future__ import annotations

import os
from typing import Final

from thaiplan.errors import ThaiplanTypeError

#: The largest file, in bytes, that the loaders read unless told otherwise.
MAX_FILE_BYTES: Final = 48 * 2**20
#: The environment variable that sets another limit (a whole number of bytes).
MAX_FILE_BYTES_VARIABLE: Final = "THAIPLAN_MAX_FILE_BYTES"
#: How deep lists and mappings may nest.
MAX_DEPTH: Final = 64
#: The values aliases may always add, whatever the size of the file: about
#: the values of a 12,000-step calendar, a few tenths of a second of reading.
ALIAS_FLOOR: Final = 100_000
#: The longest duration or lag, in days: a century. No step of a plan lasts
#: that long (the National Strategy spans 20 years), and the days a schedule
#: computes from a calendar's years then stay far inside the dates Python holds.
MAX_DAYS: Final = 36_525
#: The first and last Buddhist-Era years a file may name (those of
#: :class:`~thaiplan.dates.FiscalYear`: BE 2400, CE 1857, to CE 9999).
MIN_YEAR: Final = 2400
MAX_YEAR: Final = 9999 + 543
#: The most digits a number in a file may have: Python itself refuses to
#: read more than 4,300 (``sys.get_int_max_str_digits``), and no value of the
#: format needs more than a handful.
MAX_DIGITS: Final = 100


def max_bytes(given: int | None) -> int:
    """The size limit in force: ``given``, else the environment variable, else the default.

    Raises:
        ThaiplanTypeError: ``given`` is not a whole number.
        CalendarFileError: The environment variable is not a whole number
            (raised by the caller, which knows the file).
    """
    if given is not None:
        if isinstance(given, bool) or not isinstance(given, int):
            raise ThaiplanTypeError("max_bytes", given, "a whole number of bytes or None")
        return given
    written = os.environ.get(MAX_FILE_BYTES_VARIABLE, "").strip()
    if not written:
        return MAX_FILE_BYTES
    try:
        return int(written.replace("_", ""))
    except ValueError:
        raise ThaiplanTypeError(
            f"the environment variable {MAX_FILE_BYTES_VARIABLE}",
            written,
            "a whole number of bytes",
        ) from None


def size_text(size: int) -> str:
    """A size in bytes for a message: ``52,428,800 bytes (50.0 MiB)``, ``54 bytes``."""
    return f"{size:,} bytes ({size / 2**20:.1f} MiB)" if size >= 2**20 else f"{size:,} bytes"


def too_large(size: int, limit: int, *, exact: bool = True) -> tuple[str, str]:
    """The English and Thai message of a file over the size limit."""
    amount = size_text(size) if exact else f"more than {size_text(limit)}"
    amount_th = size_text(size) if exact else f"มากกว่า {size_text(limit)}"
    return (
        f"the file is {amount}, over the limit of {size_text(limit)};"
        f" if it is a calendar, raise the limit with max_bytes= or the environment"
        f" variable {MAX_FILE_BYTES_VARIABLE}",
        f"ไฟล์มีขนาด {amount_th} เกินขีดจำกัด {size_text(limit)}"
        f" หากเป็นปฏิทินจริง เพิ่มขีดจำกัดด้วย max_bytes= หรือตัวแปรสภาพแวดล้อม"
        f" {MAX_FILE_BYTES_VARIABLE}",
    )
