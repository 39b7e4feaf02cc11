"""The ``spinewise`` command: one Typer app with a sub-app per domain.

Errors raised on purpose (:mod:`spinewise.errors`) become one line per problem on stderr and the
error's exit code; nothing else is printed.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from spinewise import __version__
from spinewise.cli.lazy import LazyEntry, LazyGroup
from spinewise.errors import SpinewiseError

__all__ = ["COMMANDS", "app", "main"]

#: Every command but ``version`` and ``demo``, in the order ``--help`` lists them. A command's
#: module is imported only when the command runs or its own help is shown (see
#: :mod:`spinewise.cli.lazy`); the summary is the first paragraph of its help, checked against
#: the module by ``tests/cli/test_cli_fast_start.py``.
COMMANDS: tuple[LazyEntry, ...] = (
    LazyEntry(
        "assess",
        "spinewise.cli.assess:assess_command",
        "Screen for red flags and assess endurance, balance and pain (exit 3 if referred).",
    ),
    LazyEntry(
        "next",
        "spinewise.cli.adapt:next_command",
        "The next session, adjusted to your log (progress, hold or regress, with reasons).",
    ),
    LazyEntry(
        "retest",
        "spinewise.cli.retest:retest_command",
        "Record a retest of the hold tests; the weeks still to come are planned again with it.",
    ),
    LazyEntry(
        "status",
        "spinewise.cli.adapt:status_command",
        "A terminal dashboard: load and ratio, monotony, pain trend, findings, the next session.",
    ),
    LazyEntry(
        "lift",
        "spinewise.cli.lift:lift",
        "Recommended weight limit and lifting index of a lifting task (revised NIOSH equation).",
    ),
    LazyEntry(
        "learn",
        "spinewise.cli.learn:learn",
        "Read the education pages: why the plan does what it does, with sources.",
    ),
    LazyEntry(
        "history", "spinewise.cli.history:history", "Show logged sessions (and sets) as tables."
    ),
    LazyEntry(
        "recommend",
        "spinewise.cli.recommend:recommend",
        "Recommended for you: ranked options for the next session, or substitutes for one.",
    ),
    LazyEntry(
        "serve", "spinewise.cli.serve:serve", "Run the web app and its API until stopped (Ctrl-C)."
    ),
    LazyEntry(
        "worker",
        "spinewise.cli.worker:worker",
        "Run job workers until stopped (Ctrl-C or SIGTERM).",
    ),
    LazyEntry(
        "replan-all",
        "spinewise.cli.worker:replan_all",
        "Enqueue a re-plan of everyone whose plan has missed sessions or newer logs (nightly).",
    ),
    LazyEntry(
        "catalog",
        "spinewise.cli.catalog:app",
        "The exercise catalogue: check, list, show, export.",
        kind="group",
    ),
    LazyEntry(
        "plan",
        "spinewise.cli.plan:app",
        "Make a plan from a profile, or validate one.",
        kind="group",
    ),
    LazyEntry(
        "db", "spinewise.cli.db:app", "The training-log database: upgrade, status.", kind="group"
    ),
    LazyEntry(
        "log", "spinewise.cli.log:app", "The training log: record, import, export.", kind="group"
    ),
    LazyEntry(
        "load",
        "spinewise.cli.load:app",
        "Workload: acute:chronic ratios, monotony, strain, fitness-fatigue, fits and charts.",
        kind="group",
    ),
)


class _SpinewiseGroup(LazyGroup):
    """The ``spinewise`` command group, with :data:`COMMANDS` imported on use."""

    entries = COMMANDS


app = typer.Typer(
    name="spinewise",
    help="spinewise builds durable lower backs. Not a medical device; it never diagnoses.",
    cls=_SpinewiseGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


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

    from spinewise.cli import render
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


def _print_problems(problems: list[str]) -> None:
    from spinewise.cli import render

    render.print_problems(problems)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script's entry point)."""
    try:
        app(args=argv, standalone_mode=True)
    except SpinewiseError as err:
        _print_problems(list(err.problems))
        return err.exit_code
    except OSError as err:  # a file that cannot be read or written: one line, not a traceback
        name = err.filename if err.filename is not None else "a file"
        _print_problems([f"{name}: {err.strerror or err}"])
        return 2
    except RecursionError:
        _print_problems(["input: nested too deeply to read (more than a few hundred levels)"])
        return 2
    except SystemExit as stop:
        code = stop.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
