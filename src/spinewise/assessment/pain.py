"""Pain and function: pain ratings, aggravating movements and postures.

Pain ratings use the 0-10 numeric scale. The boundaries are the bands of the pain-monitoring
model in :mod:`spinewise.pain_bands` (0-2 safe, 3-5 acceptable, above 5 high risk; Silbernagel et
al. 2007, with their confirmation status there); the model was validated in Achilles
tendinopathy, so its use for the back is an extrapolation. The level caps are this project's
convention.

- ``pain_present`` (info): current pain 1-2, the safe band.
- ``pain_current_acceptable``: current pain 3-5, the acceptable band: mild at 3, moderate at 4-5;
  caps the exercise level at 3; the planner then plans no jumps, throws or swings
  (``planning.candidates.FAST_WORK_MAX_PAIN``).
- ``pain_current_high`` (marked): current pain above 5, the high-risk band; level cap 2.
- ``pain_worst_week_high`` (mild): worst pain of the last week above 5; level cap 3.
- ``aggravated_by_<sensitivity>`` (mild), one per vocabulary sensitivity the athlete reports:
  no exercise that loads it.
- ``sitting_intolerance`` / ``standing_intolerance`` (mild): prolonged postures that aggravate
  the pain; the plan prefers mobility drills usable as movement breaks.

References
----------
.. [1] Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J (2007). Continued sports activity, using
   a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a
   randomized controlled study. Am J Sports Med 35(6):897-906. doi:10.1177/0363546506298279
"""

from __future__ import annotations

from spinewise.assessment.results import Consequence, Finding, Severity
from spinewise.catalog import Vocabulary
from spinewise.pain_bands import ACCEPTABLE_MAX_0_10, SAFE_MAX_0_10, pain_band
from spinewise.profile import Pain

__all__ = ["PAIN_SOURCE", "pain_findings", "sensitivities_of"]

PAIN_SOURCE = "Pain-monitoring zones (Silbernagel et al. 2007) [U]; level cap: spinewise"
REPORT_SOURCE = "athlete's report"
_RFD_NOTE = (
    "level cap while pain is this high; no jumps, throws or swings until pain is 2/10 or less"
)


def sensitivities_of(pain: Pain, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The vocabulary sensitivities in ``pain.aggravated_by``, in vocabulary order."""
    reported = set(pain.aggravated_by)
    return tuple(s for s in vocabulary.values("sensitivities") if s in reported)


def _ratings(pain: Pain) -> list[Finding]:
    out: list[Finding] = []
    now = pain.current
    band = pain_band(now)
    if now >= 1 and band == "safe":
        out.append(
            Finding(
                "pain_present",
                "info",
                f"Your pain now is {now}/10, in the safe range (0-{SAFE_MAX_0_10}/10). Rate it "
                "before, during and after each session; the plan adapts if it rises.",
                now,
                SAFE_MAX_0_10 + 1,
                PAIN_SOURCE,
                (Consequence("prefer", note="rate pain before, during and after each session"),),
                "/10",
            )
        )
    elif band == "acceptable":
        severity: Severity = "mild" if now == SAFE_MAX_0_10 + 1 else "moderate"
        out.append(
            Finding(
                "pain_current_acceptable",
                severity,
                f"Your pain now is {now}/10, in the acceptable range ({SAFE_MAX_0_10 + 1}-"
                f"{ACCEPTABLE_MAX_0_10}/10). Until it settles, the plan keeps to exercises of "
                "level 3 or below and leaves out jumps, throws and swings (they wait until your "
                f"pain is {SAFE_MAX_0_10}/10 or less).",
                now,
                SAFE_MAX_0_10 + 1,
                PAIN_SOURCE,
                (Consequence("level_cap", max_level=3, note=_RFD_NOTE),),
                "/10",
            )
        )
    elif band == "unacceptable":
        out.append(
            Finding(
                "pain_current_high",
                "marked",
                f"Your pain now is {now}/10, above {ACCEPTABLE_MAX_0_10}/10: more than the "
                "pain-monitoring model accepts. Until it settles, the plan keeps to gentle "
                "exercises of level 2 or below and leaves out jumps, throws and swings.",
                now,
                ACCEPTABLE_MAX_0_10 + 1,
                PAIN_SOURCE,
                (Consequence("level_cap", max_level=2, note=_RFD_NOTE),),
                "/10",
            )
        )
    if pain.worst_last_week > ACCEPTABLE_MAX_0_10:
        out.append(
            Finding(
                "pain_worst_week_high",
                "mild",
                f"Your worst pain in the last week was {pain.worst_last_week}/10, above 5/10, "
                "the top of the 'acceptable' range of the pain-monitoring model. The plan starts "
                "with exercises of level 3 or below.",
                pain.worst_last_week,
                5,
                PAIN_SOURCE,
                (Consequence("level_cap", max_level=3, note="level cap after a painful week"),),
                "/10",
            )
        )
    return out


def _aggravators(pain: Pain, vocabulary: Vocabulary) -> list[Finding]:
    out: list[Finding] = []
    meanings = vocabulary.sections["sensitivities"]
    for s in sensitivities_of(pain, vocabulary):
        out.append(
            Finding(
                f"aggravated_by_{s}",
                "mild",
                f"{s.replace('_', ' ').capitalize()} ({meanings[s]}) aggravates your pain, so the "
                "plan leaves out exercises that load it.",
                None,
                None,
                REPORT_SOURCE,
                (Consequence("avoid_sensitivity", sensitivity=s, note=f"no exercise loading {s}"),),
            )
        )
    if "prolonged_sitting" in pain.aggravated_by:
        out.append(
            Finding(
                "sitting_intolerance",
                "mild",
                "Long sitting aggravates your pain. Break it up with short walks or a mobility "
                "drill from your plan; the plan includes drills you can use as such breaks.",
                None,
                None,
                REPORT_SOURCE,
                (
                    Consequence(
                        "prefer",
                        pattern="mobility_drill",
                        note="mobility drills usable as breaks from sitting",
                    ),
                ),
            )
        )
    if "prolonged_standing" in pain.aggravated_by:
        out.append(
            Finding(
                "standing_intolerance",
                "mild",
                "Long standing aggravates your pain. Change position often; the plan includes "
                "mobility drills you can use as breaks from standing.",
                None,
                None,
                REPORT_SOURCE,
                (
                    Consequence(
                        "prefer",
                        pattern="mobility_drill",
                        note="mobility drills usable as breaks from standing",
                    ),
                ),
            )
        )
    return out


def pain_findings(pain: Pain, vocabulary: Vocabulary) -> list[Finding]:
    """Findings from pain ratings and aggravating movements and postures.

    Examples
    --------
    >>> from spinewise.catalog import load_vocabulary
    >>> p = Pain(current=4, worst_last_week=7, aggravated_by=("flexion", "prolonged_sitting"))
    >>> [(f.code, f.severity) for f in pain_findings(p, load_vocabulary())]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('pain_current_acceptable', 'moderate'), ('pain_worst_week_high', 'mild'),
     ('aggravated_by_flexion', 'mild'), ('sitting_intolerance', 'mild')]
    """
    return _ratings(pain) + _aggravators(pain, vocabulary)
