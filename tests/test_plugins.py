"""Tests of the plug-in side of validation, and of wrong arguments to the functions that take a calendar.

A plug-in rule that raises, or yields something that is not an Issue, becomes
a ``rule-failed`` finding and the other rules still run (issue 13, "Plug-in
rules"); ``strict=True`` lets the error through. The registry checks codes and
severities when a rule is registered. ``validate``, ``schedule``, ``shift``,
``gantt_html``, ``gantt_table`` and ``calendar_ics`` refuse what is neither a
calendar nor a document with a :class:`~thaiplan.errors.ThaiplanTypeError`
that says what to pass (issue 13, "Wrong arguments"); each defect of the
issue has its test here.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import re
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import acyclic_calendars, calendars, cyclic_calendars, documents
from thaiplan import (
    Finding,
    Issue,
    ModelError,
    PlanningCalendar,
    PlanningDocument,
    Severity,
    Step,
    ThaiplanError,
    ThaiplanTypeError,
    calendar_ics,
    gantt_html,
    gantt_table,
    load_calendar,
    load_document,
    register_rule,
    rule,
    rules,
    schedule,
    shift,
    unregister_rule,
    validate,
)
from thaiplan.checks._registry import CODE_PATTERN, RULE_FAILED


@pytest.fixture
def seed() -> PlanningCalendar:
    return load_calendar("samut-sakhon-2563")


@pytest.fixture
def plugin() -> Iterator[Callable[..., str]]:
    """Register rules for one test under test/... codes, and remove them after."""
    added: list[str] = []

    def register(check: Callable[..., object], code: str = "test/plugin", **kwargs: object) -> str:
        register_rule(code, check, severity=kwargs.pop("severity", "warning"), **kwargs)  # type: ignore[arg-type]
        added.append(code)
        return code

    yield register
    for code in added:
        if code in {r.code for r in rules()}:
            unregister_rule(code)


def _raises(context) -> Iterator[Issue]:
    yield Issue("before the failure", "ก่อนผิดพลาด")
    raise ZeroDivisionError("division by zero")


class TestFailingRules:
    """A rule that fails is a finding of its own; it never takes validate down."""

    def test_raising_rule_is_a_finding(self, plugin, seed):
        """The rule's exception becomes one rule-failed error naming the rule and the exception."""
        code = plugin(_raises)
        report = validate(seed)
        (failed,) = report.by_code(RULE_FAILED)
        assert (Severity.ERROR, (code,)) == (failed.severity, failed.objects)
        assert "the rule 'test/plugin' failed with ZeroDivisionError: division by zero" in (
            failed.message_en
        )
        assert "in _raises" in failed.message_en  # where it raised
        assert "กฎ 'test/plugin'" in failed.message_th
        assert not report.ok

    def test_other_rules_still_run(self, plugin, seed):
        """The built-in rules report what they report without the failing rule."""
        plugin(_raises)
        report = validate(seed)
        without = validate(seed, disable=["test/plugin"])
        assert set(without.codes()) | {RULE_FAILED, "test/plugin"} == set(report.codes())
        assert len(without) + 2 == len(report)

    def test_findings_before_the_failure_are_kept(self, plugin, seed):
        """What the rule yielded before it raised is reported."""
        code = plugin(_raises)
        (found,) = validate(seed).by_code(code)
        assert "before the failure" == found.message_en

    def test_strict_reraises(self, plugin, seed):
        """strict=True lets the rule's own exception through, for its tests."""
        plugin(_raises)
        with pytest.raises(ZeroDivisionError, match="division by zero"):
            validate(seed, strict=True)

    def test_str_instead_of_issue(self, plugin, seed):
        """A rule that yields a str is reported as rule-failed, naming what it yielded."""

        def texts(context) -> Iterator[str]:
            yield "a message"

        plugin(texts)
        (failed,) = validate(seed).by_code(RULE_FAILED)
        assert "yielded 'a message', not an Issue" in failed.message_en
        with pytest.raises(ThaiplanTypeError, match="must be an Issue, not str 'a message'"):
            validate(seed, strict=True)

    def test_not_iterable(self, plugin, seed):
        """A rule that returns a number instead of an iterable is reported too."""
        plugin(lambda context: 5)
        (failed,) = validate(seed).by_code(RULE_FAILED)
        assert "TypeError" in failed.message_en

    def test_bad_severity_in_an_issue(self, plugin, seed):
        """An issue with a severity that does not exist fails its rule, with the valid ones named."""

        def fatal(context) -> Iterator[Issue]:
            yield Issue("x", "x", severity="fatal")  # type: ignore[arg-type]

        plugin(fatal)
        (failed,) = validate(seed).by_code(RULE_FAILED)
        assert "unknown severity 'fatal'; a severity is one of 'error', 'warning', 'info'" in (
            failed.message_en
        )

    def test_schedule_failure_is_computed_once(self, plugin, seed, monkeypatch):
        """A schedule that fails unexpectedly fails each rule that asks, and is tried once."""
        calls = []

        def broken(source):
            calls.append(source)
            raise OverflowError("date value out of range")

        monkeypatch.setattr("thaiplan.checks._context.schedule", broken)
        report = validate(seed)
        failed = report.by_code(RULE_FAILED)
        assert {
            ("dependency-cycle",),
            ("negative-slack",),
            ("start-before-predecessor",),
        } == {f.objects for f in failed}
        assert 1 == len(calls)
        assert all("OverflowError: date value out of range" in f.message_en for f in failed)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        calendars(max_steps=4),
        st.lists(
            st.sampled_from(
                [
                    ValueError("v"),
                    KeyError("k"),
                    RecursionError(),
                    AttributeError("a"),
                    OverflowError("o"),
                    "text",
                    b"bytes",
                    None,
                    42,
                    ("a", "tuple"),
                ]
            ),
            min_size=1,
            max_size=4,
        ),
        st.integers(0, 3),
    )
    def test_random_failures_never_take_validate_down(self, calendar, failures, before):
        """Rules failing in random ways each give one rule-failed finding; nothing escapes."""
        codes = [f"test/random-{i}" for i in range(len(failures))]

        def failing(failure: object) -> Callable[..., Iterator[object]]:
            def check(context) -> Iterator[object]:
                for _ in range(before):
                    yield Issue("ok", "ok")
                if isinstance(failure, BaseException):
                    raise failure
                yield failure

            return check

        try:
            for code, failure in zip(codes, failures, strict=True):
                register_rule(code, failing(failure), severity="info")
            report = validate(calendar)
        finally:
            for code in codes:
                unregister_rule(code)
        failed = report.by_code(RULE_FAILED)
        assert sorted((code,) for code in codes) == sorted(f.objects for f in failed)
        assert all(f.severity is Severity.ERROR for f in failed)


class TestRegistration:
    """The registry checks codes, severities and checks when a rule is registered."""

    @pytest.mark.parametrize(
        "code",
        ["", " ", "Gantt", "my_tool", "-x", "x-", "a--b", "a/b/c", "tool/", "/rule", "ก", "a b"],
    )
    def test_bad_codes(self, code):
        """A code that is not of the documented form is refused, with the form in the message."""
        with pytest.raises(ModelError, match="lowercase words"):
            register_rule(code, _raises, severity="info")
        with pytest.raises(ModelError, match="lowercase words"):
            rule(code, severity="info")
        assert code not in {r.code for r in rules()}

    @pytest.mark.parametrize("code", ["mytool-budget", "mytool/budget", "a1/b-2-c", "x"])
    def test_good_codes(self, plugin, code):
        """Codes with a tool's name and a slash, or hyphenated words, are taken."""
        assert code == plugin(_raises, code)
        assert code in {r.code for r in rules()}

    def test_every_builtin_code_has_the_form(self):
        """Every built-in rule's code matches the documented pattern."""
        assert all(re.fullmatch(CODE_PATTERN, r.code) for r in rules())

    def test_rule_failed_is_reserved(self):
        """No rule may take the code of failed rules."""
        with pytest.raises(ModelError, match="thaiplan's own"):
            register_rule(RULE_FAILED, _raises, severity="error")

    @pytest.mark.parametrize("code", [None, 5, b"x"])
    def test_code_not_a_str(self, code):
        """A code that is not a str is a ThaiplanTypeError (a TypeError)."""
        with pytest.raises(ThaiplanTypeError, match="register_rule\\(code\\) must be a str"):
            register_rule(code, _raises, severity="info")  # type: ignore[arg-type]

    @pytest.mark.parametrize("severity", ["fatal", "ERROR", ""])
    def test_bad_severity(self, severity):
        """A severity other than the three is a ModelError (a ValueError) listing them."""
        with pytest.raises(ModelError, match="a severity is one of 'error', 'warning', 'info'"):
            register_rule("test/bad", _raises, severity=severity)
        with pytest.raises(ValueError, match="unknown severity"):
            rule("test/bad", severity=severity)
        assert "test/bad" not in {r.code for r in rules()}

    def test_severity_not_a_str(self):
        """A severity that is no str at all is a TypeError."""
        with pytest.raises(ThaiplanTypeError, match="severity must be one of"):
            register_rule("test/bad", _raises, severity=3)  # type: ignore[arg-type]

    def test_check_not_callable(self):
        """A check that cannot be called is refused at registration."""
        with pytest.raises(ThaiplanTypeError, match="register_rule\\(check\\) must be a function"):
            register_rule("test/bad", "not a function", severity="info")  # type: ignore[arg-type]

    def test_unregister_a_number(self):
        """unregister_rule of something that is no code says there is no such rule."""
        with pytest.raises(ModelError, match="no rule 5"):
            unregister_rule(5)  # type: ignore[arg-type]


class TestFinding:
    """Findings: languages and location fields."""

    def test_unknown_language(self):
        """Finding.message('fr') is an error naming the two languages."""
        finding = Finding("x", Severity.INFO, "note", "ข้อสังเกต")
        with pytest.raises(
            ModelError, match="unknown language 'fr'; the languages are 'en' and 'th'"
        ):
            finding.message("fr")
        assert ("note", "ข้อสังเกต") == (finding.message(), finding.message("th"))

    def test_location_fields(self, seed):
        """A finding has file, line and column: set where the record was read from a file."""
        finding = Finding("x", Severity.INFO, "n", "n", file="plan.yaml", line=3, column=5)
        assert ("plan.yaml", 3, 5) == (finding.file, finding.line, finding.column)
        loaded = validate(load_document("samut-sakhon-2563"))
        assert all(f.line is not None for f in loaded)
        built = thaiplan.PlanningCalendar(  # built in code: no file, so no location
            "t",
            "สมุทรสาคร",
            2563,
            steps=[thaiplan.Step("s1", 1, "p", "ก", "๓ มิ.ย. ๖๑", after=["s1"])],
        )
        assert all((f.file, f.line, f.column) == (None, None, None) for f in validate(built))

    def test_issue_steps_as_one_str(self):
        """An issue given one step id as a str keeps it whole, not as its characters."""
        assert ("s12",) == Issue("m", "m", steps="s12").steps
        assert ("letter.number",) == Issue("m", "m", objects="letter.number").objects


NOT_A_CALENDAR = [None, 42, 2.5, b"steps: []", ["s1"], {"steps": []}, object()]


class TestWrongArguments:
    """validate, schedule, shift and the exports on what is neither a calendar nor a document."""

    @pytest.mark.parametrize("value", NOT_A_CALENDAR)
    @pytest.mark.parametrize(
        "call",
        [
            validate,
            schedule,
            gantt_html,
            gantt_table,
            calendar_ics,
            lambda value: shift(value, fiscal_year=2564),
        ],
        ids=["validate", "schedule", "gantt_html", "gantt_table", "calendar_ics", "shift"],
    )
    def test_refused(self, call, value):
        """Each raises a ThaiplanTypeError, also a TypeError, saying what it takes."""
        with pytest.raises(ThaiplanTypeError) as caught:
            call(value)
        assert isinstance(caught.value, TypeError)
        assert isinstance(caught.value, ThaiplanError)
        assert "must be a PlanningCalendar or a PlanningDocument" in str(caught.value)

    def test_validate_none_is_not_ok(self):
        """validate(None) raises instead of reporting an empty, ok report."""
        with pytest.raises(ThaiplanTypeError, match=r"validate\(source\) must be .* not None"):
            validate(None)  # type: ignore[arg-type]

    def test_a_name_says_how_to_load_it(self):
        """validate('samut-sakhon-2563') says to load it with load_calendar or load_document."""
        with pytest.raises(ThaiplanTypeError) as caught:
            validate("samut-sakhon-2563")  # type: ignore[arg-type]
        message = str(caught.value)
        assert "thaiplan.load_calendar('samut-sakhon-2563')" in message
        assert "thaiplan.load_document('samut-sakhon-2563')" in message

    def test_a_path_says_how_to_load_it(self):
        """A path is to be loaded first."""
        with pytest.raises(ThaiplanTypeError, match=r"load the file first"):
            schedule(pathlib.Path("plan.yaml"))  # type: ignore[arg-type]

    def test_the_wrong_record(self, seed):
        """A step, or a schedule, where a calendar is expected is named by its type."""
        with pytest.raises(ThaiplanTypeError, match="not Step "):
            validate(seed.steps[0])  # type: ignore[arg-type]
        with pytest.raises(ThaiplanTypeError, match="not Schedule "):
            gantt_html(schedule(seed))  # type: ignore[arg-type]

    def test_a_huge_number(self):
        """A number too long to print is described, not printed (nor a ValueError of its own)."""
        with pytest.raises(ThaiplanTypeError, match="not int of about 5000 digits"):
            validate(10**4999)  # type: ignore[arg-type]
        with pytest.raises(ThaiplanTypeError, match="not int of 61 digits"):
            validate(10**61 - 1)  # type: ignore[arg-type]

    @pytest.mark.parametrize("argument", ["only", "disable"])
    def test_one_code_is_one_code(self, seed, argument):
        """only='gantt-partial' (and disable=) read one code, not its characters."""
        as_str = validate(load_document("samut-sakhon-2563"), **{argument: "gantt-partial"})
        as_list = validate(load_document("samut-sakhon-2563"), **{argument: ["gantt-partial"]})
        assert as_list == as_str

    @pytest.mark.parametrize("value", [5, [5], [None]])
    def test_codes_of_the_wrong_type(self, seed, value):
        """only= with a number, or numbers in it, is a ThaiplanTypeError."""
        with pytest.raises(ThaiplanTypeError, match="validate\\(only\\)"):
            validate(seed, only=value)  # type: ignore[arg-type]

    def test_strict_must_be_a_bool(self, seed):
        """strict='yes' is refused."""
        with pytest.raises(ThaiplanTypeError, match="validate\\(strict\\) must be True or False"):
            validate(seed, strict="yes")  # type: ignore[arg-type]

    def test_document_without_calendar(self):
        """A document without a calendar cannot be scheduled, drawn, exported or shifted."""
        empty = PlanningDocument("empty", "ว่าง")
        for call in (schedule, gantt_html, calendar_ics, lambda d: shift(d, fiscal_year=2564)):
            with pytest.raises(ModelError, match="document 'empty' has no calendar"):
                call(empty)
        assert validate(empty).ok  # validate checks what there is

    def test_shift_and_ics_take_a_document(self):
        """Both shift and calendar_ics take a document, as validate and schedule do."""
        document = load_document("samut-sakhon-2563")
        assert document.calendar is not None
        assert shift(document, fiscal_year=2564) == shift(document.calendar, fiscal_year=2564)
        stamp = dt.datetime(2018, 4, 5, tzinfo=dt.UTC)
        # the document's resolution 3.1 narrows step 7 to June; the calendar alone does not
        from_document = calendar_ics(document, stamp=stamp)
        alone = calendar_ics(document.calendar, stamp=stamp)
        assert "DTEND;VALUE=DATE:20180701" in from_document
        assert "DTEND;VALUE=DATE:20180801" in alone
        assert from_document.count("BEGIN:VEVENT") == alone.count("BEGIN:VEVENT") == 15

    def test_shift_to_working_days_must_be_a_bool(self, seed):
        """to_working_days='no' would be truthy: refused."""
        with pytest.raises(
            ThaiplanTypeError, match="shift\\(to_working_days\\) must be True or False"
        ):
            shift(seed, fiscal_year=2564, to_working_days="no")  # type: ignore[arg-type]

    def test_ics_stamp_must_be_a_datetime(self, seed):
        """A stamp that is a date string is refused."""
        with pytest.raises(ThaiplanTypeError, match="calendar_ics\\(stamp\\) must be a datetime"):
            calendar_ics(seed, stamp="2018-04-05")  # type: ignore[arg-type]

    def test_error_pickles(self):
        """The error survives pickling with its data (multiprocessing)."""
        import pickle

        error = ThaiplanTypeError("validate(source)", None, "a calendar", hint="load it")
        again = pickle.loads(pickle.dumps(error))
        assert (str(error), "validate(source)", "load it") == (
            str(again),
            again.argument,
            again.hint,
        )


PROPERTIES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _known(source: PlanningCalendar | PlanningDocument) -> set[str]:
    calendar = source if isinstance(source, PlanningCalendar) else source.calendar
    return {s.id for s in calendar.steps} if calendar is not None else set()


class TestFindingsNameRealSteps:
    """Every finding of the built-in rules names steps the calendar has."""

    @PROPERTIES
    @given(st.one_of(calendars(), acyclic_calendars(), cyclic_calendars(), documents()))
    def test_steps_exist(self, source):
        """No finding names a step the calendar does not have."""
        known = _known(source)
        for finding in validate(source, strict=True):
            assert set(finding.steps) <= known, finding

    @PROPERTIES
    @given(calendars(max_steps=5), st.data())
    def test_steps_exist_with_dangling_references(self, calendar, data):
        """With dependencies on steps that do not exist (twice over), findings still name real steps."""
        steps = list(calendar.steps)
        index = data.draw(st.integers(0, len(steps) - 1))
        ghost = data.draw(st.sampled_from(["zz", "ghost", "s-none"]))
        old = steps[index]
        steps[index] = Step(
            old.id,
            old.no,
            old.phase,
            old.title,
            old.when,
            after=[*old.after, ghost, ghost],
            year=old.year,  # a `when` written without a year keeps the year it was read in
        )
        broken = PlanningCalendar(
            calendar.title, calendar.province, 2563, steps=steps, scope=calendar.scope
        )
        if ghost in _known(broken):
            return
        report = validate(broken, strict=True)
        assert report.by_code("unknown-step")
        for finding in report:
            assert set(finding.steps) <= _known(broken), finding


def test_duplicate_dependency_on_a_missing_step():
    """Following a missing step twice names only the step that exists (regression)."""
    calendar = PlanningCalendar(
        "t", "สมุทรสาคร", 2563, steps=[Step("a", 1, "p", "ก", "พ.ค. ๖๑", after=["zz", "zz"])]
    )
    (finding,) = validate(calendar).by_code("duplicate-dependency")
    assert ("a",) == finding.steps
