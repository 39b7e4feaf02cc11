"""Clearance per flag, dated: it covers only its own flag and lapses after 12 weeks."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinewise.assessment import screen
from spinewise.assessment.screening import CLEARANCE_VALID_DAYS
from spinewise.cli.app import app
from spinewise.errors import InputError
from spinewise.profile import (
    SCREENING_FLAGS,
    ScreeningAnswers,
    load_profile,
    parse_profile,
    profile_to_toml,
)

SEEN = date(2026, 9, 1)
EXAMPLE = Path(__file__).parents[2] / "src" / "spinewise" / "examples" / "profile.example.toml"


def _answers(*yes: str, clearances: dict[str, date] | None = None, legacy: bool = False):
    values = {f: f in yes for f in SCREENING_FLAGS}
    return ScreeningAnswers(**values, clearances=clearances or {}, cleared_by_clinician=legacy)


def test_a_dated_clearance_clears_its_flag_for_12_weeks() -> None:
    answers = _answers("history_of_cancer", clearances={"history_of_cancer": SEEN})
    assert CLEARANCE_VALID_DAYS == 84
    assert screen(answers, today=SEEN).cleared
    assert screen(answers, today=SEEN + timedelta(days=84)).cleared
    late = screen(answers, today=SEEN + timedelta(days=85))
    assert not late.cleared
    (reason,) = late.reasons
    assert reason.expired
    assert "more than 12 weeks old" in reason.why
    assert "01 September 2026" in reason.why


def test_a_clearance_covers_only_the_flag_it_names() -> None:
    answers = _answers(
        "history_of_cancer", "constant_night_pain", clearances={"history_of_cancer": SEEN}
    )
    r = screen(answers, today=SEEN)
    assert (r.status, r.cleared) == ("see_clinician", False)
    assert {x.flag: x.cleared for x in r.reasons} == {
        "history_of_cancer": True,
        "constant_night_pain": False,
    }


def test_a_clearance_dated_after_today_does_not_count() -> None:
    answers = _answers("history_of_cancer", clearances={"history_of_cancer": SEEN})
    r = screen(answers, today=SEEN - timedelta(days=1))
    assert not r.cleared
    assert "after today" in r.reasons[0].why


def test_progressive_weakness_is_never_cleared_by_a_clearance() -> None:
    answers = _answers("progressive_leg_weakness", clearances={"progressive_leg_weakness": SEEN})
    assert not screen(answers, today=SEEN).cleared


def test_the_old_undated_clearance_counts_from_the_plan_start_and_lapses() -> None:
    answers = _answers("history_of_cancer", legacy=True)
    start = date(2026, 3, 2)
    assert screen(answers, today=start + timedelta(days=30), plan_start=start).cleared
    assert not screen(answers, today=start + timedelta(days=120), plan_start=start).cleared
    assert screen(answers).cleared  # no date known at all: an old profile still loads and plans


@pytest.mark.parametrize("flag", SCREENING_FLAGS[:4])
def test_the_cauda_equina_questions_cannot_be_cleared(flag: str) -> None:
    with pytest.raises(ValueError, match="not a question a clinician can clear"):
        _answers(flag, clearances={flag: SEEN})


def test_clearances_round_trip_through_toml_and_name_the_field_when_wrong() -> None:
    profile = load_profile(EXAMPLE)
    data = profile.model_dump()
    data["screening"] = {
        **data["screening"],
        "history_of_cancer": True,
        "clearances": {"history_of_cancer": SEEN},
    }
    cleared = parse_profile(data)
    text = profile_to_toml(cleared)
    assert "[screening.clearances]" in text
    assert "history_of_cancer = 2026-09-01" in text
    data["screening"]["clearances"] = {"saddle_numbness": SEEN}
    with pytest.raises(InputError, match=r"screening\.clearances"):
        parse_profile(data)


def test_cli_assess_dates_the_screening_with_today(tmp_path: Path) -> None:
    text = EXAMPLE.read_text().replace("history_of_cancer = false", "history_of_cancer = true")
    text += "\n[screening.clearances]\nhistory_of_cancer = 2026-09-01\n"
    path = tmp_path / "p.toml"
    path.write_text(text)
    runner = CliRunner()
    ok = runner.invoke(app, ["assess", str(path), "--today", "2026-10-01"])
    assert ok.exit_code == 0, ok.output
    late = runner.invoke(app, ["assess", str(path), "--today", "2027-01-01"])
    assert late.exit_code == 3, late.output
    assert "more than 12 weeks old" in late.output
