"""Balance: single-leg stance against Springer et al. 2007 (best of three, by age and sex)."""

from __future__ import annotations

import pytest

from spinewise.assessment.balance import balance_findings
from spinewise.assessment.results import Consequence
from spinewise.profile import Tests

PROPRIOCEPTION = Consequence(
    "every_session",
    quality="proprioception",
    note="balance and position-sense work in every session",
)


@pytest.mark.parametrize(
    ("closed_s", "severity"),
    [
        (13.1, None),
        (20, None),
        (9.9, "info"),
        (9.825, "info"),
        (9.8, "mild"),
        (6.55, "mild"),
        (6.5, "moderate"),
        (3.275, "moderate"),
        (3.2, "marked"),
        (0, "marked"),
    ],
)
def test_eyes_closed_bands_women_18_39(closed_s: float, severity: str | None) -> None:
    """Reference 13.1 s [U]; bands at 75 %, 50 % and 25 % of it."""
    found = balance_findings("female", 30, Tests(single_leg_stance_eyes_closed_s=closed_s))
    if severity is None:
        assert found == []
        return
    (f,) = found
    assert (f.code, f.severity, f.reference, f.source) == (
        "balance_eyes_closed_low",
        severity,
        13.1,
        "Springer et al. 2007",
    )
    assert f.consequences == (() if severity == "info" else (PROPRIOCEPTION,))


def test_eyes_open_reference_is_capped_at_45_s() -> None:
    """Women 18-39 average 45.1 s [U], above the 45-s trial cap [C2]: 45 s is not below it."""
    assert balance_findings("female", 25, Tests(single_leg_stance_eyes_open_s=45)) == []
    (f,) = balance_findings("female", 25, Tests(single_leg_stance_eyes_open_s=30))
    assert (f.code, f.reference, f.severity) == ("balance_eyes_open_low", 45, "mild")


def test_eyes_open_women_60_69_uses_the_confirmed_cell() -> None:
    """30.4 s, women 60-69, eyes open, best of three [C2]."""
    (f,) = balance_findings("female", 65, Tests(single_leg_stance_eyes_open_s=15))
    assert (f.reference, f.severity) == (30.4, "moderate")
    assert "women aged 60-69" in f.summary


def test_men_and_women_have_their_own_cells() -> None:
    (men,) = balance_findings("male", 75, Tests(single_leg_stance_eyes_open_s=10))
    (women,) = balance_findings("female", 75, Tests(single_leg_stance_eyes_open_s=10))
    assert (men.reference, women.reference) == (25.9, 16.7)


@pytest.mark.parametrize("age", [16, 17, 100])
def test_ages_outside_the_study_say_so(age: int) -> None:
    (f,) = balance_findings("male", age, Tests(single_leg_stance_eyes_closed_s=0.5))
    assert "outside the study's groups" in f.summary


def test_no_test_no_finding() -> None:
    assert balance_findings("male", 40, Tests()) == []
