"""The interactive assessment: every profile question in turn, each answer checked at once.

The flow is written against two injected functions, ``ask(prompt) -> answer`` and
``say(text)``, so that the CLI can wire them to the terminal, and tests to a script. An invalid
answer is explained and the question asked again. A yes to any cauda equina question stops the
interview at once with the emergency advice (no profile, no plan). The hold tests come with their
instructions (``data/protocols.toml``): the position and when to stop the clock.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from spinewise.assessment.screening import load_red_flags
from spinewise.catalog import load_vocabulary
from spinewise.profile import (
    AGGRAVATING_POSTURES,
    FOCUS_VALUES,
    RANGES,
    Profile,
    parse_profile,
)

__all__ = ["Ask", "InvalidAnswerError", "Say", "interview", "load_protocols"]

Ask = Callable[[str], str]
Say = Callable[[str], None]
T = TypeVar("T")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TEST_ORDER = (
    "trunk_flexor_s",
    "trunk_extensor_s",
    "side_bridge_right_s",
    "side_bridge_left_s",
    "single_leg_stance_eyes_open_s",
    "single_leg_stance_eyes_closed_s",
)
BOTHERSOMENESS = ("not_at_all", "slightly", "moderately", "very_much", "extremely")


class InvalidAnswerError(ValueError):
    """An answer that does not fit; its message says what is allowed."""


@cache
def load_protocols() -> dict[str, Any]:
    """The hold-test instructions of ``data/protocols.toml``.

    Examples
    --------
    >>> sorted(load_protocols()["test"])[:2]
    ['side_bridge_left_s', 'side_bridge_right_s']
    """
    text = resources.files("spinewise.assessment").joinpath("data/protocols.toml").read_text()
    return tomllib.loads(text)


# --- parsers: text -> value, or InvalidAnswerError ---------------------------------------


def _text(answer: str) -> str:
    value = answer.strip()
    if not value or len(value) > 100:
        raise InvalidAnswerError("please enter 1 to 100 characters")
    return value


def _choice(options: Sequence[str]) -> Callable[[str], str]:
    def parse(answer: str) -> str:
        value = answer.strip().lower()
        if value not in options:
            raise InvalidAnswerError(f"please answer one of: {', '.join(options)}")
        return value

    return parse


def _yes_no(answer: str) -> bool:
    value = answer.strip().lower()
    if value in ("y", "yes"):
        return True
    if value in ("n", "no"):
        return False
    raise InvalidAnswerError("please answer yes or no")


def _number(path: str, whole: bool, optional: bool = False) -> Callable[[str], float | None]:
    lo, hi = RANGES[path]

    def parse(answer: str) -> float | None:
        value = answer.strip()
        if not value and optional:
            return None
        try:
            number = int(value) if whole else float(value)
        except ValueError:
            kind = "a whole number" if whole else "a number"
            raise InvalidAnswerError(f"please enter {kind} from {lo:g} to {hi:g}") from None
        if not lo <= number <= hi:
            raise InvalidAnswerError(f"must be {lo:g} to {hi:g}, got {value}")
        return number

    return parse


def _date(answer: str) -> dt.date | None:
    value = answer.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidAnswerError(
            "please enter a date such as 2026-12-07, or nothing to skip"
        ) from None


def _many(options: Sequence[str], at_least_one: bool) -> Callable[[str], tuple[str, ...]]:
    def parse(answer: str) -> tuple[str, ...]:
        items = [p.strip().lower() for p in answer.replace(",", " ").split() if p.strip()]
        unknown = [i for i in items if i not in options]
        if unknown:
            raise InvalidAnswerError(
                f"unknown: {', '.join(unknown)}; choose from: {', '.join(options)}"
            )
        if at_least_one and not items:
            raise InvalidAnswerError(f"please name at least one of: {', '.join(options)}")
        return tuple(dict.fromkeys(items))

    return parse


def _until(ask: Ask, say: Say, prompt: str, parse: Callable[[str], T]) -> T:
    """Ask until the answer parses; explain each invalid answer."""
    while True:
        try:
            return parse(ask(prompt))
        except InvalidAnswerError as bad:
            say(f"  Not accepted: {bad}")


# --- sections --------------------------------------------------------------------------------


def _athlete(ask: Ask, say: Say) -> dict[str, Any]:
    say("About you")
    return {
        "name": _until(ask, say, "Your name: ", _text),
        "sex": _until(
            ask, say, "Sex, for sex-specific norms (female/male): ", _choice(("female", "male"))
        ),
        "age": _until(ask, say, "Age in years (16-100): ", _number("athlete.age", True)),
        "body_mass_kg": _until(
            ask, say, "Body mass in kg (30-250): ", _number("athlete.body_mass_kg", False)
        ),
        "height_cm": _until(
            ask, say, "Height in cm (120-230): ", _number("athlete.height_cm", False)
        ),
        "training_experience": _until(
            ask,
            say,
            "Training experience (novice/intermediate/advanced): ",
            _choice(("novice", "intermediate", "advanced")),
        ),
    }


def _schedule(ask: Ask, say: Say) -> dict[str, Any]:
    say("Your schedule")
    out: dict[str, Any] = {
        "days_per_week": _until(
            ask, say, "Training days per week (1-7): ", _number("schedule.days_per_week", True)
        ),
        "minutes_per_session": _until(
            ask,
            say,
            "Minutes per session (10-150): ",
            _number("schedule.minutes_per_session", True),
        ),
        "weeks": _until(ask, say, "Plan length in weeks (4-16): ", _number("schedule.weeks", True)),
    }
    start = _until(ask, say, "Start date, YYYY-MM-DD (blank to skip): ", _date)
    if start is not None:
        out["start_date"] = start
    days = _until(
        ask,
        say,
        f"Preferred days, e.g. mon wed fri (blank to skip; {' '.join(WEEKDAYS)}): ",
        _many(WEEKDAYS, at_least_one=False),
    )
    if days:
        out["preferred_days"] = list(days)
    return out


def _screening(ask: Ask, say: Say) -> dict[str, Any] | None:
    say(
        "Safety questions. Answer each one; a yes does not mean something is wrong, but some "
        "answers mean you should see a clinician before training."
    )
    answers: dict[str, Any] = {}
    referred = []
    for flag in load_red_flags():
        yes = _until(ask, say, f"{flag.question} (yes/no): ", _yes_no)
        answers[flag.key] = yes
        if yes and flag.level == "emergency":
            say("STOP. " + flag.why)
            return None
        if yes:
            referred.append(flag)
    answers["cleared_by_clinician"] = False
    clearances: dict[str, dt.date] = {}
    for flag in referred:
        say(f"See a clinician: {flag.why}")
        if not flag.clearable:
            continue
        if _until(
            ask,
            say,
            "Has a clinician examined you for this and said that you may train? (yes/no): ",
            _yes_no,
        ):
            day = _until(ask, say, "On what date (for example 2026-11-20)? ", _date)
            if day is not None:
                clearances[flag.key] = day
    if clearances:
        answers["clearances"] = clearances
    return answers


def _pain(ask: Ask, say: Say) -> dict[str, Any]:
    say("Pain")
    current = _until(
        ask,
        say,
        "Back pain now, 0 (none) to 10 (worst imaginable): ",
        _number("pain.current", True),
    )
    worst_parse = _number("pain.worst_last_week", True)

    def worst(answer: str) -> float | None:
        value = worst_parse(answer)
        if value is not None and value < (current or 0):
            raise InvalidAnswerError(
                f"the worst of the week cannot be below your pain now ({current:g})"
            )
        return value

    sensitivities = load_vocabulary().values("sensitivities")
    options = (*sensitivities, *AGGRAVATING_POSTURES)
    return {
        "current": current,
        "worst_last_week": _until(ask, say, "Worst back pain in the last week, 0-10: ", worst),
        "aggravated_by": list(
            _until(
                ask,
                say,
                f"What makes it worse? Any of: {', '.join(options)} (blank for none): ",
                _many(options, at_least_one=False),
            )
        ),
    }


def _tests(ask: Ask, say: Say) -> dict[str, Any]:
    protocols = load_protocols()
    say("Hold tests. Enter each time in seconds, or leave it blank if you did not do the test.")
    say(protocols["safety"])
    out: dict[str, Any] = {}
    for key in TEST_ORDER:
        p = protocols["test"][key]
        say(f"{p['name']}. Position: {p['position']} When to stop: {p['stop']}")
        lo, hi = RANGES[f"tests.{key}"]
        value = _until(
            ask,
            say,
            f"{p['name']}, seconds ({lo:g}-{hi:g}, blank if not done): ",
            _number(f"tests.{key}", False, optional=True),
        )
        if value is not None:
            out[key] = value
    return out


def _start_back(ask: Ask, say: Say) -> dict[str, Any] | None:
    if not _until(
        ask,
        say,
        "Do you want your STarT Back Screening Tool answers scored? You need your own copy of "
        "the form (Keele University); spinewise does not show its questions. (yes/no): ",
        _yes_no,
    ):
        return None
    items = [
        _until(ask, say, f"STarT Back item {n}: did you agree? (yes/no): ", _yes_no)
        for n in range(1, 9)
    ]
    bother = _until(
        ask,
        say,
        f"STarT Back item 9, bothersomeness ({', '.join(BOTHERSOMENESS)}): ",
        _choice(BOTHERSOMENESS),
    )
    return {"items": items, "bothersomeness": bother}


def interview(ask: Ask, say: Say) -> Profile | None:
    """Ask every profile question in turn and return the validated profile.

    Parameters
    ----------
    ask
        Shows a prompt and returns the user's answer (``input`` in a terminal).
    say
        Shows a line of text.

    Returns
    -------
    Profile or None
        None when a cauda equina question was answered yes: the emergency advice has been
        shown and no profile is made.
    """
    say("spinewise assessment. This is not a medical examination and never a diagnosis.")
    athlete = _athlete(ask, say)
    schedule = _schedule(ask, say)
    kit = load_vocabulary().values("equipment")
    equipment = _until(
        ask,
        say,
        f"Equipment you have, separated by spaces or commas ({', '.join(kit)}): ",
        _many(kit, at_least_one=True),
    )
    focus = _until(
        ask,
        say,
        f"What is the training for? One or more of: {', '.join(FOCUS_VALUES)}: ",
        _many(FOCUS_VALUES, at_least_one=True),
    )
    screening = _screening(ask, say)
    if screening is None:
        return None
    data: dict[str, Any] = {
        "schema_version": 1,
        "athlete": athlete,
        "schedule": schedule,
        "equipment": {"available": list(equipment)},
        "goals": {"focus": list(focus)},
        "screening": screening,
        "pain": _pain(ask, say),
        "tests": _tests(ask, say),
    }
    start_back = _start_back(ask, say)
    if start_back is not None:
        data["start_back"] = start_back
    return parse_profile(data)
