"""Valid plans and, for every check of the validator, an edit that breaks exactly that check.

Each planter edits a plan document in place and returns where the validator must name the
violation (``week N`` or ``week N session S``). The plans are made once per test run
(:func:`valid_doc`); a planter works on a copy. Imported by ``test_validate_requirements``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any

from planning.planning_fixtures import CATALOG, EXAMPLE, FULL_GYM, with_
from spinewise.planning.dosing import item_seconds
from spinewise.planning.plan import Item
from spinewise.planning.planner import make_plan
from spinewise.planning.request import PlanRequest

Doc = dict[str, Any]
Planter = Callable[[Doc], str]

KIT = EXAMPLE.equipment | {"kettlebell"}

#: The athletes whose plans the planters edit.
REQUESTS: dict[str, PlanRequest] = {
    # a novice in some pain on Monday, Wednesday and Friday (decision 0230)
    "novice": with_(EXAMPLE, weeks=8, equipment=KIT),
    # an advanced lifter training on Sunday, Monday and Wednesday: Sunday-to-Monday spacing
    "sunday_monday": with_(
        EXAMPLE,
        weeks=6,
        preferred_days=("sun", "mon", "wed"),
        equipment=FULL_GYM,
        training_experience="advanced",
        pain_current=0,
        sensitivities=frozenset(),
    ),
    # a 70-year-old: balance in every session, no risky landings
    "older": with_(
        EXAMPLE,
        weeks=6,
        age=70,
        training_experience="advanced",
        pain_current=0,
        equipment=KIT | {"box"},
    ),
    # pain at 4/10: no fast or impact work
    "in_pain": with_(EXAMPLE, weeks=6, pain_current=4, equipment=KIT),
}


@cache
def _made(base: str) -> Doc:
    return make_plan(REQUESTS[base], CATALOG).to_json()


def valid_doc(base: str) -> Doc:
    """A fresh copy of the planner's plan for ``REQUESTS[base]``."""
    return copy.deepcopy(_made(base))


def session(doc: Doc, week: int, index: int) -> Doc:
    """Session ``index`` of week ``week`` (both from 1)."""
    found: Doc = doc["weeks"][week - 1]["sessions"][index - 1]
    assert found["index"] == index
    return found


def items(doc: Doc, week: int, index: int) -> list[Doc]:
    """The items of a session, in order."""
    return [it for b in session(doc, week, index)["blocks"] for it in b["items"]]


def item(doc: Doc, week: int, index: int, exercise_id: str) -> Doc:
    """The item of ``exercise_id`` in a session."""
    return next(it for it in items(doc, week, index) if it["exercise_id"] == exercise_id)


def restate_minutes(doc: Doc, week: int, index: int) -> None:
    """Set a session's ``estimated_minutes`` to what its items add up to, as the planner does."""
    secs = sum(item_seconds(Item.from_json(it).dose) for it in items(doc, week, index))
    session(doc, week, index)["estimated_minutes"] = round(secs / 60, 1)


def swap(doc: Doc, week: int, index: int, old: str, new: str, **dose: Any) -> str:
    """Put exercise ``new`` in place of ``old`` (keeping the dose, but for ``dose``)."""
    it = item(doc, week, index, old)
    it["exercise_id"] = new
    it.update(dose)
    return f"week {week} session {index}"
