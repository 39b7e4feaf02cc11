"""Repository of athletes and logged sessions: rows in, logbook values out.

Every function takes an open :class:`~sqlalchemy.orm.Session` (see
:func:`spinewise.store.engine.writing` / :func:`~spinewise.store.engine.reading`) so that the
caller decides the transaction; every query is scoped to one athlete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from spinewise.errors import InputError
from spinewise.logbook import PlannedRef, SessionLog, SetLog
from spinewise.store.rows import (
    SET_VALUE_COLUMNS,
    session_from_row,
    session_values,
    set_from_values,
    set_values,
)
from spinewise.store.tables import AthleteRow, PlanRow, PlanSessionRow, SessionRow, SetRow

__all__ = [
    "StoredSession",
    "add_session",
    "athlete_id",
    "count_logged_sessions",
    "count_sessions",
    "delete_session",
    "get_session",
    "iter_sessions",
    "list_sessions",
    "page_sessions",
    "planned_refs",
    "resolve_planned",
    "set_next_morning_pain",
]

_CHUNK = 500


@dataclass(frozen=True)
class StoredSession:
    """A logged session with its database id."""

    id: int
    log: SessionLog


def athlete_id(db: Session, name: str, *, create: bool = True) -> int | None:
    """The id of the athlete called ``name``; created when missing unless ``create`` is off."""
    found = db.scalar(select(AthleteRow.id).where(AthleteRow.name == name))
    if found is not None or not create:
        return found
    try:
        with db.begin_nested():
            row = AthleteRow(name=name, created_at=datetime.now().replace(microsecond=0))
            db.add(row)
    except IntegrityError:  # created meanwhile by a concurrent writer
        return db.scalar(select(AthleteRow.id).where(AthleteRow.name == name))
    return row.id


def resolve_planned(db: Session, athlete: int, ref: PlannedRef) -> int:
    """The id of the planned session ``ref`` names; an input error when there is none."""
    found = db.scalar(
        select(PlanSessionRow.id)
        .join(PlanRow, PlanRow.id == PlanSessionRow.plan_id)
        .where(
            PlanRow.athlete_id == athlete,
            PlanRow.version == ref.plan_version,
            PlanSessionRow.week == ref.week,
            PlanSessionRow.session == ref.session,
        )
    )
    if found is None:
        raise InputError(
            f"planned: no session {ref.session} in week {ref.week} of plan version "
            f"{ref.plan_version}"
        )
    return found


def planned_refs(db: Session, plan_session_ids: Iterable[int]) -> dict[int, PlannedRef]:
    """Planned-session ids to (plan version, week, session)."""
    ids = sorted(set(plan_session_ids))
    out: dict[int, PlannedRef] = {}
    for start in range(0, len(ids), _CHUNK):
        rows = db.execute(
            select(PlanSessionRow.id, PlanRow.version, PlanSessionRow.week, PlanSessionRow.session)
            .join(PlanRow, PlanRow.id == PlanSessionRow.plan_id)
            .where(PlanSessionRow.id.in_(ids[start : start + _CHUNK]))
        )
        for ps_id, version, week, sess in rows:
            out[ps_id] = PlannedRef(plan_version=version, week=week, session=sess)
    return out


def add_session(db: Session, athlete: int, log: SessionLog, import_id: int | None = None) -> int:
    """Store a session and its sets; an input error when one already starts at that time."""
    exists = db.scalar(
        select(SessionRow.id).where(
            SessionRow.athlete_id == athlete, SessionRow.started_at == log.started_at
        )
    )
    if exists is not None:
        raise InputError(
            f"started_at: a session starting at {log.started_at.isoformat()} is already "
            "logged; pick another time"
        )
    plan_session = None if log.planned is None else resolve_planned(db, athlete, log.planned)
    session_id = db.execute(
        insert(SessionRow).returning(SessionRow.id),
        session_values(athlete, log, plan_session, import_id),
    ).scalar_one()
    if log.sets:
        db.execute(insert(SetRow), [set_values(session_id, s) for s in log.sets])
    return int(session_id)


#: The columns a set is read from (as plain rows: no ORM objects, decision 0275).
_SET_COLUMNS = (SetRow.session_id, SetRow.side, *(getattr(SetRow, n) for n in SET_VALUE_COLUMNS))


def _sets_by_session(db: Session, session_ids: Sequence[int]) -> dict[int, list[SetLog]]:
    out: dict[int, list[SetLog]] = defaultdict(list)
    for start in range(0, len(session_ids), _CHUNK):
        chunk = session_ids[start : start + _CHUNK]
        for session_id, side, *values in db.execute(
            select(*_SET_COLUMNS).where(SetRow.session_id.in_(chunk)).order_by(SetRow.id)
        ):
            out[session_id].append(set_from_values(side, values))
    return out


def _load(db: Session, rows: Sequence[SessionRow]) -> list[StoredSession]:
    sets = _sets_by_session(db, [r.id for r in rows])
    refs = planned_refs(db, (r.plan_session_id for r in rows if r.plan_session_id is not None))
    return [
        StoredSession(
            r.id,
            session_from_row(
                r,
                sets.get(r.id, []),
                None if r.plan_session_id is None else refs[r.plan_session_id],
            ),
        )
        for r in rows
    ]


def get_session(db: Session, athlete: int, session_id: int) -> StoredSession | None:
    """One session of this athlete (``None`` when it is missing or someone else's)."""
    row = db.scalar(
        select(SessionRow).where(SessionRow.id == session_id, SessionRow.athlete_id == athlete)
    )
    return None if row is None else _load(db, [row])[0]


def list_sessions(
    db: Session,
    athlete: int,
    *,
    since: date | None = None,
    until: date | None = None,
    exercise_id: str | None = None,
) -> list[StoredSession]:
    """The athlete's sessions in time order, from ``since`` to ``until`` (both included).

    With ``exercise_id``, only sessions with that exercise, each holding only its sets.
    """
    query = select(SessionRow).where(SessionRow.athlete_id == athlete)
    if since is not None:
        query = query.where(SessionRow.started_at >= datetime.combine(since, time()))
    if until is not None:
        query = query.where(SessionRow.started_at < datetime.combine(until + timedelta(1), time()))
    if exercise_id is not None:
        query = query.where(
            SessionRow.id.in_(select(SetRow.session_id).where(SetRow.exercise_id == exercise_id))
        )
    stored = _load(db, db.scalars(query.order_by(SessionRow.started_at)).all())
    if exercise_id is None:
        return stored
    return [
        StoredSession(
            s.id,
            s.log.model_copy(
                update={"sets": tuple(x for x in s.log.sets if x.exercise_id == exercise_id)}
            ),
        )
        for s in stored
    ]


def page_sessions(
    db: Session, athlete: int, *, limit: int, offset: int = 0, newest_first: bool = False
) -> list[StoredSession]:
    """One page of the athlete's sessions in time order (or newest first)."""
    order = SessionRow.started_at.desc() if newest_first else SessionRow.started_at
    rows = db.scalars(
        select(SessionRow)
        .where(SessionRow.athlete_id == athlete)
        .order_by(order)
        .limit(limit)
        .offset(offset)
    ).all()
    return _load(db, rows)


def count_logged_sessions(db: Session, athlete: int) -> int:
    """How many sessions the athlete has logged (counted by the database; sets not counted)."""
    sessions = db.scalar(
        select(func.count()).select_from(SessionRow).where(SessionRow.athlete_id == athlete)
    )
    return int(sessions or 0)


def count_sessions(db: Session, athlete: int) -> tuple[int, int]:
    """``(sessions, sets)`` the athlete has logged (counted by the database)."""
    sessions = count_logged_sessions(db, athlete)
    sets = db.scalar(
        select(func.count())
        .select_from(SetRow)
        .join(SessionRow, SessionRow.id == SetRow.session_id)
        .where(SessionRow.athlete_id == athlete)
    )
    return sessions, int(sets or 0)


#: Sessions read per batch when iterating over a whole log (a session may hold a hundred sets).
_ITER_BATCH = 50


def iter_sessions(
    db: Session, athlete: int, *, batch: int = _ITER_BATCH
) -> Iterator[StoredSession]:
    """Every session of the athlete in time order, read ``batch`` sessions at a time.

    Memory stays bounded by one batch (rows already yielded are dropped from the session).
    """
    after: datetime | None = None
    while True:
        query = select(SessionRow).where(SessionRow.athlete_id == athlete)
        if after is not None:
            query = query.where(SessionRow.started_at > after)
        rows = db.scalars(query.order_by(SessionRow.started_at).limit(batch)).all()
        if not rows:
            return
        after = rows[-1].started_at
        loaded = _load(db, rows)
        db.expunge_all()
        yield from loaded


def delete_session(db: Session, athlete: int, session_id: int) -> bool:
    """Delete one of the athlete's sessions and its sets; ``False`` if it is not theirs."""
    found = db.execute(
        delete(SessionRow).where(SessionRow.id == session_id, SessionRow.athlete_id == athlete)
    )
    return bool(getattr(found, "rowcount", 0))


def set_next_morning_pain(db: Session, athlete: int, day: date, pain: int) -> int:
    """Record next-morning pain on the last session of ``day``; return that session's id."""
    if not 0 <= pain <= 10:
        raise InputError(f"pain: must be 0 to 10, got {pain}")
    row = db.scalar(
        select(SessionRow)
        .where(
            SessionRow.athlete_id == athlete,
            SessionRow.started_at >= datetime.combine(day, time()),
            SessionRow.started_at < datetime.combine(day + timedelta(1), time()),
        )
        .order_by(SessionRow.started_at.desc())
        .limit(1)
    )
    if row is None:
        raise InputError(f"date: no session logged on {day.isoformat()}")
    row.pain_next_morning = pain
    return row.id
