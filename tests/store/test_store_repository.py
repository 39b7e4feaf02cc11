"""Repositories: sessions, plans, profiles, scoped to their athlete."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from spinewise.errors import InputError
from spinewise.logbook import PlannedRef, SessionLog, SetLog
from spinewise.planning.plan import Plan
from spinewise.store import (
    add_session,
    get_plan,
    get_session,
    latest_plan,
    list_plans,
    list_sessions,
    logged_planned_sessions,
    reading,
    save_plan,
    set_next_morning_pain,
    writing,
)
from spinewise.store.sessions import athlete_id

DOC = json.loads((Path(__file__).parents[1] / "logbook/data/plan_small.json").read_text())
PLAN = Plan.from_json(DOC)
ADAPTED = Plan.from_json({**DOC, "findings": []})


def _session(day: int, *exercises: str, **extra: object) -> SessionLog:
    sets = tuple(SetLog(exercise_id=e, set_number=1, reps=5) for e in exercises)
    return SessionLog(started_at=datetime(2026, 4, day, 18), sets=sets, **extra)


def test_sessions_round_trip_and_stay_with_their_athlete(engine):
    with writing(engine) as db:
        ann, bob = athlete_id(db, "ann"), athlete_id(db, "bob")
        sid = add_session(db, ann, _session(1, "bird_dog", "side_plank", session_rpe=5))
    with reading(engine) as db:
        stored = get_session(db, ann, sid)
        assert stored.log == _session(1, "bird_dog", "side_plank", session_rpe=5)
        assert get_session(db, bob, sid) is None
        assert list_sessions(db, bob) == []


def test_filters_by_date_and_exercise(engine):
    with writing(engine) as db:
        ann = athlete_id(db, "ann")
        for day, exercises in (
            (1, ("bird_dog",)),
            (3, ("side_plank", "bird_dog")),
            (5, ("side_plank",)),
        ):
            add_session(db, ann, _session(day, *exercises))
    with reading(engine) as db:
        days = [s.log.started_at.day for s in list_sessions(db, ann, since=date(2026, 4, 3))]
        assert days == [3, 5]
        days = [s.log.started_at.day for s in list_sessions(db, ann, until=date(2026, 4, 3))]
        assert days == [1, 3]
        found = list_sessions(db, ann, exercise_id="bird_dog")
        assert [s.log.started_at.day for s in found] == [1, 3]
        assert all(x.exercise_id == "bird_dog" for s in found for x in s.log.sets)


def test_a_second_session_at_the_same_time_is_refused(engine):
    with writing(engine) as db:
        ann = athlete_id(db, "ann")
        add_session(db, ann, _session(1))
    with pytest.raises(InputError, match="already logged"), writing(engine) as db:
        add_session(db, ann, _session(1, "bird_dog"))
    with reading(engine) as db:
        assert len(list_sessions(db, ann)) == 1


def test_plans_are_versioned_and_sessions_point_at_them(engine):
    with writing(engine) as db:
        ann, bob = athlete_id(db, "ann"), athlete_id(db, "bob")
        first = save_plan(db, ann, PLAN, created_at=datetime(2026, 4, 1))
        adapted = save_plan(db, ann, ADAPTED, created_at=datetime(2026, 4, 8))
        add_session(db, ann, _session(9, planned=PlannedRef(plan_version=2, week=1, session=2)))
    assert (first.record.version, adapted.record.version) == (1, 2)
    assert first.record.seed == 42
    with reading(engine) as db:
        assert latest_plan(db, ann).record.version == 2
        assert [p.record.version for p in list_plans(db, ann)] == [1, 2]
        assert get_plan(db, ann, first.id).record.plan == PLAN
        assert get_plan(db, bob, first.id) is None
        assert latest_plan(db, bob) is None
        assert logged_planned_sessions(db, adapted.id) == {(1, 2)}
        assert logged_planned_sessions(db, first.id) == set()
        assert list_sessions(db, ann)[0].log.planned.plan_version == 2
    with pytest.raises(InputError, match="no session 9 in week 1"), writing(engine) as db:
        add_session(db, ann, _session(10, planned=PlannedRef(plan_version=1, week=1, session=9)))


def test_next_morning_pain_goes_on_the_last_session_of_the_day(engine):
    with writing(engine) as db:
        ann = athlete_id(db, "ann")
        add_session(db, ann, SessionLog(started_at=datetime(2026, 4, 1, 7)))
        late = add_session(db, ann, SessionLog(started_at=datetime(2026, 4, 1, 19)))
        assert set_next_morning_pain(db, ann, date(2026, 4, 1), 3) == late
    with reading(engine) as db:
        assert [s.log.pain.next_morning for s in list_sessions(db, ann)] == [None, 3]
    with pytest.raises(InputError, match="no session logged on 2026-04-02"), writing(engine) as db:
        set_next_morning_pain(db, ann, date(2026, 4, 2), 3)


def test_deleting_an_athlete_removes_their_log(engine):
    with writing(engine) as db:
        ann = athlete_id(db, "ann")
        add_session(db, ann, _session(1, "bird_dog"))
    with writing(engine) as db:
        db.execute(text("DELETE FROM athletes WHERE name = 'ann'"))
    with reading(engine) as db:
        assert db.execute(text("SELECT count(*) FROM set_logs")).scalar_one() == 0


def test_sqlite_runs_with_wal_and_foreign_keys(engine):
    if engine.dialect.name != "sqlite":
        assert engine.dialect.name == "postgresql"
        return
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
