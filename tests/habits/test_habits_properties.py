"""Properties over many profiles: the time budget, breaks only where they help, deloads."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from spinewise.catalog import load_catalog
from spinewise.habits import build_habits, load_habit_rules
from spinewise.planning.periodization import periodize
from spinewise.planning.request import PlanRequest

CATALOG = load_catalog()
RULES = load_habit_rules()
GOALS = ("durability", "rotational_sport", "lifting", "running", "desk_work")
SENSITIVITIES = ("flexion", "extension", "rotation", "axial_load", "impact")
FINDINGS = ("pain_present", "start_back_medium", "extensor_endurance_low", "balance_eyes_open_low")

requests = st.builds(
    PlanRequest,
    name=st.just("H"),
    sex=st.sampled_from(["female", "male"]),
    age=st.integers(16, 100),
    body_mass_kg=st.just(70.0),
    training_experience=st.sampled_from(["novice", "intermediate", "advanced"]),
    days_per_week=st.integers(1, 7),
    minutes_per_session=st.integers(10, 150),
    weeks=st.just(12),
    equipment=st.frozensets(st.sampled_from(["mat", "wall", "band", "dumbbell"])),
    sensitivities=st.frozensets(st.sampled_from(SENSITIVITIES)),
    pain_current=st.integers(0, 10),
    goals=st.lists(st.sampled_from(GOALS), min_size=1, max_size=3, unique=True).map(tuple),
    max_level=st.one_of(st.none(), st.integers(1, 5)),
    posture_triggers=st.frozensets(st.sampled_from(["prolonged_sitting", "prolonged_standing"])),
    findings=st.lists(st.sampled_from(FINDINGS), unique=True).map(
        lambda codes: tuple((c, "mild", c) for c in codes)
    ),
)


@settings(max_examples=150, deadline=None)
@given(request=requests, n_weeks=st.integers(4, 16))
def test_habits_respect_the_profile(request: PlanRequest, n_weeks: int) -> None:
    habits: dict[str, Any] = build_habits(request, periodize(n_weeks), CATALOG).to_json()
    walking, breaks = habits["walking"], habits["movement_breaks"]

    cap = min(RULES.walking.target_min_per_day, request.minutes_per_session)
    if walking is not None:
        weeks = walking["weeks"]
        assert len(weeks) == n_weeks
        assert all(0 < w["minutes_per_day"] <= cap for w in weeks)
        assert all(1 <= w["days"] <= RULES.walking.target_days_per_week for w in weeks)
        loading = [w["weekly_minutes"] for w in weeks if not w["deload"]]
        assert loading == sorted(loading)
        for before, week in pairwise(weeks):
            if week["deload"]:
                assert week["weekly_minutes"] < before["weekly_minutes"]
        if "impact" in request.sensitivities:
            assert all(w["pace"].startswith("easy (") for w in weeks)

    helps = bool(request.posture_triggers) or "desk_work" in request.goals
    assert (breaks is not None) == helps
    if breaks is not None:
        for item in breaks["menu"]:
            ex = CATALOG.get(item["exercise_id"])
            assert ex.equipment == ()
            assert not set(ex.sensitivities) & request.sensitivities
            if request.max_level is not None:
                assert ex.level <= request.max_level

    no_reason_to_walk = (
        request.pain_current == 0
        and not request.posture_triggers
        and "desk_work" not in request.goals
        and request.age < RULES.walking.older_adult_age
        and not {c for c, _s, _m in request.findings} & {"pain_present", "start_back_medium"}
    )
    assert (walking is None) == no_reason_to_walk
