"""The spine-compression budget: each exercise's estimated peak L5/S1 compression and the limits.

Limits are NIOSH's (science.md section 6): the action limit, 3,400 N, for a novice or an athlete in
pain, and the maximum permissible limit, 6,400 N, for anyone (NIOSH 1981 Work Practices Guide:
350 kg and 650 kg of compressive force; the 1991/93 equation's 3.4 kN criterion).

Until the spine-load model is wired in, ``placeholder_compression_n`` gives a coarse estimate from
the catalogue's posture descriptors (upper-body weight and external load acting at the trunk's
inclination over a 6 cm extensor moment arm); it is replaced by
:mod:`spinewise.biomechanics` estimates.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from spinewise.catalog import Exercise
from spinewise.planning.request import PlanRequest
from spinewise.units import GRAVITY_M_S2

__all__ = [
    "ACTION_LIMIT_N",
    "MAX_PERMISSIBLE_LIMIT_N",
    "CompressionFn",
    "compression_limit_n",
    "placeholder_compression_n",
]

#: NIOSH action limit [N] (NIOSH 1981: 350 kg force ≈ 3,400 N) [C].
ACTION_LIMIT_N = 3400.0
#: NIOSH maximum permissible limit [N] (NIOSH 1981: 650 kg force ≈ 6,400 N) [C].
MAX_PERMISSIBLE_LIMIT_N = 6400.0

#: ``f(exercise, body_mass_kg, load_kg)`` -> estimated peak compression [N].
CompressionFn = Callable[[Exercise, float, float | None], float]


def compression_limit_n(request: PlanRequest) -> float:
    """The athlete's per-exercise compression limit [N]: 3,400 N for novices or in pain."""
    if request.training_experience == "novice" or request.in_pain:
        return ACTION_LIMIT_N
    return MAX_PERMISSIBLE_LIMIT_N


def placeholder_compression_n(ex: Exercise, body_mass_kg: float, load_kg: float | None) -> float:
    """A coarse standing-cantilever estimate [N]; to be replaced by the L5/S1 model.

    Upper-body mass 0.6 × body mass acting 0.2 m × sin(trunk angle) from L5/S1, the load at
    0.35 m × sin(angle) + 0.15 m, extensor moment arm 0.06 m (Cholewicki et al. 1991); compression
    = muscle force + weight × cos(angle). Lying postures use 0.6 × the standing value.
    """
    posture = ex.posture
    angle = math.radians(posture.trunk_flexion_deg if posture else 0.0)
    load = posture.load_kg if (posture and load_kg is None) else (load_kg or 0.0)
    upper_n = 0.6 * body_mass_kg * GRAVITY_M_S2
    load_n = load * GRAVITY_M_S2
    moment_nm = upper_n * 0.2 * math.sin(angle) + load_n * (0.35 * math.sin(angle) + 0.15)
    compression = moment_nm / 0.06 + (upper_n + load_n) * math.cos(angle)
    if posture is not None and posture.support not in ("standing", "half_kneeling", "kneeling"):
        compression *= 0.6
    return round(compression, 1)
