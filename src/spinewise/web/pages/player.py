"""The guided player's "this hurts" and "swap this", and what makes it an installable web app.

A chosen option is kept with the session in progress (``POST /sessions/{id}/swap/{exercise}``,
decision 0274): a reload, a pause and resume, and the summary keep it, and the page works
without JavaScript (each option is a small form).

The web app manifest and the service worker (``static/sw.js``, served at ``/sw.js`` so that it
controls the whole site) let a phone install the app and open the guided session offline; the
sets logged offline wait on the phone (``static/app.js``) and are sent when it is back online
(decision 0270).
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from spinewise import services
from spinewise.errors import InputError
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render

__all__ = ["MANIFEST", "router"]

router = APIRouter()

#: The web app manifest: what a phone needs to install the app (colours of ``static/app.css``).
MANIFEST: dict[str, object] = {  # I/O edge: the JSON document a browser reads
    "name": "spinewise: a durable lower back",
    "short_name": "spinewise",
    "description": "Guided back-strength sessions that adapt to how your back responds.",
    "start_url": "/today",
    "scope": "/",
    "display": "standalone",
    "theme_color": "#1f6f8b",
    "background_color": "#f7f8f6",
    "icons": [
        {"src": "/static/icon-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png"},
        {"src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml"},
    ],
}


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    """The web app manifest (linked from every page)."""
    return JSONResponse(
        MANIFEST,
        media_type="application/manifest+json",
        headers={"Cache-Control": "public, max-age=3600"},
    )


@router.get("/sw.js")
def service_worker() -> Response:
    """The service worker, from the site's root so that its scope is the whole site.

    Never cached by the browser's HTTP cache (``no-cache``): a new version is picked up at the
    next visit.
    """
    script = resources.files("spinewise.web").joinpath("static/sw.js").read_bytes()
    return Response(
        script,
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


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
        ctx.store, user.athlete_id, session_id, planned_id, hurts=bool(hurts), unit=user.weight_unit
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
