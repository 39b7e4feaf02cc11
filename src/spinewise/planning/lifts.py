"""Loads in kilograms from the person's maxes: the lifter's pathway.

A profile may give one-repetition maxes (``[maxes]``), and the log may estimate them (Epley's
e1RM, :mod:`spinewise.load.strength`). An exercise listed in ``data/lifts.toml`` under a lift
whose max is known is then prescribed in kilograms: the max, times the exercise's share of it,
times the share of 1RM its intensity target implies (a percentage directly; an RPE or RIR with
its reps through Epley's equation with reps in reserve,
:func:`spinewise.planning.spine.relative_intensity`), rounded down to 2.5 kg.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

from spinewise.catalog import Exercise
from spinewise.planning.request import PlanRequest

__all__ = [
    "LIFTS",
    "PLATE_STEP_KG",
    "is_main_lift",
    "lift_of",
    "lift_share",
    "lifter_pathway",
    "main_lifts_per_session",
    "one_rm_kg",
    "round_load_kg",
]

#: The main lifts a profile's ``[maxes]`` can give.
LIFTS: tuple[str, ...] = ("squat", "deadlift", "bench_press")
#: Loads are rounded down to this step [kg] (two 1.25 kg plates).
PLATE_STEP_KG = 2.5


@cache
def _table() -> dict[str, tuple[str, float]]:
    text = resources.files("spinewise.planning").joinpath("data/lifts.toml").read_text("utf-8")
    raw = tomllib.loads(text)["lift"]
    out: dict[str, tuple[str, float]] = {}
    for lift, members in raw.items():
        if lift not in LIFTS:
            raise RuntimeError(f"lifts.toml: unknown lift {lift!r}")
        for exercise_id, share in members.items():
            out[exercise_id] = (lift, float(share))
    return out


def lift_of(ex: Exercise) -> str | None:
    """The main lift the exercise is loaded from, if any."""
    found = _table().get(ex.id)
    return None if found is None else found[0]


def lift_share(ex: Exercise) -> float | None:
    """The exercise's usual 1RM as a share of its main lift's [-]."""
    found = _table().get(ex.id)
    return None if found is None else found[1]


def one_rm_kg(ex: Exercise, request: PlanRequest) -> float | None:
    """The exercise's one-repetition maximum for this person [kg], when its lift's max is known."""
    lift, share = lift_of(ex), lift_share(ex)
    if lift is None or share is None:
        return None
    known = request.max_kg(lift)
    return None if known is None else known * share


def round_load_kg(load_kg: float) -> float:
    """Down to the plate step, and at least one step.

    >>> round_load_kg(123.9), round_load_kg(1.0)
    (122.5, 2.5)
    """
    return max(PLATE_STEP_KG, math.floor(load_kg / PLATE_STEP_KG) * PLATE_STEP_KG)


def lifter_pathway(request: PlanRequest) -> tuple[str, ...]:
    """The main lifts the plan is built around: those with a known max, for a lifting goal."""
    if "lifting" not in request.goals:
        return ()
    return tuple(lift for lift in LIFTS if request.max_kg(lift) is not None)


def is_main_lift(lift: str) -> Callable[[Exercise], bool]:
    """Whether an exercise is the competition variant of ``lift`` (its share of the max is 1)."""

    def test(ex: Exercise) -> bool:
        return lift_of(ex) == lift and lift_share(ex) == 1.0

    return test


def main_lifts_per_session(request: PlanRequest, lifts: int) -> int:
    """At most this many main lifts in one session: the lifts spread over the week's sessions."""
    return max(1, math.ceil(lifts / max(1, request.days_per_week)))
