"""Planning: periodization, dosing, the CP-SAT week models and the solver-independent validator.

The public interface is :data:`__all__`: the typed plan (:mod:`spinewise.planning.plan`), the
request, the planner and the validator. The planner and the validator are loaded on first use,
so that importing the plan's types does not load OR-Tools.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spinewise.planning.plan import (
    Block,
    Item,
    Plan,
    PlanChange,
    Session,
    Week,
)
from spinewise.planning.request import PlanRequest

if TYPE_CHECKING:
    from spinewise.planning.planner import make_plan
    from spinewise.planning.validate import Violation, validate_plan

__all__ = [
    "Block",
    "Item",
    "Plan",
    "PlanChange",
    "PlanRequest",
    "Session",
    "Violation",
    "Week",
    "make_plan",
    "validate_plan",
]

_LAZY = {
    "make_plan": "spinewise.planning.planner",
    "validate_plan": "spinewise.planning.validate",
    "Violation": "spinewise.planning.validate",
}


def __getattr__(name: str) -> Any:
    """Load the planner and the validator on first use."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
