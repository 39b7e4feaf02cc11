"""Red-flag screening: the first step, which must never err in the unsafe direction.

The rules live in ``data/red_flags.toml`` with their sources. Any of the four cauda equina
questions gives ``emergency`` (seek emergency care today; no plan, whatever else the profile says).
Any other flag gives ``see_clinician``: a plan only when a clinician has cleared that flag, dated,
within the last :data:`CLEARANCE_VALID_DAYS` days (the ``[screening.clearances]`` table; the older
``cleared_by_clinician = true`` counts as a clearance of every flag present, dated on the plan's
start date), and never for a flag marked ``clearable = false``, such as a leg that keeps getting
weaker: that needs a doctor today. The 12-week validity is this project's convention [U]: a
clearance is for the situation the clinician saw, and 12 weeks is the length of a typical plan.
Severe pain is triaged the same way: pain of :data:`SEVERE_PAIN_NOW` or more now, or
:data:`SEVERE_PAIN_WORST` or more at worst in the last week, means "see a clinician first" and
no plan until the pain is lower [3]_. Otherwise the result is ``clear``.

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
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from spinewise.assessment.results import ScreeningReason, ScreeningResult
from spinewise.profile import SCREENING_FLAGS, Pain, ScreeningAnswers

__all__ = [
    "CLEARANCE_VALID_DAYS",
    "SEVERE_PAIN_NOW",
    "SEVERE_PAIN_WORST",
    "RedFlag",
    "load_red_flags",
    "screen",
]

#: Pain now at or above which no plan is made until a clinician has seen the person [0-10].
SEVERE_PAIN_NOW = 7
#: Worst pain of the last week at or above which the same holds [0-10].
SEVERE_PAIN_WORST = 8
#: How long a clinician's clearance of a flag counts [days]: 12 weeks (project's convention [U]).
CLEARANCE_VALID_DAYS = 84


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


def _with_clearance(
    reason: ScreeningReason, answers: ScreeningAnswers, on: date | None, legacy: date | None
) -> ScreeningReason:
    """The reason with its clearance date and whether that clearance is too old or not yet valid."""
    if not reason.clearable:
        return reason
    cleared_on = answers.clearances.get(reason.flag)
    if cleared_on is None and answers.cleared_by_clinician:
        # an old profile's undated clearance counts from the plan's start, at the latest today
        cleared_on = min(d for d in (legacy, on) if d is not None) if legacy or on else None
        if cleared_on is None:  # an old profile without any date: its age cannot be checked
            return replace(reason, has_clearance=True)
    if cleared_on is None:
        return reason
    reason = replace(reason, has_clearance=True)
    if on is None:
        return replace(reason, cleared_on=cleared_on)
    age_days = (on - cleared_on).days
    if age_days > CLEARANCE_VALID_DAYS:
        why = (
            f"{reason.why} Your clinician's clearance of {cleared_on:%d %B %Y} is more than 12 "
            "weeks old: please check with them again and give the new date."
        )
        return replace(reason, why=why, cleared_on=cleared_on, expired=True)
    if age_days < 0:
        why = f"{reason.why} The clearance is dated {cleared_on:%d %B %Y}, after today."
        return replace(reason, why=why, cleared_on=cleared_on, expired=True)
    return replace(reason, cleared_on=cleared_on)


def screen(
    answers: ScreeningAnswers,
    pain: Pain | None = None,
    *,
    today: date | None = None,
    plan_start: date | None = None,
) -> ScreeningResult:
    """Screen the red-flag answers and, when given, the pain ratings.

    Parameters
    ----------
    answers
        The profile's ``[screening]`` answers and clearances.
    pain
        The profile's ``[pain]`` ratings: severe pain refers the person to a clinician.
    today
        The day of the screening: a clearance older than :data:`CLEARANCE_VALID_DAYS` days on
        that day no longer counts. Without it, ``plan_start`` is the reference; without either,
        the age of a clearance is not checked.
    plan_start
        The plan's start date, the date of an old undated ``cleared_by_clinician = true``.

    Returns
    -------
    ScreeningResult
        ``emergency`` if any cauda equina flag fired, else ``see_clinician`` if any flag fired,
        else ``clear``; one reason per fired flag, emergency flags first, each with its clearance.

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
    >>> seen = {"history_of_cancer": date(2026, 9, 1)}
    >>> cancer = ok.model_copy(update={"history_of_cancer": True, "clearances": seen})
    >>> [screen(cancer, today=date(y, m, 1)).cleared for y, m in ((2026, 10), (2027, 1))]
    [True, False]
    """
    fired = [flag for flag in load_red_flags() if getattr(answers, flag.key) is True]
    fired.sort(key=lambda f: 0 if f.level == "emergency" else 1)  # stable: file order within
    if any(f.level == "emergency" for f in fired):
        status: Literal["clear", "see_clinician", "emergency"] = "emergency"
    elif fired:
        status = "see_clinician"
    else:
        status = "clear"
    on = today or plan_start
    reasons = tuple(
        _with_clearance(ScreeningReason(f.key, f.why, f.clearable), answers, on, plan_start)
        for f in fired
    )
    severe = None if pain is None else _severe_pain(pain)
    if severe is not None:
        reasons = (*reasons, severe)
        if status == "clear":
            status = "see_clinician"
    cleared = bool(reasons) and all(r.cleared for r in reasons)
    return ScreeningResult(status, reasons, clinician_cleared=cleared)
