"""Write parsed sessions in one transaction.

New rows are added; rows whose natural key is already stored are counted as merged and left as
they are, so importing twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from spinewise.logbook import PlannedRef, SessionLog
from spinewise.store.importers.base import Progress
from spinewise.store.rows import SetRowValues, session_values, set_values
from spinewise.store.sessions import resolve_planned
from spinewise.store.tables import SessionRow, SetRow

__all__ = ["WriteCounts", "write_sessions"]

_CHUNK = 500
_SESSIONS = cast(Table, SessionRow.__table__)
_SETS = cast(Table, SetRow.__table__)
_SET_BATCH = 5000


@dataclass(frozen=True)
class WriteCounts:
    """What writing the sessions added and what it found already stored."""

    sessions_added: int = 0
    sessions_merged: int = 0
    sets_added: int = 0
    sets_merged: int = 0


def _existing_sessions(
    db: Session, athlete: int | None, sessions: Sequence[SessionLog]
) -> dict[datetime, int]:
    if athlete is None or not sessions:
        return {}
    starts = {s.started_at for s in sessions}
    rows = db.execute(
        select(SessionRow.started_at, SessionRow.id).where(
            SessionRow.athlete_id == athlete,
            SessionRow.started_at >= min(starts),
            SessionRow.started_at <= max(starts),
        )
    )
    return {started: sid for started, sid in rows if started in starts}


def _existing_set_keys(db: Session, session_ids: Sequence[int]) -> set[tuple[int, str, int, str]]:
    keys: set[tuple[int, str, int, str]] = set()
    for start in range(0, len(session_ids), _CHUNK):
        rows = db.execute(
            select(SetRow.session_id, SetRow.exercise_id, SetRow.set_number, SetRow.side).where(
                SetRow.session_id.in_(session_ids[start : start + _CHUNK])
            )
        )
        keys.update((a, b, c, d) for a, b, c, d in rows)
    return keys


def write_sessions(
    db: Session,
    athlete: int | None,
    sessions: Sequence[SessionLog],
    *,
    import_id: int | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> WriteCounts:
    """Add the sessions and sets not stored yet (count only, when ``dry_run``).

    ``athlete`` may be ``None`` only in a dry run (an athlete not created yet).
    """
    existing = _existing_sessions(db, athlete, sessions)
    stored_keys = _existing_set_keys(db, sorted(existing.values()))
    new_sessions = [s for s in sessions if s.started_at not in existing]
    pending_sets: list[tuple[SessionLog, int | None]] = [(s, None) for s in new_sessions]
    merged_sets = 0
    extra_sets: list[SetRowValues] = []
    for log in sessions:
        sid = existing.get(log.started_at)
        if sid is None:
            continue
        for item in log.sets:
            if (sid, item.exercise_id, item.set_number, item.side or "") in stored_keys:
                merged_sets += 1
            else:
                extra_sets.append(set_values(sid, item))
    added_sets = len(extra_sets) + sum(len(s.sets) for s, _ in pending_sets)
    counts = WriteCounts(len(new_sessions), len(existing), added_sets, merged_sets)
    if dry_run or athlete is None:
        return counts
    plan_ids: dict[PlannedRef, int] = {}
    rows = []
    for log in new_sessions:
        plan_session = None
        if log.planned is not None:
            if log.planned not in plan_ids:
                plan_ids[log.planned] = resolve_planned(db, athlete, log.planned)
            plan_session = plan_ids[log.planned]
        rows.append(session_values(athlete, log, plan_session, import_id))
    new_ids: dict[datetime, int] = {}
    for start in range(0, len(rows), _SET_BATCH):
        result = db.execute(
            insert(_SESSIONS).returning(
                _SESSIONS.c.id,
                _SESSIONS.c.started_at,
                sort_by_parameter_order=True,
            ),
            rows[start : start + _SET_BATCH],
        )
        new_ids.update((started, sid) for sid, started in result)
    set_rows = extra_sets + [
        set_values(new_ids[log.started_at], item) for log in new_sessions for item in log.sets
    ]
    for start in range(0, len(set_rows), _SET_BATCH):
        db.execute(insert(_SETS), set_rows[start : start + _SET_BATCH])
        if progress:
            progress("write", min(start + _SET_BATCH, len(set_rows)), len(set_rows))
    return counts
