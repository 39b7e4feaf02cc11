"""Worker processes: each consumes the configured broker until it is told to stop (SIGTERM)."""

from __future__ import annotations

import multiprocessing
import signal
import threading
from datetime import datetime
from types import FrameType

from spinewise.jobs.queue import JobQueue
from spinewise.jobs.settings import JobSettings
from spinewise.services import Store

__all__ = ["enqueue_nightly", "run_workers"]


def _serve_one(threads: int) -> None:
    from spinewise.settings import load_settings
    from spinewise.store import create_engine_from_settings, ensure_current

    engine = create_engine_from_settings(load_settings())
    ensure_current(engine)
    queue = JobQueue(Store(engine), JobSettings())
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    queue.start_worker(threads)
    try:
        stop.wait()
    finally:
        queue.close()
        engine.dispose()


def run_workers(processes: int, threads: int) -> None:
    """Run ``processes`` worker processes of ``threads`` threads each until SIGTERM or Ctrl-C.

    One process runs here; more are started (``spawn``) and stopped with this one.
    """
    if processes == 1:
        _serve_one(threads)
        return
    ctx = multiprocessing.get_context("spawn")
    children = [ctx.Process(target=_serve_one, args=(threads,)) for _ in range(processes)]
    for child in children:
        child.start()
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    while not stop.wait(0.5):
        if not any(c.is_alive() for c in children):
            break
    for child in children:
        if child.is_alive():
            child.terminate()
    for child in children:
        child.join()


def enqueue_nightly(now: datetime) -> int:
    """Enqueue the nightly re-plans; embedded, run them here before returning. How many."""
    from spinewise.settings import load_settings
    from spinewise.store import create_engine_from_settings, ensure_current

    engine = create_engine_from_settings(load_settings())
    ensure_current(engine)
    queue = JobQueue(Store(engine), JobSettings())
    try:
        if queue.settings.embedded:
            queue.start_worker()
        n = len(queue.enqueue_nightly(now=now))
        queue.join()
    finally:
        queue.close()
        engine.dispose()
    return n
