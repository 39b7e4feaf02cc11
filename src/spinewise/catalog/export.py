"""The catalogue as the JSON array of ``spinewise catalog export`` (docs/contracts/README.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypedDict

from spinewise.catalog.catalog import Catalog
from spinewise.catalog.entities import Exercise

__all__ = [
    "CompressionEstimate",
    "CompressionJson",
    "PublishedPct",
    "PublishedSource",
    "export_catalog",
    "export_exercise",
]


class PublishedSource(TypedDict, total=False):
    """The part of :class:`CompressionJson` only a published value has: its source."""

    source: str | None


class PublishedPct(TypedDict, total=False):
    """The part of :class:`CompressionJson` only a published value has: the model's error [%]."""

    model_error_pct: float | None


class CompressionJson(PublishedSource, PublishedPct):
    """An exercise's ``compression_n`` object of the export (made by the biomechanics package).

    ``value`` [N] and ``model_value`` [N, the uncalibrated model's] are rounded to whole
    newtons; ``source`` and ``model_error_pct`` [%] are there for a published value only.
    """

    value: int
    basis: Literal["model", "published"]
    body_mass_kg: int
    method: str
    coarse: bool
    model_value: int


#: A function giving an exercise's ``compression_n`` object, or None when there is no estimate.
CompressionEstimate = Callable[[Exercise], CompressionJson | None]


# I/O edge: the JSON array of ``spinewise catalog export`` (the contract's shape), written as is.
def export_exercise(ex: Exercise, compression: CompressionEstimate | None = None) -> dict[str, Any]:
    """One exercise in the contract's export shape, plus its dose, cues and faults."""
    return {
        "id": ex.id,
        "name": ex.name,
        "aliases": list(ex.aliases),
        "patterns": list(ex.patterns),
        "regions": dict(ex.regions),
        "qualities": list(ex.qualities),
        "planes": list(ex.planes),
        "laterality": ex.laterality,
        "integration": ex.integration,
        "loading": ex.loading,
        "equipment": list(ex.equipment),
        "sensitivities": list(ex.sensitivities),
        "blocks": list(ex.blocks),
        "level": ex.level,
        "compression_n": None if compression is None else compression(ex),
        "regressions": list(ex.regressions),
        "progressions": list(ex.progressions),
        "dose": ex.dose.model_dump(mode="json"),
        "cues": list(ex.cues),
        "faults": list(ex.faults),
        "sources": [s.model_dump() for s in ex.sources],
    }


def export_catalog(
    catalog: Catalog, compression: CompressionEstimate | None = None
) -> list[dict[str, Any]]:  # I/O edge: the export's JSON array (see export_exercise)
    """Every exercise in id order."""
    return [export_exercise(ex, compression) for ex in catalog]
