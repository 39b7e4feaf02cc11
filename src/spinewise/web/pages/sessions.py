"""Session pages: today's session, the guided session with inline set logging, the log.

The guided page shows each exercise's cues and reasons, a hold timer with audible cues, a tempo
metronome and a pulse counter (``static/app.js``); each set is logged as it is done (HTMX posts
the set's form and swaps in the saved row; without JavaScript the form posts and the page
reloads). Pain is asked before (when starting), during and after (when finishing), and the
next morning. A set logged offline is kept on the phone and posted later with the id the page
gave it (``client_id``): the same id sent again stores nothing new (decision 0270).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, TypedDict

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from spinewise import services
from spinewise.errors import InputError
from spinewise.logbook import SetLog
from spinewise.logbook.backup import format_validation_error
from spinewise.logbook.entries import SetKey
from spinewise.report.change_words import ChangeWords
from spinewise.units import WEIGHT_UNIT_NAMES, WEIGHT_UNITS, mass_to_kg, shown_mass
from spinewise.web.context import WebContext
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.checkin import LEVEL_WORDS
from spinewise.web.pages.forms import FormReader
from spinewise.web.pages.outcome import changes_for
from spinewise.web.pages.player import guide_url
from spinewise.web.templating import render

__all__ = ["router"]

router = APIRouter()

SessionId = Annotated[int, Path(ge=1, le=2**62)]
#: The loads a set may log [kg] (the log's limits, ``LoadKg``; below 0 is assistance).
LOAD_RANGE_KG = (-1000.0, 2000.0)
_SET_NUMBERS = ("reps", "hold_s", "rpe")
_TARGETS = ("target_reps", "target_hold_s", "target_rpe", "target_rir", "tempo")


@router.get("/today")
def today(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """The next planned session with its date, a button to start (or resume) it."""
    day = services.local_today(ctx.now())
    nxt = services.next_session(ctx.store, user.athlete_id, today=day)
    opened = None
    if nxt is not None and nxt.open_session_id is not None:
        opened = services.user_session(ctx.store, user.athlete_id, nxt.open_session_id)
    return render(
        request,
        "today.html",
        {
            "found": None if nxt is None else (nxt.session, nxt.due_today),
            "next": nxt,
            "day": day,
            "open": opened,
            "review": services.progress_review_of(ctx.store, user.athlete_id, today=day),
            "morning": services.morning_checkin(ctx.store, user.athlete_id, today=day),
            "level_words": LEVEL_WORDS,
            "session_changes": changes_for(
                ctx.store, user.athlete_id, None if nxt is None else nxt.session
            ),
        },
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
    session_id = await run_in_threadpool(
        lambda: services.start_session(
            ctx.store,
            user.athlete_id,
            now=ctx.now(),
            pain_before=None if pain is None else int(pain),
        )
    )
    if session_id is None:
        raise HTTPException(404, "nothing left to do in the plan (or no plan yet)")
    return RedirectResponse(f"/sessions/{session_id}/guide", status_code=303)


class _GuidePage(TypedDict):
    """The variables of ``guide.html``."""

    stored: services.StoredSession
    planned: services.SessionPlan
    logged: dict[SetKey, SetLog]
    last: dict[str, tuple[SetLog, ...]]
    session_changes: list[ChangeWords]


def _guide_context(ctx: WebContext, athlete: int, session_id: int) -> _GuidePage:
    stored = services.user_session(ctx.store, athlete, session_id)
    if stored is None or stored.log.planned is None:
        raise HTTPException(404, "no such session")
    planned = services.planned_view(ctx.store, athlete, session_id)
    if planned is None:
        raise HTTPException(404, "the plan of this session is gone")
    swaps = services.session_swaps(ctx.store, athlete, session_id)
    shown = services.swapped_view(
        planned,
        {s.planned_exercise_id: s.done_exercise_id for s in swaps},
        frozenset(s.planned_exercise_id for s in swaps if s.hurts),
    )
    logged = {s.key: s for s in stored.log.sets}
    last = services.last_sets(
        ctx.store,
        athlete,
        [it.exercise_id for it in shown.items],
        before=stored.log.started_at,
    )
    return _GuidePage(
        stored=stored,
        planned=shown,
        logged=logged,
        last=last,
        session_changes=changes_for(ctx.store, athlete, planned),
    )


@router.get("/sessions/{session_id}/guide")
def guide(
    session_id: SessionId,
    request: Request,
    ctx: CtxDep,
    user: CurrentUser,
) -> Response:
    """The guided session: cues, timers, inline set logging, pain after.

    An exercise chosen instead of a planned one ("this hurts", "swap this") is shown in its
    place: the swap is kept with the session.
    """
    context = _guide_context(ctx, user.athlete_id, session_id)
    return render(request, "guide.html", context)


def _load_kg(form: FormReader) -> float | None:
    """The set's load [kg] from ``load_kg`` or ``load_lb``, whichever unit the form was in.

    The field names its unit, so a form shown in pounds is read in pounds even if the account
    switched to kilograms meanwhile.
    """
    for unit in WEIGHT_UNITS:
        name = f"load_{unit}"
        if form.text(name):
            mass = form.number(name)
            if mass is None:
                return None
            low, high = (shown_mass(kg, unit) for kg in LOAD_RANGE_KG)
            if not low <= mass <= high:
                word = WEIGHT_UNIT_NAMES[unit]
                form.problems.append(f"{name}: must be {low:g} to {high:g} {word}, got {mass:g}")
                return None
            return mass_to_kg(float(mass), unit)
    return None


def _set_from_form(form: FormReader) -> SetLog:
    # I/O edge: the form's fields, unchecked, in the shape SetLog validates (and names the
    # bad ones of).
    values: dict[str, Any] = {
        "exercise_id": form.text("exercise_id"),
        "set_number": form.number("set_number", whole=True, required=True),
        "side": form.text("side") or None,
    }
    for name in _SET_NUMBERS:
        values[name] = form.number(name, whole=name == "reps")
    values["load_kg"] = _load_kg(form)
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


#: A set's id given by the browser (``crypto.randomUUID()``): letters, digits and dashes.
_CLIENT_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def _client_id(raw: str) -> str | None:
    """The set's id from the phone, checked; ``None`` when the form has none (no JavaScript)."""
    if not raw:
        return None
    if _CLIENT_ID.match(raw) is None:
        raise InputError(
            f"set id from this phone: must be 8 to 64 letters, digits or dashes, got {raw[:80]!r}"
        )
    return raw


@router.post("/sessions/{session_id}/sets")
async def log_set(
    session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Log one set; HTMX gets the saved row back, a plain form post goes back to the page."""
    form = FormReader(await request.form())
    item = _set_from_form(form)
    client_id = _client_id(form.text("client_id"))
    set_id = await run_in_threadpool(
        lambda: services.correct_set(
            ctx.store,
            user.athlete_id,
            session_id,
            item,
            now=ctx.now(),
            jobs=ctx.jobs,
            client_id=client_id,
        )
    )
    if set_id is None:
        raise HTTPException(404, "no such session")
    if request.headers.get("HX-Request") == "true":
        return render(request, "set_saved.html", {"item": item, "session_id": session_id})
    return RedirectResponse(guide_url(session_id, item.exercise_id), status_code=303)


def _whole(form: FormReader, name: str, *, required: bool = False) -> int | None:
    """A whole-number field (``form.number`` with ``whole=True`` gives an int or None)."""
    value = form.number(name, whole=True, required=required)
    return None if value is None else int(value)


@router.post("/sessions/{session_id}/finish")
async def finish(
    session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Record session RPE, pain during and after, and how long it took."""
    form = FormReader(await request.form())
    ratings = {name: _whole(form, name) for name in ("session_rpe", "pain_during", "pain_after")}
    minutes = form.number("duration_min")
    for name, value in ratings.items():
        if value is not None and not 0 <= value <= 10:
            form.problems.append(f"{name}: must be 0 to 10, got {value}")
    if form.problems:
        raise InputError(form.problems)
    stored = await run_in_threadpool(services.user_session, ctx.store, user.athlete_id, session_id)
    if stored is None:
        raise HTTPException(404, "no such session")
    if minutes is None:
        elapsed = (ctx.now() - stored.log.started_at).total_seconds() / 60.0
        minutes = round(min(max(elapsed, 1.0), 24 * 60.0), 1)
    if not 0 <= minutes <= 24 * 60:
        raise InputError(f"duration_min: must be 0 to 1440, got {minutes:g}")
    changes = services.SessionFields(
        duration_min=minutes,
        session_rpe=ratings["session_rpe"],
        pain_during=ratings["pain_during"],
        pain_after=ratings["pain_after"],
    )
    notes = form.text("notes")[:5000] or None
    await run_in_threadpool(
        lambda: services.finish_session(
            ctx.store, user.athlete_id, session_id, changes, notes, now=ctx.now(), jobs=ctx.jobs
        )
    )
    return RedirectResponse(f"/sessions/{session_id}/summary", status_code=303)


@router.post("/sessions/{session_id}/discard")
async def discard(session_id: SessionId, ctx: CtxDep, user: CurrentUser) -> Response:
    """Throw away a started session that was not finished; back to today's page."""
    found = await run_in_threadpool(
        services.discard_session, ctx.store, user.athlete_id, session_id
    )
    if not found:
        raise HTTPException(404, "no such session")
    return RedirectResponse("/today", status_code=303)


@router.post("/sessions/{session_id}/morning")
async def morning(
    session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """The next-morning check: back pain the morning after the session."""
    form = FormReader(await request.form())
    pain = _whole(form, "pain_next_morning", required=True)
    if pain is not None and not 0 <= pain <= 10:
        form.problems.append(f"pain_next_morning: must be 0 to 10, got {pain}")
    if form.problems:
        raise InputError(form.problems)
    finished = await run_in_threadpool(
        lambda: services.finish_session(
            ctx.store,
            user.athlete_id,
            session_id,
            services.SessionFields(pain_next_morning=pain),
            now=ctx.now(),
            jobs=ctx.jobs,
        )
    )
    if not finished.found:
        raise HTTPException(404, "no such session")
    return RedirectResponse(f"/sessions/{session_id}", status_code=303)


@router.get("/sessions/{session_id}")
def session(session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """One logged session: pain, RPE, every set."""
    stored = services.user_session(ctx.store, user.athlete_id, session_id)
    if stored is None:
        raise HTTPException(404, "no such session")
    jobs = services.athlete_jobs(ctx.store, user.athlete_id, limit=1)
    job = jobs[0] if jobs and jobs[0].kind in ("adapt", "replan") else None
    names = {s.exercise_id: services.name_of(s.exercise_id) for s in stored.log.sets}
    swaps = [
        (services.name_of(s.done_exercise_id), services.name_of(s.planned_exercise_id), s.hurts)
        for s in services.session_swaps(ctx.store, user.athlete_id, session_id)
    ]
    return render(
        request,
        "session.html",
        {"stored": stored, "now": ctx.now(), "job": job, "names": names, "swaps": swaps},
    )


@router.post("/sessions/{session_id}/delete")
async def delete(
    session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser
) -> Response:
    """Delete one logged session and its sets, after the ticked confirmation."""
    form = FormReader(await request.form())
    if form.text("confirm") != "yes":
        raise InputError("confirm: tick the box to confirm deleting the session")
    if not await run_in_threadpool(
        services.delete_logged_session, ctx.store, user.athlete_id, session_id
    ):
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
    """The logged sessions, newest first, a page at a time (sets counted, not read)."""
    offset = (page - 1) * PAGE_SIZE
    lines = services.log_lines(
        ctx.store, user.athlete_id, limit=PAGE_SIZE + 1, offset=offset, newest_first=True
    )
    total = services.logged_session_count(ctx.store, user.athlete_id)
    return render(
        request,
        "sessions.html",
        {
            "sessions": lines[:PAGE_SIZE],
            "more": len(lines) > PAGE_SIZE,
            "page": page,
            "first": offset + 1,
            "total": total,
        },
    )
