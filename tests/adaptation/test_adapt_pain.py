"""Pain-monitoring rules (Silbernagel et al. 2007; science.md §4 for each rule's status)."""

from __future__ import annotations

import pytest

from spinewise.adaptation import (
    RuleDecision,
    next_morning_response,
    pain_during,
    weekly_pain_trend,
)
from spinewise.adaptation.pain import morning_baseline
from spinewise.errors import InputError


@pytest.mark.parametrize(
    ("pain", "decision"),
    [
        (0, "safe"),
        (2, "safe"),
        (2.5, "acceptable"),
        (3, "acceptable"),
        (3.5, "acceptable"),
        (4, "acceptable"),
        (5, "acceptable"),
        (5.5, "unacceptable"),
        (6, "unacceptable"),
        (10, "unacceptable"),
    ],
)
def test_pain_during_bands(pain, decision) -> None:
    """0-2 safe, 3-5 acceptable, above 5 unacceptable: a rating of 3 is not safe."""
    assert pain_during(pain).decision == decision


def test_every_rule_names_its_source_and_status() -> None:
    during = pain_during(7)
    assert isinstance(during, RuleDecision)
    assert during.rule == "pain_during"
    assert during.status == "U"
    assert during.status_meaning == "unconfirmed"
    assert "Silbernagel" in during.source
    assert "7/10" in during.reason
    assert "do not progress" in during.reason
    morning = next_morning_response(4, 2)
    assert (morning.rule, morning.status) == ("next_morning", "C2")
    week = weekly_pain_trend([1, 2])
    assert (week.rule, week.status) == ("week_to_week", "U")
    assert week.status_meaning == "unconfirmed"


def test_next_morning_above_baseline_means_reduce() -> None:
    decision = next_morning_response(4, 2)
    assert decision.decision == "reduce"
    assert "4/10" in decision.reason
    assert "2/10" in decision.reason
    assert next_morning_response(2, 2).decision == "continue"
    assert next_morning_response(1, 2).decision == "continue"


def test_next_morning_above_the_morning_before_means_reduce() -> None:
    """Someone who started at 8/10: 6 after 5 the day before is a rise, though below 8."""
    decision = next_morning_response(6, 8, previous_morning_0_10=5)
    assert decision.decision == "reduce"
    assert "morning before (5/10)" in decision.reason
    assert next_morning_response(5, 8, previous_morning_0_10=5).decision == "continue"
    assert next_morning_response(4, 8, previous_morning_0_10=5).decision == "continue"


def test_morning_baseline_is_the_median_of_the_last_week() -> None:
    assert morning_baseline([], 7) == 7
    assert morning_baseline([9, 9, 9, 9, 1, 1, 1, 2, 2, 2, 3], 7) == 2.0  # the last 7 only
    assert morning_baseline([4, 6], 0) == 5.0


def test_pain_rising_week_to_week_means_regress() -> None:
    assert weekly_pain_trend([2, 3]).decision == "regress"
    assert weekly_pain_trend([4, 3, 3.5]).decision == "regress"
    assert weekly_pain_trend([3, 3]).decision == "hold"
    assert weekly_pain_trend([5, 2]).decision == "hold"


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: pain_during(11), "pain_during: must be a pain rating from 0 to 10, got 11"),
        (lambda: pain_during(-1), "pain_during: must be a pain rating from 0 to 10"),
        (lambda: pain_during(float("nan")), "pain_during: must be a pain rating"),
        (lambda: pain_during(True), "pain_during: must be a pain rating"),
        (lambda: next_morning_response(3, 12), "baseline: must be a pain rating from 0 to 10"),
        (lambda: next_morning_response(3, 2, 11), "previous_morning: must be a pain rating"),
        (lambda: weekly_pain_trend([3]), "weekly_pain: needs at least two weeks, got 1"),
        (lambda: weekly_pain_trend([3, 40]), "weekly_pain[1]: must be a pain rating"),
    ],
)
def test_bad_ratings_are_refused(call, fragment) -> None:
    with pytest.raises(InputError, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        call()
