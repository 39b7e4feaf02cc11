"""``spinewise worker`` runs job workers; ``spinewise replan-all`` enqueues the nightly run.

Jobs go to Redis (``SPINEWISE_REDIS_URL``) or RabbitMQ (``SPINEWISE_BROKER_URL``); without
either they run inside the web app's process and no worker is needed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import typer

from spinewise.errors import InputError

__all__ = ["replan_all", "worker"]


def worker(
    processes: Annotated[int, typer.Option(help="Worker processes (1 to 64).")] = 1,
    threads: Annotated[int, typer.Option(help="Threads per process (1 to 64).")] = 1,
) -> None:
    """Run job workers until stopped (Ctrl-C or SIGTERM)."""
    if not 1 <= processes <= 64:
        raise InputError(f"--processes: must be 1 to 64, got {processes}")
    if not 1 <= threads <= 64:
        raise InputError(f"--threads: must be 1 to 64, got {threads}")
    from spinewise.jobs import JobSettings
    from spinewise.jobs.worker import run_workers

    if JobSettings().embedded:
        raise InputError(
            "SPINEWISE_REDIS_URL or SPINEWISE_BROKER_URL: set one to run workers "
            "(without them the web app runs its jobs itself)"
        )
    typer.echo(f"spinewise worker: {processes} process(es) of {threads} thread(s)")
    run_workers(processes, threads)


def replan_all(
    on: Annotated[
        str | None, typer.Option("--date", help="Re-plan as of this day (YYYY-MM-DD; today).")
    ] = None,
) -> None:
    """Enqueue a re-plan of everyone whose plan has missed sessions or newer logs (nightly)."""
    now = datetime.now()
    if on is not None:
        try:
            now = datetime.combine(date.fromisoformat(on), now.time())
        except ValueError:
            raise InputError(f"--date: must be a day as YYYY-MM-DD, got {on!r}") from None
    from spinewise.jobs.worker import enqueue_nightly

    typer.echo(f"Re-plans queued: {enqueue_nightly(now)}")
