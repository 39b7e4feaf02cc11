"""Import and export for one user: the store's importers and exporters on the user's athlete.

An uploaded file is written to a private temporary folder and read by the same importer as
``spinewise log import``; a backup is always restored into the user's own athlete, whatever
name the file gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from starlette.datastructures import UploadFile

from spinewise import services
from spinewise.catalog import load_catalog
from spinewise.errors import InputError
from spinewise.logbook import ExerciseMatcher
from spinewise.services import IMPORT_FORMATS, ImportReport
from spinewise.store.accounts import UserAccount
from spinewise.web.context import WebContext

__all__ = ["MAX_UPLOAD_BYTES", "export_text", "import_upload"]

#: The largest history file accepted [bytes].
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def export_text(ctx: WebContext, user: UserAccount, fmt: str) -> tuple[str, str, str]:
    """``(text, media type, file name)`` of the user's whole history."""
    out = services.export_history(ctx.store, user.athlete_name, fmt)
    return out.text, out.media_type, out.file_name


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
    if fmt not in IMPORT_FORMATS:
        raise InputError(f"format: must be one of {', '.join(IMPORT_FORMATS)}, got {fmt!r}")
    name = Path(upload.filename or "upload").name or "upload"
    path = folder / name
    with path.open("wb") as out:
        shutil.copyfileobj(upload.file, out, length=1 << 20)
    if path.stat().st_size > MAX_UPLOAD_BYTES:
        raise InputError(f"file: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    matcher = None if fmt == "json" else ExerciseMatcher(load_catalog())
    return services.import_history(
        ctx.store, path, fmt, user.athlete_name, matcher, dry_run=dry_run
    )
