"""The bands of the pain-monitoring model, shared by the assessment and the adaptation.

Pain on the 0-10 numeric rating scale falls in one of three bands [1]_:

- **safe**: 0 to :data:`SAFE_MAX_0_10` (2/10);
- **acceptable**: above that, up to :data:`ACCEPTABLE_MAX_0_10` (3 to 5/10);
- **high risk** (called "unacceptable" in the rules): above 5/10.

Confirmation status: the zones 0-2 safe, 2-5 acceptable and 5-10 high risk are those of the
model's figure in Silbernagel et al. (2007) as the project's clinical review quotes it; they were
not checked against the full text [U]. Two physiotherapy web pages (bim.physio,
southsidephysio.com) put the edge of "safe" at 3/10 [C2]; spinewise takes the stricter edge of 2,
so a rating of 3 never counts as safe. The model was validated in Achilles tendinopathy (n = 38),
not in low back pain: its use for the back is an extrapolation.

References
----------
.. [1] Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J (2007). Continued sports activity, using
   a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a
   randomized controlled study. Am J Sports Med 35(6):897-906. doi:10.1177/0363546506298279
"""

from __future__ import annotations

from typing import Literal

__all__ = ["ACCEPTABLE_MAX_0_10", "SAFE_MAX_0_10", "PainBand", "pain_band"]

#: Highest pain rating in the safe band [0-10] (Silbernagel et al. 2007 [U]; see the module).
SAFE_MAX_0_10 = 2
#: Highest pain rating in the acceptable band [0-10]; above it the pain is too much.
ACCEPTABLE_MAX_0_10 = 5

PainBand = Literal["safe", "acceptable", "unacceptable"]


def pain_band(pain_0_10: float) -> PainBand:
    """The band of a pain rating: ``safe`` (0-2), ``acceptable`` (above 2 to 5) or ``unacceptable``.

    Examples
    --------
    >>> [pain_band(p) for p in (0, 2, 2.5, 3, 5, 5.5, 10)]
    ['safe', 'safe', 'acceptable', 'acceptable', 'acceptable', 'unacceptable', 'unacceptable']
    """
    if pain_0_10 <= SAFE_MAX_0_10:
        return "safe"
    if pain_0_10 <= ACCEPTABLE_MAX_0_10:
        return "acceptable"
    return "unacceptable"
