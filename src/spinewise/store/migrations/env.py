"""Alembic environment: runs on the connection spinewise passes in, or on the settings' URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from spinewise.store.tables import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


_given = config.attributes.get("connection")
if _given is not None:
    _run(_given)
else:  # plain `alembic -c src/spinewise/store/alembic.ini ...` during development
    from spinewise.settings import load_settings
    from spinewise.store.engine import create_engine_from_settings

    _engine = create_engine_from_settings(load_settings())
    with _engine.begin() as _conn:
        _run(_conn)
