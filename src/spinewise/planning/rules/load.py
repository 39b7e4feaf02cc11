"""Load rules: heavy hinge spacing, the spine-compression budget, deload volume."""

from __future__ import annotations

from spinewise.planning.candidates import is_heavy_hinge
from spinewise.planning.context import WeekContext, consecutive_pairs
from spinewise.planning.periodization import DELOAD_VOLUME_RANGE
from spinewise.planning.policy import HEAVY_COMPRESSION_FRACTION
from spinewise.planning.solver import WeekModel

__all__ = [
    "DeloadVolume",
    "HeavyCompressionSpacing",
    "HeavyHingeSpacing",
    "crosses_week",
]


def crosses_week(ctx: WeekContext) -> bool:
    """Whether last week's final session and this week's first fall on consecutive days."""
    days = ctx.request.training_days
    return bool(ctx.previous) and days[-1] == "sun" and days[0] == "mon"


def _spacing(m: WeekModel, name: str, ids: list[str]) -> None:
    heavy = [m.any_of(f"{name}_{s}", m.session_items(s, ids)) for s in m.ctx.sessions]
    for a, b in consecutive_pairs(m.ctx.request.training_days):
        m.add(heavy[a] + heavy[b] <= 1)
    if crosses_week(m.ctx):
        last = len(m.ctx.sessions) - 1
        if any(
            it.session == last and it.exercise_id in set(ids) | _prev_heavy(m, name)
            for it in m.ctx.previous[-1]
        ):
            m.add(heavy[0] == 0)


def _prev_heavy(m: WeekModel, name: str) -> set[str]:
    if name == "hinge":
        return {
            it.exercise_id
            for it in m.ctx.previous[-1]
            if it.exercise_id in {e.id for e in m.ctx.exercises if is_heavy_hinge(e)}
        }
    return set()


class HeavyHingeSpacing:
    """No two consecutive training days both with heavy hinge work."""

    id = "heavy_hinge_spacing"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        _spacing(m, "hinge", m.ids_where(is_heavy_hinge))


class HeavyCompressionSpacing:
    """Heavy-compression days (an item at 75 % of the athlete's limit or more) not back to back."""

    id = "heavy_compression_spacing"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        threshold = HEAVY_COMPRESSION_FRACTION * m.ctx.compression_limit_n
        _spacing(m, "compression", m.ids_where(lambda ex: m.ctx.compression_n[ex.id] >= threshold))


class DeloadVolume:
    """A deload week's volume is 50 to 70 % of the week before's (30 to 50 % less)."""

    id = "deload_volume"

    def applies(self, ctx: WeekContext) -> bool:
        return ctx.week.deload and bool(ctx.previous)

    def build(self, m: WeekModel) -> None:
        from spinewise.planning.dosing import volume_units

        before = sum(volume_units(it.dose) for it in m.ctx.previous[-1])
        low, high = DELOAD_VOLUME_RANGE
        week_volume = sum(m.ctx.volume[e] * v for (_, e), v in sorted(m.y.items()))
        m.add(100 * week_volume <= round(100 * high) * before)
        m.add(100 * week_volume >= round(100 * low) * before)
