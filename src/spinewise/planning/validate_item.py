"""The item checks adaptation runs: all of an item's checks, or only whether an exercise is safe.

The checks themselves, one function per requirement, are in
:mod:`spinewise.planning.checks.item_rules`; the validator (:mod:`spinewise.planning.validate`)
runs them on every item of a plan. Adaptation (:mod:`spinewise.adaptation.adjust`,
:mod:`spinewise.adaptation.substitutes`) runs :func:`item_problems` on every exercise it would
put into a plan, so that a plan version made by adapting, substituting or re-planning is held to
the same rules as the planner's: equipment, sensitivities, the pain gate for fast and impact work,
the jumps left out for a person at risk of falling, the exercises the findings rule out, the
level window, and the spine-compression limit at the prescribed load.
"""

from __future__ import annotations

from dataclasses import replace

from spinewise.catalog import Exercise
from spinewise.planning.checks.item_rules import (
    SAFETY_CHECKS,
    SAFETY_REQUIREMENTS,
    ItemFacts,
    ItemProblem,
    dose_written,
    why_given,
)
from spinewise.planning.dosing import ItemDose
from spinewise.planning.periodization import Phase
from spinewise.planning.plan import Item
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import (
    CompressionFn,
    compression_limit_n,
    item_spine_load,
    model_compression_n,
    spine_load,
)

__all__ = ["SAFETY_REQUIREMENTS", "ItemProblem", "check_item", "item_problems", "planner_dose"]


def check_item(
    item: Item,
    ex: Exercise,
    request: PlanRequest,
    phase: Phase,
    *,
    limit_n: float | None = None,
    compression: CompressionFn = model_compression_n,
) -> list[ItemProblem]:
    """Every item check that ``item`` fails, by requirement; empty when it passes.

    Parameters
    ----------
    item
        The plan's item (its exercise, dose with ``load_cap_kg``, and reasons).
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
        ex, request, phase, dose=item.dose, limit_n=limit_n, compression=compression
    )
    out.extend(p for p in (dose_written(item, ex), why_given(item, ex)) if p is not None)
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
    """The safety checks of :func:`check_item` (:data:`SAFETY_CHECKS`) of an exercise.

    Used where a substitute or a progression is chosen, before its item exists: equipment,
    sensitivities, the pain gate, the level window, and the compression limit at the load
    ``dose`` is checked at (:func:`~spinewise.planning.spine.checked_load_kg`: its cap, else the
    load it prescribes; the usual load when ``dose`` is None). Parameters as :func:`check_item`.
    """
    limit = compression_limit_n(request) if limit_n is None else limit_n
    facts = ItemFacts(request, phase, dose, limit, compression)
    found = (check(ex, facts) for check in SAFETY_CHECKS.values())
    return [p for p in found if p is not None]


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
