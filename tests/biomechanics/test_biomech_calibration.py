"""The static model calibrated to McGill's table: one scale, with leave-one-out error."""

from __future__ import annotations

import numpy as np
import pytest

from spinewise.biomechanics import calibration, exercise_compression
from spinewise.biomechanics.calibration import USED_FORM, fit_form
from spinewise.catalog import load_catalog


def test_calibration_reduces_the_leave_one_out_error():
    cal = calibration()
    # docs/science/spine-load.md section 5: 46.4 % before, 12.1 % after (offset form)
    assert cal.median_abs_raw_error_pct == pytest.approx(46.4, abs=0.1)
    used = cal.fit()
    assert used.form == USED_FORM == "offset"
    assert used.median_abs_loo_error_pct == pytest.approx(12.1, abs=0.1)
    assert used.intercept_n == pytest.approx(1473, abs=1)
    # the used form is the best of the forms compared
    assert used.median_abs_loo_error_pct == min(f.median_abs_loo_error_pct for f in cal.fits)
    assert cal.fit("scale").median_abs_loo_error_pct == pytest.approx(17.9, abs=0.1)
    assert cal.fit("linear").median_abs_loo_error_pct == pytest.approx(14.8, abs=0.1)


def test_leave_one_out_leaves_the_entry_out():
    # an outlier cannot pull its own prediction toward itself
    model = np.array([100.0, 200.0, 300.0, 400.0])
    published = np.array([600.0, 700.0, 800.0, 2900.0])
    fit = fit_form("offset", model, published)
    assert fit.intercept_n == pytest.approx(1000.0)
    # left out, the last one is predicted with the offset of the other three (500 N)
    assert fit.loo_errors_pct[3] == pytest.approx(100 * (900 - 2900) / 2900)
    with pytest.raises(ValueError, match="model_n and published_n"):
        fit_form("offset", model[:2], published[:2])


def test_one_scale_a_side_bridge_is_not_heavier_than_a_loaded_hinge():
    # issue 13: published and modelled values on one scale; a desk worker's side plank
    # (published 2,585 N) must not outrank loaded standing hinges and squats
    catalog = load_catalog()
    side_bridge = exercise_compression(catalog.get("side_bridge"), 64.0, "female").value_n
    for exercise_id in ("trap_bar_carry", "pallof_press_cable", "kettlebell_deadlift"):
        loaded = exercise_compression(catalog.get(exercise_id), 64.0, "female").value_n
        assert loaded > side_bridge, exercise_id


def test_published_values_are_kept():
    catalog = load_catalog()
    est = exercise_compression(catalog.get("side_bridge"))
    assert est.basis == "published"
    assert est.value_n == pytest.approx(2585.0)


def test_the_report_prints_the_figures_the_science_page_quotes():
    from pathlib import Path

    from spinewise.biomechanics.calibration import calibration_report

    text = calibration_report()
    assert "median absolute error, uncalibrated: 46.4 %" in text
    assert (
        "offset (used): published = 1473 N + 1.000 x model; "
        "median absolute leave-one-out error 12.1 %"
    ) in text
    page = Path(__file__).resolve().parents[2] / "docs" / "science" / "spine-load.md"
    doc = page.read_text(encoding="utf-8")
    assert "calibration_report" in doc
    for figure in ("46.4 %", "12.1 %", "17.9 %", "14.8 %", "1,473 N"):
        assert figure in doc, figure
