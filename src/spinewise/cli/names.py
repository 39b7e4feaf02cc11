"""Names a person reads in the terminal: exercise names and finding titles, never internal ids."""

from __future__ import annotations

from functools import cache

from spinewise.catalog import load_catalog
from spinewise.logbook.entries import CUSTOM_PREFIX

__all__ = ["exercise_name", "finding_title"]


@cache
def _names() -> dict[str, str]:
    return {ex.id: ex.name for ex in load_catalog()}


def exercise_name(exercise_id: str | None) -> str:
    """The catalogue name of an exercise, or a custom exercise's name in words.

    Examples
    --------
    >>> exercise_name("bird_dog"), exercise_name("custom:zercher_carry"), exercise_name(None)
    ('Bird dog', 'Zercher carry (your own exercise)', '')
    """
    if not exercise_id:
        return ""
    if exercise_id.startswith(CUSTOM_PREFIX):
        words = exercise_id[len(CUSTOM_PREFIX) :].replace("_", " ").strip()
        return f"{words[:1].upper()}{words[1:]} (your own exercise)"
    return _names().get(exercise_id) or exercise_id.replace("_", " ").capitalize()


def finding_title(code: str) -> str:
    """A finding's code as a short title in words: ``Extensor endurance low``.

    Examples
    --------
    >>> finding_title("side_bridge_asymmetry")
    'Side bridge asymmetry'
    """
    words = code.replace("_", " ").strip()
    return f"{words[:1].upper()}{words[1:]}"
