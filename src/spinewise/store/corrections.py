"""A set logged into a finished session: stored as usual, and told apart as a correction.

The guided player logs sets while a session is in progress; a set logged (or changed) once the
session is finished corrects the log, and the plan adapts to it again (decision 0274). Telling
the two apart reads the session row and the set with the same key, not the session's other sets,
so logging a set stays one short transaction however many sets the session holds.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from spinewise.logbook import SetLog
from spinewise.logbook.summary import is_finished
from spinewise.store.live import add_or_replace_set, set_key
from spinewise.store.rows import set_from_row
from spinewise.store.tables import SessionRow, SetRow

__all__ = ["log_or_correct_set"]

_FINISH = select(
    SessionRow.source,
    SessionRow.duration_min,
    SessionRow.session_rpe,
    SessionRow.pain_during,
    SessionRow.pain_after,
).where(SessionRow.id == bindparam("session_id"), SessionRow.athlete_id == bindparam("athlete"))
_SAME_KEY = select(SetRow).where(
    SetRow.session_id == bindparam("session_id"),
    SetRow.exercise_id == bindparam("exercise_id"),
    SetRow.set_number == bindparam("set_number"),
    SetRow.side == bindparam("side"),
)


def log_or_correct_set(
    db: Session, athlete: int, session_id: int, item: SetLog, client_id: str | None = None
) -> tuple[int | None, bool]:
    """Store (or replace) a set; its id and whether it changed the log of a finished session.

    The id is ``None`` when the session is missing or someone else's; ``client_id`` as for
    :func:`~spinewise.store.live.add_or_replace_set`.
    """
    row = db.execute(_FINISH, {"session_id": session_id, "athlete": athlete}).first()
    if row is None:
        return None, False
    before: SetLog | None = None
    finished = is_finished(*row)
    if finished:
        old = db.scalar(_SAME_KEY, set_key(session_id, item))
        before = None if old is None else set_from_row(old)
    set_id = add_or_replace_set(db, athlete, session_id, item, client_id)
    return set_id, finished and set_id is not None and before != item
