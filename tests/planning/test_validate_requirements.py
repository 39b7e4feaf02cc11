"""Every check of the validator: a planted violation that it names, and nothing else.

For each requirement id (:data:`spinewise.planning.requirements.REQUIREMENTS`) and each of the
validator's own checks of the plan's form (:data:`~spinewise.planning.checks.registry.
VALIDATOR_ONLY`), a planter edits a valid plan so that exactly that check fails; the validator
must name that requirement, where it was planted, and no other requirement. A new requirement
without a planter fails ``test_every_check_has_a_planter``.
"""

from __future__ import annotations

import pytest

from planning.planning_fixtures import CATALOG
from planning.validator_plants import (
    REQUESTS,
    Doc,
    Planter,
    item,
    items,
    restate_minutes,
    session,
    swap,
    valid_doc,
)
from spinewise.planning.checks.registry import PLAN_CHECKS, REGISTRY, VALIDATOR_ONLY
from spinewise.planning.requirements import REQUIREMENTS
from spinewise.planning.validate import validate_plan


def _rest_free(doc: Doc, week: int, index: int) -> str:
    for it in items(doc, week, index):
        it["rest_s"] = 0
    restate_minutes(doc, week, index)
    return f"week {week} session {index}"


def _long_rest(doc: Doc) -> str:
    items(doc, 8, 1)[0]["rest_s"] += 1200
    restate_minutes(doc, 8, 1)
    return "week 8 session 1"


def _blocks_reversed(doc: Doc) -> str:
    session(doc, 1, 1)["blocks"].reverse()
    return "week 1 session 1"


def _two_measures(doc: Doc) -> str:
    item(doc, 8, 1, "marching_bridge")["hold_s"] = 20.0
    restate_minutes(doc, 8, 1)
    return "week 8 session 1"


def _no_reason(doc: Doc) -> str:
    item(doc, 1, 1, "band_lift_half_kneeling")["why"] = []
    return "week 1 session 1"


def _fewer_sets(doc: Doc) -> str:
    item(doc, 2, 1, "bird_dog")["sets"] -= 2
    restate_minutes(doc, 2, 1)
    return "week 2"


def _light_deload(doc: Doc) -> str:
    for s in doc["weeks"][3]["sessions"]:
        for it in items(doc, 4, s["index"]):
            it["sets"], it["extra_sets_side"] = 1, None
        restate_minutes(doc, 4, s["index"])
    return "week 4"


def _week_repeated(doc: Doc) -> str:
    doc["weeks"][1]["sessions"] = [dict(s) for s in doc["weeks"][0]["sessions"]]
    return "week 2"


def _phase_renamed(doc: Doc) -> str:
    doc["weeks"][0]["phase"] = "build"
    return "week 1"


def _schema(doc: Doc) -> str:
    doc["schema_version"] = 2
    return "plan"


def _relaxed_hard(doc: Doc) -> str:
    doc["solver"]["relaxed"].append("week 2: equipment: no kettlebell")
    return "plan"


def _week_dropped(doc: Doc) -> str:
    doc["weeks"].pop()
    return "plan"


def _unknown(doc: Doc) -> str:
    item(doc, 2, 1, "breathing_90_90")["exercise_id"] = "no_such_exercise"
    return "week 2 session 1"


def _cap_raised(doc: Doc) -> str:
    item(doc, 1, 2, "kettlebell_deadlift")["load_cap_kg"] = 60.0
    return "week 1 session 2"


def _many_landings(doc: Doc) -> str:
    jumps = item(doc, 6, 1, "skater_jump")
    jumps["reps"] = 31 if jumps["per_side"] else 61
    for it in items(doc, 6, 1):
        it["rest_s"] //= 2  # the landings take the time the rests gave up
    restate_minutes(doc, 6, 1)
    return "week 6 session 1"


def _more_sets(doc: Doc) -> str:
    taps = item(doc, 2, 3, "plank_shoulder_tap")
    taps["sets"], taps["rest_s"] = taps["sets"] + 2, 0
    restate_minutes(doc, 2, 3)
    return "week 2"


def _no_one_sided_work(doc: Doc) -> str:
    swap(doc, 3, 2, "split_squat", "heel_raise_supported")
    swap(doc, 3, 2, "suitcase_march", "band_complex")
    swap(doc, 3, 2, "hip_90_90_switches", "band_lat_pulldown")
    return "week 3"


def _no_transverse_work(doc: Doc) -> str:
    for index, old, new in (
        (1, "pallof_hold_band", "active_straight_leg_raise"),
        (1, "bird_dog_pulses", "band_lat_pulldown"),
        (1, "single_leg_rdl_bodyweight", "band_pull_through_explosive"),
        (2, "prone_ytw_raise", "active_straight_leg_raise"),
        (2, "hip_90_90_switches", "band_lat_pulldown"),
        (3, "bird_dog", "prone_back_extension_hold"),
    ):
        swap(doc, 3, index, old, new)
    # the single-leg hinge went with the twisting work: relaxed, so that only the planes remain
    doc["solver"]["relaxed"].append("week 3: single_leg_hinge: no room")
    return "week 3"


def _session_dropped(doc: Doc) -> str:
    doc["weeks"][0]["sessions"].pop(1)
    # the session held the week's deadlift: relaxing that requirement leaves only the count
    doc["solver"]["relaxed"].append("week 1: signature_work: one session fewer")
    return "week 1"


#: requirement -> (whose plan, the edit that breaks exactly it)
PLANTERS: dict[str, tuple[str, Planter]] = {
    "equipment": (
        "novice",
        lambda d: swap(d, 1, 1, "band_lift_half_kneeling", "dead_bug_stability_ball"),
    ),
    "sensitivities": ("novice", lambda d: swap(d, 1, 1, "band_lift_half_kneeling", "cat_camel")),
    "level_window": ("novice", lambda d: swap(d, 1, 1, "band_lift_half_kneeling", "nordic_curl")),
    "pain_gate": (
        "in_pain",
        lambda d: swap(d, 3, 1, "mcgill_curl_up", "half_kneeling_rotational_throw"),
    ),
    "fall_risk_jumps": ("older", lambda d: swap(d, 6, 1, "brace_and_breathe", "broad_jump")),
    "prerequisites": (
        "novice",
        lambda d: swap(d, 3, 1, "single_leg_stance_supported", "broad_jump"),
    ),
    "spine_budget": ("novice", _cap_raised),
    "session_time": ("novice", _long_rest),
    "session_structure": ("novice", _blocks_reversed),
    "session_fill": ("novice", lambda d: _rest_free(d, 1, 1)),
    "pattern_per_session": (
        "novice",
        lambda d: swap(d, 1, 1, "band_lift_half_kneeling", "band_explosive_pallof_punch"),
    ),
    "one_variant_per_session": (
        "novice",
        lambda d: swap(d, 1, 1, "band_lift_half_kneeling", "band_row"),
    ),
    "balance_every_session": (
        "older",
        lambda d: swap(d, 3, 1, "single_leg_stance_supported", "active_straight_leg_raise"),
    ),
    "signature_work": (
        "older",
        lambda d: (
            swap(d, 3, 1, "glute_bridge_lateral_shift_hold", "active_straight_leg_raise")
            and "week 3"
        ),
    ),
    "heavy_hinge_spacing": (
        "sunday_monday",
        lambda d: swap(d, 6, 1, "hip_90_90_switches", "barbell_rdl", load_cap_kg=10.0) and "week 6",
    ),
    "heavy_compression_spacing": (
        "sunday_monday",
        lambda d: swap(d, 6, 1, "hip_90_90_switches", "bent_over_barbell_row") and "week 6",
    ),
    "deload_volume": ("novice", _light_deload),
    "finding_exclusions": (
        "sunday_monday",
        lambda d: swap(d, 6, 2, "prone_back_extension_hold", "superman_hold"),
    ),
    "foot_contacts": ("sunday_monday", _many_landings),
    "weekly_pattern_sets": ("sunday_monday", _more_sets),
    "weekly_qualities": (
        "novice",
        lambda d: swap(d, 1, 2, "hip_90_90_switches", "band_anti_rotation_walkout") and "week 1",
    ),
    "key_regions": (
        "novice",
        lambda d: (
            swap(d, 1, 3, "front_rack_kettlebell_carry", "active_straight_leg_raise") and "week 1"
        ),
    ),
    "single_leg_hinge": (
        "novice",
        lambda d: swap(d, 1, 3, "single_leg_rdl_band", "active_straight_leg_raise") and "week 1",
    ),
    "rotational_throws": (
        "older",
        lambda d: (
            swap(d, 6, 1, "rotational_shot_put_throw_wall", "active_straight_leg_raise")
            and "week 6"
        ),
    ),
    "three_planes": ("in_pain", _no_transverse_work),
    "movement_patterns": (
        "novice",
        lambda d: (
            swap(d, 1, 1, "single_arm_band_row_split_stance", "active_straight_leg_raise")
            and "week 1"
        ),
    ),
    "weekly_frequency": (
        "novice",
        lambda d: swap(d, 1, 1, "bird_dog_pulses", "bird_dog") and "week 1",
    ),
    "finding_volume": (
        "older",
        lambda d: swap(d, 3, 1, "bird_dog_pulses", "active_straight_leg_raise") and "week 3",
    ),
    "unilateral_each_session": ("in_pain", _no_one_sided_work),
    "isolated_share": (
        "older",
        lambda d: swap(d, 4, 1, "breathing_90_90", "active_straight_leg_raise") and "week 4",
    ),
    "variety_rotation": ("novice", _week_repeated),
    # the validator's own checks of the plan's form
    "exercise": ("novice", _unknown),
    "dose": ("novice", _two_measures),
    "why": ("novice", _no_reason),
    "periodization": ("novice", _phase_renamed),
    "progression": ("novice", _fewer_sets),
    "schema_version": ("novice", _schema),
    "solver.relaxed": ("novice", _relaxed_hard),
    "weeks": ("novice", _week_dropped),
    "sessions": ("sunday_monday", _session_dropped),
}

CHECKS = [*REQUIREMENTS, *sorted(VALIDATOR_ONLY)]


@pytest.mark.parametrize("base", sorted(REQUESTS))
def test_the_plans_are_valid_to_start_with(base: str) -> None:
    violations = validate_plan(valid_doc(base), REQUESTS[base], CATALOG)
    assert violations == [], "\n".join(map(str, violations))


def test_every_check_has_a_planter() -> None:
    assert set(PLANTERS) == set(REQUIREMENTS) | VALIDATOR_ONLY
    assert set(REGISTRY) | set(PLAN_CHECKS) == set(CHECKS)


@pytest.mark.parametrize("requirement", CHECKS)
def test_a_planted_violation_is_named(requirement: str) -> None:
    base, plant = PLANTERS[requirement]
    doc = valid_doc(base)
    where = plant(doc)
    found = validate_plan(doc, REQUESTS[base], CATALOG)
    assert found, f"planting {requirement} left the plan valid"
    assert {v.requirement for v in found} == {requirement}, "\n".join(map(str, found))
    assert {v.where for v in found} == {where}, "\n".join(map(str, found))
