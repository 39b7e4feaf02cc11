"""The guided player's "this hurts" and "swap this": options with reasons, then back to the session.

A chosen option is kept with the session in progress (``POST /sessions/{id}/swap/{exercise}``,
decision 0274): a reload, a pause and resume, and the summary keep it, and the page works
without JavaScript (each option is a small form).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from spinewise import services
from spinewise.errors import InputError
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render

__all__ = ["router"]

router = APIRouter()

SessionId = Annotated[int, Path(ge=1, le=2**62)]
ExerciseId = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[a-z0-9_]+$")]


def guide_url(session_id: int, anchor: str | None = None) -> str:
    """The guided session's address (and an exercise to jump to)."""
    return f"/sessions/{session_id}/guide" + (f"#{anchor}" if anchor else "")


@router.get("/sessions/{session_id}/swap/{exercise_id}")
def swap(
    session_id: SessionId,
    exercise_id: ExerciseId,
    request: Request,
    ctx: CtxDep,
    user: CurrentUser,
    hurts: Annotated[int, Query(ge=0, le=1)] = 0,
) -> Response:
    """What to do instead of one exercise of the session, each option with its reason.

    ``exercise_id`` may be the planned exercise or the one chosen instead of it.
    """
    current = {
        s.planned_exercise_id: s.done_exercise_id
        for s in services.session_swaps(ctx.store, user.athlete_id, session_id)
    }
    planned_id = next((a for a, b in current.items() if b == exercise_id), exercise_id)
    found = services.swap_options(
        ctx.store, user.athlete_id, session_id, planned_id, hurts=bool(hurts)
    )
    if found is None:
        raise HTTPException(404, "no such exercise in this session")
    return render(
        request,
        "swap.html",
        {
            "found": found,
            "options": [o for o in found.options if o.exercise_id != exercise_id],
            "action": f"/sessions/{session_id}/swap/{planned_id}",
            "back": guide_url(session_id, exercise_id),
            "swapped": planned_id in current,
        },
    )


@router.post("/sessions/{session_id}/swap/{exercise_id}")
async def choose(
    session_id: SessionId, exercise_id: ExerciseId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Do ``chosen`` instead of the planned ``exercise_id`` in this session (itself: undo)."""
    form = FormReader(await request.form())
    chosen = form.text("chosen")
    hurts = form.text("hurts") == "1"
    if not chosen:
        raise InputError("chosen: required (the exercise to do instead)")
    found = await run_in_threadpool(
        lambda: services.choose_swap(
            ctx.store, user.athlete_id, session_id, exercise_id, chosen, hurts=hurts
        )
    )
    if not found:
        raise HTTPException(404, "no such exercise in this session")
    return RedirectResponse(guide_url(session_id, chosen), status_code=303)
