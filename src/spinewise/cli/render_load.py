"""Terminal rendering of the ``load`` commands: progress bars and text tables (Rich)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from spinewise.cli.render import console, err_console, simple_table
from spinewise.load import LoadMetrics
from spinewise.load.banister_fit import BanisterFit
from spinewise.load_io import LoadTable

__all__ = ["ACWR_NOTE", "fit_text", "latest_day_table", "progress_bars"]

Advance = Callable[[int, int], None]

ACWR_NOTE = (
    "The acute:chronic ratios are a trend of recent against usual load, not an injury "
    "prediction (Lolli et al. 2019; Impellizzeri et al. 2020)."
)


@contextmanager
def progress_bars(enabled: bool) -> Iterator[Callable[[str], Advance]]:
    """Yield ``task(description) -> advance(done, total)``; bars show on a terminal only."""
    show = enabled and err_console.is_terminal
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        redirect_stdout=False,  # results go to stdout untouched, byte for byte
        redirect_stderr=False,
        disable=not show,
    ) as bars:

        def task(description: str) -> Advance:
            task_id = bars.add_task(description, total=None)

            def advance(done: int, total: int) -> None:
                bars.update(task_id, completed=done, total=total)

            return advance

        yield task


def _num(value: float, digits: int = 2) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}"


def latest_day_table(table: LoadTable, metrics: LoadMetrics) -> None:
    """Print each athlete's latest day: load, ratios, monotony, strain, fitness-fatigue."""
    rows: list[list[Any]] = []
    for i, name in enumerate(table.athletes):
        last = int(table.n_days[i]) - 1
        day = table.rows.label(int(table.start_key[i]) + last)
        cols = metrics.columns()
        rows.append(
            [
                name or "-",
                day,
                _num(float(cols["load"][i, last]), 0),
                *(_num(float(cols[c][i, last])) for c in list(cols)[1:6]),
                *(_num(float(cols[c][i, last]), 1) for c in list(cols)[6:]),
            ]
        )
    conv = metrics.conventions
    console.print(
        simple_table(
            "Latest day per athlete",
            (
                "athlete",
                table.rows.time_column,
                "load",
                "ACWR coupled",
                "ACWR uncoupled",
                "ACWR EWMA",
                "monotony",
                "strain",
                "fitness",
                "fatigue",
                "form",
            ),
            rows,
        )
    )
    console.print(
        f"[dim]Windows {conv.acute_d}/{conv.chronic_d} d; monotony over {conv.monotony_d} d with "
        f"the {conv.sd} SD; fitness-fatigue {conv.smoothing}, tau {conv.tau_fitness_d:g}/"
        f"{conv.tau_fatigue_d:g} d. '-' = not defined yet (see --format json conventions).[/dim]"
    )
    console.print(f"[dim]{ACWR_NOTE}[/dim]")


def fit_text(fit: BanisterFit) -> None:
    """Print a fitted fitness-fatigue model for people."""
    p = fit.params
    r2 = None if math.isnan(fit.r2) else fit.r2
    console.print(
        simple_table(
            "Fitness-fatigue (Banister) fit",
            ("p0", "k1", "k2", "tau1 [d]", "tau2 [d]", "SSE", "R²", "tests"),
            [
                [
                    f"{p.p0:.4g}",
                    f"{p.k1:.4g}",
                    f"{p.k2:.4g}",
                    f"{p.tau1_d:.3g}",
                    f"{p.tau2_d:.3g}",
                    f"{fit.sse:.4g}",
                    "-" if r2 is None else f"{r2:.3f}",
                    fit.n_tests,
                ]
            ],
        )
    )
    caution = str(fit.conventions["caution"])
    console.print(f"[dim]{caution[:1].upper()}{caution[1:]}.[/dim]")
