"""Apply exercise decisions to the upcoming sessions of a plan, as a new plan version.

- progress: the next dose step (one more rep, five more seconds of hold, five more metres), or,
  once the dose reaches the top of its range (12 reps, 60 s, or the exercise's default + 4 reps),
  the catalogue's progression at its default dose, when the athlete can do it;
- regress: after unacceptable pain, the catalogue's regression the athlete can do (or, failing
  one, the reduced dose); otherwise fewer sets (one less, at least one) and holds three quarters as
  long (rounded to 5 s);
- hold: unchanged.

Every change is recorded in the plan's ``adaptations`` list with its reasons, and the plan's
``version`` goes up by one. The step sizes are coaching conventions of this project.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from spinewise.adaptation.progression import ExerciseDecision
from spinewise.catalog import Catalog, Exercise
from spinewise.planning.dosing import item_seconds
from spinewise.planning.validate import item_dose

__all__ = ["TOP_HOLD_S", "TOP_REPS", "adjust_plan"]

#: Top of a dose range before moving to the catalogue's progression.
TOP_REPS = 12
TOP_HOLD_S = 60.0


def _can_do(ex: Exercise, equipment: frozenset[str], sensitivities: frozenset[str]) -> bool:
    return set(ex.equipment) <= equipment and not set(ex.sensitivities) & sensitivities


def _swap(item: dict[str, Any], ex: Exercise) -> None:
    d = ex.dose
    item.update(
        {
            "exercise_id": ex.id,
            "name": ex.name,
            "sets": min(d.sets, item["sets"]),
            "reps": d.reps,
            "hold_s": d.hold_s,
            "distance_m": d.distance_m,
            "per_side": d.per_side,
            "tempo": d.tempo,
            "rest_s": d.rest_s,
            "intensity": {"kind": d.intensity.kind, "value": d.intensity.value},
            "load_cap_kg": None,
        }
    )


def _progress(
    item: dict[str, Any],
    ex: Exercise,
    catalog: Catalog,
    equipment: frozenset[str],
    sensitivities: frozenset[str],
) -> str:
    reps, hold, dist = item.get("reps"), item.get("hold_s"), item.get("distance_m")
    top = (reps is not None and reps >= min(TOP_REPS, (ex.dose.reps or TOP_REPS) + 4)) or (
        hold is not None and hold >= TOP_HOLD_S
    )
    if top:
        for pid in ex.progressions:
            if pid in catalog and _can_do(catalog.get(pid), equipment, sensitivities):
                nxt = catalog.get(pid)
                _swap(item, nxt)
                return f"{ex.name} -> {nxt.name} (the catalogue's progression)"
    if reps is not None:
        item["reps"] = reps + 1
        return f"reps {reps} -> {reps + 1}"
    if hold is not None:
        item["hold_s"] = float(hold) + 5.0
        return f"hold {hold:g} -> {float(hold) + 5:g} s"
    if dist is not None:
        item["distance_m"] = float(dist) + 5.0
        return f"distance {dist:g} -> {float(dist) + 5:g} m"
    return "no dose to step"


def _regress(
    item: dict[str, Any],
    ex: Exercise,
    decision: ExerciseDecision,
    catalog: Catalog,
    equipment: frozenset[str],
    sensitivities: frozenset[str],
) -> str:
    if decision.severe:
        for rid in ex.regressions:
            if rid in catalog and _can_do(catalog.get(rid), equipment, sensitivities):
                easier = catalog.get(rid)
                _swap(item, easier)
                return f"{ex.name} -> {easier.name} (the catalogue's regression)"
    changes = []
    if item["sets"] > 1:
        changes.append(f"sets {item['sets']} -> {item['sets'] - 1}")
        item["sets"] -= 1
    if item.get("hold_s"):
        shorter = max(5.0, 5 * round(float(item["hold_s"]) * 0.75 / 5))
        if shorter < item["hold_s"]:
            changes.append(f"hold {item['hold_s']:g} -> {shorter:g} s")
            item["hold_s"] = shorter
    return ", ".join(changes) or "already at the lightest dose"


def _session_seconds(session: Mapping[str, Any]) -> int:
    return sum(item_seconds(item_dose(it)) for b in session["blocks"] for it in b["items"])


def adjust_plan(
    plan: Mapping[str, Any],
    decisions: Mapping[str, ExerciseDecision],
    *,
    upcoming: set[tuple[int, int]],
    catalog: Catalog,
    equipment: frozenset[str],
    sensitivities: frozenset[str],
    minutes_per_session: int,
    based_on: str,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A new plan version with the decisions applied to the ``upcoming`` (week, session) keys.

    Returns
    -------
    (plan, changes)
        The new plan document and the changes made, each with its reasons.
    """
    new = copy.deepcopy(dict(plan))
    version = int(new.get("version", 1)) + 1
    changes: list[dict[str, Any]] = []
    for week in new["weeks"]:
        for session in week["sessions"]:
            if (week["index"], session["index"]) not in upcoming:
                continue
            for block in session["blocks"]:
                for item in block["items"]:
                    decision = decisions.get(item["exercise_id"])
                    if decision is None or decision.verdict == "hold":
                        continue
                    ex = catalog.get(item["exercise_id"])
                    if decision.verdict == "progress":
                        before = copy.deepcopy(item)
                        what = _progress(item, ex, catalog, equipment, sensitivities)
                        if _session_seconds(session) > 60 * minutes_per_session:
                            item.clear()
                            item.update(before)
                            continue
                    else:
                        what = _regress(item, ex, decision, catalog, equipment, sensitivities)
                    item["why"] = [f"adapted ({decision.verdict}): {what}", *item.get("why", [])]
                    session["estimated_minutes"] = round(_session_seconds(session) / 60, 1)
                    changes.append(
                        {
                            "version": version,
                            "week": week["index"],
                            "session": session["index"],
                            "exercise_id": ex.id,
                            "now": item["exercise_id"],
                            "verdict": decision.verdict,
                            "change": what,
                            "reasons": list(decision.reasons),
                            "based_on": based_on,
                        }
                    )
    new["version"] = version
    new["adaptations"] = [*new.get("adaptations", []), *changes]
    return new, changes
