"""Heavy days apart: within a week and across its boundary, for an athlete training on Sunday
and Monday (so that the Sunday-to-Monday code of the planner and the validator runs)."""

from __future__ import annotations

from planning.planning_fixtures import CATALOG
from planning.validator_plants import REQUESTS, Doc, items, session, swap, valid_doc
from spinewise.planning.candidates import is_heavy_hinge
from spinewise.planning.validate import validate_plan

REQUEST = REQUESTS["sunday_monday"]


def _found(doc: Doc) -> list[str]:
    return [str(v) for v in validate_plan(doc, REQUEST, CATALOG)]


def _heavy_hinge(doc: Doc, week: int, index: int) -> bool:
    return any(is_heavy_hinge(CATALOG.get(it["exercise_id"])) for it in items(doc, week, index))


def test_the_athlete_trains_sunday_and_monday_and_the_plan_keeps_them_apart() -> None:
    assert REQUEST.training_days == ("mon", "wed", "sun")
    doc = valid_doc("sunday_monday")
    assert _found(doc) == []
    weeks = len(doc["weeks"])
    assert [s["day"] for s in doc["weeks"][0]["sessions"]] == ["mon", "wed", "sun"]
    # the boundary matters: some Sunday holds heavy hinge work, and the Monday after it none
    heavy_sundays = [w for w in range(1, weeks) if _heavy_hinge(doc, w, 3)]
    assert heavy_sundays
    assert not any(_heavy_hinge(doc, w + 1, 1) for w in heavy_sundays)


def test_monday_and_sunday_of_one_week_are_not_consecutive() -> None:
    doc = valid_doc("sunday_monday")
    assert _heavy_hinge(doc, 4, 3)
    assert not _heavy_hinge(doc, 3, 3)
    swap(doc, 4, 1, "mcgill_curl_up", "barbell_rdl", load_cap_kg=10.0)
    assert _heavy_hinge(doc, 4, 1)
    assert _found(doc) == []


def test_a_sunday_moved_to_saturday_no_longer_meets_monday() -> None:
    doc = valid_doc("sunday_monday")
    swap(doc, 6, 1, "hip_90_90_switches", "barbell_rdl", load_cap_kg=10.0)
    assert _found(doc) == [
        "week 6: heavy_hinge_spacing: heavy hinge work on Sunday and the next Monday"
    ]
    session(doc, 5, 3)["day"] = "sat"
    assert _found(doc) == []


def test_heavy_hinge_work_on_consecutive_days_within_a_week() -> None:
    doc = valid_doc("sunday_monday")
    assert _heavy_hinge(doc, 6, 2)
    session(doc, 6, 2)["day"] = "sat"
    assert _found(doc) == []
    swap(doc, 6, 3, "childs_pose_breathing", "sumo_deadlift", load_cap_kg=10.0)
    assert _found(doc) == [
        "week 6: heavy_hinge_spacing: heavy hinge work on consecutive days sat and sun"
    ]


def test_heavy_compression_on_consecutive_days_within_a_week() -> None:
    doc = valid_doc("sunday_monday")
    session(doc, 6, 2)["day"] = "sat"
    swap(doc, 6, 3, "childs_pose_breathing", "bent_over_barbell_row")
    assert _found(doc) == [
        "week 6: heavy_compression_spacing: heavy-compression days back to back: sat and sun"
    ]


def test_only_the_last_session_of_the_week_meets_the_next_monday() -> None:
    doc = valid_doc("sunday_monday")
    # week 5: heavy hinge work on Wednesday, none on Sunday any more
    swap(doc, 5, 3, "barbell_good_morning", "band_complex")
    assert _heavy_hinge(doc, 5, 2)
    assert not _heavy_hinge(doc, 5, 3)
    swap(doc, 6, 1, "hip_90_90_switches", "barbell_rdl", load_cap_kg=10.0)
    assert _found(doc) == []
