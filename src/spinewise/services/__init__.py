"""The use cases, once: what the CLI and the web app call (they parse, call and render).

Every function takes its dependencies explicitly (a :class:`Store` handle, the athlete's id,
``today`` or ``now``) and returns typed values. Which session is next, which logged sessions
count and what "today" is are decided in :mod:`spinewise.services.schedule`.

The names below are imported on first use (module ``__getattr__``), so that importing one
service (``from spinewise.services import plan_for_profile``) does not import them all, nor the
database layer a command does not need (decision 0130).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spinewise.services.adapt import (
        AdaptationQueue,
        AdaptOutcome,
        Finished,
        adapt_plan,
        adapted_for,
        finish_session,
        progress_review_of,
        store_adaptation,
    )
    from spinewise.services.assessment import (
        CurrentProfile,
        assess_profile,
        current_profile,
        keep_draft,
        keep_weight_unit,
        save_profile,
    )
    from spinewise.services.checkin import (
        CHECKIN_QUESTIONS,
        MorningCheckIn,
        morning_checkin,
        record_checkin,
    )
    from spinewise.services.handle import Store
    from spinewise.services.jobs import (
        BackgroundQueue,
        JobArgs,
        JobResult,
        JobState,
        SessionAdaptation,
        adaptation_key,
        athlete_jobs,
        job_failed,
        job_started,
        job_state,
        needs_replan,
        pending_jobs,
        record_job,
        replan_key,
        run_adaptation,
        run_export,
        run_import,
        session_adaptation,
    )
    from spinewise.services.log import (
        ProgressInputs,
        athlete_named,
        check_exercises,
        delete_logged_session,
        exercise_record,
        history,
        history_page,
        log_session,
        log_size,
        planned_ref,
        progress_inputs,
        record_next_morning,
    )
    from spinewise.services.maxes import estimated_maxes_kg, with_log_maxes
    from spinewise.services.outcome import (
        DoneExercise,
        PainLine,
        SessionOutcome,
        VersionChanges,
        adapt_now,
        changes_of,
        last_sets,
        name_of,
        plan_change_log,
        session_changes,
        session_outcome,
    )
    from spinewise.services.plan_files import PlanFile, PlanFormat, plan_file
    from spinewise.services.plancache import PlanCache
    from spinewise.services.plans import (
        assess_and_plan,
        create_plan,
        done_sessions,
        measure_plan,
        newest_plan,
        plan_for_profile,
        store_plan,
        user_plan,
        user_plans,
    )
    from spinewise.services.recommend import (
        ForYou,
        RecommendInputs,
        plan_equipment,
        recommend_inputs,
        recommended,
        request_of,
    )
    from spinewise.services.retest import RetestOutcome, record_retest
    from spinewise.services.schedule import (
        DatedSession,
        Schedule,
        anchor_for,
        counts_as_done,
        dated_sessions,
        local_today,
        plan_schedule,
        sessions_that_count,
    )
    from spinewise.services.sessions import (
        NextItemJson,
        NextSession,
        NextSessionJson,
        SessionFields,
        discard_session,
        log_set,
        next_session,
        planned_view,
        schedule,
        start_session,
        user_session,
    )
    from spinewise.services.swap import (
        SwapOption,
        SwapOptions,
        swap_options,
        swapped_view,
    )
    from spinewise.services.transfer import (
        EXPORT_FORMATS,
        IMPORT_FORMATS,
        ExportFile,
        ExportStream,
        ImportReport,
        Progress,
        count_history,
        export_history,
        import_history,
        stream_history,
    )
    from spinewise.services.views import ItemView, SessionPlan, plan_session
    from spinewise.store import StoredPlan, StoredSession

#: Where each name of the package lives.
_HOME: dict[str, str] = {
    "AdaptOutcome": "spinewise.services.adapt",
    "AdaptationQueue": "spinewise.services.adapt",
    "Finished": "spinewise.services.adapt",
    "adapt_plan": "spinewise.services.adapt",
    "adapted_for": "spinewise.services.adapt",
    "finish_session": "spinewise.services.adapt",
    "progress_review_of": "spinewise.services.adapt",
    "store_adaptation": "spinewise.services.adapt",
    "CurrentProfile": "spinewise.services.assessment",
    "assess_profile": "spinewise.services.assessment",
    "current_profile": "spinewise.services.assessment",
    "keep_draft": "spinewise.services.assessment",
    "keep_weight_unit": "spinewise.services.assessment",
    "save_profile": "spinewise.services.assessment",
    "CHECKIN_QUESTIONS": "spinewise.services.checkin",
    "MorningCheckIn": "spinewise.services.checkin",
    "morning_checkin": "spinewise.services.checkin",
    "record_checkin": "spinewise.services.checkin",
    "Store": "spinewise.services.handle",
    "JobArgs": "spinewise.services.jobs",
    "JobResult": "spinewise.services.jobs",
    "JobState": "spinewise.services.jobs",
    "BackgroundQueue": "spinewise.services.jobs",
    "adaptation_key": "spinewise.services.jobs",
    "athlete_jobs": "spinewise.services.jobs",
    "job_failed": "spinewise.services.jobs",
    "job_started": "spinewise.services.jobs",
    "job_state": "spinewise.services.jobs",
    "needs_replan": "spinewise.services.jobs",
    "pending_jobs": "spinewise.services.jobs",
    "record_job": "spinewise.services.jobs",
    "replan_key": "spinewise.services.jobs",
    "run_adaptation": "spinewise.services.jobs",
    "run_export": "spinewise.services.jobs",
    "run_import": "spinewise.services.jobs",
    "SessionAdaptation": "spinewise.services.jobs",
    "session_adaptation": "spinewise.services.jobs",
    "ProgressInputs": "spinewise.services.log",
    "athlete_named": "spinewise.services.log",
    "check_exercises": "spinewise.services.log",
    "delete_logged_session": "spinewise.services.log",
    "history": "spinewise.services.log",
    "exercise_record": "spinewise.services.log",
    "history_page": "spinewise.services.log",
    "log_session": "spinewise.services.log",
    "log_size": "spinewise.services.log",
    "planned_ref": "spinewise.services.log",
    "progress_inputs": "spinewise.services.log",
    "record_next_morning": "spinewise.services.log",
    "estimated_maxes_kg": "spinewise.services.maxes",
    "with_log_maxes": "spinewise.services.maxes",
    "DoneExercise": "spinewise.services.outcome",
    "PainLine": "spinewise.services.outcome",
    "SessionOutcome": "spinewise.services.outcome",
    "VersionChanges": "spinewise.services.outcome",
    "adapt_now": "spinewise.services.outcome",
    "changes_of": "spinewise.services.outcome",
    "last_sets": "spinewise.services.outcome",
    "name_of": "spinewise.services.outcome",
    "plan_change_log": "spinewise.services.outcome",
    "session_changes": "spinewise.services.outcome",
    "session_outcome": "spinewise.services.outcome",
    "PlanCache": "spinewise.services.plancache",
    "assess_and_plan": "spinewise.services.profile_plans",
    "create_plan": "spinewise.services.plans",
    "done_sessions": "spinewise.services.plans",
    "measure_plan": "spinewise.services.profile_plans",
    "newest_plan": "spinewise.services.plans",
    "plan_for_profile": "spinewise.services.profile_plans",
    "store_plan": "spinewise.services.plans",
    "user_plan": "spinewise.services.plans",
    "user_plans": "spinewise.services.plans",
    "PlanFile": "spinewise.services.plan_files",
    "PlanFormat": "spinewise.services.plan_files",
    "plan_file": "spinewise.services.plan_files",
    "ForYou": "spinewise.services.recommend",
    "RecommendInputs": "spinewise.services.recommend",
    "plan_equipment": "spinewise.services.recommend",
    "recommended": "spinewise.services.recommend",
    "request_of": "spinewise.services.recommend",
    "recommend_inputs": "spinewise.services.recommend",
    "RetestOutcome": "spinewise.services.retest",
    "record_retest": "spinewise.services.retest",
    "DatedSession": "spinewise.services.schedule",
    "Schedule": "spinewise.services.schedule",
    "anchor_for": "spinewise.services.schedule",
    "counts_as_done": "spinewise.services.schedule",
    "dated_sessions": "spinewise.services.schedule",
    "local_today": "spinewise.services.schedule",
    "plan_schedule": "spinewise.services.schedule",
    "sessions_that_count": "spinewise.services.schedule",
    "NextItemJson": "spinewise.services.sessions",
    "NextSession": "spinewise.services.sessions",
    "NextSessionJson": "spinewise.services.sessions",
    "SessionFields": "spinewise.services.sessions",
    "discard_session": "spinewise.services.sessions",
    "log_set": "spinewise.services.sessions",
    "next_session": "spinewise.services.sessions",
    "planned_view": "spinewise.services.sessions",
    "schedule": "spinewise.services.sessions",
    "start_session": "spinewise.services.sessions",
    "user_session": "spinewise.services.sessions",
    "SwapOption": "spinewise.services.swap",
    "SwapOptions": "spinewise.services.swap",
    "swap_options": "spinewise.services.swap",
    "swapped_view": "spinewise.services.swap",
    "EXPORT_FORMATS": "spinewise.services.transfer",
    "ExportFile": "spinewise.services.transfer",
    "ExportStream": "spinewise.services.transfer",
    "IMPORT_FORMATS": "spinewise.services.transfer",
    "ImportReport": "spinewise.services.transfer",
    "Progress": "spinewise.services.transfer",
    "count_history": "spinewise.services.transfer",
    "export_history": "spinewise.services.transfer",
    "import_history": "spinewise.services.transfer",
    "stream_history": "spinewise.services.transfer",
    "ItemView": "spinewise.services.views",
    "SessionPlan": "spinewise.services.views",
    "plan_session": "spinewise.services.views",
    "StoredPlan": "spinewise.store",
    "StoredSession": "spinewise.store",
}


def __getattr__(name: str) -> Any:
    """Import ``name`` from its module the first time it is asked for."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """The package, whose service names win over submodules of the same name.

    ``schedule`` is both a submodule and a service (:func:`spinewise.services.sessions.schedule`);
    importing the submodule must not replace the service, as it did not when every name was
    imported up front.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _HOME and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "CHECKIN_QUESTIONS",
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "AdaptOutcome",
    "AdaptationQueue",
    "BackgroundQueue",
    "CurrentProfile",
    "DatedSession",
    "DoneExercise",
    "ExportFile",
    "ExportStream",
    "Finished",
    "ForYou",
    "ImportReport",
    "ItemView",
    "JobArgs",
    "JobResult",
    "JobState",
    "MorningCheckIn",
    "NextItemJson",
    "NextSession",
    "NextSessionJson",
    "PainLine",
    "PlanCache",
    "PlanFile",
    "PlanFormat",
    "Progress",
    "ProgressInputs",
    "RecommendInputs",
    "RetestOutcome",
    "Schedule",
    "SessionAdaptation",
    "SessionFields",
    "SessionOutcome",
    "SessionPlan",
    "Store",
    "StoredPlan",
    "StoredSession",
    "SwapOption",
    "SwapOptions",
    "VersionChanges",
    "adapt_now",
    "adapt_plan",
    "adaptation_key",
    "adapted_for",
    "anchor_for",
    "assess_and_plan",
    "assess_profile",
    "athlete_jobs",
    "athlete_named",
    "changes_of",
    "check_exercises",
    "count_history",
    "counts_as_done",
    "create_plan",
    "current_profile",
    "dated_sessions",
    "delete_logged_session",
    "discard_session",
    "done_sessions",
    "estimated_maxes_kg",
    "exercise_record",
    "export_history",
    "finish_session",
    "history",
    "history_page",
    "import_history",
    "job_failed",
    "job_started",
    "job_state",
    "keep_draft",
    "keep_weight_unit",
    "last_sets",
    "local_today",
    "log_session",
    "log_set",
    "log_size",
    "measure_plan",
    "morning_checkin",
    "name_of",
    "needs_replan",
    "newest_plan",
    "next_session",
    "pending_jobs",
    "plan_change_log",
    "plan_equipment",
    "plan_file",
    "plan_for_profile",
    "plan_schedule",
    "plan_session",
    "planned_ref",
    "planned_view",
    "progress_inputs",
    "progress_review_of",
    "recommend_inputs",
    "recommended",
    "record_checkin",
    "record_job",
    "record_next_morning",
    "record_retest",
    "replan_key",
    "request_of",
    "run_adaptation",
    "run_export",
    "run_import",
    "save_profile",
    "schedule",
    "session_adaptation",
    "session_changes",
    "session_outcome",
    "sessions_that_count",
    "start_session",
    "store_adaptation",
    "store_plan",
    "stream_history",
    "swap_options",
    "swapped_view",
    "user_plan",
    "user_plans",
    "user_session",
    "with_log_maxes",
]
