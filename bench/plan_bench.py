"""Planner benchmark: a 12-week, 4-day plan from the full catalogue.

Reports p50 and p95 wall time over 20 runs (model building and solving, not imports) with the
median CPU time of the process beside it (on a machine shared with other work, wall time also
counts the wait for a core; CP-SAT runs one worker, so CPU time is the work done), the
objective and optimality status of every week, and a greedy baseline measured in the same run: its
time and how many requirements its plan misses (counted by the solver-independent validator).

Run: ``PYTHONPATH=src python bench/plan_bench.py [--runs 20]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter
from dataclasses import replace
from typing import Any

from spinewise.catalog import Catalog, load_catalog
from spinewise.planning.candidates import eligible, level_window
from spinewise.planning.dosing import dose_for, item_seconds
from spinewise.planning.explain import BLOCK_PURPOSE
from spinewise.planning.objective import GOAL_EMPHASIS, PHASE_EMPHASIS, _has
from spinewise.planning.periodization import periodize
from spinewise.planning.planner import make_plan
from spinewise.planning.policy import BLOCK_MAX_ITEMS, items_per_session
from spinewise.planning.render_json import plan_item
from spinewise.planning.request import Demand, PlanRequest
from spinewise.planning.solver import BLOCK_ORDER
from spinewise.planning.spine import spine_load
from spinewise.planning.validate import validate_plan

CATALOG = load_catalog()
REQUEST = PlanRequest(
    name="Bench Athlete",
    sex="male",
    age=35,
    body_mass_kg=80.0,
    training_experience="intermediate",
    days_per_week=4,
    minutes_per_session=45,
    weeks=12,
    equipment=frozenset(CATALOG.vocabulary.values("equipment")),
    pain_current=1,
    goals=("durability", "lifting"),
    demands=(
        Demand(
            "extra_volume",
            "extensor_endurance_low",
            quality="isometric_endurance",
            region="erector_spinae",
            sets=2,
        ),
        Demand(
            "weaker_side",
            "side_bridge_asymmetry",
            pattern="anti_lateral_flexion",
            side="left",
            sets=1,
        ),
    ),
)


def greedy_plan(request: PlanRequest, catalog: Catalog) -> dict[str, Any]:
    """A straightforward baseline: fill each session with the best-scoring items that fit."""
    weeks_json = []
    for wp in periodize(request.weeks):
        pool = [
            ex for ex in eligible(catalog, request, wp.phase) if spine_load(ex, request) is not None
        ]
        _, top = level_window(request, wp.phase)

        def score(ex: Any, _wp: Any = wp, _top: int = top) -> tuple[float, str]:
            s = 6 * sum(_has(ex, t) for t in PHASE_EMPHASIS[_wp.phase])
            s += 4 * sum(_has(ex, t) for g in request.goals for t in GOAL_EMPHASIS.get(g, ()))
            s -= 3 * abs(ex.level - _top)
            return (-s, ex.id)

        ranked = sorted(pool, key=score)
        _, high = items_per_session(request.minutes_per_session)
        used: Counter[str] = Counter()
        sessions = []
        for s_index, day in enumerate(request.training_days, start=1):
            budget = request.minutes_per_session * 60
            chosen: list[tuple[str, Any, Any]] = []
            for ex in ranked:
                if len(chosen) >= high or used[ex.id] >= 2:
                    continue
                block = next((b for b in BLOCK_ORDER if b in ex.blocks), None)
                if (
                    block is None
                    or sum(1 for c in chosen if c[0] == block) >= BLOCK_MAX_ITEMS[block]
                ):
                    continue
                dose = dose_for(
                    ex,
                    wp,
                    experience=request.training_experience,
                )
                secs = item_seconds(dose)
                if secs > budget:
                    continue
                budget -= secs
                used[ex.id] += 1
                chosen.append((block, ex, dose))
            blocks = [
                {
                    "kind": b,
                    "items": [
                        plan_item(ex.id, ex.name, d, [BLOCK_PURPOSE[b]]).to_json()
                        for bb, ex, d in chosen
                        if bb == b
                    ],
                }
                for b in BLOCK_ORDER
                if any(c[0] == b for c in chosen)
            ]
            sessions.append(
                {
                    "index": s_index,
                    "day": day,
                    "date": None,
                    "estimated_minutes": round(sum(item_seconds(c[2]) for c in chosen) / 60, 1),
                    "blocks": blocks,
                }
            )
        weeks_json.append(
            {"index": wp.index, "phase": wp.phase, "deload": wp.deload, "sessions": sessions}
        )
    return {"schema_version": 1, "solver": {"relaxed": []}, "weeks": weeks_json}


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    make_plan(replace(REQUEST, weeks=4), CATALOG)  # warm caches (catalogue, vocabulary)
    times, cpu_times, plan = [], [], None
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        plan = make_plan(REQUEST, CATALOG, seed=0)
        times.append(time.perf_counter() - t0)
        cpu_times.append(time.process_time() - c0)
    assert plan is not None
    g_times, g_cpu_times, greedy = [], [], None
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        greedy = greedy_plan(REQUEST, CATALOG)
        g_times.append(time.perf_counter() - t0)
        g_cpu_times.append(time.process_time() - c0)
    assert greedy is not None
    cp_violations = validate_plan(plan, REQUEST, CATALOG)
    g_violations = validate_plan(greedy, REQUEST, CATALOG)
    q = statistics.quantiles(times, n=20)
    print(
        f"plan: 12 weeks x {REQUEST.days_per_week} days, {len(CATALOG)} exercises, {args.runs} runs"
    )
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print(
        f"CP-SAT planner   p50 {statistics.median(times):.3f} s   p95 {q[18]:.3f} s   "
        f"CPU p50 {statistics.median(cpu_times):.3f} s   "
        f"violations {len(cp_violations)}   relaxed {len(plan.solver.relaxed)}"
    )
    print(
        f"greedy baseline  p50 {statistics.median(g_times):.3f} s   "
        f"CPU p50 {statistics.median(g_cpu_times):.3f} s   "
        f"violations {len(g_violations)} "
        f"({len({v.requirement for v in g_violations})} distinct requirements: "
        f"{', '.join(sorted({v.requirement for v in g_violations}))})"
    )
    print(
        f"planner / greedy time ratio (p50): "
        f"{statistics.median(times) / statistics.median(g_times):.1f}x"
    )
    print(f"deterministic solve time total: {plan.solver.solve_seconds} s")
    print("week  status    objective  bound")
    for row in plan.solver.per_week:
        print(f"{row.week:>4}  {row.status:<9} {row.objective:>9.0f}  {row.bound:>5.0f}")


if __name__ == "__main__":
    main()
