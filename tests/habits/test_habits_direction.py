"""Breaks and breathing menus respect the direction of sensitivity and what provokes the pain."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from spinewise.catalog import Catalog, load_catalog
from spinewise.habits import break_menu, load_habit_rules
from spinewise.habits.breaks import build_movement_breaks, moves_into_extension
from spinewise.habits.sections import MovementBreaks
from spinewise.planning.make import assess_and_plan
from spinewise.profile import parse_profile

CATALOG = load_catalog()
RULES = load_habit_rules().breaks
EXTENSION = frozenset({"extension"})
STANDING = frozenset({"prolonged_standing"})


def _as_json(section: MovementBreaks | None) -> dict[str, Any] | None:
    return None if section is None else section.to_json()


@pytest.mark.parametrize(
    ("exercise_id", "into_extension"),
    [
        ("worlds_greatest_stretch", True),  # a long lunge: the back hip behind the body
        ("split_squat", True),
        ("half_kneeling_hip_flexor_stretch", True),  # hip at -10 deg
        ("couch_stretch", True),  # tagged
        ("bodyweight_squat", False),
        ("lateral_lunge", False),
        ("brace_and_breathe", False),
    ],
)
def test_what_moves_into_extension(exercise_id: str, into_extension: bool) -> None:
    assert moves_into_extension(CATALOG.get(exercise_id)) is into_extension


def test_extension_sensitive_menu_has_no_long_lunge_or_back_bend() -> None:
    menu = break_menu(CATALOG, EXTENSION, RULES)
    assert menu
    assert not [ex.id for ex in menu if moves_into_extension(ex)]
    # the long lunge is on the menu of someone whom extension does not bother
    assert "worlds_greatest_stretch" in {ex.id for ex in break_menu(CATALOG, frozenset(), RULES)}


def test_standing_provoked_menu_has_no_standing_holds_and_says_sit_down(req: Any) -> None:
    menu = break_menu(CATALOG, EXTENSION, RULES, None, STANDING)
    assert menu
    assert all(ex.dose.hold_s is None for ex in menu)
    assert any(ex.dose.hold_s is not None for ex in break_menu(CATALOG, EXTENSION, RULES))
    section = _as_json(
        build_movement_breaks(
            req(sensitivities=EXTENSION, posture_triggers=STANDING), CATALOG, RULES, None
        )
    )
    assert section is not None
    assert "sit down" in section["what"]
    assert [m["exercise_id"] for m in section["menu"]] == [ex.id for ex in menu]


def test_a_posture_back_bend_is_left_out_although_untagged(tiny_catalog: Catalog) -> None:
    from spinewise.catalog import Exercise
    from spinewise.catalog.entities import Posture

    bend = tiny_catalog.exercises[0].model_copy(
        update={"id": "a_back_bend", "posture": Posture(support="standing", trunk_flexion_deg=-20)}
    )
    assert isinstance(bend, Exercise)
    catalog = Catalog((bend, *tiny_catalog.exercises[1:]), "t", tiny_catalog.vocabulary)
    assert "a_back_bend" in {ex.id for ex in break_menu(catalog, frozenset(), RULES)}
    assert "a_back_bend" not in {ex.id for ex in break_menu(catalog, EXTENSION, RULES)}


EXAMPLE = tomllib.loads(
    (Path(__file__).resolve().parents[2] / "examples" / "profile.example.toml").read_text()
)


def _exercise_ids(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["exercise_id"]] if "exercise_id" in node else []
        return own + [e for v in node.values() for e in _exercise_ids(v)]
    if isinstance(node, list):
        return [e for v in node for e in _exercise_ids(v)]
    return []


def test_extension_sensitive_standing_provoked_athlete_gets_nothing_into_extension() -> None:
    data = {k: dict(v) if isinstance(v, dict) else v for k, v in EXAMPLE.items()}
    data["athlete"]["training_experience"] = "advanced"
    data["pain"].update(
        current=1, worst_last_week=2, aggravated_by=["extension", "prolonged_standing"]
    )
    data["equipment"]["available"] = sorted(CATALOG.vocabulary.values("equipment"))
    _, plan = assess_and_plan(parse_profile(data), weeks=8)
    doc = plan.to_json()
    trained = _exercise_ids(doc["weeks"])
    assert trained
    assert not [e for e in trained if "extension" in CATALOG.get(e).sensitivities]
    habits = doc["habits"]
    assert habits["movement_breaks"] is not None
    listed = _exercise_ids(habits)
    assert listed
    assert not [e for e in listed if moves_into_extension(CATALOG.get(e))]
