"""The exercise library (filters, "you may also like") and the education pages."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from markupsafe import Markup

from spinewise import services
from spinewise.catalog import ExerciseFilter, load_catalog, similarity_index
from spinewise.education import load_pages
from spinewise.figures import exercise_figure
from spinewise.web.deps import CtxDep, MaybeSession
from spinewise.web.templating import render

__all__ = ["router"]

router = APIRouter()

#: A figure is a drawing of packaged data: it changes only with a new release, so browsers may
#: keep it for a day and then revalidate it by its ETag [s].
FIGURE_MAX_AGE_S = 86400
#: An exercise picture carries no script, no style and nothing from elsewhere.
FIGURE_CSP = "default-src 'none'; frame-ancestors 'none'"
#: The exercise page lists this many of the person's latest sessions with it.
HISTORY_SESSIONS_SHOWN = 12


@lru_cache(maxsize=256)
def _figure(exercise_id: str) -> tuple[str, str]:
    """(SVG, ETag) of a catalogue exercise's picture (the catalogue is fixed at run time)."""
    svg = exercise_figure(load_catalog().get(exercise_id))
    return svg, '"' + hashlib.sha256(svg.encode("utf-8")).hexdigest()[:32] + '"'


@router.get("/exercises")
def exercises(
    request: Request,
    session: MaybeSession,
    pattern: str = "",
    region: str = "",
    quality: str = "",
    plane: str = "",
    equipment: str = "",
    level: str = "",
    q: str = "",
) -> Response:
    """The catalogue with filters (open to visitors too)."""
    catalog = load_catalog()
    vocab = catalog.vocabulary
    chosen = {
        "pattern": pattern if vocab.allows("patterns", pattern) else "",
        "region": region if vocab.allows("regions", region) else "",
        "quality": quality if vocab.allows("qualities", quality) else "",
        "plane": plane if vocab.allows("planes", plane) else "",
        "equipment": equipment if vocab.allows("equipment", equipment) else "",
        "level": level if level in {"1", "2", "3", "4", "5"} else "",
        "q": q.strip()[:100],
    }
    criteria = ExerciseFilter(
        pattern=chosen["pattern"] or None,
        region=chosen["region"] or None,
        quality=chosen["quality"] or None,
        plane=chosen["plane"] or None,
        equipment=None if not chosen["equipment"] else frozenset({chosen["equipment"]}),
        min_level=int(chosen["level"] or 1),
        max_level=int(chosen["level"] or 5),
    )
    found = [
        ex
        for ex in catalog.find(criteria)
        if not chosen["q"]
        or chosen["q"].lower() in ex.name.lower()
        or any(chosen["q"].lower() in a.lower() for a in ex.aliases)
    ]
    return render(
        request,
        "exercises.html",
        {
            "exercises": found,
            "total": len(catalog),
            "chosen": chosen,
            "options": {
                "pattern": vocab.values("patterns"),
                "region": vocab.values("regions"),
                "quality": vocab.values("qualities"),
                "plane": vocab.values("planes"),
                "equipment": vocab.values("equipment"),
            },
        },
    )


@router.get("/exercises/{exercise_id}")
def exercise(exercise_id: str, request: Request, session: MaybeSession, ctx: CtxDep) -> Response:
    """One exercise: dose, cues, sources, the most similar; the person's history and records."""
    catalog = load_catalog()
    if exercise_id not in catalog:
        raise HTTPException(404, "no such exercise")
    ex = catalog.get(exercise_id)
    similar = [
        (catalog.get(s.exercise_id), s)
        for s in similarity_index(catalog).most_similar(exercise_id, 5)
    ]
    named = {i: catalog.get(i).name for i in (*ex.regressions, *ex.progressions) if i in catalog}
    figure = Markup(_figure(exercise_id)[0])  # our own drawing: every text in it is escaped
    mine = (
        None
        if session is None
        else services.exercise_record(
            ctx.store, session.user.athlete_id, exercise_id, session.user.weight_unit
        )
    )
    return render(
        request,
        "exercise.html",
        {
            "ex": ex,
            "similar": similar,
            "named": named,
            "figure": figure,
            "mine": mine,
            "shown": HISTORY_SESSIONS_SHOWN,
        },
    )


@router.get("/exercises/{exercise_id}/figure.svg")
def exercise_figure_svg(exercise_id: str, request: Request) -> Response:
    """The exercise's start and end position as an SVG picture (open to visitors, cacheable)."""
    if exercise_id not in load_catalog():
        raise HTTPException(404, "no such exercise")
    svg, etag = _figure(exercise_id)
    headers = {
        "Cache-Control": f"public, max-age={FIGURE_MAX_AGE_S}",
        "ETag": etag,
        "Content-Security-Policy": FIGURE_CSP,
    }
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(svg, media_type="image/svg+xml", headers=headers)


@router.get("/learn")
def learn(request: Request, session: MaybeSession) -> Response:
    """The education pages."""
    pages = sorted(load_pages().values(), key=lambda p: p.title)
    return render(request, "learn.html", {"pages": pages})


@router.get("/learn/{page_id}")
def learn_page(page_id: str, request: Request, session: MaybeSession) -> Response:
    """One education page with its sources."""
    pages = load_pages()
    if page_id not in pages:
        raise HTTPException(404, "no such page")
    return render(request, "learn_page.html", {"page": pages[page_id]})
