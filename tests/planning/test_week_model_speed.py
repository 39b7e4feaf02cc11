"""The week model's faster look-ups give what the scans they replace gave (decision 0255)."""

from __future__ import annotations

import random

from ortools.sat.python import cp_model

from planning.planning_fixtures import CATALOG, EXAMPLE, context
from spinewise.catalog import Exercise
from spinewise.planning.planner import remembered_cap
from spinewise.planning.request import PlanRequest
from spinewise.planning.solver import BLOCK_ORDER, WeekModel
from spinewise.planning.spine import load_cap_for

CTX = context()


def test_session_items_follow_the_exercise_order_whatever_order_the_ids_come_in() -> None:
    m = WeekModel(CTX)
    ids = [ex.id for ex in CTX.exercises]
    rng = random.Random(7)
    for _ in range(50):
        wanted = [*rng.sample(ids, rng.randint(0, 12)), "no_such_exercise"]
        rng.shuffle(wanted)
        for s in CTX.sessions:
            scanned = [m.y[s, e] for e in ids if e in set(wanted) and (s, e) in m.y]
            assert [v.index for v in m.session_items(s, wanted)] == [v.index for v in scanned]
    for s in CTX.sessions:
        everything = [m.y[s, e] for e in ids if (s, e) in m.y]
        assert [v.index for v in m.session_items(s)] == [v.index for v in everything]


def test_block_items_are_the_sorted_scan_of_x() -> None:
    m = WeekModel(CTX)
    for s in CTX.sessions:
        for block in BLOCK_ORDER:
            scanned = [v for (ss, _, b), v in sorted(m.x.items()) if ss == s and b == block]
            assert [v.index for v in m.block_items(s, block)] == [v.index for v in scanned]


def test_an_exercise_of_one_block_has_one_variable_per_session() -> None:
    m = WeekModel(CTX)
    one = multi = 0
    for (s, e, _), x in m.x.items():
        blocks = [bb for (ss, ee, bb) in m.x if ss == s and ee == e]
        if len(blocks) == 1:
            assert x.index == m.y[s, e].index
            one += 1
        else:
            assert x.index != m.y[s, e].index
            multi += 1
    assert one  # the example week has both kinds
    assert multi


def test_not_both_lets_one_of_two_be_chosen() -> None:
    m = WeekModel(CTX)
    a, b = m.session_items(0)[:2]
    m.not_both(a, b)
    m.model.maximize(cp_model.LinearExpr.weighted_sum([a, b], [5, 5]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(m.model) == cp_model.OPTIMAL
    assert solver.objective_value == 5


def test_remembered_cap_asks_once_per_exercise_and_answers_the_same() -> None:
    calls: list[str] = []

    def counted(ex: Exercise, request: PlanRequest) -> float | None:
        calls.append(ex.id)
        return load_cap_for(ex, request)

    cap = remembered_cap(counted)
    lifts = [ex for ex in CATALOG if "barbell" in ex.equipment][:6]
    assert lifts
    for _ in range(3):
        for ex in lifts:
            assert cap(ex, EXAMPLE) == load_cap_for(ex, EXAMPLE)
    assert calls == [ex.id for ex in lifts]
