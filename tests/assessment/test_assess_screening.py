"""Red-flag screening: every flag, the emergency override and the clinician's clearance."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spinewise.assessment import assess, load_red_flags, screen
from spinewise.profile import SCREENING_FLAGS, Profile, ScreeningAnswers

EMERGENCY = (
    "saddle_numbness",
    "new_bladder_or_bowel_change",
    "new_sexual_dysfunction",
    "bilateral_leg_weakness_or_numbness",
)
SEE_CLINICIAN = tuple(f for f in SCREENING_FLAGS if f not in EMERGENCY)


def _answers(*yes: str, cleared: bool = False) -> ScreeningAnswers:
    values = {f: f in yes for f in SCREENING_FLAGS}
    return ScreeningAnswers(**values, cleared_by_clinician=cleared)


def test_no_flag_is_clear() -> None:
    r = screen(_answers())
    assert (r.status, r.reasons, r.cleared) == ("clear", (), True)


@pytest.mark.parametrize("flag", EMERGENCY)
@pytest.mark.parametrize("cleared", [False, True])
def test_each_cauda_equina_flag_is_an_emergency_even_when_cleared(flag: str, cleared: bool) -> None:
    r = screen(_answers(flag, cleared=cleared))
    assert r.status == "emergency"
    assert r.cleared is False
    assert [reason.flag for reason in r.reasons] == [flag]
    why = r.reasons[0].why
    assert "cauda equina" in why
    assert "emergency" in why.lower()


@pytest.mark.parametrize("flag", SEE_CLINICIAN)
def test_each_other_flag_refers_to_a_clinician(flag: str) -> None:
    r = screen(_answers(flag))
    assert r.status == "see_clinician"
    assert r.cleared is False
    assert [reason.flag for reason in r.reasons] == [flag]
    assert "clinician" in r.reasons[0].why


@pytest.mark.parametrize("flag", SEE_CLINICIAN)
def test_a_clinicians_clearance_allows_a_plan(flag: str) -> None:
    r = screen(_answers(flag, cleared=True))
    assert (r.status, r.cleared) == ("see_clinician", True)


def test_emergency_wins_and_comes_first_whatever_else_is_said() -> None:
    r = screen(
        _answers("history_of_cancer", "constant_night_pain", "saddle_numbness", cleared=True)
    )
    assert r.status == "emergency"
    assert not r.cleared
    assert [x.flag for x in r.reasons] == [
        "saddle_numbness",
        "history_of_cancer",
        "constant_night_pain",
    ]


def test_every_rule_has_a_level_question_reason_and_source() -> None:
    flags = load_red_flags()
    assert tuple(f.key for f in flags) == SCREENING_FLAGS
    for f in flags:
        assert f.level == ("emergency" if f.key in EMERGENCY else "see_clinician")
        assert f.question.endswith("?")
        assert len(f.why) > 60
        assert f.sources
        assert f.certainty
    assert all(
        "Finucane" in f.sources[0] or "Downie" in f.sources[0] or "Spinal" in f.sources[0]
        for f in flags
    )


def test_fracture_and_malignancy_rules_cite_downie_2013() -> None:
    by_key = {f.key: f for f in load_red_flags()}
    for key in ("history_of_cancer", "significant_trauma", "long_term_corticosteroids"):
        assert any("Downie" in s and "BMJ 347:f7095" in s for s in by_key[key].sources)
        assert by_key[key].certainty.startswith("C:")


@pytest.mark.parametrize("flag", EMERGENCY)
def test_emergency_stops_the_plan_even_with_clearance(
    make_profile: Callable[..., Profile], flag: str
) -> None:
    p = make_profile(**{f"screening.{flag}": True, "screening.cleared_by_clinician": True})
    a = assess(p)
    assert a.screening.status == "emergency"
    assert not a.screening.cleared
    assert a.findings == ()
    assert a.sensitivities == ()
    assert a.to_json()["screening"]["cleared"] is False


def test_see_clinician_still_reports_findings_for_the_clinician(
    make_profile: Callable[..., Profile],
) -> None:
    a = assess(make_profile(**{"screening.history_of_cancer": True}))
    assert a.screening.status == "see_clinician"
    assert not a.screening.cleared
    assert a.findings
