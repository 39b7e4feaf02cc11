"""Latency of finishing a session in the web app: adapted in the request vs enqueued to Redis.

Run: ``PYTHONPATH=src python bench/finish_latency.py [--repeat 20]`` (Redis at
``SPINEWISE_REDIS_URL``, default ``redis://127.0.0.1:6379/0``; no worker runs, so the queued
jobs only wait).

Baseline measured in the same run: the same request with no queue (the adaptation runs in the
request, as before the job queue). Each repeat is a fresh user with the minimal profile, a plan
and one planned session logged two weeks after the plan was made (missed sessions: the
adaptation re-plans with CP-SAT); the timed call is ``PATCH /api/v1/logs/sessions/{id}``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import spinewise.services as sv
from spinewise.jobs import JobQueue, JobSettings
from spinewise.profile import EXAMPLE_MINIMAL
from spinewise.settings import Settings
from spinewise.store import create_engine_from_url, ensure_current
from spinewise.web import WebSettings, create_app

MADE = datetime(2026, 12, 1, 9, 0)
#: Two weeks after the plan was made: sessions were missed, so the adaptation re-plans (CP-SAT).
LATER = datetime(2026, 12, 15, 18, 30)
CLOCK = [MADE]
FAST = WebSettings(argon2_memory_kib=64, argon2_time_cost=1, argon2_parallelism=1, session_days=30)


def one(client: TestClient, i: int) -> float:
    email = f"u{i}-{uuid.uuid4().hex[:6]}@example.org"
    pw = "correct horse battery"
    client.post("/api/v1/auth/signup", json={"email": email, "password": pw})
    token = client.post("/api/v1/auth/login", json={"email": email, "password": pw}).json()
    client.headers["X-CSRF-Token"] = token["csrf_token"]
    client.put("/api/v1/profile", json=EXAMPLE_MINIMAL)
    CLOCK[0] = MADE
    client.post("/api/v1/plans", json={"weeks": 4})
    CLOCK[0] = LATER
    session: dict[str, Any] = {
        "started_at": "2026-12-15T17:00:00",
        "planned": {"plan_version": 1, "week": 3, "session": 1},
        "sets": [],
    }
    logged = client.post("/api/v1/logs/sessions", json=session)
    assert logged.status_code == 201, logged.text
    sid = logged.json()["id"]
    t0 = time.perf_counter()
    r = client.patch(
        f"/api/v1/logs/sessions/{sid}", json={"session_rpe": 9, "pain_during": 8, "pain_after": 8}
    )
    elapsed = time.perf_counter() - t0
    assert r.status_code == 200, r.text
    client.post("/api/v1/auth/logout")
    return elapsed


def run(db: Path, queue_url: str | None, repeat: int) -> list[float]:
    engine = create_engine_from_url(f"sqlite:///{db}")
    ensure_current(engine)
    queue = None
    if queue_url:
        settings = JobSettings(redis_url=queue_url, job_queue=f"bench-{uuid.uuid4().hex[:8]}")
        queue = JobQueue(sv.Store(engine), settings)
    app: Any = create_app(Settings(), engine=engine, web=FAST, now=lambda: CLOCK[0], jobs=queue)
    with TestClient(app) as client:
        times = [one(client, i) for i in range(repeat)]
    if queue is not None:
        queue.close()
    engine.dispose()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    url = os.environ.get("SPINEWISE_REDIS_URL", "redis://127.0.0.1:6379/0")
    with tempfile.TemporaryDirectory() as tmp:
        for label, queue_url in (
            ("adapted in the request (baseline)", None),
            ("enqueued to Redis", url),
        ):
            t = run(Path(tmp) / f"{uuid.uuid4().hex}.db", queue_url, args.repeat)
            ms = sorted(x * 1000 for x in t)
            p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
            print(
                f"{label:34s} median {statistics.median(ms):7.1f} ms  "
                f"p95 {p95:7.1f} ms  max {ms[-1]:7.1f} ms"
            )


if __name__ == "__main__":
    main()
