"""The validator's checks of one item: the one place where an item's safety rules are decided.

The solver-independent validator (:mod:`spinewise.planning.validate`) runs :func:`check_item` on
every item of a plan, and adaptation (:mod:`spinewise.adaptation.adjust`,
:mod:`spinewise.adaptation.substitutes`) runs it on every exercise it would put into a plan, so
that a plan version made by adapting, substituting or re-planning is held to the same rules as
the planner's: equipment, sensitivities, the pain gate for fast and impact work, the jumps left
out for a person at risk of falling, the exercises the findings rule out, the level window, the
dose, the reason, and the spine-compression limit at the prescribed load. Each problem comes
with the validator's wording (exercise ids, for a developer) and the same in plain words (exercise
names, for the person).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from spinewise.catalog import Exercise
from spinewise.planning.candidates import (
    FAST_WORK_MAX_PAIN,
    below_experience_floor,
    excluded_by_findings,
    is_fast_or_impact,
    is_risky_landing,
    level_window,
)
from spinewise.planning.dosing import ItemDose
from spinewise.planning.periodization import Phase
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import (
    CompressionFn,
    checked_load_kg,
    compression_limit_n,
    held_to_limit,
    item_spine_load,
    model_compression_n,
    spine_load,
)
from spinewise.planning.validate_week import item_dose

__all__ = ["SAFETY_REQUIREMENTS", "ItemProblem", "check_item", "item_problems", "planner_dose"]

#: The item checks that decide whether an exercise may be given to this person at all (the
#: others, ``dose`` and ``why``, are about how an item is written down).
SAFETY_REQUIREMENTS = frozenset(
    {
        "equipment",
        "sensitivities",
        "pain_gate",
        "fall_risk_jumps",
        "finding_exclusions",
        "level_window",
        "spine_budget",
    }
)


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


def _safety(
    ex: Exercise,
    request: PlanRequest,
    phase: Phase,
    dose: ItemDose | None,
    limit_n: float,
    compression: CompressionFn,
) -> list[ItemProblem]:
    out = []
    missing = set(ex.equipment) - request.equipment
    if missing:
        out.append(
            ItemProblem(
                "equipment",
                f"{ex.id} needs {', '.join(sorted(missing))}",
                f"{ex.name} needs {_words(missing)}, which is not in your equipment",
            )
        )
    hurts = set(ex.sensitivities) & request.sensitivities
    if hurts:
        out.append(
            ItemProblem(
                "sensitivities",
                f"{ex.id} loads {', '.join(sorted(hurts))}",
                f"{ex.name} loads {_words(hurts)}, a movement that aggravates your pain",
            )
        )
    if request.pain_current > FAST_WORK_MAX_PAIN and is_fast_or_impact(ex):
        out.append(
            ItemProblem(
                "pain_gate",
                f"{ex.id} is fast or impact work at pain {request.pain_current}/10 "
                f"(allowed up to {FAST_WORK_MAX_PAIN}/10)",
                f"{ex.name} is fast or impact work, which waits until your pain is "
                f"{FAST_WORK_MAX_PAIN}/10 or less (it is {request.pain_current}/10)",
            )
        )
    if is_risky_landing(ex, request):
        out.append(
            ItemProblem(
                "fall_risk_jumps",
                f"{ex.id} is a one-legged, sideways or high-level jump for a person at risk of "
                "falling",
                f"{ex.name} is a one-legged, sideways or harder jump, which waits while a fall is "
                "a risk",
            )
        )
    if ex.id in excluded_by_findings(request):
        out.append(
            ItemProblem(
                "finding_exclusions",
                f"{ex.id} is ruled out by the person's findings",
                f"{ex.name} is ruled out by what your assessment found",
            )
        )
    if below_experience_floor(request, ex):
        out.append(
            ItemProblem(
                "level_window",
                f"{ex.id} is an introductory body-weight exercise, below an advanced athlete",
                f"{ex.name} is an introductory exercise; your training experience calls for "
                "a harder version",
            )
        )
    low, high = level_window(request, phase)
    if not low <= ex.level <= high:
        out.append(
            ItemProblem(
                "level_window",
                f"{ex.id} is level {ex.level}, allowed {low} to {high}",
                f"{ex.name} is level {ex.level} of 5; this part of your plan goes up to "
                f"level {high}",
            )
        )
    load = None if dose is None else checked_load_kg(ex, request, dose)
    compression_n = compression(ex, request, load)
    if held_to_limit(ex, request) and compression_n > limit_n:
        at = "" if load is None else f" at {load:g} kg"
        out.append(
            ItemProblem(
                "spine_budget",
                f"{ex.id} exceeds the compression limit of {limit_n:.0f} N{at}",
                f"{ex.name} would load your lower back with about {compression_n:,.0f} N, "
                f"more than your limit of {limit_n:,.0f} N",
            )
        )
    return out


def check_item(
    item: Mapping[str, Any],
    ex: Exercise,
    request: PlanRequest,
    phase: Phase,
    *,
    limit_n: float | None = None,
    compression: CompressionFn = model_compression_n,
) -> list[ItemProblem]:
    """Every item check that ``item`` (an item's JSON) fails; empty when it passes.

    Parameters
    ----------
    item
        The item as in a plan document (``exercise_id``, the dose's fields, ``load_cap_kg``,
        ``why``).
    ex
        The catalogue's exercise the item names.
    request
        The athlete's needs and constraints.
    phase
        The phase of the week the item is in (it sets the level window).
    limit_n
        The athlete's compression limit [N]; by default
        :func:`~spinewise.planning.spine.compression_limit_n`.
    compression
        Estimates the peak L5/S1 compression [N] at the load the item is checked at: its cap,
        else the load its dose prescribes (:func:`~spinewise.planning.spine.checked_load_kg`).
    """
    out = item_problems(
        ex, request, phase, dose=item_dose(item), limit_n=limit_n, compression=compression
    )
    measures = [k for k in ("reps", "hold_s", "distance_m") if item.get(k) is not None]
    if len(measures) != 1:
        out.append(
            ItemProblem(
                "dose",
                f"{ex.id} must dose exactly one of reps, hold_s, "
                f"distance_m, got {measures or 'none'}",
                f"{ex.name} needs exactly one of repetitions, a hold time or a distance",
            )
        )
    if not item.get("why"):
        out.append(ItemProblem("why", f"{ex.id} has no reason", f"{ex.name} has no reason given"))
    return sorted(out, key=lambda p: (p.requirement, p.message))


def item_problems(
    ex: Exercise,
    request: PlanRequest,
    phase: Phase,
    *,
    dose: ItemDose | None = None,
    limit_n: float | None = None,
    compression: CompressionFn = model_compression_n,
) -> list[ItemProblem]:
    """The safety checks of :func:`check_item` (:data:`SAFETY_REQUIREMENTS`) of an exercise.

    Used where a substitute or a progression is chosen, before its item exists: equipment,
    sensitivities, the pain gate, the level window, and the compression limit at the load
    ``dose`` is checked at (:func:`~spinewise.planning.spine.checked_load_kg`: its cap, else the
    load it prescribes; the usual load when ``dose`` is None). Parameters as :func:`check_item`.
    """
    limit = compression_limit_n(request) if limit_n is None else limit_n
    return _safety(ex, request, phase, dose, limit, compression)


def planner_dose(
    ex: Exercise,
    request: PlanRequest,
    dose: ItemDose,
    compression: CompressionFn = model_compression_n,
) -> ItemDose | None:
    """``dose`` with the spine-load cap the planner would state, or None where it would not go.

    As the planner decides (:func:`spinewise.planning.planner.week_context`): the exercise must
    fit the limit at the catalogue's dose (:func:`~spinewise.planning.spine.spine_load`) and at
    this dose (:func:`~spinewise.planning.spine.item_spine_load`, whose cap in kg or by effort
    the dose then carries).
    """
    if spine_load(ex, request, compression) is None:
        return None
    at_dose = item_spine_load(ex, request, dose, compression)
    if at_dose is None:
        return None
    return replace(dose, load_cap_kg=at_dose.load_cap_kg, effort_cap=at_dose.effort_cap)
