"""Web accounts: users, their server-side sessions, and the athlete each user owns.

Every user owns exactly one athlete (``users.athlete_id``), created with the user under a fresh
name that no CLI athlete can already have, so that every store call the web app makes is scoped
to that athlete. Session tokens are stored only as SHA-256 digests: a copy of the database does
not let anyone log in. Deleting the athlete deletes the user, the user's sessions and every
training record (``ON DELETE CASCADE``).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import DateTime, ForeignKey, String, bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from spinewise.errors import InputError
from spinewise.profile import ScreeningAnswers
from spinewise.store.tables import AthleteRow, Base
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit, weight_unit

__all__ = [
    "OnboardingDraft",
    "UserAccount",
    "UserRow",
    "WebSession",
    "WebSessionRow",
    "create_user",
    "create_web_session",
    "delete_user",
    "delete_web_session",
    "delete_web_sessions",
    "extend_web_session",
    "find_user_by_email",
    "find_web_session",
    "set_password_hash",
    "set_user_draft",
    "set_weight_unit",
    "token_digest",
]


class UserRow(Base):
    """A web user: an e-mail address, an argon2 password hash and the athlete they own."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), unique=True
    )
    created_at: Mapped[datetime]
    # I/O edge: a JSON column; :func:`_draft` reads it into an OnboardingDraft.
    draft: Mapped[dict[str, Any] | None]
    #: The unit the user sees and types weights in, "kg" or "lb" (stored weights stay in kg).
    weight_unit: Mapped[str] = mapped_column(String(2), server_default=DEFAULT_WEIGHT_UNIT)


class WebSessionRow(Base):
    """A logged-in browser or API client: the digest of its cookie token and its CSRF token."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(DateTime())


class OnboardingDraft(BaseModel):
    """A web user's unfinished onboarding: the screening answers given so far.

    Stored as JSON in ``users.draft``: ``{"screening": {<flag>: true/false, ...,
    "cleared_by_clinician": false, "clearances": {<flag>: "YYYY-MM-DD"}}}``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    screening: ScreeningAnswers


def _draft(stored: object) -> OnboardingDraft | None:
    """The draft of the ``users.draft`` column; one that no longer reads is no draft at all.

    The draft only spares the user answering the screening questions again, so a draft written
    by an older version that fails to read starts the onboarding afresh instead of failing.
    """
    if stored is None:
        return None
    try:
        return OnboardingDraft.model_validate(stored)
    except ValidationError:
        return None


@dataclass(frozen=True)
class UserAccount:
    """A user as the web app sees it (never the password hash outside the store and login)."""

    id: int
    email: str
    athlete_id: int
    athlete_name: str
    password_hash: str
    draft: OnboardingDraft | None
    #: The unit the user sees and types weights in (every stored weight stays in kg).
    weight_unit: WeightUnit = DEFAULT_WEIGHT_UNIT


@dataclass(frozen=True)
class WebSession:
    """A valid web session: its user and the CSRF token bound to it."""

    id: int
    user: UserAccount
    csrf_token: str
    expires_at: datetime
    created_at: datetime | None = None


def token_digest(token: str) -> str:
    """The SHA-256 hex digest a session token is stored as.

    >>> token_digest("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _account(user: UserRow, athlete_name: str) -> UserAccount:
    return UserAccount(
        user.id,
        user.email,
        user.athlete_id,
        athlete_name,
        user.password_hash,
        _draft(user.draft),
        weight_unit(user.weight_unit),
    )


def find_user_by_email(db: Session, email: str) -> UserAccount | None:
    """The user with this (already normalised) e-mail address."""
    found = db.execute(
        select(UserRow, AthleteRow.name)
        .join(AthleteRow, AthleteRow.id == UserRow.athlete_id)
        .where(UserRow.email == email)
    ).first()
    return None if found is None else _account(found[0], found[1])


def create_user(db: Session, email: str, password_hash: str, *, now: datetime) -> UserAccount:
    """Create a user and the athlete they own; an input error when the e-mail is taken."""
    if db.scalar(select(UserRow.id).where(UserRow.email == email)) is not None:
        raise InputError("email: an account with this address already exists; log in instead")
    name = f"user-{secrets.token_hex(8)}"
    try:
        with db.begin_nested():
            athlete = AthleteRow(name=name, created_at=now)
            db.add(athlete)
            db.flush()
            user = UserRow(
                email=email,
                password_hash=password_hash,
                athlete_id=athlete.id,
                created_at=now,
                draft=None,
                weight_unit=DEFAULT_WEIGHT_UNIT,
            )
            db.add(user)
            db.flush()
    except IntegrityError:  # a concurrent sign-up with the same address won
        raise InputError(
            "email: an account with this address already exists; log in instead"
        ) from None
    return _account(user, name)


def set_user_draft(db: Session, user_id: int, draft: OnboardingDraft | None) -> None:
    """Keep (or clear) the user's unfinished onboarding answers."""
    stored = None if draft is None else draft.model_dump(mode="json", exclude_none=True)
    db.execute(update(UserRow).where(UserRow.id == user_id).values(draft=stored))


def set_weight_unit(db: Session, user_id: int, unit: WeightUnit) -> None:
    """Keep the unit the user sees and types weights in ("kg" or "lb")."""
    db.execute(update(UserRow).where(UserRow.id == user_id).values(weight_unit=unit))


def delete_user(db: Session, user: UserAccount) -> None:
    """Delete the user's athlete, and with it the user, their sessions and all their data."""
    db.execute(delete(WebSessionRow).where(WebSessionRow.user_id == user.id))
    db.execute(delete(UserRow).where(UserRow.id == user.id))
    db.execute(delete(AthleteRow).where(AthleteRow.id == user.athlete_id))


def create_web_session(
    db: Session, user_id: int, *, now: datetime, expires_at: datetime
) -> tuple[str, str]:
    """Start a session; return ``(cookie token, CSRF token)`` (only the digest is stored)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    db.add(
        WebSessionRow(
            token_sha256=token_digest(token),
            user_id=user_id,
            csrf_token=csrf,
            created_at=now,
            expires_at=expires_at,
        )
    )
    # Expired sessions of this user are dropped whenever they log in again.
    db.execute(
        delete(WebSessionRow).where(
            WebSessionRow.user_id == user_id, WebSessionRow.expires_at < now
        )
    )
    return token, csrf


_FIND_SESSION = (
    select(
        WebSessionRow.id,
        WebSessionRow.csrf_token,
        WebSessionRow.expires_at,
        WebSessionRow.created_at,
        UserRow.id,
        UserRow.email,
        UserRow.athlete_id,
        UserRow.password_hash,
        UserRow.draft,
        UserRow.weight_unit,
        AthleteRow.name,
    )
    .join(UserRow, UserRow.id == WebSessionRow.user_id)
    .join(AthleteRow, AthleteRow.id == UserRow.athlete_id)
    .where(WebSessionRow.token_sha256 == bindparam("digest"))
)


def find_web_session(db: Session, token: str, *, now: datetime) -> WebSession | None:
    """The unexpired session a cookie token names, with its user (one query, plain columns)."""
    found = db.execute(_FIND_SESSION, {"digest": token_digest(token)}).first()
    if found is None or found[2] <= now:
        return None
    sid, csrf, expires, created, uid, email, athlete, hashed, draft, unit, name = found
    user = UserAccount(uid, email, athlete, name, hashed, _draft(draft), weight_unit(unit))
    return WebSession(sid, user, csrf, expires, created)


def delete_web_session(db: Session, token: str) -> None:
    """End a session (log out)."""
    db.execute(delete(WebSessionRow).where(WebSessionRow.token_sha256 == token_digest(token)))


def delete_web_sessions(db: Session, user_id: int, *, keep: int | None = None) -> int:
    """End every session of the user (but ``keep``); the number ended."""
    query = delete(WebSessionRow).where(WebSessionRow.user_id == user_id)
    if keep is not None:
        query = query.where(WebSessionRow.id != keep)
    return int(getattr(db.execute(query), "rowcount", 0) or 0)


def extend_web_session(db: Session, session_id: int, expires_at: datetime) -> None:
    """Move a session's end (the idle timeout restarts with each use)."""
    db.execute(
        update(WebSessionRow).where(WebSessionRow.id == session_id).values(expires_at=expires_at)
    )


def set_password_hash(db: Session, user_id: int, password_hash: str) -> None:
    """Store a new password hash."""
    db.execute(update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash))
