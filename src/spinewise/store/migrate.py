"""Schema migrations (Alembic, packaged in ``spinewise/store/migrations``).

``spinewise db upgrade`` calls :func:`upgrade`; the commands that touch stored data call
:func:`ensure_current`, which upgrades a new or older database before first use.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from spinewise.errors import StoreError
from spinewise.settings import Settings
from spinewise.store.engine import create_engine_from_settings, is_sqlite

__all__ = [
    "MIGRATIONS_DIR",
    "current_revision",
    "database_location",
    "ensure_current",
    "head_revision",
    "open_database",
    "upgrade",
]

#: Where the migration scripts live (inside the installed package).
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# pg_advisory_xact_lock key serialising concurrent upgrades ("spinewis" as an integer).
_UPGRADE_LOCK_KEY = 0x7370696E65776973


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision the code knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None  # the package always ships at least one revision
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` in one transaction (safe to run concurrently)."""
    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite(engine) else engine
    with bind.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _UPGRADE_LOCK_KEY})
        command.upgrade(_config(conn), revision)


def ensure_current(engine: Engine) -> None:
    """Upgrade the database when it is not at the newest revision."""
    if current_revision(engine) != head_revision():
        upgrade(engine)


def database_location(settings: Settings) -> str:
    """Where the settings' database is, for messages (any password hidden)."""
    return make_url(settings.resolved_database_url()).render_as_string(hide_password=True)


@contextmanager
def open_database(settings: Settings, *, migrate: bool = True) -> Iterator[Engine]:
    """The engine the settings name, with the schema brought up to date; disposed after.

    A database that cannot be reached or refuses the connection becomes a
    :class:`~spinewise.errors.StoreError` naming where it is and what it said.
    """
    try:
        engine = create_engine_from_settings(settings)
        try:
            if migrate:
                ensure_current(engine)
            yield engine
        finally:
            engine.dispose()
    except DBAPIError as err:
        first = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise StoreError(f"database {database_location(settings)}: {first}") from None
