"""Adaptation: pain-monitoring and readiness rules, next-session adjustment, recommendations."""

from spinewise.adaptation.coverage import Coverage, coverage_of, item_coverage, week_needs
from spinewise.adaptation.decision import STATUS_MEANING, RuleDecision, Status
from spinewise.adaptation.pain import next_morning_response, pain_during, weekly_pain_trend
from spinewise.adaptation.readiness import Readiness, readiness
from spinewise.adaptation.recommend import Recommendation, next_session, recommended_for_you
from spinewise.adaptation.substitutes import Substitute, substitutes, you_may_also_like

__all__ = [
    "STATUS_MEANING",
    "Coverage",
    "Readiness",
    "Recommendation",
    "RuleDecision",
    "Status",
    "Substitute",
    "coverage_of",
    "item_coverage",
    "next_morning_response",
    "next_session",
    "pain_during",
    "readiness",
    "recommended_for_you",
    "substitutes",
    "week_needs",
    "weekly_pain_trend",
    "you_may_also_like",
]
