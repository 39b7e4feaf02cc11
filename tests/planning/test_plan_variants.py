"""One variant of an exercise per session: no curl-up beside the curl-up with a pre-brace."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinewise.assessment import assess
from spinewise.catalog import load_catalog
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.policy import main_pattern, variant_pairs
from spinewise.planning.validate import validate_plan
from spinewise.profile import load_profile

CATALOG = load_catalog()
PROFILES = Path(__file__).parents[1] / "profiles"


def test_the_curl_ups_are_variants() -> None:
    pair = variant_pairs([CATALOG.get("mcgill_curl_up"), CATALOG.get("mcgill_curl_up_prebrace")])
    assert pair == (("mcgill_curl_up", "mcgill_curl_up_prebrace"),)
    assert variant_pairs([CATALOG.get("mcgill_curl_up"), CATALOG.get("bird_dog")]) == ()


@pytest.mark.parametrize("name", ["golfer", "desk_worker_flexion", "six_day_athlete"])
def test_no_session_holds_two_variants(name: str) -> None:
    plan = make_plan_for_profile(load_profile(PROFILES / f"{name}.toml"))
    for week in plan.weeks:
        for session in week.sessions:
            exs = [CATALOG.get(it.exercise_id) for _b, it in session.items()]
            assert variant_pairs(exs) == (), (week.index, session.index)


def test_the_validator_names_two_planted_variants() -> None:
    profile = load_profile(PROFILES / "golfer.toml")
    request = request_from_profile(profile, assess(profile))
    plan = make_plan_for_profile(profile)
    assert validate_plan(plan, request, CATALOG) == []
    doc = plan.to_json()
    blocks = doc["weeks"][4]["sessions"][0]["blocks"]
    items = [it for b in blocks for it in b["items"]]

    def same_pattern_step(exercise_id: str) -> str | None:
        """A progression of the exercise with its main pattern (a variant, not a new movement)."""
        ex = CATALOG.get(exercise_id)
        steps = [p for p in ex.progressions if p in CATALOG]
        same = [p for p in steps if main_pattern(CATALOG.get(p)) == main_pattern(ex)]
        return same[0] if same else None

    first = next(it for it in items if same_pattern_step(it["exercise_id"]))
    other = next(
        it for it in items if it is not first and it["exercise_id"] not in first["exercise_id"]
    )
    other["exercise_id"] = same_pattern_step(first["exercise_id"])
    found = [
        v
        for v in validate_plan(doc, request, CATALOG)
        if v.requirement == "one_variant_per_session"
    ]
    assert found
