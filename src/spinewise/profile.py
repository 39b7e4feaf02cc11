"""The athlete profile: the input of ``spinewise assess`` and ``spinewise plan``.

The format is the contract ``docs/contracts/profile.example.toml`` (a copy lives in
``examples/profile.example.toml``). Every model is frozen and forbids unknown keys. Bad input
becomes one :class:`~spinewise.errors.InputError` whose ``problems`` hold one line per problem,
naming the field, what is allowed and the value given, e.g.
``schedule.days_per_week: must be 1 to 7, got 9``.

Ranges are those of the contract's comments. The hold-time upper bounds are this project's
plausibility limits (see ``docs/science/assessment.md``): long enough for any published mean plus
three standard deviations, short enough to catch a value typed in the wrong unit.

Examples
--------
>>> p = parse_profile(EXAMPLE_MINIMAL)
>>> p.schedule.days_per_week
3
>>> try:
...     parse_profile({**EXAMPLE_MINIMAL, "schedule": {"days_per_week": 9,
...                    "minutes_per_session": 40, "weeks": 12}})
... except InputError as err:
...     print(err.problems[0])
schedule.days_per_week: must be 1 to 7, got 9
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

import tomli_w
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from spinewise.catalog import load_vocabulary
from spinewise.errors import InputError
from spinewise.validation import problem_lines

__all__ = [
    "AGGRAVATING_POSTURES",
    "BOTHERSOMENESS_LEVELS",
    "EXAMPLE_MINIMAL",
    "EXPERIENCE_LEVELS",
    "FOCUS_VALUES",
    "RANGES",
    "SCREENING_FLAGS",
    "SEXES",
    "WEEKDAYS",
    "Athlete",
    "Bothersomeness",
    "EquipmentAvailable",
    "Experience",
    "Focus",
    "Goals",
    "Maxes",
    "Pain",
    "Profile",
    "Schedule",
    "ScreeningAnswers",
    "Sex",
    "StartBackAnswers",
    "Tests",
    "Weekday",
    "load_profile",
    "parse_profile",
    "profile_to_toml",
]

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Focus = Literal["durability", "rotational_sport", "lifting", "running", "desk_work"]
Bothersomeness = Literal["not_at_all", "slightly", "moderately", "very_much", "extremely"]
Sex = Literal["female", "male"]
Experience = Literal["novice", "intermediate", "advanced"]

#: The allowed values of the literal fields, in the order they are offered.
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SEXES: tuple[Sex, ...] = ("female", "male")
EXPERIENCE_LEVELS: tuple[Experience, ...] = ("novice", "intermediate", "advanced")
BOTHERSOMENESS_LEVELS: tuple[Bothersomeness, ...] = (
    "not_at_all",
    "slightly",
    "moderately",
    "very_much",
    "extremely",
)
FOCUS_VALUES: tuple[Focus, ...] = (
    "durability",
    "rotational_sport",
    "lifting",
    "running",
    "desk_work",
)
#: Aggravating postures accepted in ``pain.aggravated_by`` besides the vocabulary sensitivities.
AGGRAVATING_POSTURES: tuple[str, ...] = ("prolonged_sitting", "prolonged_standing")

#: The eleven red-flag questions, in the contract's order (the first four are cauda equina).
SCREENING_FLAGS: tuple[str, ...] = (
    "saddle_numbness",
    "new_bladder_or_bowel_change",
    "new_sexual_dysfunction",
    "bilateral_leg_weakness_or_numbness",
    "progressive_leg_weakness",
    "history_of_cancer",
    "unexplained_weight_loss",
    "fever_or_recent_infection",
    "significant_trauma",
    "long_term_corticosteroids",
    "minor_fall_older_age",
    "osteoporosis_or_fragility_fracture",
    "constant_night_pain",
)

#: Allowed range of every numeric field, inclusive, keyed by its dotted path. The contract's
#: comments give all but the hold times; those are plausibility bounds [s] documented in
#: docs/science/assessment.md (the single-leg stance is stopped at 45 s by protocol).
RANGES: dict[str, tuple[float, float]] = {
    "athlete.age": (16, 100),
    "athlete.body_mass_kg": (30, 250),
    "athlete.height_cm": (120, 230),
    "schedule.days_per_week": (1, 7),
    "schedule.minutes_per_session": (10, 150),
    "schedule.weeks": (4, 16),
    "pain.current": (0, 10),
    "pain.worst_last_week": (0, 10),
    "tests.trunk_flexor_s": (0, 1800),
    "tests.trunk_extensor_s": (0, 900),
    "tests.side_bridge_left_s": (0, 600),
    "tests.side_bridge_right_s": (0, 600),
    "tests.single_leg_stance_eyes_open_s": (0, 45),
    "tests.single_leg_stance_eyes_closed_s": (0, 45),
    # one-repetition maxes [kg]: plausibility bounds (the lightest barbell to beyond world records)
    "maxes.squat_kg": (20, 500),
    "maxes.deadlift_kg": (20, 500),
    "maxes.bench_press_kg": (20, 400),
}


def _within(path: str) -> Any:
    lo, hi = RANGES[path]
    return Field(ge=lo, le=hi)


def _no_duplicates(values: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"lists {json.dumps(v)} twice")
        seen.add(v)
    return values


def _equipment_name(name: str) -> str:
    vocab = load_vocabulary()
    if not vocab.allows("equipment", name):
        allowed = ", ".join(vocab.values("equipment"))
        raise ValueError(f"unknown equipment {json.dumps(name)}; allowed: {allowed}")
    return name


def _aggravator_name(name: str) -> str:
    vocab = load_vocabulary()
    if not (vocab.allows("sensitivities", name) or name in AGGRAVATING_POSTURES):
        allowed = ", ".join((*vocab.values("sensitivities"), *AGGRAVATING_POSTURES))
        raise ValueError(f"unknown aggravating movement {json.dumps(name)}; allowed: {allowed}")
    return name


EquipmentName = Annotated[str, AfterValidator(_equipment_name)]
AggravatorName = Annotated[str, AfterValidator(_aggravator_name)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Athlete(_Frozen):
    """Who trains: sex selects the sex-specific norms."""

    name: Annotated[str, Field(min_length=1, max_length=100)]
    sex: Sex
    age: Annotated[int, _within("athlete.age")]
    body_mass_kg: Annotated[float, _within("athlete.body_mass_kg")]
    height_cm: Annotated[float, _within("athlete.height_cm")]
    training_experience: Experience


#: Plans start from 2000 to 2099: the whole plan (at most 16 weeks) and its calendar stay
#: inside the years every renderer (iCalendar, charts) can write.
PLAN_START_RANGE = (dt.date(2000, 1, 1), dt.date(2099, 9, 1))


def _within_horizon(day: dt.date) -> dt.date:
    low, high = PLAN_START_RANGE
    if not low <= day <= high:
        raise ValueError(
            f"must be from {low.isoformat()} to {high.isoformat()}, got {day.isoformat()}"
        )
    return day


class Schedule(_Frozen):
    """When the athlete can train."""

    days_per_week: Annotated[int, _within("schedule.days_per_week")]
    minutes_per_session: Annotated[int, _within("schedule.minutes_per_session")]
    weeks: Annotated[int, _within("schedule.weeks")]
    start_date: Annotated[dt.date, AfterValidator(_within_horizon)] | None = None
    preferred_days: Annotated[tuple[Weekday, ...], AfterValidator(_no_duplicates)] | None = None


class EquipmentAvailable(_Frozen):
    """Equipment names from the vocabulary; ``"none"`` means nothing at all."""

    available: Annotated[tuple[EquipmentName, ...], AfterValidator(_no_duplicates)]


class Goals(_Frozen):
    """What the training is for (at least one)."""

    focus: Annotated[tuple[Focus, ...], Field(min_length=1), AfterValidator(_no_duplicates)]


class ScreeningAnswers(_Frozen):
    """The red-flag questions and the clinician's clearances.

    Every question must be answered, except the two fracture-risk questions added later
    (``minor_fall_older_age``, ``osteoporosis_or_fragility_fracture``): a profile written before
    them still loads, and an unanswered one is treated as "no".

    ``clearances`` (the ``[screening.clearances]`` table) gives, per flag, the date a clinician
    examined the person for it and said they may train. A clearance holds for 12 weeks
    (:mod:`spinewise.assessment.screening`). The older ``cleared_by_clinician = true`` still
    loads: it clears every flag present, dated on the plan's start date.
    """

    saddle_numbness: StrictBool
    new_bladder_or_bowel_change: StrictBool
    new_sexual_dysfunction: StrictBool
    bilateral_leg_weakness_or_numbness: StrictBool
    progressive_leg_weakness: StrictBool
    history_of_cancer: StrictBool
    unexplained_weight_loss: StrictBool
    fever_or_recent_infection: StrictBool
    significant_trauma: StrictBool
    long_term_corticosteroids: StrictBool
    minor_fall_older_age: StrictBool | None = None
    osteoporosis_or_fragility_fracture: StrictBool | None = None
    constant_night_pain: StrictBool
    cleared_by_clinician: StrictBool = False
    clearances: dict[str, dt.date] = Field(default_factory=dict)

    @field_validator("clearances")
    @classmethod
    def _known_flags(cls, clearances: dict[str, dt.date]) -> dict[str, dt.date]:
        allowed = SCREENING_FLAGS[4:]  # the cauda equina questions are never cleared
        for key in clearances:
            if key not in allowed:
                raise ValueError(
                    f"{key!r} is not a question a clinician can clear here; allowed: "
                    + ", ".join(allowed)
                )
        return clearances


class Pain(_Frozen):
    """Numeric pain ratings [0-10] and what aggravates the pain."""

    current: Annotated[int, _within("pain.current")]
    worst_last_week: Annotated[int, _within("pain.worst_last_week")]
    aggravated_by: Annotated[tuple[AggravatorName, ...], AfterValidator(_no_duplicates)] = ()

    @field_validator("worst_last_week")
    @classmethod
    def _worst_not_below_current(cls, worst: int, info: ValidationInfo) -> int:
        current = info.data.get("current")
        if isinstance(current, int) and worst < current:
            raise ValueError(f"must be at least pain.current ({current}), got {worst}")
        return worst


class Tests(_Frozen):
    """Hold times [s]; a test that was not done is left out."""

    __test__: ClassVar[bool] = False  # not a pytest test class, despite the name

    trunk_flexor_s: Annotated[float, _within("tests.trunk_flexor_s")] | None = None
    trunk_extensor_s: Annotated[float, _within("tests.trunk_extensor_s")] | None = None
    side_bridge_left_s: Annotated[float, _within("tests.side_bridge_left_s")] | None = None
    side_bridge_right_s: Annotated[float, _within("tests.side_bridge_right_s")] | None = None
    single_leg_stance_eyes_open_s: (
        Annotated[float, _within("tests.single_leg_stance_eyes_open_s")] | None
    ) = None
    single_leg_stance_eyes_closed_s: (
        Annotated[float, _within("tests.single_leg_stance_eyes_closed_s")] | None
    ) = None


class Maxes(_Frozen):
    """The person's one-repetition maxes [kg] on the main lifts; a lift not known is left out.

    Loads of the lifts built on them are then prescribed in kilograms
    (:mod:`spinewise.planning.lifts`).
    """

    squat_kg: Annotated[float, _within("maxes.squat_kg")] | None = None
    deadlift_kg: Annotated[float, _within("maxes.deadlift_kg")] | None = None
    bench_press_kg: Annotated[float, _within("maxes.bench_press_kg")] | None = None


class StartBackAnswers(_Frozen):
    """The user's own answers to the STarT Back Screening Tool (Keele University).

    No item wording is stored in spinewise (see docs/science/assessment.md): the user answers
    from their own copy of the form.

    Attributes
    ----------
    items
        Items 1 to 8 in the official form's order: ``true`` = agree.
    bothersomeness
        Item 9, the five-level bothersomeness answer.
    """

    items: Annotated[tuple[StrictBool, ...], Field(min_length=8, max_length=8)]
    bothersomeness: Bothersomeness


class Profile(_Frozen):
    """A whole athlete profile (schema version 1)."""

    schema_version: Literal[1]
    athlete: Athlete
    schedule: Schedule
    equipment: EquipmentAvailable
    goals: Goals
    screening: ScreeningAnswers
    pain: Pain
    tests: Tests = Tests()
    maxes: Maxes = Maxes()
    start_back: StartBackAnswers | None = None


_COUNT_HINTS = {"start_back.items": "must have exactly 8 answers (true = agree)"}


# --- entry points --------------------------------------------------------------------------


# I/O edge: ``data`` is a parsed TOML file or JSON body, checked here and nowhere else.
def parse_profile(data: Mapping[str, Any]) -> Profile:
    """Validate a profile given as a mapping (parsed TOML or JSON).

    Parameters
    ----------
    data
        The profile's tables, as read from TOML (``tomllib``) or JSON.

    Returns
    -------
    Profile
        The validated, immutable profile.

    Raises
    ------
    InputError
        With one line per problem: ``field.path: what is allowed, got value``.
    """
    try:
        return Profile.model_validate(dict(data))
    except ValidationError as exc:
        raise InputError(problem_lines(exc, RANGES, _COUNT_HINTS)) from None


def load_profile(path: Path) -> Profile:
    """Read and validate a profile TOML file.

    Raises
    ------
    InputError
        When the file cannot be read, is not valid TOML (the problem names the file, line and
        column), or holds invalid values (one line per problem).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the profile: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from None
    return parse_profile(data)


# I/O edge: a table of the TOML document written (see profile_to_toml).
def _toml_table(section: BaseModel) -> dict[str, Any]:
    """A section's set values (no None, no empty table), for ``tomli_w`` (an I/O edge)."""
    return {k: v for k, v in section.model_dump(exclude_none=True).items() if v != {}}


def profile_to_toml(profile: Profile) -> str:
    """Write a profile as TOML that :func:`load_profile` reads back to an equal profile.

    Sections come in the contract's order; optional values that are not set are left out.
    """
    sections: tuple[BaseModel, ...] = (
        profile.athlete,
        profile.schedule,
        profile.equipment,
        profile.goals,
        profile.screening,
        profile.pain,
        profile.tests,
    )
    names = ("athlete", "schedule", "equipment", "goals", "screening", "pain", "tests")
    # I/O edge: the TOML document handed to tomli_w.
    data: dict[str, Any] = {"schema_version": profile.schema_version}
    data.update({name: _toml_table(section) for name, section in zip(names, sections, strict=True)})
    if any(v is not None for v in profile.maxes.model_dump().values()):
        data["maxes"] = _toml_table(profile.maxes)
    if profile.start_back is not None:
        data["start_back"] = _toml_table(profile.start_back)
    header = "# A spinewise athlete profile (written by `spinewise assess --interactive`).\n"
    return header + tomli_w.dumps(data)


#: A small valid profile for examples and tests (the example of the contract, shortened). It is
#: the raw input of :func:`parse_profile` (as read from TOML), an I/O edge, so it stays a mapping.
EXAMPLE_MINIMAL: dict[str, Any] = {
    "schema_version": 1,
    "athlete": {
        "name": "Example",
        "sex": "female",
        "age": 34,
        "body_mass_kg": 64.0,
        "height_cm": 168.0,
        "training_experience": "novice",
    },
    "schedule": {"days_per_week": 3, "minutes_per_session": 40, "weeks": 12},
    "equipment": {"available": ["mat"]},
    "goals": {"focus": ["durability"]},
    "screening": dict.fromkeys(SCREENING_FLAGS, False),
    "pain": {"current": 0, "worst_last_week": 0, "aggravated_by": []},
}
