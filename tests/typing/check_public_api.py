"""Code that uses thaiplan as a developer would; CI type-checks it with mypy --strict.

It is not run: it shows that the public API's annotations accept what users
naturally write (lists where the records keep tuples, bare step ids in
``after``) and give back precise types.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import thaiplan
from thaiplan.dates import FiscalYear, Period, parse_period

step = thaiplan.Step(
    "s1",
    1,
    "area-based",
    "ข้อมูลปัญหาและความต้องการ",
    "ภายใน พ.ค. ๖๑",
    gantt=["เม.ย."],
    responsible=["provincial-office"],
    after=["s0", thaiplan.Dependency("s9", 5, thaiplan.LagUnit.WORKING_DAYS)],
)
calendar = thaiplan.PlanningCalendar(
    "ปฏิทิน",
    "สมุทรสาคร",
    2563,
    phases=[thaiplan.Phase("area-based", "Area Based")],
    steps=[step],
    agencies=[thaiplan.Agency("provincial-office", "สำนักงานจังหวัดสมุทรสาคร", abbreviations=["สนง."])],
)
standing = thaiplan.PlanningCalendar(
    "เทศบัญญัติ",
    scope=thaiplan.Scope.LOCAL,
    recurs=thaiplan.Recurs.YEARLY,
    steps=[thaiplan.Step("s1", 1, "p", "t", "ภายใน 1 ตุลาคม", year=2566)],
)
one_year: thaiplan.PlanningCalendar = standing.for_fiscal_year(2569)
template: bool = standing.is_template
end: dt.date = calendar.step("s1").period.end
period: Period = parse_period("มิ.ย. - ก.ค. ๖๑")
fiscal_year: FiscalYear = FiscalYear.containing(end)
text: str = thaiplan.dumps_calendar(calendar, format="json")
number = thaiplan.LetterNumber.parse("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗")
sequence: int = number.sequence
bounds: thaiplan.Bounds = thaiplan.schedule(calendar)["s1"]
reports = thaiplan.Progress(dt.date(2018, 6, 15), [thaiplan.StepProgress("s1")])
forecast: thaiplan.Schedule = thaiplan.schedule(
    calendar, progress=reports, as_of=dt.date(2018, 6, 15)
)
page: str = thaiplan.gantt_html(calendar, as_of=dt.date(2018, 6, 15), progress=reports)
slack: int | None = bounds.total_slack  # None: an open start, or nothing bounds the finish
unbounded: bool = bounds.unbounded  # nothing bounds the finish: no latest days to print
report: thaiplan.Report = thaiplan.validate(calendar)
ok: bool = report.ok
shifted: thaiplan.PlanningCalendar = thaiplan.shift(calendar, fiscal_year=2564).calendar
book: bytes = thaiplan.calendar_xlsx(calendar, schedule_columns=True)
read_back: thaiplan.PlanningCalendar = thaiplan.read_calendar_xlsx(book, like=calendar)
project_xml: str = thaiplan.calendar_mspdi(calendar)
from_project: thaiplan.PlanningCalendar = thaiplan.read_calendar_mspdi(project_xml.encode())
word_file: bytes = thaiplan.calendar_docx(calendar, font="TH SarabunIT๙")
from_word: thaiplan.PlanningCalendar = thaiplan.read_calendar_docx(word_file, like=calendar)

# Projects, registers and money: lists and text where the records keep tuples and Decimals.
project = thaiplan.Project(
    "p1",
    "ก่อสร้างถนน คสล. หมู่ที่ ๓",
    "local",
    budget=[
        thaiplan.BudgetLine(2566, "1,632,820"),
        thaiplan.BudgetLine(2567, Decimal("500000.50")),
    ],
    responsible=["กองช่าง"],
    links=[thaiplan.StrategyLink("national-strategy", "2", "ถนนเชื่อมแหล่งท่องเที่ยว")],
    location=thaiplan.Location("74", "7402", villages=["หมู่ที่ ๓"]),
)
total: Decimal = project.total_budget
words: str = thaiplan.bahttext(total)
amount: Decimal | None = thaiplan.parse_baht("๑,๒๓๔ บาท")
register = thaiplan.ProjectRegister([project], trees=[thaiplan.strategy_tree("national-strategy")])
rows: tuple[thaiplan.RollupRow, ...] = register.filter(level="local").rollup("fiscal_year")
register_text: str = thaiplan.dumps_register(register, format="json")
csv_text: str = thaiplan.register_csv(register)
forms_book: bytes = thaiplan.register_xlsx(register, years=[2566, 2567], digits="arabic")
forms_back: thaiplan.ProjectRegister = thaiplan.read_register_xlsx(forms_book)
plan_book: bytes = thaiplan.register_docx(register, as_of=dt.date(2026, 12, 1))
book_back: thaiplan.ProjectRegister = thaiplan.read_register_docx(plan_book)
register_page: str = thaiplan.register_html(register, digits="thai")
register_events: str = thaiplan.register_ics(register)
register_report: thaiplan.Report = thaiplan.validate(register)
stages: str = thaiplan.trace(register, "p1").explain("th")

# The notations of issue 9: what parse_period gives is typed all the way down.
relative: Period = parse_period("ภายใน ๑๕ วันนับแต่วันที่ได้รับ", year=2566, reference=end)
deadline_day: dt.date = relative.anchored(end).end
count: int | None = relative.span.amount if relative.span is not None else None
monthly = parse_period("ภายในวันที่ ๑๕ ของทุกเดือน")
occurrences: list[Period] = monthly.occurrences(end, end + dt.timedelta(days=90))
times: thaiplan.dates.TimeRange | None = parse_period("๔ เม.ย. ๖๑ เวลา ๐๙.๓๐ น.").times
open_ended: bool = parse_period("ตั้งแต่วันที่ ๑ พ.ค. ๖๑ เป็นต้นไป").open_ended
chains: tuple[thaiplan.InfeasibleChain, ...] = thaiplan.schedule(calendar).infeasible_chains
binding: list[thaiplan.Constraint] = [chain.bound for chain in chains]
line: int | None = report.findings[0].line if report.findings else None
one_code: thaiplan.Report = thaiplan.validate(calendar, only="gantt-partial", strict=True)

# calendars together: a list to schedule, other calendars to validate inside
budget: thaiplan.PlanningCalendar = thaiplan.load_calendar("budget-2563")
together: thaiplan.Schedule = thaiplan.schedule([calendar, budget])
inside: thaiplan.Report = thaiplan.validate(calendar, with_calendars=[budget])
inside_named: thaiplan.Report = thaiplan.validate(calendar, with_calendars={"b.yaml": budget})
feeds: tuple[str, ...] = calendar.steps[0].feeds
event: bool = budget.step("r3").event  # the day something takes effect, not work
calendar_id: str = calendar.id
reference_error: type[thaiplan.ModelError] = thaiplan.CalendarReferenceError
