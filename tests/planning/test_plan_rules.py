"""Each requirement binds: a feasible case that meets it and an infeasible case that cannot."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from planning.planning_fixtures import (
    BASE,
    CATALOG,
    EXAMPLE,
    context,
    solve,
    subset,
    used,
    week,
    with_,
)
from spinewise.planning.candidates import (
    is_heavy_hinge,
    is_rotational_throw,
    is_single_leg_hinge,
    is_unilateral_work,
)
from spinewise.planning.dosing import item_seconds
from spinewise.planning.periodization import periodize
from spinewise.planning.planner import week_context
from spinewise.planning.policy import HEAVY_COMPRESSION_FRACTION, items_per_session
from spinewise.planning.rules import ALL_RULES
from spinewise.planning.spine import model_compression_n

OK = ("OPTIMAL", "FEASIBLE")
KEY_REGIONS = CATALOG.vocabulary.key_regions


def test_session_time_feasible_and_infeasible() -> None:
    result = solve(context(), BASE)
    assert result.status in OK
    for s in range(EXAMPLE.days_per_week):
        secs = sum(item_seconds(it.dose) for it in result.items if it.session == s)
        assert secs <= EXAMPLE.minutes_per_session * 60
    # only items over five minutes available: the two a session needs cannot fit ten minutes
    tight = with_(EXAMPLE, minutes_per_session=10)
    long_ids = [e for e, secs in context(tight).seconds.items() if secs > 300]
    slow = CATALOG.subset(long_ids)
    assert solve(context(tight, slow), BASE).status == "INFEASIBLE"


def test_session_structure_prep_and_item_count() -> None:
    result = solve(context(), BASE)
    low, high = items_per_session(EXAMPLE.minutes_per_session)
    for s in range(EXAMPLE.days_per_week):
        mine = [it for it in result.items if it.session == s]
        assert low <= len(mine) <= high
        assert any(it.block == "prep" for it in mine)
    no_prep = subset(lambda e: "prep" not in e.blocks)
    assert solve(context(catalog=no_prep), BASE).status == "INFEASIBLE"


def test_weekly_frequency_binds() -> None:
    few = subset(lambda e: e.level == 1)
    with_rule = solve(context(catalog=few), BASE)
    assert max(Counter(it.exercise_id for it in with_rule.items).values()) <= 2
    without = solve(context(catalog=few), ("session_time", "session_structure"))
    assert max(Counter(it.exercise_id for it in without.items).values()) == 3


@pytest.mark.parametrize("region", KEY_REGIONS)
def test_key_regions_feasible_and_infeasible(region: str) -> None:
    result = solve(context(), (*BASE, "key_regions"))
    assert result.status in OK
    assert {r for ex in used(result) for r in ex.primary_regions} >= set(KEY_REGIONS)
    lacking = subset(lambda e, r=region: r not in e.primary_regions)
    assert solve(context(catalog=lacking), (*BASE, "key_regions")).status == "INFEASIBLE"


def test_weekly_qualities_feasible_infeasible_and_exceptions() -> None:
    result = solve(context(), (*BASE, "weekly_qualities"))
    qualities = {q for ex in used(result) for q in ex.qualities}
    assert set(CATALOG.vocabulary.weekly_qualities) <= qualities
    no_rfd = subset(lambda e: "rate_of_force_development" not in e.qualities)
    assert solve(context(catalog=no_rfd), (*BASE, "weekly_qualities")).status == "INFEASIBLE"
    # rate of force development may be left out in foundation weeks and when in pain
    foundation = context(catalog=no_rfd, wp=week("foundation", index=1))
    assert solve(foundation, (*BASE, "weekly_qualities")).status in OK
    in_pain = context(with_(EXAMPLE, pain_current=3), no_rfd)
    assert solve(in_pain, (*BASE, "weekly_qualities")).status in OK


def test_three_planes() -> None:
    result = solve(context(), (*BASE, "three_planes"))
    assert {p for ex in used(result) for p in ex.planes} == {"sagittal", "frontal", "transverse"}
    flat = subset(lambda e: "transverse" not in e.planes)
    assert solve(context(catalog=flat), (*BASE, "three_planes")).status == "INFEASIBLE"


def test_unilateral_each_session() -> None:
    result = solve(context(), (*BASE, "unilateral_each_session"))
    for s in range(3):
        assert any(
            is_unilateral_work(CATALOG.get(it.exercise_id))
            for it in result.items
            if it.session == s
        )
    bilateral = subset(lambda e: not is_unilateral_work(e))
    assert (
        solve(context(catalog=bilateral), (*BASE, "unilateral_each_session")).status == "INFEASIBLE"
    )


def test_isolated_share_binds() -> None:
    iso_heavy = subset(
        lambda e: e.integration == "isolated" or ("prep" in e.blocks and e.level == 1)
    )
    ctx = context(catalog=iso_heavy)
    without = solve(ctx, BASE)
    share = sum(ex.integration == "isolated" for ex in used(without)) / len(without.items)
    assert share > 0.2
    with_rule = solve(ctx, (*BASE, "isolated_share"))
    assert with_rule.status in OK
    share = sum(ex.integration == "isolated" for ex in used(with_rule)) / len(with_rule.items)
    assert share <= 0.2
    only_isolated = subset(lambda e: e.integration == "isolated")
    assert solve(context(catalog=only_isolated), (*BASE, "isolated_share")).status == "INFEASIBLE"


def test_single_leg_hinge() -> None:
    result = solve(context(), (*BASE, "single_leg_hinge"))
    assert any(is_single_leg_hinge(ex) for ex in used(result))
    none = subset(lambda e: not is_single_leg_hinge(e))
    assert solve(context(catalog=none), (*BASE, "single_leg_hinge")).status == "INFEASIBLE"
    assert (
        solve(
            context(catalog=none, wp=week("build", deload=True)), (*BASE, "single_leg_hinge")
        ).status
        in OK
    )


def test_rotational_throws_apply_only_when_the_athlete_can() -> None:
    # an intermediate trainee has the half-kneeling throw's prerequisite established
    able = with_(EXAMPLE, training_experience="intermediate")
    ctx = context(able, wp=week("power"))
    result = solve(ctx, (*BASE, "rotational_throws"))
    assert any(is_rotational_throw(ex) for ex in used(result))
    rule = next(r for r in ALL_RULES if r.id == "rotational_throws")
    assert rule.applies(ctx)
    no_throws = subset(lambda e: not is_rotational_throw(e))
    for changed in (
        able,
        with_(able, pain_current=3),
        with_(able, sensitivities=frozenset({"rotation"})),
        with_(able, equipment=able.equipment - {"medicine_ball"}),
        EXAMPLE,  # a novice: no throw is open before a chop or Pallof press in an earlier week
    ):
        gated = context(changed, CATALOG if changed is EXAMPLE else no_throws, week("power"))
        assert not rule.applies(gated)
        assert solve(gated, (*BASE, "rotational_throws")).status in OK


def test_heavy_hinge_spacing() -> None:
    gym = with_(
        EXAMPLE,
        training_experience="advanced",
        sensitivities=frozenset(),
        pain_current=0,
        days_per_week=2,
        preferred_days=("mon", "tue"),
        minutes_per_session=20,
        equipment=frozenset(CATALOG.vocabulary.values("equipment")),
    )
    heavy_only = subset(lambda e: is_heavy_hinge(e) or e.blocks == ("prep",))
    ctx = context(gym, heavy_only)
    without = solve(ctx, BASE)
    heavy_days = {it.session for it in without.items if is_heavy_hinge(CATALOG.get(it.exercise_id))}
    assert heavy_days == {0, 1}
    with_rule = solve(ctx, (*BASE, "heavy_hinge_spacing"))
    heavy_days = {
        it.session for it in with_rule.items if is_heavy_hinge(CATALOG.get(it.exercise_id))
    }
    assert len(heavy_days) <= 1


def test_finding_volume_every_session_and_extra() -> None:
    result = solve(context(), (*BASE, "finding_volume"))
    for s in range(3):
        assert any(
            "proprioception" in CATALOG.get(it.exercise_id).qualities
            for it in result.items
            if it.session == s
        )
    erector_iso = [
        ex
        for ex in used(result)
        if "erector_spinae" in ex.primary_regions and "isometric_endurance" in ex.qualities
    ]
    assert len(erector_iso) >= 2
    no_balance = subset(lambda e: "proprioception" not in e.qualities)
    assert solve(context(catalog=no_balance), (*BASE, "finding_volume")).status == "INFEASIBLE"


def _solved(ctx: Any, items: tuple[Any, ...]) -> Any:
    from spinewise.planning.planner import SolvedWeek
    from spinewise.planning.solver import SolveResult

    return SolvedWeek(ctx, SolveResult("OPTIMAL", items, 0.0, 0.0, 0.0, 0.0), ())


def test_variety_rotation_binds_and_can_be_infeasible() -> None:
    first_wp = week("build", index=4)
    first = context(wp=first_wp)
    done = solve(first, BASE)
    second_wp = next(w for w in periodize(12) if w.index == first_wp.index + 1)
    assert second_wp.phase == "build"
    assert not second_wp.deload
    ctx = week_context(
        EXAMPLE, CATALOG, second_wp, (_solved(first, done.items),), model_compression_n
    )
    with_rule = solve(ctx, (*BASE, "variety_rotation"))
    before = {it.exercise_id for it in done.items}
    assert {it.exercise_id for it in with_rule.items} - before
    only_old = CATALOG.subset(before)
    ctx_old = week_context(
        EXAMPLE, only_old, second_wp, (_solved(first, done.items),), model_compression_n
    )
    assert solve(ctx_old, (*BASE, "variety_rotation")).status == "INFEASIBLE"


def test_deload_volume_is_50_to_70_percent_of_the_week_before() -> None:
    from spinewise.planning.dosing import volume_units

    wps = periodize(12)
    deload = next(w for w in wps if w.deload)
    before_wp = wps[deload.index - 2]
    first = context(wp=before_wp)
    done = solve(first, BASE)
    volume_before = sum(volume_units(it.dose) for it in done.items)
    ctx = week_context(EXAMPLE, CATALOG, deload, (_solved(first, done.items),), model_compression_n)
    result = solve(ctx, (*BASE, "deload_volume"))
    assert result.status in OK
    ratio = sum(volume_units(it.dose) for it in result.items) / volume_before
    assert 0.5 <= ratio <= 0.7
    # a week before with almost no volume: the deload cannot be that light with its minimum items
    tiny = tuple(done.items[:1])
    ctx_tiny = week_context(EXAMPLE, CATALOG, deload, (_solved(first, tiny),), model_compression_n)
    assert solve(ctx_tiny, (*BASE, "deload_volume")).status == "INFEASIBLE"


def test_heavy_compression_days_not_back_to_back() -> None:
    lifter = with_(
        EXAMPLE,
        training_experience="advanced",
        sensitivities=frozenset(),
        pain_current=0,
        days_per_week=2,
        preferred_days=("mon", "tue"),
        minutes_per_session=20,
        equipment=frozenset(CATALOG.vocabulary.values("equipment")),
    )
    probe = context(lifter)
    threshold = HEAVY_COMPRESSION_FRACTION * probe.compression_limit_n
    heavy = {e for e, n in probe.compression_n.items() if n >= threshold}
    assert heavy
    pool = subset(lambda e: e.id in heavy or e.blocks == ("prep",))
    ctx = context(lifter, pool)
    without = solve(ctx, BASE)
    assert {it.session for it in without.items if it.exercise_id in heavy} == {0, 1}
    with_rule = solve(ctx, (*BASE, "heavy_compression_spacing"))
    assert len({it.session for it in with_rule.items if it.exercise_id in heavy}) <= 1
