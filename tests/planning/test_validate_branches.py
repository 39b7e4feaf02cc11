"""The other branches of the validator's checks: each message a check can give, and the edges
that must pass (exactly at a cap, a deliberate regression)."""

from __future__ import annotations

import copy

from planning.planning_fixtures import CATALOG
from planning.validator_plants import (
    REQUESTS,
    TWO_SIDED_ONE_PLANE,
    Doc,
    can_take_seconds,
    contacts,
    items,
    jump_session,
    plant_swap,
    plant_swaps,
    plant_until,
    repeated_item,
    restate_minutes,
    session,
    set_seconds,
    swap,
    thin,
    valid_doc,
    week_volume,
)
from spinewise.catalog import Exercise
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
    # the first session whose prep block is followed by its strength block
    index = next(
        s["index"]
        for s in doc["weeks"][0]["sessions"]
        if [b["kind"] for b in s["blocks"]][:2] == ["prep", "strength"]
    )
    blocks = session(doc, 1, index)["blocks"]
    blocks[0]["kind"] = "power"  # in order, within its size: only the prep block is missing
    assert _named(doc) == [f"week 1 session {index}: session_structure: no prep block"]


def test_a_block_over_its_size() -> None:
    doc = valid_doc("novice")
    blocks = session(doc, 1, 1)["blocks"]
    blocks[0]["items"].append(blocks[1]["items"].pop(0))
    assert _named(doc) == ["week 1 session 1: session_structure: 3 items in prep, at most 2"]


def test_an_exercise_twice_in_a_session() -> None:
    doc = valid_doc("novice")
    held = [it["exercise_id"] for it in items(doc, 1, 1)]
    for again in held:  # the first of the session's exercises that can be given twice
        try:
            where, _ = plant_swap(
                doc, "novice", "session_structure", again, lambda e: True, weeks=(1,), sessions=(1,)
            )
        except AssertionError:
            continue
        break
    else:
        raise AssertionError("no exercise of week 1 session 1 can be given twice")
    assert where == "week 1 session 1"
    assert len([i for i in items(doc, 1, 1) if i["exercise_id"] == again]) == 2
    assert _named(doc) == ["week 1 session 1: session_structure: an exercise appears twice"]


def _thinned(doc: Doc, left: int) -> tuple[int, int]:
    """Thin the first deload-week session that can lose items down to ``left`` (see :func:`thin`).

    Returns the week and the session (both from 1).
    """
    for week, w in enumerate(doc["weeks"], start=1):
        for s in w["sessions"] if w["deload"] else ():
            trial = copy.deepcopy(doc)
            try:
                thin(trial, "novice", week, s["index"], left)
            except AssertionError:
                continue
            doc.clear()
            doc.update(trial)
            return week, s["index"]
    raise AssertionError(f"no deload session can be brought to {left} items")


def test_too_few_items_for_the_minutes() -> None:
    doc = valid_doc("novice")
    week, index = _thinned(doc, 6)
    assert len(items(doc, week, index)) == 6
    assert _named(doc) == [
        f"week {week} session {index}: session_structure: 6 items; 8 to 10 suit 40 minutes"
    ]


def test_a_dose_with_no_measure() -> None:
    doc = valid_doc("novice")
    chosen = next(it for it in items(doc, 8, 1) if it["reps"] is not None)
    chosen["reps"] = None
    restate_minutes(doc, 8, 1)
    assert _named(doc) == [
        f"week 8 session 1: dose: {chosen['exercise_id']} must dose exactly one of reps, hold_s, "
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
    index, eased = repeated_item(doc)
    eased["sets"] -= 2
    restate_minutes(doc, 2, index)
    assert _named(doc) == [
        f"week 2: progression: {eased['exercise_id']}'s dose drops from week 1 within the "
        "foundation phase"
    ]
    eased["why"] = ["adapted (regress): pain 6/10 after the last session", *eased["why"]]
    assert _named(doc) == []


def test_a_deload_that_keeps_too_much_volume() -> None:
    doc = valid_doc("novice")
    for index in (1, 2, 3):
        for it in items(doc, 8, index):
            it["sets"], it["rest_s"] = 2 * it["sets"], 0
        restate_minutes(doc, 8, index)
    # twice the sets: more than the volume of the power week before it
    now, before = week_volume(doc, 8), week_volume(doc, 7)
    assert now > before
    assert _named(doc) == [
        f"week 8: deload_volume: volume {now} s is {now / before:.0%} of the week before "
        f"({before} s); 50 to 70 % expected"
    ]


def test_foot_contacts_exactly_at_the_cap_pass() -> None:
    doc = valid_doc("sunday_monday")
    week, index, jumps = jump_session(doc)
    for it in items(doc, week, index):
        it["rest_s"] //= 2  # the landings take the time the rests gave up
    # the most reps a side that keep the session within 120 landings, the advanced trainee's cap
    jumps["reps"] = 1
    while contacts(doc, week, index) <= 120:
        jumps["reps"] += 1
    jumps["reps"] -= 1
    restate_minutes(doc, week, index)
    assert contacts(doc, week, index) <= 120
    assert _named(doc, "sunday_monday") == []
    jumps["reps"] += 1
    restate_minutes(doc, week, index)
    assert contacts(doc, week, index) > 120
    assert _named(doc, "sunday_monday") == [
        f"week {week} session {index}: foot_contacts: {contacts(doc, week, index)} foot "
        "contacts, at most 120 for training experience advanced"
    ]


def test_a_session_of_exactly_its_minutes_passes_and_a_second_more_does_not() -> None:
    doc = valid_doc("novice")
    set_seconds(doc, 8, 1, 40 * 60)
    assert _named(doc) == []
    set_seconds(doc, 8, 1, 40 * 60 + 1)
    assert _named(doc) == ["week 8 session 1: session_time: estimated 40.0 min, more than 40 min"]


def test_a_session_filling_exactly_80_percent_passes_and_a_second_less_does_not() -> None:
    doc = valid_doc("novice")
    week, index = 1, 1
    for it in items(doc, week, index):
        it["rest_s"] = 0  # below 32 minutes, so that one item's rest can make up the rest
    assert can_take_seconds(doc, week, index, 32 * 60 - 1)
    set_seconds(doc, week, index, 32 * 60)
    assert _named(doc) == []
    set_seconds(doc, week, index, 32 * 60 - 1)
    assert _named(doc) == [
        f"week {week} session {index}: session_fill: uses 32.0 of 40 minutes, less than 80 %"
    ]


def test_the_fewest_items_the_minutes_allow_pass() -> None:
    doc = valid_doc("novice")
    thin(doc, "novice", 8, 1, 8)
    assert len(items(doc, 8, 1)) == 8
    assert _named(doc) == []
    thin(doc, "novice", 8, 1, 7)
    assert _named(doc) == ["week 8 session 1: session_structure: 7 items; 8 to 10 suit 40 minutes"]


def test_a_session_without_the_every_session_work_a_finding_asks_for() -> None:
    doc = valid_doc("novice")
    # every balance item of one session, for back-extensor endurance and other work without it
    where, at = plant_swaps(
        doc,
        "novice",
        "finding_volume",
        lambda e: "proprioception" in e.qualities,
        ("prone_back_extension_hold", "wall_plank", "prone_swimmer", "mcgill_curl_up", "wall_sit"),
        per_session=True,
    )
    assert _named(doc) == [
        f"{where}: finding_volume: balance_eyes_closed_low: session {at['session']} has no "
        "proprioception item"
    ]


def test_a_week_without_weaker_side_work() -> None:
    doc = valid_doc("novice")
    where, _ = plant_until(
        doc,
        "novice",
        "finding_volume",
        lambda e: "anti_lateral_flexion" in e.patterns and e.laterality == "unilateral",
        TWO_SIDED_ONE_PLANE,
    )
    assert _named(doc) == [f"{where}: finding_volume: side_bridge_asymmetry: no unilateral item"]


def test_a_deload_week_owes_no_extra_volume() -> None:
    doc = valid_doc("novice")
    deload = next(n for n, w in enumerate(doc["weeks"], start=1) if w["deload"])
    placed = [
        (s["index"], it["exercise_id"])
        for s in doc["weeks"][deload - 1]["sessions"]
        for it in items(doc, deload, s["index"])
        if _extensor_endurance(CATALOG.get(it["exercise_id"]))
    ]
    # all but one of the back-extensor endurance items of the deload week go, for exercises
    # the weeks either side do not hold (whose doses would then seem to drop)
    near = {
        it["exercise_id"]
        for w in (deload - 1, deload, deload + 1)
        for s in doc["weeks"][w - 1]["sessions"]
        for it in items(doc, w, s["index"])
    }
    news = [n for n in TWO_SIDED_ONE_PLANE if n not in near]
    assert len(placed) >= 2
    assert len(news) >= len(placed) - 1
    for (index, old), new in zip(placed[1:], news, strict=False):
        swap(doc, deload, index, old, new)
    assert _named(doc) == []
    # the same in a loading week is named
    where, _ = plant_swap(
        doc,
        "novice",
        "finding_volume",
        "active_straight_leg_raise",
        lambda e: _extensor_endurance(e) and "proprioception" not in e.qualities,
        scope="week",
    )
    assert _named(doc) == [f"{where}: finding_volume: extensor_endurance_low: 1 item(s), 2 needed"]


def _extensor_endurance(e: Exercise) -> bool:
    """What the finding ``extensor_endurance_low`` asks more of."""
    return "isometric_endurance" in e.qualities and "erector_spinae" in e.regions
