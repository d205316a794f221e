"""thaiplan: Thai provincial development planning as data.

The public face of the package. The Thai date layer is :mod:`thaiplan.dates`;
its most used names are re-exported here, with the exceptions of
:mod:`thaiplan.errors`.

>>> import thaiplan
>>> thaiplan.parse_period("มิ.ย. - ก.ค. ๖๑").kind
<PeriodKind.MONTH_RANGE: 'month_range'>
"""

from thaiplan.dates import (
    FiscalYear,
    Period,
    PeriodKind,
    format_date,
    format_period,
    parse_date,
    parse_datetime,
    parse_period,
)
from thaiplan.errors import HolidayDataError, ThaiDateError, ThaiplanError, ThaiplanWarning

__version__ = "0.1.0.dev0"

__all__ = [
    "FiscalYear",
    "HolidayDataError",
    "Period",
    "PeriodKind",
    "ThaiDateError",
    "ThaiplanError",
    "ThaiplanWarning",
    "__version__",
    "format_date",
    "format_period",
    "parse_date",
    "parse_datetime",
    "parse_period",
]
