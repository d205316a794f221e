"""The months a step marks in a document's Gantt table ("เม.ย.", "ต.ค. ๖๑"), checked."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from thaiplan.dates import MONTH_VARIANTS, parse_period
from thaiplan.dates._diagnose import _suggest_month
from thaiplan.dates._text import _normalise
from thaiplan.errors import ModelError, ThaiDateError
from thaiplan.model._records import texts

if TYPE_CHECKING:
    import attrs

    from thaiplan.model._steps import Step

__all__: list[str] = []


@functools.lru_cache(maxsize=1024)  # marks repeat from step to step; the result is a tuple
def _gantt_mark(mark: str) -> tuple[tuple[int, int], ...] | None:
    """Check a Gantt mark: a month (เม.ย.), or a month with its year (ต.ค. ๖๑).

    Returns the months of a mark with its year, ``None`` for a bare month.

    Raises:
        ThaiDateError: The mark is neither.
    """
    text = _normalise(mark)
    if text in MONTH_VARIANTS:
        return None
    if not re.search("[0-9๐-๙]", text):
        raise ThaiDateError(
            f"unknown month {text!r} in a Gantt mark",
            text=mark,
            position=0,
            reason="unknown_month",
            hint=_suggest_month(text),
        )
    return tuple(parse_period(mark).iter_months())


def _check_gantt(instance: Step, attribute: attrs.Attribute[Any], value: object) -> None:
    texts(instance, attribute, value)
    assert isinstance(value, tuple)
    for index, mark in enumerate(value):
        try:
            _gantt_mark(mark)
        except ThaiDateError as error:
            raise ModelError(
                f"Step.gantt[{index}] must be a month (เม.ย.) or a month and its year"
                f" (ต.ค. ๖๑): {error}"
            ) from None
