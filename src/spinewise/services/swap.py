"""During a session: "this hurts" and "swap this", with the reason for each option.

"This hurts" offers the catalogue's easier versions of the exercise first, then substitutes that
load none of what it loads; "swap this" offers the substitutes that keep what the exercise gives
the week (:func:`spinewise.adaptation.substitutes.substitutes`, with the athlete's stored profile:
equipment, sensitivities, today's pain before the session, and the planner's item checks).

A chosen option is shown in the guided session in place of the planned exercise
(:func:`swapped_view`): same sets and rest, the new exercise's own kind of dose (reps, hold or
distance) from the catalogue. Its sets are logged under the new exercise; the plan itself is
not changed (the adaptation reads the pain logged at the end).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast, get_args

from spinewise.adaptation.coverage import Coverage, item_coverage
from spinewise.adaptation.substitutes import substitutes
from spinewise.assessment import assess
from spinewise.catalog import Catalog, Exercise, load_catalog
from spinewise.planning.dosing import ItemDose
from spinewise.planning.from_profile import FLOOR_SPACE, request_from_profile
from spinewise.planning.make import spine_compression
from spinewise.planning.periodization import Phase
from spinewise.planning.plan import Plan
from spinewise.planning.request import PlanRequest
from spinewise.profile import parse_profile
from spinewise.services.handle import Store
from spinewise.services.plans import user_plan
from spinewise.services.sessions import planned_view, user_session
from spinewise.services.views import ItemView, SessionPlan
from spinewise.store import list_profiles, reading
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit

__all__ = ["SwapOption", "SwapOptions", "swap_options", "swapped_view"]

#: Substitutes offered at most.
MAX_OPTIONS = 3


@dataclass(frozen=True)
class SwapOption:
    """One exercise to do instead, and why it fits."""

    exercise_id: str
    name: str
    reason: str
    easier: bool


@dataclass(frozen=True)
class SwapOptions:
    """What can replace one exercise of a session today.

    Attributes
    ----------
    session_id, exercise_id, name
        The session and the exercise to replace.
    hurts
        Whether it was asked because the exercise hurts.
    options
        The options, best first (for "this hurts": easier versions first).
    advice
        What to do in plain words before choosing.
    """

    session_id: int
    exercise_id: str
    name: str
    hurts: bool
    options: tuple[SwapOption, ...]
    advice: str


def _request(store: Store, athlete: int, pain_now: int | None) -> PlanRequest | None:
    with reading(store.engine) as db:
        records = list_profiles(db, athlete)
    if not records:
        return None
    profile = parse_profile(records[-1].profile)
    request = request_from_profile(profile, assess(profile))
    return request if pain_now is None else replace(request, pain_current=pain_now)


def _plan_equipment(plan: Plan, catalog: Catalog) -> frozenset[str]:
    ids = {it.exercise_id for _, s in plan.sessions() for _, it in s.items()}
    return frozenset(e for i in ids if i in catalog for e in catalog.get(i).equipment)


def _easier(
    ex: Exercise, catalog: Catalog, kit: frozenset[str], avoid: frozenset[str]
) -> list[SwapOption]:
    out = []
    for eid in ex.regressions:
        if eid not in catalog:
            continue
        easy = catalog.get(eid)
        if set(easy.equipment) <= kit | FLOOR_SPACE and not set(easy.sensitivities) & avoid:
            out.append(
                SwapOption(
                    eid,
                    easy.name,
                    f"The easier step of {ex.name} in the exercise library",
                    True,
                )
            )
    return out


def _reason(reason: str, original: Exercise, name: str) -> str:
    """A substitute's reason without the heading the page already shows.

    >>> from types import SimpleNamespace as NS
    >>> _reason("Bird dog hurts: Dead bug keeps motor control", NS(name="Bird dog"), "Dead bug")
    'It keeps motor control'
    """
    for head in (f"{original.name} hurts: ", f"Instead of {original.name}: "):
        if reason.startswith(head):
            reason = reason[len(head) :]
    if reason.startswith(f"{name} "):
        reason = "It " + reason[len(name) + 1 :]
    return reason


def swap_options(
    store: Store,
    athlete: int,
    session_id: int,
    exercise_id: str,
    *,
    hurts: bool,
    unit: WeightUnit = DEFAULT_WEIGHT_UNIT,
) -> SwapOptions | None:
    """The options to replace ``exercise_id`` in one of the athlete's planned sessions.

    A load cap in an option's reason is written in ``unit`` ("kg" or "lb").

    ``None`` when the session is not theirs, not a planned one, or has no such exercise.
    """
    stored = user_session(store, athlete, session_id)
    planned = None if stored is None else planned_view(store, athlete, session_id)
    if stored is None or planned is None:
        return None
    if exercise_id not in {it.exercise_id for it in planned.items}:
        return None
    catalog = load_catalog()
    if exercise_id not in catalog:
        return None
    ex = catalog.get(exercise_id)
    plan_stored = user_plan(store, athlete, planned.plan_id)
    request = _request(store, athlete, stored.log.pain.before)
    plan = None if plan_stored is None else plan_stored.record.plan
    kit = request.equipment if request is not None else frozenset()
    if request is None and plan is not None:
        kit = _plan_equipment(plan, catalog)
    avoid = request.sensitivities if request is not None else frozenset()
    week = None if plan is None else next(w for w in plan.weeks if w.index == planned.week)
    needed: Coverage | None = None
    phase: Phase | None = None
    if week is not None:
        needed = item_coverage(week, planned.session, exercise_id, catalog=catalog, request=request)
        phase = cast(Phase, week.phase) if week.phase in get_args(Phase) else None
    in_session = {it.exercise_id for it in planned.items}
    options = _easier(ex, catalog, kit, avoid | frozenset(ex.sensitivities)) if hurts else []
    subs = substitutes(
        exercise_id,
        catalog=catalog,
        available_equipment=kit,
        avoid_sensitivities=avoid,
        needed=None if hurts else needed,
        k=MAX_OPTIONS + len(in_session),
        hurts=hurts,
        request=request,
        phase=phase,
        compression=spine_compression(),
        unit=unit,
    )
    seen = {o.exercise_id for o in options} | in_session
    for s in subs:
        if s.exercise_id not in seen and len(options) < MAX_OPTIONS + (1 if hurts else 0):
            options.append(SwapOption(s.exercise_id, s.name, _reason(s.reason, ex, s.name), False))
            seen.add(s.exercise_id)
    advice = (
        f"Stop {ex.name} now. If the pain settles within a minute, try an easier option below; "
        "if it stays, spreads into a leg or comes with numbness, stop the session. Log the "
        "highest pain at the end: the next sessions adapt to it."
        if hurts
        else f"Do one of these instead of {ex.name} today; your plan stays as it is."
    )
    return SwapOptions(session_id, exercise_id, ex.name, hurts, tuple(options), advice)


def swapped_view(planned: SessionPlan, swaps: dict[str, str]) -> SessionPlan:
    """The session with each ``{planned exercise: chosen exercise}`` swap in place.

    The chosen exercise keeps the planned sets, rest and effort, with its own kind of dose
    (reps, hold or distance) and sides from the catalogue. Unknown ids are ignored.
    """
    if not swaps:
        return planned
    catalog = load_catalog()
    items = []
    for view in planned.items:
        new_id = swaps.get(view.exercise_id)
        if new_id is None or new_id not in catalog or new_id == view.exercise_id:
            items.append(view)
            continue
        ex = catalog.get(new_id)
        d, old = ex.dose, view.item.dose
        dose = ItemDose(
            sets=old.sets,
            reps=d.reps,
            hold_s=d.hold_s,
            distance_m=d.distance_m,
            per_side=d.per_side,
            tempo=d.tempo,
            rest_s=old.rest_s,
            intensity=old.intensity,
            extra_sets_side=old.extra_sets_side if d.per_side else None,
        )
        item = replace(
            view.item,
            exercise_id=ex.id,
            name=ex.name,
            dose=dose,
            why=(f"Done instead of {view.name} today.", *view.item.why),
        )
        items.append(
            ItemView(view.block, item, name=ex.name, loading=ex.loading, cues=tuple(ex.cues))
        )
    return replace(planned, items=tuple(items))
