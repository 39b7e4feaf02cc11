"""What deciding the next session needs to know of a logged session, without its sets.

The store reads these from the database in one query (no set rows), and the same values can be
made from a whole :class:`~spinewise.logbook.entries.SessionLog`.

Examples
--------
>>> from datetime import datetime
>>> from spinewise.logbook.entries import PlannedRef, SessionLog
>>> s = SessionLog(started_at=datetime(2026, 12, 7, 18, 0), source="web",
...                planned=PlannedRef(plan_version=1, week=1, session=2))
>>> summary = SessionSummary.from_log(s)
>>> (summary.planned_key, summary.finished, summary.n_sets)
((1, 2), False, 0)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from spinewise.logbook.entries import SessionLog

__all__ = ["LIVE_SOURCE", "SessionSummary", "is_finished"]

#: The source of a session started live (then its sets are logged one by one, then it is finished).
LIVE_SOURCE = "web"


def is_finished(
    source: str | None,
    duration_min: float | None,
    session_rpe: int | None,
    pain_during: int | None,
    pain_after: int | None,
) -> bool:
    """Whether a logged session is finished.

    A session logged whole (from the terminal, an import, a backup) is finished as logged; one
    started live is finished once its duration, session RPE, or pain during or after it is
    recorded.
    """
    if source != LIVE_SOURCE:
        return True
    return any(v is not None for v in (duration_min, session_rpe, pain_during, pain_after))


@dataclass(frozen=True)
class SessionSummary:
    """One logged session as the schedule sees it.

    Attributes
    ----------
    started_at
        Local wall-clock start (unique per athlete).
    plan_version, week, session
        The planned session it fulfils (all ``None`` for a session outside any plan).
    finished
        See :func:`is_finished`. A session started live and not finished is *open*.
    n_sets
        How many sets were logged.
    pain_during, pain_after
        Pain during and after the session, 0-10, when asked.
    session_id
        The stored session's id, when read from the store.
    """

    started_at: datetime
    plan_version: int | None
    week: int | None
    session: int | None
    finished: bool
    n_sets: int
    pain_during: int | None = None
    pain_after: int | None = None
    session_id: int | None = None

    @property
    def planned_key(self) -> tuple[int, int] | None:
        """``(week, session)`` of the planned session it fulfils, if any."""
        if self.week is None or self.session is None:
            return None
        return (self.week, self.session)

    @classmethod
    def from_log(cls, log: SessionLog) -> SessionSummary:
        """The summary of a whole logged session."""
        ref = log.planned
        return cls(
            started_at=log.started_at,
            plan_version=None if ref is None else ref.plan_version,
            week=None if ref is None else ref.week,
            session=None if ref is None else ref.session,
            finished=is_finished(
                log.source, log.duration_min, log.session_rpe, log.pain.during, log.pain.after
            ),
            n_sets=len(log.sets),
            pain_during=log.pain.during,
            pain_after=log.pain.after,
        )
