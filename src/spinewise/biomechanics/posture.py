"""From a catalogue :class:`~spinewise.catalog.Posture` to the load at L5/S1.

Four situations, each stated in ``docs/science/spine-load.md``:

``cantilever``
    Standing, seated, kneeling, half-kneeling and bench-supported (pad under the pelvis): the body
    above L5/S1 is free and held by the trunk muscles; :func:`~spinewise.biomechanics.l5s1_load`.
    On a bench with the arms hanging or on the floor the pad is taken to be under the chest
    (chest-supported rows), a ``bridge`` between the chest and the hips.
``bridge`` (coarse)
    Hands, forearms or shoulders on the floor and knees or feet on the floor (planks, side bridges,
    quadruped, glute bridges; prone or side-lying with the arms on the floor or forward and the hips
    not extended), or hands on the floor while standing or sitting: the body is a beam
    on two vertical supports (the shoulders and the knees, feet or hips). The support under the
    shoulders is found from the whole body's balance; the moment at L5/S1 is then that of the
    body above L5/S1 and that support.
``lying`` (coarse)
    Lying on the back, front or side: the parts resting on the floor load nothing. A raised upper
    body is a cantilever (supine with at most 20 degrees of lift: only the head, upper trunk and
    arms rise, pivoting at the xiphoid, as in McGill's curl-up); raised legs add their moment about
    the hip, taken as if carried across L5/S1 by the hip flexors or extensors.
``hanging`` (coarse)
    Hanging from the hands: the pelvis and legs hang below L5/S1; raised legs need a muscle force,
    and their weight pulls L5/S1 apart (net traction counts as zero compression).

Coarse estimates are order-of-magnitude figures: none of these situations is what the model was
built for, and the supports' share of the load, the raised limbs and co-contraction are guesses.

Posture conventions (as the catalogue uses them): the trunk angle is from vertical, 90 lying flat;
lying postures with a trunk angle under 45 degrees are read as lying flat (90) and say so in the
notes; supine "forward" arms point at the ceiling.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from spinewise.biomechanics.anthropometry import BodyGeometry, Sex, body_geometry, check_sex
from spinewise.biomechanics.l5s1 import DEFAULT_MOMENT_ARM_M, l5s1_load
from spinewise.biomechanics.skeleton import Frame, arm_angles
from spinewise.catalog.entities import Posture
from spinewise.errors import InputError
from spinewise.units import GRAVITY_M_S2

__all__ = ["Method", "PostureLoad", "posture_load"]

Method = Literal["cantilever", "bridge", "lying", "hanging"]

_UPRIGHT = frozenset({"standing", "seated", "kneeling", "half_kneeling", "bench_prone"})
_LYING = frozenset({"supine", "prone", "side_lying"})
#: A supine lift of up to this many degrees raises only the head, upper trunk and arms [U].
CURL_UP_MAX_LIFT_DEG = 20.0
#: Knees bent at least this much put a floor support under the knees rather than the feet [U].
KNEE_SUPPORT_MIN_DEG = 60.0


@dataclass(frozen=True)
class PostureLoad:
    """The load at L5/S1 in one posture.

    Attributes
    ----------
    compression_n, shear_n
        Compression along and shear across the trunk line [N].
    moment_nm
        Magnitude of the moment the trunk muscles hold [N·m].
    muscle_force_n
        Force of the equivalent trunk muscle [N].
    method
        Which situation applied (module docstring).
    coarse
        Whether this is a coarse estimate (every method but ``cantilever``).
    notes
        Plain sentences on how the posture was read.
    """

    compression_n: float
    shear_n: float
    moment_nm: float
    muscle_force_n: float
    method: Method
    coarse: bool
    notes: tuple[str, ...] = ()


def posture_load(
    posture: Posture,
    body_mass_kg: float = 75.0,
    sex: Sex = "male",
    height_cm: float | None = None,
    load_kg: float | None = None,
    moment_arm_m: float = DEFAULT_MOMENT_ARM_M,
) -> PostureLoad:
    """Estimate the L5/S1 load in a catalogue posture.

    Parameters
    ----------
    posture
        The exercise's most demanding static position.
    body_mass_kg, sex, height_cm, moment_arm_m
        As in :func:`~spinewise.biomechanics.l5s1_load`.
    load_kg
        External load [kg]; ``None`` uses ``posture.load_kg``.

    Returns
    -------
    PostureLoad
    """
    check_sex(sex)
    if not (np.isfinite(body_mass_kg) and body_mass_kg > 0):
        raise InputError(f"body_mass_kg: must be a positive number of kg, got {body_mass_kg}")
    load = posture.load_kg if load_kg is None else load_kg
    if not (np.isfinite(load) and load >= 0):
        raise InputError(f"load_kg: must be 0 or more kg, got {load}")
    body = body_geometry(sex)
    stature = body.reference_stature_cm if height_cm is None else height_cm
    if not (np.isfinite(stature) and stature > 0):
        raise InputError(f"height_cm: must be a positive number of cm, got {height_cm}")
    if not (np.isfinite(moment_arm_m) and moment_arm_m > 0):
        raise InputError(f"moment_arm_m: must be a positive distance in metres, got {moment_arm_m}")
    scale = stature / body.reference_stature_cm
    kw = {"mass": body_mass_kg, "load": load, "scale": scale, "arm": moment_arm_m}

    if posture.support == "bench_prone" and posture.arms in ("hanging", "floor"):
        # arms hanging from a bench (chest-supported rows): the pad is under the chest
        notes_bench = ("pad under the chest: the upper body rests on the bench",)
        return _bridge(posture, body, posture.trunk_flexion_deg, "hip", False, notes_bench, **kw)
    if posture.support in _UPRIGHT:
        if posture.arms == "floor":
            return _bridge(posture, body, posture.trunk_flexion_deg, "hip", False, (), **kw)
        upper_arm_deg, forearm_deg = arm_angles(posture.arms, posture.trunk_flexion_deg, False)
        r = l5s1_load(
            posture.trunk_flexion_deg,
            load_kg=load,
            load_horizontal_m=_load_x(posture, body, posture.trunk_flexion_deg, scale),
            body_mass_kg=body_mass_kg,
            height_cm=stature,
            sex=sex,
            moment_arm_m=moment_arm_m,
            upper_arm_deg=upper_arm_deg,
            forearm_deg=forearm_deg,
        )
        return PostureLoad(
            compression_n=float(r.compression_n),
            shear_n=float(r.shear_n),
            moment_nm=abs(float(r.moment_nm)),
            muscle_force_n=float(r.extensor_force_n + r.flexor_force_n),
            method="cantilever",
            coarse=False,
        )
    if posture.support == "hanging":
        return _hanging(posture, body, **kw)

    notes: list[str] = []
    theta = posture.trunk_flexion_deg
    if posture.support in _LYING and theta < 45.0:
        notes.append(f"a lying trunk angle of {theta:g} deg is read as lying flat (90 deg)")
        theta = 90.0
    supine = posture.support == "supine"
    if posture.support == "quadruped":
        return _bridge(posture, body, theta, "knee", False, tuple(notes), **kw)
    if supine:
        if posture.hip_flexion_deg <= 20.0 and posture.knee_flexion_deg >= 15.0:
            return _bridge(posture, body, -theta, "ankle", True, tuple(notes), **kw)
        return _lying(posture, body, theta, True, tuple(notes), **kw)
    if posture.arms in ("floor", "forward") and posture.hip_flexion_deg >= 0.0:
        # hands or forearms on the floor (or on a ball or bench ahead): a plank-like bridge
        lower: Literal["knee", "ankle"] = (
            "knee" if posture.knee_flexion_deg >= KNEE_SUPPORT_MIN_DEG else "ankle"
        )
        return _bridge(posture, body, theta, lower, False, tuple(notes), **kw)
    return _lying(posture, body, theta, False, tuple(notes), **kw)


def _load_x(posture: Posture, body: BodyGeometry, theta_deg: float, scale: float) -> float | None:
    """A load on the shoulders sits at the shoulder joints; otherwise it is in the hands (None)."""
    if posture.arms == "shoulders":
        return float(body.shoulder_m * scale * np.sin(np.radians(theta_deg)))
    return None


def _muscle(moment_nm: float, arm_m: float) -> float:
    return abs(moment_nm) / arm_m


def _bridge(
    p: Posture,
    body: BodyGeometry,
    theta_deg: float,
    lower: Literal["hip", "knee", "ankle"],
    supine: bool,
    notes: tuple[str, ...],
    *,
    mass: float,
    load: float,
    scale: float,
    arm: float,
) -> PostureLoad:
    f = Frame(body, theta_deg, scale, p, supine)
    g = GRAVITY_M_S2
    up = f.upper
    load_x = float(up.shoulder_x_m) if p.arms in ("floor", "shoulders") else float(up.hand_x_m)
    # (mass [kg], centre-of-mass x [m]) of the free body above L5/S1
    trunk_frac, arms_frac = body.trunk_mass_above_fraction, body.arms_mass_fraction
    upper = [(mass * trunk_frac, float(up.trunk_first_moment_m) / trunk_frac)]
    if p.arms != "floor":
        upper.append((mass * arms_frac, float(up.arms_first_moment_m) / arms_frac))
    upper.append((load, load_x))
    below = [(mass * body.pelvis[0], f.pelvis_x)]
    if lower == "knee":
        below += [(mass * m, x) for m, x in f.legs(with_shanks=False)]
        x_low = f.knee[0]
    elif lower == "ankle":
        below += [(mass * m, x) for m, x in f.legs(with_shanks=True)]
        x_low = f.ankle[0]
    else:
        x_low = f.hip[0]
    x_up = float(up.shoulder_x_m)
    span = x_up - x_low
    all_masses = upper + below
    if abs(span) < 0.05 * scale:
        r_up = sum(m for m, _ in upper)
        notes = (*notes, "supports nearly above each other: upper support takes the upper body")
    else:
        r_up = sum(m * (x - x_low) for m, x in all_masses) / span
    moment = g * (sum(m * x for m, x in upper) - r_up * x_up)
    axial = g * (sum(m for m, _ in upper) - r_up)
    theta = np.radians(theta_deg)
    force = _muscle(moment, arm)
    return PostureLoad(
        compression_n=force + axial * float(np.cos(theta)),
        shear_n=axial * float(np.sin(theta)),
        moment_nm=abs(moment),
        muscle_force_n=force,
        method="bridge",
        coarse=True,
        notes=(*notes, f"supported at the shoulders and the {lower}s"),
    )


def _lying(
    p: Posture,
    body: BodyGeometry,
    theta_deg: float,
    supine: bool,
    notes: tuple[str, ...],
    *,
    mass: float,
    load: float,
    scale: float,
    arm: float,
) -> PostureLoad:
    g = GRAVITY_M_S2
    lift = max(0.0, 90.0 - theta_deg)
    theta_eff = -theta_deg if supine else theta_deg
    f = Frame(body, theta_eff, scale, p, supine)
    out_notes = list(notes)
    compression = shear = moment_total = force_total = 0.0
    if lift <= 0.0:
        out_notes.append("upper body resting on the floor")
    elif supine and lift <= CURL_UP_MAX_LIFT_DEG:
        # curl-up: head, upper trunk and arms pivot about the xiphoid
        sin_t = float(np.sin(f.theta))
        xiphoid_x = body.xiphoid_m * scale * sin_t
        head_ut = body.trunk_parts[2:]
        first = sum(m * d * scale * sin_t for m, d in head_ut)
        lifted = sum(m for m, _ in head_ut) + body.arms_mass_fraction
        first += float(f.upper.arms_first_moment_m)
        hand_arm = float(f.upper.hand_x_m) - xiphoid_x
        moment = g * (mass * (first - lifted * xiphoid_x) + load * hand_arm)
        force = _muscle(moment, arm)
        compression += force
        moment_total += abs(moment)
        force_total += force
        out_notes.append("head, upper trunk and arms raised about the xiphoid (curl-up)")
    else:
        ua, fa = arm_angles(p.arms, theta_eff, supine)
        r = l5s1_load(
            theta_eff,
            load_kg=load,
            body_mass_kg=mass,
            height_cm=body.reference_stature_cm * scale,
            sex=body.sex,
            moment_arm_m=arm,
            upper_arm_deg=ua,
            forearm_deg=fa,
        )
        compression += float(r.compression_n)
        shear += float(r.shear_n)
        moment_total += abs(float(r.moment_nm))
        force_total += float(r.extensor_force_n + r.flexor_force_n)
        out_notes.append("upper body raised off the floor")
    # legs: raised when the ankles are above the hip joints; otherwise the feet rest on the floor
    if f.ankle[1] > f.hip[1] + 0.02 * scale:
        leg_moment = g * mass * sum(m * (x - f.hip[0]) for m, x in f.legs(with_shanks=True))
        force = _muscle(leg_moment, arm)
        compression += force
        moment_total += abs(leg_moment)
        force_total += force
        out_notes.append("both legs raised; their moment about the hips counted at L5/S1")
    return PostureLoad(
        compression_n=compression,
        shear_n=shear,
        moment_nm=moment_total,
        muscle_force_n=force_total,
        method="lying",
        coarse=True,
        notes=tuple(out_notes),
    )


def _hanging(
    p: Posture, body: BodyGeometry, *, mass: float, load: float, scale: float, arm: float
) -> PostureLoad:
    g = GRAVITY_M_S2
    f = Frame(body, p.trunk_flexion_deg, scale, p, False)
    lower = [(body.pelvis[0], f.pelvis_x), *f.legs(with_shanks=True)]
    moment = g * mass * sum(m * x for m, x in lower)
    weight = g * mass * sum(m for m, _ in lower)
    force = _muscle(moment, arm)
    compression = force - weight * float(np.cos(f.theta))
    notes = ["hanging from the hands: pelvis and legs below L5/S1"]
    if load > 0:
        notes.append("an external load while hanging is not modelled")
    return PostureLoad(
        compression_n=compression,
        shear_n=weight * float(np.sin(f.theta)),
        moment_nm=abs(moment),
        muscle_force_n=force,
        method="hanging",
        coarse=True,
        notes=tuple(notes),
    )
