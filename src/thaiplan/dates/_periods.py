"""Periods of days as Thai documents state them."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs

from thaiplan.errors import ThaiDateError, ThaiDateTypeError

from ._kinds import PeriodKind
from ._spans import Recurrence, Span, TimeRange
from ._text import check_int, check_str

if TYPE_CHECKING:
    from collections.abc import Iterator


__all__ = ["Period", "PeriodKind"]


#: The kinds that have no dates of their own: their ``start`` and ``end`` are
#: ``None`` and reading :attr:`Period.end` raises ``no_dates``.
_DATELESS = frozenset((PeriodKind.DURATION, PeriodKind.RELATIVE, PeriodKind.RECURRING))


_NO_END: Final = dt.date.max


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


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


def _check_text(instance: Period, attribute: attrs.Attribute[Any], text: object) -> None:
    check_str("Period.text", text)


def _check_start(instance: Period, attribute: attrs.Attribute[Any], start: object) -> None:
    if instance.kind in _DATELESS:
        if start is not None:
            raise ThaiDateError(
                f"a {instance.kind.value} period has no dates of its own, but was given {start!r}",
                text=instance.text or instance.kind.value,
                position=None,
                reason="start_given",
            )
    elif instance.kind is PeriodKind.DEADLINE:
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
    if instance.kind in _DATELESS:
        if end is not None:
            raise ThaiDateError(
                f"a {instance.kind.value} period has no dates of its own, but was given {end!r}",
                text=instance.text or instance.kind.value,
                position=None,
                reason="kind_mismatch",
            )
        return
    if instance.kind is PeriodKind.OPEN_ENDED and end != _NO_END:
        raise ThaiDateError(
            f"an open-ended period ends on Period.NO_END ({_NO_END}), not {end!r}",
            text=instance.text or f"{instance.start}/",
            position=None,
            reason="kind_mismatch",
        )
    if not isinstance(end, dt.date) or isinstance(end, dt.datetime):
        raise ThaiDateTypeError("Period.end", end, "a datetime.date (not a datetime)")
    if instance.start is not None and end < instance.start:
        raise ThaiDateError(
            f"the period ends ({end.isoformat()}) before it starts ({instance.start.isoformat()})",
            text=instance.text or f"{instance.start.isoformat()}/{end.isoformat()}",
            position=None,
            reason="reversed_range",
        )


def _extra_problem(period: Period) -> str | None:
    """Why the fields beside the dates do not fit the kind, or None when they do."""
    kind, span, recurrence = period.kind, period.span, period.recurrence
    if span is None and recurrence is None and kind not in _DATELESS:
        if period.approximate is False and period.times is None:
            return None  # the common case: a period of days and nothing else
        if not isinstance(period.approximate, bool):
            raise ThaiDateTypeError("Period.approximate", period.approximate, "True or False")
        if period.times is not None and not isinstance(period.times, TimeRange):
            raise ThaiDateTypeError("Period.times", period.times, "a TimeRange or None")
        return None
    if span is not None and not isinstance(span, Span):
        raise ThaiDateTypeError("Period.span", span, "a Span or None")
    if recurrence is not None and not isinstance(recurrence, Recurrence):
        raise ThaiDateTypeError("Period.recurrence", recurrence, "a Recurrence or None")
    if not isinstance(period.approximate, bool):
        raise ThaiDateTypeError("Period.approximate", period.approximate, "True or False")
    if period.times is not None:
        if not isinstance(period.times, TimeRange):
            raise ThaiDateTypeError("Period.times", period.times, "a TimeRange or None")
        if kind in _DATELESS:
            return "a time of day needs a day to be on"
    if (kind in (PeriodKind.DURATION, PeriodKind.RELATIVE)) != (span is not None):
        return "a duration or relative period, and only those, has a span"
    if span is not None and (kind is PeriodKind.RELATIVE) != bool(span.anchor):
        return "a relative period's span names its event, a duration's does not"
    if (kind is PeriodKind.RECURRING) != (recurrence is not None):
        return "a recurring period, and only that, has a recurrence"
    return None


@attrs.frozen(repr=False)
class Period:
    """A span of whole days, inclusive at both ends, as a document states it.

    Build one with :func:`~thaiplan.dates.parse_period` or a named constructor
    (:meth:`day`, :meth:`days`, :meth:`month`, :meth:`months`,
    :meth:`deadline_of`, :meth:`open_from`); write it back with
    :func:`~thaiplan.dates.format_period`. Equality compares every field but
    the source ``text``, which is kept but not compared.

    Besides its days, a period may carry what the document says with them:
    ``approximate`` (ประมาณ), the time of day (``times``), a count of days
    (``span``) or a recurrence (``recurrence``). They default to nothing, so
    code that reads only ``kind``, ``start`` and ``end`` reads every period
    it read before unchanged.

    Three kinds have no dates of their own (``duration``, ``relative`` and
    ``recurring``): their ``start`` is ``None`` and reading ``end`` raises
    :class:`~thaiplan.errors.ThaiDateError` (``no_dates``); :meth:`anchored`
    and :meth:`occurrences` give their dates. An ``open_ended`` period has
    a start and ends on :data:`NO_END` (``datetime.date.max``), so that
    ``end`` is still a date that every day is on or before; test
    :attr:`open_ended` before writing that date anywhere.

    Attributes:
        kind: What the period was written as (:class:`PeriodKind`).
        start: The first day, or ``None`` for a deadline and the dateless kinds.
        text: The text it was read from, verbatim ("" when built in code).
        approximate: The document says ประมาณ (about).
        times: The time of day on its days (:class:`TimeRange`), or ``None``.
        span: The count of days of a ``duration`` or ``relative`` period
            (:class:`Span`), or ``None``.
        recurrence: The rule of a ``recurring`` period (:class:`Recurrence`),
            or ``None``.

    >>> may = Period.month(2018, 5)
    >>> may.start, may.end
    (datetime.date(2018, 5, 1), datetime.date(2018, 5, 31))
    >>> dt.date(2018, 5, 14) in may
    True
    >>> Period.deadline_of(may).start is None
    True
    """

    #: The ``end`` of an open-ended period: the last day ``datetime.date`` holds.
    NO_END: ClassVar[dt.date] = _NO_END

    kind: PeriodKind = attrs.field(converter=_to_kind)
    start: dt.date | None = attrs.field(validator=_check_start)
    _end: dt.date | None = attrs.field(validator=_check_end, alias="end")
    text: str = attrs.field(default="", eq=False, validator=_check_text)
    # The fields beside the dates are checked together in __attrs_post_init__
    # (_extra_problem), one test for the common case of none of them.
    approximate: bool = attrs.field(default=False, kw_only=True)
    times: TimeRange | None = attrs.field(default=None, kw_only=True)
    span: Span | None = attrs.field(default=None, kw_only=True)
    recurrence: Recurrence | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        problem = _extra_problem(self)
        if problem is None and self._end is not None:
            problem = _shape_problem(self.kind, self.start, self._end)
        if problem is not None:
            raise ThaiDateError(
                f"a {self.kind.value} period cannot run from {self.start} to {self._end}: {problem}",
                text=self.text or f"{self.start}/{self._end}",
                position=None,
                reason="kind_mismatch",
            )

    @property
    def end(self) -> dt.date:
        """The last day, inclusive; :data:`NO_END` for an open-ended period.

        Raises:
            ThaiDateError: ``no_dates``: the period has no dates of its own
                (``duration``, ``relative``, ``recurring``).
        """
        end = self._end
        if end is None:
            raise ThaiDateError(
                f"a {self.kind.value} period has no dates of its own: use "
                + ("occurrences()" if self.kind is PeriodKind.RECURRING else "anchored()"),
                text=self.text or self.kind.value,
                position=None,
                reason="no_dates",
            )
        return end

    @property
    def open_ended(self) -> bool:
        """Whether the period runs on with no end (``เป็นต้นไป``).

        >>> Period.open_from(dt.date(2018, 5, 1)).open_ended
        True
        """
        return self.kind is PeriodKind.OPEN_ENDED

    @property
    def has_dates(self) -> bool:
        """Whether the period has dates of its own (every kind but the dateless ones).

        >>> Period.day(dt.date(2018, 5, 1)).has_dates
        True
        """
        return self._end is not None

    def __repr__(self) -> str:
        parts = [f"kind={self.kind!r}", f"start={self.start!r}", f"end={self._end!r}"]
        parts.append(f"text={self.text!r}")
        for name in ("approximate", "times", "span", "recurrence"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name}={value!r}")
        return f"Period({', '.join(parts)})"

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

    @classmethod
    def open_from(cls, day: dt.date, *, text: str = "") -> Period:
        """The period from ``day`` on, with no end (ตั้งแต่วันที่ … เป็นต้นไป).

        >>> Period.open_from(dt.date(2018, 5, 1)).end == Period.NO_END
        True
        """
        return cls(PeriodKind.OPEN_ENDED, day, _NO_END, text)

    def __bool__(self) -> bool:
        return True  # a period is never empty; len() of a deadline has no answer

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date):
            return False
        if isinstance(day, dt.datetime):
            day = day.date()
        return (self.start is None or self.start <= day) and day <= self.end

    def __len__(self) -> int:
        """The number of days; a deadline has no start and so no length, nor has an open end."""
        if self.kind is PeriodKind.DEADLINE:
            raise TypeError(f"a deadline ({self.text or self.end}) has no length: it has no start")
        if self.start is None or self.open_ended:
            what = "an open-ended period" if self.open_ended else f"a {self.kind.value} period"
            raise TypeError(f"{what} ({self.text or self.kind.value}) has no length")
        return (self.end - self.start).days + 1

    def iter_months(self) -> Iterator[tuple[int, int]]:
        """Yield the ``(CE year, month)`` pairs the period touches, in order.

        A deadline touches only the month of its last day, an open-ended
        period only the month of its first, and a period with no dates of its
        own (``duration``, ``relative``, ``recurring``) none.

        >>> list(Period.days(dt.date(2018, 6, 20), dt.date(2018, 8, 1)).iter_months())
        [(2018, 6), (2018, 7), (2018, 8)]
        """
        if self._end is None:
            return
        first = self.start or self._end
        last = first if self.open_ended else self._end
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            yield year, month
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def anchored(self, day: dt.date) -> Period:
        """The dates of a ``duration`` or ``relative`` period counted from ``day``.

        ``day`` is the event's day (for a duration, its first day). Days are
        counted with the event's day as day 1, as the Bureau of the Budget
        counts them (26 ธ.ค. 2566 + 105 days ends on 8 เม.ย. 2567); working
        days count from the first working day on or after ``day``. After the
        event: exactly N is day N, at most N a deadline on day N, at least N
        open-ended from day N + 1. Before it: exactly N is N days before,
        at least N a deadline N days before, at most N the N days before.

        >>> from thaiplan.dates import parse_period
        >>> parse_period("ภายใน 105 วันนับแต่วันที่ได้รับ").anchored(dt.date(2023, 12, 26)).end
        datetime.date(2024, 4, 8)
        >>> parse_period("ไม่น้อยกว่า 3 วันก่อนวันประชุม").anchored(dt.date(2024, 8, 10)).end
        datetime.date(2024, 8, 7)
        """
        from ._spans import Bound, Direction, SpanUnit

        span = self.span
        if span is None:
            raise ThaiDateError(
                f"a {self.kind.value} period has its own dates; only a duration or a"
                " relative period is anchored",
                text=self.text or self.kind.value,
                position=None,
                reason="kind_mismatch",
            )
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise ThaiDateTypeError("Period.anchored(day)", day, "a datetime.date")
        move = _day_mover(span.unit is SpanUnit.WORKING_DAYS)
        text = self.text
        try:
            if span.direction is Direction.BEFORE:
                before = move(day, -span.amount)
                if span.bound is Bound.EXACTLY:
                    return Period.day(before, text=text)
                if span.bound is Bound.AT_LEAST:
                    return Period.deadline_of(before, text=text)
                return Period.days(before, move(day, -1), text=text)
            last = move(day, span.amount - 1, first=True)
            if span.bound is Bound.AT_MOST:
                return Period.deadline_of(last, text=text)
            if span.bound is Bound.AT_LEAST:
                return Period.open_from(move(last, 1), text=text)
            if span.direction is None:
                return Period.days(move(day, 0, first=True), last, text=text)
            return Period.day(last, text=text)
        except OverflowError:
            raise ThaiDateError(
                f"{span.amount} {span.unit.value} from {day.isoformat()} is beyond the dates"
                " datetime.date holds (CE 1-9999)",
                text=self.text or str(span.amount),
                position=None,
                reason="year_out_of_range",
            ) from None

    def occurrences(self, start: dt.date, end: dt.date) -> list[Period]:
        """The periods a ``recurring`` period gives from ``start`` to ``end``, both included.

        Each occurrence is the period the rule's day stands for (a day, a
        deadline, a month or a fiscal quarter), as dateutil's ``rrule`` gives
        the days.

        >>> from thaiplan.dates import parse_period
        >>> [p.end.isoformat() for p in parse_period("ภายในวันที่ ๑๕ ของทุกเดือน").occurrences(
        ...     dt.date(2024, 1, 1), dt.date(2024, 3, 31))]
        ['2024-01-15', '2024-02-15', '2024-03-15']
        """
        from ._fiscal import FiscalYear

        recurrence = self.recurrence
        if recurrence is None:
            raise ThaiDateError(
                f"a {self.kind.value} period does not recur",
                text=self.text or self.kind.value,
                position=None,
                reason="kind_mismatch",
            )
        first = dt.datetime(start.year, start.month, start.day)
        last = dt.datetime(end.year, end.month, end.day)
        found = []
        for moment in recurrence.rrule(start).between(first, last, inc=True):
            day = moment.date()
            if recurrence.each is PeriodKind.DAY:
                found.append(Period.day(day))
            elif recurrence.each is PeriodKind.DEADLINE:
                found.append(Period.deadline_of(day))
            elif recurrence.each is PeriodKind.MONTH:
                found.append(Period.month(day.year, day.month))
            else:
                fiscal_year = FiscalYear.containing(day)
                found.append(fiscal_year.quarter(fiscal_year.quarter_of(day)))
        return found

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


def _day_mover(working: bool) -> Any:
    """A function (day, n, first=False) -> day moved by n calendar or working days."""
    if not working:

        def calendar_days(day: dt.date, count: int, *, first: bool = False) -> dt.date:
            return day + dt.timedelta(days=count)

        return calendar_days
    from ._workdays import add_working_days, working_day_on_or_after

    def working_days(day: dt.date, count: int, *, first: bool = False) -> dt.date:
        if first:
            day = working_day_on_or_after(day)
        return add_working_days(day, count) if count else day

    return working_days
