"""Nothing a person reads in a rendered plan shows an internal identifier (issue 14, item 6)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from plan_fixture import typed

from spinewise.catalog import load_catalog
from spinewise.planning.make import make_plan_for_profile
from spinewise.profile import load_profile, parse_profile
from spinewise.report.plan_html import plan_to_html
from spinewise.report.plan_markdown import plan_to_markdown

EXAMPLE = Path(__file__).parents[2] / "src" / "spinewise" / "examples" / "profile.example.toml"
#: A word joined by underscores: how the vocabulary and finding codes are spelled internally.
IDENTIFIER = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")


def _visible_html(page: str) -> str:
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _older_adult() -> object:
    base = load_profile(EXAMPLE).model_dump(mode="python")
    base["athlete"].update(age=71, training_experience="novice")
    base["tests"].update(single_leg_stance_eyes_open_s=8, side_bridge_left_s=20)
    return parse_profile(base)


@pytest.fixture(scope="module", params=["example", "older adult"])
def plan(request: pytest.FixtureRequest) -> object:
    profile = load_profile(EXAMPLE) if request.param == "example" else _older_adult()
    return make_plan_for_profile(profile)  # type: ignore[arg-type]


def test_markdown_and_html_show_no_identifier(plan: object) -> None:
    for text in (plan_to_markdown(typed(plan)), _visible_html(plan_to_html(typed(plan)))):  # type: ignore[arg-type]
        assert IDENTIFIER.findall(text) == []


def test_every_reason_is_plain(plan: object) -> None:
    catalog = load_catalog()
    for week in plan.weeks:  # type: ignore[attr-defined]
        for session in week.sessions:
            for _, item in session.items():
                assert item.why, item.exercise_id
                for reason in item.why:
                    assert not IDENTIFIER.search(reason), reason
                if "single-leg hinge" in " ".join(item.why):
                    ex = catalog.get(item.exercise_id)
                    assert ex.loading != "ballistic", "a swing is not a single-leg hinge"
                if "lowered under control" in " ".join(item.why):
                    ex = catalog.get(item.exercise_id)
                    assert "eccentric_control" in ex.qualities, f"{ex.name} is not lowered slowly"
