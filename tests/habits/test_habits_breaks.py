"""The movement-break menu: no equipment, no sensitivities, short, standing, gentle."""

from __future__ import annotations

from typing import Any

from spinewise.catalog import Catalog, load_catalog
from spinewise.habits import break_menu, breaks_apply, load_habit_rules
from spinewise.habits.breaks import build_movement_breaks, one_set_s
from spinewise.habits.sections import MovementBreaks

RULES = load_habit_rules().breaks


def _as_json(section: MovementBreaks | None) -> dict[str, Any] | None:
    return None if section is None else section.to_json()


def test_menu_keeps_only_items_passing_every_rule(tiny_catalog: Catalog) -> None:
    menu = break_menu(tiny_catalog, frozenset({"flexion"}), RULES)
    # drills and breathing first (then by level and id), motor control after
    assert [ex.id for ex in menu] == ["a_gentle_drill", "b_standing_breath", "c_motor_control"]


def test_menu_is_cut_to_its_size_and_by_the_athletes_level(tiny_catalog: Catalog) -> None:
    assert len(break_menu(tiny_catalog, frozenset(), RULES)) == RULES.menu_size
    capped = break_menu(tiny_catalog, frozenset(), RULES, max_level=1)
    assert all(ex.level <= 1 for ex in capped)


def test_packaged_menu_needs_nothing_and_avoids_each_sensitivity() -> None:
    catalog = load_catalog()
    for sensitivity in ("flexion", "extension", "rotation", "axial_load", "impact"):
        menu = break_menu(catalog, frozenset({sensitivity}), RULES)
        assert menu
        for ex in menu:
            assert ex.equipment == ()
            assert sensitivity not in ex.sensitivities
            assert one_set_s(ex) <= RULES.max_item_s


def test_breaks_apply_only_with_a_trigger_or_desk_work(req: Any) -> None:
    assert not breaks_apply(req())
    assert not breaks_apply(req(goals=("lifting", "running")))
    assert breaks_apply(req(goals=("desk_work",)))
    assert breaks_apply(req(posture_triggers=frozenset({"prolonged_standing"})))


def test_no_breaks_section_without_a_reason(req: Any, tiny_catalog: Catalog) -> None:
    assert build_movement_breaks(req(), tiny_catalog, RULES, "movement-breaks") is None


def test_break_section_lists_menu_doses(req: Any, tiny_catalog: Catalog) -> None:
    section = _as_json(
        build_movement_breaks(req(goals=("desk_work",)), tiny_catalog, RULES, "movement-breaks")
    )
    assert section is not None
    assert section["every_min"] == RULES.interval_min_desk
    assert section["menu"][:2] == [
        {
            "exercise_id": "a_gentle_drill",
            "name": "A gentle drill",
            "dose": "1 x 6 reps",
            "seconds": 24,
        },
        {
            "exercise_id": "b_standing_breath",
            "name": "B standing breath",
            "dose": "1 x 20 s hold",
            "seconds": 20,
        },
    ]
