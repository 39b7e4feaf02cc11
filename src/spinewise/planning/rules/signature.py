"""The seed method's signature work: the single-leg hinge and rotational medicine-ball throws."""

from __future__ import annotations

from spinewise.planning.candidates import is_rotational_throw, is_single_leg_hinge
from spinewise.planning.context import WeekContext
from spinewise.planning.policy import throws_required
from spinewise.planning.solver import WeekModel

__all__ = ["RotationalThrows", "SingleLegHinge"]


class SingleLegHinge:
    """A single-leg hinge in every loading week (so in every plan)."""

    id = "single_leg_hinge"

    def applies(self, ctx: WeekContext) -> bool:
        return not ctx.week.deload

    def build(self, m: WeekModel) -> None:
        m.add(sum(m.week_items(m.ids_where(is_single_leg_hinge))) >= 1)


class RotationalThrows:
    """Rotational medicine-ball throws in build, power and consolidate loading weeks."""

    id = "rotational_throws"

    def applies(self, ctx: WeekContext) -> bool:
        return throws_required(ctx.week, ctx.request)

    def build(self, m: WeekModel) -> None:
        m.add(sum(m.week_items(m.ids_where(is_rotational_throw))) >= 1)
