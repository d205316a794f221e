"""Code that uses thaiplan as a developer would; CI type-checks it with mypy --strict.

It is not run: it shows that the public API's annotations accept what users
naturally write (lists where the records keep tuples, bare step ids in
``after``) and give back precise types.
"""

from __future__ import annotations

import datetime as dt

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
end: dt.date = calendar.step("s1").period.end
period: Period = parse_period("มิ.ย. - ก.ค. ๖๑")
fiscal_year: FiscalYear = FiscalYear.containing(end)
text: str = thaiplan.dumps_calendar(calendar, format="json")
number = thaiplan.LetterNumber.parse("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗")
sequence: int = number.sequence
bounds: thaiplan.Bounds = thaiplan.schedule(calendar)["s1"]
slack: int = bounds.total_slack
report: thaiplan.Report = thaiplan.validate(calendar)
ok: bool = report.ok
shifted: thaiplan.PlanningCalendar = thaiplan.shift(calendar, fiscal_year=2564).calendar
chains: tuple[thaiplan.InfeasibleChain, ...] = thaiplan.schedule(calendar).infeasible_chains
binding: list[thaiplan.Constraint] = [chain.bound for chain in chains]
line: int | None = report.findings[0].line if report.findings else None
one_code: thaiplan.Report = thaiplan.validate(calendar, only="gantt-partial", strict=True)
