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
    bahttext,
    format_baht,
    format_date,
    format_period,
    parse_baht,
    parse_date,
    parse_datetime,
    parse_period,
    parse_thai_number,
    thai_number_words,
)
from thaiplan.errors import (
    CalendarFileError,
    DependencyCycleError,
    FileProblem,
    HolidayDataError,
    ModelError,
    ThaiDateError,
    ThaiNumberError,
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
from thaiplan.model._project_parts import (
    BudgetLine,
    Escalation,
    FollowUp,
    FundingSource,
    Indicator,
    IndicatorKind,
    Location,
    ProgressState,
    ProjectForm,
    ProjectState,
    RowSource,
    StatusChange,
    StrategyLink,
)
from thaiplan.model._projects import Project
from thaiplan.model._records import Correction
from thaiplan.model._register import ProjectRegister, RollupRow, SummaryRow
from thaiplan.model._steps import Dependency, LagUnit, Phase, PlanningCalendar, Step
from thaiplan.model._strategies import StrategyKind, StrategyNode, StrategyTree
from thaiplan.model._trace import Trace, TraceStage, trace

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
    from thaiplan.io._register import (
        REGISTER_FORMAT,
        STRATEGY_TREE_FORMAT,
        dump_register,
        dumps_register,
        load_register,
        loads_register,
        register_schema,
        strategy_tree,
    )
    from thaiplan.io._register_csv import (
        REGISTER_CSV_COLUMNS,
        load_register_csv,
        loads_register_csv,
        register_csv,
    )
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
    **dict.fromkeys(
        (
            "REGISTER_FORMAT",
            "STRATEGY_TREE_FORMAT",
            "dump_register",
            "dumps_register",
            "load_register",
            "loads_register",
            "register_schema",
            "strategy_tree",
        ),
        "thaiplan.io._register",
    ),
    **dict.fromkeys(
        ("REGISTER_CSV_COLUMNS", "load_register_csv", "loads_register_csv", "register_csv"),
        "thaiplan.io._register_csv",
    ),
    **dict.fromkeys(("dependency_graph",), "thaiplan.scheduling._graph"),
    **dict.fromkeys(("calendar_ics",), "thaiplan.io._ical"),
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
    "REGISTER_CSV_COLUMNS",
    "REGISTER_FORMAT",
    "STRATEGY_TREE_FORMAT",
    "Action",
    "Agency",
    "AgencyKind",
    "AgendaItem",
    "AgendaKind",
    "Bounds",
    "BudgetLine",
    "CalendarFileError",
    "Committee",
    "Constraint",
    "Context",
    "Correction",
    "Dependency",
    "DependencyCycleError",
    "DistributionList",
    "Enclosure",
    "Escalation",
    "Explanation",
    "FileProblem",
    "Finding",
    "FiscalYear",
    "FollowUp",
    "FundingSource",
    "HolidayDataError",
    "Indicator",
    "IndicatorKind",
    "Issue",
    "LagUnit",
    "Landing",
    "Letter",
    "LetterNumber",
    "Level",
    "Location",
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
    "ProgressState",
    "Project",
    "ProjectForm",
    "ProjectIdea",
    "ProjectRegister",
    "ProjectState",
    "Recipient",
    "Reference",
    "Report",
    "Resolution",
    "ResolutionKind",
    "RollupRow",
    "RowSource",
    "Rule",
    "Schedule",
    "Severity",
    "ShiftResult",
    "StatusChange",
    "Step",
    "StrategyKind",
    "StrategyLink",
    "StrategyNode",
    "StrategyTree",
    "SummaryRow",
    "ThaiDateError",
    "ThaiNumberError",
    "ThaiplanError",
    "ThaiplanWarning",
    "Trace",
    "TraceStage",
    "__version__",
    "bahttext",
    "builtin_names",
    "calendar_ics",
    "calendar_schema",
    "dependency_graph",
    "dump_calendar",
    "dump_register",
    "dumps_calendar",
    "dumps_document",
    "dumps_register",
    "format_baht",
    "format_date",
    "format_period",
    "gantt_html",
    "gantt_table",
    "load_calendar",
    "load_document",
    "load_register",
    "load_register_csv",
    "loads_calendar",
    "loads_register",
    "loads_register_csv",
    "parse_baht",
    "parse_date",
    "parse_datetime",
    "parse_period",
    "parse_thai_number",
    "register_csv",
    "register_rule",
    "register_schema",
    "rule",
    "rules",
    "schedule",
    "shift",
    "strategy_tree",
    "thai_number_words",
    "trace",
    "unregister_rule",
    "validate",
]
