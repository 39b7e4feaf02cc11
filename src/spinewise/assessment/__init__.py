"""Assessment: red-flag screening, the torso-endurance battery, balance and pain, as findings.

Public API::

    screen(answers: ScreeningAnswers) -> ScreeningResult
    assess(profile: Profile) -> Assessment

The planner reads ``Assessment.screening.cleared``, ``Assessment.sensitivities`` and each
finding's ``consequences``. Norms and rules are data files under ``data/`` named after their
sources; docs/science/assessment.md gives the tables, formulas and how sure each value is.
"""

from spinewise.assessment.assess import assess
from spinewise.assessment.results import (
    SEVERITIES,
    Assessment,
    Consequence,
    ConsequenceKind,
    Finding,
    ScreeningReason,
    ScreeningResult,
    ScreeningStatus,
    Severity,
    StartBackResult,
    StartBackRisk,
)
from spinewise.assessment.screening import RedFlag, load_red_flags, screen
from spinewise.assessment.start_back import score_start_back

__all__ = [
    "SEVERITIES",
    "Assessment",
    "Consequence",
    "ConsequenceKind",
    "Finding",
    "RedFlag",
    "ScreeningReason",
    "ScreeningResult",
    "ScreeningStatus",
    "Severity",
    "StartBackResult",
    "StartBackRisk",
    "assess",
    "load_red_flags",
    "score_start_back",
    "screen",
]
