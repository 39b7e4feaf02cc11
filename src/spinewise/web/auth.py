"""Sign-up, log-in and log-out, shared by the API and the pages; the session cookie."""

from __future__ import annotations

from datetime import timedelta

from fastapi import HTTPException, Request, Response

from spinewise.errors import InputError
from spinewise.store import reading, writing
from spinewise.store.accounts import (
    UserAccount,
    create_user,
    create_web_session,
    delete_user,
    delete_web_session,
    find_user_by_email,
)
from spinewise.web.context import WebContext
from spinewise.web.deps import CSRF_COOKIE, SESSION_COOKIE
from spinewise.web.security import normalise_email

__all__ = [
    "client_address",
    "delete_account",
    "end_session",
    "log_in",
    "set_session_cookie",
    "sign_up",
]

MIN_PASSWORD = 8


def client_address(request: Request) -> str:
    """The client's address (the peer; spinewise does not trust forwarded headers)."""
    return request.client.host if request.client else "unknown"


def sign_up(ctx: WebContext, email: str, password: str) -> UserAccount:
    """Create an account; an input error naming the field when it cannot be made."""
    address = normalise_email(email)
    if len(password) < MIN_PASSWORD:
        raise InputError(f"password: must be at least {MIN_PASSWORD} characters long")
    if "@" not in address or len(address) > 254:
        raise InputError(f'email: must be an e-mail address, got "{email}"')
    hashed = ctx.passwords.hash(password)
    with writing(ctx.engine) as db:
        return create_user(db, address, hashed, now=ctx.now())


def log_in(
    ctx: WebContext, email: str, password: str, address: str
) -> tuple[UserAccount, str, str]:
    """Check the password and start a session: ``(user, cookie token, CSRF token)``.

    Raises
    ------
    HTTPException
        429 with ``Retry-After`` when this e-mail and address failed too often; 401 when the
        e-mail or the password is wrong (the message does not say which).
    """
    who = normalise_email(email)
    verdict = ctx.limiter.check(who, address)
    if not verdict.allowed:
        raise HTTPException(
            429,
            f"too many failed log-ins; try again in {verdict.retry_after_s} s",
            headers={"Retry-After": str(verdict.retry_after_s)},
        )
    with reading(ctx.engine) as db:
        user = find_user_by_email(db, who)
    if not ctx.passwords.verify(password, None if user is None else user.password_hash):
        ctx.limiter.failed(who, address)
        raise HTTPException(401, "wrong e-mail or password")
    assert user is not None  # verify() fails without a user
    ctx.limiter.succeeded(who, address)
    now = ctx.now()
    with writing(ctx.engine) as db:
        token, csrf = create_web_session(
            db, user.id, now=now, expires_at=now + timedelta(days=ctx.web.session_days)
        )
    return user, token, csrf


def set_session_cookie(ctx: WebContext, response: Response, token: str) -> None:
    """Set the session cookie: HttpOnly, SameSite=Lax, Secure when configured."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=ctx.web.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=ctx.web.cookie_secure,
        path="/",
    )


def end_session(ctx: WebContext, request: Request, response: Response) -> None:
    """Log out: delete the session and its cookie."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        with writing(ctx.engine) as db:
            delete_web_session(db, token)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")


def delete_account(ctx: WebContext, user: UserAccount, password: str) -> None:
    """Delete the account and every record of its athlete, after checking the password."""
    if not ctx.passwords.verify(password, user.password_hash):
        raise InputError("password: wrong password; the account was not deleted")
    with writing(ctx.engine) as db:
        delete_user(db, user)
    ctx.plans.forget_athlete(user.athlete_id)
