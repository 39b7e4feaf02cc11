"""The seed method's signature work: the single-leg hinge and rotational medicine-ball throws."""

from __future__ import annotations

from spinewise.planning.candidates import is_rotational_throw, is_single_leg_hinge
from spinewise.planning.context import WeekContext
from spinewise.planning.model import WeekModel

__all__ = ["RotationalThrows", "SingleLegHinge", "throws_apply"]


class SingleLegHinge:
    """A single-leg hinge in every loading week (so in every plan)."""

    id = "single_leg_hinge"

    def applies(self, ctx: WeekContext) -> bool:
        return not ctx.week.deload

    def build(self, m: WeekModel) -> None:
        m.add(sum(m.week_items(m.ids_where(is_single_leg_hinge))) >= 1)


def throws_apply(ctx: WeekContext) -> bool:
    """Whether this week must have rotational throws.

    They are required when a medicine ball is available, rotation does not aggravate, current pain
    is below 3/10, and the week is a loading week after the foundation phase.
    """
    req = ctx.request
    return (
        "medicine_ball" in req.equipment
        and "rotation" not in req.sensitivities
        and not req.in_pain
        and not ctx.week.deload
        and ctx.week.phase != "foundation"
    )


class RotationalThrows:
    """Rotational medicine-ball throws in build, power and consolidate loading weeks."""

    id = "rotational_throws"

    def applies(self, ctx: WeekContext) -> bool:
        return throws_apply(ctx)

    def build(self, m: WeekModel) -> None:
        m.add(sum(m.week_items(m.ids_where(is_rotational_throw))) >= 1)
