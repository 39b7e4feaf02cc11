"""``spinewise log``: record sessions, walk through today's session, import and export."""

from __future__ import annotations

import json
import sys
import time
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from spinewise import services
from spinewise.adaptation.substitutes import also_like_names
from spinewise.catalog import load_catalog
from spinewise.cli import render
from spinewise.cli.db import open_services
from spinewise.cli.files import write_out
from spinewise.cli.log_input import build_sets
from spinewise.cli.render_log import import_progress, import_summary, print_next_session
from spinewise.errors import CatalogError, InputError
from spinewise.logbook import (
    ExerciseMatcher,
    PainScores,
    Readiness,
    SessionLog,
)
from spinewise.logbook.backup import format_validation_error
from spinewise.logbook.walkthrough import ExerciseInfo, Prompter, walk_session
from spinewise.settings import DEFAULT_ATHLETE

__all__ = ["app"]

app = typer.Typer(help="The training log: record, import, export.", no_args_is_help=True)

AthleteOpt = Annotated[
    str, typer.Option("--athlete", help="Whose log (default: the local athlete).")
]
Pain = Annotated[int | None, typer.Option(min=0, max=10)]
OneToFive = Annotated[int | None, typer.Option(min=1, max=5)]

#: Files larger than this show a progress bar while importing [bytes].
PROGRESS_MIN_BYTES = 1_000_000
#: How many similar exercises `log today` names under each exercise.
ALSO_LIKE_N = 3


class ImportFormat(StrEnum):
    """Formats ``log import`` reads."""

    strong = "strong"
    hevy = "hevy"
    liftosaur = "liftosaur"
    wger = "wger"
    json = "json"


class ExportFormat(StrEnum):
    """Formats ``log export`` writes."""

    json = "json"
    csv = "csv"


def _matcher() -> ExerciseMatcher:
    return ExerciseMatcher(load_catalog())


@app.command("session")
def session(
    athlete: AthleteOpt = DEFAULT_ATHLETE,
    at: Annotated[datetime | None, typer.Option(help="Start, local time (default: now).")] = None,
    duration_min: Annotated[float | None, typer.Option(min=0, help="Minutes.")] = None,
    rpe: Annotated[int | None, typer.Option(min=0, max=10, help="Session RPE 0-10.")] = None,
    pain_before: Pain = None,
    pain_during: Pain = None,
    pain_after: Pain = None,
    pain_next_morning: Pain = None,
    sleep_h: Annotated[float | None, typer.Option(min=0, max=24)] = None,
    soreness: OneToFive = None,
    stress: OneToFive = None,
    energy: OneToFive = None,
    title: Annotated[str | None, typer.Option()] = None,
    notes: Annotated[str | None, typer.Option()] = None,
    plan_week: Annotated[int | None, typer.Option(min=1, help="Planned week it fulfils.")] = None,
    plan_session: Annotated[int | None, typer.Option(min=1, help="Planned session.")] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="EXERCISE:field=value,... e.g. bird_dog:reps=8,side=left,hold_s=10 (repeat).",
        ),
    ] = None,
) -> None:
    """Record a session with its pain, readiness and sets."""
    logged_sets = build_sets(sets or [], _matcher)
    if (plan_week is None) != (plan_session is None):
        raise InputError("--plan-week/--plan-session: give both or neither")
    with open_services() as store:
        who = services.athlete_named(store, athlete)
        assert who is not None  # created when missing
        planned = None
        if plan_week is not None and plan_session is not None:
            planned = services.planned_ref(store, who, plan_week, plan_session)
        try:
            log = SessionLog(
                started_at=(at or datetime.now()).replace(microsecond=0),
                duration_min=duration_min,
                session_rpe=rpe,
                pain=PainScores(
                    before=pain_before,
                    during=pain_during,
                    after=pain_after,
                    next_morning=pain_next_morning,
                ),
                readiness=Readiness(
                    sleep_h=sleep_h, soreness=soreness, stress=stress, energy=energy
                ),
                title=title,
                notes=notes,
                source="manual",
                planned=planned,
                sets=logged_sets,
            )
        except ValidationError as err:
            raise InputError(format_validation_error(err)) from None
        # the names were matched against the catalogue already: no second check
        session_id = services.log_session(store, who, log, source="manual", known=())
    render.console.print(f"Logged session {session_id} with {len(logged_sets)} set(s).")


@app.command("morning")
def morning(
    pain: Annotated[int, typer.Argument(min=0, max=10, help="Back pain this morning, 0-10.")],
    day: Annotated[
        datetime | None,
        typer.Option(
            "--date", formats=["%Y-%m-%d"], help="Day of the session (default: yesterday)."
        ),
    ] = None,
    athlete: AthleteOpt = DEFAULT_ATHLETE,
) -> None:
    """Record next-morning pain on the last session of a day."""
    which = day.date() if day else date.today() - timedelta(days=1)
    with open_services() as store:
        who = services.athlete_named(store, athlete, create=False)
        if who is None:
            raise InputError(f"--athlete: no athlete named {athlete!r}")
        session_id = services.record_next_morning(store, who, which, pain)
    render.console.print(f"Next-morning pain {pain} recorded on session {session_id}.")


@app.command("use-plan")
def use_plan(
    file: Annotated[Path, typer.Argument(help="A plan JSON file (spinewise plan --format json).")],
    athlete: AthleteOpt = DEFAULT_ATHLETE,
) -> None:
    """Store a plan as the athlete's newest version (what `log today` follows)."""
    try:
        plan = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(f"FILE: cannot read a plan from {file}: {err}") from None
    if not isinstance(plan, dict) or not isinstance(plan.get("weeks"), list):
        raise InputError(f"FILE: {file} is not a plan (no 'weeks' list)")
    with open_services() as store:
        who = services.athlete_named(store, athlete)
        assert who is not None  # created when missing
        stored = services.store_plan(store, who, plan, now=datetime.now().replace(microsecond=0))
    render.console.print(f"Stored plan version {stored.record.version}.")


def terminal_prompter() -> Prompter:
    """The real terminal: typer prompts, Rich output, real sleeping."""

    def ask(question: str, default: str) -> str:
        return str(typer.prompt(question, default=default, show_default=bool(default)))

    def say(line: str) -> None:
        render.console.print(line, markup=False, highlight=False)

    return Prompter(ask=ask, say=say, sleep=time.sleep, now=datetime.now)


def run_today(athlete: str, today: date, io: Prompter, *, timers: bool = True) -> int | None:
    """Walk through today's planned session and store it; ``None`` when nothing is planned.

    Which session is today's is the services' rule (:mod:`spinewise.services.schedule`): at
    most one planned session a day, none after pain above 5/10 today.
    """
    try:
        catalog = load_catalog()
    except CatalogError:  # show exercise ids without names and cues rather than stop
        catalog = None

    def lookup(exercise_id: str) -> ExerciseInfo | None:
        if catalog is None or exercise_id not in catalog:
            return None
        ex = catalog.get(exercise_id)
        return ExerciseInfo(ex.name, ex.cues, also_like_names(ex.id, catalog, ALSO_LIKE_N))

    with open_services() as store:
        who = services.athlete_named(store, athlete, create=False)
        if who is None or services.newest_plan(store, who) is None:
            raise InputError("--athlete: no plan is stored; run `spinewise log use-plan FILE`")
        nxt = services.next_session(store, who, today=today)
        if nxt is None or not nxt.due_today:
            io.say("Nothing planned for today: a rest day.")
            if nxt is not None:
                if nxt.held_back:
                    io.say(nxt.held_back)
                io.say(
                    f"Next: week {nxt.session.week}, session {nxt.session.session} on "
                    f"{nxt.date.isoformat()}."
                )
            return None
        log = walk_session(nxt.planned, nxt.session.plan_version, io, lookup, timers=timers)
        return services.log_session(store, who, log, source="today", known=())


@app.command("today")
def today(
    athlete: AthleteOpt = DEFAULT_ATHLETE,
    timers: Annotated[bool, typer.Option(help="Hold countdowns, tempo counts, rest.")] = True,
) -> None:
    """Walk through today's planned session set by set and log it."""
    session_id = run_today(athlete, date.today(), terminal_prompter(), timers=timers)
    if session_id is not None:
        render.console.print(f"Logged session {session_id}.")


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The exported history file.")],
    fmt: Annotated[ImportFormat, typer.Option("--format", help="Which app wrote it.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Preview; write nothing.")] = False,
    athlete: Annotated[
        str | None, typer.Option("--athlete", help="Whose log (default: the local athlete).")
    ] = None,
    weight_unit: Annotated[str, typer.Option(help="Strong comma layout: kg or lb.")] = "kg",
    distance_unit: Annotated[str, typer.Option(help="Strong comma layout: km, mi or m.")] = "km",
) -> None:
    """Import a history (all or nothing); print what was added, merged and not recognised."""
    if not file.is_file():
        raise InputError(f"FILE: no such file: {file}")
    if weight_unit not in ("kg", "lb") or distance_unit not in ("km", "mi", "m"):
        raise InputError(
            f"--weight-unit/--distance-unit: got {weight_unit}/{distance_unit}; "
            "allowed kg or lb, and km, mi or m"
        )
    big = file.stat().st_size >= PROGRESS_MIN_BYTES and sys.stderr.isatty()
    backup = fmt is ImportFormat.json
    with open_services() as store, import_progress(big) as progress:
        report = services.import_history(
            store,
            file,
            fmt.value,
            athlete if backup else athlete or DEFAULT_ATHLETE,
            None if backup else _matcher(),
            dry_run=dry_run,
            progress=progress,
            weight_unit=weight_unit,
            distance_unit=distance_unit,
        )
    import_summary(report)


@app.command("export")
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="json (full backup) or csv.")],
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    athlete: AthleteOpt = DEFAULT_ATHLETE,
) -> None:
    """Export the athlete's whole history."""
    with open_services() as store:
        write_out(out, services.stream_history(store, athlete, fmt.value).pieces)
        count = services.count_history(store, athlete)
    render.console.print(f"Wrote {count} session(s) to {out}.", markup=False)


class NextFormat(StrEnum):
    """Formats of ``log next``."""

    text = "text"
    json = "json"


@app.command("next")
def next_(
    athlete: AthleteOpt = DEFAULT_ATHLETE,
    today: Annotated[
        datetime | None,
        typer.Option("--today", formats=["%Y-%m-%d"], help="The day (default: today)."),
    ] = None,
    fmt: Annotated[NextFormat, typer.Option("--format", help="text or json.")] = NextFormat.text,
) -> None:
    """The next planned session and its date, as the web app shows it (nothing is changed)."""
    day = today.date() if today else date.today()
    with open_services() as store:
        who = services.athlete_named(store, athlete, create=False)
        nxt = None if who is None else services.next_session(store, who, today=day)
    if fmt is NextFormat.json:
        typer.echo(json.dumps(None if nxt is None else nxt.to_json(), indent=2, ensure_ascii=False))
        return
    print_next_session(nxt, render.console)
