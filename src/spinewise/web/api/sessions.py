"""``/api/v1/sessions/next``: the next planned session with its date and per-side sets.

``DELETE /api/v1/sessions/{id}`` discards a started, unfinished session (a start that was not
meant does not use the planned session up, and nothing piles up in the log).
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException, Response, status
from pydantic import BaseModel

from spinewise import services
from spinewise.web.api.common import SessionId, responses
from spinewise.web.deps import CtxDep, CurrentUser

__all__ = ["NextItemOut", "NextSessionOut", "router"]

router = APIRouter(prefix="/sessions", tags=["sessions"])


class NextItemOut(BaseModel):
    """One exercise of the next session.

    Per-side work has ``sets_left`` and ``sets_right`` (the weaker side's extra sets included)
    and no ``sets``; other work has ``sets``.
    """

    exercise_id: str
    name: str
    block: str
    sets: int | None = None
    sets_left: int | None = None
    sets_right: int | None = None
    reps: int | None
    hold_s: float | None
    distance_m: float | None
    tempo: str | None
    rest_s: int


class NextSessionOut(BaseModel):
    """The next planned session: at most one a day, never before today."""

    plan_id: int
    plan_version: int
    week: int
    session: int
    date: date
    due_today: bool
    in_progress_session_id: int | None
    held_back: str | None
    estimated_minutes: float | None
    items: list[NextItemOut]


@router.get("/next", response_model=NextSessionOut, responses=responses(401, 404))
def next_session(ctx: CtxDep, user: CurrentUser) -> NextSessionOut:
    """The next planned session and its date (404 without a plan or when all is done)."""
    found = services.next_session(ctx.store, user.athlete_id, today=services.local_today(ctx.now()))
    if found is None:
        raise HTTPException(404, "nothing left to do in the plan (or no plan yet)")
    return NextSessionOut.model_validate(found.to_json())


@router.delete(
    "/{id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 403, 404, 422)
)
def discard(session_id: SessionId, ctx: CtxDep, user: CurrentUser) -> Response:
    """Discard a started session that was not finished (422 for a finished one)."""
    if not services.discard_session(ctx.store, user.athlete_id, session_id):
        raise HTTPException(404, "no such session")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
