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

The rules of this module, by code:

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

import datetime as dt
import difflib
import enum
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from thaiplan.dates import (
    WEEKDAY_NAMES,
    FiscalYear,
    PeriodKind,
    format_date,
    holiday_name,
    is_working_day,
    parse_date,
    to_arabic_digits,
    to_thai_digits,
)
from thaiplan.errors import DependencyCycleError, HolidayDataError, ModelError, ThaiDateError

from ._document import PlanningDocument
from ._records import Correction
from ._schedule import Schedule, schedule
from ._steps import PlanningCalendar, Step

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
    source: PlanningCalendar | PlanningDocument,
    *,
    disable: Iterable[str] = (),
    only: Iterable[str] | None = None,
) -> Report:
    """Check a calendar or a whole document, and report every finding.

    Args:
        source: A calendar, or a document (its letter, meeting and calendar
            are all checked).
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
    if isinstance(source, PlanningDocument):
        context = Context(source.calendar, source)
    else:
        context = Context(source, None)
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


# -- helpers ------------------------------------------------------------------------------


def _en(day: dt.date) -> str:
    return day.isoformat()


def _th(day: dt.date) -> str:
    return format_date(day, style="abbr")


def _month_th(year: int, month: int) -> str:
    return format_date(dt.date(year, month, 1), style="abbr").split(" ", 1)[1]


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _party_ids(calendar: PlanningCalendar) -> list[str]:
    return [a.id for a in calendar.agencies] + [c.id for c in calendar.committees]


def _contains(title: str, *words: str) -> bool:
    squeezed = title.replace(" ", "")
    return all(word.replace(" ", "") in squeezed for word in words)


# -- the structure of the calendar ----------------------------------------------------------


@rule(
    "duplicate-id",
    severity="error",
    description="ids of steps, phases, agencies and committees are unique",
)
def _duplicate_ids(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    groups: dict[str, Iterable[str]] = {
        "step": (s.id for s in calendar.steps),
        "phase": (p.id for p in calendar.phases),
        "agency or committee": _party_ids(calendar),
    }
    for what, found in groups.items():
        for name, count in Counter(found).items():
            if count > 1:
                yield Issue(
                    f"the {what} id {name!r} is used {count} times; give each its own id",
                    f"รหัส {name!r} ถูกใช้ซ้ำ {count} ครั้ง ต้องไม่ซ้ำกัน",
                    steps=(name,) if what == "step" else (),
                    objects=() if what == "step" else (name,),
                )


@rule("unknown-step", severity="error", description="`after` names steps of the calendar")
def _unknown_steps(context: Context) -> Iterator[Issue]:
    known = {s.id for s in context.steps}
    for step in context.steps:
        for dependency in step.after:
            if dependency.step not in known:
                close = difflib.get_close_matches(dependency.step, known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                yield Issue(
                    f"{step.id} follows {dependency.step!r}, which is not a step of the calendar{hint}",
                    f"{step.id} ทำต่อจาก {dependency.step!r} ซึ่งไม่มีในปฏิทิน",
                    steps=(step.id,),
                )


@rule("unknown-phase", severity="error", description="steps name phases of the calendar")
def _unknown_phases(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or not calendar.phases:
        return
    known = {p.id for p in calendar.phases}
    for step in calendar.steps:
        if step.phase not in known:
            yield Issue(
                f"{step.id} is in phase {step.phase!r}, which the calendar does not define"
                f" (its phases: {', '.join(sorted(known))})",
                f"{step.id} อยู่ในช่วง {step.phase!r} ซึ่งไม่มีในปฏิทิน",
                steps=(step.id,),
            )


@rule(
    "unknown-party",
    severity="error",
    description="responsible parties are agencies or committees of the calendar",
)
def _unknown_parties(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    known = set(_party_ids(calendar))
    for step in calendar.steps:
        for party in step.responsible:
            if party not in known:
                close = difflib.get_close_matches(party, known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                yield Issue(
                    f"{step.id} names {party!r} as responsible, but no agency or committee has that id{hint}",
                    f"{step.id} ระบุผู้รับผิดชอบ {party!r} ซึ่งไม่มีในรายชื่อหน่วยงานหรือคณะกรรมการ",
                    steps=(step.id,),
                    objects=(party,),
                )
    if context.document is not None and context.document.meeting is not None:
        for action in context.document.meeting.actions():
            for party in action.who:
                if party not in known:
                    yield Issue(
                        f"a resolution assigns {action.what[:40]!r} to {party!r}, which is not an"
                        " agency or committee of the calendar",
                        f"มติมอบหมายให้ {party!r} ซึ่งไม่มีในรายชื่อหน่วยงาน",
                        objects=(party,),
                    )


@rule("self-dependency", severity="error", description="a step does not follow itself")
def _self_dependencies(context: Context) -> Iterator[Issue]:
    for step in context.steps:
        if any(d.step == step.id for d in step.after):
            yield Issue(
                f"{step.id} follows itself; remove {step.id} from its own `after`",
                f"{step.id} ทำต่อจากตัวเอง ให้ลบออกจาก after",
                steps=(step.id,),
            )


@rule(
    "duplicate-dependency", severity="warning", description="a step names each step before it once"
)
def _duplicate_dependencies(context: Context) -> Iterator[Issue]:
    for step in context.steps:
        for other, count in Counter(d.step for d in step.after).items():
            if count > 1:
                yield Issue(
                    f"{step.id} follows {other} {count} times; keep one (the strictest lag is the one that counts)",
                    f"{step.id} ระบุว่าทำต่อจาก {other} ซ้ำ {count} ครั้ง",
                    steps=(step.id, other),
                )


@rule("dependency-cycle", severity="error", description="the steps can be put in order")
def _cycles(context: Context) -> Iterator[Issue]:
    cycle = context.cycle  # from the schedule the other rules share
    if cycle:
        path = " -> ".join((*cycle, cycle[0]))
        yield Issue(
            f"the steps depend on one another in a circle: {path}; remove one of these dependencies",
            f"ขั้นตอนต่อไปนี้ต้องทำต่อจากกันเป็นวงกลม: {path} ให้ตัดความเชื่อมโยงออกหนึ่งรายการ",
            steps=cycle,
        )


# -- time -----------------------------------------------------------------------------------


@rule(
    "impossible-dependency",
    severity="error",
    description="the stated periods leave room for each step to follow the steps before it",
)
def _impossible_dependencies(context: Context) -> Iterator[Issue]:
    steps = {s.id: s for s in context.steps}
    for step in context.steps:
        for dependency in step.after:
            before = steps.get(dependency.step)
            if before is None or before.period.start is None:
                continue
            first_finish = before.period.start + dt.timedelta(days=before.duration - 1)
            first_start = first_finish + dt.timedelta(days=1 + dependency.lag)
            last_finish = first_start + dt.timedelta(days=step.duration - 1)
            if last_finish > step.period.end:
                yield Issue(
                    f"{step.id} ({step.when}) must follow {before.id} ({before.when}), but"
                    f" {before.id} cannot finish before {_en(first_finish)} and {step.id}'s stated"
                    f" period ends on {_en(step.period.end)}: change one of the periods or the dependency",
                    f"{step.id} ({step.when}) ต้องทำต่อจาก {before.id} ({before.when}) แต่ {before.id}"
                    f" เสร็จได้เร็วที่สุด {_th(first_finish)} ขณะที่ {step.id} ต้องเสร็จภายใน"
                    f" {_th(step.period.end)}",
                    steps=(before.id, step.id),
                )


@rule("negative-slack", severity="error", description="every step can be kept within its bounds")
def _negative_slack(context: Context) -> Iterator[Issue]:
    result = context.schedule
    if result is None:
        return
    for explanation in result.conflicts:
        bounds = result[explanation.step]
        chain = {c.step for c in (*explanation.earliest_start, *explanation.latest_finish)}
        chain |= {c.other for c in explanation.latest_finish if c.other}
        yield Issue(
            f"{explanation.step} cannot be kept: it can finish no earlier than"
            f" {_en(bounds.earliest_finish)} but must finish by {_en(bounds.latest_finish)}"
            f" ({_days(-bounds.total_slack)} short). Why:\n{explanation.message_en}",
            f"{explanation.step} ทำไม่ทันกำหนด: เสร็จได้เร็วที่สุด {_th(bounds.earliest_finish)}"
            f" แต่ต้องเสร็จภายใน {_th(bounds.latest_finish)} (ขาด {to_thai_digits(-bounds.total_slack)} วัน)"
            f" เพราะ\n{explanation.message_th}",
            steps=tuple(sorted(chain)),
        )


@rule(
    "deadline-conflict",
    severity="warning",
    description="a resolution's deadline agrees with the window of the step that carries it out",
)
def _deadline_conflicts(context: Context) -> Iterator[Issue]:
    document = context.document
    if document is None or document.meeting is None or context.calendar is None:
        return
    steps = {s.id: s for s in context.steps}
    for item in document.meeting.agenda:
        for resolution in item.resolutions:
            for action in resolution.actions:
                if action.deadline is None or action.step is None or action.step not in steps:
                    continue
                step = steps[action.step]
                deadline = action.deadline
                text = deadline.text or _en(deadline.end)
                if step.period.start is not None and deadline.end < step.period.start:
                    yield Issue(
                        f"resolution {item.number} sets {text!r} for what {step.id} carries out,"
                        f" but {step.id} is stated for {step.when!r}, which starts after that deadline",
                        f"มติวาระ {item.number} กำหนด '{text}' แต่ขั้นตอน {step.id} ({step.when})"
                        " เริ่มหลังกำหนดนั้น",
                        steps=(step.id,),
                        objects=(f"meeting.agenda[{item.number}]",),
                        severity=Severity.ERROR,
                    )
                elif step.period.end > deadline.end:
                    yield Issue(
                        f"resolution {item.number} sets {text!r} for what {step.id} carries out, but"
                        f" {step.id} is stated for {step.when!r}, which ends later"
                        f" ({_en(step.period.end)}, after {_en(deadline.end)}): one of the two is wrong",
                        f"มติวาระ {item.number} กำหนด '{text}' แต่ขั้นตอน {step.id} กำหนดไว้ '{step.when}'"
                        f" ซึ่งสิ้นสุดหลังกำหนดของมติ ({_th(step.period.end)})",
                        steps=(step.id,),
                        objects=(f"meeting.agenda[{item.number}]",),
                    )


# -- the Gantt table ------------------------------------------------------------------------


@rule(
    "gantt-outside-period",
    severity="warning",
    description="the months marked in the Gantt table lie within the stated period",
)
def _gantt_outside(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.gantt_year is None:
        return
    for step in calendar.steps:
        marks = step.gantt_months(calendar.gantt_year)
        if not marks:
            continue
        stated = set(step.period.iter_months())
        if step.period.kind is PeriodKind.DEADLINE:
            # a deadline is kept by work in any month up to it
            outside = [m for m in marks if m > (step.period.end.year, step.period.end.month)]
        else:
            outside = [m for m in marks if m not in stated]
        if not outside:
            continue
        marked = ", ".join(_month_th(*m) for m in marks)
        first_stated = min(stated)
        shift = (first_stated[0] - marks[0][0]) * 12 + first_stated[1] - marks[0][1]
        how = ""
        if (
            step.period.kind is not PeriodKind.DEADLINE
            and shift > 0
            and all(m < first_stated for m in marks)
        ):
            how = (
                f" (the marks sit {shift} month{'s' if shift > 1 else ''} before the stated period)"
            )
        yield Issue(
            f"{step.id}: the Gantt table marks {marked} but the stated period is {step.when!r}{how}",
            f"{step.id}: ตาราง Gantt ทำเครื่องหมายไว้ที่ {marked} แต่ช่วงเวลาที่ระบุคือ '{step.when}'",
            steps=(step.id,),
        )


@rule(
    "gantt-partial",
    severity="info",
    description="every month of a stated range is marked in the Gantt table",
)
def _gantt_partial(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.gantt_year is None:
        return
    for step in calendar.steps:
        marks = set(step.gantt_months(calendar.gantt_year))
        if not marks or step.period.kind not in (PeriodKind.MONTH_RANGE, PeriodKind.DAY_RANGE):
            continue
        stated = list(step.period.iter_months())
        missing = [m for m in stated if m not in marks]
        if missing and marks <= set(stated):
            yield Issue(
                f"{step.id}: the stated period {step.when!r} spans {len(stated)} months, but the"
                f" Gantt table marks only {', '.join(_month_th(*m) for m in sorted(marks))}",
                f"{step.id}: ช่วงเวลา '{step.when}' มี {len(stated)} เดือน แต่ตาราง Gantt"
                f" ทำเครื่องหมายไว้เพียง {', '.join(_month_th(*m) for m in sorted(marks))}",
                steps=(step.id,),
            )


# -- dates against the calendar -----------------------------------------------------------------

_WEEKDAY_DATE: Final = re.compile(
    "วัน(?:" + "|".join(WEEKDAY_NAMES) + r")\s*ที่\s*[0-9๐-๙]{1,2}\s*\S+\s*(?:พ\.ศ\.\s*)?[0-9๐-๙]{2,4}"
)


def _texts(context: Context) -> Iterator[tuple[str, str]]:
    """(where, text) for every free text that may hold a date; a step's ``where`` is ``steps.<id>``."""
    document = context.document
    if document is not None:
        letter = document.letter
        if letter is not None:
            for i, paragraph in enumerate(letter.body):
                yield f"letter.body[{i}]", paragraph
            yield "letter.dated", letter.dated
        if document.meeting is not None:
            yield "meeting.when", document.meeting.when
            for item in document.meeting.agenda:
                for resolution in item.resolutions:
                    yield f"meeting.agenda[{item.number}]", resolution.text
    for step in context.steps:
        yield f"steps.{step.id}", f"{step.title} {step.when} {step.notes}"


@rule(
    "weekday-mismatch",
    severity="error",
    description="a weekday written with a date is that date's weekday",
)
def _weekday_mismatches(context: Context) -> Iterator[Issue]:
    for where, text in _texts(context):
        for match in _WEEKDAY_DATE.finditer(text):
            try:
                parse_date(match.group())
            except ThaiDateError as error:
                if error.reason == "weekday_mismatch":
                    step = where.removeprefix("steps.") if where.startswith("steps.") else None
                    yield Issue(
                        f"{where}: {match.group()!r}: {error.problem}",
                        f"{where}: '{match.group()}' วันในสัปดาห์ไม่ตรงกับวันที่ (ที่ถูกคือ{error.hint})",
                        steps=(step,) if step else (),
                        objects=() if step else (where,),
                    )


@rule(
    "non-working-day",
    severity="warning",
    description="a one-day step or a meeting falls on a working day",
)
def _non_working_days(context: Context) -> Iterator[Issue]:
    days: list[tuple[str, dt.date, tuple[str, ...]]] = [
        (step.id, step.period.start, (step.id,))
        for step in context.steps
        if step.period.kind is PeriodKind.DAY and step.period.start is not None
    ]
    if context.document is not None and context.document.meeting is not None:
        days.append(("the meeting", context.document.meeting.start.date(), ()))
    for what, day, steps in days:
        try:
            if is_working_day(day):
                continue
            why = holiday_name(day) or ("a Saturday" if day.weekday() == 5 else "a Sunday")
        except HolidayDataError:
            continue
        why_th = holiday_name(day) or f"วัน{WEEKDAY_NAMES[day.weekday()]}"
        yield Issue(
            f"{what} falls on {_en(day)}, which is not a working day ({why})",
            f"{what} ตรงกับ {_th(day)} ซึ่งไม่ใช่วันทำการ ({why_th})",
            steps=steps,
        )


# -- the planning cycle -------------------------------------------------------------------------


def _is_consultation(step: Step) -> bool:
    return _contains(step.title, "ปรึกษาหารือ")


def _is_kbj_approval(step: Step) -> bool:
    return _contains(step.title, "ก.บ.จ") and _contains(step.title, "เห็นชอบ")


@rule(
    "consultation-order",
    severity="error",
    description="the consultation with all sectors comes before the ก.บ.จ. approves the plan",
)
def _consultation_order(context: Context) -> Iterator[Issue]:
    approvals = [s for s in context.steps if _is_kbj_approval(s)]
    if not approvals:
        return
    consultations = [s for s in context.steps if _is_consultation(s)]
    approval = approvals[0]
    if not consultations:
        yield Issue(
            f"{approval.id} has the ก.บ.จ. approve the plan, but no step holds the consultation"
            " with all sectors (ประชุมปรึกษาหารือ) that must come before it",
            f"{approval.id} เป็นการให้ความเห็นชอบของ ก.บ.จ. แต่ไม่มีขั้นตอนการประชุมปรึกษาหารือทุกภาคส่วนก่อนหน้า",
            steps=(approval.id,),
            severity=Severity.WARNING,
        )
        return
    for consultation in consultations:
        if consultation.period.end > approval.period.end or (
            consultation.period.start is not None
            and approval.period.start is not None
            and consultation.period.start > approval.period.start
        ):
            yield Issue(
                f"the consultation with all sectors ({consultation.id}, {consultation.when!r}) comes"
                f" after the ก.บ.จ. approval ({approval.id}, {approval.when!r}); it must come before",
                f"การประชุมปรึกษาหารือทุกภาคส่วน ({consultation.id}) อยู่หลังการให้ความเห็นชอบของ"
                f" ก.บ.จ. ({approval.id}) ต้องจัดก่อน",
                steps=(consultation.id, approval.id),
            )


@rule("phase-order", severity="warning", description="phases follow one another in time")
def _phase_order(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    spans: list[tuple[str, dt.date, dt.date]] = []
    for phase in calendar.phases:
        steps = calendar.steps_in(phase.id)
        if steps:
            first = min(s.period.start or s.period.end for s in steps)
            last = max(s.period.end for s in steps)
            spans.append((phase.id, first, last))
    for (earlier, first_a, _), (later, _, last_b) in itertools.pairwise(spans):
        if last_b < first_a:
            yield Issue(
                f"phase {later!r} ends ({_en(last_b)}) before phase {earlier!r} begins"
                f" ({_en(first_a)}); the phases are out of order",
                f"ช่วง {later!r} สิ้นสุดก่อนช่วง {earlier!r} เริ่ม ลำดับช่วงไม่ถูกต้อง",
                objects=(earlier, later),
            )


@rule(
    "step-numbering",
    severity="warning",
    description="step numbers increase in the calendar's order",
)
def _step_numbering(context: Context) -> Iterator[Issue]:
    numbered = [s for s in context.steps if s.no is not None]
    for before, after in itertools.pairwise(numbered):
        if after.no is not None and before.no is not None and after.no <= before.no:
            yield Issue(
                f"step {after.id} is numbered {after.no} but comes after step {before.id} ({before.no})",
                f"ขั้นตอน {after.id} มีลำดับที่ {after.no} แต่อยู่หลังขั้นตอน {before.id} (ลำดับที่ {before.no})",
                steps=(before.id, after.id),
            )


@rule(
    "action-plan-late",
    severity="error",
    description="the annual action plan for FY N reaches central agencies before FY N begins",
)
def _action_plan_late(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    fiscal_year = FiscalYear(calendar.fiscal_year)
    for step in calendar.steps:
        sends = _contains(step.title, "ส่วนกลาง") and _contains(step.title, "ส่ง")
        if sends and step.period.end >= fiscal_year.start:
            yield Issue(
                f"{step.id} sends the plans to central agencies by {_en(step.period.end)}, after"
                f" fiscal year {calendar.fiscal_year} has begun ({_en(fiscal_year.start)})",
                f"{step.id} ส่งแผนให้หน่วยงานส่วนกลางภายใน {_th(step.period.end)}"
                f" ซึ่งหลังจากปีงบประมาณ {calendar.fiscal_year} เริ่มแล้ว",
                steps=(step.id,),
            )


# -- the document and its names -----------------------------------------------------------------


@rule(
    "reference-mismatch",
    severity="error",
    description="the attachments quote the letter's own number and date",
)
def _reference_mismatch(context: Context) -> Iterator[Issue]:
    document = context.document
    letter = document.letter if document is not None else None
    listed = letter.distribution if letter is not None else None
    if letter is None or listed is None:
        return
    if listed.number is not None and listed.number != letter.number:
        yield Issue(
            f"the distribution list quotes the letter as {listed.number} but the letter is"
            f" {letter.number}",
            f"บัญชีแนบท้ายหนังสืออ้างเลขที่หนังสือ {listed.number} แต่หนังสือคือ {letter.number}",
            objects=("letter.distribution.number", "letter.number"),
        )
    if listed.date is not None and letter.date is not None and listed.date != letter.date:
        yield Issue(
            f"the distribution list quotes the letter's date as {listed.dated!r} ({_en(listed.date)})"
            f" but the letter is dated {letter.dated!r} ({_en(letter.date)})",
            f"บัญชีแนบท้ายหนังสือระบุวันที่ {listed.dated} แต่หนังสือลงวันที่ {letter.dated}",
            objects=("letter.distribution.dated", "letter.dated"),
        )
    if listed.subject and letter.subject and _squeeze(listed.subject) != _squeeze(letter.subject):
        yield Issue(
            "the distribution list quotes a different subject than the letter's",
            "บัญชีแนบท้ายหนังสืออ้างเรื่องไม่ตรงกับหนังสือ",
            objects=("letter.distribution.subject", "letter.subject"),
            severity=Severity.WARNING,
        )


def _squeeze(text: str) -> str:
    return "".join(text.split())


_DISTRICT: Final = re.compile(r"อำเภอ(?!ทุก)([\u0e01-\u0e4e]+)")


def _names(context: Context) -> Iterator[tuple[str, str]]:
    """(where, name) for every name the document writes for a place or an agency."""
    calendar = context.calendar
    if calendar is not None:
        for agency in calendar.agencies:
            for name in agency.names:
                yield f"agencies.{agency.id}", name
    document = context.document
    if document is not None and document.letter is not None and document.letter.distribution:
        for i, recipient in enumerate(document.letter.distribution.recipients):
            yield f"letter.distribution.recipients[{i}]", recipient.name


@rule(
    "unofficial-name",
    severity="warning",
    description="names of districts, provinces and agencies match the official list",
)
def _unofficial_names(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    try:
        import geothai
    except ImportError:
        yield Issue(
            "district and province names were not checked: install the official list with"
            " pip install 'thaiplan[geo]'",
            "ไม่ได้ตรวจชื่ออำเภอและจังหวัด: ติดตั้งรายชื่อทางการด้วย pip install 'thaiplan[geo]'",
            severity=Severity.INFO,
        )
        return
    code = to_arabic_digits(calendar.province)
    province: Any = geothai.province(code) if code.isascii() and code.isdigit() else None
    if province is None:
        matches = [r.area for r in geothai.search(calendar.province) if r.level == "province"]
        exact = [p for p in matches if p.name_th == calendar.province.removeprefix("จังหวัด")]
        province = exact[0] if exact else None
    if province is None:
        names = [p.name_th for p in geothai.provinces()]
        close = difflib.get_close_matches(calendar.province.removeprefix("จังหวัด"), names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        yield Issue(
            f"the province {calendar.province!r} is not in the official list{hint}",
            f"ไม่พบจังหวัด {calendar.province!r} ในรายชื่อทางการ",
            objects=("calendar.province",),
        )
        return
    districts = [d.name_th for d in geothai.districts(province.code)]
    agency_names = {_squeeze(name) for agency in calendar.agencies for name in agency.names}
    seen: set[tuple[str, str]] = set()
    for where, name in _names(context):
        for match in _DISTRICT.finditer(name):
            written = match.group(1)
            if written in districts or (where, written) in seen:
                continue
            seen.add((where, written))
            close = difflib.get_close_matches(written, districts, n=1, cutoff=0.4)
            hint = f"; the official name nearest to it is 'อำเภอ{close[0]}'" if close else ""
            yield Issue(
                f"{where}: 'อำเภอ{written}' is not a district of {province.name_th} in the official list{hint}",
                f"{where}: ไม่พบ 'อำเภอ{written}' ในรายชื่ออำเภอของจังหวัด{province.name_th}"
                + (f" ชื่อที่ใกล้เคียงคือ 'อำเภอ{close[0]}'" if close else ""),
                objects=(where,),
            )
        if where.startswith("letter.distribution") and _squeeze(name) not in agency_names:
            if _DISTRICT.search(name):
                continue  # reported above, against the official list of districts
            candidates = sorted(agency_names)
            close = difflib.get_close_matches(_squeeze(name), candidates, n=1, cutoff=0.6)
            hint = f"; the nearest agency name is {close[0]!r}" if close else ""
            yield Issue(
                f"{where}: {name!r} is not the name of any agency of the calendar{hint}",
                f"{where}: '{name}' ไม่ตรงกับชื่อหน่วยงานใดในปฏิทิน"
                + (f" ชื่อที่ใกล้เคียงคือ '{close[0]}'" if close else ""),
                objects=(where,),
            )


@rule("no-responsible", severity="warning", description="every step has someone responsible")
def _no_responsible(context: Context) -> Iterator[Issue]:
    for step in context.steps:
        if not step.responsible:
            yield Issue(
                f"{step.id} has no one responsible; name an agency or committee in `responsible`",
                f"{step.id} ไม่มีหน่วยงานรับผิดชอบ",
                steps=(step.id,),
            )


def _corrections(context: Context) -> Iterator[tuple[str, Correction, str | None]]:
    """(where, correction, step id or None) for every correction recorded in the data."""
    stack: list[tuple[str, object, str | None]] = []
    if context.document is not None:
        stack.append(("document", context.document, None))
    elif context.calendar is not None:
        stack.append(("calendar", context.calendar, None))
    while stack:
        where, value, step = stack.pop()
        if isinstance(value, Step):
            step = value.id
        if isinstance(value, Correction):
            yield where, value, step
        elif isinstance(value, tuple):
            stack.extend(
                (f"{where}[{i}]", item, step) for i, item in reversed(list(enumerate(value)))
            )
        elif attrs.has(type(value)):
            for field in reversed(attrs.fields(type(value))):  # type: ignore[arg-type]
                if field.metadata.get("derived"):
                    continue
                stack.append((f"{where}.{field.name}", getattr(value, field.name), step))


@rule(
    "recorded-correction",
    severity="info",
    description="the corrections recorded beside the document's text (its known errors)",
)
def _recorded_corrections(context: Context) -> Iterator[Issue]:
    for where, correction, step in _corrections(context):
        reason = f" ({correction.reason})" if correction.reason else ""
        if correction.corrected:
            meant_en = f"where {correction.corrected!r} is meant"
            meant_th = f"ที่ถูกคือ '{correction.corrected}'"
        else:
            meant_en, meant_th = "that should not be there", "ซึ่งไม่ควรมี"
        yield Issue(
            f"{where}: the document writes {correction.written!r} {meant_en}{reason}",
            f"{where}: เอกสารเขียน '{correction.written}' {meant_th}",
            steps=(step,) if step else (),
            objects=(where.rsplit(".corrections[", 1)[0],),
        )
