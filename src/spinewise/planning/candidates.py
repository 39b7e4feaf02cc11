"""Which exercises an athlete may get, and the classes of exercise the rules talk about.

Everything here is a plain predicate on an exercise, shared by the model's rules and the
solver-independent validator so that both mean the same thing by "heavy hinge" or "throw".
"""

from __future__ import annotations

from collections.abc import Iterable

from spinewise.catalog import Catalog, Exercise
from spinewise.catalog.ballistic import load_ballistic_rules
from spinewise.catalog.exclusions import excluded_exercises
from spinewise.habits.balance import SUPPORT, needs_balance_practice
from spinewise.habits.rules import load_habit_rules
from spinewise.planning.periodization import Phase
from spinewise.planning.request import PlanRequest

__all__ = [
    "BASE_MAX_LEVEL",
    "FALL_RISK_ONE_LEG_MIN_LEVEL",
    "FAST_WORK_MAX_PAIN",
    "at_risk_of_falling",
    "below_experience_floor",
    "eligible",
    "excluded_by_findings",
    "groundwork_met",
    "groundwork_of",
    "hold_family",
    "is_deadlift",
    "is_fast_or_impact",
    "is_heavy_hinge",
    "is_lateral_shift_bridge",
    "is_risky_landing",
    "is_risky_one_leg_strength",
    "is_rotational_throw",
    "is_single_leg_hinge",
    "is_unilateral_work",
    "level_window",
    "needs_groundwork",
    "poor_one_leg_stance",
    "prerequisite_met",
]

#: Highest exercise level by experience in the foundation phase; later phases allow one more.
BASE_MAX_LEVEL = {"novice": 2, "intermediate": 3, "advanced": 4}


_BALANCE_RULES = load_habit_rules().balance


def level_window(request: PlanRequest, phase: Phase) -> tuple[int, int]:
    """The allowed exercise levels for this athlete in this phase (inclusive)."""
    top = BASE_MAX_LEVEL[request.training_experience] + (0 if phase == "foundation" else 1)
    if request.max_level is not None:
        top = min(top, request.max_level)
    return 1, max(1, min(top, 5))


#: Patterns of drills that stay useful at every level: mobility, breathing and standing balance.
_EVERY_LEVEL_PATTERNS = frozenset({"mobility_drill", "breathing", "balance"})


def below_experience_floor(request: PlanRequest, ex: Exercise) -> bool:
    """An introductory body-weight exercise that an advanced athlete has outgrown.

    A level-1 exercise that has no load to add (side bridge from the knees, push-up from the
    knees, body-weight squat) is below the training dose of someone with advanced training
    experience; mobility, breathing and balance drills stay open at every level, and loaded or
    band exercises scale with their load. The project's own rule (no published threshold).
    """
    return (
        request.training_experience == "advanced"
        and ex.level == 1
        and ex.loading == "bodyweight"
        and not set(ex.patterns) <= _EVERY_LEVEL_PATTERNS
    )


def is_heavy_hinge(ex: Exercise) -> bool:
    """A hinge under heavy load: the max-strength deadlift family and axially loaded hinges."""
    return "hinge" in ex.patterns and (
        "max_strength" in ex.qualities or "axial_load" in ex.sensitivities
    )


def is_deadlift(ex: Exercise) -> bool:
    """A loaded two-leg deadlift or Romanian deadlift (the seed method's loaded hinge)."""
    return (
        "hinge" in ex.patterns
        and ex.laterality == "bilateral"
        and ex.loading == "constant"
        and ("deadlift" in ex.name.lower() or ex.id.endswith("_rdl"))
    )


def is_lateral_shift_bridge(ex: Exercise) -> bool:
    """The seed method's bridge hold with lateral pelvic shifts (a two-leg frontal-plane hold)."""
    return (
        "bridge" in ex.patterns
        and "frontal" in ex.planes
        and "isometric_endurance" in ex.qualities
        and ex.laterality != "unilateral"
    )


def is_single_leg_hinge(ex: Exercise) -> bool:
    """The seed method's single-leg hinge (single-leg Romanian deadlift and its variants).

    A one-arm swing is unilateral but not single-leg: ballistic hinges are left out.
    """
    return "hinge" in ex.patterns and ex.laterality == "unilateral" and ex.loading != "ballistic"


#: Highest current pain [0-10] at which jumps, throws and swings may be planned: the top of the
#: pain-monitoring model's "safe" band (0-2; Silbernagel et al. 2007 [C2], a model from Achilles
#: tendinopathy, used for the back by extrapolation). Above it, fast and impact loading waits.
FAST_WORK_MAX_PAIN = 2


def is_fast_or_impact(ex: Exercise) -> bool:
    """Ballistic or impact work: jumps, hops, bounds, throws and swings."""
    return (
        ex.loading == "ballistic"
        or ex.dose.intensity.kind == "ballistic"
        or "jump" in ex.patterns
        or "throw" in ex.patterns
        or "impact" in ex.sensitivities
    )


#: Equipment that gives a hand-hold (a wall, a chair back): habits.balance ``SUPPORT``.
_HAND_HOLD = frozenset(SUPPORT)
#: Patterns of standing lower-body strength work (the balance drills are not among them).
_LEG_STRENGTH_PATTERNS = frozenset({"squat", "lunge", "hinge"})
#: Lowest level at which one-legged strength work counts as a balance task for a person at risk
#: of falling (this project's choice: the Cossack squat, the single-leg squat to a box and the
#: rear-foot-elevated split squat are level 3; a split squat or lateral lunge is level 1 or 2).
FALL_RISK_ONE_LEG_MIN_LEVEL = 3


def at_risk_of_falling(request: PlanRequest) -> bool:
    """The older-adult pathway: 65 or older, or a one-leg stance with eyes open under 10 s.

    :func:`spinewise.habits.balance.needs_balance_practice` with the thresholds of habits.toml
    ``[balance]``.
    """
    return needs_balance_practice(request, _BALANCE_RULES)


def is_risky_landing(ex: Exercise, request: PlanRequest) -> bool:
    """A jump a person at risk of falling should not land: one of its landings is unsupported.

    The older-adult pathway (:func:`at_risk_of_falling`) keeps impact on two feet, low and with a
    hand on a support: moderate impact helps bone, and the UK consensus has people at risk of
    falls start with targeted strength and balance training (Brooke-Wavell et al. 2022 [C2],
    abstract confirmed). A one-legged or sideways landing, a jump above level 2, and any jump
    done without a hand-hold (its equipment has no wall or chair: a snap-down, pogo hops) ask for
    the very balance the person lacks (this project's rule, from the fall-prevention reasoning of
    Sherrington et al. 2011); heel drops with a hand on the wall stay open.
    """
    if "jump" not in ex.patterns or not at_risk_of_falling(request):
        return False
    return (
        ex.laterality != "bilateral"
        or ex.level > 2
        or "frontal" in ex.planes
        or not (set(ex.equipment) & _HAND_HOLD)
    )


def poor_one_leg_stance(request: PlanRequest) -> bool:
    """A one-leg stance with eyes open under 10 s (habits.toml ``[balance]``), when tested."""
    stance = request.tested_hold_s("single_leg_stance")
    return stance is not None and stance < _BALANCE_RULES.poor_stance_eyes_open_s


def is_risky_one_leg_strength(ex: Exercise, request: PlanRequest) -> bool:
    """One-legged strength work that is a balance task for a person at risk of falling.

    For the older-adult pathway (:func:`at_risk_of_falling`): a standing squat, lunge or hinge
    that is not done on both feet, of level :data:`FALL_RISK_ONE_LEG_MIN_LEVEL` or above and
    without a hand-hold (a Cossack squat: a deep sideways shift onto one bent leg; a single-leg
    squat to a box). With a poor one-leg stance (:func:`poor_one_leg_stance`) also a single-leg
    hinge of any level without a hand-hold: it is done standing on one foot, the very thing the
    person cannot yet hold for 10 s (the single-leg deadlift with a hand on the wall stays open).
    Its limit is balance rather than strength, and a sideways fall is the one most likely to
    break a hip; balance is trained in the balance drills, beside a support, and the legs with
    two-footed or split-stance work (this project's rule, from the fall-prevention reasoning of
    Sherrington et al. 2011; not a published threshold). Fast hinges (swings) are left to the
    ballistic rules.
    """
    if not at_risk_of_falling(request) or set(ex.equipment) & _HAND_HOLD:
        return False
    if poor_one_leg_stance(request) and is_single_leg_hinge(ex):
        return True
    return (
        ex.posture is not None
        and ex.posture.support == "standing"
        and bool(set(ex.patterns) & _LEG_STRENGTH_PATTERNS)
        and "balance" not in ex.patterns
        and ex.laterality != "bilateral"
        and ex.level >= FALL_RISK_ONE_LEG_MIN_LEVEL
        and ex.loading != "ballistic"
    )


def is_rotational_throw(ex: Exercise) -> bool:
    """A rotational medicine-ball throw (scoop toss, shot-put throw, side toss)."""
    return "throw" in ex.patterns and "transverse" in ex.planes and "medicine_ball" in ex.equipment


#: Which tested hold a hold exercise progresses toward, by its first matching pattern.
_HOLD_FAMILIES = (
    ("anti_lateral_flexion", "side_bridge"),
    ("back_extension", "trunk_extensor"),
    ("trunk_flexion", "trunk_flexor"),
    ("anti_extension", "trunk_flexor"),
    ("balance", "single_leg_stance"),
)


def hold_family(ex: Exercise) -> str | None:
    """The tested hold this exercise's holds progress toward (None: no related test)."""
    for pattern, family in _HOLD_FAMILIES:
        if pattern in ex.patterns:
            return family
    return None


def is_unilateral_work(ex: Exercise) -> bool:
    """Unilateral, alternating or split-stance work."""
    return ex.laterality in ("unilateral", "alternating", "split")


def prerequisite_met(ex: Exercise, request: PlanRequest, done_ids: Iterable[str]) -> bool:
    """Whether an exercise's prerequisite is met (``catalog/data/ballistic.toml``).

    ``done_ids`` are the exercises of the plan's earlier loading weeks; an exercise without a
    prerequisite, or whose step is established for the person's training experience, is open.
    """
    return load_ballistic_rules().prerequisite_met(ex.id, request.training_experience, done_ids)


def needs_groundwork(ex: Exercise, request: PlanRequest) -> bool:
    """Whether an exercise waits for its groundwork in an earlier loading week of the plan.

    An exercise above the level that the person's training experience opens in the foundation
    phase (:data:`BASE_MAX_LEVEL`: level 3 and above for a novice, 4 for an intermediate, 5 for
    an advanced trainee), i.e. the level that only opens after the foundation phase. Jumps,
    throws and swings with a prerequisite of their own (``catalog/data/ballistic.toml``,
    :func:`prerequisite_met`) are left to that rule. This project's rule (decision 0291), not a
    published threshold: a physiotherapist introduces the hardest step of a chain only after the
    step below it.
    """
    return (
        ex.level > BASE_MAX_LEVEL[request.training_experience]
        and ex.id not in load_ballistic_rules().prerequisites
    )


def groundwork_of(ex: Exercise, catalog: Catalog) -> tuple[str, ...]:
    """The exercises that lead to this one: the nearest lower-level steps of its regressions.

    Follows the catalogue's regressions down each branch (through steps of the same level) to the
    first exercise of a lower level, and stops there: the band-assisted Nordic curl (level 3) is
    led to by the stability-ball hamstring curl (level 2, through the slider curl of level 3), not
    by a glute bridge further down. An exercise without such a chain is led to by the exercises
    of its main pattern (its first) at a lower level. Sorted ids.
    """
    found: set[str] = set()
    seen: set[str] = {ex.id}
    stack = [r for r in ex.regressions if r in catalog]
    while stack:
        rid = stack.pop()
        if rid in seen:
            continue
        seen.add(rid)
        step = catalog.get(rid)
        if step.level < ex.level:
            found.add(rid)
        else:
            stack.extend(r for r in step.regressions if r in catalog)
    if not found:
        found = {
            other.id
            for other in catalog.exercises
            if other.level < ex.level and other.patterns[0] == ex.patterns[0]
        }
    return tuple(sorted(found))


def groundwork_met(
    ex: Exercise, request: PlanRequest, catalog: Catalog, done_ids: Iterable[str]
) -> bool:
    """Whether an exercise's groundwork is met: not needed, or done in an earlier loading week.

    ``done_ids`` are the exercises of the plan's earlier loading weeks
    (:func:`needs_groundwork`, :func:`groundwork_of`).
    """
    if not needs_groundwork(ex, request):
        return True
    done = set(done_ids)
    return any(g in done for g in groundwork_of(ex, catalog))


def excluded_by_findings(request: PlanRequest) -> frozenset[str]:
    """Exercise ids the person's findings rule out (``catalog/data/finding_exclusions.toml``)."""
    codes = {code for code, _, _ in request.findings} | {d.finding for d in request.demands}
    return excluded_exercises(codes)


def eligible(
    catalog: Catalog,
    request: PlanRequest,
    phase: Phase,
    done_ids: frozenset[str] = frozenset(),
) -> tuple[Exercise, ...]:
    """Exercises within the equipment, free of aggravating sensitivities and in the level window.

    Exercises the person's findings rule out are left out (:func:`excluded_by_findings`), and
    for a person at risk of falling unsupported landings and one-legged strength work of level 3
    or above (:func:`is_risky_landing`, :func:`is_risky_one_leg_strength`).
    Fast or impact work also needs pain within :data:`FAST_WORK_MAX_PAIN` and its prerequisite met
    by ``done_ids``, the exercises of the plan's earlier loading weeks (none by default: only
    exercises without a prerequisite, or established for the person, are open in a first week);
    an exercise above the person's foundation level needs its groundwork in ``done_ids``
    (:func:`groundwork_met`).
    Sorted by id, so that the model is built in a deterministic order.
    """
    low, high = level_window(request, phase)
    kit = request.equipment
    ruled_out = excluded_by_findings(request)
    return tuple(
        ex
        for ex in catalog.exercises
        if set(ex.equipment) <= kit
        and not (set(ex.sensitivities) & request.sensitivities)
        and low <= ex.level <= high
        and not below_experience_floor(request, ex)
        and not (phase == "foundation" and "jump" in ex.patterns)
        and not (request.pain_current > FAST_WORK_MAX_PAIN and is_fast_or_impact(ex))
        and not is_risky_landing(ex, request)
        and not is_risky_one_leg_strength(ex, request)
        and prerequisite_met(ex, request, done_ids)
        and ex.id not in ruled_out
        and groundwork_met(ex, request, catalog, done_ids)
    )
