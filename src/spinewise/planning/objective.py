"""What the planner prefers among plans that meet every requirement.

The objective (maximized) rewards: filling each session with useful items; the phase's emphasis;
the athlete's goals; findings' preferences; keeping a phase's exercises from week to week (so they
can progress) and moving along the catalogue's progressions between phases; levels near the
phase's target. A small seeded tie-break makes different seeds give different, equally good plans.
All weights are integers; the terms are added in sorted order.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

import numpy as np

from spinewise.catalog import Exercise
from spinewise.planning.candidates import level_window
from spinewise.planning.context import WeekContext
from spinewise.planning.periodization import PHASES
from spinewise.planning.policy import balance_every_session, serves_demand
from spinewise.planning.rules.variety import previous_loading_week_in_phase
from spinewise.planning.solver import WeekModel
from spinewise.planning.transfers import is_on_floor

__all__ = [
    "GOAL_EMPHASIS",
    "PHASE_EMPHASIS",
    "add_objective",
    "item_scores",
    "progressions_of",
    "seed_weights",
]

#: What each phase emphasizes (the issue's phase definitions).
PHASE_EMPHASIS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "foundation": ("motor_control", "isometric_endurance", "pattern:hinge"),
        "build": ("eccentric_control", "laterality:unilateral", "laterality:split"),
        "power": ("rate_of_force_development",),
        "consolidate": ("max_strength", "isometric_endurance", "rate_of_force_development"),
    }
)

#: What each goal favours.
GOAL_EMPHASIS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "durability": ("isometric_endurance", "pattern:carry"),
        "rotational_sport": ("pattern:throw", "pattern:rotation", "plane:transverse"),
        "lifting": ("max_strength", "pattern:hinge", "pattern:squat"),
        "running": ("laterality:unilateral", "proprioception", "pattern:lunge"),
        "desk_work": ("mobility", "region:thoracic_extensors", "pattern:mobility_drill"),
    }
)

ITEM_REWARD = 20
DISTINCT_REWARD = 4
EMPHASIS_REWARD = 6
GOAL_REWARD = 4
FINDING_REWARD = 8
CONTINUITY_REWARD = 10
PROGRESSION_REWARD = 6
LEVEL_PENALTY = 3
#: Cost of an exercise done lying or kneeling on the floor for someone at risk of falls (65 or
#: older, or a one-leg stance under 10 s): getting down and up again is itself a fall risk and
#: slow, so standing alternatives are preferred where they train the same (a design choice).
FLOOR_PENALTY = 20


def _has(ex: Exercise, tag: str) -> bool:
    if ":" not in tag:
        return tag in ex.qualities
    kind, value = tag.split(":", 1)
    if kind == "pattern":
        return value in ex.patterns
    if kind == "plane":
        return value in ex.planes
    if kind == "region":
        return value in ex.primary_regions
    return ex.laterality == value


def seed_weights(ids: tuple[str, ...], seed: int) -> dict[str, int]:
    """A small deterministic tie-break weight (0 to 3) per exercise id for this seed."""
    return dict(_seed_weights(ids, seed))


@lru_cache(maxsize=64)
def _seed_weights(ids: tuple[str, ...], seed: int) -> MappingProxyType[str, int]:
    # Every week of a phase draws the same weights: drawn once per catalogue and seed.
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, 4, size=len(ids))
    return MappingProxyType({eid: int(w) for eid, w in zip(ids, draws, strict=True)})


def item_scores(ctx: WeekContext, *, seed: int, all_ids: tuple[str, ...]) -> dict[str, int]:
    """Each eligible exercise's reward per placement this week (before the used-once bonus)."""
    req = ctx.request
    # One tie-break per phase, not per week: a per-week draw reshuffled the choice every week and
    # left exercises no time to progress.
    ties = _seed_weights(all_ids, seed * 1009 + PHASES.index(ctx.week.phase))
    _, top_level = level_window(req, ctx.week.phase)
    target_level = max(1, top_level - (1 if ctx.week.phase == "foundation" else 0))
    floor_cost = FLOOR_PENALTY if balance_every_session(req) else 0
    scores: dict[str, int] = {}
    for ex in ctx.exercises:
        per_item = ITEM_REWARD + ties[ex.id] - LEVEL_PENALTY * abs(ex.level - target_level)
        per_item -= floor_cost if is_on_floor(ex) else 0
        per_item += EMPHASIS_REWARD * sum(_has(ex, t) for t in PHASE_EMPHASIS[ctx.week.phase])
        per_item += GOAL_REWARD * sum(
            _has(ex, t) for g in req.goals for t in GOAL_EMPHASIS.get(g, ())
        )
        per_item += FINDING_REWARD * sum(serves_demand(ex, d) for d in req.demands)
        scores[ex.id] = per_item
    return scores


def progressions_of(ctx: WeekContext, previous_phase_ids: frozenset[str]) -> set[str]:
    """Catalogue progressions of the exercises the previous phase used."""
    out: set[str] = set()
    for eid in sorted(previous_phase_ids):
        if eid in ctx.catalog_progressions:
            out.update(ctx.catalog_progressions[eid])
    return out


def add_objective(
    m: WeekModel,
    *,
    seed: int,
    all_ids: tuple[str, ...],
    previous_phase_ids: frozenset[str],
    scores: dict[str, int] | None = None,
) -> None:
    """Add every objective term to the week's model.

    ``scores`` are :func:`item_scores` of the week when the caller has them already (each
    exercise's score depends on the exercise and the week only, so a shortlist's are the same).
    """
    ctx = m.ctx
    if scores is None:
        scores = item_scores(ctx, seed=seed, all_ids=all_ids)
    before = previous_loading_week_in_phase(ctx)
    kept = {it.exercise_id for it in before} if before else set()
    progressions_of_last_phase = progressions_of(ctx, previous_phase_ids)
    for ex in ctx.exercises:
        if ex.id not in m.used:
            continue
        for y in m.week_items([ex.id]):
            m.reward(scores[ex.id], y)
        bonus = DISTINCT_REWARD
        if ex.id in kept:
            bonus += CONTINUITY_REWARD
        if ex.id in progressions_of_last_phase:
            bonus += PROGRESSION_REWARD
        m.reward(bonus, m.used[ex.id])
