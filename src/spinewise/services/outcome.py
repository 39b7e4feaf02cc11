"""What a finished session did and what changes because of it, in people's words.

- :func:`session_outcome`: the summary after a session: what was done against the plan, the pain
  with its band, and what the adaptation changed in the next sessions and why.
- :func:`plan_change_log`: every version of a plan with its date and its changes in words.
- :func:`session_changes`: the changes that apply to one planned session (what the next session
  holds back after a painful one, and why).
- :func:`adapt_now`: adapt the plan to the log in the request, for the API answer that names the
  changes (``POST /api/v1/logs/sessions``, docs/contracts/README.md), or enqueue it when the
  app has a job queue.
- :func:`last_sets`: the sets logged last time for each exercise ("last time" in the player).

A change is tied to the logged session it came from by the record's ``based_on`` ("week 1
session 2 logged 2026-12-09", :mod:`spinewise.adaptation.engine`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from spinewise.logbook import SessionLog, SetLog
from spinewise.pain_bands import ACCEPTABLE_MAX_0_10
from spinewise.planning.plan import Plan, PlanChange
from spinewise.report.change_words import ChangeWords, group_changes, pain_words
from spinewise.services.adapt import (
    AdaptationQueue,
    Finished,
    adapt_in_process,
    adapted_for,
)
from spinewise.services.handle import Store
from spinewise.services.log import history_page
from spinewise.services.plans import user_plans
from spinewise.services.sessions import NextSession, next_session, planned_view, user_session
from spinewise.services.swap import SessionSwap, session_swaps
from spinewise.services.views import SessionPlan, catalog_lookup
from spinewise.store import StoredPlan, StoredSession, list_profiles, reading
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit, weight_text

__all__ = [
    "DoneExercise",
    "PainLine",
    "SessionOutcome",
    "VersionChanges",
    "adapt_now",
    "changes_of",
    "last_sets",
    "name_of",
    "plan_change_log",
    "session_changes",
    "session_outcome",
]

#: Sessions read back to find "last time" of each exercise (bounded, so that a long log stays
#: fast; an exercise not done in that many sessions shows no "last time").
LAST_TIME_SESSIONS = 30


def name_of(exercise_id: str) -> str:
    """An exercise's name (a custom one's own name; an unknown id in words)."""
    found = catalog_lookup().get(exercise_id)
    if found is not None:
        return found[0]
    return exercise_id.removeprefix("custom:").replace("_", " ")


@dataclass(frozen=True)
class DoneExercise:
    """One exercise of a session: what was planned and what was logged.

    Attributes
    ----------
    exercise_id, name
        The exercise.
    planned_sets
        Sets planned (both sides added for per-side work); 0 for an exercise not in the plan
        (a swap or an extra).
    logged_sets
        Sets logged.
    detail
        The logged work in words ("8, 8, 7 reps", "30 s, 28 s").
    instead_of
        The planned exercise's name when this one was done instead of it ("swap this").
    hurt
        Whether it was swapped because the planned exercise hurt.
    """

    exercise_id: str
    name: str
    planned_sets: int
    logged_sets: int
    detail: str
    instead_of: str | None = None
    hurt: bool = False


@dataclass(frozen=True)
class PainLine:
    """One pain rating of the session in words."""

    label: str
    value: int | None
    words: str


@dataclass(frozen=True)
class SessionOutcome:
    """The summary after a session.

    Attributes
    ----------
    stored
        The session.
    planned
        Its planned session (``None`` when it was not a planned one, or the plan is gone).
    done
        What was done, exercise by exercise (planned ones in plan order, then the rest).
    pain
        Pain before, during, after and the next morning, each with its band.
    changes
        What the adaptation changed in the next sessions because of this one, and why.
    next
        The next planned session (its date, and why it is not today when it is held back).
    corrected
        Whether ``changes`` were worked out again after the session's log was corrected (the
        plan version holding them replaces the one that first adapted to it).
    """

    stored: StoredSession
    planned: SessionPlan | None
    done: tuple[DoneExercise, ...]
    pain: tuple[PainLine, ...]
    changes: tuple[ChangeWords, ...]
    next: NextSession | None
    corrected: bool = False

    @property
    def painful(self) -> bool:
        """Whether pain during or after was above 5/10 (too much)."""
        return any(
            p.value is not None and p.value > ACCEPTABLE_MAX_0_10 and p.label in ("During", "After")
            for p in self.pain
        )


def _detail(sets: list[SetLog], unit: WeightUnit) -> str:
    parts = []
    for s in sets:
        side = f" {s.side}" if s.side else ""
        if s.reps is not None:
            what = f"{s.reps} reps"
        elif s.hold_s is not None:
            what = f"{s.hold_s:g} s"
        elif s.distance_m is not None:
            what = f"{s.distance_m:g} m"
        else:
            what = "done"
        if s.load_kg:
            what += f" with {weight_text(s.load_kg, unit)}"
        parts.append(what + side)
    return ", ".join(parts)


def _done(
    log: SessionLog,
    planned: SessionPlan | None,
    unit: WeightUnit,
    swaps: Iterable[SessionSwap] = (),
) -> tuple[DoneExercise, ...]:
    by_exercise: dict[str, list[SetLog]] = {}
    for s in log.sets:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    instead = {s.planned_exercise_id: s for s in swaps}
    out = []
    seen = set()
    for item in () if planned is None else planned.items:
        if item.exercise_id in seen:
            continue
        seen.add(item.exercise_id)
        count = (item.sets_left or 0) + (item.sets_right or 0) if item.per_side else item.sets
        swap = instead.get(item.exercise_id)
        if swap is not None and swap.done_exercise_id not in seen:
            # what was actually done: the chosen exercise, against the planned sets
            seen.add(swap.done_exercise_id)
            sets = by_exercise.get(swap.done_exercise_id, [])
            out.append(
                DoneExercise(
                    swap.done_exercise_id,
                    name_of(swap.done_exercise_id),
                    count,
                    len(sets),
                    _detail(sets, unit),
                    instead_of=item.name,
                    hurt=swap.hurts,
                )
            )
            continue
        sets = by_exercise.get(item.exercise_id, [])
        out.append(DoneExercise(item.exercise_id, item.name, count, len(sets), _detail(sets, unit)))
    for exercise_id, sets in by_exercise.items():
        if exercise_id not in seen:
            detail = _detail(sets, unit)
            out.append(DoneExercise(exercise_id, name_of(exercise_id), 0, len(sets), detail))
    return tuple(out)


def _pain(log: SessionLog) -> tuple[PainLine, ...]:
    p = log.pain
    lines = []
    for label, value in (
        ("Before", p.before),
        ("During", p.during),
        ("After", p.after),
        ("Next morning", p.next_morning),
    ):
        lines.append(PainLine(label, value, "not recorded" if value is None else pain_words(value)))
    return tuple(lines)


def changes_of(plans: Iterable[StoredPlan], log: SessionLog) -> list[PlanChange]:
    """The changes made because of ``log``, from the newest of ``plans`` that holds any."""
    return adapted_for(plans, log)


def session_outcome(
    store: Store,
    athlete: int,
    session_id: int,
    *,
    today: date,
    unit: WeightUnit = DEFAULT_WEIGHT_UNIT,
) -> SessionOutcome | None:
    """The summary of one of the athlete's sessions (``None`` if it is not theirs).

    What was done is written with its loads in ``unit`` ("kg" or "lb").
    """
    stored = user_session(store, athlete, session_id)
    if stored is None:
        return None
    log = stored.log
    planned = planned_view(store, athlete, session_id) if log.planned is not None else None
    plans = user_plans(store, athlete)
    changes = changes_of(plans, log)
    return SessionOutcome(
        stored=stored,
        planned=planned,
        done=_done(log, planned, unit, session_swaps(store, athlete, session_id)),
        pain=_pain(log),
        changes=tuple(group_changes(changes, name_of)),
        next=next_session(store, athlete, today=today),
        corrected=_corrected(plans, changes),
    )


def _corrected(plans: list[StoredPlan], changes: list[PlanChange]) -> bool:
    """Whether the version that made ``changes`` replaces an earlier one with its number.

    A re-adaptation after a corrected log has the plan version number of the version it
    replaces (decision 0274): two versions with the number in the lineage of the newest plan
    holding ``changes`` mean they were made again.
    """
    if not changes:
        return False
    holder = max(
        (p for p in plans if changes[0] in p.record.plan.adaptations),
        key=lambda p: p.record.version,
    )
    family = {*holder.record.plan.adapted_from_ids, holder.id}
    number = changes[0].version
    return sum(p.id in family and (p.record.plan.version or 1) == number for p in plans) > 1


@dataclass(frozen=True)
class VersionChanges:
    """One plan version: when it was made and what it changed, in words.

    ``replaces`` is the version this one was made again in place of, when a session's log was
    corrected after the plan adapted to it (``None`` otherwise).
    """

    version: int
    plan_id: int
    created_at: datetime
    changes: tuple[ChangeWords, ...]
    replaces: int | None = None

    @property
    def first(self) -> bool:
        """Whether this is the plan as first made (no changes, not made again)."""
        return not self.changes and self.replaces is None


def plan_change_log(store: Store, athlete: int, stored: StoredPlan) -> list[VersionChanges]:
    """Every version in ``stored``'s lineage, newest first, with its changes in words.

    The lineage is the version itself and those it was adapted from; each change is listed
    under the version that made it (by the plan's own version number, ``Plan.version``). A
    version made again after a corrected log has the number of the one it replaces: only the
    newer is listed, naming the one it replaces (decision 0274).
    """
    lineage = {*stored.record.plan.adapted_from_ids, stored.id}
    versions = sorted(
        (p for p in user_plans(store, athlete) if p.id in lineage),
        key=lambda p: p.record.version,
    )
    by_version: dict[int, list[PlanChange]] = {}
    for change in stored.record.plan.adaptations:
        by_version.setdefault(change.version, []).append(change)
    current: dict[int, VersionChanges] = {}
    for p in versions:
        number = p.record.plan.version or 1
        made_before = current.get(number)
        current[number] = VersionChanges(
            version=p.record.version,
            plan_id=p.id,
            created_at=p.record.created_at,
            changes=tuple(group_changes(by_version.get(number, ()), name_of)),
            replaces=None if made_before is None else made_before.version,
        )
    return sorted(current.values(), key=lambda v: v.version, reverse=True)


def session_changes(plan: Plan, week: int, session: int) -> list[ChangeWords]:
    """The newest changes that apply to week ``week``, session ``session`` of ``plan``."""
    here = [c for c in plan.adaptations if (c.week, c.session) == (week, session)]
    if not here:
        return []
    newest = max(c.version for c in here)
    return group_changes((c for c in here if c.version == newest), name_of)


def adapt_now(
    store: Store,
    athlete: int,
    log: SessionLog,
    *,
    now: datetime,
    session_id: int | None = None,
    jobs: AdaptationQueue | None = None,
) -> Finished:
    """Adapt the newest plan to ``log`` just logged, store the new version; what changed.

    The plan adapts to the most recent planned session of the log, so nothing is adapted
    (``changes`` empty) when ``log`` names no planned session, when a later planned session is
    already logged (a back-filled session must not apply the last one's decisions again), when
    the plan already holds the changes made because of it, or without a stored profile or plan.

    With ``jobs`` (and ``session_id``, the stored session of ``log``), the adaptation is
    enqueued there instead (keyed by the session and the plan version, so the same session is
    adapted once) and this returns at once with its ``job_key``; the changes are then read from
    the stored plan once the job is done (:func:`spinewise.services.session_adaptation`).
    """
    if log.planned is None:
        return Finished(found=True)
    with reading(store.engine) as db:
        has_profile = bool(list_profiles(db, athlete))
    plans = user_plans(store, athlete)
    if not has_profile or not plans or changes_of(plans, log):
        return Finished(found=True)
    recent = history_page(store, athlete, limit=LAST_TIME_SESSIONS, newest_first=True)
    if any(s.log.planned is not None and s.log.started_at > log.started_at for s in recent):
        return Finished(found=True)
    if jobs is not None and session_id is not None:
        newest = max(plans, key=lambda p: p.record.version)
        key = jobs.enqueue_adaptation(athlete, session_id, newest.id, step="logged", now=now)
        return Finished(found=True, job_key=key)
    return adapt_in_process(store, athlete, now=now)


def last_sets(
    store: Store, athlete: int, exercise_ids: Iterable[str], *, before: datetime
) -> dict[str, tuple[SetLog, ...]]:
    """The sets of each exercise in the last session before ``before`` that has it.

    Only the last :data:`LAST_TIME_SESSIONS` sessions are read.
    """
    wanted = set(exercise_ids)
    found: dict[str, tuple[SetLog, ...]] = {}
    recent = history_page(store, athlete, limit=LAST_TIME_SESSIONS + 1, newest_first=True)
    for stored in recent:
        if stored.log.started_at >= before:
            continue
        for exercise_id in wanted - set(found):
            sets = tuple(s for s in stored.log.sets if s.exercise_id == exercise_id)
            if sets:
                found[exercise_id] = sets
        if len(found) == len(wanted):
            break
    return found
