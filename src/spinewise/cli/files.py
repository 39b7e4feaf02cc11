"""Writing ``--out`` files safely: only a regular file or a new path, atomically.

The text goes to a temporary file in the same folder, which is flushed to disk and then renamed
over the target (``os.replace``), so a reader sees the old file or the new one, never half of
one; on any failure the temporary file is removed and the target is untouched. A target that
exists but is not a regular file (a folder, a device, a pipe) is refused. Operating-system
errors become one line naming the file, with exit 2.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from spinewise.errors import InputError

__all__ = ["atomic_out", "check_out", "os_error_line", "write_out"]


def os_error_line(err: OSError, label: str = "file") -> str:
    """One line for an operating-system error: the file and what went wrong.

    >>> os_error_line(PermissionError(13, "Permission denied", "/root/x.csv"), "--out")
    '--out: cannot write /root/x.csv: Permission denied'
    """
    name = err.filename if err.filename is not None else "the file"
    return f"{label}: cannot write {name}: {err.strerror or err}"


def check_out(path: Path) -> None:
    """Refuse a target that exists and is not a regular file (links are followed)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as err:
        raise InputError(os_error_line(err, "--out")) from None
    if not stat.S_ISREG(mode):
        raise InputError(
            f"--out: {path} exists and is not a regular file; choose a file name or a new path"
        )


@contextmanager
def atomic_out(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A handle whose contents replace ``path`` when the block ends without error."""
    check_out(path)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:100]}.", suffix=".tmp")
        with (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        ) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as err:
        raise InputError(os_error_line(err, "--out")) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def write_out(path: Path, content: str | bytes | Iterable[str]) -> None:
    """Write text, bytes or pieces of text to ``path`` atomically."""
    binary = isinstance(content, bytes)
    with atomic_out(path, binary=binary) as handle:
        if isinstance(content, str | bytes):
            handle.write(content)
        else:
            for piece in content:
                handle.write(piece)
