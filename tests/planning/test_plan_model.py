"""The typed plan: byte-identical JSON round trips, immutability, evolution without mutation."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planning.planning_fixtures import CATALOG, EXAMPLE
from spinewise.adaptation.adjust import adjust_plan
from spinewise.adaptation.progression import ExerciseDecision
from spinewise.planning import Plan
from spinewise.planning.plan import Item, Layout
from spinewise.planning.planner import make_plan

TESTS = Path(__file__).resolve().parents[1]

REQUESTS = {
    "example": EXAMPLE,
    "undated six days": replace(
        EXAMPLE, start_date=None, weeks=4, days_per_week=6, minutes_per_session=25
    ),
    "advanced twice a week": replace(
        EXAMPLE, training_experience="advanced", weeks=8, days_per_week=2, minutes_per_session=60
    ),
}
PLANS = {name: make_plan(req, CATALOG, seed=i) for i, (name, req) in enumerate(REQUESTS.items())}


def _text(doc: object) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False)


def _round_trip(doc: dict[str, object]) -> None:
    text = _text(doc)
    assert _text(Plan.from_json(json.loads(text)).to_json()) == text


@pytest.mark.parametrize("name", sorted(PLANS))
def test_generated_plans_round_trip_byte_for_byte(name: str) -> None:
    plan = PLANS[name]
    text = plan.dumps()
    again = Plan.from_json(json.loads(text))
    assert again.dumps() == text
    assert again == plan


def _decisions(plan: Plan, verdict: str) -> dict[str, ExerciseDecision]:
    _, session = next(plan.sessions())
    return {
        it.exercise_id: ExerciseDecision(it.exercise_id, verdict, ("a test",), (), severe=True)
        for _, it in session.items()
    }


@pytest.mark.parametrize("read", [False, True], ids=["made", "read from its file"])
@pytest.mark.parametrize("verdict", ["progress", "regress"])
def test_adapted_versions_round_trip_and_leave_the_original_alone(verdict: str, read: bool) -> None:
    plan = PLANS["example"]
    if read:
        plan = Plan.from_json(json.loads(plan.dumps()))
    before = plan.dumps()
    upcoming = {(w.index, s.index) for w, s in plan.sessions()}
    adjusted = adjust_plan(
        plan,
        _decisions(plan, verdict),
        upcoming=upcoming,
        catalog=CATALOG,
        request=replace(EXAMPLE, minutes_per_session=90),
        based_on="a test",
    )
    new, changes = adjusted.plan, list(adjusted.changes)
    assert plan.dumps() == before  # a new version, never an edit in place
    assert changes
    assert new.version == 2
    assert [c.to_json() for c in changes] == new.to_json()["adaptations"]
    stored = replace(new, adapted_from_ids=(7,))
    doc = stored.to_json()
    assert list(doc)[-3:] == ["version", "adaptations", "adapted_from_ids"]
    _round_trip(doc)
    again = adjust_plan(
        stored,
        _decisions(stored, verdict),
        upcoming=upcoming,
        catalog=CATALOG,
        request=replace(EXAMPLE, minutes_per_session=90),
        based_on="again",
    ).plan
    assert again.version == 3
    assert again.adapted_from_ids == (7,)
    _round_trip(again.to_json())


@pytest.mark.parametrize("path", ["logbook/data/plan_small.json"], ids=lambda p: Path(p).name)
def test_stored_documents_round_trip(path: str) -> None:
    _round_trip(json.loads((TESTS / path).read_text()))


@pytest.mark.parametrize("minimal", [False, True], ids=["full", "minimal"])
def test_report_fixture_with_unknown_and_missing_keys_round_trips(minimal: bool) -> None:
    from report.plan_fixture import make_plan as fixture_plan
    from report.plan_fixture import minimal_plan

    doc = minimal_plan() if minimal else fixture_plan()
    doc["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["cues"] = ["an unknown key"]
    doc["weeks"][0]["sessions"][0]["blocks"][0]["items"][0].pop("distance_m", None)
    doc["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["intensity"] = {"kind": "band"}
    doc["a_later_field"] = {"nested": [1, 2.5, None]}
    doc["solver"]["gap"] = 0.01
    doc["findings"].append({"code": "x", "severity": "mild", "summary": "s", "source": "a paper"})
    _round_trip(doc)


def test_values_are_kept_as_written() -> None:
    doc = json.loads((TESTS / "logbook/data/plan_small.json").read_text())
    item = doc["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]
    item["hold_s"], item["rest_s"] = 30, 45  # ints where the planner writes floats
    _round_trip(doc)


def test_the_plan_is_immutable() -> None:
    plan = PLANS["example"]
    _, session = next(plan.sessions())
    _, item = next(session.items())
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.version = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.dose.sets = 9  # type: ignore[misc]
    assert isinstance(plan.weeks, tuple)
    assert isinstance(session.blocks, tuple)
    habits = plan.habits
    assert habits is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        habits.walking = None  # type: ignore[misc]
    assert isinstance(habits.pages, tuple)


def test_evolution_returns_new_objects() -> None:
    plan = PLANS["example"]
    week, session = next(plan.sessions())
    _, item = next(session.items())
    heavier = item.with_dose(replace(item.dose, sets=item.dose.sets + 1))
    changed = session.map_items(lambda it: heavier if it is item else it)
    new = plan.with_session(week.index, changed)
    assert plan.session_at(week.index, session.index) == session
    found = new.session_at(week.index, session.index)
    assert found is not None
    assert next(found.items())[1].dose.sets == item.dose.sets + 1


def test_a_new_item_is_written_in_the_contract_order() -> None:
    _, session = next(PLANS["example"].sessions())
    _, item = next(session.items())
    fresh = Item(item.exercise_id, item.name, item.dose, item.why)
    assert fresh.layout == Layout()
    # effort_cap and load_kg are written only when set (near the spine-load limit without a kg
    # load; a lift whose max is known)
    optional = ("effort_cap", "load_kg")
    assert list(fresh.to_json()) == [k for k in Item.KEYS if k not in optional]
    assert fresh.to_json() == item.to_json()
    capped = Item(
        item.exercise_id, item.name, replace(item.dose, effort_cap=True, load_kg=60.0), item.why
    )
    assert list(capped.to_json()) == list(Item.KEYS)
    assert Item.from_json(capped.to_json()).to_json() == capped.to_json()


def test_dates_are_dates() -> None:
    _, session = next(PLANS["example"].sessions())
    assert session.date == date(2026, 12, 7)
    undated = next(PLANS["undated six days"].sessions())[1]
    assert undated.date is None
    assert undated.day == "mon"
