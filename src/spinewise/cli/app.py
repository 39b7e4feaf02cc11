"""The ``spinewise`` command: one Typer app with a sub-app per domain.

Errors raised on purpose (:mod:`spinewise.errors`) become one line per problem on stderr and the
error's exit code; nothing else is printed.
"""

from __future__ import annotations

import sys

import typer

from spinewise import __version__
from spinewise.cli import catalog as catalog_cli
from spinewise.cli import load as load_cli
from spinewise.cli import render
from spinewise.errors import SpinewiseError

__all__ = ["app", "main"]

app = typer.Typer(
    name="spinewise",
    help="spinewise builds durable lower backs. Not a medical device; it never diagnoses.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(catalog_cli.app, name="catalog")
app.add_typer(load_cli.app, name="load")


@app.command("version")
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


@app.command("demo")
def demo() -> None:
    """The main job of `make run`: show what spinewise can do on the embedded default."""
    from spinewise.catalog import load_catalog

    catalog = load_catalog()
    render.console.print(
        render.exercise_table(catalog.exercises, f"spinewise catalogue: {len(catalog)} exercises")
    )


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script's entry point)."""
    try:
        app(args=argv, standalone_mode=True)
    except SpinewiseError as err:
        render.print_problems(err.problems)
        return err.exit_code
    except SystemExit as stop:
        code = stop.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
