"""Import and export for one user: the store's importers and exporters on the user's athlete.

An uploaded file is written to a private temporary folder and read by the same importer as
``spinewise log import``; a backup is always restored into the user's own athlete, whatever
name the file gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from starlette.datastructures import UploadFile

from spinewise.catalog import load_catalog
from spinewise.errors import InputError
from spinewise.logbook import ExerciseMatcher
from spinewise.store import backup_json, export_backup, export_csv
from spinewise.store.accounts import UserAccount
from spinewise.store.importers import FORMATS, ImportReport, import_backup, import_file
from spinewise.web.context import WebContext

__all__ = ["MAX_UPLOAD_BYTES", "export_text", "import_upload"]

#: The largest history file accepted [bytes].
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def export_text(ctx: WebContext, user: UserAccount, fmt: str) -> tuple[str, str, str]:
    """``(text, media type, file name)`` of the user's whole history."""
    backup = export_backup(ctx.engine, user.athlete_name)
    if fmt == "csv":
        return export_csv(backup), "text/csv; charset=utf-8", "spinewise-history.csv"
    return backup_json(backup), "application/json", "spinewise-backup.json"


def import_upload(
    ctx: WebContext,
    user: UserAccount,
    upload: UploadFile,
    fmt: str,
    folder: Path,
    *,
    dry_run: bool = False,
) -> ImportReport:
    """Import an uploaded file into the user's log (all or nothing)."""
    if fmt not in FORMATS:
        raise InputError(f"format: must be one of {', '.join(FORMATS)}, got {fmt!r}")
    name = Path(upload.filename or "upload").name or "upload"
    path = folder / name
    with path.open("wb") as out:
        shutil.copyfileobj(upload.file, out, length=1 << 20)
    if path.stat().st_size > MAX_UPLOAD_BYTES:
        raise InputError(f"file: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    if fmt == "json":
        return import_backup(ctx.engine, path, user.athlete_name, dry_run=dry_run)
    return import_file(
        ctx.engine, path, fmt, user.athlete_name, ExerciseMatcher(load_catalog()), dry_run=dry_run
    )
