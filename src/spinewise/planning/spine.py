"""The spine-compression budget: each exercise's peak L5/S1 compression for this athlete.

Limits are NIOSH's (docs/research/science.md section 6): the action limit, 3,400 N, for a novice or
an athlete in
pain, and the maximum permissible limit, 6,400 N, for anyone (NIOSH 1981 Work Practices Guide:
350 kg and 650 kg of compressive force [C]; the 1991/93 equation's 3.4 kN criterion [C]).

The estimate comes from :mod:`spinewise.biomechanics` (McGill's published value scaled by body mass
where one exists, the static L5/S1 model otherwise). The catalogue's posture load is the load of a
75 kg person; it is scaled by the athlete's body mass. When that load would exceed the athlete's
limit, the load is capped at the largest that keeps the exercise within it (the item then carries
``load_cap_kg``), unless the cap falls below half the usual load, in which case the exercise is
left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spinewise.biomechanics.exercise import (
    EXPORT_BODY_MASS_KG,
    exercise_compression,
    max_load_kg,
)
from spinewise.catalog import Exercise
from spinewise.planning.request import PlanRequest

__all__ = [
    "ACTION_LIMIT_N",
    "MAX_PERMISSIBLE_LIMIT_N",
    "MIN_CAP_SHARE",
    "CompressionFn",
    "SpineLoad",
    "compression_limit_n",
    "model_compression_n",
    "spine_load",
]

#: NIOSH action limit [N] (NIOSH 1981: 350 kg force ≈ 3,400 N) [C].
ACTION_LIMIT_N = 3400.0
#: NIOSH maximum permissible limit [N] (NIOSH 1981: 650 kg force ≈ 6,400 N) [C].
MAX_PERMISSIBLE_LIMIT_N = 6400.0
#: A capped load below this share of the usual load leaves the exercise out (a design choice).
MIN_CAP_SHARE = 0.5

#: ``f(exercise, request, load_kg)`` -> estimated peak compression [N] at that external load
#: (``None``: the athlete's usual load for the exercise).
CompressionFn = Callable[[Exercise, PlanRequest, "float | None"], float]


@dataclass(frozen=True)
class SpineLoad:
    """An exercise's compression for this athlete, and the load cap that keeps it in budget.

    Attributes
    ----------
    compression_n
        Estimated peak L5/S1 compression at the prescribed load [N].
    load_kg
        The prescribed external load [kg] (None for body-weight work).
    capped
        Whether ``load_kg`` was lowered to keep the exercise within the limit.
    """

    compression_n: float
    load_kg: float | None
    capped: bool


def compression_limit_n(request: PlanRequest) -> float:
    """The athlete's per-exercise compression limit [N]: 3,400 N for novices or in pain."""
    if request.training_experience == "novice" or request.in_pain:
        return ACTION_LIMIT_N
    return MAX_PERMISSIBLE_LIMIT_N


def usual_load_kg(ex: Exercise, request: PlanRequest) -> float | None:
    """The catalogue's load for a 75 kg person, scaled by the athlete's body mass [kg]."""
    if ex.posture is None or ex.posture.load_kg == 0:
        return None
    return round(ex.posture.load_kg * request.body_mass_kg / EXPORT_BODY_MASS_KG, 1)


def model_compression_n(ex: Exercise, request: PlanRequest, load_kg: float | None) -> float:
    """Estimated peak compression [N] for this athlete at ``load_kg`` (usual load when None)."""
    load = usual_load_kg(ex, request) if load_kg is None else load_kg
    est = exercise_compression(
        ex,
        body_mass_kg=request.body_mass_kg,
        sex=request.sex,
        height_cm=request.height_cm,
        load_kg=load or 0.0,
    )
    return round(est.value_n, 1)


def spine_load(
    ex: Exercise, request: PlanRequest, compression: CompressionFn = model_compression_n
) -> SpineLoad | None:
    """The exercise's load and compression within the athlete's limit, or None to leave it out."""
    limit = compression_limit_n(request)
    usual = usual_load_kg(ex, request)
    value = compression(ex, request, usual)
    if value <= limit:
        return SpineLoad(value, usual, False)
    if usual is None:
        return None
    cap = max_load_kg(
        ex, limit, body_mass_kg=request.body_mass_kg, sex=request.sex, height_cm=request.height_cm
    )
    if cap is None or cap < MIN_CAP_SHARE * usual:
        return None
    cap = float(int(cap * 2) / 2)  # round down to 0.5 kg
    capped = compression(ex, request, cap)
    if capped > limit:
        return None
    return SpineLoad(capped, cap, True)
