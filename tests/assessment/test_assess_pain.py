"""Pain, movement sensitivities, postures and STarT Back scoring."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spinewise.assessment import assess, score_start_back
from spinewise.assessment.pain import pain_findings
from spinewise.assessment.results import Consequence
from spinewise.assessment.start_back import start_back_findings
from spinewise.catalog import load_vocabulary
from spinewise.profile import Pain, Profile, StartBackAnswers


def _codes(pain: Pain) -> dict[str, str]:
    return {f.code: f.severity for f in pain_findings(pain, load_vocabulary())}


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (0, {}),
        (1, {"pain_present": "info"}),
        (2, {"pain_present": "info"}),
        (3, {"pain_current_acceptable": "mild"}),
        (4, {"pain_current_acceptable": "moderate"}),
        (5, {"pain_current_acceptable": "moderate"}),
        (6, {"pain_current_high": "marked", "pain_worst_week_high": "mild"}),
    ],
)
def test_current_pain(current: int, expected: dict[str, str]) -> None:
    assert _codes(Pain(current=current, worst_last_week=current)) == expected


@pytest.mark.parametrize(
    ("current", "code", "cap", "edge"),
    [
        (3, "pain_current_acceptable", 3, 3),
        (4, "pain_current_acceptable", 3, 3),
        (5, "pain_current_acceptable", 3, 3),
        (6, "pain_current_high", 2, 6),
        (10, "pain_current_high", 2, 6),
    ],
)
def test_pain_above_the_safe_band_caps_the_level_and_drops_fast_work(
    current: int, code: str, cap: int, edge: int
) -> None:
    """Silbernagel's bands: 3-5 is acceptable (level 3), above 5 is high risk (level 2)."""
    (f,) = [
        f
        for f in pain_findings(Pain(current=current, worst_last_week=current), load_vocabulary())
        if f.code in ("pain_current_acceptable", "pain_current_high")
    ]
    assert f.code == code
    (c,) = f.consequences
    assert (c.kind, c.max_level) == ("level_cap", cap)
    assert "no jumps, throws or swings" in c.note
    assert (f.measured, f.reference, f.unit) == (current, edge, "/10")


def test_worst_week_above_5_caps_the_start() -> None:
    assert _codes(Pain(current=0, worst_last_week=5)) == {}
    (f,) = pain_findings(Pain(current=0, worst_last_week=6), load_vocabulary())
    assert (f.code, f.measured, f.reference) == ("pain_worst_week_high", 6, 5)
    assert f.consequences == (
        Consequence("level_cap", max_level=3, note="level cap after a painful week"),
    )


@pytest.mark.parametrize(
    "sensitivity", ["flexion", "extension", "rotation", "axial_load", "impact"]
)
def test_every_vocabulary_sensitivity_is_avoided(sensitivity: str) -> None:
    (f,) = pain_findings(
        Pain(current=0, worst_last_week=0, aggravated_by=(sensitivity,)), load_vocabulary()
    )
    assert f.code == f"aggravated_by_{sensitivity}"
    assert f.consequences == (
        Consequence(
            "avoid_sensitivity", sensitivity=sensitivity, note=f"no exercise loading {sensitivity}"
        ),
    )


@pytest.mark.parametrize(
    ("posture", "code"),
    [("prolonged_sitting", "sitting_intolerance"), ("prolonged_standing", "standing_intolerance")],
)
def test_postures_become_findings_not_sensitivities(
    make_profile: Callable[..., Profile], posture: str, code: str
) -> None:
    a = assess(make_profile(**{"pain.aggravated_by": [posture, "rotation", "flexion"]}))
    assert a.sensitivities == ("flexion", "rotation")  # vocabulary order
    f = a.finding(code)
    assert f is not None
    assert f.consequences[0].kind == "prefer"
    assert f.consequences[0].pattern == "mobility_drill"


# STarT Back (Hill et al. 2008 [C2 structure]): items 5-9 form the distress subscale.
@pytest.mark.parametrize(
    ("items", "bother", "total", "distress", "risk"),
    [
        ((False,) * 8, "not_at_all", 0, 0, "low"),
        ((True, True, True, False, False, False, False, False), "slightly", 3, 0, "low"),
        ((True, True, True, False, False, False, False, False), "very_much", 4, 1, "medium"),
        ((True,) * 4 + (True, True, True, False), "moderately", 7, 3, "medium"),
        ((False,) * 4 + (True, True, True, False), "extremely", 4, 4, "high"),
        ((False,) * 4 + (True,) * 4, "slightly", 4, 4, "high"),
        ((True,) * 8, "extremely", 9, 5, "high"),
    ],
)
def test_start_back_scoring(
    items: tuple[bool, ...], bother: str, total: int, distress: int, risk: str
) -> None:
    r = score_start_back(StartBackAnswers(items=items, bothersomeness=bother))  # type: ignore[arg-type]
    assert (r.total, r.distress, r.risk) == (total, distress, risk)


def test_start_back_findings_recommend_care_and_never_diagnose() -> None:
    low = score_start_back(StartBackAnswers(items=(False,) * 8, bothersomeness="slightly"))
    assert start_back_findings(low) == []
    medium = score_start_back(
        StartBackAnswers(items=(True,) * 4 + (False,) * 4, bothersomeness="slightly")
    )
    (m,) = start_back_findings(medium)
    assert (m.code, m.severity) == ("start_back_medium", "moderate")
    high = score_start_back(
        StartBackAnswers(items=(False,) * 4 + (True,) * 4, bothersomeness="slightly")
    )
    (h,) = start_back_findings(high)
    assert (h.code, h.severity, h.measured) == ("start_back_high", "marked", 4)
    for f in (m, h):
        assert "not a diagnosis" in f.summary
        assert f.consequences[0].kind == "prefer"
    assert "clinician" in h.summary


def test_start_back_in_the_assessment(make_profile: Callable[..., Profile]) -> None:
    p = make_profile(start_back={"items": [False] * 4 + [True] * 4, "bothersomeness": "very_much"})
    a = assess(p)
    assert a.start_back is not None
    assert a.start_back.risk == "high"
    assert a.finding("start_back_high") is not None
    assert a.to_json()["start_back"] == {"total": 5, "distress": 5, "risk": "high"}
