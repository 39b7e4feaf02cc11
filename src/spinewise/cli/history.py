"""``spinewise history``: the training log as tables, filtered by date and exercise."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from spinewise import services
from spinewise.cli import render
from spinewise.cli.db import open_services
from spinewise.cli.render_log import sessions_table, sets_table
from spinewise.errors import InputError
from spinewise.settings import DEFAULT_ATHLETE

__all__ = ["history"]


def history(
    since: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="From this day.")
    ] = None,
    until: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="To this day.")
    ] = None,
    exercise: Annotated[str | None, typer.Option(help="Only this exercise id.")] = None,
    sets: Annotated[bool, typer.Option("--sets", help="List every set.")] = False,
    athlete: Annotated[str, typer.Option(help="Whose log.")] = DEFAULT_ATHLETE,
) -> None:
    """Show logged sessions (and sets) as tables."""
    if since and until and since > until:
        raise InputError(f"--since: {since.date()} is after --until {until.date()}")
    with open_services() as store:
        who = services.athlete_named(store, athlete, create=False)
        stored = (
            []
            if who is None
            else services.history(
                store,
                who,
                since=since.date() if since else None,
                until=until.date() if until else None,
                exercise_id=exercise,
            )
        )
    rows = [(s.id, s.log) for s in stored]
    if not rows:
        render.console.print("No sessions logged in that range.")
        return
    render.console.print(sessions_table(rows, f"{len(rows)} session(s) of {athlete}"))
    if sets or exercise:
        render.console.print(sets_table(rows, f"Sets{f' of {exercise}' if exercise else ''}"))
