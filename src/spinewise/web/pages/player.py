"""The guided player's "this hurts" and "swap this", and what makes it an installable web app.

A chosen option travels in the guide's address (``?swap=planned:chosen``), so the page works
without JavaScript and nothing is stored until a set of the chosen exercise is logged.

The web app manifest and the service worker (``static/sw.js``, served at ``/sw.js`` so that it
controls the whole site) let a phone install the app and open the guided session offline; the
sets logged offline wait on the phone (``static/app.js``) and are sent when it is back online
(decision 0270).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from spinewise import services
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.templating import render

__all__ = ["MANIFEST", "router", "swap_pairs"]

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

_PAIR = re.compile(r"^([a-z0-9_]{1,200}):([a-z0-9_]{1,200})$")
#: Swaps kept at most (a session has fewer exercises than this).
MAX_SWAPS = 20


def swap_pairs(values: Iterable[str]) -> dict[str, str]:
    """``{planned: chosen}`` from ``planned:chosen`` values; malformed ones are ignored.

    >>> swap_pairs(["bird_dog:dead_bug", "nonsense", "a:b", "a:c"])
    {'bird_dog': 'dead_bug', 'a': 'c'}
    """
    out: dict[str, str] = {}
    for value in list(values)[:MAX_SWAPS]:
        found = _PAIR.match(value)
        if found is not None:
            out[found[1]] = found[2]
    return out


def guide_url(session_id: int, swaps: dict[str, str], anchor: str | None = None) -> str:
    """The guided session's address with its swaps (and an exercise to jump to)."""
    query = urlencode([("swap", f"{a}:{b}") for a, b in swaps.items()])
    return (
        f"/sessions/{session_id}/guide"
        + (f"?{query}" if query else "")
        + (f"#{anchor}" if anchor else "")
    )


@router.get("/sessions/{session_id}/swap/{exercise_id}")
def swap(
    session_id: SessionId,
    exercise_id: ExerciseId,
    request: Request,
    ctx: CtxDep,
    user: CurrentUser,
    hurts: Annotated[int, Query(ge=0, le=1)] = 0,
    swap: Annotated[list[str] | None, Query(max_length=MAX_SWAPS)] = None,
) -> Response:
    """What to do instead of one exercise of the session, each option with its reason."""
    current = swap_pairs(swap or [])
    planned_id = next((a for a, b in current.items() if b == exercise_id), exercise_id)
    found = services.swap_options(
        ctx.store, user.athlete_id, session_id, planned_id, hurts=bool(hurts), unit=user.weight_unit
    )
    if found is None:
        raise HTTPException(404, "no such exercise in this session")
    links = [
        (
            option,
            guide_url(session_id, {**current, planned_id: option.exercise_id}, option.exercise_id),
        )
        for option in found.options
        if option.exercise_id != exercise_id
    ]
    keep = {a: b for a, b in current.items() if a != planned_id}
    return render(
        request,
        "swap.html",
        {
            "found": found,
            "links": links,
            "back": guide_url(session_id, current, exercise_id),
            "planned_back": guide_url(session_id, keep, planned_id)
            if planned_id in current
            else None,
        },
    )
