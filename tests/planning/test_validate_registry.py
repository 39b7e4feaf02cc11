"""The requirement list, the planner's rule classes and the validator's registry agree."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import replace

import pytest

from planning.planning_fixtures import CATALOG
from planning.validator_plants import REQUESTS, plant_swap, valid_doc
from spinewise.planning import checks, rules
from spinewise.planning.checks.item_rules import SAFETY_REQUIREMENTS
from spinewise.planning.checks.registry import (
    CANDIDATE_FILTERS,
    PLAN_CHECKS,
    REGISTRY,
    VALIDATOR_ONLY,
)
from spinewise.planning.requirements import HARD, RELAX_ORDER, REQUIREMENTS
from spinewise.planning.rules import ALL_RULES
from spinewise.planning.validate import validate_plan
from spinewise.planning.validate_item import item_problems


def _rule_classes() -> dict[str, type]:
    """Every class with a rule id in the modules of ``spinewise.planning.rules``."""
    found: dict[str, type] = {}
    for info in pkgutil.iter_modules(rules.__path__):
        module = importlib.import_module(f"{rules.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if isinstance(getattr(cls, "id", None), str) and hasattr(cls, "build"):
                found[cls.id] = cls
    return found


def test_every_rule_class_is_a_requirement_and_is_built() -> None:
    classes = _rule_classes()
    assert set(classes) == {rule.id for rule in ALL_RULES}
    assert len(ALL_RULES) == len(classes)
    # the rest are met by the candidates the planner lets into a week, not by a rule class
    assert set(classes) == set(REQUIREMENTS) - CANDIDATE_FILTERS
    assert set(REQUIREMENTS) >= CANDIDATE_FILTERS
    assert SAFETY_REQUIREMENTS <= CANDIDATE_FILTERS


def test_the_registry_has_one_check_per_requirement_named_after_it() -> None:
    assert set(REGISTRY) | set(PLAN_CHECKS) == set(REQUIREMENTS) | VALIDATOR_ONLY
    assert not VALIDATOR_ONLY & set(REQUIREMENTS)
    assert set(PLAN_CHECKS) <= VALIDATOR_ONLY
    assert not set(PLAN_CHECKS) & set(REGISTRY)
    for requirement, check in REGISTRY.items():
        assert check.__name__.removesuffix("_check") == requirement
        assert check.__module__.startswith(checks.__name__ + ".")
    assert len({id(c) for c in REGISTRY.values()}) == len(REGISTRY)


def test_relaxable_and_hard_requirements_partition_the_list() -> None:
    assert len(set(RELAX_ORDER)) == len(RELAX_ORDER)
    assert set(RELAX_ORDER) <= set(REQUIREMENTS)
    assert set(HARD) == set(REQUIREMENTS) - set(RELAX_ORDER)
    assert set(HARD) >= CANDIDATE_FILTERS


def test_a_relaxation_holds_for_its_own_week_only() -> None:
    request = REQUESTS["novice"]
    doc = valid_doc("novice")
    where, at = plant_swap(
        doc,
        "novice",
        "single_leg_hinge",
        "active_straight_leg_raise",
        lambda e: "hinge" in e.patterns and e.laterality != "bilateral",
        scope="week",
    )
    week = int(str(at["week"]))
    named = [str(v) for v in validate_plan(doc, request, CATALOG)]
    assert named == [f"{where}: single_leg_hinge: no single-leg hinge in a loading week"]
    doc["solver"]["relaxed"].append(f"week {week % 3 + 1}: single_leg_hinge: another week")
    assert [str(v) for v in validate_plan(doc, request, CATALOG)] == named
    doc["solver"]["relaxed"].append(f"week {week}: single_leg_hinge: no room")
    assert validate_plan(doc, request, CATALOG) == []


def test_a_hard_requirement_declared_relaxed_is_still_checked() -> None:
    request = REQUESTS["novice"]
    doc = valid_doc("novice")
    where, at = plant_swap(doc, "novice", "equipment", "dead_bug_stability_ball", lambda e: True)
    doc["solver"]["relaxed"].append(f"week {at['week']}: equipment: none")
    assert [str(v) for v in validate_plan(doc, request, CATALOG)] == [
        f"plan: solver.relaxed: not a relaxable requirement of a week: 'week {at['week']}: "
        "equipment: none'",
        f"{where}: equipment: dead_bug_stability_ball needs stability_ball",
    ]


@pytest.mark.parametrize(
    ("exercise_id", "plain"),
    [
        ("active_straight_leg_raise", "Active straight-leg raise needs mat, which"),
        ("band_assisted_nordic_curl", "Nordic hamstring curl needs band and mat, which"),
        ("thoracic_extension_bench", "needs bench, dowel and mat, which is not in your equipment"),
    ],
)
def test_an_item_problem_names_what_is_missing_in_plain_words(exercise_id: str, plain: str) -> None:
    request = replace(REQUESTS["novice"], equipment=frozenset())
    problems = item_problems(CATALOG.get(exercise_id), request, "build")
    equipment = [p for p in problems if p.requirement == "equipment"]
    assert len(equipment) == 1
    assert plain in equipment[0].plain
