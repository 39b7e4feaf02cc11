"""What the schedule reads: session summaries without set rows, plan heads, discarding a session.

Every function takes an open ORM session and is scoped to one athlete.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import bindparam, delete, func, or_, select
from sqlalchemy.orm import Session

from spinewise.logbook.summary import SessionSummary, is_finished
from spinewise.store.tables import PlanRow, PlanSessionRow, SessionRow, SetRow

__all__ = ["delete_session", "plan_heads", "session_summaries"]


# Built once (building a statement costs more than running it on SQLite; see store/live.py).
_N_SETS = (
    select(func.count(SetRow.id))
    .where(SetRow.session_id == SessionRow.id)
    .correlate(SessionRow)
    .scalar_subquery()
)
_SUMMARIES = (
    select(
        SessionRow.id,
        SessionRow.started_at,
        PlanRow.version,
        PlanSessionRow.week,
        PlanSessionRow.session,
        SessionRow.duration_min,
        SessionRow.session_rpe,
        SessionRow.pain_during,
        SessionRow.pain_after,
        SessionRow.source,
        _N_SETS,
    )
    .outerjoin(PlanSessionRow, PlanSessionRow.id == SessionRow.plan_session_id)
    .outerjoin(PlanRow, PlanRow.id == PlanSessionRow.plan_id)
    .where(
        SessionRow.athlete_id == bindparam("athlete"),
        or_(
            PlanSessionRow.plan_id.in_(bindparam("plan_ids", expanding=True)),
            SessionRow.started_at >= bindparam("since"),
        ),
    )
    .order_by(SessionRow.started_at)
)


def session_summaries(
    db: Session, athlete: int, plan_ids: Collection[int], since: datetime
) -> list[SessionSummary]:
    """Summaries of the sessions logged against ``plan_ids`` or started at ``since`` or later.

    In time order; the sets are counted, not read.
    """
    rows = db.execute(
        _SUMMARIES, {"athlete": athlete, "plan_ids": sorted(set(plan_ids)), "since": since}
    )
    return [
        SessionSummary(
            started_at=at,
            plan_version=version,
            week=week,
            session=sess,
            finished=is_finished(source, minutes, rpe, during, after),
            n_sets=int(count or 0),
            pain_during=during,
            pain_after=after,
            session_id=int(sid),
        )
        for sid, at, version, week, sess, minutes, rpe, during, after, source, count in rows
    ]


def plan_heads(db: Session, athlete: int, ids: Collection[int]) -> dict[int, tuple[int, datetime]]:
    """``{plan id: (version, created_at)}`` of the athlete's plans among ``ids``."""
    rows = db.execute(
        select(PlanRow.id, PlanRow.version, PlanRow.created_at).where(
            PlanRow.athlete_id == athlete, PlanRow.id.in_(sorted(set(ids)))
        )
    )
    return {int(i): (int(v), at) for i, v, at in rows}


def delete_session(db: Session, athlete: int, session_id: int) -> bool:
    """Delete one of the athlete's sessions and its sets; ``False`` when it is not theirs."""
    owned = db.scalar(
        select(SessionRow.id).where(SessionRow.id == session_id, SessionRow.athlete_id == athlete)
    )
    if owned is None:
        return False
    db.execute(delete(SetRow).where(SetRow.session_id == session_id))
    db.execute(delete(SessionRow).where(SessionRow.id == session_id))
    return True
