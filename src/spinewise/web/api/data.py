"""``/api/v1/export`` and ``/api/v1/import``: the whole history out and in."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel

from spinewise.errors import InputError
from spinewise.web.api.common import responses
from spinewise.web.api.jobs import JobOut, job_out
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.transfer import export_stream, import_upload, queue_upload

__all__ = ["ExportFormat", "ImportOut", "router"]

router = APIRouter(tags=["data"])


class ExportFormat(StrEnum):
    """Formats of an export."""

    json = "json"
    csv = "csv"


class ImportFormat(StrEnum):
    """Formats an import reads."""

    strong = "strong"
    hevy = "hevy"
    liftosaur = "liftosaur"
    wger = "wger"
    json = "json"


class ImportOut(BaseModel):
    """What an import added and what it found already stored."""

    format: str
    dry_run: bool
    sessions_added: int
    sessions_merged: int
    sets_added: int
    sets_merged: int
    unrecognised: list[str]


@router.get(
    "/export",
    responses={
        **responses(401),
        200: {"content": {"application/json": {}, "text/csv": {}}, "description": "The file."},
    },
)
def export(
    ctx: CtxDep,
    user: CurrentUser,
    fmt: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.json,
) -> StreamingResponse:
    """All your data: the JSON backup (docs/contracts) or one CSV row per set (streamed)."""
    chunks, media, name = export_stream(ctx, user, fmt.value)
    return StreamingResponse(
        chunks, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.post(
    "/import",
    response_model=ImportOut,
    responses={
        **responses(401, 403, 413, 422),
        202: {"model": JobOut, "description": "Queued: follow it in /api/v1/jobs."},
    },
)
def import_history(
    ctx: CtxDep,
    user: CurrentUser,
    file: Annotated[UploadFile, File(description="The exported history.")],
    fmt: Annotated[ImportFormat, Form(alias="format")],
    dry_run: Annotated[bool, Form()] = False,
    background: Annotated[
        bool,
        Form(description="Import in the background (202 and a job) instead of in the request."),
    ] = False,
) -> Any:
    """Import a Strong, Hevy, Liftosaur or wger history, or a spinewise backup (all or nothing).

    With ``background`` the file is kept and imported by a job (the answer is 202 with the job,
    at once); ``GET /api/v1/jobs`` shows it running, then done with what it added.
    """
    if background:
        if dry_run:
            raise InputError("background: a dry run answers at once; leave background off")
        state = queue_upload(ctx, user, file, fmt.value)
        return JSONResponse(job_out(state).model_dump(), status_code=202)
    report = import_upload(ctx, user, file, fmt.value, dry_run=dry_run)
    counts: Any = report.counts
    return ImportOut(
        format=report.format,
        dry_run=report.dry_run,
        sessions_added=counts.sessions_added,
        sessions_merged=counts.sessions_merged,
        sets_added=counts.sets_added,
        sets_merged=counts.sets_merged,
        unrecognised=sorted({m.name for m in report.unrecognised}),
    )
