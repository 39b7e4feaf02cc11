"""'Recommended for you' and substitutes: what the plan, the log and the profile say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spinewise.errors import InputError
from spinewise.logbook import PlannedSession, SessionLog
from spinewise.logbook.summary import SessionSummary
from spinewise.planning.plan import Plan
from spinewise.profile import Profile, parse_profile
from spinewise.services.handle import Store
from spinewise.services.plans import plan_entry
from spinewise.services.schedule import plan_schedule
from spinewise.store import list_profiles, list_sessions, reading

__all__ = ["RecommendInputs", "recommend_inputs"]


@dataclass(frozen=True)
class RecommendInputs:
    """What recommending needs from the store.

    Attributes
    ----------
    plan, plan_version
        The newest plan and its version.
    sessions
        The whole log, in time order.
    profile
        The newest stored profile, if any.
    next_planned, next_date
        The next session (:mod:`spinewise.services.schedule`) and its date; ``None`` when none
        is left.
    """

    plan: Plan
    plan_version: int
    sessions: tuple[SessionLog, ...]
    profile: Profile | None
    next_planned: PlannedSession | None
    next_date: date | None


def recommend_inputs(
    store: Store, athlete: int | None, *, today: date, who: str
) -> RecommendInputs:
    """The newest plan, the log, the newest profile and the next session of an athlete.

    ``who`` names the athlete in the error when there is no plan.
    """
    entry = None if athlete is None else plan_entry(store, athlete)
    if athlete is None or entry is None:
        raise InputError(
            f"--athlete: no plan is stored for {who!r}; run `spinewise log use-plan FILE`"
        )
    with reading(store.engine) as db:
        sessions = tuple(s.log for s in list_sessions(db, athlete))
        profiles = list_profiles(db, athlete)
    sched = plan_schedule(
        entry.sessions_on(today),
        [SessionSummary.from_log(s) for s in sessions],
        versions=entry.versions,
        today=today,
    )
    nxt = sched.next
    return RecommendInputs(
        plan=entry.stored.record.plan,
        plan_version=entry.stored.record.version,
        sessions=sessions,
        profile=parse_profile(profiles[-1].profile) if profiles else None,
        next_planned=None if nxt is None else nxt.planned,
        next_date=None if nxt is None else nxt.date,
    )
