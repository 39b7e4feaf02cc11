"""Backups: exporting, importing into an empty database and exporting again gives the same."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinewise.logbook import (
    AssessmentRecord,
    CustomExercise,
    PainScores,
    PlannedRef,
    ProfileRecord,
    Readiness,
    SessionLog,
    SetLog,
)
from spinewise.planning.plan import Plan
from spinewise.store import (
    add_assessment,
    add_custom_exercises,
    add_profile,
    add_session,
    backup_json,
    create_engine_from_url,
    ensure_current,
    export_backup,
    export_csv,
    save_plan,
    writing,
)
from spinewise.store.exporters import CSV_COLUMNS
from spinewise.store.importers import import_backup
from spinewise.store.sessions import athlete_id

DOC = json.loads((Path(__file__).parents[1] / "logbook/data/plan_small.json").read_text())
PLAN = Plan.from_json(DOC)
ADAPTED = Plan.from_json({**DOC, "findings": []})


def _fill(engine, name: str) -> None:
    with writing(engine) as db:
        who = athlete_id(db, name)
        save_plan(db, who, PLAN, created_at=datetime(2026, 1, 1, 9))
        save_plan(db, who, ADAPTED, created_at=datetime(2026, 1, 8, 9))
        add_profile(db, who, ProfileRecord(recorded_at=datetime(2026, 1, 1), profile={"age": 38}))
        add_assessment(
            db, who, AssessmentRecord(recorded_at=datetime(2026, 1, 1), result={"findings": []})
        )
        add_custom_exercises(db, who, [CustomExercise(id="custom:sled_push", name="Sled push")])
        add_session(
            db,
            who,
            SessionLog(
                started_at=datetime(2026, 1, 2, 18, 0, 5, 123456),
                utc_offset_min=60,
                duration_min=42.5,
                session_rpe=6,
                pain=PainScores(before=2, during=3, after=2, next_morning=1),
                readiness=Readiness(sleep_h=7.5, soreness=2, stress=3, energy=4),
                title="Week 1 / 1",
                notes='Ünïcode ✓, "quotes", commas, and\nnew lines',
                source="today",
                planned=PlannedRef(plan_version=2, week=1, session=1),
                sets=(
                    SetLog(
                        exercise_id="side_plank",
                        set_number=1,
                        side="left",
                        hold_s=9.5,
                        target_hold_s=10,
                        notes="shaky",
                    ),
                    SetLog(exercise_id="side_plank", set_number=1, side="right", hold_s=10),
                    SetLog(
                        exercise_id="romanian_deadlift",
                        set_number=1,
                        reps=8,
                        load_kg=42.5,
                        tempo="3-1-X-0",
                        rpe=7.5,
                        rir=2,
                        target_reps=8,
                        target_load_kg=40,
                        target_rpe=7,
                        target_rir=3,
                        set_type="normal",
                    ),
                    SetLog(
                        exercise_id="custom:sled_push",
                        set_number=1,
                        distance_m=20.0,
                        target_distance_m=20.0,
                        load_kg=0.1 + 0.2,
                        source_name="Sled Push",
                    ),
                ),
            ),
        )
        add_session(db, who, SessionLog(started_at=datetime(2026, 1, 3, 7, 0)))


def test_backup_round_trip_into_an_empty_database(engine, other_db_url, tmp_path):
    _fill(engine, "ann")
    original = export_backup(engine, "ann")
    path = tmp_path / "backup.json"
    path.write_text(backup_json(original), encoding="utf-8")
    target = create_engine_from_url(other_db_url)
    try:
        ensure_current(target)
        report = import_backup(target, path)
        assert (report.plans_added, report.profiles_added, report.assessments_added) == (2, 1, 1)
        assert report.counts.sets_added == 4
        restored = export_backup(target, "ann")
        assert restored == original
        assert backup_json(restored) == backup_json(original)
        again = import_backup(target, path)
        assert again.counts.sets_added == again.plans_added == again.counts.sessions_added == 0
        assert export_backup(target, "ann") == original
    finally:
        target.dispose()


def test_backup_json_has_the_contract_shape(engine):
    _fill(engine, "ann")
    data = json.loads(backup_json(export_backup(engine, "ann")))
    assert data["schema_version"] == 1
    assert data["athlete"] == {"name": "ann"}
    first = data["sessions"][0]
    assert first["started_at"] == "2026-01-02T18:00:05.123456"
    assert first["pain"] == {"before": 2, "during": 3, "after": 2, "next_morning": 1}
    assert set(first["sets"][0]) >= {
        "exercise_id",
        "set_number",
        "side",
        "reps",
        "load_kg",
        "hold_s",
        "distance_m",
        "tempo",
        "rpe",
    }
    assert [p["version"] for p in data["plans"]] == [1, 2]
    assert data["plans"][0]["plan"] == DOC
    assert data["plans"][0]["seed"] == 42


def test_csv_export_has_one_row_per_set(engine):
    _fill(engine, "ann")
    rows = list(csv.DictReader(io.StringIO(export_csv(export_backup(engine, "ann")))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == 5  # four sets, and one row for the session without sets
    assert rows[0]["session_notes"].endswith("and\nnew lines")
    assert rows[2]["tempo"] == "3-1-X-0"
    assert rows[2]["plan_version"] == "2"
    assert rows[4]["exercise_id"] == ""


_scores = st.none() | st.integers(0, 10)
_floats = st.none() | st.floats(0, 500, allow_nan=False, allow_infinity=False)
_sets = st.builds(
    SetLog,
    exercise_id=st.sampled_from(["bird_dog", "side_plank", "custom:x_y"]),
    set_number=st.integers(1, 5),
    side=st.sampled_from([None, "left", "right"]),
    set_type=st.sampled_from(["normal", "warmup", "dropset", "failure"]),
    reps=st.none() | st.integers(0, 50),
    load_kg=_floats,
    hold_s=_floats,
    rpe=st.none() | st.floats(0, 10, allow_nan=False),
    notes=st.none() | st.text(max_size=20).filter(lambda t: "\x00" not in t),
)
_sessions = st.builds(
    SessionLog,
    started_at=st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1)),
    session_rpe=_scores,
    pain=st.builds(PainScores, before=_scores, during=_scores, after=_scores),
    sets=st.lists(_sets, max_size=6, unique_by=lambda s: s.key).map(tuple),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sessions=st.lists(_sessions, max_size=4, unique_by=lambda s: s.started_at))
def test_any_sessions_survive_the_round_trip(engine, tmp_path_factory, sessions):
    name = uuid.uuid4().hex
    with writing(engine) as db:
        who = athlete_id(db, name)
        add_custom_exercises(db, who, [CustomExercise(id="custom:x_y", name="X y")])
        for log in sessions:
            add_session(db, who, log)
    original = export_backup(engine, name)
    assert list(original.sessions) == sorted(sessions, key=lambda s: s.started_at)
    path = tmp_path_factory.mktemp("rt") / "b.json"
    path.write_text(backup_json(original), encoding="utf-8")
    import_backup(engine, path, name + "-copy", today=date(2100, 1, 1))  # dates up to 2100
    copy = export_backup(engine, name + "-copy")
    assert copy.sessions == original.sessions
    assert copy.custom_exercises == original.custom_exercises


def test_sessions_list_in_time_order(engine):
    with writing(engine) as db:
        who = athlete_id(db, "ann")
        start = datetime(2026, 3, 1, 8)
        for offset in (5, 1, 3):
            add_session(db, who, SessionLog(started_at=start + timedelta(days=offset)))
    days = [s.started_at.day for s in export_backup(engine, "ann").sessions]
    assert days == [2, 4, 6]
