"""Apply exercise decisions to the upcoming sessions of a plan, as a new plan version.

- progress: the next dose step (one more rep, five more seconds of hold, five more metres), or,
  once the dose reaches the top of its range (12 reps, 60 s, or the exercise's default + 4 reps),
  the catalogue's progression at its default dose, when the athlete can do it;
- regress: after unacceptable pain, the catalogue's regression the athlete can do (or, failing
  one, the reduced dose); otherwise fewer sets (one less, at least one) and holds three quarters as
  long (rounded to 5 s);
- hold: unchanged.

Every change is recorded in the new version's ``adaptations`` with its reasons, and the plan's
``version`` goes up by one. The step sizes are coaching conventions of this project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from spinewise.adaptation.progression import ExerciseDecision
from spinewise.catalog import Catalog, Exercise
from spinewise.planning.dosing import ItemDose, intro_sets, item_seconds
from spinewise.planning.plan import Item, Plan, PlanChange, Session

__all__ = ["TOP_HOLD_S", "TOP_REPS", "adjust_plan"]

#: Top of a dose range before moving to the catalogue's progression.
TOP_REPS = 12
TOP_HOLD_S = 60.0


def _can_do(ex: Exercise, equipment: frozenset[str], sensitivities: frozenset[str]) -> bool:
    return set(ex.equipment) <= equipment and not set(ex.sensitivities) & sensitivities


def _swap(item: Item, ex: Exercise) -> Item:
    d = ex.dose
    dose = ItemDose(
        sets=min(intro_sets(d.sets), item.dose.sets),
        reps=d.reps,
        hold_s=d.hold_s,
        distance_m=d.distance_m,
        per_side=d.per_side,
        tempo=d.tempo,
        rest_s=d.rest_s,
        intensity=d.intensity,
        extra_sets_side=item.dose.extra_sets_side,
        load_cap_kg=None,
    )
    return replace(item, exercise_id=ex.id, name=ex.name, dose=dose)


def _progress(
    item: Item,
    ex: Exercise,
    catalog: Catalog,
    equipment: frozenset[str],
    sensitivities: frozenset[str],
) -> tuple[Item, str]:
    dose = item.dose
    reps, hold, dist = dose.reps, dose.hold_s, dose.distance_m
    top = (reps is not None and reps >= min(TOP_REPS, (ex.dose.reps or TOP_REPS) + 4)) or (
        hold is not None and hold >= TOP_HOLD_S
    )
    if top:
        for pid in ex.progressions:
            if pid in catalog and _can_do(catalog.get(pid), equipment, sensitivities):
                nxt = catalog.get(pid)
                return _swap(item, nxt), f"{ex.name} -> {nxt.name} (the catalogue's progression)"
    if reps is not None:
        return item.with_dose(replace(dose, reps=reps + 1)), f"reps {reps} -> {reps + 1}"
    if hold is not None:
        longer = float(hold) + 5.0
        return item.with_dose(replace(dose, hold_s=longer)), f"hold {hold:g} -> {longer:g} s"
    if dist is not None:
        further = float(dist) + 5.0
        return (
            item.with_dose(replace(dose, distance_m=further)),
            f"distance {dist:g} -> {further:g} m",
        )
    return item, "no dose to step"


def _regress(
    item: Item,
    ex: Exercise,
    decision: ExerciseDecision,
    catalog: Catalog,
    equipment: frozenset[str],
    sensitivities: frozenset[str],
) -> tuple[Item, str]:
    if decision.severe:
        for rid in ex.regressions:
            if rid in catalog and _can_do(catalog.get(rid), equipment, sensitivities):
                easier = catalog.get(rid)
                return _swap(
                    item, easier
                ), f"{ex.name} -> {easier.name} (the catalogue's regression)"
    dose = item.dose
    changes = []
    if dose.sets > 1:
        changes.append(f"sets {dose.sets} -> {dose.sets - 1}")
        dose = replace(dose, sets=dose.sets - 1)
    if dose.hold_s:
        shorter = max(5.0, 5 * round(float(dose.hold_s) * 0.75 / 5))
        if shorter < dose.hold_s:
            changes.append(f"hold {dose.hold_s:g} -> {shorter:g} s")
            dose = replace(dose, hold_s=shorter)
    return item.with_dose(dose), ", ".join(changes) or "already at the lightest dose"


def _session_minutes(session: Session) -> float:
    return round(sum(item_seconds(it.dose) for _, it in session.items()) / 60, 1)


def _session_seconds(session: Session) -> int:
    return sum(item_seconds(it.dose) for _, it in session.items())


def adjust_plan(
    plan: Plan,
    decisions: Mapping[str, ExerciseDecision],
    *,
    upcoming: set[tuple[int, int]],
    catalog: Catalog,
    equipment: frozenset[str],
    sensitivities: frozenset[str],
    minutes_per_session: int,
    based_on: str,
    version: int | None = None,
) -> tuple[Plan, list[PlanChange]]:
    """A new plan version with the decisions applied to the ``upcoming`` (week, session) keys.

    Parameters
    ----------
    version
        The new version's number; by default one more than ``plan``'s.

    Returns
    -------
    (plan, changes)
        The new plan version and the changes made, each with its reasons; ``plan`` itself is
        not changed.
    """
    version = (plan.version or 1) + 1 if version is None else version
    changes: list[PlanChange] = []
    new = plan
    for week, session in plan.sessions():
        if (week.index, session.index) not in upcoming:
            continue
        for block_i, block in enumerate(session.blocks):
            for item_i, item in enumerate(block.items):
                decision = decisions.get(item.exercise_id)
                if decision is None or decision.verdict == "hold":
                    continue
                ex = catalog.get(item.exercise_id)
                if decision.verdict == "progress":
                    changed, what = _progress(item, ex, catalog, equipment, sensitivities)
                else:
                    changed, what = _regress(item, ex, decision, catalog, equipment, sensitivities)
                changed = replace(changed, why=(f"adapted ({decision.verdict}): {what}", *item.why))
                trial = _with_item(session, block_i, item_i, changed)
                if (
                    decision.verdict == "progress"
                    and _session_seconds(trial) > 60 * minutes_per_session
                ):
                    continue
                session = trial
                changes.append(
                    PlanChange(
                        version=version,
                        week=week.index,
                        session=session.index,
                        exercise_id=ex.id,
                        now=changed.exercise_id,
                        verdict=decision.verdict,
                        change=what,
                        reasons=tuple(decision.reasons),
                        based_on=based_on,
                    )
                )
        new = new.with_session(week.index, session)
    new = replace(new, version=version, adaptations=(*new.adaptations, *changes))
    return new, changes


def _with_item(session: Session, block_i: int, item_i: int, item: Item) -> Session:
    blocks = list(session.blocks)
    items = list(blocks[block_i].items)
    items[item_i] = item
    blocks[block_i] = replace(blocks[block_i], items=tuple(items))
    session = replace(session, blocks=tuple(blocks))
    return replace(session, estimated_minutes=_session_minutes(session))
