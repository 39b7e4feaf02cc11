"""Session and week structure: time, blocks, frequency, unilateral work, isolated share."""

from __future__ import annotations

from spinewise.planning.candidates import is_unilateral_work
from spinewise.planning.context import WeekContext
from spinewise.planning.policy import BLOCK_MAX_ITEMS, ISOLATED_MAX_SHARE, items_per_session
from spinewise.planning.solver import BLOCK_ORDER, WeekModel

__all__ = [
    "IsolatedShare",
    "SessionStructure",
    "SessionTime",
    "UnilateralEachSession",
    "WeeklyFrequency",
]


class SessionTime:
    """Each session's estimated duration fits ``minutes_per_session``."""

    id = "session_time"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        budget_s = m.ctx.request.minutes_per_session * 60
        for s in m.ctx.sessions:
            m.add(sum(m.ctx.seconds[e] * v for e, v in m._y_by_session.get(s, [])) <= budget_s)


class SessionStructure:
    """Each session opens with prep, keeps its blocks within bounds and suits its length.

    The number of items follows :func:`items_per_session`.
    """

    id = "session_structure"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        low, high = items_per_session(m.ctx.request.minutes_per_session)
        for s in m.ctx.sessions:
            count = sum(m.session_items(s))
            m.add(count >= low)
            m.add(count <= high)
            for block in BLOCK_ORDER:
                xs = m.block_items(s, block)
                if block == "prep":
                    m.add(sum(xs) >= 1)
                if xs:
                    m.add(sum(xs) <= BLOCK_MAX_ITEMS[block])


class WeeklyFrequency:
    """An exercise at most twice a week (variety)."""

    id = "weekly_frequency"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        for e in sorted(m.used):
            m.add(sum(m.week_items([e])) <= 2)


class UnilateralEachSession:
    """Every session has unilateral, alternating or split work."""

    id = "unilateral_each_session"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        ids = m.ids_where(is_unilateral_work)
        for s in m.ctx.sessions:
            m.add(sum(m.session_items(s, ids)) >= 1)


class IsolatedShare:
    """Isolated exercises are at most 20 % of each week's items."""

    id = "isolated_share"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        num, den = ISOLATED_MAX_SHARE
        isolated = m.ids_where(lambda ex: ex.integration == "isolated")
        m.add(den * sum(m.week_items(isolated)) <= num * sum(m.week_items()))
