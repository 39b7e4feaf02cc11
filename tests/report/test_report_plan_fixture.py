"""The renderer tests' plan fixture follows the plan contract; the contract copy is current."""

from __future__ import annotations

import jsonschema
import pytest
from plan_fixture import all_items, load_schema, make_plan, minimal_plan, typed

from spinewise.report.plan_view import build_plan_view


def _validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)  # type: ignore[no-any-return]


@pytest.mark.parametrize("build", [make_plan, minimal_plan], ids=["full", "minimal"])
def test_fixture_valid_against_contract(build: object) -> None:
    plan = build()  # type: ignore[operator]
    errors = sorted(_validator().iter_errors(plan), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_validator_catches_a_broken_fixture() -> None:
    plan = make_plan()
    plan["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["tempo"] = "slow"
    plan["weeks"][1]["sessions"][0]["date"] = "7 Dec 2026"
    messages = [e.message for e in _validator().iter_errors(plan)]
    assert any("slow" in m for m in messages)
    assert any("7 Dec 2026" in m for m in messages)


def test_fixture_covers_the_cases_renderers_must_handle() -> None:
    plan = make_plan()
    items = all_items(plan)
    assert any(w["deload"] for w in plan["weeks"])
    assert {b["kind"] for w in plan["weeks"] for s in w["sessions"] for b in s["blocks"]} == {
        "prep",
        "power",
        "strength",
        "stability",
        "conditioning",
        "recovery",
    }
    assert any(i["per_side"] for i in items)
    assert any(i["hold_s"] is not None and i["reps"] is None for i in items)
    assert any(i["distance_m"] is not None for i in items)
    assert any(i["extra_sets_side"] for i in items)
    assert any(i["tempo"] is None for i in items)
    assert any("name" not in i for i in items)
    assert len(build_plan_view(typed(plan)).sessions) == 6
