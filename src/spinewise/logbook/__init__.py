"""The training log as pure values: sessions, sets, pain, readiness, the backup document.

No database here: :mod:`spinewise.store` maps these values to tables, and the load and
adaptation packages read them.
"""

from spinewise.logbook.backup import (
    SCHEMA_VERSION,
    AssessmentRecord,
    Backup,
    BackupAthlete,
    CustomExercise,
    PlanRecord,
    ProfileRecord,
    parse_backup,
)
from spinewise.logbook.entries import (
    CUSTOM_PREFIX,
    PainScores,
    PlannedRef,
    Readiness,
    SessionLog,
    SetLog,
    future_problems,
)
from spinewise.logbook.matching import ExerciseMatcher, Match, custom_id
from spinewise.logbook.planned import PlannedItem, PlannedSession, planned_sessions

__all__ = [
    "CUSTOM_PREFIX",
    "SCHEMA_VERSION",
    "AssessmentRecord",
    "Backup",
    "BackupAthlete",
    "CustomExercise",
    "ExerciseMatcher",
    "Match",
    "PainScores",
    "PlanRecord",
    "PlannedItem",
    "PlannedRef",
    "PlannedSession",
    "ProfileRecord",
    "Readiness",
    "SessionLog",
    "SetLog",
    "custom_id",
    "future_problems",
    "parse_backup",
    "planned_sessions",
]
