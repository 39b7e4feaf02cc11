"""The ``spinewise`` command: one Typer app with a sub-app per domain.

Errors raised on purpose (:mod:`spinewise.errors`) become one line per problem on stderr and the
error's exit code; nothing else is printed.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from spinewise import __version__
from spinewise.cli import adapt as adapt_cli
from spinewise.cli import assess as assess_cli
from spinewise.cli import catalog as catalog_cli
from spinewise.cli import db as db_cli
from spinewise.cli import history as history_cli
from spinewise.cli import learn as learn_cli
from spinewise.cli import lift as lift_cli
from spinewise.cli import load as load_cli
from spinewise.cli import log as log_cli
from spinewise.cli import plan as plan_cli
from spinewise.cli import recommend as recommend_cli
from spinewise.cli import render
from spinewise.cli import retest as retest_cli
from spinewise.cli import serve as serve_cli
from spinewise.cli import worker as worker_cli
from spinewise.errors import SpinewiseError

__all__ = ["app", "main"]

app = typer.Typer(
    name="spinewise",
    help="spinewise builds durable lower backs. Not a medical device; it never diagnoses.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(catalog_cli.app, name="catalog")
app.command("assess")(assess_cli.assess_command)
app.command("next")(adapt_cli.next_command)
app.command("retest")(retest_cli.retest_command)
app.command("status")(adapt_cli.status_command)
app.add_typer(plan_cli.app, name="plan")
app.command("lift")(lift_cli.lift)
app.command("learn")(learn_cli.learn)
app.add_typer(db_cli.app, name="db")
app.add_typer(log_cli.app, name="log")
app.command("history")(history_cli.history)
app.add_typer(load_cli.app, name="load")
app.command("recommend")(recommend_cli.recommend)
app.command("serve")(serve_cli.serve)
app.command("worker")(worker_cli.worker)
app.command("replan-all")(worker_cli.replan_all)


@app.command("version")
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


@app.command("demo")
def demo(
    weeks: Annotated[int | None, typer.Option(help="Plan length, 4 to 16 weeks.")] = None,
) -> None:
    """The main job of `make run`: assess the example profile and show its plan."""
    from importlib import resources

    from spinewise.cli.render_assess import print_assessment
    from spinewise.cli.render_plan import print_plan
    from spinewise.profile import parse_profile
    from spinewise.services import assess_and_plan

    text = resources.files("spinewise.examples").joinpath("profile.example.toml").read_text()
    import tomllib

    profile = parse_profile(tomllib.loads(text))
    assessment, plan = assess_and_plan(profile, weeks=weeks)
    render.console.rule("spinewise demo: the example profile (examples/profile.example.toml)")
    print_assessment(assessment, render.console)
    print_plan(plan, render.console)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script's entry point)."""
    try:
        app(args=argv, standalone_mode=True)
    except SpinewiseError as err:
        render.print_problems(err.problems)
        return err.exit_code
    except OSError as err:  # a file that cannot be read or written: one line, not a traceback
        name = err.filename if err.filename is not None else "a file"
        render.print_problems([f"{name}: {err.strerror or err}"])
        return 2
    except RecursionError:
        render.print_problems(["input: nested too deeply to read (more than a few hundred levels)"])
        return 2
    except SystemExit as stop:
        code = stop.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
