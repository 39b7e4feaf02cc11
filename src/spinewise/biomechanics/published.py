"""Published exercise compression (McGill's table) and how the model compares with it.

The table is data (``data/mcgill_exercise_compression.toml``, status [C2]); each entry names the
catalogue exercises it applies to and describes McGill's exercise as a :class:`Posture`, so that the
model can be set beside every published value.

References
----------
.. [1] McGill SM (2002). Low Back Disorders: Evidence-Based Prevention and Rehabilitation. Human
   Kinetics. (Table as quoted at drsamsblog.blogspot.com, 2016 [C2].)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spinewise.biomechanics.anthropometry import Sex
from spinewise.biomechanics.posture import posture_load
from spinewise.catalog.entities import Posture

__all__ = [
    "McGillComparison",
    "PublishedCompression",
    "mcgill_comparison",
    "published_by_exercise",
    "published_table",
]

_DATA_FILE = "mcgill_exercise_compression.toml"


@dataclass(frozen=True)
class PublishedCompression:
    """One published value.

    Attributes
    ----------
    key
        The entry's name in the data file.
    exercise
        The exercise as the source names it.
    compression_n
        Published peak compression [N] (McGill: L4/L5).
    reference_body_mass_kg
        The body mass the value is taken to apply to [kg] (75, an assumption [U]).
    status
        How sure: ``C``, ``C2`` or ``U`` (docs/research/science.md).
    source
        The citation.
    exercise_ids
        Catalogue exercises the value is used for.
    match
        ``exact`` or a sentence saying how the catalogue exercise differs.
    posture
        McGill's exercise described as a posture, for the model comparison.
    """

    key: str
    exercise: str
    compression_n: float
    reference_body_mass_kg: float
    status: str
    source: str
    exercise_ids: tuple[str, ...]
    match: str | None
    posture: Posture

    @property
    def cite(self) -> str:
        """The source with its status, e.g. ``"McGill 2002 ... [C2]"``."""
        return f"{self.source} [{self.status}]"


@cache
def published_table() -> tuple[PublishedCompression, ...]:
    """Every entry of McGill's table, in file order."""
    text = resources.files("spinewise.biomechanics").joinpath("data", _DATA_FILE).read_text("utf-8")
    raw = tomllib.loads(text)
    meta = raw.pop("meta")
    return tuple(
        PublishedCompression(
            key=key,
            exercise=str(row["exercise"]),
            compression_n=float(row["compression_n"]),
            reference_body_mass_kg=float(meta["reference_body_mass_kg"]),
            status=str(row["status"]),
            source=str(row["source"]),
            exercise_ids=tuple(row["exercise_ids"]),
            match=row.get("match"),
            posture=Posture.model_validate(row["posture"]),
        )
        for key, row in raw.items()
    )


@cache
def published_by_exercise() -> dict[str, PublishedCompression]:
    """The published value for each catalogue exercise id that has one."""
    out: dict[str, PublishedCompression] = {}
    for entry in published_table():
        for exercise_id in entry.exercise_ids:
            if exercise_id in out:
                raise ValueError(f"{_DATA_FILE}: {exercise_id} is mapped twice")
            out[exercise_id] = entry
    return out


@dataclass(frozen=True)
class McGillComparison:
    """The model against McGill's table.

    Attributes
    ----------
    rows
        (entry, model estimate [N], error [%]) for every entry, in file order.
    spearman_rho
        Spearman rank correlation between the published values and the model's [-].
    spearman_p
        Its two-sided p-value (scipy.stats.spearmanr) [-].
    """

    rows: tuple[tuple[PublishedCompression, float, float], ...]
    spearman_rho: float
    spearman_p: float


def mcgill_comparison(body_mass_kg: float = 75.0, sex: Sex = "male") -> McGillComparison:
    """Run the model on each of McGill's exercises and compare (see :class:`McGillComparison`).

    Examples
    --------
    >>> result = mcgill_comparison()
    >>> len(result.rows), -1.0 <= result.spearman_rho <= 1.0
    (10, True)
    """
    rows = []
    for entry in published_table():
        model_n = max(0.0, posture_load(entry.posture, body_mass_kg, sex).compression_n)
        published_n = entry.compression_n * body_mass_kg / entry.reference_body_mass_kg
        rows.append((entry, model_n, 100.0 * (model_n - published_n) / published_n))
    from scipy.stats import spearmanr  # here: SciPy is slow to import (decision 0130)

    rho, p = spearmanr([r[0].compression_n for r in rows], [r[1] for r in rows])
    return McGillComparison(rows=tuple(rows), spearman_rho=float(rho), spearman_p=float(p))
