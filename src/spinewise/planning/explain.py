"""Why each item is in the plan: the requirements and findings it serves, in plain words."""

from __future__ import annotations

from collections.abc import Sequence

from spinewise.catalog import Exercise, load_vocabulary
from spinewise.planning.candidates import (
    is_heavy_hinge,
    is_rotational_throw,
    is_single_leg_hinge,
    is_unilateral_work,
)
from spinewise.planning.context import PlacedItem, WeekContext
from spinewise.planning.objective import GOAL_EMPHASIS, PHASE_EMPHASIS, _has
from spinewise.planning.policy import required_qualities, serves_demand

__all__ = ["PHASE_FOCUS", "why_item"]

#: Plain-language focus of each phase.
PHASE_FOCUS = {
    "foundation": "motor control, isometric endurance and hinge patterning",
    "build": "eccentric and tempo strength and unilateral work",
    "power": "rate of force development: throws, swings and jumps",
    "consolidate": "consolidating strength, endurance and power",
}

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
            out.append(f"finding {demand.finding}{note}")
    if is_single_leg_hinge(ex):
        out.append("signature: the single-leg hinge, trained with a controlled lowering")
    if is_rotational_throw(ex):
        out.append("signature: rotational medicine-ball throw for rate of force development")
    for region in vocab.key_regions:
        if region in ex.primary_regions:
            others = [
                i
                for i in week_items
                if i is not item and region in ctx.by_id(i.exercise_id).primary_regions
            ]
            if not others:
                out.append(f"key region {region}: the only item this week that covers it")
    for quality in required_qualities(ctx.week, ctx.request):
        if quality in ex.qualities:
            out.append(f"weekly quality {quality}")
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
        out.append("heavy hinge: kept off consecutive training days")
    phase = ctx.week.phase
    if any(_has(ex, t) for t in PHASE_EMPHASIS[phase]):
        out.append(f"{phase} phase: {PHASE_FOCUS[phase]}")
    for goal in ctx.request.goals:
        if any(_has(ex, t) for t in GOAL_EMPHASIS.get(goal, ())):
            out.append(f"goal {goal}")
    if ctx.week.deload:
        out.append("deload week: fewer sets so that the body can absorb the training")
    out.append(BLOCK_PURPOSE[item.block])
    return out
