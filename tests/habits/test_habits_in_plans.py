"""Issue 'beyond the workout', end to end: profile -> assessment -> plan -> habits section."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from spinewise.education import load_pages
from spinewise.planning.make import assess_and_plan
from spinewise.profile import parse_profile

EXAMPLE = tomllib.loads(
    (Path(__file__).resolve().parents[2] / "examples" / "profile.example.toml").read_text()
)


def _profile(**changes: Any) -> Any:
    data = {k: dict(v) if isinstance(v, dict) else v for k, v in EXAMPLE.items()}
    for dotted, value in changes.items():
        section, key = dotted.split("__")
        data[section][key] = value
    return parse_profile(data)


def _plan(**changes: Any) -> dict[str, Any]:
    _, plan = assess_and_plan(_profile(**changes), weeks=6)
    return plan.to_json()


def test_desk_worker_with_sitting_pain_gets_breaks_walking_and_pages() -> None:
    plan = _plan(pain__aggravated_by=["prolonged_sitting"], goals__focus=["desk_work"])
    habits = plan["habits"]
    assert habits["movement_breaks"] is not None
    assert habits["walking"] is not None
    for week in habits["walking"]["weeks"]:
        assert week["minutes_per_day"] <= 40  # never beyond the time per session
    pages = load_pages()
    codes = {f["code"] for f in plan["findings"]}
    assert "sitting_intolerance" in codes
    finding_pages = habits["finding_pages"]
    assert set(finding_pages) == codes  # every finding links to its page
    assert set(finding_pages.values()) <= set(pages)


def test_pain_free_lifter_gets_neither_unless_the_goal_fits() -> None:
    lifter = _plan(
        pain__current=0,
        pain__worst_last_week=0,
        pain__aggravated_by=[],
        goals__focus=["lifting"],
        athlete__training_experience="intermediate",
    )
    assert lifter["habits"]["movement_breaks"] is None
    assert lifter["habits"]["walking"] is None
    assert lifter["habits"]["not_included"]
    desk_lifter = _plan(
        pain__current=0,
        pain__worst_last_week=0,
        pain__aggravated_by=[],
        goals__focus=["lifting", "desk_work"],
    )
    assert desk_lifter["habits"]["movement_breaks"] is not None
