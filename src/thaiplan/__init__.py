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
    CalendarReferenceError,
    CellProblem,
    DependencyCycleError,
    FileProblem,
    FileWriteError,
    HolidayDataError,
    ModelError,
    ModelIndexError,
    ModelTypeError,
    ThaiDateError,
    ThaiDateTypeError,
    ThaiNumberError,
    ThaiplanError,
    ThaiplanTypeError,
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
from thaiplan.model._scope import Recurs, Scope
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
    from thaiplan.dates._numbers import (
        bahttext,
        format_baht,
        parse_baht,
        parse_thai_number,
        thai_number_words,
    )
    from thaiplan.io._docx import calendar_docx
    from thaiplan.io._docx_read import read_calendar_docx
    from thaiplan.io._files import (
        CALENDAR_FORMAT,
        DOCUMENT_FORMAT,
        builtin_names,
        calendar_schema,
        dump_calendar,
        dump_document,
        dumps_calendar,
        dumps_document,
        load_calendar,
        load_document,
        loads_calendar,
        loads_document,
    )
    from thaiplan.io._forms import register_xlsx
    from thaiplan.io._forms_docx import register_docx
    from thaiplan.io._forms_docx_read import read_register_docx
    from thaiplan.io._forms_read import read_register_xlsx
    from thaiplan.io._gantt import gantt_html, gantt_table
    from thaiplan.io._ical import calendar_ics
    from thaiplan.io._mspdi import calendar_mspdi
    from thaiplan.io._mspdi_read import read_calendar_mspdi
    from thaiplan.io._progress import (
        PROGRESS_FORMAT,
        dump_progress,
        dumps_progress,
        load_progress,
        loads_progress,
        progress_schema,
    )
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
    from thaiplan.io._register_export import register_html, register_ics
    from thaiplan.io._xlsx import calendar_xlsx
    from thaiplan.io._xlsx_read import read_calendar_xlsx
    from thaiplan.model._progress import Progress, ProgressState, StepProgress
    from thaiplan.model._project_parts import (
        BudgetLine,
        Escalation,
        FollowUp,
        FundingSource,
        Indicator,
        IndicatorKind,
        Location,
        ProjectForm,
        ProjectState,
        RowSource,
        StatusChange,
        StrategyLink,
    )
    from thaiplan.model._projects import Project
    from thaiplan.model._register import ProjectRegister, RollupRow, SummaryFigure, SummaryRow
    from thaiplan.model._strategies import StrategyKind, StrategyNode, StrategyTree
    from thaiplan.model._trace import Trace, TraceStage, trace
    from thaiplan.scheduling._graph import dependency_graph
    from thaiplan.scheduling._passes import schedule
    from thaiplan.scheduling._schedule import (
        Bounds,
        Constraint,
        Explanation,
        InfeasibleChain,
        Schedule,
    )
    from thaiplan.scheduling._shift import Landing, ShiftResult, shift
    from thaiplan.scheduling._status import Standing, Status, StepStatus, due, status

__version__ = "0.1.0.dev0"

# Scheduling, validation, files and exports load their modules (and PyYAML,
# cattrs, networkx ...) the first time one of their names is used, so that
# ``import thaiplan`` stays light.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        ("bahttext", "format_baht", "parse_baht", "parse_thai_number", "thai_number_words"),
        "thaiplan.dates._numbers",
    ),
    # The records of the register and of progress reports: few scripts need them,
    # and they are half the time of importing the model.
    **dict.fromkeys(("Progress", "ProgressState", "StepProgress"), "thaiplan.model._progress"),
    **dict.fromkeys(
        (
            "BudgetLine",
            "Escalation",
            "FollowUp",
            "FundingSource",
            "Indicator",
            "IndicatorKind",
            "Location",
            "ProjectForm",
            "ProjectState",
            "RowSource",
            "StatusChange",
            "StrategyLink",
        ),
        "thaiplan.model._project_parts",
    ),
    **dict.fromkeys(("Project",), "thaiplan.model._projects"),
    **dict.fromkeys(
        ("ProjectRegister", "RollupRow", "SummaryFigure", "SummaryRow"), "thaiplan.model._register"
    ),
    **dict.fromkeys(("StrategyKind", "StrategyNode", "StrategyTree"), "thaiplan.model._strategies"),
    **dict.fromkeys(("Trace", "TraceStage", "trace"), "thaiplan.model._trace"),
    **dict.fromkeys(
        (
            "CALENDAR_FORMAT",
            "DOCUMENT_FORMAT",
            "builtin_names",
            "calendar_schema",
            "dump_calendar",
            "dump_document",
            "dumps_calendar",
            "dumps_document",
            "load_calendar",
            "load_document",
            "loads_calendar",
            "loads_document",
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
    **dict.fromkeys(("calendar_docx",), "thaiplan.io._docx"),
    **dict.fromkeys(("read_calendar_docx",), "thaiplan.io._docx_read"),
    **dict.fromkeys(("calendar_mspdi",), "thaiplan.io._mspdi"),
    **dict.fromkeys(("read_calendar_mspdi",), "thaiplan.io._mspdi_read"),
    **dict.fromkeys(("calendar_xlsx",), "thaiplan.io._xlsx"),
    **dict.fromkeys(("read_calendar_xlsx",), "thaiplan.io._xlsx_read"),
    **dict.fromkeys(("register_xlsx",), "thaiplan.io._forms"),
    **dict.fromkeys(("register_docx",), "thaiplan.io._forms_docx"),
    **dict.fromkeys(("read_register_docx",), "thaiplan.io._forms_docx_read"),
    **dict.fromkeys(("read_register_xlsx",), "thaiplan.io._forms_read"),
    **dict.fromkeys(("register_html", "register_ics"), "thaiplan.io._register_export"),
    **dict.fromkeys(
        (
            "PROGRESS_FORMAT",
            "dump_progress",
            "dumps_progress",
            "load_progress",
            "loads_progress",
            "progress_schema",
        ),
        "thaiplan.io._progress",
    ),
    **dict.fromkeys(
        ("Bounds", "Constraint", "Explanation", "InfeasibleChain", "Schedule"),
        "thaiplan.scheduling._schedule",
    ),
    **dict.fromkeys(("schedule",), "thaiplan.scheduling._passes"),
    **dict.fromkeys(("Landing", "ShiftResult", "shift"), "thaiplan.scheduling._shift"),
    **dict.fromkeys(
        ("Standing", "Status", "StepStatus", "due", "status"), "thaiplan.scheduling._status"
    ),
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
    "PROGRESS_FORMAT",
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
    "CalendarReferenceError",
    "CellProblem",
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
    "FileWriteError",
    "Finding",
    "FiscalYear",
    "FollowUp",
    "FundingSource",
    "HolidayDataError",
    "Indicator",
    "IndicatorKind",
    "InfeasibleChain",
    "Issue",
    "LagUnit",
    "Landing",
    "Letter",
    "LetterNumber",
    "Level",
    "Location",
    "Meeting",
    "ModelError",
    "ModelIndexError",
    "ModelTypeError",
    "Order",
    "Period",
    "PeriodKind",
    "Phase",
    "Plan",
    "PlanKind",
    "PlanLevel",
    "PlanningCalendar",
    "PlanningDocument",
    "Progress",
    "ProgressState",
    "Project",
    "ProjectForm",
    "ProjectIdea",
    "ProjectRegister",
    "ProjectState",
    "Recipient",
    "Recurs",
    "Reference",
    "Report",
    "Resolution",
    "ResolutionKind",
    "RollupRow",
    "RowSource",
    "Rule",
    "Schedule",
    "Scope",
    "Severity",
    "ShiftResult",
    "Standing",
    "Status",
    "StatusChange",
    "Step",
    "StepProgress",
    "StepStatus",
    "StrategyKind",
    "StrategyLink",
    "StrategyNode",
    "StrategyTree",
    "SummaryFigure",
    "SummaryRow",
    "ThaiDateError",
    "ThaiDateTypeError",
    "ThaiNumberError",
    "ThaiplanError",
    "ThaiplanTypeError",
    "ThaiplanWarning",
    "Trace",
    "TraceStage",
    "__version__",
    "bahttext",
    "builtin_names",
    "calendar_docx",
    "calendar_ics",
    "calendar_mspdi",
    "calendar_schema",
    "calendar_xlsx",
    "dependency_graph",
    "due",
    "dump_calendar",
    "dump_document",
    "dump_progress",
    "dump_register",
    "dumps_calendar",
    "dumps_document",
    "dumps_progress",
    "dumps_register",
    "format_baht",
    "format_date",
    "format_period",
    "gantt_html",
    "gantt_table",
    "load_calendar",
    "load_document",
    "load_progress",
    "load_register",
    "load_register_csv",
    "loads_calendar",
    "loads_document",
    "loads_progress",
    "loads_register",
    "loads_register_csv",
    "parse_baht",
    "parse_date",
    "parse_datetime",
    "parse_period",
    "parse_thai_number",
    "progress_schema",
    "read_calendar_docx",
    "read_calendar_mspdi",
    "read_calendar_xlsx",
    "read_register_docx",
    "read_register_xlsx",
    "register_csv",
    "register_docx",
    "register_html",
    "register_ics",
    "register_rule",
    "register_schema",
    "register_xlsx",
    "rule",
    "rules",
    "schedule",
    "shift",
    "status",
    "strategy_tree",
    "thai_number_words",
    "trace",
    "unregister_rule",
    "validate",
]
