"""Logs of planned sessions for the adaptation tests (imported by the test modules)."""

from __future__ import annotations

from datetime import datetime

from spinewise.logbook.entries import PainScores, PlannedRef, Readiness, SessionLog, SetLog
from spinewise.logbook.planned import PlannedSession


def session_log(
    ps: PlannedSession,
    *,
    pain_during: int,
    rpe: float = 6.0,
    met: bool = True,
    next_morning: int | None = None,
    readiness: Readiness | None = None,
    plan_version: int = 1,
) -> SessionLog:
    """A log of ``ps`` on its date: every set done (one rep, 5 s or 5 m short unless ``met``)."""
    short = 0 if met else 1
    sets = [
        SetLog(
            exercise_id=item.exercise_id,
            set_number=n,
            side=side,
            reps=None if item.reps is None else max(1, item.reps - short),
            hold_s=None if item.hold_s is None else max(1.0, item.hold_s - 5 * short),
            distance_m=None if item.distance_m is None else max(1.0, item.distance_m - 5 * short),
            rpe=rpe,
        )
        for item in ps.items
        for n in range(1, item.sets + 1)
        for side in (["left", "right"] if item.per_side else [None])
    ]
    assert ps.date is not None
    return SessionLog(
        started_at=datetime.combine(ps.date, datetime.min.time()).replace(hour=18),
        duration_min=40,
        session_rpe=6,
        pain=PainScores(before=2, during=pain_during, after=2, next_morning=next_morning),
        readiness=readiness or Readiness(),
        planned=PlannedRef(plan_version=plan_version, week=ps.week, session=ps.session),
        sets=tuple(sets),
    )
