"""Request and response bodies of the JSON API (never table rows).

Requests forbid unknown fields; responses name every field the API promises. The plan and the
assessment keep the shapes of ``spinewise plan --format json`` and ``spinewise assess --format
json`` (docs/contracts), so their models allow the fields those documents add.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from spinewise.logbook import SessionLog, SetLog
from spinewise.logbook.entries import EARLIEST_LOG, LATEST_LOG
from spinewise.units import WeightUnit
from spinewise.validation import Text5000, check_text
from spinewise.web.password_policy import policy_check

__all__ = [
    "AssessmentOut",
    "Credentials",
    "Email",
    "LoginOut",
    "MeOut",
    "NewPassword",
    "NextMorningIn",
    "Password",
    "PlanCreate",
    "PlanOut",
    "PlanSummary",
    "PlannedItemOut",
    "ProblemDetail",
    "ProfileOut",
    "SessionFinish",
    "SessionOut",
    "SetOut",
    "SignUpIn",
    "TodayOut",
]

Email = Annotated[
    str,
    Field(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
    AfterValidator(check_text),
]
#: A password as sent: the policy (length, common passwords) is checked by the sign-up itself.
Password = Annotated[str, Field(min_length=1, max_length=1024), AfterValidator(check_text)]
#: A new password: the policy of :mod:`spinewise.web.password_policy` (the pages use it too).
NewPassword = Annotated[
    str, Field(max_length=1024), AfterValidator(check_text), AfterValidator(policy_check)
]
Pain = Annotated[int, Field(ge=0, le=10)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Credentials(_In):
    """Sign-up and log-in: an e-mail address and a password (sign-up checks its policy)."""

    email: Email
    password: Password


class SignUpIn(_In):
    """Sign-up: an e-mail address and a password of 10+ characters that is not easy to guess."""

    email: Email
    password: NewPassword


class MeOut(BaseModel):
    """Who is logged in."""

    email: str


class WeightUnitIn(_In):
    """The unit the web pages show and take weights in: "kg" or "lb" (the API stays in kg)."""

    weight_unit: WeightUnit


class WeightUnitOut(BaseModel):
    """The unit the user's web pages show and take weights in (every API weight is in kg)."""

    weight_unit: WeightUnit


class LoginOut(BaseModel):
    """A new session: send ``csrf_token`` in ``X-CSRF-Token`` with every state change."""

    email: str
    csrf_token: str


class ProblemItem(BaseModel):
    """One problem of a request: the field's path and a line naming field, value and range."""

    loc: list[str | int]
    field: str
    msg: str
    type: str


class ProblemDetail(BaseModel):
    """An error: one item per problem (422), or a single message."""

    detail: list[ProblemItem] | str


class ScreeningOut(_Open):
    """Screening: ``clear``, ``see_clinician`` or ``emergency`` and the flags that fired."""

    status: Literal["clear", "see_clinician", "emergency"]
    # I/O edge: HTTP body; the JSON of Assessment.to_json (ScreeningJson), passed through as is
    # so that the OpenAPI document stays as it is.
    reasons: list[dict[str, Any]]
    cleared: bool


class AssessmentOut(_Open):
    """The assessment, as ``spinewise assess --format json``."""

    screening: ScreeningOut
    # I/O edge: HTTP body; FindingJson items of Assessment.to_json, passed through as is.
    findings: list[dict[str, Any]]
    sensitivities: list[str]


class ProfileOut(BaseModel):
    """The stored profile (same structure as the TOML) and when it was saved."""

    recorded_at: datetime
    # I/O edge: HTTP body; the profile JSON as stored (a DB JSON column), passed through as is.
    profile: dict[str, Any]
    assessment: AssessmentOut | None


class PlanCreate(_In):
    """Options of a new plan; the profile gives the rest."""

    weeks: Annotated[int, Field(ge=4, le=16)] | None = None
    seed: Annotated[int, Field(ge=0, le=2**31 - 1)] | None = None


class RetestIn(_In):
    """A retest's hold times [s]; a test not repeated is left out (the profile keeps its value)."""

    trunk_flexor_s: float | None = None
    trunk_extensor_s: float | None = None
    side_bridge_right_s: float | None = None
    side_bridge_left_s: float | None = None
    single_leg_stance_eyes_open_s: float | None = None
    single_leg_stance_eyes_closed_s: float | None = None


class RetestOut(BaseModel):
    """What a retest did: the re-planned version (if weeks were left) and why."""

    plan_id: int | None
    version: int | None
    reason: str


class PlanOut(_Open):
    """A stored plan: the plan JSON (docs/contracts/plan.schema.json) with its ``id``."""

    id: int
    version: int
    created_at: datetime
    schema_version: int
    # I/O edge: HTTP body; the plan JSON's own sections (docs/contracts/plan.schema.json), as
    # Plan.to_json writes them.
    generated_by: dict[str, Any]
    athlete: dict[str, Any]
    findings: list[dict[str, Any]]
    solver: dict[str, Any]  # I/O edge, as generated_by
    weeks: list[dict[str, Any]]  # I/O edge, as generated_by


class PlanSummary(BaseModel):
    """A plan in a list."""

    id: int
    version: int
    created_at: datetime
    weeks: int
    seed: int | None


class SessionOut(SessionLog):
    """A stored session (the backup shape) with its ``id``."""

    id: int


class SetOut(SetLog):
    """A stored set with its ``id`` and its session's."""

    id: int
    session_id: int


class SessionFinish(_In):
    """What is asked after a session; every field is optional."""

    duration_min: Annotated[float, Field(ge=0, le=24 * 60)] | None = None
    session_rpe: Pain | None = None
    pain_before: Pain | None = None
    pain_during: Pain | None = None
    pain_after: Pain | None = None
    pain_next_morning: Pain | None = None
    notes: Text5000 | None = None


class NextMorningIn(_In):
    """Back pain the morning after the sessions of ``date``."""

    date: Annotated[dt.date, Field(ge=EARLIEST_LOG.date(), lt=LATEST_LOG.date())]
    pain: Pain


class PlannedItemOut(BaseModel):
    """One prescribed exercise of today's session."""

    block: str
    exercise_id: str
    name: str
    sets: int
    reps: int | None
    hold_s: float | None
    distance_m: float | None
    per_side: bool
    tempo: str | None
    rest_s: int
    intensity_kind: str
    intensity_value: float | None
    loading: str | None
    cues: list[str]
    why: list[str]


class TodayOut(BaseModel):
    """Today's planned session (``planned`` false: the next one, started early)."""

    date: dt.date
    plan_id: int
    plan_version: int
    week: int
    session: int
    planned_date: dt.date | None
    planned: bool
    estimated_minutes: float | None
    items: list[PlannedItemOut]
