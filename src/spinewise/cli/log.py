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

from spinewise.adaptation.substitutes import also_like_names
from spinewise.catalog import load_catalog
from spinewise.cli import render
from spinewise.cli.db import open_store
from spinewise.cli.files import write_out
from spinewise.cli.log_input import build_sets
from spinewise.cli.render_log import import_progress, import_summary
from spinewise.errors import CatalogError, InputError
from spinewise.logbook import (
    CUSTOM_PREFIX,
    CustomExercise,
    ExerciseMatcher,
    PainScores,
    PlannedRef,
    Readiness,
    SessionLog,
    select_session,
)
from spinewise.logbook.backup import format_validation_error
from spinewise.logbook.walkthrough import ExerciseInfo, Prompter, walk_session
from spinewise.settings import DEFAULT_ATHLETE
from spinewise.store import (
    add_custom_exercises,
    add_session,
    athlete_id,
    count_sessions,
    iter_backup_json,
    iter_csv,
    latest_plan,
    logged_planned_sessions,
    reading,
    save_plan,
    set_next_morning_pain,
    writing,
)
from spinewise.store.importers import import_backup, import_file

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
    with open_store() as engine, writing(engine) as db:
        who = athlete_id(db, athlete)
        assert who is not None  # created when missing
        planned = None
        if plan_week is not None and plan_session is not None:
            plan = latest_plan(db, who)
            if plan is None:
                raise InputError("--plan-week: no plan is stored for this athlete")
            planned = PlannedRef(
                plan_version=plan.record.version, week=plan_week, session=plan_session
            )
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
        custom = {s.exercise_id for s in logged_sets if s.exercise_id.startswith(CUSTOM_PREFIX)}
        add_custom_exercises(
            db,
            who,
            (
                CustomExercise(id=c, name=c.removeprefix(CUSTOM_PREFIX), source="manual")
                for c in custom
            ),
        )
        session_id = add_session(db, who, log)
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
    with open_store() as engine, writing(engine) as db:
        who = athlete_id(db, athlete, create=False)
        if who is None:
            raise InputError(f"--athlete: no athlete named {athlete!r}")
        session_id = set_next_morning_pain(db, who, which, pain)
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
    with open_store() as engine, writing(engine) as db:
        who = athlete_id(db, athlete)
        assert who is not None  # created when missing
        stored = save_plan(db, who, plan, created_at=datetime.now().replace(microsecond=0))
    render.console.print(f"Stored plan version {stored.record.version}.")


def terminal_prompter() -> Prompter:
    """The real terminal: typer prompts, Rich output, real sleeping."""

    def ask(question: str, default: str) -> str:
        return str(typer.prompt(question, default=default, show_default=bool(default)))

    def say(line: str) -> None:
        render.console.print(line, markup=False, highlight=False)

    return Prompter(ask=ask, say=say, sleep=time.sleep, now=datetime.now)


def run_today(athlete: str, today: date, io: Prompter, *, timers: bool = True) -> int | None:
    """Walk through today's planned session and store it; ``None`` when nothing is planned."""
    try:
        catalog = load_catalog()
    except CatalogError:  # show exercise ids without names and cues rather than stop
        catalog = None

    def lookup(exercise_id: str) -> ExerciseInfo | None:
        if catalog is None or exercise_id not in catalog:
            return None
        ex = catalog.get(exercise_id)
        return ExerciseInfo(ex.name, ex.cues, also_like_names(ex.id, catalog, ALSO_LIKE_N))

    with open_store() as engine:
        with writing(engine) as db:
            who = athlete_id(db, athlete, create=False)
            plan = None if who is None else latest_plan(db, who)
            if who is None or plan is None:
                raise InputError("--athlete: no plan is stored; run `spinewise log use-plan FILE`")
            done = logged_planned_sessions(db, plan.id, plan.record.plan)
        planned = select_session(plan.record.plan, today, done)
        if planned is None:
            io.say("Nothing planned for today: a rest day.")
            return None
        log = walk_session(planned, plan.record.version, io, lookup, timers=timers)
        with writing(engine) as db:
            return add_session(db, who, log)


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
    with open_store() as engine, import_progress(big) as progress:
        if fmt is ImportFormat.json:
            report = import_backup(engine, file, athlete, dry_run=dry_run, progress=progress)
        else:
            report = import_file(
                engine,
                file,
                fmt.value,
                athlete or DEFAULT_ATHLETE,
                _matcher(),
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
    with open_store() as engine:
        pieces = (
            iter_backup_json(engine, athlete)
            if fmt is ExportFormat.json
            else iter_csv(engine, athlete)
        )
        write_out(out, pieces)
        with reading(engine) as db:
            who = athlete_id(db, athlete, create=False)
            count = 0 if who is None else count_sessions(db, who)[0]
    render.console.print(f"Wrote {count} session(s) to {out}.", markup=False)
