"""``spinewise db``: the database behind the training log.

Also the helper every log command uses to open it (``SPINEWISE_DATABASE_URL`` or the SQLite
file in the user's data folder).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from spinewise.cli import render
from spinewise.services import Store
from spinewise.settings import load_settings
from spinewise.store import Engine, current_revision
from spinewise.store import upgrade as upgrade_schema
from spinewise.store.migrate import database_location, head_revision, open_database

__all__ = ["app", "open_services", "open_store"]

app = typer.Typer(help="The training-log database: upgrade, status.", no_args_is_help=True)


@contextmanager
def open_store(*, migrate: bool = True) -> Iterator[Engine]:
    """The engine the settings name, with the schema brought up to date; disposed after."""
    with open_database(load_settings(), migrate=migrate) as engine:
        yield engine


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
    render.console.print(f"Database: {database_location(settings)}", markup=False)
    state = "up to date" if current == head else f"needs `spinewise db upgrade` (to {head})"
    render.console.print(f"Revision: {current or 'none (empty)'}; {state}", markup=False)
