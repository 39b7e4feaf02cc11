"""The use cases, once: what the CLI and the web app call (they parse, call and render).

Every function takes its dependencies explicitly (a :class:`Store` handle, the athlete's id,
``today`` or ``now``) and returns typed values. Which session is next, which logged sessions
count and what "today" is are decided in :mod:`spinewise.services.schedule`.
"""

from spinewise.services.adapt import (
    AdaptOutcome,
    Finished,
    adapt_plan,
    finish_session,
    store_adaptation,
)
from spinewise.services.assessment import (
    CurrentProfile,
    assess_profile,
    current_profile,
    keep_draft,
    save_profile,
)
from spinewise.services.handle import Store
from spinewise.services.log import (
    ProgressInputs,
    athlete_named,
    check_exercises,
    history,
    log_session,
    planned_ref,
    progress_inputs,
    record_next_morning,
)
from spinewise.services.plancache import PlanCache
from spinewise.services.plans import (
    assess_and_plan,
    create_plan,
    done_sessions,
    newest_plan,
    plan_for_profile,
    store_plan,
    user_plan,
    user_plans,
)
from spinewise.services.recommend import RecommendInputs, recommend_inputs
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
    NextSession,
    discard_session,
    log_set,
    next_session,
    planned_view,
    schedule,
    start_session,
    user_session,
)
from spinewise.services.transfer import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    ExportFile,
    ImportReport,
    Progress,
    export_history,
    import_history,
)
from spinewise.services.views import ItemView, SessionPlan, plan_session
from spinewise.store import StoredPlan, StoredSession

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "AdaptOutcome",
    "CurrentProfile",
    "DatedSession",
    "ExportFile",
    "Finished",
    "ImportReport",
    "ItemView",
    "NextSession",
    "PlanCache",
    "Progress",
    "ProgressInputs",
    "RecommendInputs",
    "Schedule",
    "SessionPlan",
    "Store",
    "StoredPlan",
    "StoredSession",
    "adapt_plan",
    "anchor_for",
    "assess_and_plan",
    "assess_profile",
    "athlete_named",
    "check_exercises",
    "counts_as_done",
    "create_plan",
    "current_profile",
    "dated_sessions",
    "discard_session",
    "done_sessions",
    "export_history",
    "finish_session",
    "history",
    "import_history",
    "keep_draft",
    "local_today",
    "log_session",
    "log_set",
    "newest_plan",
    "next_session",
    "plan_for_profile",
    "plan_schedule",
    "plan_session",
    "planned_ref",
    "planned_view",
    "progress_inputs",
    "recommend_inputs",
    "record_next_morning",
    "save_profile",
    "schedule",
    "sessions_that_count",
    "start_session",
    "store_adaptation",
    "store_plan",
    "user_plan",
    "user_plans",
    "user_session",
]
