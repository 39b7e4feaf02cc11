"""Logging a whole session with a job queue (issue 17): ``POST /api/v1/logs/sessions`` answers
with the session and the job at once, a ``spinewise worker`` process on the real Redis stores the
new plan version, and the same job delivered again stores nothing more.

The changes the worker's adaptation made are those the in-request adaptation names (the
embedded default without a queue, as before), read back from ``adaptation.job.url``.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import spinewise.services as sv
from jobs.job_helpers import job_settings, plan_count, start_worker, worker_env
from spinewise.jobs import JobQueue
from spinewise.settings import Settings
from spinewise.store import create_engine_from_url, ensure_current
from spinewise.web import create_app
from web.web_helpers import FAST_WEB, NOW, planned_session, signup_login, with_plan

EMAIL = "queued-log@example.org"


def _athlete(db_file: Path) -> int:
    with sqlite3.connect(db_file) as conn:
        query = "SELECT athlete_id FROM users WHERE email = ?"
        (athlete,) = conn.execute(query, (EMAIL,)).fetchone()
    return int(athlete)


def _poll(client: TestClient, url: str, timeout_s: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        r = client.get(url)
        assert r.status_code == 200, r.text
        out: dict[str, Any] = r.json()
        if out["status"] in ("done", "failed") or time.monotonic() > deadline:
            return out
        time.sleep(0.1)


def _log_painful(client: TestClient) -> tuple[dict[str, Any], dict[str, Any]]:
    """Sign up, plan, log the next planned session with pain 7/10; the body sent, the answer."""
    signup_login(client, EMAIL)
    with_plan(client)
    body = planned_session(client, during=7, after=6)
    r = client.post("/api/v1/logs/sessions", json=body)
    assert r.status_code == 201, r.text
    return body, dict(r.json())


def _in_request_changes(tmp_path: Path) -> list[dict[str, Any]]:
    """The changes the same session gets when the adaptation runs in the request."""
    engine = create_engine_from_url(f"sqlite:///{tmp_path / 'in-request.db'}")
    ensure_current(engine)
    app: Any = create_app(Settings(), engine=engine, web=FAST_WEB, now=lambda: NOW)
    try:
        with TestClient(app) as client:
            adaptation = _log_painful(client)[1]["adaptation"]
            assert adaptation["status"] == "done"
            assert adaptation["job"] is None
            assert adaptation["plan_version"] == 2
            return list(adaptation["changes"])
    finally:
        engine.dispose()


def test_a_logged_session_is_adapted_by_a_worker_once(
    redis_url: str, store: sv.Store, db_file: Path, queue_name: str, tmp_path: Path
) -> None:
    env = worker_env(db_file, {"SPINEWISE_REDIS_URL": redis_url}, queue_name)
    queue = JobQueue(store, job_settings(env))
    app: Any = create_app(
        Settings(), engine=store.engine, web=FAST_WEB, now=lambda: NOW, jobs=queue
    )
    try:
        with TestClient(app) as client:
            body, logged = _log_painful(client)
            assert logged["id"]
            assert len(logged["sets"]) == len(body["sets"])
            adaptation = logged["adaptation"]
            assert adaptation["status"] == "queued"
            assert adaptation["changes"] == []
            assert adaptation["plan_version"] is None
            job = adaptation["job"]
            assert job["state"] == "queued"
            assert job["message"] == "Your plan is being updated."
            assert job["url"] == f"/api/v1/logs/sessions/{logged['id']}/adaptation"
            assert len(client.get("/api/v1/plans").json()) == 1  # not adapted in the request
            assert _poll(client, job["url"], 0)["status"] == "queued"

            # The same job delivered twice more (a retry, a redelivery) before a worker runs.
            athlete = _athlete(db_file)
            [state] = sv.athlete_jobs(store, athlete)
            queue.actor.send(state.key)
            queue.actor.send(state.key)
            worker = start_worker(env, threads=2)
            try:
                done = _poll(client, job["url"], 90)
                time.sleep(1.0)  # the duplicate deliveries run (and store nothing)
            finally:
                worker.terminate()
                worker.wait(20)
            assert done["status"] == "done", done
            assert done["plan_version"] == 2
            assert done["job"]["state"] == "done"
            assert done["job"]["message"] == "Done: plan version 2 is ready."
            assert [p["version"] for p in client.get("/api/v1/plans").json()] == [1, 2]
            # 404 for another user's session
            other = TestClient(app)
            signup_login(other, "someone-else@example.org")
            assert other.get(job["url"]).status_code == 404
    finally:
        queue.close()
    assert plan_count(db_file, athlete) == 2
    [final] = sv.athlete_jobs(store, athlete)
    assert final.state == "done"
    assert final.result is not None
    assert final.result.get("plan_version") == 2
    assert done["changes"], "the painful session regresses the next sessions"
    assert done["changes"] == _in_request_changes(tmp_path)


def test_the_embedded_queue_adapts_a_logged_session_in_the_web_process(
    store: sv.Store, db_file: Path, queue_name: str
) -> None:
    """Without Redis or RabbitMQ (``spinewise serve`` as installed) a thread runs the job."""
    queue = JobQueue(store, job_settings(worker_env(db_file, {}, queue_name)))
    assert queue.settings.embedded
    app: Any = create_app(
        Settings(), engine=store.engine, web=FAST_WEB, now=lambda: NOW, jobs=queue
    )
    try:
        with TestClient(app) as client:
            _, logged = _log_painful(client)
            url = logged["adaptation"]["job"]["url"]
            assert logged["adaptation"]["status"] == "queued"
            queue.start_worker()
            queue.join()
            done = _poll(client, url, 60)
    finally:
        queue.close()
    assert done["status"] == "done"
    assert done["plan_version"] == 2
    assert {c["decision"] for c in done["changes"]} == {"regress"}
