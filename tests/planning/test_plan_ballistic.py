"""Jumps, throws and swings: prerequisites first, foot contacts capped, validator agrees."""

from __future__ import annotations

import copy
from dataclasses import replace
from functools import cache
from typing import Any

import pytest

from planning.planning_fixtures import (
    BASE,
    CATALOG,
    EXAMPLE,
    FULL_GYM,
    context,
    solve,
    week,
    with_,
)
from spinewise.catalog.ballistic import foot_contacts, load_ballistic_rules
from spinewise.planning.candidates import eligible, is_fast_or_impact
from spinewise.planning.planner import make_plan
from spinewise.planning.policy import max_foot_contacts, plan_weeks
from spinewise.planning.request import PlanRequest
from spinewise.planning.validate import validate_plan

RULES = load_ballistic_rules()
PAIN_FREE_GYM = with_(
    EXAMPLE, equipment=FULL_GYM, sensitivities=frozenset(), pain_current=0, weeks=12, demands=()
)
PEOPLE = {
    "novice": PAIN_FREE_GYM,
    "intermediate": with_(PAIN_FREE_GYM, training_experience="intermediate"),
    "advanced": with_(PAIN_FREE_GYM, training_experience="advanced", goals=("rotational_sport",)),
}


@cache
def _plan(name: str) -> dict[str, Any]:
    return make_plan(PEOPLE[name], CATALOG, seed=0).to_json()


def _items(week: dict[str, Any]) -> list[dict[str, Any]]:
    return [it for s in week["sessions"] for b in s["blocks"] for it in b["items"]]


def _first_weeks(doc: dict[str, Any]) -> dict[str, int]:
    first: dict[str, int] = {}
    for w in doc["weeks"]:
        for it in _items(w):
            first.setdefault(it["exercise_id"], w["index"])
    return first


def _contacts(item: dict[str, Any]) -> int:
    if "jump" not in CATALOG.get(item["exercise_id"]).patterns:
        return 0
    side = item.get("extra_sets_side")
    return foot_contacts(
        item["reps"], item["sets"], item["per_side"], (side["side"], side["sets"]) if side else None
    )


# -- the reference data ---------------------------------------------------------------------------


def test_every_jump_throw_and_swing_has_a_prerequisite_naming_known_exercises() -> None:
    from spinewise.catalog.ballistic import check_ballistic_rules

    fast = {ex.id for ex in CATALOG if is_fast_or_impact(ex)}
    assert fast <= set(RULES.prerequisites)
    assert check_ballistic_rules(RULES, CATALOG.ids) == []
    for rule in RULES.prerequisites.values():
        assert rule.source


def test_the_swing_chain_of_the_issue() -> None:
    p = RULES.prerequisites
    assert "kettlebell_deadlift" in p["kettlebell_deadstop_swing"].after
    assert p["kettlebell_swing"].after == ("kettlebell_deadstop_swing",)
    assert p["single_arm_kettlebell_swing"].after == ("kettlebell_swing",)
    assert not p["single_arm_kettlebell_swing"].established_for
    assert RULES.max_contacts_per_session == {"novice": 80, "intermediate": 100, "advanced": 120}


# -- the planner ----------------------------------------------------------------------------------


def test_eligible_opens_a_step_only_after_its_prerequisite() -> None:
    novice = PAIN_FREE_GYM
    ids = {ex.id for ex in eligible(CATALOG, novice, "build")}
    assert "kettlebell_deadstop_swing" not in ids
    assert "kettlebell_swing" not in ids
    after_deadlift = {
        ex.id for ex in eligible(CATALOG, novice, "build", frozenset({"kettlebell_deadlift"}))
    }
    assert "kettlebell_deadstop_swing" in after_deadlift
    assert "kettlebell_swing" not in after_deadlift
    # established for an intermediate trainee: the dead-stop swing, not the two-hand swing
    inter = {ex.id for ex in eligible(CATALOG, PEOPLE["intermediate"], "build")}
    assert "kettlebell_deadstop_swing" in inter
    assert "kettlebell_swing" not in inter


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_plans_bring_each_fast_exercise_only_after_its_prerequisite(name: str) -> None:
    req = PEOPLE[name]
    doc = _plan(name)
    assert validate_plan(doc, req, CATALOG) == []
    done: set[str] = set()
    fast_seen = 0
    for wk, wp in zip(doc["weeks"], plan_weeks(req), strict=True):
        for it in _items(wk):
            rule = RULES.prerequisites.get(it["exercise_id"])
            if rule is None:
                continue
            fast_seen += 1
            assert req.training_experience in rule.established_for or set(rule.after) & done, (
                f"week {wk['index']}: {it['exercise_id']} before any of {rule.after}"
            )
        if not wp.deload:
            done |= {it["exercise_id"] for it in _items(wk)}
    assert fast_seen  # the plans do contain jumps, throws or swings


def test_a_novice_swings_only_after_a_deadlift_week() -> None:
    first = _first_weeks(_plan("novice"))
    fast = {e: w for e, w in first.items() if is_fast_or_impact(CATALOG.get(e))}
    assert fast, "a pain-free novice with a full gym gets some fast work"
    if "kettlebell_deadstop_swing" in first:
        assert first["kettlebell_deadlift"] < first["kettlebell_deadstop_swing"]
    if "kettlebell_swing" in first:
        assert first["kettlebell_deadstop_swing"] < first["kettlebell_swing"]
    # nothing fast in week 1: every step needs an earlier week for a novice
    assert min(fast.values()) > 1


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_no_session_holds_more_foot_contacts_than_the_cap(name: str) -> None:
    cap = max_foot_contacts(PEOPLE[name])
    for wk in _plan(name)["weeks"]:
        for s in wk["sessions"]:
            assert sum(_contacts(it) for b in s["blocks"] for it in b["items"]) <= cap


def test_the_foot_contact_rule_binds_in_the_week_model() -> None:
    # an advanced trainee in a power week, jumps open, each jump dosed at 60 contacts: without
    # the rule a session holds two or three of them; with it, no session passes the cap of 120
    jumper = with_(PEOPLE["advanced"], goals=("running",), days_per_week=2, minutes_per_session=20)
    jumps = CATALOG.subset(
        ex.id for ex in CATALOG if "jump" in ex.patterns or ex.blocks == ("prep",)
    )
    ctx = context(jumper, jumps, week("power"))
    big = {
        e.id: replace(ctx.doses[e.id], sets=3, reps=20, per_side=False)
        for e in ctx.exercises
        if "jump" in e.patterns
    }
    assert len(big) >= 3
    ctx = replace(ctx, doses={**ctx.doses, **big})
    cap = max_foot_contacts(jumper)

    def most(rule_ids: tuple[str, ...]) -> int:
        result = solve(ctx, rule_ids)
        assert result.status in ("OPTIMAL", "FEASIBLE")
        per_session: dict[int, int] = {}
        for it in result.items:
            d = it.dose
            if "jump" in CATALOG.get(it.exercise_id).patterns:
                per_session[it.session] = per_session.get(it.session, 0) + foot_contacts(
                    d.reps, d.sets, d.per_side, d.extra_sets_side
                )
        return max(per_session.values(), default=0)

    assert most(BASE) > cap
    assert 0 < most((*BASE, "foot_contacts")) <= cap


# -- the validator --------------------------------------------------------------------------------


def _plant(doc: dict[str, Any], week_index: int, exercise_id: str, **dose: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    week = doc["weeks"][week_index - 1]
    item = week["sessions"][0]["blocks"][-1]["items"][0]
    item.update(exercise_id=exercise_id, hold_s=None, distance_m=None, **dose)
    return doc


def _found(doc: dict[str, Any], req: PlanRequest, requirement: str) -> list[str]:
    return [str(v) for v in validate_plan(doc, req, CATALOG) if v.requirement == requirement]


def test_validator_names_a_one_arm_swing_without_a_two_hand_swing_before() -> None:
    req = PEOPLE["advanced"]
    doc = _plan("advanced")
    # week 1 has no earlier loading week, whatever week 1 itself holds
    found = _found(_plant(doc, 1, "single_arm_kettlebell_swing", reps=10), req, "prerequisites")
    assert found
    assert "single_arm_kettlebell_swing needs one of kettlebell_swing" in found[0]
    # the same item once a two-hand swing was done in an earlier loading week is allowed
    with_swing = _plant(doc, 1, "kettlebell_swing", reps=10)
    later = _plant(with_swing, 2, "single_arm_kettlebell_swing", reps=10)
    assert not [f for f in _found(later, req, "prerequisites") if "single_arm" in f]


def test_a_deload_week_does_not_count_as_the_prerequisite() -> None:
    from spinewise.planning.checks.scope import done_before
    from spinewise.planning.periodization import WeekPlan
    from spinewise.planning.plan import Week

    def wk(*ids: str) -> Week:
        items = [{"exercise_id": i, "sets": 1} for i in ids]
        return Week.from_json(
            {"index": 1, "sessions": [{"index": 1, "blocks": [{"kind": "prep", "items": items}]}]}
        )

    weeks = [wk("goblet_squat"), wk("kettlebell_deadlift"), wk("kettlebell_deadstop_swing")]
    plans = (
        WeekPlan(1, "foundation", False, 1, 1),
        WeekPlan(2, "foundation", True, 1, 1),
        WeekPlan(3, "build", False, 1, 1),
    )
    done = done_before(weeks, plans)
    assert done == [frozenset(), {"goblet_squat"}, {"goblet_squat"}]


def test_validator_names_a_session_over_the_foot_contact_cap() -> None:
    req = PEOPLE["novice"]
    doc = _plan("novice")
    assert _found(doc, req, "foot_contacts") == []
    # pogo hops and their landing drill are open from the week after the first squat or lunge
    week_index = max(w["index"] for w in doc["weeks"])
    planted = _plant(doc, week_index, "pogo_hops", reps=25, sets=4, per_side=False)
    found = _found(planted, req, "foot_contacts")
    assert found
    assert "foot contacts, at most 80 for training experience novice" in found[0]


def test_throws_are_not_required_before_one_is_open() -> None:
    # a novice with a medicine ball but no band or cable never does a chop or Pallof press, so no
    # rotational throw opens: neither the planner nor the validator asks for one
    req = with_(
        EXAMPLE,
        equipment=frozenset({"mat", "medicine_ball", "wall", "dumbbell", "bench"}),
        sensitivities=frozenset(),
        pain_current=0,
        weeks=8,
    )
    doc = make_plan(req, CATALOG, seed=0).to_json()
    assert not [r for r in doc["solver"]["relaxed"] if "rotational_throws" in r]
    assert validate_plan(doc, req, CATALOG) == []


def test_the_why_of_fast_work_names_its_groundwork_in_plain_words() -> None:
    doc = _plan("novice")
    whys = {
        it["exercise_id"]: it["why"]
        for w in doc["weeks"]
        for it in _items(w)
        if it["exercise_id"] in RULES.prerequisites
    }
    assert whys
    for eid, why in whys.items():
        grounded = [w for w in why if w.startswith("fast work after its groundwork: ")]
        assert grounded, (eid, why)
        assert "_" not in grounded[0]
    # in week 1 nothing was done before: fast work there is open by experience only
    covers = "fast work whose groundwork your training experience covers"
    for name in ("intermediate", "advanced"):
        for it in _items(_plan(name)["weeks"][0]):
            if it["exercise_id"] in RULES.prerequisites:
                assert covers in it["why"], it
