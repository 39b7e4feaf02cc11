"""Body segment parameters (de Leva 1996) and the body above and below L5/S1.

The segment table is data (``data/de_leva_1996_segments.toml``); this module reads it and derives
what the L5/S1 model needs: the masses of the parts of the body above L5/S1 and where their centres
of mass lie along the trunk, for a body of a given mass and stature.

Where L5/S1 lies. De Leva's lower trunk runs from the omphalion (navel) to the mid-point of the hip
joint centres. L5/S1 is placed on that line at ``L5S1_FRACTION_OF_LOWER_TRUNK`` of its length below
the omphalion (default 0.5). This is an assumption [U]: the navel lies at about the L3/L4 level and
L5/S1 about two motion segments lower, roughly half-way to the hip joint centres.

How the lower trunk is split at L5/S1. De Leva gives only the lower trunk's mass and centre of mass.
Its density along its length is taken to vary linearly, with the slope chosen so that the centre of
mass falls where de Leva puts it; the part above the cut and its centre of mass follow from that.

References
----------
.. [1] de Leva P (1996). Adjustments to Zatsiorsky-Seluyanov's segment inertia parameters.
   J Biomech 29(9):1223-1230. doi:10.1016/0021-9290(95)00178-6

Examples
--------
>>> body = body_geometry("male")
>>> round(body.mass_above_fraction, 3)   # head, arms, upper and middle trunk, part of lower trunk
0.528
>>> round(body.shoulder_m, 3)            # suprasternale above L5/S1 [m], reference stature
0.459
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, get_args

from spinewise.errors import InputError

__all__ = [
    "L5S1_FRACTION_OF_LOWER_TRUNK",
    "BodyGeometry",
    "Segment",
    "Sex",
    "body_geometry",
    "check_sex",
    "reference_stature_cm",
    "segment_table",
    "split_linear_density",
]

Sex = Literal["male", "female"]

#: Where L5/S1 lies on the lower trunk, as a fraction of its length from the omphalion [U].
L5S1_FRACTION_OF_LOWER_TRUNK = 0.5

_DATA_FILE = "de_leva_1996_segments.toml"


@dataclass(frozen=True)
class Segment:
    """One segment of de Leva's Table 4 for one sex.

    Attributes
    ----------
    mass_fraction
        Segment mass / body mass [-].
    com_fraction
        Centre of mass from the segment's first landmark, as a fraction of its length [-].
    length_m
        Mean segment length of de Leva's reference sample [m].
    """

    mass_fraction: float
    com_fraction: float
    length_m: float


def check_sex(sex: str) -> Sex:
    """Return ``sex`` if it is one the segment table covers, else raise :class:`InputError`."""
    allowed = get_args(Sex)
    if sex not in allowed:
        raise InputError(f"sex: must be one of {', '.join(allowed)}, got {sex!r}")
    return sex  # type: ignore[return-value]


@cache
def _raw_table() -> dict[str, object]:
    text = resources.files("spinewise.biomechanics").joinpath("data", _DATA_FILE).read_text("utf-8")
    return tomllib.loads(text)


@cache
def segment_table(sex: Sex) -> dict[str, Segment]:
    """De Leva's segments for one sex, by name (``head_c7``, ``upper_trunk``, ``thigh``, ...)."""
    check_sex(sex)
    raw = _raw_table()["segments"]
    assert isinstance(raw, dict)
    return {
        name: Segment(
            mass_fraction=float(row[sex]["mass_fraction"]),
            com_fraction=float(row[sex]["com_fraction"]),
            length_m=float(row[sex]["length_mm"]) / 1000.0,
        )
        for name, row in raw.items()
    }


def reference_stature_cm(sex: Sex) -> float:
    """Mean stature of de Leva's reference sample [cm]: 174.1 (men), 173.5 (women)."""
    check_sex(sex)
    ref = _raw_table()["reference"]
    assert isinstance(ref, dict)
    return float(ref[sex]["stature_mm"]) / 10.0


def split_linear_density(com_fraction: float, cut_fraction: float) -> tuple[float, float, float]:
    """Split a segment of linearly varying density at ``cut_fraction`` of its length.

    Parameters
    ----------
    com_fraction
        The whole segment's centre of mass from its first end [-], between 1/3 and 2/3.
    cut_fraction
        Where to cut, from the first end [-], between 0 and 1.

    Returns
    -------
    tuple of float
        (mass fraction of the first part, its centre of mass from the first end, the second
        part's centre of mass from the first end), all as fractions [-].

    Examples
    --------
    A uniform segment cut in half:

    >>> split_linear_density(0.5, 0.5)
    (0.5, 0.25, 0.75)
    """
    # density a + b*x on [0, 1] with unit mass and centre of mass at com_fraction
    b = 12.0 * (com_fraction - 0.5)
    a = 1.0 - b / 2.0
    p = cut_fraction
    mass_first = a * p + b * p * p / 2.0
    moment_first = a * p * p / 2.0 + b * p**3 / 3.0
    com_first = moment_first / mass_first
    com_second = (com_fraction - moment_first) / (1.0 - mass_first)
    return mass_first, com_first, com_second


@dataclass(frozen=True)
class BodyGeometry:
    """The body about L5/S1 at de Leva's reference stature, per unit body mass.

    Distances are along the trunk line (mid-hip to suprasternale) from L5/S1, upward positive [m];
    masses are fractions of body mass [-]. Scale distances by stature / reference stature.

    Attributes
    ----------
    trunk_parts
        (mass fraction, distance of centre of mass) of the lower-trunk part above L5/S1, the middle
        trunk, the upper trunk and the head (head placed with C7 at the suprasternale's level).
    shoulder_m
        The shoulder joint centres, taken at the suprasternale's level on the trunk line.
    xiphoid_m
        The xiphoid (top of the middle trunk).
    hip_m
        The hip joint centres (negative: below L5/S1).
    pelvis
        (mass fraction, distance) of the lower-trunk part below L5/S1.
    upper_arm, forearm, hand, thigh, shank, foot
        The limb segments (one side) of :func:`segment_table`.
    """

    sex: Sex
    reference_stature_cm: float
    trunk_parts: tuple[tuple[float, float], ...]
    shoulder_m: float
    xiphoid_m: float
    hip_m: float
    pelvis: tuple[float, float]
    upper_arm: Segment
    forearm: Segment
    hand: Segment
    thigh: Segment
    shank: Segment
    foot: Segment

    @property
    def trunk_mass_above_fraction(self) -> float:
        """Mass of the head and trunk above L5/S1, arms excluded [-]."""
        return sum(m for m, _ in self.trunk_parts)

    @property
    def arms_mass_fraction(self) -> float:
        """Mass of both arms (upper arm, forearm, hand) [-]."""
        return 2.0 * (
            self.upper_arm.mass_fraction + self.forearm.mass_fraction + self.hand.mass_fraction
        )

    @property
    def mass_above_fraction(self) -> float:
        """Mass of the whole body above L5/S1, arms included [-]."""
        return self.trunk_mass_above_fraction + self.arms_mass_fraction

    @property
    def legs_mass_fraction(self) -> float:
        """Mass of both legs (thigh, shank, foot) [-]."""
        return 2.0 * (self.thigh.mass_fraction + self.shank.mass_fraction + self.foot.mass_fraction)


@cache
def body_geometry(
    sex: Sex, l5s1_fraction_of_lower_trunk: float = L5S1_FRACTION_OF_LOWER_TRUNK
) -> BodyGeometry:
    """The body about L5/S1 for one sex (see :class:`BodyGeometry`)."""
    seg = segment_table(sex)
    lower, middle, upper, head = (
        seg["lower_trunk"],
        seg["middle_trunk"],
        seg["upper_trunk"],
        seg["head_c7"],
    )
    cut = l5s1_fraction_of_lower_trunk
    mass_top, com_top, com_bottom = split_linear_density(lower.com_fraction, cut)
    # distances from L5/S1 along the trunk line (L5/S1 at `cut` of the lower trunk from its top)
    omphalion = cut * lower.length_m
    xiphoid = omphalion + middle.length_m
    suprasternale = xiphoid + upper.length_m
    trunk_parts = (
        (lower.mass_fraction * mass_top, omphalion - com_top * lower.length_m),
        (middle.mass_fraction, xiphoid - middle.com_fraction * middle.length_m),
        (upper.mass_fraction, suprasternale - upper.com_fraction * upper.length_m),
        (head.mass_fraction, suprasternale + (1.0 - head.com_fraction) * head.length_m),
    )
    pelvis = (lower.mass_fraction * (1.0 - mass_top), omphalion - com_bottom * lower.length_m)
    return BodyGeometry(
        sex=sex,
        reference_stature_cm=reference_stature_cm(sex),
        trunk_parts=trunk_parts,
        shoulder_m=suprasternale,
        xiphoid_m=xiphoid,
        hip_m=omphalion - lower.length_m,
        pelvis=pelvis,
        upper_arm=seg["upper_arm"],
        forearm=seg["forearm"],
        hand=seg["hand"],
        thigh=seg["thigh"],
        shank=seg["shank"],
        foot=seg["foot"],
    )
