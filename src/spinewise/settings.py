"""Settings read once at the edge (CLI, web app) and passed in; nothing reads them at import.

``SPINEWISE_DATABASE_URL`` names the database (a SQLAlchemy URL, e.g.
``postgresql+psycopg://user@host/db``); without it the training log is a SQLite file
``spinewise.db`` in the user's data directory (platformdirs), or in ``SPINEWISE_DATA_DIR``.

Examples
--------
>>> s = Settings(database_url="sqlite:///:memory:")
>>> s.resolved_database_url()
'sqlite:///:memory:'
>>> Settings(data_dir="/tmp/sw", database_url=None).resolved_database_url()
'sqlite:////tmp/sw/spinewise.db'
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DEFAULT_ATHLETE", "Settings", "load_settings"]

#: The name of the local athlete every command uses unless ``--athlete NAME`` names another.
DEFAULT_ATHLETE = "default"


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("spinewise", appauthor=False))


class Settings(BaseSettings):
    """Where spinewise keeps its data.

    Attributes
    ----------
    database_url
        A SQLAlchemy URL; ``None`` means the SQLite file in ``data_dir``.
    data_dir
        The user's data directory (platformdirs ``user_data_dir("spinewise")``).
    sqlite_busy_timeout_s
        How long a SQLite writer waits for another writer's lock [s].
    """

    model_config = SettingsConfigDict(env_prefix="SPINEWISE_", extra="ignore")

    database_url: str | None = None
    data_dir: Path = Field(default_factory=_default_data_dir)
    sqlite_busy_timeout_s: float = Field(default=30.0, gt=0, le=3600)

    def resolved_database_url(self) -> str:
        """Return the database URL, the default SQLite file when none is set."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'spinewise.db').as_posix()}"


def load_settings() -> Settings:
    """Read the settings from the environment (``SPINEWISE_*``)."""
    return Settings()
