"""Reading a long log in the database: session lines, heaviest loads, first and last assessment.

What the progress page and the log page show is computed here by the database (counts, maxima
grouped by session, exercise and repetitions) so that no request reads every set of years of
history into Python (decision 0275). Every function takes an open ORM session and is scoped to
one athlete; ``since`` and ``until`` are days, both included.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from spinewise.logbook import AssessmentRecord, PainScores
from spinewise.logbook.window import HeaviestLoad, SessionLine
from spinewise.store.tables import AssessmentRow, SessionRow, SetRow

__all__ = ["first_and_last_assessment", "heaviest_loads", "session_lines"]


def _between(since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    """The conditions of sessions that start from ``since`` to ``until`` (days, inclusive)."""
    out = []
    if since is not None:
        out.append(SessionRow.started_at >= datetime.combine(since, time()))
    if until is not None:
        out.append(SessionRow.started_at < datetime.combine(until + timedelta(1), time()))
    return out


def session_lines(
    db: Session,
    athlete: int,
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> list[SessionLine]:
    """The athlete's sessions as lines (sets counted, not read), in time order or newest first.

    The page is chosen first (an inner query with the offset and limit) and only its sessions'
    sets are counted: a count beside the offset would be computed for every skipped session too
    (PostgreSQL does; 1 s for the last page of a million-set log).
    """
    order = SessionRow.started_at.desc() if newest_first else SessionRow.started_at
    page = (
        select(
            SessionRow.id,
            SessionRow.started_at,
            SessionRow.duration_min,
            SessionRow.session_rpe,
            SessionRow.pain_before,
            SessionRow.pain_during,
            SessionRow.pain_after,
            SessionRow.pain_next_morning,
        )
        .where(SessionRow.athlete_id == athlete, *_between(since, until))
        .order_by(order)
        .offset(offset)
    )
    if limit is not None:
        page = page.limit(limit)
    chosen = page.subquery()
    n_sets = select(func.count(SetRow.id)).where(SetRow.session_id == chosen.c.id)
    c = chosen.c
    query = select(
        c.id,
        c.started_at,
        c.duration_min,
        c.session_rpe,
        c.pain_before,
        c.pain_during,
        c.pain_after,
        c.pain_next_morning,
        n_sets.scalar_subquery(),
    ).order_by(chosen.c.started_at.desc() if newest_first else chosen.c.started_at)
    return [
        SessionLine(
            session_id=int(sid),
            started_at=at,
            duration_min=minutes,
            session_rpe=rpe,
            pain=PainScores(before=before, during=during, after=after, next_morning=morning),
            n_sets=int(count or 0),
        )
        for sid, at, minutes, rpe, before, during, after, morning, count in db.execute(query)
    ]


def heaviest_loads(
    db: Session,
    athlete: int,
    *,
    max_reps: int,
    since: date | None = None,
    until: date | None = None,
) -> list[HeaviestLoad]:
    """The heaviest load per day, exercise and repetitions of loaded sets of 1 to ``max_reps``.

    The database groups the sets by session, exercise and repetitions; sessions of the same day
    are merged here. Sorted by day, exercise id and repetitions (as
    :func:`spinewise.logbook.window.heaviest_loads` from whole sessions).
    """
    query = (
        select(SessionRow.started_at, SetRow.exercise_id, SetRow.reps, func.max(SetRow.load_kg))
        .join(SessionRow, SessionRow.id == SetRow.session_id)
        .where(
            SessionRow.athlete_id == athlete,
            *_between(since, until),
            SetRow.reps >= 1,
            SetRow.reps <= max_reps,
            SetRow.load_kg > 0,
        )
        .group_by(SessionRow.id, SessionRow.started_at, SetRow.exercise_id, SetRow.reps)
    )
    best: dict[tuple[date, str, int], float] = {}
    for at, exercise_id, reps, load in db.execute(query):
        if reps is None or load is None:  # excluded by the query; for the type checker
            continue
        key = (at.date(), exercise_id, reps)
        best[key] = max(best.get(key, 0.0), load)
    return [HeaviestLoad(d, ex, r, load) for (d, ex, r), load in sorted(best.items())]


def first_and_last_assessment(
    db: Session, athlete: int
) -> tuple[AssessmentRecord | None, AssessmentRecord | None]:
    """The oldest stored assessment and the newest (``None`` when it is the oldest or none)."""
    query = select(AssessmentRow).where(AssessmentRow.athlete_id == athlete).limit(1)
    first = db.scalar(query.order_by(AssessmentRow.recorded_at))
    last = db.scalar(query.order_by(AssessmentRow.recorded_at.desc()))
    if first is None or last is None:
        return None, None
    oldest = AssessmentRecord(recorded_at=first.recorded_at, result=first.result)
    if last.id == first.id:
        return oldest, None
    return oldest, AssessmentRecord(recorded_at=last.recorded_at, result=last.result)
