"""Periods of days as Thai documents state them, and Thai fiscal years."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

import attrs

from thaiplan.errors import ThaiDateError, ThaiDateTypeError

from ._text import BE_OFFSET, Digits, check_day, check_int, check_str

if TYPE_CHECKING:
    from collections.abc import Iterator


__all__ = ["FiscalYear", "Period", "PeriodKind"]

# FiscalYear(y) starts on 1 Oct of CE year y - 544; datetime.date spans CE 1-9999.
_MIN_FISCAL_YEAR = 2400
_MAX_FISCAL_YEAR = 9999 + BE_OFFSET


class PeriodKind(enum.StrEnum):
    """What a :class:`Period` was written as. Members compare equal to strings.

    >>> PeriodKind.DEADLINE == "deadline"
    True
    """

    #: One day, as in ``๔ เม.ย. ๖๑``.
    DAY = "day"
    #: Days from one date to another, as in ``๑ - ๑๕ พ.ค. ๖๑``.
    DAY_RANGE = "day_range"
    #: A calendar month, as in ``พ.ค. ๖๑``.
    MONTH = "month"
    #: Whole months, as in ``มิ.ย. - ก.ค. ๖๑``.
    MONTH_RANGE = "month_range"
    #: By a last day, with no start, as in ``ภายใน พ.ค. ๖๑``.
    DEADLINE = "deadline"
    #: A calendar year, as in ``พ.ศ. ๒๕๖๑``.
    YEAR = "year"
    #: Whole calendar years, as in ``พ.ศ. ๒๕๖๑ – ๒๕๖๔``.
    YEAR_RANGE = "year_range"
    #: A fiscal year, 1 October - 30 September, as in ``ปีงบประมาณ พ.ศ. ๒๕๖๓``.
    FISCAL_YEAR = "fiscal_year"
    #: A quarter of a fiscal year, as in ``ไตรมาสที่ ๑ ปีงบประมาณ พ.ศ. ๒๕๖๓``.
    QUARTER = "quarter"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # PeriodKind("week"): a ThaiDateError (a ValueError, as the enum protocol asks).
        if not isinstance(value, str):
            raise ThaiDateTypeError("PeriodKind", value, "the value of a kind, such as 'month'")
        allowed = ", ".join(repr(kind.value) for kind in cls)
        raise ThaiDateError(
            f"unknown kind of period; expected one of {allowed}",
            text=value,
            position=None,
            reason="unknown_kind",
        )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def _check_year_month(argument: str, year: object, month: object) -> None:
    """The entry check of the named constructors: a CE year 1-9999 and a month 1-12."""
    check_int(f"{argument} year", year)
    check_int(f"{argument} month", month)
    assert isinstance(year, int)
    assert isinstance(month, int)
    if not 1 <= year <= 9999:
        raise ThaiDateError(
            f"{argument}: there is no Common-Era year {year} in the calendar thaiplan"
            " computes with (1-9999)",
            text=str(year),
            position=None,
            reason="year_out_of_range",
        )
    if not 1 <= month <= 12:
        raise ThaiDateError(
            f"{argument}: there is no month {month}",
            text=str(month),
            position=None,
            reason="month_out_of_range",
        )


def _to_kind(value: PeriodKind | str) -> PeriodKind:
    if type(value) is PeriodKind:  # the parsers' case: no lookup
        return value
    if not isinstance(value, PeriodKind | str):
        raise ThaiDateTypeError("Period.kind", value, "a PeriodKind or its value, such as 'month'")
    return PeriodKind(value)  # an unknown kind: ThaiDateError, from PeriodKind._missing_


def _shape_problem(kind: PeriodKind, start: dt.date | None, end: dt.date) -> str | None:
    """Why ``start``-``end`` cannot be a period of ``kind``, or None when it can."""
    if start is None:
        return None
    starts_month = start.day == 1
    ends_month = end == _month_end(end.year, end.month)
    if kind is PeriodKind.DAY:
        return None if start == end else "a day starts and ends on the same date"
    if kind in (PeriodKind.MONTH, PeriodKind.MONTH_RANGE, PeriodKind.QUARTER):
        if not (starts_month and ends_month):
            return "it must start on the 1st and end on the last day of a month"
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if kind is PeriodKind.MONTH and months != 1:
            return "a month is one calendar month"
        if kind is PeriodKind.QUARTER and (months != 3 or start.month not in (1, 4, 7, 10)):
            return "a quarter is three months starting in October, January, April or July"
        return None
    if kind in (PeriodKind.YEAR, PeriodKind.YEAR_RANGE):
        if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
            return "it must run from 1 January to 31 December"
        if kind is PeriodKind.YEAR and start.year != end.year:
            return "a year is one calendar year"
        return None
    if kind is PeriodKind.FISCAL_YEAR and not (
        (start.month, start.day, end.month, end.day) == (10, 1, 9, 30)
        and end.year == start.year + 1
    ):
        return "a fiscal year runs from 1 October to 30 September"
    return None


def _check_start(instance: Period, attribute: attrs.Attribute[Any], start: object) -> None:
    if instance.kind is PeriodKind.DEADLINE:
        if start is not None:
            raise ThaiDateError(
                f"a deadline has no start, but was given {start!r}",
                text=instance.text or f"deadline {instance.end}",
                position=None,
                reason="start_given",
            )
    elif not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        raise ThaiDateTypeError("Period.start", start, "a datetime.date (not a datetime)")


def _check_end(instance: Period, attribute: attrs.Attribute[Any], end: object) -> None:
    if not isinstance(end, dt.date) or isinstance(end, dt.datetime):
        raise ThaiDateTypeError("Period.end", end, "a datetime.date (not a datetime)")
    if instance.start is not None and end < instance.start:
        raise ThaiDateError(
            f"the period ends ({end.isoformat()}) before it starts ({instance.start.isoformat()})",
            text=instance.text or f"{instance.start.isoformat()}/{end.isoformat()}",
            position=None,
            reason="reversed_range",
        )


def _check_text(instance: Period, attribute: attrs.Attribute[Any], text: object) -> None:
    check_str("Period.text", text)


@attrs.frozen
class Period:
    """A span of whole days, inclusive at both ends, as a document states it.

    Build one with :func:`~thaiplan.dates.parse_period` or a named constructor
    (:meth:`day`, :meth:`days`, :meth:`month`, :meth:`months`,
    :meth:`deadline_of`); write it back with
    :func:`~thaiplan.dates.format_period`. Equality compares ``kind``,
    ``start`` and ``end``: the source ``text`` is kept but not compared.

    Attributes:
        kind: What the period was written as (:class:`PeriodKind`).
        start: The first day, or ``None`` for a deadline.
        end: The last day, inclusive.
        text: The text it was read from, verbatim ("" when built in code).

    >>> may = Period.month(2018, 5)
    >>> may.start, may.end
    (datetime.date(2018, 5, 1), datetime.date(2018, 5, 31))
    >>> dt.date(2018, 5, 14) in may
    True
    >>> Period.deadline_of(may).start is None
    True
    """

    kind: PeriodKind = attrs.field(converter=_to_kind)
    start: dt.date | None = attrs.field(validator=_check_start)
    end: dt.date = attrs.field(validator=_check_end)
    text: str = attrs.field(default="", eq=False, validator=_check_text)

    def __attrs_post_init__(self) -> None:
        problem = _shape_problem(self.kind, self.start, self.end)
        if problem is not None:
            raise ThaiDateError(
                f"a {self.kind.value} period cannot run from {self.start} to {self.end}: {problem}",
                text=self.text or f"{self.start}/{self.end}",
                position=None,
                reason="kind_mismatch",
            )

    @classmethod
    def day(cls, day: dt.date, *, text: str = "") -> Period:
        """The period of one day.

        >>> Period.day(dt.date(2018, 4, 4)).end
        datetime.date(2018, 4, 4)
        """
        return cls(PeriodKind.DAY, day, day, text)

    @classmethod
    def days(cls, start: dt.date, end: dt.date, *, text: str = "") -> Period:
        """The days from ``start`` to ``end``, both included.

        >>> len(Period.days(dt.date(2018, 5, 1), dt.date(2018, 5, 15)))
        15
        """
        return cls(PeriodKind.DAY_RANGE, start, end, text)

    @classmethod
    def month(cls, year: int, month: int, *, text: str = "") -> Period:
        """A calendar month; ``year`` is a Common-Era year.

        >>> Period.month(2020, 2).end
        datetime.date(2020, 2, 29)
        """
        _check_year_month("Period.month()", year, month)
        return cls(PeriodKind.MONTH, dt.date(year, month, 1), _month_end(year, month), text)

    @classmethod
    def months(cls, start: tuple[int, int], end: tuple[int, int], *, text: str = "") -> Period:
        """Whole months from ``start`` to ``end``, each a ``(CE year, month)`` pair.

        >>> Period.months((2018, 6), (2018, 7)).end
        datetime.date(2018, 7, 31)
        """
        for argument, pair in (("start", start), ("end", end)):
            if not isinstance(pair, tuple | list) or len(pair) != 2:
                raise ThaiDateTypeError(
                    f"Period.months({argument})", pair, "a (CE year, month) pair, such as (2018, 6)"
                )
            _check_year_month(f"Period.months({argument})", *pair)
        return cls(PeriodKind.MONTH_RANGE, dt.date(start[0], start[1], 1), _month_end(*end), text)

    @classmethod
    def years(cls, start: int, end: int, *, text: str = "") -> Period:
        """Whole calendar years (Common Era) from ``start`` to ``end``.

        One year gives kind ``year``, several ``year_range``.

        >>> Period.years(2018, 2021).kind
        <PeriodKind.YEAR_RANGE: 'year_range'>
        """
        _check_year_month("Period.years(start)", start, 1)
        _check_year_month("Period.years(end)", end, 12)
        kind = PeriodKind.YEAR if start == end else PeriodKind.YEAR_RANGE
        return cls(kind, dt.date(start, 1, 1), dt.date(end, 12, 31), text)

    @classmethod
    def deadline_of(cls, period: Period | dt.date, *, text: str = "") -> Period:
        """A deadline on the last day of ``period`` (or on the given day).

        >>> Period.deadline_of(dt.date(2018, 6, 30)).end
        datetime.date(2018, 6, 30)
        """
        if isinstance(period, Period):
            return cls(PeriodKind.DEADLINE, None, period.end, text)
        if not isinstance(period, dt.date) or isinstance(period, dt.datetime):
            raise ThaiDateTypeError(
                "Period.deadline_of(period)", period, "a Period or a datetime.date (not a datetime)"
            )
        return cls(PeriodKind.DEADLINE, None, period, text)

    def __bool__(self) -> bool:
        return True  # a period is never empty; len() of a deadline has no answer

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date):
            return False
        if isinstance(day, dt.datetime):
            day = day.date()
        return (self.start is None or self.start <= day) and day <= self.end

    def __len__(self) -> int:
        """The number of days; a deadline has no start and so no length."""
        if self.start is None:
            raise TypeError(f"a deadline ({self.text or self.end}) has no length: it has no start")
        return (self.end - self.start).days + 1

    def iter_months(self) -> Iterator[tuple[int, int]]:
        """Yield the ``(CE year, month)`` pairs the period touches, in order.

        A deadline touches only the month of its last day.

        >>> list(Period.days(dt.date(2018, 6, 20), dt.date(2018, 8, 1)).iter_months())
        [(2018, 6), (2018, 7), (2018, 8)]
        """
        first = self.start or self.end
        year, month = first.year, first.month
        while (year, month) <= (self.end.year, self.end.month):
            yield year, month
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period; the same as :func:`~thaiplan.dates.parse_period`.

        >>> Period.parse("มิ.ย. - ก.ค. ๖๑").kind
        <PeriodKind.MONTH_RANGE: 'month_range'>
        """
        from ._parse import parse_period

        return parse_period(text)

    def format(self, **options: Any) -> str:
        """Write the period; the same as :func:`~thaiplan.dates.format_period`.

        >>> Period.month(2018, 5).format()
        'พ.ค. ๖๑'
        """
        from ._format import format_period

        return format_period(self, **options)


def _check_fiscal_year(instance: FiscalYear, attribute: attrs.Attribute[int], year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        raise ThaiDateTypeError(
            "FiscalYear(year)", year, "a Buddhist-Era year as an int, such as 2563"
        )
    if not _MIN_FISCAL_YEAR <= year <= _MAX_FISCAL_YEAR:
        hint = f"FiscalYear({year + BE_OFFSET})" if 1857 <= year <= 2300 else None
        raise ThaiDateError(
            f"fiscal years are named by their Buddhist-Era year "
            f"({_MIN_FISCAL_YEAR}-{_MAX_FISCAL_YEAR}), not {year}",
            text=str(year),
            position=None,
            reason="year_out_of_range",
            hint=hint,
        )


@attrs.frozen(order=True)
class FiscalYear:
    """A Thai fiscal year (ปีงบประมาณ): 1 October to 30 September.

    It is named by the Buddhist-Era year in which it ends (Budget Procedures
    Act B.E. 2561, section 4): fiscal year 2563 runs from 1 October 2562 to
    30 September 2563, that is 2019-10-01 to 2020-09-30.

    Fiscal years are ordered, and adding or subtracting an int moves by
    years: ``FiscalYear(2563) + 1 == FiscalYear(2564)``.

    Attributes:
        year: The Buddhist-Era year that names it.

    >>> fy = FiscalYear(2563)
    >>> fy.start, fy.end
    (datetime.date(2019, 10, 1), datetime.date(2020, 9, 30))
    >>> FiscalYear.containing(dt.date(2018, 10, 1))
    FiscalYear(year=2562)
    >>> dt.date(2020, 1, 15) in fy, fy.format()
    (True, 'ปีงบประมาณ พ.ศ. ๒๕๖๓')
    """

    year: int = attrs.field(validator=_check_fiscal_year)

    @classmethod
    def containing(cls, day: dt.date) -> FiscalYear:
        """The fiscal year that ``day`` falls in.

        >>> FiscalYear.containing(dt.date(2019, 9, 30)).year
        2562
        """
        day = check_day("FiscalYear.containing(day)", day)
        return cls(day.year + BE_OFFSET + (1 if day.month >= 10 else 0))

    @classmethod
    def parse(cls, text: str) -> FiscalYear:
        """Read a fiscal year such as ``ปีงบประมาณ พ.ศ. ๒๕๖๓``; inverse of :meth:`format`.

        >>> FiscalYear.parse("ปีงบประมาณ พ.ศ. ๒๕๖๓")
        FiscalYear(year=2563)
        """
        from ._parse import parse_period

        period = parse_period(text)
        if period.kind is not PeriodKind.FISCAL_YEAR:
            raise ThaiDateError(
                f"expected a fiscal year, found a {period.kind.value}",
                text=text,
                position=None,
                reason="not_fiscal_year",
                hint="ปีงบประมาณ พ.ศ. ๒๕๖๓",
            )
        return cls.containing(period.end)

    @property
    def ce_year(self) -> int:
        """The Common-Era year in which the fiscal year ends.

        >>> FiscalYear(2563).ce_year
        2020
        """
        return self.year - BE_OFFSET

    @property
    def start(self) -> dt.date:
        """1 October of the year before."""
        return dt.date(self.ce_year - 1, 10, 1)

    @property
    def end(self) -> dt.date:
        """30 September, the last day."""
        return dt.date(self.ce_year, 9, 30)

    def __len__(self) -> int:
        """The number of days: 365 or 366."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def __add__(self, years: int) -> FiscalYear:
        if isinstance(years, bool) or not isinstance(years, int):
            return NotImplemented
        return FiscalYear(self.year + years)

    def __sub__(self, years: int) -> FiscalYear:
        if isinstance(years, bool) or not isinstance(years, int):
            return NotImplemented
        return FiscalYear(self.year - years)

    def quarter(self, number: int) -> Period:
        """Quarter ``number`` (1-4) as a period; quarter 1 is October-December.

        >>> FiscalYear(2563).quarter(1).end
        datetime.date(2019, 12, 31)
        """
        check_int("FiscalYear.quarter(number)", number)
        if number not in (1, 2, 3, 4):
            raise ThaiDateError(
                f"a fiscal year has quarters 1-4, not {number!r}",
                text=str(number),
                position=None,
                reason="quarter_out_of_range",
            )
        first = 10 + 3 * (number - 1)
        year = self.ce_year - 1 if first <= 12 else self.ce_year
        first = (first - 1) % 12 + 1
        return Period(PeriodKind.QUARTER, dt.date(year, first, 1), _month_end(year, first + 2), "")

    @property
    def quarters(self) -> tuple[Period, Period, Period, Period]:
        """The four quarters, in order."""
        return (self.quarter(1), self.quarter(2), self.quarter(3), self.quarter(4))

    def quarter_of(self, day: dt.date) -> int:
        """The number (1-4) of the quarter that ``day`` falls in.

        >>> FiscalYear(2563).quarter_of(dt.date(2020, 9, 30))
        4
        """
        day = check_day("FiscalYear.quarter_of(day)", day)
        if day not in self:
            raise ThaiDateError(
                f"{day.isoformat()} is not in fiscal year {self.year}",
                text=day.isoformat(),
                position=None,
                reason="not_in_fiscal_year",
            )
        return (day.month - 10) % 12 // 3 + 1

    def to_period(self) -> Period:
        """The fiscal year as a :class:`Period` of kind ``fiscal_year``.

        >>> FiscalYear(2563).to_period().start
        datetime.date(2019, 10, 1)
        """
        return Period(PeriodKind.FISCAL_YEAR, self.start, self.end, "")

    def format(self, *, digits: Digits = "thai") -> str:
        """Write it as ``ปีงบประมาณ พ.ศ. ๒๕๖๓``; inverse of :meth:`parse`.

        >>> FiscalYear(2563).format(digits="arabic")
        'ปีงบประมาณ พ.ศ. 2563'
        """
        from ._format import format_period

        return format_period(self.to_period(), digits=digits)
