"""The spine-compression budget in plans (issue: spine load, part 3)."""

from __future__ import annotations

import copy
from typing import Any

from planning.planning_fixtures import CATALOG, EXAMPLE, FULL_GYM, with_
from spinewise.planning.planner import make_plan
from spinewise.planning.spine import (
    ACTION_LIMIT_N,
    MAX_PERMISSIBLE_LIMIT_N,
    compression_limit_n,
    model_compression_n,
    spine_load,
)
from spinewise.planning.validate import validate_plan

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
    deadlift = CATALOG.get("conventional_deadlift")
    for req in (LIFTER, with_(LIFTER, training_experience="novice"), EXAMPLE):
        load = spine_load(deadlift, req)
        limit = compression_limit_n(req)
        if load is not None:
            assert load.compression_n <= limit
            assert model_compression_n(deadlift, req, load.load_kg) <= limit
    lifter_load = spine_load(deadlift, LIFTER)
    assert lifter_load is not None
    assert lifter_load.capped
    assert model_compression_n(deadlift, LIFTER, None) > MAX_PERMISSIBLE_LIMIT_N


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
