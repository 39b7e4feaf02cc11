"""Weights in kilograms or pounds (issue 15, part 3): the one conversion and its rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinewise.units import (
    KG_PER_LB,
    PLATE_STEP,
    WEIGHT_UNITS,
    WeightUnit,
    kg_to_lb,
    mass_from_kg,
    mass_to_kg,
    plan_mass,
    plan_weight_text,
    shown_mass,
    weight_text,
    weight_unit,
)

units = st.sampled_from(WEIGHT_UNITS)
#: What a person types into a load field: 0 to 2000 with up to two decimals.
typed = st.decimals(min_value=0, max_value=2000, places=2).map(float)
masses_kg = st.floats(min_value=0, max_value=2000, allow_nan=False, allow_infinity=False)


def test_the_pound_is_the_international_pound_exactly() -> None:
    assert KG_PER_LB == 0.45359237
    assert mass_to_kg(100.0, "lb") == 45.359237
    assert mass_to_kg(1.0, "lb") == 0.45359237
    assert mass_to_kg(40.0, "kg") == 40.0
    assert kg_to_lb(0.45359237) == pytest.approx(1.0, abs=1e-15)


@given(value=typed, unit=units)
def test_a_typed_weight_is_shown_again_as_typed(value: float, unit: WeightUnit) -> None:
    """Typed in a unit, stored in kg, shown again in that unit: exactly what was typed."""
    stored_kg = mass_to_kg(value, unit)
    assert shown_mass(stored_kg, unit) == value
    assert weight_text(stored_kg, unit) == f"{value:g} {unit}"


@given(value=typed, unit=units)
def test_shown_again_and_stored_again_does_not_drift(value: float, unit: WeightUnit) -> None:
    """Showing a stored weight in a form and saving it unchanged stores the same kilograms."""
    stored_kg = mass_to_kg(value, unit)
    again_kg = mass_to_kg(shown_mass(stored_kg, unit), unit)
    assert again_kg == stored_kg


@given(mass_kg=masses_kg, unit=units)
def test_a_planned_load_is_a_plate_step_never_above_the_plan(
    mass_kg: float, unit: WeightUnit
) -> None:
    """Down to the plate step: never heavier than planned (a cap stays a cap), at most a step
    lighter, and always a whole number of steps."""
    shown = plan_mass(mass_kg, unit)
    exact = mass_from_kg(mass_kg, unit)
    step = PLATE_STEP[unit]
    assert shown <= exact + 1e-6 * step
    assert exact - shown < step
    assert Decimal(str(shown)) % Decimal(str(step)) == 0


@given(steps=st.integers(min_value=0, max_value=8000), unit=units)
def test_a_load_on_a_plate_step_is_shown_as_that_step(steps: int, unit: WeightUnit) -> None:
    """A load entered on a plate step in a unit comes back as that step, not one below."""
    value = steps * PLATE_STEP[unit]
    assert plan_mass(mass_to_kg(value, unit), unit) == value


def test_the_words_write_the_unit() -> None:
    assert weight_text(45.359237, "lb") == "100 lb"
    assert weight_text(20.0, "lb") == "44.09 lb"
    assert weight_text(20.0, "kg") == "20 kg"
    assert plan_weight_text(122.5, "lb") == "270 lb"  # 270.06 lb, down to the 0.5 lb step
    assert plan_weight_text(72.5, "kg") == "72.5 kg"
    assert plan_weight_text(73.4, "kg") == "73.25 kg"  # down to the 0.25 kg step


def test_a_stored_unit_that_reads_as_neither_is_kilograms() -> None:
    assert weight_unit("lb") == "lb"
    assert weight_unit("kg") == "kg"
    assert weight_unit("stone") == "kg"
    assert weight_unit(None) == "kg"
