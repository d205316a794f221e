"""Validation: findings a person can act on, from a registry of rules.

Theory of operation
-------------------
:func:`validate` takes a calendar or a whole document and runs every
registered rule on a :class:`Context`, which gives the rules the calendar,
the document (when there is one) and, computed once and only if a rule asks,
the :func:`~thaiplan.schedule` (``None`` when the steps form a cycle or name
steps that do not exist: other rules report those).

A rule is a function that takes the context and yields :class:`Issue` values
(message in English and in Thai, the steps and other objects concerned); the
registry turns them into :class:`Finding` values with the rule's stable
``code`` and ``severity``. Other tools add rules with :func:`register_rule`
(or the :func:`rule` decorator) and switch rules off per call
(``validate(..., disable=[...])``) or for good (:func:`unregister_rule`),
without editing thaiplan.

The registry checks what it is given when a rule is registered: the code has
the documented form (``CODE_PATTERN``: ``negative-slack``, ``mytool/budget``),
the severity is one of the three, the check can be called. A rule that fails
when it runs (raises, or yields something that is not an :class:`Issue`) does
not take :func:`validate` down: it becomes a finding of code ``rule-failed``
(``RULE_FAILED``, which no rule may take), and the other rules still run;
``validate(..., strict=True)`` lets the error through instead.

The built-in rules, by code (each in its family's module under
``thaiplan/checks/rules/``):

- ``duplicate-id``, ``unknown-step``, ``unknown-phase``, ``unknown-party``,
  ``self-dependency``, ``duplicate-dependency``, ``dependency-cycle``: the
  structure of the calendar.
- ``impossible-dependency``, ``negative-slack``, ``deadline-conflict``: time.
- ``gantt-outside-period``, ``gantt-partial``: the Gantt table against the
  stated periods.
- ``weekday-mismatch``, ``non-working-day``: dates against the calendar.
- ``consultation-order``, ``phase-order``, ``step-numbering``,
  ``action-plan-late``: the planning cycle's rules.
- ``reference-mismatch``, ``unofficial-name``, ``no-responsible``,
  ``recorded-correction``: the document and its names.
"""

from __future__ import annotations

import enum
import os
import re
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Final

import attrs

from thaiplan.errors import DependencyCycleError, HolidayDataError, ModelError, ThaiplanTypeError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._steps import PlanningCalendar, Step
from thaiplan.scheduling._passes import schedule
from thaiplan.scheduling._schedule import Schedule
from thaiplan.scheduling._source import check_source

__all__ = [
    "Context",
    "Finding",
    "Issue",
    "Report",
    "Rule",
    "Severity",
    "register_rule",
    "rule",
    "rules",
    "unregister_rule",
    "validate",
]


class Severity(enum.StrEnum):
    """How much a finding matters."""

    ERROR = "error"  #: the calendar or document is wrong and must be fixed
    WARNING = "warning"  #: probably wrong, or risky; look at it
    INFO = "info"  #: worth knowing


_SEVERITIES: Final = ", ".join(repr(s.value) for s in Severity)


def _severity(value: Severity | str) -> Severity:
    """A severity from its value, or a clear error listing the valid ones."""
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise ThaiplanTypeError("severity", value, f"one of {_SEVERITIES}")
    try:
        return Severity(value)
    except ValueError:
        raise ModelError(
            f"unknown severity {value!r}; a severity is one of {_SEVERITIES}"
        ) from None


def _optional_severity(value: Severity | str | None) -> Severity | None:
    return None if value is None else _severity(value)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    """The ids of an issue: a single str is one id, not its characters."""
    if type(items) is tuple:
        return items  # what the built-in rules give: nothing to convert
    return (items,) if isinstance(items, str) else tuple(items)


@attrs.frozen
class Issue:
    """What a rule found, before the registry gives it its code and severity.

    Attributes:
        message_en: The finding in English, saying what to do where possible.
        message_th: The finding in Thai.
        steps: The ids of the steps concerned.
        objects: Other things concerned (``"letter.distribution.number"``).
        severity: Overrides the rule's severity for this issue.
    """

    message_en: str
    message_th: str
    steps: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    objects: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    severity: Severity | None = attrs.field(default=None, converter=_optional_severity)


_LANGUAGES: Final = ("en", "th")


@attrs.frozen
class Finding:
    """One finding of :func:`validate`.

    Attributes:
        code: The rule's stable code (``"gantt-outside-period"``).
        severity: ``error``, ``warning`` or ``info``.
        message_en: The finding in English.
        message_th: The finding in Thai.
        steps: The ids of the steps concerned.
        objects: Other things concerned.
        file: The file the object it names was read from, when known (else ``None``).
        line: The line there, counted from 1, when known.
        column: The column there, counted from 1, when known.
    """

    code: str
    severity: Severity
    message_en: str
    message_th: str
    steps: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def message(self, lang: str = "en") -> str:
        """The message in ``"en"`` or ``"th"``.

        Raises:
            ModelError: ``lang`` is neither.

        >>> import thaiplan
        >>> finding = thaiplan.Finding("x", thaiplan.Severity.INFO, "a note", "ข้อสังเกต")
        >>> finding.message("th")
        'ข้อสังเกต'
        >>> finding.message("fr")
        Traceback (most recent call last):
        ...
        thaiplan.errors.ModelError: unknown language 'fr'; the languages are 'en' and 'th'
        """
        if lang == "en":
            return self.message_en
        if lang == "th":
            return self.message_th
        raise ModelError(f"unknown language {lang!r}; the languages are 'en' and 'th'")


@attrs.frozen
class Report:
    """The findings of :func:`validate`, errors first.

    Attributes:
        findings: Every finding, errors first, then warnings, then infos.
    """

    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos may remain)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity ``info``."""
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    def codes(self) -> Counter[str]:
        """How many findings each code has."""
        return Counter(f.code for f in self.findings)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """The findings of one rule."""
        return tuple(f for f in self.findings if f.code == code)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def _repr_html_(self) -> str:
        import html

        rows = "".join(
            f"<tr><td>{html.escape(f.severity)}</td><td>{html.escape(f.code)}</td>"
            f"<td>{html.escape(', '.join(f.steps))}</td><td>{html.escape(f.message_th)}<br>"
            f"<small>{html.escape(f.message_en)}</small></td></tr>"
            for f in self.findings
        )
        return (
            "<table style=\"font-family: 'Sarabun', 'Noto Sans Thai', 'Tahoma', sans-serif\">"
            f"<tr><th>severity</th><th>code</th><th>steps</th><th>finding</th></tr>{rows}</table>"
        )


class Context:
    """What a rule looks at: the calendar, the document, the schedule.

    Attributes:
        calendar: The calendar (``None`` for a document without one).
        document: The document, when :func:`validate` was given one.
    """

    def __init__(
        self, calendar: PlanningCalendar | None, document: PlanningDocument | None
    ) -> None:
        self.calendar = calendar
        self.document = document
        self._cycle: tuple[str, ...] = ()
        self._schedule: Schedule | None = None
        self._scheduled = False
        self._failure: Exception | None = None
        self._index: Mapping[str, int] | None = None

    @property
    def schedule(self) -> Schedule | None:
        """The schedule, or ``None`` when the steps cannot be ordered.

        It is computed once, the first time a rule asks; if computing it fails
        in an unexpected way, every rule that asks gets the same exception
        (and becomes a ``rule-failed`` finding), without computing it again.
        """
        if self._failure is not None:
            raise self._failure
        if not self._scheduled:
            self._schedule = self._compute()
            self._scheduled = True
        return self._schedule

    def _compute(self) -> Schedule | None:
        if self.calendar is None:
            return None
        try:
            return schedule(self.document if self.document is not None else self.calendar)
        except DependencyCycleError as error:
            self._cycle = error.cycle
            return None
        except (ModelError, HolidayDataError):
            return None  # reported by the rules on references, or not checkable
        except Exception as error:
            self._failure = error
            raise

    @property
    def cycle(self) -> tuple[str, ...]:
        """The steps of one cycle, in order, when the steps form one; else ``()``."""
        _ = self.schedule  # the schedule finds the cycle
        return self._cycle

    @property
    def step_index(self) -> Mapping[str, int]:
        """Where each step is in :attr:`steps`, by id (the last, for an id used twice).

        Made once for all the rules that ask (or taken from the schedule, which has it).
        """
        if self._index is None:
            if self._schedule is not None:
                self._index = self._schedule._index
            else:
                self._index = {step.id: i for i, step in enumerate(self.steps)}
        return self._index

    @property
    def steps(self) -> tuple[Step, ...]:
        """The calendar's steps (none without a calendar)."""
        return self.calendar.steps if self.calendar is not None else ()


Check = Callable[[Context], Iterable[Issue]]


@attrs.frozen
class Rule:
    """A registered rule.

    Attributes:
        code: Its stable code.
        severity: The severity of its findings (an issue may override it).
        check: The function that finds the issues.
        description: What it checks, in a sentence.
    """

    code: str
    severity: Severity = attrs.field(converter=_severity)
    check: Check
    description: str = ""


_RULES: dict[str, Rule] = {}

#: What a rule's code looks like: lowercase words of letters and digits joined
#: by hyphens (``negative-slack``), optionally after a tool's name and a slash
#: (``mytool/budget``). Every built-in code has this form.
CODE_PATTERN: Final = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:/[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?"
_CODE: Final = re.compile(CODE_PATTERN)

#: The code of the finding that reports a rule that failed (no rule has it).
RULE_FAILED: Final = "rule-failed"


def _check_code(code: object) -> str:
    if not isinstance(code, str):
        raise ThaiplanTypeError("register_rule(code)", code, "a str such as 'mytool/budget'")
    if not _CODE.fullmatch(code):
        raise ModelError(
            f"a rule's code is lowercase words of letters and digits joined by hyphens,"
            f" optionally after a tool's name and a slash ('negative-slack', 'mytool/budget'),"
            f" not {code!r}"
        )
    if code == RULE_FAILED:
        raise ModelError(
            f"the code {RULE_FAILED!r} is thaiplan's own, for rules that fail; choose another"
        )
    return code


def register_rule(
    code: str,
    check: Check,
    *,
    severity: Severity | str,
    description: str = "",
    replace: bool = False,
) -> Rule:
    """Add a rule to the registry that :func:`validate` runs.

    Args:
        code: A stable code for its findings: lowercase words of letters and
            digits joined by hyphens, optionally after a tool's name and a
            slash, such as ``"mytool/budget"`` or ``"mytool-budget"``.
        check: A function from :class:`Context` to an iterable of :class:`Issue`.
        severity: The severity of its findings: ``"error"``, ``"warning"`` or ``"info"``.
        description: What it checks.
        replace: Replace a rule already registered under ``code``.

    Raises:
        ModelError: A rule is registered under ``code`` already (and not
            ``replace``), the code is not of the documented form or is
            ``"rule-failed"``, or the severity is not one of the three.
        ThaiplanTypeError: ``code`` or ``description`` is not a str, or
            ``check`` cannot be called.

    >>> import thaiplan
    >>> thaiplan.register_rule("", lambda context: (), severity="info")
    Traceback (most recent call last):
    ...
    thaiplan.errors.ModelError: a rule's code is lowercase words of letters and digits joined by hyphens, optionally after a tool's name and a slash ('negative-slack', 'mytool/budget'), not ''
    """
    _check_code(code)
    if not callable(check):
        raise ThaiplanTypeError(
            "register_rule(check)", check, "a function that takes a Context and yields Issues"
        )
    if not isinstance(description, str):
        raise ThaiplanTypeError("register_rule(description)", description, "a str")
    if code in _RULES and not replace:
        raise ModelError(f"a rule {code!r} is registered already; pass replace=True to replace it")
    registered = Rule(code, _severity(severity), check, description)
    _RULES[code] = registered
    return registered


def rule(
    code: str, *, severity: Severity | str, description: str = "", replace: bool = False
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule (see :func:`register_rule`).

    >>> import thaiplan
    >>> @thaiplan.rule("example-no-title", severity="warning", description="a calendar needs a title")
    ... def no_title(context):
    ...     if context.calendar is not None and not context.calendar.title:
    ...         yield thaiplan.Issue("the calendar has no title", "ปฏิทินไม่มีชื่อ")
    >>> thaiplan.unregister_rule("example-no-title").code
    'example-no-title'
    """
    _check_code(code)  # at the decorator, where the mistake is
    _severity(severity)

    def decorate(check: Check) -> Check:
        register_rule(
            code,
            check,
            severity=severity,
            description=description or (check.__doc__ or ""),
            replace=replace,
        )
        return check

    return decorate


def unregister_rule(code: str) -> Rule:
    """Remove a rule from the registry, and return it.

    Raises:
        ModelError: No rule has that code.
    """
    try:
        return _RULES.pop(code)
    except (KeyError, TypeError):
        raise ModelError(f"no rule {code!r}; the rules are: {', '.join(_RULES)}") from None


def rules() -> tuple[Rule, ...]:
    """The registered rules, in the order they run."""
    return tuple(_RULES.values())


_ORDER: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _codes(argument: str, codes: Iterable[str] | str | None) -> set[str] | None:
    """The codes of ``disable``/``only``: one str is one code; each must name a rule."""
    if codes is None:
        return None
    if isinstance(codes, str):
        codes = (codes,)
    try:
        chosen = list(codes)
    except TypeError:
        raise ThaiplanTypeError(
            f"validate({argument})", codes, "a code or a list of codes such as ['gantt-partial']"
        ) from None
    for code in chosen:
        if not isinstance(code, str):
            raise ThaiplanTypeError(f"validate({argument}) each code", code, "a str")
        if code not in _RULES:
            raise ModelError(f"no rule {code!r}; the rules are: {', '.join(_RULES)}")
    return set(chosen)


def _failed(registered: Rule, error: BaseException | None, wrong: object = None) -> Finding:
    """The finding that reports a rule that raised, or yielded something that is not an Issue."""
    if error is not None:
        what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        frames = traceback.extract_tb(error.__traceback__)
        if frames:  # where it raised, for the rule's author
            last = frames[-1]
            what += f" (at {os.path.basename(last.filename)}:{last.lineno}, in {last.name})"
        en = f"the rule {registered.code!r} failed with {what}"
        th = f"กฎ {registered.code!r} ทำงานผิดพลาด ({what})"
    else:
        en = (
            f"the rule {registered.code!r} yielded {_shown(wrong)}, not an Issue;"
            " a rule yields thaiplan.Issue values"
        )
        th = f"กฎ {registered.code!r} ให้ผลเป็น {_shown(wrong)} ซึ่งไม่ใช่ Issue"
    return Finding(
        RULE_FAILED,
        Severity.ERROR,
        f"{en}; its findings may be missing (validate(..., strict=True) raises the error)",
        f"{th} ผลการตรวจของกฎนี้อาจไม่ครบ",
        objects=(registered.code,),
    )


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str | bytes) else f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:77] + "..."


def _run(registered: Rule, context: Context, strict: bool, into: list[Finding]) -> None:
    """Run one rule, adding its findings to ``into``; a rule that fails adds ``rule-failed``."""
    code, severity = registered.code, registered.severity
    try:
        found: Iterable[object] = registered.check(context)  # a plug-in may yield anything
        for issue in found:
            if not isinstance(issue, Issue):
                if strict:
                    raise ThaiplanTypeError(
                        f"each value the rule {code!r} yields", issue, "an Issue"
                    )
                into.append(_failed(registered, None, issue))
                return
            into.append(
                Finding(
                    code,
                    issue.severity or severity,
                    issue.message_en,
                    issue.message_th,
                    issue.steps,
                    issue.objects,
                )
            )
    except Exception as error:
        if strict:
            raise
        into.append(_failed(registered, error))


def validate(
    source: PlanningCalendar | PlanningDocument,
    *,
    disable: Iterable[str] | str = (),
    only: Iterable[str] | str | None = None,
    strict: bool = False,
) -> Report:
    """Check a calendar or a whole document, and report every finding.

    A rule that raises, or yields something other than an :class:`Issue`, does
    not stop the others: it becomes a finding of its own, of code
    ``"rule-failed"`` and severity ``error``, which names the rule and the
    exception. The findings it yielded before failing are kept.

    Args:
        source: A calendar, or a document (its letter, meeting and calendar
            are all checked). To check a file or a built-in calendar by name,
            load it first with :func:`~thaiplan.load_calendar` or
            :func:`~thaiplan.load_document`.
        disable: Codes of rules not to run (one code, or several).
        only: Run only the rules with these codes (one code, or several).
        strict: Let a failing rule's exception through instead of reporting
            it, for the rule's own tests.

    Raises:
        ThaiplanTypeError: ``source`` is neither a calendar nor a document, or
            ``disable``/``only`` are not codes.
        ModelError: A code in ``disable`` or ``only`` names no rule.

    >>> import thaiplan
    >>> report = thaiplan.validate(thaiplan.load_document("samut-sakhon-2563"))
    >>> [f.steps for f in report.by_code("gantt-outside-period")]
    [('s13',), ('s14',), ('s15',)]
    >>> print(report.errors[0].message_en)
    the distribution list quotes the letter as ที่ สค ๐๐๑๗.๒/ว ๕๕๓๗ but the letter is ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗
    >>> thaiplan.validate("samut-sakhon-2563")
    Traceback (most recent call last):
    ...
    thaiplan.errors.ThaiplanTypeError: validate(source) must be a PlanningCalendar or a PlanningDocument, not str 'samut-sakhon-2563'; to check a built-in calendar or a file, load it first: thaiplan.load_calendar('samut-sakhon-2563') or thaiplan.load_document('samut-sakhon-2563')
    """
    check_source("validate", source)
    if not isinstance(strict, bool):
        raise ThaiplanTypeError("validate(strict)", strict, "True or False")
    disabled = _codes("disable", disable) or set()
    chosen = _codes("only", only)
    if isinstance(source, PlanningDocument):
        context = Context(source.calendar, source)
    else:
        context = Context(source, None)
    findings: list[Finding] = []
    for registered in list(_RULES.values()):  # a rule may register another
        if registered.code in disabled or (chosen is not None and registered.code not in chosen):
            continue
        _run(registered, context, strict, findings)
    unique = list(dict.fromkeys(findings))  # two actions of one resolution, say
    unique.sort(key=lambda f: _ORDER[f.severity])
    return Report(tuple(unique))
