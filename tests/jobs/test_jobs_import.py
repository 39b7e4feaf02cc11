"""A large import over the API as a background job: 202 at once, then the job imports the file
(all or nothing), says what it added, and removes its copy of the upload."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import spinewise.services as sv
from jobs.job_helpers import job_settings, worker_env
from spinewise.jobs import JobQueue
from spinewise.settings import Settings
from spinewise.web import WebSettings, create_app
from web.web_helpers import FAST_WEB, NOW, signup_login

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    "2026-11-05 17:32:10,Back day,1h 5m,Bird Dog,1,0,8,0,0,,,\n"
    "2026-11-05 17:32:10,Back day,1h 5m,Romanian Deadlift (Barbell),1,80,8,0,0,,,8\n"
    "2026-11-07 09:00:00,Core,30m,Side Plank,1,0,0,0,45,,,\n"
)


def _wait(client: TestClient, state: str = "done") -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while True:
        [job] = client.get("/api/v1/jobs").json()
        if job["state"] == state or time.monotonic() > deadline:
            return dict(job)
        time.sleep(0.1)


def _queued_app(
    store: sv.Store, db_file: Path, queue_name: str, tmp_path: Path
) -> tuple[JobQueue, Any, Path]:
    """A job queue, the web app that enqueues on it, and the folder uploads are kept in."""
    queue = JobQueue(store, job_settings(worker_env(db_file, {}, queue_name)))
    uploads = tmp_path / "uploads"
    web = WebSettings(**{**FAST_WEB.model_dump(), "upload_dir": uploads})
    app: Any = create_app(Settings(), engine=store.engine, web=web, now=lambda: NOW, jobs=queue)
    return queue, app, uploads


def test_a_background_import_is_a_job_that_runs_once(
    store: sv.Store, db_file: Path, queue_name: str, tmp_path: Path
) -> None:
    queue, app, uploads = _queued_app(store, db_file, queue_name, tmp_path)
    files = {"file": ("history.csv", STRONG.encode(), "text/csv")}
    try:
        with TestClient(app) as client:
            signup_login(client, "big@example.org")
            r = client.post(
                "/api/v1/import", files=files, data={"format": "strong", "background": "true"}
            )
            assert r.status_code == 202, r.text
            assert r.json()["state"] == "queued"
            assert r.json()["message"] == "Your history is being imported."
            assert client.get("/api/v1/logs/sessions").json() == []  # not in the request
            [kept] = list((uploads / "jobs").iterdir())
            # the same file again is the same job, and its second copy is not kept
            again = client.post(
                "/api/v1/import", files=files, data={"format": "strong", "background": "true"}
            )
            assert again.status_code == 202
            assert list((uploads / "jobs").iterdir()) == [kept]
            queue.start_worker()
            job = _wait(client)
            assert job["state"] == "done", job
            assert job["message"] == "Done: 2 sessions added to your log."
            assert len(client.get("/api/v1/logs/sessions").json()) == 2
            assert not kept.exists(), "the job removes its copy of the upload"
            dry = client.post(
                "/api/v1/import",
                files=files,
                data={"format": "strong", "background": "true", "dry_run": "true"},
            )
            assert dry.status_code == 422
            assert "background" in dry.text
    finally:
        queue.close()


def test_without_a_queue_a_background_import_is_refused_in_words(store: sv.Store) -> None:
    app: Any = create_app(Settings(), engine=store.engine, web=FAST_WEB, now=lambda: NOW)
    with TestClient(app) as client:
        signup_login(client, "noqueue@example.org")
        r = client.post(
            "/api/v1/import",
            files={"file": ("history.csv", STRONG.encode(), "text/csv")},
            data={"format": "strong", "background": "true"},
        )
    assert r.status_code == 422
    assert "background: this server runs imports in the request" in r.text


def test_a_background_import_of_a_bad_file_names_the_file_that_was_sent(
    store: sv.Store, db_file: Path, queue_name: str, tmp_path: Path
) -> None:
    """The job reads a stored copy under a generated name; its problems name the person's file."""
    queue, app, uploads = _queued_app(store, db_file, queue_name, tmp_path)
    bad = STRONG.replace("Bird Dog,1,0,8", "Bird Dog,1,0,eight")
    files = {"file": ("my history.csv", bad.encode(), "text/csv")}
    try:
        with TestClient(app) as client:
            signup_login(client, "bad@example.org")
            r = client.post(
                "/api/v1/import", files=files, data={"format": "strong", "background": "true"}
            )
            assert r.status_code == 202, r.text
            [kept] = list((uploads / "jobs").iterdir())
            queue.start_worker()
            job = _wait(client, "failed")
            assert job["state"] == "failed", job
            assert "my history.csv" in job["message"], job
            assert kept.name not in job["message"], job
            assert "import-" not in job["message"], job
            assert job["message"].startswith("This file could not be imported: "), job
            assert "eight" in job["message"], job
            assert client.get("/api/v1/logs/sessions").json() == []
    finally:
        queue.close()
