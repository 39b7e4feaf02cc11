"""``spinewise db``: the database behind the training log.

Also the helper every log command uses to open it (``SPINEWISE_DATABASE_URL`` or the SQLite
file in the user's data folder).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from spinewise.cli import render
from spinewise.errors import StoreError
from spinewise.services import Store
from spinewise.settings import Settings, load_settings
from spinewise.store import create_engine_from_settings, current_revision, ensure_current
from spinewise.store import upgrade as upgrade_schema
from spinewise.store.migrate import head_revision

__all__ = ["app", "open_services", "open_store"]

app = typer.Typer(help="The training-log database: upgrade, status.", no_args_is_help=True)


def _where(settings: Settings) -> str:
    return make_url(settings.resolved_database_url()).render_as_string(hide_password=True)


@contextmanager
def _database_errors(settings: Settings) -> Iterator[None]:
    try:
        yield
    except DBAPIError as err:
        first = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise StoreError(f"database {_where(settings)}: {first}") from None


@contextmanager
def open_store(*, migrate: bool = True) -> Iterator[Engine]:
    """The engine the settings name, with the schema brought up to date; disposed after."""
    settings = load_settings()
    with _database_errors(settings):
        engine = create_engine_from_settings(settings)
        try:
            if migrate:
                ensure_current(engine)
            yield engine
        finally:
            engine.dispose()


@contextmanager
def open_services() -> Iterator[Store]:
    """The services' handle on the database the settings name (schema up to date)."""
    with open_store() as engine:
        yield Store(engine)


@app.command("upgrade")
def upgrade(
    revision: str = typer.Argument("head", help="Target revision (default: the newest)."),
) -> None:
    """Create or upgrade the database schema."""
    with open_store(migrate=False) as engine:
        upgrade_schema(engine, revision)
        render.console.print(f"Database at revision {current_revision(engine)}.")


@app.command("status")
def status() -> None:
    """Show which database is used and its schema revision."""
    settings = load_settings()
    with open_store(migrate=False) as engine:
        current = current_revision(engine)
    head = head_revision()
    render.console.print(f"Database: {_where(settings)}", markup=False)
    state = "up to date" if current == head else f"needs `spinewise db upgrade` (to {head})"
    render.console.print(f"Revision: {current or 'none (empty)'}; {state}", markup=False)
