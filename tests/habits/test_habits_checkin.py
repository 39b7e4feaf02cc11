"""The morning check-in: questions, validation, and guidance for a poor morning."""

from __future__ import annotations

import json

import pytest

from spinewise.education import load_pages
from spinewise.errors import InputError
from spinewise.habits import LEVELS, QUESTIONS, CheckIn, checkin_guidance, checkin_section


def _rules(answers: dict[str, object], baseline: int = 2) -> list[str]:
    return [g.rule for g in checkin_guidance(answers, baseline)]


def test_questions_and_ranges() -> None:
    assert [(q.id, q.min, q.max) for q in QUESTIONS] == [
        ("sleep_h", 0, 16),
        ("soreness", 1, 5),
        ("stress", 1, 5),
        ("energy", 1, 5),
        ("next_morning_pain", 0, 10),
    ]


@pytest.mark.parametrize(
    ("answers", "baseline", "expected"),
    [
        (
            {"next_morning_pain": 2, "sleep_h": 8, "soreness": 2, "stress": 2, "energy": 4},
            2,
            ["ok"],
        ),
        ({"next_morning_pain": 3}, 2, ["pain_up"]),
        ({"next_morning_pain": 2}, 2, ["ok"]),
        ({"next_morning_pain": 1}, 2, ["ok"]),
        ({"next_morning_pain": 5}, 5, ["ok"]),
        ({"next_morning_pain": 6}, 5, ["pain_unacceptable"]),
        ({"next_morning_pain": 6}, 8, ["pain_unacceptable"]),
        ({"sleep_h": 5.5}, 2, ["short_sleep"]),
        ({"sleep_h": 6}, 2, ["ok"]),
        ({"soreness": 4}, 2, ["sore"]),
        ({"stress": 5}, 2, ["stressed"]),
        ({"energy": 2}, 2, ["low_energy"]),
        ({"energy": 3, "soreness": 3, "stress": 3}, 2, ["ok"]),
        (
            {"sleep_h": 4, "soreness": 5, "energy": 1},
            2,
            ["several_poor", "short_sleep", "sore", "low_energy"],
        ),
        ({"next_morning_pain": 7, "sleep_h": 5}, 3, ["pain_unacceptable", "short_sleep"]),
        ({}, 0, ["ok"]),
    ],
)
def test_guidance_cases(answers: dict[str, object], baseline: int, expected: list[str]) -> None:
    assert _rules(answers, baseline) == expected


def test_guidance_is_sorted_by_level_and_names_real_pages() -> None:
    guidance = checkin_guidance(
        {"next_morning_pain": 4, "sleep_h": 5, "soreness": 5, "stress": 5, "energy": 1}, 2
    )
    levels = [LEVELS.index(g.level) for g in guidance]
    assert levels == sorted(levels, reverse=True)
    assert guidance[0].level == "reduce"
    pages = load_pages()
    assert all(g.page in pages for g in guidance)
    assert "4/10" in guidance[0].message
    assert "2/10" in guidance[0].message


def test_unacceptable_pain_points_to_a_clinician_and_skips_loaded_work() -> None:
    [g] = checkin_guidance({"next_morning_pain": 8}, 1)
    assert g.level == "skip"
    assert "Skip the loaded exercises" in g.message
    assert "clinician" in g.message


def test_a_checkin_object_is_accepted() -> None:
    assert [g.rule for g in checkin_guidance(CheckIn(sleep_h=5.0), 0)] == ["short_sleep"]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"soreness": 6}, "soreness: must be 1 to 5, got 6"),
        ({"next_morning_pain": -1}, "next_morning_pain: must be 0 to 10, got -1"),
        ({"next_morning_pain": 2.5}, "next_morning_pain: must be a whole number 0 to 10"),
        ({"sleep_h": "a lot"}, "sleep_h: must be a number 0 to 16, got 'a lot'"),
        ({"sleep_h": 17}, "sleep_h: must be 0 to 16, got 17"),
        ({"energy": True}, "energy: must be a whole number 1 to 5, got True"),
        ({"mood": 3}, "unknown questions ['mood']"),
    ],
)
def test_bad_answers_name_the_question_value_and_range(
    answers: dict[str, object], expected: str
) -> None:
    with pytest.raises(InputError) as err:
        checkin_guidance(answers, 2)
    assert any(expected in line for line in err.value.problems), err.value.problems


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(InputError) as err:
        CheckIn.from_answers({"soreness": 0, "stress": 9})
    assert len(err.value.problems) == 2


@pytest.mark.parametrize("baseline", [-1, 11, 2.5, True])
def test_bad_baseline(baseline: object) -> None:
    with pytest.raises(InputError, match="baseline_pain"):
        checkin_guidance({}, baseline)  # type: ignore[arg-type]


def test_checkin_section_is_json_and_lists_every_rule() -> None:
    section = checkin_section().to_json()
    json.dumps(section)
    assert [q["id"] for q in section["questions"]] == [q.id for q in QUESTIONS]
    rules = {r["rule"] for r in section["rules"]}
    assert rules == {
        "pain_unacceptable",
        "pain_up",
        "several_poor",
        "short_sleep",
        "sore",
        "stressed",
        "low_energy",
    }
    assert {s["status"] for s in section["sources"]} >= {"C", "C2"}
