"""Thai fiscal years (ปีงบประมาณ): 1 October to 30 September, named by the BE year they end in."""

from __future__ import annotations

import datetime as dt

import attrs

from thaiplan.errors import ThaiDateError, ThaiDateTypeError

from ._periods import Period, PeriodKind, _month_end
from ._text import BE_OFFSET, Digits, check_day, check_int

__all__ = ["FiscalYear"]

# FiscalYear(y) starts on 1 Oct of CE year y - 544; datetime.date spans CE 1-9999.
_MIN_FISCAL_YEAR = 2400
_MAX_FISCAL_YEAR = 9999 + BE_OFFSET


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
