"""The domain model: agencies, committees, plans, steps, calendars, meetings, letters."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest
from hypothesis import given

from strategies import project_ideas
from thaiplan import (
    Action,
    Agency,
    AgencyKind,
    AgendaItem,
    Committee,
    Correction,
    Dependency,
    LagUnit,
    LetterNumber,
    Meeting,
    ModelError,
    Phase,
    Plan,
    PlanKind,
    PlanLevel,
    PlanningCalendar,
    ProjectIdea,
    Resolution,
    Step,
    ThaiDateError,
    ThaiplanError,
)
from thaiplan.dates import parse_period


def small_calendar() -> PlanningCalendar:
    """Two steps in one phase, one agency."""
    return PlanningCalendar(
        "ปฏิทินทดลอง",
        "สมุทรสาคร",
        2563,
        phases=[Phase("p1", "Area Based")],
        steps=[
            Step(
                "s1",
                1,
                "p1",
                "เก็บข้อมูล <ปัญหา>",
                "ภายใน พ.ค. ๖๑",
                gantt=["เม.ย."],
                responsible=["po"],
            ),
            Step("s2", 2, "p1", "ประชุม", "มิ.ย. - ก.ค. ๖๑", after=["s1"], meetings=3),
        ],
        agencies=[Agency("po", "สำนักงานจังหวัดสมุทรสาคร", AgencyKind.PROVINCIAL_OFFICE)],
        gantt_year=2561,
    )


class TestLetterNumber:
    """Reference numbers of official letters."""

    @pytest.mark.parametrize(
        ("text", "code", "owner", "circular", "sequence"),
        [
            ("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗", "สค", "0017.2", True, 5577),
            ("ที่ สค ๐๐๑๗.๒/ว ๕๑๘๕", "สค", "0017.2", True, 5185),
            ("สค ๐๐๑๗.๒/ว ๕๕๓๗", "สค", "0017.2", True, 5537),
            ("ที่ มท 0810.2/ว 1234", "มท", "0810.2", True, 1234),
            ("ที่ นร ๐๕๐๕/๑๒", "นร", "0505", False, 12),
            ("ที่ นร 0505/ว.12", "นร", "0505", True, 12),
            ("ที่\u00a0สค ๐๐๑๗.๒ / ว ๕๕๗๗", "สค", "0017.2", True, 5577),
        ],
    )
    def test_parse(self, text: str, code: str, owner: str, circular: bool, sequence: int) -> None:
        """Thai or Arabic digits, with or without ที่, circular or not."""
        number = LetterNumber.parse(text)
        assert (code, owner, circular, sequence, text) == (
            number.code,
            number.owner,
            number.circular,
            number.sequence,
            number.text,
        )

    def test_format(self) -> None:
        """Formats back in Thai or Arabic digits; the parse of a format is the number."""
        number = LetterNumber.parse("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗")
        assert "ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗" == number.format()
        assert "ที่ สค 0017.2/ว 5577" == number.format(digits="arabic")
        assert "สค ๐๐๑๗.๒/ว ๕๕๗๗" == number.format(prefix=False)
        assert number == LetterNumber.parse(number.format(digits="arabic"))
        assert "ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗" == str(number)

    @pytest.mark.parametrize("text", ["", "ที่", "สค ๕๕๗๗", "ที่ 0017.2/ว 5577", "ที่ สค ๐๐๑๗.๒/ว"])
    def test_invalid(self, text: str) -> None:
        """Text that is not a number is a ModelError showing the expected form."""
        with pytest.raises(ModelError, match="expected the form"):
            LetterNumber.parse(text)


class TestRecords:
    """Field checks of the records, and their named operations."""

    def test_ids_without_spaces(self) -> None:
        """An identifier with a space is a ModelError (a ThaiplanError and ValueError)."""
        with pytest.raises(ModelError, match=r"Step\.id must be a non-empty identifier"):
            Step("s 1", 1, "p1", "t", "พ.ค. ๖๑")
        assert issubclass(ModelError, ThaiplanError)
        assert issubclass(ModelError, ValueError)

    def test_step_reads_its_period(self) -> None:
        """A step's period is read from `when`; a bad `when` is a ThaiDateError."""
        assert dt.date(2018, 7, 31) == Step("s", 1, "p", "t", "มิ.ย. - ก.ค. ๖๑").period.end
        with pytest.raises(ThaiDateError):
            Step("s", 1, "p", "t", "ภายใน เมษ ๖๑")

    def test_dependencies_from_ids(self) -> None:
        """`after` takes bare ids or Dependency objects."""
        step = Step("s2", 2, "p", "t", "พ.ค. ๖๑", after=["s1", Dependency("s0", 2, "working_days")])
        assert (Dependency("s1"), Dependency("s0", 2, LagUnit.WORKING_DAYS)) == step.after

    def test_gantt_months(self) -> None:
        """Gantt marks become (CE year, month), with the table's year or their own."""
        step = Step("s", 1, "p", "t", "ส.ค. ๖๑", gantt=["ก.ค.", "ต.ค. ๖๑"])
        assert ((2018, 7), (2018, 10)) == step.gantt_months(2561)

    def test_plan_years(self) -> None:
        """A plan's years are two BE years in order."""
        plan = Plan(
            "p", "แผนพัฒนาจังหวัด ๔ ปี", PlanKind.DEVELOPMENT, PlanLevel.PROVINCIAL, years=(2561, 2564)
        )
        assert (2561, 2564) == plan.years
        with pytest.raises(ModelError, match="Buddhist-Era"):
            Plan("p", "x", "development", "provincial", years=(2018, 2021))

    def test_escalation(self) -> None:
        """Beyond its capacity a project goes up: district to province, PAO to province."""
        district = ProjectIdea("ถนน", "d1", PlanLevel.DISTRICT, beyond_capacity=True).escalate()
        assert (PlanLevel.PROVINCIAL, PlanLevel.DISTRICT) == (
            district.level,
            district.escalated_from,
        )
        pao = ProjectIdea("สะพาน", "pao", PlanLevel.LOCAL, beyond_capacity=True)
        assert PlanLevel.DISTRICT == pao.escalate().level
        assert PlanLevel.PROVINCIAL == pao.escalate(proposer_is_pao=True).level
        with pytest.raises(ModelError, match="within the capacity"):
            ProjectIdea("ทางเท้า", "d1", PlanLevel.DISTRICT).escalate()
        with pytest.raises(ModelError, match="top"):
            PlanLevel.NATIONAL.next()

    def test_names(self) -> None:
        """Agencies and committees list every name they go by."""
        agency = Agency(
            "pao", "องค์การบริหารส่วนจังหวัดสมุทรสาคร", abbreviations=["อบจ."], aliases=["อบจ.สค."]
        )
        assert ("องค์การบริหารส่วนจังหวัดสมุทรสาคร", "อบจ.", "อบจ.สค.") == agency.names
        committee = Committee(
            "kbj", "คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ", "ก.บ.จ.สค.", abbreviations=["ก.บ.จ."]
        )
        assert ("คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ", "ก.บ.จ.สค.", "ก.บ.จ.") == committee.names

    def test_correction_keeps_both(self) -> None:
        """A correction keeps what was written beside the correction."""
        fix = Correction("name", "อำเภอกะทู้แม่แบน", "อำเภอกระทุ่มแบน", "OCR")
        assert ("อำเภอกะทู้แม่แบน", "อำเภอกระทุ่มแบน") == (fix.written, fix.corrected)

    def test_meeting(self) -> None:
        """A meeting reads its start and lists the actions of its resolutions."""
        action = Action("ส่งแผน", ["districts"], parse_period("ภายในเดือนมิถุนายน ๒๕๖๑"), step="s7")
        meeting = Meeting(
            "ประชุม",
            "วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.",
            venue="ห้องประชุม",
            agenda=[
                AgendaItem(
                    "3.1", "ร่างปฏิทิน", "consideration", [Resolution("assign", "ให้ส่ง", [action])]
                )
            ],
        )
        assert "2018-04-04T13:30:00+07:00" == meeting.start.isoformat()
        assert (action,) == meeting.actions()


class TestCalendar:
    """A calendar and its look-ups."""

    def test_lookups(self) -> None:
        """Steps by id and by phase, parties by id, the span of the stated periods."""
        calendar = small_calendar()
        assert "ประชุม" == calendar.step("s2").title
        assert ("s1", "s2") == tuple(s.id for s in calendar.steps_in("p1"))
        assert ["s1", "s2"] == [s.id for s in calendar]
        assert 2 == len(calendar)
        assert "สำนักงานจังหวัดสมุทรสาคร" == calendar.party("po").name  # type: ignore[union-attr]
        assert calendar.party("nobody") is None
        assert (dt.date(2018, 5, 31), dt.date(2018, 7, 31)) == calendar.span()

    def test_unknown_step(self) -> None:
        """An unknown step id is a ModelError that lists the ids there are."""
        with pytest.raises(ModelError, match="its steps are: s1, s2"):
            small_calendar().step("s9")

    def test_html(self) -> None:
        """The notebook view is a table shaped like the document's, text escaped."""
        html = small_calendar()._repr_html_()
        assert "<table" in html
        assert "ภายใน พ.ค. ๖๑" in html
        assert "เก็บข้อมูล &lt;ปัญหา&gt;" in html
        assert "สำนักงานจังหวัดสมุทรสาคร" in html
        assert "●" in html  # the Gantt mark of s1
        assert "<script" not in html
        assert "<table" in small_calendar().steps[0]._repr_html_()

    @pytest.mark.skipif(
        importlib.util.find_spec("pandas") is not None, reason="pandas is installed"
    )
    def test_dataframe_without_pandas(self) -> None:
        """Without pandas, to_dataframe says how to install it."""
        with pytest.raises(ModelError, match=r"pip install 'thaiplan\[pandas\]'"):
            small_calendar().to_dataframe()

    @pytest.mark.skipif(
        importlib.util.find_spec("pandas") is None, reason="pandas is not installed"
    )
    def test_dataframe(self) -> None:
        """With pandas, one row a step, indexed by id."""
        frame = small_calendar().to_dataframe()
        assert ["s1", "s2"] == list(frame.index)
        assert dt.date(2018, 7, 31) == frame.loc["s2", "end"]


class TestStartup:
    """``import thaiplan`` stays light."""

    def test_heavy_libraries_load_only_when_used(self) -> None:
        """holidays, networkx, PyYAML, cattrs, geothai and icalendar wait until they are needed."""
        import subprocess
        import sys

        code = (
            "import sys, thaiplan; "
            "print(sorted(m for m in ('holidays', 'networkx', 'yaml', 'cattrs', 'geothai',"
            " 'icalendar', 'dateutil') if m in sys.modules)); "
            "thaiplan.load_calendar('samut-sakhon-2563'); "
            "print('yaml' in sys.modules, 'networkx' in sys.modules)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]\nTrue False\n" == result.stdout

    def test_date_patterns_compile_on_first_use(self) -> None:
        """`import thaiplan` compiles none of the date patterns; the first parse compiles its own."""
        import subprocess
        import sys

        code = (
            "import thaiplan; from thaiplan.dates import _patterns as p; "
            "lazy = [v for v in vars(p).values() if isinstance(v, p.LazyPattern)]; "
            "print(len(lazy), sum('fullmatch' in vars(v) for v in lazy)); "
            "thaiplan.parse_date('๕ เม.ย. ๖๑'); "
            "print(sum('fullmatch' in vars(v) for v in lazy), 'fullmatch' in vars(p._DATE_RE))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "12 0\n1 True\n" == result.stdout

    def test_every_public_name_resolves(self) -> None:
        """Every name of thaiplan.__all__ is there, whether loaded at once or on first use."""
        import thaiplan

        assert [] == [name for name in thaiplan.__all__ if getattr(thaiplan, name, None) is None]
        assert set(thaiplan.__all__) <= set(dir(thaiplan))
        with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
            thaiplan.nonsense  # noqa: B018


class TestEscalationProperty:
    """Escalation over every level and proposer."""

    @given(project_ideas)
    def test_goes_up_one_level(self, idea: ProjectIdea) -> None:
        """Beyond its capacity an idea goes one level up (the national level has none)."""
        if not idea.beyond_capacity or idea.level is PlanLevel.NATIONAL:
            with pytest.raises(ModelError):
                idea.escalate()
            return
        up = idea.escalate()
        assert (idea.level.next(), idea.level, idea.title) == (
            up.level,
            up.escalated_from,
            up.title,
        )
