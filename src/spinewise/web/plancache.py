"""A small in-process cache of parsed plans, so that today's session does not re-read the plan.

A stored plan never changes (adapting a plan stores a new version), so a parsed plan can be kept.
The key holds the athlete, the plan's id, version and creation time (to the microsecond): an id
that the database reuses after an account is deleted never meets the old entry, and deleting an
account also drops its entries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from spinewise.logbook import PlannedSession, planned_sessions
from spinewise.store import StoredPlan

__all__ = ["PlanCache", "PlanEntry", "PlanKey", "select_planned"]

#: ``(athlete id, plan id, version, created_at)``.
PlanKey = tuple[int, int, int, datetime]


@dataclass
class PlanEntry:
    """A parsed plan: the stored plan and its sessions in (week, session) order."""

    stored: StoredPlan
    sessions: tuple[PlannedSession, ...]
    views: dict[tuple[int, int], object] = field(default_factory=dict)


def select_planned(
    sessions: Sequence[PlannedSession], today: date, logged: Collection[tuple[int, int]]
) -> PlannedSession | None:
    """The rule of :func:`spinewise.logbook.select_session` on already parsed sessions.

    The unlogged session dated today, else the first unlogged undated one.
    """
    for sess in sessions:
        if sess.date == today and sess.key not in logged:
            return sess
    for sess in sessions:
        if sess.date is None and sess.key not in logged:
            return sess
    return None


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

    def get(self, key: PlanKey, load: Callable[[], StoredPlan | None]) -> PlanEntry | None:
        """The entry of ``key``, parsed from ``load()`` when it is not cached."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                return entry
        stored = load()
        if stored is None:
            return None
        entry = PlanEntry(stored, planned_sessions(stored.record.plan))
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
