"""``spinewise next`` and ``spinewise status``: the adjusted next session and a dashboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from spinewise.adaptation.engine import acwr_today, weekly_pain
from spinewise.adaptation.service import adapt_stored
from spinewise.cli import render
from spinewise.cli.db import open_store
from spinewise.cli.render_adapt import print_next, print_status
from spinewise.errors import InputError
from spinewise.logbook.planned import select_session
from spinewise.profile import load_profile
from spinewise.settings import DEFAULT_ATHLETE
from spinewise.store import athlete_id, latest_plan, list_sessions, reading, save_plan, writing
from spinewise.store.plans import add_profile, list_profiles

__all__ = ["next_command", "status_command"]

AthleteOpt = Annotated[str, typer.Option("--athlete", help="Whose log (default: local athlete).")]
TodayOpt = Annotated[str | None, typer.Option("--today", help="Date to act as today (ISO).")]
ProfileOpt = Annotated[
    Path | None, typer.Option("--profile", help="The profile the plan was made for (TOML).")
]


def _today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--today: not a date (YYYY-MM-DD), got {value!r}") from None


def _load(athlete: str, profile: Path | None) -> tuple[int, Any, Any, list[Any]]:
    with open_store() as engine, reading(engine) as db:
        who = athlete_id(db, athlete, create=False)
        if who is None:
            raise InputError(f"--athlete: no athlete named {athlete!r} in the database")
        stored = latest_plan(db, who)
        if stored is None:
            raise InputError("plan: no stored plan; store one with `spinewise log use-plan FILE`")
        sessions = [s.log for s in list_sessions(db, who)]
        prof: Any = None
        if profile is not None:
            prof = load_profile(profile)
        else:
            records = list_profiles(db, who)
            if not records:
                raise InputError("--profile: needed (no profile is stored for this athlete)")
            prof = records[-1].profile
    return who, stored, prof, sessions


def next_command(
    athlete: AthleteOpt = DEFAULT_ATHLETE,
    profile: ProfileOpt = None,
    today: TodayOpt = None,
    apply: Annotated[bool, typer.Option(help="Store the adapted plan as a new version.")] = False,
) -> None:
    """The next session, adjusted to your log (progress, hold or regress, with reasons)."""
    day = _today(today)
    who, stored, prof, sessions = _load(athlete, profile)
    result = adapt_stored(stored.record.plan, sessions, prof, today=day)
    logged = {(s.planned.week, s.planned.session) for s in sessions if s.planned is not None}
    # logs of earlier versions count: an adapted plan keeps week and session numbers
    upcoming = select_session(result.plan, day, logged)
    if upcoming is None:  # nothing dated today: the next dated session from today on
        later = [
            s
            for s in _dated(result.plan)
            if s.date is not None and s.date >= day and s.key not in logged
        ]
        upcoming = later[0] if later else None
    print_next(result, upcoming, render.console)
    if apply and result.changes:
        from datetime import datetime

        with open_store() as engine, writing(engine) as db:
            adapted = {**result.plan, "adapted_from_ids": _ancestry(stored)}
            saved = save_plan(db, who, adapted, created_at=datetime.now())
            if profile is not None:
                from spinewise.logbook.backup import ProfileRecord

                add_profile(
                    db,
                    who,
                    ProfileRecord(recorded_at=datetime.now(), profile=_profile_dict(profile)),
                )
        render.console.print(f"Stored plan version {saved.record.version}.")


def _ancestry(stored: Any) -> list[int]:
    """The stored versions an adapted plan descends from (logs against them still count)."""
    return [*stored.record.plan.get("adapted_from_ids", []), stored.id]


def _dated(plan: Any) -> list[Any]:
    from spinewise.logbook.planned import planned_sessions

    return list(planned_sessions(plan))


def _profile_dict(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = load_profile(path).model_dump(mode="json", exclude_none=True)
    return data


def status_command(
    athlete: AthleteOpt = DEFAULT_ATHLETE,
    profile: ProfileOpt = None,
    today: TodayOpt = None,
) -> None:
    """A terminal dashboard: load and ratio, monotony, pain trend, findings, the next session."""
    day = _today(today)
    _, stored, prof, sessions = _load(athlete, profile)
    result = adapt_stored(stored.record.plan, sessions, prof, today=day)
    print_status(
        stored.record.plan,
        sessions,
        result,
        day,
        render.console,
        ratio=acwr_today(sessions, day),
        pain_by_week=weekly_pain(sessions, day, 6),
    )
