"""The one home of the hypothesis strategies of thaiplan's tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from thaiplan.dates import (
    Bound,
    Direction,
    FiscalYear,
    Period,
    PeriodKind,
    Recurrence,
    Span,
    SpanUnit,
    TimeRange,
)

#: Dates whose year every notation reads back (CE 1900-2200).
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))

#: Dates in the years the Thai holiday data covers.
holiday_covered_dates = st.dates(min_value=dt.date(1914, 1, 1), max_value=dt.date(2100, 12, 31))

#: Dates near the calendar's edges: fiscal-year turns, month ends, 29 February.
edge_dates = st.one_of(
    st.builds(lambda y: dt.date(y, 9, 30), st.integers(1900, 2200)),
    st.builds(lambda y: dt.date(y, 10, 1), st.integers(1900, 2200)),
    st.builds(lambda y: dt.date(y, 12, 31), st.integers(1900, 2200)),
    st.builds(lambda y: dt.date(y, 1, 1), st.integers(1900, 2200)),
    st.integers(475, 550)
    .map(lambda k: k * 4)
    .filter(lambda y: y % 100 != 0 or y % 400 == 0)
    .map(lambda y: dt.date(y, 2, 29)),
)

any_dates = st.one_of(dates, edge_dates)

#: Common-Era years and Buddhist-Era years over the whole range of datetime.date.
ce_years = st.integers(min_value=1, max_value=9999)
be_years = st.integers(min_value=544, max_value=10542)

#: Fiscal years whose every day reads back in every notation.
fiscal_years = st.integers(min_value=2444, max_value=2743).map(FiscalYear)

#: (CE year, month) pairs.
months = st.tuples(st.integers(1900, 2200), st.integers(1, 12))


#: Every date datetime.date holds (CE 1-9999): format_date writes each one
#: so that parse_date reads it back, or refuses it.
all_dates = st.one_of(
    st.dates(),
    st.sampled_from([dt.date.min, dt.date(456, 12, 31), dt.date(457, 1, 1), dt.date.max]),
)


@st.composite
def periods(draw: st.DrawFn, first_year: int = 1900, last_year: int = 2200) -> Period:
    """A period of any kind that thaiplan can write and read back.

    ``first_year`` and ``last_year`` bound its CE years (1900-2200 unless told).
    """
    day_strategy = (
        any_dates
        if (first_year, last_year) == (1900, 2200)
        else st.dates(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))
    )
    month_strategy = st.tuples(st.integers(first_year, last_year), st.integers(1, 12))
    kind = draw(
        st.sampled_from(
            [
                "day",
                "day_range",
                "month",
                "month_range",
                "deadline",
                "year",
                "year_range",
                "fiscal_year",
                "quarter",
            ]
        )
    )
    if kind == "day":
        return Period.day(draw(day_strategy))
    if kind == "day_range":
        first, second = sorted((draw(day_strategy), draw(day_strategy)))
        return Period.days(first, second)
    if kind == "month":
        year, month = draw(month_strategy)
        return Period.month(year, month)
    if kind == "month_range":
        first_month, second_month = sorted((draw(month_strategy), draw(month_strategy)))
        return Period.months(first_month, second_month)
    if kind == "deadline":
        return Period.deadline_of(draw(day_strategy))
    if kind == "year":
        year = draw(st.integers(first_year, last_year))
        return Period.years(year, year)
    if kind == "year_range":
        one, two = sorted(
            (draw(st.integers(first_year, last_year - 1)), draw(st.integers(first_year, last_year)))
        )
        return Period.years(one, max(two, one + 1))
    # Fiscal years from 2400 BE (CE 1856-1857) up to the last that datetime holds.
    lowest = max(2444 if first_year == 1900 else 2400, first_year + 544)
    highest = min(2743 if last_year == 2200 else 9999 + 543, last_year + 543)
    fiscal_year = FiscalYear(draw(st.integers(lowest, highest)))
    if kind == "fiscal_year":
        return fiscal_year.to_period()
    return fiscal_year.quarter(draw(st.integers(1, 4)))


#: Periods of every kind over the whole range of datetime.date.
all_periods = periods(1, 9999)


#: The words of an event a count of days is counted from, as documents write
#: them: Thai words, spaces, digits (kept verbatim), never spaces at either end.
anchors = st.one_of(
    st.sampled_from(
        [
            "วันที่ได้รับ",
            "วันประชุมสภาท้องถิ่น",
            "วันที่สภาผู้แทนราษฎรได้รับร่าง",
            "วันที่ 5 เม.ย. 67",
            "วันที่ได้รับหนังสือ ฉบับที่ ๓",
        ]
    ),
    st.lists(
        st.sampled_from(["วัน", "ที่", "ได้รับ", "ร่าง", "ประชุม", "สภา", "๑", "2", " "]),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .map(str.strip)
    .filter(bool),
)

_spans = st.builds(
    Span,
    st.integers(0, 10_000),
    st.sampled_from(list(SpanUnit)),
    st.sampled_from(list(Bound)),
)

#: Durations (``๑๕ วัน``) and periods counted from an event.
span_periods = st.one_of(
    _spans.map(lambda span: Period(PeriodKind.DURATION, None, None, span=span)),
    st.builds(
        lambda span, direction, anchor: Period(
            PeriodKind.RELATIVE,
            None,
            None,
            span=Span(span.amount, span.unit, span.bound, direction, anchor),
        ),
        _spans,
        st.sampled_from(list(Direction)),
        anchors,
    ),
)

#: Periods from a day on, with no end.
open_ended_periods = all_dates.map(Period.open_from)

#: Recurring periods of every rule format_period writes.
recurring_periods = st.one_of(
    st.builds(
        lambda day, each: Recurrence(f"FREQ=MONTHLY;BYMONTHDAY={day}", each),
        st.integers(1, 31),
        st.sampled_from([PeriodKind.DAY, PeriodKind.DEADLINE]),
    ),
    st.builds(
        lambda month, day, each, times: Recurrence(
            f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}", each, times
        ),
        st.integers(1, 12),
        st.integers(1, 28),
        st.sampled_from([PeriodKind.DAY, PeriodKind.DEADLINE]),
        st.none() | st.integers(1, 12),
    ),
    st.builds(
        lambda month, times: Recurrence(
            f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY=-1", PeriodKind.DEADLINE, times
        ),
        st.integers(1, 12),
        st.none() | st.integers(1, 12),
    ),
    st.builds(
        lambda month: Recurrence(f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY=1", PeriodKind.MONTH),
        st.integers(1, 12),
    ),
    st.just(Recurrence("FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1", PeriodKind.QUARTER)),
    st.just(Recurrence("FREQ=MONTHLY;BYMONTHDAY=1", PeriodKind.MONTH)),
).map(lambda recurrence: Period(PeriodKind.RECURRING, None, None, recurrence=recurrence))

_minutes = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
_time_ranges = st.one_of(
    st.builds(TimeRange, _minutes),
    st.builds(TimeRange, _minutes, _minutes),
    st.builds(lambda start: TimeRange(start, onward=True), _minutes),
)

#: Dated periods with a time of day.
timed_periods = st.builds(
    lambda period, times: attrs.evolve(period, times=times),
    st.one_of(periods(), open_ended_periods),
    _time_ranges,
)

#: Periods of every kind, marked approximate (ประมาณ).
approximate_periods = st.one_of(periods(), open_ended_periods, span_periods, recurring_periods).map(
    lambda period: attrs.evolve(period, approximate=True)
)


#: Text that looks like a date to a careless parser: Thai words, digits of
#: every script, separators, and invisible characters.
date_like_text = st.lists(
    st.sampled_from(
        [
            *"0123456789๐๑๒๓๔๕๖๗๘๙٠١٢٣٤٥٦٧٨٩ ./-–:,",
            *("\u00a0", "\u200b", "\u0e4d", "\u0e32", "ฏ"),
            *("เม.ย.", "เมษายน", "พ.ศ.", "ค.ศ.", "วันที่", "วันพุธที่", "ภายใน", "เดือน"),
            *("ปีงบประมาณ", "ไตรมาสที่", "ถึง", "ระหว่าง", "เวลา", "น.", "ม.ค.", "ก.พ."),
        ]
    ),
    max_size=12,
).map("".join)


# --- Added for test_text.py and test_workdays.py -------------------------------

_LAYOUT_PIECES: list[str] = [
    *"0123456789๐๑๒๓๔๕๖๗๘๙ ./-กขคนมรฏฎาำ",
    *["\u0e4d", "\u0e32", "\u0e48", "\u0e49", "\u0e4a", "\u0e4b"],  # nikhahit, sara aa, tones
    *["\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\n", "\r"],  # spaces
    *["\u2010", "\u2013", "\u2014", "\u2212", "\uff0d"],  # dashes
    *["กรกฏาคม", "กรกฎาคม", "น้ำ", "เม.ย.", "พ.ศ.", "ปฏิทิน", "  "],
]
_INVISIBLE_PIECES: list[str] = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]

#: Text full of what normalisation repairs: spaces of every kind, dashes,
#: decomposed sara am (with tone marks), กรกฏาคม, Thai digits, invisible characters.
layout_text = st.lists(st.sampled_from([*_LAYOUT_PIECES, *_INVISIBLE_PIECES]), max_size=16).map(
    "".join
)

#: The same, without zero-width characters and soft hyphens.
layout_text_visible = st.lists(st.sampled_from(_LAYOUT_PIECES), max_size=16).map("".join)

#: Dates a year or more inside the holiday data (1914-2100), so that counting
#: a few hundred working days either way stays inside it.
inner_holiday_dates = st.dates(min_value=dt.date(1916, 1, 1), max_value=dt.date(2098, 12, 31))

#: Dates within a few weeks of either end of the holiday data.
holiday_data_edge_dates = st.one_of(
    st.dates(min_value=dt.date(1913, 12, 1), max_value=dt.date(1914, 2, 28)),
    st.dates(min_value=dt.date(2100, 11, 1), max_value=dt.date(2101, 1, 31)),
)

#: Counts of working days, either way.
working_day_counts = st.integers(min_value=-60, max_value=60)


# -- the domain model -------------------------------------------------------------------

from thaiplan import (  # noqa: E402
    Agency,
    AgencyKind,
    Committee,
    Correction,
    Dependency,
    LagUnit,
    Level,
    Phase,
    PlanningCalendar,
    Scope,
    Step,
)
from thaiplan.dates import format_period  # noqa: E402
from thaiplan.model._scope import given_years  # noqa: E402

#: Words YAML 1.1 or 1.2 tools would read as something other than text.
TRICKY_WORDS = ["no", "yes", "on", "off", "true", "null", "~", "1e3", "0o17", "0x1f", "13:30"]
TRICKY_WORDS += ["2018-05-01", "-", "", " ", "#", "&a", "*a", "!tag", "@", "'", '"', "[x]", "{y}"]

#: Any text, Thai above all, with the words YAML tools misread and odd spacing.
texts = st.one_of(
    st.text(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=12),
    st.text(max_size=12),
    st.sampled_from(TRICKY_WORDS),
    st.builds(
        lambda a, b: f" {a}  {b} ", st.sampled_from(TRICKY_WORDS), st.sampled_from(TRICKY_WORDS)
    ),
)

#: Names of agencies, committees and plans: any text but an empty one (thaiplan refuses those).
names = texts.map(lambda text: text if text.strip() else f"ชื่อ{text}")

ids = st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True)
corrections = st.builds(Correction, st.sampled_from(["title", "name", "when"]), texts, texts, texts)


@st.composite
def calendars(
    draw: st.DrawFn, max_steps: int = 8, *, calendar_keys: bool = True
) -> PlanningCalendar:
    """A well-formed calendar: unique ids, references that resolve, acyclic ``after``.

    With ``calendar_keys`` (the default) it may have a ``scope`` without a
    province, a ``year`` with steps written without one, or be a standing
    calendar (a template or one year of it).
    """
    phase_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    party_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    step_ids = draw(st.lists(ids, min_size=1, max_size=max_steps, unique=True))
    phases = [Phase(pid, draw(texts), draw(texts)) for pid in phase_ids]
    agencies = [
        Agency(
            pid,
            draw(names),
            draw(st.sampled_from(list(AgencyKind))),
            draw(st.sampled_from(list(Level))),
            abbreviations=draw(st.lists(texts, max_size=2)),
            code=draw(st.none() | st.from_regex(r"[0-9]{2}(?:[0-9]{2})?", fullmatch=True)),
            corrections=draw(st.lists(corrections, max_size=1)),
        )
        for pid in party_ids[:-1]
    ]
    committees = [Committee(party_ids[-1], draw(names), draw(texts), count=draw(st.integers(1, 3)))]
    steps = []
    for index, sid in enumerate(step_ids):
        period = draw(periods())
        after = (
            [
                Dependency(
                    target,
                    draw(st.integers(0, 10)),
                    draw(st.sampled_from(list(LagUnit))),
                    draw(texts),
                )
                for target in draw(
                    st.lists(st.sampled_from(step_ids[:index]), unique=True, max_size=2)
                )
            ]
            if index
            else []
        )
        steps.append(
            Step(
                sid,
                draw(st.none() | st.integers(0, 99)),
                draw(st.sampled_from(phase_ids)),
                draw(texts),
                draw(
                    st.sampled_from(
                        [
                            format_period(period),
                            format_period(period, style="full", digits="arabic"),
                        ]
                    )
                ),
                gantt=draw(st.lists(st.sampled_from(["เม.ย.", "พ.ค.", "ต.ค. ๖๑"]), max_size=2)),
                responsible=draw(st.lists(st.sampled_from(party_ids), unique=True, max_size=2)),
                after=after,
                duration=draw(st.integers(1, 30)),
                meetings=draw(st.none() | st.integers(1, 5)),
                notes=draw(texts),
                corrections=draw(st.lists(corrections, max_size=1)),
            )
        )
    scope = draw(st.sampled_from(list(Scope))) if calendar_keys else Scope.PROVINCE
    provinces = ["สมุทรสาคร", "74", "เชียงใหม่"] + ([] if scope.needs_province else [""])
    keys = draw(st.sampled_from(["plain", "year", "standing"])) if calendar_keys else "plain"
    fiscal_year: int | None = draw(st.integers(2500, 2600))
    year = recurs = None
    if keys != "plain":
        # steps written without a year, read in the calendar's year or placed in its fiscal year
        whens = draw(st.lists(st.sampled_from(YEARLESS), min_size=1, max_size=3))
        if keys == "year":
            year = draw(st.integers(2500, 2600))
            own = [draw(st.none() | st.just(year + 1)) for _ in whens]
        else:
            recurs, fiscal_year = "yearly", draw(st.none() | st.just(fiscal_year))
            own = given_years(whens, year=None, recurs=recurs, fiscal_year=fiscal_year)
        for index, (when, its_year) in enumerate(zip(whens, own, strict=True)):
            steps.append(
                Step(
                    f"yearless-{index}",
                    None,
                    draw(st.sampled_from(phase_ids)),
                    draw(texts),
                    when,
                    year=its_year if its_year is not None else year,
                )
            )
    return PlanningCalendar(
        draw(texts),
        draw(st.sampled_from(provinces)),
        fiscal_year,
        phases,
        steps,
        agencies,
        committees,
        gantt_year=draw(st.none() | st.integers(2500, 2600)),
        source=draw(texts),
        notes=draw(texts),
        as_of=draw(st.sampled_from(["", "ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑", "4 เม.ย. 61", "2018-04-04"])),
        scope=scope,
        year=year,
        recurs=recurs,
    )


#: ``when`` texts written without a year, as real calendars write them.
YEARLESS = [
    "ภายในวันที่ ๑๕ สิงหาคม",
    "ภายใน 1 ตุลาคม",
    "ธ.ค. - ม.ค.",
    "วันที่ 22-24 พ.ย.",
    "(ภายในวันที่ ๑๕ สิงหาคม)",
    "๓๑ มี.ค.",
]


# --- Added for test_schedule.py and test_validate.py -------------------------------

from thaiplan.dates import Period as _Period  # noqa: E402

#: The days the random calendars of the scheduling tests live in (2018, the
#: seed's year, with Songkran and its substitute day).
schedule_days = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2018, 12, 31))


@st.composite
def windows(draw: st.DrawFn) -> Period:
    """A stated period of a step: one day, a span of days, a month, or a deadline."""
    kind = draw(st.sampled_from(["day", "days", "month", "deadline"]))
    first = draw(schedule_days)
    if kind == "day":
        return _Period.day(first)
    if kind == "days":
        last = first + dt.timedelta(days=draw(st.integers(1, 60)))
        return _Period.days(first, last)
    if kind == "month":
        return _Period.month(first.year, first.month)
    return _Period.deadline_of(first)


def window_step(
    step_id: str, period: Period, duration: int = 1, after: list[Dependency] | None = None
) -> Step:
    """A bare step with a stated period (written as thaiplan writes it) and a duration."""
    return Step(
        step_id,
        None,
        "p",
        "ขั้นตอน",
        format_period(period),
        period=period,
        after=after or [],
        duration=duration,
    )


@st.composite
def acyclic_calendars(
    draw: st.DrawFn,
    min_steps: int = 1,
    max_steps: int = 8,
    working_days: bool = True,
    as_of: bool = True,
    dated: bool = False,
) -> PlanningCalendar:
    """A calendar for scheduling: random windows, durations 1-10, acyclic edges.

    Edges run only from earlier to later steps, with lags of 0-5 calendar days
    or, when ``working_days``, sometimes 0-5 working days. When ``as_of``, the
    calendar sometimes states its own date (in Thai, a day of the same years);
    when ``dated``, always, so that no start is open.
    """
    count = draw(st.integers(min_steps, max_steps))
    units = [LagUnit.DAYS, LagUnit.WORKING_DAYS] if working_days else [LagUnit.DAYS]
    steps = []
    for index in range(count):
        before = draw(st.lists(st.integers(0, index - 1), unique=True, max_size=3)) if index else []
        after = [
            Dependency(f"s{j}", draw(st.integers(0, 5)), draw(st.sampled_from(units)))
            for j in before
        ]
        steps.append(window_step(f"s{index}", draw(windows()), draw(st.integers(1, 10)), after))
    day = draw(schedule_days if dated else st.one_of(st.none(), schedule_days)) if as_of else None
    written = "" if day is None else format_date(day, style="abbr")
    return PlanningCalendar("ปฏิทินทดสอบ", "สมุทรสาคร", 2563, steps=steps, as_of=written)


@st.composite
def cyclic_calendars(draw: st.DrawFn, max_steps: int = 8) -> PlanningCalendar:
    """A random acyclic calendar with a cycle planted in it.

    The cycle is the edges c0 -> c1 -> ... -> ck -> c0 through distinct steps
    (a self-loop when k = 0).
    """
    calendar = draw(acyclic_calendars(min_steps=1, max_steps=max_steps))
    ids = [step.id for step in calendar.steps]
    ring = draw(st.lists(st.sampled_from(ids), unique=True, min_size=1, max_size=len(ids)))
    closing = {b: a for a, b in zip(ring, [*ring[1:], ring[0]], strict=True)}
    steps = []
    for step in calendar.steps:
        after = list(step.after)
        if step.id in closing and closing[step.id] not in {d.step for d in after}:
            after.append(Dependency(closing[step.id], draw(st.integers(0, 5))))
        steps.append(
            Step(
                step.id,
                step.no,
                step.phase,
                step.title,
                step.when,
                period=step.period,
                after=after,
                duration=step.duration,
            )
        )
    return PlanningCalendar(
        calendar.title, calendar.province, calendar.fiscal_year, steps=steps, as_of=calendar.as_of
    )


# -- plans, meetings, letters and whole documents ------------------------------------------

from thaiplan import (  # noqa: E402
    Action,
    AgendaItem,
    AgendaKind,
    DistributionList,
    Enclosure,
    Letter,
    LetterNumber,
    Meeting,
    Order,
    Plan,
    PlanKind,
    PlanLevel,
    PlanningDocument,
    ProjectIdea,
    Recipient,
    Reference,
    Resolution,
    ResolutionKind,
)
from thaiplan.dates import format_date  # noqa: E402

#: Reference numbers of letters: a Thai code, an owner number, circular or not.
letter_numbers = st.builds(
    LetterNumber,
    st.sampled_from(["สค", "มท", "นร", "กค"]),
    st.from_regex(r"[0-9]{4}(\.[0-9])?", fullmatch=True),
    st.booleans(),
    st.integers(0, 99999),
)

#: Dates as letters write them (๕ เมษายน ๒๕๖๑), or nothing.
dated = st.one_of(st.just(""), dates.map(format_date))

orders = st.builds(Order, texts, dated, texts, texts)
plans = st.builds(
    Plan,
    ids,
    names,
    st.sampled_from(list(PlanKind)),
    st.sampled_from(list(PlanLevel)),
    owner=st.none() | ids,
    years=st.none() | st.integers(2400, 2700).map(lambda y: (y, y + 3)),
    fiscal_year=st.none() | st.integers(2400, 2700),
    consistent_with=st.lists(ids, max_size=2),
    revision=texts,
    aliases=st.lists(texts, max_size=2),
    notes=texts,
)
project_ideas = st.builds(ProjectIdea, texts, ids, st.sampled_from(list(PlanLevel)), st.booleans())
actions = st.builds(
    Action,
    texts,
    st.lists(ids, max_size=2),
    st.none() | periods().map(lambda p: Period.deadline_of(p)),
    st.none() | ids,
    texts,
)
resolutions = st.builds(
    Resolution, st.sampled_from(list(ResolutionKind)), texts, st.lists(actions, max_size=2)
)
agenda_items = st.builds(
    AgendaItem,
    st.from_regex(r"[1-5](\.[1-9])?", fullmatch=True),
    texts,
    st.sampled_from(list(AgendaKind)),
    st.lists(resolutions, max_size=2),
    texts,
    st.lists(corrections, max_size=1),
)
meetings = st.builds(
    Meeting,
    texts,
    st.builds(
        lambda day, hour, minute: (
            f"{format_date(day, weekday=True)} เวลา {hour:02d}.{minute:02d} น."
        ),
        dates,
        st.integers(0, 23),
        st.integers(0, 59),
    ),
    venue=texts,
    agenda=st.lists(agenda_items, max_size=3),
    notes=texts,
)
letters = st.builds(
    Letter,
    letter_numbers,
    issuer=texts,
    address=texts,
    dated=dated,
    subject=texts,
    references=st.lists(
        st.builds(Reference, texts, st.none() | letter_numbers, dated, urgency=texts), max_size=2
    ),
    enclosures=st.lists(
        st.builds(Enclosure, texts, st.none() | st.integers(1, 9), texts), max_size=2
    ),
    body=st.lists(texts, max_size=3),
    signatory=texts,
    owner_unit=st.lists(texts, max_size=2),
    distribution=st.none()
    | st.builds(
        DistributionList,
        texts,
        st.none() | letter_numbers,
        dated,
        subject=texts,
        recipients=st.lists(st.builds(Recipient, st.integers(1, 20), texts), max_size=3),
    ),
    corrections=st.lists(corrections, max_size=1),
)


@st.composite
def documents(draw: st.DrawFn) -> PlanningDocument:
    """A document whose actions and recipients name only what its calendar has."""
    calendar = draw(calendars(max_steps=4))
    steps = [step.id for step in calendar.steps]
    parties = [a.id for a in calendar.agencies] + [c.id for c in calendar.committees]
    meeting = draw(st.none() | meetings)
    if meeting is not None:
        meeting = Meeting(
            meeting.title,
            meeting.when,
            venue=meeting.venue,
            agenda=[
                AgendaItem(
                    item.number,
                    item.title,
                    item.kind,
                    [
                        Resolution(
                            resolution.kind,
                            resolution.text,
                            [
                                Action(
                                    action.what,
                                    draw(st.lists(st.sampled_from(parties), max_size=2)),
                                    action.deadline,
                                    draw(st.none() | st.sampled_from(steps)),
                                    action.notes,
                                )
                                for action in resolution.actions
                            ],
                        )
                        for resolution in item.resolutions
                    ],
                    item.number_text,
                    item.corrections,
                )
                for item in meeting.agenda
            ],
            notes=meeting.notes,
        )
    letter = draw(st.none() | letters)
    if letter is not None and letter.distribution is not None:
        recipients = [
            Recipient(r.no, r.name, draw(st.none() | st.sampled_from(parties)))
            for r in letter.distribution.recipients
        ]
        letter = attrs.evolve(
            letter, distribution=attrs.evolve(letter.distribution, recipients=recipients)
        )
    extra_plans = draw(st.lists(plans, max_size=2, unique_by=lambda plan: plan.id))
    return PlanningDocument(
        draw(ids), draw(texts), letter, meeting, calendar, extra_plans, notes=draw(texts)
    )


#: Whole numbers from zero to beyond ten to the twelfth (ล้านล้าน), small ones more often.
whole_numbers = st.one_of(st.integers(0, 10**6), st.integers(0, 10**13), st.integers(0, 10**25))

#: Amounts of baht with satang, as Decimal: zero, whole amounts, and amounts with satang.
baht_amounts = st.builds(
    lambda baht, satang: Decimal(baht) + Decimal(satang) / 100,
    st.one_of(st.integers(0, 10**7), st.integers(0, 10**15)),
    st.integers(0, 99),
)


# -- projects and registers ----------------------------------------------------------------

_thai_text = st.text(
    alphabet=st.sampled_from("กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋็์ัำ ๐๑๒๓๔๕๖๗๘๙0123456789-.,/()"),
    max_size=30,
)
_ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
_satang_amounts = st.builds(
    lambda baht, satang: Decimal(baht) + Decimal(satang) / 100,
    st.integers(0, 10**10),
    st.sampled_from([0, 0, 0, 50, 25, 1, 99]),
)


def _project_strategy() -> st.SearchStrategy[object]:
    from thaiplan import (
        BudgetLine,
        Escalation,
        FollowUp,
        FundingSource,
        Indicator,
        IndicatorKind,
        Location,
        PlanLevel,
        ProgressState,
        Project,
        ProjectForm,
        ProjectState,
        StatusChange,
        StrategyLink,
    )

    budget = st.builds(
        BudgetLine,
        fiscal_year=st.integers(2560, 2575),
        amount=_satang_amounts,
        source=st.none() | st.sampled_from(FundingSource),
        ordinance=st.none() | _satang_amounts,
    )
    province = st.sampled_from(["74", "10", "50"])
    location = st.builds(
        lambda p, d, s, villages, lao: Location(
            p, p + d if d else None, p + d + s if d and s else None, villages, lao
        ),
        province,
        st.none() | st.sampled_from(["01", "02", "03"]),
        st.none() | st.sampled_from(["01", "05"]),
        st.lists(st.sampled_from(["หมู่ที่ ๓", "หลายหมู่", "ทั้งตำบล", "หมู่ที่ 1"]), max_size=2),
        st.none() | st.from_regex(r"[0-9]{7}", fullmatch=True),
    )
    dates = st.none() | st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))
    return st.builds(
        Project,
        id=_ids,
        title=_thai_text,
        level=st.sampled_from(PlanLevel),
        description=_thai_text,
        plan=st.none() | _ids,
        edition=st.sampled_from(["", "ฉบับแรก", "เพิ่มเติม ครั้งที่ ๑"]),
        form=st.none() | st.sampled_from(ProjectForm),
        responsible=st.lists(_thai_text, max_size=2),
        objectives=st.lists(_thai_text, max_size=2),
        indicators=st.lists(
            st.builds(
                Indicator,
                name=_thai_text,
                kind=st.sampled_from(IndicatorKind),
                target=st.none() | st.integers(0, 10**6).map(Decimal),
                unit=st.sampled_from(["", "แห่ง", "ร้อยละ", "เมตร"]),
            ),
            max_size=2,
        ),
        budget=st.lists(budget, max_size=5),
        programme=st.sampled_from(["", "เคหะและชุมชน", "การศึกษา"]),
        location=st.none() | location,
        links=st.lists(
            st.builds(StrategyLink, tree=_ids, node=_ids, justification=_thai_text), max_size=3
        ),
        beyond_capacity=st.booleans(),
        steps=st.lists(_ids, max_size=2),
        escalations=st.lists(
            st.builds(
                Escalation,
                from_level=st.sampled_from(PlanLevel),
                to_level=st.sampled_from(PlanLevel),
                step=st.none() | _ids,
                date=dates,
            ),
            max_size=1,
        ),
        status=st.lists(
            st.builds(StatusChange, state=st.sampled_from(ProjectState), date=dates, by=_thai_text),
            max_size=3,
        ),
        follow_up=st.lists(
            st.builds(
                FollowUp,
                fiscal_year=st.integers(2560, 2575),
                approved=st.none() | _satang_amounts,
                disbursed=st.none() | _satang_amounts,
                progress=st.none() | st.integers(0, 100).map(Decimal),
                state=st.none() | st.sampled_from(ProgressState),
            ),
            max_size=2,
        ),
    )


#: Projects with every kind of field filled at random.
projects = st.deferred(_project_strategy)

#: Registers of a few projects with unique ids.
registers = st.deferred(
    lambda: st.lists(projects, max_size=6, unique_by=lambda p: p.id).map(  # type: ignore[attr-defined]
        __import__("thaiplan").ProjectRegister
    )
)
# -- mutated files: every shipped calendar and document, broken in the ways people and attackers do

from pathlib import Path  # noqa: E402

_ROOT = Path(__file__).resolve().parent.parent


def shipped_files() -> list[tuple[str, str]]:
    """(name, text) of every shipped calendar and document, in YAML and in JSON.

    The built-in data, the examples and the docs' examples, each as written
    (YAML) and as thaiplan writes it in JSON.
    """
    import thaiplan

    found = []
    for folder in ("src/thaiplan/data", "examples", "docs/examples"):
        for path in sorted((_ROOT / folder).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            if "thaiplan-calendar/1" not in text and "thaiplan-document/1" not in text:
                continue  # a progress file or a register: other formats, fuzzed by their tests
            found.append((f"{folder}/{path.name}", text))
            if "thaiplan-document/1" in text:
                json_text = thaiplan.dumps_document(thaiplan.load_document(path), format="json")
            else:
                json_text = thaiplan.dumps_calendar(thaiplan.load_calendar(path), format="json")
            found.append((f"{folder}/{path.stem}.json", json_text))
    return found


#: Values of the wrong type, and values too large, for any key of a file.
wrong_values = st.sampled_from(
    [
        "5",
        "1.5",
        "-1",
        "0",
        "true",
        "null",
        "[]",
        "{}",
        "[1, [2, [3]]]",
        "{a: 1}",
        "''",
        '"x"',
        "100000000",
        "100000000000",
        "99999999999999999999999999",
        "9" * 4_300,
        "1" * 5_000,
        "1e400",
        ".nan",
        "-.inf",
        "0x7fffffffffffffff",
        "!!python/object/apply:os.system ['true']",
        "!!binary aGk=",
        "!!set {a}",
        "!foo x",
        "!!str 5",
        "&x [*x]",
        "*nowhere",
        "๑ พ.ค. " + "๙" * 5_000,
        "ภายใน เมษ ๖๑",
        "ธ.ค. 9999",
        "'" + "ก" * 3_000 + "'",
    ]
)


def _bomb(levels: int, width: int) -> str:
    lines = ["b0: &b0 [" + ", ".join(["x"] * width) + "]"]
    lines += [
        f"b{level}: &b{level} [" + ", ".join([f"*b{level - 1}"] * width) + "]"
        for level in range(1, levels)
    ]
    return "\n".join(lines)


#: Blocks of text that stand for far more than they are, or for something endless.
hostile_blocks = st.one_of(
    st.builds(_bomb, st.integers(2, 12), st.integers(2, 12)),
    st.sampled_from(["a: &a [*a]", "a: &a {b: *a}", "- &a [1, *a]", "x: &y\n  z: *y"]),
    st.integers(10, 3_000).map(lambda depth: "deep: " + "[" * depth + "]" * depth),
    st.integers(10, 3_000).map(lambda depth: "deep: " + "{a: " * depth + "1" + "}" * depth),
    st.integers(10, 400).map(lambda depth: "".join(f"{'  ' * i}- \n" for i in range(depth))),
    st.integers(10, 3_000).map(lambda depth: "deep: " + "[" * depth),
)


@st.composite
def _mutate_text(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    how = draw(
        st.sampled_from(
            ["delete", "swap", "duplicate", "indent", "value", "block", "char", "tab", "cut"]
        )
    )
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    if how == "delete" and lines:
        del lines[at]
    elif how == "swap" and lines:
        other = draw(st.integers(0, len(lines) - 1))
        lines[at], lines[other] = lines[other], lines[at]
    elif how == "duplicate" and lines:
        lines.insert(at, lines[at])
    elif how == "indent" and lines:
        change = draw(st.integers(-4, 4))
        line = lines[at]
        lines[at] = " " * change + line if change > 0 else line[min(-change, len(line)) :]
    elif how == "value" and lines:
        line = lines[at]
        key, colon, _ = line.partition(": ")
        if colon:
            lines[at] = f"{key}: {draw(wrong_values)}"
        else:
            lines[at] = line + " " + draw(wrong_values)
    elif how == "block":
        lines.insert(at, draw(hostile_blocks))
    elif how == "char":
        position = draw(st.integers(0, len(text)))
        piece = draw(
            st.sampled_from(
                [
                    "",
                    ":",
                    "-",
                    "[",
                    "]",
                    "{",
                    "}",
                    "'",
                    '"',
                    "#",
                    "&",
                    "*",
                    "!",
                    "|",
                    ">",
                    "%",
                    "@",
                    "`",
                    "\x00",
                    "\x07",
                    "\x85",
                    "\u2028",
                    "\ufeff",
                    "\ud800",
                    "\t",
                    "\r",
                    "ก",
                ]
            )
        )
        cut = draw(st.integers(0, 3))
        return text[:position] + piece + text[position + cut :]
    elif how == "tab" and lines:
        lines[at] = lines[at].replace("  ", "\t", 1)
    elif how == "cut":
        return text[: draw(st.integers(0, len(text)))]
    return "\n".join(lines)


class Mutated:
    """A mutated file: its name and what was done, and its bytes (shown by length only)."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data

    def __repr__(self) -> str:
        import hashlib

        digest = hashlib.sha256(self.data).hexdigest()[:12]
        return f"Mutated({self.name!r}, <{len(self.data):,} bytes, sha256 {digest}>)"


@st.composite
def mutated_files(draw: st.DrawFn, files: list[tuple[str, str]]) -> Mutated:
    """(the file's name, its bytes): a shipped file, mutated.

    One to three mutations of its text, and perhaps one of its bytes: a BOM,
    CRLF line ends, a NUL, bytes that are not UTF-8, or the whole saved in
    TIS-620.
    """
    name, text = draw(st.sampled_from(files))
    for _ in range(draw(st.integers(1, 3))):
        text = draw(_mutate_text(text))
    data = text.encode("utf-8", "surrogatepass")
    how = draw(st.sampled_from(["none", "none", "bom", "crlf", "nul", "invalid", "tis-620"]))
    if how == "bom":
        data = b"\xef\xbb\xbf" + data
    elif how == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif how == "nul":
        position = draw(st.integers(0, len(data)))
        data = data[:position] + b"\x00" + data[position:]
    elif how == "invalid":
        position = draw(st.integers(0, len(data)))
        data = (
            data[:position]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xe0\xb8"]))
            + data[position:]
        )
    elif how == "tis-620":
        data = text.encode("cp874", "replace")
    return Mutated(f"{name} ({how})", data)


# --- Added for test_office_keys.py: the calendar and step keys office files carry ------------

#: Durations as documents write them.
DURATION_TEXTS = ["ไม่น้อยกว่าสามสิบวัน", "๑๐ วันทำการ", "15 วัน"]


@st.composite
def with_step_keys(draw: st.DrawFn, calendar: PlanningCalendar) -> PlanningCalendar:
    """``calendar`` with the newer keys of steps and calendars drawn in.

    Steps may be ``optional``, have a ``duration_text``, ``feeds`` of other
    calendars' steps, ``before`` a later step (so that the graph stays
    acyclic) and a ``within`` on their ``after``; the calendar may have an
    ``id``, ``notes`` and ``corrections``.
    """
    steps = list(calendar.steps)
    ids = [step.id for step in steps]
    changed = []
    for index, step in enumerate(steps):
        later = ids[index + 1 :]
        before = (
            [
                Dependency(other, draw(st.integers(0, 5)), draw(st.sampled_from(list(LagUnit))))
                for other in draw(st.lists(st.sampled_from(later), unique=True, max_size=1))
            ]
            if later
            else []
        )
        after = [
            attrs.evolve(d, within=draw(st.none() | st.integers(d.lag, d.lag + 30)))
            for d in step.after
        ]
        changed.append(
            attrs.evolve(
                step,
                optional=draw(st.booleans()),
                duration_text=draw(st.sampled_from(["", *DURATION_TEXTS])),
                feeds=draw(st.lists(st.sampled_from(["budget-2563:r2", "other:s1"]), unique=True)),
                before=before,
                after=after,
            )
        )
    return attrs.evolve(
        calendar,
        steps=changed,
        id=draw(st.sampled_from(["", "samut-sakhon-2563", "budget-2563"])),
        notes=draw(texts),
        corrections=draw(st.lists(corrections, max_size=1)),
    )
