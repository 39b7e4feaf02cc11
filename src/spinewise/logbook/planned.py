"""A plan's sessions as the log sees them: week, session, date and the planned items.

Which session is next, and on which day, is decided once, by the service layer
(:mod:`spinewise.services.schedule`).

Examples
--------
>>> plan = Plan.from_json({"weeks": [{"index": 1, "sessions": [
...     {"index": 1, "date": None, "blocks": []}, {"index": 2, "date": None, "blocks": []}]}]})
>>> [s.key for s in planned_sessions(plan)]
[(1, 1), (1, 2)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spinewise.planning.dosing import ItemDose
from spinewise.planning.plan import Item, JsonObject, Plan

__all__ = ["PlannedItem", "PlannedSession", "planned_sessions"]


@dataclass(frozen=True)
class PlannedItem:
    """One prescribed exercise of a planned session: the plan's item and the block it is in."""

    block: str
    item: Item

    @classmethod
    def from_json(cls, block: str, item: JsonObject) -> PlannedItem:
        """Read a plan item (the plan schema's ``items[]``)."""
        return cls(block, Item.from_json(item))

    @property
    def exercise_id(self) -> str:
        """The catalogue id of the exercise."""
        return self.item.exercise_id

    @property
    def dose(self) -> ItemDose:
        """The prescription."""
        return self.item.dose

    @property
    def sets(self) -> int:
        """Sets (per side for per-side work)."""
        return self.item.dose.sets

    @property
    def reps(self) -> int | None:
        """Repetitions per set."""
        return self.item.dose.reps

    @property
    def hold_s(self) -> float | None:
        """Hold per set [s]."""
        return self.item.dose.hold_s

    @property
    def distance_m(self) -> float | None:
        """Distance per set [m]."""
        return self.item.dose.distance_m

    @property
    def per_side(self) -> bool:
        """Whether each set is done on each side."""
        return self.item.dose.per_side

    @property
    def tempo(self) -> str | None:
        """Eccentric-pause-concentric-pause [s]."""
        return self.item.dose.tempo

    @property
    def rest_s(self) -> int:
        """Rest between sets [s]."""
        return self.item.dose.rest_s

    @property
    def intensity_kind(self) -> str:
        """``rpe``, ``rir``, ``percent_1rm``, ``bodyweight``, ``band`` or ``ballistic``."""
        return self.item.dose.intensity.kind

    @property
    def intensity_value(self) -> float | None:
        """The intensity's value (an RPE, a percentage), if it has one."""
        return self.item.dose.intensity.value

    @property
    def why(self) -> tuple[str, ...]:
        """Why the plan has this item, in plain words."""
        return self.item.why

    @property
    def extra_sets_side(self) -> str | None:
        """The weaker side that gets extra sets, if any."""
        side = self.item.dose.extra_sets_side
        return None if side is None else side[0]

    @property
    def extra_sets(self) -> int:
        """Extra sets on :attr:`extra_sets_side` (0 when none)."""
        side = self.item.dose.extra_sets_side
        return 0 if side is None else side[1]

    def _side_sets(self, side: str) -> int | None:
        if not self.per_side:
            return None
        return self.sets + (self.extra_sets if self.extra_sets_side == side else 0)

    @property
    def sets_left(self) -> int | None:
        """Sets on the left side (per-side work), the weaker side's extra sets included."""
        return self._side_sets("left")

    @property
    def sets_right(self) -> int | None:
        """Sets on the right side (per-side work), the weaker side's extra sets included."""
        return self._side_sets("right")


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


def _sessions(plan: Plan) -> Iterator[PlannedSession]:
    for week, sess in plan.sessions():
        yield PlannedSession(
            week=week.index,
            session=sess.index,
            date=sess.date,
            estimated_minutes=float(sess.estimated_minutes),
            items=tuple(PlannedItem(block.kind, item) for block, item in sess.items()),
        )


def planned_sessions(plan: Plan) -> tuple[PlannedSession, ...]:
    """Every session of a plan in (week, session) order."""
    return tuple(sorted(_sessions(plan), key=lambda s: s.key))
