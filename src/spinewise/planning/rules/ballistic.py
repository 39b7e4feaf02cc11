"""Ballistic and impact work: foot contacts per session.

Prerequisites are not a constraint of the model: the planner leaves an exercise out of a week's
candidates until its prerequisite has appeared in an earlier loading week
(:func:`spinewise.planning.candidates.eligible`).
"""

from __future__ import annotations

from spinewise.planning.context import WeekContext
from spinewise.planning.policy import item_foot_contacts, max_foot_contacts
from spinewise.planning.solver import WeekModel

__all__ = ["FootContacts"]


class FootContacts:
    """Each session holds at most the person's foot-contact cap of jumps, hops and bounds."""

    id = "foot_contacts"

    def applies(self, ctx: WeekContext) -> bool:
        return any("jump" in ex.patterns for ex in ctx.exercises)

    def build(self, m: WeekModel) -> None:
        ctx = m.ctx
        contacts = {ex.id: item_foot_contacts(ex, ctx.doses[ex.id]) for ex in ctx.exercises}
        cap = max_foot_contacts(ctx.request)
        for s in ctx.sessions:
            terms = [contacts[e] * v for e, v in m._y_by_session.get(s, []) if contacts[e]]
            if terms:
                m.add(sum(terms) <= cap)
