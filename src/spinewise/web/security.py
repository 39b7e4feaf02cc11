"""Passwords, login rate limiting, CSRF token checks and the security headers.

- Passwords are hashed with argon2id through pwdlib (RFC 9106 parameters by default).
- Failed password checks are limited per (e-mail, client address), per e-mail and per client
  address, and sign-ups per address, in sliding windows (:mod:`spinewise.web.ratelimit`), with
  a clock that tests inject.
- Every response carries a strict Content Security Policy (no inline script; scripts only from
  this origin) and the usual hardening headers.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spinewise.web.ratelimit import LimiterStore, LimitRule, RateLimiter, Verdict

__all__ = [
    "CHART_CSP",
    "CSP",
    "LoginRateLimiter",
    "PasswordService",
    "SecurityHeadersMiddleware",
    "normalise_email",
    "tokens_match",
]

#: The Content Security Policy of every page: nothing inline, nothing from elsewhere.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
#: The policy of a chart (an SVG shown through <img>, where no script ever runs): matplotlib
#: styles its shapes with inline ``style`` attributes.
CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)


def normalise_email(email: str) -> str:
    """Trim and lower-case an e-mail address (addresses are compared this way).

    >>> normalise_email("  Ann@Example.ORG ")
    'ann@example.org'
    """
    return email.strip().lower()


def tokens_match(expected: str, given: str | None) -> bool:
    """Compare two tokens in constant time; a missing token never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


class PasswordService:
    """Hash and check passwords with argon2id.

    Parameters
    ----------
    memory_kib, time_cost, parallelism
        argon2 parameters; the defaults are pwdlib's (RFC 9106's second recommended option).
        Tests pass cheaper ones so that hundreds of sign-ups stay fast.
    """

    def __init__(
        self, *, memory_kib: int = 65536, time_cost: int = 3, parallelism: int = 4
    ) -> None:
        self._hash = PasswordHash(
            (Argon2Hasher(memory_cost=memory_kib, time_cost=time_cost, parallelism=parallelism),)
        )
        # Checked against when the e-mail is unknown, so both cases take the same time.
        self._dummy = self._hash.hash("spinewise-no-such-user")

    def hash(self, password: str) -> str:
        """The argon2id hash of a password."""
        return self._hash.hash(password)

    def verify(self, password: str, hashed: str | None) -> bool:
        """Check a password; ``hashed=None`` (no such user) takes as long and fails."""
        if hashed is None:
            self._hash.verify(password, self._dummy)
            return False
        return self._hash.verify(password, hashed)


LoginVerdict = Verdict


class LoginRateLimiter:
    """Limits on password checks and sign-ups, in sliding windows (see :mod:`.ratelimit`).

    Parameters
    ----------
    max_failures
        Failed password checks of one account from one address allowed in the window.
    max_failures_per_address
        Failed checks from one address (any account) allowed in the window.
    max_failures_per_account
        Failed checks of one account (from any address) allowed in the window.
    max_signups_per_address
        Sign-ups from one address allowed in the window.
    window_s
        The window [s].
    clock
        Monotonic seconds; tests pass a fake one.
    store
        Where attempts are counted (by default this process's memory).
    """

    def __init__(
        self,
        *,
        max_failures: int = 5,
        max_failures_per_address: int = 50,
        max_failures_per_account: int = 20,
        max_signups_per_address: int = 10,
        window_s: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
        store: LimiterStore | None = None,
    ) -> None:
        self.window_s = window_s
        self._limits = (max_failures, max_failures_per_address, max_failures_per_account)
        self._signups = max_signups_per_address
        self.limiter = RateLimiter(store, clock=clock)

    def _rules(self, email: str, address: str) -> list[LimitRule]:
        pair, per_address, per_account = self._limits
        return [
            LimitRule(f"pw:{email}|{address}", pair, self.window_s),
            LimitRule(f"pw-addr:{address}", per_address, self.window_s),
            LimitRule(f"pw-acct:{email}", per_account, self.window_s),
        ]

    def check(self, email: str, address: str) -> LoginVerdict:
        """Tell whether this account's password may be checked from this address now."""
        return self.limiter.check(self._rules(email, address))

    def failed(self, email: str, address: str) -> None:
        """Record a failed password check."""
        self.limiter.hit(self._rules(email, address))

    def succeeded(self, email: str, address: str) -> None:
        """Forget this pair's failures after a right password."""
        self.limiter.clear(f"pw:{email}|{address}")

    def signup(self, address: str) -> LoginVerdict:
        """Count a sign-up attempt from this address; refused past the limit."""
        rule = [LimitRule(f"signup:{address}", self._signups, self.window_s * 4)]
        verdict = self.limiter.check(rule)
        if verdict.allowed:
            self.limiter.hit(rule)
        return verdict


class SecurityHeadersMiddleware:
    """Add the CSP and hardening headers to every HTTP response (a plain ASGI middleware)."""

    def __init__(self, app: ASGIApp, *, hsts: bool = False) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers to the response's start message."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers.extend(h for h in _HEADERS if h[0] not in names)
                if self.hsts:
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
