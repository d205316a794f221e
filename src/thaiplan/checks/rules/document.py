"""Rules on the document and its names: letters, attachments, official names, corrections."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterator
from typing import Any, Final

import attrs

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _en
from thaiplan.dates import (
    to_arabic_digits,
)
from thaiplan.model._records import Correction
from thaiplan.model._scope import Scope
from thaiplan.model._steps import Step


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


#: The scopes whose calendars are not one province's: no provincial or district names to check.
_NO_PROVINCE: Final = (Scope.NATIONAL, Scope.CLUSTER)
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
    if calendar is None or not calendar.province or calendar.scope in _NO_PROVINCE:
        return  # a national or a cluster's calendar names no province to check names against
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
    """A step with no one responsible: a warning; a note on a national calendar.

    A national calendar (the budget calendar, a news timeline of the budget
    bill) leaves the responsible body of many steps to its reader (the
    Cabinet, the House, the Bureau of the Budget), so there it is a note.
    An event (``event: true``, an act coming into force) is no one's work.
    """
    calendar = context.calendar
    national = calendar is not None and calendar.scope is Scope.NATIONAL
    for step in context.steps:
        if not step.responsible and not step.event:
            yield Issue(
                f"{step.id} has no one responsible; name an agency or committee in `responsible`",
                f"{step.id} ไม่มีหน่วยงานรับผิดชอบ",
                steps=(step.id,),
                severity=Severity.INFO if national else None,
            )


def _corrections(context: Context) -> Iterator[tuple[str, Correction, str | None]]:
    """(where, correction, step id or None) for every correction recorded in the data.

    The records are walked in the order of their fields, but only along the
    fields that can hold a correction (``_fields_to_walk``), and a path
    (``calendar.steps[3].corrections[0]``) is written only for a correction
    found: a calendar of 100,000 steps without corrections costs one look at
    each step's ``corrections``.
    """
    if context.document is not None:
        root: object = context.document
        name = "document"
    elif context.calendar is not None:
        root, name = context.calendar, "calendar"
    else:
        return
    found: list[tuple[str, Correction, str | None]] = []
    _walk(root, [name], None, found)
    yield from found


def _walk(
    value: object,
    path: list[str],
    step: str | None,
    found: list[tuple[str, Correction, str | None]],
) -> None:
    if isinstance(value, Correction):
        found.append(("".join(path), value, step))
        return
    if isinstance(value, tuple):
        kind: type | None = None
        names: tuple[str, ...] = ()
        for i, item in enumerate(value):
            if type(item) is not kind:
                if isinstance(item, str | int | float | bool):
                    return  # a tuple of plain values (the model's tuples hold one kind)
                kind = type(item)
                names = _fields_to_walk(kind)
                walked = isinstance(item, Correction) or bool(names)
            if not walked:
                continue
            # a record whose fields to walk are all empty needs no call (most steps)
            if names and _empty(item, names):
                continue
            path.append(f"[{i}]")
            _walk(item, path, step, found)
            path.pop()
        return
    names = _fields_to_walk(type(value))
    if not names:
        return
    if isinstance(value, Step):
        step = value.id
    for field in names:
        item = getattr(value, field)
        if item is None or item == ():
            continue
        path.append(f".{field}")
        _walk(item, path, step, found)
        path.pop()


def _empty(record: object, names: tuple[str, ...]) -> bool:
    for name in names:
        value = getattr(record, name)
        if value is not None and value != ():
            return False
    return True


_WALKED: dict[type, tuple[str, ...]] = {}


def _fields_to_walk(cls: type) -> tuple[str, ...]:
    """The fields of a record class that may hold a correction, worked out once a class."""
    names = _WALKED.get(cls)
    if names is None:
        names = _WALKED[cls] = _fields_of(cls)
    return names


def _fields_of(cls: type) -> tuple[str, ...]:
    """The fields of a record class that may hold a correction, in order; () for any other type.

    Read from the fields' annotations: a field of plain values (``str``,
    ``int``, a date, a period, an enum, a tuple of those) holds none.
    """
    if not attrs.has(cls):
        return ()
    if cls in _VISITING:  # a record that holds its own kind: walk it all
        return tuple(f.name for f in attrs.fields(cls))
    _VISITING.add(cls)
    try:
        return _walked_fields(cls)
    finally:
        _VISITING.discard(cls)


_VISITING: set[type] = set()


def _walked_fields(cls: type) -> tuple[str, ...]:
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):  # an annotation that cannot be resolved: walk every field
        hints = {}
    return tuple(
        field.name
        for field in attrs.fields(cls)
        if not field.metadata.get("derived") and _may_hold(hints.get(field.name, object))
    )


def _may_hold(annotation: object) -> bool:
    """Whether a value of this annotation may be or hold a Correction."""
    arguments = typing.get_args(annotation)
    if arguments:
        return any(_may_hold(argument) for argument in arguments if argument is not Ellipsis)
    if annotation is Correction or annotation is object:
        return True
    if not isinstance(annotation, type):
        return True  # not a class we can reason about
    return attrs.has(annotation) and bool(_fields_to_walk(annotation))


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
