"""The lifter's pathway: the plan is built around the person's own main lifts (issue 14, part 4).

A person training for lifting with known maxes gets each main lift once in every loading week,
one per session, loaded from the max at a percentage that rises while the reps stay; an advanced
athlete gets no introductory body-weight exercise.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from spinewise.assessment import assess
from spinewise.catalog import load_catalog
from spinewise.planning.candidates import below_experience_floor
from spinewise.planning.dosing import dose_for, percent_ceiling
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.lifts import is_main_lift, lifter_pathway
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.validate import validate_plan
from spinewise.profile import load_profile

CATALOG = load_catalog()
LIFTER = Path(__file__).parents[1] / "profiles" / "powerlifter_asymmetry.toml"


@pytest.fixture(scope="module")
def lifter():  # type: ignore[no-untyped-def]
    profile = load_profile(LIFTER)
    request = request_from_profile(profile, assess(profile))
    return profile, request, make_plan_for_profile(profile)


def _main_lifts(session):  # type: ignore[no-untyped-def]
    return [
        (lift, it)
        for _b, it in session.items()
        for lift in ("squat", "deadlift", "bench_press")
        if is_main_lift(lift)(CATALOG.get(it.exercise_id))
    ]


def test_the_lifter_gets_each_main_lift_every_loading_week_one_a_session(lifter) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = lifter
    assert lifter_pathway(request) == ("squat", "deadlift", "bench_press")
    for week in plan.weeks:
        if week.deload:
            continue
        lifts = [lift for s in week.sessions for lift, _ in _main_lifts(s)]
        assert Counter(lifts).keys() == {"squat", "deadlift", "bench_press"}, week.index
        for s in week.sessions:
            assert len(_main_lifts(s)) <= 1, (week.index, s.index)


def test_main_lifts_keep_their_reps_and_raise_the_load(lifter) -> None:  # type: ignore[no-untyped-def]
    _profile, _request, plan = lifter
    by_lift: dict[str, list[tuple[int, float, int]]] = {}
    for week in plan.weeks:
        for s in week.sessions:
            for lift, it in _main_lifts(s):
                dose = it.dose
                assert dose.intensity.kind == "percent_1rm"
                assert dose.reps is not None
                assert dose.load_kg is not None
                # never more reps than the percentage allows with two in reserve
                assert dose.intensity.value <= percent_ceiling(dose.reps)
                if not week.deload:
                    by_lift.setdefault(lift, []).append((week.index, dose.load_kg, dose.reps))
    squat = by_lift["squat"]
    assert {reps for _, _, reps in squat} == {5}
    loads = [kg for _, kg, _ in squat]
    assert loads == sorted(loads)
    assert loads[-1] > loads[0]
    assert loads[0] == 157.5  # 75 % of 210 kg, rounded down to 2.5 kg


def test_the_lifter_plan_passes_the_validator(lifter) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = lifter
    assert validate_plan(plan, request, CATALOG) == []


def test_the_validator_names_a_missing_main_lift(lifter) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = lifter
    doc = json.loads(plan.dumps())
    week = next(w for w in doc["weeks"] if not w["deload"])
    for s in week["sessions"]:
        for b in s["blocks"]:
            b["items"] = [it for it in b["items"] if it["exercise_id"] != "bench_press"]
    named = {(v.requirement, v.message) for v in validate_plan(doc, request, CATALOG)}
    assert ("main_lifts", "no bench press this week") in named


def test_no_maxes_or_no_lifting_goal_means_no_pathway(lifter) -> None:  # type: ignore[no-untyped-def]
    _profile, request, _plan = lifter
    assert lifter_pathway(replace(request, goals=("durability",))) == ()
    assert lifter_pathway(replace(request, maxes_kg=())) == ()


def test_a_percentage_dose_rises_at_fixed_reps_and_drops_in_a_deload() -> None:
    squat = CATALOG.get("back_squat")
    week = WeekPlan(index=1, phase="build", deload=False, phase_week=1, phase_length=3)
    doses = [dose_for(squat, week, experience="advanced", exposure=k) for k in range(6)]
    assert [d.reps for d in doses] == [5] * 6
    assert [d.intensity.value for d in doses] == [75.0, 77.5, 80.0, 80.0, 80.0, 80.0]
    deload = dose_for(squat, replace(week, deload=True), experience="advanced", exposure=3)
    assert deload.intensity.value == 70.0
    assert deload.sets < doses[3].sets


@pytest.mark.parametrize(
    ("exercise_id", "advanced", "outgrown"),
    [
        ("side_bridge_knees", True, True),
        ("push_up_knees", True, True),
        ("bodyweight_squat", True, True),
        ("side_bridge_knees", False, False),
        ("cat_camel", True, False),  # a mobility drill stays open
        ("single_leg_stance_supported", True, False),  # balance stays open
        ("farmers_carry", True, False),  # a loaded exercise scales with its load
    ],
)
def test_an_advanced_athlete_has_outgrown_introductory_body_weight_work(
    lifter, exercise_id: str, advanced: bool, outgrown: bool
) -> None:  # type: ignore[no-untyped-def]
    _profile, request, _plan = lifter
    who = request if advanced else replace(request, training_experience="intermediate")
    assert below_experience_floor(who, CATALOG.get(exercise_id)) is outgrown


def test_no_introductory_body_weight_exercise_in_the_advanced_plan(lifter) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = lifter
    ids = {it.exercise_id for w in plan.weeks for s in w.sessions for _b, it in s.items()}
    assert not [e for e in ids if below_experience_floor(request, CATALOG.get(e))]
