"""Session pages: today's session, the guided session with inline set logging, the log.

The guided page shows each exercise's cues and reasons, a hold timer with audible cues, a tempo
metronome and a pulse counter (``static/app.js``); each set is logged as it is done (HTMX posts
the set's form and swaps in the saved row; without JavaScript the form posts and the page
reloads). Pain is asked before (when starting), during and after (when finishing), and the
next morning.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from spinewise.errors import InputError
from spinewise.logbook import SetLog
from spinewise.logbook.backup import format_validation_error
from spinewise.store import count_sessions, list_sessions, page_sessions, reading
from spinewise.web import service
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render

__all__ = ["router"]

router = APIRouter()

SessionId = Annotated[int, Path(ge=1, le=2**62)]
_SET_NUMBERS = ("reps", "hold_s", "load_kg", "rpe")
_TARGETS = ("target_reps", "target_hold_s", "target_rpe", "target_rir", "tempo")


@router.get("/today")
def today(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Today's planned session (or the next one), with a button to start it."""
    day = ctx.now().date()
    found = service.today_session(ctx, user, day)
    with reading(ctx.engine) as db:
        recent = list_sessions(db, user.athlete_id, since=day - timedelta(days=1))
    open_sessions = [s for s in recent if s.log.source == "web" and s.log.duration_min is None][-1:]
    return render(
        request,
        "today.html",
        {"found": found, "day": day, "open": open_sessions[0] if open_sessions else None},
    )


@router.post("/today/start")
async def start(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Start today's session now, with the pain before it."""
    form = FormReader(await request.form())
    pain = form.number("pain_before", whole=True)
    if form.problems:
        raise InputError(form.problems)
    if pain is not None and not 0 <= pain <= 10:
        raise InputError(f"pain_before: must be 0 to 10, got {pain}")
    found = await run_in_threadpool(service.today_session, ctx, user, ctx.now().date())
    if found is None:
        raise HTTPException(404, "nothing left to do in the plan (or no plan yet)")
    session_id = await run_in_threadpool(
        service.start_session, ctx, user, found[0], pain_before=None if pain is None else int(pain)
    )
    return RedirectResponse(f"/sessions/{session_id}/guide", status_code=303)


def _guide_context(ctx: Any, user: Any, session_id: int) -> dict[str, Any]:
    stored = service.user_session(ctx, user, session_id)
    if stored is None or stored.log.planned is None:
        raise HTTPException(404, "no such session")
    ref = stored.log.planned
    plan = next(
        (p for p in service.user_plans(ctx, user) if p.record.version == ref.plan_version), None
    )
    planned = None if plan is None else service.plan_session(plan, ref.week, ref.session)
    if planned is None:
        raise HTTPException(404, "the plan of this session is gone")
    logged = {s.key: s for s in stored.log.sets}
    return {"stored": stored, "planned": planned, "logged": logged}


@router.get("/sessions/{session_id}/guide")
def guide(session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """The guided session: cues, timers, inline set logging, pain after."""
    return render(request, "guide.html", _guide_context(ctx, user, session_id))


def _set_from_form(form: FormReader) -> SetLog:
    values: dict[str, Any] = {
        "exercise_id": form.text("exercise_id"),
        "set_number": form.number("set_number", whole=True, required=True),
        "side": form.text("side") or None,
    }
    for name in _SET_NUMBERS:
        values[name] = form.number(name, whole=name == "reps")
    for name in _TARGETS:
        raw = form.text(name)
        if raw:
            values[name] = raw
    if form.problems:
        raise InputError(form.problems)
    try:
        return SetLog.model_validate(values)
    except ValidationError as err:
        raise InputError(format_validation_error(err)) from None


@router.post("/sessions/{session_id}/sets")
async def log_set(
    session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Log one set; HTMX gets the saved row back, a plain form post goes back to the page."""
    form = FormReader(await request.form())
    item = _set_from_form(form)
    set_id = await run_in_threadpool(service.log_set, ctx, user, session_id, item)
    if set_id is None:
        raise HTTPException(404, "no such session")
    if request.headers.get("HX-Request") == "true":
        return render(request, "set_saved.html", {"item": item, "session_id": session_id})
    return RedirectResponse(f"/sessions/{session_id}/guide#{item.exercise_id}", status_code=303)


@router.post("/sessions/{session_id}/finish")
async def finish(
    session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Record session RPE, pain during and after, and how long it took."""
    form = FormReader(await request.form())
    changes: dict[str, Any] = {
        name: form.number(name, whole=True) for name in ("session_rpe", "pain_during", "pain_after")
    }
    minutes = form.number("duration_min")
    for name, value in changes.items():
        if value is not None and not 0 <= value <= 10:
            form.problems.append(f"{name}: must be 0 to 10, got {value}")
    if form.problems:
        raise InputError(form.problems)
    stored = await run_in_threadpool(service.user_session, ctx, user, session_id)
    if stored is None:
        raise HTTPException(404, "no such session")
    if minutes is None:
        elapsed = (ctx.now() - stored.log.started_at).total_seconds() / 60.0
        minutes = round(min(max(elapsed, 1.0), 24 * 60.0), 1)
    if not 0 <= minutes <= 24 * 60:
        raise InputError(f"duration_min: must be 0 to 1440, got {minutes:g}")
    changes["duration_min"] = minutes
    notes = form.text("notes")[:5000] or None
    await run_in_threadpool(service.finish_session, ctx, user, session_id, changes, notes)
    return RedirectResponse(f"/sessions/{session_id}", status_code=303)


@router.post("/sessions/{session_id}/morning")
async def morning(
    session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """The next-morning check: back pain the morning after the session."""
    form = FormReader(await request.form())
    pain = form.number("pain_next_morning", whole=True, required=True)
    if pain is not None and not 0 <= pain <= 10:
        form.problems.append(f"pain_next_morning: must be 0 to 10, got {pain}")
    if form.problems:
        raise InputError(form.problems)
    done = await run_in_threadpool(
        service.finish_session, ctx, user, session_id, {"pain_next_morning": pain}
    )
    if not done:
        raise HTTPException(404, "no such session")
    return RedirectResponse(f"/sessions/{session_id}", status_code=303)


@router.get("/sessions/{session_id}")
def session(session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """One logged session: pain, RPE, every set."""
    stored = service.user_session(ctx, user, session_id)
    if stored is None:
        raise HTTPException(404, "no such session")
    return render(request, "session.html", {"stored": stored, "now": ctx.now()})


@router.post("/sessions/{session_id}/delete")
async def delete(
    session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Delete one logged session and its sets, after the ticked confirmation."""
    form = FormReader(await request.form())
    if form.text("confirm") != "yes":
        raise InputError("confirm: tick the box to confirm deleting the session")
    if not await run_in_threadpool(service.delete_logged_session, ctx, user, session_id):
        raise HTTPException(404, "no such session")
    return RedirectResponse("/sessions", status_code=303)


#: Sessions per page of the log.
PAGE_SIZE = 50


@router.get("/sessions")
def history(
    request: Request,
    ctx: CtxDep,
    user: CurrentUser,
    page: Annotated[int, Query(ge=1, le=10_000_000)] = 1,
) -> Response:
    """The logged sessions, newest first, a page at a time."""
    offset = (page - 1) * PAGE_SIZE
    with reading(ctx.engine) as db:
        stored = page_sessions(
            db, user.athlete_id, limit=PAGE_SIZE + 1, offset=offset, newest_first=True
        )
        total, _sets = count_sessions(db, user.athlete_id)
    return render(
        request,
        "sessions.html",
        {
            "sessions": stored[:PAGE_SIZE],
            "more": len(stored) > PAGE_SIZE,
            "page": page,
            "first": offset + 1,
            "total": total,
        },
    )
