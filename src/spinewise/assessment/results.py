"""The value objects of an assessment: screening result, findings and their consequences.

The planner reads :class:`Consequence` objects; people read ``summary`` and ``note``. All objects
are frozen and compare by value, so that the same profile always gives an equal assessment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, TypedDict

__all__ = [
    "SEVERITIES",
    "Assessment",
    "AssessmentJson",
    "Consequence",
    "ConsequenceJson",
    "ConsequenceKind",
    "Finding",
    "FindingJson",
    "ScreeningJson",
    "ScreeningReason",
    "ScreeningReasonJson",
    "ScreeningResult",
    "ScreeningStatus",
    "Severity",
    "StartBackJson",
    "StartBackResult",
    "StartBackRisk",
]

ScreeningStatus = Literal["clear", "see_clinician", "emergency"]
Severity = Literal["info", "mild", "moderate", "marked"]
SEVERITIES: tuple[Severity, ...] = ("info", "mild", "moderate", "marked")
ConsequenceKind = Literal[
    "extra_volume", "weaker_side", "every_session", "avoid_sensitivity", "level_cap", "prefer"
]
StartBackRisk = Literal["low", "medium", "high"]


# --- the JSON shapes of ``spinewise assess --format json`` (docs/contracts/README.md) ---------


class _ConsequenceTargets(TypedDict, total=False):
    quality: str
    region: str
    pattern: str
    side: Literal["left", "right"]
    sensitivity: str
    max_level: int
    sets: int


class ConsequenceJson(_ConsequenceTargets):
    """A :class:`Consequence` as JSON: targets that are not set are left out."""

    kind: ConsequenceKind
    note: str


class FindingJson(TypedDict):
    """A :class:`Finding` as JSON; numbers whole where they are whole."""

    code: str
    severity: Severity
    summary: str
    measured: float | int | None
    reference: float | int | None
    source: str
    unit: str
    consequences: list[ConsequenceJson]


class StartBackJson(TypedDict):
    """A :class:`StartBackResult` as JSON."""

    total: int
    distress: int
    risk: StartBackRisk


class ScreeningReasonJson(TypedDict):
    """One red flag that fired, as JSON."""

    flag: str
    why: str


class ScreeningJson(TypedDict):
    """A :class:`ScreeningResult` as JSON."""

    status: ScreeningStatus
    reasons: list[ScreeningReasonJson]
    cleared: bool


class AssessmentJson(TypedDict):
    """An :class:`Assessment` as JSON: the output of ``spinewise assess --format json``."""

    screening: ScreeningJson
    findings: list[FindingJson]
    sensitivities: list[str]
    start_back: StartBackJson | None


@dataclass(frozen=True)
class ScreeningReason:
    """One red flag that fired.

    Attributes
    ----------
    flag
        The profile's ``[screening]`` key, e.g. ``"saddle_numbness"``, or ``"severe_pain"``.
    why
        Plain words: what the flag may point to and what to do.
    clearable
        Whether a clinician's clearance on the profile lets a plan be made despite it; ``False``
        for signs that need care now (progressive weakness, severe pain).
    has_clearance
        Whether the profile gives a clinician's clearance for this flag.
    cleared_on
        The date of that clearance, when known.
    expired
        Whether that clearance is too old to count (more than 12 weeks).
    """

    flag: str
    why: str
    clearable: bool = True
    has_clearance: bool = False
    cleared_on: date | None = None
    expired: bool = False

    @property
    def cleared(self) -> bool:
        """Whether a valid (dated, recent) clearance covers this flag."""
        return self.clearable and self.has_clearance and not self.expired


@dataclass(frozen=True)
class ScreeningResult:
    """The outcome of red-flag screening.

    Attributes
    ----------
    status
        ``emergency`` if any cauda equina question was answered yes; otherwise ``see_clinician``
        if any other flag was; otherwise ``clear``.
    reasons
        One reason per flag that fired, emergency flags first.
    clinician_cleared
        Whether a valid clinician's clearance covers every flag that fired; it matters only for
        ``see_clinician``.
    """

    status: ScreeningStatus
    reasons: tuple[ScreeningReason, ...]
    clinician_cleared: bool = False

    @property
    def cleared(self) -> bool:
        """Tell whether a plan may be made.

        True for ``clear``, and for ``see_clinician`` with a clinician's clearance when every
        reason may be cleared; never for ``emergency``.

        Examples
        --------
        >>> ScreeningResult("emergency", (), clinician_cleared=True).cleared
        False
        >>> ScreeningResult("see_clinician", (), clinician_cleared=True).cleared
        True
        >>> urgent = ScreeningReason("progressive_leg_weakness", "...", clearable=False)
        >>> ScreeningResult("see_clinician", (urgent,), clinician_cleared=True).cleared
        False
        """
        if self.status == "emergency":
            return False
        if self.status == "clear":
            return True
        return self.clinician_cleared and all(r.clearable for r in self.reasons)


@dataclass(frozen=True)
class Consequence:
    """What a finding asks of the planner.

    An exercise serves a consequence when it has every target that is set (``quality``,
    ``region`` as a primary or secondary region, ``pattern``).

    Kinds
    -----
    ``extra_volume``
        ``sets`` more weekly sets of exercises serving the targets. When several findings ask
        for the same targets, the largest request is meant, not the sum.
    ``weaker_side``
        ``sets`` extra sets per session on ``side`` for unilateral exercises serving the
        targets.
    ``every_session``
        Every session includes at least one exercise serving the targets.
    ``avoid_sensitivity``
        No exercise that loads ``sensitivity``.
    ``level_cap``
        No exercise above ``max_level`` while this finding holds.
    ``prefer``
        Prefer exercises serving the targets; with no target it is advice for the athlete.
    """

    kind: ConsequenceKind
    quality: str | None = None
    region: str | None = None
    pattern: str | None = None
    side: Literal["left", "right"] | None = None
    sensitivity: str | None = None
    sets: int = 0
    max_level: int | None = None
    note: str = ""

    def to_json(self) -> ConsequenceJson:
        """The consequence as JSON, leaving out targets that are not set."""
        targets = _ConsequenceTargets()
        if self.quality is not None:
            targets["quality"] = self.quality
        if self.region is not None:
            targets["region"] = self.region
        if self.pattern is not None:
            targets["pattern"] = self.pattern
        if self.side is not None:
            targets["side"] = self.side
        if self.sensitivity is not None:
            targets["sensitivity"] = self.sensitivity
        if self.max_level is not None:
            targets["max_level"] = self.max_level
        if self.sets:
            targets["sets"] = self.sets
        return {"kind": self.kind, **targets, "note": self.note}


def _number(x: float | None) -> float | int | None:
    """A whole float as an int (110.0 -> 110); others rounded to 3 decimals."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 3)


@dataclass(frozen=True)
class Finding:
    """One thing the assessment found, with what it means for the plan.

    Attributes
    ----------
    code
        Stable identifier, e.g. ``extensor_endurance_low``.
    severity
        ``info``, ``mild``, ``moderate`` or ``marked``.
    summary
        Plain words for the athlete.
    measured
        The athlete's value (unit in ``unit``), or None when it is not a number.
    reference
        The value it was compared with (norm mean, threshold), or None.
    source
        Where the reference comes from (author year, or the project's convention).
    consequences
        What the planner does about it.
    unit
        Unit of ``measured`` and ``reference``: ``s``, ``ratio``, ``/10`` or ``score``.
    """

    code: str
    severity: Severity
    summary: str
    measured: float | None
    reference: float | None
    source: str
    consequences: tuple[Consequence, ...] = ()
    unit: str = ""

    def to_json(self) -> FindingJson:
        """The finding in the contract's shape, plus ``unit`` and ``consequences``."""
        return {
            "code": self.code,
            "severity": self.severity,
            "summary": self.summary,
            "measured": _number(self.measured),
            "reference": _number(self.reference),
            "source": self.source,
            "unit": self.unit,
            "consequences": [c.to_json() for c in self.consequences],
        }


@dataclass(frozen=True)
class StartBackResult:
    """STarT Back scores (Hill et al. 2008) from the user's own answers.

    Attributes
    ----------
    total
        Positive items, 0 to 9.
    distress
        Positive items of the psychosocial subscale (items 5 to 9), 0 to 5.
    risk
        ``high`` if ``distress`` >= 4; else ``low`` if ``total`` <= 3; else ``medium``.
    """

    total: int
    distress: int
    risk: StartBackRisk

    def to_json(self) -> StartBackJson:
        """The scores as JSON."""
        return {"total": self.total, "distress": self.distress, "risk": self.risk}


@dataclass(frozen=True)
class Assessment:
    """Screening, findings and movement sensitivities of one profile.

    Attributes
    ----------
    screening
        The red-flag screening result.
    findings
        Empty when screening found an emergency (seek care first: nothing else matters today).
    sensitivities
        Vocabulary sensitivities that aggravate the pain, in vocabulary order.
    start_back
        STarT Back scores when the profile has a ``[start_back]`` section.
    """

    screening: ScreeningResult
    findings: tuple[Finding, ...]
    sensitivities: tuple[str, ...]
    start_back: StartBackResult | None = None

    def finding(self, code: str) -> Finding | None:
        """Return the finding with ``code``, or None."""
        return next((f for f in self.findings if f.code == code), None)

    def to_json(self) -> AssessmentJson:
        """The JSON of ``spinewise assess --format json`` (docs/contracts/README.md).

        The contract's keys come first; ``screening.cleared``, ``findings[].unit``,
        ``findings[].consequences`` and ``start_back`` are additions.
        """
        return {
            "screening": {
                "status": self.screening.status,
                "reasons": [{"flag": r.flag, "why": r.why} for r in self.screening.reasons],
                "cleared": self.screening.cleared,
            },
            "findings": [f.to_json() for f in self.findings],
            "sensitivities": list(self.sensitivities),
            "start_back": None if self.start_back is None else self.start_back.to_json(),
        }
