"""Exceptions and warnings raised by thaiplan.

Every exception derives from :class:`ThaiplanError`, and each concrete one also
derives from the builtin it refines, so ``except ValueError`` keeps working in
code that does not know thaiplan::

    ThaiplanError
    ├── ThaiDateError        (also ValueError)
    ├── ThaiNumberError      (also ValueError)
    ├── HolidayDataError     (also ValueError)
    ├── ModelError           (also ValueError)
    │   └── ModelIndexError  (also IndexError)
    ├── CalendarFileError    (also ValueError)
    ├── DependencyCycleError (also ValueError)
    ├── ThaiplanTypeError    (also TypeError)
    │   ├── ThaiDateTypeError (also ThaiDateError)
    │   └── ModelTypeError    (also ModelError)
    └── FileWriteError       (also OSError)

A value of the wrong type (``None`` where a date is expected) is a
:class:`ThaiplanTypeError`, so ``except TypeError`` catches it as Python's
own convention asks; the one raised by the date layer is also a
:class:`ThaiDateError` and the one raised by a record also a
:class:`ModelError`, so that code catching the errors of a layer catches
all of them.

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

import math

__all__ = [
    "CalendarFileError",
    "CalendarReferenceError",
    "CellProblem",
    "DependencyCycleError",
    "FileProblem",
    "FileWriteError",
    "HolidayDataError",
    "ModelError",
    "ModelIndexError",
    "ModelTypeError",
    "ThaiDateError",
    "ThaiDateTypeError",
    "ThaiNumberError",
    "ThaiplanError",
    "ThaiplanTypeError",
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
        reason: A short, stable code for programs to test. Reading text:
            ``empty``, ``unknown_month``, ``unknown_weekday``,
            ``unexpected_text``, ``missing_year``, ``missing_date``,
            ``ambiguous_year``, ``day_out_of_range``, ``month_out_of_range``,
            ``year_out_of_range``, ``quarter_out_of_range``,
            ``time_out_of_range``, ``weekday_mismatch``, ``reversed_range``,
            ``not_fiscal_year``. Building values: ``kind_mismatch``,
            ``start_given``, ``not_in_fiscal_year``, ``unknown_style``,
            ``unknown_digits``, ``unknown_kind``. A value of the wrong type:
            ``wrong_type`` (a :class:`ThaiDateTypeError`).
        problem: What is wrong, without the input and the place.
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


class ThaiNumberError(ThaiplanError, ValueError):
    """A number or an amount of baht, in figures or in Thai words, that cannot be read or written.

    Attributes:
        text: The input, exactly as given.
        position: Index in :attr:`text` where the problem is, or ``None`` when
            it concerns the whole input.
        reason: A short, stable code for programs to test: ``empty``,
            ``not_number``, ``unexpected_text``, ``place_order``,
            ``bad_commas``, ``bad_numeral``, ``not_whole``, ``bad_satang``,
            ``below_satang``, ``has_satang``, ``not_finite``, ``unknown_digits``.
        problem: What is wrong, without the input and the place.
        hint: The fix, when there is one (also part of the message).

    >>> from thaiplan.dates import parse_baht
    >>> try:
    ...     parse_baht("1,63,2820")
    ... except ThaiNumberError as error:
    ...     print(error.reason, error.position)
    bad_commas 0
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
        return (
            _rebuild_thai_number_error,
            (self.problem, self.text, self.position, self.reason, self.hint),
        )


def _rebuild_thai_number_error(
    problem: str, text: str, position: int | None, reason: str, hint: str | None
) -> ThaiNumberError:
    return ThaiNumberError(problem, text=text, position=position, reason=reason, hint=hint)


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


class ModelError(ThaiplanError, ValueError):
    """A domain record built with a value it cannot hold, or asked the impossible.

    Raised when a record is built in code with a wrong value (an identifier
    with spaces, a plan's years in the wrong order) and by domain operations
    that cannot apply (escalating a project that is within its level's
    capacity). Files report their problems all at once instead, as
    :class:`CalendarFileError`.

    >>> issubclass(ModelError, ValueError)
    True
    """


class FileProblem:
    """One problem found in a file, with where it is.

    Attributes:
        file: The file's name (``"<stream>"`` for a stream without one).
        line: The line, counted from 1, or ``None`` where unknown.
        column: The column, counted from 1, or ``None`` where unknown.
        path: Where in the data (``"steps[2].after[0]"``), or "" for the whole file.
        message: What is wrong, and what was expected (in English).
        message_th: The same in Thai, or ``None`` where thaiplan has no Thai
            text for this problem (then :meth:`describe` gives the English).

    >>> problem = FileProblem("plan.yaml", 12, 5, "steps[0].no", "expected a whole number",
    ...                       "ต้องเป็นจำนวนเต็ม")
    >>> print(problem)
    plan.yaml:12:5: steps[0].no: expected a whole number
    >>> print(problem.describe("th"))
    plan.yaml:12:5: steps[0].no: ต้องเป็นจำนวนเต็ม
    """

    __slots__ = ("column", "file", "line", "message", "message_th", "path")

    def __init__(
        self,
        file: str,
        line: int | None,
        column: int | None,
        path: str,
        message: str,
        message_th: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.message_th = message_th

    def describe(self, lang: str = "en") -> str:
        """The problem as one line, ``file:line:column: path: message``, in English or Thai.

        Args:
            lang: ``"en"`` or ``"th"``. A problem without a Thai text is given
                in English.

        Raises:
            ModelError: ``lang`` is neither, as for :meth:`Finding.message
                <thaiplan.Finding.message>`.
        """
        if lang not in ("en", "th"):
            raise ModelError(f"unknown language {lang!r}; the languages are 'en' and 'th'")
        message = self.message_th if lang == "th" and self.message_th else self.message
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return f"{place}: {self.path}: {message}" if self.path else f"{place}: {message}"

    def __str__(self) -> str:
        return self.describe("en")

    def __repr__(self) -> str:
        thai = f", {self.message_th!r}" if self.message_th is not None else ""
        return (
            f"FileProblem({self.file!r}, {self.line!r}, {self.column!r},"
            f" {self.path!r}, {self.message!r}{thai})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileProblem):
            return NotImplemented
        return repr(self) == repr(other)

    def __hash__(self) -> int:
        return hash(repr(self))

    def __reduce__(self) -> tuple[object, ...]:
        return (
            FileProblem,
            (self.file, self.line, self.column, self.path, self.message, self.message_th),
        )


class CellProblem(FileProblem):
    """One problem found in a spreadsheet, at its sheet and cell (``book.xlsx!ปฏิทิน!C7``).

    A :class:`FileProblem` whose place is a cell: its ``path`` is
    ``Sheet!C7``, and its ``line`` and ``column`` are the cell's row and
    column, counted from 1.

    Attributes:
        sheet: The sheet's name.
        cell: The cell (``"C7"``), or "" for the whole sheet.

    >>> print(CellProblem("book.xlsx", "ปฏิทิน", "B7", "cannot read 'มิย ๖๑'"))
    book.xlsx!ปฏิทิน!B7: cannot read 'มิย ๖๑'
    """

    __slots__ = ("cell", "sheet")

    def __init__(self, file: str, sheet: str, cell: str, message: str) -> None:
        for argument, value in (
            ("file", file),
            ("sheet", sheet),
            ("cell", cell),
            ("message", message),
        ):
            if not isinstance(value, str):
                raise ThaiplanTypeError(f"CellProblem({argument})", value, "a str")
        row = int("".join(c for c in cell if c.isascii() and c.isdigit()) or 0) or None
        letters = "".join(c for c in cell if c.isascii() and c.isalpha()).upper()
        column = 0
        for letter in letters:
            column = column * 26 + ord(letter) - 64
        super().__init__(file, row, column or None, f"{sheet}!{cell}" if cell else sheet, message)
        self.sheet = sheet
        self.cell = cell

    def __str__(self) -> str:
        return f"{self.file}!{self.path}: {self.message}"

    def __repr__(self) -> str:
        return f"CellProblem({self.file!r}, {self.sheet!r}, {self.cell!r}, {self.message!r})"


class CalendarFileError(ThaiplanError, ValueError):
    """A calendar or document file that cannot be read.

    It lists every problem found in the file, not only the first, each with
    its file, line and column.

    Attributes:
        file: The file's name.
        problems: The problems, in the order of the file.

    >>> error = CalendarFileError("plan.yaml", [FileProblem("plan.yaml", 3, 1, "", "unknown key 'tittle'")])
    >>> print(error)
    1 problem in plan.yaml:
      plan.yaml:3:1: unknown key 'tittle'
    """

    def __init__(self, file: str, problems: list[FileProblem] | tuple[FileProblem, ...]) -> None:
        self.file = file
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in {file}:\n{lines}")

    def __reduce__(self) -> tuple[object, ...]:
        return (CalendarFileError, (self.file, self.problems))


class DependencyCycleError(ThaiplanError, ValueError):
    """The steps of a calendar depend on one another in a circle.

    Attributes:
        cycle: The ids of the steps of one cycle, in order: each follows the
            one before it, and the first follows the last.

    >>> print(DependencyCycleError(["s2", "s3", "s4"]))
    the steps depend on one another in a circle: s2 -> s3 -> s4 -> s2; remove one of these dependencies (after:)
    """

    def __init__(self, cycle: list[str] | tuple[str, ...]) -> None:
        self.cycle = tuple(cycle)
        path = " -> ".join((*self.cycle, self.cycle[0])) if self.cycle else ""
        super().__init__(
            f"the steps depend on one another in a circle: {path};"
            " remove one of these dependencies (after:)"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (DependencyCycleError, (self.cycle,))


class CalendarReferenceError(ModelError):
    """A step names a step of another calendar that was not given, or that it does not have.

    A step may follow (``after``) or feed (``feeds``) a step of another
    calendar, named ``calendar:step`` (``budget-2563:s1``); scheduling the
    calendar needs that calendar too.

    Attributes:
        step: The id of the step that names the other calendar's step.
        reference: The reference as written (``"budget-2563:s1"``).
        calendar: The calendar it names (``"budget-2563"``).
        known: The names of the calendars that were given (for a missing
            calendar), or the steps of the calendar named (for a missing step).

    >>> error = CalendarReferenceError("s15", "budget-2563:s1", "budget-2563", (), "no such calendar")
    >>> error.calendar, issubclass(CalendarReferenceError, ValueError)
    ('budget-2563', True)
    """

    def __init__(
        self,
        step: str,
        reference: str,
        calendar: str,
        known: tuple[str, ...] | list[str],
        message: str,
    ) -> None:
        self.step = step
        self.reference = reference
        self.calendar = calendar
        self.known = tuple(known)
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            CalendarReferenceError,
            (self.step, self.reference, self.calendar, self.known, str(self)),
        )


class ModelIndexError(ModelError, IndexError):
    """A place asked of a sequence of records that it does not have (``calendar[99]``).

    >>> issubclass(ModelIndexError, IndexError), issubclass(ModelIndexError, ModelError)
    (True, True)
    """


def _describe(value: object) -> str:
    """A value as a message shows it: its type and a repr cut to a readable length.

    A huge int is described by its number of digits: Python refuses to write
    one of more than 4,300 digits, and nobody reads one of 60.
    """
    if value is None:
        return "None"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        if value.bit_length() < 14_000:  # under the 4,300 digits str() writes
            return f"int of {len(str(abs(value)))} digits"
        return f"int of about {math.floor(math.log10(abs(value))) + 1} digits"
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{type(value).__name__} {text}"


class ThaiplanTypeError(ThaiplanError, TypeError):
    """A value of the wrong type given to a thaiplan function or record.

    Attributes:
        argument: What was given the value: the function's argument
            (``"parse_date(text)"``) or the record's field (``"Step.after[0]"``).
        value: The value that came.
        expected: What was expected, in words (``"a str"``).
        hint: The fix, when there is one, or ``None``.

    >>> error = ThaiplanTypeError("parse_date(text)", None, "a str")
    >>> print(error)
    parse_date(text) must be a str, not None
    >>> isinstance(error, TypeError), error.argument, error.expected
    (True, 'parse_date(text)', 'a str')
    """

    def __init__(
        self, argument: str, value: object, expected: str, *, hint: str | None = None
    ) -> None:
        self.argument = argument
        self.value = value
        self.expected = expected
        self.hint = hint
        message = f"{argument} must be {expected}, not {_describe(value)}"
        if hint is not None:
            message += f"; {hint}"
        TypeError.__init__(self, message)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_type_error,
            (type(self), self.argument, self.value, self.expected, self.hint),
        )


def _rebuild_type_error(
    cls: type[ThaiplanTypeError], argument: str, value: object, expected: str, hint: str | None
) -> ThaiplanTypeError:
    return cls(argument, value, expected, hint=hint)


class ThaiDateTypeError(ThaiplanTypeError, ThaiDateError):
    """A function of :mod:`thaiplan.dates` given a value of the wrong type.

    It is a :class:`ThaiplanTypeError` (and so a :class:`TypeError`) and a
    :class:`ThaiDateError` with the reason ``wrong_type``, whose ``text`` is
    the value's ``repr`` and ``position`` ``None``.

    >>> from thaiplan.dates import parse_date
    >>> try:
    ...     parse_date(None)
    ... except ThaiDateError as error:
    ...     print(error.reason, isinstance(error, TypeError))
    ...     print(error)
    wrong_type True
    text must be a str, not None
    """

    def __init__(
        self, argument: str, value: object, expected: str, *, hint: str | None = None
    ) -> None:
        super().__init__(argument, value, expected, hint=hint)
        self.problem = str(self)
        self.text = repr(value)
        self.position = None
        self.reason = "wrong_type"


class ModelTypeError(ThaiplanTypeError, ModelError):
    """A record of the domain model built with a value of the wrong type.

    It is a :class:`ThaiplanTypeError` (and so a :class:`TypeError`) and a
    :class:`ModelError`.

    >>> import thaiplan
    >>> thaiplan.PlanningCalendar("ปฏิทิน", "สมุทรสาคร", 2563, steps=[None])
    Traceback (most recent call last):
    ...
    thaiplan.errors.ModelTypeError: PlanningCalendar.steps[0] must be a Step, not None
    """


class FileWriteError(ThaiplanError, OSError):
    """A calendar or document file that cannot be written where it was asked to go.

    It is also the :class:`OSError` it refines, with ``errno``, ``strerror``
    and ``filename`` set as the operating system gave them.

    >>> import errno
    >>> error = FileWriteError(errno.ENOENT, "the folder 'out' does not exist; create it first", "out/c.yaml")
    >>> error.errno == errno.ENOENT, error.filename
    (True, 'out/c.yaml')
    >>> print(error)
    cannot write out/c.yaml: the folder 'out' does not exist; create it first
    """

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"
