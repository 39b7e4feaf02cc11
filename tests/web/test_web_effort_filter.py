"""The guided session writes the intensity as the plan does: load in kg and caps included."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spinewise.catalog.entities import Intensity
from spinewise.logbook.planned import planned_sessions
from spinewise.planning.make import make_plan_for_profile
from spinewise.profile import load_profile
from spinewise.web.templating import make_templates

PROFILE = Path(__file__).parents[2] / "examples" / "profile.example.toml"


def test_the_effort_filter_shows_percent_load_and_cap() -> None:
    plan = make_plan_for_profile(load_profile(PROFILE), weeks=4)
    item = planned_sessions(plan)[0].items[0]
    effort = make_templates(
        Path(__file__).parents[2] / "src" / "spinewise" / "web" / "templates"
    ).env.filters["effort"]
    lifted = replace(
        item,
        item=item.item.with_dose(
            replace(
                item.dose,
                intensity=Intensity(kind="percent_1rm", value=80),
                load_kg=160.0,
                load_cap_kg=None,
            )
        ),
    )
    assert effort(lifted) == "80 % 1RM: 160 kg"
    capped = replace(
        item,
        item=item.item.with_dose(
            replace(item.dose, intensity=Intensity(kind="rpe", value=7), load_cap_kg=72.5)
        ),
    )
    assert effort(capped).startswith("RPE 7, at most 72.5 kg")
    assert "_" not in effort(lifted) + effort(capped)
