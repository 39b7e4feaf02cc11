"""Adaptation: the stored plan and log in, the adapted plan out, stored as a new version.

The web app adapts after every finished session; ``spinewise next`` previews (and with
``--apply`` stores) the same adaptation; ``spinewise status`` shows it with the load trends.

The plan adapts to the newest planned session logged. When the newest version already holds that
session's changes (a pain or a set corrected after the session was adapted to), the adaptation
starts again from the version before them, so that the corrected log is adapted to once and
never on top of the first adaptation (decision 0274).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Protocol

from spinewise.adaptation.decision import RuleDecision
from spinewise.adaptation.engine import Adaptation, planned_order
from spinewise.adaptation.review import progress_review
from spinewise.adaptation.stored import adapt_stored
from spinewise.errors import InputError
from spinewise.logbook import ProfileRecord, SessionLog, SetLog
from spinewise.logbook.summary import SessionSummary
from spinewise.planning.plan import Plan, PlanChange
from spinewise.profile import Profile, parse_profile
from spinewise.services.handle import Store
from spinewise.services.plancache import PlanEntry
from spinewise.services.plans import plan_entry, user_plans
from spinewise.services.schedule import DatedSession, anchor_for, dated_sessions, plan_schedule
from spinewise.services.sessions import (
    SessionFields,
    record_set,
    update_session_fields,
    user_session,
)
from spinewise.store import (
    StoredPlan,
    add_profile,
    list_profiles,
    list_sessions,
    reading,
    save_plan,
    writing,
)
from spinewise.store.engine import advisory_lock
from spinewise.store.jobstate import finish_job, job_done

__all__ = [
    "AdaptOutcome",
    "AdaptationQueue",
    "Finished",
    "adapt_plan",
    "adapted_for",
    "correct_set",
    "finish_session",
    "progress_review_of",
    "store_adaptation",
]


@dataclass(frozen=True)
class AdaptOutcome:
    """An adaptation of the newest plan to the log, not stored yet.

    Attributes
    ----------
    stored
        The plan version adapted.
    result
        The adapted plan, its changes and reasons.
    sessions
        The whole log it was adapted to, in time order.
    upcoming
        The next session of the adapted plan (:mod:`spinewise.services.schedule`), if any.
    base
        The earlier version adapted instead of ``stored`` when ``stored`` already holds the
        changes made because of the newest planned session (its log was corrected): the result
        replaces those changes. ``None`` when ``stored`` itself was adapted.
    """

    stored: StoredPlan
    result: Adaptation
    sessions: tuple[SessionLog, ...]
    upcoming: DatedSession | None
    base: StoredPlan | None = None


@dataclass(frozen=True)
class Finished:
    """A finished session: whether it was the athlete's, and how the plan adapted to it.

    ``changes`` are the adaptation's change records (empty when nothing changed, or when
    there is no profile or plan to adapt); ``plan_version`` is the stored adapted version;
    ``held`` are the changes refused because the version would have broken a requirement of the
    plan, each with the reason in plain words.
    """

    found: bool
    changes: tuple[PlanChange, ...] = ()
    plan_version: int | None = None
    job_key: str | None = None
    held: tuple[PlanChange, ...] = ()


class AdaptationQueue(Protocol):
    """Where a finished session's adaptation is sent to run in the background."""

    def enqueue_adaptation(
        self, athlete: int, session_id: int, plan_id: int, *, step: str, now: datetime
    ) -> str:
        """Enqueue the adaptation (keyed by its input); the job key."""


def _read(
    store: Store, athlete: int, profile: Profile | None
) -> tuple[PlanEntry, Profile, tuple[SessionLog, ...]]:
    entry = plan_entry(store, athlete)
    if entry is None:
        raise InputError("plan: no stored plan; store one with `spinewise log use-plan FILE`")
    with reading(store.engine) as db:
        sessions = tuple(s.log for s in list_sessions(db, athlete))
        records = [] if profile is not None else list_profiles(db, athlete)
    if profile is not None:
        return entry, profile, sessions
    if not records:
        raise InputError("--profile: needed (no profile is stored for this athlete)")
    return entry, parse_profile(records[-1].profile), sessions


def based_on(log: SessionLog) -> str | None:
    """How the adaptation names a logged planned session in its changes (``None``: unplanned).

    The same text as :mod:`spinewise.adaptation.engine` writes in ``PlanChange.based_on``.
    """
    if log.planned is None:
        return None
    ref = log.planned
    return f"week {ref.week} session {ref.session} logged {log.started_at.date().isoformat()}"


def adapted_for(plans: Iterable[StoredPlan], log: SessionLog) -> list[PlanChange]:
    """The changes made because of ``log``, from the newest of ``plans`` that holds any."""
    key = based_on(log)
    if key is None:
        return []
    for stored in sorted(plans, key=lambda p: p.record.version, reverse=True):
        found = [c for c in stored.record.plan.adaptations if c.based_on == key]
        if found:
            return found
    return []


def progress_review_of(store: Store, athlete: int, *, today: date) -> RuleDecision | None:
    """The six-week review of the athlete's log (advice to see a clinician), if it applies."""
    with reading(store.engine) as db:
        sessions = [s.log for s in list_sessions(db, athlete)]
    return progress_review(sessions, today)


def _base(
    store: Store, athlete: int, newest: StoredPlan, sessions: Sequence[SessionLog]
) -> StoredPlan | None:
    """The version to adapt: ``newest``, or the one before the changes it holds for the log.

    The plan adapts to the newest planned session logged. When ``newest`` already holds changes
    made because of that session and they are its newest changes, the session's log was
    corrected: adapting ``newest`` again would apply the session's decisions a second time, so
    the version before those changes is adapted (of the versions with that number in the
    lineage, the newest: a correction corrected again starts from the same version). ``None``
    when those changes are not the newest (something was adapted on top of them since), or the
    version before is not stored: then nothing is adapted.
    """
    done = planned_order(sessions)
    if not done:
        return newest
    key = based_on(done[-1])
    plan = newest.record.plan
    mine = {c.version for c in plan.adaptations if c.based_on == key}
    if not mine:
        return newest
    if max(mine) != max(c.version for c in plan.adaptations):
        return None
    lineage = set(plan.adapted_from_ids)
    before = [
        p
        for p in user_plans(store, athlete)
        if p.id in lineage and (p.record.plan.version or 1) == max(mine) - 1
    ]
    return max(before, key=lambda p: p.record.version, default=None)


def adapt_plan(
    store: Store, athlete: int, *, today: date, profile: Profile | None = None
) -> AdaptOutcome:
    """Adapt the newest plan to the log, with ``profile`` or else the newest stored profile.

    When the newest version already holds the changes made because of the newest planned
    session (its log was corrected since), the version before those changes is adapted instead
    (``AdaptOutcome.base``), so the corrected log is adapted to once, not on top of the first
    adaptation; when that cannot be done, nothing changes.
    """
    entry, prof, sessions = _read(store, athlete, profile)
    base = _base(store, athlete, entry.stored, sessions)
    if base is None:
        result = Adaptation(
            entry.stored.record.plan,
            [],
            summary="The plan already holds changes made on top of the last session's: "
            "it stands as it is.",
        )
    else:
        result = adapt_stored(base.record.plan, sessions, prof, today=today)
    summaries = [SessionSummary.from_log(s) for s in sessions]
    sched = plan_schedule(
        dated_sessions(result.plan, anchor_for(entry.anchor, today)),
        summaries,
        versions=entry.versions,
        today=today,
    )
    again = None if base is None or base.id == entry.stored.id else base
    return AdaptOutcome(entry.stored, result, sessions, sched.next, again)


def store_adaptation(
    store: Store,
    athlete: int,
    outcome: AdaptOutcome,
    *,
    now: datetime,
    profile: Profile | None = None,
    job_key: str | None = None,
) -> StoredPlan | None:
    """Store the adapted plan as a new version naming its ancestry; ``None`` if nothing changed.

    A re-adaptation from an earlier version (``outcome.base``) is stored even without changes,
    since it undoes the changes it replaces, unless it is the newest version over again (nothing
    it reads changed: ``spinewise next --apply`` run twice); it takes the number of the plan
    version it replaces (``Plan.version``), and its ancestry keeps the replaced version, so the
    sessions logged against it still count.

    ``profile`` (given on the command line) is stored too, so that the next run finds it.
    ``job_key`` names the background job doing this: its result is written in the same
    transaction, and a job already done stores nothing again (a re-run after a crash).
    """
    stored = outcome.stored
    adapted = replace(
        outcome.result.plan,
        adapted_from_ids=(*stored.record.plan.adapted_from_ids, stored.id),
    )
    if outcome.base is not None:
        adapted = replace(adapted, version=(outcome.base.record.plan.version or 1) + 1)
    with writing(store.engine) as db:
        advisory_lock(db, athlete)
        if job_key is not None and job_done(db, job_key) is not None:
            return None
        saved = None
        again = outcome.base is not None and not _same(adapted, stored.record.plan)
        if (outcome.result.changes and outcome.base is None) or again:
            saved = save_plan(db, athlete, adapted, created_at=now, seed=stored.record.seed)
        if profile is not None and saved is not None:
            data = profile.model_dump(mode="json", exclude_none=True)
            add_profile(db, athlete, ProfileRecord(recorded_at=now, profile=data))
        if job_key is not None:
            version = None if saved is None else saved.record.version
            finish_job(
                db, job_key, {"plan_version": version, "changes": len(outcome.result.changes)}, now
            )
    return saved


def _same(adapted: Plan, newest: Plan) -> bool:
    """Whether a re-adaptation is the newest version over again (its ancestry aside)."""
    return (
        replace(adapted, adapted_from_ids=()).to_json()
        == replace(newest, adapted_from_ids=()).to_json()
    )


#: The fields of a session the adaptation reads, as ``finish_session`` names them.
_READ = {
    "duration_min": lambda log: log.duration_min,
    "session_rpe": lambda log: log.session_rpe,
    "pain_before": lambda log: log.pain.before,
    "pain_during": lambda log: log.pain.during,
    "pain_after": lambda log: log.pain.after,
    "pain_next_morning": lambda log: log.pain.next_morning,
}


def _news(log: SessionLog, changes: SessionFields) -> bool:
    """Whether ``changes`` give a field the adaptation reads a new value."""
    return any(
        name in _READ and _READ[name](log) != value for name, value in changes.given().items()
    )


def finish_session(
    store: Store,
    athlete: int,
    session_id: int,
    changes: SessionFields,
    notes: str | None = None,
    *,
    now: datetime,
    adapt: bool = True,
    jobs: AdaptationQueue | None = None,
) -> Finished:
    """Record RPE, pain and duration of a session, then adapt the plan to the log.

    The next sessions progress, hold or regress with their reasons, stored as a new plan version
    (as ``spinewise next --apply``). An update that changes nothing the adaptation reads (notes,
    the same values again) is only recorded once the plan holds the changes made because of the
    session. With ``jobs``, the adaptation is enqueued there and this
    returns at once with its ``job_key``; ``adapt=False`` only records.
    """
    before = user_session(store, athlete, session_id)
    if not update_session_fields(store, athlete, session_id, changes, notes):
        return Finished(found=False)
    if not adapt:
        return Finished(found=True)
    if (
        before is not None
        and not _news(before.log, changes)
        and adapted_for(user_plans(store, athlete), before.log)
    ):
        # Nothing the adaptation reads changed, and the plan already holds the changes made
        # because of this session: adapting again would apply them twice (decision 0260).
        return Finished(found=True)
    return _adapt_after(store, athlete, session_id, ",".join(sorted(changes.given())), now, jobs)


def _adapt_after(
    store: Store,
    athlete: int,
    session_id: int,
    step: str,
    now: datetime,
    jobs: AdaptationQueue | None,
) -> Finished:
    """Adapt the plan after ``step`` (what was recorded) of a session, or enqueue that."""
    with reading(store.engine) as db:
        has_profile = bool(list_profiles(db, athlete))
    entry = plan_entry(store, athlete) if has_profile else None
    if entry is None:
        return Finished(found=True)
    if jobs is not None:
        key = jobs.enqueue_adaptation(athlete, session_id, entry.stored.id, step=step, now=now)
        return Finished(found=True, job_key=key)
    return adapt_in_process(store, athlete, now=now)


def adapt_in_process(store: Store, athlete: int, *, now: datetime) -> Finished:
    """Adapt the plan in this process now and store the version it makes (if any)."""
    outcome = adapt_plan(store, athlete, today=now.date())
    saved = store_adaptation(store, athlete, outcome, now=now)
    return Finished(
        found=True,
        changes=tuple(outcome.result.changes),
        plan_version=None if saved is None else saved.record.version,
        held=tuple(outcome.result.held),
    )


def correct_set(
    store: Store,
    athlete: int,
    session_id: int,
    item: SetLog,
    *,
    now: datetime,
    jobs: AdaptationQueue | None = None,
    client_id: str | None = None,
) -> int | None:
    """Log (or replace) one set; a set changed in a finished session adapts the plan again.

    A set logged during a session only records it (the plan adapts when the session is
    finished). A set changed after the session was finished is a corrected log: the plan is
    adapted to it (from the version before the session's changes, :func:`adapt_plan`). The
    set's id, ``None`` if the session is not the athlete's; ``client_id`` as for
    :func:`~spinewise.services.sessions.log_set`.
    """
    set_id, corrects = record_set(store, athlete, session_id, item, client_id)
    if corrects:
        _adapt_after(store, athlete, session_id, f"set {item.exercise_id}", now, jobs)
    return set_id
