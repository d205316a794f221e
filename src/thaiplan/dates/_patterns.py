r"""The building blocks of the date patterns: months, weekdays, eras, digits, and the grammars made of them.

Only Thai and ASCII digits are digits (``[0-9๐-๙]``, never ``\\d``); see :mod:`thaiplan.dates._parse`.

The patterns are compiled the first time they are used (:class:`LazyPattern`):
compiling the alternations of every month and weekday spelling took about a
tenth of ``import thaiplan``, which many programs (a CLI's ``--help``, a
program that only builds records) never need.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Final

from ._names import (
    MONTH_VARIANTS,
    WEEKDAY_VARIANTS,
)


def _alternation(words: object) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[call-overload]
    return "|".join(re.escape(w) for w in ordered)


class LazyPattern:
    """A regular expression compiled the first time one of its methods is asked for.

    After that, ``fullmatch``, ``match``, ``search`` and ``finditer`` are the
    compiled pattern's own bound methods, stored on the instance: a call
    costs what a call of the compiled pattern costs.

    >>> digits = LazyPattern("[0-9]+")
    >>> digits.fullmatch("2561") is not None, digits.search("ปี 2561").group()
    (True, '2561')
    >>> digits.pattern
    '[0-9]+'
    """

    pattern: str
    fullmatch: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    search: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __getattr__(self, name: str) -> Any:
        # only for names not yet set on the instance: the methods, before the first use
        if name not in ("fullmatch", "match", "search", "finditer"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern)
        for method in ("fullmatch", "match", "search", "finditer"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


_MONTH: Final = f"(?:{_alternation(MONTH_VARIANTS)})"
_WEEKDAY: Final = f"(?:{_alternation(WEEKDAY_VARIANTS)})"
# พ.ศ. and ค.ศ. in every spacing, and spelled out (พุทธศักราช ๒๕๖๐).
# Factored by the first letter, so that a year's digit fails on one test.
_ERA: Final = r"(?:พ(?:\.? ?ศ\.?|ุทธศักราช)|ค(?:\.? ?ศ\.?|ริสต์ศักราช))"
# Thai and ASCII digits only: ``\d`` (like int()) would take any script's digits.
_D: Final = "[0-9๐-๙]"

# Words that may open a date: ข้อมูล ณ วันที่, ลงวันที่, เมื่อวันที่, ประกาศ ณ วันที่ ...
_DATE_PREFIX: Final = r"(?:(?:ข้อมูล|ประกาศ|สั่ง) ?)?(?:(?:ณ|ลง|เมื่อ) ?)?"
_WEEKDAY_CLAUSE: Final = (
    rf"(?:วัน ?(?P<wd>{_WEEKDAY}) ?(?:ที่ ?)?|(?P<wd2>{_WEEKDAY}) ?(?:ที่ ?)?|วันที่ ?)?"
)
# One date, in one of three layouts: textual (๕ เมษายน ๒๕๖๑), numeric
# day-first (๕/๔/๒๕๖๑) and ISO (2018-04-05).
_DATE_CORE: Final = (
    _WEEKDAY_CLAUSE
    + rf"(?:(?P<d>{_D}{{1,2}}) ?(?:เดือน ?)?(?P<m>{_MONTH}) ?(?:(?P<era>{_ERA}) ?)?(?P<y>{_D}+)(?!{_D})"
    rf"|(?P<nd>{_D}{{1,2}})(?P<sep>[/.-])(?P<nm>{_D}{{1,2}})(?P=sep)(?P<ny>{_D}{{2}}|{_D}{{4}})"
    rf"|(?P<iy>{_D}{{4}})-(?P<im>{_D}{{2}})-(?P<id>{_D}{{2}}))"
)


_DATE_BODY: Final = _DATE_PREFIX + _DATE_CORE
_DATE_RE: Final = LazyPattern(_DATE_BODY)
_TIME: Final = (
    rf"(?:,? ?(?:เวลา ?|T| )?(?P<hh>{_D}{{1,2}})[.:](?P<mm>{_D}{{2}})(?:[.:](?P<ss>{_D}{{2}}))?"
    r" ?(?:น\.?|นาฬิกา)?)"
)
_DATETIME_RE: Final = LazyPattern(_DATE_BODY + _TIME)

_YEAR: Final = rf"(?:(?P<{{p}}era>{_ERA}) ?)?(?P<{{p}}y>{_D}+)(?!{_D})"
_DEADLINE_RE: Final = LazyPattern(r"(?:ภายใน|ไม่เกิน|ไม่ช้ากว่า) ?(?:เดือน ?)?")
_FISCAL_RE: Final = LazyPattern(r"(?:ประจำ ?)?ปี ?งบ(?:ประมาณ|\.? ?ฯ|\.)? ?" + _YEAR.format(p=""))
_QUARTER_RE: Final = LazyPattern(
    rf"ไตรมาส ?(?:ที่ ?)?(?P<q>{_D}) ?(?:/ ?)?(?:(?:ประจำ ?)?ปี ?(?:งบ(?:ประมาณ|\.? ?ฯ|\.)?)? ?)?"
    + _YEAR.format(p="")
)
_YEARS_RE: Final = LazyPattern(
    rf"(?:ปี ?)?(?:(?P<a_era>{_ERA}) ?)?(?P<a_y>{_D}+)(?!{_D})"
    rf"(?: ?- ?(?:(?P<b_era>{_ERA}) ?)?(?P<b_y>{_D}+))?"
)
_MONTHS_RE: Final = LazyPattern(
    rf"(?:เดือน ?)?(?P<am>{_MONTH})"
    rf"(?:(?: ?{_YEAR.format(p='a')})? ?- ?(?:เดือน ?)?(?P<bm>{_MONTH}))? ?{_YEAR.format(p='b')}"
)
_RANGE_SEPARATOR: Final = LazyPattern(rf" ?(?:-|ไปจนถึง|จนถึง|ถึง|/(?={_D}{{4}}-)) ?(?:วันที่ ?)?")
_RANGE_FULL_START: Final = LazyPattern(r"(?:(?:ระหว่าง|ตั้งแต่) ?)?" + _DATE_BODY)
_RANGE_START: Final = LazyPattern(
    r"(?:(?:ระหว่าง|ตั้งแต่) ?)?"
    + _WEEKDAY_CLAUSE
    + rf"(?P<d>{_D}{{1,2}})(?: ?(?:เดือน ?)?(?P<m>{_MONTH})(?: ?{_YEAR.format(p='')})?)?"
)
# A month as one end of a day range: from its 1st, or to its last day.
_RANGE_MONTH_START: Final = LazyPattern(
    rf"(?:(?:ระหว่าง|ตั้งแต่) ?)?(?:เดือน ?)?(?P<m>{_MONTH})(?: ?{_YEAR.format(p='')})?"
)
_RANGE_MONTH_END: Final = LazyPattern(rf"(?:เดือน ?)?(?P<m>{_MONTH}) ?{_YEAR.format(p='')}")
