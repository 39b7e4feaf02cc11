r"""A static sagittal-plane model of the load on the L5/S1 disc, vectorized over postures.

The body above L5/S1 (head, trunk parts, both arms) and an external load held in the hands are
point masses (de Leva 1996, see :mod:`spinewise.biomechanics.anthropometry`). The trunk is a
straight line through L5/S1 inclined ``trunk_flexion_deg`` from vertical. One equivalent muscle
with moment arm ``d`` balances the moment of their weights about L5/S1:

.. math::

    M = g \left(\sum_i m_i x_i + m_{load} x_{load}\right), \qquad
    F_m = |M| / d

    C = F_m + W \cos\theta, \qquad S = W \sin\theta

where :math:`x` is each mass's horizontal distance in front of L5/S1 [m], :math:`W` the weight of
the body above L5/S1 plus the load [N], :math:`C` the compression along the trunk line and
:math:`S` the shear across it (positive: the upper body pushed forward). A positive moment flexes
the trunk and is held by the extensors; a negative one (trunk behind vertical) by the flexors.

Assumptions and limits: static (no inertia, so jumps, swings and throws are under-estimated);
sagittal plane only (no lateral bending or twisting); one equivalent muscle and no co-contraction,
so compression is a lower bound wherever the trunk muscles co-contract (bracing, floor exercises);
no intra-abdominal pressure; the muscle acts along the trunk line; the compression axis is the
trunk line, not the L5/S1 disc plane; external loads act straight down (bands and cables pulling
in other directions are treated as weights).

References
----------
.. [1] Chaffin DB, Andersson GBJ, Martin BJ (2006). Occupational Biomechanics, 4th ed. Wiley.
   (The static planar method; equations not checked against the book [U].)
.. [2] Cholewicki J, McGill SM, Norman RW (1991). Lumbar spine loads during the lifting of
   extremely heavy weights. Med Sci Sports Exerc 23(10):1179-1186. (Extensor moment arm 6 cm.)
.. [3] de Leva P (1996). J Biomech 29(9):1223-1230. (Segment masses and centres of mass.)

Examples
--------
Upright, arms at the sides, no load: no moment, so compression is the weight above L5/S1.

>>> r = l5s1_load(0.0, body_mass_kg=75.0)
>>> float(r.moment_nm), round(float(r.compression_n)), round(float(r.upper_body_weight_n))
(0.0, 389, 389)

Many postures at once, 10 kg in the hands, arms hanging vertically:

>>> angles = [0.0, 30.0, 60.0]
>>> r = l5s1_load(angles, load_kg=10.0, upper_arm_deg=angles)
>>> [round(c) for c in r.compression_n]
[487, 1919, 2837]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from spinewise.biomechanics.anthropometry import (
    BodyGeometry,
    Sex,
    body_geometry,
    check_sex,
)
from spinewise.errors import InputError
from spinewise.units import GRAVITY_M_S2

__all__ = [
    "ALTERNATIVE_MOMENT_ARM_M",
    "DEFAULT_MOMENT_ARM_M",
    "L5S1Load",
    "UpperBodyPoints",
    "l5s1_load",
    "segment_direction",
    "upper_body_points",
]

#: Extensor moment arm [m]: 6 cm, as in WATBAK (Cholewicki, McGill & Norman 1991) [C].
DEFAULT_MOMENT_ARM_M = 0.06
#: The 5 cm moment arm also common in textbook models [U].
ALTERNATIVE_MOMENT_ARM_M = 0.05

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike


@dataclass(frozen=True)
class L5S1Load:
    """Loads at L5/S1; every field is an array of the broadcast input shape.

    Attributes
    ----------
    moment_nm
        Moment of the weights about L5/S1 [N·m]; positive flexes the trunk.
    extensor_force_n, flexor_force_n
        Force of the equivalent trunk extensor or flexor muscle [N] (one of them is zero).
    compression_n
        Force along the trunk line pressing the upper body onto L5/S1 [N].
    shear_n
        Force across the trunk line [N]; positive pushes the upper body forward.
    upper_body_weight_n
        Weight of the body above L5/S1, arms included, load excluded [N].
    """

    moment_nm: FloatArray
    extensor_force_n: FloatArray
    flexor_force_n: FloatArray
    compression_n: FloatArray
    shear_n: FloatArray
    upper_body_weight_n: FloatArray


def segment_direction(
    gamma_deg: FloatArray, theta_rad: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Unit vector (x, z) at ``gamma_deg`` from "down the trunk" toward the front of the body.

    ``theta_rad`` is the trunk's inclination from vertical.
    """
    phi = np.radians(gamma_deg) - theta_rad
    return np.sin(phi), -np.cos(phi)


def _check_positive(name: str, values: FloatArray, unit: str) -> None:
    if not np.all(np.isfinite(values)) or np.any(values <= 0):
        bad = values[~(np.isfinite(values) & (values > 0))].ravel()[0]
        raise InputError(f"{name}: must be a positive number of {unit}, got {bad}")


@dataclass(frozen=True)
class UpperBodyPoints:
    """Where the body above L5/S1 is, per unit body mass (arrays, see :func:`upper_body_points`).

    Attributes
    ----------
    trunk_first_moment_m
        Sum over head and trunk parts of mass fraction x horizontal distance in front of L5/S1 [m].
    arms_first_moment_m
        The same for both arms [m].
    hand_x_m
        The hands' centre of mass in front of L5/S1 [m].
    shoulder_x_m
        The shoulder joint centres in front of L5/S1 [m].
    """

    trunk_first_moment_m: FloatArray
    arms_first_moment_m: FloatArray
    hand_x_m: FloatArray
    shoulder_x_m: FloatArray


def upper_body_points(
    body: BodyGeometry,
    theta_rad: FloatArray,
    scale: FloatArray,
    upper_arm_deg: FloatArray,
    forearm_deg: FloatArray | None = None,
) -> UpperBodyPoints:
    """Place the head, trunk parts and arms for trunk angles ``theta_rad`` (see :func:`l5s1_load`).

    ``scale`` is stature / de Leva's reference stature; arm angles as in :func:`l5s1_load`
    (``forearm_deg`` None: straight elbow). The sums over segments are constants of the body
    times the sine of each segment's angle, which keeps the array work small.
    """
    sin_t = np.sin(theta_rad)
    ua, fa, hand = body.upper_arm, body.forearm, body.hand
    shoulder_x = (body.shoulder_m * scale) * sin_t
    trunk = (sum(m * d for m, d in body.trunk_parts) * scale) * sin_t
    ux, _ = segment_direction(upper_arm_deg, theta_rad)
    fx = ux if forearm_deg is None else segment_direction(forearm_deg, theta_rad)[0]
    # one arm's first moment = arm mass * shoulder_x + k_upper * ux + k_fore * fx (per unit scale)
    arm_mass = ua.mass_fraction + fa.mass_fraction + hand.mass_fraction
    k_upper = ua.length_m * (
        ua.mass_fraction * ua.com_fraction + fa.mass_fraction + hand.mass_fraction
    )
    hand_reach = fa.length_m + hand.com_fraction * hand.length_m
    k_fore = fa.mass_fraction * fa.com_fraction * fa.length_m + hand.mass_fraction * hand_reach
    arms = 2.0 * (arm_mass * shoulder_x + scale * (k_upper * ux + k_fore * fx))
    hand_x = shoulder_x + scale * (ua.length_m * ux + hand_reach * fx)
    return UpperBodyPoints(trunk, arms, hand_x, shoulder_x)


def l5s1_load(
    trunk_flexion_deg: ArrayLike,
    load_kg: ArrayLike = 0.0,
    load_horizontal_m: ArrayLike | None = None,
    body_mass_kg: ArrayLike = 75.0,
    height_cm: ArrayLike | None = None,
    sex: Sex = "male",
    moment_arm_m: float = DEFAULT_MOMENT_ARM_M,
    *,
    upper_arm_deg: ArrayLike = 0.0,
    forearm_deg: ArrayLike | None = None,
    flexor_moment_arm_m: float | None = None,
) -> L5S1Load:
    """Static L5/S1 moment, muscle force, compression and shear for many postures at once.

    Every array argument broadcasts against the others (numpy rules).

    Parameters
    ----------
    trunk_flexion_deg
        Trunk inclination from vertical [deg]: 0 upright, 90 horizontal, negative leaning back.
    load_kg
        External load held in the hands [kg].
    load_horizontal_m
        Horizontal distance of the load's centre in front of L5/S1 [m]. ``None`` puts the load at
        the hands' centre of mass as placed by the arm angles.
    body_mass_kg
        Body mass [kg].
    height_cm
        Stature [cm]; ``None`` means the mean stature of de Leva's sample for ``sex`` (segment
        lengths scale with stature).
    sex
        ``"male"`` or ``"female"`` (selects de Leva's table).
    moment_arm_m
        Moment arm of the equivalent extensor muscle [m]: 0.06 by default (Cholewicki et al.
        1991); 0.05 is also used (:data:`ALTERNATIVE_MOMENT_ARM_M`).
    upper_arm_deg, forearm_deg
        Direction of the upper arm and forearm [deg], measured from "down along the trunk" toward
        the front of the body: 0 arms at the sides, 90 straight ahead of the chest, 180 overhead.
        ``forearm_deg`` defaults to ``upper_arm_deg`` (straight elbow). To hang the arms
        vertically, use ``upper_arm_deg = trunk_flexion_deg``.
    flexor_moment_arm_m
        Moment arm of the equivalent flexor muscle [m] for negative moments; defaults to
        ``moment_arm_m``.

    Returns
    -------
    L5S1Load
        Arrays of the broadcast shape.

    Raises
    ------
    InputError
        A mass, stature or moment arm that is not positive, a negative load, or an unknown sex.
    """
    check_sex(sex)
    for name, value in (
        ("moment_arm_m", moment_arm_m),
        ("flexor_moment_arm_m", flexor_moment_arm_m),
    ):
        if value is not None and not (np.isfinite(value) and value > 0):
            raise InputError(f"{name}: must be a positive distance in metres, got {value}")
    body = body_geometry(sex)
    stature = body.reference_stature_cm if height_cm is None else height_cm
    theta_deg, load, mass, height, ua_deg = np.broadcast_arrays(
        np.asarray(trunk_flexion_deg, dtype=np.float64),
        np.asarray(load_kg, dtype=np.float64),
        np.asarray(body_mass_kg, dtype=np.float64),
        np.asarray(stature, dtype=np.float64),
        np.asarray(upper_arm_deg, dtype=np.float64),
    )
    fa_deg = None if forearm_deg is None else np.asarray(forearm_deg, dtype=np.float64)
    _check_positive("body_mass_kg", mass, "kg")
    _check_positive("height_cm", height, "cm")
    if not np.all(np.isfinite(load)) or np.any(load < 0):
        raise InputError("load_kg: must be 0 or more kg")
    if not np.all(np.isfinite(theta_deg)):
        raise InputError("trunk_flexion_deg: must be a finite angle in degrees")

    theta = np.radians(theta_deg)
    scale = height / body.reference_stature_cm
    points = upper_body_points(body, theta, scale, ua_deg, fa_deg)
    first_moment = points.trunk_first_moment_m + points.arms_first_moment_m
    load_x = (
        points.hand_x_m if load_horizontal_m is None else np.asarray(load_horizontal_m, np.float64)
    )

    g = GRAVITY_M_S2
    moment = g * (mass * first_moment + load * load_x)
    body_weight_above = g * mass * body.mass_above_fraction
    weight = body_weight_above + g * load
    flexor_arm = moment_arm_m if flexor_moment_arm_m is None else flexor_moment_arm_m
    extensor = np.where(moment > 0, moment / moment_arm_m, 0.0)
    flexor = np.where(moment < 0, -moment / flexor_arm, 0.0)
    compression = extensor + flexor + weight * np.cos(theta)
    shear = weight * np.sin(theta)
    return L5S1Load(
        moment_nm=moment,
        extensor_force_n=extensor,
        flexor_force_n=flexor,
        compression_n=compression,
        shear_n=shear,
        upper_body_weight_n=np.broadcast_to(body_weight_above, moment.shape).copy(),
    )
