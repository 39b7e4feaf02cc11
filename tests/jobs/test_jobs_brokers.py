"""Jobs through the real Redis and RabbitMQ, in ``spinewise worker`` processes.

The worker is killed (SIGKILL) while its job runs: the broker delivers the job again (RabbitMQ
when the connection drops; Redis when another worker finds the dead worker's heartbeat stale),
the job runs a second time, and exactly one new plan version is stored.
"""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

import spinewise.services as sv
from jobs.job_helpers import LATER, job_settings, plan_count, start_worker, worker_env
from spinewise.jobs import JobQueue
from stored_versions import assert_every_version_validates, stored_versions


def _broker(kind: str, request: pytest.FixtureRequest) -> dict[str, str]:
    if kind == "redis":
        return {"SPINEWISE_REDIS_URL": request.getfixturevalue("redis_url")}
    return {"SPINEWISE_BROKER_URL": request.getfixturevalue("rabbit_url")}


def _wait_state(store: sv.Store, key: str, want: str, timeout_s: float) -> sv.JobState:
    deadline = time.monotonic() + timeout_s
    while True:
        state = sv.job_state(store, key)
        assert state is not None
        if state.state == want or time.monotonic() > deadline:
            return state
        time.sleep(0.05)


def _lock_while_running(db_file: Path, key: str, timeout_s: float) -> sqlite3.Connection:
    """Take the database's write lock the moment the job is running, so that it cannot finish."""
    deadline = time.monotonic() + timeout_s
    conn = sqlite3.connect(db_file, timeout=30, isolation_level=None)
    while time.monotonic() < deadline:
        conn.execute("BEGIN IMMEDIATE")
        (state,) = conn.execute("SELECT state FROM jobs WHERE key = ?", (key,)).fetchone()
        if state == "running":
            return conn
        conn.execute("ROLLBACK")
        assert state == "queued", f"the job finished before it could be stopped ({state})"
        time.sleep(0.005)
    raise AssertionError("the worker never started the job")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["redis", "rabbitmq"])
def test_a_worker_killed_mid_job_runs_it_again_once(
    kind: str,
    request: pytest.FixtureRequest,
    store: sv.Store,
    athlete: int,
    db_file: Path,
    queue_name: str,
    repo_root: Path,
    tmp_path: Path,
) -> None:
    env = worker_env(db_file, _broker(kind, request), queue_name)
    queue = JobQueue(store, job_settings(env))
    plan = sv.newest_plan(store, athlete)
    assert plan is not None
    try:
        state = queue.enqueue_replan(athlete, plan.id, day=LATER.date(), now=LATER)
        worker = start_worker(env)
        try:
            lock = _lock_while_running(db_file, state.key, timeout_s=60)
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
            lock.execute("ROLLBACK")
            lock.close()
        finally:
            if worker.poll() is None:
                worker.kill()
        assert plan_count(db_file, athlete) == 1  # the killed run stored nothing
        again = start_worker(env)
        try:
            done = _wait_state(store, state.key, "done", timeout_s=60)
            # Enqueued once more (a double click): the same key, nothing sent, nothing stored.
            queue.enqueue_replan(athlete, plan.id, day=LATER.date(), now=LATER)
            time.sleep(1.0)
        finally:
            again.terminate()
            again.wait(20)
    finally:
        queue.close()
    assert done.state == "done"
    assert done.attempts == 2
    assert done.result == {"plan_version": 2, "changes": 1}
    assert plan_count(db_file, athlete) == 2
    example = repo_root / "examples" / "profile.example.toml"
    versions = stored_versions(store.engine, athlete)
    assert assert_every_version_validates(versions, example, tmp_path) == 2
