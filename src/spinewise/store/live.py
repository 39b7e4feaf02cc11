"""Logging a session while it happens: start it, add sets one by one, finish it.

The terminal walk-through collects a whole session and stores it at the end
(:func:`spinewise.store.sessions.add_session`); a browser logs each set as it is done, so these
functions change one stored session in place. Every one is scoped to the athlete: another
athlete's session is reported as missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from spinewise.logbook import SetLog
from spinewise.store.rows import SET_VALUE_COLUMNS, set_values
from spinewise.store.tables import PlanRow, SessionRow, SetClientIdRow, SetRow

__all__ = [
    "FINISH_FIELDS",
    "SessionFields",
    "add_or_replace_set",
    "latest_plan_key",
    "owns_session",
    "update_session",
]

#: Session columns a finished session may set, with their allowed ranges.
FINISH_FIELDS: Mapping[str, tuple[float, float]] = {
    "duration_min": (0, 24 * 60),
    "session_rpe": (0, 10),
    "pain_before": (0, 10),
    "pain_during": (0, 10),
    "pain_after": (0, 10),
    "pain_next_morning": (0, 10),
}


# Statements built once (building a statement costs more than running it on SQLite).
_OWNS = select(SessionRow.id).where(
    SessionRow.id == bindparam("session_id"), SessionRow.athlete_id == bindparam("athlete")
)
_SET_ID = select(SetRow.id).where(
    SetRow.session_id == bindparam("session_id"),
    SetRow.exercise_id == bindparam("exercise_id"),
    SetRow.set_number == bindparam("set_number"),
    SetRow.side == bindparam("side"),
)
_SET_OF_CLIENT = select(SetClientIdRow.set_id).where(
    SetClientIdRow.session_id == bindparam("session_id"),
    SetClientIdRow.client_id == bindparam("client_id"),
)
_INSERT_CLIENT_ID = insert(SetClientIdRow)
_INSERT_SET = insert(SetRow).returning(SetRow.id)
_LATEST_PLAN = (
    select(PlanRow.id, PlanRow.version, PlanRow.created_at)
    .where(PlanRow.athlete_id == bindparam("athlete"))
    .order_by(PlanRow.version.desc())
    .limit(1)
)


def owns_session(db: Session, athlete: int, session_id: int) -> bool:
    """Tell whether the session exists and belongs to the athlete."""
    return db.scalar(_OWNS, {"session_id": session_id, "athlete": athlete}) is not None


def add_or_replace_set(
    db: Session, athlete: int, session_id: int, item: SetLog, client_id: str | None = None
) -> int | None:
    """Store a set in the athlete's session; a set with the same key is replaced.

    ``client_id`` is the id the browser gave the set when it was logged: a set sent again with
    an id stored before (a replay of a set kept while offline) changes nothing, so a replay
    never doubles a set nor undoes a later change of it.

    Returns the set's id, or ``None`` when the session is missing or someone else's.
    """
    if not owns_session(db, athlete, session_id):
        return None
    if client_id is not None:
        replayed = db.scalar(_SET_OF_CLIENT, {"session_id": session_id, "client_id": client_id})
        if replayed is not None:
            return int(replayed)
    set_id = _add_or_replace(db, session_id, item)
    if client_id is not None:
        db.execute(
            _INSERT_CLIENT_ID, {"session_id": session_id, "set_id": set_id, "client_id": client_id}
        )
    return set_id


def _add_or_replace(db: Session, session_id: int, item: SetLog) -> int:
    key = {
        "session_id": session_id,
        "exercise_id": item.exercise_id,
        "set_number": item.set_number,
        "side": item.side or "",
    }
    existing = db.scalar(_SET_ID, key)
    values = set_values(session_id, item)
    if existing is not None:
        changes = {name: value for name, value in values.items() if name in SET_VALUE_COLUMNS}
        db.execute(update(SetRow).where(SetRow.id == existing).values(changes))
        return int(existing)
    return int(db.execute(_INSERT_SET, values).scalar_one())


@dataclass(frozen=True)
class SessionFields:
    """What is recorded about a session as it ends (the columns of :data:`FINISH_FIELDS`).

    A field left ``None`` was not given: the stored value stays as it is.

    Attributes
    ----------
    duration_min
        How long the session took [min].
    session_rpe
        Session rating of perceived exertion [0-10].
    pain_before, pain_during, pain_after, pain_next_morning
        Back pain [0-10] before, during and after the session, and the next morning.
    """

    duration_min: float | None = None
    session_rpe: int | None = None
    pain_before: int | None = None
    pain_during: int | None = None
    pain_after: int | None = None
    pain_next_morning: int | None = None

    def given(self) -> dict[str, float]:
        """The fields that were given, by column name.

        >>> SessionFields(session_rpe=6, pain_after=2).given()
        {'session_rpe': 6, 'pain_after': 2}
        """
        found = ((f.name, getattr(self, f.name)) for f in fields(self))
        return {name: value for name, value in found if value is not None}


def update_session(
    db: Session,
    athlete: int,
    session_id: int,
    changes: SessionFields,
    notes: str | None = None,
) -> bool:
    """Set a session's duration, RPE and pain ratings (the fields given in ``changes``).

    Values must already be validated. Returns ``False`` when the session is missing or someone
    else's.
    """
    values: dict[str, float | str] = dict(changes.given())
    if notes is not None:
        values["notes"] = notes
    if not values:
        return owns_session(db, athlete, session_id)
    result = db.execute(
        update(SessionRow)
        .where(SessionRow.id == session_id, SessionRow.athlete_id == athlete)
        .values(values)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def latest_plan_key(db: Session, athlete: int) -> tuple[int, int, datetime] | None:
    """``(id, version, created_at)`` of the athlete's newest plan, without reading its JSON."""
    row = db.execute(_LATEST_PLAN, {"athlete": athlete}).first()
    return None if row is None else (int(row[0]), int(row[1]), row[2])
