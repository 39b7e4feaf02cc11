"""Where the jobs go and how they are retried (``SPINEWISE_*`` environment variables)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["JobSettings"]


class JobSettings(BaseSettings):
    """The job queue's settings.

    Attributes
    ----------
    redis_url
        ``redis://host:port/db``: jobs go to Redis (checked first).
    broker_url
        ``amqp://user:password@host:port/``: jobs go to RabbitMQ.
    job_queue
        The queue's name (tests give each run its own).
    job_max_retries
        Attempts after the first before a job is failed for good.
    job_min_backoff_ms, job_max_backoff_ms
        The exponential back-off between attempts (Dramatiq doubles it from the minimum,
        with jitter, up to the maximum) [ms].
    job_time_limit_ms
        A job running longer is stopped and retried [ms].
    redis_heartbeat_timeout_ms
        With Redis: a worker silent this long is dead, and its unfinished jobs are queued again
        [ms].
    redis_maintenance_chance
        With Redis: per million broker commands, how many look for dead workers' jobs.
    worker_threads
        Threads per worker process.
    """

    model_config = SettingsConfigDict(env_prefix="SPINEWISE_", extra="ignore")

    redis_url: str | None = None
    broker_url: str | None = None
    job_queue: str = Field(default="spinewise", pattern=r"^[A-Za-z0-9_.-]{1,80}$")
    job_max_retries: int = Field(default=5, ge=0, le=100)
    job_min_backoff_ms: int = Field(default=1000, ge=1)
    job_max_backoff_ms: int = Field(default=300_000, ge=1)
    job_time_limit_ms: int = Field(default=600_000, ge=1000)
    redis_heartbeat_timeout_ms: int = Field(default=60_000, ge=1000)
    redis_maintenance_chance: int = Field(default=1000, ge=1, le=1_000_000)
    worker_threads: int = Field(default=1, ge=1, le=64)

    @property
    def embedded(self) -> bool:
        """No broker configured: jobs run in-process."""
        return not (self.redis_url or self.broker_url)
