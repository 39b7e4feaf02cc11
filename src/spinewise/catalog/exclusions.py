"""Exercises that a finding rules out (reference data ``data/finding_exclusions.toml``).

For example, a person whose back extensors lack endurance is not given the superman hold, which
loads the low back with about 6 kN (McGill 2002, as quoted; see the data file). The planner leaves
excluded exercises out of the candidates and the validator checks them
(:mod:`spinewise.planning`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from spinewise.errors import CatalogError

__all__ = ["FindingExclusion", "excluded_exercises", "load_finding_exclusions"]


@dataclass(frozen=True)
class FindingExclusion:
    """Exercises not given to a person with any of ``findings`` (finding codes), and why."""

    findings: frozenset[str]
    exercises: frozenset[str]
    reason: str
    source: str


# I/O edge: ``raw`` is one table of the parsed exclusions TOML file (here and in _text).
def _strings(raw: dict[str, Any], key: str, position: int) -> frozenset[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise CatalogError(
            f"finding_exclusions.toml: exclusion #{position}: {key}: "
            f"must be a non-empty list of strings, got {value!r}"
        )
    return frozenset(value)


# I/O edge: as _strings.
def _text(raw: dict[str, Any], key: str, position: int) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or len(value) < 3:
        raise CatalogError(f"finding_exclusions.toml: exclusion #{position}: {key}: required text")
    return value


@cache
def load_finding_exclusions(path: Path | None = None) -> tuple[FindingExclusion, ...]:
    """Load the exclusions (the packaged data file unless ``path`` is given).

    Examples
    --------
    >>> "superman_hold" in load_finding_exclusions()[0].exercises
    True
    """
    if path is None:
        text = (
            resources.files("spinewise.catalog")
            .joinpath("data/finding_exclusions.toml")
            .read_text()
        )
    else:
        text = path.read_text(encoding="utf-8")
    out = []
    for position, raw in enumerate(tomllib.loads(text).get("exclusion", []), start=1):
        out.append(
            FindingExclusion(
                _strings(raw, "findings", position),
                _strings(raw, "exercises", position),
                _text(raw, "reason", position),
                _text(raw, "source", position),
            )
        )
    return tuple(out)


def excluded_exercises(finding_codes: Iterable[str]) -> frozenset[str]:
    """Exercise ids ruled out for a person with these findings.

    Examples
    --------
    >>> sorted(excluded_exercises(["extensor_endurance_low"]))
    ['superman_hold']
    >>> excluded_exercises(["flexor_endurance_low"])
    frozenset()
    """
    codes = set(finding_codes)
    return frozenset(
        eid for rule in load_finding_exclusions() if rule.findings & codes for eid in rule.exercises
    )
