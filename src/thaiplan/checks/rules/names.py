"""Rules on names against the official lists thaiplan ships: central agencies and DOPA codes.

- ``outdated-agency-name``: a central agency written by a name it no longer has
  (the list in ``data/reference/agencies.yaml`` gives each former name and the
  year the next one took over), in a document dated after that year;
- ``central-agency-name``: a central agency's name that is in no form on the
  list but close to a name that is (a misspelling); a name that names a
  province (a provincial office, สำนักงาน…จังหวัด…) is not judged, since the list
  holds central agencies only, nor one that holds a listed name whole beside
  words of its own (a part of a listed agency:
  สำนักงานปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม is not a misspelt
  กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม); one or two letters beside a listed name
  are a slip, and judged (กรมบัญชีกลางง);
- ``dopa-code``: an agency's DOPA code against its name and the calendar's
  province (``data/reference/dopa-codes.yaml``: every province and district;
  a longer code is not judged, and the finding says so).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterator
from typing import Final

from thaiplan.checks._registry import Context, Issue, Severity, rule
from thaiplan.checks.rules._common import _squeezed
from thaiplan.checks.rules._reference import (
    CentralAgency,
    DopaCodes,
    central_agencies,
    dopa_codes,
)
from thaiplan.checks.rules._round import stated_start
from thaiplan.dates import to_arabic_digits, to_thai_digits
from thaiplan.dates._text import BE_OFFSET
from thaiplan.model._organisations import Agency, AgencyKind


def _texts(context: Context) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(where, steps, text) for every name and title a calendar or document writes."""
    calendar = context.calendar
    if calendar is not None:
        for agency in calendar.agencies:
            for name in agency.names:
                yield f"agencies.{agency.id}", (), name
        for committee in calendar.committees:
            for name in committee.names:
                yield f"committees.{committee.id}", (), name
        for plan in calendar.plans:
            yield f"plans.{plan.id}", (), plan.name
        for step in calendar.steps:
            yield f"steps.{step.id}.title", (step.id,), step.title
    document = context.document
    if document is not None:
        for plan in document.plans:
            yield f"document.plans.{plan.id}", (), plan.name
        letter = document.letter
        if letter is not None:
            yield "letter.subject", (), letter.subject
            if letter.distribution is not None:
                for i, recipient in enumerate(letter.distribution.recipients):
                    yield f"letter.distribution.recipients[{i}]", (), recipient.name


def _dated(context: Context) -> tuple[dt.date, str] | None:
    """The day the document speaks from, and what it is: the letter's date, else the first step's."""
    document = context.document
    if document is not None and document.letter is not None and document.letter.date is not None:
        return document.letter.date, "the letter's date"
    days = [day for step in context.steps if (day := stated_start(step)) is not None]
    return (min(days), "its first step") if days else None


@rule(
    "outdated-agency-name",
    severity="warning",
    description="central agencies are named by the names they had at the document's date",
)
def _outdated_names(context: Context) -> Iterator[Issue]:
    dated = _dated(context)
    if dated is None:
        return
    day, what = dated
    year = day.year + BE_OFFSET
    names, pattern = _known_names()
    for where, steps, text in _texts(context):
        # the names in the text, leftmost and longest first (a name inside a longer one is not it)
        for match in pattern.finditer(_squeezed(text)):
            agency, written, until = names[match.group(0)]
            if not until or until >= year:
                continue
            yield Issue(
                f"{where}: {written!r} is the name that {agency.name} had until {until}; the"
                f" document is of {year} ({what}, {day.isoformat()}): write {agency.name!r}",
                f"{where}: '{written}' เป็นชื่อเดิมที่ใช้ถึงปี พ.ศ. {to_thai_digits(until)}"
                f" เอกสารนี้เป็นของปี พ.ศ. {to_thai_digits(year)} ให้ใช้ชื่อปัจจุบัน '{agency.name}'",
                steps=steps,
                objects=() if steps else (where,),
            )


@functools.cache
def _known_names() -> tuple[dict[str, tuple[CentralAgency, str, int]], re.Pattern[str]]:
    """Every name of the list, without spaces: (agency, name as listed, year it was replaced or 0)."""
    names: dict[str, tuple[CentralAgency, str, int]] = {}
    for agency in central_agencies():
        for name, until in (*agency.former, (agency.name, 0)):
            names[_squeezed(name)] = (agency, name, until)
    alternatives = sorted(names, key=len, reverse=True)
    return names, re.compile("|".join(re.escape(name) for name in alternatives))


#: The words an official agency name starts with; other names (หน่วยงานส่วนกลาง) are not judged.
_OFFICIAL_PREFIXES: Final = ("กระทรวง", "กรม", "สำนักงาน", "สำนัก")

#: A name with this word names a province: a provincial office, which the list of central agencies
#: does not hold (สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด is not a misspelt กรมส่งเสริมการปกครองท้องถิ่น).
_PROVINCIAL: Final = "จังหวัด"


@functools.cache
def _central_forms() -> tuple[frozenset[str], dict[str, str], tuple[str, ...]]:
    """The list's names without spaces: every form, the current names, the full names."""
    agencies = central_agencies()
    forms = frozenset(
        _squeezed(name)
        for agency in agencies
        for name in (agency.name, *agency.abbreviations, *(n for n, _ in agency.former))
    )
    current = {_squeezed(agency.name): agency.name for agency in agencies}
    whole = tuple(
        _squeezed(name)
        for agency in agencies
        for name in (agency.name, *(n for n, _ in agency.former))
    )
    return forms, current, whole


#: The letters of a Thai word (consonants, vowels, tone marks), not ฯ, ๆ or Thai digits.
_LETTER: Final = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4d]")

#: At most this many letters besides a listed name are a slip of the keyboard, not another word:
#: no word that makes a part of an agency (สำนักงานปลัด…, กอง…) or names its ministry is so short.
_SLIP: Final = 2


def _holds_whole(name: str, whole: tuple[str, ...]) -> bool:
    """Whether ``name`` holds a listed name whole with words of its own beside it.

    >>> whole = ("กรมบัญชีกลาง",)
    >>> _holds_whole("กรมบัญชีกลางกระทรวงการคลัง", whole)
    True
    >>> _holds_whole("กรมบัญชีกลางง", whole)  # one letter more: a misspelling, judged as one
    False
    >>> _holds_whole("กรมบัญชีกลางฯ", whole)
    True
    """
    for listed in whole:
        at = name.find(listed)
        if at >= 0:
            rest = name[:at] + name[at + len(listed) :]
            if len(_LETTER.findall(rest)) > _SLIP or not _LETTER.search(rest):
                return True
    return False


@rule(
    "central-agency-name",
    severity="warning",
    description="a central agency's name is spelt as on the official list",
)
def _central_agency_names(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    forms, current, whole = _central_forms()
    for agency in calendar.agencies:
        if agency.kind is not AgencyKind.CENTRAL_AGENCY:
            continue
        name = _squeezed(agency.name)
        if name in forms or not name.startswith(_OFFICIAL_PREFIXES) or _PROVINCIAL in name:
            continue
        if _holds_whole(name, whole):
            continue  # a part of a listed agency, or the agency and more words: not a misspelling
        close = difflib.get_close_matches(name, list(current), n=1, cutoff=0.85)
        if close:
            meant = current[close[0]]
            yield Issue(
                f"agencies.{agency.id}: {agency.name!r} is not the official name of a central"
                f" agency; did you mean {meant!r}?",
                f"agencies.{agency.id}: '{agency.name}' ไม่ใช่ชื่อทางการของหน่วยงานส่วนกลาง"
                f" ชื่อที่ถูกต้องน่าจะเป็น '{meant}'",
                objects=(f"agencies.{agency.id}",),
            )


def _districts_named(name: str, codes: DopaCodes) -> list[str]:
    """The official district names a name mentions after อำเภอ (or a Bangkok เขต).

    A name counts only as a whole word: followed by the end, a space or a sign, or
    by จังหวัด (``อำเภอกะทู้แม่แบน`` mentions no district, not Phuket's กะทู้).
    """
    found: list[str] = []
    for prefix, keep in (("อำเภอ", False), ("เขต", True)):
        start = name.find(prefix)
        while start >= 0:
            rest = name[start + (0 if keep else len(prefix)) :].lstrip()
            matches = [
                n
                for n in codes.district_codes
                if rest.startswith(n)
                and (
                    len(rest) == len(n)
                    or not _THAI.match(rest[len(n)])
                    or rest[len(n) :].startswith("จังหวัด")
                )
            ]
            if matches:
                found.append(max(matches, key=len))
            start = name.find(prefix, start + 1)
    return found


_THAI: Final = re.compile("[\u0e01-\u0e4e]")


def _province_named(name: str, codes: DopaCodes) -> str | None:
    """The code of the province a name mentions as จังหวัด<name> (or กรุงเทพมหานคร)."""
    text = _squeezed(name)
    best: tuple[int, str] | None = None
    for code, province in codes.provinces.items():
        named = f"จังหวัด{province}" in text or (code == "10" and province in text)
        if named and (best is None or len(province) > best[0]):
            best = (len(province), code)
    return best[1] if best else None


def _where(code: str, codes: DopaCodes) -> str:
    district = codes.districts.get(code)
    province = codes.provinces.get(code[:2], "?")
    if district is None:
        return f"จังหวัด{province}"
    shown = district if district.startswith("เขต") else f"อำเภอ{district}"
    return f"{shown} (จังหวัด{province})"


def _district_issue(agency: Agency, codes: DopaCodes, home: str | None) -> Issue | None:
    code = agency.code
    assert code is not None
    where = f"agencies.{agency.id}"
    if code not in codes.districts:
        return Issue(
            f"{where}: no district has the DOPA code {code!r}",
            f"{where}: ไม่มีอำเภอที่มีรหัส {code}",
            objects=(where,),
        )
    for district in _districts_named(agency.name, codes):
        own = codes.district_codes[district]
        if code in own:
            break
        meant = " or ".join(repr(c) for c in own)
        return Issue(
            f"{where}: {agency.name!r} has the DOPA code {code!r}, which is {_where(code, codes)};"
            f" {district} is {meant} ({', '.join(_where(c, codes) for c in own)}): write the code"
            f" {own[0]!r}" + ("" if len(own) == 1 else " or another of these"),
            f"{where}: รหัส {code} ของ '{agency.name}' เป็นรหัสของ {_where(code, codes)}"
            f" รหัสของ{district}คือ {', '.join(own)}",
            objects=(where,),
        )
    if home is not None and code[:2] != home:
        return Issue(
            f"{where}: the DOPA code {code!r} is {_where(code, codes)}, not a district of the"
            f" calendar's province, จังหวัด{codes.provinces[home]} (codes {home}xx)",
            f"{where}: รหัส {code} เป็นของ {_where(code, codes)} ไม่ใช่อำเภอในจังหวัด"
            f"{codes.provinces[home]} (รหัส {home}xx)",
            objects=(where,),
            severity=Severity.WARNING,
        )
    return None


@rule(
    "dopa-code",
    severity="error",
    description="an agency's DOPA code is the code of the province or district it names",
)
def _dopa_codes(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None:
        return
    coded = [agency for agency in calendar.agencies if agency.code is not None]
    if not coded:
        return
    codes = dopa_codes()
    home = codes.province_code(to_arabic_digits(calendar.province))
    unjudged: list[str] = []
    for agency in coded:
        code = agency.code
        assert code is not None
        where = f"agencies.{agency.id}"
        if len(code) == 2:
            named = _province_named(agency.name, codes)
            if code not in codes.provinces:
                yield Issue(
                    f"{where}: no province has the DOPA code {code!r}",
                    f"{where}: ไม่มีจังหวัดที่มีรหัส {code}",
                    objects=(where,),
                )
            elif named is not None and named != code:
                yield Issue(
                    f"{where}: {agency.name!r} has the DOPA code {code!r}, which is"
                    f" จังหวัด{codes.provinces[code]}; จังหวัด{codes.provinces[named]} is {named!r}",
                    f"{where}: รหัส {code} ของ '{agency.name}' เป็นรหัสของจังหวัด"
                    f"{codes.provinces[code]} รหัสของจังหวัด{codes.provinces[named]}คือ {named}",
                    objects=(where,),
                )
        elif len(code) == 4:
            issue = _district_issue(agency, codes, home)
            if issue is not None:
                yield issue
        else:
            unjudged.append(where)
    if unjudged:
        yield Issue(
            f"the DOPA codes of {', '.join(unjudged)} were not checked: thaiplan ships the codes"
            " of provinces (2 digits) and districts (4 digits) only",
            f"ไม่ได้ตรวจรหัสของ {', '.join(unjudged)}: thaiplan มีเฉพาะรหัสจังหวัด (๒ หลัก)"
            " และรหัสอำเภอ (๔ หลัก)",
            objects=tuple(unjudged),
            severity=Severity.INFO,
        )
