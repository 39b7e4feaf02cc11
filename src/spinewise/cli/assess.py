"""``spinewise assess``: screening and findings of a profile, or the interactive assessment.

``spinewise assess PROFILE [--format text|json]`` and
``spinewise assess --interactive [--out FILE] [--format text|json]``. Exit codes: 0 cleared,
3 referred (the reasons are printed in plain words), 2 invalid input.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from spinewise.assessment import Assessment
from spinewise.assessment.interview import interview
from spinewise.cli import render
from spinewise.cli.files import write_out
from spinewise.cli.render_assess import print_assessment
from spinewise.errors import InputError
from spinewise.profile import load_profile, profile_to_toml
from spinewise.services import assess_profile

__all__ = ["assess_command"]

EXIT_REFERRED = 3


class OutputFormat(StrEnum):
    """Formats of ``assess``."""

    text = "text"
    json = "json"


def _emit(result: Assessment, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
        for reason in result.screening.reasons:
            sys.stderr.write(f"{reason.flag}: {reason.why}\n")
    else:
        print_assessment(result, render.new_console())
    if not result.screening.cleared:
        raise typer.Exit(EXIT_REFERRED)


def _run_interview(out: Path, fmt: OutputFormat) -> None:
    if out.exists():
        raise InputError(f"--out: {out} already exists; choose another file or remove it")
    # Prompts go to stderr when stdout carries JSON, so that stdout stays parseable.
    stream: TextIO = sys.stderr if fmt is OutputFormat.json else sys.stdout

    def say(text: str) -> None:
        stream.write(text + "\n")
        stream.flush()

    def ask(prompt: str) -> str:
        stream.write(prompt)
        stream.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\n")

    try:
        profile = interview(ask, say)
    except EOFError:
        raise InputError(
            "--interactive: the input ended before every question was answered; nothing was written"
        ) from None
    if profile is None:
        say("No profile was written and no plan is made.")
        raise typer.Exit(EXIT_REFERRED)
    write_out(out, profile_to_toml(profile))
    say(f"Profile written to {out}")
    _emit(assess_profile(profile, today=date.today()), fmt)


def assess_command(
    profile: Annotated[
        Path | None, typer.Argument(help="A profile TOML (see examples/profile.example.toml).")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.text
    ),
    interactive: Annotated[
        bool, typer.Option("--interactive", help="Ask every question and write a profile.")
    ] = False,
    out: Annotated[
        Path, typer.Option("--out", help="Where --interactive writes the profile.")
    ] = Path("profile.toml"),
    today: Annotated[
        datetime | None,
        typer.Option(
            "--today",
            formats=["%Y-%m-%d"],
            help="The day of the screening (default: today); clearances older than 12 weeks lapse.",
        ),
    ] = None,
) -> None:
    """Screen for red flags and assess endurance, balance and pain (exit 3 if referred)."""
    if interactive == (profile is not None):
        raise InputError("PROFILE: give either a profile file or --interactive (not both)")
    if profile is None:
        _run_interview(out, fmt)
        return
    day = today.date() if today else date.today()
    _emit(assess_profile(load_profile(profile), today=day), fmt)
