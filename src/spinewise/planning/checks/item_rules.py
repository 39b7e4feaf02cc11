"""The checks of one item, one function per requirement: where an item's safety is decided.

The validator (:mod:`spinewise.planning.checks`) runs them on every item of a plan, and
adaptation (through :func:`spinewise.planning.validate_item.item_problems`) on every exercise it
would put into a plan, so that a plan version made by adapting, substituting or re-planning is
held to the same rules as the planner's. Each problem comes with the validator's wording
(exercise ids, for a developer) and the same in plain words (exercise names, for the person).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spinewise.catalog import Exercise
from spinewise.planning.candidates import (
    FAST_WORK_MAX_PAIN,
    below_experience_floor,
    excluded_by_findings,
    is_fast_or_impact,
    is_risky_landing,
    is_risky_one_leg_strength,
    level_window,
)
from spinewise.planning.dosing import ItemDose
from spinewise.planning.periodization import Phase
from spinewise.planning.plan import Item
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import CompressionFn, checked_load_kg, held_to_limit

__all__ = [
    "SAFETY_CHECKS",
    "SAFETY_REQUIREMENTS",
    "ItemFacts",
    "ItemProblem",
    "SafetyCheck",
    "dose_written",
    "equipment",
    "fall_risk_jumps",
    "fall_risk_one_leg",
    "finding_exclusions",
    "level_window_check",
    "pain_gate",
    "sensitivities",
    "spine_budget",
    "why_given",
]


@dataclass(frozen=True)
class ItemProblem:
    """One item check that fails.

    Attributes
    ----------
    requirement
        The requirement's id (:data:`spinewise.planning.requirements.REQUIREMENTS`).
    message
        The validator's wording, with the exercise's id.
    plain
        The same in plain words with the exercise's name, for the person.
    """

    requirement: str
    message: str
    plain: str


def _words(tags: Iterable[str]) -> str:
    words = [t.replace("_", " ") for t in sorted(tags)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True)
class ItemFacts:
    """What the safety checks of one exercise read besides the exercise.

    Attributes
    ----------
    request
        The athlete's needs and constraints.
    phase
        The phase of the week the item is in (it sets the level window).
    dose
        The item's dose, or None where the item does not exist yet (the usual load is checked).
    limit_n
        The athlete's compression limit [N].
    compression
        Estimates the peak L5/S1 compression [N] at a load [kg].
    """

    request: PlanRequest
    phase: Phase
    dose: ItemDose | None
    limit_n: float
    compression: CompressionFn


#: A safety check: the problem an exercise has under the facts, or None.
SafetyCheck = Callable[[Exercise, ItemFacts], ItemProblem | None]


def equipment(ex: Exercise, facts: ItemFacts) -> ItemProblem | None:
    """Requirement ``equipment``: the exercise needs only equipment the athlete has."""
    missing = set(ex.equipment) - facts.request.equipment
    if not missing:
        return None
    return ItemProblem(
        "equipment",
        f"{ex.id} needs {', '.join(sorted(missing))}",
        f"{ex.name} needs {_words(missing)}, which is not in your equipment",
    )


def sensitivities(ex: Exercise, facts: ItemFacts) -> ItemProblem | None:
    """Requirement ``sensitivities``: the exercise loads no movement that aggravates the athlete."""
    hurts = set(ex.sensitivities) & facts.request.sensitivities
    if not hurts:
        return None
    return ItemProblem(
        "sensitivities",
        f"{ex.id} loads {', '.join(sorted(hurts))}",
        f"{ex.name} loads {_words(hurts)}, a movement that aggravates your pain",
    )


def pain_gate(ex: Exercise, facts: ItemFacts) -> ItemProblem | None:
    """Requirement ``pain_gate``: no fast or impact work above 2/10 current pain."""
    pain = facts.request.pain_current
    if pain <= FAST_WORK_MAX_PAIN or not is_fast_or_impact(ex):
        return None
    return ItemProblem(
        "pain_gate",
        f"{ex.id} is fast or impact work at pain {pain}/10 (allowed up to {FAST_WORK_MAX_PAIN}/10)",
        f"{ex.name} is fast or impact work, which waits until your pain is "
        f"{FAST_WORK_MAX_PAIN}/10 or less (it is {pain}/10)",
    )


def fall_risk_jumps(ex: Exercise, facts: ItemFacts) -> ItemProblem | None:
    """Requirement ``fall_risk_jumps``: no risky landing for a person at risk of falling."""
    if not is_risky_landing(ex, facts.request):
        return None
    return ItemProblem(
        "fall_risk_jumps",
        f"{ex.id} is a one-legged, sideways, high-level or unsupported jump for a person at risk "
        "of falling",
        f"{ex.name} is a jump without a hand on a support, or a one-legged, sideways or harder "
        "one, which waits while a fall is a risk",
    )


def fall_risk_one_leg(ex: Exercise, facts: ItemFacts) -> ItemProblem | None:
    """Requirement ``fall_risk_one_leg``: no hard one-legged strength work at risk of falling."""
    if not is_risky_one_leg_strength(ex, facts.request):
        return None
    return ItemProblem(
        "fall_risk_one_leg",
        f"{ex.id} is one-legged strength work of level {ex.level} without a hand-hold for a "
        "person at risk of falling",
        f"{ex.name} asks for balance on one leg without a hand on a support, which waits while "
        "a fall is a risk; your balance is trained beside a wall or chair",
    )


def finding_exclusions(ex: Exercise, facts: ItemFacts) -> ItemProblem | None:
    """Requirement ``finding_exclusions``: no exercise the person's findings rule out."""
    if ex.id not in excluded_by_findings(facts.request):
        return None
    return ItemProblem(
        "finding_exclusions",
        f"{ex.id} is ruled out by the person's findings",
        f"{ex.name} is ruled out by what your assessment found",
    )


def level_window_check(ex: Exercise, facts: ItemFacts) -> ItemProblem | None:
    """Requirement ``level_window``: the level within the window; no outgrown body-weight work."""
    if below_experience_floor(facts.request, ex):
        return ItemProblem(
            "level_window",
            f"{ex.id} is an introductory body-weight exercise, below an advanced athlete",
            f"{ex.name} is an introductory exercise; your training experience calls for "
            "a harder version",
        )
    low, high = level_window(facts.request, facts.phase)
    if low <= ex.level <= high:
        return None
    return ItemProblem(
        "level_window",
        f"{ex.id} is level {ex.level}, allowed {low} to {high}",
        f"{ex.name} is level {ex.level} of 5; this part of your plan goes up to level {high}",
    )


def spine_budget(ex: Exercise, facts: ItemFacts) -> ItemProblem | None:
    """Requirement ``spine_budget``: the compression at the checked load within the limit."""
    request = facts.request
    load = None if facts.dose is None else checked_load_kg(ex, request, facts.dose)
    compression_n = facts.compression(ex, request, load)
    if not held_to_limit(ex, request) or compression_n <= facts.limit_n:
        return None
    at = "" if load is None else f" at {load:g} kg"
    return ItemProblem(
        "spine_budget",
        f"{ex.id} exceeds the compression limit of {facts.limit_n:.0f} N{at}",
        f"{ex.name} would load your lower back with about {compression_n:,.0f} N, "
        f"more than your limit of {facts.limit_n:,.0f} N",
    )


#: One check per safety requirement, in the order their problems are listed.
SAFETY_CHECKS: Mapping[str, SafetyCheck] = MappingProxyType(
    {
        "equipment": equipment,
        "sensitivities": sensitivities,
        "pain_gate": pain_gate,
        "fall_risk_jumps": fall_risk_jumps,
        "fall_risk_one_leg": fall_risk_one_leg,
        "finding_exclusions": finding_exclusions,
        "level_window": level_window_check,
        "spine_budget": spine_budget,
    }
)

#: The item checks that decide whether an exercise may be given to this person at all (the
#: others, ``dose`` and ``why``, are about how an item is written down).
SAFETY_REQUIREMENTS = frozenset(SAFETY_CHECKS)


def dose_written(item: Item, ex: Exercise) -> ItemProblem | None:
    """Check ``dose``: the item doses exactly one of reps, a hold or a distance."""
    d = item.dose
    given = (("reps", d.reps), ("hold_s", d.hold_s), ("distance_m", d.distance_m))
    measures = [k for k, v in given if v is not None]
    if len(measures) == 1:
        return None
    return ItemProblem(
        "dose",
        f"{ex.id} must dose exactly one of reps, hold_s, distance_m, got {measures or 'none'}",
        f"{ex.name} needs exactly one of repetitions, a hold time or a distance",
    )


def why_given(item: Item, ex: Exercise) -> ItemProblem | None:
    """Check ``why``: the item gives a reason."""
    if item.why:
        return None
    return ItemProblem("why", f"{ex.id} has no reason", f"{ex.name} has no reason given")
