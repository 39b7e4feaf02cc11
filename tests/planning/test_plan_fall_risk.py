"""Fall risk: at 65+ or with poor one-leg balance, jumps stay on two feet, low and supported.

Hard one-legged strength work (a Cossack squat) waits too (decision 0290).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from spinewise.assessment import assess
from spinewise.catalog import load_catalog
from spinewise.planning.candidates import eligible, is_risky_landing, is_risky_one_leg_strength
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.validate import validate_plan
from spinewise.profile import load_profile

CATALOG = load_catalog()
OLDER = Path(__file__).parents[1] / "profiles" / "older_adult_balance.toml"
HOPS = ("single_leg_hop_and_stick", "skater_jump", "lateral_bound", "broad_jump")
#: Two-footed jumps done without a hand on a support (decision 0290).
UNSUPPORTED = ("snap_down_stick", "pogo_hops", "box_jump")
#: One-legged strength work of level 3 or above without a hand-hold.
ONE_LEG = ("cossack_squat", "single_leg_squat_to_box", "rear_foot_elevated_split_squat")


@pytest.fixture(scope="module")
def older():  # type: ignore[no-untyped-def]
    profile = load_profile(OLDER)
    request = request_from_profile(profile, assess(profile))
    return profile, request, make_plan_for_profile(profile)


def test_the_hops_of_the_issue_are_risky_landings_for_her(older) -> None:  # type: ignore[no-untyped-def]
    _profile, request, _plan = older
    for eid in HOPS:
        assert is_risky_landing(CATALOG.get(eid), request), eid
    for eid in UNSUPPORTED:  # two feet and low, but no hand on a support
        assert is_risky_landing(CATALOG.get(eid), request), eid
    assert not is_risky_landing(CATALOG.get("heel_drop_supported"), request)
    young = replace(request, age=35, tested_holds_s=(("single_leg_stance", 30.0),))
    assert not any(is_risky_landing(CATALOG.get(e), young) for e in HOPS + UNSUPPORTED)


def test_hard_one_legged_strength_work_waits_for_her(older) -> None:  # type: ignore[no-untyped-def]
    _profile, request, _plan = older
    for eid in ONE_LEG:
        assert is_risky_one_leg_strength(CATALOG.get(eid), request), eid
    # two feet down, a lower level, or a balance drill beside a support: open
    for eid in ("split_squat", "lateral_lunge", "sit_to_stand", "single_leg_rdl_supported"):
        assert not is_risky_one_leg_strength(CATALOG.get(eid), request), eid
    # standing on one foot without a hand-hold, with her 8-s stance: closed at any level
    assert is_risky_one_leg_strength(CATALOG.get("single_leg_rdl_bodyweight"), request)
    steady = replace(request, tested_holds_s=(("single_leg_stance", 30.0),))  # 71, good stance
    assert not is_risky_one_leg_strength(CATALOG.get("single_leg_rdl_bodyweight"), steady)
    assert is_risky_one_leg_strength(CATALOG.get("cossack_squat"), steady)  # level 3: by age
    assert not is_risky_one_leg_strength(CATALOG.get("single_leg_stance_clock_reach"), request)
    young = replace(request, age=35, tested_holds_s=(("single_leg_stance", 30.0),))
    assert not any(is_risky_one_leg_strength(CATALOG.get(e), young) for e in ONE_LEG)
    poor_balance = replace(request, age=40)  # her 8-s stance alone puts her on the pathway
    assert is_risky_one_leg_strength(CATALOG.get("cossack_squat"), poor_balance)


def test_her_plan_lands_every_jump_on_two_feet(older) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = older
    jumps = [
        CATALOG.get(it.exercise_id)
        for w in plan.weeks
        for s in w.sessions
        for _b, it in s.items()
        if "jump" in CATALOG.get(it.exercise_id).patterns
    ]
    assert jumps  # impact for bone stays in her plan: heel drops with a hand on the wall
    assert {ex.id for ex in jumps} == {"heel_drop_supported"}
    open_ids = {ex.id for ex in eligible(CATALOG, request, "power", frozenset(CATALOG.ids))}
    assert not open_ids & set(HOPS + UNSUPPORTED + ONE_LEG)
    assert "heel_drop_supported" in open_ids


def test_her_plan_has_no_hard_one_legged_strength_work(older) -> None:  # type: ignore[no-untyped-def]
    _profile, _request, plan = older
    given = {it.exercise_id for w in plan.weeks for s in w.sessions for _b, it in s.items()}
    assert not given & set(ONE_LEG)
    assert "lateral_lunge" in given or "split_squat" in given  # her legs are still trained
    # her single-leg hinge is taken with a hand on the wall, every loading week
    assert "single_leg_rdl_bodyweight" not in given
    for week in plan.weeks:
        ids = {it.exercise_id for s in week.sessions for _b, it in s.items()}
        assert week.deload or "single_leg_rdl_supported" in ids, week.index


def test_the_validator_names_a_planted_hop(older) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = older
    doc = plan.to_json()
    item = doc["weeks"][-1]["sessions"][0]["blocks"][-1]["items"][0]
    item["exercise_id"] = "single_leg_hop_and_stick"
    found = [v for v in validate_plan(doc, request, CATALOG) if v.requirement == "fall_risk_jumps"]
    assert found
    assert validate_plan(plan, request, CATALOG) == []


@pytest.mark.parametrize(
    ("planted", "requirement"),
    [
        ("cossack_squat", "fall_risk_one_leg"),
        ("single_leg_rdl_bodyweight", "fall_risk_one_leg"),
        ("snap_down_stick", "fall_risk_jumps"),
    ],
)
def test_the_validator_names_a_planted_cossack_squat_or_snap_down(  # type: ignore[no-untyped-def]
    older, planted: str, requirement: str
) -> None:
    _profile, request, plan = older
    doc = plan.to_json()
    item = doc["weeks"][4]["sessions"][0]["blocks"][-1]["items"][0]
    item["exercise_id"] = planted
    found = {v.requirement for v in validate_plan(doc, request, CATALOG)}
    assert requirement in found
