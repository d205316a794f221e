"""thaiplan: Thai provincial development planning as data.

The public face of the package: the domain model (agencies, committees,
plans, calendars of steps, meetings, letters), the calendar file format, and
the most used names of the Thai date layer, :mod:`thaiplan.dates`, with the
exceptions of :mod:`thaiplan.errors`.

>>> import thaiplan
>>> calendar = thaiplan.load_calendar("samut-sakhon-2563")
>>> calendar.step("s7").when, calendar.step("s7").period.end
('มิ.ย. - ก.ค. ๖๑', datetime.date(2018, 7, 31))
"""

import importlib
from typing import TYPE_CHECKING, Any

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
from thaiplan.errors import (
    CalendarFileError,
    CellProblem,
    DependencyCycleError,
    FileProblem,
    HolidayDataError,
    ModelError,
    ThaiDateError,
    ThaiplanError,
    ThaiplanWarning,
)
from thaiplan.model._document import PlanningDocument
from thaiplan.model._letters import (
    DistributionList,
    Enclosure,
    Letter,
    LetterNumber,
    Recipient,
    Reference,
)
from thaiplan.model._meetings import (
    Action,
    AgendaItem,
    AgendaKind,
    Meeting,
    Resolution,
    ResolutionKind,
)
from thaiplan.model._organisations import Agency, AgencyKind, Committee, Level, Order
from thaiplan.model._plans import Plan, PlanKind, PlanLevel, ProjectIdea
from thaiplan.model._records import Correction
from thaiplan.model._steps import Dependency, LagUnit, Phase, PlanningCalendar, Step

if TYPE_CHECKING:
    from thaiplan.checks._registry import (
        Context,
        Finding,
        Issue,
        Report,
        Rule,
        Severity,
        register_rule,
        rule,
        rules,
        unregister_rule,
        validate,
    )
    from thaiplan.io._docx import calendar_docx
    from thaiplan.io._files import (
        CALENDAR_FORMAT,
        DOCUMENT_FORMAT,
        builtin_names,
        calendar_schema,
        dump_calendar,
        dumps_calendar,
        dumps_document,
        load_calendar,
        load_document,
        loads_calendar,
    )
    from thaiplan.io._gantt import gantt_html, gantt_table
    from thaiplan.io._ical import calendar_ics
    from thaiplan.io._mspdi import calendar_mspdi
    from thaiplan.io._mspdi_read import read_calendar_mspdi
    from thaiplan.io._xlsx import calendar_xlsx
    from thaiplan.io._xlsx_read import read_calendar_xlsx
    from thaiplan.scheduling._graph import dependency_graph
    from thaiplan.scheduling._passes import schedule
    from thaiplan.scheduling._schedule import Bounds, Constraint, Explanation, Schedule
    from thaiplan.scheduling._shift import Landing, ShiftResult, shift

__version__ = "0.1.0.dev0"

# Scheduling, validation, files and exports load their modules (and PyYAML,
# cattrs, networkx ...) the first time one of their names is used, so that
# ``import thaiplan`` stays light.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "CALENDAR_FORMAT",
            "DOCUMENT_FORMAT",
            "builtin_names",
            "calendar_schema",
            "dump_calendar",
            "dumps_calendar",
            "dumps_document",
            "load_calendar",
            "load_document",
            "loads_calendar",
        ),
        "thaiplan.io._files",
    ),
    **dict.fromkeys(("gantt_html", "gantt_table"), "thaiplan.io._gantt"),
    **dict.fromkeys(("dependency_graph",), "thaiplan.scheduling._graph"),
    **dict.fromkeys(("calendar_ics",), "thaiplan.io._ical"),
    **dict.fromkeys(("calendar_docx",), "thaiplan.io._docx"),
    **dict.fromkeys(("calendar_mspdi",), "thaiplan.io._mspdi"),
    **dict.fromkeys(("read_calendar_mspdi",), "thaiplan.io._mspdi_read"),
    **dict.fromkeys(("calendar_xlsx",), "thaiplan.io._xlsx"),
    **dict.fromkeys(("read_calendar_xlsx",), "thaiplan.io._xlsx_read"),
    **dict.fromkeys(
        ("Bounds", "Constraint", "Explanation", "Schedule"), "thaiplan.scheduling._schedule"
    ),
    **dict.fromkeys(("schedule",), "thaiplan.scheduling._passes"),
    **dict.fromkeys(("Landing", "ShiftResult", "shift"), "thaiplan.scheduling._shift"),
    **dict.fromkeys(
        (
            "Context",
            "Finding",
            "Issue",
            "Report",
            "Rule",
            "Severity",
            "register_rule",
            "rule",
            "rules",
            "unregister_rule",
            "validate",
        ),
        "thaiplan.checks._registry",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'thaiplan' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "CALENDAR_FORMAT",
    "DOCUMENT_FORMAT",
    "Action",
    "Agency",
    "AgencyKind",
    "AgendaItem",
    "AgendaKind",
    "Bounds",
    "CalendarFileError",
    "CellProblem",
    "Committee",
    "Constraint",
    "Context",
    "Correction",
    "Dependency",
    "DependencyCycleError",
    "DistributionList",
    "Enclosure",
    "Explanation",
    "FileProblem",
    "Finding",
    "FiscalYear",
    "HolidayDataError",
    "Issue",
    "LagUnit",
    "Landing",
    "Letter",
    "LetterNumber",
    "Level",
    "Meeting",
    "ModelError",
    "Order",
    "Period",
    "PeriodKind",
    "Phase",
    "Plan",
    "PlanKind",
    "PlanLevel",
    "PlanningCalendar",
    "PlanningDocument",
    "ProjectIdea",
    "Recipient",
    "Reference",
    "Report",
    "Resolution",
    "ResolutionKind",
    "Rule",
    "Schedule",
    "Severity",
    "ShiftResult",
    "Step",
    "ThaiDateError",
    "ThaiplanError",
    "ThaiplanWarning",
    "__version__",
    "builtin_names",
    "calendar_docx",
    "calendar_ics",
    "calendar_mspdi",
    "calendar_schema",
    "calendar_xlsx",
    "dependency_graph",
    "dump_calendar",
    "dumps_calendar",
    "dumps_document",
    "format_date",
    "format_period",
    "gantt_html",
    "gantt_table",
    "load_calendar",
    "load_document",
    "loads_calendar",
    "parse_date",
    "parse_datetime",
    "parse_period",
    "read_calendar_mspdi",
    "read_calendar_xlsx",
    "register_rule",
    "rule",
    "rules",
    "schedule",
    "shift",
    "unregister_rule",
    "validate",
]
