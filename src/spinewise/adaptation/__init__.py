"""Adaptation: pain-monitoring and readiness rules, next-session adjustment, recommendations."""
