"""The planner: periodize, then solve one week at a time with earlier weeks fixed.

Each week is a small CP-SAT model (:mod:`spinewise.planning.solver`) with one rule module per
requirement. When a week's requirements conflict, relaxable requirements are dropped in the
documented order (:data:`~spinewise.planning.requirements.RELAX_ORDER`), then restored one by one
where the week stays feasible, so that only what must give way is relaxed; each relaxation is
reported. When even that fails the plan fails with :class:`~spinewise.errors.InfeasiblePlanError`,
naming the conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spinewise import __version__
from spinewise.catalog import Catalog, Exercise, load_vocabulary
from spinewise.errors import InfeasiblePlanError
from spinewise.planning.candidates import eligible, hold_family, level_window
from spinewise.planning.context import PlacedItem, WeekContext
from spinewise.planning.dosing import dose_for, item_seconds, volume_units
from spinewise.planning.lifts import one_rm_kg
from spinewise.planning.objective import add_objective, item_scores
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.plan import Plan, Week
from spinewise.planning.policy import plan_weeks, serves_demand
from spinewise.planning.render_json import plan_document
from spinewise.planning.request import PlanRequest
from spinewise.planning.requirements import RELAX_ORDER, REQUIREMENTS
from spinewise.planning.rules import ALL_RULES
from spinewise.planning.shortlist import shortlist
from spinewise.planning.solver import SolveResult, WeekModel
from spinewise.planning.spine import (
    CapFn,
    CompressionFn,
    SpineLoad,
    compression_limit_n,
    item_spine_load,
    load_cap_for,
    model_compression_n,
    spine_load,
)

__all__ = ["SolvedWeek", "exposure_weeks", "make_plan", "week_context"]

_OK = ("OPTIMAL", "FEASIBLE")


@dataclass(frozen=True)
class SolvedWeek:
    """One week's solution with its context and what was relaxed."""

    ctx: WeekContext
    result: SolveResult
    relaxed: tuple[str, ...]


def week_context(
    request: PlanRequest,
    catalog: Catalog,
    week: WeekPlan,
    previous: tuple[SolvedWeek, ...],
    compression: CompressionFn,
    spine_cache: dict[str, SpineLoad | None] | None = None,
    cap_for: CapFn | None = None,
    progressions: dict[str, tuple[str, ...]] | None = None,
) -> WeekContext:
    """Compute everything one week's model reads (eligible exercises, doses, times, loads).

    Whether an exercise may be given is decided at the catalogue's dose (``spine_cache`` keeps
    that per exercise); each week's compression and load cap are those of the week's dose, at
    the load it prescribes (:func:`~spinewise.planning.spine.item_spine_load`, with the load cap
    from ``cap_for`` when given). ``progressions`` is each catalogue exercise's progressions,
    when the caller has it already (the same for every week).
    """
    limit = compression_limit_n(request)
    done = frozenset(
        it.exercise_id for p in previous if not p.ctx.week.deload for it in p.result.items
    )
    allowed = []
    for ex in eligible(catalog, request, week.phase, done):
        if spine_cache is not None and ex.id in spine_cache:
            load = spine_cache[ex.id]
        else:
            load = spine_load(ex, request, compression)
            if spine_cache is not None:
                spine_cache[ex.id] = load
        if load is not None:
            allowed.append(ex)
    pool = []
    loads: dict[str, float] = {}
    doses, seconds, volume = {}, {}, {}
    exposures = exposure_weeks(previous)
    for ex in allowed:
        extra = sum(1 for d in request.demands if d.kind == "extra_volume" and serves_demand(ex, d))
        dose = dose_for(
            ex,
            week,
            experience=request.training_experience,
            exposure=exposures.get(ex.id, 0),
            extra_sets=min(extra, 2),
            tested_hold_s=request.tested_hold_s(hold_family(ex)),
        )
        weaker = [d for d in request.demands if d.kind == "weaker_side" and serves_demand(ex, d)]
        if weaker and weaker[0].side is not None and not week.deload:
            dose = replace(dose, extra_sets_side=(weaker[0].side, max(1, weaker[0].sets)))
        at_dose = item_spine_load(ex, request, dose, compression, cap_for)
        if at_dose is None:
            continue
        dose = replace(
            dose,
            load_cap_kg=at_dose.load_cap_kg,
            effort_cap=at_dose.effort_cap,
            load_kg=at_dose.load_kg if one_rm_kg(ex, request) is not None else None,
        )
        pool.append(ex)
        loads[ex.id] = at_dose.compression_n
        doses[ex.id] = dose
        seconds[ex.id] = item_seconds(dose)
        volume[ex.id] = volume_units(dose)
    return WeekContext(
        request=request,
        week=week,
        exercises=tuple(pool),
        doses=doses,
        seconds=seconds,
        volume=volume,
        compression_n=loads,
        compression_limit_n=limit,
        previous=tuple(p.result.items for p in previous),
        previous_weeks=tuple(p.ctx.week for p in previous),
        catalog_progressions=(
            {ex.id: ex.progressions for ex in catalog.exercises}
            if progressions is None
            else progressions
        ),
    )


def exposure_weeks(previous: Sequence[SolvedWeek]) -> dict[str, int]:
    """Earlier loading weeks in which each exercise was done (deloads do not count)."""
    out: dict[str, int] = {}
    for p in previous:
        if p.ctx.week.deload:
            continue
        for eid in {it.exercise_id for it in p.result.items}:
            out[eid] = out.get(eid, 0) + 1
    return out


def _solve(
    ctx: WeekContext,
    dropped: frozenset[str],
    seed: int,
    all_ids: tuple[str, ...],
    previous_phase_ids: frozenset[str],
    scores: dict[str, int] | None = None,
) -> SolveResult:
    m = WeekModel(ctx)
    for rule in ALL_RULES:
        if rule.id not in dropped and rule.applies(ctx):
            rule.build(m)
    add_objective(
        m, seed=seed, all_ids=all_ids, previous_phase_ids=previous_phase_ids, scores=scores
    )
    # No warm start from the week before: completing a partial hint cost a search whose solution
    # scored below the first LP-guided dive (decision record 0255); continuity within a phase is
    # in the objective (CONTINUITY_REWARD).
    return m.solve(seed)


def _diagnose(ctx: WeekContext, seed: int, all_ids: tuple[str, ...]) -> str:
    req = ctx.request
    missing = [
        r
        for r in load_vocabulary().key_regions
        if not any(r in ex.primary_regions for ex in ctx.exercises)
    ]
    if missing:
        return (
            f"week {ctx.week.index}: no exercise open to this athlete trains "
            f"{', '.join(missing)} as a primary region (key_regions): equipment "
            f"{', '.join(sorted(req.equipment)) or 'none'}, excluded movements "
            f"{', '.join(sorted(req.sensitivities)) or 'none'}, levels up to "
            f"{level_window(req, ctx.week.phase)[1]}, spine limit "
            f"{ctx.compression_limit_n:.0f} N"
        )
    everything = frozenset(RELAX_ORDER)
    for hard in (
        "key_regions",
        "session_structure",
        "deload_volume",
        "heavy_hinge_spacing",
        "heavy_compression_spacing",
        "weekly_frequency",
        "session_time",
    ):
        res = _solve(ctx, everything | {hard}, seed, all_ids, frozenset())
        if res.status in _OK:
            if hard in ("key_regions", "session_time"):
                return (
                    f"week {ctx.week.index}: {req.days_per_week} session(s) of "
                    f"{req.minutes_per_session} minutes cannot cover every key region "
                    "with a prep item in each session (key_regions, session_time)"
                )
            return f"week {ctx.week.index}: {hard} cannot hold: {REQUIREMENTS[hard]}"
    return (
        f"week {ctx.week.index}: no plan meets the hard requirements with the available "
        f"equipment ({', '.join(sorted(req.equipment)) or 'none'}) and sensitivities "
        f"({', '.join(sorted(req.sensitivities)) or 'none'})"
    )


def _solve_week(
    ctx: WeekContext, seed: int, all_ids: tuple[str, ...], previous_phase_ids: frozenset[str]
) -> SolvedWeek:
    scores = item_scores(ctx, seed=seed, all_ids=all_ids)
    short = shortlist(ctx, scores, previous_phase_ids)
    result = _solve(short, frozenset(), seed, all_ids, previous_phase_ids, scores)
    if result.status in _OK:
        return SolvedWeek(ctx, result, ())
    result = _solve(ctx, frozenset(), seed, all_ids, previous_phase_ids, scores)
    if result.status in _OK:
        return SolvedWeek(ctx, result, ())
    applicable = [
        r for r in RELAX_ORDER if any(rule.id == r and rule.applies(ctx) for rule in ALL_RULES)
    ]
    for k in range(1, len(applicable) + 1):
        dropped = set(applicable[:k])
        result = _solve(ctx, frozenset(dropped), seed, all_ids, previous_phase_ids)
        if result.status not in _OK:
            continue
        for rule_id in applicable[:k]:
            trial = _solve(ctx, frozenset(dropped - {rule_id}), seed, all_ids, previous_phase_ids)
            if trial.status in _OK:
                dropped.discard(rule_id)
                result = trial
        return SolvedWeek(ctx, result, tuple(r for r in applicable if r in dropped))
    raise InfeasiblePlanError(_diagnose(ctx, seed, all_ids))


def make_plan(
    request: PlanRequest,
    catalog: Catalog,
    *,
    seed: int = 0,
    compression: CompressionFn = model_compression_n,
    fixed_weeks: Sequence[Week] = (),
) -> Plan:
    """Make a plan.

    Parameters
    ----------
    request
        The athlete's needs and constraints.
    catalog
        The exercise catalogue.
    seed
        Seeds the solver and the tie-break; the same inputs and seed give a byte-identical plan.
    compression
        Estimates an exercise's peak L5/S1 compression [N] for the athlete at a load.
    fixed_weeks
        Weeks of an earlier plan to keep as they are (weeks 1 to n): the planner solves
        the weeks after them with these as the fixed past (re-planning after missed sessions).

    Raises
    ------
    InfeasiblePlanError
        When even the relaxed requirements cannot hold; the message names the conflict.
    """
    solved: list[SolvedWeek] = []
    compression = remembered(compression)
    cap_for = remembered_cap(load_cap_for)
    progressions = {ex.id: ex.progressions for ex in catalog.exercises}
    spine_cache: dict[str, SpineLoad | None] = {}
    phase_ids: dict[str, set[str]] = {}
    for week in plan_weeks(request):
        ctx = week_context(
            request, catalog, week, tuple(solved), compression, spine_cache, cap_for, progressions
        )
        if week.index <= len(fixed_weeks):
            kept = _kept_week(ctx, fixed_weeks[week.index - 1])
            solved.append(kept)
            phase_ids.setdefault(week.phase, set()).update(i.exercise_id for i in kept.result.items)
            continue
        previous_phase = [
            p
            for p in ("foundation", "build", "power", "consolidate")
            if p in phase_ids and p != week.phase
        ]
        prev_ids = frozenset(phase_ids[previous_phase[-1]]) if previous_phase else frozenset()
        done = _solve_week(ctx, seed, catalog.ids, prev_ids)
        solved.append(done)
        phase_ids.setdefault(week.phase, set()).update(i.exercise_id for i in done.result.items)
    plan = plan_document(request, catalog, solved, seed=seed, version=__version__)
    return plan.with_weeks([*fixed_weeks, *plan.weeks[len(fixed_weeks) :]])


def remembered(compression: CompressionFn) -> CompressionFn:
    """The same estimator, computing each (exercise, load) once for the plan being made.

    The request is the same for every call within one plan, so the exercise and the load decide
    the value; the weeks ask for the same doses again and again.
    """
    seen: dict[tuple[str, float | None], float] = {}

    def estimate(ex: Exercise, request: PlanRequest, load_kg: float | None) -> float:
        key = (ex.id, load_kg)
        if key not in seen:
            seen[key] = compression(ex, request, load_kg)
        return seen[key]

    return estimate


def remembered_cap(cap_for: CapFn) -> CapFn:
    """The same load cap, computed once per exercise for the plan being made.

    The cap depends on the exercise and the athlete only, and the athlete is the same for every
    call within one plan; finding it takes several compression estimates (a search over loads).
    """
    seen: dict[str, float | None] = {}

    def cap(ex: Exercise, request: PlanRequest) -> float | None:
        if ex.id not in seen:
            seen[ex.id] = cap_for(ex, request)
        return seen[ex.id]

    return cap


def _kept_week(ctx: WeekContext, week: Week) -> SolvedWeek:
    """An earlier week, as the planner's fixed past."""
    items = tuple(
        PlacedItem(s.index - 1, b.kind, it.exercise_id, it.dose)
        for s in week.sessions
        for b, it in s.items()
    )
    known = {e.id for e in ctx.exercises}
    extra = {it.exercise_id for it in items} - known
    if extra:  # kept items the athlete could no longer be given: keep them in the context
        ctx = replace(ctx, compression_n={**ctx.compression_n, **dict.fromkeys(extra, 0.0)})
    return SolvedWeek(ctx, SolveResult("KEPT", items, 0.0, 0.0, 0.0, 0.0), ())
