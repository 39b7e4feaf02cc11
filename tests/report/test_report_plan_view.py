"""The display rows shared by the plan renderers: doses, intensities, habits, missing fields."""

from __future__ import annotations

import json
from typing import Any

import pytest
from plan_fixture import make_plan, typed
from rich.console import Console

from spinewise.cli.render_plan import print_plan
from spinewise.errors import InputError
from spinewise.habits.sections import Habits
from spinewise.planning.plan import Item, Session
from spinewise.report.plan_format import dose_text, intensity_text, week_ranges, when_text
from spinewise.report.plan_habits_view import build_habits_view
from spinewise.report.plan_html import plan_to_html
from spinewise.report.plan_markdown import plan_to_markdown
from spinewise.report.plan_view import build_plan_view


def _dose(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"sets": 3, "reps": None, "hold_s": None, "per_side": False}
    return base | kw


@pytest.mark.parametrize(
    ("item", "text"),
    [
        (_dose(reps=8), "3 × 8"),
        (_dose(reps=8, per_side=True), "3 × 8 per side"),
        (_dose(hold_s=10.0), "3 × 10 s hold"),
        (_dose(reps=5, hold_s=7.5), "3 × 5 reps (7.5 s hold)"),
        (_dose(distance_m=20, per_side=True), "3 × 20 m per side"),
        (_dose(), "3 sets"),
        (
            _dose(hold_s=10, extra_sets_side={"side": "right", "sets": 2}),
            "3 × 10 s hold, +2 sets right side",
        ),
        (_dose(reps=8, extra_sets_side=None), "3 × 8"),
    ],
)
def test_dose_text(item: dict[str, Any], text: str) -> None:
    assert dose_text(Item.from_json({"exercise_id": "x", **item}).dose) == text


@pytest.mark.parametrize(
    ("intensity", "text"),
    [
        ({"kind": "rpe", "value": 7.5}, "RPE 7.5"),
        ({"kind": "rpe", "value": None}, "RPE"),
        ({"kind": "rir", "value": 2}, "RIR 2"),
        ({"kind": "percent_1rm", "value": 70.0}, "70 % 1RM"),
        ({"kind": "bodyweight"}, "bodyweight"),
        ({"kind": "band", "value": 2}, "band (2)"),
        ({"kind": "ballistic", "value": None}, "ballistic, full intent"),
        ({"kind": "velocity", "value": 0.8}, "velocity 0.8"),
        (None, "—"),
    ],
)
def test_intensity_text(intensity: Any, text: str) -> None:
    read = Item.from_json({"exercise_id": "x", "sets": 1, "intensity": intensity})
    assert intensity_text(None if intensity is None else read.dose.intensity) == text


def test_when_and_week_ranges() -> None:
    assert when_text(Session.from_json({"index": 1, "date": None})) == "—"
    dated = Session.from_json({"index": 1, "date": "2026-12-10", "day": "mon"})
    assert when_text(dated) == "Thu 2026-12-10"  # the date wins
    assert week_ranges([5, 1, 2, 3, 7, 8]) == "1–3, 5, 7–8"
    assert week_ranges([]) == ""


@pytest.mark.parametrize(
    "habits",
    [None, [], 42, "walk daily", {}, {"future": {"title": "New habit", "what": "x"}}],
)
def test_habits_with_nothing_known_show_nothing(habits: Any) -> None:
    assert build_habits_view(Habits.read(habits)) is None


PARTIAL_HABITS: dict[str, Any] = {
    "walking": {"weeks": [{"week": 1, "days": 3, "minutes_per_day": "ten"}, None]},
    "recovery": {"sleep": {"what": "Sleep well.", "sources": [{"status": "C"}, 3]}},
    "check_in": None,
    "breathing": {"title": 5, "by_phase": [{"phase": "build", "weeks": "2"}]},
    "not_included": {"walking": ["not", "a", "string"], "movement_breaks": "No trigger."},
    "finding_pages": {"x_low": "x-low"},
}


def test_partial_habits_show_what_can_be_read() -> None:
    view = build_habits_view(Habits.read(PARTIAL_HABITS))
    assert view is not None
    assert [h.key for h in view.habits] == ["breathing", "recovery"]
    assert view.habits[0].title == "Breathing and bracing practice"
    assert view.habits[0].table is not None
    assert view.habits[0].table.rows == (("build", "", "", "", ""),)
    assert view.habits[1].lists[0].items[0].value == "Sleep well."
    assert view.habits[1].sources == ()
    assert view.not_included == ("Movement breaks: not included because no trigger.",)
    assert [(g.title, [p.command for p in g.pages]) for g in view.learn] == [
        ("Your findings", ["spinewise learn x-low"])
    ]
    assert view.week_hints == ()


def test_partial_habits_are_written_back_as_they_were_read() -> None:
    habits = Habits.read(PARTIAL_HABITS)
    assert habits is not None
    assert json.dumps(habits.to_json()) == json.dumps(PARTIAL_HABITS)
    assert habits.breathing is not None
    assert habits.breathing.title is None  # a number where a title belongs is not a title
    assert habits.not_included == (("movement_breaks", "No trigger."),)


@pytest.mark.parametrize("habits", [[], 42, {"odd": [1, {"k": [None, {"z": 1}]}]}, [[["x"]]]])
def test_every_renderer_survives_odd_habits(habits: Any) -> None:
    plan = make_plan()
    plan["habits"] = habits
    console = Console(record=True, width=60)
    print_plan(typed(plan), console)
    for text in (plan_to_markdown(typed(plan)), plan_to_html(typed(plan)), console.export_text()):
        assert "{'" not in text
        assert "Daily habits" not in text


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        (lambda p: p.pop("athlete"), "plan.athlete: required field missing"),
        (lambda p: p.pop("weeks"), "plan.weeks: required field missing"),
        (lambda p: p["solver"].pop("relaxed"), "solver.relaxed: required field missing"),
        (lambda p: p["findings"][1].pop("summary"), "findings[1].summary: required field missing"),
        (lambda p: p.update(weeks={"1": {}}), "weeks: must be a list, got dict"),
        (
            lambda p: p["weeks"][2]["sessions"][1]["blocks"][0]["items"][1].pop("why"),
            "weeks[2].sessions[1].blocks[0].items[1].why: required field missing",
        ),
        (
            lambda p: p["weeks"][0]["sessions"][0].pop("date"),
            "weeks[0].sessions[0].date: required field missing",
        ),
        (
            lambda p: p["weeks"][0]["sessions"][0].update(date="next monday"),
            "weeks[0].sessions[0].date: must be a date (YYYY-MM-DD) or null, got 'next monday'",
        ),
        (
            lambda p: p["solver"].update(solve_seconds="fast"),
            "solver.solve_seconds: must be a number, got str",
        ),
    ],
)
def test_missing_fields_named(mutate: Any, problem: str) -> None:
    plan = make_plan()
    mutate(plan)
    with pytest.raises(InputError) as err:
        build_plan_view(typed(plan))
    assert err.value.problems == (problem,)


def test_not_a_plan() -> None:
    with pytest.raises(InputError, match="plan: must be an object, got list"):
        build_plan_view(typed([]))  # type: ignore[arg-type]


def test_unknown_fields_ignored_and_totals() -> None:
    plan = make_plan()
    plan["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["future_field"] = {"x": 1}
    plan["future_top_level"] = [1, 2]
    view = build_plan_view(typed(plan))
    assert [w.total_minutes for w in view.weeks] == ["~95 min", "~96 min", "~70 min"]
    assert [w.volume for w in view.weeks] == ["35 min", "40 min", "21 min"]
    assert view.sessions[1].peak_compression is None
    assert view.relaxed[0].startswith("weekly_minutes")


def test_public_names() -> None:
    import importlib

    expected = {
        "spinewise.report.plan_markdown": ["plan_to_markdown"],
        "spinewise.report.plan_html": ["plan_to_html"],
        "spinewise.report.plan_ics": ["plan_to_ics"],
        "spinewise.cli.render_plan": ["print_plan"],
    }
    for name, public in expected.items():
        module = importlib.import_module(name)
        assert module.__all__ == public
    for name in (
        "plan_view",
        "plan_format",
        "plan_habits",
        "plan_habits_view",
        "plan_habits_weeks",
    ):
        module = importlib.import_module(f"spinewise.report.{name}")
        assert all(hasattr(module, attr) for attr in module.__all__)
