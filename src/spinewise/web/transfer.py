"""Import and export for one user: the store's importers and exporters on the user's athlete.

An uploaded file is copied into this process's own upload folder under a generated name (the
name the browser sent is never part of a path), counting bytes as it goes: past the limit the
copy stops and the request is refused (413). The importer reads the copy, which is removed
afterwards; folders left by processes that died mid-import are removed when the app starts.
A backup is always restored into the user's own athlete, whatever name the file gives.
Exports are streamed (see :mod:`spinewise.store.exporters`): memory stays bounded whatever the
size of the history.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from spinewise import services
from spinewise.catalog import load_catalog
from spinewise.errors import InputError
from spinewise.logbook import ExerciseMatcher
from spinewise.services import IMPORT_FORMATS, ImportReport, JobState
from spinewise.store.accounts import UserAccount
from spinewise.web.context import WebContext

__all__ = [
    "UploadTooLarge",
    "clean_uploads",
    "export_stream",
    "import_upload",
    "queue_upload",
    "shown_name",
    "upload_root",
]

_CHUNK = 1 << 20
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")


class UploadTooLarge(HTTPException):
    """The uploaded file passed the limit (413)."""

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(
            413,
            f"file: larger than the limit of {limit_bytes // (1024 * 1024)} MB; "
            "split the history or export a shorter period",
        )


def export_stream(ctx: WebContext, user: UserAccount, fmt: str) -> tuple[Iterator[str], str, str]:
    """``(chunks of text, media type, file name)`` of the user's whole history."""
    out = services.stream_history(ctx.store, user.athlete_name, fmt)
    return out.pieces, out.media_type, out.file_name


def upload_root(ctx: WebContext) -> Path:
    """The folder under which each server process keeps its uploads."""
    return ctx.web.upload_dir or (ctx.settings.data_dir / "uploads")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def clean_uploads(root: Path) -> int:
    """Remove the upload folders of processes that are gone; the number removed."""
    if not root.is_dir():
        return 0
    removed = 0
    for child in root.iterdir():
        if child.is_dir() and child.name.isdigit() and not _alive(int(child.name)):
            shutil.rmtree(child, ignore_errors=True)
            removed += 1
    return removed


def shown_name(raw: str | None) -> str:
    """The uploaded file's name as it is recorded and shown: no path, no control characters.

    >>> shown_name("../../etc/passwd"), shown_name(None), shown_name("a" * 300)[-3:]
    ('passwd', 'upload', 'aaa')
    """
    name = _UNSAFE.sub("_", (raw or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = name.encode("utf-8", "replace").decode("utf-8")
    name = name.strip(". ") or "upload"
    return name[:200]


def _kept_path(folder: Path, prefix: str, name: str) -> Path:
    """Where an upload is kept: a generated name (with a plain suffix) in ``folder``.

    The folder is created for its owner only; the sent name is never part of the path.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    suffix = Path(name).suffix.lower()
    return folder / f"{prefix}-{secrets.token_hex(12)}{suffix if _SUFFIX.match(suffix) else ''}"


def _copy_limited(source: BinaryIO, target: Path, limit_bytes: int) -> str:
    """Copy ``source`` to ``target`` chunk by chunk; :class:`UploadTooLarge` past the limit.

    Returns the SHA-256 of what was copied (hex), hashed on the way: the file is never held
    whole in memory.
    """
    copied = 0
    digest = hashlib.sha256()
    with target.open("xb") as out:
        while chunk := source.read(_CHUNK):
            copied += len(chunk)
            if copied > limit_bytes:
                raise UploadTooLarge(limit_bytes)
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def import_upload(
    ctx: WebContext,
    user: UserAccount,
    upload: UploadFile,
    fmt: str,
    *,
    dry_run: bool = False,
) -> ImportReport:
    """Import an uploaded file into the user's log (all or nothing)."""
    if fmt not in IMPORT_FORMATS:
        raise InputError(f"format: must be one of {', '.join(IMPORT_FORMATS)}, got {fmt[:40]!r}")
    name = shown_name(upload.filename)
    path = _kept_path(upload_root(ctx) / str(os.getpid()), "upload", name)
    try:
        _copy_limited(upload.file, path, ctx.web.max_upload_bytes)
        matcher = None if fmt == "json" else ExerciseMatcher(load_catalog())
        return services.import_history(
            ctx.store,
            path,
            fmt,
            user.athlete_name,
            matcher,
            dry_run=dry_run,
            today=ctx.now().date(),
            file_name=name,
        )
    finally:
        path.unlink(missing_ok=True)


def queue_upload(ctx: WebContext, user: UserAccount, upload: UploadFile, fmt: str) -> JobState:
    """Keep an upload for a background import and enqueue it; the job's state.

    The copy goes to ``jobs/`` under the upload folder (never cleaned at start: a job that is
    still queued needs it) under a generated name; the job removes it once the import is done.
    The same file uploaded twice is one job (the key holds its content's hash).
    """
    if ctx.jobs is None:
        raise InputError("background: this server runs imports in the request; leave it off")
    if fmt not in IMPORT_FORMATS:
        raise InputError(f"format: must be one of {', '.join(IMPORT_FORMATS)}, got {fmt[:40]!r}")
    name = shown_name(upload.filename)
    path = _kept_path(upload_root(ctx) / "jobs", "import", name)
    try:
        digest = _copy_limited(upload.file, path, ctx.web.max_upload_bytes)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    state = ctx.jobs.enqueue_import(
        path,
        fmt,
        user.athlete_name,
        digest,
        now=ctx.now(),
        athlete=user.athlete_id,
        owned=True,
        file_name=name,
    )
    if state.args.get("path") != str(path):
        path.unlink(missing_ok=True)  # the same file is already queued or imported
    return state
