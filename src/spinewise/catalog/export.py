"""The catalogue as the JSON array of ``spinewise catalog export`` (docs/contracts/README.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from spinewise.catalog.catalog import Catalog
from spinewise.catalog.entities import Exercise

__all__ = ["CompressionEstimate", "export_catalog", "export_exercise"]

#: A function giving an exercise's ``compression_n`` object, or None when there is no estimate.
CompressionEstimate = Callable[[Exercise], Mapping[str, Any] | None]


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
) -> list[dict[str, Any]]:
    """Every exercise in id order."""
    return [export_exercise(ex, compression) for ex in catalog]
