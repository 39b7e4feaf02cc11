"""Coverage rules: key regions, weekly qualities and the three planes."""

from __future__ import annotations

from spinewise.catalog import load_vocabulary
from spinewise.planning.context import WeekContext
from spinewise.planning.policy import required_qualities
from spinewise.planning.solver import WeekModel

__all__ = ["KeyRegions", "ThreePlanes", "WeeklyQualities"]


class KeyRegions:
    """Every week covers every key region as a primary region of at least one item."""

    id = "key_regions"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        for region in load_vocabulary().key_regions:
            ids = m.ids_where(lambda ex, r=region: r in ex.primary_regions)
            m.add(sum(m.week_items(ids)) >= 1)


class WeeklyQualities:
    """Every loading week trains every weekly quality (see :func:`required_qualities`)."""

    id = "weekly_qualities"

    def applies(self, ctx: WeekContext) -> bool:
        return bool(required_qualities(ctx.week, ctx.request))

    def build(self, m: WeekModel) -> None:
        for quality in required_qualities(m.ctx.week, m.ctx.request):
            ids = m.ids_where(lambda ex, q=quality: q in ex.qualities)
            m.add(sum(m.week_items(ids)) >= 1)


class ThreePlanes:
    """Every week works the sagittal, frontal and transverse planes."""

    id = "three_planes"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        for plane in ("sagittal", "frontal", "transverse"):
            ids = m.ids_where(lambda ex, p=plane: p in ex.planes)
            m.add(sum(m.week_items(ids)) >= 1)
