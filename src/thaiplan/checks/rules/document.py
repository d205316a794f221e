"""Rules on the document and its names: letters, attachments, official names, corrections."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any, Final

import attrs

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _en
from thaiplan.dates import (
    to_arabic_digits,
)
from thaiplan.model._records import Correction
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
