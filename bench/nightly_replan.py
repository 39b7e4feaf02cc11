"""Nightly fan-out: re-plan N athletes through the job queue with 1 and 2 worker processes.

Run: ``PYTHONPATH=src python bench/nightly_replan.py [--n 1000] [--broker redis|rabbitmq]``.
Redis is ``SPINEWISE_REDIS_URL`` (default ``redis://127.0.0.1:6379/0``), RabbitMQ is
``SPINEWISE_BROKER_URL`` (default ``amqp://guest:guest@127.0.0.1:5672/``).

Each of N synthetic athletes has the example profile and a four-week plan made two weeks ago
with nothing logged, so every plan has missed sessions and the nightly run re-plans it (the
adaptation's CP-SAT re-plan, stored as a new plan version). Every configuration works on its own
copy of the same seeded SQLite database.

Baseline measured in the same run: the same N re-plans called directly in one process (no
queue, no broker), i.e. what one process does without the fan-out. The queue runs are timed from
the first enqueue to the last job done, with the workers already started (a probe job has run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import uuid
from datetime import datetime
from pathlib import Path

import spinewise.services as sv
from spinewise.jobs import JobQueue, JobSettings
from spinewise.profile import parse_profile
from spinewise.store import create_engine_from_url, ensure_current

ROOT = Path(__file__).resolve().parents[1]
MADE = datetime(2026, 12, 1, 9, 0)
LATER = datetime(2026, 12, 15, 2, 0)


def seed(db: Path, n: int) -> None:
    data = tomllib.loads((ROOT / "examples" / "profile.example.toml").read_text())
    profile = parse_profile(data)
    plan = sv.plan_for_profile(profile, weeks=4)
    engine = create_engine_from_url(f"sqlite:///{db}")
    ensure_current(engine)
    store = sv.Store(engine)
    for i in range(n):
        athlete = sv.athlete_named(store, f"athlete-{i:06d}")
        assert athlete is not None
        sv.save_profile(store, athlete, profile, now=MADE)
        sv.store_plan(store, athlete, plan, now=MADE)
    engine.dispose()


def in_process(db: Path) -> tuple[int, float]:
    engine = create_engine_from_url(f"sqlite:///{db}")
    store = sv.Store(engine)
    due = sv.needs_replan(store, today=LATER.date())
    t0 = time.perf_counter()
    for athlete, plan_id in due:
        key = sv.replan_key(athlete, plan_id, LATER.date())
        sv.record_job(store, key, "replan", athlete, {"now": LATER.isoformat()}, now=LATER)
        sv.run_adaptation(store, key, athlete, now=LATER)
    elapsed = time.perf_counter() - t0
    engine.dispose()
    return len(due), elapsed


def through_queue(db: Path, broker: dict[str, str], processes: int) -> tuple[int, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
    env.update(broker)
    env.update(
        SPINEWISE_DATABASE_URL=f"sqlite:///{db}",
        SPINEWISE_JOB_QUEUE=f"bench-{uuid.uuid4().hex[:8]}",
    )
    names = {k.removeprefix("SPINEWISE_").lower(): v for k, v in env.items()}
    settings = JobSettings(**{k: v for k, v in names.items() if k in JobSettings.model_fields})
    engine = create_engine_from_url(f"sqlite:///{db}")
    store = sv.Store(engine)
    queue = JobQueue(store, settings)
    exe = Path(sys.executable).with_name("spinewise")
    worker = subprocess.Popen([str(exe), "worker", "--processes", str(processes)], env=env)
    try:
        probe_athlete = sv.athlete_named(store, "probe")
        assert probe_athlete is not None
        probe = queue.enqueue_replan(probe_athlete, 0, day=LATER.date(), now=LATER)
        while (s := sv.job_state(store, probe.key)) is None or s.state != "done":
            time.sleep(0.1)
        t0 = time.perf_counter()
        states = queue.enqueue_nightly(now=LATER)
        keys = {s.key for s in states}
        while True:
            pending = {s.key for s in sv.pending_jobs(store)} & keys
            if not pending:
                break
            time.sleep(0.2)
        elapsed = time.perf_counter() - t0
    finally:
        worker.terminate()
        worker.wait(60)
        queue.close()
        engine.dispose()
    return len(keys), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="synthetic athletes")
    parser.add_argument("--broker", choices=("redis", "rabbitmq"), default="redis")
    args = parser.parse_args()
    if args.broker == "redis":
        broker = {
            "SPINEWISE_REDIS_URL": os.environ.get("SPINEWISE_REDIS_URL", "redis://127.0.0.1:6379/0")
        }
    else:
        broker = {
            "SPINEWISE_BROKER_URL": os.environ.get(
                "SPINEWISE_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/"
            )
        }
    print(f"nightly re-plan of {args.n} athletes via {args.broker}; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        seeded = Path(tmp) / "seed.db"
        t0 = time.perf_counter()
        seed(seeded, args.n)
        print(f"seeded in {time.perf_counter() - t0:.1f} s")
        results: dict[str, float] = {}
        for label, run in (
            ("one process, no queue (baseline)", lambda db: in_process(db)),
            ("queue, 1 worker process", lambda db: through_queue(db, broker, 1)),
            ("queue, 2 worker processes", lambda db: through_queue(db, broker, 2)),
        ):
            db = Path(tmp) / f"{uuid.uuid4().hex}.db"
            shutil.copy(seeded, db)
            n, elapsed = run(db)
            assert n == args.n, (label, n)
            results[label] = n / elapsed
            print(f"{label:36s} {n:6d} plans in {elapsed:7.1f} s = {n / elapsed:6.2f} plans/s")
        one = results["queue, 1 worker process"]
        two = results["queue, 2 worker processes"]
        base = results["one process, no queue (baseline)"]
        print(f"scaling 2 vs 1 worker processes: {two / one:.2f}x")
        print(f"queue with 1 process vs baseline: {one / base:.2f}x; with 2: {two / base:.2f}x")


if __name__ == "__main__":
    main()
