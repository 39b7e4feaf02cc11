"""Engines and transactions; nothing connects at import.

SQLite gets WAL (readers do not block the writer), foreign keys, a busy timeout, and
``synchronous=FULL`` (a committed transaction survives a killed process and a power cut).
pysqlite's own transaction handling is switched off and ``BEGIN`` is emitted here, so that a
write transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock at once (waiting up
to the busy timeout) instead of failing with "database is locked" when a read turns into a
write (the SQLAlchemy "Serializable isolation / Savepoints / Transactional DDL" recipe).
On PostgreSQL, writers of the same athlete serialise through an advisory transaction lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from spinewise.settings import Settings

__all__ = [
    "DataError",
    "Engine",
    "IntegrityError",
    "Session",
    "advisory_lock",
    "create_engine_from_settings",
    "create_engine_from_url",
    "is_sqlite",
    "reading",
    "scrub",
    "writing",
]


def is_sqlite(engine: Engine) -> bool:
    """Tell whether the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see the module doc)
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        # Deleted rows are overwritten with zeros, not left readable in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def create_engine_from_url(
    url: str, *, sqlite_busy_timeout_s: float = 30.0, pool_size: int | None = None
) -> Engine:
    """Create an engine for a SQLAlchemy URL (a SQLite file's folder is created).

    ``pool_size`` keeps that many connections open (a server with that many worker threads
    then never opens and closes connections per request); by default SQLAlchemy's.
    """
    parsed = make_url(url)
    #: connections kept open (``pool_size``) and opened beyond them at busy times
    pool: dict[str, int] = {} if pool_size is None else {"pool_size": pool_size, "max_overflow": 4}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        file_db = bool(database) and database != ":memory:" and not database.startswith("file:")
        if file_db:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed,
            connect_args={"timeout": sqlite_busy_timeout_s},
            **(pool if file_db else {}),
        )
        _configure_sqlite(engine, int(sqlite_busy_timeout_s * 1000))
        return engine
    return create_engine(parsed, pool_pre_ping=True, **pool)


def create_engine_from_settings(settings: Settings, *, pool_size: int | None = None) -> Engine:
    """Create the engine the settings name (``SPINEWISE_DATABASE_URL`` or the SQLite file)."""
    return create_engine_from_url(
        settings.resolved_database_url(),
        sqlite_busy_timeout_s=settings.sqlite_busy_timeout_s,
        pool_size=pool_size,
    )


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """A session in one write transaction: committed when the block ends, else rolled back."""
    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite(engine) else engine
    with Session(bind, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A session in one read transaction (a consistent snapshot on both databases)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


def advisory_lock(session: Session, key: int) -> None:
    """Serialise writers on PostgreSQL until the transaction ends (SQLite is already serial)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def scrub(engine: Engine) -> None:
    """After deleting personal data: on SQLite, copy the WAL into the database and empty it.

    With ``secure_delete`` on, the deleted rows are zeroed in the database file; the WAL still
    holds the pages as they were before, until a checkpoint that truncates it. PostgreSQL needs
    nothing here (its dead rows are not readable through the server).
    """
    if not is_sqlite(engine):
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
