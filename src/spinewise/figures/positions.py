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
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from spinewise.biomechanics.skeleton import arm_angles
from spinewise.catalog.entities import Exercise, Posture
from spinewise.figures.body import POINT_NAMES, Limb, Pose, Prop

__all__ = ["Entry", "FigureData", "Positions", "Spec", "Template", "figure_data", "positions"]

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


#: A value a position gives: an angle [deg], a name (support, arms, base), a switch, or a list
#: of points (``ground``) or props.
SpecValue = float | str | bool | list[str]
#: One position as the data file gives it: keys from :data:`_KEYS`, values checked on reading.
Spec = dict[str, SpecValue]


@dataclass(frozen=True)
class Template:
    """A way of drawing a kind of exercise: its start and end positions."""

    about: str
    start: Spec
    end: Spec


@dataclass(frozen=True)
class Entry:
    """One exercise's own drawing data: its template and the keys it changes."""

    template: str | None = None
    start: Spec = field(default_factory=dict)
    end: Spec = field(default_factory=dict)
    both: Spec = field(default_factory=dict)


@dataclass(frozen=True)
class FigureData:
    """The drawing data: templates and per-exercise entries (``data/figures.toml``)."""

    templates: dict[str, Template]
    exercises: dict[str, Entry]
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


def parse_figure_data(raw: Mapping[str, Any]) -> FigureData:  # I/O edge: the parsed TOML
    """Check and wrap a parsed ``figures.toml``; raises ``ValueError`` on an unknown key."""
    defaults = {str(k): str(v) for k, v in raw.get("defaults", {}).items()}
    templates: dict[str, Template] = {}
    for name, tpl in raw.get("templates", {}).items():
        for key in tpl:
            if key not in ("start", "end", "about"):
                raise ValueError(f"template {name}: unknown key {key!r}")
        templates[name] = Template(
            str(tpl.get("about", "")),
            _check_spec(f"template {name} start", tpl.get("start", {})),
            _check_spec(f"template {name} end", tpl.get("end", {})),
        )
    exercises: dict[str, Entry] = {}
    for ex_id, entry in raw.get("exercises", {}).items():
        specs: dict[str, Spec] = {}
        for key, spec in entry.items():
            if key == "template":
                if spec not in templates:
                    raise ValueError(f"exercise {ex_id}: unknown template {spec!r}")
            elif key in ("start", "end", "both"):
                specs[key] = _check_spec(f"exercise {ex_id} {key}", spec)
            else:
                raise ValueError(f"exercise {ex_id}: unknown key {key!r}")
        template = entry.get("template")
        exercises[ex_id] = Entry(None if template is None else str(template), **specs)
    for key, name in defaults.items():
        if name not in templates:
            raise ValueError(f"default for {key}: unknown template {name!r}")
    return FigureData(templates, exercises, defaults)


def _check_spec(where: str, spec: Mapping[str, object]) -> Spec:
    """A position's keys and values checked: known keys, numbers, names, switches, lists."""
    unknown = sorted(set(spec) - _KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown}")
    out: Spec = {}
    for key, value in spec.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = [str(v) for v in value]
        elif isinstance(value, bool | str):
            out[key] = value
        elif isinstance(value, int | float):
            out[key] = float(value)
        else:
            raise ValueError(f"{where}: {key} must be a number, a name or a list, got {value!r}")
    for g in _names(out, "ground"):
        if g.partition("@")[0] not in POINT_NAMES:
            raise ValueError(f"{where}: unknown ground point in {g!r}")
    for p in _names(out, "props"):
        parts = p.split("@")
        if len(parts) < 2 or parts[1] not in POINT_NAMES:
            raise ValueError(f"{where}: a prop is kind@point[@degrees], got {p!r}")
    return out


def _num(spec: Spec, key: str, default: float) -> float:
    value = spec.get(key)
    return float(value) if isinstance(value, float) else default


def _name(spec: Spec, key: str, default: str) -> str:
    value = spec.get(key)
    return value if isinstance(value, str) else default


def _flag(spec: Spec, key: str, default: bool) -> bool:
    value = spec.get(key)
    return value if isinstance(value, bool) else default


def _names(spec: Spec, key: str) -> list[str]:
    value = spec.get(key)
    return value if isinstance(value, list) else []


def template_name(ex: Exercise, data: FigureData) -> str:
    """The template an exercise is drawn with: its own entry's, else its support's default."""
    entry = data.exercises.get(ex.id, Entry())
    if entry.template is not None:
        return entry.template
    support = ex.posture.support if ex.posture is not None else "standing"
    return data.defaults.get(f"{support}.{ex.patterns[0]}", data.defaults[support])


def positions(ex: Exercise, data: FigureData | None = None) -> Positions:
    """The exercise's start and end positions."""
    data = figure_data() if data is None else data
    name = template_name(ex, data)
    tpl = data.templates[name]
    entry = data.exercises.get(ex.id, Entry())
    posture = ex.posture or Posture(support="standing")
    specs = [{**tpl.start, **entry.both, **entry.start}, {**tpl.end, **entry.both, **entry.end}]
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


def _pose(spec: Spec, posture: Posture, equipment: tuple[str, ...]) -> Pose:
    from_posture = _name(spec, "base", "neutral") == "posture"
    support = _name(spec, "support", posture.support)
    arms: str
    if from_posture:
        trunk = _trunk_deg(support, _num(spec, "trunk", posture.trunk_flexion_deg), True)
        hip, knee, arms = posture.hip_flexion_deg, posture.knee_flexion_deg, posture.arms
    else:
        trunk = _trunk_deg(support, _num(spec, "trunk", 0.0), False)
        hip, knee, arms = 0.0, 0.0, "sides"
    if _flag(spec, "hip_floor", False):
        hip = hip + abs(trunk) - 90.0 if trunk >= 0 else hip
    hip = _num(spec, "hip", hip)
    knee = _num(spec, "knee", knee)
    arms = _name(spec, "arms", arms)
    if arms == "posture":
        arms = posture.arms
    # the line of pull (for "rowed" arms): where the posture's forearms point
    posture_trunk = _trunk_deg(posture.support, posture.trunk_flexion_deg, True)
    pull_forearm = sum(_arm(posture.arms, posture.support, posture_trunk, 0.0))
    limbs: dict[str, Limb] = {}
    for side in ("near", "far"):

        def get(key: str, default: float, side: str = side) -> float:
            return _num(spec, f"{side}_{key}", _num(spec, key, default))

        leg_hip = get("hip", hip)
        if f"{side}_hip_abs" in spec or "hip_abs" in spec:
            leg_hip = get("hip_abs", 0.0) + trunk
        limbs[f"{side}_leg"] = Limb(leg_hip, get("knee", knee), get("point", 0.0))
        arm_name = _name(spec, f"{side}_arms", arms)
        arm_name = posture.arms if arm_name == "posture" else arm_name
        upper, elbow = _arm(arm_name, support, trunk, pull_forearm)
        limbs[f"{side}_arm"] = Limb(get("shoulder", upper), get("elbow", elbow))
    props = tuple(_prop(p) for p in _names(spec, "props"))
    if _flag(spec, "held", True):
        props += tuple(h for h in _held(equipment, arms) if h.kind not in {p.kind for p in props})
    return Pose(
        trunk_deg=trunk,
        near_arm=limbs["near_arm"],
        far_arm=limbs["far_arm"],
        near_leg=limbs["near_leg"],
        far_leg=limbs["far_leg"],
        curve=_num(spec, "curve", 0.0),
        neck_deg=_num(spec, "neck", 0.0),
        ground=tuple(_names(spec, "ground")),
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
