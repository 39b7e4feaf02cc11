"""Variety across weeks: each loading week within a phase brings at least one new exercise."""

from __future__ import annotations

from spinewise.planning.context import PlacedItem, WeekContext
from spinewise.planning.solver import WeekModel

__all__ = ["VarietyRotation", "previous_loading_week_in_phase"]


def previous_loading_week_in_phase(ctx: WeekContext) -> tuple[PlacedItem, ...] | None:
    """Items of the nearest earlier loading week of the same phase, if any."""
    for week, items in zip(reversed(ctx.previous_weeks), reversed(ctx.previous), strict=True):
        if week.phase != ctx.week.phase:
            return None
        if not week.deload:
            return items
    return None


class VarietyRotation:
    """Within a phase, a loading week uses an exercise the previous loading week did not."""

    id = "variety_rotation"

    def applies(self, ctx: WeekContext) -> bool:
        return not ctx.week.deload and previous_loading_week_in_phase(ctx) is not None

    def build(self, m: WeekModel) -> None:
        before = previous_loading_week_in_phase(m.ctx) or ()
        seen = {it.exercise_id for it in before}
        m.add(sum(v for e, v in sorted(m.used.items()) if e not in seen) >= 1)
