"""Fewer trips to the floor for the older adult: standing and floor work grouped in each block."""

from __future__ import annotations

from pathlib import Path

from spinewise.catalog import load_catalog
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.transfers import floor_transfers, is_on_floor, order_for_fewer_transfers
from spinewise.profile import load_profile

CATALOG = load_catalog()
PROFILES = Path(__file__).parents[1] / "profiles"


def test_reordering_groups_floor_work_and_keeps_the_items() -> None:
    up, down = CATALOG.get("sit_to_stand"), CATALOG.get("bird_dog")
    assert (is_on_floor(up), is_on_floor(down)) == (False, True)
    blocks = [[up], [down, up, down], [up, down]]
    exercise_of = {id(ex): ex for block in blocks for ex in block}
    ordered = order_for_fewer_transfers(blocks, exercise_of)
    assert [sorted(b, key=id) for b in ordered] == [sorted(b, key=id) for b in blocks]
    before = floor_transfers([ex for b in blocks for ex in b])
    after = floor_transfers([ex for b in ordered for ex in b])
    assert (before, after) == (5, 2)


def test_the_older_adults_sessions_go_down_to_the_floor_less_often() -> None:
    plan = make_plan_for_profile(load_profile(PROFILES / "older_adult_balance.toml"))
    total, worst = 0, 0
    for week in plan.weeks:
        for session in week.sessions:
            blocks = [[CATALOG.get(it.exercise_id) for it in b.items] for b in session.blocks]
            n = floor_transfers([ex for b in blocks for ex in b])
            total, worst = total + n, max(worst, n)
            # within the fixed block order, no session could do with fewer changes of level
            best = order_for_fewer_transfers(blocks, {id(ex): ex for b in blocks for ex in b})
            assert n <= floor_transfers([ex for b in best for ex in b])
    assert worst <= 4
