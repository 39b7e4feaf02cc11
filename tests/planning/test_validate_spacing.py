"""Heavy days apart: within a week and across its boundary, for an athlete training on Sunday
and Monday (so that the Sunday-to-Monday code of the planner and the validator runs)."""

from __future__ import annotations

import copy
from typing import Any

from planning.planning_fixtures import CATALOG
from planning.validator_plants import REQUESTS, Doc, items, plant_swap, session, swap, valid_doc
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


def _weeks(doc: Doc, heavy: tuple[int, ...], light: tuple[tuple[int, int], ...] = ()) -> int:
    """The first week with heavy hinge work in sessions ``heavy`` and none at (offset, session).

    ``light`` names sessions by their week's offset from the one found (-1 the week before).
    """
    weeks = len(doc["weeks"])
    for w in range(1, weeks + 1):
        if not all(_heavy_hinge(doc, w, s) for s in heavy):
            continue
        if all(1 <= w + o <= weeks and not _heavy_hinge(doc, w + o, s) for o, s in light):
            return w
    raise AssertionError(f"no week with heavy hinge work in sessions {heavy} but not {light}")


def _swap_in(doc: Doc, week: int, index: int, new: str, **dose: Any) -> None:
    """Put ``new`` in place of the first item of a session whose swap leaves the plan valid."""
    for it in items(doc, week, index):
        if "hinge" in CATALOG.get(it["exercise_id"]).patterns:
            continue
        trial = copy.deepcopy(doc)
        swap(trial, week, index, it["exercise_id"], new, **dose)
        if not _found(trial):
            swap(doc, week, index, it["exercise_id"], new, **dose)
            return
    raise AssertionError(f"{new} cannot go in week {week} session {index} on its own")


def _lighten(doc: Doc, week: int, index: int) -> None:
    """Put the kettlebell deadlift (a light hinge) in place of a session's heavy hinge work."""
    for it in items(doc, week, index):
        if is_heavy_hinge(CATALOG.get(it["exercise_id"])):
            swap(doc, week, index, it["exercise_id"], "kettlebell_deadlift", load_cap_kg=None)


def _wednesday_heavy(doc: Doc) -> int:
    """A week with heavy hinge work on Wednesday and none on its Sunday or the Monday after."""
    week = _weeks(doc, heavy=(2,), light=((0, 3),))
    if week < len(doc["weeks"]):
        _lighten(doc, week + 1, 1)
    return week


def test_monday_and_sunday_of_one_week_are_not_consecutive() -> None:
    doc = valid_doc("sunday_monday")
    week = _weeks(doc, heavy=(3,), light=((-1, 3),))
    # heavy hinge work on the Monday of a week whose Sunday holds heavy hinge work too
    _swap_in(doc, week, 1, "barbell_rdl", load_cap_kg=10.0)
    assert _heavy_hinge(doc, week, 1)
    assert _heavy_hinge(doc, week, 3)
    assert _found(doc) == []


def test_a_sunday_moved_to_saturday_no_longer_meets_monday() -> None:
    doc = valid_doc("sunday_monday")
    where, at = plant_swap(
        doc,
        "sunday_monday",
        "heavy_hinge_spacing",
        "barbell_rdl",
        lambda e: "hinge" not in e.patterns,
        sessions=(1,),
        scope="week",
        load_cap_kg=10.0,
    )
    assert _found(doc) == [
        f"{where}: heavy_hinge_spacing: heavy hinge work on Sunday and the next Monday"
    ]
    session(doc, int(str(at["week"])) - 1, 3)["day"] = "sat"
    assert _found(doc) == []


def test_heavy_hinge_work_on_consecutive_days_within_a_week() -> None:
    doc = valid_doc("sunday_monday")
    week = _wednesday_heavy(doc)
    session(doc, week, 2)["day"] = "sat"
    assert _found(doc) == []
    where, _ = plant_swap(
        doc,
        "sunday_monday",
        "heavy_hinge_spacing",
        "sumo_deadlift",
        lambda e: "hinge" not in e.patterns,
        weeks=(week,),
        sessions=(3,),
        scope="week",
        load_cap_kg=10.0,
    )
    assert _found(doc) == [
        f"{where}: heavy_hinge_spacing: heavy hinge work on consecutive days sat and sun"
    ]


def test_heavy_compression_on_consecutive_days_within_a_week() -> None:
    doc = valid_doc("sunday_monday")
    week = _wednesday_heavy(doc)
    session(doc, week, 2)["day"] = "sat"
    assert _found(doc) == []
    where, _ = plant_swap(
        doc,
        "sunday_monday",
        "heavy_compression_spacing",
        "bent_over_barbell_row",
        lambda e: "row" not in e.patterns and "hinge" not in e.patterns,
        weeks=(week,),
        sessions=(3,),
        scope="week",
    )
    assert _found(doc) == [
        f"{where}: heavy_compression_spacing: heavy-compression days back to back: sat and sun"
    ]


def test_only_the_last_session_of_the_week_meets_the_next_monday() -> None:
    doc = valid_doc("sunday_monday")
    # a week with heavy hinge work on Wednesday (and, once its Sunday's is gone, none on Sunday)
    week = next(w for w in range(1, len(doc["weeks"])) if _heavy_hinge(doc, w, 2))
    _lighten(doc, week, 3)
    assert _found(doc) == []
    assert _heavy_hinge(doc, week, 2)
    assert not _heavy_hinge(doc, week, 3)
    # and heavy hinge work on the next Monday (the planner's, or planted)
    if not _heavy_hinge(doc, week + 1, 1):
        _swap_in(doc, week + 1, 1, "barbell_rdl", load_cap_kg=10.0)
    assert _heavy_hinge(doc, week + 1, 1)
    assert _found(doc) == []
