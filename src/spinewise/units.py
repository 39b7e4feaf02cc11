"""Units: spinewise names carry their unit (``hold_s``, ``body_mass_kg``, ``compression_n``).

These are the only conversions the project allows.

Examples
--------
>>> round(lb_to_kg(100.0), 3)
45.359
>>> round(kg_to_n(75.0), 2)
735.5

Weights a person reads or types (issue 15) are stored in kilograms and shown in the unit their
account chose, ``"kg"`` or ``"lb"``; the functions below are the one place that converts them
(docs/decisions/0272-kilograms-or-pounds-per-account.md):

>>> weight_text(mass_to_kg(100.0, "lb"), "lb")
'100 lb'
>>> plan_weight_text(122.5, "lb")
'270 lb'
"""

from __future__ import annotations

import math
from typing import Literal, get_args

__all__ = [
    "DEFAULT_WEIGHT_UNIT",
    "GRAVITY_M_S2",
    "KG_PER_LB",
    "M_PER_MILE",
    "PLATE_STEP",
    "SHOWN_DECIMALS",
    "WEIGHT_UNITS",
    "WEIGHT_UNIT_NAMES",
    "WeightUnit",
    "kg_to_lb",
    "kg_to_n",
    "lb_to_kg",
    "mass_from_kg",
    "mass_to_kg",
    "miles_to_m",
    "plan_mass",
    "plan_weight_text",
    "shown_mass",
    "weight_text",
    "weight_unit",
]

#: Standard gravity [m/s^2] (CGPM 1901, the conventional value).
GRAVITY_M_S2 = 9.80665
#: The international avoirdupois pound [kg] (International Yard and Pound Agreement, 1959).
KG_PER_LB = 0.45359237
#: The international mile [m].
M_PER_MILE = 1609.344


def lb_to_kg(mass_lb: float) -> float:
    """Convert a mass in pounds to kilograms."""
    return mass_lb * KG_PER_LB


def miles_to_m(distance_miles: float) -> float:
    """Convert a distance in miles to metres."""
    return distance_miles * M_PER_MILE


def kg_to_n(mass_kg: float) -> float:
    """Weight [N] of a mass [kg] under standard gravity."""
    return mass_kg * GRAVITY_M_S2


def kg_to_lb(mass_kg: float) -> float:
    """Convert a mass in kilograms to pounds."""
    return mass_kg / KG_PER_LB


#: The units a person may see and type weights in: kilograms or pounds.
WeightUnit = Literal["kg", "lb"]
WEIGHT_UNITS: tuple[WeightUnit, ...] = get_args(WeightUnit)
#: What each unit is called in words.
WEIGHT_UNIT_NAMES: dict[WeightUnit, str] = {"kg": "kilograms", "lb": "pounds"}
#: The unit of an account that never chose one.
DEFAULT_WEIGHT_UNIT: WeightUnit = "kg"
#: The step [unit] a planned load is shown in: the smallest change plates commonly make.
PLATE_STEP: dict[WeightUnit, float] = {"kg": 0.25, "lb": 0.5}
#: Decimals a recorded weight is shown with: enough to show again whatever was typed.
SHOWN_DECIMALS = 2
#: Slack [step] that keeps a converted value a hair under a step from dropping a whole step.
_STEP_SLACK = 1e-6


def weight_unit(value: object) -> WeightUnit:
    """The weight unit ``value`` names; an account's stored unit that reads as neither is kg.

    >>> weight_unit("lb"), weight_unit("kg"), weight_unit(None)
    ('lb', 'kg', 'kg')
    """
    return "lb" if value == "lb" else DEFAULT_WEIGHT_UNIT


def mass_from_kg(mass_kg: float, unit: WeightUnit) -> float:
    """A mass [kg] in ``unit`` (unrounded)."""
    return kg_to_lb(mass_kg) if unit == "lb" else mass_kg


def mass_to_kg(mass: float, unit: WeightUnit) -> float:
    """A mass given in ``unit`` in kilograms (unrounded): what the store keeps.

    >>> mass_to_kg(100.0, "lb"), mass_to_kg(40.0, "kg")
    (45.359237, 40.0)
    """
    return lb_to_kg(mass) if unit == "lb" else mass


def shown_mass(mass_kg: float, unit: WeightUnit, decimals: int = SHOWN_DECIMALS) -> float:
    """A recorded mass [kg] in ``unit``, rounded to ``decimals``.

    A value typed in ``unit`` with up to ``decimals`` decimals and stored in kilograms comes
    back exactly as it was typed: the conversion there and back is off by far less than half
    a hundredth.

    >>> shown_mass(45.359237, "lb"), shown_mass(20.0, "lb"), shown_mass(45.359237, "kg")
    (100.0, 44.09, 45.36)
    """
    return round(mass_from_kg(mass_kg, unit), decimals) + 0.0  # + 0.0: no "-0"


def weight_text(mass_kg: float, unit: WeightUnit, decimals: int = SHOWN_DECIMALS) -> str:
    """A recorded mass [kg] (a logged set, a record) in words in ``unit``: ``"100 lb"``.

    >>> weight_text(40.0, "kg"), weight_text(100.0, "lb"), weight_text(22.675, "kg")
    ('40 kg', '220.46 lb', '22.68 kg')
    """
    return f"{shown_mass(mass_kg, unit, decimals):g} {unit}"


def plan_mass(mass_kg: float, unit: WeightUnit) -> float:
    """A planned load or load cap [kg] in ``unit``, down to the unit's plate step.

    Down, never up: a cap ("at most") stays a cap, and a target is one the person can load.
    A value within a hair of a step (a conversion's rounding error) counts as that step.

    >>> plan_mass(122.5, "lb"), plan_mass(72.5, "kg"), plan_mass(73.4, "kg")
    (270.0, 72.5, 73.25)
    >>> plan_mass(mass_to_kg(135.0, "lb"), "lb")
    135.0
    """
    step = PLATE_STEP[unit]
    steps = math.floor(mass_from_kg(mass_kg, unit) / step + _STEP_SLACK)
    return max(steps, 0) * step


def plan_weight_text(mass_kg: float, unit: WeightUnit) -> str:
    """A planned load or load cap [kg] in words in ``unit``: ``"270 lb"``."""
    return f"{plan_mass(mass_kg, unit):g} {unit}"
