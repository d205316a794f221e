"""The values of a matched date: the year rule, real dates, weekdays that agree.

These read the groups of a match of the date patterns (``_patterns.py``) into
dates, and raise :class:`~thaiplan.dates._diagnose._Problem` naming the group
at fault; the parsers (``_parse.py``, ``_notations.py``) place it in the text.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable
from typing import Final

from ._diagnose import _place, _Problem
from ._names import MONTH_NAMES, MONTH_VARIANTS, WEEKDAY_NAMES, WEEKDAY_VARIANTS
from ._text import BE_OFFSET

# -- the year rule and values -------------------------------------------------------


def _ce_year(digits: str, era: str | None, strict: bool, group: str) -> int:
    """Apply the year rule to the digits of a year; returns the CE year."""
    length = len(digits)
    # The length is looked at before int() reads the digits: a run of
    # thousands of digits is no year, and int() would refuse it anyway.
    value = int(digits) if length <= 5 else -1  # only Thai or ASCII digits reach here
    if era is not None and era[0] == "พ":
        if length == 2:
            return value + 2500 - BE_OFFSET
        # 3 digits too: พ.ศ. ๕๔๔-๙๙๙ are the Common-Era years 1-456, which
        # format_date writes that way (marked, so never ambiguous).
        if length in (3, 4, 5):
            if 544 <= value <= 9999 + BE_OFFSET:
                return value - BE_OFFSET
            raise _Problem(
                f"year พ.ศ. {digits} is outside the years a date can have"
                f" (พ.ศ. 544-{9999 + BE_OFFSET}, CE 1-9999)",
                "year_out_of_range",
                group=group,
            )
    elif era is not None:
        if length == 4 and value >= 1:
            return value
    elif length == 2:
        return value + 2500 - BE_OFFSET
    elif length == 4 and value >= 2400:
        return value - BE_OFFSET
    elif length == 4 and 1900 <= value <= 2200:
        if not strict:
            return value
        raise _Problem(
            f"year {digits} is not marked as พ.ศ. or ค.ศ. (strict)",
            "ambiguous_year",
            hint=f"ค.ศ. {digits}",
            group=group,
        )
    raise _Problem(
        f"cannot tell which era year {digits!r} is in: write 2 or 4 Buddhist-Era digits"
        " (๖๑, ๒๕๖๑) or mark it พ.ศ. or ค.ศ.",
        "ambiguous_year",
        group=group,
    )


def _make_date(year: int, month: int, day: int, groups: tuple[str, str, str]) -> dt.date:
    """Build a date; ``groups`` name the (year, month, day) groups, for errors."""
    if not 1 <= month <= 12:
        raise _Problem(f"there is no month {month}", "month_out_of_range", group=groups[1])
    try:
        return dt.date(year, month, day)
    except ValueError:
        if not 1 <= year <= 9999:
            raise _Problem(
                f"year {year} CE is out of range", "year_out_of_range", group=groups[0]
            ) from None
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        raise _Problem(
            f"{MONTH_NAMES[month - 1]} {year + BE_OFFSET} has {last} days, not {day}",
            "day_out_of_range",
            group=groups[2],
        ) from None


_FIELDS: Final = ("wd", "wd2", "d", "m", "era", "y", "nd", "nm", "ny", "iy", "im", "id")


_Getter = Callable[[tuple[str | None, ...]], tuple[str | None, ...]]
_GETTERS: Final[dict[int, _Getter]] = {}


def _fields(pattern: re.Pattern[str]) -> _Getter:
    """A getter of the date groups of ``pattern``, by position.

    Cached by identity: hashing a compiled pattern costs more than parsing a date.
    """
    getter = _GETTERS.get(id(pattern))
    if getter is None:
        index = pattern.groupindex
        getter = operator.itemgetter(*(index[field] - 1 for field in _FIELDS))
        _GETTERS[id(pattern)] = getter
    return getter


def _date_from(match: re.Match[str], strict: bool) -> dt.date:
    """The date of a match of a pattern built on ``_DATE_CORE``."""
    wd, wd2, d, m, era, y, nd, nm, ny, iy, im, id_ = _fields(match.re)(match.groups())
    try:
        if m is not None:
            assert d is not None
            assert y is not None
            year = _ce_year(y, era, strict, "y")
            date = _make_date(year, MONTH_VARIANTS[m], int(d), ("y", "m", "d"))
        elif nm is not None:
            assert nd is not None
            assert ny is not None
            year = _ce_year(ny, None, strict, "ny")
            date = _make_date(year, int(nm), int(nd), ("ny", "nm", "nd"))
        else:
            assert iy is not None
            assert im is not None
            assert id_ is not None
            year = _ce_year(iy, None, strict, "iy")
            date = _make_date(year, int(im), int(id_), ("iy", "im", "id"))
        written = wd or wd2
        if written is not None and WEEKDAY_VARIANTS[written] != date.weekday():
            raise _weekday_problem(date, written, "wd" if wd else "wd2")
    except _Problem as problem:
        raise _place(problem, match) from None
    return date


def _weekday_problem(date: dt.date, written: str, group: str) -> _Problem:
    actual = WEEKDAY_NAMES[date.weekday()]
    claimed = WEEKDAY_NAMES[WEEKDAY_VARIANTS[written]]
    return _Problem(
        f"{date.isoformat()} is a วัน{actual}, not a วัน{claimed}",
        "weekday_mismatch",
        hint=f"วัน{actual}",
        group=group,
    )
