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
- ``project-no-link``, ``project-link-unknown``, ``project-link-below-level``,
  ``project-budget-outside-plan``, ``project-not-escalated``,
  ``project-escalated-wrong-level``, ``project-duplicate``,
  ``project-p01-mismatch``, ``project-indicator-incomplete``,
  ``project-place-mismatch``, ``project-place-unknown``, ``project-status-order``,
  ``project-no-responsible``: the projects of a register (they run when
  :func:`validate` is given a :class:`~thaiplan.ProjectRegister`).
- ``project-p01-arithmetic``: the ผ.๐๑ summary's own sums (its ``รวม 5 ปี``
  column, its รวม and รวมทั้งสิ้น rows), as a book states them.
- ``cross-calendar-missing``, ``cross-calendar-unknown-step``,
  ``cross-calendar-order``, ``cross-plans-before-requests``,
  ``cross-fiscal-year``: a calendar inside others (they check the links to
  other calendars' steps when :func:`validate` is given ``with_calendars``).
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable, Iterable
from typing import Final

import attrs

from thaiplan.checks._context import Context
from thaiplan.checks._findings import (
    Finding,
    Issue,
    Report,
    Severity,
    _severity,
    located,
)
from thaiplan.errors import ModelError, ModelTypeError, ThaiplanTypeError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._progress import Progress
from thaiplan.model._register import ProjectRegister
from thaiplan.model._steps import PlanningCalendar
from thaiplan.scheduling._combined import Others, named_calendars
from thaiplan.scheduling._pause import paused_collection
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
    source: PlanningCalendar | PlanningDocument | ProjectRegister,
    *,
    register: ProjectRegister | None = None,
    disable: Iterable[str] | str = (),
    only: Iterable[str] | str | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    with_calendars: Others = (),
) -> Report:
    """Check a calendar, a whole document or a project register, and report every finding.

    A rule that raises, or yields something other than an :class:`Issue`, does
    not stop the others: it becomes a finding of its own, of code
    ``"rule-failed"`` and severity ``error``, which names the rule and the
    exception. The findings it yielded before failing are kept.

    Args:
        source: A calendar, a document (its letter, meeting and calendar
            are all checked), or a project register. To check a file or a
            built-in calendar by name, load it first with
            :func:`~thaiplan.load_calendar` or :func:`~thaiplan.load_document`.
        register: A project register to check together with the calendar or
            document: the rules that need both (projects beyond capacity
            escalated at the step that collects them) then run too.
        disable: Codes of rules not to run (one code, or several).
        only: Run only the rules with these codes (one code, or several).
        strict: Let a failing rule's exception through instead of reporting
            it, for the rule's own tests.
        progress: Progress reports of the calendar: the rules on progress
            (``progress-*``) check them against the plan as of their date.
        with_calendars: Other calendars to check this one inside (the
            national budget calendar of its year, say): a list of calendars,
            named by their ids, or a mapping of names to calendars. Its steps
            may then follow or feed their steps (``budget-2563:s1``), and the
            cross-calendar rules (``cross-*``) check those links. The other
            calendars' own findings are not reported: validate them alone.

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
    if not isinstance(source, ProjectRegister):
        check_source("validate", source)
    if register is not None and not isinstance(register, ProjectRegister):
        raise ThaiplanTypeError("validate(register)", register, "a ProjectRegister or None")
    if not isinstance(strict, bool):
        raise ThaiplanTypeError("validate(strict)", strict, "True or False")
    disabled = _codes("disable", disable) or set()
    chosen = _codes("only", only)
    if progress is not None and not isinstance(progress, Progress):
        raise ModelTypeError("validate(progress)", progress, "a Progress or None")
    others = named_calendars(with_calendars, "validate(with_calendars)") if with_calendars else {}
    if isinstance(source, ProjectRegister):
        context = Context(None, None, progress, source)
    elif isinstance(source, PlanningDocument):
        context = Context(source.calendar, source, progress, register, others)
    else:
        context = Context(source, None, progress, register, others)
    findings: list[Finding] = []
    with paused_collection():  # no full collections over a big calendar: see _pause.py
        for registered in list(_RULES.values()):  # a rule may register another
            if registered.code in disabled or (
                chosen is not None and registered.code not in chosen
            ):
                continue
            _run(registered, context, strict, findings)
        unique = list(dict.fromkeys(findings))  # two actions of one resolution, say
        unique = located(source, unique)  # file:line:col, for a calendar or document from a file
        unique.sort(key=lambda f: _ORDER[f.severity])
        return Report(tuple(unique))
