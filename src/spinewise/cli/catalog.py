"""``spinewise catalog``: check, list, show and export the exercise catalogue."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spinewise.catalog import ExerciseFilter, load_catalog
from spinewise.cli import plain
from spinewise.errors import InputError

# Rich (spinewise.cli.render), the catalogue checks and the similarity index are imported by the
# commands that use them: ``catalog list`` into a pipe needs none of them (decision 0130).

__all__ = ["app"]

app = typer.Typer(help="The exercise catalogue: check, list, show, export.", no_args_is_help=True)


class ExportFormat(StrEnum):
    """Formats of ``catalog export``."""

    json = "json"


@app.command("check")
def check(
    directory: Annotated[
        Path | None, typer.Argument(help="A catalogue folder; the packaged one by default.")
    ] = None,
) -> None:
    """Validate the catalogue; print FILE: EXERCISE_ID: FIELD: message for each problem."""
    from spinewise.catalog import load_vocabulary
    from spinewise.catalog.check import check_catalog
    from spinewise.catalog.loader import default_data_dir, read_catalog_dir
    from spinewise.cli import render

    folder = directory or default_data_dir()
    if not folder.is_dir():
        raise InputError(f"DIR: not a folder: {folder}")
    loaded = read_catalog_dir(folder)
    problems = check_catalog(loaded, load_vocabulary())
    if problems:
        render.print_problems(str(p) for p in problems)
        render.err_console.print(f"[red]{len(problems)} problem(s)[/red] in {folder}")
        raise typer.Exit(1)
    render.console.print(f"[green]OK[/green]: {len(loaded.exercises)} exercises, no problems.")


def _check_tag(section: str, value: str | None) -> None:
    vocab = load_catalog().vocabulary
    if value is not None and not vocab.allows(section, value):
        allowed = ", ".join(vocab.values(section))
        raise InputError(f"--{section.rstrip('s')}: unknown value {value!r}; allowed: {allowed}")


@app.command("list")
def list_exercises(
    region: Annotated[str | None, typer.Option(help="Trains this region.")] = None,
    primary: Annotated[bool, typer.Option(help="Only where the region is primary.")] = False,
    quality: Annotated[str | None, typer.Option(help="Trains this quality.")] = None,
    plane: Annotated[str | None, typer.Option(help="Works this plane.")] = None,
    pattern: Annotated[str | None, typer.Option(help="Has this movement pattern.")] = None,
    equipment: Annotated[
        list[str] | None, typer.Option(help="Available equipment (repeat); 'none' for nothing.")
    ] = None,
    laterality: Annotated[str | None, typer.Option(help="bilateral, unilateral, ...")] = None,
    min_level: Annotated[int, typer.Option(min=1, max=5)] = 1,
    max_level: Annotated[int, typer.Option(min=1, max=5)] = 5,
    exclude: Annotated[
        list[str] | None, typer.Option(help="Leave out exercises loading this sensitivity.")
    ] = None,
) -> None:
    """List exercises, filtered by tags.

    Into a pipe or a file: tab-separated lines, whole values, one exercise a line.
    """
    for section, value in (
        ("regions", region),
        ("qualities", quality),
        ("planes", plane),
        ("patterns", pattern),
        ("laterality", laterality),
    ):
        _check_tag(section, value)
    for item in equipment or []:
        _check_tag("equipment", item)
    for item in exclude or []:
        _check_tag("sensitivities", item)
    kit = None if equipment is None else frozenset(equipment) - {"none"}
    criteria = ExerciseFilter(
        region=region,
        primary_only=primary,
        quality=quality,
        plane=plane,
        pattern=pattern,
        equipment=kit,
        laterality=laterality,
        min_level=min_level,
        max_level=max_level,
        exclude_sensitivities=frozenset(exclude or ()),
    )
    found = load_catalog().find(criteria)
    title = f"{len(found)} exercises"
    if not plain.to_terminal():
        plain.write_rows(title, plain.EXERCISE_COLUMNS, plain.exercise_rows(found))
        return
    from spinewise.cli.boxes import draw_table

    rows = list(plain.exercise_rows(found))
    sys.stdout.write(draw_table(title, plain.EXERCISE_COLUMNS, rows))


@app.command("show")
def show(exercise_id: Annotated[str, typer.Argument(help="An exercise id.")]) -> None:
    """Show an exercise with cues, regressions, progressions and similar exercises."""
    from spinewise.catalog import similarity_index
    from spinewise.cli import render

    catalog = load_catalog()
    ex = catalog.get(exercise_id)
    render.exercise_detail(ex, catalog, similarity_index(catalog).most_similar(ex.id, 5))


@app.command("export")
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = (
        ExportFormat.json
    ),
) -> None:
    """Print the catalogue as a JSON array (docs/contracts/README.md)."""
    from spinewise.biomechanics.exercise import compression_json
    from spinewise.catalog.export import export_catalog

    data = export_catalog(load_catalog(), compression_json)
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
