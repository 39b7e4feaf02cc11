"""Fall risk: at 65+ or with poor one-leg balance, jumps stay on two feet and low."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from spinewise.assessment import assess
from spinewise.catalog import load_catalog
from spinewise.planning.candidates import eligible, is_risky_landing
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.validate import validate_plan
from spinewise.profile import load_profile

CATALOG = load_catalog()
OLDER = Path(__file__).parents[1] / "profiles" / "older_adult_balance.toml"
HOPS = ("single_leg_hop_and_stick", "skater_jump", "lateral_bound", "broad_jump")


@pytest.fixture(scope="module")
def older():  # type: ignore[no-untyped-def]
    profile = load_profile(OLDER)
    request = request_from_profile(profile, assess(profile))
    return profile, request, make_plan_for_profile(profile)


def test_the_hops_of_the_issue_are_risky_landings_for_her(older) -> None:  # type: ignore[no-untyped-def]
    _profile, request, _plan = older
    for eid in HOPS:
        assert is_risky_landing(CATALOG.get(eid), request), eid
    assert not is_risky_landing(CATALOG.get("pogo_hops"), request)  # two feet, low
    young = replace(request, age=35, tested_holds_s=(("single_leg_stance", 30.0),))
    assert not any(is_risky_landing(CATALOG.get(e), young) for e in HOPS)


def test_her_plan_lands_every_jump_on_two_feet(older) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = older
    jumps = [
        CATALOG.get(it.exercise_id)
        for w in plan.weeks
        for s in w.sessions
        for _b, it in s.items()
        if "jump" in CATALOG.get(it.exercise_id).patterns
    ]
    assert all(ex.laterality == "bilateral" and ex.level <= 2 for ex in jumps)
    assert not [
        ex for ex in eligible(CATALOG, request, "power", frozenset(CATALOG.ids)) if ex.id in HOPS
    ]


def test_the_validator_names_a_planted_hop(older) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = older
    doc = plan.to_json()
    item = doc["weeks"][-1]["sessions"][0]["blocks"][-1]["items"][0]
    item["exercise_id"] = "single_leg_hop_and_stick"
    found = [v for v in validate_plan(doc, request, CATALOG) if v.requirement == "fall_risk_jumps"]
    assert found
    assert validate_plan(plan, request, CATALOG) == []
