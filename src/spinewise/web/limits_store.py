"""Rate limits that hold across web worker processes (``spinewise serve --workers N``).

Backends of :class:`~spinewise.web.ratelimit.LimiterStore` whose counts live in Redis
(``SPINEWISE_REDIS_URL``: one sorted set of attempt times per key) or else in the database
(``rate_events``), so every process, on this machine or another, sees the same attempts. Keys are
stored as SHA-256 digests, never the e-mail address itself. Times are wall-clock seconds, which
every process shares (a monotonic clock is per process).
"""

from __future__ import annotations

import hashlib
import time
import uuid

from spinewise.store import Engine, writing
from spinewise.store.jobstate import (
    add_rate_event,
    clear_rate_events,
    prune_rate_events,
    rate_event_times,
)
from spinewise.web.options import WebSettings
from spinewise.web.ratelimit import LimiterStore
from spinewise.web.security import LoginRateLimiter

__all__ = ["DatabaseLimiterStore", "RedisLimiterStore", "shared_limiter"]

#: How long Redis keeps a key after its last attempt [s]: longer than any window in use.
_REDIS_TTL_S = 24 * 3600


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


#: How often the database store forgets old attempts of every key [s].
_PRUNE_EVERY_S = 60.0


class DatabaseLimiterStore:
    """Attempt times in the database's ``rate_events`` table.

    A key's old attempts go when the key is looked up; attempts of keys nobody looks up again (an
    attacker rotating addresses or e-mails) go at most :data:`_PRUNE_EVERY_S` after they are older
    than ``keep_s``, so the table stays bounded as the in-memory and Redis stores do.

    Parameters
    ----------
    engine
        The database.
    keep_s
        How long an attempt is kept [s]: longer than any window in use (a day, as in Redis).
    """

    def __init__(self, engine: Engine, keep_s: float = _REDIS_TTL_S) -> None:
        self.engine = engine
        self.keep_s = keep_s
        self._pruned_at_s = float("-inf")

    def recent(self, key: str, since: float) -> list[float]:  # noqa: D102
        with writing(self.engine) as db:
            return rate_event_times(db, _digest(key), since)

    def add(self, key: str, at: float) -> None:  # noqa: D102
        with writing(self.engine) as db:
            if at - self._pruned_at_s >= _PRUNE_EVERY_S:
                prune_rate_events(db, at - self.keep_s)
                self._pruned_at_s = at
            add_rate_event(db, _digest(key), at)

    def clear(self, key: str) -> None:  # noqa: D102
        with writing(self.engine) as db:
            clear_rate_events(db, _digest(key))


class RedisLimiterStore:
    """Attempt times in Redis sorted sets (score = time [s]) that expire after a day unused."""

    def __init__(self, url: str, prefix: str = "spinewise:limit:") -> None:
        import redis

        self.client = redis.Redis.from_url(url)
        self.prefix = prefix

    def recent(self, key: str, since: float) -> list[float]:  # noqa: D102
        name = self.prefix + _digest(key)
        pipe = self.client.pipeline()
        pipe.zremrangebyscore(name, "-inf", since)
        pipe.zrange(name, 0, -1, withscores=True)
        _, found = pipe.execute()
        return [float(score) for _, score in found]

    def add(self, key: str, at: float) -> None:  # noqa: D102
        name = self.prefix + _digest(key)
        pipe = self.client.pipeline()
        pipe.zadd(name, {uuid.uuid4().hex: at})
        pipe.expire(name, _REDIS_TTL_S)
        pipe.execute()

    def clear(self, key: str) -> None:  # noqa: D102
        self.client.delete(self.prefix + _digest(key))


def shared_limiter(engine: Engine, redis_url: str | None, web: WebSettings) -> LoginRateLimiter:
    """The login and sign-up limiter on Redis when a URL is given, else on the database."""
    # Sign-ups are counted over four windows (security.LoginRateLimiter.signup).
    keep_s = max(_REDIS_TTL_S, 4 * web.login_window_s)
    store: LimiterStore = (
        RedisLimiterStore(redis_url) if redis_url else DatabaseLimiterStore(engine, keep_s)
    )
    return LoginRateLimiter(
        max_failures=web.login_max_failures,
        max_failures_per_address=web.login_max_failures_per_address,
        max_failures_per_account=web.login_max_failures_per_account,
        max_signups_per_address=web.signup_max_per_address,
        window_s=web.login_window_s,
        clock=time.time,
        store=store,
    )
