from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from spinewise.errors import InputError
from spinewise.logbook import (
    ExerciseMatcher,
    PainScores,
    SessionLog,
    SetLog,
    parse_backup,
    planned_sessions,
)
from spinewise.planning.plan import Plan

DOC = json.loads((Path(__file__).parent / "data/plan_small.json").read_text())
PLAN = Plan.from_json(DOC)


def test_pain_is_0_to_10():
    PainScores(before=0, after=10)
    with pytest.raises(ValidationError, match="less than or equal to 10"):
        PainScores(during=11)


def test_a_set_key_appears_once_per_session():
    one = SetLog(exercise_id="bird_dog", set_number=1, side="left")
    SessionLog(
        started_at=datetime(2026, 1, 1), sets=(one, one.model_copy(update={"side": "right"}))
    )
    with pytest.raises(ValidationError, match="set 1 of bird_dog \\(left\\) appears twice"):
        SessionLog(started_at=datetime(2026, 1, 1), sets=(one, one))


def test_started_at_is_local_time_without_offset():
    with pytest.raises(ValidationError, match="utc_offset_min"):
        SessionLog(started_at=datetime(2026, 1, 1, tzinfo=UTC))


def test_tempo_is_checked():
    with pytest.raises(ValidationError, match="3-1-1-0"):
        SetLog(exercise_id="x", set_number=1, tempo="slow")


def test_backup_errors_name_the_field_path_and_value():
    doc = {
        "schema_version": 1,
        "athlete": {"name": "a"},
        "sessions": [
            {"started_at": "2026-01-01T10:00:00", "sets": [{"exercise_id": "x", "set_number": 0}]}
        ],
    }
    with pytest.raises(InputError) as caught:
        parse_backup(doc, "b.json")
    assert caught.value.problems == (
        "b.json: sessions[0].sets[0].set_number: Input should be greater than or equal to 1, got 0",
    )


def test_matcher_prefers_exact_then_alias_then_fuzzy():
    m = ExerciseMatcher(
        [
            ("side_plank", "Side plank", ("side bridge",)),
            ("romanian_deadlift", "Romanian deadlift", ("rdl",)),
            ("single_leg_rdl", "Single-leg Romanian deadlift", ()),
        ]
    )
    assert m.match("side_plank").method == "id"
    assert m.match("Side Plank (Bodyweight)").exercise_id == "side_plank"
    assert (m.match("RDL").exercise_id, m.match("RDL").method) == ("romanian_deadlift", "alias")
    fuzzy = m.match("Romanain deadlift")
    assert (fuzzy.exercise_id, fuzzy.method) == ("romanian_deadlift", "fuzzy")
    assert 88 <= fuzzy.score < 100
    assert m.match("Deadlift (Barbell)").exercise_id == "custom:deadlift_barbell"
    assert not m.match("Bench press").recognised


def test_planned_sessions_in_order():
    sessions = planned_sessions(PLAN)
    assert [s.key for s in sessions] == [(1, 1), (1, 2)]
    first = sessions[0]
    assert [i.exercise_id for i in first.items] == ["side_plank", "romanian_deadlift"]
    assert first.items[1].tempo == "2-1-X-0"
    assert first.items[1].intensity_value == 7.0
