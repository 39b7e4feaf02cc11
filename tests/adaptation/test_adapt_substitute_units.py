"""A swap's load cap is written in the person's weight unit (decision 0272); it stays kg."""

from __future__ import annotations

from dataclasses import replace

from adaptation.test_adapt_checks import CATALOG, NOVICE
from spinewise.adaptation.substitutes import substitutes
from spinewise.units import plan_weight_text


def test_a_substitutes_load_cap_is_said_in_pounds_and_kept_in_kilograms() -> None:
    kit = frozenset(CATALOG.vocabulary.values("equipment"))
    request = replace(NOVICE, equipment=kit)
    found = {
        unit: substitutes(
            "back_squat",
            catalog=CATALOG,
            available_equipment=kit,
            avoid_sensitivities=frozenset(),
            k=5,
            request=request,
            phase="build",
            unit=unit,
        )
        for unit in ("kg", "lb")
    }
    capped = [(kg, lb) for kg, lb in zip(found["kg"], found["lb"], strict=True) if kg.load_cap_kg]
    assert capped, "no option of a back squat carries a load cap"
    for kg, lb in capped:
        assert lb.load_cap_kg == kg.load_cap_kg
        assert f"at most {plan_weight_text(kg.load_cap_kg or 0.0, 'lb')}," in lb.reason
        assert " kg" not in lb.reason
        assert f"at most {kg.load_cap_kg:g} kg," in kg.reason
