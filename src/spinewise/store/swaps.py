"""Swaps chosen in the guided player, kept with the session ("swap this", "this hurts").

A swap names a planned exercise of the session and the exercise done instead; choosing again
replaces it, and choosing the planned exercise removes it. Deleting the session deletes its
swaps (the foreign key cascades). Every function takes an open ORM session and checks that the
session is the athlete's.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from spinewise.store.tables import SessionRow, SessionSwapRow

__all__ = ["SessionSwap", "choose_swap", "session_swaps"]


@dataclass(frozen=True)
class SessionSwap:
    """An exercise done instead of a planned one in a session.

    Attributes
    ----------
    planned_exercise_id
        The exercise the plan has.
    done_exercise_id
        The exercise done instead.
    hurts
        Whether it was swapped because the planned exercise hurt ("this hurts").
    """

    planned_exercise_id: str
    done_exercise_id: str
    hurts: bool


def _owned(db: Session, athlete: int, session_id: int) -> bool:
    found = db.scalar(
        select(SessionRow.id).where(SessionRow.id == session_id, SessionRow.athlete_id == athlete)
    )
    return found is not None


def choose_swap(db: Session, athlete: int, session_id: int, swap: SessionSwap) -> bool:
    """Keep ``swap`` with the session (the planned exercise itself: none); ``False``: not theirs."""
    if not _owned(db, athlete, session_id):
        return False
    db.execute(
        delete(SessionSwapRow).where(
            SessionSwapRow.session_id == session_id,
            SessionSwapRow.planned_exercise_id == swap.planned_exercise_id,
        )
    )
    if swap.done_exercise_id != swap.planned_exercise_id:
        db.add(
            SessionSwapRow(
                session_id=session_id,
                planned_exercise_id=swap.planned_exercise_id,
                done_exercise_id=swap.done_exercise_id,
                hurts=swap.hurts,
            )
        )
        db.flush()
    return True


def session_swaps(db: Session, athlete: int, session_id: int) -> tuple[SessionSwap, ...]:
    """The swaps of one of the athlete's sessions, in the order they were chosen."""
    rows = db.scalars(
        select(SessionSwapRow)
        .join(SessionRow, SessionRow.id == SessionSwapRow.session_id)
        .where(SessionSwapRow.session_id == session_id, SessionRow.athlete_id == athlete)
        .order_by(SessionSwapRow.id)
    )
    return tuple(SessionSwap(r.planned_exercise_id, r.done_exercise_id, r.hurts) for r in rows)
