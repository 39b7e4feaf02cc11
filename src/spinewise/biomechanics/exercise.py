"""Every catalogue exercise's estimated peak L5/S1 compression: model, published, or both.

``value_n`` is the number the planner uses, on one scale for every exercise: where McGill's table
has the exercise, it is the published value scaled by body mass (plus the model's change for a load
other than the catalogue default); otherwise it is the model's estimate calibrated to McGill's
table (:mod:`spinewise.biomechanics.calibration`). ``model_value_n`` is always the model's own.

Published values, and the calibration's constant, are taken to scale in proportion to body mass
from a 75 kg reference (an assumption [U]: McGill's subjects' mass was not in the source seen).
Negative model compression (net traction, e.g. hanging) is reported as 0, and a hanging posture in
net traction is not calibrated (McGill's table has no hanging exercise; [U]).

Examples
--------
>>> from spinewise.catalog.entities import Exercise
>>> ex = Exercise.model_validate({
...     "id": "demo_rdl", "name": "Demo RDL", "patterns": ["hinge"],
...     "regions": {"hamstrings": "primary"}, "qualities": ["strength"], "planes": ["sagittal"],
...     "laterality": "bilateral", "integration": "integrated", "loading": "constant",
...     "equipment": ["dumbbell"], "blocks": ["strength"], "level": 2,
...     "dose": {"sets": 3, "reps": 8}, "cues": ["hinge"], "faults": ["rounding"],
...     "posture": {"support": "standing", "trunk_flexion_deg": 70, "arms": "hanging",
...                 "load_kg": 32}})
>>> est = exercise_compression(ex)
>>> est.basis, est.value_n > est.model_value_n, est.source is None
('model', True, True)
>>> compression_json(ex)["basis"]
'model'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spinewise.biomechanics.anthropometry import Sex
from spinewise.biomechanics.calibration import calibrated_n
from spinewise.biomechanics.l5s1 import DEFAULT_MOMENT_ARM_M
from spinewise.biomechanics.posture import Method, posture_load
from spinewise.biomechanics.published import published_by_exercise
from spinewise.catalog.entities import Exercise, Posture
from spinewise.catalog.export import CompressionJson, PublishedPct, PublishedSource
from spinewise.errors import InputError

__all__ = [
    "EXPORT_BODY_MASS_KG",
    "CompressionEstimate",
    "compression_json",
    "exercise_compression",
    "max_load_kg",
]

#: Body mass of the export's ``compression_n`` (docs/contracts/README.md) [kg].
EXPORT_BODY_MASS_KG = 75.0

#: Used when an exercise has no posture: upright, arms at the sides, no load.
_UPRIGHT = Posture(support="standing")


@dataclass(frozen=True)
class CompressionEstimate:
    """An exercise's estimated peak L5/S1 compression.

    Attributes
    ----------
    value_n
        The planner's number [N]: the published value (scaled) where one exists, else the model's
        calibrated to McGill's table.
    basis
        ``"published"`` or ``"model"`` (the contract's names; a ``"model"`` value is the static
        model calibrated to McGill's table, and ``model_value_n`` is the uncalibrated one).
    model_value_n
        The model's estimate [N].
    source
        Citation with status for a published value, else ``None``.
    error_pct
        The model's error against the published value [%], ``(model - published) / published``;
        ``None`` without a published value.
    method
        How the posture was modelled (:mod:`spinewise.biomechanics.posture`).
    coarse
        Whether the model's estimate is a coarse one (supported, lying or hanging postures).
    body_mass_kg
        Body mass the estimate is for [kg].
    notes
        How the posture was read.
    """

    value_n: float
    basis: Literal["model", "published"]
    model_value_n: float
    source: str | None
    error_pct: float | None
    method: Method | Literal["no_posture"]
    coarse: bool
    body_mass_kg: float
    notes: tuple[str, ...] = ()


def exercise_compression(
    ex: Exercise,
    body_mass_kg: float = EXPORT_BODY_MASS_KG,
    sex: Sex = "male",
    height_cm: float | None = None,
    load_kg: float | None = None,
    moment_arm_m: float = DEFAULT_MOMENT_ARM_M,
) -> CompressionEstimate:
    """Estimate an exercise's peak L5/S1 compression.

    Parameters
    ----------
    ex
        The catalogue exercise; its ``posture`` describes the most demanding position.
    body_mass_kg
        The athlete's body mass [kg].
    sex
        ``"male"`` or ``"female"`` (segment table).
    height_cm
        Stature [cm]; ``None`` for de Leva's reference stature.
    load_kg
        The prescribed external load [kg]; ``None`` for the catalogue's default
        (``posture.load_kg``).
    moment_arm_m
        Extensor moment arm [m] (0.06 by default).

    Returns
    -------
    CompressionEstimate
    """
    posture = ex.posture or _UPRIGHT
    notes: tuple[str, ...] = ()
    if ex.posture is None:
        notes = ("the catalogue gives no posture: upright standing, no load, assumed",)
    model = posture_load(posture, body_mass_kg, sex, height_cm, load_kg, moment_arm_m)
    model_n = max(0.0, model.compression_n)
    notes = (*notes, *model.notes)
    method: Method | Literal["no_posture"] = "no_posture" if ex.posture is None else model.method
    coarse = model.coarse or ex.posture is None
    entry = published_by_exercise().get(ex.id)
    if entry is None:
        traction = model.method == "hanging" and model.compression_n <= 0
        return CompressionEstimate(
            value_n=0.0 if traction else calibrated_n(model_n, body_mass_kg),
            basis="model",
            model_value_n=model_n,
            source=None,
            error_pct=None,
            method=method,
            coarse=coarse,
            body_mass_kg=body_mass_kg,
            notes=notes,
        )
    published_n = entry.compression_n * body_mass_kg / entry.reference_body_mass_kg
    value_n = published_n
    if load_kg is not None and load_kg != posture.load_kg:
        # the published value is for the catalogue's default load: add the model's difference
        default = posture_load(posture, body_mass_kg, sex, height_cm, None, moment_arm_m)
        value_n = max(0.0, published_n + model_n - max(0.0, default.compression_n))
        notes = (*notes, "published value adjusted by the model for the prescribed load")
        model_at_default = max(0.0, default.compression_n)
    else:
        model_at_default = model_n
    if entry.match and entry.match != "exact":
        notes = (*notes, f"published value for a similar exercise ({entry.match})")
    return CompressionEstimate(
        value_n=value_n,
        basis="published",
        model_value_n=model_n,
        source=entry.cite,
        error_pct=100.0 * (model_at_default - published_n) / published_n,
        method=method,
        coarse=coarse,
        body_mass_kg=body_mass_kg,
        notes=notes,
    )


def compression_json(ex: Exercise) -> CompressionJson:
    """The export's ``compression_n`` object for a 75 kg person at the default dose.

    Keys: ``value`` [N, rounded], ``basis``, ``body_mass_kg``, ``method``, ``coarse``,
    ``model_value`` [N, the uncalibrated model's], and for a published value also ``source`` and
    ``model_error_pct`` [%].
    """
    if not isinstance(ex, Exercise):
        raise InputError(f"exercise: expected a catalogue Exercise, got {type(ex).__name__}")
    est = exercise_compression(ex, EXPORT_BODY_MASS_KG)
    published = est.basis == "published"
    error_pct = None if est.error_pct is None else round(est.error_pct, 1)
    source: PublishedSource = {"source": est.source} if published else {}
    error: PublishedPct = {"model_error_pct": error_pct} if published else {}
    return {
        "value": round(est.value_n),
        "basis": est.basis,
        "body_mass_kg": round(EXPORT_BODY_MASS_KG),
        "method": est.method,
        "coarse": est.coarse,
        **source,
        "model_value": round(est.model_value_n),
        **error,
    }


def max_load_kg(
    ex: Exercise,
    limit_n: float,
    body_mass_kg: float = EXPORT_BODY_MASS_KG,
    sex: Sex = "male",
    height_cm: float | None = None,
) -> float | None:
    """The largest external load [kg] that keeps the estimate at or below ``limit_n``.

    The estimate is linear in the external load for a fixed posture (both the model and the
    published value adjusted by it), so two evaluations give it exactly.

    Returns
    -------
    float or None
        ``None`` when even no load exceeds the limit; ``math.inf`` when load does not raise the
        estimate (e.g. a hanging posture).

    Examples
    --------
    >>> from spinewise.biomechanics.niosh import MAXIMUM_PERMISSIBLE_LIMIT_N
    >>> from spinewise.catalog.entities import Exercise
    >>> ex = Exercise.model_validate({
    ...     "id": "demo_rdl", "name": "Demo RDL", "patterns": ["hinge"],
    ...     "regions": {"hamstrings": "primary"}, "qualities": ["strength"],
    ...     "planes": ["sagittal"], "laterality": "bilateral", "integration": "integrated",
    ...     "loading": "constant", "equipment": ["dumbbell"], "blocks": ["strength"],
    ...     "level": 2, "dose": {"sets": 3, "reps": 8}, "cues": ["hinge"],
    ...     "faults": ["rounding"], "posture": {"support": "standing",
    ...     "trunk_flexion_deg": 70, "arms": "hanging", "load_kg": 32}})
    >>> limit = max_load_kg(ex, MAXIMUM_PERMISSIBLE_LIMIT_N)
    >>> round(exercise_compression(ex, load_kg=limit).value_n)
    6400
    """
    if not (limit_n > 0 and limit_n != float("inf")):
        raise InputError(f"limit_n: must be a positive number of newtons, got {limit_n}")
    probe_kg = 10.0
    at_zero = exercise_compression(ex, body_mass_kg, sex, height_cm, load_kg=0.0).value_n
    at_probe = exercise_compression(ex, body_mass_kg, sex, height_cm, load_kg=probe_kg).value_n
    if at_zero > limit_n:
        return None
    slope = (at_probe - at_zero) / probe_kg
    if slope <= 0:
        return float("inf")
    return (limit_n - at_zero) / slope
