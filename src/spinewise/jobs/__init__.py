"""Background jobs on Dramatiq (decision 0120): the only package that imports the queue engine.

With ``SPINEWISE_REDIS_URL`` set, jobs go to Redis; with ``SPINEWISE_BROKER_URL`` (``amqp://``)
to RabbitMQ; both run in ``spinewise worker`` processes. Without either, the embedded default
runs them in a thread of the process that enqueues them (no extra service). The work itself is
in :mod:`spinewise.services.jobs`; a job's state is a database row the web app reads.
"""

from spinewise.jobs.queue import JobQueue, open_queue
from spinewise.jobs.settings import JobSettings

__all__ = ["JobQueue", "JobSettings", "open_queue"]
