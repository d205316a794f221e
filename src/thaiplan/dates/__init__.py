"""Thai dates: numerals, Buddhist-Era years, periods, fiscal years, working days.

This is the leaf layer of thaiplan: it imports nothing from the rest of the
package but its errors. Everything here reads and writes the notations that
Thai planning documents use:

>>> from thaiplan.dates import parse_date, parse_period, format_date, FiscalYear
>>> parse_date("วันพุธที่ ๔ เมษายน ๒๕๖๑")
datetime.date(2018, 4, 4)
>>> parse_period("ภายใน พ.ค. ๖๑").end
datetime.date(2018, 5, 31)
>>> format_date(parse_date("04/04/61"), style="abbr")
'๔ เม.ย. ๖๑'
>>> FiscalYear.containing(parse_date("๕ เมษายน ๒๕๖๑")).format()
'ปีงบประมาณ พ.ศ. ๒๕๖๑'

The names exported here are a contract that other tools import.
"""

from typing import TYPE_CHECKING, Any

from ._fiscal import FiscalYear
from ._format import DateStyle, Digits, format_date, format_period
from ._kinds import PeriodKind
from ._names import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_VARIANTS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    WEEKDAY_VARIANTS,
)
from ._parse import MAX_TEXT_LENGTH, parse_date, parse_datetime, parse_period
from ._periods import Period
from ._spans import Bound, Direction, Recurrence, Span, SpanUnit, TimeRange
from ._text import be_to_ce, ce_to_be, normalise, to_arabic_digits, to_thai_digits
from ._workdays import (
    add_working_days,
    holiday_name,
    is_holiday,
    is_working_day,
    working_day_on_or_after,
    working_days_between,
)

__all__ = [
    "MAX_TEXT_LENGTH",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "MONTH_VARIANTS",
    "WEEKDAY_ABBREVIATIONS",
    "WEEKDAY_NAMES",
    "WEEKDAY_VARIANTS",
    "Bound",
    "DateStyle",
    "Digits",
    "Direction",
    "FiscalYear",
    "Period",
    "PeriodKind",
    "Recurrence",
    "Span",
    "SpanUnit",
    "TimeRange",
    "add_working_days",
    "bahttext",
    "be_to_ce",
    "ce_to_be",
    "format_baht",
    "format_date",
    "format_period",
    "holiday_name",
    "is_holiday",
    "is_working_day",
    "normalise",
    "parse_baht",
    "parse_date",
    "parse_datetime",
    "parse_period",
    "parse_thai_number",
    "thai_number_words",
    "to_arabic_digits",
    "to_thai_digits",
    "working_day_on_or_after",
    "working_days_between",
]

# Thai number words and baht load on first use: most users of the date layer
# never need them.
_NUMBERS = ("bahttext", "format_baht", "parse_baht", "parse_thai_number", "thai_number_words")

if TYPE_CHECKING:
    from ._numbers import bahttext, format_baht, parse_baht, parse_thai_number, thai_number_words


def __getattr__(name: str) -> Any:
    if name in _NUMBERS:
        from . import _numbers

        value = getattr(_numbers, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'thaiplan.dates' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_NUMBERS})
