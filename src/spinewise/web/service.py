"""What the pages and the API do, once: the same library calls as the CLI, scoped to a user.

Every function takes the :class:`~spinewise.web.context.WebContext` and the logged-in
:class:`~spinewise.store.accounts.UserAccount`, and reaches the store only through the user's
own athlete, so one user can never see or change another's data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from spinewise.adaptation.service import adapt_stored
from spinewise.assessment import Assessment, assess
from spinewise.catalog import load_catalog
from spinewise.errors import CatalogError, InputError, ScreeningStopError
from spinewise.logbook import (
    CUSTOM_PREFIX,
    AssessmentRecord,
    CustomExercise,
    PlannedRef,
    ProfileRecord,
    SessionLog,
    SetLog,
    future_problems,
)
from spinewise.planning.service import make_plan_for_profile
from spinewise.profile import parse_profile
from spinewise.store import (
    StoredPlan,
    StoredSession,
    add_assessment,
    add_custom_exercises,
    add_profile,
    add_session,
    delete_session,
    get_plan,
    get_session,
    latest_plan,
    list_assessments,
    list_plans,
    list_profiles,
    list_sessions,
    logged_planned_sessions,
    reading,
    save_plan,
    set_next_morning_pain,
    writing,
)
from spinewise.store.accounts import UserAccount
from spinewise.store.engine import advisory_lock
from spinewise.store.live import (
    add_or_replace_set,
    latest_plan_key,
    owns_session,
    update_session,
)
from spinewise.web.context import WebContext
from spinewise.web.plancache import select_planned

__all__ = [
    "ItemView",
    "SessionPlan",
    "add_logged_session",
    "create_plan",
    "current_profile",
    "delete_logged_session",
    "finish_session",
    "log_set",
    "plan_session",
    "record_next_morning",
    "save_profile",
    "start_session",
    "today_session",
    "user_plan",
    "user_plans",
    "user_session",
]


@dataclass(frozen=True)
class ItemView:
    """A prescribed exercise with what the guided session shows of it."""

    block: str
    exercise_id: str
    name: str
    sets: int
    reps: int | None
    hold_s: float | None
    distance_m: float | None
    per_side: bool
    tempo: str | None
    rest_s: int
    intensity_kind: str
    intensity_value: float | None
    loading: str | None
    cues: tuple[str, ...]
    why: tuple[str, ...]


@dataclass(frozen=True)
class SessionPlan:
    """A planned session of a stored plan, ready to guide."""

    plan_id: int
    plan_version: int
    week: int
    session: int
    planned_date: date | None
    estimated_minutes: float | None
    items: tuple[ItemView, ...]


def _stamp(now: datetime, previous: datetime | None) -> datetime:
    """A time after ``previous`` (two saves in one instant must not share a key)."""
    if previous is not None and now <= previous:
        return previous + timedelta(microseconds=1)
    return now


def save_profile(ctx: WebContext, user: UserAccount, data: Mapping[str, Any]) -> Assessment:
    """Validate and store a profile and its assessment (as ``spinewise assess``)."""
    profile = parse_profile(data)
    result = assess(profile)
    stored = profile.model_dump(mode="json", exclude_none=True)
    with writing(ctx.engine) as db:
        advisory_lock(db, user.athlete_id)
        profiles = list_profiles(db, user.athlete_id)
        at = _stamp(ctx.now(), profiles[-1].recorded_at if profiles else None)
        add_profile(db, user.athlete_id, ProfileRecord(recorded_at=at, profile=stored))
        add_assessment(
            db, user.athlete_id, AssessmentRecord(recorded_at=at, result=result.to_json())
        )
    return result


def current_profile(
    ctx: WebContext, user: UserAccount
) -> tuple[ProfileRecord, AssessmentRecord | None] | None:
    """The newest stored profile and its assessment, if any."""
    with reading(ctx.engine) as db:
        profiles = list_profiles(db, user.athlete_id)
        assessments = list_assessments(db, user.athlete_id)
    if not profiles:
        return None
    return profiles[-1], (assessments[-1] if assessments else None)


def create_plan(
    ctx: WebContext, user: UserAccount, *, weeks: int | None = None, seed: int | None = None
) -> StoredPlan:
    """Plan from the newest profile (as ``spinewise plan``) and store it as a new version."""
    found = current_profile(ctx, user)
    if found is None:
        raise ScreeningStopError("profile: no profile yet; complete the onboarding first")
    profile = parse_profile(found[0].profile)
    plan = make_plan_for_profile(profile, weeks=weeks, seed=seed or 0)
    with writing(ctx.engine) as db:
        advisory_lock(db, user.athlete_id)
        return save_plan(db, user.athlete_id, plan, created_at=ctx.now(), seed=seed or 0)


def user_plan(ctx: WebContext, user: UserAccount, plan_id: int | None = None) -> StoredPlan | None:
    """One of the user's plans (the newest when ``plan_id`` is None)."""
    with reading(ctx.engine) as db:
        if plan_id is None:
            return latest_plan(db, user.athlete_id)
        return get_plan(db, user.athlete_id, plan_id)


def user_plans(ctx: WebContext, user: UserAccount) -> list[StoredPlan]:
    """Every plan version of the user, oldest first."""
    with reading(ctx.engine) as db:
        return list_plans(db, user.athlete_id)


def _catalog_lookup() -> dict[str, tuple[str, tuple[str, ...], str]]:
    try:
        return {ex.id: (ex.name, ex.cues, ex.loading) for ex in load_catalog()}
    except CatalogError:  # show ids without names and cues rather than stop
        return {}


def plan_session(stored: StoredPlan, week: int, session: int) -> SessionPlan | None:
    """Week ``week``, session ``session`` of a stored plan, with names, cues and reasons."""
    lookup = _catalog_lookup()
    for w in stored.record.plan.get("weeks", []):
        if int(w.get("index", 0)) != week:
            continue
        for s in w.get("sessions", []):
            if int(s.get("index", 0)) != session:
                continue
            items = []
            for block in s.get("blocks", []):
                for item in block.get("items", []):
                    ex_id = str(item["exercise_id"])
                    name, cues, loading = lookup.get(ex_id, (item.get("name", ex_id), (), None))
                    intensity = item.get("intensity") or {}
                    items.append(
                        ItemView(
                            block=str(block.get("kind", "")),
                            exercise_id=ex_id,
                            name=str(name),
                            sets=int(item["sets"]),
                            reps=item.get("reps"),
                            hold_s=item.get("hold_s"),
                            distance_m=item.get("distance_m"),
                            per_side=bool(item.get("per_side", False)),
                            tempo=item.get("tempo"),
                            rest_s=int(item.get("rest_s", 0)),
                            intensity_kind=str(intensity.get("kind", "rpe")),
                            intensity_value=intensity.get("value"),
                            loading=loading,
                            cues=tuple(cues),
                            why=tuple(item.get("why", ())),
                        )
                    )
            raw_date = s.get("date")
            return SessionPlan(
                plan_id=stored.id,
                plan_version=stored.record.version,
                week=week,
                session=session,
                planned_date=None if raw_date is None else date.fromisoformat(str(raw_date)),
                estimated_minutes=s.get("estimated_minutes"),
                items=tuple(items),
            )
    return None


def today_session(
    ctx: WebContext, user: UserAccount, today: date
) -> tuple[SessionPlan, bool] | None:
    """Today's planned session, or else the next unlogged one (``False``: not due today).

    ``None`` when there is no plan or every session is logged. The parsed plan comes from the
    app's cache; only the plan's key and the logged sessions are read each time.
    """
    with reading(ctx.engine) as db:
        found = latest_plan_key(db, user.athlete_id)
        if found is None:
            return None
        plan_id, version, created_at = found
        entry = ctx.plans.get(
            (user.athlete_id, plan_id, version, created_at),
            lambda: get_plan(db, user.athlete_id, plan_id),
        )
        if entry is None:
            return None
        done = logged_planned_sessions(db, plan_id, entry.stored.record.plan)
    due = select_planned(entry.sessions, today, done)
    if due is None:
        upcoming = [
            s for s in entry.sessions if s.key not in done and (s.date is None or s.date >= today)
        ]
        if not upcoming:
            return None
        nxt, on_time = upcoming[0], False
    else:
        nxt, on_time = due, True
    view = entry.views.get(nxt.key)
    if not isinstance(view, SessionPlan):
        view = plan_session(entry.stored, nxt.week, nxt.session)
        if view is None:
            return None
        entry.views[nxt.key] = view
    return view, on_time


def _check_exercises(sets: tuple[SetLog, ...]) -> set[str]:
    """Custom ids the sets use; an input error for ids neither custom nor in the catalogue."""
    lookup = _catalog_lookup()
    problems = [
        f'sets[{i}].exercise_id: not in the catalogue and not custom:<name>, got "{s.exercise_id}"'
        for i, s in enumerate(sets)
        if lookup and not s.exercise_id.startswith(CUSTOM_PREFIX) and s.exercise_id not in lookup
    ]
    if problems:
        raise InputError(problems)
    return {s.exercise_id for s in sets if s.exercise_id.startswith(CUSTOM_PREFIX)}


def add_logged_session(ctx: WebContext, user: UserAccount, log: SessionLog) -> int:
    """Store a whole session (the backup shape), as ``spinewise log session``."""
    problems = future_problems([log], ctx.now().date())
    if problems:
        raise InputError(problems)
    custom = _check_exercises(log.sets)
    with writing(ctx.engine) as db:
        advisory_lock(db, user.athlete_id)
        add_custom_exercises(
            db,
            user.athlete_id,
            (
                CustomExercise(id=c, name=c.removeprefix(CUSTOM_PREFIX), source="web")
                for c in custom
            ),
        )
        return add_session(db, user.athlete_id, log)


def delete_logged_session(ctx: WebContext, user: UserAccount, session_id: int) -> bool:
    """Delete one of the user's sessions and its sets; ``False`` if it is not theirs."""
    with writing(ctx.engine) as db:
        advisory_lock(db, user.athlete_id)
        return delete_session(db, user.athlete_id, session_id)


def start_session(
    ctx: WebContext,
    user: UserAccount,
    planned: SessionPlan,
    *,
    pain_before: int | None,
    started_at: datetime | None = None,
) -> int:
    """Start the planned session now: a stored session the sets are logged into."""
    at = (started_at or ctx.now()).replace(microsecond=0)
    with writing(ctx.engine) as db:
        advisory_lock(db, user.athlete_id)
        for _ in range(60):  # one session per second: take the next free second
            try:
                with db.begin_nested():
                    log = SessionLog(
                        started_at=at,
                        pain={"before": pain_before},
                        source="web",
                        planned=PlannedRef(
                            plan_version=planned.plan_version,
                            week=planned.week,
                            session=planned.session,
                        ),
                    )
                    return add_session(db, user.athlete_id, log)
            except InputError as err:
                if not err.problems[0].startswith("started_at"):
                    raise
                at += timedelta(seconds=1)
    raise InputError("started_at: too many sessions started in the same minute")


def user_session(ctx: WebContext, user: UserAccount, session_id: int) -> StoredSession | None:
    """One of the user's logged sessions."""
    with reading(ctx.engine) as db:
        return get_session(db, user.athlete_id, session_id)


def log_set(ctx: WebContext, user: UserAccount, session_id: int, item: SetLog) -> int | None:
    """Store (or replace) one set of the user's session; ``None`` if the session is not theirs."""
    custom = _check_exercises((item,))
    with writing(ctx.engine) as db:
        if custom:
            if not owns_session(db, user.athlete_id, session_id):
                return None
            add_custom_exercises(
                db,
                user.athlete_id,
                (
                    CustomExercise(id=c, name=c.removeprefix(CUSTOM_PREFIX), source="web")
                    for c in custom
                ),
            )
        # add_or_replace_set checks that the session is the athlete's.
        return add_or_replace_set(db, user.athlete_id, session_id, item)


def finish_session(
    ctx: WebContext,
    user: UserAccount,
    session_id: int,
    changes: Mapping[str, Any],
    notes: str | None = None,
) -> bool:
    """Record RPE, pain and duration of the user's session; ``False`` if it is not theirs.

    A finished session adapts the plan: the next sessions progress, hold or regress with their
    reasons, stored as a new plan version (as ``spinewise next --apply``).
    """
    with writing(ctx.engine) as db:
        ok = update_session(db, user.athlete_id, session_id, changes, notes)
    if ok:
        adapt_after_session(ctx, user)
    return ok


def adapt_after_session(ctx: WebContext, user: UserAccount) -> list[dict[str, Any]]:
    """Adapt the newest plan to the log and store it when anything changed; the changes."""
    found = current_profile(ctx, user)
    stored = user_plan(ctx, user)
    if found is None or stored is None:
        return []
    with reading(ctx.engine) as db:
        sessions = [s.log for s in list_sessions(db, user.athlete_id)]
    result = adapt_stored(stored.record.plan, sessions, found[0].profile, today=ctx.now().date())
    if not result.changes:
        return []
    adapted = {
        **result.plan,
        "adapted_from_ids": [*stored.record.plan.get("adapted_from_ids", []), stored.id],
    }
    with writing(ctx.engine) as db:
        advisory_lock(db, user.athlete_id)
        save_plan(db, user.athlete_id, adapted, created_at=ctx.now(), seed=stored.record.seed)
    return result.changes


def record_next_morning(ctx: WebContext, user: UserAccount, day: date, pain: int) -> int:
    """Next-morning pain on the last session of ``day`` (as ``spinewise log morning``)."""
    with writing(ctx.engine) as db:
        return set_next_morning_pain(db, user.athlete_id, day, pain)
