"""The seed method's signature work: single-leg hinge, throws, lateral-shift bridge, deadlift."""

from __future__ import annotations

from spinewise.planning.candidates import (
    is_deadlift,
    is_lateral_shift_bridge,
    is_rotational_throw,
    is_single_leg_hinge,
)
from spinewise.planning.context import WeekContext
from spinewise.planning.policy import throws_required
from spinewise.planning.solver import WeekModel

__all__ = ["RotationalThrows", "SignatureWork", "SingleLegHinge"]


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
        """Required only when a rotational throw is open this week (its prerequisite met)."""
        return throws_required(ctx.week, ctx.request) and any(
            is_rotational_throw(ex) for ex in ctx.exercises
        )

    def build(self, m: WeekModel) -> None:
        m.add(sum(m.week_items(m.ids_where(is_rotational_throw))) >= 1)


class SignatureWork:
    """A bridge hold with lateral pelvic shifts and a deadlift in every loading week.

    Each is required only when an exercise of its kind is open to the person (equipment,
    sensitivities, level and spine-load limit allow it).
    """

    id = "signature_work"

    def applies(self, ctx: WeekContext) -> bool:
        return not ctx.week.deload

    def build(self, m: WeekModel) -> None:
        for kind in (is_lateral_shift_bridge, is_deadlift):
            ids = m.ids_where(kind)
            if ids:
                m.add(sum(m.week_items(ids)) >= 1)
