"""The profile format: the contract's example, immutability and the TOML round trip."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pydantic
import pytest

from spinewise.profile import (
    EXAMPLE_MINIMAL,
    Profile,
    load_profile,
    parse_profile,
    profile_to_toml,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "profile.example.toml"


def test_the_contract_example_loads_with_every_value() -> None:
    p = load_profile(EXAMPLE)
    assert p.athlete.model_dump() == {
        "name": "Example Athlete",
        "sex": "female",
        "age": 34,
        "body_mass_kg": 64.0,
        "height_cm": 168.0,
        "training_experience": "novice",
    }
    assert p.schedule.start_date == dt.date(2026, 12, 7)
    assert p.schedule.preferred_days == ("mon", "wed", "fri")
    assert p.equipment.available == ("mat", "band", "dumbbell", "medicine_ball", "bench", "wall")
    assert p.goals.focus == ("durability",)
    assert p.screening.cleared_by_clinician is False
    assert p.pain.aggravated_by == ("flexion",)
    assert p.tests.trunk_extensor_s == 110
    assert p.tests.single_leg_stance_eyes_closed_s == 9
    assert p.start_back is None


def test_models_are_frozen() -> None:
    p = load_profile(EXAMPLE)
    with pytest.raises(pydantic.ValidationError):
        p.athlete.age = 40  # type: ignore[misc]


def test_optional_parts_may_be_left_out() -> None:
    p = parse_profile(EXAMPLE_MINIMAL)
    assert p.tests.trunk_flexor_s is None
    assert p.schedule.start_date is None
    assert p.screening.cleared_by_clinician is False


@pytest.mark.parametrize("with_start_back", [False, True])
def test_toml_round_trip_is_exact(with_start_back: bool) -> None:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    if with_start_back:
        data["start_back"] = {"items": [True, False] * 4, "bothersomeness": "very_much"}
    p = parse_profile(data)
    text = profile_to_toml(p)
    assert parse_profile(tomllib.loads(text)) == p
    assert profile_to_toml(parse_profile(tomllib.loads(text))) == text


def test_toml_leaves_out_unset_optional_values() -> None:
    text = profile_to_toml(parse_profile(EXAMPLE_MINIMAL))
    assert "start_date" not in text
    assert "start_back" not in text
    assert "trunk_flexor_s" not in text
    assert isinstance(parse_profile(tomllib.loads(text)), Profile)


def test_the_packaged_example_profile_is_the_repositorys() -> None:
    root = Path(__file__).parents[1]
    packaged = root / "src" / "spinewise" / "examples" / "profile.example.toml"
    assert packaged.read_bytes() == (root / "examples" / "profile.example.toml").read_bytes()
