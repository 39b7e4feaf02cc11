"""``spinewise next`` and ``spinewise status``: the adjusted next session and a dashboard."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from spinewise import services
from spinewise.adaptation.engine import acwr_today, weekly_pain
from spinewise.cli import render
from spinewise.cli.db import open_services
from spinewise.cli.render_adapt import print_next, print_status
from spinewise.errors import InputError
from spinewise.profile import Profile, load_profile
from spinewise.settings import DEFAULT_ATHLETE

__all__ = ["AthleteOpt", "TodayOpt", "athlete_id", "next_command", "parse_today", "status_command"]

AthleteOpt = Annotated[str, typer.Option("--athlete", help="Whose log (default: local athlete).")]
TodayOpt = Annotated[str | None, typer.Option("--today", help="Date to act as today (ISO).")]
ProfileOpt = Annotated[
    Path | None, typer.Option("--profile", help="The profile the plan was made for (TOML).")
]


def parse_today(value: str | None) -> date:
    """The ``--today`` option as a date (the computer's date when not given)."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--today: not a date (YYYY-MM-DD), got {value!r}") from None


def athlete_id(store: services.Store, athlete: str) -> int:
    """The id of the named athlete, or an error naming ``--athlete``."""
    who = services.athlete_named(store, athlete, create=False)
    if who is None:
        raise InputError(f"--athlete: no athlete named {athlete!r} in the database")
    return who


def next_command(
    athlete: AthleteOpt = DEFAULT_ATHLETE,
    profile: ProfileOpt = None,
    today: TodayOpt = None,
    apply: Annotated[bool, typer.Option(help="Store the adapted plan as a new version.")] = False,
) -> None:
    """The next session, adjusted to your log (progress, hold or regress, with reasons)."""
    day = parse_today(today)
    prof: Profile | None = None if profile is None else load_profile(profile)
    with open_services() as store:
        who = athlete_id(store, athlete)
        outcome = services.adapt_plan(store, who, today=day, profile=prof)
        upcoming = outcome.upcoming
        # the schedule's date (an undated plan is dated from the day it was made)
        shown = None if upcoming is None else replace(upcoming.planned, date=upcoming.date)
        print_next(outcome.result, shown, render.console)
        if apply:
            saved = services.store_adaptation(store, who, outcome, now=datetime.now(), profile=prof)
            if saved is not None:
                render.console.print(f"Stored plan version {saved.record.version}.")


def status_command(
    athlete: AthleteOpt = DEFAULT_ATHLETE,
    profile: ProfileOpt = None,
    today: TodayOpt = None,
) -> None:
    """A terminal dashboard: load and ratio, monotony, pain trend, findings, the next session."""
    day = parse_today(today)
    prof = None if profile is None else load_profile(profile)
    with open_services() as store:
        outcome = services.adapt_plan(store, athlete_id(store, athlete), today=day, profile=prof)
    sessions = list(outcome.sessions)
    print_status(
        outcome.stored.record.plan,
        sessions,
        outcome.result,
        day,
        render.console,
        ratio=acwr_today(sessions, day),
        pain_by_week=weekly_pain(sessions, day, 6),
    )
