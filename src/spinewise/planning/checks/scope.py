"""What the checks read: the typed plan, the request, and one week with what came before it.

Built once per validation by :func:`week_scopes`; the exercises of a week and the exercises open
to the person that week are worked out once, on first use, and shared by every check.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from spinewise.catalog import Catalog, Exercise
from spinewise.planning.candidates import eligible
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.plan import Item, Plan, Session, Week
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import CompressionFn, spine_load

__all__ = [
    "Placed",
    "PlanScope",
    "WeekScope",
    "done_before",
    "session_exercises",
    "week_ids",
    "week_scopes",
]


@dataclass(frozen=True)
class PlanScope:
    """The plan and everything it is checked against.

    Attributes
    ----------
    plan
        The plan.
    request
        The athlete's needs and constraints.
    catalog
        The exercise catalogue.
    expected
        The weeks the periodization expects (phase, deload), one per plan week.
    limit_n
        The athlete's spine-compression limit [N].
    compression
        Estimates the peak L5/S1 compression [N] of an exercise at a load [kg].
    """

    plan: Plan
    request: PlanRequest
    catalog: Catalog
    expected: tuple[WeekPlan, ...]
    limit_n: float
    compression: CompressionFn


@dataclass(frozen=True)
class Placed:
    """An item of a session whose exercise is in the catalogue."""

    session: Session
    item: Item
    exercise: Exercise


def week_ids(week: Week) -> set[str]:
    """The exercise ids of every item of the week."""
    return {item.exercise_id for s in week.sessions for _, item in s.items()}


def done_before(weeks: Sequence[Week], expected: Sequence[WeekPlan]) -> list[frozenset[str]]:
    """For each week, the exercises of the plan's earlier loading weeks (deloads do not count)."""
    out: list[frozenset[str]] = []
    done: set[str] = set()
    for week, wp in zip(weeks, expected, strict=True):
        out.append(frozenset(done))
        if not wp.deload:
            done |= week_ids(week)
    return out


class WeekScope:
    """One week of the plan as the checks see it, with the weeks before it.

    Attributes
    ----------
    scope
        The whole plan's scope.
    week
        The week.
    wp
        The week the periodization expects here (its index, phase and whether it is a deload).
    previous, previous_wp
        The week before and what was expected of it (None for the first week).
    done
        The exercises of the plan's earlier loading weeks.
    last_loading
        The latest earlier loading week of the same phase (None when there is none).
    """

    def __init__(
        self,
        scope: PlanScope,
        position: int,
        done: frozenset[str],
        last_loading: Week | None,
    ) -> None:
        self.scope = scope
        self.week = scope.plan.weeks[position]
        self.wp = scope.expected[position]
        self.previous = scope.plan.weeks[position - 1] if position else None
        self.previous_wp = scope.expected[position - 1] if position else None
        self.done = done
        self.last_loading = last_loading

    @property
    def where(self) -> str:
        """How a violation names the week: ``week N`` (N as the periodization counts)."""
        return f"week {self.wp.index}"

    def at(self, session: Session) -> str:
        """How a violation names a session of the week: ``week N session S``."""
        return f"{self.where} session {session.index}"

    @cached_property
    def placed(self) -> tuple[Placed, ...]:
        """Every item of the week whose exercise is in the catalogue, in order."""
        catalog = self.scope.catalog
        return tuple(
            Placed(s, item, catalog.get(item.exercise_id))
            for s in self.week.sessions
            for _, item in s.items()
            if item.exercise_id in catalog
        )

    @cached_property
    def per_session(self) -> tuple[tuple[Exercise, ...], ...]:
        """The known exercises of each session, in session order."""
        return tuple(session_exercises(s, self.scope.catalog) for s in self.week.sessions)

    @cached_property
    def exercises(self) -> tuple[Exercise, ...]:
        """The known exercises of the week, in order (repeated where they repeat)."""
        return tuple(p.exercise for p in self.placed)

    @cached_property
    def open_exercises(self) -> tuple[Exercise, ...]:
        """Exercises open to the person this week.

        Eligible in the week's phase, prerequisites met by the plan's earlier loading weeks, and
        within the spine-load limit at the catalogue's dose.
        """
        s = self.scope
        return tuple(
            ex
            for ex in eligible(s.catalog, s.request, self.wp.phase, self.done)
            if spine_load(ex, s.request, s.compression) is not None
        )


def session_exercises(session: Session, catalog: Catalog) -> tuple[Exercise, ...]:
    """The session's exercises that are in the catalogue, in order."""
    return tuple(
        catalog.get(item.exercise_id) for _, item in session.items() if item.exercise_id in catalog
    )


def week_scopes(scope: PlanScope) -> Iterator[WeekScope]:
    """Every week of the plan with what came before it (the plan has the expected weeks)."""
    weeks = scope.plan.weeks
    last_loading: dict[str, Week] = {}
    for i, done in enumerate(done_before(weeks, scope.expected)):
        wp = scope.expected[i]
        yield WeekScope(scope, i, done, last_loading.get(wp.phase))
        if not wp.deload:
            last_loading[wp.phase] = weeks[i]
