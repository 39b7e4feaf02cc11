"""The spine-compression budget in plans (issue: spine load, part 3)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from planning.planning_fixtures import CATALOG, EXAMPLE, FULL_GYM, context, with_
from planning.planning_fixtures import week as week_plan
from spinewise.catalog.entities import Intensity
from spinewise.planning.dosing import ItemDose
from spinewise.planning.planner import make_plan
from spinewise.planning.policy import HEAVY_COMPRESSION_FRACTION
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import (
    ACTION_LIMIT_N,
    MAX_PERMISSIBLE_LIMIT_N,
    compression_limit_n,
    held_to_limit,
    load_cap_for,
    model_compression_n,
    prescribed_load_kg,
    spine_load,
    usual_load_kg,
)
from spinewise.planning.validate import validate_plan

PROFILES = Path(__file__).resolve().parents[1] / "profiles"

LIFTER = with_(
    EXAMPLE,
    equipment=FULL_GYM,
    training_experience="advanced",
    pain_current=0,
    sensitivities=frozenset(),
    goals=("lifting",),
    body_mass_kg=95.0,
    sex="male",
    days_per_week=4,
    minutes_per_session=60,
    weeks=6,
    demands=(),
)


def _items(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        it for w in plan["weeks"] for s in w["sessions"] for b in s["blocks"] for it in b["items"]
    ]


def test_limits_follow_niosh() -> None:
    assert compression_limit_n(EXAMPLE) == ACTION_LIMIT_N == 3400.0  # novice
    assert compression_limit_n(with_(LIFTER, pain_current=4)) == ACTION_LIMIT_N  # in pain
    assert compression_limit_n(LIFTER) == MAX_PERMISSIBLE_LIMIT_N == 6400.0


def test_heavy_lift_is_capped_or_left_out_never_over_the_limit() -> None:
    for exercise_id in ("conventional_deadlift", "dumbbell_rdl", "kettlebell_deadlift"):
        ex = CATALOG.get(exercise_id)
        for req in (LIFTER, with_(LIFTER, training_experience="novice"), EXAMPLE):
            load = spine_load(ex, req)
            limit = compression_limit_n(req)
            if load is not None:
                assert load.compression_n <= limit
                assert model_compression_n(ex, req, load.load_kg) <= limit
    # on the calibrated scale a 95 kg lifter's 114 kg deadlift needs a cap below half of it
    assert spine_load(CATALOG.get("conventional_deadlift"), LIFTER) is None
    rdl = spine_load(CATALOG.get("dumbbell_rdl"), LIFTER)
    assert rdl is not None
    assert rdl.capped
    assert model_compression_n(CATALOG.get("dumbbell_rdl"), LIFTER, None) > MAX_PERMISSIBLE_LIMIT_N


def test_plans_respect_the_budget_and_report_peaks() -> None:
    for req in (EXAMPLE, LIFTER):
        plan = make_plan(with_(req, weeks=4), CATALOG).to_json()
        limit = compression_limit_n(req)
        for week in plan["weeks"]:
            for session in week["sessions"]:
                assert 0 < session["peak_compression_n"] <= limit
        assert validate_plan(plan, with_(req, weeks=4), CATALOG) == []


def test_validator_names_an_item_over_the_budget() -> None:
    req = with_(EXAMPLE, weeks=4, equipment=FULL_GYM)
    plan = make_plan(req, CATALOG).to_json()
    broken = copy.deepcopy(plan)
    item = _items(broken)[0]
    item["exercise_id"] = "conventional_deadlift"
    item["load_cap_kg"] = 150.0
    found = [str(v) for v in validate_plan(broken, req, CATALOG)]
    assert any(
        ": spine_budget: conventional_deadlift exceeds the compression limit of 3400 N" in v
        for v in found
    ), found


# --- compression at the prescribed load (issue 13, part 3) -----------------------------------


def _dose(exercise_id: str, **changes: Any) -> ItemDose:
    base = CATALOG.get(exercise_id).dose
    values: dict[str, Any] = {
        "sets": base.sets,
        "reps": base.reps,
        "hold_s": base.hold_s,
        "distance_m": base.distance_m,
        "per_side": base.per_side,
        "tempo": base.tempo,
        "rest_s": base.rest_s,
        "intensity": base.intensity,
    }
    values.update(changes)
    return ItemDose(**values)


def test_the_prescribed_load_follows_the_items_intensity() -> None:
    ex = CATALOG.get("kettlebell_deadlift")  # catalogue: 10 reps at RPE 6
    usual = usual_load_kg(ex, LIFTER)
    assert prescribed_load_kg(ex, LIFTER, _dose(ex.id)) == usual
    harder = prescribed_load_kg(ex, LIFTER, _dose(ex.id, intensity=Intensity(kind="rpe", value=8)))
    easier = prescribed_load_kg(
        ex, LIFTER, _dose(ex.id, intensity=Intensity(kind="rpe", value=5.5))
    )
    more_reps = prescribed_load_kg(ex, LIFTER, _dose(ex.id, reps=14))
    assert usual is not None
    assert harder is not None
    assert easier is not None
    assert easier < usual < harder
    assert more_reps is not None
    assert more_reps < usual
    # Epley with reps in reserve: 10 reps at RPE 8 reach 12, at RPE 6 14
    assert harder == pytest.approx(round(usual * (1 + 14 / 30) / (1 + 12 / 30), 1))
    squat = CATALOG.get("back_squat")  # catalogue: 80 % 1RM
    at_70 = _dose(squat.id, intensity=Intensity(kind="percent_1rm", value=70))
    assert prescribed_load_kg(squat, LIFTER, at_70) == pytest.approx(
        round(usual_load_kg(squat, LIFTER) * 70 / 80, 1)  # type: ignore[operator]
    )
    assert prescribed_load_kg(CATALOG.get("bird_dog"), LIFTER, _dose("bird_dog")) is None


def test_the_validator_checks_compression_at_the_prescribed_load() -> None:
    # a cable pull-through for the lifter: 6,374 N at the usual load, within 6,400 N; the same
    # item at RPE 9 prescribes about 26.5 kg, over it, and states no cap
    req = with_(LIFTER, weeks=4)
    plan = make_plan(req, CATALOG).to_json()
    broken = copy.deepcopy(plan)
    item = _items(broken)[0]
    item["exercise_id"] = "cable_pull_through"
    item["reps"], item["hold_s"], item["distance_m"] = 12, None, None
    item["load_cap_kg"] = None
    item["intensity"] = {"kind": "rpe", "value": 7.0}
    assert not any(v.requirement == "spine_budget" for v in validate_plan(broken, req, CATALOG))
    item["intensity"] = {"kind": "rpe", "value": 9.0}
    found = [str(v) for v in validate_plan(broken, req, CATALOG)]
    assert any(
        ": spine_budget: cable_pull_through exceeds the compression limit of 6400 N at 26.5 kg" in v
        for v in found
    ), found


def test_the_planner_computes_compression_at_each_weeks_dose() -> None:
    ctx = context(LIFTER, CATALOG, week_plan("foundation", index=1))
    ex = CATALOG.get("kettlebell_deadlift")
    dose = ctx.doses[ex.id]
    assert dose.intensity != ex.dose.intensity  # a first exposure: half a point easier
    load = prescribed_load_kg(ex, LIFTER, dose)
    assert ctx.compression_n[ex.id] == model_compression_n(ex, LIFTER, load)
    assert ctx.compression_n[ex.id] < model_compression_n(ex, LIFTER, None)


def test_an_item_near_the_limit_states_its_cap() -> None:
    ctx = context(LIFTER, CATALOG, week_plan("foundation", index=1))
    goblet = CATALOG.get("goblet_squat")  # about 5,400 N at its usual load: near 6,400 N
    dose = ctx.doses[goblet.id]
    cap = load_cap_for(goblet, LIFTER)
    assert cap is not None
    assert dose.load_cap_kg == cap
    assert prescribed_load_kg(goblet, LIFTER, dose) < cap  # type: ignore[operator]
    assert model_compression_n(goblet, LIFTER, cap) <= compression_limit_n(LIFTER)
    light = CATALOG.get("lateral_lunge")
    assert ctx.doses[light.id].load_cap_kg is None  # far from the limit: no cap to state


def test_a_heavy_item_without_a_load_in_kg_is_capped_by_effort() -> None:
    req = with_(EXAMPLE, sensitivities=frozenset())
    ctx = context(req, CATALOG, week_plan("foundation", index=1))
    hinge = CATALOG.get("single_leg_rdl_bodyweight")  # about 3,060 N for her: near 3,400 N
    assert ctx.compression_n[hinge.id] >= HEAVY_COMPRESSION_FRACTION * ACTION_LIMIT_N
    assert ctx.doses[hinge.id].effort_cap
    assert ctx.doses[hinge.id].load_cap_kg is None
    assert not ctx.doses["dead_bug"].effort_cap


def test_a_desk_workers_heaviest_exercise_is_not_a_floor_hold() -> None:
    # issue 13: with published and modelled values mixed, the side bridge (published) was the
    # heaviest exercise of this desk worker's plan; on one scale loaded or hinging work is
    from spinewise.assessment import assess
    from spinewise.planning.from_profile import request_from_profile
    from spinewise.planning.make import make_plan_for_profile
    from spinewise.profile import load_profile

    profile = load_profile(PROFILES / "desk_worker_flexion.toml")
    req = request_from_profile(profile, assess(profile), weeks=4)
    doc = make_plan_for_profile(profile, weeks=4).to_json()
    by_id = {
        it["exercise_id"]: model_compression_n(
            CATALOG.get(it["exercise_id"]), req, it.get("load_cap_kg")
        )
        for it in _items(doc)
    }
    assert "side_bridge" in by_id
    heaviest = max(by_id, key=lambda k: (by_id[k], k))
    assert heaviest != "side_bridge"
    assert by_id[heaviest] > by_id["side_bridge"]
    # over the limit only body-weight work with a modelled value, capped by effort (decision 0200)
    limit = compression_limit_n(req)
    for it in _items(doc):
        if by_id[it["exercise_id"]] > limit:
            assert not held_to_limit(CATALOG.get(it["exercise_id"]), req)
            assert it.get("effort_cap") is True


def test_body_weight_work_is_not_left_out_by_the_model_alone() -> None:
    """An 82 kg man at 3/10 pain keeps sit-to-stand and squats; published values still gate."""
    req = PlanRequest(
        name="Sore",
        sex="male",
        age=45,
        body_mass_kg=82.0,
        training_experience="intermediate",
        days_per_week=3,
        minutes_per_session=40,
        weeks=8,
        equipment=frozenset(CATALOG.vocabulary.values("equipment")),
        pain_current=3,
    )
    assert compression_limit_n(req) == ACTION_LIMIT_N
    for eid in ("sit_to_stand", "bodyweight_squat"):
        ex = CATALOG.get(eid)
        assert not held_to_limit(ex, req)
        assert spine_load(ex, req) is not None
    published = [ex for ex in CATALOG if held_to_limit(ex, req) and usual_load_kg(ex, req) is None]
    assert published  # McGill's measured exercises stay held to the limit
    over = [ex for ex in published if model_compression_n(ex, req, None) > ACTION_LIMIT_N]
    assert all(spine_load(ex, req) is None for ex in over)
