"""Every check of the validator: a planted violation that it names, and nothing else.

For each requirement id (:data:`spinewise.planning.requirements.REQUIREMENTS`) and each of the
validator's own checks of the plan's form (:data:`~spinewise.planning.checks.registry.
VALIDATOR_ONLY`), a planter edits a valid plan so that exactly that check fails; the validator
must name that requirement, where it was planted, and no other requirement, in the words of
``validator_named.NAMED`` (so that a changed number or name in a message is caught too). A new
requirement without a planter fails ``test_every_check_has_a_planter``.
"""

from __future__ import annotations

from typing import Any

import pytest

from planning import validator_plants as plants
from planning.planning_fixtures import CATALOG
from planning.validator_named import NAMED
from planning.validator_plants import REQUESTS, Planter, Role, valid_doc
from spinewise.planning.checks.registry import PLAN_CHECKS, REGISTRY, VALIDATOR_ONLY
from spinewise.planning.policy import main_pattern
from spinewise.planning.requirements import REQUIREMENTS
from spinewise.planning.validate import validate_plan


def _swap(base: str, requirement: str, new: str, role: Role, **how: Any) -> tuple[str, Planter]:
    """A planter that swaps ``new`` in for an item in ``role`` (see ``plants.plant_swap``)."""
    return base, lambda d: plants.plant_swap(d, base, requirement, new, role, **how)


def _patterns(*names: str) -> Role:
    return lambda e: bool(set(names) & set(e.patterns))


ASLR = "active_straight_leg_raise"  # isolated, sagittal, no balance: takes a role away

#: requirement -> (whose plan, the edit that breaks exactly it)
PLANTERS: dict[str, tuple[str, Planter]] = {
    "equipment": _swap("novice", "equipment", "dead_bug_stability_ball", lambda e: True),
    "sensitivities": _swap("novice", "sensitivities", "cat_camel", lambda e: True),
    "level_window": _swap("novice", "level_window", "nordic_curl", lambda e: True),
    "pain_gate": _swap(
        "in_pain", "pain_gate", "half_kneeling_rotational_throw", _patterns("trunk_flexion")
    ),
    # a snap-down: two feet and level 1, but no hand on a support (decision 0290)
    "fall_risk_jumps": _swap(
        "older",
        "fall_risk_jumps",
        "snap_down_stick",
        lambda e: "rate_of_force_development" in e.qualities,
    ),
    "fall_risk_one_leg": _swap(
        "older", "fall_risk_one_leg", "cossack_squat", _patterns("squat", "lunge")
    ),
    "prerequisites": _swap("novice", "prerequisites", "broad_jump", _patterns("balance")),
    # a band-assisted Nordic curl (level 3) for a novice with no ball for its easier step
    "groundwork": _swap(
        "novice", "groundwork", "band_assisted_nordic_curl", _patterns("back_extension")
    ),
    "spine_budget": ("novice", plants.cap_raised),
    "session_time": ("novice", plants.long_rest),
    "session_structure": ("novice", plants.blocks_reversed),
    "session_fill": ("novice", lambda d: plants.rest_free(d, 1, 1)),
    "pattern_per_session": _swap(
        "novice",
        "pattern_per_session",
        "pallof_press_band",
        lambda e: main_pattern(e) != "anti_rotation",
    ),
    "one_variant_per_session": ("novice", plants.variant_added),
    "balance_every_session": _swap("older", "balance_every_session", ASLR, _patterns("balance")),
    "signature_work": _swap(
        "older",
        "signature_work",
        ASLR,
        lambda e: e.id == "glute_bridge_lateral_shift_hold",
        scope="week",
    ),
    "heavy_hinge_spacing": _swap(
        "sunday_monday",
        "heavy_hinge_spacing",
        "barbell_rdl",
        lambda e: "hinge" not in e.patterns,
        sessions=(1,),
        scope="week",
        load_cap_kg=10.0,
    ),
    "heavy_compression_spacing": _swap(
        "sunday_monday",
        "heavy_compression_spacing",
        "bent_over_barbell_row",
        lambda e: "row" not in e.patterns,
        sessions=(1,),
        scope="week",
    ),
    "deload_volume": ("novice", plants.light_deload),
    "finding_exclusions": _swap(
        "sunday_monday", "finding_exclusions", "superman_hold", _patterns("back_extension")
    ),
    "foot_contacts": ("sunday_monday", plants.many_landings),
    "weekly_pattern_sets": ("sunday_monday", plants.more_sets),
    "weekly_qualities": _swap(
        "novice",
        "weekly_qualities",
        "band_anti_rotation_walkout",
        lambda e: "mobility" in e.qualities,
        scope="week",
    ),
    "key_regions": _swap(
        "novice",
        "key_regions",
        ASLR,
        lambda e: "thoracic_extensors" in e.primary_regions,
        scope="week",
    ),
    "single_leg_hinge": _swap(
        "novice",
        "single_leg_hinge",
        ASLR,
        lambda e: "hinge" in e.patterns and e.laterality != "bilateral",
        scope="week",
    ),
    "rotational_throws": (
        "older",
        lambda d: plants.plant_swaps(
            d,
            "older",
            "rotational_throws",
            lambda e: {"throw", "rotation"} <= set(e.patterns),
            ("band_explosive_chop", "band_rotational_punch", "band_explosive_pallof_punch"),
        ),
    ),
    "three_planes": ("in_pain", plants.no_transverse_work),
    "movement_patterns": _swap("novice", "movement_patterns", ASLR, _patterns("row"), scope="week"),
    "weekly_frequency": ("novice", plants.third_time),
    "finding_volume": _swap(
        "older",
        "finding_volume",
        ASLR,
        lambda e: (
            "isometric_endurance" in e.qualities
            and "erector_spinae" in e.regions
            and "proprioception" not in e.qualities  # the every-session finding stays met
        ),
        scope="week",
    ),
    "unilateral_each_session": ("novice", plants.no_one_sided_work),
    "isolated_share": ("novice", plants.more_isolated),
    "variety_rotation": ("in_pain", lambda d: plants.week_repeated(d, "in_pain")),
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
    planted = plant(doc)
    where, facts = (planted, {}) if isinstance(planted, str) else planted
    found = validate_plan(doc, REQUESTS[base], CATALOG)
    assert found, f"planting {requirement} left the plan valid"
    assert {v.requirement for v in found} == {requirement}, "\n".join(map(str, found))
    assert {v.where for v in found} == {where}, "\n".join(map(str, found))
    assert [str(v) for v in found] == [m.format(where=where, **facts) for m in NAMED[requirement]]
