"""``spinewise lift``: the revised NIOSH lifting equation for one lifting task."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, TypedDict

import typer

from spinewise.biomechanics.niosh import NioshResult, recommended_weight_limit
from spinewise.errors import InputError

__all__ = ["lift", "result_json", "result_text"]


class LiftFormat(StrEnum):
    """Output formats of ``lift``."""

    text = "text"
    json = "json"


class DurationChoice(StrEnum):
    """Lifting duration categories of the NIOSH Applications Manual."""

    short = "short"
    moderate = "moderate"
    long = "long"


class CouplingChoice(StrEnum):
    """Hand-to-object coupling of the NIOSH Applications Manual."""

    good = "good"
    fair = "fair"
    poor = "poor"


class _LiftInputsJson(TypedDict):
    load_kg: float
    h_cm: float
    v_cm: float
    d_cm: float
    a_deg: float
    frequency_lifts_per_min: float
    duration: str
    coupling: str
    origin_v_cm: float | None


class _MultipliersJson(TypedDict):
    lc_kg: float
    hm: float
    vm: float
    dm: float
    am: float
    fm: float
    cm: float


class LiftJson(TypedDict):
    """:func:`result_json`: what ``spinewise lift --format json`` prints."""

    inputs: _LiftInputsJson
    multipliers: _MultipliersJson
    rwl_kg: float
    lifting_index: float | None
    notes: list[str]
    source: str


def result_json(result: NioshResult, load_kg: float) -> LiftJson:
    """The JSON form of a result: inputs, every multiplier, RWL, lifting index and notes."""
    li = result.lifting_index(load_kg)
    return {
        "inputs": {
            "load_kg": load_kg,
            "h_cm": result.h,
            "v_cm": result.v,
            "d_cm": result.d,
            "a_deg": result.a_deg,
            "frequency_lifts_per_min": result.lifts_per_min,
            "duration": result.duration,
            "coupling": result.coupling,
            "origin_v_cm": result.origin_v,
        },
        "multipliers": {
            "lc_kg": result.lc,
            "hm": round(result.hm, 4),
            "vm": round(result.vm, 4),
            "dm": round(result.dm, 4),
            "am": round(result.am, 4),
            "fm": round(result.fm, 4),
            "cm": round(result.cm, 4),
        },
        "rwl_kg": round(result.rwl_kg, 2),
        "lifting_index": None if li == float("inf") else round(li, 2),
        "notes": list(result.notes),
        "source": "Waters et al. 1993; NIOSH Applications Manual, Pub. 94-110 (revised 2021)",
    }


def result_text(result: NioshResult, load_kg: float) -> str:
    """A plain-text report for people."""
    li = result.lifting_index(load_kg)
    lines = [
        "Revised NIOSH Lifting Equation (Waters et al. 1993; NIOSH Pub. 94-110)",
        f"  LC  load constant          {result.lc:6.2f} kg",
        f"  HM  horizontal  H={result.h:g} cm   {result.hm:6.3f}",
        f"  VM  vertical    V={result.v:g} cm   {result.vm:6.3f}",
        f"  DM  distance    D={result.d:g} cm   {result.dm:6.3f}",
        f"  AM  asymmetry   A={result.a_deg:g} deg  {result.am:6.3f}",
        f"  FM  frequency   {result.lifts_per_min:g}/min, {result.duration}  {result.fm:6.3f}",
        f"  CM  coupling    {result.coupling}   {result.cm:6.3f}",
        f"Recommended weight limit (RWL): {result.rwl_kg:.1f} kg",
        f"Lifting index (LI) for {load_kg:g} kg: "
        + ("no safe load (RWL is 0)" if li == float("inf") else f"{li:.2f}"),
    ]
    if li > 1.0:
        lines.append("LI above 1.0: the manual's design goal is an LI of 1.0 or less.")
    lines.extend(f"Note: {n}" for n in result.notes)
    return "\n".join(lines)


def _as_option(problem: str) -> str:
    field, sep, rest = problem.partition(":")
    return f"--{field.replace('_', '-')}{sep}{rest}" if sep else problem


def lift(
    load_kg: Annotated[float, typer.Option("--load-kg", help="Weight of the object [kg].")],
    h_cm: Annotated[float, typer.Option("--h-cm", help="Hands' horizontal distance [cm].")],
    v_cm: Annotated[float, typer.Option("--v-cm", help="Hands' height above the floor [cm].")],
    d_cm: Annotated[float, typer.Option("--d-cm", help="Vertical travel distance [cm].")] = 25.0,
    a_deg: Annotated[float, typer.Option("--a-deg", help="Asymmetry angle [deg].")] = 0.0,
    frequency: Annotated[
        float, typer.Option("--frequency", help="Lifts per minute (15-minute average).")
    ] = 0.2,
    duration: Annotated[
        DurationChoice, typer.Option("--duration", help="short (<=1 h), moderate (1-2 h), long.")
    ] = DurationChoice.short,
    coupling: Annotated[
        CouplingChoice, typer.Option("--coupling", help="Hand-to-object coupling.")
    ] = CouplingChoice.good,
    origin_v_cm: Annotated[
        float | None,
        typer.Option(
            "--origin-v-cm",
            help="Evaluating the destination: the hands' height at the origin [cm] (sets FM).",
        ),
    ] = None,
    fmt: Annotated[LiftFormat, typer.Option("--format", help="Output format.")] = LiftFormat.text,
) -> None:
    """Recommended weight limit and lifting index of a lifting task (revised NIOSH equation)."""
    if not (load_kg >= 0 and load_kg != float("inf")):
        raise InputError(f"--load-kg: must be 0 or more kg, got {load_kg}")
    try:
        result = recommended_weight_limit(
            h_cm,
            v_cm,
            d_cm,
            a_deg,
            frequency,
            duration.value,
            coupling.value,
            origin_v_cm=origin_v_cm,
        )
    except InputError as err:  # name the command-line option rather than the parameter
        raise InputError([_as_option(line) for line in err.problems]) from None
    if fmt is LiftFormat.json:
        typer.echo(json.dumps(result_json(result, load_kg), indent=2))
    else:
        typer.echo(result_text(result, load_kg))
