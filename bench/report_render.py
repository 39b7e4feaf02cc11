"""Time the plan renderers on a long plan (16 weeks x 4 sessions x 5 blocks x 3 items + habits).

The habits are the real ``build_habits`` output for a desk worker with sitting-aggravated pain
(breathing, movement breaks, 16 walking weeks, recovery, the check-in); ``build_habits_view`` is
timed on its own as well.

Run: PYTHONPATH=src python bench/report_render.py

Baseline, measured in the same run: ``json.dumps`` of the same plan (what ``--format json`` costs).
Each figure is the best of several repeats, in milliseconds per rendering.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from collections.abc import Callable
from typing import Any

from rich.console import Console

from spinewise.catalog import load_catalog
from spinewise.cli.render_plan import print_plan
from spinewise.habits import build_habits
from spinewise.habits.sections import Habits
from spinewise.planning.periodization import periodize
from spinewise.planning.plan import Plan
from spinewise.planning.request import PlanRequest
from spinewise.report.plan_habits_view import build_habits_view
from spinewise.report.plan_html import plan_to_html
from spinewise.report.plan_ics import plan_to_ics
from spinewise.report.plan_markdown import plan_to_markdown

WEEKS, SESSIONS, ITEMS_PER_BLOCK = 16, 4, 3
KINDS = ("prep", "strength", "stability", "conditioning", "recovery")
PHASES = ("foundation", "build", "power", "consolidate")


def habits() -> dict[str, Any]:
    request = PlanRequest(
        name="Bench",
        sex="male",
        age=40,
        body_mass_kg=80.0,
        training_experience="intermediate",
        days_per_week=SESSIONS,
        minutes_per_session=45,
        weeks=WEEKS,
        equipment=frozenset({"mat", "band", "dumbbell"}),
        pain_current=3,
        goals=("durability", "desk_work"),
        posture_triggers=frozenset({"prolonged_sitting"}),
    )
    return build_habits(request, periodize(WEEKS), load_catalog()).to_json()


def long_plan() -> dict[str, Any]:
    start = dt.date(2026, 12, 7)
    weeks = []
    for w in range(1, WEEKS + 1):
        sessions = []
        for s in range(1, SESSIONS + 1):
            blocks = [
                {
                    "kind": kind,
                    "items": [
                        {
                            "exercise_id": f"{kind}_exercise_{i}",
                            "name": f"{kind.title()} exercise {i}",
                            "sets": 3,
                            "reps": 8 if i % 2 else None,
                            "hold_s": None if i % 2 else 10.0,
                            "distance_m": None,
                            "per_side": i == 1,
                            "tempo": "3-1-1-0" if i % 2 else None,
                            "rest_s": 60,
                            "intensity": {"kind": "rpe", "value": 7.0},
                            "why": ["a reason for this exercise", "a second reason"],
                            "extra_sets_side": {"side": "left", "sets": 1} if i == 2 else None,
                            "cues": ["a cue"],
                        }
                        for i in range(1, ITEMS_PER_BLOCK + 1)
                    ],
                }
                for kind in KINDS
            ]
            date = start + dt.timedelta(weeks=w - 1, days=2 * (s - 1))
            sessions.append(
                {"index": s, "date": date.isoformat(), "estimated_minutes": 45, "blocks": blocks}
            )
        weeks.append(
            {
                "index": w,
                "phase": PHASES[(w - 1) * 4 // WEEKS],
                "deload": w % 4 == 0,
                "sessions": sessions,
            }
        )
    return {
        "schema_version": 1,
        "generated_by": {"version": "0.1.0", "catalog_version": "bench", "seed": 1},
        "athlete": {
            "name": "Bench",
            "sex": "male",
            "age": 40,
            "body_mass_kg": 80,
            "training_experience": "intermediate",
        },
        "findings": [],
        "solver": {"status": "OPTIMAL", "solve_seconds": 1.0, "relaxed": []},
        "weeks": weeks,
        "habits": habits(),
    }


def best_ms(fn: Callable[[], object], repeats: int = 7) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def main() -> None:
    plan = long_plan()
    n_items = WEEKS * SESSIONS * len(KINDS) * ITEMS_PER_BLOCK
    print(f"plan: {WEEKS} weeks, {WEEKS * SESSIONS} sessions, {n_items} items")
    base = best_ms(lambda: json.dumps(plan, sort_keys=True))
    typed_plan = Plan.read(plan)
    runs: dict[str, Callable[[], object]] = {
        "json.dumps (baseline)": lambda: json.dumps(plan, sort_keys=True),
        "build_habits_view": lambda: build_habits_view(Habits.read(plan["habits"])),
        "plan_to_markdown": lambda: plan_to_markdown(typed_plan),
        "plan_to_html": lambda: plan_to_html(typed_plan),
        "plan_to_ics": lambda: plan_to_ics(typed_plan),
        "print_plan (Rich, 120 cols)": lambda: print_plan(
            typed_plan, Console(file=io.StringIO(), width=120)
        ),
    }
    for label, fn in runs.items():
        ms = base if label.startswith("json") else best_ms(fn, 3 if "Rich" in label else 7)
        print(f"{label:30s} {ms:9.2f} ms   {ms / base:7.1f} x baseline")


if __name__ == "__main__":
    main()
