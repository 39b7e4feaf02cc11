"""Estimated one-repetition maximum (e1RM) from a set of up to 10 repetitions.

Epley: 1RM = w·(1 + r/30). Brzycki: 1RM = w·36/(37 − r) = w/(1.0278 − 0.0278·r). The two agree
at r = 10, and both are meant for r <= 10 (docs/research/science.md section 7, [C2]: vcalc.com,
brianmac.co.uk;
test values 100 kg x 5 -> 116.67 and 112.5 from freeonlinecal.com). A single repetition is its
own 1RM: Brzycki gives w at r = 1 by construction, and Epley is applied for r > 1 only (at r = 1
the bare formula would add 3.3 %).

References
----------
Epley B (1985). Poundage chart. Boyd Epley Workout, Lincoln NE. (Unconfirmed,
docs/research/science.md [U].)

Brzycki M (1993). Strength testing: predicting a one-rep max from reps-to-fatigue. J Phys Educ
Recreat Dance 64(1):88-90. (Unconfirmed, docs/research/science.md [U].)
"""

from __future__ import annotations

import math

from spinewise.errors import InputError

__all__ = ["MAX_REPS", "e1rm_brzycki", "e1rm_epley"]

#: The formulas are meant for sets of at most 10 repetitions (docs/research/science.md section 7,
#: [C2]).
MAX_REPS = 10


def _check(load_kg: float, reps: int) -> None:
    problems = []
    if not (math.isfinite(load_kg) and load_kg > 0.0):
        problems.append(f"load_kg: must be a number > 0, got {load_kg}")
    if isinstance(reps, bool) or not isinstance(reps, int) or not 1 <= reps <= MAX_REPS:
        problems.append(f"reps: must be a whole number from 1 to {MAX_REPS}, got {reps}")
    if problems:
        raise InputError(problems)


def e1rm_epley(load_kg: float, reps: int) -> float:
    """Epley e1RM [kg] = load·(1 + reps/30), for 2 to 10 reps; the load itself for 1 rep.

    Parameters
    ----------
    load_kg
        Load lifted [kg].
    reps
        Repetitions completed, 1 to 10.

    Examples
    --------
    >>> round(e1rm_epley(100.0, 5), 2)
    116.67
    >>> e1rm_epley(100.0, 1)
    100.0
    """
    _check(load_kg, reps)
    return load_kg if reps == 1 else load_kg * (1.0 + reps / 30.0)


def e1rm_brzycki(load_kg: float, reps: int) -> float:
    """Brzycki e1RM [kg] = load·36/(37 − reps), for 1 to 10 reps.

    Examples
    --------
    >>> e1rm_brzycki(100.0, 5)
    112.5
    >>> e1rm_brzycki(100.0, 11)
    Traceback (most recent call last):
    ...
    spinewise.errors.InputError: reps: must be a whole number from 1 to 10, got 11
    """
    _check(load_kg, reps)
    return load_kg * 36.0 / (37.0 - reps)
