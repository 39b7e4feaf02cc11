"""Each requirement binds: a feasible case that meets it and an infeasible case that cannot."""

from __future__ import annotations

from collections import Counter

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
from spinewise.planning.policy import items_per_session

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
    iso_heavy = subset(lambda e: e.integration == "isolated" or "prep" in e.blocks)
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
    ctx = context(wp=week("power"))
    result = solve(ctx, (*BASE, "rotational_throws"))
    assert any(is_rotational_throw(ex) for ex in used(result))
    no_throws = subset(lambda e: not is_rotational_throw(e))
    assert (
        solve(context(catalog=no_throws, wp=week("power")), (*BASE, "rotational_throws")).status
        == "INFEASIBLE"
    )
    for changed in (
        with_(EXAMPLE, pain_current=3),
        with_(EXAMPLE, sensitivities=frozenset({"rotation"})),
        with_(EXAMPLE, equipment=EXAMPLE.equipment - {"medicine_ball"}),
    ):
        assert (
            solve(context(changed, no_throws, week("power")), (*BASE, "rotational_throws")).status
            in OK
        )


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
