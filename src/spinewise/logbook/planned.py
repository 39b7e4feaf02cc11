"""Find a plan's session for today.

A plan is its JSON (``shared/contracts/plan.schema.json``) as a mapping. A session is today's
when its ``date`` is today; when the plan's sessions carry no dates, it is the first session
(week, then session order) that has not been logged yet.

Examples
--------
>>> plan = {"weeks": [{"index": 1, "sessions": [
...     {"index": 1, "date": None, "blocks": []}, {"index": 2, "date": None, "blocks": []}]}]}
>>> s = select_session(plan, date(2026, 1, 5), logged={(1, 1)})
>>> (s.week, s.session)
(1, 2)
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["PlannedItem", "PlannedSession", "planned_sessions", "select_session"]


@dataclass(frozen=True)
class PlannedItem:
    """One prescribed exercise of a planned session (a plan ``item``)."""

    block: str
    exercise_id: str
    sets: int
    reps: int | None
    hold_s: float | None
    distance_m: float | None
    per_side: bool
    tempo: str | None
    rest_s: int
    intensity_kind: str
    intensity_value: float | None

    @classmethod
    def from_json(cls, block: str, item: Mapping[str, Any]) -> PlannedItem:
        """Read a plan item (the plan schema's ``items[]``)."""
        intensity = item.get("intensity") or {}
        value = intensity.get("value")
        return cls(
            block=block,
            exercise_id=str(item["exercise_id"]),
            sets=int(item["sets"]),
            reps=None if item.get("reps") is None else int(item["reps"]),
            hold_s=None if item.get("hold_s") is None else float(item["hold_s"]),
            distance_m=None if item.get("distance_m") is None else float(item["distance_m"]),
            per_side=bool(item.get("per_side", False)),
            tempo=item.get("tempo"),
            rest_s=int(item.get("rest_s", 0)),
            intensity_kind=str(intensity.get("kind", "rpe")),
            intensity_value=None if value is None else float(value),
        )


@dataclass(frozen=True)
class PlannedSession:
    """A session of a plan: week and session index, date (or ``None``) and its items."""

    week: int
    session: int
    date: date | None
    estimated_minutes: float | None
    items: tuple[PlannedItem, ...]

    @property
    def key(self) -> tuple[int, int]:
        """``(week, session)``."""
        return (self.week, self.session)


def _sessions(plan: Mapping[str, Any]) -> Iterator[PlannedSession]:
    for week in plan.get("weeks", []):
        for sess in week.get("sessions", []):
            raw_date = sess.get("date")
            items = tuple(
                PlannedItem.from_json(str(block.get("kind", "")), item)
                for block in sess.get("blocks", [])
                for item in block.get("items", [])
            )
            minutes = sess.get("estimated_minutes")
            yield PlannedSession(
                week=int(week["index"]),
                session=int(sess["index"]),
                date=None if raw_date is None else date.fromisoformat(str(raw_date)),
                estimated_minutes=None if minutes is None else float(minutes),
                items=items,
            )


def planned_sessions(plan: Mapping[str, Any]) -> tuple[PlannedSession, ...]:
    """Every session of a plan in (week, session) order."""
    return tuple(sorted(_sessions(plan), key=lambda s: s.key))


def select_session(
    plan: Mapping[str, Any], today: date, logged: Collection[tuple[int, int]] = ()
) -> PlannedSession | None:
    """Today's session: the unlogged one dated today, else the next unlogged undated one.

    Parameters
    ----------
    plan
        The plan JSON.
    today
        The local date.
    logged
        ``(week, session)`` of the planned sessions already logged.

    Returns
    -------
    PlannedSession or None
        ``None`` when nothing is planned for today (a rest day or the plan is done).
    """
    sessions = planned_sessions(plan)
    for sess in sessions:
        if sess.date == today and sess.key not in logged:
            return sess
    for sess in sessions:
        if sess.date is None and sess.key not in logged:
            return sess
    return None
