"""Helpers the rule families share: dates written for messages, names of parties."""

from __future__ import annotations

import datetime as dt
import functools

from thaiplan.dates import format_date
from thaiplan.model._steps import PlanningCalendar


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


@functools.lru_cache(maxsize=4096)
def _squeezed(text: str) -> str:
    """The text without spaces; calendars repeat their titles, so each is squeezed once."""
    return text.replace(" ", "")


def _contains(title: str, *words: str) -> bool:
    squeezed = _squeezed(title)
    return all(_squeezed(word) in squeezed for word in words)
