"""A per-week shortlist of candidates, so that each week's model stays small.

The shortlist keeps, for every requirement the week's model may have to meet, the best few
exercises that meet it (best by the objective's per-item score), every exercise the previous week
used (so that doses can progress), the catalogue progressions of the previous phase, and the
top-scoring exercises overall. When a week cannot be solved over its shortlist the planner solves
it again over every eligible exercise before relaxing any requirement, so the shortlist never costs
a requirement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import islice

from spinewise.catalog import Exercise, load_vocabulary
from spinewise.planning.candidates import (
    is_deadlift,
    is_lateral_shift_bridge,
    is_rotational_throw,
    is_single_leg_hinge,
    is_unilateral_work,
)
from spinewise.planning.context import WeekContext
from spinewise.planning.objective import progressions_of
from spinewise.planning.policy import serves_demand
from spinewise.planning.request import Demand
from spinewise.planning.solver import BLOCK_ORDER

__all__ = ["PER_NEED", "shortlist"]

#: How many of the best exercises to keep for each need (a tuning choice, see bench/).
PER_NEED = 4


def _has_primary(region: str) -> Callable[[Exercise], bool]:
    return lambda e: region in e.primary_regions


def _has_quality(quality: str) -> Callable[[Exercise], bool]:
    return lambda e: quality in e.qualities


def _in_plane(plane: str) -> Callable[[Exercise], bool]:
    return lambda e: plane in e.planes


def _has_pattern(pattern: str) -> Callable[[Exercise], bool]:
    return lambda e: pattern in e.patterns


def _serves(demand: Demand) -> Callable[[Exercise], bool]:
    return lambda e: serves_demand(e, demand)


def _needs(ctx: WeekContext) -> list[Callable[[Exercise], bool]]:
    vocab = load_vocabulary()
    needs: list[Callable[[Exercise], bool]] = [_has_primary(r) for r in vocab.key_regions]
    needs += [_has_quality(q) for q in vocab.values("qualities")]
    needs += [_in_plane(p) for p in vocab.values("planes")]
    needs += [_has_pattern(p) for p in vocab.values("patterns")]
    needs += [is_unilateral_work, is_single_leg_hinge, is_rotational_throw]
    needs += [is_lateral_shift_bridge, is_deadlift]
    needs += [_serves(d) for d in ctx.request.demands]
    return needs


def shortlist(
    ctx: WeekContext, scores: dict[str, int], previous_phase_ids: frozenset[str]
) -> WeekContext:
    """The week's context restricted to its shortlist (same order: sorted by id)."""
    ranked = sorted(ctx.exercises, key=lambda e: (-scores[e.id], e.id))
    keep: set[str] = set()

    def take(pool: Iterable[Exercise], n: int) -> None:
        keep.update(e.id for e in islice(pool, n))

    for need in _needs(ctx):
        take((e for e in ranked if need(e)), PER_NEED)
    per_block = max(PER_NEED, ctx.request.days_per_week)
    for block in BLOCK_ORDER:
        take((e for e in ranked if block in e.blocks), per_block)
    if ctx.previous:
        keep.update(it.exercise_id for it in ctx.previous[-1])
    keep.update(progressions_of(ctx, previous_phase_ids))
    take(ranked, 12 + 3 * ctx.request.days_per_week)
    chosen = tuple(e for e in ctx.exercises if e.id in keep)
    return replace(ctx, exercises=chosen)
