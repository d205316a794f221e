"""Tests of progress tracking: the records, the progress file, status() and due()."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import acyclic_calendars, ids, texts
from thaiplan import (
    CalendarFileError,
    ModelError,
    PlanningCalendar,
    Progress,
    ProgressState,
    Standing,
    StepProgress,
    dumps_progress,
    loads_progress,
    status,
)
from thaiplan.dates import format_date

SEED = thaiplan.load_calendar("samut-sakhon-2563")

# A report of mid-June 2561 on the Samut Sakhon round (the example of the how-to).
MID_JUNE = """\
format: thaiplan-progress/1
as_of: ๑๕ มิถุนายน ๒๕๖๑
calendar: samut-sakhon-2563
steps:
  s1: {finished: ๓๐ พ.ค. ๖๑, by: สำนักงานจังหวัดสมุทรสาคร}
  s2: {finished: ๒๘ พ.ค. ๖๑}
  s3: {started: ๔ เม.ย. ๖๑, finished: ๔ เม.ย. ๖๑}
  s4: {state: กำลังดำเนินการ, started: ๑ พ.ค. ๖๑, percent: 60}
  s5: {state: ยังไม่เริ่ม}
"""


class TestRecords:
    def test_state_from_the_dates(self) -> None:
        assert ProgressState.NOT_STARTED == StepProgress("s1").kind
        assert ProgressState.IN_PROGRESS == StepProgress("s1", started="1 พ.ค. 61").kind
        assert ProgressState.DONE == StepProgress("s1", finished="2018-05-02").kind

    def test_reported_state_wins(self) -> None:
        record = StepProgress("s1", state="ยกเลิก", started="1 พ.ค. 61")
        assert record.cancelled
        assert record.kind is ProgressState.CANCELLED

    @pytest.mark.parametrize(
        ("text", "state"),
        [
            ("เสร็จสิ้น", ProgressState.DONE),
            ("done", ProgressState.DONE),
            ("DONE", ProgressState.DONE),
            ("อยู่ระหว่างดำเนินการ", ProgressState.IN_PROGRESS),
            ("ล่าช้า", ProgressState.DELAYED),
        ],
    )
    def test_state_words(self, text: str, state: ProgressState) -> None:
        assert state is ProgressState.from_text(text)

    def test_unknown_state_lists_the_states(self) -> None:
        with pytest.raises(ModelError, match="เสร็จสิ้น \\(done\\)"):
            StepProgress("s1", state="finished-ish")

    def test_dates_in_code_are_written_in_iso(self) -> None:
        record = StepProgress("s1", finished=dt.date(2018, 5, 2))
        assert "2018-05-02" == record.finished
        assert dt.date(2018, 5, 2) == record.actual_finish

    def test_finish_before_start(self) -> None:
        with pytest.raises(ModelError, match="before it started"):
            StepProgress("s1", started="๓ พ.ค. ๖๑", finished="๒ พ.ค. ๖๑")

    @pytest.mark.parametrize("percent", [-1, 101, True, "50", 12.5])
    def test_percent(self, percent: object) -> None:
        with pytest.raises((ModelError, TypeError), match="whole number from 0 to 100"):
            StepProgress("s1", percent=percent)  # type: ignore[arg-type]

    def test_one_record_a_step(self) -> None:
        with pytest.raises(ModelError, match="reported twice"):
            Progress("1 มิ.ย. 61", [StepProgress("s1"), StepProgress("s1")])

    def test_lookup(self) -> None:
        progress = Progress("1 มิ.ย. 61", [StepProgress("s1")])
        assert progress["s1"] is progress.get("s1")
        assert progress.get("s2") is None
        with pytest.raises(ModelError, match="no progress is reported for step 's2'"):
            progress["s2"]
        replaced = progress.with_record(StepProgress("s1", finished="2 มิ.ย. 61"))
        assert 1 == len(replaced)
        assert replaced["s1"].done

    def test_evolve_reads_the_new_text(self) -> None:
        record = attrs.evolve(StepProgress("s1", finished="1 มิ.ย. 61"), finished="2 มิ.ย. 61")
        assert dt.date(2018, 6, 2) == record.actual_finish


class TestFile:
    def test_reads_as_written(self) -> None:
        progress = loads_progress(MID_JUNE)
        assert dt.date(2018, 6, 15) == progress.date
        assert "สำนักงานจังหวัดสมุทรสาคร" == progress["s1"].by
        assert 60 == progress["s4"].percent
        assert ["s1", "s2", "s3", "s4", "s5"] == [r.step for r in progress]

    def test_round_trip_keeps_the_text(self) -> None:
        progress = loads_progress(MID_JUNE)
        text = dumps_progress(progress)
        assert "๓๐ พ.ค. ๖๑" in text
        assert loads_progress(text) == progress
        assert dumps_progress(loads_progress(text)) == text
        assert loads_progress(dumps_progress(progress, format="json")) == progress

    @pytest.mark.parametrize(
        ("old", "new", "expected"),
        [
            ("state: กำลังดำเนินการ", "state: เสร็จ", (8, 15)),
            ("finished: ๒๘ พ.ค. ๖๑", "finished: ๓๒ พ.ค. ๖๑", (6, 18)),
            ("percent: 60", "percent: 160", (8, 60)),
            ("by: สำนัก", "who: สำนัก", (5, 30)),
            ("as_of: ๑๕ มิถุนายน ๒๕๖๑", "as_of: ๑๕ มิถุนายน", (2, 19)),  # no year
        ],
    )
    def test_problems_are_located(self, old: str, new: str, expected: tuple[int, int]) -> None:
        assert old in MID_JUNE
        with pytest.raises(CalendarFileError) as caught:
            loads_progress(MID_JUNE.replace(old, new), file="june.yaml")
        (problem,) = caught.value.problems
        assert ("june.yaml", *expected) == (problem.file, problem.line, problem.column)

    def test_step_inside_its_report(self) -> None:
        text = MID_JUNE.replace("s5: {state: ยังไม่เริ่ม}", "s5: {step: s5}")
        with pytest.raises(CalendarFileError, match="the step id is the key"):
            loads_progress(text)

    def test_steps_must_be_a_mapping(self) -> None:
        text = "format: thaiplan-progress/1\nas_of: 1 มิ.ย. 61\nsteps: [s1]\n"
        with pytest.raises(CalendarFileError, match="mapping from step id"):
            loads_progress(text)

    def test_format_key(self) -> None:
        with pytest.raises(CalendarFileError, match="needs 'format: thaiplan-progress/1'"):
            loads_progress("as_of: 1 มิ.ย. 61\n")
        with pytest.raises(CalendarFileError, match="this reader reads"):
            loads_progress("format: thaiplan-calendar/1\nas_of: 1 มิ.ย. 61\n")

    def test_files_and_paths(self, tmp_path: object) -> None:
        import pathlib

        assert isinstance(tmp_path, pathlib.Path)
        progress = loads_progress(MID_JUNE)
        for name in ("p.yaml", "p.json"):
            thaiplan.dump_progress(progress, tmp_path / name)
            assert progress == thaiplan.load_progress(tmp_path / name)
        assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["steps"]["s4"]

    def test_schema_accepts_what_is_written(self) -> None:
        jsonschema = pytest.importorskip("jsonschema")
        schema = thaiplan.progress_schema()
        jsonschema.Draft202012Validator.check_schema(schema)
        data = json.loads(dumps_progress(loads_progress(MID_JUNE), format="json"))
        jsonschema.validate(data, schema)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**data, "steps": {"s1": {"percent": 101}}}, schema)


@st.composite
def progresses(draw: st.DrawFn) -> Progress:
    days = st.dates(min_value=dt.date(2017, 1, 1), max_value=dt.date(2019, 12, 31))
    written = st.one_of(
        days.map(dt.date.isoformat),
        days.map(lambda d: format_date(d, style="abbr")),
        days.map(format_date),
    )
    records = []
    for step_id in draw(st.lists(ids, unique=True, max_size=6)):
        start = draw(st.one_of(st.none(), days))
        finish = draw(st.one_of(st.none(), days))
        if start is not None and finish is not None and finish < start:
            start, finish = finish, start
        records.append(
            StepProgress(
                step_id,
                state=draw(st.one_of(st.none(), st.sampled_from(list(ProgressState)))),
                started=format_date(start, style="abbr") if start else "",
                finished=finish.isoformat() if finish else "",
                percent=draw(st.one_of(st.none(), st.integers(0, 100))),
                reported=draw(st.one_of(st.just(""), written)),
                by=draw(texts),
                notes=draw(texts),
            )
        )
    return Progress(draw(written), records, calendar=draw(texts), notes=draw(texts))


class TestFileProperties:
    @settings(max_examples=60, deadline=None)
    @given(progresses(), st.sampled_from(["yaml", "json"]))
    def test_round_trip(self, progress: Progress, format: str) -> None:
        text = dumps_progress(progress, format=format)  # type: ignore[arg-type]
        assert loads_progress(text) == progress
        assert dumps_progress(loads_progress(text), format=format) == text  # type: ignore[arg-type]


def _finished_as_planned(calendar: PlanningCalendar) -> Progress:
    plan = thaiplan.schedule(calendar)
    records = [
        StepProgress(step_id, started=b.earliest_start, finished=b.earliest_finish)
        for step_id, b in plan.items()
    ]
    last = max(b.earliest_finish for b in plan.values())
    return Progress(last, records)


class TestStatus:
    def test_mid_june_on_the_seed(self) -> None:
        progress = loads_progress(MID_JUNE)
        result = status(SEED, progress=progress)
        assert dt.date(2018, 6, 15) == result.as_of
        standing = {step_id: s.standing.value for step_id, s in result.items()}
        assert {
            "s1": "done",
            "s2": "done",
            "s3": "done",
            "s4": "overdue",  # due by 30 May (the plan's latest finish), still under way
            "s5": "overdue",
            "s6": "due",
            "s7": "due",
            "s8": "not_yet_due",
        }.items() <= standing.items()
        # s4 is 60% done on 15 June: 40% of its one day is left, so it finishes that day
        assert dt.date(2018, 6, 15) == result["s4"].forecast_finish
        assert 16 == result["s4"].days_late
        # s6 follows s1, s2 and s4: it starts the day after s4's forecast finish
        assert dt.date(2018, 6, 16) == result["s6"].forecast_start
        assert ("s4", "s5") == tuple(s.step for s in result.overdue)

    def test_working_days_left(self) -> None:
        result = status(SEED, as_of=dt.date(2018, 6, 15))
        # 15 to 30 June 2561: 15, 18-22, 25-29 June are working days (weekends aside)
        assert 11 == result["s6"].working_days_left
        assert result["s1"].working_days_left is not None
        assert result["s1"].working_days_left < 0

    def test_due_in_a_span(self) -> None:
        found = thaiplan.due(SEED, dt.date(2018, 7, 1), dt.date(2018, 7, 31))
        assert ["s7", "s9", "s8", "s10"] == [s.step for s in found]
        assert all(dt.date(2018, 7, 1) <= s.latest_finish <= dt.date(2018, 7, 31) for s in found)

    def test_as_of_needed(self) -> None:
        with pytest.raises(ModelError, match="needs a status date"):
            status(SEED)

    def test_unknown_step_in_progress(self) -> None:
        progress = Progress("1 มิ.ย. 61", [StepProgress("s99")])
        with pytest.raises(ModelError, match="s99"):
            status(SEED, progress=progress)

    @pytest.mark.parametrize("wrong", [None, "samut-sakhon-2563", 42])
    def test_wrong_source(self, wrong: object) -> None:
        with pytest.raises(TypeError, match="must be a PlanningCalendar or a PlanningDocument"):
            status(wrong, as_of=dt.date(2018, 6, 1))  # type: ignore[arg-type]

    def test_document_deadlines_count(self) -> None:
        document = thaiplan.load_document("samut-sakhon-2563")
        # resolution 3.1 puts s7 due by the end of June, not July
        assert (
            dt.date(2018, 6, 30) >= status(document, as_of=dt.date(2018, 6, 1))["s7"].latest_finish
        )

    @settings(max_examples=40, deadline=None)
    @given(acyclic_calendars(dated=True), st.dates(dt.date(2017, 6, 1), dt.date(2019, 6, 1)))
    def test_every_step_has_one_standing(self, calendar: PlanningCalendar, day: dt.date) -> None:
        result = status(calendar, as_of=day)
        assert [s.id for s in calendar.steps] == list(result)
        assert len(calendar.steps) == sum(len(result.in_standing(s)) for s in Standing)

    @settings(max_examples=40, deadline=None)
    @given(acyclic_calendars(dated=True))
    def test_finished_as_planned_forecasts_the_plan(self, calendar: PlanningCalendar) -> None:
        plan = thaiplan.schedule(calendar)
        progress = _finished_as_planned(calendar)
        result = status(calendar, progress=progress)
        for step_id, bounds in plan.items():
            assert Standing.DONE is result[step_id].standing
            assert bounds.earliest_start == result[step_id].forecast_start
            assert bounds.earliest_finish == result[step_id].forecast_finish

    @settings(max_examples=40, deadline=None)
    @given(acyclic_calendars(dated=True), st.data())
    def test_finishing_earlier_never_delays_another(
        self, calendar: PlanningCalendar, data: st.DataObject
    ) -> None:
        plan = thaiplan.schedule(calendar)
        step_id = data.draw(st.sampled_from(list(plan)))
        bounds = plan[step_id]
        as_of = bounds.earliest_finish + dt.timedelta(days=10)
        late = bounds.earliest_finish + dt.timedelta(days=data.draw(st.integers(0, 9)))
        earlier = late - dt.timedelta(days=data.draw(st.integers(0, 5)))
        earlier = max(earlier, bounds.earliest_start)
        first = status(
            calendar,
            progress=Progress(
                as_of, [StepProgress(step_id, started=bounds.earliest_start, finished=late)]
            ),
        )
        second = status(
            calendar,
            progress=Progress(
                as_of, [StepProgress(step_id, started=bounds.earliest_start, finished=earlier)]
            ),
        )
        for other in plan:
            assert second[other].forecast_finish <= first[other].forecast_finish


class TestCommands:
    def run(self, *argv: str) -> tuple[int, str]:
        import io

        from thaiplan.cli import main

        out = io.StringIO()
        return main(list(argv), out=out), out.getvalue()

    def test_status_with_a_progress_file(self, tmp_path: object) -> None:
        import pathlib

        assert isinstance(tmp_path, pathlib.Path)
        (tmp_path / "june.yaml").write_text(MID_JUNE, encoding="utf-8")
        code, text = self.run(
            "status", "samut-sakhon-2563", "--progress", str(tmp_path / "june.yaml")
        )
        assert 0 == code
        assert "as of 2018-06-15" in text
        assert "3 done · 2 overdue" in text
        code, text = self.run(
            "status",
            "samut-sakhon-2563",
            "--progress",
            str(tmp_path / "june.yaml"),
            "--format",
            "json",
        )
        data = json.loads(text)
        assert "2018-06-15" == data["as_of"]
        assert {"step": "s4", "standing": "overdue"}.items() <= data["steps"][3].items()

    def test_status_in_thai(self) -> None:
        code, text = self.run(
            "status", "samut-sakhon-2563", "--as-of", "๑๕ มิ.ย. ๖๑", "--lang", "th"
        )
        assert 0 == code
        assert "สถานะ ณ วันที่ ๑๕ มิถุนายน ๒๕๖๑" in text
        assert "๕ เลยกำหนด" in text

    def test_due_within_working_days(self) -> None:
        code, text = self.run(
            "due", "samut-sakhon-2563", "--as-of", "๒๕ ก.ค. ๖๑", "--within", "10wd"
        )
        assert 0 == code
        # ten working days from 25 July 2561: 25, 26, 31 July, 1-3 and 6-9 August
        # (27 July is อาสาฬหบูชา, 28 July the King's birthday, kept on Monday the 30th)
        assert "due 2018-07-25 to 2018-08-09: 3 steps" in text
        assert "s9 " in text

    def test_due_until(self) -> None:
        code, text = self.run(
            "due",
            "samut-sakhon-2563",
            "--as-of",
            "1 ก.ค. 61",
            "--until",
            "31 ก.ค. 61",
            "--format",
            "json",
        )
        assert 0 == code
        # the built-in document's resolution 3.1 puts s7 due by 30 June, so it is not due in July
        assert ["s9", "s8", "s10"] == [s["step"] for s in json.loads(text)["steps"]]

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["due", "samut-sakhon-2563", "--within", "10x"], "write a span such as 10wd"),
            (["status", "samut-sakhon-2563", "--as-of", "๓๒ มิ.ย. ๖๑"], "--as-of '๓๒ มิ.ย. ๖๑'"),
            (
                ["due", "samut-sakhon-2563", "--as-of", "1 ก.ค. 61", "--until", "1 มิ.ย. 61"],
                "before it starts",
            ),
        ],
    )
    def test_mistakes(
        self, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _ = self.run(*argv)
        assert 2 == code
        assert message in capsys.readouterr().err


class TestRules:
    def codes(self, progress: Progress) -> dict[str, list[tuple[str, ...]]]:
        report = thaiplan.validate(SEED, progress=progress)
        found: dict[str, list[tuple[str, ...]]] = {}
        for finding in report:
            if finding.code.startswith("progress-"):
                found.setdefault(finding.code, []).append(finding.steps or finding.objects)
        return found

    def test_mid_june(self) -> None:
        found = self.codes(loads_progress(MID_JUNE))
        assert {"progress-overdue": [("s4",), ("s5",)]} == found

    def test_without_progress_the_rules_are_silent(self) -> None:
        report = thaiplan.validate(SEED)
        assert not [f for f in report if f.code.startswith("progress-")]

    def test_reports_that_cannot_be_true(self) -> None:
        progress = Progress(
            "๑๕ มิ.ย. ๖๑",
            [
                StepProgress("s3", finished="๔ เม.ย. ๖๑"),
                StepProgress("s4", started="๓ เม.ย. ๖๑"),  # before s3 finished
                StepProgress("s5", started="๑ พ.ค. ๖๑", finished="๒๐ มิ.ย. ๖๑"),  # in the future
                StepProgress("s8", state="กำลังดำเนินการ"),  # s7 not started
                StepProgress("s99", state="เสร็จสิ้น"),
            ],
        )
        found = self.codes(progress)
        assert [("s3", "s4")] == found["progress-before-predecessor"]
        assert [("s5",)] == found["progress-in-future"]
        assert ("s7", "s8") in found["progress-predecessor-not-started"]
        assert [("progress.steps.s99",)] == found["progress-unknown-step"]

    def test_at_risk(self) -> None:
        calendar = thaiplan.loads_calendar(
            "format: thaiplan-calendar/1\ntitle: t\nprovince: สมุทรสาคร\nfiscal_year: 2562\n"
            "steps:\n  - {id: a, no: 1, phase: p, title: ก, when: มิ.ย. ๖๑, duration: 10}\n"
        )
        # started on 20 June with nothing done yet: 10 days from 25 June end on 4 July
        progress = Progress("๒๕ มิ.ย. ๖๑", [StepProgress("a", started="๒๐ มิ.ย. ๖๑", percent=0)])
        result = status(calendar, progress=progress)
        assert Standing.AT_RISK is result["a"].standing
        assert dt.date(2018, 7, 4) == result["a"].forecast_finish
        assert 4 == result["a"].days_late
        report = thaiplan.validate(calendar, progress=progress, only=["progress-at-risk"])
        assert [("a",)] == [f.steps for f in report]
        assert "4 days after its latest finish 2018-06-30" in report.findings[0].message_en

    def test_every_progress_code_is_triggered_here(self) -> None:
        from test_validate import PROGRESS_CODES

        assert {
            r.code for r in thaiplan.rules() if r.code.startswith("progress-")
        } == PROGRESS_CODES

    def test_messages_in_thai(self) -> None:
        report = thaiplan.validate(
            SEED, progress=loads_progress(MID_JUNE), only=["progress-overdue"]
        )
        assert "เลยกำหนด" in report.findings[0].message_th

    def test_wrong_progress(self) -> None:
        with pytest.raises(TypeError, match=r"validate\(progress\) must be a Progress or None"):
            thaiplan.validate(SEED, progress="june.yaml")  # type: ignore[arg-type]


def test_validate_command_reads_progress(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    import pathlib

    from thaiplan.cli import main

    assert isinstance(tmp_path, pathlib.Path)
    (tmp_path / "june.yaml").write_text(MID_JUNE, encoding="utf-8")
    main(["validate", "samut-sakhon-2563", "--progress", str(tmp_path / "june.yaml")])
    out = capsys.readouterr().out
    assert "progress-overdue [s4]" in out
