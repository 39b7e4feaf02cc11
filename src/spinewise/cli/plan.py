"""``spinewise plan``: make a plan from a profile, or validate one.

``spinewise plan PROFILE [--format text|json|markdown|html|ics] [--out FILE] [--weeks N]
[--seed N]``, ``spinewise plan validate FILE --profile PROFILE`` and ``spinewise plan quality
FILE --profile PROFILE [--json]``. Exit codes (contract): 0 made; 3 referred by screening (no
file written); 2 invalid input; 4 no feasible plan, with the conflicting requirement named;
``validate``: 0 valid, 1 invalid with each violation named; ``quality``: 0 every target met,
1 a target not met (the figures are printed either way).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from spinewise import services
from spinewise.assessment import assess
from spinewise.catalog import load_catalog
from spinewise.cli.files import atomic_out, write_out
from spinewise.errors import InputError
from spinewise.planning.from_profile import request_from_profile
from spinewise.planning.plan import Plan
from spinewise.profile import load_profile

__all__ = ["app"]


class _DefaultToMake(TyperGroup):
    """``plan PROFILE`` runs ``make``; ``plan validate ...`` runs ``validate``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["make", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultToMake, help="Make a plan from a profile, or validate one.", no_args_is_help=True
)


class PlanFormat(StrEnum):
    """Formats of ``plan``."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    ics = "ics"


def _render(plan: Plan, fmt: PlanFormat) -> bytes | str | None:
    if fmt is PlanFormat.json:
        return plan.dumps()
    if fmt is PlanFormat.markdown:
        from spinewise.report.plan_markdown import plan_to_markdown

        return plan_to_markdown(plan)
    if fmt is PlanFormat.html:
        from spinewise.report.plan_html import plan_to_html

        return plan_to_html(plan)
    if fmt is PlanFormat.ics:
        from spinewise.report.plan_ics import plan_to_ics

        return plan_to_ics(plan)
    return None


@app.command("make", hidden=True)
def make(
    profile: Annotated[Path, typer.Argument(help="The athlete's profile (TOML).")],
    fmt: Annotated[PlanFormat, typer.Option("--format", help="Output format.")] = (PlanFormat.text),
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
    weeks: Annotated[int | None, typer.Option(help="Plan length, 4 to 16 weeks.")] = None,
    seed: Annotated[int, typer.Option(help="Seed: same profile and seed, same plan.")] = 0,
    today: Annotated[
        datetime | None,
        typer.Option(
            "--today",
            formats=["%Y-%m-%d"],
            help="The day of the screening (default: today); clearances older than 12 weeks lapse.",
        ),
    ] = None,
) -> None:
    """Make a periodized plan for PROFILE (screening first)."""
    if weeks is not None and not 4 <= weeks <= 16:
        raise InputError(f"--weeks: must be 4 to 16, got {weeks}")
    if seed < 0:
        raise InputError(f"--seed: must be 0 or more, got {seed}")
    day = today.date() if today else date.today()
    plan = services.plan_for_profile(load_profile(profile), weeks=weeks, seed=seed, today=day)
    rendered = _render(plan, fmt)
    # Rich is imported only when something is printed with it (decision 0130).
    if rendered is None:
        from spinewise.cli import render
        from spinewise.cli.render_plan import print_plan

        if out is not None:
            with atomic_out(out) as fh:
                print_plan(plan, render.new_console(fh, width=120))
        else:
            print_plan(plan, render.console)
        return
    if out is None:
        if isinstance(rendered, bytes):
            typer.echo(rendered.decode("utf-8"), nl=False)
        else:
            typer.echo(rendered, nl=False)
        return
    write_out(out, rendered)
    from spinewise.cli import render

    render.err_console.print(f"Wrote {out}")


def _read_json(plan_file: Path) -> Any:
    try:
        return json.loads(plan_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"FILE: no such file: {plan_file}") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"FILE: {plan_file}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None


def _read_plan(plan_file: Path, doc: Any) -> Plan:
    """The plan a document holds; exit 2 (one line) when it is not a spinewise plan."""
    if not isinstance(doc, dict) or not isinstance(doc.get("weeks"), list):
        raise InputError(f"FILE: {plan_file}: not a spinewise plan (no list of weeks)")
    try:
        return Plan.from_json(doc)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"FILE: {plan_file}: not a spinewise plan: {exc}") from None


@app.command("validate")
def validate(
    plan_file: Annotated[Path, typer.Argument(metavar="FILE", help="A plan (JSON).")],
    profile: Annotated[Path, typer.Option(help="The athlete's profile (TOML).")],
) -> None:
    """Check a plan against the profile with the solver-independent validator."""
    # Here, not at the top: ``plan --help`` does not import the planner (decision 0130).
    from spinewise.cli import render
    from spinewise.planning.make import spine_compression
    from spinewise.planning.validate import validate_plan

    plan = _read_json(plan_file)
    if isinstance(plan, dict):
        plan.setdefault("weeks", [])  # none: the validator says how many it expected
    _read_plan(plan_file, plan)
    prof = load_profile(profile)
    weeks = len(plan["weeks"]) or None
    request = request_from_profile(prof, assess(prof), weeks=weeks)
    violations = validate_plan(plan, request, load_catalog(), compression=spine_compression())
    if violations:
        render.print_problems(str(v) for v in violations)
        render.err_console.print(f"[red]{len(violations)} violation(s)[/red]")
        raise typer.Exit(1)
    render.console.print(f"[green]valid[/green]: {plan_file} meets every requirement.")


@app.command("quality")
def quality(
    plan_file: Annotated[Path, typer.Argument(metavar="FILE", help="A plan (JSON).")],
    profile: Annotated[Path, typer.Option(help="The athlete's profile (TOML).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """The figures a clinician checks in a plan, and whether each target is met.

    Internal names are looked for in the plan as markdown and as ``spinewise plan`` prints it.
    """
    try:
        plan = Plan.read(_read_json(plan_file))
    except InputError as exc:
        raise InputError(
            [f"FILE: {plan_file}: not a spinewise plan: {problem}" for problem in exc.problems]
        ) from None
    from spinewise.cli import render
    from spinewise.cli.render_quality import plan_as_text, print_quality
    from spinewise.report.plan_markdown import plan_to_markdown

    printed = (plan_to_markdown(plan), plan_as_text(plan))
    report = services.measure_plan(plan, load_profile(profile), rendered=printed)
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print_quality(report, render.console)
    if not report.passed():
        raise typer.Exit(1)
