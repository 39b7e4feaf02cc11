"""The walk-through of today's session, driven by scripted answers."""

from __future__ import annotations

import json
from collections import deque
from datetime import datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from spinewise.logbook import planned_sessions
from spinewise.logbook.walkthrough import ExerciseInfo, Prompter, walk_session
from spinewise.planning.plan import Plan

DOC = json.loads((Path(__file__).parent / "data/plan_small.json").read_text())
PLAN = Plan.from_json(DOC)
SCHEMA = Path(__file__).resolve().parents[2] / "docs/contracts/plan.schema.json"


class Script:
    """Answers questions in order and records everything said and slept."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = deque(answers)
        self.said: list[str] = []
        self.asked: list[str] = []
        self.slept = 0.0
        self.clock = datetime(2026, 5, 4, 18, 0, 0, 999)

    def ask(self, question: str, default: str) -> str:
        self.asked.append(question)
        return self.answers.popleft()

    def say(self, line: str) -> None:
        self.said.append(line)

    def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.clock += timedelta(seconds=seconds)

    def now(self) -> datetime:
        return self.clock

    def prompter(self) -> Prompter:
        return Prompter(self.ask, self.say, self.sleep, self.now)


def _lookup(exercise_id: str) -> ExerciseInfo | None:
    return {"side_plank": ExerciseInfo("Side plank", ("Hips high",))}.get(exercise_id)


def test_the_test_plan_follows_the_contract():
    jsonschema.validate(DOC, json.loads(SCHEMA.read_text()))


def test_walk_through_holds_tempo_and_answers():
    planned = planned_sessions(PLAN)[0]
    answers = [
        *("7.5", "2", "3", "4", "1"),  # sleep, soreness, stress, energy, pain before
        # side plank: 2 sets x (left, right): start, held, load, rpe
        *("", "", "", ""),
        *("", "2.5", "", "6"),
        *("", "", "", ""),
        *("", "", "", ""),
        # RDL 2 sets: start tempo count, reps, load, rpe
        *("", "", "40", "7"),
        *("", "1", "40", "8.5"),
        *("6", "2", "1", "felt fine"),  # session RPE, pain during, after, notes
    ]
    script = Script(answers)
    log = walk_session(planned, 3, script.prompter(), _lookup)
    assert not script.answers
    assert log.planned.model_dump() == {"plan_version": 3, "week": 1, "session": 1}
    assert log.started_at == datetime(2026, 5, 4, 18, 0)
    assert (log.readiness.sleep_h, log.readiness.energy, log.pain.before) == (7.5, 4, 1)
    assert (log.session_rpe, log.pain.during, log.pain.after, log.notes) == (6, 2, 1, "felt fine")
    planks = [s for s in log.sets if s.exercise_id == "side_plank"]
    assert [(s.set_number, s.side, s.hold_s) for s in planks] == [
        (1, "left", 3.0),
        (1, "right", 2.5),
        (2, "left", 3.0),
        (2, "right", 3.0),
    ]
    assert planks[1].rpe == 6.0
    assert all(s.target_hold_s == 3.0 for s in planks)
    rdl = [s for s in log.sets if s.exercise_id == "romanian_deadlift"]
    assert [(s.reps, s.load_kg, s.rpe, s.target_reps, s.target_rpe) for s in rdl] == [
        (2, 40.0, 7.0, 2, 7.0),
        (1, 40.0, 8.5, 2, 7.0),
    ]
    assert rdl[0].tempo == "2-1-X-0"
    # Countdown of each 3-s hold, said once a second, and the cues.
    assert script.said.count("  3") == 4
    assert script.said.count("  1") == 4
    assert "  - Hips high" in script.said
    # Tempo 2-1-X-0 for 2 reps: down 1, down 2, pause 1, up fast, each rep.
    assert script.said.count("    down 2") == 4
    assert script.said.count("    up: fast") == 4
    # 4 holds x 3 s + 2 sets x 2 reps x 3.5 s + rests (20 s between plank sets, 60 s for RDL).
    assert script.slept == pytest.approx(12 + 14 + 20 + 60)
    assert log.duration_min == pytest.approx(round(script.slept / 60, 1))


def test_bad_answers_are_asked_again_and_timers_can_be_off():
    planned = planned_sessions(PLAN)[1]
    answers = [
        *("", "9", "x", "", "", "", "11", "3"),  # soreness 9 -> x -> blank; pain 11 -> 3
        *("7", "", ""),  # bird dog, left: reps, load, rpe
        *("", "", ""),  # bird dog, right
        *("", "", "", ""),
    ]
    script = Script(answers)
    log = walk_session(planned, 1, script.prompter(), _lookup, timers=False)
    assert not script.answers
    assert log.readiness.soreness is None
    assert log.pain.before == 3
    assert any("must be 1 to 5, got 9" in line for line in script.said)
    assert any("expected a number from 1 to 5, got 'x'" in line for line in script.said)
    assert [(s.side, s.reps, s.target_rir) for s in log.sets] == [
        ("left", 7, 3.0),
        ("right", 6, 3.0),
    ]
    assert script.slept == 0
    assert log.session_rpe is None
    assert log.notes is None
