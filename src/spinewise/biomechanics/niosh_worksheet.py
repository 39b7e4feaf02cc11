r"""The Applications Manual's worksheet arithmetic for the revised NIOSH lifting equation.

The manual's worked examples (Chapter 3) do not print full-precision results. Its rule for them:
"for these examples, multipliers are rounded to two places to the right of the decimal and weight
limit (RWL, FIRWL, and STRWL) and lifting index values (LI, FILI, STLI, and CLI) are rounded to one
place to the right of the decimal" (p. 29), and it warns that values computed otherwise "might"
differ slightly. Each worksheet then multiplies the *rounded* multipliers:

.. math::

    RWL_{ws} = \mathrm{round}_1\big(LC \cdot \prod_i \mathrm{round}_2(M_i)\big), \qquad
    LI_{ws} = \mathrm{round}_1(L / RWL_{ws})

so a printed RWL can differ from the full-precision one by a unit of its last digit (Example 4's
origin: 34.9 lb printed, 34.8 lb at full precision). Rounding is half up, as in the manual's
Tables 1-4 (Table 2 prints VM = .93 for 1 - 0.0075 x 10 = 0.925 and .78 for 0.775).

Status: the p. 29 rule [C2] (quoted from the 2021 manual in a public transcription,
nbarr1/ErgonomicTool, docs/methods/rnle.md); half-up rounding [C2] (every row of the reprinted
Table 2 agrees with it). See docs/decisions/0095-niosh-worked-examples.md.

References
----------
.. [1] Waters TR, Putz-Anderson V, Garg A (1994). Applications Manual for the Revised NIOSH Lifting
   Equation. DHHS (NIOSH) Publication No. 94-110 (revised 9/2021), p. 29. Public domain.

Examples
--------
>>> from spinewise.biomechanics.niosh import recommended_weight_limit_us
>>> ws = niosh_worksheet(recommended_weight_limit_us(10, 22, 37, 0, 3, "short", "fair"))
>>> ws.hm, ws.vm, ws.dm, ws.am, ws.fm, ws.cm, ws.rwl
(1.0, 0.94, 0.87, 1.0, 0.88, 0.95, 34.9)
>>> ws.lifting_index(26)
0.7
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from spinewise.biomechanics.niosh import NioshResult, Units
from spinewise.errors import InputError

__all__ = ["NioshWorksheet", "niosh_worksheet", "round_half_up"]

#: Decimal places of the worksheet's multipliers, and of its RWL and LI (manual, p. 29).
MULTIPLIER_PLACES = 2
RESULT_PLACES = 1


def _half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def round_half_up(value: float, places: int) -> float:
    """Round as the manual's tables do: half away from zero, on the shortest decimal form.

    Python's :func:`round` rounds the binary value half to even; the manual rounds the decimal
    value half up.

    >>> round_half_up(0.925, 2), round_half_up(2.675, 2), round(2.675, 2)
    (0.93, 2.68, 2.67)
    """
    if not math.isfinite(value):
        return value
    return float(_half_up(Decimal(repr(value)), places))


@dataclass(frozen=True)
class NioshWorksheet:
    """One evaluated point of a lift as the manual's job analysis worksheet writes it.

    Attributes
    ----------
    units
        ``metric`` (kg) or ``us`` (lb), as the result it came from.
    lc
        Load constant (23 kg or 51 lb).
    hm, vm, dm, am, fm, cm
        The multipliers rounded half up to two decimals [-].
    rwl
        LC times the rounded multipliers, rounded to one decimal, in the mass unit.
    """

    units: Units
    lc: float
    hm: float
    vm: float
    dm: float
    am: float
    fm: float
    cm: float
    rwl: float

    def lifting_index(self, load: float) -> float:
        """LI = load / the worksheet's RWL, to one decimal; load in the worksheet's mass unit.

        ``inf`` when the RWL is zero and the load is not.
        """
        if not (math.isfinite(load) and load >= 0):
            raise InputError(f"load: must be 0 or more (kg or lb as the worksheet), got {load}")
        if self.rwl == 0.0:
            return 0.0 if load == 0 else math.inf
        return round_half_up(load / self.rwl, RESULT_PLACES)


def niosh_worksheet(result: NioshResult) -> NioshWorksheet:
    """The worksheet values of a result: rounded multipliers and the RWL they give.

    Parameters
    ----------
    result
        A result of :func:`~spinewise.biomechanics.niosh.recommended_weight_limit` or
        :func:`~spinewise.biomechanics.niosh.recommended_weight_limit_us`.

    Returns
    -------
    NioshWorksheet
        The multipliers to two decimals and the RWL to one decimal, as the manual prints them.
    """
    rounded = [
        _half_up(Decimal(repr(m)), MULTIPLIER_PLACES)
        for m in (result.hm, result.vm, result.dm, result.am, result.fm, result.cm)
    ]
    product = Decimal(repr(result.lc))
    for m in rounded:  # exact decimal arithmetic, as on paper
        product *= m
    hm, vm, dm, am, fm, cm = (float(m) for m in rounded)
    rwl = float(_half_up(product, RESULT_PLACES))
    return NioshWorksheet(result.units, result.lc, hm, vm, dm, am, fm, cm, rwl)
