"""The interactive flow, driven by scripted answers through injected ask/say functions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from spinewise.assessment import assess
from spinewise.assessment.interview import interview, load_protocols

ATHLETE = ["Ann", "female", "34", "64", "168", "novice"]
SCHEDULE = ["3", "40", "12", "2026-12-07", "mon wed fri"]
KIT_AND_GOALS = ["mat, band", "durability"]
NO_FLAGS = ["no"] * 13
PAIN = ["2", "4", "flexion"]
TESTS = ["95", "110", "62", "48", "45", "9"]


class Script:
    """Answers questions from a list and records everything shown."""

    def __init__(self, answers: list[str]) -> None:
        self._answers: Iterator[str] = iter(answers)
        self.prompts: list[str] = []
        self.said: list[str] = []

    def ask(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return next(self._answers)

    def say(self, text: str) -> None:
        self.said.append(text)


def test_full_interview_builds_the_example_profile() -> None:
    s = Script([*ATHLETE, *SCHEDULE, *KIT_AND_GOALS, *NO_FLAGS, *PAIN, *TESTS, "no"])
    p = interview(s.ask, s.say)
    assert p is not None
    assert (p.athlete.name, p.athlete.age, p.athlete.body_mass_kg) == ("Ann", 34, 64.0)
    assert p.schedule.preferred_days == ("mon", "wed", "fri")
    assert str(p.schedule.start_date) == "2026-12-07"
    assert p.equipment.available == ("mat", "band")
    assert p.pain.aggravated_by == ("flexion",)
    assert p.tests.side_bridge_right_s == 62
    assert p.tests.side_bridge_left_s == 48
    assert p.start_back is None
    assert [f.code for f in assess(p).findings][:4] == [
        "extensor_endurance_low",
        "flexor_endurance_low",
        "side_bridge_endurance_low",
        "side_bridge_asymmetry",
    ]


def test_invalid_answers_are_explained_and_asked_again() -> None:
    answers = [
        "",  # name: empty
        "Ann",
        "woman",  # not female/male
        "female",
        "fifteen",  # not a number
        "15",  # out of range
        "34",
        "64",
        "168",
        "novice",
        "9",  # days out of range
        "3",
        "40",
        "12",
        "07/12/2026",  # wrong date format
        "",
        "funday",  # unknown day
        "",
        "laser",  # unknown equipment
        "none",
        "",  # at least one focus
        "running",
        "maybe",  # not yes/no
        *NO_FLAGS,
        "3",
        "2",  # worst below current
        "4",
        "bending",  # unknown aggravator
        "",
        "",
        "",
        "",
        "",
        "60",  # eyes open above the 45-s cap
        "45",
        "",
        "no",
    ]
    s = Script(answers)
    p = interview(s.ask, s.say)
    assert p is not None
    assert p.athlete.age == 34
    assert p.schedule.days_per_week == 3
    assert p.schedule.start_date is None
    assert p.schedule.preferred_days is None
    assert p.equipment.available == ("none",)
    assert p.goals.focus == ("running",)
    assert (p.pain.current, p.pain.worst_last_week, p.pain.aggravated_by) == (3, 4, ())
    assert p.tests.trunk_flexor_s is None
    assert p.tests.single_leg_stance_eyes_open_s == 45
    rejected = [line for line in s.said if line.startswith("  Not accepted:")]
    assert rejected == [
        "  Not accepted: please enter 1 to 100 characters",
        "  Not accepted: please answer one of: female, male",
        "  Not accepted: please enter a whole number from 16 to 100",
        "  Not accepted: must be 16 to 100, got 15",
        "  Not accepted: must be 1 to 7, got 9",
        "  Not accepted: please enter a date such as 2026-12-07, or nothing to skip",
        "  Not accepted: unknown: funday; choose from: mon, tue, wed, thu, fri, sat, sun",
        rejected[7],
        "  Not accepted: please name at least one of: durability, rotational_sport, lifting, "
        "running, desk_work",
        "  Not accepted: please answer yes or no",
        "  Not accepted: the worst of the week cannot be below your pain now (3)",
        rejected[11],
        "  Not accepted: must be 0 to 45, got 60",
    ]
    assert rejected[7].startswith("  Not accepted: unknown: laser; choose from: none, mat")
    assert rejected[11].startswith("  Not accepted: unknown: bending; choose from: flexion")


@pytest.mark.parametrize("which", range(4))
def test_a_cauda_equina_yes_stops_at_once(which: int) -> None:
    flags = ["no"] * which + ["yes"]
    s = Script([*ATHLETE, *SCHEDULE, *KIT_AND_GOALS, *flags])
    assert interview(s.ask, s.say) is None
    assert s.said[-1].startswith("STOP. ")
    assert "emergency" in s.said[-1].lower()
    assert len(s.prompts) == len(ATHLETE) + len(SCHEDULE) + len(KIT_AND_GOALS) + which + 1


def test_other_flags_ask_for_the_clinicians_clearance() -> None:
    flags = ["no"] * 5 + ["yes"] + ["no"] * 7
    s = Script([*ATHLETE, *SCHEDULE, *KIT_AND_GOALS, *flags, "no", *PAIN, *TESTS, "no"])
    p = interview(s.ask, s.say)
    assert p is not None
    assert p.screening.history_of_cancer is True
    assert p.screening.cleared_by_clinician is False
    assert any(line.startswith("See a clinician: ") for line in s.said)
    r = assess(p).screening
    assert (r.status, r.cleared) == ("see_clinician", False)


def test_each_hold_test_comes_with_position_and_when_to_stop() -> None:
    s = Script([*ATHLETE, *SCHEDULE, *KIT_AND_GOALS, *NO_FLAGS, *PAIN, *TESTS, "no"])
    interview(s.ask, s.say)
    protocols = load_protocols().tests
    assert len(protocols) == 6
    for p in protocols.values():
        shown = [line for line in s.said if line.startswith(p.name + ".")]
        assert len(shown) == 1
        assert "Position: " in shown[0]
        assert "When to stop: Stop the clock" in shown[0]


def test_start_back_asks_item_numbers_only() -> None:
    start_back = ["yes", "no", "no", "no", "no", "yes", "yes", "yes", "yes", "lots", "very_much"]
    s = Script([*ATHLETE, *SCHEDULE, *KIT_AND_GOALS, *NO_FLAGS, *PAIN, *TESTS, *start_back])
    p = interview(s.ask, s.say)
    assert p is not None
    assert p.start_back is not None
    assert p.start_back.items == (False, False, False, False, True, True, True, True)
    assert p.start_back.bothersomeness == "very_much"
    item_prompts = [q for q in s.prompts if q.startswith("STarT Back item")]
    assert item_prompts[:8] == [
        f"STarT Back item {n}: did you agree? (yes/no): " for n in range(1, 9)
    ]
    assert assess(p).finding("start_back_high") is not None


def test_a_clearance_is_asked_per_flag_with_its_date() -> None:
    flags = ["no"] * 5 + ["yes"] + ["no"] * 6 + ["yes"]  # cancer and constant night pain
    answers = ["yes", "2026-11-20", "no"]
    s = Script([*ATHLETE, *SCHEDULE, *KIT_AND_GOALS, *flags, *answers, *PAIN, *TESTS, "no"])
    p = interview(s.ask, s.say)
    assert p is not None
    assert p.screening.clearances == {"history_of_cancer": date(2026, 11, 20)}
    r = assess(p, today=date(2026, 12, 1)).screening
    assert {x.flag: x.cleared for x in r.reasons} == {
        "history_of_cancer": True,
        "constant_night_pain": False,
    }
