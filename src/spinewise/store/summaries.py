"""What the schedule reads: session summaries without set rows, plan heads, discarding a session.

Every function takes an open ORM session and is scoped to one athlete.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from spinewise.logbook.summary import SessionSummary, is_finished
from spinewise.store.tables import PlanRow, PlanSessionRow, SessionRow, SetRow

__all__ = ["delete_session", "plan_heads", "session_id_at", "session_summaries"]


def session_summaries(
    db: Session, athlete: int, plan_ids: Collection[int], since: datetime
) -> list[SessionSummary]:
    """Summaries of the sessions logged against ``plan_ids`` or started at ``since`` or later.

    In time order; the sets are counted, not read.
    """
    n_sets = (
        select(func.count(SetRow.id))
        .where(SetRow.session_id == SessionRow.id)
        .correlate(SessionRow)
        .scalar_subquery()
    )
    rows = db.execute(
        select(
            SessionRow.started_at,
            PlanRow.version,
            PlanSessionRow.week,
            PlanSessionRow.session,
            SessionRow.duration_min,
            SessionRow.session_rpe,
            SessionRow.pain_during,
            SessionRow.pain_after,
            SessionRow.source,
            n_sets,
        )
        .outerjoin(PlanSessionRow, PlanSessionRow.id == SessionRow.plan_session_id)
        .outerjoin(PlanRow, PlanRow.id == PlanSessionRow.plan_id)
        .where(
            SessionRow.athlete_id == athlete,
            or_(PlanSessionRow.plan_id.in_(sorted(set(plan_ids))), SessionRow.started_at >= since),
        )
        .order_by(SessionRow.started_at)
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
        )
        for at, version, week, sess, minutes, rpe, during, after, source, count in rows
    ]


def plan_heads(db: Session, athlete: int, ids: Collection[int]) -> dict[int, tuple[int, datetime]]:
    """``{plan id: (version, created_at)}`` of the athlete's plans among ``ids``."""
    rows = db.execute(
        select(PlanRow.id, PlanRow.version, PlanRow.created_at).where(
            PlanRow.athlete_id == athlete, PlanRow.id.in_(sorted(set(ids)))
        )
    )
    return {int(i): (int(v), at) for i, v, at in rows}


def session_id_at(db: Session, athlete: int, started_at: datetime) -> int | None:
    """The id of the athlete's session that started at ``started_at``."""
    found = db.scalar(
        select(SessionRow.id).where(
            SessionRow.athlete_id == athlete, SessionRow.started_at == started_at
        )
    )
    return None if found is None else int(found)


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
