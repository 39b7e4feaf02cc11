"""Helpers of the job tests: the real brokers (found, else started), a seeded store, workers.

A test that needs a broker fails (never skips) when none is reachable and none can be started.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import spinewise.services as sv

MADE = datetime(2026, 12, 1, 9, 0)
#: Two weeks after the plan was made, with nothing logged: sessions are missed, a re-plan is due.
LATER = datetime(2026, 12, 15, 9, 0)


def seed(store: sv.Store, example_plan: tuple[Any, dict[str, Any]], name: str) -> int:
    profile, plan = example_plan
    athlete = sv.athlete_named(store, name)
    assert athlete is not None
    sv.save_profile(store, athlete, profile, now=MADE)
    sv.store_plan(store, athlete, plan, now=MADE)
    return athlete


def plan_count(db_file: Path, athlete: int) -> int:
    with sqlite3.connect(db_file) as conn:
        (n,) = conn.execute(
            "SELECT count(*) FROM plans WHERE athlete_id = ?", (athlete,)
        ).fetchone()
    return int(n)


def worker_env(db_file: Path, broker: dict[str, str], queue: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
    env.update(broker)
    env.update(
        SPINEWISE_DATABASE_URL=f"sqlite:///{db_file}",
        SPINEWISE_JOB_QUEUE=queue,
        SPINEWISE_JOB_MIN_BACKOFF_MS="100",
        SPINEWISE_JOB_MAX_BACKOFF_MS="1000",
        SPINEWISE_REDIS_HEARTBEAT_TIMEOUT_MS="2000",
        SPINEWISE_REDIS_MAINTENANCE_CHANCE="1000000",
    )
    return env


def job_settings(env: dict[str, str]) -> Any:
    """The queue settings a worker started with ``env`` reads."""
    from spinewise.jobs import JobSettings

    names = {k.removeprefix("SPINEWISE_").lower(): v for k, v in env.items()}
    return JobSettings(**{k: v for k, v in names.items() if k in JobSettings.model_fields})


def start_worker(
    env: dict[str, str], processes: int = 1, threads: int = 1
) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("spinewise")
    return subprocess.Popen(
        [str(exe), "worker", "--processes", str(processes), "--threads", str(threads)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


REDIS_PORT = 6379
RABBIT_PORT = 5672


def reachable(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


def _wait_for(port: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if reachable(port):
            return True
        time.sleep(0.2)
    return False


@contextmanager
def redis_server() -> Iterator[str]:
    """The URL of a running Redis (the machine's, or one started for the tests)."""
    if reachable(REDIS_PORT):
        yield f"redis://127.0.0.1:{REDIS_PORT}/0"
        return
    exe = shutil.which("redis-server")
    if exe is None:
        raise RuntimeError("Redis is not running on 127.0.0.1:6379 and redis-server is missing")
    proc = subprocess.Popen([exe, "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"])
    try:
        if not _wait_for(REDIS_PORT, 20):
            raise RuntimeError("redis-server did not start on 127.0.0.1:6379")
        yield f"redis://127.0.0.1:{REDIS_PORT}/0"
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def rabbitmq_server() -> Iterator[str]:
    """The URL of a running RabbitMQ (guest/guest; the machine's, or one started for the tests)."""
    url = f"amqp://guest:guest@127.0.0.1:{RABBIT_PORT}/"
    if reachable(RABBIT_PORT):
        yield url
        return
    exe = shutil.which("rabbitmq-server")
    if exe is None:
        raise RuntimeError(
            "RabbitMQ is not running on 127.0.0.1:5672 and rabbitmq-server is missing"
        )
    proc = subprocess.Popen([exe])
    try:
        if not _wait_for(RABBIT_PORT, 90):
            raise RuntimeError("rabbitmq-server did not start on 127.0.0.1:5672")
        yield url
    finally:
        proc.terminate()
        proc.wait(60)
