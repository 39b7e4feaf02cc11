"""Rate limits that hold: sliding windows per account and per address, behind a small store.

:class:`RateLimiter` decides; a :class:`LimiterStore` keeps the timestamps. The in-memory store
(:class:`MemoryLimiterStore`) serves one process and prunes itself: windows that emptied are
dropped as it goes, and it never holds more than ``max_keys`` keys (the stalest go first), so a
flood of fresh addresses or e-mails cannot grow it without bound. A store shared by several
workers (e.g. on Redis) implements the same three methods.

Which limits apply (see :class:`spinewise.web.options.WebSettings`):

- failed password checks (log-in, account deletion, password change) per (account, address),
  per account from any address, and per address for any account;
- sign-ups per address (each costs an argon2 hash).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = ["LimitRule", "LimiterStore", "MemoryLimiterStore", "RateLimiter", "Verdict"]


class LimiterStore(Protocol):
    """Where timestamps of attempts are kept, per key."""

    def recent(self, key: str, since: float) -> list[float]:
        """The key's timestamps after ``since`` (older ones may be dropped) [s]."""
        ...

    def add(self, key: str, at: float) -> None:
        """Record an attempt at ``at`` [s]."""
        ...

    def clear(self, key: str) -> None:
        """Forget the key."""
        ...


class MemoryLimiterStore:
    """Timestamps in this process's memory, bounded.

    Parameters
    ----------
    max_keys
        The most keys kept; past it the least recently used key is dropped.
    max_per_key
        The most timestamps kept per key (more than any limit needs).
    """

    def __init__(self, *, max_keys: int = 100_000, max_per_key: int = 1000) -> None:
        self.max_keys = max_keys
        self.max_per_key = max_per_key
        self._times: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._times)

    def recent(self, key: str, since: float) -> list[float]:
        """The key's timestamps after ``since``; an emptied key is dropped."""
        with self._lock:
            times = self._times.get(key)
            if times is None:
                return []
            while times and times[0] <= since:
                times.popleft()
            if not times:
                del self._times[key]
                return []
            return list(times)

    def add(self, key: str, at: float) -> None:
        """Record an attempt; the stalest key goes when the store is full."""
        with self._lock:
            times = self._times.get(key)
            if times is None:
                times = self._times[key] = deque(maxlen=self.max_per_key)
                while len(self._times) > self.max_keys:
                    self._times.popitem(last=False)
            else:
                self._times.move_to_end(key)
            times.append(at)

    def clear(self, key: str) -> None:
        """Forget the key."""
        with self._lock:
            self._times.pop(key, None)


@dataclass(frozen=True)
class LimitRule:
    """At most ``limit`` attempts under ``key`` in ``window_s`` seconds."""

    key: str
    limit: int
    window_s: float


@dataclass(frozen=True)
class Verdict:
    """Whether an attempt may proceed, and if not, after how many seconds."""

    allowed: bool
    retry_after_s: int = 0


class RateLimiter:
    """Sliding-window limits over a :class:`LimiterStore`.

    Parameters
    ----------
    store
        Where the timestamps live (by default in memory).
    clock
        Monotonic seconds; tests pass a fake one.
    """

    def __init__(
        self, store: LimiterStore | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.store: LimiterStore = store if store is not None else MemoryLimiterStore()
        self._clock = clock

    def check(self, rules: Sequence[LimitRule]) -> Verdict:
        """Tell whether every rule still allows an attempt now."""
        now = self._clock()
        for rule in rules:
            times = self.store.recent(rule.key, now - rule.window_s)
            if len(times) >= rule.limit:
                wait = times[-rule.limit] + rule.window_s - now
                return Verdict(False, max(1, int(wait + 0.999)))
        return Verdict(True)

    def hit(self, rules: Sequence[LimitRule]) -> None:
        """Record an attempt under every rule's key."""
        now = self._clock()
        for rule in rules:
            self.store.add(rule.key, now)

    def clear(self, key: str) -> None:
        """Forget one key (e.g. an account's failures after it logged in)."""
        self.store.clear(key)
