"""Each rule of planning/rules/ as a yes/no question on a fixed placement (decision 0235).

A test builds one rule into the CP-SAT model of a small made-up week (three sessions, a handful of
exercises with exactly the tags the rule reads), fixes every placement and asks the solver whether
the rule allows it. Boundaries are tested on both sides (a cap reached is allowed, one more is
not), so these tests are fast enough to run for every mutant of the rules and strict enough to
catch a changed comparison, constant or condition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import pytest

from spinewise.catalog import Exercise, load_catalog, load_vocabulary
from spinewise.catalog.entities import Intensity
from spinewise.planning.context import PlacedItem, WeekContext
from spinewise.planning.dosing import ItemDose
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.policy import max_foot_contacts, variant_pairs
from spinewise.planning.request import Demand, PlanRequest
from spinewise.planning.rules import ALL_RULES, Rule
from spinewise.planning.rules.load import crosses_week
from spinewise.planning.rules.patterns import total_sets
from spinewise.planning.rules.variety import previous_loading_week_in_phase
from spinewise.planning.solver import BLOCK_ORDER, WeekModel

CATALOG = load_catalog()
RULES = {rule.id: rule for rule in ALL_RULES}
OK = ("OPTIMAL", "FEASIBLE")

REQUEST = PlanRequest(
    name="Test Athlete",
    sex="female",
    age=40,
    body_mass_kg=70.0,
    training_experience="novice",
    days_per_week=3,
    minutes_per_session=30,
    weeks=12,
    equipment=frozenset({"mat", "medicine_ball"}),
    preferred_days=("mon", "tue", "thu"),
)
LOADING = WeekPlan(index=3, phase="build", deload=False, phase_week=2, phase_length=4)
DELOAD = WeekPlan(index=4, phase="build", deload=True, phase_week=2, phase_length=4)
FOUNDATION = WeekPlan(index=1, phase="foundation", deload=False, phase_week=1, phase_length=3)

_BASE = CATALOG.get("active_straight_leg_raise").model_dump()


def ex(exercise_id: str, **tags: Any) -> Exercise:
    """A made-up exercise: a one-leg mobility drill in the prep block unless ``tags`` say else."""
    data = {
        **_BASE,
        "id": exercise_id,
        "name": exercise_id.replace("_", " ").capitalize(),
        "regressions": (),
        "progressions": (),
        **tags,
    }
    return Exercise.model_validate(data)


def dose(
    sets: int = 2,
    reps: int | None = None,
    hold_s: float | None = None,
    extra: tuple[str, int] | None = None,
) -> ItemDose:
    return ItemDose(sets, reps, hold_s, None, False, None, 30, Intensity(kind="bodyweight"), extra)


def week_of(
    exercises: Iterable[Exercise],
    *,
    request: PlanRequest = REQUEST,
    wp: WeekPlan = LOADING,
    doses: dict[str, ItemDose] | None = None,
    seconds: dict[str, int] | None = None,
    volume: dict[str, int] | None = None,
    compression_n: dict[str, float] | None = None,
    previous: tuple[tuple[PlacedItem, ...], ...] = (),
    previous_weeks: tuple[WeekPlan, ...] = (),
) -> WeekContext:
    exs = tuple(sorted(exercises, key=lambda e: e.id))
    return WeekContext(
        request=request,
        week=wp,
        exercises=exs,
        doses={e.id: (doses or {}).get(e.id, dose()) for e in exs},
        seconds={e.id: (seconds or {}).get(e.id, 60) for e in exs},
        volume={e.id: (volume or {}).get(e.id, 10) for e in exs},
        compression_n={e.id: (compression_n or {}).get(e.id, 0.0) for e in exs},
        compression_limit_n=1000.0,
        previous=previous,
        previous_weeks=previous_weeks,
    )


def allows(ctx: WeekContext, rule_id: str, placed: Iterable[tuple[int, str]]) -> bool:
    """Whether the rule allows exactly these (session, exercise) placements and no others."""
    m = WeekModel(ctx)
    RULES[rule_id].build(m)
    wanted = set(placed)
    assert wanted <= set(m.y), wanted - set(m.y)
    for key, var in sorted(m.y.items()):
        m.add(var == int(key in wanted))
    return m.solve(0).status in OK


def allows_blocks(ctx: WeekContext, rule_id: str, placed: Iterable[tuple[int, str, str]]) -> bool:
    """Whether the rule allows exactly these (session, exercise, block) placements."""
    m = WeekModel(ctx)
    RULES[rule_id].build(m)
    wanted = set(placed)
    assert wanted <= set(m.x), wanted - set(m.x)
    for key, var in sorted(m.x.items()):
        m.add(var == int(key in wanted))
    return m.solve(0).status in OK


def every_session(*ids: str) -> set[tuple[int, str]]:
    return {(s, e) for s in range(3) for e in ids}


def applies(rule_id: str, ctx: WeekContext) -> bool:
    rule: Rule = RULES[rule_id]
    return rule.applies(ctx)


# -- ballistic ----------------------------------------------------------------------------------
def test_foot_contacts_cap_per_session() -> None:
    cap = max_foot_contacts(REQUEST)
    jumps = [ex(i, patterns=("jump",)) for i in ("jump_a", "jump_b", "jump_c")]
    hops = ex("hop_drill", patterns=("mobility_drill", "hinge"))
    ctx = week_of(
        [*jumps, hops],
        doses={
            "jump_a": dose(sets=1, reps=cap - 10),
            "jump_b": dose(sets=1, reps=10),
            "jump_c": dose(sets=1, reps=1),
            "hop_drill": dose(sets=10, reps=50),
        },
    )
    assert applies("foot_contacts", ctx)
    assert allows(ctx, "foot_contacts", {(0, "jump_a"), (0, "jump_b")})  # exactly the cap
    assert not allows(ctx, "foot_contacts", {(0, "jump_a"), (0, "jump_b"), (0, "jump_c")})
    assert not allows(ctx, "foot_contacts", {(1, "jump_a"), (1, "jump_b"), (1, "jump_c")})
    assert allows(ctx, "foot_contacts", {(0, "jump_a"), (0, "jump_b"), (1, "jump_c")})
    # a drill that is not a jump has no foot contacts, however many repetitions it has
    assert allows(ctx, "foot_contacts", {(2, "jump_a"), (2, "jump_b"), (2, "hop_drill")})


def test_foot_contacts_apply_only_with_a_jump() -> None:
    assert applies("foot_contacts", week_of([ex("drill"), ex("jump_a", patterns=("jump",))]))
    assert not applies("foot_contacts", week_of([ex("drill"), ex("hinge_a", patterns=("hinge",))]))


# -- coverage -----------------------------------------------------------------------------------
KEY_REGIONS = load_vocabulary().key_regions
WEEKLY_QUALITIES = load_vocabulary().weekly_qualities


def test_key_regions_count_primary_regions_only() -> None:
    by_region = [ex(f"region_{i}", regions={r: "primary"}) for i, r in enumerate(KEY_REGIONS)]
    secondary = ex("all_secondary", regions=dict.fromkeys(KEY_REGIONS, "secondary"))
    ctx = week_of([*by_region, secondary])
    assert applies("key_regions", ctx)
    everything = {(i % 3, e.id) for i, e in enumerate(by_region)}
    assert allows(ctx, "key_regions", everything)
    for missing in by_region:
        rest = {(s, e) for s, e in everything if e != missing.id}
        assert not allows(ctx, "key_regions", rest | {(0, "all_secondary")}), missing.id


def test_weekly_qualities_in_loading_weeks() -> None:
    by_quality = [ex(f"quality_{i}", qualities=(q,)) for i, q in enumerate(WEEKLY_QUALITIES)]
    ctx = week_of(by_quality)
    assert applies("weekly_qualities", ctx)
    everything = {(i % 3, e.id) for i, e in enumerate(by_quality)}
    assert allows(ctx, "weekly_qualities", everything)
    for missing in by_quality:
        assert not allows(
            ctx, "weekly_qualities", everything - {(by_quality.index(missing) % 3, missing.id)}
        )
    assert not applies("weekly_qualities", week_of(by_quality, wp=DELOAD))
    # rate of force development may wait in the foundation phase
    rfd = next(e for e in by_quality if e.qualities == ("rate_of_force_development",))
    foundation = week_of(by_quality, wp=FOUNDATION)
    assert allows(foundation, "weekly_qualities", {p for p in everything if p[1] != rfd.id})


@pytest.mark.parametrize("plane", ["sagittal", "frontal", "transverse"])
def test_three_planes(plane: str) -> None:
    planes = [ex(f"plane_{p}", planes=(p,)) for p in ("sagittal", "frontal", "transverse")]
    ctx = week_of(planes)
    assert applies("three_planes", ctx)
    everything = {(0, "plane_sagittal"), (1, "plane_frontal"), (2, "plane_transverse")}
    assert allows(ctx, "three_planes", everything)
    assert not allows(ctx, "three_planes", {p for p in everything if p[1] != f"plane_{plane}"})


# -- findings -----------------------------------------------------------------------------------
def _finding_week(demand: Demand, wp: WeekPlan = LOADING) -> WeekContext:
    request = replace(REQUEST, demands=(demand,))
    return week_of(
        [
            ex(
                "extensor_a",
                qualities=("isometric_endurance",),
                regions={"erector_spinae": "primary"},
            ),
            ex(
                "extensor_b",
                qualities=("isometric_endurance",),
                regions={"erector_spinae": "primary"},
            ),
            ex("side_plank_one", patterns=("anti_lateral_flexion",), laterality="unilateral"),
            ex("side_plank_two", patterns=("anti_lateral_flexion",), laterality="bilateral"),
            ex("balance_drill", qualities=("proprioception",)),
            ex("filler"),
        ],
        request=request,
        wp=wp,
    )


def test_finding_extra_volume_asks_for_extra_items_in_loading_weeks() -> None:
    two = Demand(
        "extra_volume", "low", quality="isometric_endurance", region="erector_spinae", sets=2
    )
    ctx = _finding_week(two)
    assert applies("finding_volume", ctx)
    assert allows(ctx, "finding_volume", {(0, "extensor_a"), (2, "extensor_b")})
    assert allows(ctx, "finding_volume", {(0, "extensor_a"), (1, "extensor_a")})
    assert not allows(ctx, "finding_volume", {(0, "extensor_a"), (1, "filler")})
    one = Demand(
        "extra_volume", "low", quality="isometric_endurance", region="erector_spinae", sets=1
    )
    assert allows(_finding_week(one), "finding_volume", {(0, "extensor_a")})
    assert not allows(_finding_week(one), "finding_volume", {(0, "filler")})
    # none in a deload week
    assert allows(_finding_week(two, DELOAD), "finding_volume", {(0, "filler")})


def test_finding_weaker_side_needs_one_unilateral_item() -> None:
    ctx = _finding_week(Demand("weaker_side", "asym", pattern="anti_lateral_flexion", side="left"))
    assert allows(ctx, "finding_volume", {(1, "side_plank_one")})
    assert not allows(ctx, "finding_volume", {(1, "side_plank_two"), (0, "filler")})
    deload = _finding_week(Demand("weaker_side", "asym", pattern="anti_lateral_flexion"), DELOAD)
    assert not allows(deload, "finding_volume", {(0, "filler")})


def test_finding_every_session() -> None:
    ctx = _finding_week(Demand("every_session", "balance", quality="proprioception"))
    assert allows(ctx, "finding_volume", every_session("balance_drill"))
    for s in range(3):
        assert not allows(
            ctx, "finding_volume", every_session("balance_drill") - {(s, "balance_drill")}
        )
        # another exercise in that session does not serve the finding
        others = every_session("balance_drill") - {(s, "balance_drill")} | {(s, "filler")}
        assert not allows(ctx, "finding_volume", others)


def test_finding_preference_adds_no_constraint_and_no_demand_no_rule() -> None:
    ctx = _finding_week(Demand("prefer", "pref", quality="proprioception"))
    assert applies("finding_volume", ctx)
    assert allows(ctx, "finding_volume", {(0, "filler")})
    assert not applies("finding_volume", week_of([ex("filler")]))


# -- load: heavy hinge and compression spacing, deload volume -----------------------------------
def _with_days(*days: str) -> PlanRequest:
    return replace(REQUEST, days_per_week=len(days), preferred_days=days)


def _item(session: int, exercise_id: str, d: ItemDose | None = None) -> PlacedItem:
    return PlacedItem(session, "strength", exercise_id, d or dose())


def test_crosses_week_only_sunday_then_monday_after_a_week() -> None:
    last = ((_item(2, "filler"),),)
    assert crosses_week(
        week_of([ex("filler")], request=_with_days("mon", "wed", "sun"), previous=last)
    )
    assert not crosses_week(week_of([ex("filler")], request=_with_days("mon", "wed", "sun")))
    assert not crosses_week(
        week_of([ex("filler")], request=_with_days("mon", "wed", "sat"), previous=last)
    )
    assert not crosses_week(
        week_of([ex("filler")], request=_with_days("tue", "wed", "sun"), previous=last)
    )


HEAVY_HINGES = [
    ex("heavy_a", patterns=("hinge",), qualities=("max_strength",), blocks=("strength",)),
    ex("heavy_b", patterns=("hinge",), sensitivities=("axial_load",), blocks=("strength",)),
    ex("light_hinge", patterns=("hinge",), blocks=("strength",)),
    ex("heavy_squat", patterns=("squat",), qualities=("max_strength",), blocks=("strength",)),
    # a heavy hinge with no block open to it (power without rate of force development)
    ex("heavy_unplaced", patterns=("hinge",), qualities=("max_strength",), blocks=("power",)),
]


def test_heavy_hinge_days_not_back_to_back() -> None:
    ctx = week_of(HEAVY_HINGES)  # mon, tue, thu: sessions 0 and 1 are consecutive days
    assert applies("heavy_hinge_spacing", ctx)
    assert not allows(ctx, "heavy_hinge_spacing", {(0, "heavy_a"), (1, "heavy_a")})
    assert not allows(ctx, "heavy_hinge_spacing", {(0, "heavy_b"), (1, "heavy_a")})
    assert not allows(ctx, "heavy_hinge_spacing", {(0, "heavy_a"), (1, "heavy_b")})
    assert allows(ctx, "heavy_hinge_spacing", {(0, "heavy_a"), (2, "heavy_a")})
    assert allows(ctx, "heavy_hinge_spacing", {(1, "heavy_a"), (2, "heavy_b")})
    assert allows(ctx, "heavy_hinge_spacing", {(0, "heavy_a"), (1, "light_hinge")})
    assert allows(ctx, "heavy_hinge_spacing", {(0, "heavy_a"), (1, "heavy_squat")})


def test_heavy_hinge_spacing_across_sunday_and_monday() -> None:
    days = _with_days("mon", "wed", "sun")

    def first_day_heavy(previous: tuple[PlacedItem, ...], request: PlanRequest = days) -> bool:
        ctx = week_of(
            HEAVY_HINGES, request=request, previous=((_item(2, "light_hinge"),), previous)
        )
        return allows(ctx, "heavy_hinge_spacing", {(0, "heavy_a")})

    assert not first_day_heavy((_item(2, "heavy_a"),))
    assert not first_day_heavy((_item(0, "filler"), _item(2, "heavy_b")))
    # last week's heavy hinge with no block open this week still counts
    assert not first_day_heavy((_item(2, "heavy_unplaced"),))
    assert first_day_heavy((_item(1, "heavy_a"), _item(2, "light_hinge")))
    assert first_day_heavy((_item(2, "heavy_squat"),))
    assert first_day_heavy((_item(2, "heavy_a"),), _with_days("mon", "wed", "sat"))
    # the day after a heavy Sunday may still hold a heavy hinge later in the week
    ctx = week_of(HEAVY_HINGES, request=days, previous=((_item(2, "heavy_a"),),))
    assert allows(ctx, "heavy_hinge_spacing", {(1, "heavy_a"), (0, "light_hinge")})


COMPRESSION = {"at_threshold": 750.0, "below": 749.0}


def test_heavy_compression_days_not_back_to_back() -> None:
    pool = [ex(i, blocks=("strength",)) for i in ("at_threshold", "below")]
    ctx = week_of(pool, compression_n=COMPRESSION)
    assert applies("heavy_compression_spacing", ctx)
    assert not allows(ctx, "heavy_compression_spacing", {(0, "at_threshold"), (1, "at_threshold")})
    assert allows(ctx, "heavy_compression_spacing", {(0, "at_threshold"), (1, "below")})
    assert allows(ctx, "heavy_compression_spacing", {(0, "below"), (1, "below")})
    assert allows(ctx, "heavy_compression_spacing", {(0, "at_threshold"), (2, "at_threshold")})
    # across Sunday and Monday
    days = _with_days("mon", "wed", "sun")
    after = week_of(
        pool, request=days, compression_n=COMPRESSION, previous=((_item(2, "at_threshold"),),)
    )
    assert not allows(after, "heavy_compression_spacing", {(0, "at_threshold")})
    assert allows(after, "heavy_compression_spacing", {(0, "below"), (1, "at_threshold")})


def test_deload_volume_is_50_to_70_percent_of_the_week_before() -> None:
    hold = dose(sets=2, hold_s=500.0)  # 1000 s of work
    before = (_item(0, "a", hold), _item(1, "b", hold))  # 2000 s, the week that counts
    earlier = ((_item(0, "a", dose(sets=1, hold_s=30.0)),), (_item(0, "a", hold),))
    volumes = {"v1000": 1000, "v999": 999, "v400": 400, "v401": 401}
    pool = [ex(i) for i in volumes]
    ctx = week_of(pool, wp=DELOAD, volume=volumes, previous=(*earlier, before))
    assert applies("deload_volume", ctx)
    assert allows(ctx, "deload_volume", {(0, "v1000")})  # 50 %
    assert not allows(ctx, "deload_volume", {(0, "v999")})  # 49.95 %
    assert allows(ctx, "deload_volume", {(0, "v1000"), (1, "v400")})  # 70 %
    assert not allows(ctx, "deload_volume", {(0, "v1000"), (1, "v401")})  # 70.05 %
    assert not applies("deload_volume", week_of(pool, wp=DELOAD))
    assert not applies("deload_volume", week_of(pool, previous=(before,)))


# -- patterns -----------------------------------------------------------------------------------
def test_two_exercises_of_one_main_pattern_per_session() -> None:
    pool = [ex(f"hinge_{i}", patterns=("hinge",)) for i in range(3)]
    squat = ex("squat_hinge", patterns=("squat", "hinge"))
    others = [ex("row_one", patterns=("row",)), ex("push_one", patterns=("push",))]
    ctx = week_of([*pool, squat, *others])
    assert applies("pattern_per_session", ctx)
    assert allows(ctx, "pattern_per_session", every_session("hinge_0", "hinge_1", "squat_hinge"))
    assert not allows(ctx, "pattern_per_session", {(1, "hinge_0"), (1, "hinge_1"), (1, "hinge_2")})
    assert allows(ctx, "pattern_per_session", {(1, "hinge_0"), (1, "hinge_1"), (2, "hinge_2")})
    # four main patterns once each in one session
    four = {(0, "hinge_0"), (0, "squat_hinge"), (0, "row_one"), (0, "push_one")}
    assert allows(ctx, "pattern_per_session", four)


def test_one_variant_per_session() -> None:
    a, b = variant_pairs(CATALOG.exercises)[0]
    other = next(
        e
        for e in CATALOG
        if e.id not in (a, b) and len(variant_pairs([CATALOG.get(a), CATALOG.get(b), e])) == 1
    )
    ctx = week_of([CATALOG.get(a), CATALOG.get(b), other])
    assert applies("one_variant_per_session", ctx)
    assert not allows(ctx, "one_variant_per_session", {(2, a), (2, b)})
    assert allows(ctx, "one_variant_per_session", {(0, a), (1, b), (0, other.id), (1, other.id)})


def test_weekly_hard_sets_per_main_pattern() -> None:
    pool = [
        ex("hinge_six", patterns=("hinge",)),
        ex("hinge_two", patterns=("hinge",)),
        ex("hinge_three", patterns=("hinge",)),
        ex("mobility_ten", patterns=("mobility_drill", "hinge")),
        ex("breathing_ten", patterns=("breathing",)),
        ex("squat_ten", patterns=("squat",)),
        ex("row_ten", patterns=("row",)),
    ]
    doses = {
        "hinge_six": dose(sets=6),
        "hinge_two": dose(sets=1, extra=("left", 1)),
        "hinge_three": dose(sets=1, extra=("left", 2)),
        "mobility_ten": dose(sets=10),
        "breathing_ten": dose(sets=10),
        "squat_ten": dose(sets=10),
        "row_ten": dose(sets=10),
    }
    ctx = week_of(pool, doses=doses)
    assert applies("weekly_pattern_sets", ctx)
    assert total_sets(ctx, "hinge_three") == 3
    assert total_sets(ctx, "hinge_six") == 6
    twenty = every_session("hinge_six") | {(0, "hinge_two")}
    assert allows(ctx, "weekly_pattern_sets", twenty)
    assert not allows(ctx, "weekly_pattern_sets", every_session("hinge_six") | {(0, "hinge_three")})
    assert allows(
        ctx,
        "weekly_pattern_sets",
        twenty
        | every_session("mobility_ten", "breathing_ten")
        | {(1, "squat_ten"), (2, "squat_ten"), (0, "row_ten")},
    )
    assert not allows(ctx, "weekly_pattern_sets", every_session("squat_ten"))


MOVES = [
    ex("move_hinge", patterns=("hinge",)),
    ex("move_squat", patterns=("squat",)),
    ex("move_lunge", patterns=("lunge",)),
    ex("move_row", patterns=("row",)),
    ex("move_push", patterns=("push",)),
    ex("move_carry", patterns=("carry",)),
    ex("core_with_hinge", patterns=("anti_extension", "hinge")),
    ex(
        "squat_circuit",
        patterns=("squat", "row"),
        blocks=("conditioning",),
        qualities=("metabolic_conditioning",),
    ),
    ex(
        "lunge_stretch",
        patterns=("lunge", "mobility_drill"),
        blocks=("prep",),
        qualities=("mobility",),
    ),
]


def test_movement_patterns_of_a_loading_week() -> None:
    ctx = week_of(MOVES)
    assert applies("movement_patterns", ctx)
    full = {
        (0, "move_hinge"),
        (0, "move_squat"),
        (1, "move_row"),
        (1, "move_push"),
        (2, "move_carry"),
    }
    assert allows(ctx, "movement_patterns", full)
    lunge = full - {(0, "move_squat")} | {(0, "move_lunge")}
    assert allows(ctx, "movement_patterns", lunge)
    assert allows(ctx, "movement_patterns", full - {(0, "move_hinge")} | {(2, "core_with_hinge")})
    for missing in sorted(full):
        assert not allows(ctx, "movement_patterns", full - {missing}), missing
    assert not applies("movement_patterns", week_of(MOVES, wp=DELOAD))
    # a conditioning circuit's squat station is no squat, nor its row a row
    circuit = full - {(0, "move_squat")} | {(2, "squat_circuit")}
    assert not allows(ctx, "movement_patterns", circuit)
    assert not allows(ctx, "movement_patterns", full - {(1, "move_row")} | {(1, "squat_circuit")})
    # nor is a mobility drill's lunge (the world's greatest stretch) a lunge (decision 0290)
    assert not allows(ctx, "movement_patterns", full - {(0, "move_squat")} | {(0, "lunge_stretch")})
    # two days a week: a hinge and a squat or lunge are enough
    two_days = week_of(MOVES, request=_with_days("mon", "thu"))
    assert allows(two_days, "movement_patterns", {(0, "move_hinge"), (1, "move_lunge")})
    # a need no open exercise can meet is dropped
    no_carry = week_of([m for m in MOVES if m.id != "move_carry"])
    assert allows(no_carry, "movement_patterns", full - {(2, "move_carry")})


def test_loading_sessions_fill_80_percent_of_the_minutes() -> None:
    seconds = {"half": 720, "half_too": 720, "just_under": 719}
    ctx = week_of([ex(i) for i in seconds], seconds=seconds)  # 30 min: 1440 s at least
    assert applies("session_fill", ctx)
    assert allows(ctx, "session_fill", every_session("half", "half_too"))
    for s in range(3):
        short = every_session("half", "half_too") - {(s, "half_too")} | {(s, "just_under")}
        assert not allows(ctx, "session_fill", short)
    assert not applies("session_fill", week_of([ex("half")], wp=DELOAD))


def test_balance_in_every_session_for_older_or_unsteady_people() -> None:
    older = replace(REQUEST, age=70)
    unsteady = replace(REQUEST, tested_holds_s=(("single_leg_stance", 5.0),))
    steady = replace(REQUEST, tested_holds_s=(("single_leg_stance", 30.0),))
    pool = [ex("stand_on_one_leg", patterns=("balance",)), ex("filler")]
    assert applies("balance_every_session", week_of(pool, request=older))
    assert applies("balance_every_session", week_of(pool, request=unsteady))
    assert not applies("balance_every_session", week_of(pool, request=steady))
    ctx = week_of(pool, request=older)
    assert allows(ctx, "balance_every_session", every_session("stand_on_one_leg"))
    for s in range(3):
        assert not allows(
            ctx,
            "balance_every_session",
            every_session("stand_on_one_leg") - {(s, "stand_on_one_leg")},
        )
        placed = every_session("stand_on_one_leg") - {(s, "stand_on_one_leg")} | {(s, "filler")}
        assert not allows(ctx, "balance_every_session", placed)
    # no balance exercise open: nothing to require
    assert allows(week_of([ex("filler")], request=older), "balance_every_session", {(0, "filler")})


# -- signature work -----------------------------------------------------------------------------
def test_single_leg_hinge_every_loading_week() -> None:
    pool = [
        ex("one_leg_rdl", patterns=("hinge",), laterality="unilateral", loading="constant"),
        ex("two_leg_rdl", patterns=("hinge",), laterality="bilateral", loading="constant"),
        ex("one_arm_swing", patterns=("hinge",), laterality="unilateral", loading="ballistic"),
    ]
    ctx = week_of(pool)
    assert applies("single_leg_hinge", ctx)
    assert allows(ctx, "single_leg_hinge", {(1, "one_leg_rdl")})
    assert not allows(ctx, "single_leg_hinge", {(1, "two_leg_rdl"), (2, "one_arm_swing")})
    assert not applies("single_leg_hinge", week_of(pool, wp=DELOAD))


def test_rotational_throws_when_open() -> None:
    throw = ex(
        "side_toss", patterns=("throw",), planes=("transverse",), equipment=("medicine_ball",)
    )
    ctx = week_of([throw, ex("filler")])
    assert applies("rotational_throws", ctx)
    assert allows(ctx, "rotational_throws", {(0, "side_toss")})
    assert not allows(ctx, "rotational_throws", {(0, "filler")})
    assert not applies("rotational_throws", week_of([ex("filler")]))
    assert not applies("rotational_throws", week_of([throw], wp=FOUNDATION))


def test_signature_bridge_and_deadlift_each_when_open() -> None:
    bridge = ex(
        "bridge_shift",
        patterns=("bridge",),
        planes=("frontal",),
        qualities=("isometric_endurance",),
        laterality="bilateral",
    )
    deadlift = ex(
        "trap_bar_deadlift", patterns=("hinge",), laterality="bilateral", loading="constant"
    )
    both = week_of([bridge, deadlift, ex("filler")])
    assert applies("signature_work", both)
    assert allows(both, "signature_work", {(0, "bridge_shift"), (2, "trap_bar_deadlift")})
    assert not allows(both, "signature_work", {(0, "bridge_shift"), (2, "filler")})
    assert not allows(both, "signature_work", {(2, "trap_bar_deadlift"), (2, "filler")})
    assert allows(week_of([deadlift, ex("filler")]), "signature_work", {(1, "trap_bar_deadlift")})
    assert allows(week_of([bridge, ex("filler")]), "signature_work", {(1, "bridge_shift")})
    assert not applies("signature_work", week_of([bridge], wp=DELOAD))


# -- structure ----------------------------------------------------------------------------------
def test_session_time_budget() -> None:
    seconds = {"half_hour_a": 900, "half_hour_b": 900, "one_more": 901}
    ctx = week_of([ex(i) for i in seconds], seconds=seconds)  # 30 min: 1800 s at most
    assert applies("session_time", ctx)
    assert allows(ctx, "session_time", every_session("half_hour_a", "half_hour_b"))
    for s in range(3):
        assert not allows(ctx, "session_time", {(s, "half_hour_a"), (s, "one_more")})
    assert allows(ctx, "session_time", {(0, "half_hour_a"), (1, "one_more"), (2, "half_hour_b")})


ALL_BLOCKS = [
    ex(f"any_block_{i:02d}", blocks=BLOCK_ORDER, qualities=("rate_of_force_development",))
    for i in range(12)
]
FORTY = replace(REQUEST, minutes_per_session=40)  # 8 to 10 items


def _session(s: int, layout: dict[str, int]) -> set[tuple[int, str, str]]:
    names = iter(e.id for e in ALL_BLOCKS)
    return {(s, next(names), block) for block, n in layout.items() for _ in range(n)}


def _week(layout: dict[str, int], changed: dict[str, int] | None = None, at: int = 1) -> set[Any]:
    return set().union(*(_session(s, changed if s == at and changed else layout) for s in range(3)))


EIGHT = {"prep": 2, "strength": 3, "stability": 3}


@pytest.mark.parametrize(
    ("layout", "ok"),
    [
        (EIGHT, True),
        ({"prep": 1, "power": 2, "strength": 3, "stability": 3, "conditioning": 1}, True),  # 10
        ({"prep": 2, "power": 2, "strength": 3, "stability": 1, "recovery": 1}, True),
        ({"prep": 2, "strength": 3, "stability": 2}, False),  # 7 items
        ({"prep": 2, "power": 2, "strength": 3, "stability": 3, "recovery": 1}, False),  # 11
        ({"strength": 3, "stability": 3, "conditioning": 2}, False),  # no prep
        ({"prep": 3, "strength": 3, "stability": 2}, False),
        ({"prep": 1, "power": 3, "strength": 2, "stability": 2}, False),
        ({"prep": 1, "strength": 4, "stability": 3}, False),
        ({"prep": 1, "strength": 3, "stability": 4}, False),
        ({"prep": 1, "strength": 3, "stability": 1, "conditioning": 3}, False),
        ({"prep": 2, "strength": 3, "stability": 1, "recovery": 2}, False),
        ({"prep": 2, "strength": 2, "stability": 2, "conditioning": 2}, True),
    ],
)
def test_session_structure(layout: dict[str, int], ok: bool) -> None:
    ctx = week_of(ALL_BLOCKS, request=FORTY)
    assert applies("session_structure", ctx)
    assert allows_blocks(ctx, "session_structure", _week(EIGHT, layout)) is ok
    assert allows_blocks(ctx, "session_structure", _week(EIGHT, layout, at=2)) is ok


def test_session_structure_with_few_blocks_open() -> None:
    prep_only = [ex(f"prep_{i}") for i in range(3)]  # blocks: prep only
    short = replace(REQUEST, minutes_per_session=15)  # 2 to 4 items
    ctx = week_of(prep_only, request=short)
    assert allows_blocks(
        ctx, "session_structure", {(s, f"prep_{i}", "prep") for s in range(3) for i in range(2)}
    )
    assert not allows_blocks(
        ctx, "session_structure", {(s, f"prep_{i}", "prep") for s in range(3) for i in range(3)}
    )


def test_an_exercise_at_most_twice_a_week() -> None:
    ctx = week_of([ex("often"), ex("other")])
    assert applies("weekly_frequency", ctx)
    assert allows(ctx, "weekly_frequency", {(0, "often"), (2, "often"), (1, "other")})
    assert not allows(ctx, "weekly_frequency", every_session("often"))
    assert not allows(ctx, "weekly_frequency", every_session("other") | {(0, "often")})


def test_unilateral_work_in_every_session() -> None:
    pool = [
        ex("one_side", laterality="unilateral"),
        ex("alternating", laterality="alternating"),
        ex("split_stance", laterality="split"),
        ex("both_sides", laterality="bilateral"),
    ]
    ctx = week_of(pool)
    assert applies("unilateral_each_session", ctx)
    assert allows(
        ctx, "unilateral_each_session", {(0, "one_side"), (1, "alternating"), (2, "split_stance")}
    )
    for s in range(3):
        placed = every_session("both_sides", "one_side") - {(s, "one_side")}
        assert not allows(ctx, "unilateral_each_session", placed)


def test_isolated_exercises_at_most_a_fifth_of_the_week() -> None:
    pool = [
        ex("isolated_a"),
        ex("isolated_b"),
        *(ex(f"whole_{i}", integration="integrated") for i in range(4)),
    ]
    ctx = week_of(pool)
    assert applies("isolated_share", ctx)
    whole = {(s, f"whole_{i}") for s in range(2) for i in range(4)}  # 8 integrated items
    assert allows(ctx, "isolated_share", whole | {(0, "isolated_a"), (1, "isolated_a")})  # 2 of 10
    assert not allows(
        ctx, "isolated_share", whole | {(0, "isolated_a"), (1, "isolated_a"), (2, "isolated_b")}
    )
    assert allows(
        ctx, "isolated_share", {(0, f"whole_{i}") for i in range(4)} | {(1, "isolated_b")}
    )
    assert not allows(
        ctx, "isolated_share", {(0, f"whole_{i}") for i in range(3)} | {(1, "isolated_b")}
    )


def test_a_week_with_nothing_to_place() -> None:
    # no exercise has a block open to it (power work without rate of force development)
    ctx = week_of(
        [ex("stuck_jump", patterns=("jump",), blocks=("power",))],
        doses={"stuck_jump": dose(sets=1, reps=500)},
    )
    assert allows(ctx, "session_time", set())
    assert allows(ctx, "foot_contacts", set())
    assert not allows(ctx, "session_fill", set())


# -- variety ------------------------------------------------------------------------------------
BUILD_1 = WeekPlan(index=2, phase="build", deload=False, phase_week=1, phase_length=4)
BUILD_2 = WeekPlan(index=3, phase="build", deload=False, phase_week=2, phase_length=4)
BUILD_DELOAD = WeekPlan(index=4, phase="build", deload=True, phase_week=2, phase_length=4)
BUILD_3 = WeekPlan(index=5, phase="build", deload=False, phase_week=3, phase_length=4)


def _history(*weeks: tuple[WeekPlan, str]) -> dict[str, Any]:
    return {
        "previous_weeks": tuple(w for w, _ in weeks),
        "previous": tuple((_item(0, e),) for _, e in weeks),
    }


def test_previous_loading_week_of_the_phase() -> None:
    pool = [ex("old"), ex("new")]

    def found(*weeks: tuple[WeekPlan, str]) -> tuple[PlacedItem, ...] | None:
        return previous_loading_week_in_phase(week_of(pool, wp=BUILD_3, **_history(*weeks)))

    assert found() is None
    assert found((BUILD_1, "old"), (BUILD_2, "new")) == (_item(0, "new"),)
    assert found((BUILD_2, "old"), (BUILD_DELOAD, "new")) == (_item(0, "old"),)
    assert found((FOUNDATION, "old")) is None
    assert found((FOUNDATION, "old"), (BUILD_DELOAD, "new")) is None
    assert found((BUILD_DELOAD, "new")) is None
    # weeks and their items must line up
    uneven = week_of(pool, wp=BUILD_3, previous_weeks=(BUILD_DELOAD, BUILD_DELOAD))
    with pytest.raises(ValueError, match="zip"):
        previous_loading_week_in_phase(replace(uneven, previous=((_item(0, "old"),),)))


def test_variety_rotation_needs_one_new_exercise() -> None:
    pool = [ex("old"), ex("older"), ex("new")]
    ctx = week_of(pool, wp=BUILD_3, **_history((BUILD_1, "older"), (BUILD_2, "old")))
    assert applies("variety_rotation", ctx)
    assert not allows(ctx, "variety_rotation", every_session("old"))
    assert allows(ctx, "variety_rotation", every_session("old") | {(1, "older")})
    assert allows(ctx, "variety_rotation", {(2, "new")})
    assert not applies("variety_rotation", week_of(pool, wp=BUILD_3))
    assert not applies(
        "variety_rotation", week_of(pool, wp=BUILD_DELOAD, **_history((BUILD_2, "old")))
    )


# -- the lifter's main lifts --------------------------------------------------------------------
LIFTER = replace(
    REQUEST,
    goals=("lifting",),
    maxes_kg=(("squat", 100.0), ("bench_press", 60.0), ("deadlift", 120.0)),
)
MAIN = [CATALOG.get(i) for i in ("back_squat", "bench_press", "conventional_deadlift")]


def test_main_lifts_once_a_loading_week_one_a_session() -> None:
    ctx = week_of([*MAIN, ex("filler")], request=LIFTER)
    assert applies("main_lifts", ctx)
    spread = {(0, "back_squat"), (1, "bench_press"), (2, "conventional_deadlift")}
    assert allows(ctx, "main_lifts", spread)
    assert allows(ctx, "main_lifts", spread | every_session("filler"))  # other work beside them
    assert allows(ctx, "main_lifts", spread | {(0, "conventional_deadlift")}) is False
    for lift in sorted(spread):
        assert not allows(ctx, "main_lifts", spread - {lift}), lift
    assert not applies("main_lifts", week_of(MAIN, request=LIFTER, wp=DELOAD))
    assert not applies("main_lifts", week_of(MAIN, request=replace(LIFTER, goals=("durability",))))
    assert not applies("main_lifts", week_of(MAIN, request=replace(LIFTER, maxes_kg=())))


def test_main_lifts_share_sessions_when_there_are_fewer_sessions() -> None:
    one_day = replace(LIFTER, days_per_week=1, preferred_days=("mon",))
    ctx = week_of([*MAIN, ex("filler")], request=one_day)  # three lifts in one session
    assert allows(ctx, "main_lifts", {(0, e.id) for e in MAIN})
    two_days = replace(LIFTER, days_per_week=2, preferred_days=("mon", "thu"))
    ctx = week_of([*MAIN, ex("filler")], request=two_days)  # at most two in a session
    assert allows(
        ctx, "main_lifts", {(0, "back_squat"), (0, "bench_press"), (1, "conventional_deadlift")}
    )
    assert not allows(ctx, "main_lifts", {(0, e.id) for e in MAIN})


def test_main_lifts_without_an_open_exercise_are_not_required() -> None:
    # no bench press open: the squat and the deadlift, one a session
    ctx = week_of([MAIN[0], MAIN[2], ex("filler")], request=LIFTER)
    assert allows(ctx, "main_lifts", {(0, "back_squat"), (2, "conventional_deadlift")})
    assert not allows(ctx, "main_lifts", {(0, "back_squat"), (0, "conventional_deadlift")})
    assert allows(week_of([ex("filler")], request=LIFTER), "main_lifts", {(0, "filler")})
    # two lifts open over two sessions: one a session (the bench press's max does not count)
    two_days = replace(LIFTER, days_per_week=2, preferred_days=("mon", "thu"))
    ctx = week_of([MAIN[0], MAIN[2], ex("filler")], request=two_days)
    assert not allows(ctx, "main_lifts", {(0, "back_squat"), (0, "conventional_deadlift")})
