r"""The Revised NIOSH Lifting Equation: recommended weight limit (RWL) and lifting index (LI).

.. math::

    RWL = LC \cdot HM \cdot VM \cdot DM \cdot AM \cdot FM \cdot CM, \qquad LI = L / RWL

with, in metric units (H, V, D in cm, A in degrees), LC = 23 kg, HM = 25/H, VM = 1 - 0.003|V - 75|,
DM = 0.82 + 4.5/D, AM = 1 - 0.0032 A, and FM, CM from the manual's Tables 5 and 7
(``data/niosh_1994_lifting_tables.toml``). U.S. customary units (inches, pounds): LC = 51 lb,
HM = 10/H, VM = 1 - 0.0075|V - 30|, DM = 0.82 + 1.8/D.

Range limits (the manual's rules): H below 25 cm (10 in) counts as 25 (HM = 1), above 63 cm
(25 in) HM = 0; V above 175 cm (70 in) VM = 0; D below 25 cm (10 in) counts as 25, above 175 cm
(70 in) DM = 0; A above 135 degrees AM = 0; F below 0.2 lifts/min counts as 0.2, and FM is
interpolated linearly between table rows; above the last non-zero row of its column (and above 15
lifts/min) FM = 0. That last rule is spinewise's reading where the manual is silent
(docs/decisions/0021-niosh-interpretations.md).

FM's column follows V at the *origin* of the lift ("the vertical location (V) of the hands at the
origin", manual p. 15), CM's follows V at the point evaluated (Example 4's worksheet: CM .95 at the
origin, 1.0 at the destination). To evaluate the destination of a lift that needs significant
control there, pass the destination's H, V and A and the origin's V as ``origin_v_cm`` (or
``origin_v_in``) (docs/decisions/0095-niosh-worked-examples.md). The manual's worksheet arithmetic
(rounded multipliers) is in :mod:`spinewise.biomechanics.niosh_worksheet`.

Status: formulas and range limits [C2] (the manual as transcribed publicly, and Waters' chapter
in Fundamentals and Assessment Tools for Occupational Ergonomics, 2006); tables [C2] (data file).

References
----------
.. [1] Waters TR, Putz-Anderson V, Garg A, Fine LJ (1993). Revised NIOSH equation for the design
   and evaluation of manual lifting tasks. Ergonomics 36(7):749-776.
.. [2] Waters TR, Putz-Anderson V, Garg A (1994). Applications Manual for the Revised NIOSH Lifting
   Equation. DHHS (NIOSH) Publication No. 94-110 (revised 9/2021). Public domain.
   doi:10.26616/NIOSHPUB94110revised092021
.. [3] NIOSH (1981). Work Practices Guide for Manual Lifting. DHHS (NIOSH) Publication 81-122.
   (The 3.4 kN action limit and 6.4 kN maximum permissible limit of compression.)

Examples
--------
>>> r = recommended_weight_limit(30, 75, 50, 0, 1, "short", "good")
>>> round(r.hm, 3), r.vm, round(r.dm, 2), r.fm, round(r.rwl_kg, 2)
(0.833, 1.0, 0.91, 0.94, 16.4)
>>> round(r.lifting_index(10.0), 2)
0.61
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, get_args

import numpy as np

from spinewise.errors import InputError
from spinewise.units import KG_PER_LB

__all__ = [
    "ACTION_LIMIT_N",
    "MAXIMUM_PERMISSIBLE_LIMIT_N",
    "Coupling",
    "Duration",
    "NioshResult",
    "Units",
    "adjusted_frequency",
    "coupling_multiplier",
    "frequency_multiplier",
    "recommended_weight_limit",
    "recommended_weight_limit_us",
]

#: NIOSH action limit of L5/S1 compression [N] (350 kg-force, NIOSH 1981; 3.4 kN criterion) [C].
ACTION_LIMIT_N = 3400.0
#: NIOSH maximum permissible limit of L5/S1 compression [N] (650 kg-force, NIOSH 1981) [C].
MAXIMUM_PERMISSIBLE_LIMIT_N = 6400.0

Duration = Literal["short", "moderate", "long"]
Coupling = Literal["good", "fair", "poor"]
Units = Literal["metric", "us"]

_DATA_FILE = "niosh_1994_lifting_tables.toml"


@dataclass(frozen=True)
class _Constants:
    lc: float
    h_min: float
    h_max: float
    v_opt: float
    v_slope: float
    v_max: float
    d_min: float
    d_max: float
    d_coef: float
    length_unit: str
    mass_unit: str


_METRIC = _Constants(23.0, 25.0, 63.0, 75.0, 0.003, 175.0, 25.0, 175.0, 4.5, "cm", "kg")
_US = _Constants(51.0, 10.0, 25.0, 30.0, 0.0075, 70.0, 10.0, 70.0, 1.8, "in", "lb")


@cache
def _tables() -> dict[str, dict[str, list[float]]]:
    text = resources.files("spinewise.biomechanics").joinpath("data", _DATA_FILE).read_text("utf-8")
    return tomllib.loads(text)


def _check_choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InputError(f"{name}: must be one of {', '.join(allowed)}, got {value!r}")


def frequency_multiplier(
    lifts_per_min: float, duration: Duration, v_low: bool
) -> tuple[float, tuple[str, ...]]:
    """FM from Table 5, interpolated linearly between rows.

    Parameters
    ----------
    lifts_per_min
        Lifting frequency F [lifts/min], averaged over 15 minutes.
    duration
        ``short`` (1 h or less), ``moderate`` (1-2 h) or ``long`` (2-8 h).
    v_low
        Whether the hands start below 75 cm (30 in).

    Returns
    -------
    tuple
        (FM [-], notes).

    Examples
    --------
    >>> frequency_multiplier(2.4, "short", True)[0]   # between 2 (0.91) and 3 (0.88)
    0.898
    """
    _check_choice("duration", duration, get_args(Duration))
    table = _tables()["frequency_multiplier"]
    rows = np.asarray(table["lifts_per_min"], dtype=np.float64)
    column = np.asarray(table[f"{duration}_v_{'low' if v_low else 'high'}"], dtype=np.float64)
    notes: list[str] = []
    f = lifts_per_min
    if f < rows[0]:
        notes.append(f"frequency {f:g} lifts/min is below 0.2: set to 0.2")
        f = float(rows[0])
    last_nonzero = float(rows[np.nonzero(column)[0][-1]])
    if f > last_nonzero:
        notes.append(
            f"frequency {f:g} lifts/min is above the table's limit ({last_nonzero:g}) for this "
            "duration and height: FM = 0"
        )
        return 0.0, tuple(notes)
    return round(float(np.interp(f, rows, column)), 6), tuple(notes)


def coupling_multiplier(coupling: Coupling, v_low: bool) -> float:
    """CM from Table 7: the hand-to-object coupling and whether V is below 75 cm (30 in)."""
    _check_choice("coupling", coupling, get_args(Coupling))
    good_low_high = _tables()["coupling_multiplier"][coupling]
    return float(good_low_high[0 if v_low else 1])


def adjusted_frequency(lifts_per_min: float, minutes_lifting: float) -> float:
    """The manual's special frequency adjustment for lifting less than 15 of 15 minutes.

    F = lifts per minute while lifting x minutes lifting / 15 (Applications Manual, section 1.3.5;
    its illustration: 10 lifts/min for 8 minutes gives 5.33 lifts/min).

    >>> round(adjusted_frequency(10, 8), 2)
    5.33
    """
    if not (0 <= minutes_lifting <= 15):
        raise InputError(f"minutes_lifting: must be 0 to 15 minutes, got {minutes_lifting}")
    if not (math.isfinite(lifts_per_min) and lifts_per_min >= 0):
        raise InputError(f"lifts_per_min: must be 0 or more, got {lifts_per_min}")
    return lifts_per_min * minutes_lifting / 15.0


@dataclass(frozen=True)
class NioshResult:
    """The RWL with every multiplier.

    Attributes
    ----------
    units
        ``metric`` (cm, kg) or ``us`` (in, lb).
    h, v, d, a_deg, lifts_per_min, duration, coupling
        The inputs as given (lengths in the result's length unit).
    lc
        Load constant (23 kg or 51 lb).
    hm, vm, dm, am, fm, cm
        The multipliers [-].
    rwl
        Recommended weight limit in the result's mass unit.
    notes
        Range limits that applied.
    origin_v
        V at the origin of the lift when this result evaluates its destination (FM's column
        followed it), else ``None`` (FM's column followed ``v``).
    """

    units: Units
    h: float
    v: float
    d: float
    a_deg: float
    lifts_per_min: float
    duration: Duration
    coupling: Coupling
    lc: float
    hm: float
    vm: float
    dm: float
    am: float
    fm: float
    cm: float
    rwl: float
    notes: tuple[str, ...]
    origin_v: float | None = None

    @property
    def rwl_kg(self) -> float:
        """Recommended weight limit [kg]."""
        return self.rwl if self.units == "metric" else self.rwl * KG_PER_LB

    def lifting_index(self, load_kg: float) -> float:
        """LI = load / RWL [-]; ``inf`` when the RWL is zero and the load is not."""
        if not (math.isfinite(load_kg) and load_kg >= 0):
            raise InputError(f"load_kg: must be 0 or more kg, got {load_kg}")
        if self.rwl_kg == 0.0:
            return 0.0 if load_kg == 0 else math.inf
        return load_kg / self.rwl_kg


def _rwl(
    c: _Constants,
    units: Units,
    h: float,
    v: float,
    d: float,
    a_deg: float,
    lifts_per_min: float,
    duration: Duration,
    coupling: Coupling,
    origin_v: float | None,
) -> NioshResult:
    u = c.length_unit
    checked = [
        (f"h_{u}", h, u),
        (f"v_{u}", v, u),
        (f"d_{u}", d, u),
        ("a_deg", a_deg, "degrees"),
        ("frequency", lifts_per_min, "lifts/min"),
    ]
    if origin_v is not None:
        checked.append((f"origin_v_{u}", origin_v, u))
    problems = [
        f"{name}: must be a number of {unit} at or above 0, got {value}"
        for name, value, unit in checked
        if not (math.isfinite(value) and value >= 0)
    ]
    if duration not in get_args(Duration):
        problems.append(f"duration: must be one of short, moderate, long, got {duration!r}")
    if coupling not in get_args(Coupling):
        problems.append(f"coupling: must be one of good, fair, poor, got {coupling!r}")
    if problems:
        raise InputError(problems)
    notes: list[str] = []
    if h > c.h_max:
        hm = 0.0
        notes.append(f"H {h:g} {u} is beyond {c.h_max:g} {u}: HM = 0")
    else:
        if h < c.h_min:
            notes.append(f"H {h:g} {u} is closer than {c.h_min:g} {u}: set to {c.h_min:g}")
        hm = c.h_min / max(h, c.h_min)
    if v > c.v_max:
        vm = 0.0
        notes.append(f"V {v:g} {u} is above {c.v_max:g} {u}: VM = 0")
    else:
        vm = 1.0 - c.v_slope * abs(v - c.v_opt)
    if d > c.d_max:
        dm = 0.0
        notes.append(f"D {d:g} {u} is more than {c.d_max:g} {u}: DM = 0")
    else:
        if d < c.d_min:
            notes.append(f"D {d:g} {u} is less than {c.d_min:g} {u}: set to {c.d_min:g}")
        dm = 0.82 + c.d_coef / max(d, c.d_min)
    if a_deg > 135.0:
        am = 0.0
        notes.append(f"A {a_deg:g} deg is more than 135 deg: AM = 0")
    else:
        am = 1.0 - 0.0032 * a_deg
    origin_low = (v if origin_v is None else origin_v) < c.v_opt
    fm, fm_notes = frequency_multiplier(lifts_per_min, duration, origin_low)
    notes.extend(fm_notes)
    cm = coupling_multiplier(coupling, v < c.v_opt)
    rwl = c.lc * hm * vm * dm * am * fm * cm
    return NioshResult(
        units=units,
        h=h,
        v=v,
        d=d,
        a_deg=a_deg,
        lifts_per_min=lifts_per_min,
        duration=duration,
        coupling=coupling,
        lc=c.lc,
        hm=hm,
        vm=vm,
        dm=dm,
        am=am,
        fm=fm,
        cm=cm,
        rwl=rwl,
        notes=tuple(notes),
        origin_v=origin_v,
    )


def recommended_weight_limit(
    h_cm: float,
    v_cm: float,
    d_cm: float,
    a_deg: float,
    frequency_lifts_per_min: float,
    duration: Duration,
    coupling: Coupling,
    *,
    origin_v_cm: float | None = None,
) -> NioshResult:
    """The RWL of a single lifting task, metric units.

    Parameters
    ----------
    h_cm
        Horizontal location of the hands from the mid-point between the inner ankle bones [cm].
    v_cm
        Vertical location of the hands above the floor [cm].
    d_cm
        Vertical travel distance between origin and destination [cm].
    a_deg
        Asymmetry angle [deg].
    frequency_lifts_per_min
        Lifting frequency [lifts/min].
    duration
        ``short`` (1 h or less), ``moderate`` (more than 1 up to 2 h), ``long`` (2 to 8 h).
    coupling
        ``good``, ``fair`` or ``poor``.
    origin_v_cm
        When evaluating the destination of the lift: V at its origin [cm], which chooses FM's
        column (the manual, p. 15). ``None`` (the default) evaluates the origin: ``v_cm`` is the
        origin's V.

    Returns
    -------
    NioshResult
        Every multiplier, ``rwl_kg`` and ``lifting_index(load_kg)``.

    Raises
    ------
    InputError
        Negative or non-finite numbers, an unknown duration or coupling (one line each).
    """
    return _rwl(
        _METRIC,
        "metric",
        h_cm,
        v_cm,
        d_cm,
        a_deg,
        frequency_lifts_per_min,
        duration,
        coupling,
        origin_v_cm,
    )


def recommended_weight_limit_us(
    h_in: float,
    v_in: float,
    d_in: float,
    a_deg: float,
    frequency_lifts_per_min: float,
    duration: Duration,
    coupling: Coupling,
    *,
    origin_v_in: float | None = None,
) -> NioshResult:
    """The RWL in U.S. customary units (inches, pounds), as in the manual's worked examples.

    The parameters are those of :func:`recommended_weight_limit` with lengths in inches
    (``origin_v_in``: V at the origin when evaluating the destination); the RWL is in pounds.

    Examples
    --------
    The Applications Manual's Example 4 (Package Inspection), origin:

    >>> r = recommended_weight_limit_us(10, 22, 37, 0, 3, "short", "fair")
    >>> round(r.vm, 2), round(r.dm, 2), r.fm, r.cm, round(r.rwl, 1)
    (0.94, 0.87, 0.88, 0.95, 34.8)
    """
    return _rwl(
        _US,
        "us",
        h_in,
        v_in,
        d_in,
        a_deg,
        frequency_lifts_per_min,
        duration,
        coupling,
        origin_v_in,
    )
