"""Sign-up, log-in, log-out, password change and account deletion; the session cookie.

Shared by the API and the pages, so both apply the same rules:

- sign-up checks the password policy (:mod:`spinewise.web.password_policy`) and answers the
  same whether or not the address already has an account (nothing tells an outsider who is
  registered; the argon2 hash is computed either way, so the time does not tell either);
- every password check (log-in, account deletion, password change) counts against the limits
  per account, per address and per pair; sign-ups count per address;
- a session ends after ``idle_minutes`` without use and after ``session_days`` in all; changing
  the password ends every other session, and "log out everywhere" ends them all.
"""

from __future__ import annotations

import re

from fastapi import HTTPException, Request, Response

from spinewise.errors import InputError
from spinewise.store import reading, writing
from spinewise.store.accounts import (
    UserAccount,
    WebSession,
    create_user,
    create_web_session,
    delete_user,
    delete_web_session,
    delete_web_sessions,
    find_user_by_email,
    set_password_hash,
)
from spinewise.store.engine import scrub
from spinewise.validation import check_text
from spinewise.web.context import WebContext
from spinewise.web.deps import CSRF_COOKIE, SESSION_COOKIE, session_deadline
from spinewise.web.password_policy import password_problems
from spinewise.web.security import LoginVerdict, normalise_email

__all__ = [
    "change_password",
    "client_address",
    "delete_account",
    "end_all_sessions",
    "end_session",
    "log_in",
    "set_session_cookie",
    "sign_up",
]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def client_address(request: Request) -> str:
    """The client's address: the peer, or what a trusted proxy said (uvicorn decides)."""
    return request.client.host if request.client else "unknown"


def _refuse(verdict: LoginVerdict, what: str) -> None:
    if not verdict.allowed:
        raise HTTPException(
            429,
            f"too many {what}; try again in {verdict.retry_after_s} s",
            headers={"Retry-After": str(verdict.retry_after_s)},
        )


def _email_problems(email: str) -> list[str]:
    try:
        check_text(email)
    except ValueError as err:
        return [f"email: {err}"]
    address = normalise_email(email)
    if len(address) > 254 or not _EMAIL.match(address):
        shown = email[:80].encode("utf-8", "backslashreplace").decode("utf-8")
        return [f'email: must be an e-mail address such as ann@example.org, got "{shown}"']
    return []


def _password_problems(password: str, field: str = "password") -> list[str]:
    try:
        check_text(password)
    except ValueError as err:
        return [f"{field}: {err}"]
    return password_problems(password, field)


def sign_up(ctx: WebContext, email: str, password: str, address: str = "unknown") -> None:
    """Create an account unless the address has one; the caller cannot tell which happened.

    Raises
    ------
    InputError
        A bad e-mail address or a password the policy refuses (nothing is created).
    HTTPException
        429 when this address signed up too often.
    """
    problems = _email_problems(email) + _password_problems(password)
    if problems:
        raise InputError(problems)
    _refuse(ctx.limiter.signup(address), "sign-ups from this address")
    hashed = ctx.passwords.hash(password)
    who = normalise_email(email)
    with writing(ctx.engine) as db:
        if find_user_by_email(db, who) is not None:
            return  # the same answer: the owner can log in, nobody else learns anything
        try:
            create_user(db, who, hashed, now=ctx.now())
        except InputError:  # a concurrent sign-up with the same address won
            return


def _check_password(
    ctx: WebContext, user: UserAccount | None, email: str, given: str, address: str
) -> bool:
    """Check a password against the limits; 429 when over them."""
    _refuse(ctx.limiter.check(email, address), "failed password checks")
    ok = ctx.passwords.verify(given, None if user is None else user.password_hash)
    if ok:
        ctx.limiter.succeeded(email, address)
    else:
        ctx.limiter.failed(email, address)
    return ok


def _new_session(ctx: WebContext, user_id: int) -> tuple[str, str]:
    now = ctx.now()
    with writing(ctx.engine) as db:
        return create_web_session(
            db, user_id, now=now, expires_at=session_deadline(ctx.web, now, now)
        )


def log_in(
    ctx: WebContext, email: str, password: str, address: str
) -> tuple[UserAccount, str, str]:
    """Check the password and start a session: ``(user, cookie token, CSRF token)``.

    Raises
    ------
    HTTPException
        429 with ``Retry-After`` when this account or address failed too often; 401 when the
        e-mail or the password is wrong (the message does not say which).
    """
    who = normalise_email(email)
    with reading(ctx.engine) as db:
        user = find_user_by_email(db, who)
    if not _check_password(ctx, user, who, password, address):
        raise HTTPException(401, "wrong e-mail or password")
    assert user is not None  # verify() fails without a user
    token, csrf = _new_session(ctx, user.id)
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


def end_all_sessions(ctx: WebContext, user: UserAccount, response: Response) -> int:
    """Log out everywhere: end every session of the user; the number ended."""
    with writing(ctx.engine) as db:
        ended = delete_web_sessions(db, user.id)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return ended


def change_password(
    ctx: WebContext, session: WebSession, current: str, new: str, address: str
) -> None:
    """Change the password after checking the current one; every other session ends."""
    user = session.user
    if not _check_password(ctx, user, user.email, current, address):
        raise InputError("current_password: wrong password; nothing was changed")
    problems = _password_problems(new, "new_password")
    if problems:
        raise InputError(problems)
    hashed = ctx.passwords.hash(new)
    with writing(ctx.engine) as db:
        set_password_hash(db, user.id, hashed)
        delete_web_sessions(db, user.id, keep=session.id)


def delete_account(ctx: WebContext, user: UserAccount, password: str, address: str) -> None:
    """Delete the account and every record of its athlete, after checking the password.

    On SQLite the deleted rows are zeroed (``secure_delete``) and the WAL is emptied, so
    nothing of the account stays readable in the files.
    """
    if not _check_password(ctx, user, user.email, password, address):
        raise InputError("password: wrong password; the account was not deleted")
    with writing(ctx.engine) as db:
        delete_user(db, user)
    scrub(ctx.engine)
    ctx.plans.forget_athlete(user.athlete_id)
