"""Reading MS Project XML (MSPDI) back into a calendar; the writer is ``_mspdi``.

The file is parsed with expat into a small tree that keeps the line and
column of every element, so that each problem is reported where it is. A
document type declaration is refused, and with it every entity expansion.
Summary tasks are phases; every other task is a step. Links must be
finish-to-start, with lags of whole days: elapsed days (``LagFormat`` 8) are
calendar days, days (7) are working days of the file's ``MinutesPerDay``.
In a file thaiplan wrote, the notes of the project's summary task (UID 0)
give every other key of the calendar and its steps (``_mspdi_keys``); what a
task shows wins where it was edited in Project.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final
from xml.parsers import expat

from thaiplan.dates import Period, format_period
from thaiplan.dates._text import _normalise, to_arabic_digits
from thaiplan.errors import (
    CalendarFileError,
    FileProblem,
    ModelError,
    ThaiplanError,
    ThaiplanTypeError,
)
from thaiplan.io._mspdi import (
    ELAPSED_DAY,
    FIELDS,
    FORMAT_DAYS,
    FORMAT_ELAPSED_DAYS,
    MINUTES_PER_DAY,
)
from thaiplan.io._mspdi_keys import carried_keys, same_duration, settle_links, task_notes
from thaiplan.io._xlsx_keys import calendar_arguments, make, same_marks, with_years

if TYPE_CHECKING:
    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._organisations import Agency, Committee
    from thaiplan.model._steps import Phase, PlanningCalendar

__all__ = ["read_calendar_mspdi"]

_FIELD_NAMES: Final = {field_id: name for field_id, name, _ in FIELDS}


class _Node:
    """An element with its place in the file."""

    __slots__ = ("children", "column", "line", "name", "text")

    def __init__(self, name: str, line: int, column: int) -> None:
        self.name = name
        self.line = line
        self.column = column
        self.children: list[_Node] = []
        self.text = ""

    def find(self, name: str) -> _Node | None:
        return next((child for child in self.children if child.name == name), None)

    def value(self, name: str) -> str | None:
        child = self.find(name)
        return child.text if child is not None else None


def _parse(data: bytes, name: str) -> _Node:
    parser = expat.ParserCreate(namespace_separator="}")
    root = _Node("", 1, 1)
    stack = [root]

    def start(tag: str, _attributes: dict[str, str]) -> None:
        node = _Node(
            tag.rsplit("}", 1)[-1], parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        )
        stack[-1].children.append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        stack[-1].text += data

    def doctype(*_args: object) -> None:
        raise ValueError("a document type declaration is not allowed in MSPDI")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, ValueError) as error:
        line = getattr(error, "lineno", parser.CurrentLineNumber)
        column = getattr(error, "offset", parser.CurrentColumnNumber) + 1
        raise CalendarFileError(name, [FileProblem(name, line, column, "", str(error))]) from None
    return root


def _date_of(text: str | None, *, end: bool = False) -> dt.date | None:
    """The day of an MSPDI dateTime; for a finish at 00:00, the day before (the end of its last day)."""
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text.strip())
    if end and moment.time() == dt.time(0, 0):
        return moment.date() - dt.timedelta(days=1)
    return moment.date()


_DURATION: Final = re.compile(r"PT(\d+)H(\d+)M(\d+)S")
_NUMBERED: Final = re.compile(r"([0-9๐-๙]+)\. ")
_FISCAL: Final = re.compile(r"ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?([0-9๐-๙]{4})")


def read_calendar_mspdi(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    like: PlanningCalendar | PlanningDocument | None = None,
    province: str | None = None,
    fiscal_year: int | None = None,
) -> PlanningCalendar:
    """Read a calendar from MS Project XML (MSPDI); the inverse of :func:`~thaiplan.calendar_mspdi`.

    Summary tasks are phases; every other task is a step, with its stated
    period from Text1 (or, in a file thaiplan did not write, its start and
    finish days), its links as ``after`` and its duration in days.

    Args:
        source: The path of an MSPDI file, its bytes, or a binary file object.
        like: A calendar or document whose parties (by id) and province and
            fiscal year the calendar takes.
        province: The province, when neither the file nor ``like`` gives it.
        fiscal_year: The BE fiscal year, likewise.

    Raises:
        CalendarFileError: The file cannot be read, or its tasks have
            problems, each at its line and column.

    >>> import thaiplan
    >>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
    >>> again = read_calendar_mspdi(thaiplan.calendar_mspdi(calendar).encode())
    >>> [(d.step, d.lag, d.unit.value) for d in again.step("s6").after]
    [('s1', 0, 'days'), ('s2', 0, 'days'), ('s4', 0, 'days')]
    """
    from thaiplan.model._organisations import Agency
    from thaiplan.model._steps import Dependency, LagUnit, Phase, PlanningCalendar, Step

    if isinstance(source, bytes):
        data, name = source, "<bytes>"
    elif isinstance(source, str | os.PathLike):
        try:
            data, name = Path(source).read_bytes(), str(source)
        except OSError as error:
            raise CalendarFileError(
                str(source),
                [FileProblem(str(source), None, None, "", f"cannot read: {error.strerror}")],
            ) from None
    elif hasattr(source, "read"):
        data, name = source.read(), str(getattr(source, "name", "<stream>"))
        if not isinstance(data, bytes):
            raise ThaiplanTypeError(f"what {name} read", data, "bytes (open the file with 'rb')")
    else:
        raise ThaiplanTypeError(
            "read_calendar_mspdi(source)", source, "a path, the bytes of a file or a binary file"
        )
    root = _parse(data, name)
    problems: list[FileProblem] = []

    def problem(node: _Node, path: str, message: str) -> None:
        problems.append(FileProblem(name, node.line, node.column, path, message))

    project = root.find("Project")
    if project is None:
        raise CalendarFileError(
            name, [FileProblem(name, 1, 1, "", "no <Project> element: not MSPDI")]
        )
    reference = like if like is None or isinstance(like, PlanningCalendar) else like.calendar
    minutes = int(project.value("MinutesPerDay") or MINUTES_PER_DAY)
    tasks = project.find("Tasks")
    nodes = [t for t in (tasks.children if tasks else []) if t.name == "Task"]
    fields = {}
    for node in nodes:
        fields[id(node)] = {
            _FIELD_NAMES.get(a.value("FieldID") or "", ""): a.value("Value") or ""
            for a in node.children
            if a.name == "ExtendedAttribute"
        }
    carried: tuple[dict[str, Any], dict[str, dict[str, Any]]] | None = None
    for index, node in enumerate(nodes):
        if (node.value("UID") or "").strip() == "0":
            try:
                carried = carried_keys(node.value("Notes") or "")
            except ModelError as error:
                problem(node.find("Notes") or node, f"Tasks/Task[{index + 1}]/Notes", str(error))
    keys, step_keys = carried if carried is not None else ({}, {})
    party_names = {
        str(party.get("id")): str(party.get("name"))
        for party in [*keys.get("agencies", ()), *keys.get("committees", ())]
        if isinstance(party, dict)
    }
    ids: dict[str, str] = {}
    for node in nodes:
        uid = (node.value("UID") or "").strip()
        own = fields[id(node)].get("Text4", "")
        ids[uid] = own or f"t{uid}"
    phases: dict[str, Phase] = {}
    steps: list[Step] = []
    pending: list[tuple[_Node, str, dict[str, Any]]] = []
    links: dict[str, list[tuple[str, int, str]]] = {}
    parties: dict[str, Agency] = {}
    current: str | None = None
    for index, node in enumerate(nodes):
        path = f"Tasks/Task[{index + 1}]"
        values = fields[id(node)]
        uid = (node.value("UID") or "").strip()
        if uid == "0" or (node.value("IsNull") or "0") in ("1", "true"):
            continue  # the project's summary task, or an empty row
        title = node.value("Name") or ""
        if (node.value("Summary") or "0").strip() in ("1", "true"):
            phase_id = values.get("Text3") or re.sub("[^a-z0-9]+", "-", title.lower()).strip("-")
            phase_id = phase_id or f"phase-{uid}"
            phases.setdefault(phase_id, Phase(phase_id, values.get("Text2") or title))
            current = phase_id
            continue
        if current is None:
            current = values.get("Text3") or "tasks"
            phases.setdefault(current, Phase(current, values.get("Text2", "")))
        match = _NUMBERED.match(title)
        no = int(to_arabic_digits(match.group(1))) if match else None
        title = title[match.end() :] if match else title
        try:
            start = _date_of(node.value("Start"))
            finish = _date_of(node.value("Finish"), end=True)
        except ValueError as error:
            problem(node, path, f"cannot read its start or finish: {error}")
            continue
        when = values.get("Text1", "")
        if not when:
            if start is None or finish is None:
                problem(node, path, "no Start and Finish, and no stated period in Text1")
                continue
            when = format_period(
                Period.day(start) if start >= finish else Period.days(start, finish)
            )
        duration = 1
        text = node.value("Duration")
        duration_node = node.find("Duration") or node
        found = _DURATION.fullmatch((text or "").strip())
        if node.value("DurationFormat") in (str(FORMAT_ELAPSED_DAYS), "40") and found:
            hours = int(found.group(1)) + int(found.group(2)) / 60
            if hours % 24:
                problem(duration_node, f"{path}/Duration", f"{text!r} is not whole elapsed days")
            duration = max(1, int(hours // 24))
        elif start is not None and finish is not None:
            duration = max(1, (finish - start).days + 1)
        after = []
        for link in (c for c in node.children if c.name == "PredecessorLink"):
            link_type = (link.value("Type") or "1").strip()
            if link_type != "1":
                problem(
                    link,
                    f"{path}/PredecessorLink",
                    f"link type {link_type} is not finish-to-start (1); thaiplan has only finish-to-start",
                )
                continue
            other = ids.get((link.value("PredecessorUID") or "").strip())
            if other is None:
                problem(
                    link,
                    f"{path}/PredecessorLink",
                    f"no task has UID {link.value('PredecessorUID')!r}",
                )
                continue
            lag_units = int(link.value("LinkLag") or 0)
            lag_format = (link.value("LagFormat") or str(FORMAT_DAYS)).strip()
            per_day = {"7": minutes * 10, "39": minutes * 10, "8": ELAPSED_DAY, "40": ELAPSED_DAY}
            if lag_format not in per_day:
                problem(
                    link,
                    f"{path}/PredecessorLink/LagFormat",
                    f"lag format {lag_format} is not days (7) or elapsed days (8)",
                )
                continue
            lag, rest = divmod(lag_units, per_day[lag_format])
            if rest or lag < 0:
                problem(
                    link,
                    f"{path}/PredecessorLink/LinkLag",
                    f"a lag of {lag_units} tenths of a minute is not a whole number of days of 0 or more",
                )
                continue
            unit = LagUnit.WORKING_DAYS if lag_format in ("7", "39") else LagUnit.DAYS
            after.append(Dependency(other, lag, unit))
        responsible = values.get("Text5", "").split()
        notes_names = [
            line[2:] for line in (node.value("Notes") or "").split("\n") if line.startswith("- ")
        ]
        for offset, party_id in enumerate(responsible):
            known = reference.party(party_id) if reference is not None else None
            if known is None and party_id not in parties:
                party_name = (
                    notes_names[offset] if len(notes_names) == len(responsible) else party_id
                )
                parties[party_id] = Agency(party_id, party_name)
        notes = (node.value("Notes") or "").split("\n\n", 1)
        step_notes = (
            notes[1]
            if len(notes) == 2 and notes[0].startswith("หน่วยงานที่เกี่ยวข้อง:")
            else ("" if notes[0].startswith("หน่วยงานที่เกี่ยวข้อง:") else notes[0])
        )
        gantt = [m.strip() for m in values.get("Text6", "").split(",") if m.strip()]
        kept: dict[str, Any] = dict(step_keys.get(ids[uid], {}))
        if "gantt" in kept and same_marks(kept["gantt"], gantt, keys.get("gantt_year")):
            gantt = list(kept["gantt"])  # the marks as written, where they mark the months shkept
        named = [party_names.get(party_id, party_id) for party_id in responsible]
        if task_notes(named, kept.get("notes", "")) == (node.value("Notes") or ""):
            step_notes = kept.get("notes", "")  # as the writer wrote them: the step's kept
        for key in ("notes", "after", "before"):
            kept.pop(key, None)
        written = kept.pop("duration", None)
        step_values: dict[str, Any] = {
            **kept,
            "id": ids[uid],
            "no": no,
            "phase": current,
            "title": title,
        }
        step_values.update(when=when, gantt=gantt, responsible=responsible, notes=step_notes)
        step_values["duration"] = (
            written if written is not None and same_duration(written, duration) else duration
        )
        links[ids[uid]] = [(d.step, d.lag, d.unit.value) for d in after]
        pending.append((node, path, step_values))
    title = project.value("Title") or project.value("Name") or ""
    category = _FISCAL.search(_normalise(project.value("Category") or ""))
    the_year = fiscal_year or (int(to_arabic_digits(category.group(1))) if category else None)
    the_year = the_year or keys.get("fiscal_year") or (reference.fiscal_year if reference else None)
    the_province = project.value("Subject") or province or (reference.province if reference else "")
    if the_year is None and not (carried is not None and keys.get("recurs")):
        problem(
            project,
            "Project/Category",
            "no fiscal year (ปีงบประมาณ พ.ศ. ...); pass fiscal_year= (thaiplan import --fiscal-year)",
        )
    if not the_province and carried is None:  # else the calendar's scope says if it needs one
        problem(
            project, "Project/Subject", "no province; pass province= (thaiplan import --province)"
        )
    settled = settle_links(links, step_keys)
    given = with_years(
        [{**values, **settled[values["id"]]} for _, _, values in pending], keys, the_year
    )
    for (node, path, _), values in zip(pending, given, strict=True):
        try:
            steps.append(make(Step, values))
        except ThaiplanError as error:
            problem(node, path, f"cannot make a step of this task: {error}")
    extra, phase_list, agencies, committees = _carried_calendar(
        keys, phases, reference, parties, carried is not None
    )
    arguments: dict[str, Any] = {}
    try:
        arguments = calendar_arguments(extra)
    except ModelError as error:
        problem(project, "Tasks/Task[1]/Notes", f"cannot read the calendar's keys: {error}")
    if problems:
        raise CalendarFileError(name, problems)
    try:
        return PlanningCalendar(
            title,
            the_province,
            the_year,
            phase_list,
            steps,
            agencies,
            committees,
            gantt_year=keys.get("gantt_year"),
            source=keys.get("source", "") if carried is not None else name,
            **arguments,
        )
    except ThaiplanError as error:
        raise CalendarFileError(name, [FileProblem(name, None, None, "", str(error))]) from None


def _carried_calendar(
    keys: dict[str, Any],
    phases: dict[str, Phase],
    reference: PlanningCalendar | None,
    parties: dict[str, Agency],
    carried: bool,
) -> tuple[dict[str, Any], list[Phase], list[Agency], list[Committee]]:
    """The calendar's keys beyond those read from the project, its phases and parties.

    The phases are the keys' where the summary tasks show theirs (a phase
    with no step has no task); the parties are ``reference``'s, else the keys'
    and those the tasks name beside them.
    """
    from thaiplan.model._organisations import Agency, Committee
    from thaiplan.model._steps import Phase

    own = ("fiscal_year", "gantt_year", "source", "phases", "agencies", "committees")
    extra = {key: value for key, value in keys.items() if key not in own}
    phase_list = list(phases.values())
    try:
        kept = [make(Phase, values) for values in keys.get("phases", ())]
    except ModelError:
        kept = []
    by_id = {phase.id: phase for phase in kept}

    def matches(phase: Phase) -> bool:  # as the keys have it, or the writer's stand-in for none
        same = phase.id in by_id and by_id[phase.id].title == phase.title
        return same or (phase.id not in by_id and phase.title == phase.id)

    if carried:
        if all(matches(phase) for phase in phase_list):
            phase_list = kept
        else:  # renamed in Project: the titles read, the Thai titles kept where they match
            phase_list = [
                by_id[p.id] if p.id in by_id and by_id[p.id].title == p.title else p
                for p in phase_list
            ]
    if reference is not None:
        return (
            extra,
            phase_list,
            [*reference.agencies, *parties.values()],
            list(reference.committees),
        )
    try:
        known = [make(Agency, values) for values in keys.get("agencies", ())]
        committees = [make(Committee, values) for values in keys.get("committees", ())]
    except ModelError:
        known, committees = [], []
    ids = {party.id for party in [*known, *committees]}
    return (
        extra,
        phase_list,
        [*known, *(a for a in parties.values() if a.id not in ids)],
        committees,
    )
