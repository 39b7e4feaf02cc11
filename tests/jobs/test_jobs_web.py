"""The web app with a job queue: finishing a session enqueues its adaptation and answers at once;
the plan update appears when a worker has run it, and the jobs API says so."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import spinewise.services as sv
from jobs.job_helpers import job_settings, worker_env
from spinewise.jobs import JobQueue
from spinewise.settings import Settings
from spinewise.web import create_app
from web.web_helpers import EXERCISE, FAST_WEB, NOW, a_session, signup_login, with_plan


@pytest.mark.parametrize("kind", ["redis", "embedded"])
def test_finishing_a_session_enqueues_its_adaptation(
    kind: str,
    request: pytest.FixtureRequest,
    store: sv.Store,
    db_file: Path,
    queue_name: str,
) -> None:
    broker = (
        {"SPINEWISE_REDIS_URL": request.getfixturevalue("redis_url")} if kind == "redis" else {}
    )
    queue = JobQueue(store, job_settings(worker_env(db_file, broker, queue_name)))
    app: Any = create_app(
        Settings(), engine=store.engine, web=FAST_WEB, now=lambda: NOW, jobs=queue
    )
    try:
        with TestClient(app) as client:
            signup_login(client, f"{kind}@example.org")
            with_plan(client)
            # a live session (a whole session logged through the API adapts in the request)
            started = client.post("/api/v1/logs/today/start", json={"pain_before": 2})
            assert started.status_code == 201, started.text
            sid = started.json()["id"]
            one = {**a_session()["sets"][0], "exercise_id": EXERCISE}
            assert client.post(f"/api/v1/logs/sessions/{sid}/sets", json=one).status_code == 201
            r = client.patch(
                f"/api/v1/logs/sessions/{sid}",
                json={"session_rpe": 9, "pain_during": 8, "pain_after": 8},
            )
            assert r.status_code == 200, r.text
            [job] = client.get("/api/v1/jobs").json()
            assert job["state"] == "queued"
            assert job["message"] == "Your plan is being updated."
            assert len(client.get("/api/v1/plans").json()) == 1  # not adapted in the request
            assert "Your plan is being updated" in client.get(f"/sessions/{sid}").text
            queue.start_worker()
            deadline = time.monotonic() + 60
            while job["state"] != "done" and time.monotonic() < deadline:
                time.sleep(0.1)
                [job] = client.get("/api/v1/jobs").json()
            assert job["state"] == "done", job
            assert job["plan_version"] == 2
            assert len(client.get("/api/v1/plans").json()) == 2
            assert "plan version 2</a> is ready" in client.get(f"/sessions/{sid}").text
    finally:
        queue.close()
