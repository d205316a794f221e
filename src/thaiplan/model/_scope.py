"""What a calendar covers and when its dates fall: its scope, its year, standing yearly calendars.

A planning calendar is not always one province's round. A national budget
calendar (ปฏิทินงบประมาณ) has no province; a municipality's checklist for its
budget ordinance (เทศบัญญัติงบประมาณ) states the same dates every year,
without years. Three calendar keys say so:

- ``scope`` (:class:`Scope`): ``national``, ``cluster``, ``province`` (the
  default), ``district`` or ``local``; only a province's and a district's
  calendar need ``province``.
- ``year``: the Buddhist-Era year of the dates a calendar writes without one
  (the Gantt header "พ.ศ. ๒๕๖๑"); a range that crosses New Year (ธ.ค. – ม.ค.)
  ends in the next year.
- ``recurs: yearly`` (:class:`Recurs`): a standing calendar, the same dates
  every fiscal year. Without ``fiscal_year`` it is a template;
  :meth:`~thaiplan.PlanningCalendar.for_fiscal_year` makes the calendar of
  one fiscal year of it, by the placement rule of :func:`placed_years`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from thaiplan.dates import parse_date, parse_period
from thaiplan.errors import ModelError, ModelTypeError, ThaiDateError
from thaiplan.model._records import BE_YEARS, member_of, missing_member, to_member, whole

if TYPE_CHECKING:
    from thaiplan.model._steps import PlanningCalendar, Step

__all__ = ["TEMPLATE_FISCAL_YEAR", "Recurs", "Scope", "given_years", "parse_as_of", "placed_years"]


class Scope(enum.StrEnum):
    """What a calendar covers (ขอบเขตของปฏิทิน).

    Only a province's and a district's calendar name a province; the rules
    about provincial and district names run on those alone.

    >>> Scope("national").needs_province
    False
    """

    NATIONAL = "national"  #: ระดับประเทศ: a national calendar (สำนักงบประมาณ, สศช.)
    CLUSTER = "cluster"  #: กลุ่มจังหวัด: a cluster of provinces
    PROVINCE = "province"  #: จังหวัด: one province's round (the default)
    DISTRICT = "district"  #: อำเภอ: a district's calendar, in its province
    LOCAL = "local"  #: องค์กรปกครองส่วนท้องถิ่น: a municipality's or an อบต.'s

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)

    @property
    def needs_province(self) -> bool:
        """Whether a calendar of this scope names its province (province and district only)."""
        return self in (Scope.PROVINCE, Scope.DISTRICT)


class Recurs(enum.StrEnum):
    """How often a standing calendar comes round."""

    YEARLY = "yearly"  #: every fiscal year, on the same days (ปฏิทินประจำปี)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)


#: The fiscal year a standing calendar's template is read and checked in when
#: it is given no fiscal year: FY 2567 (1 Oct 2566 - 30 Sep 2567, CE 2023-24),
#: whose February has 29 days, so that every day a yearly calendar can name
#: exists in it. ``for_fiscal_year(N)`` places the dates in fiscal year N.
TEMPLATE_FISCAL_YEAR: Final = 2567


def _first_day(when: object, fiscal_year: int) -> tuple[int, int] | None:
    """The (month, day) a ``when`` written without a year starts on; ``None`` for any other."""
    if not isinstance(when, str):
        return None
    try:
        parse_period(when)
    except ThaiDateError as error:
        if error.reason != "missing_year":
            return None
    else:
        return None  # it writes its own year
    try:
        period = parse_period(when, year=fiscal_year)
    except ThaiDateError:
        return None
    first = period.start or period.end
    return (first.month, first.day)


def placed_years(whens: Sequence[object], fiscal_year: int) -> list[int]:
    """The Buddhist-Era year each ``when`` of a standing calendar is read in, in fiscal year N.

    The placement rule. A standing calendar is one yearly cycle, which ends
    in fiscal year N:

    1. the last step (in the calendar's order) written without a year has its
       first day (its start, or the day of a deadline) inside fiscal year N,
       which runs from 1 October of BE N-1 to 30 September of BE N: a date
       from ต.ค. to ธ.ค. is read in BE N-1, one from ม.ค. to ก.ย. in BE N;
    2. every other step written without a year has its first day in the
       twelve months up to that day: on or before it in the same year, or
       else in the year before;
    3. a range runs forward from its first day (ธ.ค. – ม.ค. ends in the next
       year); a step that writes its own year, or states no date, keeps what
       it writes (its year is N, unused).

    So a municipality's budget-ordinance checklist (เสนอ ภายใน ๑๕ ส.ค.,
    สภาพิจารณา ภายใน ๑๕ ก.ย., มีผลใช้บังคับ ภายใน ๑ ต.ค.) for fiscal year 2569
    is 15 Aug and 15 Sep 2568 and 1 Oct 2568, the first day of FY 2569; a
    calendar of work from ต.ค. to ก.ย. is fiscal year N itself.

    >>> placed_years(["ภายในวันที่ ๑๕ สิงหาคม", "ภายใน 15 กันยายน", "ภายใน 1 ตุลาคม"], 2569)
    [2568, 2568, 2568]
    >>> placed_years(["ภายใน ต.ค.", "มี.ค.", "ภายใน 30 ก.ย."], 2569)
    [2568, 2569, 2569]
    """
    firsts = [_first_day(when, fiscal_year) for when in whens]
    dated = [first for first in firsts if first is not None]
    if not dated:
        return [fiscal_year] * len(whens)
    last = dated[-1]
    last_year = fiscal_year - 1 if last[0] >= 10 else fiscal_year
    return [
        fiscal_year if first is None else last_year if first <= last else last_year - 1
        for first in firsts
    ]


def given_years(
    whens: Sequence[object], *, year: object, recurs: object, fiscal_year: object
) -> list[int | None]:
    """The year a calendar gives each of its steps, from the calendar's keys.

    The calendar's ``year``; in a standing calendar (``recurs: yearly``) the
    placement of :func:`placed_years` in its fiscal year (or, in a template,
    in :data:`TEMPLATE_FISCAL_YEAR`); else none. The keys may be raw values
    of a file: any that is not what it should be gives none.
    """
    if isinstance(year, int) and not isinstance(year, bool):
        return [year] * len(whens)
    if recurs == Recurs.YEARLY:
        if fiscal_year is None:
            fiscal_year = TEMPLATE_FISCAL_YEAR
        if isinstance(fiscal_year, int) and not isinstance(fiscal_year, bool):
            return list(placed_years(whens, fiscal_year))
    return [None] * len(whens)


def _scope(value: Scope | str) -> Scope:
    converted: Scope = to_member(Scope, value)
    return converted


def _recurs(value: Recurs | str | None) -> Recurs | None:
    if value is None:
        return None
    converted: Recurs = to_member(Recurs, value)
    return converted


def _check_recurs(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        member_of(Recurs)(instance, attribute, value)


def province_required(raw: dict[str, Any]) -> bool:
    """Whether a file's calendar must write ``province``: its scope (province by default) has one."""
    scope = raw.get("scope", Scope.PROVINCE.value)
    return scope in (Scope.PROVINCE.value, Scope.DISTRICT.value)


def fiscal_year_required(raw: dict[str, Any]) -> bool:
    """Whether a file's calendar must write ``fiscal_year``: it is not a standing calendar."""
    return raw.get("recurs") is None


def _fiscal_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:  # only a standing calendar has none: _check_calendar_keys says so
        whole(*BE_YEARS)(instance, attribute, value)


def _check_calendar_keys(calendar: PlanningCalendar) -> None:
    """The keys that go together: a province where the scope has one, a fiscal year or ``recurs``."""
    if calendar.scope.needs_province and not calendar.province.strip():
        raise ModelError(
            f"PlanningCalendar.province must be given for a calendar of scope"
            f" {calendar.scope.value!r} (its Thai name or code, such as สมุทรสาคร or 74);"
            " a calendar that covers no province says so with scope national, cluster or local"
        )
    if calendar.fiscal_year is None and calendar.recurs is None:
        raise ModelError(
            "PlanningCalendar.fiscal_year must be given (the Buddhist-Era fiscal year the"
            " calendar prepares, such as 2563); only a standing calendar (recurs: yearly) may"
            " leave it out"
        )
    if calendar.recurs is not None and calendar.year is not None:
        raise ModelError(
            "PlanningCalendar.year must be left out of a standing calendar (recurs: yearly):"
            " its dates are placed in each fiscal year by for_fiscal_year; give fiscal_year"
            " for the calendar of one year"
        )


def _given_years(calendar: PlanningCalendar) -> tuple[Step, ...]:
    """The steps, each without a year of its own given the one the calendar gives it."""
    if (calendar.year is None and calendar.recurs is None) or all(
        step.year is not None for step in calendar.steps
    ):
        return calendar.steps
    return tuple(_each_given(calendar))


def _each_given(calendar: PlanningCalendar) -> Iterator[Step]:
    years = given_years(
        [step.when for step in calendar.steps],
        year=calendar.year,
        recurs=calendar.recurs,
        fiscal_year=calendar.fiscal_year,
    )
    for step, year in zip(calendar.steps, years, strict=True):
        yield step if step.year is not None or year is None else attrs.evolve(step, year=year)


def for_fiscal_year(calendar: PlanningCalendar, fiscal_year: int) -> PlanningCalendar:
    """The calendar of one fiscal year of a standing calendar (see the method).

    >>> from thaiplan import PlanningCalendar, Step
    >>> steps = [Step("a", 1, "p", "เสนอ", "ภายในวันที่ ๑๕ สิงหาคม", year=2566),
    ...          Step("b", 2, "p", "มีผลใช้บังคับ", "ภายใน 1 ตุลาคม", year=2566)]
    >>> checklist = PlanningCalendar("เทศบัญญัติ", recurs="yearly", scope="local", steps=steps)
    >>> [s.period.end for s in checklist.for_fiscal_year(2569)]
    [datetime.date(2025, 8, 15), datetime.date(2025, 10, 1)]
    """
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int):
        raise ModelTypeError("for_fiscal_year(fiscal_year)", fiscal_year, "a BE year (an int)")
    if not BE_YEARS[0] + 1 <= fiscal_year <= BE_YEARS[1]:
        raise ModelError(
            f"for_fiscal_year: fiscal year {fiscal_year} is not a Buddhist-Era year from"
            f" {BE_YEARS[0] + 1} to {BE_YEARS[1]} (such as 2568)"
        )
    if calendar.recurs is None:
        if calendar.fiscal_year == fiscal_year:
            return calendar
        raise ModelError(
            f"for_fiscal_year({fiscal_year}): the calendar is not a standing one (no"
            f" 'recurs: yearly') and prepares fiscal year {calendar.fiscal_year}; to move it to"
            f" another year use thaiplan.shift(calendar, fiscal_year={fiscal_year})"
        )
    years = placed_years([step.when for step in calendar], fiscal_year)
    steps = [attrs.evolve(step, year=year) for step, year in zip(calendar, years, strict=True)]
    return attrs.evolve(calendar, fiscal_year=fiscal_year, steps=steps)


def fiscal_label(calendar: PlanningCalendar) -> str:
    """The fiscal year a calendar prepares, as the headers of the outputs write it.

    >>> import thaiplan
    >>> fiscal_label(thaiplan.load_calendar("samut-sakhon-2563"))
    'ปีงบประมาณ พ.ศ. ๒๕๖๓'
    """
    if calendar.fiscal_year is None:
        return "ปฏิทินประจำปี (ทุกปีงบประมาณ)"
    from thaiplan.dates import FiscalYear

    return FiscalYear(calendar.fiscal_year).format()


def parse_as_of(text: str) -> dt.date:
    """The day a calendar's ``as_of`` states ("ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑").

    Any notation of :func:`~thaiplan.dates.parse_date`, or a period of
    :func:`~thaiplan.dates.parse_period` that is one day (``ในวันที่ ๔ เม.ย. ๖๑``).

    Raises:
        ThaiDateError: The text is not a date, or is a period longer than a day.
    """
    try:
        return parse_date(text)
    except ThaiDateError as error:
        try:
            period = parse_period(text)
        except ThaiDateError:
            raise error from None
        if period.start is None or period.start != period.end:
            raise ThaiDateError(
                "the calendar's date (as_of) is one day, the date of its letter or of its data"
                " ('ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑'), not a period",
                text=text,
                position=0,
                reason="unexpected_text",
            ) from None
        return period.start


def _as_of_date(calendar: PlanningCalendar) -> dt.date | None:
    if not isinstance(calendar.as_of, str):  # named here, before the parser names its own argument
        raise ModelTypeError(
            "PlanningCalendar.as_of", calendar.as_of, "the calendar's date as text (a str)"
        )
    return parse_as_of(calendar.as_of) if calendar.as_of.strip() else None
