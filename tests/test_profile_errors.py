"""Every invalid field of the profile gets its own clear error, and nothing is accepted."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from spinewise.errors import InputError
from spinewise.profile import RANGES, SCREENING_FLAGS, load_profile, parse_profile

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "profile.example.toml"


def _data() -> dict[str, Any]:
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def _problems(data: dict[str, Any]) -> tuple[str, ...]:
    with pytest.raises(InputError) as caught:
        parse_profile(data)
    assert caught.value.exit_code == 2
    return caught.value.problems


def _with(path: str, value: Any) -> dict[str, Any]:
    data = _data()
    section, field = path.split(".")
    data[section][field] = value
    return data


BAD_FIELDS = [
    ("athlete.name", "", "athlete.name: must not be empty"),
    ("athlete.name", 7, "athlete.name: must be text, got 7"),
    ("athlete.sex", "other", "athlete.sex: must be 'female' or 'male', got \"other\""),
    ("athlete.age", 15, "athlete.age: must be 16 to 100, got 15"),
    ("athlete.age", 101, "athlete.age: must be 16 to 100, got 101"),
    ("athlete.age", "34", None),  # a numeric string is read as a number: accepted
    ("athlete.age", 34.5, "athlete.age: must be a whole number, got 34.5"),
    ("athlete.body_mass_kg", 29.9, "athlete.body_mass_kg: must be 30 to 250, got 29.9"),
    ("athlete.body_mass_kg", 251, "athlete.body_mass_kg: must be 30 to 250, got 251"),
    ("athlete.height_cm", 119, "athlete.height_cm: must be 120 to 230, got 119"),
    ("athlete.height_cm", 231.5, "athlete.height_cm: must be 120 to 230, got 231.5"),
    (
        "athlete.training_experience",
        "elite",
        "athlete.training_experience: must be 'novice', 'intermediate' or 'advanced', "
        'got "elite"',
    ),
    ("schedule.days_per_week", 9, "schedule.days_per_week: must be 1 to 7, got 9"),
    ("schedule.days_per_week", 0, "schedule.days_per_week: must be 1 to 7, got 0"),
    ("schedule.minutes_per_session", 5, "schedule.minutes_per_session: must be 10 to 150, got 5"),
    (
        "schedule.minutes_per_session",
        151,
        "schedule.minutes_per_session: must be 10 to 150, got 151",
    ),
    ("schedule.weeks", 3, "schedule.weeks: must be 4 to 16, got 3"),
    ("schedule.weeks", 17, "schedule.weeks: must be 4 to 16, got 17"),
    (
        "schedule.start_date",
        "next monday",
        'schedule.start_date: must be a date such as 2026-12-07, got "next monday"',
    ),
    (
        "schedule.preferred_days",
        ["mon", "funday"],
        "schedule.preferred_days[1]: must be 'mon', 'tue', 'wed', 'thu', 'fri', 'sat' or "
        "'sun', got \"funday\"",
    ),
    ("schedule.preferred_days", ["mon", "mon"], 'schedule.preferred_days: lists "mon" twice'),
    ("schedule.preferred_days", "mon", 'schedule.preferred_days: must be a list, got "mon"'),
    ("goals.focus", [], "goals.focus: must list at least 1 value(s), got []"),
    (
        "goals.focus",
        ["durability", "golf"],
        "goals.focus[1]: must be 'durability', 'rotational_sport', 'lifting', 'running' or "
        "'desk_work', got \"golf\"",
    ),
    ("goals.focus", ["running", "running"], 'goals.focus: lists "running" twice'),
    ("equipment.available", ["mat", "mat"], 'equipment.available: lists "mat" twice'),
    ("pain.current", 11, "pain.current: must be 0 to 10, got 11"),
    ("pain.current", -1, "pain.current: must be 0 to 10, got -1"),
    ("pain.worst_last_week", 11, "pain.worst_last_week: must be 0 to 10, got 11"),
    ("pain.worst_last_week", 1, "pain.worst_last_week: must be at least pain.current (2), got 1"),
    ("tests.trunk_flexor_s", -1, "tests.trunk_flexor_s: must be 0 to 1800, got -1"),
    ("tests.trunk_flexor_s", 1801, "tests.trunk_flexor_s: must be 0 to 1800, got 1801"),
    ("tests.trunk_extensor_s", 901, "tests.trunk_extensor_s: must be 0 to 900, got 901"),
    ("tests.side_bridge_left_s", 601, "tests.side_bridge_left_s: must be 0 to 600, got 601"),
    ("tests.side_bridge_right_s", -0.5, "tests.side_bridge_right_s: must be 0 to 600, got -0.5"),
    (
        "tests.single_leg_stance_eyes_open_s",
        60,
        "tests.single_leg_stance_eyes_open_s: must be 0 to 45, got 60",
    ),
    (
        "tests.single_leg_stance_eyes_closed_s",
        46,
        "tests.single_leg_stance_eyes_closed_s: must be 0 to 45, got 46",
    ),
    ("tests.trunk_extensor_s", "long", 'tests.trunk_extensor_s: must be a number, got "long"'),
    ("tests.trunk_extensor_s", float("nan"), "tests.trunk_extensor_s: must be 0 to 900, got nan"),
]


@pytest.mark.parametrize(("path", "value", "expected"), BAD_FIELDS)
def test_each_bad_field_gets_its_own_line(path: str, value: Any, expected: str | None) -> None:
    if expected is None:
        parse_profile(_with(path, value))
        return
    assert _problems(_with(path, value)) == (expected,)


@pytest.mark.parametrize("flag", [*SCREENING_FLAGS, "cleared_by_clinician"])
def test_screening_answers_must_be_true_or_false(flag: str) -> None:
    assert _problems(_with(f"screening.{flag}", "no")) == (
        f'screening.{flag}: must be true or false, got "no"',
    )


#: Questions added after the first profile format: optional, so older profiles still load.
LATER_FLAGS = ("minor_fall_older_age", "osteoporosis_or_fragility_fracture")


@pytest.mark.parametrize("flag", [f for f in SCREENING_FLAGS if f not in LATER_FLAGS])
def test_every_screening_question_must_be_answered(flag: str) -> None:
    data = _data()
    del data["screening"][flag]
    assert _problems(data) == (f"screening.{flag}: missing; this field is required",)


def test_unknown_equipment_names_the_value_and_the_allowed_names() -> None:
    (line,) = _problems(_with("equipment.available", ["mat", "laser"]))
    assert line.startswith('equipment.available[1]: unknown equipment "laser"; allowed: none, mat')


def test_unknown_aggravator_names_the_value_and_the_allowed_names() -> None:
    (line,) = _problems(_with("pain.aggravated_by", ["jumping"]))
    assert line == (
        'pain.aggravated_by[0]: unknown aggravating movement "jumping"; allowed: flexion, '
        "extension, rotation, axial_load, impact, prolonged_sitting, prolonged_standing"
    )


@pytest.mark.parametrize(
    "section", ["athlete", "schedule", "equipment", "goals", "screening", "pain", "tests"]
)
def test_unknown_keys_are_errors_in_every_section(section: str) -> None:
    data = _data()
    data[section]["foo"] = 1
    assert _problems(data) == (f"{section}.foo: unknown field",)


def test_unknown_top_level_key_and_section() -> None:
    data = _data()
    data["extra"] = 1
    data["start_back"] = {"items": [False] * 8, "bothersomeness": "slightly", "notes": "x"}
    assert _problems(data) == ("start_back.notes: unknown field", "extra: unknown field")


@pytest.mark.parametrize(
    "section", ["schema_version", "athlete", "schedule", "equipment", "goals", "screening", "pain"]
)
def test_required_sections(section: str) -> None:
    data = _data()
    del data[section]
    assert _problems(data) == (f"{section}: missing; this field is required",)


def test_schema_version_must_be_1() -> None:
    assert _problems({**_data(), "schema_version": 2}) == ("schema_version: must be 1, got 2",)


def test_section_must_be_a_table() -> None:
    assert _problems({**_data(), "athlete": "me"}) == ('athlete: must be a table, got "me"',)


def test_start_back_needs_eight_answers_and_a_bothersomeness_level() -> None:
    data = _data()
    data["start_back"] = {"items": [True] * 7, "bothersomeness": "lots"}
    assert _problems(data) == (
        "start_back.items: must have exactly 8 answers (true = agree), "
        "got [true, true, true, true, true, true, true]",
        "start_back.bothersomeness: must be 'not_at_all', 'slightly', 'moderately', "
        "'very_much' or 'extremely', got \"lots\"",
    )


def test_many_problems_give_one_line_each_in_field_order() -> None:
    data = _data()
    data["athlete"]["age"] = 200
    data["schedule"]["days_per_week"] = 9
    data["pain"]["current"] = 12
    data["tests"]["trunk_extensor_s"] = -5
    assert _problems(data) == (
        "athlete.age: must be 16 to 100, got 200",
        "schedule.days_per_week: must be 1 to 7, got 9",
        "pain.current: must be 0 to 10, got 12",
        "tests.trunk_extensor_s: must be 0 to 900, got -5",
    )


def test_ranges_match_the_contract_comments() -> None:
    contract = {
        "athlete.age": (16, 100),
        "athlete.body_mass_kg": (30, 250),
        "athlete.height_cm": (120, 230),
        "schedule.days_per_week": (1, 7),
        "schedule.minutes_per_session": (10, 150),
        "schedule.weeks": (4, 16),
        "pain.current": (0, 10),
        "pain.worst_last_week": (0, 10),
    }
    assert {k: RANGES[k] for k in contract} == contract


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = \n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_profile(bad)
    (line,) = caught.value.problems
    assert line.startswith(f"{bad}: not valid TOML:")
    assert "line 1" in line


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_profile(tmp_path / "absent.toml")
    assert caught.value.problems[0].startswith(f"{tmp_path / 'absent.toml'}: cannot read")


def test_bad_input_changes_nothing() -> None:
    data = _data()
    data["athlete"]["age"] = 3
    before = copy.deepcopy(data)
    _problems(data)
    assert data == before
