"""The adaptation's change records in people's words."""

from __future__ import annotations

import re

from spinewise.planning.plan import PlanChange
from spinewise.report.change_words import (
    group_changes,
    headline,
    pain_words,
    plain_change,
    plain_reason,
)

PAINFUL = (
    "pain during the session was unacceptable: Pain during activity 7/10 is above 5/10, which "
    "is too much: stop or regress this exercise; do not progress through it."
)


def _names(exercise_id: str) -> str:
    return {"bird_dog": "Bird dog", "dead_bug": "Dead bug"}.get(exercise_id, "Other")


def test_doses_read_as_this_instead_of_that() -> None:
    assert plain_change("sets 4 -> 3", "Bird dog") == "Bird dog: 3 sets instead of 4"
    assert plain_change("sets 2 -> 1", "Bird dog") == "Bird dog: 1 set instead of 2"
    assert plain_change("reps 8 -> 9", "Bird dog") == "Bird dog: 9 reps instead of 8"
    assert (
        plain_change("sets 3 -> 2, hold 30 -> 25 s", "Bird dog")
        == "Bird dog: 2 sets instead of 3, 25-second holds instead of 30 seconds"
    )
    assert plain_change("distance 20 -> 25 m", "Carry") == "Carry: 25 m instead of 20 m"


def test_a_swap_says_easier_or_harder_and_drops_the_refusal_detail() -> None:
    swap = "Bird dog -> Dead bug (the catalogue's regression)"
    assert plain_change(swap, "Bird dog", "Dead bug") == (
        "Dead bug, an easier version, instead of Bird dog"
    )
    up = "Dead bug -> Bird dog (the catalogue's progression)"
    assert "a harder version" in plain_change(up, "Dead bug", "Bird dog")
    refused = (
        "sets 2 -> 1 (Push-up from the knees, the catalogue's regression, was not used: it "
        "would break a rule every plan keeps: an exercise at most twice a week)"
    )
    assert plain_change(refused, "Push-up") == "Push-up: 1 set instead of 2"
    refused_old = "reps 8 -> 9 (the catalogue's progression was not used: too hard)"
    assert plain_change(refused_old, "Push-up") == "Push-up: 9 reps instead of 8"


def test_reasons_name_the_pain_and_its_band_without_jargon() -> None:
    said = plain_reason([PAINFUL])
    assert said == "Because pain during the session was 7/10, above 5/10: too much."
    assert "unacceptable" not in said
    progress = plain_reason(
        ["all 3 sets met their targets at RPE 6; Pain during activity 1/10 is in the safe band."]
    )
    assert "RPE" not in progress
    assert "an effort of 6/10" in progress
    assert "1/10, in the safe range (0 to 2)" in progress
    assert plain_reason([]) == ""
    assert pain_words(3) == "3/10, acceptable (3 to 5)"
    assert pain_words(5.5).endswith("too much")


def _regress(exercise_id: str, week: int, session: int, change: str) -> PlanChange:
    return PlanChange(
        version=2,
        verdict="regress",
        reasons=(PAINFUL,),
        week=week,
        session=session,
        exercise_id=exercise_id,
        now=exercise_id,
        change=change,
        based_on="week 1 session 1 logged 2026-12-09",
    )


def test_one_entry_per_exercise_and_reason_with_its_sessions() -> None:
    changes = [
        _regress("bird_dog", 1, 2, "sets 4 -> 3"),
        _regress("dead_bug", 1, 2, "sets 2 -> 1"),
        _regress("bird_dog", 1, 3, "sets 3 -> 2"),
    ]
    words = group_changes(changes, _names)
    assert [w.what for w in words] == [
        "Bird dog: 3 sets instead of 4",
        "Dead bug: 1 set instead of 2",
    ]
    assert words[0].sessions == ((1, 2), (1, 3))
    assert words[0].where == "from week 1, session 2, in 2 sessions"
    assert words[1].where == "in week 1, session 2"
    assert all(w.heading == "A step back" for w in words)
    assert headline(words) == "Lighter: 2 exercises get a lighter dose."
    for w in words:  # people's words: no ids, no snake_case
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", w.what + w.why)


def test_a_replan_is_listed_once_with_its_reason() -> None:
    replan = PlanChange(
        version=3,
        verdict="replan",
        reasons=("2 planned sessions were missed; weeks 2 to 4 are planned again",),
        from_week=2,
    )
    words = group_changes([replan, replan], _names)
    assert len(words) == 2  # two re-plans are two entries, never merged
    assert words[0].heading == "Weeks planned again"
    assert words[0].what.startswith("2 planned sessions were missed")
    assert headline(words[:1]) == "1 change to the plan's weeks."


def test_a_step_up_says_every_set_was_done_as_planned() -> None:
    two = plain_reason(["all 2 sets met their targets; Pain during activity 2/10 is safe."])
    three = plain_reason(["all 3 sets met their targets; Pain during activity 2/10 is safe."])
    assert two == three  # one reason for every exercise that stepped up
    assert two.startswith("Because you did every set as planned")
