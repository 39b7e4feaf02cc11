"""Each import format: parsed values, units, targets, warm-ups, dedup and matching."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from spinewise.store import export_backup, list_sessions, reading
from spinewise.store.importers import import_file, parse_file
from spinewise.store.sessions import athlete_id
from spinewise.units import KG_PER_LB

STRONG_COMMA = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    "2024-01-05 5:32:10\u202fPM,Back day,1h 5m,Bird Dog,1,0,8,0,0,,felt good,\n"
    "2024-01-05 5:32:10\u202fPM,Back day,1h 5m,Bird Dog,2,0,8,0,0,,felt good,7\n"
    "2024-01-05 5:32:10\u202fPM,Back day,1h 5m,Rest Timer,Rest Timer,0,0,0,90,,felt good,\n"
    "2024-01-05 5:32:10\u202fPM,Back day,1h 5m,Romanian Deadlift (Barbell),W,40,5,0,0,,"
    "felt good,\n"
    "2024-01-05 5:32:10\u202fPM,Back day,1h 5m,Romanian Deadlift (Barbell),1,80,8,0,0,slow,"
    "felt good,8.5\n"
    "2024-01-07 9:00:00\u202fAM,Core,30m,Side Plank,1,0,0,0,45,,,\n"
    "2024-01-07 9:00:00\u202fAM,Core,30m,Zercher Moonwalk,1,20,10,0,0,,,\n"
)

STRONG_SEMICOLON = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
    "2019-05-11 14:13:25;Legs;Goblet Squat;1;50;lbs;10;;;;0;;;45m\n"
    "2019-05-11 14:13:25;Legs;Goblet Squat;2;50;lbs;9;8;;;0;;;45m\n"
    "2019-05-11 14:13:25;Legs;Sled Push;1;;kg;;;0.2;km;0;;;45m\n"
)

HEVY_KG = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
    "set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    '"Push","10 Jun 2024, 08:15","10 Jun 2024, 09:05","Session note","Bird dog",,,0,warmup,,10,,,\n'
    '"Push","10 Jun 2024, 08:15","10 Jun 2024, 09:05","Session note","Bird dog",,,1,normal,,8,,,'
    "7.5\n"
    '"Push","10 Jun 2024, 08:15","10 Jun 2024, 09:05","Session note","Side Plank",,"Stay tall",'
    "0,normal,,,,40,\n"
)

HEVY_LBS = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
    "set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe\n"
    "Core,2026-01-01T10:00:00Z,2026-01-01T11:00:00Z,,Goblet Squat,,,0,normal,45,10,,,\n"
    "Core,2026-01-01T10:00:00Z,2026-01-01T11:00:00Z,,Farmer Walk,,,0,normal,100,,0.1,,\n"
)

LIFTOSAUR = (
    "Workout DateTime,Program,Day Name,Exercise,Is Warmup Set?,Required Reps,Completed Reps,"
    "Is AMRAP?,Required RPE,Completed RPE,Log RPE?,Required Weight Value,Required Weight Unit,"
    "Completed Weight Value,Completed Weight Unit,Ask Weight?,Completed Reps Time,"
    "Target Muscles,Synergist Muscles,Notes\n"
    "2023-03-05T14:55:40.000Z,GZCLP,Day 1,Romanian Deadlift,1,5,5,0,,,0,45,lb,45,lb,0,"
    "2023-03-05T15:00:00.000Z,Hamstrings,Glutes,Good day\n"
    "2023-03-05T14:55:40.000Z,GZCLP,Day 1,Romanian Deadlift,0,8,7,0,8,9,1,100,lb,100,lb,0,"
    "2023-03-05T15:40:40.000Z,Hamstrings,Glutes,\n"
)

WGER_BUNDLE = {
    "workoutsession": {
        "count": 1,
        "next": None,
        "results": [{"id": 7, "date": "2024-02-01", "time_start": "18:30:00", "notes": "ok"}],
    },
    "exerciseinfo": [
        {
            "id": 91,
            "translations": [
                {"name": "Kreuzheben", "language": 1},
                {"name": "Romanian deadlift", "language": 2},
            ],
        },
        {"id": 92, "translations": [{"name": "Plank side", "language": 2}]},
    ],
    "workoutlog": {
        "count": 3,
        "next": None,
        "results": [
            {
                "id": 1,
                "date": "2024-02-01T18:35:00Z",
                "session": 7,
                "exercise": 91,
                "repetitions": "8.00",
                "repetitions_target": "8.00",
                "repetitions_unit": 1,
                "weight": "60.00",
                "weight_target": "62.50",
                "weight_unit": 1,
                "rir": "2.0",
                "rir_target": "2.0",
            },
            {
                "id": 2,
                "date": "2024-02-01T18:40:00Z",
                "session": 7,
                "exercise": 92,
                "repetitions": 30,
                "repetitions_unit": 3,
                "weight": None,
                "weight_unit": 1,
            },
            {
                "id": 3,
                "date": "2024-02-03",
                "session": None,
                "exercise_base": 555,
                "reps": 10,
                "repetition_unit": 1,
                "weight": 20,
                "weight_unit": 2,
                "rir": None,
            },
        ],
    },
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_strong_comma_layout(tmp_path, matcher):
    parsed = parse_file(_write(tmp_path, "strong.csv", STRONG_COMMA), "strong", matcher)
    first, second = parsed.sessions
    assert first.started_at == datetime(2024, 1, 5, 17, 32, 10)
    assert first.duration_min == 65.0
    assert (first.title, first.notes) == ("Back day", "felt good")
    keys = [(s.exercise_id, s.set_number, s.set_type) for s in first.sets]
    assert keys == [
        ("bird_dog", 1, "normal"),
        ("bird_dog", 2, "normal"),
        ("romanian_deadlift", 2, "warmup"),
        ("romanian_deadlift", 1, "normal"),
    ]
    rdl = first.sets[3]
    assert (rdl.load_kg, rdl.reps, rdl.rpe, rdl.notes) == (80.0, 8, 8.5, "slow")
    assert rdl.source_name == "Romanian Deadlift (Barbell)"
    plank = second.sets[0]
    assert (plank.exercise_id, plank.hold_s, plank.distance_m) == ("side_plank", 45.0, None)
    assert [m.name for m in parsed.matches if not m.recognised] == ["Zercher Moonwalk"]
    assert [c.id for c in parsed.custom_exercises] == ["custom:zercher_moonwalk"]


def test_strong_semicolon_layout_converts_units(tmp_path, matcher):
    parsed = parse_file(_write(tmp_path, "s.csv", STRONG_SEMICOLON), "strong", matcher)
    (session,) = parsed.sessions
    assert session.duration_min == 45.0
    squat1, squat2, sled = session.sets
    assert squat1.exercise_id == "goblet_squat"
    assert squat1.load_kg == pytest.approx(50 * KG_PER_LB, abs=1e-4)
    assert squat2.rpe == 8.0
    assert sled.exercise_id == "custom:sled_push"
    assert sled.distance_m == pytest.approx(200.0)


def test_hevy_kg_and_lbs(tmp_path, matcher):
    kg = parse_file(_write(tmp_path, "h.csv", HEVY_KG), "hevy", matcher)
    (session,) = kg.sessions
    assert session.started_at == datetime(2024, 6, 10, 8, 15)
    assert session.duration_min == 50.0
    assert session.notes == "Session note"
    warm, work, plank = session.sets
    assert (warm.set_type, warm.set_number, work.set_number, work.rpe) == ("warmup", 1, 2, 7.5)
    assert (plank.exercise_id, plank.hold_s, plank.notes) == ("side_plank", 40.0, "Stay tall")
    lbs = parse_file(_write(tmp_path, "h2.csv", HEVY_LBS), "hevy", matcher)
    (session,) = lbs.sessions
    assert (session.started_at, session.utc_offset_min) == (datetime(2026, 1, 1, 10), 0)
    squat, carry = session.sets
    assert squat.load_kg == pytest.approx(45 * KG_PER_LB, abs=1e-4)
    assert carry.distance_m == pytest.approx(160.934, abs=1e-3)


def test_liftosaur_targets_beside_actuals(tmp_path, matcher):
    parsed = parse_file(_write(tmp_path, "l.csv", LIFTOSAUR), "liftosaur", matcher)
    (session,) = parsed.sessions
    assert session.title == "GZCLP / Day 1"
    assert session.notes == "Good day"
    assert session.duration_min == 45.0
    warm, work = session.sets
    assert warm.set_type == "warmup"
    assert (work.reps, work.target_reps, work.rpe, work.target_rpe) == (7, 8, 9.0, 8.0)
    assert work.load_kg == pytest.approx(100 * KG_PER_LB, abs=1e-4)
    assert work.target_load_kg == work.load_kg


def test_wger_bundle(tmp_path, matcher):
    path = _write(tmp_path, "w.json", json.dumps(WGER_BUNDLE))
    parsed = parse_file(path, "wger", matcher)
    first, second = parsed.sessions
    assert first.started_at == datetime(2024, 2, 1, 18, 30)
    assert first.notes == "ok"
    rdl, plank = first.sets
    assert (rdl.exercise_id, rdl.reps, rdl.load_kg, rdl.target_load_kg, rdl.rir) == (
        "romanian_deadlift",
        8,
        60.0,
        62.5,
        2.0,
    )
    assert (plank.exercise_id, plank.hold_s) == ("side_plank", 30.0)
    assert plank.source_name == "Plank side"
    (other,) = second.sets
    assert second.started_at == datetime(2024, 2, 3)
    assert other.exercise_id == "custom:wger_exercise_555"
    assert other.load_kg == pytest.approx(20 * KG_PER_LB, abs=1e-4)


def test_wger_plain_list_of_logs(tmp_path, matcher):
    logs = WGER_BUNDLE["workoutlog"]["results"]  # type: ignore[index]
    parsed = parse_file(_write(tmp_path, "w.json", json.dumps(logs)), "wger", matcher)
    assert parsed.set_count == 3
    assert parsed.sessions[0].sets[0].exercise_id == "custom:wger_exercise_91"


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("strong", STRONG_COMMA),
        ("hevy", HEVY_KG),
        ("liftosaur", LIFTOSAUR),
        ("wger", json.dumps(WGER_BUNDLE)),
    ],
)
def test_importing_twice_adds_nothing(engine, tmp_path, matcher, fmt, text):
    path = _write(tmp_path, f"history.{fmt}", text)
    first = import_file(engine, path, fmt, "ann", matcher)
    assert first.counts.sets_added > 0
    assert first.counts.sets_merged == 0
    before = export_backup(engine, "ann")
    second = import_file(engine, path, fmt, "ann", matcher)
    assert second.counts.sessions_added == second.counts.sets_added == 0
    assert second.counts.sets_merged == first.counts.sets_added
    assert second.counts.sessions_merged == first.counts.sessions_added
    assert export_backup(engine, "ann") == before


def test_dry_run_writes_nothing_and_predicts_the_import(engine, tmp_path, matcher):
    path = _write(tmp_path, "strong.csv", STRONG_COMMA)
    preview = import_file(engine, path, "strong", "ann", matcher, dry_run=True)
    with reading(engine) as db:
        assert athlete_id(db, "ann", create=False) is None
    real = import_file(engine, path, "strong", "ann", matcher)
    assert preview.counts == real.counts
    assert preview.dry_run
    assert not real.dry_run
    again = import_file(engine, path, "strong", "ann", matcher, dry_run=True)
    assert again.counts.sets_added == 0
    assert again.counts.sets_merged == real.counts.sets_added


def test_a_grown_export_adds_only_the_new_sets(engine, tmp_path, matcher):
    lines = STRONG_COMMA.splitlines(keepends=True)
    import_file(engine, _write(tmp_path, "a.csv", "".join(lines[:3])), "strong", "ann", matcher)
    report = import_file(engine, _write(tmp_path, "b.csv", STRONG_COMMA), "strong", "ann", matcher)
    assert report.counts.sets_merged == 2
    assert report.counts.sets_added == 4
    with reading(engine) as db:
        who = athlete_id(db, "ann", create=False)
        assert sum(len(s.log.sets) for s in list_sessions(db, who)) == 6


def test_athletes_are_kept_apart(engine, tmp_path, matcher):
    path = _write(tmp_path, "strong.csv", STRONG_COMMA)
    import_file(engine, path, "strong", "ann", matcher)
    report = import_file(engine, path, "strong", "bob", matcher)
    assert report.counts.sets_merged == 0
    assert report.counts.sets_added == 6


def test_progress_is_reported_while_reading_and_writing(engine, tmp_path, matcher):
    header = STRONG_COMMA.splitlines(keepends=True)[0]
    body = [
        f"2024-03-{1 + i // 200:02d} 10:00:00,W,1h,Bird Dog,{i % 200 + 1},0,8,0,0,,,\n"
        for i in range(6000)
    ]
    path = _write(tmp_path, "big.csv", header + "".join(body))
    calls: list[tuple[str, int, int]] = []
    import_file(engine, path, "strong", "ann", matcher, progress=lambda *a: calls.append(a))
    reads = [c for c in calls if c[0] == "read"]
    writes = [c for c in calls if c[0] == "write"]
    assert reads[-1] == ("read", 6001, 6001)
    assert len(reads) >= 3
    assert writes[-1] == ("write", 6000, 6000)
    assert [c[1] for c in writes] == sorted(c[1] for c in writes)
