"""Passwords, login rate limiting, CSRF token checks and the security headers.

- Passwords are hashed with argon2id through pwdlib (RFC 9106 parameters by default).
- Failed logins are limited per (e-mail, client address) and per client address in a sliding
  window, in memory, with a clock that tests inject.
- Every response carries a strict Content Security Policy (no inline script; scripts only from
  this origin) and the usual hardening headers.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


@dataclass(frozen=True)
class LoginVerdict:
    """Whether a login attempt may proceed, and if not, after how many seconds."""

    allowed: bool
    retry_after_s: int = 0


class LoginRateLimiter:
    """Failed-login limits in a sliding window, per (e-mail, address) and per address.

    Parameters
    ----------
    max_failures
        Failures of one e-mail from one address allowed in the window.
    max_failures_per_address
        Failures from one address (any e-mail) allowed in the window.
    window_s
        The window [s].
    clock
        Monotonic seconds; tests pass a fake one.
    """

    def __init__(
        self,
        *,
        max_failures: int = 5,
        max_failures_per_address: int = 50,
        window_s: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.max_failures_per_address = max_failures_per_address
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._by_address: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _prune(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window_s:
            times.popleft()

    def check(self, email: str, address: str) -> LoginVerdict:
        """Tell whether this e-mail may try to log in from this address now."""
        now = self._clock()
        with self._lock:
            pair = self._failures.get((email, address))
            per_address = self._by_address.get(address)
            for times, limit in (
                (pair, self.max_failures),
                (per_address, self.max_failures_per_address),
            ):
                if times is None:
                    continue
                self._prune(times, now)
                if len(times) >= limit:
                    wait = times[0] + self.window_s - now
                    return LoginVerdict(False, max(1, int(wait + 0.999)))
        return LoginVerdict(True)

    def failed(self, email: str, address: str) -> None:
        """Record a failed attempt."""
        now = self._clock()
        with self._lock:
            self._failures[(email, address)].append(now)
            self._by_address[address].append(now)

    def succeeded(self, email: str, address: str) -> None:
        """Forget this pair's failures after a successful login."""
        with self._lock:
            self._failures.pop((email, address), None)


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
