"""A finding can rule an exercise out: no superman hold (about 6 kN) for weak back extensors."""

from __future__ import annotations

import copy

import pytest

from planning.planning_fixtures import CATALOG, EXAMPLE, with_
from spinewise.planning.candidates import eligible
from spinewise.planning.planner import make_plan
from spinewise.planning.request import Demand
from spinewise.planning.validate import validate_plan

#: An advanced trainee whose back-extensor hold is short: without the exclusion the planner
#: picks the superman hold for the finding (it serves isometric endurance of the erectors).
WEAK_EXTENSORS = with_(EXAMPLE, training_experience="advanced", sensitivities=frozenset(), weeks=6)


def _ids(doc: dict) -> set[str]:  # type: ignore[type-arg]
    return {
        it["exercise_id"]
        for w in doc["weeks"]
        for s in w["sessions"]
        for b in s["blocks"]
        for it in b["items"]
    }


@pytest.mark.parametrize(
    "finding",
    ["extensor_endurance_low", "flexor_extensor_ratio_high", "side_bridge_extensor_ratio_high"],
)
def test_extensor_findings_rule_out_the_superman(finding: str) -> None:
    demand = Demand(
        "extra_volume", finding, quality="isometric_endurance", region="erector_spinae", sets=2
    )
    req = with_(WEAK_EXTENSORS, demands=(demand,), findings=((finding, "moderate", "weak"),))
    assert "superman_hold" not in {ex.id for ex in eligible(CATALOG, req, "foundation")}


def test_a_plan_for_weak_back_extensors_has_no_superman_and_still_serves_the_finding() -> None:
    doc = make_plan(WEAK_EXTENSORS, CATALOG, seed=0).to_json()
    assert "superman_hold" not in _ids(doc)
    assert validate_plan(doc, WEAK_EXTENSORS, CATALOG) == []
    served = [
        it
        for w in doc["weeks"]
        for s in w["sessions"]
        for b in s["blocks"]
        for it in b["items"]
        if "for what your tests found" in it["why"]
    ]
    assert served


def test_without_the_finding_the_superman_stays_open() -> None:
    plain = with_(WEAK_EXTENSORS, demands=(), findings=())
    assert "superman_hold" in {ex.id for ex in eligible(CATALOG, plain, "foundation")}


def test_validator_names_a_planted_superman() -> None:
    doc = make_plan(WEAK_EXTENSORS, CATALOG, seed=0).to_json()
    planted = copy.deepcopy(doc)
    item = planted["weeks"][0]["sessions"][0]["blocks"][-1]["items"][0]
    item.update(exercise_id="superman_hold", hold_s=10, reps=None, distance_m=None)
    found = [str(v) for v in validate_plan(planted, WEAK_EXTENSORS, CATALOG)]
    assert any(": finding_exclusions: superman_hold" in v for v in found), found
