"""``spinewise load``: workload metrics, a fitness-fatigue fit and charts from coaches' CSV files.

``compute`` and ``fit`` implement docs/contracts/README.md exactly; ``chart`` draws PNG or SVG.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, BinaryIO, cast

import typer

from spinewise.cli import render, render_load
from spinewise.cli.files import atomic_out
from spinewise.errors import InputError
from spinewise.load import LoadConventions, compute_load_metrics, fit_banister, linear_trend
from spinewise.load_io import (
    align_tests,
    athlete_series,
    read_load_table,
    read_rows,
    read_series,
    select_athlete,
    write_compute_csv,
    write_compute_json,
)

__all__ = ["app"]

app = typer.Typer(
    help="Workload: acute:chronic ratios, monotony, strain, fitness-fatigue, fits and charts.",
    no_args_is_help=True,
)

#: Files at least this big get progress bars (on a terminal).
BIG_FILE_BYTES = 2_000_000


class ComputeFormat(StrEnum):
    """Formats of ``load compute``."""

    text = "text"
    json = "json"
    csv = "csv"


class FitFormat(StrEnum):
    """Formats of ``load fit``."""

    text = "text"
    json = "json"


class SdOption(StrEnum):
    """SD convention of monotony."""

    sample = "sample"
    population = "population"


class SmoothingOption(StrEnum):
    """Fitness-fatigue smoothing convention."""

    goldencheetah = "goldencheetah"
    exp = "exp"
    trainingpeaks = "trainingpeaks"


class ChartKind(StrEnum):
    """What ``load chart`` draws."""

    load = "load"
    ratio = "ratio"
    pain = "pain"
    endurance = "endurance"


FileArg = Annotated[
    Path,
    typer.Argument(
        help="CSV with columns date (or day), load, optional athlete.", show_default=False
    ),
]
AcuteOpt = Annotated[int, typer.Option("--acute", help="Acute window, days.")]
ChronicOpt = Annotated[int, typer.Option("--chronic", help="Chronic window, days.")]
MonotonyOpt = Annotated[int, typer.Option("--monotony-days", help="Monotony window, days.")]
SdOpt = Annotated[SdOption, typer.Option("--sd", help="SD of monotony: sample or population.")]
SmoothingOpt = Annotated[
    SmoothingOption, typer.Option("--smoothing", help="Fitness-fatigue smoothing convention.")
]
TauFitOpt = Annotated[float, typer.Option("--tau-fitness", help="Fitness time constant, days.")]
TauFatOpt = Annotated[float, typer.Option("--tau-fatigue", help="Fatigue time constant, days.")]
AthleteOpt = Annotated[
    str | None, typer.Option("--athlete", help="The athlete to use when the file has several.")
]


def _is_big(path: Path) -> bool:
    try:
        return path.stat().st_size >= BIG_FILE_BYTES
    except OSError:
        return False


@app.command("compute")
def compute(
    file: FileArg,
    fmt: Annotated[ComputeFormat, typer.Option("--format", help="Output format.")] = (
        ComputeFormat.text
    ),
    acute_d: AcuteOpt = 7,
    chronic_d: ChronicOpt = 28,
    monotony_d: MonotonyOpt = 7,
    sd: SdOpt = SdOption.sample,
    smoothing: SmoothingOpt = SmoothingOption.goldencheetah,
    tau_fitness_d: TauFitOpt = 42.0,
    tau_fatigue_d: TauFatOpt = 7.0,
) -> None:
    """Daily workload metrics for every athlete and day (rest days filled in as load 0)."""
    conventions = LoadConventions(
        acute_d=acute_d,
        chronic_d=chronic_d,
        monotony_d=monotony_d,
        sd=sd.value,
        smoothing=smoothing.value,
        tau_fitness_d=tau_fitness_d,
        tau_fatigue_d=tau_fatigue_d,
    )
    with render_load.progress_bars(_is_big(file)) as task:
        table = read_load_table(file, progress=task("reading"))
        metrics = compute_load_metrics(table.load_au, conventions)
        if fmt is ComputeFormat.json:
            write_compute_json(sys.stdout, table, metrics, progress=task("writing"))
        elif fmt is ComputeFormat.csv:
            write_compute_csv(sys.stdout, table, metrics, progress=task("writing"))
    if fmt is ComputeFormat.text:
        render_load.latest_day_table(table, metrics)


@app.command("fit")
def fit(
    file: FileArg,
    tests: Annotated[
        Path, typer.Option("--tests", help="CSV of performance tests: date (or day), value.")
    ],
    fmt: Annotated[FitFormat, typer.Option("--format", help="Output format.")] = FitFormat.text,
    athlete: AthleteOpt = None,
    smoothing: SmoothingOpt = SmoothingOption.exp,
) -> None:
    """Fit the fitness-fatigue (Banister) model to daily loads and performance tests."""
    with render_load.progress_bars(_is_big(file)) as task:
        table = read_load_table(file, progress=task("reading"))
    index = select_athlete(table.rows, athlete)
    test_rows = read_rows(tests, ("value",))
    if test_rows.has_athlete:
        raise InputError(f"--tests: {tests} must have columns date|day,value (no athlete column)")
    load_au, days, values = align_tests(table, index, test_rows, athlete_series(test_rows, 0))
    fit = fit_banister(load_au, days, values, smoothing=smoothing.value)
    if fmt is FitFormat.json:
        typer.echo(json.dumps(fit.as_dict(), indent=2, ensure_ascii=False))
    else:
        render_load.fit_text(fit)


def _chart_format(out: Path, fmt: str | None) -> str:
    chosen = fmt or out.suffix.lower().lstrip(".")
    if chosen not in ("png", "svg"):
        raise InputError(
            f"--format: must be png or svg (or --out ending in .png/.svg), got {chosen!r}"
        )
    return chosen


@app.command("chart")
def chart(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV with date (or day), optional athlete, and: load (--kind load, ratio); "
            "during, next_morning (pain); value (endurance).",
            show_default=False,
        ),
    ],
    kind: Annotated[ChartKind, typer.Option("--kind", help="What to draw.")],
    out: Annotated[Path, typer.Option("--out", help="Image file to write (.png or .svg).")],
    fmt: Annotated[str | None, typer.Option("--format", help="png or svg; else from --out.")] = (
        None
    ),
    athlete: AthleteOpt = None,
    baseline: Annotated[
        float | None, typer.Option("--baseline", help="pain: the athlete's baseline, 0-10.")
    ] = None,
    unit: Annotated[str, typer.Option("--unit", help="endurance: unit of the values.")] = "s",
    acute_d: AcuteOpt = 7,
    chronic_d: ChronicOpt = 28,
    smoothing: SmoothingOpt = SmoothingOption.goldencheetah,
    tau_fitness_d: TauFitOpt = 42.0,
    tau_fatigue_d: TauFatOpt = 7.0,
) -> None:
    """Draw load, acute:chronic ratio, pain or endurance as a PNG or SVG chart."""
    from spinewise.report import charts  # matplotlib loads only when a chart is asked for

    chosen = _chart_format(out, fmt)
    if baseline is not None and not 0.0 <= baseline <= 10.0:
        raise InputError(f"--baseline: must be a pain rating from 0 to 10, got {baseline:g}")
    who = f" - {athlete}" if athlete else ""
    if kind in (ChartKind.load, ChartKind.ratio):
        table = read_load_table(file)
        i = select_athlete(table.rows, athlete)
        conv = LoadConventions(
            acute_d=acute_d,
            chronic_d=chronic_d,
            smoothing=smoothing.value,
            tau_fitness_d=tau_fitness_d,
            tau_fatigue_d=tau_fatigue_d,
        )
        n, start = int(table.n_days[i]), int(table.start_key[i])
        m = compute_load_metrics(table.load_au[i, :n], conv)
        days = table.rows.days(range(start, start + n))
        if kind is ChartKind.load:
            note = (
                f"Fitness-fatigue: {conv.smoothing} smoothing, tau {conv.tau_fitness_d:g} and "
                f"{conv.tau_fatigue_d:g} d; form = fitness - fatigue."
            )
            fig = charts.load_chart(
                days,
                m.load,
                m.fitness,
                m.fatigue,
                m.form,
                title=f"Daily load{who}",
                smoothing_note=note,
            )
        else:
            fig = charts.ratio_chart(
                days,
                m.acwr_rolling_coupled,
                m.acwr_rolling_uncoupled,
                m.acwr_ewma,
                title=f"Acute:chronic load ratio (trend){who}",
            )
    elif kind is ChartKind.pain:
        rows, series = read_series(file, ("during", "next_morning"), athlete, allow_blank=True)
        for name, values in series.values.items():
            bad = (values < 0) | (values > 10)
            if bad.any():
                line = int(series.line[bad.argmax()])
                raise InputError(
                    f"{file}: line {line}: {name} must be 0 to 10, got {values[bad][0]:g}"
                )
        days = rows.days(series.key.tolist())
        fig = charts.pain_chart(
            days,
            series.values["during"],
            series.values["next_morning"],
            title=f"Pain{who}",
            baseline=baseline,
        )
    else:
        rows, series = read_series(file, ("value",), athlete, allow_blank=False)
        days = rows.days(series.key.tolist())
        trend = linear_trend(series.key, series.values["value"]) if series.key.size >= 2 else None
        fig = charts.endurance_chart(
            days,
            series.values["value"],
            title=f"Endurance tests{who}",
            unit=unit,
            trend=trend,
            trend_days=days,
        )
    with atomic_out(out, binary=True) as handle:
        charts.save_chart(fig, cast(BinaryIO, handle), "png" if chosen == "png" else "svg")
    render.console.print(f"Wrote {out}")
