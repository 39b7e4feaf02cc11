"""Correcting a session the plan already adapted to re-adapts it once, never on top (issue 15).

A corrected pain or set of the newest planned session re-adapts the plan from the version
before that session's changes: the plan is what one adaptation of the corrected log gives, the
plan's change log shows one adaptation for the session (saying it corrects the first), and
nothing logged is lost. Run on SQLite and PostgreSQL, like the store tests.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from spinewise.adaptation.stored import adapt_stored
from spinewise.jobs import JobSettings, open_queue
from spinewise.logbook import SessionLog, SetLog
from spinewise.planning.plan import Plan, PlanChange
from spinewise.profile import EXAMPLE_MINIMAL, parse_profile
from spinewise.services import (
    SessionFields,
    Store,
    adapt_now,
    adapt_plan,
    correct_set,
    create_plan,
    finish_session,
    history_page,
    log_session,
    newest_plan,
    next_session,
    plan_change_log,
    save_profile,
    store_adaptation,
    user_plans,
    user_session,
)
from spinewise.services.adapt import based_on
from spinewise.store import StoredPlan, athlete_id, writing
from stored_versions import assert_every_version_validates, stored_versions
from web.web_helpers import planned_session_json

NOW = datetime(2026, 12, 9, 18, 30)
PROFILE = parse_profile(EXAMPLE_MINIMAL)


def _athlete(engine: Any, *, made: datetime = NOW) -> tuple[Store, int]:
    store = Store(engine)
    with writing(engine) as db:
        who = athlete_id(db, "readapt")
    assert who is not None
    save_profile(store, who, PROFILE, now=made)
    create_plan(store, who, now=made, weeks=4)
    return store, who


def _log(
    store: Store, who: int, at: datetime, *, during: int, morning: int | None = None
) -> tuple[int, SessionLog]:
    """Log the next planned session whole at ``at`` and adapt the plan to it (as the API does).

    ``during`` is the pain during and after, ``morning`` the next morning's [0-10].
    """
    nxt = next_session(store, who, today=at.date())
    assert nxt is not None
    data = planned_session_json(nxt.to_json(), started_at=at, during=during, after=during)
    data["pain"]["next_morning"] = morning
    log = SessionLog.model_validate(data)
    sid = log_session(store, who, log, source="web")
    adapt_now(store, who, log, now=at)
    return sid, log


def _version(store: Store, who: int, version: int) -> StoredPlan:
    return next(p for p in user_plans(store, who) if p.record.version == version)


def _expected(store: Store, who: int, base: StoredPlan) -> Plan:
    """One adaptation of ``base`` to the whole log as it is stored now."""
    sessions = [s.log for s in history_page(store, who, limit=1000)]
    return adapt_stored(base.record.plan, sessions, PROFILE, today=NOW.date()).plan


def _weeks(plan: Plan) -> Any:
    return plan.to_json()["weeks"]


def _newest_is(store: Store, who: int, version: int, base: StoredPlan) -> StoredPlan:
    """The newest version, checked to be ``version`` and one adaptation of ``base`` to the log."""
    newest = newest_plan(store, who)
    assert newest is not None
    assert newest.record.version == version
    assert _weeks(newest.record.plan) == _weeks(_expected(store, who, base))
    return newest


def _first_logged(
    engine: Any, *, during: int
) -> tuple[Store, int, int, SessionLog, StoredPlan, StoredPlan]:
    """A plan, its first session logged at 08:00 with ``during`` pain and adapted to.

    The store, the athlete, the session's id and log, the first version and the newest.
    """
    store, who = _athlete(engine)
    sid, log = _log(store, who, NOW.replace(hour=8), during=during)
    adapted = newest_plan(store, who)
    assert adapted is not None
    return store, who, sid, log, _version(store, who, 1), adapted


def _changes_of(plan: Plan, log: SessionLog) -> list[PlanChange]:
    return [c for c in plan.adaptations if c.based_on == based_on(log)]


def test_a_corrected_pain_re_adapts_from_the_version_before_not_on_top(engine: Any) -> None:
    store, who, sid, log, first, adapted = _first_logged(engine, during=7)
    assert adapted.record.version == 2
    assert _changes_of(adapted.record.plan, log)  # the painful session regressed the plan
    finished = finish_session(store, who, sid, SessionFields(pain_during=1, pain_after=1), now=NOW)
    assert finished.found
    # the plan is what one adaptation of the corrected log gives, not the second on the first
    newest = _newest_is(store, who, 3, first)
    corrected = user_session(store, who, sid)
    assert corrected is not None
    versions = {c.version for c in _changes_of(newest.record.plan, corrected.log)}
    assert len(versions) <= 1
    # nothing logged is lost: the sets are all there, the first version's sessions still count
    assert corrected.log.sets == log.sets
    assert {first.id, adapted.id} <= set(newest.record.plan.adapted_from_ids)
    # the change log shows one adaptation, the corrected one, naming the version it replaces
    change_log = plan_change_log(store, who, newest)
    assert [v.version for v in change_log] == [3, 1]
    assert change_log[0].replaces == 2
    assert change_log[-1].first


def test_correcting_twice_still_gives_one_adaptation(engine: Any, tmp_path: Path) -> None:
    store, who, sid, _log_first, first, _adapted = _first_logged(engine, during=7)
    finish_session(store, who, sid, SessionFields(pain_during=1, pain_after=1), now=NOW)
    finish_session(store, who, sid, SessionFields(pain_during=8, pain_after=8), now=NOW)
    newest = _newest_is(store, who, 4, first)
    corrected = user_session(store, who, sid)
    assert corrected is not None
    changes = _changes_of(newest.record.plan, corrected.log)
    assert changes
    assert len({c.version for c in changes}) == 1
    assert any("8/10" in r for c in changes for r in c.reasons)
    change_log = plan_change_log(store, who, newest)
    assert [v.version for v in change_log] == [4, 1]
    assert change_log[0].replaces == 3
    # every version made, the re-adaptations too, passes `spinewise plan validate`
    versions = stored_versions(store.engine, who)
    assert assert_every_version_validates(versions, EXAMPLE_MINIMAL, tmp_path) == 4


def test_a_corrected_set_re_adapts_too(engine: Any) -> None:
    store, who, sid, log, first, before = _first_logged(engine, during=1)
    # a set of an item dosed by RPE: RPE 10 is above its target, so its verdict changes
    by_rpe = {
        it.exercise_id
        for _, it in first.record.plan.weeks[0].sessions[0].items()
        if it.dose.intensity.kind == "rpe"
    }
    wrong = next(s for s in log.sets if s.exercise_id in by_rpe)
    fixed = SetLog.model_validate({**wrong.model_dump(), "rpe": 10})
    assert correct_set(store, who, sid, fixed, now=NOW) is not None
    _newest_is(store, who, before.record.version + 1, first)
    stored = user_session(store, who, sid)
    assert stored is not None
    assert len(stored.log.sets) == len(log.sets)
    assert fixed in stored.log.sets


def test_correcting_an_older_session_re_adapts_the_newest_once(engine: Any) -> None:
    """A later session adapted on top: its adaptation is made again, once, with the fix.

    The older session's next-morning pain, recorded late, is the morning before the newer
    session's: the newer session's decisions read it.
    """
    store, who = _athlete(engine, made=NOW - timedelta(days=3))
    older, _ = _log(store, who, (NOW - timedelta(days=2)).replace(hour=8), during=2)
    after_older = newest_plan(store, who)
    assert after_older is not None
    assert after_older.record.version == 2
    _newer, newer_log = _log(store, who, NOW.replace(hour=8), during=3, morning=4)
    on_top = newest_plan(store, who)
    assert on_top is not None
    assert on_top.record.version == 3
    assert _changes_of(on_top.record.plan, newer_log)
    finish_session(store, who, older, SessionFields(pain_next_morning=0), now=NOW)
    # from the version before the newer session's changes, with the corrected older session
    newest = _newest_is(store, who, 4, after_older)
    changes = _changes_of(newest.record.plan, newer_log)
    assert changes
    assert len({c.version for c in changes}) == 1
    change_log = plan_change_log(store, who, newest)
    assert [v.version for v in change_log] == [4, 2, 1]
    assert change_log[0].replaces == 3


def test_adapting_again_with_nothing_new_stores_nothing(engine: Any) -> None:
    """``spinewise next --apply`` twice: the second makes the same version, so none is stored."""
    store, who, _sid, _log, _first, adapted = _first_logged(engine, during=7)
    again = adapt_plan(store, who, today=NOW.date())
    assert again.base is not None  # from the version before the session's changes
    assert _weeks(again.result.plan) == _weeks(adapted.record.plan)
    assert store_adaptation(store, who, again, now=NOW) is None
    assert [p.record.version for p in user_plans(store, who)] == [1, 2]


def test_a_correction_adapted_in_the_background_is_made_once_too(engine: Any) -> None:
    """The web app with a job queue: the job re-adapts from the version before, likewise."""
    store, who, sid, _log, first, _adapted = _first_logged(engine, during=7)
    queue = open_queue(store, JobSettings(redis_url=None, broker_url=None, job_min_backoff_ms=10))
    try:
        changes = SessionFields(pain_during=1, pain_after=1)
        finished = finish_session(store, who, sid, changes, now=NOW, jobs=queue)
        assert finished.job_key is not None
        queue.join()
    finally:
        queue.close()
    _newest_is(store, who, 3, first)
