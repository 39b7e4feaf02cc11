"""Fewer trips to the floor: the order of a session's items for people at risk of falling.

Getting down to the floor and up again is itself a fall risk and a strain for an older adult
with poor balance. Within each block of a session (prep, power, strength, stability,
conditioning, recovery, in that fixed order), the older-adult pathway's items are ordered so that
those on the same level as the item before come first: standing work stays together, floor work
stays together. The items and their doses do not change, only their order. This project's rule
(issue 14), following the fall-prevention reasoning of Sherrington et al. 2011.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TypeVar

from spinewise.catalog import Exercise

__all__ = ["FLOOR_SUPPORTS", "floor_transfers", "is_on_floor", "order_for_fewer_transfers"]

#: Postures done lying, kneeling or on hands and knees.
FLOOR_SUPPORTS = frozenset(
    {"supine", "prone", "quadruped", "kneeling", "half_kneeling", "side_lying"}
)

T = TypeVar("T")


def is_on_floor(ex: Exercise) -> bool:
    """Whether the exercise is done on the floor."""
    return ex.posture is not None and ex.posture.support in FLOOR_SUPPORTS


def floor_transfers(exercises: Sequence[Exercise]) -> int:
    """How many times a session in this order goes down to the floor or back up.

    >>> floor_transfers([])
    0
    """
    levels = [is_on_floor(ex) for ex in exercises]
    return sum(a != b for a, b in itertools.pairwise(levels))


def order_for_fewer_transfers(
    blocks: Sequence[Sequence[T]], exercise_of: dict[int, Exercise]
) -> list[list[T]]:
    """Each block's items, those on the level of the item before first (a stable reordering).

    Parameters
    ----------
    blocks
        The session's blocks in their fixed order, each a list of items.
    exercise_of
        ``id(item)`` -> its exercise.
    """
    out: list[list[T]] = []
    on_floor: bool | None = None
    for block in blocks:
        if on_floor is None:
            first = block[0] if block else None
            on_floor = False if first is None else is_on_floor(exercise_of[id(first)])
        same = [it for it in block if is_on_floor(exercise_of[id(it)]) == on_floor]
        other = [it for it in block if is_on_floor(exercise_of[id(it)]) != on_floor]
        ordered = same + other
        out.append(ordered)
        if ordered:
            on_floor = is_on_floor(exercise_of[id(ordered[-1])])
    return out
