"""Terminal rendering of the training log (Rich): history tables, import summaries, progress."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from spinewise.cli.names import exercise_name
from spinewise.cli.render import console, err_console
from spinewise.logbook import SessionLog, SetLog
from spinewise.services import ImportReport, ItemView, NextSession
from spinewise.services import Progress as ProgressFn

__all__ = [
    "import_progress",
    "import_summary",
    "print_next_session",
    "sessions_table",
    "sets_table",
]


def _num(value: float | None, unit: str = "") -> str:
    return "" if value is None else f"{value:g}{unit}"


def _pain(log: SessionLog) -> str:
    p = log.pain
    return "/".join(
        "-" if v is None else str(v) for v in (p.before, p.during, p.after, p.next_morning)
    )


def _volume_kg(sets: Sequence[SetLog]) -> float:
    return sum((s.reps or 0) * (s.load_kg or 0) for s in sets if s.set_type != "warmup")


def sessions_table(sessions: Sequence[tuple[int, SessionLog]], title: str) -> Table:
    """One row per session: id, start, title, minutes, session RPE, pain, sets, volume."""
    table = Table(title=title, title_justify="left")
    for col in ("id", "started", "title", "min", "sRPE", "pain b/d/a/nm", "sets", "volume kg"):
        table.add_column(
            col,
            justify="right" if col in {"id", "min", "sRPE", "sets"} else "left",
            no_wrap=col in {"started", "pain b/d/a/nm"},
        )
    for sid, log in sessions:
        table.add_row(
            str(sid),
            log.started_at.strftime("%Y-%m-%d %H:%M"),
            log.title or ("planned" if log.planned else ""),
            _num(log.duration_min),
            _num(log.session_rpe),
            _pain(log),
            str(len(log.sets)),
            f"{_volume_kg(log.sets):g}",
        )
    return table


def sets_table(sessions: Sequence[tuple[int, SessionLog]], title: str) -> Table:
    """One row per set: date, exercise, set, side, reps, load, hold, RPE/RIR, targets."""
    table = Table(title=title, title_justify="left")
    for col in ("date", "exercise", "set", "side", "reps", "kg", "hold s", "RPE", "RIR", "target"):
        table.add_column(col, no_wrap=col in {"date", "exercise"})
    for _sid, log in sessions:
        for s in log.sets:
            target = ", ".join(
                text
                for text in (
                    _num(s.target_reps, " reps") if s.target_reps is not None else "",
                    _num(s.target_load_kg, " kg"),
                    _num(s.target_hold_s, " s"),
                )
                if text
            )
            table.add_row(
                log.started_at.strftime("%Y-%m-%d"),
                exercise_name(s.exercise_id),
                f"{s.set_number}{' (' + s.set_type + ')' if s.set_type != 'normal' else ''}",
                s.side or "",
                _num(s.reps),
                _num(s.load_kg),
                _num(s.hold_s),
                _num(s.rpe),
                _num(s.rir),
                target,
            )
    return table


def import_summary(report: ImportReport) -> None:
    """Print what an import added, merged and did not recognise."""
    c = report.counts
    verb = "Would add" if report.dry_run else "Added"
    console.print(
        f"{verb} {c.sessions_added} session(s) and {c.sets_added} set(s) from "
        f"{report.file_name} ({report.format})."
    )
    console.print(
        f"Merged (already stored): {c.sessions_merged} session(s), {c.sets_merged} set(s)."
    )
    if report.plans_added or report.profiles_added or report.assessments_added:
        console.print(
            f"{verb} {report.plans_added} plan version(s), {report.profiles_added} profile(s), "
            f"{report.assessments_added} assessment(s)."
        )
    if report.unrecognised:
        console.print(f"Not recognised ({len(report.unrecognised)}), kept as custom exercises:")
        for m in report.unrecognised:
            console.print(f"  {m.name} -> {m.exercise_id}", markup=False)
    else:
        console.print("Not recognised: none.")
    if report.fuzzy:
        console.print("Matched by similarity (check these):")
        for m in report.fuzzy:
            line = f"  {m.name} -> {exercise_name(m.exercise_id)} (score {m.score:g})"
            console.print(line, markup=False)
    if report.dry_run:
        console.print("Dry run: nothing was written.")


@contextmanager
def import_progress(enabled: bool) -> Iterator[ProgressFn | None]:
    """A progress bar on stderr for big files (``None`` when not enabled)."""
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def report(phase: str, done: int, total: int) -> None:
            label = "Reading rows" if phase == "read" else "Writing sets"
            if phase not in tasks:
                tasks[phase] = bar.add_task(label, total=total)
            bar.update(tasks[phase], completed=done, total=total)  # type: ignore[arg-type]

        yield report


def _sets_text(item: ItemView) -> str:
    left, right = item.sets_left, item.sets_right
    if left is None or right is None:
        return str(item.sets)
    return f"{left} per side" if left == right else f"{left} left, {right} right"


def print_next_session(nxt: NextSession | None, out: Console) -> None:
    """The next planned session: when, why not today, and each exercise with its sets."""
    if nxt is None:
        out.print("No session left: make or store a plan (`spinewise log use-plan FILE`).")
        return
    sess = nxt.session
    when = "today" if nxt.due_today else nxt.date.strftime("%A %d %B %Y")
    out.print(f"Next: week {sess.week}, session {sess.session}, {when}.", markup=False)
    if nxt.held_back:
        out.print(nxt.held_back, markup=False)
    if nxt.open_session_id is not None:
        out.print("It is started and not finished: carry on where you left off.", markup=False)
    table = Table(title_justify="left")
    for col in ("exercise", "sets", "dose"):
        table.add_column(col)
    for item in sess.items:
        if item.reps is not None:
            dose = f"{item.reps} reps"
        elif item.hold_s is not None:
            dose = f"{item.hold_s:g} s hold"
        else:
            dose = f"{item.distance_m or 0:g} m"
        table.add_row(item.name, _sets_text(item), dose)
    out.print(table)
