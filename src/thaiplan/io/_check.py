"""Plain values checked against the model's records, and the references between them.

The passes of loading are described in :mod:`thaiplan.io._files`.
"""

from __future__ import annotations

import difflib
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Final, Union

import attrs
import cattrs

from thaiplan.dates import Period, parse_period
from thaiplan.errors import ThaiDateError, ThaiplanError
from thaiplan.io._convert import _converter, _derived
from thaiplan.io._limits import MAX_DAYS, MAX_YEAR, MIN_YEAR
from thaiplan.io._reader import (
    _BAD,
    Path_,
    _Reader,
)
from thaiplan.model._close import CloseNames
from thaiplan.model._dependencies import _duration_span
from thaiplan.model._letters import LetterNumber
from thaiplan.model._scope import given_years
from thaiplan.model._steps import Dependency, Step

# -- 3. check plain values against the model ------------------------------------------

# The origin and arguments of each type checked (typing.get_origin, get_args), once each.
_SHAPES: dict[Any, tuple[Any, tuple[Any, ...]]] = {}


@typing.no_type_check
def _check(reader: _Reader, value: Any, kind: Any, path: Path_) -> bool:
    """Check ``value`` against the type ``kind``; report problems; True when clean."""
    if value is _BAD:
        return False
    if kind is str and type(value) is str:
        return True  # the most common case, first
    shape = _SHAPES.get(kind)
    if shape is None:
        shape = _SHAPES[kind] = (typing.get_origin(kind), typing.get_args(kind))
    origin = shape[0]
    if origin in (Union, types.UnionType):
        options = shape[1]
        if value is None and type(None) in options:
            return True
        options = [option for option in options if option is not type(None)]
        if len(options) == 1:
            return _check(reader, value, options[0], path)
        return True
    if origin is tuple:
        args = shape[1]
        if len(args) == 2 and args[1] is Ellipsis:
            if isinstance(value, str) and args[0] is str:
                return True
            if not isinstance(value, list):
                reader.problem(
                    path,
                    f"expected a list, found {_describe(value)}",
                    message_th=f"ต้องเป็นรายการ (list) แต่พบ{_describe_th(value)}",
                )
                return False
            results = [
                _check(reader, item, args[0], (*path, index)) for index, item in enumerate(value)
            ]
            return all(results)
        if not isinstance(value, list) or len(value) != len(args):
            reader.problem(path, f"expected a list of {len(args)} values, found {_describe(value)}")
            return False
        return all(
            _check(reader, item, arg, (*path, index))
            for index, (item, arg) in enumerate(zip(value, args, strict=True))
        )
    if kind is str:
        if isinstance(value, str):
            return True
        hint = f"; quote it: '{value}'" if isinstance(value, int | float) else ""
        reader.problem(
            path,
            f"expected text, found {_describe(value)}{hint}",
            message_th=f"ต้องเป็นข้อความ แต่พบ{_describe_th(value)}",
        )
        return False
    if kind is bool:
        if isinstance(value, bool):
            return True
        reader.problem(
            path,
            f"expected true or false, found {_describe(value)}",
            message_th=f"ต้องเป็น true หรือ false แต่พบ{_describe_th(value)}",
        )
        return False
    if kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return True
        reader.problem(
            path,
            f"expected a whole number, found {_describe(value)}",
            message_th=f"ต้องเป็นจำนวนเต็ม แต่พบ{_describe_th(value)}",
        )
        return False
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        allowed = [member.value for member in kind]
        if value in allowed:
            return True
        close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        reader.problem(
            path,
            f"{value!r} is not one of {', '.join(map(repr, allowed))}{hint}",
        )
        return False
    if kind is Period:
        return _check_text(reader, value, path, parse_period)
    if kind is LetterNumber:
        return _check_text(reader, value, path, LetterNumber.parse)
    if kind is Dependency and isinstance(value, str):
        return True  # a bare step id: the dependency with no lag
    if attrs.has(kind):
        return _check_record(reader, value, kind, path)
    return True


def _check_text(reader: _Reader, value: Any, path: Path_, parse: Callable[[str], Any]) -> bool:
    if not isinstance(value, str):
        reader.problem(path, f"expected text, found {_describe(value)}")
        return False
    if reader.fast:
        # A fast reader reads the same dates again and again: each text once.
        seen = reader.parsed.setdefault(parse, {})
        if value in seen:
            return True
    try:
        result = parse(value)
    except ThaiDateError as error:
        reader.problem(path, str(error), offset=error.position)
        return False
    except ThaiplanError as error:
        reader.problem(path, str(error))
        return False
    except (ValueError, OverflowError) as error:  # a parser that fails in Python's words
        if "digits" in str(error):
            reader.problem(
                path,
                "cannot be read: a number in it has more digits than Python reads (4,300)",
                message_th="อ่านไม่ได้ เพราะมีตัวเลขยาวเกินกว่าที่ Python อ่านได้ (4,300 หลัก)",
            )
        else:
            reader.problem(path, f"cannot be read: {error}")
        return False
    if reader.fast:
        seen[value] = result
    return True


# The numbers that count days or name years, bounded at the file so that no
# date computed from them leaves the range of dates (see thaiplan.io._limits).
_BOUNDS: Final[dict[tuple[str, str], tuple[int | None, int, str, str]]] = {
    ("Step", "duration"): (None, MAX_DAYS, "a duration", "ระยะเวลา"),
    ("Dependency", "lag"): (None, MAX_DAYS, "a lag", "ระยะรอ (lag)"),
    ("Dependency", "within"): (None, MAX_DAYS, "a most gap (within)", "ระยะไม่เกิน (within)"),
    ("PlanningCalendar", "fiscal_year"): (None, MAX_YEAR, "a fiscal year", "ปีงบประมาณ"),
    ("PlanningCalendar", "gantt_year"): (MIN_YEAR, MAX_YEAR, "a year", "ปี"),
    ("Plan", "fiscal_year"): (MIN_YEAR, MAX_YEAR, "a fiscal year", "ปีงบประมาณ"),
    ("Plan", "years"): (MIN_YEAR, MAX_YEAR, "a year", "ปี"),
}


def _check_bound(reader: _Reader, value: Any, bound: tuple[Any, ...], path: Path_) -> bool:
    low, high, what, what_th = bound
    if isinstance(value, list):
        results = [_check_bound(reader, item, bound, (*path, i)) for i, item in enumerate(value)]
        return all(results)
    if not isinstance(value, int) or isinstance(value, bool):
        return True
    if high == MAX_DAYS and value > high:
        reader.problem(
            path,
            f"{what} of {value:,} days is longer than a century ({MAX_DAYS:,} days);"
            " durations and lags are counted in days",
            message_th=f"{what_th} {value:,} วัน ยาวเกินหนึ่งศตวรรษ ({MAX_DAYS:,} วัน)"
            " ระยะเวลาและระยะรอนับเป็นวัน",
        )
        return False
    if high == MAX_YEAR and (value > high or (low is not None and value < low)):
        reader.problem(
            path,
            f"{what} is a Buddhist-Era year from {MIN_YEAR} to {MAX_YEAR} (CE 1857-9999),"
            f" not {value:,}",
            message_th=f"{what_th}ต้องเป็นปีพุทธศักราช {MIN_YEAR} ถึง {MAX_YEAR} ไม่ใช่ {value:,}",
        )
        return False
    return True


@typing.no_type_check
def _check_record(reader: _Reader, value: Any, cls: type, path: Path_) -> bool:
    name = cls.__name__
    if not isinstance(value, dict):
        reader.problem(
            path,
            f"expected a mapping (a {name}), found {_describe(value)}",
            message_th=f"ต้องเป็นการจับคู่ (mapping) ของ {name} แต่พบ{_describe_th(value)}",
        )
        return False
    fields, allowed = _fields(cls)
    ok = True
    for key in value:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            if key in fields:
                hint = f"; {key} is worked out from the other keys"
            reader.problem(
                (*path, key),
                f"unknown key {key!r} in a {name}{hint}",
                at_key=True,
                message_th=f"ไม่รู้จักกุญแจ {key!r} ใน {name}{hint}",
            )
            ok = False
    skip: tuple[str, ...] = ()
    if cls is Step:
        skip = _step_texts(reader, value, path)
        ok = ok and "" not in skip
    for field_name in allowed:
        if field_name in skip:
            continue
        field = fields[field_name]
        if field_name not in value:
            required = field.metadata.get("required")  # a key some records need, others not
            if field.default is attrs.NOTHING or (required is not None and required(value)):
                reader.problem(
                    path,
                    f"a {name} needs the key {field_name!r}",
                    message_th=f"{name} ต้องมีกุญแจ {field_name!r}",
                )
                ok = False
            continue
        here = (*path, field_name)
        item = value[field_name]
        parser = field.metadata.get("parse")
        if parser is parse_period and _is_year(value.get("year")):
            parser = period_parser(value["year"])  # a step's dates written without a year
        if field.metadata.get("code") and isinstance(item, int) and not isinstance(item, bool):
            continue  # an official code may be written as a number
        items_parser = field.metadata.get("parse_items")
        bound = _BOUNDS.get((name, field_name))
        if bound is not None and not _check_bound(reader, item, bound, here):
            ok = False
            continue
        if parser is not None and isinstance(item, str) and (item or field_name != "when"):
            ok = _check_text(reader, item, here, parser) and ok
        elif items_parser is not None and isinstance(item, str):
            ok = _check_text(reader, item, here, items_parser) and ok  # a list of one
        elif (
            items_parser is not None
            and isinstance(item, list)
            and _check(reader, item, field.type, here)
        ):
            results = [
                _check_text(reader, part, (*here, index), items_parser)
                for index, part in enumerate(item)
            ]
            ok = all(results) and ok
        else:
            ok = _check(reader, item, field.type, here) and ok
    if ok and not reader.fast:  # a fast reader structures the whole file at the end
        try:
            _converter().structure(value, cls)
        except Exception as error:  # every record's own validators, reported in place
            message = _validator_message(error)
            named = _FIELD_IN_MESSAGE.match(message)
            field_name = next((g for g in named.groups() if g), "") if named else ""
            reader.problem((*path, field_name) if field_name in value else path, message)
            return False
    return ok


def _is_year(value: object) -> bool:
    """Whether a raw value is a Buddhist-Era year that dates can be read in."""
    return isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= MAX_YEAR


@functools.cache
def period_parser(year: int) -> Callable[[str], Period]:
    """:func:`~thaiplan.dates.parse_period` with ``year``: one function a year, for the caches."""
    return functools.partial(parse_period, year=year)


def give_years(calendar: dict[str, Any], *, copy: bool = False) -> dict[str, Any]:
    """Give each step of a calendar's raw values the year the calendar gives it, as the model does.

    A step's ``when`` written without a year is read in the calendar's
    ``year``, or (in a standing calendar) in the year its placement rule gives;
    a step that writes its own ``year`` keeps it. Values that are not what
    they should be are left for the checks to report. With ``copy``, the
    values given are left as they are and the calendar returned is a copy.
    """
    year, recurs, fiscal = calendar.get("year"), calendar.get("recurs"), calendar.get("fiscal_year")
    if not (_is_year(year) or recurs == "yearly"):
        return calendar
    if fiscal is not None and not _is_year(fiscal):
        return calendar
    steps = calendar.get("steps")
    if not isinstance(steps, list):
        return calendar
    if copy:
        steps = [dict(step) if isinstance(step, dict) else step for step in steps]
        calendar = {**calendar, "steps": steps}
    whens = [step.get("when") if isinstance(step, dict) else None for step in steps]
    given = given_years(whens, year=year, recurs=recurs, fiscal_year=fiscal)
    for step, its_year in zip(steps, given, strict=True):
        if isinstance(step, dict) and "year" not in step and _is_year(its_year):
            step["year"] = its_year
    return calendar


_FIELDS: dict[type, tuple[dict[str, Any], list[str]]] = {}


def _fields(cls: type) -> tuple[dict[str, Any], list[str]]:
    """The fields of a record by name, and the names a file may write (not the derived ones)."""
    known = _FIELDS.get(cls)
    if known is None:
        fields = {field.name: field for field in attrs.fields(attrs.resolve_types(cls))}
        written = [f for f in fields if not _derived(fields[f])]
        # a field written under another's key (Step.duration_text as `duration`)
        written = [f for f in written if not fields[f].metadata.get("written_as")]
        known = _FIELDS[cls] = (fields, written)
    return known


def _step_texts(reader: _Reader, step: dict[str, Any], path: Path_) -> tuple[str, ...]:
    """Check a step's keys that may be written as text or left empty; the keys checked.

    ``when`` may be absent, empty or null (a step the document gives no date);
    ``duration`` may be the count of days as the document writes it, which
    becomes the step's ``duration_text`` (the converter moves it there). The
    keys returned are checked already; ``""`` among them says a problem was
    reported. The values are left as they are: the same checks run on what
    is about to be written.
    """
    checked: tuple[str, ...] = ("when",) if "when" in step and step["when"] is None else ()
    written = step.get("duration")
    if not isinstance(written, str):
        return checked
    try:
        _duration_span(written)
    except ThaiplanError as error:
        reader.problem(
            (*path, "duration"),
            f"{error}".replace("Step.duration ", "", 1),
            message_th=(
                "ระยะเวลาต้องเป็นจำนวนวัน (จำนวนเต็ม) หรือจำนวนวันตามที่เอกสารเขียน"
                f" (๑๕ วัน, ไม่น้อยกว่าสามสิบวัน, ๑๐ วันทำการ) ไม่ใช่ {written!r}"
            ),
        )
        return (*checked, "duration", "")
    return (*checked, "duration")


# How attrs' validators ('duration' must be >= 1) and thaiplan's own
# (Step.id must be ...) name the field they reject.
_FIELD_IN_MESSAGE: Final = re.compile(r"^(?:'(\w+)'|\w+\.(\w+) must)")


def _validator_message(error: BaseException) -> str:
    if isinstance(error, cattrs.BaseValidationError):
        leaves = [str(leaf) for leaf in _leaves(error)]
        return "; ".join(leaves) or str(error)
    return str(error)


def _leaves(error: BaseException) -> Iterator[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        for child in error.exceptions:
            yield from _leaves(child)
    else:
        yield error


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return f"{value!r}"


def _describe_th(value: Any) -> str:
    """:func:`_describe` in Thai, after "แต่พบ"."""
    if value is None:
        return "ค่าว่าง"
    if isinstance(value, bool):
        return f" true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "การจับคู่ (mapping)"
    if isinstance(value, list):
        return "รายการ (list)"
    if isinstance(value, int | float):
        return f"ตัวเลข {value!r}"
    return f" {value!r}"


# -- 4. references ----------------------------------------------------------------------


def _check_references(reader: _Reader, data: dict[str, Any], base: Path_) -> None:
    """Duplicate ids, and references that name nothing, in a calendar mapping."""

    def ids(key: str) -> dict[str, Path_]:
        seen: dict[str, Path_] = {}
        for index, item in enumerate(_items(data.get(key))):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            here = (*base, key, index, "id")
            if item["id"] in seen:
                first = reader.marks.get(seen[item["id"]], (None, None))[0]
                reader.problem(
                    here,
                    f"duplicate id {item['id']!r} (first used on line {first}); ids are unique",
                )
            else:
                seen[item["id"]] = here
        return seen

    steps = ids("steps")
    phases = ids("phases")
    committees = ids("committees")
    agencies = ids("agencies")
    for shared in agencies.keys() & committees.keys():
        reader.problem(
            committees[shared],
            f"the id {shared!r} names an agency and a committee; agencies and committees"
            " share one set of ids, since steps name either as responsible",
        )
    parties = {**agencies, **committees}
    plans = ids("plans")
    _check_names(reader, data, base, "agencies", {"parent": parties, "members": parties})
    _check_names(
        reader,
        data,
        base,
        "committees",
        {"parent": committees, "members": parties, "secretariat": parties},
    )
    _check_names(reader, data, base, "plans", {"owner": parties, "consistent_with": plans})
    close_steps, close_parties = CloseNames(steps), CloseNames(parties)  # read when first asked
    for index, step in enumerate(_items(data.get("steps"))):
        if not isinstance(step, dict):
            continue
        here = (*base, "steps", index)
        phase = step.get("phase")
        if isinstance(phase, str) and phases and phase not in phases:
            reader.problem(
                (*here, "phase"),
                f"unknown phase {phase!r}{_nearest(phase, phases)}",
                message_th=f"ไม่รู้จักระยะ (phase) {phase!r}{_nearest(phase, phases)}",
            )
        linked = [("after", p, i) for p, i in enumerate(_items(step.get("after")))]
        linked += [("before", p, i) for p, i in enumerate(_items(step.get("before")))]
        for key, position, item in linked:
            target = item.get("step") if isinstance(item, dict) else item
            where = (*here, key, position) + (("step",) if isinstance(item, dict) else ())
            if isinstance(target, str) and target not in steps:
                calendar_name, colon, other_step = target.rpartition(":")
                if colon and calendar_name and other_step:
                    continue  # another calendar's step (budget-2563:s1): checked with it
                hint = _nearest(target, steps, close_steps)
                reader.problem(
                    where,
                    f"unknown step {target!r}{hint}",
                    message_th=f"ไม่รู้จักขั้นตอน {target!r}{hint}",
                )
            elif target == step.get("id"):
                reader.problem(where, f"step {target!r} cannot come {key} itself")
        responsible = step.get("responsible")
        for position, party in enumerate(
            [responsible] if isinstance(responsible, str) else _items(responsible)
        ):
            if isinstance(party, str) and party not in parties:
                reader.problem(
                    (*here, "responsible", position),
                    f"unknown agency or committee {party!r}{_nearest(party, parties, close_parties)};"
                    " define it under agencies: or committees:",
                )


def _items(value: Any) -> list[Any]:
    """``value`` if it is a list, else no items (a wrong value is reported by the checks)."""
    return value if isinstance(value, list) else []


def _check_names(
    reader: _Reader,
    data: dict[str, Any],
    base: Path_,
    key: str,
    references: dict[str, dict[str, Path_]],
) -> None:
    """Check that the id-valued keys of each record of ``data[key]`` name something."""
    records = data.get(key)
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not isinstance(record, dict):
            continue
        for field, known in references.items():
            value = record.get(field)
            names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
            for position, name in enumerate(names):
                if not isinstance(name, str) or name in known:
                    continue
                where = (*base, key, index, field) + (
                    (position,) if isinstance(value, list) else ()
                )
                reader.problem(
                    where, f"{field} names {name!r}, which is not defined{_nearest(name, known)}"
                )


def _check_document_references(reader: _Reader, data: dict[str, Any]) -> None:
    """Actions and recipients of a document name steps and parties of its calendar."""
    calendar = data.get("calendar") if isinstance(data.get("calendar"), dict) else {}
    assert isinstance(calendar, dict)

    def known(key: str) -> dict[str, Path_]:
        items = calendar.get(key)
        return {
            item["id"]: ()
            for item in (items if isinstance(items, list) else [])
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        }

    steps = known("steps")
    parties = {**known("agencies"), **known("committees")}
    meeting = data.get("meeting")
    agenda = meeting.get("agenda") if isinstance(meeting, dict) else None
    for i, item in enumerate(agenda if isinstance(agenda, list) else []):
        resolutions = item.get("resolutions") if isinstance(item, dict) else None
        for j, resolution in enumerate(resolutions if isinstance(resolutions, list) else []):
            if isinstance(resolution, dict):
                base: Path_ = ("meeting", "agenda", i, "resolutions", j)
                _check_names(reader, resolution, base, "actions", {"who": parties, "step": steps})
    letter = data.get("letter")
    distribution = letter.get("distribution") if isinstance(letter, dict) else None
    if isinstance(distribution, dict):
        _check_names(
            reader, distribution, ("letter", "distribution"), "recipients", {"agency": parties}
        )


def _nearest(name: str, known: dict[str, Any], close: CloseNames | None = None) -> str:
    """The hint for ``name``, not one of ``known``; ``close`` when many names are asked of them."""
    answer = (close or CloseNames(known)).closest(name)
    if answer is not None:
        return f"; did you mean {answer!r}?"
    if not known:
        return "; none are defined"
    if len(known) <= 12:
        return f"; the file defines {', '.join(map(repr, known))}"
    return ""
