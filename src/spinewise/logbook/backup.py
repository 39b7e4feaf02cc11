"""The full backup document (``spinewise log export --format json``), ``schema_version`` 1.

The shape is a contract (``docs/contracts/README.md``): ``schema_version``, ``athlete`` and
``sessions`` as documented there; ``custom_exercises``, ``plans``, ``profiles`` and
``assessments`` are added so that a backup holds everything the store holds.

Examples
--------
>>> doc = parse_backup({"schema_version": 1, "athlete": {"name": "ann"}, "sessions": []})
>>> doc.athlete.name
'ann'
>>> parse_backup({"schema_version": 2, "athlete": {"name": "ann"}, "sessions": []}, "b.json")
Traceback (most recent call last):
...
spinewise.errors.InputError: b.json: schema_version: Input should be 1, got 2
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    ValidationError,
)

from spinewise.errors import InputError
from spinewise.logbook.entries import CUSTOM_PREFIX, MAX_INDEX, SessionLog
from spinewise.planning.plan import Plan
from spinewise.validation import Text40, check_text

__all__ = [
    "SCHEMA_VERSION",
    "AssessmentRecord",
    "Backup",
    "BackupAthlete",
    "CustomExercise",
    "PlanRecord",
    "ProfileRecord",
    "format_validation_error",
    "parse_backup",
]

#: The backup schema version this code writes and reads.
SCHEMA_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BackupAthlete(_Frozen):
    """The athlete a backup belongs to."""

    name: Annotated[str, Field(min_length=1, max_length=120), AfterValidator(check_text)]


class CustomExercise(_Frozen):
    """An exercise the catalogue lacks, created when an import met an unknown name."""

    id: Annotated[str, Field(pattern=r"^custom:[a-z0-9_]+$", max_length=120)]
    name: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(check_text)]
    source: Text40 | None = None


def _read_plan(value: object) -> Plan:
    if isinstance(value, Plan):
        return value
    if not isinstance(value, Mapping):
        raise ValueError("must be a plan document (a JSON object)")
    try:
        return Plan.from_json(value)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ValueError(f"is not a plan document ({err})") from err


#: A plan in a backup: a :class:`Plan` in code, its JSON document in the file.
PlanField = Annotated[
    Plan, PlainValidator(_read_plan), PlainSerializer(lambda p: p.to_json(), return_type=dict)
]


class PlanRecord(_Frozen):
    """One stored version of a plan (its JSON form: ``docs/contracts/plan.schema.json``)."""

    version: Annotated[int, Field(ge=1, le=MAX_INDEX)]
    created_at: datetime
    seed: Annotated[int, Field(ge=-(2**63), le=2**63 - 1)] | None = None
    plan: PlanField


class ProfileRecord(_Frozen):
    """The athlete profile as it was at ``recorded_at`` (same structure as the TOML)."""

    recorded_at: datetime
    # I/O edge: the profile JSON as stored (DB JSON column, backup file), kept as written so
    # that profiles of every earlier version load; parse_profile reads it.
    profile: dict[str, Any]


class AssessmentRecord(_Frozen):
    """An assessment result (the ``assess --format json`` shape) at ``recorded_at``."""

    recorded_at: datetime
    # I/O edge: the assessment JSON as stored (DB JSON column, backup file); older results lack
    # keys added since (AssessmentJson is the newest shape).
    result: dict[str, Any]


class Backup(_Frozen):
    """Everything stored for one athlete."""

    schema_version: Literal[1]
    athlete: BackupAthlete
    sessions: tuple[SessionLog, ...]
    custom_exercises: tuple[CustomExercise, ...] = ()
    plans: tuple[PlanRecord, ...] = ()
    profiles: tuple[ProfileRecord, ...] = ()
    assessments: tuple[AssessmentRecord, ...] = ()

    def referenced_custom_ids(self) -> set[str]:
        """Custom exercise ids that the sessions use."""
        return {
            s.exercise_id
            for session in self.sessions
            for s in session.sets
            if s.exercise_id.startswith(CUSTOM_PREFIX)
        }


def _loc(parts: Sequence[int | str]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def _shown(value: object, limit: int = 100) -> str:
    """``repr`` of a value, cut short (a bad 100 MB field is not repeated back)."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def format_validation_error(err: ValidationError, source: str | None = None) -> list[str]:
    """One line per problem: ``SOURCE: path.to[3].field: message, got VALUE``."""
    prefix = f"{source}: " if source else ""
    lines = []
    for item in err.errors(include_url=False):
        got = item.get("input")
        tail = (
            "" if item["type"] == "missing" or isinstance(got, Mapping) else f", got {_shown(got)}"
        )
        lines.append(f"{prefix}{_loc(item['loc'])}: {item['msg']}{tail}")
    return lines


def parse_backup(data: object, source: str | None = None) -> Backup:
    """Validate a backup document.

    Raises
    ------
    InputError
        One line per problem naming the field path, the problem and the value.
    """
    try:
        return Backup.model_validate(data)
    except ValidationError as err:
        raise InputError(format_validation_error(err, source)) from None
