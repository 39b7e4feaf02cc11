"""The adaptation guard holds against a change only what it newly breaks (decision 0220).

A violation the version before already had, at the same place and of the same requirement, is
not new when a change moves its figure (a session short of its minutes stays short by another
amount); the same requirement broken somewhere else is new.
"""

from __future__ import annotations

import json

from planning.planning_fixtures import CATALOG, EXAMPLE, with_
from spinewise.adaptation.guard import new_violations
from spinewise.planning.plan import Plan
from spinewise.planning.planner import make_plan
from spinewise.planning.spine import model_compression_n
from spinewise.planning.validate import validate_plan

REQUEST = with_(EXAMPLE, weeks=4)
PLAN = make_plan(REQUEST, CATALOG)


def _short(doc: dict, week: int, session: int, keep: int) -> None:  # type: ignore[type-arg]
    """Leave the first ``keep`` items of each block of a session: the session is short."""
    s = doc["weeks"][week - 1]["sessions"][session - 1]
    for b in s["blocks"]:
        b["items"] = b["items"][:keep]


def _plan(keep_w1: int, keep_w2: int | None = None) -> Plan:
    doc = json.loads(PLAN.dumps())
    _short(doc, 1, 1, keep_w1)
    if keep_w2 is not None:
        _short(doc, 2, 1, keep_w2)
    for s in (doc["weeks"][0]["sessions"][0], doc["weeks"][1]["sessions"][0]):
        s.pop("estimated_minutes", None)
    return Plan.from_json(doc)


def test_a_moved_figure_of_a_known_violation_is_not_new() -> None:
    before = validate_plan(_plan(1), REQUEST, CATALOG)
    assert any(v.requirement == "session_fill" for v in before)
    after = _plan(2)
    moved = [v for v in validate_plan(after, REQUEST, CATALOG) if v.requirement == "session_fill"]
    assert moved
    assert {str(v) for v in moved} != {str(v) for v in before if v.requirement == "session_fill"}
    new = new_violations(before, after, REQUEST, CATALOG, model_compression_n)
    assert [v for v in new if v.requirement == "session_fill"] == []


def test_the_same_requirement_broken_elsewhere_is_new() -> None:
    before = validate_plan(_plan(1), REQUEST, CATALOG)
    after = _plan(1, keep_w2=1)
    new = new_violations(before, after, REQUEST, CATALOG, model_compression_n)
    assert any(v.requirement == "session_fill" and v.where == "week 2 session 1" for v in new)
