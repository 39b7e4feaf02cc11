"""Severity bands and dose steps: this project's conventions, not published values.

The literature gives norms and thresholds, not how far below a norm is "moderate". These bands
are spinewise's own, stated here once and in docs/science/assessment.md, so that every finding
grades the same way.

- Endurance against a mean and SD: the z-score ``z = (measured - mean) / sd``.
  ``z >= -0.5`` no finding; ``-1 <= z < -0.5`` info; ``-1.5 <= z < -1`` mild;
  ``-2 <= z < -1.5`` moderate; ``z < -2`` marked.
- Balance against a group mean without an SD: the fraction ``f = measured / reference``.
  ``f >= 1`` no finding; ``0.75 <= f < 1`` info; ``0.5 <= f < 0.75`` mild;
  ``0.25 <= f < 0.5`` moderate; ``f < 0.25`` marked.
- A ratio beyond its threshold by ``excess``: up to ``mild_to`` mild, up to ``moderate_to``
  moderate, beyond that marked.
- Extra weekly sets for low endurance: mild 2, moderate 3, marked 4.
- A finding graded against norms of another age group (young adults' norms for an older person,
  when no norm of their age is published) counts at most as mild (:func:`cap_severity`).
"""

from __future__ import annotations

import math

from spinewise.assessment.results import SEVERITIES, Severity

__all__ = [
    "EXTRA_SETS",
    "cap_severity",
    "exceeds",
    "severity_from_excess",
    "severity_from_fraction",
    "severity_from_z",
]

#: Extra weekly sets asked for by a low-endurance finding, by severity.
EXTRA_SETS: dict[Severity, int] = {"info": 0, "mild": 2, "moderate": 3, "marked": 4}


def exceeds(value: float, limit: float) -> bool:
    """Tell whether ``value`` is above ``limit``, ignoring floating-point noise.

    Examples
    --------
    >>> exceeds(63 / 60 - 1, 0.05)   # 0.050000000000000044 is exactly at the limit
    False
    >>> exceeds(0.0501, 0.05)
    True
    """
    return value > limit and not math.isclose(value, limit, rel_tol=1e-9, abs_tol=1e-12)


def severity_from_z(z: float) -> Severity | None:
    """Grade a z-score; None when there is nothing to report.

    Examples
    --------
    >>> [severity_from_z(z) for z in (0.2, -0.5, -0.7, -1.0, -1.2, -1.6, -2.5)]
    [None, None, 'info', 'info', 'mild', 'moderate', 'marked']
    """
    z = round(z, 9)  # a boundary value must not fall on either side by rounding noise
    if z >= -0.5:
        return None
    if z >= -1.0:
        return "info"
    if z >= -1.5:
        return "mild"
    if z >= -2.0:
        return "moderate"
    return "marked"


def severity_from_fraction(fraction: float) -> Severity | None:
    """Grade ``measured / reference``; None when at or above the reference.

    Examples
    --------
    >>> [severity_from_fraction(f) for f in (1.0, 0.8, 0.69, 0.3, 0.1)]
    [None, 'info', 'mild', 'moderate', 'marked']
    """
    fraction = round(fraction, 9)
    if fraction >= 1.0:
        return None
    if fraction >= 0.75:
        return "info"
    if fraction >= 0.5:
        return "mild"
    if fraction >= 0.25:
        return "moderate"
    return "marked"


def severity_from_excess(excess: float, mild_to: float, moderate_to: float) -> Severity:
    """Grade how far a ratio is beyond its threshold (``excess`` > 0); bounds are inclusive.

    Examples
    --------
    >>> severity_from_excess(0.1, 0.25, 0.5), severity_from_excess(0.6, 0.25, 0.5)
    ('mild', 'marked')
    """
    if not exceeds(excess, mild_to):
        return "mild"
    if not exceeds(excess, moderate_to):
        return "moderate"
    return "marked"


def cap_severity(severity: Severity | None, cap: Severity) -> Severity | None:
    """Lower ``severity`` to ``cap`` when it is worse; None stays None.

    Examples
    --------
    >>> cap_severity("marked", "mild"), cap_severity("info", "mild"), cap_severity(None, "mild")
    ('mild', 'info', None)
    """
    if severity is None:
        return None
    return severity if SEVERITIES.index(severity) <= SEVERITIES.index(cap) else cap
