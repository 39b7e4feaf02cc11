"""Each pattern, time and signature requirement: a planted violation the validator reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from planning.planning_fixtures import CATALOG, EXAMPLE, with_
from spinewise.planning.candidates import is_deadlift, is_lateral_shift_bridge
from spinewise.planning.planner import make_plan
from spinewise.planning.policy import main_pattern
from spinewise.planning.validate import validate_plan

# a kettlebell: the only deadlift within this novice's spine budget on the calibrated scale
REQUEST = with_(EXAMPLE, weeks=8, equipment=EXAMPLE.equipment | {"kettlebell"})
VALID = json.loads(make_plan(REQUEST, CATALOG).dumps())


def _items(week: dict[str, Any]) -> list[dict[str, Any]]:
    return [it for s in week["sessions"] for b in s["blocks"] for it in b["items"]]


def _drop(week: dict[str, Any], kind: Callable[..., bool]) -> None:
    for s in week["sessions"]:
        for b in s["blocks"]:
            b["items"] = [it for it in b["items"] if not kind(CATALOG.get(it["exercise_id"]))]


def crowd(plan: dict[str, Any]) -> None:
    """Three exercises of one main pattern in the first session."""
    items = _items({"sessions": plan["weeks"][0]["sessions"][:1]})
    side = ["side_bridge", "side_bridge_knees", "side_bridge_knees_top_leg_abduction"]
    free = [s for s in side if s not in {it["exercise_id"] for it in items}]
    others = [it for it in items if it["exercise_id"] not in side]
    for it, new in zip(others, free, strict=False):
        it["exercise_id"] = new
    after = [CATALOG.get(it["exercise_id"]) for it in items]
    assert sum(main_pattern(ex) == "anti_lateral_flexion" for ex in after) > 2


def too_many_sets(plan: dict[str, Any]) -> None:
    _items(plan["weeks"][1])[0]["sets"] = 25


def no_hinge(plan: dict[str, Any]) -> None:
    _drop(plan["weeks"][0], lambda ex: "hinge" in ex.patterns)


def squat_only_in_a_circuit(plan: dict[str, Any]) -> None:
    """The week's only squat or lunge is the squat station of a conditioning circuit."""
    week = plan["weeks"][0]
    _drop(week, lambda ex: bool({"squat", "lunge"} & set(ex.patterns)))
    week["sessions"][0]["blocks"][-1]["items"].append(
        {**_items(week)[0], "exercise_id": "bodyweight_band_circuit"}
    )


def lunge_only_in_a_stretch(plan: dict[str, Any]) -> None:
    """The week's only squat or lunge is the world's greatest stretch (a mobility drill)."""
    week = plan["weeks"][0]
    _drop(week, lambda ex: bool({"squat", "lunge"} & set(ex.patterns)))
    week["sessions"][0]["blocks"][0]["items"].append(
        {**_items(week)[0], "exercise_id": "worlds_greatest_stretch"}
    )


def short_session(plan: dict[str, Any]) -> None:
    session = plan["weeks"][0]["sessions"][0]
    session["blocks"] = [session["blocks"][0]]


def no_shift_bridge(plan: dict[str, Any]) -> None:
    _drop(plan["weeks"][0], is_lateral_shift_bridge)


def no_deadlift(plan: dict[str, Any]) -> None:
    _drop(plan["weeks"][0], is_deadlift)


def test_the_plan_is_valid_to_start_with() -> None:
    assert validate_plan(VALID, REQUEST, CATALOG) == []
    first = {"sessions": VALID["weeks"][0]["sessions"][:1]}
    assert any(main_pattern(CATALOG.get(it["exercise_id"])) for it in _items(first))
    week_one = [CATALOG.get(it["exercise_id"]) for it in _items(VALID["weeks"][0])]
    assert any(is_lateral_shift_bridge(ex) for ex in week_one)
    assert any(is_deadlift(ex) for ex in week_one)


@pytest.mark.parametrize(
    ("mutate", "requirement"),
    [
        (crowd, "pattern_per_session"),
        (too_many_sets, "weekly_pattern_sets"),
        (no_hinge, "movement_patterns"),
        (squat_only_in_a_circuit, "movement_patterns"),
        (lunge_only_in_a_stretch, "movement_patterns"),
        (short_session, "session_fill"),
        (no_shift_bridge, "signature_work"),
        (no_deadlift, "signature_work"),
    ],
)
def test_a_planted_violation_is_reported(
    mutate: Callable[[dict[str, Any]], None], requirement: str
) -> None:
    plan = json.loads(json.dumps(VALID))
    mutate(plan)
    found = {v.requirement for v in validate_plan(plan, REQUEST, CATALOG)}
    assert requirement in found
