"""Jobs in the embedded mode (no broker) and the job key: the same work is done once."""

from __future__ import annotations

from pathlib import Path

import pytest

import spinewise.services as sv
from jobs.job_helpers import LATER, plan_count
from spinewise.jobs import JobSettings, open_queue
from stored_versions import assert_every_version_validates, stored_versions

EMBEDDED = JobSettings(redis_url=None, broker_url=None, job_min_backoff_ms=10)


def test_embedded_queue_runs_a_replan_in_process_once(
    store: sv.Store, athlete: int, db_file: Path, repo_root: Path, tmp_path: Path
) -> None:
    plan = sv.newest_plan(store, athlete)
    assert plan is not None
    queue = open_queue(store, EMBEDDED)
    try:
        first = queue.enqueue_replan(athlete, plan.id, day=LATER.date(), now=LATER)
        again = queue.enqueue_replan(athlete, plan.id, day=LATER.date(), now=LATER)
        queue.join()
    finally:
        queue.close()
    assert first.key == again.key
    state = sv.job_state(store, first.key)
    assert state is not None
    assert state.state == "done"
    assert state.attempts == 1
    assert state.result == {"plan_version": 2, "changes": 1}
    assert plan_count(db_file, athlete) == 2
    example = repo_root / "examples" / "profile.example.toml"
    versions = stored_versions(store.engine, athlete)
    assert assert_every_version_validates(versions, example, tmp_path) == 2


def test_a_job_run_again_after_it_finished_stores_nothing(
    store: sv.Store, athlete: int, db_file: Path
) -> None:
    """A message delivered twice (a worker died after the work committed) is done once."""
    plan = sv.newest_plan(store, athlete)
    assert plan is not None
    key = sv.replan_key(athlete, plan.id, LATER.date())
    sv.record_job(store, key, "replan", athlete, {"now": LATER.isoformat()}, now=LATER)
    sv.run_adaptation(store, key, athlete, now=LATER)
    sv.run_adaptation(store, key, athlete, now=LATER)
    assert plan_count(db_file, athlete) == 2


def test_a_lost_job_is_sent_again_when_the_embedded_queue_restarts(
    store: sv.Store, athlete: int, db_file: Path
) -> None:
    plan = sv.newest_plan(store, athlete)
    assert plan is not None
    key = sv.replan_key(athlete, plan.id, LATER.date())
    sv.record_job(store, key, "replan", athlete, {"now": LATER.isoformat()}, now=LATER)
    sv.job_started(store, key, now=LATER)  # the process died while the job ran
    queue = open_queue(store, EMBEDDED)
    try:
        queue.join()
    finally:
        queue.close()
    state = sv.job_state(store, key)
    assert state is not None
    assert (state.state, state.attempts) == ("done", 2)
    assert plan_count(db_file, athlete) == 2


def test_a_failing_job_is_retried_then_failed_for_good(store: sv.Store, athlete: int) -> None:
    settings = JobSettings(
        redis_url=None,
        broker_url=None,
        job_max_retries=2,
        job_min_backoff_ms=10,
        job_max_backoff_ms=20,
    )
    queue = open_queue(store, settings)
    try:
        state = queue.enqueue_export("nobody-here", "yaml", Path("/nonexistent/x"), now=LATER)
        with pytest.raises(Exception):  # noqa: B017, PT011  (the stub broker re-raises)
            queue.join()
    finally:
        queue.close()
    final = sv.job_state(store, state.key)
    assert final is not None
    assert final.state == "failed"
    assert final.error is not None
    assert "format" in final.error


def test_two_runs_of_one_job_racing_store_one_plan(
    store: sv.Store, athlete: int, db_file: Path
) -> None:
    """Both runs adapted before either stored: the second finds the job done in its transaction."""
    plan = sv.newest_plan(store, athlete)
    assert plan is not None
    key = sv.replan_key(athlete, plan.id, LATER.date())
    sv.record_job(store, key, "replan", athlete, {"now": LATER.isoformat()}, now=LATER)
    first = sv.adapt_plan(store, athlete, today=LATER.date())
    second = sv.adapt_plan(store, athlete, today=LATER.date())
    assert sv.store_adaptation(store, athlete, first, now=LATER, job_key=key) is not None
    assert sv.store_adaptation(store, athlete, second, now=LATER, job_key=key) is None
    assert plan_count(db_file, athlete) == 2
