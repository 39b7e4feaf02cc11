"""The job queue: a Dramatiq broker chosen by the settings, one actor, and the enqueue calls.

Every message carries only a job key; the job's kind and arguments are in its database row
(:mod:`spinewise.services.jobs`), so a message delivered twice, or again after its worker died,
finds the row and does the work once.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

import dramatiq
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import CurrentMessage

from spinewise.errors import InputError
from spinewise.jobs.settings import JobSettings
from spinewise.services import Store
from spinewise.services.jobs import (
    JobArgs,
    JobState,
    adaptation_key,
    job_failed,
    job_state,
    needs_replan,
    pending_jobs,
    record_job,
    replan_key,
    run_adaptation,
    run_export,
    run_import,
)

__all__ = ["JobQueue", "make_broker", "open_queue"]

log = logging.getLogger(__name__)


def make_broker(settings: JobSettings) -> dramatiq.Broker:
    """Redis, RabbitMQ or the in-process stub broker, as the settings say."""
    broker: dramatiq.Broker
    if settings.redis_url:
        from dramatiq.brokers.redis import RedisBroker

        broker = RedisBroker(  # type: ignore[no-untyped-call]
            url=settings.redis_url,
            heartbeat_timeout=settings.redis_heartbeat_timeout_ms,
            maintenance_chance=settings.redis_maintenance_chance,
        )
    elif settings.broker_url:
        from dramatiq.brokers.rabbitmq import RabbitmqBroker

        broker = RabbitmqBroker(url=settings.broker_url, confirm_delivery=True)
    else:
        broker = StubBroker()
    broker.add_middleware(CurrentMessage())
    return broker


def _run(store: Store, key: str) -> None:
    state = job_state(store, key)
    if state is None or state.finished:
        return
    args = state.args
    now = datetime.fromisoformat(args["now"])
    if state.kind in ("adapt", "replan"):
        assert state.athlete_id is not None
        run_adaptation(store, key, state.athlete_id, now=now)
    elif state.kind == "import":
        run_import(
            store,
            key,
            Path(args["path"]),
            args["format"],
            args["athlete"],
            now=now,
            owned=bool(args.get("owned", False)),
            file_name=args.get("file_name"),
        )
    elif state.kind == "export":
        run_export(store, key, args["athlete"], args["format"], Path(args["dest"]), now=now)
    else:
        raise InputError(f"job kind: must be adapt, replan, import or export, got {state.kind!r}")


class JobQueue:
    """Enqueue jobs and (in the embedded mode, or in a worker) run them.

    Parameters
    ----------
    store
        Where the jobs' work and state are written.
    settings
        The broker and retry settings.
    """

    def __init__(self, store: Store, settings: JobSettings) -> None:
        self.store = store
        self.settings = settings
        self.broker = make_broker(settings)
        self._worker: dramatiq.Worker | None = None
        self.actor: dramatiq.Actor[[str], None] = dramatiq.actor(
            broker=self.broker,
            actor_name="spinewise_job",
            queue_name=settings.job_queue,
            max_retries=settings.job_max_retries,
            min_backoff=settings.job_min_backoff_ms,
            max_backoff=settings.job_max_backoff_ms,
            time_limit=settings.job_time_limit_ms,
            throws=(InputError,),
        )(self._perform)

    def _perform(self, key: str) -> None:
        try:
            _run(self.store, key)
        except InputError as exc:
            job_failed(self.store, key, str(exc), now=datetime.now(), final=True)
            raise
        except Exception as exc:
            message = CurrentMessage.get_current_message()
            retries = 0 if message is None else int(message.options.get("retries", 0))
            final = retries >= self.settings.job_max_retries
            job_failed(
                self.store,
                key,
                f"{type(exc).__name__}: {exc}",
                now=datetime.now(),
                final=final,
                expected=False,
            )
            raise

    # -- enqueueing ------------------------------------------------------------------------

    def _enqueue(
        self, key: str, kind: str, athlete: int | None, args: JobArgs, now: datetime
    ) -> JobState:
        asked: JobArgs = {**args, "now": now.isoformat()}
        state, created = record_job(self.store, key, kind, athlete, asked, now=now)
        if created:
            self.actor.send(key)
        return state

    def enqueue_adaptation(
        self, athlete: int, session_id: int, plan_id: int, *, step: str = "", now: datetime
    ) -> str:
        """Adapt the plan after a session's ``step`` was recorded (once per input); the key."""
        key = adaptation_key(athlete, session_id, plan_id, step)
        return self._enqueue(key, "adapt", athlete, JobArgs(session_id=session_id), now).key

    def enqueue_replan(self, athlete: int, plan_id: int, *, day: date, now: datetime) -> JobState:
        """Re-plan one athlete's plan for ``day`` (missed sessions, newer logs)."""
        return self._enqueue(replan_key(athlete, plan_id, day), "replan", athlete, JobArgs(), now)

    def enqueue_nightly(self, *, now: datetime) -> list[JobState]:
        """Enqueue a re-plan of everyone whose plan needs it today."""
        day = now.date()
        due = needs_replan(self.store, today=day)
        return [self.enqueue_replan(a, p, day=day, now=now) for a, p in due]

    def enqueue_import(
        self,
        path: Path,
        fmt: str,
        athlete_name: str,
        digest: str,
        *,
        now: datetime,
        athlete: int | None = None,
        owned: bool = False,
        file_name: str | None = None,
    ) -> JobState:
        """Import a (large) file into an athlete's log; ``digest`` is its content hash.

        ``athlete`` (the id) makes the job the athlete's own (listed in ``/api/v1/jobs``);
        ``owned`` lets the job remove its copy of an upload once done.
        """
        key = f"import:{athlete_name}:{fmt}:{digest}"
        args = JobArgs(path=str(path), format=fmt, athlete=athlete_name)
        if owned:
            args |= JobArgs(owned=True, file_name=file_name or "")
        return self._enqueue(key, "import", athlete, args, now)

    def enqueue_export(self, athlete_name: str, fmt: str, dest: Path, *, now: datetime) -> JobState:
        """Write an athlete's history to ``dest`` (keyed by athlete, format, file and time)."""
        key = f"export:{athlete_name}:{fmt}:{dest}:{now.isoformat()}"
        args = JobArgs(athlete=athlete_name, format=fmt, dest=str(dest))
        return self._enqueue(key, "export", None, args, now)

    # -- running ---------------------------------------------------------------------------

    def requeue_pending(self) -> int:
        """Send every queued or running job again (after an embedded queue restarted)."""
        pending = pending_jobs(self.store)
        for state in pending:
            self.actor.send(state.key)
        return len(pending)

    def start_worker(self, threads: int | None = None) -> None:
        """Consume this queue in threads of this process (a worker, or the embedded mode)."""
        if self._worker is None:
            n = threads or self.settings.worker_threads
            self._worker = dramatiq.Worker(self.broker, worker_threads=n, worker_timeout=100)
            self._worker.start()

    def join(self, timeout_s: float = 60.0) -> None:
        """Wait until the embedded queue is empty (tests, benches)."""
        if isinstance(self.broker, StubBroker):
            self.broker.join(self.settings.job_queue, timeout=int(timeout_s * 1000))
            if self._worker is not None:
                self._worker.join()

    def close(self) -> None:
        """Stop the worker threads and the broker's connections."""
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        self.broker.close()


def open_queue(store: Store, settings: JobSettings | None = None) -> JobQueue:
    """The queue the environment names; embedded, it runs its jobs in a thread here."""
    queue = JobQueue(store, settings or JobSettings())
    if queue.settings.embedded:
        queue.start_worker(threads=1)
        queue.requeue_pending()
    return queue
