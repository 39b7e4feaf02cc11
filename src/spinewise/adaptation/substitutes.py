"""Substitutes for an exercise that cannot be done today, and "You may also like".

A substitute is the closest exercise by the catalogue's tag similarity
(:func:`spinewise.catalog.similarity_index`) that the athlete can do today and that keeps what
the original contributes to the week (:class:`~spinewise.adaptation.coverage.Coverage`):

1. it needs only the equipment available (a mat stands for floor space and is always available,
   docs/decisions/0003-mat-is-floor-space.md);
2. it loads none of the sensitivities to avoid (with ``hurts``, also none the original loads);
3. its level is at most the original's and at least two below it (a swap is never a
   progression; a design choice);
4. it keeps all of ``needed`` when that is given. When no option keeps all of it, the options
   that keep the most of it are given, each saying what it loses;
5. with the athlete's ``request``, it passes the planner's own item checks
   (:func:`spinewise.planning.validate_item.item_problems`: the level window of the phase, the
   pain gate for fast and impact work, and the spine-compression limit at the load the planner
   would cap it at, which the substitute then carries), so that a swap never offers what the
   planner would not give.

Ties are broken by exercise id, so the same inputs give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spinewise.adaptation.coverage import Coverage
from spinewise.catalog import Catalog, Exercise, SimilarExercise, similarity_index
from spinewise.errors import InputError
from spinewise.planning.candidates import (
    is_rotational_throw,
    is_single_leg_hinge,
    is_unilateral_work,
)
from spinewise.planning.dosing import catalogue_dose
from spinewise.planning.from_profile import FLOOR_SPACE
from spinewise.planning.periodization import Phase
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import CompressionFn, model_compression_n
from spinewise.planning.validate_item import item_problems, planner_dose
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit, plan_weight_text

__all__ = [
    "LEVELS_BELOW",
    "Substitute",
    "also_like_names",
    "own_coverage",
    "substitutes",
    "you_may_also_like",
]

#: How many levels below the original a substitute may be (a design choice: a bigger drop is a
#: different exercise, not a swap).
LEVELS_BELOW = 2


@dataclass(frozen=True)
class Substitute:
    """One substitute with why it was chosen.

    Attributes
    ----------
    exercise_id, name
        The substitute.
    score
        Its tag similarity to the original, 0 to 1 (rounded to 4 decimals).
    shared
        The tags both share, as ``field:tag``.
    keeps
        What of the needed coverage it keeps.
    loses
        What of the needed coverage it does not keep (empty when it keeps all).
    reason
        One plain sentence.
    load_cap_kg
        The largest external load [kg] that keeps it within the athlete's spine-compression
        limit, when the planner would cap it (None: no cap, or no request given).
    """

    exercise_id: str
    name: str
    score: float
    shared: tuple[str, ...]
    keeps: Coverage
    loses: Coverage
    reason: str
    load_cap_kg: float | None = None


def own_coverage(ex: Exercise) -> Coverage:
    """Everything an exercise provides, as a coverage (used when the week's needs are unknown)."""
    return Coverage(
        regions=frozenset(ex.primary_regions),
        qualities=frozenset(ex.qualities),
        planes=frozenset(ex.planes),
        unilateral=is_unilateral_work(ex),
        single_leg_hinge=is_single_leg_hinge(ex),
        rotational_throw=is_rotational_throw(ex),
    )


def _words(tags: list[str]) -> str:
    words = [t.replace("_", " ") for t in tags]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _why_swap(ex: Exercise, kit: frozenset[str], avoid: frozenset[str], hurts: bool) -> str:
    if hurts:
        return f"{ex.name} hurts"
    missing = sorted(set(ex.equipment) - kit)
    if missing:
        return f"No {_words(missing)} today"
    loaded = sorted(set(ex.sensitivities) & avoid)
    if loaded:
        return f"{ex.name} loads {_words(loaded)}"
    return f"Instead of {ex.name}"


def _check(exercise_id: str, catalog: Catalog, k: int) -> Exercise:
    problems = []
    if exercise_id not in catalog:
        problems.append(f"exercise_id: no exercise with id {exercise_id!r} in the catalogue")
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        problems.append(f"k: must be a whole number of at least 1, got {k!r}")
    if problems:
        raise InputError(problems)
    return catalog.get(exercise_id)


def substitutes(
    exercise_id: str,
    *,
    catalog: Catalog,
    available_equipment: frozenset[str],
    avoid_sensitivities: frozenset[str],
    needed: Coverage | None = None,
    k: int = 3,
    hurts: bool = False,
    request: PlanRequest | None = None,
    phase: Phase | None = None,
    compression: CompressionFn = model_compression_n,
    unit: WeightUnit = DEFAULT_WEIGHT_UNIT,
) -> list[Substitute]:
    """The ``k`` closest exercises that can replace ``exercise_id`` today, best first.

    Parameters
    ----------
    exercise_id
        The exercise to replace.
    catalog
        The catalogue.
    available_equipment
        Equipment at hand today (``mat`` is added: floor space is always available).
    avoid_sensitivities
        Sensitivities no substitute may load.
    needed
        What the original contributes that the week needs (:func:`~spinewise.adaptation.
        coverage.coverage_of`). ``None`` or an empty coverage ranks by similarity alone, and
        ``keeps`` then names what each option shares of the original's own coverage.
    k
        How many substitutes at most.
    hurts
        The original hurts: also avoid the sensitivities it loads, and say so.
    request
        The athlete's needs and constraints: with it, each option passes the planner's item
        checks (level window, pain gate, spine-compression limit) with today's equipment and
        the sensitivities to avoid; None checks only equipment, sensitivities and level.
    phase
        The phase of the week the swap is for (its level window); None means the foundation
        phase, whose window is the narrowest.
    compression
        Estimates an exercise's peak L5/S1 compression [N] (the planner's estimate by default).
    unit
        The unit a load cap in a reason is written in ("kg" or "lb"; ``load_cap_kg`` stays kg).

    Returns
    -------
    list of Substitute
        Those that keep all of ``needed``, by similarity; when none does, those that keep the
        most of it (then by similarity), each naming what it loses. Empty when nothing fits.

    Raises
    ------
    InputError
        When the exercise is not in the catalogue or ``k`` is below 1.
    """
    original = _check(exercise_id, catalog, k)
    kit = frozenset(available_equipment) | FLOOR_SPACE
    avoid = frozenset(avoid_sensitivities)
    if hurts:
        avoid |= frozenset(original.sensitivities)
    index = similarity_index(catalog)
    options = [
        ex
        for ex in catalog.exercises
        if ex.id != original.id
        and set(ex.equipment) <= kit
        and not (set(ex.sensitivities) & avoid)
        and original.level - LEVELS_BELOW <= ex.level <= original.level
    ]
    caps: dict[str, float | None] = {}
    if request is not None:
        today = replace(request, equipment=kit, sensitivities=avoid)
        options = [ex for ex in options if _passes(ex, today, phase, compression, caps)]
    constrained = needed is not None and not needed.is_empty
    target = needed if needed is not None and constrained else own_coverage(original)
    kept = {ex.id: target.kept_by(ex) for ex in options}

    def similarity(ex: Exercise) -> float:
        return round(index.score(original.id, ex.id), 12)

    full = [ex for ex in options if kept[ex.id] == target]
    if not constrained:
        ranked = sorted(options, key=lambda e: (-similarity(e), e.id))
    elif full:
        ranked = sorted(full, key=lambda e: (-similarity(e), e.id))
    else:
        ranked = sorted(options, key=lambda e: (-kept[e.id].size, -similarity(e), e.id))
    why = _why_swap(original, kit, avoid, hurts)
    out = []
    for ex in ranked[:k]:
        keeps = kept[ex.id]
        loses = target.minus(keeps) if constrained else Coverage()
        score = round(index.score(original.id, ex.id), 4)
        if keeps.is_empty:
            reason = f"{why}: {ex.name} is the closest option (similarity {score:.2f})"
        else:
            reason = f"{why}: {ex.name} keeps {keeps.describe()}"
        if not loses.is_empty:
            reason += f"; it loses {loses.describe()} (no option keeps all of it)"
        cap = caps.get(ex.id)
        if cap is not None:
            at_most = plan_weight_text(cap, unit)
            reason += f"; at most {at_most}, to keep your lower back within its limit"
        out.append(
            Substitute(
                exercise_id=ex.id,
                name=ex.name,
                score=score,
                shared=index.shared_tags(original.id, ex.id),
                keeps=keeps,
                loses=loses,
                reason=reason,
                load_cap_kg=cap,
            )
        )
    return out


def _passes(
    ex: Exercise,
    request: PlanRequest,
    phase: Phase | None,
    compression: CompressionFn,
    caps: dict[str, float | None],
) -> bool:
    """Whether ``ex`` at the catalogue's dose passes the planner's item checks.

    Its load cap in kg, if the planner would state one, goes into ``caps``.
    """
    dose = planner_dose(ex, request, catalogue_dose(ex), compression)
    if dose is None:
        return False
    caps[ex.id] = dose.load_cap_kg
    return not item_problems(ex, request, phase or "foundation", dose=dose, compression=compression)


def you_may_also_like(exercise_id: str, catalog: Catalog, k: int = 5) -> list[SimilarExercise]:
    """The ``k`` most similar exercises with the tags they share ("You may also like").

    A thin wrapper over :meth:`spinewise.catalog.SimilarityIndex.most_similar`: best first, ties
    broken by id, each with its score (0 to 1) and shared tags as ``field:tag``.
    """
    _check(exercise_id, catalog, k)
    return list(similarity_index(catalog).most_similar(exercise_id, k))


def also_like_names(exercise_id: str, catalog: Catalog, k: int = 3) -> tuple[str, ...]:
    """The names of :func:`you_may_also_like`, for a one-line mention.

    An id the catalogue lacks (a custom exercise) has none.
    """
    if exercise_id not in catalog:
        return ()
    return tuple(
        catalog.get(s.exercise_id).name for s in you_may_also_like(exercise_id, catalog, k)
    )
