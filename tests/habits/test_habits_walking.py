"""The walking programme: who gets it, the cap, progression by phase, deload steps back."""

from __future__ import annotations

from typing import Any

import pytest

from spinewise.catalog import load_catalog
from spinewise.habits import build_habits, load_habit_rules, walking_cap_min, walking_weeks
from spinewise.habits.walking import walking_reasons
from spinewise.planning.periodization import periodize

RULES = load_habit_rules().walking
CATALOG = load_catalog()


def test_pocovi_goal_is_the_programmes_end_point() -> None:
    # WalkBack aimed at 30 minutes five times a week (Pocovi 2024, via summaries [C2]).
    assert (RULES.target_min_per_day, RULES.target_days_per_week) == (30, 5)


@pytest.mark.parametrize(("minutes", "cap"), [(10, 10), (20, 20), (30, 30), (45, 30), (150, 30)])
def test_cap_is_the_lower_of_goal_and_session_length(req: Any, minutes: int, cap: int) -> None:
    request = req(minutes_per_session=minutes, pain_current=2)
    assert walking_cap_min(request, RULES) == cap
    assert max(w.minutes_per_day for w in walking_weeks(request, periodize(16), RULES)) == cap


def test_first_week_and_progression_days_then_minutes(req: Any) -> None:
    plan = walking_weeks(req(pain_current=2), periodize(16), RULES)
    loading = [(w.days, w.minutes_per_day) for w in plan if not w.deload]
    assert loading[:5] == [(3, 10), (4, 10), (5, 10), (5, 15), (5, 20)]
    assert loading[-1] == (5, 30)


def test_loading_weeks_never_go_down_and_grow_through_the_phases(req: Any) -> None:
    plan = walking_weeks(req(pain_current=2), periodize(12), RULES)
    loading = [w.weekly_min for w in plan if not w.deload]
    assert loading == sorted(loading)
    first_of = {w.phase: w.weekly_min for w in reversed(plan) if not w.deload}
    assert first_of["foundation"] < first_of["build"] < first_of["power"]


def test_deload_weeks_step_back_then_resume(req: Any) -> None:
    weeks = periodize(16)
    plan = walking_weeks(req(pain_current=2), weeks, RULES)
    assert any(w.deload for w in plan)
    for before, deload, after in zip(plan, plan[1:], plan[2:], strict=False):
        if deload.deload:
            assert deload.weekly_min < before.weekly_min
            assert deload.minutes_per_day <= before.minutes_per_day
            assert after.weekly_min >= before.weekly_min


def test_short_walks_deload_by_a_day(req: Any) -> None:
    plan = walking_weeks(req(pain_current=2, minutes_per_session=5), periodize(8), RULES)
    deload = plan[-1]
    assert deload.deload
    assert deload.minutes_per_day == plan[-2].minutes_per_day == 5
    assert deload.days == plan[-2].days - 1


def test_pain_from_4_progresses_every_second_week(req: Any) -> None:
    fast = [w for w in walking_weeks(req(pain_current=2), periodize(12), RULES) if not w.deload]
    slow = [w for w in walking_weeks(req(pain_current=4), periodize(12), RULES) if not w.deload]
    assert [(w.days, w.minutes_per_day) for w in slow[:4]] == [(3, 10), (3, 10), (4, 10), (4, 10)]
    assert sum(w.weekly_min for w in slow) < sum(w.weekly_min for w in fast)
    assert slow[0].pace.startswith("easy (")


def test_pain_above_5_starts_at_5_minutes(req: Any) -> None:
    plan = walking_weeks(req(pain_current=7), periodize(8), RULES)
    assert plan[0].minutes_per_day == 5


def test_impact_sensitivity_keeps_walking_easy_and_says_why(req: Any) -> None:
    request = req(pain_current=2, sensitivities=frozenset({"impact"}))
    section = build_habits(request, periodize(8), CATALOG).to_json()["walking"]
    assert section is not None
    assert all(w["pace"].startswith("easy (") for w in section["weeks"])
    assert any("walking is not impact" in note for note in section["notes"])


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, 0),
        ({"goals": ("lifting", "rotational_sport")}, 0),
        ({"goals": ("desk_work",)}, 1),
        ({"posture_triggers": frozenset({"prolonged_sitting", "prolonged_standing"})}, 2),
        ({"pain_current": 1}, 1),
        ({"findings": (("pain_worst_week_high", "mild", "x"),)}, 1),
        ({"age": 60}, 1),
        ({"age": 59}, 0),
    ],
)
def test_walking_reasons(req: Any, changes: dict[str, Any], expected: int) -> None:
    assert len(walking_reasons(req(**changes), RULES)) == expected


def test_budget_sentence_names_the_cap(req: Any) -> None:
    section = build_habits(
        req(goals=("desk_work",), minutes_per_session=20), periodize(8), CATALOG
    ).to_json()
    walking = section["walking"]
    assert walking["cap_min_per_day"] == 20
    assert "20 minutes" in walking["budget"]


def test_the_documented_12_week_example(req: Any) -> None:
    # docs/science/habits.md, section 4: pain 3/10, 40-minute sessions, deloads in weeks 3, 7, 10.
    plan = walking_weeks(req(pain_current=3, minutes_per_session=40), periodize(12), RULES)
    assert [(w.days, w.minutes_per_day) for w in plan] == [
        (3, 10), (4, 10), (4, 5), (5, 10), (5, 15), (5, 20),
        (5, 10), (5, 25), (5, 30), (5, 20), (5, 30), (5, 30),
    ]  # fmt: skip
