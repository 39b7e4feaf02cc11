"""The facts one week's model is built from, computed before the solver runs."""

from __future__ import annotations

from dataclasses import dataclass, field

from spinewise.catalog import Exercise
from spinewise.planning.dosing import ItemDose
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.request import WEEKDAYS, PlanRequest

__all__ = ["PlacedItem", "WeekContext", "consecutive_pairs"]


@dataclass(frozen=True)
class PlacedItem:
    """An item of a solved week: session (0-based), block, exercise and dose."""

    session: int
    block: str
    exercise_id: str
    dose: ItemDose


@dataclass(frozen=True)
class WeekContext:
    """Everything the rules of one week read.

    Attributes
    ----------
    exercises
        The eligible exercises, sorted by id.
    doses, seconds, volume
        Each exercise's dose this week, its estimated duration [s] and volume [s of work].
    compression_n
        Each exercise's estimated peak L5/S1 compression for this athlete at this dose [N].
    previous
        The items of every earlier week, in week order (the rolling horizon's fixed past).
    """

    request: PlanRequest
    week: WeekPlan
    exercises: tuple[Exercise, ...]
    doses: dict[str, ItemDose]
    seconds: dict[str, int]
    volume: dict[str, int]
    compression_n: dict[str, float]
    compression_limit_n: float
    previous: tuple[tuple[PlacedItem, ...], ...] = field(default=())
    previous_weeks: tuple[WeekPlan, ...] = field(default=())
    catalog_progressions: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def sessions(self) -> range:
        """Session indices, 0-based."""
        return range(self.request.days_per_week)

    def by_id(self, exercise_id: str) -> Exercise:
        """The eligible exercise with this id."""
        index: dict[str, Exercise] | None = self.__dict__.get("_index")
        if index is None:
            index = {e.id: e for e in self.exercises}
            self.__dict__["_index"] = index
        return index[exercise_id]


def consecutive_pairs(days: tuple[str, ...]) -> list[tuple[int, int]]:
    """Pairs of session indices on consecutive days within a week.

    Examples
    --------
    >>> consecutive_pairs(("mon", "tue", "thu", "fri"))
    [(0, 1), (2, 3)]
    """
    pos = [WEEKDAYS.index(d) for d in days]
    return [(i, i + 1) for i in range(len(pos) - 1) if pos[i + 1] - pos[i] == 1]
