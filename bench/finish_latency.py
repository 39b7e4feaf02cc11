"""Latency of logging and finishing a session in the web app: adapted in the request vs enqueued.

Run: ``PYTHONPATH=src python bench/finish_latency.py [--repeat 20]`` (Redis at
``SPINEWISE_REDIS_URL``, default ``redis://127.0.0.1:6379/0``; no worker runs, so the queued
jobs only wait).

Baseline measured in the same run: the same requests with no queue (the adaptation runs in the
request, as before the job queue). Each repeat is a fresh user with the minimal profile, a plan
and one planned session logged two weeks after the plan was made (missed sessions: the
adaptation re-plans with CP-SAT, and regresses the next sessions after pain 7/10; the in-request
run asserts that a version with a re-plan was stored). Two calls are timed:
``POST /api/v1/logs/sessions`` (the whole session logged; it adapts the plan) and then
``PATCH /api/v1/logs/sessions/{id}`` (session RPE and pain recorded; it adapts again). For
each: median (p50) and p95 [ms], and the ratio of the in-request figure to the queued one.
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
#: The minimal profile with calendar dates from Monday 2026-11-30: by ``LATER`` the sessions of
#: weeks 1 and 2 are missed, and week 3's first (2026-12-14) is the one logged.
PROFILE = {
    **EXAMPLE_MINIMAL,
    "schedule": {**EXAMPLE_MINIMAL["schedule"], "start_date": "2026-11-30"},
}
#: Cheap password hashing; sessions outlive the two weeks the clock jumps between plan and log;
#: no sign-up limit (every user of the run signs up from the same address).
FAST = WebSettings(
    argon2_memory_kib=64,
    argon2_time_cost=1,
    argon2_parallelism=1,
    session_days=30,
    idle_minutes=60 * 24 * 30,
    signup_max_per_address=100_000,
)


def one(client: TestClient, i: int) -> tuple[float, float]:
    """One fresh user: ``(POST seconds, PATCH seconds)``."""
    email = f"u{i}-{uuid.uuid4().hex[:6]}@example.org"
    pw = "correct horse battery"
    signed = client.post("/api/v1/auth/signup", json={"email": email, "password": pw})
    assert signed.status_code == 201, signed.text
    token = client.post("/api/v1/auth/login", json={"email": email, "password": pw}).json()
    client.headers["X-CSRF-Token"] = token["csrf_token"]
    client.put("/api/v1/profile", json=PROFILE)
    CLOCK[0] = MADE
    client.post("/api/v1/plans", json={"weeks": 4})
    CLOCK[0] = LATER
    session: dict[str, Any] = {
        "started_at": "2026-12-14T17:00:00",
        "session_rpe": 7,
        "pain": {"before": 2, "during": 7, "after": 6},
        "planned": {"plan_version": 1, "week": 3, "session": 1},
        "sets": [],
    }
    t0 = time.perf_counter()
    logged = client.post("/api/v1/logs/sessions", json=session)
    post_s = time.perf_counter() - t0
    assert logged.status_code == 201, logged.text
    sid = logged.json()["id"]
    t0 = time.perf_counter()
    r = client.patch(
        f"/api/v1/logs/sessions/{sid}", json={"session_rpe": 9, "pain_during": 8, "pain_after": 8}
    )
    patch_s = time.perf_counter() - t0
    assert r.status_code == 200, r.text
    adaptation = logged.json()["adaptation"]
    if adaptation["status"] == "done":  # in the request: the re-plan was made and stored
        assert "replan" in {c["decision"] for c in adaptation["changes"]}, adaptation
    client.post("/api/v1/auth/logout")
    return post_s, patch_s


def run(db: Path, queue_url: str | None, repeat: int) -> list[tuple[float, float]]:
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


def percentiles_ms(times_s: list[float]) -> tuple[float, float]:
    """``(p50, p95)`` of ``times_s`` [ms] (p95: the nearest rank)."""
    ms = sorted(x * 1000 for x in times_s)
    return statistics.median(ms), ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    url = os.environ.get("SPINEWISE_REDIS_URL", "redis://127.0.0.1:6379/0")
    figures: dict[tuple[str, str], tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode, queue_url in (("in-request", None), ("queued", url)):
            t = run(Path(tmp) / f"{uuid.uuid4().hex}.db", queue_url, args.repeat)
            figures["POST", mode] = percentiles_ms([post for post, _ in t])
            figures["PATCH", mode] = percentiles_ms([patch for _, patch in t])
    print(f"{args.repeat} users each; in-request: adapted in the request (baseline); queued: Redis")
    print(f"{'call':6} {'mode':11} {'p50 [ms]':>9} {'p95 [ms]':>9}")
    for (call, mode), (p50, p95) in figures.items():
        print(f"{call:6} {mode:11} {p50:9.1f} {p95:9.1f}")
    for call in ("POST", "PATCH"):
        (slow50, slow95), (fast50, fast95) = figures[call, "in-request"], figures[call, "queued"]
        ratio50, ratio95 = slow50 / fast50, slow95 / fast95
        print(f"{call:6} in-request / queued: p50 {ratio50:5.1f}x  p95 {ratio95:5.1f}x")


if __name__ == "__main__":
    main()
