"""Balance practice at home: who gets it, the drills, and the road to 2 hours a week."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from spinewise.catalog import load_catalog
from spinewise.habits import build_habits, load_habit_rules
from spinewise.habits.balance import balance_drills, balance_weeks, needs_balance_practice
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.periodization import periodize
from spinewise.profile import load_profile

RULES = load_habit_rules().balance
CATALOG = load_catalog()
OLDER = Path(__file__).parents[1] / "profiles" / "older_adult_balance.toml"


def test_the_target_is_sherringtons_two_hours() -> None:
    assert RULES.target_min_per_week == 120


@pytest.mark.parametrize(
    ("age", "stance_s", "applies"),
    [(71, None, True), (65, 30.0, True), (64, None, False), (40, 8.0, True), (40, 10.0, False)],
)
def test_who_gets_it(req: Any, age: int, stance_s: float | None, applies: bool) -> None:
    holds = () if stance_s is None else (("single_leg_stance", stance_s),)
    request = req(age=age, tested_holds_s=holds)
    assert needs_balance_practice(request, RULES) is applies
    habits = build_habits(
        request, periodize(12), CATALOG, session_balance_min=[10.0] * 12
    ).to_json()
    assert (habits["balance_practice"] is not None) is applies
    assert ("balance-practice" in habits["pages"]) is applies


@pytest.mark.parametrize("weeks", [4, 6, 8, 12, 16])
@pytest.mark.parametrize("in_sessions", [0.0, 15.0, 40.0])
def test_the_last_training_week_reaches_the_target(weeks: int, in_sessions: float) -> None:
    plan = periodize(weeks)
    got = balance_weeks(plan, [in_sessions] * weeks, RULES)
    loading = [w for w in got if not w.deload]
    assert loading[-1].total_min >= RULES.target_min_per_week
    practice = [w.practice_min for w in loading]
    assert practice == sorted(practice)  # never falls outside deloads
    assert loading[0].practice_min == RULES.start_days_per_week * RULES.start_min_per_day
    assert all(w.minutes_per_day <= RULES.max_min_per_day for w in got)
    for before, week in itertools.pairwise(got):
        if week.deload:
            assert week.practice_min <= before.practice_min


def test_no_more_practice_than_the_target_needs() -> None:
    got = balance_weeks(periodize(12), [60.0] * 12, RULES)
    assert max(w.practice_min for w in got) < 120 - 60 + 6 * RULES.step_min


def test_drills_are_balance_work_the_person_has_the_kit_for(req: Any) -> None:
    with_wall = balance_drills(req(age=71), CATALOG, RULES)
    assert with_wall
    assert all("balance" in ex.patterns for ex in with_wall)
    assert [ex.level for ex in with_wall] == sorted(ex.level for ex in with_wall)
    no_wall = balance_drills(req(age=71, equipment=frozenset({"mat"})), CATALOG, RULES)
    assert all("wall" not in ex.equipment for ex in no_wall)
    capped = balance_drills(req(age=71, max_level=1), CATALOG, RULES)
    assert all(ex.level <= 1 for ex in capped)


def test_the_older_adults_plan_reaches_two_hours_with_the_practice() -> None:
    plan = make_plan_for_profile(load_profile(OLDER))
    assert plan.habits is not None
    section = plan.habits.balance_practice
    assert section is not None
    last = [w for w in section.weeks if not w.deload][-1]
    assert (last.total_minutes or 0) >= 120
    assert (last.session_minutes or 0) > 0  # the sessions' balance work counts too
    assert section.stages[0].drills
