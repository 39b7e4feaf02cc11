"""Valid plans and, for every check of the validator, an edit that breaks exactly that check.

Each planter edits a plan document in place and returns where the validator must name the
violation (``week N`` or ``week N session S``), with the facts of the plan its message names
(the exercise replaced, a count, the minutes) when they depend on the plan. The plans are made
once per test run (:func:`valid_doc`); a planter works on a copy. Imported by
``test_validate_requirements`` and the other ``test_validate_*`` modules.

No planter names an exercise the planner happened to choose: it takes items by their role
(a pattern, a quality, a region, the laterality, the plane) in plan order, so that a change
of the planner or the catalogue moves the planting rather than breaking it. Among the items
in a role, the first whose edit the validator names under the intended requirement and no
other is taken (:func:`plant_swap`, :func:`plant_until`); a check that finds nothing leaves
no such item and the planter fails, so every test still fails when its check is emptied.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from itertools import pairwise
from typing import Any

from planning.planning_fixtures import CATALOG, EXAMPLE, FULL_GYM, with_
from spinewise.catalog import Exercise
from spinewise.planning.dosing import item_seconds, volume_units
from spinewise.planning.plan import Item
from spinewise.planning.planner import make_plan
from spinewise.planning.policy import (
    WEEKLY_PATTERN_SETS_MAX,
    counts_as_hard,
    item_foot_contacts,
    main_pattern,
)
from spinewise.planning.request import PlanRequest
from spinewise.planning.requirements import RELAX_ORDER
from spinewise.planning.validate import validate_plan

Doc = dict[str, Any]
#: where the violation was planted, and the facts of the plan its message names (by name)
Planted = tuple[str, dict[str, object]]
Planter = Callable[[Doc], "str | Planted"]
#: which catalogue exercises an item may hold for a planter to pick it
Role = Callable[[Exercise], bool]

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


def thin(doc: Doc, base: str, week: int, index: int, left: int) -> None:
    """Take items out of a session (the last of a block of several first) until ``left`` remain.

    An item goes only if the plan then breaks no requirement (at 8 items or more) or no other
    than the session's structure (below 8); the session's minutes are restated.
    """
    request = REQUESTS[base]
    allowed = set() if left >= 8 else {"session_structure"}
    while len(items(doc, week, index)) > left:
        for block in reversed(session(doc, week, index)["blocks"]):
            if len(block["items"]) < 2:
                continue
            trial = copy.deepcopy(doc)
            kept = [b for b in session(trial, week, index)["blocks"] if b["kind"] == block["kind"]]
            kept[0]["items"].pop()
            restate_minutes(trial, week, index)
            if {v.requirement for v in validate_plan(trial, request, CATALOG)} <= allowed:
                doc.clear()
                doc.update(trial)
                break
        else:
            raise AssertionError(f"week {week} session {index} cannot lose another item")


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


def can_take_seconds(doc: Doc, week: int, index: int, target_s: int) -> bool:
    """Whether :func:`set_seconds` can bring a session to ``target_s`` [s]."""
    its = items(doc, week, index)
    chosen = next((it for it in its if it["sets"] == 2 and not it.get("extra_sets_side")), None)
    now = sum(item_seconds(Item.from_json(it).dose) for it in its)
    return chosen is not None and chosen["rest_s"] + target_s - now >= 0


def swap(doc: Doc, week: int, index: int, old: str, new: str, **dose: Any) -> str:
    """Put exercise ``new`` in place of ``old`` (keeping the dose, but for ``dose``)."""
    it = item(doc, week, index, old)
    it["exercise_id"] = new
    it.update(dose)
    return f"week {week} session {index}"


def exercise(it: Doc) -> Exercise:
    """The catalogue entry of an item."""
    return CATALOG.get(it["exercise_id"])


def loading_weeks(doc: Doc) -> list[int]:
    """The weeks (from 1) that are not deloads."""
    return [n for n, w in enumerate(doc["weeks"], start=1) if not w["deload"]]


def plant_swap(
    doc: Doc,
    base: str,
    requirement: str,
    new: str,
    role: Role,
    *,
    weeks: tuple[int, ...] | None = None,
    sessions: tuple[int, ...] | None = None,
    scope: str = "session",
    **dose: Any,
) -> Planted:
    """Swap ``new`` in for the first item in ``role`` whose swap breaks ``requirement`` alone.

    The items are taken in plan order (loading weeks only unless ``weeks`` says otherwise);
    the first one whose swap the validator names under exactly ``requirement`` is swapped in
    ``doc``. Returns the place (a session, or its week when ``scope`` is ``"week"``) and the
    facts a message may name: ``old`` (the exercise replaced), ``week`` and ``session``.
    A check that finds nothing leaves no such item, and the planter fails.
    """
    request = REQUESTS[base]
    for week in weeks or tuple(loading_weeks(doc)):
        for s in doc["weeks"][week - 1]["sessions"]:
            index = s["index"]
            if sessions is not None and index not in sessions:
                continue
            for it in items(doc, week, index):
                old = it["exercise_id"]
                if old == new or not role(exercise(it)):
                    continue
                trial = copy.deepcopy(doc)
                swap(trial, week, index, old, new, **dose)
                found = validate_plan(trial, request, CATALOG)
                if found and {v.requirement for v in found} == {requirement}:
                    swap(doc, week, index, old, new, **dose)
                    where = f"week {week}" if scope == "week" else f"week {week} session {index}"
                    return where, {"old": old, "week": week, "session": index}
    raise AssertionError(
        f"no item of {base}'s plan can be swapped for {new} to break {requirement}"
    )


def week_volume(doc: Doc, week: int) -> int:
    """A week's volume as the deload check counts it [s]."""
    return sum(
        volume_units(Item.from_json(it).dose)
        for s in doc["weeks"][week - 1]["sessions"]
        for it in items(doc, week, s["index"])
    )


# --- edits that take more than one swap ---


def rest_free(doc: Doc, week: int, index: int) -> Planted:
    for it in items(doc, week, index):
        it["rest_s"] = 0
    restate_minutes(doc, week, index)
    return f"week {week} session {index}", {
        "minutes": session(doc, week, index)["estimated_minutes"]
    }


def long_rest(doc: Doc) -> Planted:
    """A deload session's first item of several sets rests 20 minutes longer."""
    chosen = next(it for it in items(doc, 8, 1) if it["sets"] >= 2)
    chosen["rest_s"] += 1200
    restate_minutes(doc, 8, 1)
    return "week 8 session 1", {"minutes": session(doc, 8, 1)["estimated_minutes"]}


def blocks_reversed(doc: Doc) -> Planted:
    blocks = session(doc, 1, 1)["blocks"]
    blocks.reverse()
    return "week 1 session 1", {"order": str([b["kind"] for b in blocks])}


def two_measures(doc: Doc) -> Planted:
    """The first item dosed by reps in week 8 session 1 gets a hold time as well."""
    chosen = next(it for it in items(doc, 8, 1) if it["reps"] is not None)
    chosen["hold_s"] = 20.0
    restate_minutes(doc, 8, 1)
    return "week 8 session 1", {"old": chosen["exercise_id"]}


def no_reason(doc: Doc) -> Planted:
    chosen = items(doc, 1, 1)[0]
    chosen["why"] = []
    return "week 1 session 1", {"old": chosen["exercise_id"]}


def repeated_item(doc: Doc) -> tuple[int, Doc]:
    """The first item of week 2 with three sets or more whose exercise week 1 holds too.

    Returns its session (from 1) and the item; two sets fewer is a drop from week 1's dose.
    """
    week_1 = {
        it["exercise_id"] for s in doc["weeks"][0]["sessions"] for it in items(doc, 1, s["index"])
    }
    return next(
        (s["index"], it)
        for s in doc["weeks"][1]["sessions"]
        for it in items(doc, 2, s["index"])
        if it["exercise_id"] in week_1 and it["sets"] >= 3
    )


def fewer_sets(doc: Doc) -> Planted:
    index, eased = repeated_item(doc)
    eased["sets"] -= 2
    restate_minutes(doc, 2, index)
    return "week 2", {"old": eased["exercise_id"]}


def light_deload(doc: Doc) -> Planted:
    for s in doc["weeks"][3]["sessions"]:
        for it in items(doc, 4, s["index"]):
            it["sets"], it["extra_sets_side"] = 1, None
        restate_minutes(doc, 4, s["index"])
    now, before = week_volume(doc, 4), week_volume(doc, 3)
    return "week 4", {"now": now, "before": before, "share": f"{now / before:.0%}"}


def week_repeated(doc: Doc, base: str) -> str:
    """Two consecutive loading weeks hold the same sessions: one is copied over the other.

    The first pair (either copy) that the validator names under ``variety_rotation`` alone is
    taken: a copy can also take away a later week's groundwork for a throw or for a level-3
    exercise (in the novice's 8-week plan every copy does, decision 0291), say.
    """
    request = REQUESTS[base]
    loading = loading_weeks(doc)
    for before, week in pairwise(loading):
        if week != before + 1:
            continue
        for source, target in ((before, week), (week, before)):
            trial = copy.deepcopy(doc)
            sessions = copy.deepcopy(trial["weeks"][source - 1]["sessions"])
            trial["weeks"][target - 1]["sessions"] = sessions
            found = {v.requirement for v in validate_plan(trial, request, CATALOG)}
            if found == {"variety_rotation"}:
                doc.clear()
                doc.update(trial)
                return f"week {week}"
    raise AssertionError("no loading week can repeat the one before it and break variety alone")


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
    """The first item of week 2 session 1 that the week can do without gets an unknown id.

    (An unknown exercise counts for none of the week's requirements.)
    """
    request = REQUESTS["novice"]
    for n in range(len(items(doc, 2, 1))):
        trial = copy.deepcopy(doc)
        items(trial, 2, 1)[n]["exercise_id"] = "no_such_exercise"
        if {v.requirement for v in validate_plan(trial, request, CATALOG)} == {"exercise"}:
            items(doc, 2, 1)[n]["exercise_id"] = "no_such_exercise"
            return "week 2 session 1"
    raise AssertionError("every item of week 2 session 1 meets a requirement alone")


def cap_raised(doc: Doc) -> Planted:
    """The first loaded hinge with a load cap gets a cap of 60 kg."""
    for week in loading_weeks(doc):
        for s in doc["weeks"][week - 1]["sessions"]:
            for it in items(doc, week, s["index"]):
                if it.get("load_cap_kg") is not None and "hinge" in exercise(it).patterns:
                    it["load_cap_kg"] = 60.0
                    where = f"week {week} session {s['index']}"
                    return where, {"old": it["exercise_id"]}
    raise AssertionError("no loaded hinge with a load cap")


def jump_session(doc: Doc) -> tuple[int, int, Doc]:
    """The first one-sided jump dosed per side, with its week and session."""
    for week in loading_weeks(doc):
        for s in doc["weeks"][week - 1]["sessions"]:
            for it in items(doc, week, s["index"]):
                if it["per_side"] and "jump" in exercise(it).patterns:
                    return week, s["index"], it
    raise AssertionError("no jump dosed per side")


def contacts(doc: Doc, week: int, index: int) -> int:
    """A session's foot contacts, as the policy counts them."""
    return sum(
        item_foot_contacts(exercise(it), Item.from_json(it).dose) for it in items(doc, week, index)
    )


def many_landings(doc: Doc) -> Planted:
    week, index, jumps = jump_session(doc)
    jumps["reps"] = 31
    for it in items(doc, week, index):
        it["rest_s"] //= 2  # the landings take the time the rests gave up
    restate_minutes(doc, week, index)
    return f"week {week} session {index}", {"contacts": contacts(doc, week, index)}


def hard_sets(doc: Doc, week: int, pattern: str) -> int:
    """A week's hard sets of a main pattern, as the policy counts them."""
    total = 0
    for s in doc["weeks"][week - 1]["sessions"]:
        for it in items(doc, week, s["index"]):
            ex = exercise(it)
            if counts_as_hard(ex) and main_pattern(ex) == pattern:
                side = it.get("extra_sets_side")
                total += it["sets"] + (side["sets"] if side else 0)
    return total


def more_sets(doc: Doc) -> Planted:
    """A week's hard items of one main pattern share enough extra sets to pass the cap by one.

    The items lose their rests, so that their sessions keep their minutes; the weeks are tried
    from the last, whose doses no later week must keep up with, and in each week the patterns
    from the one with the most hard sets (the fewest extra sets to plant).
    """
    request = REQUESTS["sunday_monday"]
    for week in reversed(loading_weeks(doc)):
        patterns = {
            main_pattern(exercise(it))
            for s in doc["weeks"][week - 1]["sessions"]
            for it in items(doc, week, s["index"])
            if counts_as_hard(exercise(it))
        }
        for pattern in sorted(patterns, key=lambda p: (-hard_sets(doc, week, p), p)):
            trial = copy.deepcopy(doc)
            hard = [
                (s["index"], it)
                for s in trial["weeks"][week - 1]["sessions"]
                for it in items(trial, week, s["index"])
                if counts_as_hard(exercise(it)) and main_pattern(exercise(it)) == pattern
            ]
            for n in range(WEEKLY_PATTERN_SETS_MAX + 1 - hard_sets(trial, week, pattern)):
                hard[n % len(hard)][1]["sets"] += 1
            for index, it in hard:
                it["rest_s"] = 0
                restate_minutes(trial, week, index)
            found = validate_plan(trial, request, CATALOG)
            if {v.requirement for v in found} == {"weekly_pattern_sets"}:
                doc.clear()
                doc.update(trial)
                return f"week {week}", {"sets": hard_sets(doc, week, pattern), "pattern": pattern}
    raise AssertionError("no week's pattern can take the extra sets within its minutes")


#: two-sided exercises in one plane (sagittal or frontal), none of them a jump or a throw
TWO_SIDED_ONE_PLANE = (
    "band_lat_pulldown",
    "prone_back_extension_hold",
    "glute_bridge_hold_pulses",
    "wall_sit",
    "heel_raise_supported",
    "bear_hold",
    "wall_plank",
    "band_good_morning",
    "farmers_carry",
    "supine_bracing_drill",
    "crocodile_breathing",
)


def no_one_sided_work(doc: Doc) -> Planted:
    """A session's unilateral, alternating and split items become two-sided ones.

    In the novice's plan: in the plan of the athlete in pain (6 weeks) every week's one-sided
    items also hold another requirement (a signature bridge hold, a finding's proprioception
    item, or the groundwork of a later level-3 exercise: decision 0291).
    """
    return plant_until(
        doc,
        "novice",
        "unilateral_each_session",
        lambda e: e.laterality in ("unilateral", "alternating", "split"),
        TWO_SIDED_ONE_PLANE,
    )


def no_transverse_work(doc: Doc) -> Planted:
    """A week's transverse-plane items become items in other planes.

    The single-leg hinges go with the twisting work: relaxed, so that only the planes remain.
    """
    for week in loading_weeks(doc):
        doc["solver"]["relaxed"].append(f"week {week}: single_leg_hinge: no room")
    return plant_until(
        doc,
        "in_pain",
        "three_planes",
        lambda e: "transverse" in e.planes,
        TWO_SIDED_ONE_PLANE,
    )


def session_dropped(doc: Doc) -> Planted:
    """The first loading week that can lose a session loses it.

    The week's relaxable requirements the session held (its signature work, say) are declared
    relaxed for that week, as the solver would; that leaves only the count.
    """
    request = REQUESTS["sunday_monday"]
    for week in loading_weeks(doc):
        sessions = doc["weeks"][week - 1]["sessions"]
        for index in range(len(sessions) - 1, -1, -1):
            trial = copy.deepcopy(doc)
            trial["weeks"][week - 1]["sessions"].pop(index)
            # what the week loses with the session, the solver would have relaxed
            for v in validate_plan(trial, request, CATALOG):
                if v.requirement in RELAX_ORDER and v.where == f"week {week}":
                    relaxed = f"week {week}: {v.requirement}: one session fewer"
                    trial["solver"]["relaxed"].append(relaxed)
            if {v.requirement for v in validate_plan(trial, request, CATALOG)} == {"sessions"}:
                doc.clear()
                doc.update(trial)
                return f"week {week}", {"left": len(sessions) - 1}
    raise AssertionError("every session holds work the others of its week lack")


def no_bench_press(doc: Doc) -> str:
    """A week's bench press becomes a push-up at the same sets and reps (a push, not the lift).

    The weeks are tried from the last (whose doses no later week must keep up with), and the
    push-ups from the hardest.
    """
    request = REQUESTS["lifter"]
    for week in reversed(loading_weeks(doc)):
        for push in ("push_up", "incline_push_up"):
            trial = copy.deepcopy(doc)
            for s in trial["weeks"][week - 1]["sessions"]:
                for b in s["blocks"]:
                    for it in b["items"]:
                        if it["exercise_id"] == "bench_press":
                            it["exercise_id"] = push
                            it["intensity"] = {"kind": "rpe", "value": 7.0}
                            it.pop("load_kg", None)
            if trial == doc:
                break  # no bench press this week to take away
            if {v.requirement for v in validate_plan(trial, request, CATALOG)} == {"main_lifts"}:
                doc.clear()
                doc.update(trial)
                return f"week {week}"
    raise AssertionError("no push-up can stand in for a week's bench press alone")


def variant_added(doc: Doc) -> Planted:
    """A band row joins a session that holds the split-stance band row (its variant)."""
    return plant_swap(
        doc,
        "novice",
        "one_variant_per_session",
        "band_row",
        lambda e: "row" not in e.patterns,
    )


def third_time(doc: Doc) -> Planted:
    """An exercise the week already holds twice is put in place of an item of another session."""
    for week in loading_weeks(doc):
        sessions = doc["weeks"][week - 1]["sessions"]
        held: dict[str, list[int]] = {}
        for s in sessions:
            for it in items(doc, week, s["index"]):
                held.setdefault(it["exercise_id"], []).append(s["index"])
        for exercise_id, where in held.items():
            others = tuple(s["index"] for s in sessions if s["index"] not in where)
            if len(where) != 2 or not others:
                continue
            main = main_pattern(CATALOG.get(exercise_id))
            try:
                planted = plant_swap(
                    doc,
                    "novice",
                    "weekly_frequency",
                    exercise_id,
                    lambda e, main=main: main_pattern(e) == main,
                    weeks=(week,),
                    sessions=others,
                    scope="week",
                )
            except AssertionError:
                continue
            return planted[0], {**planted[1], "new": exercise_id}
    raise AssertionError("no exercise can be given a third time in a week")


#: isolated exercises, none of them a jump or a throw, to put in place of integrated ones
ISOLATED = (
    "active_straight_leg_raise",
    "mcgill_curl_up",
    "crocodile_breathing",
    "heel_raise_supported",
    "prone_ytw_raise",
    "wall_sit",
)


def more_isolated(doc: Doc) -> Planted:
    """Integrated items become isolated ones until a week holds too many."""
    where, facts = plant_until(
        doc, "novice", "isolated_share", lambda e: e.integration == "integrated", ISOLATED
    )
    week = int(str(facts["week"]))
    placed = [it for s in doc["weeks"][week - 1]["sessions"] for it in items(doc, week, s["index"])]
    isolated = sum(exercise(it).integration == "isolated" for it in placed)
    return where, {**facts, "isolated": isolated, "total": len(placed)}


def _variants(exercise_id: str) -> set[str]:
    """The direct regressions and progressions of a catalogue exercise."""
    if exercise_id not in CATALOG:
        return set()
    ex = CATALOG.get(exercise_id)
    return {*ex.regressions, *ex.progressions}


def plant_swaps(
    doc: Doc,
    base: str,
    requirement: str,
    role: Role,
    news: tuple[str, ...],
    *,
    per_session: bool = False,
) -> Planted:
    """Swap every item in ``role`` of one week (or one session) for ``news``, in order.

    For one session, those of ``news`` neither in it nor a direct regression or progression of
    one of its exercises are used.

    The first loading week (or session) whose items in ``role`` are no more than ``news`` and
    whose swap the validator names under exactly ``requirement`` is swapped in ``doc``.
    Returns the week and the facts a message may name (``week``, ``session``).
    """
    request = REQUESTS[base]
    for week in loading_weeks(doc):
        groups = [
            (s["index"],)
            if per_session
            else tuple(x["index"] for x in doc["weeks"][week - 1]["sessions"])
            for s in doc["weeks"][week - 1]["sessions"]
        ]
        for group in dict.fromkeys(groups):
            targets = [
                (index, it["exercise_id"])
                for index in group
                for it in items(doc, week, index)
                if role(exercise(it))
            ]
            held = {it["exercise_id"] for index in group for it in items(doc, week, index)}
            near = held | {v for h in held for v in _variants(h)} if per_session else set()
            fresh = [n for n in news if n not in near]  # no exercise or its variant twice
            if not targets or len(targets) > len(fresh):
                continue
            trial = copy.deepcopy(doc)
            for (index, old), new in zip(targets, fresh, strict=False):
                swap(trial, week, index, old, new)
            found = validate_plan(trial, request, CATALOG)
            if {v.requirement for v in found} == {requirement}:
                doc.clear()
                doc.update(trial)
                return f"week {week}", {"week": week, "session": group[0]}
    raise AssertionError(f"no week of {base}'s plan can lose its {requirement} work")


def plant_until(
    doc: Doc,
    base: str,
    requirement: str,
    role: Role,
    news: tuple[str, ...],
    *,
    weeks: tuple[int, ...] | None = None,
    sessions: tuple[int, ...] | None = None,
) -> Planted:
    """Swap items in ``role`` of one week, one by one, until the validator names ``requirement``.

    Each swap puts the first of ``news`` not yet in the item's session in its place and is kept
    only if the validator then names nothing but ``requirement``; the week is done when it names
    exactly that. The first loading week (of ``weeks``) where this works is changed in ``doc``.
    """
    request = REQUESTS[base]
    for week in weeks or tuple(loading_weeks(doc)):
        trial = copy.deepcopy(doc)
        for s in trial["weeks"][week - 1]["sessions"]:
            index = s["index"]
            if sessions is not None and index not in sessions:
                continue
            for it in list(items(trial, week, index)):
                if not role(exercise(it)):
                    continue
                held = {x["exercise_id"] for x in items(trial, week, index)}
                named: set[str] = set()
                for new in (n for n in news if n not in held):
                    attempt = copy.deepcopy(trial)
                    swap(attempt, week, index, it["exercise_id"], new)
                    named = {v.requirement for v in validate_plan(attempt, request, CATALOG)}
                    if named <= {requirement}:
                        trial = attempt
                        break
                if named == {requirement}:
                    doc.clear()
                    doc.update(trial)
                    return f"week {week}", {"week": week, "session": index}
    raise AssertionError(f"no week of {base}'s plan can be brought to break {requirement}")
