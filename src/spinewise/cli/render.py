"""Terminal rendering: the only module of spinewise that imports Rich."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import IO

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from spinewise.catalog import Catalog, Exercise, SimilarExercise

__all__ = [
    "console",
    "err_console",
    "exercise_detail",
    "print_problems",
    "simple_table",
]

console = Console()
err_console = Console(stderr=True)


def new_console(file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console of its own: on stdout as it is now, or writing to ``file``."""
    return Console(file=file, width=width)


def print_problems(problems: Iterable[str]) -> None:
    """Print one problem per line on stderr, plainly (scripts parse these lines)."""
    for line in problems:
        sys.stderr.write(f"{line}\n")


def simple_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> Table:
    """A table with a header row and string cells."""
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    return table


def exercise_detail(ex: Exercise, catalog: Catalog, similar: Sequence[SimilarExercise]) -> None:
    """Print an exercise with cues, faults, regressions, progressions and similar exercises."""
    d = ex.dose
    amount = (
        f"{d.reps} reps"
        if d.reps is not None
        else f"{d.hold_s:g} s hold"
        if d.hold_s is not None
        else f"{d.distance_m:g} m"
    )
    side = " per side" if d.per_side else ""
    tempo = f", tempo {d.tempo}" if d.tempo else ""
    body = [
        f"[bold]{ex.name}[/bold]  ({ex.id}, level {ex.level})",
        f"Patterns: {', '.join(ex.patterns)}   Planes: {', '.join(ex.planes)}",
        "Regions: " + ", ".join(f"{r} ({role})" for r, role in ex.regions.items()),
        f"Qualities: {', '.join(ex.qualities)}",
        f"{ex.laterality}, {ex.integration}, {ex.loading} loading; equipment: "
        f"{', '.join(ex.equipment) or 'none'}",
        f"Loads (sensitivities): {', '.join(ex.sensitivities) or 'none'}",
        f"Default dose: {d.sets} x {amount}{side}{tempo}, rest {d.rest_s} s",
    ]
    console.print(Panel("\n".join(body), title="Exercise", title_align="left"))
    console.print("[bold]Cues[/bold]")
    for cue in ex.cues:
        console.print(f"  • {cue}")
    console.print("[bold]Common faults[/bold]")
    for fault in ex.faults:
        console.print(f"  • {fault}")
    for label, ids in (
        ("Regressions (easier)", ex.regressions),
        ("Progressions (harder)", ex.progressions),
    ):
        names = [f"{catalog.get(i).name} ({i})" for i in ids]
        console.print(f"[bold]{label}:[/bold] {'; '.join(names) or 'none'}")
    for src in ex.sources:
        console.print(f"[dim]Source: {src.cite} ({src.supports})[/dim]")
    console.print(
        simple_table(
            "You may also like",
            ("id", "name", "similarity", "shares"),
            (
                (
                    s.exercise_id,
                    catalog.get(s.exercise_id).name,
                    f"{s.score:.2f}",
                    ", ".join(t.split(":", 1)[1] for t in s.shared[:6]),
                )
                for s in similar
            ),
        )
    )
