"""Every check of the validator: a planted violation that it names, and nothing else.

For each requirement id (:data:`spinewise.planning.requirements.REQUIREMENTS`) and each of the
validator's own checks of the plan's form (:data:`~spinewise.planning.checks.registry.
VALIDATOR_ONLY`), a planter edits a valid plan so that exactly that check fails; the validator
must name that requirement, where it was planted, and no other requirement, in the words of
``validator_named.NAMED`` (so that a changed number or name in a message is caught too). A new
requirement without a planter fails ``test_every_check_has_a_planter``.
"""

from __future__ import annotations

import pytest

from planning import validator_plants as plants
from planning.planning_fixtures import CATALOG
from planning.validator_named import NAMED
from planning.validator_plants import REQUESTS, Planter, swap, valid_doc
from spinewise.planning.checks.registry import PLAN_CHECKS, REGISTRY, VALIDATOR_ONLY
from spinewise.planning.requirements import REQUIREMENTS
from spinewise.planning.validate import validate_plan

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
    "spine_budget": ("novice", plants.cap_raised),
    "session_time": ("novice", plants.long_rest),
    "session_structure": ("novice", plants.blocks_reversed),
    "session_fill": ("novice", lambda d: plants.rest_free(d, 1, 1)),
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
    "deload_volume": ("novice", plants.light_deload),
    "finding_exclusions": (
        "sunday_monday",
        lambda d: swap(d, 6, 2, "prone_back_extension_hold", "superman_hold"),
    ),
    "foot_contacts": ("sunday_monday", plants.many_landings),
    "weekly_pattern_sets": ("sunday_monday", plants.more_sets),
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
    "three_planes": ("in_pain", plants.no_transverse_work),
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
    "unilateral_each_session": ("in_pain", plants.no_one_sided_work),
    "isolated_share": (
        "older",
        lambda d: swap(d, 4, 1, "breathing_90_90", "active_straight_leg_raise") and "week 4",
    ),
    "variety_rotation": ("novice", plants.week_repeated),
    "main_lifts": ("lifter", plants.no_bench_press),
    # the validator's own checks of the plan's form
    "exercise": ("novice", plants.unknown),
    "dose": ("novice", plants.two_measures),
    "why": ("novice", plants.no_reason),
    "periodization": ("novice", plants.phase_renamed),
    "progression": ("novice", plants.fewer_sets),
    "schema_version": ("novice", plants.schema),
    "solver.relaxed": ("novice", plants.relaxed_hard),
    "weeks": ("novice", plants.week_dropped),
    "sessions": ("sunday_monday", plants.session_dropped),
}

CHECKS = [*REQUIREMENTS, *sorted(VALIDATOR_ONLY)]


@pytest.mark.parametrize("base", sorted(REQUESTS))
def test_the_plans_are_valid_to_start_with(base: str) -> None:
    violations = validate_plan(valid_doc(base), REQUESTS[base], CATALOG)
    assert violations == [], "\n".join(map(str, violations))


def test_every_check_has_a_planter() -> None:
    assert set(PLANTERS) == set(REQUIREMENTS) | VALIDATOR_ONLY
    assert set(NAMED) == set(PLANTERS)
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
    assert [str(v) for v in found] == NAMED[requirement]
