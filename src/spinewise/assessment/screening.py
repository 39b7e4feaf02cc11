"""Red-flag screening: the first step, which must never err in the unsafe direction.

The rules live in ``data/red_flags.toml`` with their sources. Any of the four cauda equina
questions gives ``emergency`` (seek emergency care today; no plan, whatever else the profile says,
even with ``cleared_by_clinician = true``). Any other flag gives ``see_clinician`` (a plan only
with ``cleared_by_clinician = true``, and never for a flag marked ``clearable = false``, such as a
leg that keeps getting weaker: that needs a doctor today). Severe pain is triaged the same way:
pain of :data:`SEVERE_PAIN_NOW` or more now, or :data:`SEVERE_PAIN_WORST` or more at worst in the
last week, means "see a clinician first" and no plan until the pain is lower [3]_. Otherwise the
result is ``clear``.

References
----------
.. [1] Finucane LM et al. (2020). International framework for red flags for potential serious
   spinal pathologies. J Orthop Sports Phys Ther 50(7):350-372. doi:10.2519/jospt.2020.9971
.. [2] Downie A et al. (2013). Red flags to screen for malignancy and fracture in patients with
   low back pain: systematic review. BMJ 347:f7095.
.. [3] Boonstra AM et al. (2016). Cut-off points for mild, moderate, and severe pain on the
   numeric rating scale for pain in patients with chronic musculoskeletal pain. Front Psychol
   7:1466. doi:10.3389/fpsyg.2016.01466. NRS 8 or more is severe (7 or more for people with low
   catastrophizing); the pair 7 now / 8 at worst is this project's choice within that range.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from spinewise.assessment.results import ScreeningReason, ScreeningResult
from spinewise.profile import SCREENING_FLAGS, Pain, ScreeningAnswers

__all__ = ["SEVERE_PAIN_NOW", "SEVERE_PAIN_WORST", "RedFlag", "load_red_flags", "screen"]

#: Pain now at or above which no plan is made until a clinician has seen the person [0-10].
SEVERE_PAIN_NOW = 7
#: Worst pain of the last week at or above which the same holds [0-10].
SEVERE_PAIN_WORST = 8


@dataclass(frozen=True)
class RedFlag:
    """One screening rule.

    Attributes
    ----------
    key
        The ``[screening]`` key of the profile.
    level
        ``emergency`` or ``see_clinician``.
    condition
        What it may point to (``cauda_equina``, ``fracture``, ...), never a diagnosis.
    question
        The question in plain words (asked by ``spinewise assess --interactive``).
    why
        Plain words: why it matters and what to do.
    sources
        Full citations.
    certainty
        How sure the rule's source is.
    clearable
        Whether ``cleared_by_clinician`` lifts it (``False``: it needs care now).
    """

    key: str
    level: Literal["emergency", "see_clinician"]
    condition: str
    question: str
    why: str
    sources: tuple[str, ...]
    certainty: str
    clearable: bool = True


@cache
def load_red_flags() -> tuple[RedFlag, ...]:
    """Load the rules of ``data/red_flags.toml`` in file order (emergency flags first).

    Examples
    --------
    >>> for flag in load_red_flags()[:5]:
    ...     print(flag.level, flag.key)
    emergency saddle_numbness
    emergency new_bladder_or_bowel_change
    emergency new_sexual_dysfunction
    emergency bilateral_leg_weakness_or_numbness
    see_clinician progressive_leg_weakness
    """
    text = resources.files("spinewise.assessment").joinpath("data/red_flags.toml").read_text()
    raw = tomllib.loads(text)
    cites = raw["sources"]
    flags = tuple(
        RedFlag(
            key=f["key"],
            level=f["level"],
            condition=f["condition"],
            question=f["question"],
            why=f["why"],
            sources=tuple(cites[s] for s in f["sources"]),
            certainty=f["certainty"],
            clearable=f.get("clearable", True),
        )
        for f in raw["flag"]
    )
    if tuple(f.key for f in flags) != SCREENING_FLAGS:
        raise RuntimeError("red_flags.toml does not list exactly the profile's screening flags")
    return flags


def _severe_pain(pain: Pain) -> ScreeningReason | None:
    if pain.current < SEVERE_PAIN_NOW and pain.worst_last_week < SEVERE_PAIN_WORST:
        return None
    return ScreeningReason(
        "severe_pain",
        f"Your pain is severe ({pain.current}/10 now, {pain.worst_last_week}/10 at worst in the "
        f"last week). Pain this strong needs a clinician's assessment before an exercise plan: "
        f"see a doctor or physiotherapist first. Once your pain is below {SEVERE_PAIN_NOW}/10 now "
        f"and below {SEVERE_PAIN_WORST}/10 at worst, answer again and the plan can start.",
        clearable=False,
    )


def screen(answers: ScreeningAnswers, pain: Pain | None = None) -> ScreeningResult:
    """Screen the red-flag answers and, when given, the pain ratings.

    Parameters
    ----------
    answers
        The profile's ``[screening]`` answers.
    pain
        The profile's ``[pain]`` ratings: severe pain refers the person to a clinician.

    Returns
    -------
    ScreeningResult
        ``emergency`` if any cauda equina flag fired, else ``see_clinician`` if any flag fired,
        else ``clear``; one reason per fired flag, emergency flags first.

    Examples
    --------
    >>> from spinewise.profile import SCREENING_FLAGS
    >>> ok = ScreeningAnswers(**dict.fromkeys(SCREENING_FLAGS, False))
    >>> screen(ok).status
    'clear'
    >>> bad = ok.model_copy(update={"saddle_numbness": True, "cleared_by_clinician": True})
    >>> r = screen(bad)
    >>> r.status, r.cleared
    ('emergency', False)
    """
    fired = [flag for flag in load_red_flags() if getattr(answers, flag.key) is True]
    fired.sort(key=lambda f: 0 if f.level == "emergency" else 1)  # stable: file order within
    if any(f.level == "emergency" for f in fired):
        status: Literal["clear", "see_clinician", "emergency"] = "emergency"
    elif fired:
        status = "see_clinician"
    else:
        status = "clear"
    reasons = tuple(ScreeningReason(f.key, f.why, f.clearable) for f in fired)
    severe = None if pain is None else _severe_pain(pain)
    if severe is not None:
        reasons = (*reasons, severe)
        if status == "clear":
            status = "see_clinician"
    return ScreeningResult(status, reasons, clinician_cleared=answers.cleared_by_clinician)
