"""Background-job state and shared rate-limit events, in the database.

A job is known by its key (``jobs.key``, unique): the same work enqueued twice, or run again
after a worker died, finds its row, and a finished row is never run again. The job's result is
written in the same transaction as its work (see :func:`finish_job`), so a crash leaves either
both or neither. ``rate_events`` holds failed-login times so that every web worker process
counts the same failures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column
from typing_extensions import TypedDict  # pydantic validates only this TypedDict on 3.11

from spinewise.store.tables import Base, PlanRow

__all__ = [
    "JobArgs",
    "JobRecord",
    "JobResult",
    "JobRow",
    "RateEventRow",
    "add_rate_event",
    "athletes_with_plans",
    "clear_rate_events",
    "finish_job",
    "get_job",
    "job_done",
    "jobs_keyed",
    "list_jobs",
    "prune_rate_events",
    "put_job",
    "rate_event_times",
    "rate_events_since",
    "set_job_state",
    "unfinished_jobs",
]

#: The states a job passes through.
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


class JobRow(Base):
    """One background job: what, for whom, its state and its result."""

    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    athlete_id: Mapped[int | None] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), index=True
    )
    # I/O edge: JSON columns, read into JobArgs and JobResult by _record.
    args: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class RateEventRow(Base):
    """One counted event (a failed login) under a limit key, at a wall-clock time [s]."""

    __tablename__ = "rate_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(400))
    at_s: Mapped[float] = mapped_column(Float)
    __table_args__ = (Index("ix_rate_events_key_at_s", "key", "at_s"),)


class JobArgs(TypedDict, total=False):
    """What a job was asked to do (``jobs.args``); which keys depends on its kind.

    Attributes
    ----------
    now
        When it was asked for (ISO 8601 local time); every kind has it.
    session_id
        ``adapt``: the session whose recording asked for it.
    path
        ``import``: the file to import.
    format
        ``import``, ``export``: the file format.
    athlete
        ``import``, ``export``: the athlete's name.
    dest
        ``export``: where to write the file.
    owned
        ``import``: the file is the job's own copy of an upload, removed once imported.
    file_name
        ``import``: the name the person gave the uploaded file (for messages).
    """

    now: str
    session_id: int
    path: str
    format: str
    athlete: str
    dest: str
    owned: bool
    file_name: str


class JobResult(TypedDict, total=False):
    """What a finished job did (``jobs.result``); which keys depends on its kind.

    Attributes
    ----------
    plan_version
        ``adapt``, ``replan``: the plan version stored, or None when nothing changed.
    changes
        ``adapt``, ``replan``: how many changes the adaptation made.
    sessions_added
        ``import``: how many sessions were added.
    sessions_merged
        ``import``: how many sessions were already stored (merged, not added again).
    sets_added
        ``import``: how many sets were added.
    sha256
        ``import``: the start of the imported file's SHA-256 digest (32 hex digits).
    path
        ``export``: the file written.
    sessions
        ``export``: how many sessions it holds.
    """

    plan_version: int | None
    changes: int
    sessions_added: int
    sessions_merged: int
    sets_added: int
    sha256: str
    path: str
    sessions: int


_ARGS: TypeAdapter[JobArgs] = TypeAdapter(JobArgs)
_RESULT: TypeAdapter[JobResult] = TypeAdapter(JobResult)


@dataclass(frozen=True)
class JobRecord:
    """A job's row as a value."""

    key: str
    kind: str
    athlete_id: int | None
    args: JobArgs
    state: str
    attempts: int
    result: JobResult | None
    error: str | None
    created_at: datetime
    updated_at: datetime


def _record(row: JobRow) -> JobRecord:
    return JobRecord(
        row.key,
        row.kind,
        row.athlete_id,
        _ARGS.validate_python(row.args),
        row.state,
        row.attempts,
        None if row.result is None else _RESULT.validate_python(row.result),
        row.error,
        row.created_at,
        row.updated_at,
    )


def put_job(
    db: Session, key: str, kind: str, athlete_id: int | None, args: JobArgs, now: datetime
) -> tuple[JobRecord, bool]:
    """The job of ``key``, created queued if new; ``True`` when this call created it."""
    row = db.scalar(select(JobRow).where(JobRow.key == key))
    if row is not None:
        return _record(row), False
    row = JobRow(
        key=key,
        kind=kind,
        athlete_id=athlete_id,
        args=dict(args),
        state=QUEUED,
        attempts=0,
        created_at=now,
        updated_at=now,
    )
    try:
        with db.begin_nested():
            db.add(row)
    except IntegrityError:  # another process created it first
        found = db.scalar(select(JobRow).where(JobRow.key == key))
        assert found is not None
        return _record(found), False
    return _record(row), True


def get_job(db: Session, key: str) -> JobRecord | None:
    """The job of ``key``, if any."""
    row = db.scalar(select(JobRow).where(JobRow.key == key))
    return None if row is None else _record(row)


def job_done(db: Session, key: str) -> JobRecord | None:
    """The job of ``key`` when it has finished (read inside the writer's transaction)."""
    row = db.scalar(select(JobRow).where(JobRow.key == key, JobRow.state == DONE))
    return None if row is None else _record(row)


def set_job_state(
    db: Session, key: str, state: str, now: datetime, *, error: str | None = None
) -> None:
    """Move an unfinished job to ``state`` (``running`` counts an attempt)."""
    row = db.scalar(select(JobRow).where(JobRow.key == key))
    if row is None or row.state == DONE:
        return
    row.state = state
    row.updated_at = now
    if state == RUNNING:
        row.attempts += 1
    if error is not None:
        row.error = error[:2000]


def finish_job(db: Session, key: str, result: JobResult, now: datetime) -> None:
    """Mark the job done with its result, in the caller's (the work's) transaction."""
    row = db.scalar(select(JobRow).where(JobRow.key == key))
    if row is None:
        return
    row.state = DONE
    row.result = dict(result)
    row.error = None
    row.updated_at = now


def list_jobs(db: Session, athlete_id: int, limit: int = 20) -> list[JobRecord]:
    """An athlete's newest jobs first."""
    rows = db.scalars(
        select(JobRow)
        .where(JobRow.athlete_id == athlete_id)
        .order_by(JobRow.created_at.desc(), JobRow.id.desc())
        .limit(limit)
    )
    return [_record(r) for r in rows]


def jobs_keyed(db: Session, athlete_id: int, prefix: str, limit: int = 20) -> list[JobRecord]:
    """An athlete's jobs whose key starts with ``prefix``, newest first."""
    rows = db.scalars(
        select(JobRow)
        .where(JobRow.athlete_id == athlete_id, JobRow.key.startswith(prefix, autoescape=True))
        .order_by(JobRow.created_at.desc(), JobRow.id.desc())
        .limit(limit)
    )
    return [_record(r) for r in rows]


def unfinished_jobs(db: Session) -> list[JobRecord]:
    """Every job queued or running (to enqueue again after the embedded queue restarts)."""
    rows = db.scalars(select(JobRow).where(JobRow.state.in_((QUEUED, RUNNING))).order_by(JobRow.id))
    return [_record(r) for r in rows]


def add_rate_event(db: Session, key: str, at_s: float) -> None:
    """Count one event under ``key`` at ``at_s`` [s since the epoch]."""
    db.add(RateEventRow(key=key, at_s=at_s))


def rate_events_since(db: Session, key: str, since_s: float) -> tuple[int, float | None]:
    """How many events ``key`` has after ``since_s``, and the oldest of them [s]; prunes older."""
    db.execute(delete(RateEventRow).where(RateEventRow.key == key, RateEventRow.at_s <= since_s))
    count, oldest = db.execute(
        select(func.count(), func.min(RateEventRow.at_s)).where(RateEventRow.key == key)
    ).one()
    return int(count), None if oldest is None else float(oldest)


def rate_event_times(db: Session, key: str, since_s: float) -> list[float]:
    """The times of ``key``'s events after ``since_s``, oldest first [s]; prunes older ones."""
    db.execute(delete(RateEventRow).where(RateEventRow.key == key, RateEventRow.at_s <= since_s))
    rows = db.scalars(
        select(RateEventRow.at_s).where(RateEventRow.key == key).order_by(RateEventRow.at_s)
    )
    return [float(t) for t in rows]


def prune_rate_events(db: Session, before_s: float) -> int:
    """Forget every event (of any key) at or before ``before_s`` [s]; the number forgotten."""
    result = db.execute(delete(RateEventRow).where(RateEventRow.at_s <= before_s))
    return int(getattr(result, "rowcount", 0) or 0)


def clear_rate_events(db: Session, key: str) -> None:
    """Forget every event of ``key``."""
    db.execute(delete(RateEventRow).where(RateEventRow.key == key))


def athletes_with_plans(db: Session) -> list[int]:
    """The ids of every athlete with a stored plan, in id order."""
    return list(db.scalars(select(PlanRow.athlete_id).distinct().order_by(PlanRow.athlete_id)))
