"""Shared builders for the planner tests (imported by the test modules)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from spinewise.catalog import Catalog, Exercise, load_catalog
from spinewise.planning.context import WeekContext
from spinewise.planning.objective import add_objective
from spinewise.planning.periodization import WeekPlan, periodize
from spinewise.planning.planner import week_context
from spinewise.planning.request import Demand, PlanRequest
from spinewise.planning.rules import ALL_RULES
from spinewise.planning.solver import SolveResult, WeekModel
from spinewise.planning.spine import model_compression_n

CATALOG = load_catalog()
FULL_GYM = frozenset(CATALOG.vocabulary.values("equipment"))

EXAMPLE = PlanRequest(
    name="Example Athlete",
    sex="female",
    age=34,
    body_mass_kg=64.0,
    training_experience="novice",
    days_per_week=3,
    minutes_per_session=40,
    weeks=12,
    equipment=frozenset({"mat", "band", "dumbbell", "medicine_ball", "bench", "wall"}),
    sensitivities=frozenset({"flexion"}),
    pain_current=2,
    start_date=date(2026, 12, 7),
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
        Demand("every_session", "balance_eyes_closed_low", quality="proprioception"),
    ),
    findings=(("extensor_endurance_low", "moderate", "Back extensor endurance below norm"),),
)


def week(phase: str = "build", deload: bool = False, index: int = 2) -> WeekPlan:
    return next(
        w for w in periodize(12) if w.phase == phase and w.deload == deload and w.index >= index
    )


def subset(keep: Callable[[Exercise], bool]) -> Catalog:
    return CATALOG.subset(ex.id for ex in CATALOG if keep(ex))


def context(
    request: PlanRequest = EXAMPLE, catalog: Catalog = CATALOG, wp: WeekPlan | None = None
) -> WeekContext:
    return week_context(request, catalog, wp or week(), (), model_compression_n)


def solve(ctx: WeekContext, rule_ids: Iterable[str], seed: int = 0) -> SolveResult:
    wanted = set(rule_ids)
    m = WeekModel(ctx)
    for rule in ALL_RULES:
        if rule.id in wanted and rule.applies(ctx):
            rule.build(m)
    add_objective(m, seed=seed, all_ids=ctx_ids(ctx), previous_phase_ids=frozenset())
    return m.solve(seed)


def ctx_ids(ctx: WeekContext) -> tuple[str, ...]:
    return tuple(e.id for e in ctx.exercises)


BASE = ("session_time", "session_structure", "weekly_frequency")


def used(result: SolveResult) -> list[Exercise]:
    return [CATALOG.get(it.exercise_id) for it in result.items]


def with_(request: PlanRequest, **changes: object) -> PlanRequest:
    return replace(request, **changes)  # type: ignore[arg-type]
