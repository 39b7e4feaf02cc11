"""The spine-compression budget: each exercise's peak L5/S1 compression for this athlete.

Limits are NIOSH's (docs/research/science.md section 6): the action limit, 3,400 N, for a novice or
an athlete in
pain, and the maximum permissible limit, 6,400 N, for anyone (NIOSH 1981 Work Practices Guide:
350 kg and 650 kg of compressive force [C]; the 1991/93 equation's 3.4 kN criterion [C]).

The estimate comes from :mod:`spinewise.biomechanics`, on one scale: McGill's published value scaled
by body mass where one exists, the static L5/S1 model calibrated to McGill's table otherwise. The
catalogue's posture load is the load of a 75 kg person at the catalogue's dose; it is scaled by the
athlete's body mass (:func:`usual_load_kg`) and by the item's intensity against the catalogue's
(:func:`prescribed_load_kg`): the compression that is checked is the one at the load the item
prescribes, or at its load cap when it states one.

Whether an exercise may be given at all is decided at the catalogue's dose (:func:`spine_load`):
when its usual load would exceed the athlete's limit, the load is capped at the largest that keeps
the exercise within it, unless the cap falls below half the usual load, in which case the exercise
is left out. Each item is then checked at its own dose (:func:`item_spine_load`): an item over the
limit is capped, and an item near the limit (at least :data:`HEAVY_COMPRESSION_FRACTION` of it)
states its cap even when its prescribed load is below it, so that the plan says how far the load
may go. A heavy item whose load is not known in kg (body weight, a band, or a load that does not
raise the estimate) is capped by its effort target instead (``effort_cap``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spinewise.biomechanics.exercise import (
    EXPORT_BODY_MASS_KG,
    exercise_compression,
    max_load_kg,
)
from spinewise.biomechanics.published import published_by_exercise
from spinewise.catalog import Exercise
from spinewise.catalog.entities import Intensity
from spinewise.pain_bands import SAFE_MAX_0_10
from spinewise.planning.dosing import ItemDose
from spinewise.planning.lifts import one_rm_kg, round_load_kg
from spinewise.planning.policy import HEAVY_COMPRESSION_FRACTION
from spinewise.planning.request import PlanRequest

__all__ = [
    "ACTION_LIMIT_N",
    "EPLEY_REPS_DIVISOR",
    "MAX_PERMISSIBLE_LIMIT_N",
    "MIN_CAP_SHARE",
    "CapFn",
    "CompressionFn",
    "ItemSpineLoad",
    "SpineLoad",
    "checked_load_kg",
    "compression_limit_n",
    "item_spine_load",
    "load_cap_for",
    "model_compression_n",
    "prescribed_load_kg",
    "relative_intensity",
    "spine_load",
    "usual_load_kg",
]

#: NIOSH action limit [N] (NIOSH 1981: 350 kg force ≈ 3,400 N) [C].
ACTION_LIMIT_N = 3400.0
#: NIOSH maximum permissible limit [N] (NIOSH 1981: 650 kg force ≈ 6,400 N) [C].
MAX_PERMISSIBLE_LIMIT_N = 6400.0
#: A capped load below this share of the usual load leaves the exercise out (a design choice).
MIN_CAP_SHARE = 0.5

#: Epley's divisor: 1RM = w (1 + r / 30) (Epley 1985; as in :mod:`spinewise.load.strength`) [-].
EPLEY_REPS_DIVISOR = 30.0
#: Top of the RPE scale: RPE 10 leaves no repetition in reserve (Zourdos et al. 2016) [-].
RPE_MAX = 10.0

#: The heaviest posture load the catalogue allows [kg]: a cap above it caps nothing.
MAX_CATALOGUE_LOAD_KG = 400.0

#: ``f(exercise, request, load_kg)`` -> estimated peak compression [N] at that external load
#: (``None``: the athlete's usual load for the exercise).
CompressionFn = Callable[[Exercise, PlanRequest, "float | None"], float]
#: The most an athlete may lift in an exercise [kg], or None (:func:`load_cap_for`).
CapFn = Callable[[Exercise, PlanRequest], "float | None"]


@dataclass(frozen=True)
class SpineLoad:
    """An exercise's compression for this athlete, and the load cap that keeps it in budget.

    Attributes
    ----------
    compression_n
        Estimated peak L5/S1 compression at the catalogue's dose [N].
    load_kg
        The usual external load, or its cap [kg] (None for body-weight work).
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


def held_to_limit(ex: Exercise, request: PlanRequest) -> bool:
    """Whether the compression limit can leave the exercise out.

    It can for work with an external load (the load is the person's choice, and a cap in kg can
    be given) and for exercises with a published value (measured, McGill's table). Body-weight
    work with only a modelled value is never left out by the model alone: sit-to-stand, squats and
    lunges are what daily life already asks of the spine, and the calibration was fit on floor and
    bench exercises, so its estimate for standing body-weight work is an extrapolation. Such an
    item near or over the limit is capped by effort instead (``effort_cap``). Decision 0200.
    """
    if own_max_applies(ex, request):
        return False
    return usual_load_kg(ex, request) is not None or ex.id in published_by_exercise()


def own_max_applies(ex: Exercise, request: PlanRequest) -> bool:
    """A trained person without pain, whose max on this exercise's lift is known.

    Their load follows what they have already lifted (a share of their own max), not the NIOSH
    limits, which were set for occupational lifting by people not trained for it (Waters et al.
    1993). Novices and anyone above the safe pain band (2/10) stay within the limits. This
    project's rule [design], decision 0158.
    """
    return (
        one_rm_kg(ex, request) is not None
        and request.training_experience != "novice"
        and request.pain_current <= SAFE_MAX_0_10
    )


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
    """The exercise at the catalogue's dose within the athlete's limit, or None to leave it out.

    Over the limit at the usual load, the load is capped (:func:`load_cap_for`); below
    :data:`MIN_CAP_SHARE` of the usual load, or with no cap in kg, the exercise is left out.
    """
    limit = compression_limit_n(request)
    usual = usual_load_kg(ex, request)
    value = compression(ex, request, usual)
    if value <= limit or not held_to_limit(ex, request):
        return SpineLoad(value, usual, False)
    if usual is None:
        return None if held_to_limit(ex, request) else SpineLoad(value, None, False)
    cap = load_cap_for(ex, request)
    if cap is None or cap < MIN_CAP_SHARE * usual:
        return None
    capped = compression(ex, request, cap)
    if capped > limit:
        return None
    return SpineLoad(capped, cap, True)


def relative_intensity(intensity: Intensity, reps: int | None) -> float | None:
    """The share of the one-repetition maximum an intensity target implies [-], if it implies one.

    ``percent_1rm`` gives it directly. RPE and RIR targets give it through the repetitions a set
    could reach: ``reps`` plus the repetitions in reserve (RIR = 10 - RPE, the RIR-based RPE
    scale of Zourdos et al. 2016), put into Epley's equation, 1RM = w (1 + r / 30): the share is
    ``1 / (1 + (reps + RIR) / 30)``. A hold or a carry counts as one repetition. Body weight,
    bands and ballistic work imply none (``None``).

    Parameters
    ----------
    intensity
        The target (``kind`` and ``value``).
    reps
        Repetitions per set; ``None`` for holds and carries.

    Examples
    --------
    >>> relative_intensity(Intensity(kind="percent_1rm", value=80), 5)
    0.8
    >>> round(relative_intensity(Intensity(kind="rpe", value=7), 8), 3)  # 11 reps to failure
    0.732
    >>> relative_intensity(Intensity(kind="bodyweight"), 10) is None
    True
    """
    value = intensity.value
    if value is None:
        return None
    if intensity.kind == "percent_1rm":
        return value / 100.0
    if intensity.kind == "rpe":
        in_reserve = RPE_MAX - value
    elif intensity.kind == "rir":
        in_reserve = value
    else:
        return None
    return 1.0 / (1.0 + ((reps or 1) + max(0.0, in_reserve)) / EPLEY_REPS_DIVISOR)


def prescribed_load_kg(ex: Exercise, request: PlanRequest, dose: ItemDose) -> float | None:
    """The external load an item prescribes [kg], before any load cap (None: no external load).

    The athlete's usual load (:func:`usual_load_kg`, for the catalogue's dose) scaled by the
    item's share of 1RM against the catalogue dose's (:func:`relative_intensity`): more reps at
    the same RPE mean a lighter load, a higher RPE or percentage a heavier one. When either dose
    implies no share of 1RM, the usual load. When the person's max on the exercise's lift is
    known (:mod:`spinewise.planning.lifts`), that max times the item's share of 1RM, rounded down
    to 2.5 kg.
    """
    one_rm = one_rm_kg(ex, request)
    share = relative_intensity(dose.intensity, dose.reps)
    if one_rm is not None and share is not None:
        return round_load_kg(one_rm * share)
    usual = usual_load_kg(ex, request)
    if usual is None:
        return None
    now = relative_intensity(dose.intensity, dose.reps)
    base = relative_intensity(ex.dose.intensity, ex.dose.reps)
    if now is None or base is None:
        return usual
    return round(usual * now / base, 1)


def checked_load_kg(ex: Exercise, request: PlanRequest, dose: ItemDose) -> float | None:
    """The load at which an item's compression is checked [kg]: its cap, else its prescribed load.

    A stated cap is the most the athlete may lift, so the item must be within the limit there.
    """
    if dose.load_cap_kg is not None and usual_load_kg(ex, request) is not None:
        return dose.load_cap_kg
    return prescribed_load_kg(ex, request, dose)


def load_cap_for(ex: Exercise, request: PlanRequest) -> float | None:
    """The largest load that keeps the exercise within the athlete's limit, down to 0.5 kg [kg].

    ``None`` when the exercise has no external load, when even no load exceeds the limit, or when
    load does not raise the estimate (no cap in kg can be given).
    """
    if usual_load_kg(ex, request) is None:
        return None
    cap = max_load_kg(
        ex,
        compression_limit_n(request),
        body_mass_kg=request.body_mass_kg,
        sex=request.sex,
        height_cm=request.height_cm,
    )
    if cap is None or cap > MAX_CATALOGUE_LOAD_KG:
        return None  # load barely raises the estimate: no cap in kg means anything
    return float(int(cap * 2) / 2)


@dataclass(frozen=True)
class ItemSpineLoad:
    """One item's compression at its prescribed load, and the cap it states.

    Attributes
    ----------
    compression_n
        Estimated peak L5/S1 compression at the prescribed load, or at the cap when that is
        lower [N].
    load_kg
        The prescribed load after the cap [kg] (None: no external load).
    load_cap_kg
        The cap the item states [kg]: when the prescribed load is over the limit, or the item is
        near it; None otherwise.
    effort_cap
        The item is near the limit and its load is not known in kg: its effort target is the cap.
    """

    compression_n: float
    load_kg: float | None
    load_cap_kg: float | None
    effort_cap: bool


def item_spine_load(
    ex: Exercise,
    request: PlanRequest,
    dose: ItemDose,
    compression: CompressionFn = model_compression_n,
    cap_for: CapFn | None = None,
) -> ItemSpineLoad | None:
    """An item's compression at its prescribed load, its cap, or None when no load keeps it in.

    Parameters
    ----------
    ex, request
        The exercise and the athlete.
    dose
        The item's dose (its intensity and reps set the prescribed load; any cap in it is ignored).
    compression
        The estimator.
    cap_for
        The load cap of an exercise for the athlete [kg] (:func:`load_cap_for` when None; the
        planner passes a remembered one, since the cap does not change within a plan).
    """
    limit = compression_limit_n(request)
    heavy = HEAVY_COMPRESSION_FRACTION * limit
    load = prescribed_load_kg(ex, request, dose)
    value = compression(ex, request, load)
    if not held_to_limit(ex, request):
        return ItemSpineLoad(value, load, None, load is None and value >= heavy)
    if load is None:
        if value > limit:
            return None
        return ItemSpineLoad(value, None, None, value >= heavy)
    if value < heavy:
        return ItemSpineLoad(value, load, None, False)
    cap = (cap_for or load_cap_for)(ex, request)
    if cap is None:
        # near the limit, but no load in kg can be given: the effort target caps it
        return None if value > limit else ItemSpineLoad(value, load, None, True)
    if load > cap:
        load = cap
        value = compression(ex, request, cap)
    if value > limit:
        return None
    return ItemSpineLoad(value, load, cap, False)
