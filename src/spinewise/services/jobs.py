"""Background work as use cases: the job record, and the work each job does, once.

A job is known by its key, built from its input (:func:`adaptation_key`, :func:`replan_key`):
enqueueing the same work twice finds the same record, and a job that is already done is not
done again. The adaptation's new plan version and the job's result are written in one
transaction (:func:`spinewise.services.adapt.store_adaptation` with ``job_key``), so a worker
killed mid-job leaves no half-done work: the job runs again and stores its plan once.

The queue engine is not imported here (``spinewise.jobs`` wraps it); these functions are what
its actors call.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from spinewise.catalog import load_catalog
from spinewise.errors import InputError
from spinewise.logbook import ExerciseMatcher
from spinewise.planning.plan import PlanChange
from spinewise.services.adapt import (
    AdaptationQueue,
    adapt_plan,
    adapted_for,
    based_on,
    store_adaptation,
)
from spinewise.services.handle import Store
from spinewise.services.plans import newest_plan, user_plans
from spinewise.services.sessions import schedule, user_session
from spinewise.services.transfer import count_history, import_history, stream_history
from spinewise.store import list_profiles, list_sessions, reading, writing
from spinewise.store.jobstate import (
    DONE,
    FAILED,
    RUNNING,
    JobArgs,
    JobRecord,
    JobResult,
    athletes_with_plans,
    finish_job,
    get_job,
    jobs_keyed,
    list_jobs,
    put_job,
    set_job_state,
    unfinished_jobs,
)

__all__ = [
    "BackgroundQueue",
    "JobArgs",
    "JobResult",
    "JobState",
    "SessionAdaptation",
    "adaptation_key",
    "athlete_jobs",
    "job_failed",
    "job_started",
    "job_state",
    "needs_replan",
    "pending_jobs",
    "record_job",
    "replan_key",
    "run_adaptation",
    "run_export",
    "run_import",
    "session_adaptation",
]


@dataclass(frozen=True)
class JobState:
    """What a person (or a test) sees of a job.

    Attributes
    ----------
    key
        The job key (its input).
    kind
        ``adapt``, ``replan``, ``import`` or ``export``.
    athlete_id
        Whose work it is.
    args
        What the job was asked to do (enough to enqueue it again).
    state
        ``queued``, ``running``, ``done`` or ``failed``.
    attempts
        How many times a worker started it.
    result
        Its result once done (``plan_version`` for plan jobs).
    error
        The last failure, if any.
    """

    key: str
    kind: str
    athlete_id: int | None
    args: JobArgs
    state: str
    attempts: int
    result: JobResult | None
    error: str | None

    @property
    def finished(self) -> bool:
        """Done (or failed for good): nothing more will happen."""
        return self.state in (DONE, FAILED)

    @property
    def problems(self) -> tuple[str, ...]:
        """Why a job failed on its input, in the person's words; empty otherwise.

        An unexpected failure (a bug, a lost connection) is kept for the logs only.
        """
        if self.state != FAILED or not self.error or self.error.startswith(UNEXPECTED):
            return ()
        return tuple(line for line in self.error.splitlines() if line.strip())


class BackgroundQueue(AdaptationQueue, Protocol):
    """The web app's queue: adaptations, and imports too large to wait for."""

    def enqueue_import(
        self,
        path: Path,
        fmt: str,
        athlete_name: str,
        digest: str,
        *,
        now: datetime,
        athlete: int | None = None,
        owned: bool = False,
        file_name: str | None = None,
    ) -> JobState:
        """Enqueue an import of ``path`` (keyed by its content); the job's state."""


def _state(rec: JobRecord) -> JobState:
    return JobState(
        rec.key, rec.kind, rec.athlete_id, rec.args, rec.state, rec.attempts, rec.result, rec.error
    )


def _adaptation_prefix(athlete: int, session_id: int) -> str:
    return f"adapt:{athlete}:{session_id}:"


def adaptation_key(athlete: int, session_id: int, plan_id: int, step: str = "") -> str:
    """The key of adapting plan ``plan_id`` after ``step`` (the fields recorded) of a session."""
    return f"{_adaptation_prefix(athlete, session_id)}{plan_id}:{step}"[:200]


def replan_key(athlete: int, plan_id: int, day: date) -> str:
    """The key of the nightly re-plan of plan ``plan_id`` on ``day``."""
    return f"replan:{athlete}:{plan_id}:{day.isoformat()}"


def record_job(
    store: Store, key: str, kind: str, athlete: int | None, args: JobArgs, *, now: datetime
) -> tuple[JobState, bool]:
    """The job of ``key``, recorded as queued if new; ``True`` when it is new (enqueue it)."""
    with writing(store.engine) as db:
        rec, created = put_job(db, key, kind, athlete, args, now)
    return _state(rec), created


def job_state(store: Store, key: str) -> JobState | None:
    """The job of ``key``, if recorded."""
    with reading(store.engine) as db:
        rec = get_job(db, key)
    return None if rec is None else _state(rec)


def athlete_jobs(store: Store, athlete: int, limit: int = 20) -> list[JobState]:
    """An athlete's newest jobs first."""
    with reading(store.engine) as db:
        return [_state(r) for r in list_jobs(db, athlete, limit)]


def pending_jobs(store: Store) -> list[JobState]:
    """Every job queued or running, oldest first."""
    with reading(store.engine) as db:
        return [_state(r) for r in unfinished_jobs(db)]


def job_started(store: Store, key: str, *, now: datetime) -> JobState | None:
    """Mark a job running (one more attempt); its state, or ``None`` when it is unknown."""
    with writing(store.engine) as db:
        set_job_state(db, key, RUNNING, now)
        rec = get_job(db, key)
    return None if rec is None else _state(rec)


#: How an unexpected failure's record begins (the person sees a general line, not this text).
UNEXPECTED = "unexpected: "


def job_failed(
    store: Store, key: str, error: str, *, now: datetime, final: bool, expected: bool = True
) -> None:
    """Record a failed attempt (``final``: no retry is left).

    ``expected``: the job failed on its input (an :class:`InputError`, whose problems are in
    the person's words and name the field, value and what is allowed); otherwise the record
    begins with :data:`UNEXPECTED` and :attr:`JobState.problems` is empty.
    """
    text = error if expected else UNEXPECTED + error
    with writing(store.engine) as db:
        set_job_state(db, key, FAILED if final else "queued", now, error=text)


def _finish(store: Store, key: str, result: JobResult, now: datetime) -> None:
    with writing(store.engine) as db:
        finish_job(db, key, result, now)


def run_adaptation(store: Store, key: str, athlete: int, *, now: datetime) -> JobState | None:
    """Adapt the athlete's newest plan to the log and store it, once per job key."""
    state = job_started(store, key, now=now)
    if state is None or state.state == DONE:
        return state
    with reading(store.engine) as db:
        has_profile = bool(list_profiles(db, athlete))
    if not has_profile or newest_plan(store, athlete) is None:
        _finish(store, key, {"plan_version": None, "changes": 0}, now)
    else:
        outcome = adapt_plan(store, athlete, today=now.date())
        store_adaptation(store, athlete, outcome, now=now, job_key=key)
    return job_state(store, key)


def needs_replan(store: Store, *, today: date) -> list[tuple[int, int]]:
    """``(athlete, plan id)`` of every plan with a missed session or a log newer than itself."""
    with reading(store.engine) as db:
        athletes = athletes_with_plans(db)
    due: list[tuple[int, int]] = []
    for athlete in athletes:
        plan = newest_plan(store, athlete)
        sched = schedule(store, athlete, today=today)
        if plan is None or sched is None:
            continue
        with reading(store.engine) as db:
            logs = list_sessions(db, athlete)
        newer = any(s.log.started_at > plan.record.created_at for s in logs)
        if sched.missed or newer:
            due.append((athlete, plan.id))
    return due


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:32]


def run_import(
    store: Store,
    key: str,
    path: Path,
    fmt: str,
    athlete_name: str,
    *,
    now: datetime,
    owned: bool = False,
    file_name: str | None = None,
) -> JobState | None:
    """Import a file into an athlete's log (all or nothing; imports are keyed by content).

    ``owned``: the file is the job's own copy of an upload, removed once the import is done
    (a retried job finds it still there). ``file_name`` is the name messages give the file.
    """
    state = job_started(store, key, now=now)
    if state is None or state.state == DONE:
        return state
    if not path.is_file():
        raise InputError(f"file: {file_name or path} does not exist")
    matcher = None if fmt == "json" else ExerciseMatcher(load_catalog())
    report = import_history(
        store, path, fmt, athlete_name, matcher, today=now.date(), file_name=file_name
    )
    result = JobResult(
        sessions_added=report.counts.sessions_added,
        sessions_merged=report.counts.sessions_merged,
        sets_added=report.counts.sets_added,
        sha256=_digest(path),
    )
    _finish(store, key, result, now)
    if owned:
        path.unlink(missing_ok=True)
    return job_state(store, key)


def run_export(
    store: Store, key: str, athlete_name: str, fmt: str, dest: Path, *, now: datetime
) -> JobState | None:
    """Write an athlete's whole history to ``dest``: streamed into a ``.part`` file, then renamed.

    The history is read and written a batch of sessions at a time (decision 0277), never whole.
    """
    state = job_started(store, key, now=now)
    if state is None or state.state == DONE:
        return state
    out = stream_history(store, athlete_name, fmt)
    tmp = dest.with_suffix(dest.suffix + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            handle.writelines(out.pieces)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(dest)
    n_sessions = count_history(store, athlete_name)
    _finish(store, key, {"path": str(dest), "sessions": n_sessions}, now)
    return job_state(store, key)


@dataclass(frozen=True)
class SessionAdaptation:
    """How the plan adapted, or is adapting, to one logged session.

    Attributes
    ----------
    state
        ``done`` (adapted, or nothing to adapt), or the state of the newest background job
        adapting the plan to this session: ``queued``, ``running`` or ``failed``.
    plan_version
        The plan version that holds the changes made because of the session (``None``: none
        yet, or nothing changed).
    changes
        The changes made because of the session, as the plan records them (empty until the job
        is done).
    job
        The newest background job adapting the plan to this session, if any.
    """

    state: str
    plan_version: int | None
    changes: tuple[PlanChange, ...]
    job: JobState | None


def session_adaptation(store: Store, athlete: int, session_id: int) -> SessionAdaptation | None:
    """How the plan adapted to one of the athlete's sessions (``None`` if it is not theirs).

    The changes are read from the stored plan versions (each change names the logged session it
    came from), so they are the same whether the adaptation ran in the request or in a worker.
    """
    stored = user_session(store, athlete, session_id)
    if stored is None:
        return None
    with reading(store.engine) as db:
        found = jobs_keyed(db, athlete, _adaptation_prefix(athlete, session_id), limit=1)
    job = _state(found[0]) if found else None
    plans = user_plans(store, athlete)
    changes = tuple(adapted_for(plans, stored.log))
    key = based_on(stored.log)
    holding = (p for p in plans if any(c.based_on == key for c in p.record.plan.adaptations))
    first = min((p.record.version for p in holding), default=None)
    state = DONE if job is None else job.state
    return SessionAdaptation(state, first if changes else None, changes, job)
