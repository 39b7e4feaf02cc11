"""The spine-load cap beside the intensity in every format (issue 13, part 3)."""

from __future__ import annotations

import html
import io
import re
from functools import cache
from pathlib import Path

from plan_fixture import all_items, make_plan, typed
from rich.console import Console

from spinewise.cli.render_plan import print_plan
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.plan import Plan
from spinewise.profile import load_profile
from spinewise.report.plan_format import number_text
from spinewise.report.plan_html import plan_to_html
from spinewise.report.plan_ics import plan_to_ics
from spinewise.report.plan_markdown import plan_to_markdown

PROFILES = Path(__file__).resolve().parents[1] / "profiles"
EFFORT = "estimated spine load near your limit; no safe weight in kg is known"


def _text(plan: object, width: int) -> str:
    buffer = io.StringIO()
    print_plan(typed(plan), Console(file=buffer, width=width, color_system=None))  # type: ignore[arg-type]
    return buffer.getvalue()


def _formats(plan: object) -> dict[str, str]:
    return {
        "markdown": plan_to_markdown(typed(plan)),  # type: ignore[arg-type]
        "html": html.unescape(plan_to_html(typed(plan))),  # type: ignore[arg-type]
        "text": _text(plan, 400),
    }


def _capped_fixture() -> dict[str, object]:
    plan = make_plan()
    for item in all_items(plan):
        if item["exercise_id"] == "suitcase_carry":
            item["load_cap_kg"] = 24.5
        elif item["exercise_id"] in ("single_leg_rdl_tempo", "bird_dog"):
            item["effort_cap"] = True
    return plan


def test_a_load_cap_is_shown_beside_the_intensity_in_every_format() -> None:
    plan = _capped_fixture()
    for name, text in _formats(plan).items():
        assert "30 % 1RM, at most 24.5 kg" in text, name
    # the terminal at its usual width does not cut the cap off
    assert "30 % 1RM, at most 24.5 kg" in _text(plan, 120)
    ics = plan_to_ics(typed(plan)).decode().replace("\r\n ", "").replace("\\,", ",")  # type: ignore[arg-type]
    assert "30 % 1RM, at most 24.5 kg" in ics
    # and the JSON keeps it
    assert Plan.from_json(plan).to_json() == plan


def test_a_heavy_item_without_a_known_load_is_capped_by_effort_in_plain_words() -> None:
    plan = _capped_fixture()
    for name, text in _formats(plan).items():
        assert f"RPE 7, and no harder ({EFFORT})" in text, name
        assert f"bodyweight, no added weight ({EFFORT})" in text, name
    for name, text in _formats(make_plan()).items():
        assert "no safe weight" not in text, name
        assert "at most" not in text, name


@cache
def _lifter_plan() -> Plan:
    return make_plan_for_profile(load_profile(PROFILES / "powerlifter_asymmetry.toml"), weeks=4)


def test_every_cap_of_a_real_plan_is_shown_in_every_format() -> None:
    plan = _lifter_plan()
    doc = plan.to_json()
    items = [
        it for w in doc["weeks"] for s in w["sessions"] for b in s["blocks"] for it in b["items"]
    ]
    caps = [it["load_cap_kg"] for it in items if it.get("load_cap_kg") is not None]
    efforts = [it for it in items if it.get("effort_cap")]
    assert caps  # an advanced lifter's heavy lifts state their caps
    assert efforts
    for name, text in _formats(plan).items():
        shown = re.findall(r"at most (\d+(?:\.\d+)?) kg", text)
        assert sorted(shown) == sorted(number_text(float(c)) for c in caps), name
        assert text.count(EFFORT) == len(efforts), name
    # the terminal at its usual width shows every cap whole, even beside long names and doses
    shown = re.findall(r"at most (\d+(?:\.\d+)?) kg", _text(plan, 120))
    assert sorted(shown) == sorted(number_text(float(c)) for c in caps)
