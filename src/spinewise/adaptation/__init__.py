"""Adaptation: pain-monitoring and readiness rules, next-session adjustment, recommendations."""

from spinewise.adaptation.decision import STATUS_MEANING, RuleDecision, Status
from spinewise.adaptation.pain import next_morning_response, pain_during, weekly_pain_trend
from spinewise.adaptation.readiness import Readiness, readiness

__all__ = [
    "STATUS_MEANING",
    "Readiness",
    "RuleDecision",
    "Status",
    "next_morning_response",
    "pain_during",
    "readiness",
    "weekly_pain_trend",
]
