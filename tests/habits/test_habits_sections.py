"""The habits section as typed records: byte-for-byte round trips and lenient reading."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from spinewise.catalog import load_catalog
from spinewise.habits import build_habits
from spinewise.habits.sections import Habits, Walking, WalkingDose
from spinewise.planning.periodization import periodize
from spinewise.planning.request import PlanRequest

CATALOG = load_catalog()

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 50)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
_WALK_KEYS = ["week", "phase", "deload", "days", "minutes_per_day", "weekly_minutes", "pace", "x"]
_walk_week = st.dictionaries(st.sampled_from(_WALK_KEYS), _json, max_size=8)
_walking = st.fixed_dictionaries(
    {},
    optional={
        "title": _json,
        "why": st.lists(st.text(max_size=5) | st.integers(), max_size=3) | _json,
        "weeks": st.lists(_walk_week | _json, max_size=3),
        "cap_min_per_day": _json,
        "sources": st.lists(st.dictionaries(st.sampled_from(["ref", "cite", "z"]), _json)),
    },
)
_habits = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": _json,
        "walking": _walking | _json,
        "recovery": st.dictionaries(st.sampled_from(["sleep", "rest_days", "odd"]), _json),
        "not_included": st.dictionaries(st.text(max_size=4), _json, max_size=3),
        "pages": st.lists(_json, max_size=3) | _json,
        "future": _json,
    },
)


@settings(max_examples=300, deadline=None)
@given(doc=_habits)
def test_any_habits_object_is_written_back_byte_for_byte(doc: dict[str, Any]) -> None:
    assert json.dumps(Habits.from_json(doc).to_json()) == json.dumps(doc)


def test_wrong_types_read_as_nothing_and_good_entries_are_kept() -> None:
    habits = Habits.from_json(
        {
            "walking": {
                "title": 5,
                "why": ["walk", 3, "daily"],
                "weeks": [{"week": 1, "days": "three", "minutes_per_day": 10}, "junk"],
            },
            "pages": "walking",
        }
    )
    assert habits.walking is not None
    assert habits.walking.title is None
    assert habits.walking.why == ("walk", "daily")
    assert habits.walking.weeks == (WalkingDose.from_json({"week": 1, "minutes_per_day": 10}),)
    assert habits.walking.weeks[0].days is None
    assert habits.pages == ()
    assert habits.breathing is None


def test_a_record_made_in_code_writes_every_field_in_order() -> None:
    dose = WalkingDose(1, "build", False, 3, 10, 30, "easy")
    assert list(dose.to_json()) == [
        "week",
        "phase",
        "deload",
        "days",
        "minutes_per_day",
        "weekly_minutes",
        "pace",
    ]
    walking = Walking(
        id="walking",
        title="Walking",
        what=None,
        why=(),
        cap_min_per_day=30,
        budget=None,
        weeks=(dose,),
        notes=(),
        sources=(),
        page=None,
    )
    doc = walking.to_json()
    assert doc["weeks"] == [dose.to_json()]
    assert doc["what"] is None
    assert Walking.from_json(doc) == walking


def test_built_habits_read_back_equal(req: Any) -> None:
    request: PlanRequest = req(goals=("desk_work",), pain_current=3, age=70)
    habits = build_habits(request, periodize(8), CATALOG)
    text = json.dumps(habits.to_json())
    again = Habits.from_json(json.loads(text))
    assert again == habits
    assert json.dumps(again.to_json()) == text
