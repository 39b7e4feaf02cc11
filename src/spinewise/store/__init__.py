"""Storage of the training log: SQLAlchemy tables, repositories, migrations, imports, exports.

Nothing connects at import: callers create an engine from settings
(:func:`create_engine_from_settings`), bring the schema up to date (:func:`ensure_current`) and
pass the engine in. Repository functions take an ORM session from :func:`writing` (one write
transaction) or :func:`reading`.
"""

from spinewise.store.engine import (
    DataError,
    Engine,
    IntegrityError,
    create_engine_from_settings,
    create_engine_from_url,
    reading,
    writing,
)
from spinewise.store.export_stream import iter_backup_json, iter_csv
from spinewise.store.exporters import backup_json, export_backup, export_csv
from spinewise.store.migrate import current_revision, ensure_current, head_revision, upgrade
from spinewise.store.plans import (
    StoredPlan,
    add_assessment,
    add_custom_exercises,
    add_profile,
    get_plan,
    latest_plan,
    list_assessments,
    list_custom_exercises,
    list_plans,
    list_profiles,
    logged_planned_sessions,
    save_plan,
)
from spinewise.store.sessions import (
    StoredSession,
    add_session,
    athlete_id,
    count_logged_sessions,
    count_sessions,
    delete_session,
    get_session,
    iter_sessions,
    list_sessions,
    page_sessions,
    set_next_morning_pain,
)

__all__ = [
    "DataError",
    "Engine",
    "IntegrityError",
    "StoredPlan",
    "StoredSession",
    "add_assessment",
    "add_custom_exercises",
    "add_profile",
    "add_session",
    "athlete_id",
    "backup_json",
    "count_logged_sessions",
    "count_sessions",
    "create_engine_from_settings",
    "create_engine_from_url",
    "current_revision",
    "delete_session",
    "ensure_current",
    "export_backup",
    "export_csv",
    "get_plan",
    "get_session",
    "head_revision",
    "iter_backup_json",
    "iter_csv",
    "iter_sessions",
    "latest_plan",
    "list_assessments",
    "list_custom_exercises",
    "list_plans",
    "list_profiles",
    "list_sessions",
    "logged_planned_sessions",
    "page_sessions",
    "reading",
    "save_plan",
    "set_next_morning_pain",
    "upgrade",
    "writing",
]
