"""A small in-process cache of parsed plans, so that the next session does not re-read the plan.

A stored plan never changes (adapting a plan stores a new version), so a parsed plan can be kept.
The key holds the athlete, the plan's id, version and creation time (to the microsecond): an id
that the database reuses after an account is deleted never meets the old entry, and deleting an
account also drops its entries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from spinewise.services.schedule import DatedSession, anchor_for, dated_sessions
from spinewise.store import StoredPlan

__all__ = ["PlanCache", "PlanEntry", "PlanKey"]

#: ``(athlete id, plan id, version, created_at)``.
PlanKey = tuple[int, int, int, datetime]


@dataclass
class PlanEntry:
    """A parsed plan: the stored plan, its lineage and its dated sessions in (week, session) order.

    Attributes
    ----------
    stored
        The stored plan version.
    versions
        Its version and the versions it was adapted from (logs against them count).
    lineage_ids
        The plan ids of those versions.
    anchor
        The day its first version was made (dates an undated plan).
    sessions
        Its sessions with their dates.
    views
        Session views built from it, by ``((week, session), date)``.
    """

    stored: StoredPlan
    versions: frozenset[int]
    lineage_ids: frozenset[int]
    anchor: date
    sessions: tuple[DatedSession, ...]
    views: dict[tuple[tuple[int, int], date], object] = field(default_factory=dict)

    def sessions_on(self, today: date) -> tuple[DatedSession, ...]:
        """The dated sessions as seen on ``today`` (re-dated when asked about an earlier day)."""
        if today >= self.anchor:
            return self.sessions
        return dated_sessions(self.stored.record.plan, anchor_for(self.anchor, today))

    @classmethod
    def make(cls, stored: StoredPlan, heads: dict[int, tuple[int, datetime]]) -> PlanEntry:
        """Parse a stored plan; ``heads`` are ``(version, created_at)`` of its ancestors by id."""
        versions = {stored.record.version, *(v for v, _ in heads.values())}
        anchor = min([stored.record.created_at, *(at for _, at in heads.values())]).date()
        return cls(
            stored=stored,
            versions=frozenset(versions),
            lineage_ids=frozenset({stored.id, *heads}),
            anchor=anchor,
            sessions=dated_sessions(stored.record.plan, anchor),
        )


class PlanCache:
    """Least-recently-used parsed plans (thread-safe).

    Parameters
    ----------
    size
        How many plans to keep.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[PlanKey, PlanEntry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: PlanKey, load: Callable[[], PlanEntry | None]) -> PlanEntry | None:
        """The entry of ``key``, made by ``load()`` when it is not cached."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                return entry
        entry = load()
        if entry is None:
            return None
        with self._lock:
            self._entries[key] = entry
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return entry

    def forget_athlete(self, athlete: int) -> None:
        """Drop every entry of an athlete (the account is deleted)."""
        with self._lock:
            for key in [k for k in self._entries if k[0] == athlete]:
                del self._entries[key]
