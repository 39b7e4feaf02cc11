"""Session and week structure: time, blocks, frequency, unilateral work, isolated share."""

from __future__ import annotations

from spinewise.planning.candidates import is_unilateral_work
from spinewise.planning.context import WeekContext
from spinewise.planning.model import BLOCK_ORDER, WeekModel

__all__ = [
    "BLOCK_MAX_ITEMS",
    "IsolatedShare",
    "SessionStructure",
    "SessionTime",
    "UnilateralEachSession",
    "WeeklyFrequency",
]

#: Most items per block in one session (prep needs at least one).
BLOCK_MAX_ITEMS = {
    "prep": 2,
    "power": 2,
    "strength": 3,
    "stability": 3,
    "conditioning": 2,
    "recovery": 1,
}
#: Minutes of session per item, used to size sessions (a design choice: an item with its sets,
#: rests and transition takes about five minutes).
MINUTES_PER_ITEM = 5


def items_per_session(minutes_per_session: int) -> tuple[int, int]:
    """The allowed number of items in a session (low, high) for the time available.

    Examples
    --------
    >>> items_per_session(40)
    (6, 8)
    >>> items_per_session(15)
    (2, 3)
    """
    high = max(3, min(12, round(minutes_per_session / MINUTES_PER_ITEM)))
    return max(2, high - 2), high


#: Share of a week's items that may be isolated exercises: 20 % (the issue's rule).
ISOLATED_MAX_SHARE = (1, 5)


class SessionTime:
    """Each session's estimated duration fits ``minutes_per_session``."""

    id = "session_time"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        budget_s = m.ctx.request.minutes_per_session * 60
        for s in m.ctx.sessions:
            m.add(
                sum(m.ctx.seconds[e] * v for (ss, e), v in sorted(m.y.items()) if ss == s)
                <= budget_s
            )


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
                xs = [v for (ss, _, b), v in sorted(m.x.items()) if ss == s and b == block]
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
