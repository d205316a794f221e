"""Exceptions and warnings raised by thaiplan.

Every exception derives from :class:`ThaiplanError`, and each concrete one also
derives from the builtin it refines, so ``except ValueError`` keeps working in
code that does not know thaiplan::

    ThaiplanError
    ├── ThaiDateError        (also ValueError)
    └── HolidayDataError     (also ValueError)

Exceptions carry structured data (the input, the position, a stable reason
code), not only a message, so that tools built on thaiplan can report them in
their own words.

>>> from thaiplan.dates import parse_date
>>> try:
...     parse_date("๕ เมษ ๒๕๖๑")
... except ThaiDateError as error:
...     print(error.reason, error.position)
unknown_month 2
"""

from __future__ import annotations

__all__ = [
    "HolidayDataError",
    "ThaiDateError",
    "ThaiplanError",
    "ThaiplanWarning",
]


class ThaiplanError(Exception):
    """Root of every exception that thaiplan raises on purpose.

    >>> issubclass(ThaiDateError, ThaiplanError)
    True
    """


class ThaiplanWarning(UserWarning):
    """Root of every warning that thaiplan emits.

    >>> issubclass(ThaiplanWarning, UserWarning)
    True
    """


class ThaiDateError(ThaiplanError, ValueError):
    """A Thai date, period or year that cannot be read or does not exist.

    Attributes:
        text: The input, exactly as given.
        position: Index in :attr:`text` where the problem is, or ``None`` when
            it concerns the whole input.
        reason: A short, stable code for programs to test: ``empty``,
            ``unknown_month``, ``unknown_weekday``, ``day_out_of_range``,
            ``month_out_of_range``, ``weekday_mismatch``, ``unexpected_text``,
            ``missing_year``, ``reversed_range``, ``ambiguous_year``,
            ``year_out_of_range``, ``time_out_of_range``, ``not_text``.
        hint: The fix, when there is one (also part of the message).

    >>> error = ThaiDateError("unknown month 'เมษ'", text="๕ เมษ ๒๕๖๑",
    ...                       position=2, reason="unknown_month", hint="เม.ย.")
    >>> str(error)
    "unknown month 'เมษ' in '๕ เมษ ๒๕๖๑' at position 2; did you mean 'เม.ย.'?"
    """

    def __init__(
        self,
        problem: str,
        *,
        text: str,
        position: int | None,
        reason: str,
        hint: str | None = None,
    ) -> None:
        self.problem = problem
        self.text = text
        self.position = position
        self.reason = reason
        self.hint = hint
        message = f"{problem} in {text!r}"
        if position is not None:
            message += f" at position {position}"
        if hint is not None:
            message += f"; did you mean {hint!r}?"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments need help to survive pickling (multiprocessing).
        return (
            _rebuild_thai_date_error,
            (self.problem, self.text, self.position, self.reason, self.hint),
        )


def _rebuild_thai_date_error(
    problem: str, text: str, position: int | None, reason: str, hint: str | None
) -> ThaiDateError:
    return ThaiDateError(problem, text=text, position=position, reason=reason, hint=hint)


class HolidayDataError(ThaiplanError, ValueError):
    """Thai public-holiday data is not available for a year.

    Working-day arithmetic never guesses: a day in a year that the holiday
    data does not cover is an error, not a working day.

    Attributes:
        year: The Common-Era year asked for.
        first: The first year the data covers.
        last: The last year the data covers.

    >>> str(HolidayDataError(2150, first=1914, last=2100))
    'no Thai holiday data for 2150 (พ.ศ. 2693); the data covers 1914-2100 (พ.ศ. 2457-2643)'
    """

    def __init__(self, year: int, *, first: int, last: int) -> None:
        self.year = year
        self.first = first
        self.last = last
        super().__init__(
            f"no Thai holiday data for {year} (พ.ศ. {year + 543}); "
            f"the data covers {first}-{last} (พ.ศ. {first + 543}-{last + 543})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_holiday_data_error, (self.year, self.first, self.last))


def _rebuild_holiday_data_error(year: int, first: int, last: int) -> HolidayDataError:
    return HolidayDataError(year, first=first, last=last)
