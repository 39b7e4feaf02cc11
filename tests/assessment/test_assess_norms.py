"""Every norm and threshold pinned with its source and how sure it is.

McGill et al. 1999, Arch Phys Med Rehabil 80(8):941-944: every cell [U] (the table was not seen);
the abstract's percentages [C]. Thresholds: McGill, Low Back Disorders, via secondary sources
[C2]. Springer et al. 2007, J Geriatr Phys Ther 30(1):8-15: cells [U], two [C2]. Lohne-Seiler et al.
2016, BMC Geriatrics 16, Table 2: every cell [C]. Juan-Recio et al. 2022, Biology 11(7):1043:
the side bridge's typical error [C].
"""

from __future__ import annotations

import pytest

from spinewise.assessment.norms import (
    load_balance_norms,
    load_endurance_norms,
    load_older_extensor_norms,
    load_ratio_thresholds,
    load_side_bridge_reliability,
)

# McGill et al. 1999 (mean, SD) [s], as chosen in docs/science/assessment.md; all [U].
MCGILL_1999 = {
    ("male", "trunk_flexor_s"): (144, 76),
    ("male", "trunk_extensor_s"): (146, 51),
    ("male", "side_bridge_right_s"): (94, 34),
    ("male", "side_bridge_left_s"): (97, 35),
    ("female", "trunk_flexor_s"): (149, 99),
    ("female", "trunk_extensor_s"): (189, 60),
    ("female", "side_bridge_right_s"): (72, 31),
    ("female", "side_bridge_left_s"): (77, 35),
}


@pytest.mark.parametrize(("key", "mean_sd"), sorted(MCGILL_1999.items()))
def test_mcgill_1999_cells(key: tuple[str, str], mean_sd: tuple[int, int]) -> None:
    norms = load_endurance_norms()
    norm = norms.norm(key[0], key[1])  # type: ignore[arg-type]
    assert (norm.mean, norm.sd) == mean_sd
    assert norm.status == "U"
    assert norms.source == "McGill et al. 1999"
    assert "doi:10.1016/s0003-9993(99)90087-4" in norms.cite


def _pct(value: float) -> int:
    return round(100 * value)


def _abstract_check(table: dict[tuple[str, str], tuple[float, float]], sex: str) -> tuple[int, int]:
    flex = table[(sex, "trunk_flexor_s")][0]
    ext = table[(sex, "trunk_extensor_s")][0]
    bridge = (table[(sex, "side_bridge_right_s")][0] + table[(sex, "side_bridge_left_s")][0]) / 2
    return _pct(bridge / ext), _pct(flex / ext)


@pytest.mark.parametrize("sex", ["male", "female"])
def test_chosen_mcgill_table_reproduces_the_confirmed_abstract(sex: str) -> None:
    """The abstract [C]: side bridge 65 % / 39 % of extensor time; 99 % / 79 % read as
    flexor:extensor. The chosen table reproduces all four to the percent."""
    confirmed = load_endurance_norms().abstract_percent
    assert confirmed == {
        "side_bridge_of_extensor": {"male": 65, "female": 39},
        "flexor_of_extensor": {"male": 99, "female": 79},
    }
    assert _abstract_check(MCGILL_1999, sex) == (
        confirmed["side_bridge_of_extensor"][sex],
        confirmed["flexor_of_extensor"][sex],
    )


def test_commonly_quoted_table_does_not_reproduce_the_abstract() -> None:
    """Why the commonly quoted means (research/science.md [U]) were not used."""
    quoted = {
        ("male", "trunk_flexor_s"): (136, 66),
        ("male", "trunk_extensor_s"): (161, 61),
        ("male", "side_bridge_right_s"): (95, 32),
        ("male", "side_bridge_left_s"): (99, 37),
        ("female", "trunk_flexor_s"): (134, 81),
        ("female", "trunk_extensor_s"): (185, 60),
        ("female", "side_bridge_right_s"): (75, 32),
        ("female", "side_bridge_left_s"): (78, 32),
    }
    assert _abstract_check(quoted, "male") == (60, 84)  # abstract: 65, 99
    assert _abstract_check(quoted, "female") == (41, 72)  # abstract: 39, 79


def test_mcgill_ratio_thresholds() -> None:
    """McGill, Low Back Disorders [U page]; matassessment.com and Akuthota 2008 notes [C2]."""
    t = load_ratio_thresholds()
    assert t.flexor_extensor_max == 1.0
    assert t.side_bridge_max_deviation == 0.05
    assert t.side_bridge_extensor_max == 0.75
    assert t.status == "C2"


# Springer et al. 2007, best of three [s]: (female, male); [C2] cells noted.
SPRINGER_2007 = {
    "18-39": {"eyes_open_best_s": (45.1, 44.4), "eyes_closed_best_s": (13.1, 16.9)},
    "40-49": {"eyes_open_best_s": (42.1, 41.6), "eyes_closed_best_s": (13.5, 12.0)},
    "50-59": {"eyes_open_best_s": (40.9, 41.5), "eyes_closed_best_s": (7.9, 8.6)},
    "60-69": {"eyes_open_best_s": (30.4, 33.8), "eyes_closed_best_s": (3.6, 5.1)},
    "70-79": {"eyes_open_best_s": (16.7, 25.9), "eyes_closed_best_s": (3.7, 2.6)},
    "80-99": {"eyes_open_best_s": (10.6, 8.7), "eyes_closed_best_s": (2.1, 1.8)},
}
SPRINGER_C2 = {("60-69", "eyes_open_best_s", "female"), ("80-99", "eyes_open_best_s", "female")}


@pytest.mark.parametrize("label", sorted(SPRINGER_2007))
def test_springer_2007_cells(label: str) -> None:
    norms = load_balance_norms()
    group = next(g for g in norms.groups if g.label == label)
    for column, (female, male) in SPRINGER_2007[label].items():
        assert group.cells[column]["female"].mean == female
        assert group.cells[column]["male"].mean == male
        for sex in ("female", "male"):
            expected = "C2" if (label, column, sex) in SPRINGER_C2 else "U"
            assert group.cells[column][sex].status == expected
            assert group.cells[column][sex].sd is None  # the SDs are not available here


def test_springer_2007_source_and_cap() -> None:
    norms = load_balance_norms()
    assert norms.source == "Springer et al. 2007"
    assert "doi:10.1519/00139143-200704000-00003" in norms.cite
    assert norms.trial_cap_s == 45


@pytest.mark.parametrize(
    ("age", "label"),
    [
        (16, "18-39"),
        (18, "18-39"),
        (39, "18-39"),
        (40, "40-49"),
        (69, "60-69"),
        (70, "70-79"),
        (99, "80-99"),
        (100, "80-99"),
    ],
)
def test_springer_age_groups(age: int, label: str) -> None:
    assert load_balance_norms().group_for(age).label == label


# Lohne-Seiler et al. 2016, Table 2, static back extension [s]: mean, 95 % CI, n; all [C].
LOHNE_SEILER_2016 = {
    ("female", "65-69"): (73.4, (58.1, 88.6), 36),
    ("female", "70-74"): (66.5, (48.0, 85.0), 24),
    ("female", "75-79"): (48.4, (25.7, 71.0), 15),
    ("female", "80-85"): (49.3, (11.4, 87.2), 10),
    ("male", "65-69"): (59.2, (44.6, 73.9), 36),
    ("male", "70-74"): (54.7, (36.2, 73.1), 22),
    ("male", "75-79"): (28.6, (5.0, 52.2), 13),
    ("male", "80-85"): (2.1, (-57.8, 62.1), 5),
}


@pytest.mark.parametrize(("key", "cell"), sorted(LOHNE_SEILER_2016.items()))
def test_lohne_seiler_2016_cells(
    key: tuple[str, str], cell: tuple[float, tuple[float, float], int]
) -> None:
    norms = load_older_extensor_norms()
    found = next(c for c in norms.cells[key[0]] if c.label == key[1])
    assert (found.mean_s, (found.ci_low_s, found.ci_high_s), found.n) == cell
    assert found.status == "C"
    assert found.ci_low_s < found.mean_s < found.ci_high_s


def test_lohne_seiler_2016_source_and_use() -> None:
    norms = load_older_extensor_norms()
    assert norms.source == "Lohne-Seiler et al. 2016"
    assert "doi:10.1186/s12877-016-0188-3" in norms.cite
    assert norms.test == "trunk_extensor_s"
    assert norms.min_group_size == 10  # [P]


@pytest.mark.parametrize(
    ("sex", "age", "label"),
    [
        ("female", 64, None),
        ("female", 65, "65-69"),
        ("female", 85, "80-85"),
        ("female", 86, None),
        ("male", 79, "75-79"),
        ("male", 80, None),  # 5 men: below the 10-person minimum
    ],
)
def test_lohne_seiler_age_groups(sex: str, age: int, label: str | None) -> None:
    cell = load_older_extensor_norms().norm_for(sex, age)  # type: ignore[arg-type]
    assert (None if cell is None else cell.label) == label


def test_mcgill_norms_grade_fully_up_to_39() -> None:
    assert load_endurance_norms().graded_up_to_age == 39  # [P]


def test_juan_recio_2022_side_bridge_error() -> None:
    """Abstract [C]: 24 active women, one-week retest, ICC(3,1) 0.81, typical error 10.95 s."""
    error = load_side_bridge_reliability()
    assert (error.typical_error_s, error.icc) == (10.95, 0.81)
    assert error.source == "Juan-Recio et al. 2022"
    assert "doi:10.3390/biology11071043" in error.cite
