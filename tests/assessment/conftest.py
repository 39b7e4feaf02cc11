"""Fixtures for the assessment tests: profiles built from the contract's example."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from spinewise.profile import Profile, parse_profile

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "profile.example.toml"


@pytest.fixture
def example_data() -> dict[str, Any]:
    """The example profile as a fresh mapping."""
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def make_profile(example_data: dict[str, Any]) -> Callable[..., Profile]:
    """Build a profile from the example, replacing whole sections or single fields.

    ``make_profile(tests={...})`` replaces the ``[tests]`` table;
    ``make_profile(**{"athlete.sex": "male"})`` sets one field.
    """

    def build(**changes: Any) -> Profile:
        data = copy.deepcopy(example_data)
        for key, value in changes.items():
            if "." in key:
                section, field = key.split(".", 1)
                data[section][field] = value
            else:
                data[key] = value
        return parse_profile(data)

    return build
