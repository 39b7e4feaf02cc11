"""Substitutes, coverage and "You may also like"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adaptation.recommend_fixtures import CATALOG, EXERCISES, make_catalog, make_plan
from spinewise.adaptation import (
    Coverage,
    coverage_of,
    item_coverage,
    substitutes,
    week_needs,
    you_may_also_like,
)
from spinewise.adaptation.substitutes import also_like_names
from spinewise.catalog import load_catalog
from spinewise.errors import InputError
from spinewise.planning.request import Demand, PlanRequest

RFD_HINGE = Coverage(
    regions=frozenset({"glute_max", "hamstrings"}),
    qualities=frozenset({"rate_of_force_development"}),
    planes=frozenset({"sagittal"}),
)
PACKAGED = load_catalog()
EQUIPMENT = sorted(PACKAGED.vocabulary.values("equipment"))
SENSITIVITIES = sorted(PACKAGED.vocabulary.values("sensitivities"))


def test_kettlebell_swing_without_a_kettlebell_gets_another_rfd_hinge():
    subs = substitutes(
        "kb_swing",
        catalog=CATALOG,
        available_equipment=frozenset({"band", "dumbbell"}),
        avoid_sensitivities=frozenset(),
        needed=RFD_HINGE,
    )
    assert [s.exercise_id for s in subs] == ["band_pull_through_fast"]
    (best,) = subs
    assert best.keeps == RFD_HINGE
    assert best.loses.is_empty
    assert best.reason == (
        "No kettlebell today: Explosive band pull-through keeps glute max and hamstrings "
        "(primary), rate of force development and the sagittal plane"
    )
    assert "qualities:rate_of_force_development" in best.shared
    assert 0 < best.score <= 1


def test_coverage_comes_before_similarity():
    # The dumbbell RDL is more similar to the swing, but only the box jump keeps the fast work.
    subs = substitutes(
        "kb_swing",
        catalog=CATALOG,
        available_equipment=frozenset({"dumbbell", "box"}),
        avoid_sensitivities=frozenset(),
        needed=Coverage(qualities=frozenset({"rate_of_force_development"})),
    )
    assert [s.exercise_id for s in subs] == ["box_jump"]
    unconstrained = substitutes(
        "kb_swing",
        catalog=CATALOG,
        available_equipment=frozenset({"dumbbell", "box"}),
        avoid_sensitivities=frozenset(),
    )
    assert unconstrained[0].exercise_id == "db_rdl"


def test_without_a_full_cover_the_best_partial_cover_says_what_is_lost():
    subs = substitutes(
        "kb_swing",
        catalog=CATALOG,
        available_equipment=frozenset({"dumbbell"}),
        avoid_sensitivities=frozenset(),
        needed=RFD_HINGE,
    )
    assert subs, "a partial cover is better than none"
    first = subs[0]
    assert first.exercise_id == "db_rdl"
    assert first.loses == Coverage(qualities=frozenset({"rate_of_force_development"}))
    assert first.reason.endswith("; it loses rate of force development (no option keeps all of it)")
    sizes = [s.keeps.size for s in subs]
    assert sizes == sorted(sizes, reverse=True)


def test_avoided_sensitivity_and_hurts():
    subs = substitutes(
        "kb_swing",
        catalog=CATALOG,
        available_equipment=frozenset({"medicine_ball", "band"}),
        avoid_sensitivities=frozenset({"flexion"}),
        needed=RFD_HINGE,
        k=5,
    )
    assert "granny_toss" not in [s.exercise_id for s in subs]
    hurt = substitutes(
        "granny_toss",
        catalog=CATALOG,
        available_equipment=frozenset({"kettlebell", "band", "dumbbell"}),
        avoid_sensitivities=frozenset(),
        hurts=True,
        k=10,
    )
    assert hurt
    assert all(s.reason.startswith("Medicine-ball granny toss hurts: ") for s in hurt)
    assert all("flexion" not in CATALOG.get(s.exercise_id).sensitivities for s in hurt)


def test_level_window_is_original_down_to_two_below():
    subs = substitutes(
        "kb_swing",
        catalog=CATALOG,
        available_equipment=frozenset(CATALOG.vocabulary.values("equipment")),
        avoid_sensitivities=frozenset(),
        k=50,
    )
    levels = {CATALOG.get(s.exercise_id).level for s in subs}
    assert levels <= {1, 2, 3}
    assert "barbell_deadlift" not in [s.exercise_id for s in subs]  # level 4 > 3


@settings(max_examples=80, deadline=None)
@given(
    exercise_id=st.sampled_from(PACKAGED.ids),
    kit=st.frozensets(st.sampled_from(EQUIPMENT)),
    avoid=st.frozensets(st.sampled_from(SENSITIVITIES)),
    hurts=st.booleans(),
)
def test_substitutes_never_need_missing_equipment_or_an_avoided_sensitivity(
    exercise_id, kit, avoid, hurts
):
    original = PACKAGED.get(exercise_id)
    subs = substitutes(
        exercise_id,
        catalog=PACKAGED,
        available_equipment=kit,
        avoid_sensitivities=avoid,
        k=5,
        hurts=hurts,
    )
    banned = avoid | (frozenset(original.sensitivities) if hurts else frozenset())
    for s in subs:
        ex = PACKAGED.get(s.exercise_id)
        assert set(ex.equipment) <= kit | {"mat"}
        assert not set(ex.sensitivities) & banned
        assert original.level - 2 <= ex.level <= original.level
        assert s.exercise_id != exercise_id
    scores = [s.score for s in subs]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=40, deadline=None)
@given(exercise_id=st.sampled_from(PACKAGED.ids), kit=st.frozensets(st.sampled_from(EQUIPMENT)))
def test_a_full_cover_is_kept_whenever_one_exists(exercise_id, kit):
    original = PACKAGED.get(exercise_id)
    needed = Coverage(
        regions=frozenset(original.primary_regions),
        planes=frozenset(original.planes[:1]),
    )
    subs = substitutes(
        exercise_id,
        catalog=PACKAGED,
        available_equipment=kit,
        avoid_sensitivities=frozenset(),
        needed=needed,
    )
    if subs and subs[0].loses.is_empty:
        assert all(s.keeps == needed and s.loses.is_empty for s in subs)
    for s in subs:
        assert s.keeps.minus(needed).is_empty


def test_same_inputs_same_output_and_ties_broken_by_id():
    twins = (
        *EXERCISES,
        EXERCISES[1].model_copy(update={"id": "band_pull_through_twin", "name": "Twin"}),
    )
    catalog = make_catalog(twins)
    reversed_catalog = make_catalog(tuple(reversed(twins)))
    kwargs = {
        "available_equipment": frozenset({"band", "dumbbell"}),
        "avoid_sensitivities": frozenset(),
        "needed": RFD_HINGE,
    }
    a = substitutes("kb_swing", catalog=catalog, **kwargs)
    b = substitutes("kb_swing", catalog=reversed_catalog, **kwargs)
    assert a == b == substitutes("kb_swing", catalog=catalog, **kwargs)
    assert [s.exercise_id for s in a] == ["band_pull_through_fast", "band_pull_through_twin"]
    assert a[0].score == a[1].score


def test_bad_input_names_the_field():
    with pytest.raises(InputError) as err:
        substitutes(
            "nope",
            catalog=CATALOG,
            available_equipment=frozenset(),
            avoid_sensitivities=frozenset(),
            k=0,
        )
    assert err.value.problems == (
        "exercise_id: no exercise with id 'nope' in the catalogue",
        "k: must be a whole number of at least 1, got 0",
    )


def test_coverage_of_names_only_what_the_week_would_lose():
    needs = week_needs(make_plan([[["kb_swing"]]]).weeks[0], CATALOG)
    week = ["kb_swing", "db_rdl", "side_bridge", "bird_dog"]
    only = coverage_of("kb_swing", week, needs, catalog=CATALOG)
    assert only.qualities == {"rate_of_force_development"}
    assert only.regions == frozenset()  # the RDL is also a hamstrings and glute max item
    shared = coverage_of("kb_swing", [*week, "band_pull_through_fast"], needs, catalog=CATALOG)
    assert "rate_of_force_development" not in shared.qualities
    # unilateral work is a per-session requirement
    alone = coverage_of(
        "side_bridge", week, needs, catalog=CATALOG, session_exercise_ids=["side_bridge", "db_rdl"]
    )
    assert alone.unilateral
    assert not coverage_of(
        "side_bridge", week, needs, catalog=CATALOG, session_exercise_ids=week
    ).unilateral  # the bird dog alternates


def test_coverage_of_counts_a_finding_s_extra_volume():
    demand = Demand(
        "extra_volume",
        "extensor_endurance_low",
        quality="isometric_endurance",
        region="erector_spinae",
        sets=2,
    )  # two items a week
    needs = Coverage(demands=(demand,))
    two = ["back_extension_hold", "bird_dog", "db_rdl"]
    assert coverage_of("bird_dog", two, needs, catalog=CATALOG).demands == (demand,)
    three = [*two, "bird_dog"]
    assert coverage_of("bird_dog", three, needs, catalog=CATALOG).demands == ()
    assert "finding extensor endurance low (isometric endurance, erector spinae)" in (
        coverage_of("bird_dog", two, needs, catalog=CATALOG).describe()
    )


def test_item_coverage_reads_the_plan_week():
    plan = make_plan([[["kb_swing", "single_leg_rdl"], ["db_rdl", "rotational_throw"]]])
    week = plan.weeks[0]
    cov = item_coverage(week, 1, "single_leg_rdl", catalog=CATALOG)
    assert cov.single_leg_hinge
    assert cov.unilateral
    assert "proprioception" in cov.qualities
    throw = item_coverage(week, 2, "rotational_throw", catalog=CATALOG)
    assert throw.rotational_throw  # the week had one, so without the request it is needed
    assert throw.planes == {"transverse"}


def test_you_may_also_like_wraps_the_similarity_index():
    liked = you_may_also_like("kb_swing", CATALOG, k=3)
    assert [s.exercise_id for s in liked] == [
        "band_pull_through_fast",
        "granny_toss",
        "kb_deadlift",
    ]
    assert all(s.shared for s in liked)
    assert also_like_names("kb_swing", CATALOG, 2) == (
        "Explosive band pull-through",
        "Medicine-ball granny toss",
    )
    assert also_like_names("custom:thing", CATALOG) == ()
    with pytest.raises(InputError):
        you_may_also_like("kb_swing", CATALOG, k=0)


def test_coverage_of_with_the_plan_request():
    demand = Demand("every_session", "balance_low", quality="proprioception")
    request = PlanRequest(
        name="t",
        sex="female",
        age=40,
        body_mass_kg=60.0,
        training_experience="novice",
        days_per_week=2,
        minutes_per_session=30,
        weeks=8,
        equipment=frozenset({"dumbbell", "mat"}),
        demands=(demand,),
    )
    week = ["single_leg_rdl", "db_rdl", "single_leg_rdl"]
    session = ["single_leg_rdl", "db_rdl"]
    cov = coverage_of(
        "single_leg_rdl", week, request, catalog=CATALOG, session_exercise_ids=session
    )
    assert cov.demands == (demand,)  # the only proprioception item of its session
    assert "proprioception" not in cov.qualities  # the week has another one
    assert not cov.single_leg_hinge
    assert cov.unilateral
