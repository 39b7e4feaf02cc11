"""Alembic environment: runs on the connection spinewise passes in, or on the settings' URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from spinewise.store import accounts as _accounts  # noqa: F401  (registers the web tables)
from spinewise.store import checkins as _checkins  # noqa: F401  (registers the check-in table)
from spinewise.store import jobstate as _jobstate  # noqa: F401  (registers the job tables)
from spinewise.store.tables import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    given = context.config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    # plain `alembic -c src/spinewise/store/alembic.ini ...` during development
    from spinewise.settings import load_settings
    from spinewise.store.engine import create_engine_from_settings

    engine = create_engine_from_settings(load_settings())
    with engine.begin() as conn:
        _run(conn)


# Alembic sets up `context` before it runs this file; an ordinary import (pytest collecting
# doctests) finds no configuration and does nothing.
if hasattr(context, "config"):
    main()
