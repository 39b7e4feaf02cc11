"""Why each item is in the plan: the requirements and findings it serves, in plain words."""

from __future__ import annotations

from collections.abc import Sequence

from spinewise.catalog import Exercise, load_vocabulary
from spinewise.planning.candidates import (
    is_deadlift,
    is_heavy_hinge,
    is_lateral_shift_bridge,
    is_rotational_throw,
    is_single_leg_hinge,
    is_unilateral_work,
)
from spinewise.planning.context import PlacedItem, WeekContext
from spinewise.planning.objective import GOAL_EMPHASIS, PHASE_EMPHASIS, _has
from spinewise.planning.policy import required_qualities, serves_demand

__all__ = ["PHASE_FOCUS", "PLAIN_GOAL", "PLAIN_QUALITY", "PLAIN_REGION", "plain", "why_item"]

#: Plain-language focus of each phase.
PHASE_FOCUS = {
    "foundation": "motor control, isometric endurance and hinge patterning",
    "build": "eccentric and tempo strength and unilateral work",
    "power": "fast, explosive force: throws, swings and jumps",
    "consolidate": "consolidating strength, endurance and power",
}

#: Plain words for the vocabulary's qualities, regions and goals, as a person reads them.
PLAIN_QUALITY = {
    "isometric_endurance": "holding endurance",
    "eccentric_control": "controlled lowering",
    "rate_of_force_development": "fast, explosive force",
    "max_strength": "heavy strength",
    "proprioception": "balance and position sense",
    "mobility": "mobility",
    "metabolic_conditioning": "work capacity",
    "motor_control": "movement control",
}
PLAIN_REGION = {
    "erector_spinae": "the long back extensors",
    "multifidus": "the deep back muscles (multifidus)",
    "glute_max": "the buttocks (gluteus maximus)",
    "glute_med": "the side of the hip (gluteus medius)",
    "hamstrings": "the hamstrings",
    "obliques": "the side abdominals (obliques)",
    "transverse_abdominis": "the deep abdominals",
    "thoracic_extensors": "the upper-back extensors",
}
PLAIN_GOAL = {
    "durability": "a back that holds up",
    "rotational_sport": "a rotational sport",
    "lifting": "stronger lifts",
    "running": "running",
    "desk_work": "a back that copes with desk work",
}


def plain(name: str, words: dict[str, str]) -> str:
    """A vocabulary name in a person's words (underscores become spaces when unmapped)."""
    return words.get(name, name.replace("_", " "))


BLOCK_PURPOSE = {
    "prep": "prep: breathing, bracing, mobility and activation before the work",
    "power": "power block: fast work early, while fresh",
    "strength": "strength block: the main integrated lifts",
    "stability": "stability block: isometric endurance and anti-movement work",
    "conditioning": "conditioning: work capacity",
    "recovery": "recovery: down-regulation breathing and mobility",
}


def why_item(
    ex: Exercise, item: PlacedItem, ctx: WeekContext, week_items: Sequence[PlacedItem]
) -> list[str]:
    """Reasons for one item, most specific first; never empty."""
    vocab = load_vocabulary()
    out: list[str] = []
    for demand in ctx.request.demands:
        if serves_demand(ex, demand):
            note = f": {demand.note}" if demand.note else ""
            out.append(f"for what your tests found{note}")
    if is_single_leg_hinge(ex):
        slow = "eccentric_control" in ex.qualities
        out.append(
            "core method: the single-leg hinge, lowered under control"
            if slow
            else "core method: the single-leg hinge"
        )
    if is_rotational_throw(ex):
        out.append("core method: a rotational medicine-ball throw for fast, explosive force")
    if is_lateral_shift_bridge(ex):
        out.append("core method: a bridge hold with side-to-side pelvic shifts")
    if is_deadlift(ex):
        out.append("core method: the loaded deadlift pattern")
    for region in vocab.key_regions:
        if region in ex.primary_regions:
            others = [
                i
                for i in week_items
                if i is not item and region in ctx.by_id(i.exercise_id).primary_regions
            ]
            if not others:
                out.append(f"the only exercise this week that trains {plain(region, PLAIN_REGION)}")
    for quality in required_qualities(ctx.week, ctx.request):
        if quality in ex.qualities:
            out.append(f"this week's {plain(quality, PLAIN_QUALITY)}")
    for plane in ("frontal", "transverse"):
        if plane in ex.planes:
            out.append(f"{plane}-plane work")
    session_unilateral = [
        i
        for i in week_items
        if i.session == item.session and is_unilateral_work(ctx.by_id(i.exercise_id))
    ]
    if is_unilateral_work(ex) and session_unilateral == [item]:
        out.append("unilateral work for this session")
    if is_heavy_hinge(ex):
        out.append("heavy hip hinge: kept off back-to-back training days")
    phase = ctx.week.phase
    if any(_has(ex, t) for t in PHASE_EMPHASIS[phase]):
        out.append(f"{phase} phase: {PHASE_FOCUS[phase]}")
    for goal in ctx.request.goals:
        if any(_has(ex, t) for t in GOAL_EMPHASIS.get(goal, ())):
            out.append(f"your goal: {plain(goal, PLAIN_GOAL)}")
    if ctx.week.deload:
        out.append("deload week: fewer sets so that the body can absorb the training")
    out.append(BLOCK_PURPOSE[item.block])
    return out
