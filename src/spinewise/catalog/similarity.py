"""Weighted tag similarity between exercises ("You may also like").

Each tag field is a set of features; the similarity of two exercises is the weighted mean of the
Jaccard indices of their feature sets, field by field:

    s(a, b) = Σ_f w_f · |A_f ∩ B_f| / |A_f ∪ B_f|  /  Σ_f w_f

(a field empty in both counts as identical). It is symmetric, lies in [0, 1], and every exercise
is most similar to itself (s = 1). Computed for the whole catalogue at once with numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from spinewise.catalog.catalog import Catalog
from spinewise.catalog.entities import Exercise

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["FIELD_WEIGHTS", "SimilarExercise", "SimilarityIndex", "similarity_index"]

#: Weight of each tag field; movement pattern and prime movers matter most for a swap.
FIELD_WEIGHTS: MappingProxyType[str, float] = MappingProxyType(
    {
        "patterns": 3.0,
        "primary_regions": 3.0,
        "regions": 1.0,
        "qualities": 2.0,
        "planes": 1.0,
        "laterality": 1.0,
        "loading": 1.0,
        "integration": 0.5,
        "equipment": 1.0,
        "sensitivities": 0.5,
    }
)


def _features(ex: Exercise, name: str) -> frozenset[str]:
    if name == "primary_regions":
        return frozenset(ex.primary_regions)
    value = getattr(ex, name)
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value)


@dataclass(frozen=True)
class SimilarExercise:
    """One neighbour with its score and the tags it shares, as ``field:tag``."""

    exercise_id: str
    score: float
    shared: tuple[str, ...]


class SimilarityIndex:
    """The full similarity matrix of a catalogue."""

    def __init__(self, catalog: Catalog) -> None:
        import numpy as np  # here, not at the top: the CLI starts without NumPy (decision 0130)

        self.catalog = catalog
        self.ids = catalog.ids
        self._pos = {eid: i for i, eid in enumerate(self.ids)}
        n = len(self.ids)
        total = np.zeros((n, n))
        for name, weight in FIELD_WEIGHTS.items():
            sets = [_features(ex, name) for ex in catalog.exercises]
            vocab = sorted(set().union(*sets)) if sets else []
            col = {tag: j for j, tag in enumerate(vocab)}
            onehot = np.zeros((n, max(len(vocab), 1)))
            for i, feats in enumerate(sets):
                for tag in feats:
                    onehot[i, col[tag]] = 1.0
            inter = onehot @ onehot.T
            sizes = onehot.sum(axis=1)
            union = sizes[:, None] + sizes[None, :] - inter
            jaccard = np.where(union > 0, inter / np.where(union > 0, union, 1.0), 1.0)
            total += weight * jaccard
        self.matrix: npt.NDArray[np.float64] = total / sum(FIELD_WEIGHTS.values())

    def score(self, a: str, b: str) -> float:
        """Similarity of two exercises, 0 to 1."""
        return float(self.matrix[self._pos[a], self._pos[b]])

    def shared_tags(self, a: str, b: str) -> tuple[str, ...]:
        """The tags two exercises share, as ``field:tag``, in field order."""
        ea, eb = self.catalog.get(a), self.catalog.get(b)
        out = []
        for name in (
            "patterns",
            "primary_regions",
            "qualities",
            "planes",
            "laterality",
            "loading",
            "equipment",
        ):
            for tag in sorted(_features(ea, name) & _features(eb, name)):
                out.append(f"{name}:{tag}")
        return tuple(out)

    def most_similar(
        self, exercise_id: str, k: int = 5, *, allowed: frozenset[str] | None = None
    ) -> tuple[SimilarExercise, ...]:
        """The ``k`` most similar other exercises, best first (ties broken by id).

        Parameters
        ----------
        exercise_id
            The exercise to compare against.
        k
            How many neighbours.
        allowed
            When given, only these ids are candidates (for example, what the equipment allows).
        """
        row = self.matrix[self._pos[exercise_id]]
        ranked = sorted(
            (
                i
                for i, eid in enumerate(self.ids)
                if eid != exercise_id and (allowed is None or eid in allowed)
            ),
            key=lambda i: (-round(float(row[i]), 12), self.ids[i]),
        )
        return tuple(
            SimilarExercise(
                self.ids[i], round(float(row[i]), 4), self.shared_tags(exercise_id, self.ids[i])
            )
            for i in ranked[:k]
        )


@cache
def similarity_index(catalog: Catalog) -> SimilarityIndex:
    """Return the (cached) similarity index of a catalogue."""
    return SimilarityIndex(catalog)
