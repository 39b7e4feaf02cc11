"""``spinewise retest``: record the end-of-phase hold tests; the rest of the plan uses them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from spinewise import services
from spinewise.cli import render
from spinewise.cli.adapt import AthleteOpt, TodayOpt, athlete_id, parse_today
from spinewise.cli.db import open_services
from spinewise.settings import DEFAULT_ATHLETE

__all__ = ["retest_command"]


def _hold(flag: str, what: str) -> object:
    return typer.Option(flag, help=f"{what}, in seconds (leave out a test you did not repeat).")


def retest_command(
    trunk_flexor_s: Annotated[float | None, _hold("--trunk-flexor", "Trunk-flexor hold")] = None,
    trunk_extensor_s: Annotated[
        float | None, _hold("--trunk-extensor", "Back-extensor hold")
    ] = None,
    side_bridge_right_s: Annotated[
        float | None, _hold("--side-bridge-right", "Side bridge on the right")
    ] = None,
    side_bridge_left_s: Annotated[
        float | None, _hold("--side-bridge-left", "Side bridge on the left")
    ] = None,
    stance_open_s: Annotated[
        float | None, _hold("--stance-eyes-open", "One-leg stance, eyes open")
    ] = None,
    stance_closed_s: Annotated[
        float | None, _hold("--stance-eyes-closed", "One-leg stance, eyes closed")
    ] = None,
    athlete: AthleteOpt = DEFAULT_ATHLETE,
    today: TodayOpt = None,
) -> None:
    """Record a retest of the hold tests; the weeks still to come are planned again with it."""
    day = parse_today(today)
    holds = {
        "trunk_flexor_s": trunk_flexor_s,
        "trunk_extensor_s": trunk_extensor_s,
        "side_bridge_right_s": side_bridge_right_s,
        "side_bridge_left_s": side_bridge_left_s,
        "single_leg_stance_eyes_open_s": stance_open_s,
        "single_leg_stance_eyes_closed_s": stance_closed_s,
    }
    now = datetime.combine(day, datetime.now().time()) if today else datetime.now()
    with open_services() as store:
        outcome = services.record_retest(store, athlete_id(store, athlete), holds, now=now)
    render.console.print("Retest stored.")
    if outcome.change is not None and outcome.plan is not None:
        render.console.print(outcome.change.reasons[0])
        render.console.print(f"Stored plan version {outcome.plan.record.version}.")
    elif outcome.held is not None:
        render.console.print(outcome.held.reasons[0])
    else:
        render.console.print("No weeks are left to plan again: the plan is done.")
