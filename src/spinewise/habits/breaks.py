"""Movement breaks: only where sitting or standing brings pain on, or for desk work.

Rules (docs/science/habits.md):

- a plan gets breaks when ``posture_triggers`` is not empty or ``desk_work`` is a goal;
- every 30 minutes when a posture triggers pain (the interval of Thorp et al. 2014 [1]_), every
  45 minutes for desk work alone (a design choice); one or two minutes each;
- the menu: catalogue exercises that need no equipment (``equipment == ()``), are done standing,
  load none of the athlete's sensitivities, stay at level 2 or below (and the athlete's cap), train
  mobility or motor control (or have the breathing or mobility-drill pattern), are neither fast nor
  conditioning work, and take at most 90 s for one set. Breaks do not change with phase or deload:
  they answer to the sitting, not to fitness;
- the direction of sensitivity (decision 0210): for an extension-sensitive person the menu also
  leaves out what moves into extension by its posture though it is not tagged so: a back-bend
  (trunk behind vertical), a hip driven behind the body, or a split-stance (long) lunge;
- when standing provokes the pain, the break starts by sitting or putting one foot up on a low
  step, and the menu leaves out holds done standing still (standing still is the trigger).

References
----------
.. [1] Thorp AA, Kingwell BA, Owen N, Dunstan DW (2014). Breaking up workplace sitting time with
   intermittent standing bouts improves fatigue and musculoskeletal discomfort in overweight/obese
   office workers. Occup Environ Med 71(11):765-771.
.. [2] Gregory DE, Callaghan JP (2008). Prolonged standing as a precursor for the development of
   low back discomfort. Gait Posture 28:86-92.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinewise.catalog import Catalog, Exercise, tempo_seconds
from spinewise.habits.rules import BreakRules
from spinewise.habits.sections import BreakMove, MovementBreaks, Source

if TYPE_CHECKING:
    from spinewise.planning.request import PlanRequest

__all__ = [
    "break_menu",
    "breaks_apply",
    "build_movement_breaks",
    "moves_into_extension",
    "one_set_s",
]

_GENTLE_QUALITIES = frozenset({"mobility", "motor_control"})
_GENTLE_PATTERNS = frozenset({"breathing", "mobility_drill"})
_HARD_QUALITIES = frozenset({"rate_of_force_development", "metabolic_conditioning", "max_strength"})
_FAST_PATTERNS = frozenset({"jump", "throw"})


def breaks_apply(request: PlanRequest) -> bool:
    """Whether the plan gets movement breaks: a posture trigger, or desk work as a goal."""
    return bool(request.posture_triggers) or "desk_work" in request.goals


def one_set_s(ex: Exercise) -> float:
    """Seconds one set of the default dose takes, both sides counted (inf for distances).

    Examples
    --------
    >>> from spinewise.catalog import load_catalog
    >>> one_set_s(load_catalog().get("brace_and_breathe"))
    30.0
    """
    dose = ex.dose
    sides = 2 if dose.per_side else 1
    if dose.hold_s is not None:
        return dose.hold_s * sides
    if dose.reps is not None:
        return dose.reps * tempo_seconds(dose.tempo) * sides
    return float("inf")


def moves_into_extension(ex: Exercise) -> bool:
    """Whether an exercise moves the low back into extension, by its tag or its posture.

    Tagged ``extension``; or its posture leans the trunk behind vertical (a standing back-bend) or
    drives the hip behind the body (hip flexion below 0 deg: a hip-flexor stretch); or it is a
    split-stance lunge, whose back hip is extended behind the body (a long lunge pulls the lumbar
    spine toward extension). A design choice from the posture descriptors, not a measured angle.

    Examples
    --------
    >>> from spinewise.catalog import load_catalog
    >>> moves_into_extension(load_catalog().get("worlds_greatest_stretch"))
    True
    >>> moves_into_extension(load_catalog().get("bodyweight_squat"))
    False
    """
    if "extension" in ex.sensitivities:
        return True
    if "lunge" in ex.patterns and ex.laterality == "split":
        return True
    p = ex.posture
    return p is not None and (p.trunk_flexion_deg < 0 or p.hip_flexion_deg < 0)


def break_menu(
    catalog: Catalog,
    sensitivities: frozenset[str],
    rules: BreakRules,
    max_level: int | None = None,
    posture_triggers: frozenset[str] = frozenset(),
) -> tuple[Exercise, ...]:
    """The break menu, best first: gentle standing drills that need nothing.

    Parameters
    ----------
    catalog
        The exercise catalogue.
    sensitivities
        The athlete's sensitivities; no menu item loads any of them, and for ``extension`` none
        moves into extension by its posture (:func:`moves_into_extension`).
    rules
        Supplies ``max_level``, ``max_item_s`` and ``menu_size``.
    max_level
        The athlete's level cap, if any.
    posture_triggers
        ``prolonged_standing`` here leaves out holds done standing still.
    """
    cap = rules.max_level if max_level is None else min(rules.max_level, max_level)
    standing_hurts = "prolonged_standing" in posture_triggers

    def fits(ex: Exercise) -> bool:
        return (
            ex.equipment == ()
            and not set(ex.sensitivities) & sensitivities
            and not ("extension" in sensitivities and moves_into_extension(ex))
            and not (standing_hurts and ex.dose.hold_s is not None)
            and ex.level <= cap
            and ex.posture is not None
            and ex.posture.support == "standing"
            and bool(set(ex.qualities) & _GENTLE_QUALITIES or set(ex.patterns) & _GENTLE_PATTERNS)
            and not set(ex.qualities) & _HARD_QUALITIES
            and not set(ex.patterns) & _FAST_PATTERNS
            and ex.loading != "ballistic"
            and one_set_s(ex) <= rules.max_item_s
        )

    def rank(ex: Exercise) -> tuple[int, int, str]:
        kind = 0 if set(ex.patterns) & _GENTLE_PATTERNS else 1 if "mobility" in ex.qualities else 2
        return (kind, ex.level, ex.id)

    return tuple(sorted(filter(fits, catalog), key=rank))[: rules.menu_size]


def _dose_text(ex: Exercise) -> str:
    d = ex.dose
    side = " per side" if d.per_side else ""
    if d.hold_s is not None:
        return f"1 x {d.hold_s:g} s hold{side}"
    return f"1 x {d.reps} reps{side}"


def _why(request: PlanRequest, interval_min: int) -> list[str]:
    why: list[str] = []
    if "prolonged_sitting" in request.posture_triggers:
        why.append(
            "Long sitting aggravates your pain. Breaking it up before the pain builds is the "
            f"simplest fix: office workers who changed position every {interval_min} minutes had "
            "less lower-back discomfort than when they sat all day."
        )
    if "prolonged_standing" in request.posture_triggers:
        why.append(
            "Long standing aggravates your pain. Standing still is the hard part for most people: "
            "sit for a minute, put one foot up on a low step, or walk."
        )
    if "desk_work" in request.goals and not request.posture_triggers:
        why.append(
            "Your goals include desk work. There is no single correct posture; what helps is "
            "changing position often."
        )
    return why


def build_movement_breaks(
    request: PlanRequest, catalog: Catalog, rules: BreakRules, page: str | None
) -> MovementBreaks | None:
    """The ``habits.movement_breaks`` section, or None when breaks do not apply."""
    if not breaks_apply(request):
        return None
    interval = rules.interval_min_triggered if request.posture_triggers else rules.interval_min_desk
    menu = break_menu(
        catalog, request.sensitivities, rules, request.max_level, request.posture_triggers
    )
    if "prolonged_standing" in request.posture_triggers:
        what = (
            "Get off your feet: sit down for a minute, or put one foot up on a low step; then, "
            "if you like, walk a few steps or pick one or two moves from the menu. Set a timer: "
            "take the break before the pain builds."
        )
    else:
        what = (
            "Stand up, walk a few steps, and come back in a different position; or pick one "
            "or two moves from the menu. Set a timer: take the break before the pain builds."
        )
    return MovementBreaks(
        id="movement_breaks",
        title="Movement breaks",
        what=what,
        why=tuple(_why(request, interval)),
        triggers=tuple(sorted(request.posture_triggers)),
        every_min=interval,
        duration_min=rules.duration_min,
        menu=tuple(
            BreakMove(
                exercise_id=ex.id,
                name=ex.name,
                dose=_dose_text(ex),
                seconds=round(one_set_s(ex)),
            )
            for ex in menu
        ),
        by_phase="The same in every phase and in deload weeks: breaks answer to the sitting "
        "or standing, not to fitness.",
        sources=Source.of_all(rules.sources),
        page=page,
    )
