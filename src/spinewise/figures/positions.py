"""Start and end positions of every catalogue exercise, from its posture and a drawing template.

Each exercise's catalogue ``posture`` (:class:`~spinewise.catalog.Posture`, the position the
biomechanics module loads) supplies one of the two positions; the other, and whatever the posture
does not say (which leg is forward, what the free arm does, what rests on the floor, the
equipment), comes from a template in ``data/figures.toml``, with per-exercise changes there. That
file's angles were drawn for the project, not measured.

A position spec is a table; its keys (all optional) are:

``base``
    ``"posture"`` starts from the catalogue posture, ``"neutral"`` (the default) from standing tall
    with the arms at the sides.
``support``
    How the body is supported (a catalogue support); lying on the back turns the trunk angle
    into the figure's -90 convention. Defaults to the posture's.
``trunk``, ``curve``, ``neck``
    Trunk from vertical [deg] in the catalogue's convention (lying flat is 90 face down or on the
    back), spine curve (fraction of trunk length, positive rounds), head bent forward [deg].
``hip``, ``knee``, ``point``
    Both legs' hip and knee flexion and foot pointing [deg]; ``near_`` or ``far_`` in front of a
    key sets one leg. ``hip_abs`` (and ``near_hip_abs``, ``far_hip_abs``) gives the thigh's
    direction from straight down toward the front instead [deg]. ``hip_floor = true`` reads the
    hip angle as the legs' lift from the floor (prone positions with the chest raised).
``arms``
    A catalogue arm position (``sides``, ``hanging``, ``chest``, ``shoulders``, ``forward``,
    ``overhead``, ``floor``) or ``rowed`` (elbows pulled back, forearms along the posture's line
    of pull); ``near_arms``, ``far_arms`` set one arm. ``shoulder``, ``elbow`` and their
    ``near_``/``far_`` forms give the angles [deg] directly.
``ground``, ``props``
    As in :class:`~spinewise.figures.body.Pose`; a prop is ``"kind@point"`` or
    ``"kind@point@direction_deg"``.
``held``
    ``false`` leaves out the equipment the hands would hold.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from spinewise.biomechanics.skeleton import arm_angles
from spinewise.catalog.entities import Exercise, Posture
from spinewise.figures.body import POINT_NAMES, Limb, Pose, Prop

__all__ = ["FigureData", "Positions", "figure_data", "positions"]

_LYING = frozenset({"supine", "prone", "side_lying"})
_LIMB_KEYS = ("hip", "knee", "point", "hip_abs", "shoulder", "elbow", "arms")
_KEYS = frozenset(
    {
        "base",
        "support",
        "trunk",
        "curve",
        "neck",
        "hip_floor",
        "ground",
        "props",
        "held",
        *_LIMB_KEYS,
        *(f"{side}_{k}" for side in ("near", "far") for k in _LIMB_KEYS),
    }
)
_NAMED_ARMS = frozenset({"sides", "hanging", "chest", "shoulders", "forward", "overhead", "floor"})


@dataclass(frozen=True)
class FigureData:
    """The drawing data: templates and per-exercise entries (``data/figures.toml``)."""

    templates: dict[str, dict[str, dict[str, Any]]]
    exercises: dict[str, dict[str, Any]]
    defaults: dict[str, str]


@dataclass(frozen=True)
class Positions:
    """An exercise's two positions, ready to draw."""

    start: Pose
    end: Pose
    template: str


@cache
def figure_data() -> FigureData:
    """The packaged drawing data."""
    raw = tomllib.loads(files("spinewise.figures").joinpath("data/figures.toml").read_text("utf-8"))
    return parse_figure_data(raw)


def parse_figure_data(raw: dict[str, Any]) -> FigureData:
    """Check and wrap a parsed ``figures.toml``; raises ``ValueError`` on an unknown key."""
    templates = raw.get("templates", {})
    exercises = raw.get("exercises", {})
    defaults = raw.get("defaults", {})
    for name, tpl in templates.items():
        for key, spec in tpl.items():
            if key not in ("start", "end", "about"):
                raise ValueError(f"template {name}: unknown key {key!r}")
            if key != "about":
                _check_spec(f"template {name} {key}", spec)
    for ex_id, entry in exercises.items():
        for key, spec in entry.items():
            if key == "template":
                if spec not in templates:
                    raise ValueError(f"exercise {ex_id}: unknown template {spec!r}")
            elif key in ("start", "end", "both"):
                _check_spec(f"exercise {ex_id} {key}", spec)
            else:
                raise ValueError(f"exercise {ex_id}: unknown key {key!r}")
    for key, name in defaults.items():
        if name not in templates:
            raise ValueError(f"default for {key}: unknown template {name!r}")
    return FigureData(templates, exercises, defaults)


def _check_spec(where: str, spec: dict[str, Any]) -> None:
    unknown = sorted(set(spec) - _KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown}")
    for g in spec.get("ground", []):
        if g.partition("@")[0] not in POINT_NAMES:
            raise ValueError(f"{where}: unknown ground point in {g!r}")
    for p in spec.get("props", []):
        parts = p.split("@")
        if len(parts) < 2 or parts[1] not in POINT_NAMES:
            raise ValueError(f"{where}: a prop is kind@point[@degrees], got {p!r}")


def template_name(ex: Exercise, data: FigureData) -> str:
    """The template an exercise is drawn with: its own entry's, else its support's default."""
    entry = data.exercises.get(ex.id, {})
    if "template" in entry:
        return str(entry["template"])
    support = ex.posture.support if ex.posture is not None else "standing"
    return data.defaults.get(f"{support}.{ex.patterns[0]}", data.defaults[support])


def positions(ex: Exercise, data: FigureData | None = None) -> Positions:
    """The exercise's start and end positions."""
    data = figure_data() if data is None else data
    name = template_name(ex, data)
    tpl = data.templates[name]
    entry = data.exercises.get(ex.id, {})
    posture = ex.posture or Posture(support="standing")
    specs = []
    for which in ("start", "end"):
        spec = {**tpl.get(which, {}), **entry.get("both", {}), **entry.get(which, {})}
        specs.append(spec)
    start, end = (_pose(spec, posture, ex.equipment) for spec in specs)
    return Positions(start, end, name)


def _trunk_deg(support: str, trunk: float, from_posture: bool) -> float:
    """The figure's trunk angle from a catalogue one (module docstring of :mod:`.body`)."""
    if from_posture and support in _LYING and trunk < 45.0:
        trunk = 90.0  # as the biomechanics module reads lying postures
    return -trunk if support == "supine" else trunk


def _floor_arms(support: str, theta: float) -> tuple[float, float]:
    """(upper arm, elbow) [deg] for arms resting on the floor, by support."""
    if support in ("prone", "side_lying"):
        return 90.0, 90.0  # forearms on the floor under the shoulders
    if support == "quadruped":
        return 90.0, 0.0  # hands under the shoulders
    if support == "supine":
        return 0.0, 0.0  # arms on the floor by the sides
    if support == "kneeling":
        return 180.0, 0.0  # reaching forward along the floor
    if support == "seated":
        return -30.0, 0.0  # hands on the floor behind
    return theta, 0.0  # standing or half-kneeling: hands down to the floor


def _arm(name: str, support: str, theta: float, pull_forearm_deg: float) -> tuple[float, float]:
    """(upper arm, elbow flexion) [deg] for a named arm position."""
    if name == "floor":
        return _floor_arms(support, theta)
    if name == "rowed":
        upper = -20.0
        return upper, max(0.0, pull_forearm_deg - upper)
    if name not in _NAMED_ARMS:
        raise ValueError(f"unknown arm position {name!r}")
    # the biomechanics module's directions, measured the same way (catalogue trunk angle)
    supine = support == "supine"
    upper, forearm = arm_angles(name, -theta if supine else theta, supine)
    return upper, forearm - upper


def _pose(spec: dict[str, Any], posture: Posture, equipment: tuple[str, ...]) -> Pose:
    from_posture = spec.get("base", "neutral") == "posture"
    support = str(spec.get("support", posture.support))
    arms: str
    if from_posture:
        trunk = _trunk_deg(support, float(spec.get("trunk", posture.trunk_flexion_deg)), True)
        hip, knee, arms = posture.hip_flexion_deg, posture.knee_flexion_deg, posture.arms
    else:
        trunk = _trunk_deg(support, float(spec.get("trunk", 0.0)), False)
        hip, knee, arms = 0.0, 0.0, "sides"
    if spec.get("hip_floor"):
        hip = hip + abs(trunk) - 90.0 if trunk >= 0 else hip
    hip = float(spec.get("hip", hip))
    knee = float(spec.get("knee", knee))
    arms = str(spec.get("arms", arms))
    if arms == "posture":
        arms = posture.arms
    # the line of pull (for "rowed" arms): where the posture's forearms point
    posture_trunk = _trunk_deg(posture.support, posture.trunk_flexion_deg, True)
    pull_forearm = sum(_arm(posture.arms, posture.support, posture_trunk, 0.0))
    limbs: dict[str, Limb] = {}
    for side in ("near", "far"):

        def get(key: str, default: float, side: str = side) -> float:
            return float(spec.get(f"{side}_{key}", spec.get(key, default)))

        leg_hip = get("hip", hip)
        if f"{side}_hip_abs" in spec or "hip_abs" in spec:
            leg_hip = get("hip_abs", 0.0) + trunk
        limbs[f"{side}_leg"] = Limb(leg_hip, get("knee", knee), get("point", 0.0))
        arm_name = str(spec.get(f"{side}_arms", arms))
        arm_name = posture.arms if arm_name == "posture" else arm_name
        upper, elbow = _arm(arm_name, support, trunk, pull_forearm)
        limbs[f"{side}_arm"] = Limb(get("shoulder", upper), get("elbow", elbow))
    props = tuple(_prop(p) for p in spec.get("props", []))
    if spec.get("held", True):
        props += tuple(h for h in _held(equipment, arms) if h.kind not in {p.kind for p in props})
    return Pose(
        trunk_deg=trunk,
        near_arm=limbs["near_arm"],
        far_arm=limbs["far_arm"],
        near_leg=limbs["near_leg"],
        far_leg=limbs["far_leg"],
        curve=float(spec.get("curve", 0.0)),
        neck_deg=float(spec.get("neck", 0.0)),
        ground=tuple(spec.get("ground", ())),
        props=props,
    )


def _prop(text: str) -> Prop:
    kind, at, *rest = text.split("@")
    return Prop(kind, at, float(rest[0]) if rest else 0.0)  # type: ignore[arg-type]


#: What the hands hold, by catalogue equipment (first match wins).
_HELD = (
    ("barbell", "plate"),
    ("trap_bar", "plate"),
    ("kettlebell", "kettlebell"),
    ("dumbbell", "dumbbell"),
    ("medicine_ball", "medicine_ball"),
    ("cable", "band"),
    ("band", "band"),
)


def _held(equipment: tuple[str, ...], arms: str) -> tuple[Prop, ...]:
    if arms == "floor":
        return ()
    for item, kind in _HELD:
        if item in equipment:
            on_shoulders = kind == "plate" and arms == "shoulders"
            return (Prop(kind, "shoulder" if on_shoulders else "near_hand"),)
    return ()
