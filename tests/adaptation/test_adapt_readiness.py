"""Readiness score: a documented project convention (equal weights), status [U]."""

from __future__ import annotations

import pytest

from spinewise.adaptation import readiness
from spinewise.errors import InputError


def test_best_and_worst_days() -> None:
    assert readiness(9, 1, 1, 5).score == 100.0
    assert readiness(3, 5, 5, 1).score == 0.0


def test_documented_weights_and_sleep_mapping() -> None:
    """Equal weights 0.25; sleep 0 at 4 h, 1 at 8 h, linear; 1-5 scales mapped to 0-1."""
    r = readiness(7, 2, 4, 3)
    assert r.components == pytest.approx(
        {"sleep": 0.75, "soreness": 0.75, "stress": 0.25, "energy": 0.5}
    )
    assert r.score == pytest.approx(100 * 0.25 * (0.75 + 0.75 + 0.25 + 0.5))


@pytest.mark.parametrize(
    ("args", "decision"),
    [
        ((8, 1, 2, 4), "as_planned"),  # 25 + 25 + 18.75 + 18.75 = 87.5
        ((6, 3, 3, 3), "consider_lighter"),  # 50
        ((4, 4, 4, 2), "consider_rest"),  # 0 + 6.25 + 6.25 + 6.25 = 18.75
    ],
)
def test_bands(args, decision) -> None:
    assert readiness(*args).decision.decision == decision


def test_reason_names_the_low_components_and_the_status_is_unconfirmed() -> None:
    r = readiness(5, 5, 2, 4)
    assert r.decision.rule == "readiness"
    assert r.decision.status == "U"
    assert "project convention" in r.decision.source
    assert "sleep" in r.decision.reason
    assert "soreness" in r.decision.reason
    assert "stress" not in r.decision.reason


def test_bad_values_are_all_named() -> None:
    with pytest.raises(InputError) as err:
        readiness(25, 0, 6, "high")  # type: ignore[arg-type]
    assert err.value.problems == (
        "sleep_h: must be 0 to 24 hours, got 25",
        "soreness: must be a rating from 1 to 5, got 0",
        "stress: must be a rating from 1 to 5, got 6",
        "energy: must be a rating from 1 to 5, got 'high'",
    )
