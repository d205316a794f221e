"""The planning round of a fiscal year, and the steps that lie far outside it (a mistyped year).

A calendar that prepares fiscal year N works within the *round* of N: fiscal
years N-2 to N, from 1 October of N-3 to 30 September of N (Buddhist Era).
Plans for N are reviewed and drafted in N-2 (the seed circular prepares FY 2563
in April-October 2561), the budget bill is prepared and passed in N-1, and N is
the year they are carried out.

A step lies *far outside* the round when its stated period lies wholly outside
it by more than a fiscal year: it ends before the first day of fiscal year N-3
or starts after the last day of fiscal year N+1. Nearer than that it may be
real (early preparation; a step after N has ended is ``late-for-fiscal-year``'s
to report). The usual cause is a mistyped year (``พ.ค. ๖๑`` for ``พ.ค. ๖๗``), and
its consequences (dependencies that cannot be kept, negative slack along every
chain through the step) are not reported again: the rules ``negative-slack``
and ``impossible-dependency`` skip what a far step explains.

When every dated step (two or more) is far, the calendar's ``fiscal_year`` is
what is wrong (:func:`misdated_fiscal_year`): there are then no far steps.

The fix is the step's ``when`` with every year it writes moved by the same
number of years, in the same digits and width (``๖๑`` → ``๖๗``, ``2516`` →
``2561``), such that the period lies inside the round. Of the years that do,
the one nearest the calendar's other steps is chosen: the one whose end is
nearest the median end of the steps inside the round (the middle of the round
when there are none); on a tie, the smaller move. The text is kept only if it
parses to the same period moved by that many years; otherwise there is no fix.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import statistics
import weakref
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from thaiplan.dates import FiscalYear, Period, parse_period, to_arabic_digits
from thaiplan.errors import ThaiDateError
from thaiplan.model._steps import PlanningCalendar, Step

__all__ = [
    "FarStep",
    "far_steps",
    "misdated_fiscal_year",
    "round_of",
    "stated_end",
    "stated_start",
]


def round_of(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the round of a fiscal year: FY N-2 to FY N.

    >>> round_of(2568)
    (datetime.date(2022, 10, 1), datetime.date(2025, 9, 30))
    """
    return FiscalYear(fiscal_year - 2).start, FiscalYear(fiscal_year).end


def stated_end(step: Step) -> dt.date | None:
    """The last day of a step's stated period; ``None`` when it has none or runs on."""
    period: object = getattr(step, "period", None)
    if not isinstance(period, Period):  # a step stated with no period
        return None
    end = _end_of(period)
    return None if end == dt.date.max else end


def stated_start(step: Step) -> dt.date | None:
    """The first day of a step's stated period (its end, for a deadline); ``None`` without."""
    period: object = getattr(step, "period", None)
    if not isinstance(period, Period):
        return None
    return period.start or stated_end(step)


@attrs.frozen
class FarStep:
    """A step far outside its calendar's round.

    Attributes:
        step: The step's id.
        when: Its stated period as written.
        years: Its CE years, as shown (``"2018"``, ``"2018-2019"``).
        fix: The ``when`` that puts it inside the round, or ``None``.
        fix_years: The CE years of the fix, as shown.
    """

    step: str
    when: str
    years: str
    fix: str | None
    fix_years: str = ""


# A year as written: 2 or 4 Thai or Arabic digits, not a time (๐๙.๐๐) and not a day (a day
# is followed by its month). Each is checked by parsing the whole text again.
_YEAR: Final = re.compile(
    r"(?<![0-9๐-๙.:])([0-9๐-๙]{4}|[0-9๐-๙]{2})(?![0-9๐-๙.:])(?!\s*[\u0e01-\u0e2e])"
)
_THAI_DIGITS: Final = "๐๑๒๓๔๕๖๗๘๙"


def _years(start: dt.date, end: dt.date) -> str:
    return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"


def _moved(text: str, years: int) -> str:
    """``text`` with every year it writes moved by ``years``, in its own digits and width."""

    def move(match: re.Match[str]) -> str:
        written = match.group(1)
        value = int(to_arabic_digits(written))
        width = len(written)
        value = (value + years) % 100 if width == 2 else value + years
        shown = f"{value:0{width}d}"
        if written[0] in _THAI_DIGITS:
            shown = "".join(_THAI_DIGITS[int(d)] for d in shown)
        return shown

    return _YEAR.sub(move, text)


def _shifted(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _moved_by(old: dt.date | None, new: dt.date | None, years: int) -> bool:
    """Whether ``new`` is ``old`` moved by whole years (the end of February stays its end)."""
    if old is None or new is None:
        return old is new
    if new == _shifted(old, years):
        return True
    return (
        old.month == new.month == 2
        and min(old.day, new.day) >= 28
        and (new.year == old.year + years)
    )


def _same_period_moved(period: Period, moved: Period, years: int) -> bool:
    """Whether ``moved`` is ``period`` moved by ``years``: the same kind, each day moved."""
    return (
        moved.kind is period.kind
        and _moved_by(period.start, moved.start, years)
        and _moved_by(_end_of(period), _end_of(moved), years)
    )


def _end_of(period: Period) -> dt.date | None:
    try:
        return period.end
    except ThaiDateError:
        return None


def _fix(step: Step, first: dt.date, last: dt.date, reference: dt.date) -> tuple[str, str] | None:
    start, end = stated_start(step), stated_end(step)
    if start is None or end is None or not _YEAR.search(step.when):
        return None
    low = first.year - end.year - 1
    high = last.year - start.year + 1
    moves = [
        years
        for years in range(low, high + 1)
        if years and _shifted(start, years) >= first and _shifted(end, years) <= last
    ]
    moves.sort(key=lambda years: (abs((_shifted(end, years) - reference).days), abs(years)))
    for years in moves:
        text = _moved(step.when, years)
        try:
            moved = parse_period(text)
        except ThaiDateError:
            continue
        if _same_period_moved(step.period, moved, years):
            return text, _years(_shifted(start, years), _shifted(end, years))
    return None


def _far(calendar: PlanningCalendar) -> Mapping[str, FarStep]:
    if calendar.fiscal_year is None:  # a standing template: no round
        return {}
    first, last = round_of(calendar.fiscal_year)
    near_first = FiscalYear(calendar.fiscal_year - 3).start
    near_last = FiscalYear(calendar.fiscal_year + 1).end
    far: list[Step] = []
    inside: list[dt.date] = []
    for step in calendar.steps:
        start, end = stated_start(step), stated_end(step)
        if start is None or end is None:
            continue
        if end < near_first or start > near_last:
            far.append(step)
        elif first <= start and end <= last:
            inside.append(end)
    if not far or (len(far) >= 2 and not inside and len(far) == _dated(calendar)):
        return {}  # no step far, or every step: then fiscal_year is what is wrong
    if inside:
        reference = dt.date.fromordinal(int(statistics.median_low(d.toordinal() for d in inside)))
    else:
        reference = dt.date.fromordinal((first.toordinal() + last.toordinal()) // 2)
    found: dict[str, FarStep] = {}
    for step in far:
        start, end = stated_start(step), stated_end(step)
        assert start is not None
        assert end is not None
        fix = _fix(step, first, last, reference)
        found[step.id] = FarStep(
            step.id,
            step.when,
            _years(start, end),
            fix[0] if fix else None,
            fix[1] if fix else "",
        )
    return found


def _dated(calendar: PlanningCalendar) -> int:
    return sum(1 for step in calendar.steps if stated_start(step) is not None)


def misdated_fiscal_year(calendar: PlanningCalendar) -> tuple[int, int, int | None] | None:
    """When every dated step (two or more) is far outside the round: the fiscal years they touch.

    Then the calendar's ``fiscal_year`` is what is wrong, not the steps, and the
    steps are not far steps (their dependencies are judged as usual). Returns the
    first and last fiscal year the steps touch and the fiscal year that likely
    was meant: the one after the last, as a calendar prepares the year after its
    own steps (the seed's steps, in FY 2561-2562, prepare FY 2563), when its
    round holds them all, else the last, else ``None``; ``None`` when some step
    is not far.

    >>> from thaiplan import PlanningCalendar, Step
    >>> steps = [Step("s1", 1, "p", "t", "พ.ค. ๖๑"), Step("s2", 2, "p", "t", "ต.ค. ๖๑")]
    >>> misdated_fiscal_year(PlanningCalendar("t", "74", 2536, steps=steps))
    (2561, 2562, 2563)
    """
    if calendar.fiscal_year is None:  # a standing template: no round
        return None
    near_first = FiscalYear(calendar.fiscal_year - 3).start
    near_last = FiscalYear(calendar.fiscal_year + 1).end
    years: list[int] = []
    for step in calendar.steps:
        start, end = stated_start(step), stated_end(step)
        if start is None or end is None:
            continue
        if near_first <= end and start <= near_last:
            return None
        years += [FiscalYear.containing(start).year, FiscalYear.containing(end).year]
    if len(years) < 4:  # fewer than two dated steps
        return None
    first, last = min(years), max(years)
    meant = last + 1 if last - first <= 1 else (last if last - first == 2 else None)
    return first, last, meant


_CACHE: weakref.WeakKeyDictionary[object, Mapping[str, FarStep]] = weakref.WeakKeyDictionary()


def far_steps(context: object, calendar: PlanningCalendar | None) -> Mapping[str, FarStep]:
    """The steps of ``calendar`` far outside its round, by id; worked out once a validation.

    ``context`` is the validation's :class:`~thaiplan.Context`, which keeps the
    result for the other rules that ask (``negative-slack`` asks, to skip what
    these steps explain).
    """
    if calendar is None:
        return {}
    try:
        return _CACHE[context]
    except (KeyError, TypeError):
        pass
    found = _far(calendar)
    with contextlib.suppress(TypeError):  # not weakly referable: computed again next time
        _CACHE[context] = found
    return found


def explained(far: Mapping[str, FarStep], steps: Iterable[str | None]) -> bool:
    """Whether any of ``steps`` is far outside the round, so that it explains a finding."""
    return bool(far) and any(step in far for step in steps if step is not None)
