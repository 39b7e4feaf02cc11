"""A side-view stick figure: joint angles in, joint positions out.

The frame is the biomechanics module's (:mod:`spinewise.biomechanics.skeleton`): x forward (the
way the face points when the trunk leans forward), y up, lengths in body heights. The trunk
angle is from vertical, forward positive; lying on the back is -90, lying face down +90. Limb
directions are measured as the biomechanics module measures them: degrees from "down along the
trunk" toward the front of the body (0 = arms at the sides or legs straight below the trunk,
90 = pointing forward, 180 = overhead). A bent elbow turns the forearm further toward the front;
a bent knee turns the shank back.

Segment lengths are fractions of standing height from Winter (2009), *Biomechanics and Motor
Control of Human Movement*, 4th ed., figure 4.1 (after Drillis and Contini, 1966).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal

__all__ = [
    "ARM_POINTS",
    "LEG_POINTS",
    "POINT_NAMES",
    "Limb",
    "Pose",
    "Prop",
    "Segments",
    "body_points",
    "place",
]

#: Shoulder height minus hip (greater trochanter) height, 0.818 - 0.530 (Winter 2009, fig. 4.1).
TRUNK_LEN = 0.288
#: Shoulder to the centre of the head: the head spans 0.870-1.000 of height (Winter 2009).
NECK_TO_HEAD_CENTRE = 0.117
HEAD_RADIUS = 0.062
UPPER_ARM_LEN = 0.186
#: Elbow to where the hand grips or rests: the forearm's 0.146 plus a quarter of the hand's 0.108
#: (Winter 2009), so that a hand flat on the floor sits under the shoulder as it should.
FOREARM_GRIP_LEN = 0.173
THIGH_LEN = 0.245
SHANK_LEN = 0.246
#: Ankle to the toes (most of the foot's 0.152 length lies in front of the ankle; Winter 2009).
FOOT_LEN = 0.12

Point = tuple[float, float]
PointName = Literal[
    "head",
    "shoulder",
    "hip",
    "near_elbow",
    "far_elbow",
    "near_hand",
    "far_hand",
    "near_knee",
    "far_knee",
    "near_ankle",
    "far_ankle",
    "near_toe",
    "far_toe",
]
POINT_NAMES: tuple[PointName, ...] = (
    "head",
    "shoulder",
    "hip",
    "near_elbow",
    "far_elbow",
    "near_hand",
    "far_hand",
    "near_knee",
    "far_knee",
    "near_ankle",
    "far_ankle",
    "near_toe",
    "far_toe",
)
#: (elbow, hand) of the near and the far arm.
ARM_POINTS: tuple[tuple[PointName, PointName], ...] = (
    ("near_elbow", "near_hand"),
    ("far_elbow", "far_hand"),
)
#: (knee, ankle, toe) of the near and the far leg.
LEG_POINTS: tuple[tuple[PointName, PointName, PointName], ...] = (
    ("near_knee", "near_ankle", "near_toe"),
    ("far_knee", "far_ankle", "far_toe"),
)


@dataclass(frozen=True)
class Limb:
    """One arm or leg.

    Attributes
    ----------
    root_deg
        Upper arm or thigh direction [deg from "down along the trunk" toward the front].
    bend_deg
        Elbow or knee flexion [deg], 0 = straight.
    point_deg
        For a leg: the foot pointed (plantar flexion) [deg], 0 = foot at a right angle to the shin.
    """

    root_deg: float
    bend_deg: float = 0.0
    point_deg: float = 0.0


@dataclass(frozen=True)
class Prop:
    """Equipment drawn with the figure, placed at one of the figure's points.

    Attributes
    ----------
    kind
        What to draw (``box``, ``bench``, ``chair``, ``ball``, ``wall``, ``bar``, ``dowel``,
        ``band``, ``weight``, ``plate``, ``kettlebell``, ``slider``).
    at
        The figure's point it is placed at.
    direction_deg
        For a band or cable: the direction of its anchor from ``at`` [deg, 0 = forward,
        90 = up]. For a bench or box: its length [body heights], reaching forward from a little
        behind ``at`` (0 = the usual length, centred on ``at``).
    """

    kind: str
    at: PointName
    direction_deg: float = 0.0


@dataclass(frozen=True)
class Pose:
    """One position of the whole body (side view).

    Attributes
    ----------
    trunk_deg
        Trunk from vertical [deg], forward positive (face down lying +90, on the back -90).
    near_arm, far_arm, near_leg, far_leg
        The limbs nearer to and further from the viewer.
    curve
        Spine curve as a fraction of trunk length: positive rounds the back, negative arches it.
    neck_deg
        Head bent toward the chest [deg] (negative: looking up).
    ground
        How the figure rests: ``"point"`` puts that point on the floor, ``"point@h"`` at height
        ``h`` [body heights]. Two entries tilt the whole figure (its joint angles kept) so that
        both rest at their heights; none puts the lowest point of the body on the floor.
    props
        Equipment to draw.
    """

    trunk_deg: float
    near_arm: Limb
    far_arm: Limb
    near_leg: Limb
    far_leg: Limb
    curve: float = 0.0
    neck_deg: float = 0.0
    ground: tuple[str, ...] = ()
    props: tuple[Prop, ...] = ()

    def signature(self) -> tuple[float, ...]:
        """The pose's angles as numbers (two poses that look alike have close signatures)."""
        limbs = (self.near_arm, self.far_arm, self.near_leg, self.far_leg)
        return (
            self.trunk_deg,
            self.curve,
            self.neck_deg,
            *(v for limb in limbs for v in (limb.root_deg, limb.bend_deg, limb.point_deg)),
        )


@dataclass(frozen=True)
class Segments:
    """Joint positions of a placed figure [body heights], plus the spine's bend point."""

    points: dict[PointName, Point]
    spine_control: Point

    def moved(self, dx: float, dy: float) -> Segments:
        """The same figure shifted by (dx, dy)."""
        return Segments(
            {k: (x + dx, y + dy) for k, (x, y) in self.points.items()},
            (self.spine_control[0] + dx, self.spine_control[1] + dy),
        )


def _direction(gamma_deg: float, theta_deg: float) -> Point:
    """Unit vector at ``gamma_deg`` from "down the trunk" toward the front (biomechanics frame)."""
    phi = math.radians(gamma_deg - theta_deg)
    return (math.sin(phi), -math.cos(phi))


def _add(p: Point, d: Point, length: float) -> Point:
    return (p[0] + d[0] * length, p[1] + d[1] * length)


def body_points(pose: Pose) -> Segments:
    """Joint positions with the hip at the origin and the trunk at ``pose.trunk_deg``."""
    theta = pose.trunk_deg
    hip: Point = (0.0, 0.0)
    up = _direction(180.0, theta)
    shoulder = _add(hip, up, TRUNK_LEN)
    back = _direction(-90.0, theta)
    middle = _add(hip, up, TRUNK_LEN / 2)
    control = _add(middle, back, pose.curve * TRUNK_LEN)
    head = _add(shoulder, _direction(180.0 - pose.neck_deg, theta), NECK_TO_HEAD_CENTRE)
    pts: dict[PointName, Point] = {"head": head, "shoulder": shoulder, "hip": hip}
    for (elbow_name, hand_name), arm in zip(ARM_POINTS, (pose.near_arm, pose.far_arm), strict=True):
        elbow = _add(shoulder, _direction(arm.root_deg, theta), UPPER_ARM_LEN)
        pts[elbow_name] = elbow
        pts[hand_name] = _add(
            elbow, _direction(arm.root_deg + arm.bend_deg, theta), FOREARM_GRIP_LEN
        )
    for (knee_name, ankle_name, toe_name), leg in zip(
        LEG_POINTS, (pose.near_leg, pose.far_leg), strict=True
    ):
        knee = _add(hip, _direction(leg.root_deg, theta), THIGH_LEN)
        shank = leg.root_deg - leg.bend_deg
        ankle = _add(knee, _direction(shank, theta), SHANK_LEN)
        pts[knee_name] = knee
        pts[ankle_name] = ankle
        pts[toe_name] = _add(ankle, _direction(shank + 90.0 - leg.point_deg, theta), FOOT_LEN)
    return Segments(pts, control)


def _rotated(seg: Segments, angle_rad: float) -> Segments:
    c, s = math.cos(angle_rad), math.sin(angle_rad)

    def rot(p: Point) -> Point:
        return (p[0] * c - p[1] * s, p[0] * s + p[1] * c)

    return Segments({k: rot(p) for k, p in seg.points.items()}, rot(seg.spine_control))


#: How far the skin lies below each joint centre when it rests on something [body heights]
#: (drawn for the project: half the thickness of the part, by eye).
SURFACE_DEPTH: dict[str, float] = {
    "head": HEAD_RADIUS,
    "shoulder": 0.055,
    "hip": 0.055,
    "elbow": 0.025,
    "hand": 0.015,
    "knee": 0.03,
    "ankle": 0.035,
    "toe": 0.01,
}


#: How far below the floor a tilted figure may reach before the other tilt is preferred.
FLOOR_TOLERANCE = 0.02


def _depth(name: str) -> float:
    return SURFACE_DEPTH[name.removeprefix("near_").removeprefix("far_")]


def _parse_ground(entry: str) -> tuple[PointName, float]:
    """``"point"`` or ``"point@height"`` as (point, height of the joint centre)."""
    name, _, height = entry.partition("@")
    if name not in POINT_NAMES:
        raise ValueError(f"unknown point {name!r} in ground entry {entry!r}")
    surface = float(height) if height else 0.0
    return name, surface + _depth(name)


def _lowest_body_y(seg: Segments) -> float:
    """The lowest skin point of the body: joint centres less the skin's depth below them."""
    return min(y - _depth(k) for k, (_, y) in seg.points.items())


def place(pose: Pose) -> tuple[Pose, Segments]:
    """Put a pose on the floor (module docstring of :class:`Pose`, ``ground``).

    Returns the pose (with its trunk angle changed when two ground points tilt the figure) and the
    placed joint positions, the floor at y = 0.
    """
    seg = body_points(pose)
    if len(pose.ground) > 2:
        raise ValueError(f"at most two ground points, got {pose.ground}")
    if len(pose.ground) == 2:
        (a, ha), (b, hb) = (_parse_ground(g) for g in pose.ground)
        pa, pb = seg.points[a], seg.points[b]
        dx, dy = pb[0] - pa[0], pb[1] - pa[1]
        dist = math.hypot(dx, dy)
        if dist < 1e-6:
            raise ValueError(f"ground points {a} and {b} coincide")
        want = math.asin(max(-1.0, min(1.0, (hb - ha) / dist)))
        current = math.atan2(dy, dx)
        # two tilts put the points at their heights: keep the one that keeps the body off the
        # floor, and of two such the one nearer the trunk angle asked for
        best: tuple[tuple[bool, float], float, Segments] | None = None
        for target in (want, math.pi - want):
            turn = (target - current + math.pi) % (2 * math.pi) - math.pi
            cand = _rotated(seg, turn)
            qa = cand.points[a]
            cand = cand.moved(-qa[0], ha - qa[1])
            key = (_lowest_body_y(cand) < -FLOOR_TOLERANCE, abs(turn))
            if best is None or key < best[0]:
                best = (key, turn, cand)
        assert best is not None
        _, turn, seg = best
        turned = (pose.trunk_deg - math.degrees(turn) + 180.0) % 360.0 - 180.0
        pose = replace(pose, trunk_deg=round(turned, 6))
        return pose, seg
    if len(pose.ground) == 1:
        a, ha = _parse_ground(pose.ground[0])
        pa = seg.points[a]
        return pose, seg.moved(-pa[0], ha - pa[1])
    return pose, seg.moved(0.0, -_lowest_body_y(seg))
