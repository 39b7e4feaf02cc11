"""The lifter's pathway: maxes in the profile (or estimated from the log) give loads in kg."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from spinewise.assessment import assess
from spinewise.catalog import load_catalog
from spinewise.errors import InputError
from spinewise.logbook import SessionLog
from spinewise.logbook.entries import SetLog
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.lifts import one_rm_kg, round_load_kg
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.spine import held_to_limit, own_max_applies
from spinewise.planning.validate import validate_plan
from spinewise.profile import load_profile, parse_profile, profile_to_toml
from spinewise.report.plan_markdown import plan_to_markdown
from spinewise.services.maxes import estimated_maxes_kg, with_log_maxes

CATALOG = load_catalog()
LIFTER = Path(__file__).parents[1] / "profiles" / "powerlifter_asymmetry.toml"


@pytest.fixture(scope="module")
def lifter():  # type: ignore[no-untyped-def]
    profile = load_profile(LIFTER)
    return profile, request_from_profile(profile, assess(profile)), make_plan_for_profile(profile)


def _items(plan):  # type: ignore[no-untyped-def]
    return [it for w in plan.weeks for s in w.sessions for _b, it in s.items()]


def test_the_maxes_load_and_round_trip() -> None:
    profile = load_profile(LIFTER)
    assert (profile.maxes.squat_kg, profile.maxes.deadlift_kg) == (210.0, 250.0)
    again = parse_profile(__import__("tomllib").loads(profile_to_toml(profile)))
    assert again.maxes == profile.maxes
    data = profile.model_dump()
    data["maxes"] = {"squat_kg": 900}
    with pytest.raises(InputError, match=r"maxes\.squat_kg: must be 20 to 500, got 900"):
        parse_profile(data)


def test_lifts_with_a_known_max_are_prescribed_in_kg(lifter) -> None:  # type: ignore[no-untyped-def]
    _profile, request, plan = lifter
    loaded = [it for it in _items(plan) if one_rm_kg(CATALOG.get(it.exercise_id), request)]
    assert loaded, "the powerlifter's plan has barbell squats or deadlifts"
    for it in loaded:
        assert it.dose.load_kg is not None
        assert it.dose.load_kg % 2.5 == 0
    squats = [it for it in loaded if it.exercise_id == "back_squat"]
    for it in squats:
        assert it.dose.load_kg == round_load_kg(210.0 * it.dose.intensity.value / 100)
    assert "% 1RM: " in plan_to_markdown(plan)
    assert validate_plan(plan, request, CATALOG) == []


def test_a_trained_pain_free_lifter_follows_his_own_max_not_niosh(lifter) -> None:  # type: ignore[no-untyped-def]
    _profile, request, _plan = lifter
    deadlift = CATALOG.get("conventional_deadlift")
    assert own_max_applies(deadlift, request)
    assert not held_to_limit(deadlift, request)
    for who in (
        replace(request, training_experience="novice"),
        replace(request, pain_current=3),
        replace(request, maxes_kg=()),
    ):
        assert not own_max_applies(deadlift, who)
        assert held_to_limit(deadlift, who)


def _set(eid: str, load: float, reps: int) -> SetLog:
    return SetLog(exercise_id=eid, set_number=1, reps=reps, load_kg=load)


def test_maxes_are_estimated_from_the_log_and_never_override_the_profile() -> None:
    day = date(2027, 3, 1)
    log = [
        SessionLog(started_at=datetime(2027, 2, 20, 18), sets=(_set("back_squat", 150, 5),)),
        SessionLog(started_at=datetime(2027, 2, 25, 18), sets=(_set("front_squat", 100, 3),)),
        SessionLog(started_at=datetime(2026, 6, 1, 18), sets=(_set("back_squat", 300, 1),)),
    ]
    got = estimated_maxes_kg(log, day)
    assert got == {"squat": 175.0}  # 150 x (1 + 5/30); the old 300 kg single is out of window
    profile = load_profile(LIFTER)
    data = profile.model_dump()
    data["maxes"] = {"deadlift_kg": 250.0}
    partial = parse_profile(data)
    filled = with_log_maxes(partial, log, day)
    assert (filled.maxes.squat_kg, filled.maxes.deadlift_kg) == (175.0, 250.0)
    assert with_log_maxes(profile, log, day).maxes.squat_kg == 210.0  # the profile wins
