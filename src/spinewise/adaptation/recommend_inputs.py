"""What the plan and the log say before recommending: the next session and each exercise's history.

Pain during is rated per session, so each exercise of a session with unacceptable pain during
(above 5/10; :func:`spinewise.adaptation.pain.pain_during`, Silbernagel et al. 2007 [C2]) is
counted as having hurt.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spinewise.adaptation.pain import pain_during
from spinewise.logbook.entries import SessionLog
from spinewise.logbook.planned import PlannedSession, planned_sessions
from spinewise.planning.plan import Plan

__all__ = ["HURT_WINDOW_D", "ExerciseHistory", "logged_keys", "next_session"]

#: Pain during is looked at over this many days [d] (a design choice).
HURT_WINDOW_D = 28


def logged_keys(
    sessions: Sequence[SessionLog], plan_version: int | None = None
) -> frozenset[tuple[int, int]]:
    """``(week, session)`` of planned sessions the log fulfils (of ``plan_version`` if given)."""
    return frozenset(
        (s.planned.week, s.planned.session)
        for s in sessions
        if s.planned is not None
        and (plan_version is None or s.planned.plan_version == plan_version)
    )


def next_session(
    plan: Plan, today: date, logged: Collection[tuple[int, int]] = ()
) -> PlannedSession | None:
    """The next session: the first unlogged one dated today or later, else the first undated one.

    Examples
    --------
    >>> plan = Plan.from_json({"weeks": [{"index": 1, "sessions": [
    ...     {"index": 1, "date": "2026-05-04", "blocks": []},
    ...     {"index": 2, "date": "2026-05-06", "blocks": []}]}]})
    >>> next_session(plan, date(2026, 5, 5)).session
    2
    >>> next_session(plan, date(2026, 5, 7)) is None
    True
    """
    sessions = [s for s in planned_sessions(plan) if s.key not in logged]
    dated = [s for s in sessions if s.date is not None and s.date >= today]
    if dated:
        return min(dated, key=lambda s: (s.date or today, s.key))
    return next((s for s in sessions if s.date is None), None)


@dataclass(frozen=True)
class ExerciseHistory:
    """What the log says about each exercise up to a day.

    Attributes
    ----------
    last_day
        The last day each exercise was logged.
    hurt_days
        For each exercise, ``(day, pain)`` of the sessions with it in the last
        :data:`HURT_WINDOW_D` days whose pain during was unacceptable (above 5/10), oldest first.
    """

    last_day: Mapping[str, date]
    hurt_days: Mapping[str, tuple[tuple[date, int], ...]]

    @classmethod
    def read(cls, sessions: Sequence[SessionLog], today: date) -> ExerciseHistory:
        """Read the log up to ``today`` (later sessions are ignored)."""
        last: dict[str, date] = {}
        hurt: dict[str, list[tuple[date, int]]] = {}
        window_start = today - timedelta(days=HURT_WINDOW_D)
        for s in sorted(sessions, key=lambda s: s.started_at):
            day = s.started_at.date()
            if day > today:
                continue
            ids = sorted({st.exercise_id for st in s.sets})
            for eid in ids:
                last[eid] = day
            during = s.pain.during
            if (
                during is not None
                and day > window_start
                and pain_during(during).decision == "unacceptable"
            ):
                for eid in ids:
                    hurt.setdefault(eid, []).append((day, during))
        return cls(last, {k: tuple(v) for k, v in hurt.items()})
