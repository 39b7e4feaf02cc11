"""Norm tables and thresholds, read from the data files named after their sources.

- ``data/norms/mcgill_1999.toml``: torso-endurance means and SDs by sex (every cell [U]).
- ``data/norms/mcgill_ratio_thresholds.toml``: the three imbalance thresholds [C2].
- ``data/norms/springer_2007.toml``: single-leg stance by age group and sex ([U], two cells [C2]).
- ``data/norms/lohne_seiler_2016.toml``: back-extensor hold of adults aged 65-85 by age group and
  sex (means [C]; the protocol's match with the Biering-Sorensen hold [U]).
- ``data/norms/juan_recio_2022.toml``: the side-bridge test's test-retest typical error [C].

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
.. [3] Lohne-Seiler H, Kolle E, Anderssen SA, Hansen BH (2016). Musculoskeletal fitness and
   balance in older individuals (65-85 years) and its association with steps per day: a cross
   sectional study. BMC Geriatrics 16. doi:10.1186/s12877-016-0188-3
.. [4] Juan-Recio C, Prat-Luri A, Galindo A, Manresa-Rocamora A, Barbado D, Vera-Garcia FJ
   (2022). Is the side bridge test valid and reliable for assessing trunk lateral flexor
   endurance in recreational female athletes? Biology 11(7):1043. doi:10.3390/biology11071043
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

__all__ = [
    "AgeGroupMean",
    "BalanceNorms",
    "EnduranceNorms",
    "Norm",
    "OlderExtensorNorms",
    "RatioThresholds",
    "Sex",
    "SideBridgeReliability",
    "load_balance_norms",
    "load_endurance_norms",
    "load_older_extensor_norms",
    "load_ratio_thresholds",
    "load_side_bridge_reliability",
]

Sex = Literal["female", "male"]
ENDURANCE_TESTS: tuple[str, ...] = (
    "trunk_flexor_s",
    "trunk_extensor_s",
    "side_bridge_right_s",
    "side_bridge_left_s",
)


# I/O edge: a parsed norms TOML file; the loaders below turn it into typed norms.
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
    graded_up_to_age
        Ages [years] up to which these young-adult norms grade fully (39, a spinewise rule [P]);
        older people without an age-specific norm are graded against them at most "mild".
    """

    source: str
    cite: str
    table: dict[str, dict[str, Norm]]
    abstract_percent: dict[str, dict[str, float]]
    graded_up_to_age: int = 39

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
    return EnduranceNorms(
        raw["source"]["short"],
        raw["source"]["cite"],
        table,
        percent,
        int(raw["cohort"]["graded_up_to_age"]),
    )


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


@dataclass(frozen=True)
class AgeGroupMean:
    """One sex's cell of an age group: a published mean without an SD.

    Attributes
    ----------
    age_min, age_max
        Inclusive age range [years].
    mean_s
        Group mean [s].
    ci_low_s, ci_high_s
        95 % confidence interval of the group mean [s] (of the mean, not of people).
    n
        People in the cell.
    status
        Certainty tag of the cell.
    """

    age_min: int
    age_max: int
    mean_s: float
    ci_low_s: float
    ci_high_s: float
    n: int
    status: str

    @property
    def label(self) -> str:
        """The age range as text, e.g. ``"70-74"``."""
        return f"{self.age_min}-{self.age_max}"


@dataclass(frozen=True)
class OlderExtensorNorms:
    """Back-extensor holds of adults aged 65-85 by age group and sex [3]_.

    Attributes
    ----------
    source
        Short citation.
    cite
        Full citation with DOI.
    test
        The profile's test the table is used for (``trunk_extensor_s``).
    min_group_size
        A cell with fewer people is not used as a norm (10, a spinewise rule [P]).
    cells
        ``cells[sex]``: every published cell, youngest first, small ones included.
    """

    source: str
    cite: str
    test: str
    min_group_size: int
    cells: dict[str, tuple[AgeGroupMean, ...]]

    def norm_for(self, sex: Sex, age: int) -> AgeGroupMean | None:
        """The cell of ``age`` [years] and ``sex``; None outside the study's ages or too small.

        Examples
        --------
        >>> older = load_older_extensor_norms()
        >>> older.norm_for("female", 71).mean_s
        66.5
        >>> older.norm_for("female", 64) is None, older.norm_for("male", 82) is None
        (True, True)
        """
        for cell in self.cells[sex]:
            if cell.age_min <= age <= cell.age_max:
                return cell if cell.n >= self.min_group_size else None
        return None


@cache
def load_older_extensor_norms() -> OlderExtensorNorms:
    """Load ``data/norms/lohne_seiler_2016.toml``."""
    raw = _read("lohne_seiler_2016.toml")
    status = str(raw["source"]["status"])
    cells: dict[str, tuple[AgeGroupMean, ...]] = {}
    for sex in ("female", "male"):
        cells[sex] = tuple(
            AgeGroupMean(
                int(g["ages"][0]),
                int(g["ages"][1]),
                float(g[sex]["mean"]),
                float(g[sex]["ci"][0]),
                float(g[sex]["ci"][1]),
                int(g[sex]["n"]),
                status,
            )
            for g in raw["group"]
        )
    return OlderExtensorNorms(
        str(raw["source"]["short"]),
        str(raw["source"]["cite"]),
        str(raw["source"]["test"]),
        int(raw["source"]["min_group_size"]),
        cells,
    )


@dataclass(frozen=True)
class SideBridgeReliability:
    """Test-retest error of the side-bridge test [4]_.

    Attributes
    ----------
    typical_error_s
        Typical error of one hold between two days [s] (10.95 s, [C]).
    icc
        ICC(3,1) (0.81, [C]).
    source
        Short citation.
    cite
        Full citation with DOI.
    """

    typical_error_s: float
    icc: float
    source: str
    cite: str


@cache
def load_side_bridge_reliability() -> SideBridgeReliability:
    """Load ``data/norms/juan_recio_2022.toml``.

    Examples
    --------
    >>> load_side_bridge_reliability().typical_error_s
    10.95
    """
    raw = _read("juan_recio_2022.toml")
    return SideBridgeReliability(
        float(raw["side_bridge"]["typical_error_s"]),
        float(raw["side_bridge"]["icc"]),
        str(raw["source"]["short"]),
        str(raw["source"]["cite"]),
    )
