"""Rich rendering of ``spinewise next`` and ``spinewise status``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import numpy as np
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from spinewise.adaptation.engine import Adaptation
from spinewise.cli.names import exercise_name, finding_title
from spinewise.load.acwr import acwr_ewma
from spinewise.load.daily import daily_load_au, session_load_au
from spinewise.load.foster import monotony
from spinewise.logbook.entries import SessionLog
from spinewise.logbook.planned import PlannedSession
from spinewise.planning.plan import Plan

__all__ = ["print_next", "print_status", "sparkline"]

BARS = "▁▂▃▄▅▆▇█"
RATIO_CAVEAT = (
    "The acute:chronic ratio compares recent with usual load; it is shown as a trend, never as "
    "an injury prediction (Lolli 2019; Impellizzeri 2020)."
)


def sparkline(values: Sequence[float | None]) -> str:
    """A one-line bar chart; gaps (None/NaN) show as spaces.

    Examples
    --------
    >>> sparkline([0, 1, 2, 3])
    '▁▃▆█'
    """
    clean = [v for v in values if v is not None and not math.isnan(v)]
    if not clean:
        return ""
    low, high = min(clean), max(clean)
    span = (high - low) or 1.0
    out = []
    for v in values:
        if v is None or math.isnan(v):
            out.append(" ")
        else:
            out.append(BARS[round((v - low) / span * (len(BARS) - 1))])
    return "".join(out)


def print_review(result: Adaptation, console: Console) -> None:
    """The six-week review's advice to see a clinician, when it applies."""
    if result.review is not None:
        console.print(
            Panel(result.review.reason, title="See a clinician", title_align="left", style="red")
        )


def print_next(result: Adaptation, upcoming: PlannedSession | None, console: Console) -> None:
    """The adjusted next session with every change and its reasons."""
    console.print(Panel(result.summary or "No change.", title="Adaptation", title_align="left"))
    print_review(result, console)
    for change in result.changes:
        where = f"week {change.week} session {change.session}: " if change.week is not None else ""
        what = change.change or ""
        name = exercise_name(change.exercise_id)
        console.print(f"[bold]{change.verdict}[/bold] {where}{name} {what}".rstrip())
        for reason in change.reasons:
            console.print(f"    [dim]{reason}[/dim]")
    for held in result.held:
        where = f"week {held.week} session {held.session}: " if held.week is not None else ""
        what = held.change or "the plan stands as it was"
        console.print(f"[bold]hold[/bold] {where}{what}")
        console.print(f"    [dim]{held.reasons[0]}[/dim]")
    if upcoming is None:
        console.print("Nothing planned from today: a rest day, or the plan is done.")
        return
    when = upcoming.date.isoformat() if upcoming.date else "next"
    table = Table(
        title=f"Next session: week {upcoming.week}, session {upcoming.session} ({when})",
        title_justify="left",
    )
    for col in ("block", "exercise", "sets", "dose", "tempo", "intensity"):
        table.add_column(col)
    for item in upcoming.items:
        dose = (
            f"{item.reps} reps"
            if item.reps is not None
            else f"{item.hold_s:g} s"
            if item.hold_s is not None
            else f"{item.distance_m:g} m"
        )
        if item.per_side:
            dose += " per side"
        value = "" if item.intensity_value is None else f" {item.intensity_value:g}"
        table.add_row(
            item.block,
            exercise_name(item.exercise_id),
            str(item.sets),
            dose,
            item.tempo or "",
            f"{item.intensity_kind}{value}",
        )
    console.print(table)


def _daily(sessions: Sequence[SessionLog], today: date, days: int) -> np.ndarray:
    rated = [
        s
        for s in sessions
        if s.session_rpe is not None
        and s.duration_min is not None
        and 0 <= (today - s.started_at.date()).days < days
    ]
    if not rated:
        return np.zeros(days)
    idx = [days - 1 - (today - s.started_at.date()).days for s in rated]
    loads = session_load_au(
        [float(s.session_rpe or 0) for s in rated], [float(s.duration_min or 0) for s in rated]
    )
    return np.asarray(daily_load_au(idx, loads, days), dtype=float)


def print_status(
    plan: Plan,
    sessions: Sequence[SessionLog],
    result: Adaptation,
    today: date,
    console: Console,
    *,
    ratio: float | None,
    pain_by_week: Sequence[float],
) -> None:
    """The dashboard: load, ratio, monotony, pain, findings and the next session's changes."""
    series = _daily(sessions, today, 56)
    ratios = np.asarray(acwr_ewma(series), dtype=float)
    mono = np.asarray(monotony(series), dtype=float)
    table = Table(title=f"spinewise status on {today.isoformat()}", title_justify="left")
    table.add_column("measure")
    table.add_column("last 28 days")
    table.add_column("now")
    table.add_row(
        "daily load (session RPE x min)",
        sparkline(list(series[-28:])),
        f"{series[-7:].sum():.0f} AU this week",
    )
    last_ratio = "n/a (under 28 days of log)" if ratio is None else f"{ratio:.2f}"
    table.add_row("acute:chronic ratio (EWMA 7:28)", sparkline(list(ratios[-28:])), last_ratio)
    last_mono = mono[-1] if mono.size and not np.isnan(mono[-1]) else None
    table.add_row(
        "monotony (7 days, sample SD)",
        sparkline(list(mono[-28:])),
        "n/a" if last_mono is None else f"{last_mono:.2f}",
    )
    table.add_row(
        "pain during, weekly mean",
        sparkline(list(pain_by_week)),
        "n/a" if not pain_by_week else f"{pain_by_week[-1]:.1f}/10",
    )
    console.print(table)
    console.print(f"[dim]{RATIO_CAVEAT}[/dim]")
    if plan.findings:
        console.print("[bold]Findings[/bold]")
        for f in plan.findings:
            console.print(f"  {f.severity:>8}  {finding_title(f.code)}")
    console.print(Panel(result.summary or "No change.", title="Next sessions", title_align="left"))
    print_review(result, console)
    for change in result.changes[:12]:
        name = exercise_name(change.exercise_id)
        console.print(f"  {change.verdict}: {name} {change.change or ''}".rstrip())
