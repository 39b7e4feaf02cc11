"""Segment positions of a whole body in a catalogue posture (the face-forward frame).

x points forward (the way the head points when the trunk leans forward), z up, origin at L5/S1;
supine postures are mirrored into this frame by negating the trunk angle. Arm and leg directions
are measured from "down along the trunk" toward the front of the body, as in
:func:`spinewise.biomechanics.l5s1_load`.
"""

from __future__ import annotations

import numpy as np

from spinewise.biomechanics.anthropometry import BodyGeometry
from spinewise.biomechanics.l5s1 import FloatArray, segment_direction, upper_body_points
from spinewise.catalog.entities import Posture

__all__ = ["Frame", "arm_angles", "as_array"]


def arm_angles(arms: str, theta_deg: float, supine: bool) -> tuple[float, float]:
    """Upper-arm and forearm directions (degrees from "down the trunk" toward the front)."""
    if arms == "hanging":
        return theta_deg, theta_deg
    if arms == "forward":
        return (90.0, 90.0) if supine else (theta_deg + 90.0, theta_deg + 90.0)
    table = {
        "sides": (0.0, 0.0),
        "chest": (20.0, 150.0),
        "shoulders": (0.0, 170.0),
        "overhead": (180.0, 180.0),
        "floor": (0.0, 0.0),
    }
    return table[arms]


def as_array(value: float) -> FloatArray:
    """A float as a 0-d float64 array."""
    return np.asarray(value, dtype=np.float64)


class Frame:
    """Segment positions for one posture in the face-forward frame (x forward, z up, at L5/S1).

    Attributes: ``upper`` (:class:`~spinewise.biomechanics.l5s1.UpperBodyPoints`), ``hip``,
    ``knee``, ``ankle`` ((x, z) [m]), ``pelvis_x``, ``thigh_x``, ``shank_x`` (centres of mass [m]).
    """

    def __init__(
        self, body: BodyGeometry, theta_deg: float, scale: float, p: Posture, supine: bool
    ) -> None:
        self.body = body
        self.scale = scale
        self.theta = np.radians(as_array(theta_deg))
        ua, fa = arm_angles(p.arms, theta_deg, supine)
        self.upper = upper_body_points(
            body, self.theta, as_array(scale), as_array(ua), as_array(fa)
        )
        sin_t, cos_t = float(np.sin(self.theta)), float(np.cos(self.theta))
        self.hip = (body.hip_m * scale * sin_t, body.hip_m * scale * cos_t)
        self.pelvis_x = body.pelvis[1] * scale * sin_t
        tx, tz = (float(v) for v in segment_direction(as_array(p.hip_flexion_deg), self.theta))
        gamma_shank = p.hip_flexion_deg - p.knee_flexion_deg
        sx, sz = (float(v) for v in segment_direction(as_array(gamma_shank), self.theta))
        th, sh = body.thigh, body.shank
        self.knee = (self.hip[0] + th.length_m * scale * tx, self.hip[1] + th.length_m * scale * tz)
        self.ankle = (
            self.knee[0] + sh.length_m * scale * sx,
            self.knee[1] + sh.length_m * scale * sz,
        )
        self.thigh_x = self.hip[0] + th.com_fraction * th.length_m * scale * tx
        self.shank_x = self.knee[0] + sh.com_fraction * sh.length_m * scale * sx

    def legs(self, with_shanks: bool = True) -> list[tuple[float, float]]:
        """(mass fraction, x) of both legs' segments."""
        b = self.body
        parts = [(2 * b.thigh.mass_fraction, self.thigh_x)]
        if with_shanks:
            parts += [
                (2 * b.shank.mass_fraction, self.shank_x),
                (2 * b.foot.mass_fraction, self.ankle[0]),
            ]
        return parts
