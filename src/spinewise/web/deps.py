"""Dependencies of the routes, as ``Annotated`` aliases: ``CtxDep``, ``DbDep``, ``CurrentUser``.

The session cookie names a server-side session; :func:`csrf_protect` runs before every route
and refuses a state change (POST, PUT, PATCH, DELETE) whose CSRF token does not match:

- with a session: the token bound to the session, in ``X-CSRF-Token`` or the form field
  ``csrf_token``;
- without one (sign-up and log-in): API requests must be JSON (a cross-site form cannot send
  JSON), and page forms must echo the ``sw_csrf`` cookie in ``csrf_token`` (double submit).

Dependencies that do no I/O are ``async`` so that they run on the event loop instead of taking
a worker thread each; the session is read from the database in a worker thread, once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, cast

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from spinewise.store import Engine, reading, writing
from spinewise.store.accounts import (
    UserAccount,
    WebSession,
    extend_web_session,
    find_web_session,
)
from spinewise.web.context import WebContext
from spinewise.web.options import WebSettings
from spinewise.web.security import tokens_match

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SESSION_COOKIE",
    "CtxDep",
    "CurrentSession",
    "CurrentUser",
    "DbDep",
    "LoginRequired",
    "MaybeSession",
    "csrf_protect",
    "is_api",
    "load_session",
    "session_deadline",
    "session_of",
]

SESSION_COOKIE = "sw_session"
CSRF_COOKIE = "sw_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
_SAFE = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_UNSET = object()


class LoginRequired(Exception):  # noqa: N818 - a signal, handled as 401 or a redirect
    """No valid session: the API answers 401, pages redirect to the log-in page."""


def is_api(request: Request) -> bool:
    """Tell whether the request is for the JSON API."""
    return request.url.path.startswith("/api/")


async def get_ctx(request: Request) -> WebContext:
    """The app's shared state."""
    ctx: WebContext = request.app.state.ctx
    return ctx


CtxDep = Annotated[WebContext, Depends(get_ctx)]


async def get_engine(ctx: CtxDep) -> Engine:
    """The database engine."""
    return ctx.engine


DbDep = Annotated[Engine, Depends(get_engine)]


def session_deadline(web: WebSettings, now: datetime, created_at: datetime) -> datetime:
    """When a session used at ``now`` ends: the idle timeout, capped by its whole lifetime."""
    return min(
        now + timedelta(minutes=web.idle_minutes), created_at + timedelta(days=web.session_days)
    )


def _keep_alive(ctx: WebContext, session: WebSession) -> None:
    """Restart the idle timeout of a session in use (written at most every few minutes)."""
    now = ctx.now()
    deadline = session_deadline(ctx.web, now, session.created_at or now)
    if deadline - session.expires_at > timedelta(minutes=min(5.0, ctx.web.idle_minutes / 10)):
        with writing(ctx.engine) as db:
            extend_web_session(db, session.id, deadline)


def session_of(request: Request) -> WebSession | None:
    """The request's valid session, looked up once per request (blocking: a database read)."""
    cached = getattr(request.state, "web_session", _UNSET)
    if cached is not _UNSET:
        return cast("WebSession | None", cached)
    token = request.cookies.get(SESSION_COOKIE)
    found = None
    if token:
        ctx: WebContext = request.app.state.ctx
        with reading(ctx.engine) as db:
            found = find_web_session(db, token, now=ctx.now())
        if found is not None:
            _keep_alive(ctx, found)
    request.state.web_session = found
    return found


async def load_session(request: Request) -> WebSession | None:
    """The request's valid session; the database is read in a worker thread, once."""
    cached = getattr(request.state, "web_session", _UNSET)
    if cached is not _UNSET:
        return cast("WebSession | None", cached)
    if not request.cookies.get(SESSION_COOKIE):
        request.state.web_session = None
        return None
    return await run_in_threadpool(session_of, request)


MaybeSession = Annotated[WebSession | None, Depends(load_session)]


async def require_session(session: MaybeSession) -> WebSession:
    """The valid session, or :class:`LoginRequired`."""
    if session is None:
        raise LoginRequired
    return session


CurrentSession = Annotated[WebSession, Depends(require_session)]


async def current_user(session: CurrentSession) -> UserAccount:
    """The logged-in user."""
    return session.user


CurrentUser = Annotated[UserAccount, Depends(current_user)]


async def csrf_protect(request: Request) -> None:
    """Refuse a state change without the right CSRF token (403)."""
    if request.method in _SAFE:
        return
    session = await load_session(request)
    given = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    is_form = content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))
    if given is None and is_form:
        form = await request.form()
        field = form.get(CSRF_FIELD)
        given = field if isinstance(field, str) else None
    if session is not None:
        if not tokens_match(session.csrf_token, given):
            raise HTTPException(403, "CSRF token missing or wrong: send the X-CSRF-Token header")
        return
    if is_api(request):
        if not content_type.startswith("application/json"):
            raise HTTPException(
                403, "state changes need a JSON body (Content-Type: application/json)"
            )
        return
    if not tokens_match(request.cookies.get(CSRF_COOKIE, ""), given):
        raise HTTPException(403, "CSRF token missing or wrong: reload the page and try again")
