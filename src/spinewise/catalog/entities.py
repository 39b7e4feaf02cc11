"""Exercise value objects: what one catalogue entry says.

The structure (types, ranges, required fields) is checked here by pydantic; the tags against the
vocabulary, the dose against the exercise and the regression graph are checked in
:mod:`spinewise.catalog.check`.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["TEMPO_PATTERN", "Dose", "Exercise", "Posture", "Source", "tempo_seconds"]

#: Tempo as eccentric-pause-concentric-pause seconds, X = as fast as possible.
TEMPO_PATTERN = re.compile(r"^[0-9X]-[0-9X]-[0-9X]-[0-9X]$")

IntensityKind = Literal["rpe", "rir", "percent_1rm", "bodyweight", "band", "ballistic"]
Support = Literal[
    "standing",
    "seated",
    "kneeling",
    "half_kneeling",
    "quadruped",
    "supine",
    "prone",
    "side_lying",
    "hanging",
    "bench_prone",
]
ArmPosition = Literal["sides", "hanging", "chest", "shoulders", "forward", "overhead", "floor"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Frozen):
    """A citation for a number the entry uses."""

    cite: str = Field(min_length=3)
    supports: str = Field(min_length=3, description="which number or claim it supports")


class Intensity(_Frozen):
    """How hard the default dose is meant to be."""

    kind: IntensityKind
    value: float | None = None


class Dose(_Frozen):
    """The default dose of an exercise.

    Exactly one of ``reps``, ``hold_s`` and ``distance_m`` is set (checked in ``check``).
    """

    sets: Annotated[int, Field(ge=1, le=10)]
    reps: Annotated[int, Field(ge=1, le=50)] | None = None
    hold_s: Annotated[float, Field(gt=0, le=300)] | None = None
    distance_m: Annotated[float, Field(gt=0, le=400)] | None = None
    tempo: str | None = None
    per_side: bool = False
    rest_s: Annotated[int, Field(ge=0, le=300)] = 60
    intensity: Intensity = Intensity(kind="rpe", value=7.0)

    @field_validator("tempo")
    @classmethod
    def _tempo_format(cls, value: str | None) -> str | None:
        if value is not None and not TEMPO_PATTERN.match(value):
            raise ValueError(f"tempo must look like 3-1-1-0 (digits or X), got {value!r}")
        return value


class Posture(_Frozen):
    """A compact sagittal description of the exercise's most demanding static position.

    Attributes
    ----------
    support
        How the body is supported.
    trunk_flexion_deg
        Trunk inclination from vertical [deg]: 0 upright, 90 horizontal (forward).
    hip_flexion_deg, knee_flexion_deg
        Joint angles [deg], 0 = straight.
    arms
        Where the arms and any load are held.
    load_kg
        External load at the default dose for a 75 kg person [kg] (0 for body weight).
    """

    support: Support
    trunk_flexion_deg: Annotated[float, Field(ge=-30, le=120)] = 0.0
    hip_flexion_deg: Annotated[float, Field(ge=-30, le=150)] = 0.0
    knee_flexion_deg: Annotated[float, Field(ge=0, le=160)] = 0.0
    arms: ArmPosition = "sides"
    load_kg: Annotated[float, Field(ge=0, le=400)] = 0.0


class Exercise(_Frozen):
    """One catalogue entry; tags are names from the vocabulary."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
    name: Annotated[str, Field(min_length=3)]
    aliases: tuple[str, ...] = ()
    patterns: Annotated[tuple[str, ...], Field(min_length=1)]
    regions: dict[str, Literal["primary", "secondary"]]
    qualities: Annotated[tuple[str, ...], Field(min_length=1)]
    planes: Annotated[tuple[str, ...], Field(min_length=1)]
    laterality: str
    integration: str
    loading: str
    equipment: tuple[str, ...]
    sensitivities: tuple[str, ...] = ()
    blocks: Annotated[tuple[str, ...], Field(min_length=1)]
    level: Annotated[int, Field(ge=1, le=5)]
    regressions: tuple[str, ...] = ()
    progressions: tuple[str, ...] = ()
    dose: Dose
    cues: Annotated[tuple[str, ...], Field(min_length=1)]
    faults: Annotated[tuple[str, ...], Field(min_length=1)]
    sources: tuple[Source, ...] = ()
    posture: Posture | None = None

    @cached_property
    def primary_regions(self) -> tuple[str, ...]:
        """Regions this exercise trains as a prime mover."""
        return tuple(r for r, role in self.regions.items() if role == "primary")

    @property
    def isometric(self) -> bool:
        """Whether the default dose is a timed hold."""
        return self.dose.hold_s is not None


def tempo_seconds(tempo: str | None) -> float:
    """Seconds one repetition takes at a tempo; ``X`` counts as 0.5 s.

    Examples
    --------
    >>> tempo_seconds("3-1-1-0")
    5.0
    >>> tempo_seconds("1-0-X-0")
    1.5
    >>> tempo_seconds(None)
    3.0
    """
    if tempo is None:
        return 3.0
    return sum(0.5 if part == "X" else float(part) for part in tempo.split("-"))
