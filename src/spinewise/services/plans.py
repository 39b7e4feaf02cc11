"""Plans: make one from the profile, store one, read them; the newest with its lineage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from spinewise.assessment import Assessment
from spinewise.catalog import load_catalog
from spinewise.errors import InputError, ScreeningStopError
from spinewise.planning import make as planning
from spinewise.planning.plan import Plan
from spinewise.profile import Profile, parse_profile
from spinewise.report.quality import PlanQuality, plan_quality
from spinewise.services.handle import Store
from spinewise.services.maxes import with_log_maxes
from spinewise.services.plancache import PlanEntry
from spinewise.services.schedule import sessions_that_count
from spinewise.store import (
    StoredPlan,
    get_plan,
    latest_plan,
    list_plans,
    list_profiles,
    list_sessions,
    reading,
    save_plan,
    writing,
)
from spinewise.store.engine import Session, advisory_lock
from spinewise.store.live import latest_plan_key
from spinewise.store.summaries import plan_heads, session_summaries

__all__ = [
    "assess_and_plan",
    "create_plan",
    "done_sessions",
    "measure_plan",
    "newest_plan",
    "plan_for_profile",
    "store_plan",
    "user_plan",
    "user_plans",
]


def _ancestry(plan: Plan) -> list[int]:
    return list(plan.adapted_from_ids)


def entry_in(db: Session, store: Store, athlete: int) -> PlanEntry | None:
    """:func:`plan_entry` inside the caller's read transaction."""
    found = latest_plan_key(db, athlete)
    if found is None:
        return None
    plan_id, version, created_at = found

    def load() -> PlanEntry | None:
        stored = get_plan(db, athlete, plan_id)
        if stored is None:
            return None
        return PlanEntry.make(stored, plan_heads(db, athlete, _ancestry(stored.record.plan)))

    return store.plans.get((athlete, plan_id, version, created_at), load)


def plan_entry(store: Store, athlete: int) -> PlanEntry | None:
    """The newest plan version with its lineage and dated sessions (cached), or ``None``."""
    with reading(store.engine) as db:
        return entry_in(db, store, athlete)


def plan_for_profile(
    profile: Profile, *, weeks: int | None = None, seed: int = 0, today: date | None = None
) -> Plan:
    """Screen, assess and plan (``spinewise plan``); nothing is stored.

    Raises ScreeningStopError when screening did not clear (on ``today``, when given).
    """
    return planning.make_plan_for_profile(profile, weeks=weeks, seed=seed, today=today)


def measure_plan(
    plan: Plan, profile: Profile, *, rendered: Sequence[str] | None = None
) -> PlanQuality:
    """The figures a clinician checks in ``plan`` for ``profile`` (``spinewise plan quality``).

    ``rendered`` are the printed forms of the plan to scan for internal names (the markdown
    plan when not given). Raises ScreeningStopError when the profile's screening does not clear.
    """
    return plan_quality(plan, profile, load_catalog(), rendered=rendered)


def assess_and_plan(
    profile: Profile, *, weeks: int | None = None, seed: int = 0, today: date | None = None
) -> tuple[Assessment, Plan]:
    """The assessment and the plan of a profile (``spinewise demo``); nothing is stored."""
    return planning.assess_and_plan(profile, weeks=weeks, seed=seed, today=today)


def create_plan(
    store: Store, athlete: int, *, now: datetime, weeks: int | None = None, seed: int | None = None
) -> StoredPlan:
    """Plan from the newest stored profile (as ``spinewise plan``); store it as a new version."""
    with reading(store.engine) as db:
        profiles = list_profiles(db, athlete)
    if not profiles:
        raise ScreeningStopError("profile: no profile yet; complete the onboarding first")
    with reading(store.engine) as db:
        sessions = [s.log for s in list_sessions(db, athlete)]
    profile = with_log_maxes(parse_profile(profiles[-1].profile), sessions, now.date())
    plan = plan_for_profile(profile, weeks=weeks, seed=seed or 0, today=now.date())
    with writing(store.engine) as db:
        advisory_lock(db, athlete)
        return save_plan(db, athlete, plan, created_at=now, seed=seed or 0)


def store_plan(store: Store, athlete: int, document: object, *, now: datetime) -> StoredPlan:
    """Store a plan, or a plan document read from a file, as the athlete's newest version.

    ``spinewise log use-plan``; the document is checked here, at the edge.
    """
    if isinstance(document, Plan):
        plan = document
    elif not isinstance(document, Mapping) or not isinstance(document.get("weeks"), list):
        raise InputError("FILE: not a plan (no 'weeks' list)")
    else:
        try:
            plan = Plan.from_json(document)
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise InputError(f"FILE: not a plan document ({err})") from err
    with writing(store.engine) as db:
        advisory_lock(db, athlete)
        return save_plan(db, athlete, plan, created_at=now)


def newest_plan(store: Store, athlete: int) -> StoredPlan | None:
    """The athlete's newest plan version."""
    with reading(store.engine) as db:
        return latest_plan(db, athlete)


def user_plan(store: Store, athlete: int, plan_id: int | None = None) -> StoredPlan | None:
    """One of the athlete's plans (the newest when ``plan_id`` is None)."""
    if plan_id is None:
        return newest_plan(store, athlete)
    with reading(store.engine) as db:
        return get_plan(db, athlete, plan_id)


def user_plans(store: Store, athlete: int) -> list[StoredPlan]:
    """Every plan version of the athlete, oldest first."""
    with reading(store.engine) as db:
        return list_plans(db, athlete)


def done_sessions(store: Store, athlete: int, stored: StoredPlan) -> frozenset[tuple[int, int]]:
    """``(week, session)`` of a plan's sessions that count as done (earlier versions' logs too)."""
    with reading(store.engine) as db:
        heads = plan_heads(db, athlete, [stored.id, *_ancestry(stored.record.plan)])
        logs = session_summaries(db, athlete, heads, since=datetime.max)
    versions = {v for v, _ in heads.values()}
    return sessions_that_count(logs, versions)
