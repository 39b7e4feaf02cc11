"""``/api/v1/logs``: logged sessions (the backup shape), sets one by one, next-morning pain."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Header, HTTPException, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from spinewise import services
from spinewise.logbook import SessionLog, SetLog
from spinewise.planning.plan import PlanChange
from spinewise.report.change_words import group_changes
from spinewise.services import StoredSession
from spinewise.web.api.common import SessionId, responses
from spinewise.web.api.jobs import JobOut, job_out
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.schemas import NextMorningIn, SessionFinish, SessionOut, SetOut

__all__ = ["router", "session_out"]

router = APIRouter(prefix="/logs", tags=["logs"])


class MorningOut(BaseModel):
    """The session the next-morning pain was recorded on."""

    session_id: int


class ChangeOut(BaseModel):
    """One change the adaptation made to the next sessions, with its reason in plain words."""

    exercise_id: str | None = Field(
        description="The exercise changed (null for a change of the whole plan, a re-plan)."
    )
    decision: str = Field(description="progress, regress, replan or retest.")
    reason: str = Field(description="Why, in plain words.")
    change: str = Field(description="What changes, in plain words, naming the exercise.")
    sessions: list[tuple[int, int]] = Field(
        description="(week, session) of each planned session the change applies to."
    )


class AdaptationJobOut(JobOut):
    """The background job updating the plan, and where to follow it."""

    url: str = Field(
        description="GET it for the adaptation: its state, then the changes once it is done."
    )


class AdaptationOut(BaseModel):
    """How the plan adapted to the session: the new plan version and its changes.

    With a job queue the plan is updated in the background: ``status`` is ``queued`` (or
    ``running``), ``changes`` is empty and ``job.url`` gives this object again, with the changes
    once the job is done.
    """

    plan_version: int | None = Field(description="The new plan version (null: nothing changed).")
    changes: list[ChangeOut]
    status: Literal["done", "queued", "running", "failed"] = Field(
        default="done",
        description="done: the changes are final; queued or running: your plan is being updated "
        "in the background (follow job.url); failed: the update did not work.",
    )
    job: AdaptationJobOut | None = Field(
        default=None, description="The background job updating the plan (null: none)."
    )


class LoggedSessionOut(SessionOut):
    """A logged session with how the plan adapted to it."""

    adaptation: AdaptationOut


class StartIn(BaseModel):
    """Start today's planned session now."""

    model_config = ConfigDict(extra="forbid")
    pain_before: Annotated[int, Field(ge=0, le=10)] | None = None


def session_out(stored: StoredSession) -> SessionOut:
    """A stored session as the API returns it."""
    return SessionOut.model_validate({**stored.log.model_dump(), "id": stored.id})


def _changes_out(changes: Iterable[PlanChange]) -> list[ChangeOut]:
    return [
        ChangeOut(
            exercise_id=w.exercise_id,
            decision=w.decision,
            reason=w.why or w.what,
            change=w.what,
            sessions=list(w.sessions),
        )
        for w in group_changes(changes, services.name_of)
    ]


def _adaptation_url(session_id: int) -> str:
    return f"/api/v1{router.prefix}/sessions/{session_id}/adaptation"


def adaptation_out(found: services.SessionAdaptation, session_id: int) -> AdaptationOut:
    """How the plan adapted (or is adapting) to a session, as the API shows it."""
    job = None
    if found.job is not None:
        shown = job_out(found.job)
        job = AdaptationJobOut(**shown.model_dump(), url=_adaptation_url(session_id))
    state = found.state if found.state in ("queued", "running", "failed") else "done"
    return AdaptationOut(
        plan_version=found.plan_version,
        changes=_changes_out(found.changes),
        status=state,
        job=job,
    )


@router.post(
    "/sessions",
    status_code=status.HTTP_201_CREATED,
    response_model=LoggedSessionOut,
    responses=responses(401, 403, 422),
)
def create_session(body: SessionLog, ctx: CtxDep, user: CurrentUser) -> LoggedSessionOut:
    """Log a whole session (the backup shape) and adapt the plan to it; 422 names each bad field.

    The answer names each change the adaptation made to the next sessions with its reason in
    plain words (``adaptation.changes``). It is empty when nothing changed, when there is no
    plan, or when the session is not the newest planned one (a back-filled or unplanned session
    does not adapt the plan again). When the server has a job queue, the plan is updated in the
    background: ``adaptation.status`` is ``queued`` and ``adaptation.job.url`` gives the
    adaptation with its changes once the job is done.
    """
    now = ctx.now()
    session_id = services.log_session(
        ctx.store, user.athlete_id, body, source="web", today=now.date()
    )
    stored = services.user_session(ctx.store, user.athlete_id, session_id)
    assert stored is not None  # just written by this user
    finished = services.adapt_now(
        ctx.store, user.athlete_id, body, now=now, session_id=session_id, jobs=ctx.jobs
    )
    job = None if finished.job_key is None else services.job_state(ctx.store, finished.job_key)
    if job is not None and not job.finished:
        # The usual case, answered without reading the plans again: nothing has changed yet.
        waiting = services.SessionAdaptation(job.state, None, (), job)
        adaptation = adaptation_out(waiting, session_id)
    elif job is not None:  # the same work was already done: the changes it made
        found = services.session_adaptation(ctx.store, user.athlete_id, session_id)
        assert found is not None  # the session is this user's
        adaptation = adaptation_out(found, session_id)
    else:
        adaptation = AdaptationOut(
            plan_version=finished.plan_version, changes=_changes_out(finished.changes)
        )
    return LoggedSessionOut.model_validate(
        {**session_out(stored).model_dump(), "adaptation": adaptation.model_dump()}
    )


@router.get(
    "/sessions/{id}/adaptation", response_model=AdaptationOut, responses=responses(401, 404)
)
def session_adaptation(session_id: SessionId, ctx: CtxDep, user: CurrentUser) -> AdaptationOut:
    """How the plan adapted to one of your sessions (404 for anyone else's).

    While the plan is updated in the background, ``status`` says so; the changes follow once
    the job is done.
    """
    found = services.session_adaptation(ctx.store, user.athlete_id, session_id)
    if found is None:
        raise HTTPException(404, "no such session")
    return adaptation_out(found, session_id)


#: The most sessions one page of the list holds.
MAX_PAGE = 200


@router.get("/sessions", response_model=list[SessionOut], responses=responses(401))
def sessions(
    request: Request,
    response: Response,
    ctx: CtxDep,
    user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Sessions per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1, description="Sessions to skip.")] = 0,
) -> list[SessionOut]:
    """Logged sessions in time order, one page at a time (``Link: rel="next"`` when more)."""
    stored = services.history_page(ctx.store, user.athlete_id, limit=limit + 1, offset=offset)
    if len(stored) > limit:
        following = request.url.include_query_params(limit=limit, offset=offset + limit)
        response.headers["Link"] = f'<{following}>; rel="next"'
    return [session_out(s) for s in stored[:limit]]


@router.get("/sessions/{id}", response_model=SessionOut, responses=responses(401, 404))
def get_session(session_id: SessionId, ctx: CtxDep, user: CurrentUser) -> SessionOut:
    """One of your sessions (404 for anyone else's)."""
    stored = services.user_session(ctx.store, user.athlete_id, session_id)
    if stored is None:
        raise HTTPException(404, "no such session")
    return session_out(stored)


@router.delete(
    "/sessions/{id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 403, 404)
)
def delete_session(session_id: SessionId, ctx: CtxDep, user: CurrentUser) -> Response:
    """Delete one of your sessions and its sets (404 for anyone else's)."""
    if not services.delete_logged_session(ctx.store, user.athlete_id, session_id):
        raise HTTPException(404, "no such session")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.patch("/sessions/{id}", response_model=SessionOut, responses=responses(401, 403, 404, 422))
def finish_session(
    session_id: SessionId, body: SessionFinish, ctx: CtxDep, user: CurrentUser
) -> SessionOut:
    """Record duration, session RPE and pain of one of your sessions."""
    changes = services.SessionFields(
        duration_min=body.duration_min,
        session_rpe=body.session_rpe,
        pain_before=body.pain_before,
        pain_during=body.pain_during,
        pain_after=body.pain_after,
        pain_next_morning=body.pain_next_morning,
    )
    finished = services.finish_session(
        ctx.store, user.athlete_id, session_id, changes, body.notes, now=ctx.now(), jobs=ctx.jobs
    )
    if not finished.found:
        raise HTTPException(404, "no such session")
    stored = services.user_session(ctx.store, user.athlete_id, session_id)
    assert stored is not None
    return session_out(stored)


@router.post(
    "/sessions/{id}/sets",
    status_code=status.HTTP_201_CREATED,
    response_model=SetOut,
    responses=responses(401, 403, 404, 422),
)
def log_set(
    session_id: SessionId,
    body: SetLog,
    ctx: CtxDep,
    user: CurrentUser,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            pattern=r"^[A-Za-z0-9-]{8,64}$",
            description=(
                "An id you give this set (8 to 64 letters, digits or dashes): sending the same "
                "id again stores nothing new and answers with the stored set's id."
            ),
        ),
    ] = None,
) -> SetOut:
    """Log one set into one of your sessions (a set with the same key is replaced).

    With ``Idempotency-Key``, a set sent again (a retry after a lost answer) is stored once and
    never undoes a later change of the same set.
    """
    set_id = services.log_set(ctx.store, user.athlete_id, session_id, body, idempotency_key)
    if set_id is None:
        raise HTTPException(404, "no such session")
    return SetOut.model_validate({**body.model_dump(), "id": set_id, "session_id": session_id})


@router.post(
    "/today/start",
    status_code=status.HTTP_201_CREATED,
    response_model=SessionOut,
    responses=responses(401, 403, 404, 422),
)
def start_today(
    ctx: CtxDep, user: CurrentUser, body: Annotated[StartIn | None, Body()] = None
) -> SessionOut:
    """Start the next planned session now (or resume the one open today); log its sets afterwards.

    At most one planned session a day: after one today, or pain above 5/10 today, 422 says why.
    """
    pain = None if body is None else body.pain_before
    session_id = services.start_session(ctx.store, user.athlete_id, now=ctx.now(), pain_before=pain)
    if session_id is None:
        raise HTTPException(404, "nothing left to do in the plan (or no plan yet)")
    stored = services.user_session(ctx.store, user.athlete_id, session_id)
    assert stored is not None
    return session_out(stored)


@router.post("/next-morning", response_model=MorningOut, responses=responses(401, 403, 422))
def next_morning(body: NextMorningIn, ctx: CtxDep, user: CurrentUser) -> MorningOut:
    """Back pain the morning after: recorded on the last session of ``date``."""
    session_id = services.record_next_morning(ctx.store, user.athlete_id, body.date, body.pain)
    return MorningOut(session_id=session_id)
