"""The issue's acceptance cases: who gets movement breaks and walking, and which pages."""

from __future__ import annotations

import json
from typing import Any

import pytest

from spinewise.catalog import load_catalog
from spinewise.education import load_pages
from spinewise.errors import InputError
from spinewise.habits import build_habits
from spinewise.planning.periodization import periodize

CATALOG = load_catalog()
PAGES = load_pages()


def _desk_worker(req: Any) -> Any:
    return req(
        goals=("durability", "desk_work"),
        posture_triggers=frozenset({"prolonged_sitting"}),
        pain_current=3,
        sensitivities=frozenset({"flexion"}),
        findings=(
            ("pain_current_high", "mild", "pain 3/10"),
            ("aggravated_by_flexion", "mild", "flexion"),
            ("sitting_intolerance", "mild", "sitting"),
            ("extensor_endurance_low", "moderate", "extensors"),
        ),
    )


def _lifter(req: Any, **changes: Any) -> Any:
    base: dict[str, Any] = {
        "goals": ("lifting",),
        "training_experience": "advanced",
        "age": 29,
        "equipment": frozenset({"barbell", "dumbbell", "bench", "mat"}),
        "findings": (("side_bridge_asymmetry", "mild", "left weaker"),),
    }
    base.update(changes)
    return req(**base)


def test_desk_worker_with_sitting_pain_gets_breaks_and_walking(req: Any) -> None:
    habits = build_habits(_desk_worker(req), periodize(12), CATALOG).to_json()
    breaks, walking = habits["movement_breaks"], habits["walking"]
    assert breaks is not None
    assert walking is not None
    assert breaks["every_min"] == 30
    assert breaks["triggers"] == ["prolonged_sitting"]
    assert breaks["menu"], "the packaged catalogue has equipment-free standing drills"
    for item in breaks["menu"]:
        ex = CATALOG.get(item["exercise_id"])
        assert ex.equipment == ()
        assert "flexion" not in ex.sensitivities
    assert any("sitting" in why for why in walking["why"])
    assert habits["not_included"] == {}
    for page in (
        "movement-breaks",
        "walking",
        "pain-present",
        "movement-sensitivity",
        "extensor-endurance-low",
        "posture-variety",
    ):
        assert page in habits["pages"]


def test_pain_free_lifter_gets_neither(req: Any) -> None:
    habits = build_habits(_lifter(req), periodize(8), CATALOG).to_json()
    assert habits["movement_breaks"] is None
    assert habits["walking"] is None
    assert set(habits["not_included"]) == {"movement_breaks", "walking"}
    assert habits["finding_pages"] == {"side_bridge_asymmetry": "side-bridge-asymmetry"}
    assert habits["pages"][0] == "side-bridge-asymmetry"
    assert "posture-variety" not in habits["pages"]


def test_lifter_with_desk_work_goal_gets_both(req: Any) -> None:
    habits = build_habits(
        _lifter(req, goals=("lifting", "desk_work")), periodize(8), CATALOG
    ).to_json()
    assert habits["movement_breaks"]["every_min"] == 45
    assert habits["walking"] is not None


def test_pain_free_runner_gets_no_walking_and_is_told_why(req: Any) -> None:
    habits = build_habits(req(goals=("running",)), periodize(8), CATALOG).to_json()
    assert habits["walking"] is None
    assert "Running is among your goals" in habits["not_included"]["walking"]


def test_older_adult_without_pain_gets_walking(req: Any) -> None:
    habits = build_habits(req(age=66, goals=("lifting",)), periodize(8), CATALOG).to_json()
    assert habits["walking"] is not None
    assert any("66" in why for why in habits["walking"]["why"])


def test_standing_intolerance_gets_breaks_without_desk_work(req: Any) -> None:
    habits = build_habits(
        req(posture_triggers=frozenset({"prolonged_standing"})), periodize(8), CATALOG
    ).to_json()
    assert habits["movement_breaks"]["every_min"] == 30
    assert any("standing" in why for why in habits["movement_breaks"]["why"])


def test_start_back_finding_alone_brings_walking(req: Any) -> None:
    request = req(findings=(("start_back_high", "marked", "distress 4/5"),))
    habits = build_habits(request, periodize(8), CATALOG).to_json()
    assert habits["walking"] is not None
    assert habits["finding_pages"] == {"start_back_high": "start-back-risk"}


def test_every_page_the_habits_name_exists(req: Any) -> None:
    habits = build_habits(_desk_worker(req), periodize(16), CATALOG).to_json()
    named = set(habits["pages"]) | set(habits["finding_pages"].values())
    named |= set(habits["phase_pages"].values())
    for key in ("breathing", "movement_breaks", "walking", "check_in"):
        named.add(habits[key]["page"])
    recovery = habits["recovery"]
    named |= {recovery[k]["page"] for k in ("sleep", "rest_days", "deload_weeks")}
    named |= {rule["page"] for rule in habits["check_in"]["rules"]}
    assert named <= set(PAGES)
    assert habits["phase_pages"] == {
        p: f"phase-{p}" for p in ("foundation", "build", "power", "consolidate")
    }


def test_every_habit_cites_a_published_source(req: Any) -> None:
    habits = build_habits(_desk_worker(req), periodize(12), CATALOG).to_json()
    sections = [habits[k] for k in ("breathing", "movement_breaks", "walking", "check_in")]
    sections += [habits["recovery"]["sleep"], habits["recovery"]["deload_weeks"]]
    for section in sections:
        assert any(s["status"] in {"C", "C2"} for s in section["sources"]), section["title"]


def test_habits_are_json_ready_and_deterministic(req: Any) -> None:
    first = json.dumps(
        build_habits(_desk_worker(req), periodize(12), CATALOG).to_json(), sort_keys=False
    )
    second = json.dumps(
        build_habits(_desk_worker(req), periodize(12), CATALOG).to_json(), sort_keys=False
    )
    assert first == second


def test_recovery_names_the_planners_deloads_and_rest_days(req: Any) -> None:
    weeks = periodize(12)
    request = req(days_per_week=3)
    recovery = build_habits(request, weeks, CATALOG).to_json()["recovery"]
    assert recovery["deload_weeks"]["weeks"] == [w.index for w in weeks if w.deload]
    assert recovery["rest_days"]["weekdays"] == ["tue", "thu", "sat", "sun"]
    every_day = build_habits(req(days_per_week=7), weeks, CATALOG).to_json()["recovery"]
    assert every_day["rest_days"]["weekdays"] == []


def test_rest_days_match_the_planners_weekdays() -> None:
    from spinewise.habits.recovery import WEEKDAYS
    from spinewise.planning.request import WEEKDAYS as PLANNER_WEEKDAYS

    assert WEEKDAYS == PLANNER_WEEKDAYS


def test_no_weeks_is_an_input_error(req: Any) -> None:
    with pytest.raises(InputError, match="weeks"):
        build_habits(req(), (), CATALOG).to_json()
