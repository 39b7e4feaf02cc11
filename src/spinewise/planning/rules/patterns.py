"""Balance of movement patterns and time: the whole body, uncrowded sessions, the time used.

The rules read their numbers and predicates from :mod:`spinewise.planning.policy`, which the
solver-independent validator reads too.
"""

from __future__ import annotations

from spinewise.planning.context import WeekContext
from spinewise.planning.policy import (
    SESSION_FILL_SHARE,
    SESSION_PATTERN_MAX,
    WEEKLY_PATTERN_SETS_MAX,
    balance_every_session,
    counts_as_hard,
    main_pattern,
    meets_pattern_needs,
    variant_pairs,
    weekly_pattern_needs,
)
from spinewise.planning.solver import WeekModel

__all__ = [
    "BalanceEverySession",
    "MovementPatterns",
    "OneVariantPerSession",
    "PatternPerSession",
    "SessionFill",
    "WeeklyPatternSets",
]


class PatternPerSession:
    """At most two exercises of one main pattern in a session."""

    id = "pattern_per_session"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        for pattern in sorted({main_pattern(ex) for ex in m.ctx.exercises}):
            ids = m.ids_where(lambda ex, p=pattern: main_pattern(ex) == p)
            for s in m.ctx.sessions:
                m.add(sum(m.session_items(s, ids)) <= SESSION_PATTERN_MAX)


class OneVariantPerSession:
    """A session holds at most one of an exercise and its direct regressions or progressions."""

    id = "one_variant_per_session"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        for a, b in variant_pairs(m.ctx.exercises):
            for s in m.ctx.sessions:
                ys = m.session_items(s, [a, b])
                if len(ys) == 2:  # not both: the clause presolve would make of y_a + y_b <= 1
                    m.not_both(ys[0], ys[1])
                else:
                    m.add(sum(ys) <= 1)


class WeeklyPatternSets:
    """At most the weekly ceiling of hard sets per main pattern."""

    id = "weekly_pattern_sets"

    def applies(self, ctx: WeekContext) -> bool:
        return True

    def build(self, m: WeekModel) -> None:
        ctx = m.ctx
        for pattern in sorted({main_pattern(ex) for ex in ctx.exercises if counts_as_hard(ex)}):
            ids = m.ids_where(lambda ex, p=pattern: main_pattern(ex) == p and counts_as_hard(ex))
            terms = [total_sets(ctx, e) * v for e in ids for v in m.week_items([e])]
            m.add(sum(terms) <= WEEKLY_PATTERN_SETS_MAX)


def total_sets(ctx: WeekContext, exercise_id: str) -> int:
    """Sets of an item this week, with the weaker side's extra sets."""
    dose = ctx.doses[exercise_id]
    return dose.sets + (dose.extra_sets_side[1] if dose.extra_sets_side else 0)


class MovementPatterns:
    """Every loading week has a hinge and a squat or lunge; 3+ days: also pull, push, carry."""

    id = "movement_patterns"

    def applies(self, ctx: WeekContext) -> bool:
        return not ctx.week.deload

    def build(self, m: WeekModel) -> None:
        ctx = m.ctx
        counting = [ex for ex in ctx.exercises if meets_pattern_needs(ex)]
        open_patterns = frozenset(p for ex in counting for p in ex.patterns)
        for need in weekly_pattern_needs(ctx.week, ctx.request, open_patterns):
            ids = m.ids_where(
                lambda ex, n=need: meets_pattern_needs(ex) and bool(set(n) & set(ex.patterns))
            )
            m.add(sum(m.week_items(ids)) >= 1)


class SessionFill:
    """In loading weeks each session fills at least 80 % of the person's minutes."""

    id = "session_fill"

    def applies(self, ctx: WeekContext) -> bool:
        return not ctx.week.deload

    def build(self, m: WeekModel) -> None:
        num, den = SESSION_FILL_SHARE
        floor_s = m.ctx.request.minutes_per_session * 60 * num // den
        for s in m.ctx.sessions:
            m.add(sum(m.ctx.seconds[e] * v for e, v in m._y_by_session.get(s, [])) >= floor_s)


class BalanceEverySession:
    """Standing balance work in every session for an older adult or poor one-leg balance."""

    id = "balance_every_session"

    def applies(self, ctx: WeekContext) -> bool:
        return balance_every_session(ctx.request)

    def build(self, m: WeekModel) -> None:
        ids = m.ids_where(lambda ex: "balance" in ex.patterns)
        if ids:
            for s in m.ctx.sessions:
                m.add(sum(m.session_items(s, ids)) >= 1)
