"""The packaged catalogue, checked once: a JSON copy under the user's cache folder.

Reading the catalogue's TOML files is most of the time a short command such as
``spinewise catalog list`` takes (decision 0130, amended). Once the packaged catalogue has passed
every check, its exercises and vocabulary are written as one JSON file named by a key: the
SHA-256 of every catalogue data file, of this package's source files (the model and the checks)
and of the Python and pydantic versions. The next start reads that file, and pydantic validates it
again from JSON (fast, in Rust), so nothing unchecked is ever used; any change to the data or to
the code that checks it gives a new key, and the catalogue is read and checked from the TOML
files again. A cache that cannot be read or written is silently skipped: it only saves time.
The few newest files are kept, so that installed versions sharing the folder do not replace
each other's on every start.

The folder is ``SPINEWISE_CACHE_DIR`` when set, else the user's cache folder (platformdirs
``user_cache_dir("spinewise")``).
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import VERSION as PYDANTIC_VERSION
from pydantic import BaseModel, ConfigDict, ValidationError

from spinewise.catalog.entities import Exercise

__all__ = ["KEEP", "CachedCatalog", "cache_dir", "cache_key", "cached"]

#: Raised to a new value when the cache file's layout changes.
_LAYOUT = "1"
_PREFIX = "catalog-"
#: Cache files kept (the newest): a few installed versions sharing the folder each keep theirs.
KEEP = 4


class CachedCatalog(BaseModel):
    """What the cache file holds: the checked catalogue, as it was built.

    Attributes
    ----------
    version
        The catalogue's content hash (recorded in every plan).
    vocabulary
        The vocabulary file as parsed (I/O edge: a TOML document).
    exercises
        The exercises, validated again when the file is read.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str
    vocabulary: dict[str, Any]
    exercises: tuple[Exercise, ...]


def _package_dir() -> Path:
    return Path(str(resources.files("spinewise.catalog")))


def cache_dir() -> Path:
    """Where the cached catalogue is kept."""
    given = os.environ.get("SPINEWISE_CACHE_DIR")
    if given:
        return Path(given)
    import platformdirs

    return Path(platformdirs.user_cache_dir("spinewise", appauthor=False))


def cache_key(package: Path | None = None) -> str:
    """The SHA-256 (hex) of the catalogue's data and source files and the library versions."""
    root = package or _package_dir()
    digest = hashlib.sha256(f"{_LAYOUT}\0{sys.version}\0{PYDANTIC_VERSION}\0".encode())
    files = sorted(root.glob("data/**/*.toml")) + sorted(root.glob("*.py"))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def cached(build: Callable[[], CachedCatalog], folder: Path | None = None) -> CachedCatalog:
    """The checked catalogue from the cache, else from ``build`` (then written to the cache).

    ``build`` reads and checks the TOML files and raises on any problem, so a catalogue with
    problems is never cached.
    """
    where = folder or cache_dir()
    path = where / f"{_PREFIX}{cache_key()[:32]}.json"
    try:
        return CachedCatalog.model_validate_json(path.read_bytes())
    except (OSError, ValueError, ValidationError):
        pass
    fresh = build()
    _write(path, fresh.model_dump_json().encode())
    return fresh


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole (a temporary file renamed); keep the :data:`KEEP` newest."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        kept = sorted(
            path.parent.glob(f"{_PREFIX}*.json"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in kept[KEEP:]:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return
