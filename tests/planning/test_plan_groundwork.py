"""Hard exercises after their groundwork (decision 0291): the rule, the plan, the validator."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from planning.planning_fixtures import CATALOG, EXAMPLE, FULL_GYM, with_
from spinewise.catalog import Catalog
from spinewise.planning.candidates import eligible, groundwork_of, needs_groundwork
from spinewise.planning.make import make_plan_for_profile
from spinewise.planning.plan import Plan
from spinewise.planning.planner import make_plan
from spinewise.planning.policy import plan_weeks
from spinewise.planning.validate import validate_plan
from spinewise.profile import load_profile

DESK_WORKER = Path(__file__).parents[1] / "profiles" / "desk_worker_flexion.toml"
GYM_NOVICE = with_(EXAMPLE, equipment=FULL_GYM, sensitivities=frozenset(), pain_current=0)
GYM_INTERMEDIATE = with_(GYM_NOVICE, training_experience="intermediate")


def _open(request: Any, phase: str, done: frozenset[str] = frozenset()) -> set[str]:
    return {ex.id for ex in eligible(CATALOG, request, phase, done)}  # type: ignore[arg-type]


def test_the_groundwork_is_the_nearest_easier_step_of_the_chain() -> None:
    # through the slider curl (level 3, the same level) to the stability-ball curl (level 2),
    # and no further: a glute bridge is no groundwork for a Nordic curl
    assert groundwork_of(CATALOG.get("band_assisted_nordic_curl"), CATALOG) == (
        "stability_ball_hamstring_curl",
    )
    assert groundwork_of(CATALOG.get("renegade_row"), CATALOG) == ("plank_shoulder_tap",)


def test_without_a_chain_the_main_pattern_at_a_lower_level_leads() -> None:
    nordic = CATALOG.get("band_assisted_nordic_curl").model_copy(update={"regressions": ()})
    exercises = tuple(nordic if e.id == nordic.id else e for e in CATALOG.exercises)
    catalog = Catalog(exercises, CATALOG.version, CATALOG.vocabulary)
    steps = groundwork_of(nordic, catalog)
    assert steps
    assert all(
        catalog.get(s).level < 3 and catalog.get(s).patterns[0] == "back_extension" for s in steps
    )


def test_the_levels_above_the_foundation_window_need_groundwork() -> None:
    nordic, renegade = CATALOG.get("band_assisted_nordic_curl"), CATALOG.get("renegade_row")
    assert needs_groundwork(nordic, GYM_NOVICE)
    assert not needs_groundwork(nordic, GYM_INTERMEDIATE)  # level 3 is an intermediate's start
    assert needs_groundwork(renegade, GYM_INTERMEDIATE)
    assert not needs_groundwork(renegade, with_(GYM_NOVICE, training_experience="advanced"))
    # a swing keeps its own prerequisite (decision 0210)
    assert not needs_groundwork(CATALOG.get("kettlebell_swing"), GYM_NOVICE)


def test_a_novice_gets_the_nordic_only_after_its_groundwork() -> None:
    assert "band_assisted_nordic_curl" not in _open(GYM_NOVICE, "build")
    assert "band_assisted_nordic_curl" not in _open(
        GYM_NOVICE, "build", frozenset({"glute_bridge"})
    )
    done = frozenset({"stability_ball_hamstring_curl"})
    assert "band_assisted_nordic_curl" in _open(GYM_NOVICE, "build", done)
    assert "band_assisted_nordic_curl" in _open(GYM_INTERMEDIATE, "foundation")
    assert "renegade_row" not in _open(GYM_INTERMEDIATE, "build")
    assert "renegade_row" in _open(GYM_INTERMEDIATE, "build", frozenset({"plank_shoulder_tap"}))


@cache
def _desk_worker_plan() -> Plan:
    return make_plan_for_profile(load_profile(DESK_WORKER))


def test_the_desk_worker_gets_no_hard_exercise_before_its_groundwork() -> None:
    assert 'training_experience = "novice"' in DESK_WORKER.read_text()
    plan = _desk_worker_plan()
    done: set[str] = set()
    hard = 0
    for week in plan.weeks:
        ids = {it.exercise_id for s in week.sessions for _, it in s.items()}
        for eid in ids:
            ex = CATALOG.get(eid)
            if needs_groundwork(ex, GYM_NOVICE):  # a novice, as she is
                hard += 1
                assert set(groundwork_of(ex, CATALOG)) & done, (week.index, eid)
        if not week.deload:
            done |= ids
    assert hard  # the rule has work to do in this plan: level-3 exercises after their steps
    # the Nordic curl's groundwork (a stability-ball hamstring curl) needs a ball she lacks
    assert "band_assisted_nordic_curl" not in {
        it.exercise_id for w in plan.weeks for s in w.sessions for _, it in s.items()
    }


def test_each_hard_item_names_its_groundwork() -> None:
    reasons = [
        why
        for w in _desk_worker_plan().weeks
        for s in w.sessions
        for _, it in s.items()
        for why in it.why
        if why.startswith("after its groundwork: ")
    ]
    assert reasons
    assert all(r.endswith(" in an earlier week") and "_" not in r for r in reasons)


def test_the_validator_names_a_nordic_planted_before_its_groundwork() -> None:
    request = with_(EXAMPLE, weeks=8)  # a band and a mat for the Nordic, no ball for its step
    doc = make_plan(request, CATALOG, seed=0).to_json()
    assert validate_plan(doc, request, CATALOG) == []
    build = [w.index for w in plan_weeks(request) if w.phase != "foundation" and not w.deload]
    planted = copy.deepcopy(doc)
    week = next(w for w in planted["weeks"] if w["index"] == build[0])
    item = week["sessions"][0]["blocks"][-1]["items"][0]
    item["exercise_id"], item["name"] = "band_assisted_nordic_curl", "Band-assisted Nordic"
    named = [v for v in validate_plan(planted, request, CATALOG) if v.requirement == "groundwork"]
    assert [str(v) for v in named] == [
        f"week {build[0]} session 1: groundwork: Band-assisted Nordic hamstring curl (level 3, "
        "above the level 2 a novice starts at) needs its groundwork first: Stability-ball "
        "hamstring curl in an earlier loading week"
    ]
