"""A planned session as the guided session and the API show it: names, cues, per-side sets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from spinewise.catalog import load_catalog
from spinewise.errors import CatalogError
from spinewise.store import StoredPlan

__all__ = ["ItemView", "SessionPlan", "plan_session"]


@dataclass(frozen=True)
class ItemView:
    """A prescribed exercise with what the guided session shows of it.

    ``sets`` is the sets of each side for per-side work; ``extra_sets`` more sets are done on
    ``extra_sets_side`` (the weaker side), so :attr:`sets_left` and :attr:`sets_right` can differ.
    """

    block: str
    exercise_id: str
    name: str
    sets: int
    reps: int | None
    hold_s: float | None
    distance_m: float | None
    per_side: bool
    tempo: str | None
    rest_s: int
    intensity_kind: str
    intensity_value: float | None
    loading: str | None
    cues: tuple[str, ...]
    why: tuple[str, ...]
    extra_sets_side: str | None = None
    extra_sets: int = 0

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


def _extra(item: Mapping[str, Any]) -> tuple[str | None, int]:
    extra = item.get("extra_sets_side")
    if not isinstance(extra, Mapping):
        return None, 0
    return str(extra.get("side")), int(extra.get("sets") or 0)


def plan_session(
    stored: StoredPlan, week: int, session: int, planned_date: date | None = None
) -> SessionPlan | None:
    """Week ``week``, session ``session`` of a stored plan, with names, cues and reasons.

    ``planned_date`` (the schedule's date) replaces the plan's own when given.
    """
    lookup = catalog_lookup()
    for w in stored.record.plan.get("weeks", []):
        if int(w.get("index", 0)) != week:
            continue
        for s in w.get("sessions", []):
            if int(s.get("index", 0)) != session:
                continue
            items = []
            for block in s.get("blocks", []):
                for item in block.get("items", []):
                    ex_id = str(item["exercise_id"])
                    name, cues, loading = lookup.get(ex_id, (item.get("name", ex_id), (), None))
                    intensity = item.get("intensity") or {}
                    side, extra = _extra(item)
                    items.append(
                        ItemView(
                            block=str(block.get("kind", "")),
                            exercise_id=ex_id,
                            name=str(name),
                            sets=int(item["sets"]),
                            reps=item.get("reps"),
                            hold_s=item.get("hold_s"),
                            distance_m=item.get("distance_m"),
                            per_side=bool(item.get("per_side", False)),
                            tempo=item.get("tempo"),
                            rest_s=int(item.get("rest_s", 0)),
                            intensity_kind=str(intensity.get("kind", "rpe")),
                            intensity_value=intensity.get("value"),
                            loading=loading,
                            cues=tuple(cues),
                            why=tuple(item.get("why", ())),
                            extra_sets_side=side,
                            extra_sets=extra,
                        )
                    )
            raw_date = s.get("date")
            own = None if raw_date is None else date.fromisoformat(str(raw_date))
            return SessionPlan(
                plan_id=stored.id,
                plan_version=stored.record.version,
                week=week,
                session=session,
                planned_date=planned_date or own,
                estimated_minutes=s.get("estimated_minutes"),
                items=tuple(items),
            )
    return None
