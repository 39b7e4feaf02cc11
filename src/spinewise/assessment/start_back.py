"""STarT Back Screening Tool scoring, from answers the user supplies.

The tool (Keele University) has nine items: eight agree/disagree items and a five-level
bothersomeness item, which counts as positive when answered "very much" or "extremely".
The total is the number of positive items (0-9); the psychosocial (distress) subscale counts
items 5 to 9 (0-5) in the official form's numbering. Risk groups: high if the subscale is 4 or
5; otherwise low if the total is 0-3 and medium if 4-9. Structure [C2]: physio-pedia and a
RehabMeasures copy of the form; Hill et al. 2008 [U for volume and pages].

No item wording is kept in spinewise: the tool is free for non-commercial use only, and the
project's licence allows commercial reuse, so users answer from their own copy of the form.

A STarT Back group is not a diagnosis. Medium and high groups lead to findings that recommend a
clinician's guidance alongside the training plan.

References
----------
.. [1] Hill JC, Dunn KM, Lewis M, et al. (2008). A primary care back pain screening tool:
   identifying patient subgroups for initial treatment. Arthritis Rheum 59(5):632-641.
"""

from __future__ import annotations

from spinewise.assessment.results import Consequence, Finding, StartBackResult, StartBackRisk
from spinewise.profile import StartBackAnswers

__all__ = ["SOURCE", "score_start_back", "start_back_findings"]

SOURCE = "STarT Back Screening Tool scoring (Hill et al. 2008) [C2]"
#: Items of the psychosocial subscale, 1-based, in the official numbering; item 9 is
#: bothersomeness.
DISTRESS_ITEMS: tuple[int, ...] = (5, 6, 7, 8)


def score_start_back(answers: StartBackAnswers) -> StartBackResult:
    """Score the answers.

    Examples
    --------
    >>> a = StartBackAnswers(items=(True, True, False, False, True, True, True, False),
    ...                      bothersomeness="very_much")
    >>> score_start_back(a)
    StartBackResult(total=6, distress=4, risk='high')
    """
    bothered = answers.bothersomeness in ("very_much", "extremely")
    total = sum(answers.items) + int(bothered)
    distress = sum(answers.items[i - 1] for i in DISTRESS_ITEMS) + int(bothered)
    if distress >= 4:
        risk: StartBackRisk = "high"
    elif total <= 3:
        risk = "low"
    else:
        risk = "medium"
    return StartBackResult(total, distress, risk)


def start_back_findings(result: StartBackResult) -> list[Finding]:
    """``start_back_medium`` or ``start_back_high``; nothing for the low-risk group."""
    if result.risk == "medium":
        return [
            Finding(
                "start_back_medium",
                "moderate",
                f"Your STarT Back answers score {result.total}/9 (medium group). This is not a "
                "diagnosis; it suggests that a physiotherapist's guidance alongside this plan "
                "may help.",
                result.total,
                4,
                SOURCE,
                (Consequence("prefer", note="a physiotherapist's guidance alongside the plan"),),
                "score",
            )
        ]
    if result.risk == "high":
        return [
            Finding(
                "start_back_high",
                "marked",
                f"Your STarT Back answers score {result.distress}/5 on the worry-and-distress "
                "items (high group). This is not a diagnosis; it means care guided by a "
                "clinician, alongside this plan, is recommended.",
                result.distress,
                4,
                SOURCE,
                (Consequence("prefer", note="clinician-guided care alongside the plan"),),
                "score",
            )
        ]
    return []
