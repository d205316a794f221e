"""Wrong arguments: records built in code, the date layer, far dates in shift and schedule.

Every wrong argument is a thaiplan error that subclasses the builtin a Python
caller expects (a wrong type a TypeError, a wrong value a ValueError) and
names the argument, what came and what was expected. A property calls every
public function with wrong-typed arguments and checks that it gives a value
or a ThaiplanError, never another exception.
"""

from __future__ import annotations

import datetime as dt
import inspect
import pickle
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thaiplan
import thaiplan.dates
from strategies import calendars
from thaiplan import (
    Agency,
    Committee,
    Dependency,
    LagUnit,
    Level,
    Meeting,
    ModelError,
    ModelTypeError,
    Phase,
    Plan,
    PlanningCalendar,
    Step,
    ThaiDateError,
    ThaiDateTypeError,
    ThaiplanError,
    ThaiplanTypeError,
)
from thaiplan.dates import (
    FiscalYear,
    Period,
    PeriodKind,
    be_to_ce,
    format_date,
    is_working_day,
    parse_date,
    working_days_between,
)

D = dt.date


class TestHierarchy:
    """The wrong-type errors: where they sit, what they carry."""

    def test_bases(self) -> None:
        """Each is a ThaiplanTypeError and a TypeError, and an error of its layer."""
        for error in (ThaiDateTypeError, ModelTypeError):
            assert issubclass(error, ThaiplanTypeError)
            assert issubclass(error, TypeError)
            assert issubclass(error, ThaiplanError)
        assert issubclass(ThaiDateTypeError, ThaiDateError)
        assert issubclass(ModelTypeError, ModelError)

    def test_attributes_and_pickle(self) -> None:
        """argument, value, expected and hint survive pickling."""
        error = ModelTypeError("Step.after[0]", 1, "a step id", hint="write 's1'")
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is ModelTypeError
        assert ("Step.after[0]", 1, "a step id", "write 's1'") == (
            copy.argument,
            copy.value,
            copy.expected,
            copy.hint,
        )
        assert str(error) == str(copy)

    def test_date_type_error_is_a_date_error(self) -> None:
        """A ThaiDateTypeError has the attributes of a ThaiDateError, with reason wrong_type."""
        with pytest.raises(ThaiDateError) as info:
            parse_date(None)  # type: ignore[arg-type]
        assert ("wrong_type", None, "None") == (
            info.value.reason,
            info.value.position,
            info.value.text,
        )
        copy = pickle.loads(pickle.dumps(info.value))
        assert "wrong_type" == copy.reason

    def test_long_values_are_cut(self) -> None:
        """A huge value is shown cut short, not dumped whole."""
        error = ThaiplanTypeError("x", list(range(1000)), "a str")
        assert len(str(error)) < 150


class TestRecords:
    """Records built in code refuse garbage at once, naming the field."""

    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (
                lambda: PlanningCalendar("t", "สมุทรสาคร", 2563, steps=[None]),
                ModelTypeError,
                "PlanningCalendar.steps[0] must be a Step, not None",
            ),
            (
                lambda: PlanningCalendar("t", "สมุทรสาคร", 2563, steps="abc"),
                ModelTypeError,
                "PlanningCalendar.steps must be a list, each item a Step, not str 'abc'",
            ),
            (
                lambda: Step("s2", 2, "p", "t", "พ.ค. ๖๑", after=[1]),
                ModelTypeError,
                "Step.after[0] must be a step id (a str) or a Dependency, not int 1",
            ),
            (
                lambda: Agency("a", "อำเภอเมืองสมุทรสาคร", code=7401),
                ModelTypeError,
                "Agency.code must be a DOPA code as text",
            ),
            (
                lambda: Agency("a", "อำเภอเมืองสมุทรสาคร", code="740"),
                ModelError,
                "Agency.code must be a DOPA code of 2, 4, 6 or 8 Arabic digits",
            ),
            (lambda: Agency("a", ""), ModelError, "Agency.name must be non-empty text, not ''"),
            (lambda: Agency("a", "  "), ModelError, "Agency.name must be non-empty text"),
            (lambda: Committee("k", ""), ModelError, "Committee.name must be non-empty text"),
            (
                lambda: Step("s1", 1, "p", "t", "พ.ค. ๖๑", duration=0),
                ModelError,
                "Step.duration must be a whole number >= 1, not 0",
            ),
            (
                lambda: Step("s1", 1, "p", "t", "พ.ค. ๖๑", duration=2.5),
                ModelTypeError,
                "Step.duration must be a whole number (an int), not float 2.5",
            ),
            (
                lambda: Step("s1", True, "p", "t", "พ.ค. ๖๑"),
                ModelTypeError,
                "Step.no must be a whole number (an int) or None, not bool True",
            ),
            (
                lambda: Step("s1", 1, "p", "t", None),
                ModelTypeError,
                "Step.when must be the stated period as text (a str), not None",
            ),
            (
                lambda: Step("s1", 1, "p", "t", "พ.ค. ๖๑", gantt=["xx"]),
                ModelError,
                "Step.gantt[0] must be a month (เม.ย.) or a month and its year",
            ),
            (
                lambda: Step("s1", 1, "p", "t", "พ.ค. ๖๑", responsible=[None]),
                ModelTypeError,
                "Step.responsible[0] must be an identifier",
            ),
            (
                lambda: Dependency("s1", unit="hours"),
                ModelError,
                "Dependency.unit must be one of 'days', 'working_days', not 'hours'",
            ),
            (
                lambda: Dependency("s1", lag=-1),
                ModelError,
                "Dependency.lag must be a whole number >= 0, not -1",
            ),
            (
                lambda: PlanningCalendar("t", None, 2563),
                ModelTypeError,
                "PlanningCalendar.province must be text (a str), not None",
            ),
            (
                lambda: PlanningCalendar("t", "สมุทรสาคร", 99999999999999999999999999),
                ModelError,
                "PlanningCalendar.fiscal_year must be a whole number from 2400 to 10542",
            ),
            (
                lambda: PlanningCalendar("t", "สมุทรสาคร", "2563"),
                ModelTypeError,
                "PlanningCalendar.fiscal_year must be a whole number (an int), not str '2563'",
            ),
            (
                lambda: Plan("p", "แผน", "development", "provincial", years=[2561, "2564"]),
                ModelError,
                "Plan.years must be two Buddhist-Era years",
            ),
            (
                lambda: Phase("p", None),
                ModelTypeError,
                "Phase.title must be text (a str), not None",
            ),
            (
                lambda: Meeting("ประชุม", 5),
                ModelTypeError,
                "Meeting.when must be its date and time as text (a str), not int 5",
            ),
            (lambda: Level("provincial"), ModelError, "did you mean 'province'?"),
        ],
    )
    def test_refused(self, build: Callable[[], object], error: type, message: str) -> None:
        """The error names the field, what came and what was expected; no attrs repr."""
        with pytest.raises(error) as info:
            build()
        assert message in str(info.value)
        assert "Attribute(" not in str(info.value)

    def test_checks_in_a_file_are_reported_in_place(self) -> None:
        """A file's value that a record refuses is a problem at its line, with the number as written."""
        head = "format: thaiplan-calendar/1\ntitle: t\nprovince: สมุทรสาคร\n"
        for body, place in (
            ("fiscal_year: 99999999999999999999999999\n", (4, "fiscal_year")),
            ("fiscal_year: 2563\nagencies: [{id: po, name: ''}]\n", (5, "agencies[0].name")),
        ):
            with pytest.raises(thaiplan.CalendarFileError) as info:
                thaiplan.loads_calendar(head + body, file="plan.yaml")
            [problem] = info.value.problems
            assert place == (problem.line, problem.path)
            # the file's own bound on years, or the record's check, speaks first
            assert problem.message.startswith(
                (
                    "a fiscal year is a Buddhist-Era year",
                    "PlanningCalendar.fiscal_year",
                    "Agency.name",
                )
            )

    def test_what_is_accepted(self) -> None:
        """What records took before, they take still: lists, bare ids, a numeric province."""
        step = Step("s2", 2, "p", "t", "พ.ค. ๖๑", after=("s1", Dependency("s0")), gantt="เม.ย.")
        assert (Dependency("s1"), Dependency("s0")) == step.after
        assert ("เม.ย.",) == step.gantt
        calendar = PlanningCalendar("t", 74, 2563, steps=iter([step]))
        assert ("74", (step,)) == (calendar.province, calendar.steps)
        assert LagUnit.WORKING_DAYS == Dependency("s1", 1, "working_days").unit
        assert (2561, 2564) == Plan(
            "p", "แผน", "development", "provincial", years=[2561, 2564]
        ).years


class TestDateLayer:
    """The date layer's public functions check their arguments at the entry."""

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: parse_date(None), "text must be a str, not None"),
            (lambda: parse_date(["๔ เม.ย. ๖๑"]), "text must be a str, not list"),
            (lambda: parse_date("๔ เม.ย. ๖๑", strict=[]), "strict must be True or False"),
            (
                lambda: format_date("2020-01-01"),
                "format_date(date) must be a datetime.date, not str '2020-01-01'",
            ),
            (lambda: is_working_day(None), "is_working_day(day) must be a datetime.date, not None"),
            (lambda: be_to_ce("2563"), "be_to_ce(year) must be an int, not str '2563'"),
            (
                lambda: working_days_between(None, None),
                "working_days_between(start) must be a datetime.date",
            ),
            (
                lambda: FiscalYear.containing(None),
                "FiscalYear.containing(day) must be a datetime.date, not None",
            ),
            (lambda: FiscalYear(2563).quarter_of("x"), "FiscalYear.quarter_of(day) must be"),
            (lambda: Period.month(2018, "5"), "Period.month() month must be an int"),
            (
                lambda: Period.months(5, (2018, 6)),
                "Period.months(start) must be a (CE year, month)",
            ),
            (lambda: Period(None, None, D(2020, 1, 1)), "Period.kind must be a PeriodKind"),
            (lambda: PeriodKind(5), "PeriodKind must be the value of a kind"),
            (lambda: format_date(D(2018, 4, 4), style=None), "style must be a str"),
        ],
    )
    def test_wrong_type(self, call: Callable[[], object], message: str) -> None:
        """A ThaiDateTypeError (a TypeError and a ThaiDateError) naming the argument."""
        with pytest.raises(ThaiDateTypeError) as info:
            call()
        assert message in str(info.value)

    @pytest.mark.parametrize(
        ("call", "reason"),
        [
            (lambda: Period.month(2018, 13), "month_out_of_range"),
            (lambda: Period.month(10000, 1), "year_out_of_range"),
            (lambda: Period.years(2018, 0), "year_out_of_range"),
            (lambda: PeriodKind("week"), "unknown_kind"),
        ],
    )
    def test_wrong_value(self, call: Callable[[], object], reason: str) -> None:
        """A value of the right type out of range: a ThaiDateError with its reason."""
        with pytest.raises(ThaiDateError) as info:
            call()
        assert reason == info.value.reason

    def test_working_days_at_the_end_of_time(self) -> None:
        """A count from 9999-12-31 is no holiday data, not an OverflowError."""
        with pytest.raises(thaiplan.HolidayDataError):
            thaiplan.dates.add_working_days(D(9999, 12, 31), 1)


def far_calendar(
    when: str, gantt: tuple[str, ...] = (), fiscal_year: int = 9999
) -> PlanningCalendar:
    return PlanningCalendar(
        "t", "สมุทรสาคร", fiscal_year, steps=[Step("s1", 1, "p", "t", when, gantt=gantt)]
    )


class TestFarDates:
    """Shifting and scheduling near 9999-12-31 stay in range or say why."""

    def test_shift_past_9999(self) -> None:
        """A step of December 9999 CE moved a year on: a ModelError naming it, no OverflowError."""
        calendar = far_calendar("ธ.ค. พ.ศ. 10542", fiscal_year=10541)
        with pytest.raises(ModelError, match=r"'s1' to the year 10000, outside the years 1-9999"):
            thaiplan.shift(calendar, fiscal_year=10542)
        with pytest.raises(ModelError, match="fiscal_year must be a Buddhist-Era year from 2400"):
            thaiplan.shift(calendar, fiscal_year=10543)

    def test_shift_takes_a_document(self) -> None:
        """Shift takes a document, as schedule and validate do, and shifts its calendar."""
        document = thaiplan.load_document("samut-sakhon-2563")
        assert 2564 == thaiplan.shift(document, fiscal_year=2564).calendar.fiscal_year
        with pytest.raises(ModelError, match="has no calendar to shift"):
            thaiplan.shift(attrs.evolve(document, calendar=None), fiscal_year=2564)
        with pytest.raises(ModelTypeError, match=r"shift\(calendar\) must be a PlanningCalendar"):
            thaiplan.shift(None, fiscal_year=2564)  # type: ignore[arg-type]

    def test_shift_gantt_marks_read_back(self) -> None:
        """ธ.ค. 9999 a year on is written so that it loads again (never ธ.ค. 10000)."""
        calendar = far_calendar("ธ.ค. 9999", gantt=("ธ.ค. 9999", "ต.ค. ๙๙"))
        shifted = thaiplan.shift(calendar, fiscal_year=10000).calendar
        step = shifted.steps[0]
        assert "ธ.ค. 10000" not in step.gantt
        assert ((9457, 12), (2057, 10)) == step.gantt_months(2561)
        assert shifted == thaiplan.loads_calendar(thaiplan.dumps_calendar(shifted))

    def test_two_digit_gantt_years_past_2599(self) -> None:
        """ต.ค. ๙๙ (2599) a year on is ต.ค. ๒๖๐๐, not ๐๐ (which reads as 2500)."""
        calendar = far_calendar("ต.ค. ๙๙", gantt=("ต.ค. ๙๙",), fiscal_year=2600)
        step = thaiplan.shift(calendar, fiscal_year=2601).calendar.steps[0]
        assert ("ต.ค. ๒๖๐๐",) == step.gantt
        assert ((2057, 10),) == step.gantt_months(2600)

    @pytest.mark.parametrize(
        ("duration", "lag"), [(10, 100_000_000), (100_000_000_000, 0), (3_000_000, 0), (1, 10**9)]
    )
    def test_schedule_out_of_range(self, duration: int, lag: int) -> None:
        """Durations and lags past the dates a computer has: a ModelError naming the step."""
        calendar = PlanningCalendar(
            "t",
            "สมุทรสาคร",
            2563,
            steps=[
                Step("a", 1, "p", "ก", "พ.ค. ๖๑", duration=duration),
                Step("b", 2, "p", "ข", "มิ.ย. ๖๑", after=[Dependency("a", lag)]),
            ],
        )
        with pytest.raises(ModelError, match="outside the days a date can have"):
            thaiplan.schedule(calendar)

    def test_schedule_working_day_lag_out_of_range(self) -> None:
        """A working-day lag after a step that ends past 9999: the same error, not OverflowError."""
        calendar = PlanningCalendar(
            "t",
            "สมุทรสาคร",
            2563,
            steps=[
                Step("a", 1, "p", "ก", "พ.ค. ๖๑", duration=4_000_000),
                Step("b", 2, "p", "ข", "มิ.ย. ๖๑", after=[Dependency("a", 1, "working_days")]),
            ],
        )
        with pytest.raises(ModelError, match="outside the days a date can have"):
            thaiplan.schedule(calendar)


# -- every public function, called with wrong-typed arguments --------------------------------

#: Names left out, each with why: other changes made at the same time fix them, and the
#: lead turns them on again once those are merged.
EXCLUDED = {
    # results that thaiplan builds from its own index lists, never built by users
    "Schedule": "built only by schedule()",
    "Explanation": "built only by Schedule.explain()",
    "InfeasibleChain": "built only by schedule()",
}

WRONG = st.one_of(
    st.none(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.binary(max_size=4),
    st.booleans(),
    st.lists(st.integers(0, 9), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(0, 9), max_size=1),
    st.sampled_from(
        [
            Phase("p", "Area Based"),
            Dependency("s1"),
            Period.month(2018, 5),
            FiscalYear(2563),
            D(2018, 4, 4),
            dt.datetime(2018, 4, 4, 13, 30),
            "",
            "๔ เม.ย. ๖๑",
            object(),
        ]
    ),
)


def _targets() -> list[tuple[str, Callable[..., Any]]]:
    """Every public callable of thaiplan and thaiplan.dates, and the methods of the date classes."""
    found: dict[str, Callable[..., Any]] = {}
    for module in (thaiplan, thaiplan.dates):
        for name in module.__all__:
            value = getattr(module, name)
            if not callable(value) or name in EXCLUDED or typing.get_origin(value) is not None:
                continue  # not a function, left out on purpose, or a type alias (DateStyle)
            if isinstance(value, type) and issubclass(value, BaseException):
                continue  # building an exception is not calling thaiplan
            found[name] = value
    calendar = thaiplan.load_calendar("samut-sakhon-2563")
    idea = thaiplan.ProjectIdea("ตลาด", "pao", "local", beyond_capacity=True)
    for owner, names in (
        (FiscalYear, ["containing", "parse"]),
        (Period, ["day", "days", "month", "months", "years", "deadline_of", "parse"]),
        (FiscalYear(2563), ["quarter", "quarter_of", "format"]),
        (Period.month(2018, 5), ["format", "iter_months"]),
        (thaiplan.LetterNumber, ["parse"]),
        (thaiplan.LetterNumber.parse("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗"), ["format"]),
        (calendar, ["step", "steps_in", "party"]),
        (calendar.steps[0], ["gantt_months"]),
        (idea, ["escalate"]),
    ):
        for name in names:
            label = f"{getattr(owner, '__name__', type(owner).__name__)}.{name}"
            found[label] = getattr(owner, name)
    return sorted(found.items())


TARGETS = _targets()


def _parameters(function: Callable[..., Any]) -> list[inspect.Parameter]:
    try:
        parameters = list(inspect.signature(function).parameters.values())
    except ValueError:  # a builtin without a signature
        return []
    if isinstance(function, type) and issubclass(function, __import__("enum").Enum):
        return parameters[:1]  # an enum's lookup takes the value
    return [
        p
        for p in parameters
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_wrong_types_give_a_value_or_a_thaiplan_error(
    target: tuple[str, Callable[..., Any]], data: st.DataObject
) -> None:
    """Any public function with wrong-typed arguments: a value or a ThaiplanError, never another exception."""
    name, function = target
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in _parameters(function):
        required = parameter.default is inspect.Parameter.empty
        if not required and not data.draw(st.booleans(), label=f"give {parameter.name}"):
            continue
        value = data.draw(WRONG, label=parameter.name)
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    try:
        function(*args, **kwargs)
    except ThaiplanError:
        pass
    except Exception as error:  # the property: nothing else
        pytest.fail(f"{name}(*{args!r}, **{kwargs!r}) raised {type(error).__name__}: {error}")


def test_every_target_is_reached() -> None:
    """The property covers every public function that is not excluded (a guard on _targets)."""
    names = {name for name, _ in TARGETS}
    for required in (
        "Step",
        "PlanningCalendar",
        "parse_date",
        "format_period",
        "shift",
        "Period.month",
    ):
        assert required in names
    assert not set(EXCLUDED) & names
    assert all(attrs.has(value) or callable(value) for _, value in TARGETS)


# -- shift writes what thaiplan reads back, for any year it accepts ----------------------------


def _mark(month: int, year: int, short: bool, thai: bool, second: int | None) -> str:
    names = thaiplan.dates.MONTH_ABBREVIATIONS
    written = f"{year % 100:02d}" if short and 2500 <= year <= 2599 else str(year)
    text = f"{names[month - 1]} {written}"
    if second is not None:
        text = f"{names[month - 1]} {year} - {names[second - 1]} {year + 1}"
    return thaiplan.dates.to_thai_digits(text) if thai else text


#: Gantt marks with their own year: two or four digits, Thai or Arabic, one month or a range.
gantt_marks = st.builds(
    _mark,
    st.integers(1, 12),
    st.integers(2500, 2599) | st.integers(2400, 9998),
    st.booleans(),
    st.booleans(),
    st.none() | st.integers(1, 12),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    calendar=calendars(max_steps=3),
    marks=st.lists(gantt_marks, max_size=2),
    fiscal_year=st.integers(2400, 10542) | st.sampled_from([2400, 2599, 2600, 9999, 10000, 10542]),
)
def test_shift_writes_what_it_reads(
    calendar: PlanningCalendar, marks: list[str], fiscal_year: int
) -> None:
    """Shift to any fiscal year it takes: a ThaiplanError, or a calendar that dumps and loads back."""
    first = attrs.evolve(calendar.steps[0], gantt=(*calendar.steps[0].gantt, *marks))
    calendar = attrs.evolve(calendar, steps=(first, *calendar.steps[1:]))
    try:
        shifted = thaiplan.shift(calendar, fiscal_year=fiscal_year).calendar
    except ThaiplanError:
        return
    for step in shifted.steps:
        # a `when` written without a year is read in its step's year (moved by the shift)
        assert step.period == thaiplan.parse_period(step.when, year=step.year)
        step.gantt_months(shifted.gantt_year or 2561)  # every mark reads
    assert shifted == thaiplan.loads_calendar(thaiplan.dumps_calendar(shifted))


@pytest.mark.parametrize("function", ["loads_calendar", "loads_document"])
def test_file_name_must_be_text(function: str) -> None:
    """A file name of None is refused by name (it once failed in CalendarFileError.__str__)."""
    import thaiplan
    from thaiplan.errors import ThaiplanTypeError

    with pytest.raises(ThaiplanTypeError, match=r"\(file\)"):
        getattr(thaiplan, function)("", file=None)
