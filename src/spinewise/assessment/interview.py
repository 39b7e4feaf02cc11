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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TypeVar

from pydantic import ValidationError

from spinewise.assessment.screening import load_red_flags
from spinewise.catalog import load_vocabulary
from spinewise.errors import InputError
from spinewise.profile import (
    AGGRAVATING_POSTURES,
    BOTHERSOMENESS_LEVELS,
    EXPERIENCE_LEVELS,
    FOCUS_VALUES,
    RANGES,
    SEXES,
    WEEKDAYS,
    Athlete,
    EquipmentAvailable,
    Goals,
    Pain,
    Profile,
    Schedule,
    ScreeningAnswers,
    StartBackAnswers,
    Tests,
)
from spinewise.validation import problem_lines

__all__ = [
    "Ask",
    "HoldTestProtocol",
    "InvalidAnswerError",
    "Protocols",
    "Say",
    "interview",
    "load_protocols",
]

Ask = Callable[[str], str]
Say = Callable[[str], None]
T = TypeVar("T")
S = TypeVar("S", bound=str)
TEST_ORDER = (
    "trunk_flexor_s",
    "trunk_extensor_s",
    "side_bridge_right_s",
    "side_bridge_left_s",
    "single_leg_stance_eyes_open_s",
    "single_leg_stance_eyes_closed_s",
)


class InvalidAnswerError(ValueError):
    """An answer that does not fit; its message says what is allowed."""


@dataclass(frozen=True)
class HoldTestProtocol:
    """How to do one hold test.

    Attributes
    ----------
    name
        The test's name, e.g. ``Right side bridge (McGill)``.
    position
        How to get into the position.
    stop
        When to stop the clock.
    """

    name: str
    position: str
    stop: str


@dataclass(frozen=True)
class Protocols:
    """The hold-test instructions.

    Attributes
    ----------
    safety
        What to do before and between the tests, and when to leave one out.
    tests
        Each test's instructions by its profile key (``trunk_flexor_s``, ...).
    """

    safety: str
    tests: Mapping[str, HoldTestProtocol]


@cache
def load_protocols() -> Protocols:
    """The hold-test instructions of ``data/protocols.toml``.

    Examples
    --------
    >>> sorted(load_protocols().tests)[:2]
    ['side_bridge_left_s', 'side_bridge_right_s']
    """
    text = resources.files("spinewise.assessment").joinpath("data/protocols.toml").read_text()
    raw = tomllib.loads(text)
    tests = {
        key: HoldTestProtocol(name=p["name"], position=p["position"], stop=p["stop"])
        for key, p in raw["test"].items()
    }
    return Protocols(safety=raw["safety"], tests=MappingProxyType(tests))


# --- parsers: text -> value, or InvalidAnswerError ---------------------------------------


def _text(answer: str) -> str:
    value = answer.strip()
    if not value or len(value) > 100:
        raise InvalidAnswerError("please enter 1 to 100 characters")
    return value


def _choice(options: Sequence[S]) -> Callable[[str], S]:
    def parse(answer: str) -> S:
        value = answer.strip().lower()
        for option in options:
            if option == value:
                return option
        raise InvalidAnswerError(f"please answer one of: {', '.join(options)}")

    return parse


def _yes_no(answer: str) -> bool:
    value = answer.strip().lower()
    if value in ("y", "yes"):
        return True
    if value in ("n", "no"):
        return False
    raise InvalidAnswerError("please answer yes or no")


def _in_range(path: str, text: str, number: float) -> None:
    lo, hi = RANGES[path]
    if not lo <= number <= hi:
        raise InvalidAnswerError(f"must be {lo:g} to {hi:g}, got {text}")


def _whole(path: str) -> Callable[[str], int]:
    """A whole number within ``RANGES[path]``."""
    lo, hi = RANGES[path]

    def parse(answer: str) -> int:
        value = answer.strip()
        try:
            number = int(value)
        except ValueError:
            raise InvalidAnswerError(f"please enter a whole number from {lo:g} to {hi:g}") from None
        _in_range(path, value, number)
        return number

    return parse


def _decimal(path: str) -> Callable[[str], float]:
    """A number within ``RANGES[path]``."""
    lo, hi = RANGES[path]

    def parse(answer: str) -> float:
        value = answer.strip()
        try:
            number = float(value)
        except ValueError:
            raise InvalidAnswerError(f"please enter a number from {lo:g} to {hi:g}") from None
        _in_range(path, value, number)
        return number

    return parse


def _optional_decimal(path: str) -> Callable[[str], float | None]:
    """A number within ``RANGES[path]``, or None for a blank answer."""
    required = _decimal(path)

    def parse(answer: str) -> float | None:
        return None if not answer.strip() else required(answer)

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


def _many(options: Sequence[S], at_least_one: bool) -> Callable[[str], tuple[S, ...]]:
    def parse(answer: str) -> tuple[S, ...]:
        items = [p.strip().lower() for p in answer.replace(",", " ").split() if p.strip()]
        unknown = [i for i in items if i not in options]
        if unknown:
            raise InvalidAnswerError(
                f"unknown: {', '.join(unknown)}; choose from: {', '.join(options)}"
            )
        if at_least_one and not items:
            raise InvalidAnswerError(f"please name at least one of: {', '.join(options)}")
        by_name: dict[str, S] = {option: option for option in options}
        return tuple(by_name[name] for name in dict.fromkeys(items))

    return parse


def _until(ask: Ask, say: Say, prompt: str, parse: Callable[[str], T]) -> T:
    """Ask until the answer parses; explain each invalid answer."""
    while True:
        try:
            return parse(ask(prompt))
        except InvalidAnswerError as bad:
            say(f"  Not accepted: {bad}")


# --- sections --------------------------------------------------------------------------------


def _athlete(ask: Ask, say: Say) -> Athlete:
    say("About you")
    return Athlete(
        name=_until(ask, say, "Your name: ", _text),
        sex=_until(ask, say, "Sex, for sex-specific norms (female/male): ", _choice(SEXES)),
        age=_until(ask, say, "Age in years (16-100): ", _whole("athlete.age")),
        body_mass_kg=_until(
            ask, say, "Body mass in kg (30-250): ", _decimal("athlete.body_mass_kg")
        ),
        height_cm=_until(ask, say, "Height in cm (120-230): ", _decimal("athlete.height_cm")),
        training_experience=_until(
            ask,
            say,
            "Training experience (novice/intermediate/advanced): ",
            _choice(EXPERIENCE_LEVELS),
        ),
    )


def _schedule(ask: Ask, say: Say) -> Schedule:
    say("Your schedule")
    days_per_week = _until(
        ask, say, "Training days per week (1-7): ", _whole("schedule.days_per_week")
    )
    minutes = _until(
        ask, say, "Minutes per session (10-150): ", _whole("schedule.minutes_per_session")
    )
    weeks = _until(ask, say, "Plan length in weeks (4-16): ", _whole("schedule.weeks"))
    start = _until(ask, say, "Start date, YYYY-MM-DD (blank to skip): ", _date)
    days = _until(
        ask,
        say,
        f"Preferred days, e.g. mon wed fri (blank to skip; {' '.join(WEEKDAYS)}): ",
        _many(WEEKDAYS, at_least_one=False),
    )
    return Schedule(
        days_per_week=days_per_week,
        minutes_per_session=minutes,
        weeks=weeks,
        start_date=start,
        preferred_days=days or None,
    )


def _screening(ask: Ask, say: Say) -> ScreeningAnswers | None:
    say(
        "Safety questions. Answer each one; a yes does not mean something is wrong, but some "
        "answers mean you should see a clinician before training."
    )
    answers: dict[str, bool] = {}
    referred = []
    for flag in load_red_flags():
        yes = _until(ask, say, f"{flag.question} (yes/no): ", _yes_no)
        answers[flag.key] = yes
        if yes and flag.level == "emergency":
            say("STOP. " + flag.why)
            return None
        if yes:
            referred.append(flag)
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
    # The keys are the red-flag questions, which load_red_flags() checks equal the model's
    # fields (SCREENING_FLAGS).
    return ScreeningAnswers(**answers, cleared_by_clinician=False, clearances=clearances)


def _pain(ask: Ask, say: Say) -> Pain:
    say("Pain")
    current = _until(
        ask,
        say,
        "Back pain now, 0 (none) to 10 (worst imaginable): ",
        _whole("pain.current"),
    )
    worst_parse = _whole("pain.worst_last_week")

    def worst(answer: str) -> int:
        value = worst_parse(answer)
        if value < current:
            raise InvalidAnswerError(
                f"the worst of the week cannot be below your pain now ({current:g})"
            )
        return value

    sensitivities = load_vocabulary().values("sensitivities")
    options = (*sensitivities, *AGGRAVATING_POSTURES)
    return Pain(
        current=current,
        worst_last_week=_until(ask, say, "Worst back pain in the last week, 0-10: ", worst),
        aggravated_by=_until(
            ask,
            say,
            f"What makes it worse? Any of: {', '.join(options)} (blank for none): ",
            _many(options, at_least_one=False),
        ),
    )


def _tests(ask: Ask, say: Say) -> Tests:
    protocols = load_protocols()
    say("Hold tests. Enter each time in seconds, or leave it blank if you did not do the test.")
    say(protocols.safety)
    held: dict[str, float] = {}
    for key in TEST_ORDER:
        p = protocols.tests[key]
        say(f"{p.name}. Position: {p.position} When to stop: {p.stop}")
        lo, hi = RANGES[f"tests.{key}"]
        value = _until(
            ask,
            say,
            f"{p.name}, seconds ({lo:g}-{hi:g}, blank if not done): ",
            _optional_decimal(f"tests.{key}"),
        )
        if value is not None:
            held[key] = value
    # The keys are the model's fields (TEST_ORDER).
    return Tests(**held)


def _start_back(ask: Ask, say: Say) -> StartBackAnswers | None:
    if not _until(
        ask,
        say,
        "Do you want your STarT Back Screening Tool answers scored? You need your own copy of "
        "the form (Keele University); spinewise does not show its questions. (yes/no): ",
        _yes_no,
    ):
        return None
    items = tuple(
        _until(ask, say, f"STarT Back item {n}: did you agree? (yes/no): ", _yes_no)
        for n in range(1, 9)
    )
    bother = _until(
        ask,
        say,
        f"STarT Back item 9, bothersomeness ({', '.join(BOTHERSOMENESS_LEVELS)}): ",
        _choice(BOTHERSOMENESS_LEVELS),
    )
    return StartBackAnswers(items=items, bothersomeness=bother)


def interview(ask: Ask, say: Say) -> Profile | None:
    """Ask every profile question in turn and return the validated profile.

    Each section is built as its typed model as soon as it is answered; an answer is checked
    as it is given, so the models' own checks only guard against a mistake in this module.

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

    Raises
    ------
    InputError
        When the answers, each valid alone, do not make a valid profile (one line per problem).
    """
    say("spinewise assessment. This is not a medical examination and never a diagnosis.")
    try:
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
        pain = _pain(ask, say)
        tests = _tests(ask, say)
        start_back = _start_back(ask, say)
        return Profile(
            schema_version=1,
            athlete=athlete,
            schedule=schedule,
            equipment=EquipmentAvailable(available=equipment),
            goals=Goals(focus=focus),
            screening=screening,
            pain=pain,
            tests=tests,
            start_back=start_back,
        )
    except ValidationError as exc:
        raise InputError(problem_lines(exc, RANGES)) from None
