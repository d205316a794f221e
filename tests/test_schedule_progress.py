"""schedule(calendar, progress=, as_of=): actual dates fix the steps, the rest is re-bounded."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import acyclic_calendars
from thaiplan import ModelError, PlanningCalendar, Progress, StepProgress, schedule, status

# d5 then d6, as in the issue: d6 cannot start before d5's actual finish.
CHAIN = thaiplan.loads_calendar(
    """
format: thaiplan-calendar/1
title: ปฏิทินทดสอบ
province: สมุทรสาคร
fiscal_year: 2563
steps:
  - {id: d5, no: 5, phase: p, title: ประชุม, when: พ.ค. ๖๑, duration: 10}
  - {id: d6, no: 6, phase: p, title: สรุปผล, when: มิ.ย. ๖๑, duration: 5, after: [d5]}
  - {id: d7, no: 7, phase: p, title: เสนอแผน, when: ก.ค. ๖๑, duration: 3, after: [{step: d6, lag: 2}]}
"""
)


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class TestKnownAnswers:
    def test_actual_finish_fixes_the_step_and_rebounds_the_next(self) -> None:
        reports = Progress(
            "๒๕ มิ.ย. ๖๑", [StepProgress("d5", started="๑๒ พ.ค. ๖๑", finished="๑๐ มิ.ย. ๖๑")]
        )
        result = schedule(CHAIN, progress=reports)
        assert _d("2018-05-12") == result["d5"].earliest_start
        assert _d("2018-06-10") == result["d5"].earliest_finish
        # d6 has not started by 25 June: it starts the next day, and d7 two days after it
        assert _d("2018-06-26") == result["d6"].earliest_start
        assert _d("2018-06-30") == result["d6"].earliest_finish
        assert _d("2018-07-03") == result["d7"].earliest_start
        # the plan's deadlines stay: d5 finished 21 days before 30 June... of its own window
        assert _d("2018-05-31") == result["d5"].latest_finish
        assert -10 == result["d5"].total_slack  # it finished 10 days after its window
        assert 0 == result["d6"].total_slack
        assert result.as_of == _d("2018-06-25")
        assert result.progress is reports

    def test_explain_names_the_actual_dates(self) -> None:
        reports = Progress("๑๐ มิ.ย. ๖๑", [StepProgress("d5", finished="๕ มิ.ย. ๖๑")])
        result = schedule(CHAIN, progress=reports, as_of=dt.date(2018, 6, 1))
        (link,) = result.explain("d5").earliest_start
        assert "actual" == link.cause
        assert "actual finish 2018-06-05 (progress file as of 2018-06-10)" in link.message_en
        assert "ตามรายงานความก้าวหน้า ณ ๑๐ มิ.ย. ๖๑" in link.message_th
        chain = result.explain("d6").earliest_start
        assert ("after", "d5") == (chain[0].cause, chain[0].other)
        assert chain[0].message_en == (
            "d6 cannot start before 2018-06-06 because it follows d5, which actually finished"
            " on 2018-06-05 (progress file as of 2018-06-10), with lag 0"
        )
        assert "ซึ่งเสร็จจริงเมื่อ ๕ มิ.ย. ๖๑" in chain[0].message_th
        # d7 keeps its stated start, 1 July, later than d6 allows
        assert _d("2018-07-01") == result["d7"].earliest_start

    def test_the_plans_reasons_stay_where_the_plan_still_bounds(self) -> None:
        reports = Progress("๒๕ พ.ค. ๖๑", [StepProgress("d5", finished="๒๐ พ.ค. ๖๑")])
        result = schedule(CHAIN, progress=reports)
        chain = result.explain("d6").earliest_start
        assert [("window", "d6")] == [(c.cause, c.step) for c in chain]
        assert _d("2018-06-01") == result["d6"].earliest_start

    def test_not_started_starts_after_the_status_date(self) -> None:
        result = schedule(CHAIN, as_of=dt.date(2018, 6, 20))
        (link, *_) = result.explain("d5").earliest_start
        assert "as_of" == link.cause
        assert "it has not started by the status date 2018-06-20" in link.message_en
        assert _d("2018-06-21") == result["d5"].earliest_start
        assert result["d5"].total_slack < 0
        assert not result.feasible
        assert "d5" in {chain.bound.step for chain in result.infeasible_chains}

    def test_in_progress_by_its_percent(self) -> None:
        reports = Progress("๑๕ พ.ค. ๖๑", [StepProgress("d5", started="๑ พ.ค. ๖๑", percent=20)])
        result = schedule(CHAIN, progress=reports)
        # 10 days, 20% done: 8 days left from 15 May, to 22 May; d6 keeps its window
        assert _d("2018-05-22") == result["d5"].earliest_finish
        link = result.explain("d5").earliest_start[0]
        assert "20% done" in link.message_en
        assert "ร้อยละ ๒๐" in link.message_th

    def test_a_document_keeps_its_resolutions_deadlines(self) -> None:
        document = thaiplan.load_document("samut-sakhon-2563")
        plan = schedule(document)
        result = schedule(document, as_of=dt.date(2018, 4, 1))
        for step_id in plan:
            assert plan[step_id].latest_finish == result[step_id].latest_finish

    def test_mistakes(self) -> None:
        with pytest.raises(thaiplan.errors.ModelTypeError, match=r"schedule\(progress\)"):
            schedule(CHAIN, progress="p.yaml")  # type: ignore[arg-type]
        with pytest.raises(thaiplan.errors.ModelTypeError, match=r"schedule\(as_of\)"):
            schedule(CHAIN, as_of="2018-06-01")  # type: ignore[arg-type]
        with pytest.raises(ModelError, match="does not have: zz"):
            schedule(CHAIN, progress=Progress("๑ มิ.ย. ๖๑", [StepProgress("zz")]))


class TestProperties:
    @settings(max_examples=40, deadline=None)
    @given(acyclic_calendars(), st.dates(dt.date(2017, 6, 1), dt.date(2019, 6, 1)))
    def test_agrees_with_status(self, calendar: PlanningCalendar, day: dt.date) -> None:
        """The schedule's earliest days are the status's forecast, and the latest the plan's."""
        plan = schedule(calendar)
        result = schedule(calendar, as_of=day)
        standing = status(calendar, as_of=day)
        for step_id, bounds in result.items():
            assert standing[step_id].forecast_start == bounds.earliest_start
            assert standing[step_id].forecast_finish == bounds.earliest_finish
            assert plan[step_id].latest_finish == bounds.latest_finish
            assert bounds.earliest_start > day  # nothing has started
            explanation = result.explain(step_id)
            assert explanation.earliest_start[0].date == bounds.earliest_start

    @settings(max_examples=40, deadline=None)
    @given(acyclic_calendars())
    def test_finished_as_planned_is_the_plan(self, calendar: PlanningCalendar) -> None:
        plan = schedule(calendar)
        assume(all(b.earliest_start is not None for b in plan.values()))  # an open step has no plan
        records = [
            StepProgress(step_id, started=b.earliest_start, finished=b.earliest_finish)
            for step_id, b in plan.items()
        ]
        progress = Progress(max(b.earliest_finish for b in plan.values()), records)
        result = schedule(calendar, progress=progress)
        for step_id, bounds in plan.items():
            assert bounds == result[step_id]

    @settings(max_examples=40, deadline=None)
    @given(acyclic_calendars(), st.data())
    def test_finishing_earlier_never_delays_another(
        self, calendar: PlanningCalendar, data: st.DataObject
    ) -> None:
        plan = schedule(calendar)
        step_id = data.draw(st.sampled_from(list(plan)))
        bounds = plan[step_id]
        assume(bounds.earliest_start is not None)  # an open step has no planned days
        assert bounds.earliest_finish is not None
        as_of = bounds.earliest_finish + dt.timedelta(days=10)
        late = bounds.earliest_finish + dt.timedelta(days=data.draw(st.integers(0, 9)))
        earlier = max(late - dt.timedelta(days=data.draw(st.integers(0, 5))), bounds.earliest_start)

        def finished(day: dt.date) -> thaiplan.Schedule:
            record = StepProgress(step_id, started=bounds.earliest_start, finished=day)
            return schedule(calendar, progress=Progress(as_of, [record]))

        first, second = finished(late), finished(earlier)
        for other in plan:
            assert second[other].earliest_finish <= first[other].earliest_finish
