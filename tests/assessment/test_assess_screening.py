"""Red-flag screening: every flag, the emergency override and the clinician's clearance."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spinewise.assessment import assess, load_red_flags, screen
from spinewise.profile import SCREENING_FLAGS, Pain, Profile, ScreeningAnswers

EMERGENCY = (
    "saddle_numbness",
    "new_bladder_or_bowel_change",
    "new_sexual_dysfunction",
    "bilateral_leg_weakness_or_numbness",
)
SEE_CLINICIAN = tuple(f for f in SCREENING_FLAGS if f not in EMERGENCY)
#: Flags a clinician's clearance in the profile does not lift: they need care now.
NOT_CLEARABLE = ("progressive_leg_weakness",)
CLEARABLE = tuple(f for f in SEE_CLINICIAN if f not in NOT_CLEARABLE)


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


@pytest.mark.parametrize("flag", CLEARABLE)
def test_a_clinicians_clearance_allows_a_plan(flag: str) -> None:
    r = screen(_answers(flag, cleared=True))
    assert (r.status, r.cleared) == ("see_clinician", True)


@pytest.mark.parametrize("flag", NOT_CLEARABLE)
def test_progressive_weakness_is_urgent_and_no_clearance_lifts_it(flag: str) -> None:
    r = screen(_answers(flag, cleared=True))
    assert (r.status, r.cleared) == ("see_clinician", False)
    assert "today" in r.reasons[0].why
    # a clearable flag beside it does not make it clearable either
    both = screen(_answers(flag, "history_of_cancer", cleared=True))
    assert both.cleared is False


def _pain(current: int, worst: int) -> Pain:
    return Pain(current=current, worst_last_week=worst)


@pytest.mark.parametrize(
    ("current", "worst", "severe"),
    [(6, 7, False), (7, 7, True), (2, 8, True), (8, 9, True), (10, 10, True), (0, 0, False)],
)
def test_severe_pain_refers_to_a_clinician(current: int, worst: int, severe: bool) -> None:
    for cleared in (False, True):
        r = screen(_answers(cleared=cleared), _pain(current, worst))
        if not severe:
            assert (r.status, r.reasons, r.cleared) == ("clear", (), True)
            continue
        assert r.status == "see_clinician"
        assert r.cleared is False  # a clearance does not make severe pain trainable
        (reason,) = r.reasons
        assert reason.flag == "severe_pain"
        assert f"{current}/10 now" in reason.why
        assert "_" not in reason.why


def test_severe_pain_beside_an_emergency_stays_an_emergency() -> None:
    r = screen(_answers("saddle_numbness"), _pain(9, 10))
    assert r.status == "emergency"
    assert [x.flag for x in r.reasons] == ["saddle_numbness", "severe_pain"]


def test_fracture_risk_questions_refer_and_old_profiles_load() -> None:
    for flag in ("minor_fall_older_age", "osteoporosis_or_fragility_fracture"):
        r = screen(_answers(flag))
        assert r.status == "see_clinician"
        assert "fracture" in r.reasons[0].why
    old = dict.fromkeys(SCREENING_FLAGS, False)
    del old["minor_fall_older_age"], old["osteoporosis_or_fragility_fracture"]
    answers = ScreeningAnswers(**old)  # a profile written before these questions
    assert answers.minor_fall_older_age is None
    assert screen(answers).status == "clear"


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
        any(name in f.sources[0] for name in ("Finucane", "Downie", "Spinal", "Williams"))
        for f in flags
    )
    assert {f.key for f in flags if not f.clearable} == set(NOT_CLEARABLE)


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
