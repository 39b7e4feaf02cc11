"""Findings shape the week: extra volume, weaker-side sets and every-session work."""

from __future__ import annotations

from spinewise.planning.context import WeekContext
from spinewise.planning.policy import extra_items, serves_demand
from spinewise.planning.solver import WeekModel

__all__ = ["FindingVolume"]


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
