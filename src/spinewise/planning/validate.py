"""The solver-independent validator: checks a plan against every requirement, one check each.

It reads only the plan, the athlete's request, the catalogue and the shared policies
(:mod:`spinewise.planning.policy`); it knows nothing of CP-SAT. The checks, one function per
requirement id, are in :mod:`spinewise.planning.checks` and listed in
:data:`spinewise.planning.checks.registry.REGISTRY`. A requirement the plan declares relaxed for a
week (``solver.relaxed``) is not checked for that week, and only relaxable requirements may be
declared so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spinewise.catalog import Catalog
from spinewise.planning.checks import document
from spinewise.planning.checks.registry import REGISTRY
from spinewise.planning.checks.scope import PlanScope, week_scopes
from spinewise.planning.checks.violation import Violation
from spinewise.planning.plan import Plan
from spinewise.planning.policy import plan_weeks
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import CompressionFn, compression_limit_n, model_compression_n

__all__ = ["Violation", "validate_plan"]


def validate_plan(
    plan: Plan | Mapping[str, Any],
    request: PlanRequest,
    catalog: Catalog,
    *,
    compression: CompressionFn = model_compression_n,
) -> list[Violation]:
    """Check every requirement; return the violations, sorted (empty when the plan is valid).

    ``plan`` is a :class:`~spinewise.planning.plan.Plan` or its document as read from a file
    (read with :meth:`Plan.from_json <spinewise.planning.plan.Plan.from_json>`, which raises
    ``KeyError``, ``TypeError`` or ``ValueError`` on a document that is not a plan).
    """
    version: object
    if isinstance(plan, Plan):
        typed, version = plan, plan.schema_version
    else:
        typed, version = Plan.from_json(plan), plan.get("schema_version")
    out = [*document.schema_version(version), *document.relaxations(typed)]
    expected = plan_weeks(request)
    wrong_length = document.weeks(typed, expected)
    if wrong_length:
        return sorted([*out, *wrong_length])
    declared = document.declared_relaxations(typed)
    scope = PlanScope(typed, request, catalog, expected, compression_limit_n(request), compression)
    for ws in week_scopes(scope):
        relaxed = {rid for (w, rid) in declared if w == ws.wp.index}
        for requirement, check in REGISTRY.items():
            if requirement not in relaxed:
                out.extend(check(ws))
    return sorted(set(out))
