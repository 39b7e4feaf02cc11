"""Pain-monitoring rules (Silbernagel et al. 2007), as pure functions returning a decision.

Three rules, each with the confirmation status docs/research/science.md section 4 gives it:

* pain during activity on a 0-10 scale: 0-2 safe, 3-5 acceptable, above 5 unacceptable (the
  bands of :mod:`spinewise.pain_bands`, with their confirmation status);
* next-morning pain above the morning before or above the usual morning pain (the median of the
  last week's mornings): reduce the load [C2];
* pain rising from one week to the next: regress [U].

The bands live in :mod:`spinewise.pain_bands` (shared with the assessment); the sources and
statuses of the rules in ``data/pain_monitoring_silbernagel_2007.toml``. The model was validated
in Achilles tendinopathy, not in low back pain; using it for the back is an extrapolation.
spinewise never progresses through unacceptable pain.

References
----------
Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J (2007). Continued sports activity, using a
pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a randomized
controlled study. Am J Sports Med 35(6):897-906. doi:10.1177/0363546506298279.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from spinewise.adaptation.decision import STATUS_MEANING, RuleDecision, Status, load_rule_data
from spinewise.errors import InputError
from spinewise.pain_bands import ACCEPTABLE_MAX_0_10, SAFE_MAX_0_10, pain_band

__all__ = [
    "BASELINE_MORNINGS",
    "PAIN_DATA_FILE",
    "morning_baseline",
    "next_morning_response",
    "pain_during",
    "weekly_pain_trend",
]

PAIN_DATA_FILE = "pain_monitoring_silbernagel_2007.toml"


@dataclass(frozen=True)
class _RuleSource:
    """Where a rule comes from (``source``) and how well that is confirmed (``status``)."""

    source: str
    status: Status


def _rule(name: str) -> _RuleSource:
    section = load_rule_data(PAIN_DATA_FILE)[name]
    source, status = section["source"], section["status"]
    if not isinstance(source, str) or status not in STATUS_MEANING:
        raise ValueError(f"{PAIN_DATA_FILE}: [{name}] needs a source and a status C, C2 or U")
    return _RuleSource(source, status)


def _check_pain(field: str, value: float) -> None:
    if isinstance(value, bool) or not (
        isinstance(value, int | float) and math.isfinite(value) and 0 <= value <= 10
    ):
        raise InputError(f"{field}: must be a pain rating from 0 to 10, got {value!r}")


def _fmt(value: float) -> str:
    return f"{value:g}/10"


def pain_during(pain_0_10: float) -> RuleDecision:
    """Classify pain during activity: ``safe`` (0-2), ``acceptable`` (3-5), ``unacceptable`` (>5).

    Parameters
    ----------
    pain_0_10
        Pain during the activity on a 0-10 numeric rating scale.

    Returns
    -------
    RuleDecision
        ``decision`` is ``"safe"``, ``"acceptable"`` or ``"unacceptable"``.

    Raises
    ------
    InputError
        When the rating is outside 0-10.

    Examples
    --------
    >>> [pain_during(p).decision for p in (0, 2, 3, 5, 6)]
    ['safe', 'safe', 'acceptable', 'acceptable', 'unacceptable']
    >>> pain_during(5).status
    'U'
    """
    _check_pain("pain_during", pain_0_10)
    rule = _rule("pain_during")
    safe_max, acceptable_max = SAFE_MAX_0_10, ACCEPTABLE_MAX_0_10
    shown = _fmt(pain_0_10)
    decision = pain_band(pain_0_10)
    if decision == "safe":
        reason = f"Pain during activity {shown} is in the safe band (0-{safe_max}/10)."
    elif decision == "acceptable":
        reason = (
            f"Pain during activity {shown} is in the acceptable band "
            f"({safe_max + 1}-{acceptable_max}/10): continue, and watch the next-morning response."
        )
    else:
        reason = (
            f"Pain during activity {shown} is above {acceptable_max}/10, which is too much: "
            "stop or regress this exercise; do not progress through it."
        )
    return RuleDecision("pain_during", decision, reason, rule.source, rule.status)


def next_morning_response(
    next_morning_0_10: float,
    baseline_0_10: float,
    previous_morning_0_10: float | None = None,
) -> RuleDecision:
    """Compare next-morning pain with the morning before and the usual mornings.

    The model's 24-hour rule: if pain is higher the next day, reduce the load [C2]. "Higher" is
    measured against two references, so that it works whatever the starting pain: the previous
    morning's rating (the day before) and the baseline, the person's usual morning pain (the
    median of their recent mornings, see :func:`morning_baseline`).

    Parameters
    ----------
    next_morning_0_10
        Pain the morning after the session, 0-10.
    baseline_0_10
        The person's usual morning pain, 0-10.
    previous_morning_0_10
        The morning rating logged before this one, 0-10, if any.

    Returns
    -------
    RuleDecision
        ``"reduce"`` when next-morning pain is above the previous morning or the baseline, else
        ``"continue"``.

    Examples
    --------
    >>> next_morning_response(3, 2).decision, next_morning_response(2, 2).decision
    ('reduce', 'continue')
    >>> next_morning_response(6, 8, previous_morning_0_10=5).decision
    'reduce'
    """
    _check_pain("next_morning", next_morning_0_10)
    _check_pain("baseline", baseline_0_10)
    if previous_morning_0_10 is not None:
        _check_pain("previous_morning", previous_morning_0_10)
    rule = _rule("next_morning")
    m, b = _fmt(next_morning_0_10), _fmt(baseline_0_10)
    above: list[str] = []
    if previous_morning_0_10 is not None and next_morning_0_10 > previous_morning_0_10:
        above.append(f"the morning before ({_fmt(previous_morning_0_10)})")
    if next_morning_0_10 > baseline_0_10:
        above.append(f"your usual morning pain ({b})")
    if above:
        decision = "reduce"
        reason = (
            f"Next-morning pain {m} is above {' and '.join(above)}: reduce the load next session."
        )
    else:
        decision = "continue"
        reason = f"Next-morning pain {m} is not above the morning before or your usual {b}."
    return RuleDecision("next_morning", decision, reason, rule.source, rule.status)


#: How many recent mornings make the usual (baseline) morning pain (project's convention: one
#: week of daily ratings; the model names no window [U]).
BASELINE_MORNINGS = 7


def morning_baseline(mornings_0_10: Sequence[float], fallback_0_10: float) -> float:
    """The usual morning pain: the median of the last :data:`BASELINE_MORNINGS` ratings.

    Parameters
    ----------
    mornings_0_10
        Earlier next-morning ratings, oldest first (not the one being judged).
    fallback_0_10
        The pain to use when no morning was logged yet (the profile's pain now).

    Examples
    --------
    >>> morning_baseline([], 4), morning_baseline([2, 8, 3], 4), morning_baseline([1] * 9 + [5], 0)
    (4, 3.0, 1.0)
    """
    recent = list(mornings_0_10)[-BASELINE_MORNINGS:]
    if not recent:
        return fallback_0_10
    return float(statistics.median(recent))


def weekly_pain_trend(weekly_pain_0_10: Sequence[float]) -> RuleDecision:
    """Compare the latest week's pain with the week before: ``regress`` if it rose, else ``hold``.

    Parameters
    ----------
    weekly_pain_0_10
        One pain value per week (0-10, e.g. the week's mean next-morning pain), oldest first;
        at least two.

    Returns
    -------
    RuleDecision
        ``"regress"`` when the last week is higher than the one before, else ``"hold"``.

    Examples
    --------
    >>> weekly_pain_trend([2, 2.5, 3]).decision, weekly_pain_trend([3, 2]).decision
    ('regress', 'hold')
    >>> weekly_pain_trend([2, 3]).status
    'U'
    """
    weeks = list(weekly_pain_0_10)
    if len(weeks) < 2:
        raise InputError(f"weekly_pain: needs at least two weeks, got {len(weeks)}")
    for i, value in enumerate(weeks):
        _check_pain(f"weekly_pain[{i}]", value)
    rule = _rule("week_to_week")
    before, last = _fmt(weeks[-2]), _fmt(weeks[-1])
    if weeks[-1] > weeks[-2]:
        decision = "regress"
        reason = f"Pain rose from {before} to {last} week to week: regress to an easier level."
    else:
        decision = "hold"
        reason = f"Pain did not rise week to week ({before} then {last})."
    return RuleDecision("week_to_week", decision, reason, rule.source, rule.status)
