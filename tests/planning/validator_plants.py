"""Valid plans and, for every check of the validator, an edit that breaks exactly that check.

Each planter edits a plan document in place and returns where the validator must name the
violation (``week N`` or ``week N session S``). The plans are made once per test run
(:func:`valid_doc`); a planter works on a copy. Imported by ``test_validate_requirements``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any

from planning.planning_fixtures import CATALOG, EXAMPLE, FULL_GYM, with_
from spinewise.planning.dosing import item_seconds
from spinewise.planning.plan import Item
from spinewise.planning.planner import make_plan
from spinewise.planning.request import PlanRequest

Doc = dict[str, Any]
Planter = Callable[[Doc], str]

KIT = EXAMPLE.equipment | {"kettlebell"}

#: The athletes whose plans the planters edit.
REQUESTS: dict[str, PlanRequest] = {
    # a novice in some pain on Monday, Wednesday and Friday (decision 0230)
    "novice": with_(EXAMPLE, weeks=8, equipment=KIT),
    # an advanced lifter training on Sunday, Monday and Wednesday: Sunday-to-Monday spacing
    "sunday_monday": with_(
        EXAMPLE,
        weeks=6,
        preferred_days=("sun", "mon", "wed"),
        equipment=FULL_GYM,
        training_experience="advanced",
        pain_current=0,
        sensitivities=frozenset(),
    ),
    # a 70-year-old: balance in every session, no risky landings
    "older": with_(
        EXAMPLE,
        weeks=6,
        age=70,
        training_experience="advanced",
        pain_current=0,
        equipment=KIT | {"box"},
    ),
    # pain at 4/10: no fast or impact work
    "in_pain": with_(EXAMPLE, weeks=6, pain_current=4, equipment=KIT),
    # a lifter with known maxes: the plan is built around his main lifts (decision 0170)
    "lifter": with_(
        EXAMPLE,
        weeks=6,
        equipment=FULL_GYM,
        training_experience="advanced",
        pain_current=0,
        sensitivities=frozenset(),
        goals=("lifting",),
        maxes_kg=(("squat", 180.0), ("deadlift", 220.0), ("bench_press", 120.0)),
    ),
}


@cache
def _made(base: str) -> Doc:
    return make_plan(REQUESTS[base], CATALOG).to_json()


def valid_doc(base: str) -> Doc:
    """A fresh copy of the planner's plan for ``REQUESTS[base]``."""
    return copy.deepcopy(_made(base))


def session(doc: Doc, week: int, index: int) -> Doc:
    """Session ``index`` of week ``week`` (both from 1)."""
    found: Doc = doc["weeks"][week - 1]["sessions"][index - 1]
    assert found["index"] == index
    return found


def items(doc: Doc, week: int, index: int) -> list[Doc]:
    """The items of a session, in order."""
    return [it for b in session(doc, week, index)["blocks"] for it in b["items"]]


def item(doc: Doc, week: int, index: int, exercise_id: str) -> Doc:
    """The item of ``exercise_id`` in a session."""
    return next(it for it in items(doc, week, index) if it["exercise_id"] == exercise_id)


def restate_minutes(doc: Doc, week: int, index: int) -> None:
    """Set a session's ``estimated_minutes`` to what its items add up to, as the planner does."""
    secs = sum(item_seconds(Item.from_json(it).dose) for it in items(doc, week, index))
    session(doc, week, index)["estimated_minutes"] = round(secs / 60, 1)


def set_seconds(doc: Doc, week: int, index: int, target_s: int) -> None:
    """Make a session's items add up to exactly ``target_s`` [s] by one item's rest.

    The item has two sets and no extra sets, so its rest counts once.
    """
    its = items(doc, week, index)
    chosen = next(it for it in its if it["sets"] == 2 and not it.get("extra_sets_side"))
    now = sum(item_seconds(Item.from_json(it).dose) for it in its)
    chosen["rest_s"] += target_s - now
    assert chosen["rest_s"] >= 0
    assert sum(item_seconds(Item.from_json(it).dose) for it in its) == target_s
    restate_minutes(doc, week, index)


def swap(doc: Doc, week: int, index: int, old: str, new: str, **dose: Any) -> str:
    """Put exercise ``new`` in place of ``old`` (keeping the dose, but for ``dose``)."""
    it = item(doc, week, index, old)
    it["exercise_id"] = new
    it.update(dose)
    return f"week {week} session {index}"


# --- edits that take more than one swap ---


def rest_free(doc: Doc, week: int, index: int) -> str:
    for it in items(doc, week, index):
        it["rest_s"] = 0
    restate_minutes(doc, week, index)
    return f"week {week} session {index}"


def long_rest(doc: Doc) -> str:
    items(doc, 8, 1)[0]["rest_s"] += 1200
    restate_minutes(doc, 8, 1)
    return "week 8 session 1"


def blocks_reversed(doc: Doc) -> str:
    session(doc, 1, 1)["blocks"].reverse()
    return "week 1 session 1"


def two_measures(doc: Doc) -> str:
    item(doc, 8, 1, "marching_bridge")["hold_s"] = 20.0
    restate_minutes(doc, 8, 1)
    return "week 8 session 1"


def no_reason(doc: Doc) -> str:
    item(doc, 1, 1, "band_lift_half_kneeling")["why"] = []
    return "week 1 session 1"


def fewer_sets(doc: Doc) -> str:
    item(doc, 2, 1, "bird_dog")["sets"] -= 2
    restate_minutes(doc, 2, 1)
    return "week 2"


def light_deload(doc: Doc) -> str:
    for s in doc["weeks"][3]["sessions"]:
        for it in items(doc, 4, s["index"]):
            it["sets"], it["extra_sets_side"] = 1, None
        restate_minutes(doc, 4, s["index"])
    return "week 4"


def week_repeated(doc: Doc) -> str:
    doc["weeks"][1]["sessions"] = [dict(s) for s in doc["weeks"][0]["sessions"]]
    return "week 2"


def phase_renamed(doc: Doc) -> str:
    doc["weeks"][0]["phase"] = "build"
    return "week 1"


def schema(doc: Doc) -> str:
    doc["schema_version"] = 2
    return "plan"


def relaxed_hard(doc: Doc) -> str:
    doc["solver"]["relaxed"].append("week 2: equipment: no kettlebell")
    return "plan"


def week_dropped(doc: Doc) -> str:
    doc["weeks"].pop()
    return "plan"


def unknown(doc: Doc) -> str:
    item(doc, 2, 1, "breathing_90_90")["exercise_id"] = "no_such_exercise"
    return "week 2 session 1"


def cap_raised(doc: Doc) -> str:
    item(doc, 1, 2, "kettlebell_deadlift")["load_cap_kg"] = 60.0
    return "week 1 session 2"


def many_landings(doc: Doc) -> str:
    jumps = item(doc, 6, 1, "skater_jump")
    jumps["reps"] = 31 if jumps["per_side"] else 61
    for it in items(doc, 6, 1):
        it["rest_s"] //= 2  # the landings take the time the rests gave up
    restate_minutes(doc, 6, 1)
    return "week 6 session 1"


def more_sets(doc: Doc) -> str:
    taps = item(doc, 2, 3, "plank_shoulder_tap")
    taps["sets"], taps["rest_s"] = taps["sets"] + 2, 0
    restate_minutes(doc, 2, 3)
    return "week 2"


def no_one_sided_work(doc: Doc) -> str:
    swap(doc, 3, 2, "split_squat", "heel_raise_supported")
    swap(doc, 3, 2, "suitcase_march", "band_complex")
    swap(doc, 3, 2, "hip_90_90_switches", "band_lat_pulldown")
    return "week 3"


def no_transverse_work(doc: Doc) -> str:
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


def session_dropped(doc: Doc) -> str:
    doc["weeks"][0]["sessions"].pop(1)
    # the session held the week's deadlift: relaxing that requirement leaves only the count
    doc["solver"]["relaxed"].append("week 1: signature_work: one session fewer")
    return "week 1"


def no_bench_press(doc: Doc) -> str:
    """Week 1's bench press becomes push-ups at the same sets and reps (a push, not the lift)."""
    for s in doc["weeks"][0]["sessions"]:
        for b in s["blocks"]:
            for it in b["items"]:
                if it["exercise_id"] == "bench_press":
                    it["exercise_id"] = "push_up"
                    it["intensity"] = {"kind": "rpe", "value": 7.0}
                    it.pop("load_kg", None)
                    return "week 1"
    raise AssertionError("the lifter's week 1 has no bench press")
