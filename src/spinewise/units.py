"""Units: spinewise names carry their unit (``hold_s``, ``body_mass_kg``, ``compression_n``).

These are the only conversions the project allows.

Examples
--------
>>> round(lb_to_kg(100.0), 3)
45.359
>>> round(kg_to_n(75.0), 2)
735.5
"""

from __future__ import annotations

__all__ = ["GRAVITY_M_S2", "KG_PER_LB", "M_PER_MILE", "kg_to_n", "lb_to_kg", "miles_to_m"]

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
