"""The session a person does: the next one, start (or resume), log sets, finish, discard.

Which session is next is decided by :mod:`spinewise.services.schedule`; this module reads what it
needs (the newest plan, its lineage and a summary of the log) and turns the answer into views.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypedDict

from spinewise.errors import InputError
from spinewise.logbook import PlannedRef, PlannedSession, Readiness, SessionLog, SetLog
from spinewise.logbook.summary import LIVE_SOURCE, SessionSummary, is_finished
from spinewise.services.handle import Store
from spinewise.services.log import check_exercises, custom_exercises
from spinewise.services.plancache import PlanEntry
from spinewise.services.plans import entry_in, user_plans
from spinewise.services.schedule import Schedule, plan_schedule
from spinewise.services.views import SessionPlan, plan_session
from spinewise.store import (
    StoredSession,
    add_custom_exercises,
    add_session,
    get_session,
    reading,
    writing,
)
from spinewise.store.checkins import get_checkin
from spinewise.store.engine import advisory_lock
from spinewise.store.live import SessionFields, add_or_replace_set, update_session
from spinewise.store.summaries import delete_session, session_summaries

__all__ = [
    "NextItemJson",
    "NextSession",
    "NextSessionJson",
    "SessionFields",
    "discard_session",
    "log_set",
    "next_session",
    "planned_view",
    "schedule",
    "start_session",
    "user_session",
]


class NextItemJson(TypedDict):
    """One exercise of :class:`NextSessionJson`: ``sets``, or per side ``sets_left/right``."""

    exercise_id: str
    name: str
    block: str
    sets: int | None
    sets_left: int | None
    sets_right: int | None
    reps: int | None
    hold_s: float | None
    distance_m: float | None
    tempo: str | None
    rest_s: int


class NextSessionJson(TypedDict):
    """The JSON of ``GET /api/v1/sessions/next`` and ``spinewise log next --format json``."""

    plan_id: int
    plan_version: int
    week: int
    session: int
    date: str
    due_today: bool
    in_progress_session_id: int | None
    held_back: str | None
    estimated_minutes: float | None
    items: list[NextItemJson]


@dataclass(frozen=True)
class NextSession:
    """The next planned session and when.

    Attributes
    ----------
    session
        The planned session with names, cues and per-side sets; its ``planned_date`` is
        :attr:`date`.
    date
        The day it is planned for: today or later, never a day with another planned session.
    due_today
        Whether that day is today.
    open_session_id
        The session started today and not finished, to resume (``None`` when there is none).
    held_back
        Why it is not today although it would be (pain above 5/10 today, or a planned session
        already done today), in plain words.
    missed
        ``(week, session)`` of dated sessions before today that were not done.
    planned
        The same session as the logbook reads it (what the terminal walk-through guides).
    """

    session: SessionPlan
    date: date
    due_today: bool
    open_session_id: int | None
    held_back: str | None
    missed: tuple[tuple[int, int], ...]
    planned: PlannedSession

    def to_json(self) -> NextSessionJson:
        """The next session as ``GET /api/v1/sessions/next`` and ``spinewise log next`` give it.

        Each item has ``sets_left`` and ``sets_right`` for per-side work (the weaker side's
        extra sets included) and ``sets`` otherwise.
        """
        sess = self.session
        items = [
            NextItemJson(
                exercise_id=it.exercise_id,
                name=it.name,
                block=it.block,
                sets=None if it.per_side else it.sets,
                sets_left=it.sets_left if it.per_side else None,
                sets_right=it.sets_right if it.per_side else None,
                reps=it.reps,
                hold_s=it.hold_s,
                distance_m=it.distance_m,
                tempo=it.tempo,
                rest_s=it.rest_s,
            )
            for it in sess.items
        ]
        return NextSessionJson(
            plan_id=sess.plan_id,
            plan_version=sess.plan_version,
            week=sess.week,
            session=sess.session,
            date=self.date.isoformat(),
            due_today=self.due_today,
            in_progress_session_id=self.open_session_id,
            held_back=self.held_back,
            estimated_minutes=sess.estimated_minutes,
            items=items,
        )


def _schedule(
    store: Store, athlete: int, today: date
) -> tuple[PlanEntry, Schedule, list[SessionSummary]] | None:
    with reading(store.engine) as db:  # one read: the plan's key and the log's summary
        entry = entry_in(db, store, athlete)
        if entry is None:
            return None
        logs = session_summaries(
            db, athlete, entry.lineage_ids, since=datetime.combine(today, time())
        )
        morning = get_checkin(db, athlete, today)
    found = plan_schedule(
        entry.sessions_on(today),
        logs,
        versions=entry.versions,
        today=today,
        morning_pain_0_10=None if morning is None else morning.pain_0_10,
    )
    return entry, found, logs


def schedule(store: Store, athlete: int, *, today: date) -> Schedule | None:
    """The schedule of the newest plan on ``today`` (``None`` without a plan)."""
    found = _schedule(store, athlete, today)
    return None if found is None else found[1]


def next_session(store: Store, athlete: int, *, today: date) -> NextSession | None:
    """The next planned session (``None`` without a plan or when every session is done)."""
    found = _schedule(store, athlete, today)
    if found is None:
        return None
    entry, sched, logs = found
    nxt = sched.next
    if nxt is None or nxt.date is None:
        return None
    view = entry.views.get((nxt.key, nxt.date))
    if not isinstance(view, SessionPlan):
        view = plan_session(entry.stored, nxt.planned.week, nxt.planned.session, nxt.date)
        if view is None:
            return None
        entry.views[(nxt.key, nxt.date)] = view
    open_id = next(
        (log.session_id for log in logs if log.started_at == sched.open_started_at), None
    )
    return NextSession(
        session=view,
        date=nxt.date,
        due_today=sched.due_today,
        open_session_id=open_id,
        held_back=sched.held_back,
        missed=sched.missed,
        planned=nxt.planned,
    )


def start_session(
    store: Store,
    athlete: int,
    *,
    now: datetime,
    pain_before: int | None,
    source: str = LIVE_SOURCE,
) -> int | None:
    """Start the next planned session now, or resume the one already open today; its id.

    ``None`` when there is no plan or nothing is left in it. A session not due today may be
    started early, unless a planned session was already done today or today's pain was above
    5/10 (then an input error says why).
    """
    nxt = next_session(store, athlete, today=now.date())
    if nxt is None:
        return None
    if nxt.open_session_id is not None:
        return nxt.open_session_id
    if nxt.held_back is not None:
        raise InputError(
            f"session: {nxt.held_back} Your next session is planned for "
            f"{nxt.date.strftime('%A %d %B')}."
        )
    planned = nxt.session
    at = now.replace(microsecond=0)
    with writing(store.engine) as db:
        advisory_lock(db, athlete)
        # this morning's check-in is the session's readiness (decision 0271)
        morning = get_checkin(db, athlete, at.date())
        for _ in range(60):  # one session per second: take the next free second
            try:
                with db.begin_nested():
                    log = SessionLog(
                        started_at=at,
                        pain={"before": pain_before},
                        readiness=Readiness() if morning is None else morning.readiness,
                        source=source,
                        planned=PlannedRef(
                            plan_version=planned.plan_version,
                            week=planned.week,
                            session=planned.session,
                        ),
                    )
                    return add_session(db, athlete, log)
            except InputError as err:
                if not err.problems[0].startswith("started_at"):
                    raise
                at += timedelta(seconds=1)
    raise InputError("started_at: too many sessions started in the same minute")


def user_session(store: Store, athlete: int, session_id: int) -> StoredSession | None:
    """One of the athlete's logged sessions."""
    with reading(store.engine) as db:
        return get_session(db, athlete, session_id)


def planned_view(store: Store, athlete: int, session_id: int) -> SessionPlan | None:
    """The planned session a logged session fulfils, from the plan version it names."""
    stored = user_session(store, athlete, session_id)
    if stored is None or stored.log.planned is None:
        return None
    ref = stored.log.planned
    plan = next(
        (p for p in user_plans(store, athlete) if p.record.version == ref.plan_version), None
    )
    return None if plan is None else plan_session(plan, ref.week, ref.session)


def log_set(
    store: Store, athlete: int, session_id: int, item: SetLog, client_id: str | None = None
) -> int | None:
    """Store (or replace) one set of the athlete's session; ``None`` if it is not theirs.

    ``client_id`` is the id the browser gave the set when it was logged (see
    :func:`spinewise.store.live.add_or_replace_set`): sending the same set again, as a phone
    does with the sets it kept while offline, stores it once.
    """
    custom = check_exercises((item,))
    with writing(store.engine) as db:
        # One writer at a time per athlete: two replays of one set cannot both insert it.
        advisory_lock(db, athlete)
        # add_or_replace_set checks that the session is the athlete's.
        set_id = add_or_replace_set(db, athlete, session_id, item, client_id)
        if set_id is not None and custom:
            add_custom_exercises(db, athlete, custom_exercises(custom, source="web"))
        return set_id


def update_session_fields(
    store: Store,
    athlete: int,
    session_id: int,
    changes: SessionFields,
    notes: str | None = None,
) -> bool:
    """Record duration, RPE or pain of the athlete's session; ``False`` if it is not theirs."""
    with writing(store.engine) as db:
        return update_session(db, athlete, session_id, changes, notes)


def discard_session(store: Store, athlete: int, session_id: int) -> bool:
    """Throw away a started, unfinished session and its sets; ``False`` if it is not theirs.

    A finished session is part of the log and is not discarded (an input error says so).
    """
    with writing(store.engine) as db:
        stored = get_session(db, athlete, session_id)
        if stored is None:
            return False
        log = stored.log
        if is_finished(
            log.source, log.duration_min, log.session_rpe, log.pain.during, log.pain.after
        ):
            raise InputError(
                "session: a finished session is kept in the log; it cannot be discarded"
            )
        return delete_session(db, athlete, session_id)
