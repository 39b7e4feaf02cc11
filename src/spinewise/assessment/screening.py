"""Red-flag screening: the first step, which must never err in the unsafe direction.

The rules live in ``data/red_flags.toml`` with their sources. Any of the four cauda equina
questions gives ``emergency`` (seek emergency care today; no plan, whatever else the profile says,
even with ``cleared_by_clinician = true``). Any other flag gives ``see_clinician`` (a plan only
with ``cleared_by_clinician = true``). Otherwise the result is ``clear``.

References
----------
.. [1] Finucane LM et al. (2020). International framework for red flags for potential serious
   spinal pathologies. J Orthop Sports Phys Ther 50(7):350-372. doi:10.2519/jospt.2020.9971
.. [2] Downie A et al. (2013). Red flags to screen for malignancy and fracture in patients with
   low back pain: systematic review. BMJ 347:f7095.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from spinewise.assessment.results import ScreeningReason, ScreeningResult
from spinewise.profile import SCREENING_FLAGS, ScreeningAnswers

__all__ = ["RedFlag", "load_red_flags", "screen"]


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
    """

    key: str
    level: Literal["emergency", "see_clinician"]
    condition: str
    question: str
    why: str
    sources: tuple[str, ...]
    certainty: str


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
        )
        for f in raw["flag"]
    )
    if tuple(f.key for f in flags) != SCREENING_FLAGS:
        raise RuntimeError("red_flags.toml does not list exactly the profile's screening flags")
    return flags


def screen(answers: ScreeningAnswers) -> ScreeningResult:
    """Screen the red-flag answers.

    Parameters
    ----------
    answers
        The profile's ``[screening]`` answers.

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
    reasons = tuple(ScreeningReason(f.key, f.why) for f in fired)
    return ScreeningResult(status, reasons, clinician_cleared=answers.cleared_by_clinician)
