"""The other branches of the validator's checks: each message a check can give, and the edges
that must pass (exactly at a cap, a deliberate regression)."""

from __future__ import annotations

from planning.planning_fixtures import CATALOG
from planning.validator_plants import (
    REQUESTS,
    Doc,
    item,
    items,
    restate_minutes,
    session,
    set_seconds,
    swap,
    valid_doc,
)
from spinewise.planning.validate import validate_plan


def _named(doc: Doc, base: str = "novice") -> list[str]:
    return [str(v) for v in validate_plan(doc, REQUESTS[base], CATALOG)]


def test_stated_minutes_that_differ_from_the_items() -> None:
    doc = valid_doc("novice")
    first = session(doc, 1, 1)
    stated = first["estimated_minutes"]
    first["estimated_minutes"] = stated + 1
    assert _named(doc) == [
        f"week 1 session 1: session_time: estimated_minutes {stated + 1} but the items add up "
        f"to {stated:.1f}"
    ]


def test_a_session_without_a_prep_block() -> None:
    doc = valid_doc("novice")
    blocks = session(doc, 1, 1)["blocks"]
    assert [b["kind"] for b in blocks] == ["prep", "strength", "stability", "conditioning"]
    blocks[0]["kind"] = "power"  # in order, within its size: only the prep block is missing
    assert _named(doc) == ["week 1 session 1: session_structure: no prep block"]


def test_a_block_over_its_size() -> None:
    doc = valid_doc("novice")
    blocks = session(doc, 1, 1)["blocks"]
    blocks[0]["items"].append(blocks[1]["items"].pop(0))
    assert _named(doc) == ["week 1 session 1: session_structure: 3 items in prep, at most 2"]


def test_an_exercise_twice_in_a_session() -> None:
    doc = valid_doc("novice")
    swap(doc, 1, 1, "band_lift_half_kneeling", "band_good_morning")
    assert _named(doc) == ["week 1 session 1: session_structure: an exercise appears twice"]


def test_too_few_items_for_the_minutes() -> None:
    doc = valid_doc("novice")
    for block in session(doc, 8, 1)["blocks"]:
        if len(block["items"]) > 1:
            block["items"].pop()  # the last item of each block that has more than one
    restate_minutes(doc, 8, 1)
    assert len(items(doc, 8, 1)) == 6
    assert _named(doc) == ["week 8 session 1: session_structure: 6 items; 8 to 10 suit 40 minutes"]


def test_a_dose_with_no_measure() -> None:
    doc = valid_doc("novice")
    item(doc, 8, 1, "marching_bridge")["reps"] = None
    restate_minutes(doc, 8, 1)
    assert _named(doc) == [
        "week 8 session 1: dose: marching_bridge must dose exactly one of reps, hold_s, "
        "distance_m, got none"
    ]


def test_a_week_marked_deload_out_of_turn() -> None:
    doc = valid_doc("novice")
    doc["weeks"][0]["deload"] = True
    assert _named(doc) == [
        "week 1: periodization: phase foundation/deload True, expected foundation/False"
    ]


def test_a_deliberate_regression_is_not_a_dose_drop() -> None:
    doc = valid_doc("novice")
    eased = item(doc, 2, 1, "bird_dog")
    eased["sets"] -= 2
    restate_minutes(doc, 2, 1)
    assert _named(doc) == [
        "week 2: progression: bird_dog's dose drops from week 1 within the foundation phase"
    ]
    eased["why"] = ["adapted (regress): pain 6/10 after the last session", *eased["why"]]
    assert _named(doc) == []


def test_a_deload_that_keeps_too_much_volume() -> None:
    doc = valid_doc("novice")
    for index in (1, 2, 3):
        for it in items(doc, 8, index):
            it["sets"], it["rest_s"] = 2 * it["sets"], 0
        restate_minutes(doc, 8, index)
    # twice the sets: 137 % of the volume of the power week before it
    assert _named(doc) == [
        "week 8: deload_volume: volume 5076 s is 137% of the week before (3692 s); "
        "50 to 70 % expected"
    ]


def test_foot_contacts_exactly_at_the_cap_pass() -> None:
    doc = valid_doc("sunday_monday")
    jumps = item(doc, 6, 1, "skater_jump")
    assert jumps["per_side"]
    jumps["reps"] = 30  # 2 sets of 30 a side: 120 landings, the advanced trainee's cap
    for it in items(doc, 6, 1):
        it["rest_s"] //= 2
    restate_minutes(doc, 6, 1)
    assert _named(doc, "sunday_monday") == []
    jumps["reps"] = 31
    restate_minutes(doc, 6, 1)
    assert _named(doc, "sunday_monday") == [
        "week 6 session 1: foot_contacts: 124 foot contacts, at most 120 for a advanced trainee"
    ]


def test_a_session_of_exactly_its_minutes_passes_and_a_second_more_does_not() -> None:
    doc = valid_doc("novice")
    set_seconds(doc, 8, 1, 40 * 60)
    assert _named(doc) == []
    set_seconds(doc, 8, 1, 40 * 60 + 1)
    assert _named(doc) == ["week 8 session 1: session_time: estimated 40.0 min, more than 40 min"]


def test_a_session_filling_exactly_80_percent_passes_and_a_second_less_does_not() -> None:
    doc = valid_doc("novice")
    set_seconds(doc, 1, 1, 32 * 60)
    assert _named(doc) == []
    set_seconds(doc, 1, 1, 32 * 60 - 1)
    assert _named(doc) == [
        "week 1 session 1: session_fill: uses 32.0 of 40 minutes, less than 80 %"
    ]


def test_the_fewest_items_the_minutes_allow_pass() -> None:
    doc = valid_doc("novice")
    fuller = [b for b in session(doc, 8, 1)["blocks"] if len(b["items"]) > 1]
    for block in fuller[:2]:
        block["items"].pop()
    restate_minutes(doc, 8, 1)
    assert len(items(doc, 8, 1)) == 8
    assert _named(doc) == []
    fuller[2]["items"].pop()
    restate_minutes(doc, 8, 1)
    assert _named(doc) == ["week 8 session 1: session_structure: 7 items; 8 to 10 suit 40 minutes"]


def test_a_session_without_the_every_session_work_a_finding_asks_for() -> None:
    doc = valid_doc("novice")
    swap(doc, 6, 1, "bottoms_up_kettlebell_carry", "active_straight_leg_raise")
    assert _named(doc) == [
        "week 6: finding_volume: balance_eyes_closed_low: session 1 has no proprioception item"
    ]


def test_a_week_without_weaker_side_work() -> None:
    doc = valid_doc("novice")
    swap(doc, 7, 1, "copenhagen_plank_short_lever", "active_straight_leg_raise")
    swap(doc, 7, 3, "side_bridge", "active_straight_leg_raise")
    assert _named(doc) == ["week 7: finding_volume: side_bridge_asymmetry: no unilateral item"]


def test_a_deload_week_owes_no_extra_volume() -> None:
    doc = valid_doc("novice")
    # one of the two back-extensor endurance items of the deload week goes
    swap(doc, 4, 2, "bird_dog_pulses", "active_straight_leg_raise")
    assert _named(doc) == []
    # the same in a loading week is named
    swap(doc, 3, 2, "bird_dog_pulses", "active_straight_leg_raise")
    assert _named(doc) == ["week 3: finding_volume: extensor_endurance_low: 1 item(s), 2 needed"]
