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
- ``project-no-link``, ``project-link-unknown``, ``project-link-below-level``,
  ``project-budget-outside-plan``, ``project-not-escalated``,
  ``project-escalated-wrong-level``, ``project-duplicate``,
  ``project-p01-mismatch``, ``project-indicator-incomplete``,
  ``project-place-mismatch``, ``project-place-unknown``, ``project-status-order``,
  ``project-no-responsible``: the projects of a register (they run when
  :func:`validate` is given a :class:`~thaiplan.ProjectRegister`).
"""

from __future__ import annotations

import enum
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Final

import attrs

from thaiplan.errors import DependencyCycleError, HolidayDataError, ModelError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._register import ProjectRegister
from thaiplan.model._steps import PlanningCalendar, Step
from thaiplan.scheduling._passes import schedule
from thaiplan.scheduling._schedule import Schedule

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


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


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
    severity: Severity | None = None


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
    """

    code: str
    severity: Severity
    message_en: str
    message_th: str
    steps: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()

    def message(self, lang: str = "en") -> str:
        """The message in ``"en"`` or ``"th"``."""
        return self.message_th if lang == "th" else self.message_en


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
    """What a rule looks at: the calendar, the document, the project register, the schedule.

    Attributes:
        calendar: The calendar (``None`` for a document without one, or a register alone).
        document: The document, when :func:`validate` was given one.
        register: The project register, when :func:`validate` was given one.
    """

    def __init__(
        self,
        calendar: PlanningCalendar | None,
        document: PlanningDocument | None,
        register: ProjectRegister | None = None,
    ) -> None:
        self.calendar = calendar
        self.document = document
        self.register = register
        self._cycle: tuple[str, ...] = ()

    @functools.cached_property
    def schedule(self) -> Schedule | None:
        """The schedule, or ``None`` when the steps cannot be ordered."""
        if self.calendar is None:
            return None
        try:
            return schedule(self.document if self.document is not None else self.calendar)
        except DependencyCycleError as error:
            self._cycle = error.cycle
            return None
        except (ModelError, HolidayDataError):
            return None  # reported by the rules on references, or not checkable

    @property
    def cycle(self) -> tuple[str, ...]:
        """The steps of one cycle, in order, when the steps form one; else ``()``."""
        _ = self.schedule  # the schedule finds the cycle
        return self._cycle

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
    severity: Severity = attrs.field(converter=Severity)
    check: Check
    description: str = ""


_RULES: dict[str, Rule] = {}


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
        code: A stable code for its findings, such as ``"my-tool-budget"``.
        check: A function from :class:`Context` to an iterable of :class:`Issue`.
        severity: The severity of its findings.
        description: What it checks.
        replace: Replace a rule already registered under ``code``.

    Raises:
        ModelError: A rule is registered under ``code`` already (and not ``replace``).
    """
    if code in _RULES and not replace:
        raise ModelError(f"a rule {code!r} is registered already; pass replace=True to replace it")
    registered = Rule(code, severity, check, description)
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
    except KeyError:
        raise ModelError(f"no rule {code!r}; the rules are: {', '.join(_RULES)}") from None


def rules() -> tuple[Rule, ...]:
    """The registered rules, in the order they run."""
    return tuple(_RULES.values())


_ORDER: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def validate(
    source: PlanningCalendar | PlanningDocument | ProjectRegister,
    *,
    register: ProjectRegister | None = None,
    disable: Iterable[str] = (),
    only: Iterable[str] | None = None,
) -> Report:
    """Check a calendar, a whole document or a project register, and report every finding.

    Args:
        source: A calendar, a document (its letter, meeting and calendar
            are all checked), or a project register.
        register: A project register to check together with the calendar or
            document: the rules that need both (projects beyond capacity
            escalated at the step that collects them) then run too.
        disable: Codes of rules not to run.
        only: Run only the rules with these codes.

    Raises:
        ModelError: A code in ``disable`` or ``only`` names no rule.

    >>> import thaiplan
    >>> report = thaiplan.validate(thaiplan.load_document("samut-sakhon-2563"))
    >>> [f.steps for f in report.by_code("gantt-outside-period")]
    [('s13',), ('s14',), ('s15',)]
    >>> print(report.errors[0].message_en)
    the distribution list quotes the letter as ที่ สค ๐๐๑๗.๒/ว ๕๕๓๗ but the letter is ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗
    """
    disabled = set(disable)
    chosen = set(only) if only is not None else None
    for code in disabled | (chosen or set()):
        if code not in _RULES:
            raise ModelError(f"no rule {code!r}; the rules are: {', '.join(_RULES)}")
    if isinstance(source, ProjectRegister):
        context = Context(None, None, source)
    elif isinstance(source, PlanningDocument):
        context = Context(source.calendar, source, register)
    else:
        context = Context(source, None, register)
    findings: list[Finding] = []
    for registered in _RULES.values():
        if registered.code in disabled or (chosen is not None and registered.code not in chosen):
            continue
        findings.extend(
            Finding(
                registered.code,
                issue.severity or registered.severity,
                issue.message_en,
                issue.message_th,
                issue.steps,
                issue.objects,
            )
            for issue in registered.check(context)
        )
    unique = list(dict.fromkeys(findings))  # two actions of one resolution, say
    unique.sort(key=lambda f: _ORDER[f.severity])
    return Report(tuple(unique))
