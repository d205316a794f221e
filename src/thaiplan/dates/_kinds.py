"""The kinds of period: what a :class:`~thaiplan.dates.Period` was written as."""

from __future__ import annotations

import enum
from typing import Any

from thaiplan.errors import ThaiDateError, ThaiDateTypeError

__all__ = ["PeriodKind"]


class PeriodKind(enum.StrEnum):
    """What a :class:`Period` was written as. Members compare equal to strings.

    >>> PeriodKind.DEADLINE == "deadline"
    True
    """

    #: One day, as in ``๔ เม.ย. ๖๑``.
    DAY = "day"
    #: Days from one date to another, as in ``๑ - ๑๕ พ.ค. ๖๑``.
    DAY_RANGE = "day_range"
    #: A calendar month, as in ``พ.ค. ๖๑``.
    MONTH = "month"
    #: Whole months, as in ``มิ.ย. - ก.ค. ๖๑``.
    MONTH_RANGE = "month_range"
    #: By a last day, with no start, as in ``ภายใน พ.ค. ๖๑``.
    DEADLINE = "deadline"
    #: A calendar year, as in ``พ.ศ. ๒๕๖๑``.
    YEAR = "year"
    #: Whole calendar years, as in ``พ.ศ. ๒๕๖๑ – ๒๕๖๔``.
    YEAR_RANGE = "year_range"
    #: A fiscal year, 1 October - 30 September, as in ``ปีงบประมาณ พ.ศ. ๒๕๖๓``.
    FISCAL_YEAR = "fiscal_year"
    #: A quarter of a fiscal year, as in ``ไตรมาสที่ ๑ ปีงบประมาณ พ.ศ. ๒๕๖๓``.
    QUARTER = "quarter"
    #: From a day on, with no end, as in ``ตั้งแต่วันที่ ๑ พ.ค. ๖๑ เป็นต้นไป``;
    #: ``end`` is :data:`Period.NO_END`.
    OPEN_ENDED = "open_ended"
    #: A number of days and no dates, as in ``๑๕ วัน`` (see :attr:`Period.span`).
    DURATION = "duration"
    #: Days counted from an event, with no dates of its own, as in
    #: ``ภายใน ๑๕ วันนับแต่วันที่ได้รับ`` (see :attr:`Period.span`).
    RELATIVE = "relative"
    #: A period that recurs, as in ``ภายในวันที่ ๑๕ ของทุกเดือน`` (see
    #: :attr:`Period.recurrence`).
    RECURRING = "recurring"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # PeriodKind("week"): a ThaiDateError (a ValueError, as the enum protocol asks).
        if not isinstance(value, str):
            raise ThaiDateTypeError("PeriodKind", value, "the value of a kind, such as 'month'")
        allowed = ", ".join(repr(kind.value) for kind in cls)
        raise ThaiDateError(
            f"unknown kind of period; expected one of {allowed}",
            text=value,
            position=None,
            reason="unknown_kind",
        )
