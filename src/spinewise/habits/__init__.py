"""Daily habits between sessions: breathing, movement breaks, walking, recovery, the check-in.

:func:`build_habits` makes the ``habits`` section of a plan; :func:`checkin_guidance` turns a
morning check-in into plain advice. Doses and thresholds are data (``data/habits.toml``), each
citing its source; the reasoning is in ``docs/science/habits.md``.
"""

from spinewise.habits.breaks import break_menu, breaks_apply
from spinewise.habits.build import HABITS_SCHEMA_VERSION, build_habits
from spinewise.habits.checkin import (
    LEVELS,
    QUESTIONS,
    CheckIn,
    Guidance,
    Question,
    checkin_guidance,
    checkin_section,
)
from spinewise.habits.rules import HabitRules, load_habit_rules
from spinewise.habits.walking import WalkingWeek, walking_cap_min, walking_reasons, walking_weeks

__all__ = [
    "HABITS_SCHEMA_VERSION",
    "LEVELS",
    "QUESTIONS",
    "CheckIn",
    "Guidance",
    "HabitRules",
    "Question",
    "WalkingWeek",
    "break_menu",
    "breaks_apply",
    "build_habits",
    "checkin_guidance",
    "checkin_section",
    "load_habit_rules",
    "walking_cap_min",
    "walking_reasons",
    "walking_weeks",
]
