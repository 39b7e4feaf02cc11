"""Norm tables and thresholds, read from the data files named after their sources.

- ``data/norms/mcgill_1999.toml``: torso-endurance means and SDs by sex (every cell [U]).
- ``data/norms/mcgill_ratio_thresholds.toml``: the three imbalance thresholds [C2].
- ``data/norms/springer_2007.toml``: single-leg stance by age group and sex ([U], two cells [C2]).

Each value carries its certainty (``"C"``, ``"C2"`` or ``"U"``) so that the documentation and the
tests can say how sure it is.

References
----------
.. [1] McGill SM, Childs A, Liebenson C (1999). Endurance times for low back stabilization
   exercises: clinical targets for testing and training from a normal database. Arch Phys Med
   Rehabil 80(8):941-944. doi:10.1016/s0003-9993(99)90087-4
.. [2] Springer BA, Marin R, Cyhan T, Roberts H, Gill NW (2007). Normative values for the
   unipedal stance test with eyes open and closed. J Geriatr Phys Ther 30(1):8-15.
   doi:10.1519/00139143-200704000-00003
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

__all__ = [
    "BalanceNorms",
    "EnduranceNorms",
    "Norm",
    "RatioThresholds",
    "Sex",
    "load_balance_norms",
    "load_endurance_norms",
    "load_ratio_thresholds",
]

Sex = Literal["female", "male"]
ENDURANCE_TESTS: tuple[str, ...] = (
    "trunk_flexor_s",
    "trunk_extensor_s",
    "side_bridge_right_s",
    "side_bridge_left_s",
)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("spinewise.assessment").joinpath(f"data/norms/{name}").read_text()
    return tomllib.loads(text)


@dataclass(frozen=True)
class Norm:
    """A normative value [s].

    Attributes
    ----------
    mean
        Group mean [s].
    sd
        Standard deviation [s], or None when the source's SD is not available.
    status
        ``"C"``, ``"C2"`` or ``"U"`` as in docs/research/science.md.
    """

    mean: float
    sd: float | None
    status: str


@dataclass(frozen=True)
class EnduranceNorms:
    """McGill et al. 1999 endurance norms [1]_ by sex and test.

    Attributes
    ----------
    source
        Short citation, e.g. ``"McGill et al. 1999"``.
    cite
        Full citation with DOI.
    table
        ``table[sex][test]`` with tests named as in the profile (``trunk_flexor_s`` ...).
    abstract_percent
        The abstract's confirmed percentages, ``{"side_bridge_of_extensor": {sex: pct}, ...}``.
    """

    source: str
    cite: str
    table: dict[str, dict[str, Norm]]
    abstract_percent: dict[str, dict[str, float]]

    def norm(self, sex: Sex, test: str) -> Norm:
        """Return the norm of ``test`` for ``sex``.

        Examples
        --------
        >>> load_endurance_norms().norm("female", "trunk_extensor_s").status
        'U'
        """
        return self.table[sex][test]


@cache
def load_endurance_norms() -> EnduranceNorms:
    """Load ``data/norms/mcgill_1999.toml``."""
    raw = _read("mcgill_1999.toml")
    table = {
        sex: {
            test: Norm(float(cell["mean"]), float(cell["sd"]), str(cell["status"]))
            for test, cell in raw["norms"][sex].items()
        }
        for sex in ("female", "male")
    }
    percent = {
        key: {sex: float(v) for sex, v in by_sex.items()}
        for key, by_sex in raw["abstract_percent"].items()
    }
    return EnduranceNorms(raw["source"]["short"], raw["source"]["cite"], table, percent)


@dataclass(frozen=True)
class RatioThresholds:
    """McGill's imbalance thresholds [C2] (data/norms/mcgill_ratio_thresholds.toml).

    Attributes
    ----------
    flexor_extensor_max
        Flexor:extensor time ratio above which the extensors are relatively weak (1.0).
    side_bridge_max_deviation
        Largest allowed ``|right/left - 1|`` of the side bridges (0.05).
    side_bridge_extensor_max
        Side bridge:extensor ratio above which the extensors are relatively weak (0.75).
    source
        Short citation.
    status
        Certainty tag.
    """

    flexor_extensor_max: float
    side_bridge_max_deviation: float
    side_bridge_extensor_max: float
    source: str
    status: str


@cache
def load_ratio_thresholds() -> RatioThresholds:
    """Load ``data/norms/mcgill_ratio_thresholds.toml``.

    Examples
    --------
    >>> load_ratio_thresholds().side_bridge_extensor_max
    0.75
    """
    raw = _read("mcgill_ratio_thresholds.toml")
    return RatioThresholds(
        flexor_extensor_max=float(raw["flexor_extensor"]["max"]),
        side_bridge_max_deviation=float(raw["side_bridge_right_left"]["max_deviation"]),
        side_bridge_extensor_max=float(raw["side_bridge_extensor"]["max"]),
        source=str(raw["source"]["short"]),
        status=str(raw["source"]["status"]),
    )


@dataclass(frozen=True)
class BalanceGroup:
    """One age group of Springer et al. 2007 [2]_.

    Attributes
    ----------
    age_min, age_max
        Inclusive age range [years].
    cells
        ``cells[column][sex]`` = Norm, columns ``eyes_open_best_s``, ``eyes_closed_best_s``,
        ``eyes_open_mean_s``, ``eyes_closed_mean_s``.
    """

    age_min: int
    age_max: int
    cells: dict[str, dict[str, Norm]]

    @property
    def label(self) -> str:
        """The age range as text, e.g. ``"18-39"``."""
        return f"{self.age_min}-{self.age_max}"


@dataclass(frozen=True)
class BalanceNorms:
    """Single-leg stance norms by age group and sex [2]_.

    Attributes
    ----------
    source
        Short citation.
    cite
        Full citation with DOI.
    trial_cap_s
        Trials stop at this time [s] (45 s, [C2]).
    groups
        The age groups, youngest first.
    """

    source: str
    cite: str
    trial_cap_s: float
    groups: tuple[BalanceGroup, ...]

    def group_for(self, age: int) -> BalanceGroup:
        """The age group of ``age`` [years]; younger or older ages use the nearest group.

        Examples
        --------
        >>> load_balance_norms().group_for(34).label
        '18-39'
        >>> load_balance_norms().group_for(100).label
        '80-99'
        """
        for group in self.groups:
            if group.age_min <= age <= group.age_max:
                return group
        return self.groups[0] if age < self.groups[0].age_min else self.groups[-1]

    def norm(self, age: int, sex: Sex, column: str) -> Norm:
        """The norm of ``column`` (e.g. ``"eyes_closed_best_s"``) for ``age`` and ``sex``."""
        return self.group_for(age).cells[column][sex]


@cache
def load_balance_norms() -> BalanceNorms:
    """Load ``data/norms/springer_2007.toml``."""
    raw = _read("springer_2007.toml")
    groups = []
    for g in raw["group"]:
        cells: dict[str, dict[str, Norm]] = {}
        for column, cell in g.items():
            if column == "ages":
                continue
            cells[column] = {
                sex: Norm(float(cell[sex]), None, str(cell.get(f"{sex}_status", cell["status"])))
                for sex in ("female", "male")
            }
        groups.append(BalanceGroup(int(g["ages"][0]), int(g["ages"][1]), cells))
    return BalanceNorms(
        raw["source"]["short"],
        raw["source"]["cite"],
        float(raw["source"]["trial_cap_s"]),
        tuple(groups),
    )
