"""compute_load_metrics, its conventions record, and the package's public names."""

from __future__ import annotations

import numpy as np
import pytest

import spinewise.load as load_pkg
from spinewise.errors import InputError
from spinewise.load import (
    METRIC_NAMES,
    LoadConventions,
    acwr_ewma,
    compute_load_metrics,
    fitness_fatigue,
    monotony_and_strain,
)


def test_public_names_exist() -> None:
    for name in load_pkg.__all__:
        assert hasattr(load_pkg, name), name
    assert sorted(load_pkg.__all__) == sorted(set(load_pkg.__all__))


def test_all_metrics_equal_the_single_functions() -> None:
    rng = np.random.default_rng(9)
    load = np.where(rng.random((3, 80)) < 0.3, 0.0, rng.integers(100, 700, (3, 80))).astype(float)
    conv = LoadConventions(
        acute_d=5, chronic_d=20, sd="population", smoothing="exp", tau_fitness_d=30, tau_fatigue_d=5
    )
    m = compute_load_metrics(load, conv)
    np.testing.assert_array_equal(m.acwr_ewma, acwr_ewma(load, 5, 20))
    mono, strn = monotony_and_strain(load, 7, "population")
    np.testing.assert_array_equal(m.monotony, mono)
    np.testing.assert_array_equal(m.strain, strn)
    ff = fitness_fatigue(load, 30, 5, "exp")
    np.testing.assert_array_equal(m.fitness, ff.fitness)
    assert list(m.columns()) == ["load", *METRIC_NAMES]
    assert m.conventions is conv


def test_conventions_record_every_choice() -> None:
    record = LoadConventions(sd="population", smoothing="trainingpeaks").describe()
    for key in (
        "acute_days",
        "chronic_days",
        "monotony_days",
        "sd",
        "acwr_null",
        "acwr_ewma",
        "acwr_interpretation",
        "fitness_fatigue",
    ):
        assert key in record
    assert record["sd"] == "population"
    assert record["sd_ddof"] == 0
    ff = record["fitness_fatigue"]
    assert ff["smoothing"] == "trainingpeaks"
    assert (ff["tau_fitness_d"], ff["tau_fatigue_d"]) == (42.0, 7.0)
    assert "not an injury prediction" in record["acwr_interpretation"]
    assert "null" in record["acwr_null"]
    assert "chronic average is 0" in record["acwr_null"]


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"acute_d": 0}, "acute_d: must be 1 to 365 days, got 0"),
        ({"chronic_d": 5}, "chronic_d: must be longer than acute_d (7 d), got 5"),
        ({"monotony_d": 1}, "monotony_d: must be 2 to 365 days, got 1"),
        ({"sd": "unbiased"}, "sd: must be 'sample' or 'population'"),
        ({"smoothing": "linear"}, "smoothing: must be one of exp, goldencheetah, trainingpeaks"),
        ({"tau_fitness_d": 0.5}, "tau_fitness_d: must be 1 to 1000 days, got 0.5"),
        ({"tau_fatigue_d": float("nan")}, "tau_fatigue_d: must be 1 to 1000 days"),
    ],
)
def test_conventions_refuse_bad_values(kwargs, fragment) -> None:
    with pytest.raises(InputError) as err:
        LoadConventions(**kwargs)
    assert any(fragment in p for p in err.value.problems)
