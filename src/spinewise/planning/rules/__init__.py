"""One module per requirement (the cpsat-primer pattern): each rule adds its own constraints.

``ALL_RULES`` lists every rule; the planner builds the active ones for each week.
"""

from spinewise.planning.rules.ballistic import FootContacts
from spinewise.planning.rules.base import Rule
from spinewise.planning.rules.coverage import KeyRegions, ThreePlanes, WeeklyQualities
from spinewise.planning.rules.findings import FindingVolume
from spinewise.planning.rules.lifter import MainLifts
from spinewise.planning.rules.load import (
    DeloadVolume,
    HeavyCompressionSpacing,
    HeavyHingeSpacing,
)
from spinewise.planning.rules.patterns import (
    BalanceEverySession,
    MovementPatterns,
    OneVariantPerSession,
    PatternPerSession,
    SessionFill,
    WeeklyPatternSets,
)
from spinewise.planning.rules.signature import RotationalThrows, SignatureWork, SingleLegHinge
from spinewise.planning.rules.structure import (
    IsolatedShare,
    SessionStructure,
    SessionTime,
    UnilateralEachSession,
    WeeklyFrequency,
)
from spinewise.planning.rules.variety import VarietyRotation

__all__ = ["ALL_RULES", "Rule"]

ALL_RULES: tuple[Rule, ...] = (
    SessionTime(),
    SessionStructure(),
    WeeklyFrequency(),
    KeyRegions(),
    HeavyHingeSpacing(),
    HeavyCompressionSpacing(),
    DeloadVolume(),
    FootContacts(),
    VarietyRotation(),
    FindingVolume(),
    RotationalThrows(),
    ThreePlanes(),
    IsolatedShare(),
    WeeklyQualities(),
    UnilateralEachSession(),
    SingleLegHinge(),
    PatternPerSession(),
    OneVariantPerSession(),
    WeeklyPatternSets(),
    MovementPatterns(),
    SessionFill(),
    SignatureWork(),
    MainLifts(),
    BalanceEverySession(),
)
