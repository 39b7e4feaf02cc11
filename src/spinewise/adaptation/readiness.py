"""A readiness score 0-100 from last night's sleep and 1-5 ratings of soreness, stress, energy.

This is a spinewise project convention, not a validated instrument [U]: equal weights and round
thresholds from ``data/readiness_spinewise_convention.toml``. Each input becomes a component
between 0 (worst) and 1 (best):

* sleep: 0 at 4 h or less, 1 at 8 h or more, linear in between;
* soreness and stress (1 = none, 5 = severe): (5 − rating)/4;
* energy (1 = very low, 5 = very high): (rating − 1)/4.

Score = 100 x the weighted sum of the components. A score of 70 or more reads ``as_planned``,
40 to below 70 ``consider_lighter``, below 40 ``consider_rest``. It prompts a check-in; it does
not diagnose anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from spinewise.adaptation.decision import RuleDecision, load_rule_data
from spinewise.errors import InputError

__all__ = ["READINESS_DATA_FILE", "Readiness", "readiness"]

READINESS_DATA_FILE = "readiness_spinewise_convention.toml"

_WORDS = {"sleep": "sleep", "soreness": "soreness", "stress": "stress", "energy": "energy"}


@dataclass(frozen=True)
class Readiness:
    """A readiness score with its components and the decision it leads to.

    Attributes
    ----------
    score
        Readiness [0-100].
    components
        Each input's component [0-1] by name (``sleep``, ``soreness``, ``stress``, ``energy``).
    decision
        ``as_planned``, ``consider_lighter`` or ``consider_rest``, with reason and source.
    """

    score: float
    components: dict[str, float]
    decision: RuleDecision


def _is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def readiness(
    sleep_h: float, soreness_1_5: float, stress_1_5: float, energy_1_5: float
) -> Readiness:
    """Score readiness 0-100 (a project convention; see the module docstring).

    Parameters
    ----------
    sleep_h
        Hours slept last night [h], 0-24.
    soreness_1_5
        Muscle soreness, 1 (none) to 5 (severe).
    stress_1_5
        Stress, 1 (none) to 5 (severe).
    energy_1_5
        Energy, 1 (very low) to 5 (very high).

    Raises
    ------
    InputError
        Naming each value outside its range.

    Examples
    --------
    >>> r = readiness(8, 1, 1, 5)
    >>> r.score, r.decision.decision
    (100.0, 'as_planned')
    >>> r = readiness(6, 3, 3, 3)
    >>> r.score, r.decision.decision, r.decision.status
    (50.0, 'consider_lighter', 'U')
    """
    problems = []
    if not (_is_number(sleep_h) and 0 <= sleep_h <= 24):
        problems.append(f"sleep_h: must be 0 to 24 hours, got {sleep_h!r}")
    for name, value in (("soreness", soreness_1_5), ("stress", stress_1_5), ("energy", energy_1_5)):
        if not (_is_number(value) and 1 <= value <= 5):
            problems.append(f"{name}: must be a rating from 1 to 5, got {value!r}")
    if problems:
        raise InputError(problems)

    data = load_rule_data(READINESS_DATA_FILE)
    zero_h, full_h = float(data["sleep"]["zero_at_h"]), float(data["sleep"]["full_at_h"])
    components = {
        "sleep": min(1.0, max(0.0, (sleep_h - zero_h) / (full_h - zero_h))),
        "soreness": (5.0 - soreness_1_5) / 4.0,
        "stress": (5.0 - stress_1_5) / 4.0,
        "energy": (energy_1_5 - 1.0) / 4.0,
    }
    weights = data["weights"]
    score = round(100.0 * sum(float(weights[k]) * c for k, c in components.items()), 6)

    bands = data["bands"]
    low = [k for k, c in components.items() if c < 0.5]
    why = f" Lowest: {', '.join(_WORDS[k] for k in low)}." if low else ""
    if score >= float(bands["as_planned_min"]):
        decision = "as_planned"
        reason = f"Readiness {score:g}/100: train as planned.{why}"
    elif score >= float(bands["consider_lighter_min"]):
        decision = "consider_lighter"
        reason = f"Readiness {score:g}/100: consider a lighter session.{why}"
    else:
        decision = "consider_rest"
        reason = f"Readiness {score:g}/100: consider rest or an easier session.{why}"
    rule = RuleDecision("readiness", decision, reason, data["source"], data["status"])
    return Readiness(score=score, components=components, decision=rule)
