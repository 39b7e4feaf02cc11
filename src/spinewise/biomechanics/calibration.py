"""The static model calibrated to McGill's published exercise values: one scale for every exercise.

The static L5/S1 model (:mod:`spinewise.biomechanics.l5s1`) leaves out co-contraction and reads a
median 46 % below McGill's EMG-assisted values (docs/science/spine-load.md section 5). Published and
modelled values mixed on one scale rank a side bridge (published 2,585 N) above a loaded standing
lift that the model puts at 2,000 N. This module fits the model to McGill's table so that
exercises without a published value are estimated on the published values' scale.

Three forms are fitted by least squares to the ten (model, published) pairs for a 75 kg man and
compared by leave-one-out error (each value predicted by the fit to the other nine):

* ``offset``: published = model + c (the co-contraction the model leaves out, as a constant);
* ``scale``: published = k · model (through the origin);
* ``linear``: published = a + b · model.

The planner uses the offset (:data:`USED_FORM`): it has the lowest leave-one-out error of the three
and one parameter, and the free linear fit's slope is 1.01, so the data ask for an offset, not a
factor. The offset, fitted at 75 kg, is scaled in proportion to body mass like the published values
(an assumption [U]). It is fitted on floor and bench exercises only (McGill's table); applying it to
standing lifts is an extrapolation [U] that errs on the safe side for light upright work.

Reproduce the figures with
``python -c "from spinewise.biomechanics.calibration import calibration_report as r; print(r())"``.

References
----------
.. [1] McGill SM (2002). Low Back Disorders. Human Kinetics; table as quoted at
   drsamsblog.blogspot.com (2016) [C2] (``data/mcgill_exercise_compression.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

import numpy as np

from spinewise.biomechanics.anthropometry import Sex
from spinewise.biomechanics.posture import posture_load
from spinewise.biomechanics.published import published_table

__all__ = [
    "FORMS",
    "USED_FORM",
    "Calibration",
    "CalibrationFit",
    "calibrated_n",
    "calibration",
    "calibration_report",
    "fit_form",
]

#: The calibration forms compared (see the module docstring).
Form = Literal["offset", "scale", "linear"]
FORMS: tuple[Form, ...] = ("offset", "scale", "linear")
#: The form the planner uses: the lowest leave-one-out error (docs/science/spine-load.md).
USED_FORM: Form = "offset"
#: Body mass of the fit [kg]: McGill's values are taken as a 75 kg person's (an assumption [U]).
FIT_BODY_MASS_KG = 75.0


@dataclass(frozen=True)
class CalibrationFit:
    """One fitted form: ``published ≈ intercept_n + slope · model``.

    Attributes
    ----------
    form
        ``offset``, ``scale`` or ``linear``.
    intercept_n
        The constant term [N] (0 for ``scale``).
    slope
        The factor on the model's value [-] (1 for ``offset``).
    loo_errors_pct
        Leave-one-out error of each entry, in table order [%]: ``(predicted - published) /
        published`` with the entry left out of the fit.
    median_abs_loo_error_pct
        The median of their absolute values [%].
    """

    form: Form
    intercept_n: float
    slope: float
    loo_errors_pct: tuple[float, ...]
    median_abs_loo_error_pct: float

    def predict_n(self, model_n: float) -> float:
        """The calibrated value [N] of a model value (for the fit's 75 kg body)."""
        return self.intercept_n + self.slope * model_n


@dataclass(frozen=True)
class Calibration:
    """The model against McGill's table before and after calibration.

    Attributes
    ----------
    keys
        The table's entries, in file order.
    model_n, published_n
        The model's and McGill's values for a 75 kg man [N].
    raw_errors_pct
        The uncalibrated model's error per entry [%].
    median_abs_raw_error_pct
        Their median absolute value [%] (about 46).
    fits
        Every form of :data:`FORMS`, fitted to all entries, with its leave-one-out error.
    """

    keys: tuple[str, ...]
    model_n: tuple[float, ...]
    published_n: tuple[float, ...]
    raw_errors_pct: tuple[float, ...]
    median_abs_raw_error_pct: float
    fits: tuple[CalibrationFit, ...]

    def fit(self, form: Form = USED_FORM) -> CalibrationFit:
        """The fit of one form (the planner's by default)."""
        return next(f for f in self.fits if f.form == form)


def _coefficients(form: Form, model: np.ndarray, published: np.ndarray) -> tuple[float, float]:
    """Least-squares (intercept [N], slope) of one form."""
    if form == "offset":
        return float(np.mean(published - model)), 1.0
    if form == "scale":
        return 0.0, float(model @ published / (model @ model))
    slope, intercept = np.polyfit(model, published, 1)
    return float(intercept), float(slope)


def fit_form(form: Form, model_n: np.ndarray, published_n: np.ndarray) -> CalibrationFit:
    """Fit one form to paired values and compute its leave-one-out error.

    Parameters
    ----------
    form
        ``offset``, ``scale`` or ``linear``.
    model_n, published_n
        Paired model and published compression values [N]; at least three pairs.

    Examples
    --------
    >>> fit = fit_form("offset", np.array([100.0, 200.0, 300.0]), np.array([600.0, 700.0, 800.0]))
    >>> fit.intercept_n, fit.slope, fit.median_abs_loo_error_pct
    (500.0, 1.0, 0.0)
    """
    model = np.asarray(model_n, dtype=float)
    published = np.asarray(published_n, dtype=float)
    if model.shape != published.shape or model.ndim != 1 or model.size < 3:
        raise ValueError(
            f"model_n and published_n: need two equal 1-D arrays of 3 or more values, got "
            f"shapes {model.shape} and {published.shape}"
        )
    intercept, slope = _coefficients(form, model, published)
    errors = []
    for i in range(model.size):
        keep = np.arange(model.size) != i
        a, b = _coefficients(form, model[keep], published[keep])
        errors.append(100.0 * (a + b * model[i] - published[i]) / published[i])
    return CalibrationFit(
        form=form,
        intercept_n=intercept,
        slope=slope,
        loo_errors_pct=tuple(errors),
        median_abs_loo_error_pct=float(np.median(np.abs(errors))),
    )


@cache
def calibration(sex: Sex = "male") -> Calibration:
    """Fit every form to McGill's table, for a 75 kg person of ``sex`` (see :class:`Calibration`).

    Examples
    --------
    >>> cal = calibration()
    >>> cal.fit().median_abs_loo_error_pct < cal.median_abs_raw_error_pct
    True
    """
    table = published_table()
    model = np.array(
        [max(0.0, posture_load(e.posture, FIT_BODY_MASS_KG, sex).compression_n) for e in table]
    )
    published = np.array(
        [e.compression_n * FIT_BODY_MASS_KG / e.reference_body_mass_kg for e in table]
    )
    raw = 100.0 * (model - published) / published
    return Calibration(
        keys=tuple(e.key for e in table),
        model_n=tuple(float(v) for v in model),
        published_n=tuple(float(v) for v in published),
        raw_errors_pct=tuple(float(v) for v in raw),
        median_abs_raw_error_pct=float(np.median(np.abs(raw))),
        fits=tuple(fit_form(form, model, published) for form in FORMS),
    )


def calibrated_n(model_n: float, body_mass_kg: float) -> float:
    """A model value [N] on the published values' scale, for a person of ``body_mass_kg``.

    The fit's constant is scaled in proportion to body mass from 75 kg, like the published values
    (an assumption [U]); the fit is the men's (McGill's table gives no sex).

    Examples
    --------
    >>> round(calibrated_n(1000.0, 75.0) - calibrated_n(0.0, 75.0))
    1000
    """
    fit = calibration().fit()
    return fit.intercept_n * body_mass_kg / FIT_BODY_MASS_KG + fit.slope * model_n


def calibration_report() -> str:
    """The figures of docs/science/spine-load.md section 5 as plain text, one entry a line."""
    cal = calibration()
    lines = [
        "McGill's table against the static model, 75 kg man, d = 6 cm",
        f"{'entry':<24}{'published':>10}{'model':>8}{'raw %':>8}"
        + "".join(f"{'LOO ' + f.form + ' %':>16}" for f in cal.fits),
    ]
    for i, key in enumerate(cal.keys):
        lines.append(
            f"{key:<24}{cal.published_n[i]:>10.0f}{cal.model_n[i]:>8.0f}"
            f"{cal.raw_errors_pct[i]:>8.1f}"
            + "".join(f"{f.loo_errors_pct[i]:>16.1f}" for f in cal.fits)
        )
    lines.append(f"median absolute error, uncalibrated: {cal.median_abs_raw_error_pct:.1f} %")
    for f in cal.fits:
        used = " (used)" if f.form == USED_FORM else ""
        lines.append(
            f"{f.form}{used}: published = {f.intercept_n:.0f} N + {f.slope:.3f} x model; "
            f"median absolute leave-one-out error {f.median_abs_loo_error_pct:.1f} %"
        )
    return "\n".join(lines)
