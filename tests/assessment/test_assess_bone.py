"""Bone health: spinal flexion waits for a bone-health answer at 65+, and goes with osteoporosis."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinewise.assessment import assess
from spinewise.assessment.bone import bone_health_findings
from spinewise.catalog import load_catalog
from spinewise.planning.make import make_plan_for_profile
from spinewise.profile import Profile, load_profile

OLDER = Path(__file__).parents[1] / "profiles" / "older_adult_balance.toml"


def _with(profile: Profile, *, age: int, answer: bool | None) -> Profile:
    data = profile.model_dump()
    data["athlete"]["age"] = age
    data["screening"]["osteoporosis_or_fragility_fracture"] = answer
    if answer:
        data["screening"]["cleared_by_clinician"] = True
    return Profile.model_validate(data)


@pytest.mark.parametrize(
    ("age", "answer", "fires"),
    [(71, None, True), (65, None, True), (64, None, False), (71, False, False), (50, True, True)],
)
def test_when_flexion_is_left_out(age: int, answer: bool | None, fires: bool) -> None:
    profile = _with(load_profile(OLDER), age=age, answer=answer)
    found = bone_health_findings(profile)
    assert bool(found) is fires
    if fires:
        (f,) = found
        assert f.code == "bone_health_flexion"
        assert [(c.kind, c.sensitivity) for c in f.consequences] == [
            ("avoid_sensitivity", "flexion")
        ]
        assert "curl-ups" in f.summary
        assert "bone_health_flexion" in {x.code for x in assess(profile).findings}


def test_an_unanswered_bone_question_at_71_gives_no_curl_up() -> None:
    catalog = load_catalog()
    plan = make_plan_for_profile(_with(load_profile(OLDER), age=71, answer=None))
    used = {it.exercise_id for w in plan.weeks for s in w.sessions for _b, it in s.items()}
    assert used
    assert not [e for e in used if "flexion" in catalog.get(e).sensitivities]
