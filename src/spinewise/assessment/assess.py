"""The whole assessment of a profile: screening first, then findings.

When screening finds an emergency, nothing else is assessed: the only message is to seek
emergency care today. Otherwise every finding is computed, also for a ``see_clinician`` result
(a clinician may find them useful), though no plan is made until the athlete is cleared.
"""

from __future__ import annotations

from datetime import date

from spinewise.assessment.balance import balance_findings
from spinewise.assessment.bone import bone_health_findings
from spinewise.assessment.endurance import endurance_findings
from spinewise.assessment.pain import pain_findings, sensitivities_of
from spinewise.assessment.results import Assessment
from spinewise.assessment.screening import screen
from spinewise.assessment.start_back import score_start_back, start_back_findings
from spinewise.catalog import load_vocabulary
from spinewise.profile import Profile

__all__ = ["assess"]


def assess(profile: Profile, *, today: date | None = None) -> Assessment:
    """Assess a profile.

    Parameters
    ----------
    profile
        A validated profile.
    today
        The day of the assessment: clinicians' clearances older than 12 weeks on that day no
        longer count (without it, the plan's start date is the reference).

    Returns
    -------
    Assessment
        Screening, findings in a fixed order (endurance, ratios, balance, pain, sensitivities,
        postures, STarT Back), the vocabulary sensitivities and the STarT Back scores.

    Examples
    --------
    >>> from spinewise.profile import EXAMPLE_MINIMAL, parse_profile
    >>> a = assess(parse_profile(EXAMPLE_MINIMAL))
    >>> a.screening.status, a.findings, a.sensitivities
    ('clear', (), ())
    """
    screening = screen(
        profile.screening, profile.pain, today=today, plan_start=profile.schedule.start_date
    )
    if screening.status == "emergency":
        return Assessment(screening, (), (), None)
    vocabulary = load_vocabulary()
    sex, age = profile.athlete.sex, profile.athlete.age
    findings = [
        *endurance_findings(sex, age, profile.tests),
        *balance_findings(sex, age, profile.tests),
        *pain_findings(profile.pain, vocabulary),
        *bone_health_findings(profile),
    ]
    start_back = None
    if profile.start_back is not None:
        start_back = score_start_back(profile.start_back)
        findings += start_back_findings(start_back)
    return Assessment(
        screening, tuple(findings), sensitivities_of(profile.pain, vocabulary), start_back
    )
