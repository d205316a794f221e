"""Problems in date text, and the diagnosis that names the word at fault: only on the error path."""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Callable
from typing import Final, NoReturn

from thaiplan.errors import ThaiDateError

from ._names import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_VARIANTS,
    WEEKDAY_NAMES,
    WEEKDAY_VARIANTS,
)
from ._patterns import _D, _DATE_PREFIX, _ERA, _MONTH, _WEEKDAY, LazyPattern
from ._text import normalise_with_positions


class _Problem(Exception):
    """A problem found in the normalised text, before it is placed in the input.

    ``start`` is an index in the normalised text; where it is not yet known,
    ``group`` names the pattern group it is in, and :func:`_place` finds it.
    """

    def __init__(
        self,
        problem: str,
        reason: str,
        start: int | None = None,
        hint: str | None = None,
        *,
        group: str | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.reason = reason
        self.start = start
        self.hint = hint
        self.group = group


def _place(problem: _Problem, match: re.Match[str]) -> _Problem:
    """Fill in where ``problem`` stands, from the group of ``match`` it names."""
    if problem.start is None and problem.group is not None:
        problem.start = match.start(problem.group)
    return problem


_THAI_WORD: Final = re.compile(r"[\u0e01-\u0e4e][\u0e01-\u0e4e.]*")
# The words a date may be made of. A run of Thai letters is known when it is
# these words written together ("วันพุธที่" is วัน + พุธ + ที่); _is_known tells
# by dynamic programming over the positions, never by a regex of repeated
# alternatives, which backtracks exponentially on "วันจันทร์ที่" × 12 + "ก".
_ERA_FORMS: Final = tuple(f"{a}{d1}ศ{d2}" for a in "พค" for d1 in ("", ".") for d2 in ("", "."))
_KNOWN_WORDS: Final = frozenset(
    (
        *("ข้อมูล", "ประกาศ", "สั่ง", "ณ", "ลง", "เมื่อ", "วันที่", "วัน", "ที่", "เดือน"),
        *("ภายใน", "ไม่เกิน", "ไม่ช้ากว่า", "ระหว่าง", "ตั้งแต่", "ถึง", "จนถึง", "เวลา"),
        *("น.", "น", "นาฬิกา", "ปี", "ประจำ", "งบประมาณ", "ปีงบประมาณ", "ไตรมาส"),
        *_ERA_FORMS,
        *("พุทธศักราช", "คริสต์ศักราช"),
        *WEEKDAY_VARIANTS,
        *MONTH_VARIANTS,
    )
)
_LONGEST_KNOWN: Final = max(map(len, _KNOWN_WORDS))
_RELATIVE_END: Final = re.compile(r"(?:นี้|ที่จะถึงนี้|ที่ผ่านมา|ปีหน้า)$")


def _is_known(word: str) -> bool:
    """Whether ``word`` is known words written together; O(len(word)) steps."""
    reachable = [False] * (len(word) + 1)
    reachable[0] = True
    for start in range(len(word)):
        if not reachable[start]:
            continue
        for end in range(start + 1, min(len(word), start + _LONGEST_KNOWN) + 1):
            if not reachable[end] and word[start:end] in _KNOWN_WORDS:
                reachable[end] = True
    return reachable[-1]


def _suggest_month(word: str) -> str | None:
    bare = word.strip(".")
    candidates = difflib.get_close_matches(bare, list(MONTH_VARIANTS), n=1, cutoff=0.6)
    if not candidates:
        return None
    number = MONTH_VARIANTS[candidates[0]]
    if len(bare) <= 5:
        return MONTH_ABBREVIATIONS[number - 1]
    return MONTH_NAMES[number - 1]


def _diagnose(norm: str, pattern: LazyPattern | re.Pattern[str], what: str) -> _Problem:
    """Explain why ``pattern`` does not match all of ``norm``."""
    match = pattern.match(norm)
    if match and match.end() < len(norm):
        rest = norm[match.end() :].strip()
        return _Problem(
            f"unexpected text {rest!r} after the {what}",
            "unexpected_text",
            match.end() + (1 if norm[match.end()] == " " else 0),
        )
    for word in _THAI_WORD.finditer(norm):
        if not _is_known(word.group()):
            text = word.group()
            relative = _RELATIVE_END.search(text)
            if relative is not None and _is_known(text[: relative.start()]):
                return _Problem(
                    f"{relative.group()!r} makes the {what} relative: read it with"
                    " parse_period(text, reference=the date it is counted from)",
                    "relative_date",
                    word.start() + relative.start(),
                )
            if text.startswith("วัน") and text != "วัน":
                written = text.removeprefix("วัน").removesuffix("ที่")
                close = difflib.get_close_matches(written, WEEKDAY_NAMES, n=1, cutoff=0.5)
                return _Problem(
                    f"unknown weekday {written!r}",
                    "unknown_weekday",
                    word.start(),
                    f"วัน{close[0]}ที่" if close else None,
                )
            after_day = re.search(
                rf"(?:^|[^0-9๐-๙]){_D}{{1,2}} ?(?:เดือน ?)?$", norm[: word.start()]
            )
            before_year = re.fullmatch(rf" ?(?:{_ERA} ?)?{_D}+", norm[word.end() :])
            if after_day or before_year:
                hint = _suggest_month(text)
                return _Problem(f"unknown month {text!r}", "unknown_month", word.start(), hint)
            return _Problem(f"unexpected word {text!r}", "unexpected_text", word.start())
    if re.fullmatch(
        rf"{_DATE_PREFIX}(?:วัน ?{_WEEKDAY} ?(?:ที่ ?)?|วันที่ ?)?{_D}{{1,2}} ?(?:เดือน ?)?{_MONTH}",
        norm,
    ):
        return _Problem(
            f"the {what} has no year (a missing year): write it, as in '๕ เมษายน ๒๕๖๑',"
            " or give the year (year= in the API, the calendar's year key in files)",
            "missing_year",
            len(norm),
        )
    example = "๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น." if what == "date and time" else "๕ เมษายน ๒๕๖๑"
    return _Problem(f"expected a {what}, such as '{example}'", "unexpected_text", 0)


_TOKEN_RUNS: Final = (
    re.compile(r"[\u0e01-\u0e4e.]*"),  # a Thai word (and its dots)
    re.compile(r"[0-9๐-๙]*"),  # a number
    re.compile(r"[^ ]*"),  # anything up to a space
)
_VERIFYING = threading.local()


def corrections(text: str, position: int, hint: str) -> list[str]:
    """The texts that applying ``hint`` at ``position`` of ``text`` can give.

    A hint is a whole text (``ก.ค. ๖๐ - มิ.ย. ๖๑``) or a word that takes the
    place of the word, number or token at ``position``, sharing any letters
    it begins with that stand just before it (``วันพุธ`` for the ``พฤหัสบดี``
    of ``วันพฤหัสบดีที่``). The list is short: a few candidates, each built in
    one pass.
    """
    found = [hint]
    overlaps = [0] + [
        j
        for j in range(1, min(len(hint), position) + 1)
        if text[position - j : position] == hint[:j]
    ]
    for run in _TOKEN_RUNS:
        match = run.match(text, position)
        end = match.end() if match else position
        found.extend(
            text[: position - overlap] + hint + text[end:] for overlap in (0, overlaps[-1])
        )
    return list(dict.fromkeys(found))


def _checked_hint(
    text: str, position: int | None, hint: str | None, accepts: Callable[[str], bool] | None
) -> str | None:
    """``hint`` if one of its corrections is accepted by ``accepts``, else None.

    Every "did you mean" offered must itself be read; a hint that no
    correction makes readable is dropped. Nested checks (a correction's own
    errors) only accept or refuse.
    """
    if hint is None or accepts is None or getattr(_VERIFYING, "on", False):
        return hint
    _VERIFYING.on = True
    try:
        candidates = corrections(text, position or 0, hint)
        return hint if any(accepts(candidate) for candidate in candidates) else None
    finally:
        _VERIFYING.on = False


def _raise(
    text: str,
    problem: _Problem,
    offset: int = 0,
    accepts: Callable[[str], bool] | None = None,
) -> NoReturn:
    """Raise ``problem`` as a :class:`ThaiDateError` placed in the original ``text``.

    ``accepts`` tells whether a text is read by the parser that found the
    problem; a hint none of whose corrections it accepts is dropped.
    """
    position: int | None = None
    if problem.start is not None:
        _, positions = normalise_with_positions(text)
        index = min(problem.start + offset, len(positions) - 1)
        position = positions[index]
    hint = _checked_hint(text, position, problem.hint, accepts)
    raise ThaiDateError(
        problem.problem, text=text, position=position, reason=problem.reason, hint=hint
    ) from None
