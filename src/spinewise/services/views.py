"""A planned session as the guided session and the API show it: names, cues, per-side sets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spinewise.catalog import load_catalog
from spinewise.errors import CatalogError
from spinewise.logbook.planned import PlannedItem
from spinewise.store import StoredPlan

__all__ = ["ItemView", "SessionPlan", "plan_session"]


@dataclass(frozen=True)
class ItemView(PlannedItem):
    """A prescribed exercise with what the guided session shows of it: name, cues, loading.

    ``sets`` is the sets of each side for per-side work; ``extra_sets`` more sets are done on
    ``extra_sets_side`` (the weaker side), so :attr:`sets_left` and :attr:`sets_right` can differ.
    """

    name: str = ""
    loading: str | None = None
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionPlan:
    """A planned session of a stored plan, ready to guide.

    ``planned_date`` is the date the schedule gives it (:mod:`spinewise.services.schedule`).
    """

    plan_id: int
    plan_version: int
    week: int
    session: int
    planned_date: date | None
    estimated_minutes: float | None
    items: tuple[ItemView, ...]


@lru_cache(maxsize=1)
def _packaged_lookup() -> dict[str, tuple[str, tuple[str, ...], str]]:
    try:
        return {ex.id: (ex.name, ex.cues, ex.loading) for ex in load_catalog()}
    except CatalogError:  # show ids without names and cues rather than stop
        return {}


def catalog_lookup() -> dict[str, tuple[str, tuple[str, ...], str]]:
    """``{exercise id: (name, cues, loading)}`` of the packaged catalogue ({} if unreadable)."""
    return _packaged_lookup()


def plan_session(
    stored: StoredPlan, week: int, session: int, planned_date: date | None = None
) -> SessionPlan | None:
    """Week ``week``, session ``session`` of a stored plan, with names, cues and reasons.

    ``planned_date`` (the schedule's date) replaces the plan's own when given.
    """
    found = stored.record.plan.session_at(week, session)
    if found is None:
        return None
    lookup = catalog_lookup()
    items = []
    for block, item in found.items():
        name, cues, loading = lookup.get(
            item.exercise_id, (item.name or item.exercise_id, (), None)
        )
        items.append(ItemView(block.kind, item, name=name, loading=loading, cues=tuple(cues)))
    return SessionPlan(
        plan_id=stored.id,
        plan_version=stored.record.version,
        week=week,
        session=session,
        planned_date=planned_date or found.date,
        estimated_minutes=found.estimated_minutes,
        items=tuple(items),
    )
