"""Adaptation end to end: good sessions progress, a flare-up regresses, missed weeks re-plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adaptation.log_fixtures import session_log
from spinewise.adaptation.engine import adapt
from spinewise.catalog import load_catalog
from spinewise.logbook.entries import Readiness, SessionLog
from spinewise.logbook.planned import PlannedSession, planned_sessions
from spinewise.planning.plan import Plan
from spinewise.planning.planner import make_plan
from spinewise.planning.request import PlanRequest
from spinewise.planning.validate import validate_plan

CATALOG = load_catalog()
REQUEST = PlanRequest(
    name="Adapt",
    sex="female",
    age=34,
    body_mass_kg=64.0,
    training_experience="novice",
    days_per_week=3,
    minutes_per_session=40,
    weeks=4,
    equipment=frozenset({"mat", "band", "dumbbell", "medicine_ball", "bench", "wall"}),
    sensitivities=frozenset({"flexion"}),
    pain_current=2,
    start_date=date(2026, 12, 7),
)
PLAN = make_plan(REQUEST, CATALOG)
SESSIONS = planned_sessions(PLAN)


_log = session_log  # one log of a planned session, shared with the other adaptation tests


def _items(plan: Plan, key: tuple[int, int]) -> dict[str, dict[str, Any]]:
    session = plan.session_at(*key)
    assert session is not None
    return {it.exercise_id: it.to_json() for _, it in session.items()}


def test_good_session_progresses_with_reasons() -> None:
    first = SESSIONS[0]
    result = adapt(
        PLAN,
        [_log(first, pain_during=2)],
        request=REQUEST,
        catalog=CATALOG,
        today=first.date + timedelta(days=1),
    )  # type: ignore[operator]
    assert not result.replanned
    assert result.plan.version == 2
    assert {d.verdict for d in result.decisions.values()} == {"progress"}
    assert result.changes
    for change in result.changes:
        assert change.verdict == "progress"
        assert "met their targets" in change.reasons[0]
        assert "safe band" in change.reasons[0]
    before = _items(PLAN, SESSIONS[1].key)
    after = _items(result.plan, SESSIONS[1].key)
    stepped = [eid for eid in before if eid in after and before[eid] != after[eid]]
    assert stepped or any(eid not in before for eid in after)
    assert validate_plan(result.plan, REQUEST, CATALOG) == []


def test_missed_targets_hold() -> None:
    first = SESSIONS[0]
    result = adapt(
        PLAN,
        [_log(first, pain_during=2, met=False)],
        request=REQUEST,
        catalog=CATALOG,
        today=first.date,
    )  # type: ignore[arg-type]
    assert {d.verdict for d in result.decisions.values()} == {"hold"}
    assert result.changes == []


def test_flare_up_regresses_to_the_catalogue_regression() -> None:
    first = SESSIONS[0]
    result = adapt(
        PLAN, [_log(first, pain_during=7)], request=REQUEST, catalog=CATALOG, today=first.date
    )  # type: ignore[arg-type]
    assert {d.verdict for d in result.decisions.values()} == {"regress"}
    assert all(
        "pain during the session was unacceptable" in d.reasons[0]
        for d in result.decisions.values()
    )
    swapped = [c for c in result.changes if c.now != c.exercise_id]
    assert swapped, "a flare-up should move some exercise to its regression"
    for c in swapped:
        assert c.now in CATALOG.get(c.exercise_id).regressions


def test_next_morning_pain_and_low_readiness_reduce() -> None:
    first = SESSIONS[0]
    for log in (
        _log(first, pain_during=3, next_morning=4),
        _log(first, pain_during=2, readiness=Readiness(sleep_h=4, soreness=5, stress=5, energy=1)),
    ):
        result = adapt(PLAN, [log], request=REQUEST, catalog=CATALOG, today=first.date)  # type: ignore[arg-type]
        assert {d.verdict for d in result.decisions.values()} == {"regress"}
        for c in result.changes:
            assert c.now == c.exercise_id  # fewer sets or shorter holds, same exercise


def test_missed_sessions_replan_the_rest_from_next_monday() -> None:
    today = date(2026, 12, 21)  # the plan started on 2026-12-07; weeks 1 and 2 were never logged
    result = adapt(PLAN, [], request=REQUEST, catalog=CATALOG, today=today)
    assert result.replanned
    change = result.changes[0]
    assert change.verdict == "replan"
    assert change.from_week == 1
    assert "were missed" in change.reasons[0]
    first_date = result.plan.weeks[0].sessions[0].date
    assert first_date == date(2026, 12, 21)
    assert (
        validate_plan(result.plan, replace(REQUEST, start_date=date(2026, 12, 21)), CATALOG) == []
    )


def test_missed_week_two_keeps_week_one() -> None:
    logs = [_log(s, pain_during=2) for s in SESSIONS if s.week == 1]
    today = date(2026, 12, 24)  # week 2 (Dec 14-20) missed entirely
    result = adapt(PLAN, logs, request=REQUEST, catalog=CATALOG, today=today)
    assert result.replanned
    assert result.changes[0].from_week == 2
    assert result.plan.weeks[0] == PLAN.weeks[0]
    week2 = result.plan.weeks[1]
    assert week2.sessions[0].date == date(2026, 12, 28)


def test_unacceptable_pain_still_regresses_after_a_replan() -> None:
    second_week = [s for s in SESSIONS if s.week == 2]
    log = _log(second_week[0], pain_during=8)  # week 1 was never logged: a re-plan follows
    result = adapt(PLAN, [log], request=REQUEST, catalog=CATALOG, today=second_week[0].date)  # type: ignore[arg-type]
    assert result.replanned
    verdicts = [c.verdict for c in result.changes]
    assert verdicts[0] == "replan"
    assert "progress" not in verdicts
    assert "regress" in verdicts


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    session_index=st.integers(0, 2),
    pain=st.integers(6, 10),
    rpe=st.floats(1, 10),
    met=st.booleans(),
    morning=st.one_of(st.none(), st.integers(0, 10)),
)
def test_nothing_progresses_after_unacceptable_pain(
    session_index: int, pain: int, rpe: float, met: bool, morning: int | None
) -> None:
    ps = SESSIONS[session_index]
    earlier = [_log(s, pain_during=1) for s in SESSIONS[:session_index]]
    log = _log(ps, pain_during=pain, rpe=rpe, met=met, next_morning=morning)
    assert ps.date is not None
    result = adapt(PLAN, [*earlier, log], request=REQUEST, catalog=CATALOG, today=ps.date)
    assert not result.replanned
    assert all(d.verdict == "regress" for d in result.decisions.values())
    assert all(c.verdict != "progress" for c in result.changes)
    for key in {(c.week, c.session) for c in result.changes}:
        before, after = _items(PLAN, key), _items(result.plan, key)
        for eid, item in after.items():
            if eid in before:
                old = before[eid]
                assert item["sets"] <= old["sets"]
                assert (item["reps"] or 0) <= (old["reps"] or 0)
                assert (item["hold_s"] or 0) <= (old["hold_s"] or 0)


def test_unacceptable_pain_holds_back_the_whole_next_session() -> None:
    first, second = SESSIONS[0], SESSIONS[1]
    log = _log(first, pain_during=8)
    assert first.date is not None
    result = adapt(PLAN, [log], request=REQUEST, catalog=CATALOG, today=first.date)
    nxt = result.plan.session_at(second.week, second.session)
    assert nxt is not None
    for _, item in nxt.items():
        assert any(w.startswith("adapted (regress)") for w in item.why), item.exercise_id
        assert all(d.verdict == "regress" for d in result.decisions.values())


def test_next_morning_is_judged_against_the_morning_before_not_the_profile() -> None:
    """Someone whose profile said 8/10: mornings 4 then 5 is a rise, so the next session reduces.

    Against the profile's 8/10 alone the rule could never fire.
    """
    high = replace(REQUEST, pain_current=8)
    first, second = SESSIONS[0], SESSIONS[1]
    logs = [
        _log(first, pain_during=2, next_morning=4),
        _log(second, pain_during=2, next_morning=5),
    ]
    day = second.date
    result = adapt(PLAN, logs, request=high, catalog=CATALOG, today=day)  # type: ignore[arg-type]
    assert result.signals is not None
    assert result.signals.next_morning is not None
    assert result.signals.next_morning.decision == "reduce"
    assert "morning before (4/10)" in result.signals.next_morning.reason
    assert {d.verdict for d in result.decisions.values()} == {"regress"}
    steady = [logs[0], _log(second, pain_during=2, next_morning=4)]
    calm = adapt(PLAN, steady, request=high, catalog=CATALOG, today=day)  # type: ignore[arg-type]
    assert calm.signals is not None
    assert calm.signals.next_morning is not None
    assert calm.signals.next_morning.decision == "continue"


def test_the_usual_morning_is_the_median_of_the_last_week_of_mornings() -> None:
    """Mornings 1,1,1,1,1,1 then 2 after a 3: above the usual 1, though below the 3 before."""
    logs = [
        _log(s, pain_during=1, next_morning=m)
        for s, m in zip(SESSIONS[:8], [1, 1, 1, 1, 1, 1, 3, 2], strict=True)
    ]
    result = adapt(PLAN, logs, request=REQUEST, catalog=CATALOG, today=SESSIONS[7].date)  # type: ignore[arg-type]
    assert result.signals is not None
    assert result.signals.next_morning is not None
    assert result.signals.next_morning.decision == "reduce"
    assert "usual morning pain (1/10)" in result.signals.next_morning.reason


def _dated(ps: PlannedSession, day: date, **kw: Any) -> SessionLog:
    log = _log(ps, **kw)
    return log.model_copy(update={"started_at": datetime.combine(day, datetime.min.time())})


def test_six_weeks_without_improvement_asks_for_a_clinician() -> None:
    start = date(2026, 12, 7)
    ps = SESSIONS[0]
    same = [_dated(ps, start + timedelta(days=7 * w), pain_during=4) for w in range(7)]
    review = adapt(
        PLAN, same, request=REQUEST, catalog=CATALOG, today=start + timedelta(days=43)
    ).review
    assert review is not None
    assert review.decision == "see_clinician"
    assert "After 6 weeks" in review.reason
    assert "4.0/10" in review.reason
    assert "see a doctor or physiotherapist" in review.reason
    early = adapt(
        PLAN, same[:5], request=REQUEST, catalog=CATALOG, today=start + timedelta(days=30)
    )
    assert early.review is None  # under six weeks: too early to judge
    better = [
        _dated(ps, start + timedelta(days=7 * w), pain_during=p)
        for w, p in enumerate([4, 4, 4, 3, 3, 2, 2])
    ]
    improving = adapt(
        PLAN, better, request=REQUEST, catalog=CATALOG, today=start + timedelta(days=43)
    )
    assert improving.review is None
