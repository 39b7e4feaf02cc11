"""Apply exercise decisions to the upcoming sessions of a plan, as a new plan version.

- progress: the next dose step (one more rep, five more seconds of hold, five more metres), or,
  once the dose reaches the top of its range (12 reps, 60 s, or the exercise's default + 4 reps),
  the catalogue's progression at its default dose, when it passes the planner's checks;
- regress: after unacceptable pain, the catalogue's regression that passes the planner's checks
  (or, failing one, the reduced dose); otherwise fewer sets (one less, at least one) and holds
  three quarters as long (rounded to 5 s);
- hold: unchanged.

Every exercise a change would put into the plan passes the planner's own item checks first
(:func:`spinewise.planning.validate_item.item_problems`: equipment, sensitivities, the pain gate
for fast and impact work, the level window of the week's phase, and the spine-compression limit
at the load the planner would cap it at); a progression or regression that fails is passed over
for the next one, or for the dose step, and the change says why. The new version as a whole then
passes the validator (:mod:`spinewise.adaptation.guard`): a change that would make it break a
requirement is refused, the item stays as planned, and the refusal is returned with its reason.

Every change is recorded in the new version's ``adaptations`` with its reasons, and the plan's
``version`` goes up by one. The step sizes are coaching conventions of this project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import cast

from spinewise.adaptation.guard import ItemKey, Pending, keep_valid, with_item
from spinewise.adaptation.progression import ExerciseDecision
from spinewise.catalog import Catalog, Exercise
from spinewise.planning.dosing import ItemDose, intro_sets, item_seconds
from spinewise.planning.periodization import Phase
from spinewise.planning.plan import Item, Plan, PlanChange, Session
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import CompressionFn, model_compression_n
from spinewise.planning.validate_item import item_problems, planner_dose

__all__ = ["TOP_HOLD_S", "TOP_REPS", "Adjusted", "adjust_plan"]

#: Top of a dose range before moving to the catalogue's progression.
TOP_REPS = 12
TOP_HOLD_S = 60.0


@dataclass(frozen=True)
class Adjusted:
    """A new plan version with the decisions applied, and what was refused.

    Attributes
    ----------
    plan
        The new version (``version`` one up, its ``adaptations`` extended by ``changes``).
    changes
        The changes made, each with its reasons.
    held
        The changes refused because the version would have broken a requirement of the plan:
        verdict ``hold``, the item as planned, the first reason saying why in plain words.
    """

    plan: Plan
    changes: tuple[PlanChange, ...]
    held: tuple[PlanChange, ...] = ()


@dataclass(frozen=True)
class _Checks:
    """What the planner's checks need: the athlete, the catalogue and the compression estimate."""

    request: PlanRequest
    catalog: Catalog
    compression: CompressionFn

    def swap(
        self, item: Item, ex: Exercise, phase: Phase, session: Session
    ) -> tuple[Item | None, str]:
        """``item`` as ``ex`` at its default dose, or None and why not in plain words."""
        if any(it.exercise_id == ex.id for _, it in session.items()):
            return None, f"{ex.name} is already in that session"
        swapped = _swap(item, ex)
        dose = planner_dose(ex, self.request, swapped.dose, self.compression)
        problems = item_problems(
            ex, self.request, phase, dose=dose or swapped.dose, compression=self.compression
        )
        if problems:
            return None, problems[0].plain
        if dose is None:
            return None, f"{ex.name} would load your lower back beyond your limit"
        return swapped.with_dose(dose), ""


def _swap(item: Item, ex: Exercise) -> Item:
    """``item`` as ``ex`` at the catalogue's dose (no load cap yet)."""
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
    )
    return replace(item, exercise_id=ex.id, name=ex.name, dose=dose)


def _first_swap(
    item: Item,
    ids: tuple[str, ...],
    checks: _Checks,
    phase: Phase,
    session: Session,
) -> tuple[Item | None, Exercise | None, list[str]]:
    """The first of ``ids`` that passes the checks, and why each one before it did not."""
    refused: list[str] = []
    for eid in ids:
        if eid not in checks.catalog:
            continue
        ex = checks.catalog.get(eid)
        swapped, why_not = checks.swap(item, ex, phase, session)
        if swapped is not None:
            return swapped, ex, refused
        refused.append(why_not)
    return None, None, refused


def _not_used(what: str, refused: list[str], kind: str) -> str:
    if not refused:
        return what
    return f"{what} (the catalogue's {kind} was not used: {'; '.join(refused)})"


def _progress(
    item: Item, ex: Exercise, checks: _Checks, phase: Phase, session: Session
) -> list[tuple[Item, str]]:
    """The ways to progress ``item``, best first: the catalogue's progression, the dose step."""
    dose = item.dose
    reps, hold, dist = dose.reps, dose.hold_s, dose.distance_m
    top = (reps is not None and reps >= min(TOP_REPS, (ex.dose.reps or TOP_REPS) + 4)) or (
        hold is not None and hold >= TOP_HOLD_S
    )
    options: list[tuple[Item, str]] = []
    refused: list[str] = []
    if top:
        swapped, nxt, refused = _first_swap(item, ex.progressions, checks, phase, session)
        if swapped is not None and nxt is not None:
            options.append((swapped, f"{ex.name} -> {nxt.name} (the catalogue's progression)"))
    if reps is not None:
        step, what = replace(dose, reps=reps + 1), f"reps {reps} -> {reps + 1}"
    elif hold is not None:
        longer = float(hold) + 5.0
        step, what = replace(dose, hold_s=longer), f"hold {hold:g} -> {longer:g} s"
    elif dist is not None:
        further = float(dist) + 5.0
        step, what = replace(dose, distance_m=further), f"distance {dist:g} -> {further:g} m"
    else:
        return options or [(item, "no dose to step")]
    return [*options, (item.with_dose(step), _not_used(what, refused, "progression"))]


def _regress(
    item: Item,
    ex: Exercise,
    decision: ExerciseDecision,
    checks: _Checks,
    phase: Phase,
    session: Session,
) -> list[tuple[Item, str]]:
    """The ways to regress ``item``, best first: the catalogue's regression, the lighter dose."""
    options: list[tuple[Item, str]] = []
    refused: list[str] = []
    if decision.severe:
        swapped, easier, refused = _first_swap(item, ex.regressions, checks, phase, session)
        if swapped is not None and easier is not None:
            options.append((swapped, f"{ex.name} -> {easier.name} (the catalogue's regression)"))
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
    what = ", ".join(changes) or "already at the lightest dose"
    return [*options, (item.with_dose(dose), _not_used(what, refused, "regression"))]


def _session_seconds(session: Session) -> int:
    return sum(item_seconds(it.dose) for _, it in session.items())


def adjust_plan(
    plan: Plan,
    decisions: Mapping[str, ExerciseDecision],
    *,
    upcoming: set[tuple[int, int]],
    catalog: Catalog,
    request: PlanRequest,
    based_on: str,
    version: int | None = None,
    compression: CompressionFn = model_compression_n,
) -> Adjusted:
    """A new plan version with the decisions applied to the ``upcoming`` (week, session) keys.

    Parameters
    ----------
    plan
        The version to adapt; it is not changed.
    decisions
        Progress, hold or regress for each exercise, with reasons.
    upcoming
        The ``(week, session)`` keys the decisions apply to.
    catalog
        The exercise catalogue.
    request
        The athlete's needs and constraints, as the planner had them: the planner's checks run
        on every change.
    based_on
        What the decisions came from (a logged session), recorded with each change.
    version
        The new version's number; by default one more than ``plan``'s.
    compression
        Estimates an exercise's peak L5/S1 compression [N] (the planner's estimate by default).

    Returns
    -------
    Adjusted
        The new version, the changes made and the changes refused, each with its reasons.
    """
    version = (plan.version or 1) + 1 if version is None else version
    checks = _Checks(request, catalog, compression)
    made: dict[ItemKey, Pending] = {}
    new = plan
    for week, session in plan.sessions():
        if (week.index, session.index) not in upcoming:
            continue
        phase = cast(Phase, week.phase)
        for block_i, block in enumerate(session.blocks):
            for item_i, item in enumerate(block.items):
                decision = decisions.get(item.exercise_id)
                if (
                    decision is None
                    or decision.verdict == "hold"
                    or item.exercise_id not in catalog
                ):
                    continue
                ex = catalog.get(item.exercise_id)
                if decision.verdict == "progress":
                    options = _progress(item, ex, checks, phase, session)
                else:
                    options = _regress(item, ex, decision, checks, phase, session)
                ways = tuple(
                    (
                        replace(changed, why=(f"adapted ({decision.verdict}): {what}", *item.why)),
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
                        ),
                    )
                    for changed, what in options
                )
                trial = with_item(session, block_i, item_i, ways[0][0])
                if (
                    decision.verdict == "progress"
                    and _session_seconds(trial) > 60 * request.minutes_per_session
                ):
                    continue
                session = trial
                made[(week.index, session.index, block_i, item_i)] = Pending(item, ways)
        new = new.with_session(week.index, session)
    new, kept, held = keep_valid(plan, new, made, request, catalog, compression)
    changes = tuple(kept.values())
    new = replace(new, version=version, adaptations=(*new.adaptations, *changes))
    return Adjusted(new, changes, held)
