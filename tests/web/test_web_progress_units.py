"""Pure parts of the web app: the plan cache, progress series, charts."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from spinewise.logbook import (
    PainScores,
    PlanRecord,
    ProfileRecord,
    SessionLog,
    SetLog,
)
from spinewise.services.plancache import PlanCache, PlanEntry
from spinewise.store import StoredPlan
from spinewise.web import charts
from spinewise.web.progress import (
    acwr_rolling,
    best_e1rm,
    daily_loads,
    epley_e1rm_kg,
    hold_series,
    pain_series,
)


def _plan(dates: list[date | None]) -> dict[str, Any]:
    sessions = [
        {"index": i + 1, "date": None if d is None else d.isoformat(), "blocks": []}
        for i, d in enumerate(dates)
    ]
    return {"weeks": [{"index": 1, "sessions": sessions}]}


def _stored(plan_id: int, plan: dict[str, Any]) -> StoredPlan:
    return StoredPlan(plan_id, PlanRecord(version=1, created_at=datetime(2026, 1, 1), plan=plan))


def test_plan_cache_loads_once_and_keys_by_athlete() -> None:
    cache = PlanCache(size=2)
    loads: list[int] = []

    def loader(plan_id: int, plan: dict[str, Any]) -> Any:
        return lambda: (loads.append(plan_id), PlanEntry.make(_stored(plan_id, plan), {}))[1]

    key = (1, 10, 1, datetime(2026, 1, 1))
    first = cache.get(key, loader(10, _plan([None])))
    again = cache.get(key, loader(10, _plan([None, None])))
    assert first is again
    assert loads == [10]
    # The same plan id of another athlete (an id the database reused) is another entry.
    other = cache.get((2, 10, 1, datetime(2026, 1, 1)), loader(10, _plan([None, None])))
    assert other is not None
    assert len(other.sessions) == 2
    cache.forget_athlete(1)
    cache.get(key, loader(10, _plan([None])))
    assert loads == [10, 10, 10]
    assert cache.get((3, 11, 1, datetime(2026, 1, 1)), lambda: None) is None


def test_loads_ratio_and_unrated_sessions() -> None:
    start = datetime(2026, 1, 1, 18)
    sessions = [
        SessionLog(started_at=start + timedelta(days=i), session_rpe=5, duration_min=20)
        for i in range(28)
    ] + [SessionLog(started_at=start + timedelta(days=28, hours=1))]
    series = daily_loads(sessions, until=date(2026, 2, 3))
    assert series.unrated_sessions == 1
    assert series.load_au[:2] == (100.0, 100.0)
    assert series.load_au[-1] == 0.0
    ratio = acwr_rolling(series.load_au)
    assert ratio[26] is None
    assert ratio[27] == pytest.approx(1.0)
    # The last day: 1 loaded day in the last 7, 22 in the last 28.
    assert ratio[-1] == pytest.approx((1 * 100 / 7) / (22 * 100 / 28))
    assert acwr_rolling([0.0] * 30)[-1] is None


def test_epley_and_best_e1rm_only_for_up_to_ten_reps() -> None:
    assert epley_e1rm_kg(100.0, 5) == pytest.approx(116.67, abs=0.01)  # science.md [C2]
    day = datetime(2026, 1, 5, 18)
    sets = (
        SetLog(exercise_id="rdl", set_number=1, reps=5, load_kg=60.0),
        SetLog(exercise_id="rdl", set_number=2, reps=12, load_kg=80.0),  # > 10 reps: left out
        SetLog(exercise_id="rdl", set_number=3, reps=8, load_kg=None),
        SetLog(exercise_id="plank", set_number=1, hold_s=30.0),
    )
    best = best_e1rm([SessionLog(started_at=day, sets=sets)])
    assert best == {"rdl": [(date(2026, 1, 5), pytest.approx(70.0))]}


def test_pain_and_hold_series() -> None:
    s = SessionLog(started_at=datetime(2026, 1, 5, 18), pain=PainScores(before=2, after=1))
    series = pain_series([s])
    assert series["before"] == [(date(2026, 1, 5), 2)]
    assert series["during"] == []
    profiles = [
        ProfileRecord(recorded_at=datetime(2026, 1, 1), profile={"tests": {"trunk_flexor_s": 40}}),
        ProfileRecord(recorded_at=datetime(2026, 2, 1), profile={"tests": {}}),
    ]
    holds = hold_series(profiles)
    assert holds["trunk_flexor_s"] == [(datetime(2026, 1, 1), 40.0)]


def test_charts_are_deterministic_svg_and_say_when_empty() -> None:
    sessions = [
        SessionLog(
            started_at=datetime(2026, 1, 1, 18) + timedelta(days=2 * i),
            session_rpe=6,
            duration_min=30,
            pain=PainScores(before=2, during=3),
        )
        for i in range(20)
    ]
    series = daily_loads(sessions)
    one = charts.load_chart(series, acwr_rolling(series.load_au))
    two = charts.load_chart(series, acwr_rolling(series.load_au))
    assert one == two
    assert one.lstrip().startswith("<?xml")
    assert "<svg" in one
    assert "7:28 ratio" in one
    assert "No sessions logged yet" in charts.load_chart(daily_loads([]), [])
    assert "No pain ratings" in charts.pain_chart({"before": []})
    assert "No hold tests" in charts.holds_chart({})
    assert "No loaded sets" in charts.e1rm_chart({}, {})
    assert "<svg" in charts.pain_chart(pain_series(sessions))
