"""Failed-login limits that hold across web worker processes (``spinewise serve --workers N``).

The counts live in Redis (``SPINEWISE_REDIS_URL``: one sorted set of failure times per key) or
else in the database (``rate_events``), so every process, on this machine or another, sees the
same failures. Keys hold SHA-256 digests, never the e-mail address itself. Times are wall-clock
seconds, which every process shares (a monotonic clock is per machine).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable
from typing import Protocol

from sqlalchemy import Engine

from spinewise.store import writing
from spinewise.store.jobstate import add_rate_event, clear_rate_events, rate_events_since
from spinewise.web.security import LoginRateLimiter, LoginVerdict

__all__ = [
    "DatabaseFailures",
    "FailureStore",
    "RedisFailures",
    "SharedLoginRateLimiter",
    "shared_limiter",
]


class FailureStore(Protocol):
    """Failure times by key, shared by every process."""

    def add(self, keys: tuple[str, ...], at_s: float, window_s: float) -> None:
        """Count one failure at ``at_s`` under each key [s]."""

    def count(self, key: str, since_s: float) -> tuple[int, float | None]:
        """Failures of ``key`` after ``since_s`` and the oldest of them [s]."""

    def clear(self, key: str) -> None:
        """Forget ``key``'s failures."""


class DatabaseFailures:
    """Failures in the database's ``rate_events`` table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, keys: tuple[str, ...], at_s: float, window_s: float) -> None:  # noqa: D102
        with writing(self.engine) as db:
            for key in keys:
                add_rate_event(db, key, at_s)

    def count(self, key: str, since_s: float) -> tuple[int, float | None]:  # noqa: D102
        with writing(self.engine) as db:
            return rate_events_since(db, key, since_s)

    def clear(self, key: str) -> None:  # noqa: D102
        with writing(self.engine) as db:
            clear_rate_events(db, key)


class RedisFailures:
    """Failures in Redis sorted sets (score = time [s]) that expire after the window."""

    def __init__(self, url: str, prefix: str = "spinewise:login:") -> None:
        import redis

        self.client = redis.Redis.from_url(url)
        self.prefix = prefix

    def add(self, keys: tuple[str, ...], at_s: float, window_s: float) -> None:  # noqa: D102
        pipe = self.client.pipeline()
        for key in keys:
            pipe.zadd(self.prefix + key, {uuid.uuid4().hex: at_s})
            pipe.expire(self.prefix + key, int(window_s) + 1)
        pipe.execute()

    def count(self, key: str, since_s: float) -> tuple[int, float | None]:  # noqa: D102
        name = self.prefix + key
        pipe = self.client.pipeline()
        pipe.zremrangebyscore(name, "-inf", since_s)
        pipe.zcard(name)
        pipe.zrange(name, 0, 0, withscores=True)
        _, n, first = pipe.execute()
        return int(n), (float(first[0][1]) if first else None)

    def clear(self, key: str) -> None:  # noqa: D102
        self.client.delete(self.prefix + key)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


class SharedLoginRateLimiter(LoginRateLimiter):
    """The login limiter's rules (per e-mail and address, per address) over a shared store.

    Parameters
    ----------
    failures
        Where failures are counted.
    max_failures, max_failures_per_address, window_s
        As :class:`~spinewise.web.security.LoginRateLimiter`.
    clock
        Wall-clock seconds since the epoch; tests pass a fake one.
    """

    def __init__(
        self,
        failures: FailureStore,
        *,
        max_failures: int = 5,
        max_failures_per_address: int = 50,
        window_s: float = 900.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(
            max_failures=max_failures,
            max_failures_per_address=max_failures_per_address,
            window_s=window_s,
            clock=clock,
        )
        self.failures = failures

    def _keys(self, email: str, address: str) -> tuple[str, str]:
        return "pair:" + _digest(email, address), "addr:" + _digest(address)

    def check(self, email: str, address: str) -> LoginVerdict:
        """Tell whether this e-mail may try to log in from this address now."""
        now = self._clock()
        pair, per_address = self._keys(email, address)
        for key, limit in ((pair, self.max_failures), (per_address, self.max_failures_per_address)):
            n, oldest = self.failures.count(key, now - self.window_s)
            if n >= limit and oldest is not None:
                wait = oldest + self.window_s - now
                return LoginVerdict(False, max(1, int(wait + 0.999)))
        return LoginVerdict(True)

    def failed(self, email: str, address: str) -> None:
        """Record a failed attempt."""
        self.failures.add(self._keys(email, address), self._clock(), self.window_s)

    def succeeded(self, email: str, address: str) -> None:
        """Forget this pair's failures after a successful login."""
        self.failures.clear(self._keys(email, address)[0])


def shared_limiter(
    engine: Engine,
    redis_url: str | None,
    *,
    max_failures: int,
    max_failures_per_address: int,
    window_s: float,
) -> SharedLoginRateLimiter:
    """The shared limiter on Redis when a URL is given, else on the database."""
    failures: FailureStore = RedisFailures(redis_url) if redis_url else DatabaseFailures(engine)
    return SharedLoginRateLimiter(
        failures,
        max_failures=max_failures,
        max_failures_per_address=max_failures_per_address,
        window_s=window_s,
    )
