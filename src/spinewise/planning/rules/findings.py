"""Findings shape the week: extra volume, weaker-side sets and every-session work."""

from __future__ import annotations

from spinewise.catalog import Exercise
from spinewise.planning.context import WeekContext
from spinewise.planning.model import WeekModel
from spinewise.planning.request import Demand

__all__ = ["FindingVolume", "serves_demand"]


def serves_demand(ex: Exercise, demand: Demand) -> bool:
    """Whether an exercise serves a finding's demand."""
    if demand.kind == "weaker_side":
        return ex.laterality == "unilateral" and (
            demand.pattern is None or demand.pattern in ex.patterns
        )
    ok = True
    if demand.quality is not None:
        ok = ok and demand.quality in ex.qualities
    if demand.region is not None:
        ok = ok and demand.region in ex.primary_regions
    if demand.pattern is not None:
        ok = ok and demand.pattern in ex.patterns
    return ok


def extra_items(demand: Demand) -> int:
    """Items per week an ``extra_volume`` demand asks for: one, and a second from 2 extra sets."""
    return 1 + (1 if demand.sets >= 2 else 0)


class FindingVolume:
    """Extra volume where a finding asks, weaker-side work, and every-session qualities."""

    id = "finding_volume"

    def applies(self, ctx: WeekContext) -> bool:
        return bool(ctx.request.demands)

    def build(self, m: WeekModel) -> None:
        for demand in m.ctx.request.demands:
            ids = m.ids_where(lambda ex, d=demand: serves_demand(ex, d))
            if demand.kind == "extra_volume" and not m.ctx.week.deload:
                m.add(sum(m.week_items(ids)) >= extra_items(demand))
            elif demand.kind == "weaker_side":
                m.add(sum(m.week_items(ids)) >= 1)
            elif demand.kind == "every_session":
                for s in m.ctx.sessions:
                    m.add(sum(m.session_items(s, ids)) >= 1)
