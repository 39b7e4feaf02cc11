"""Settings of the web app (``SPINEWISE_WEB_*``), read once at the edge.

Like :mod:`spinewise.settings`, nothing reads them at import.

Examples
--------
>>> WebSettings(cookie_secure=True).session_days
14
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["WebSettings"]


class WebSettings(BaseSettings):
    """How the web app runs.

    Attributes
    ----------
    cookie_secure
        Mark cookies ``Secure`` and send HSTS (set it behind HTTPS).
    session_days
        How long a login lasts [d].
    argon2_memory_kib, argon2_time_cost, argon2_parallelism
        argon2id parameters (pwdlib's defaults; RFC 9106).
    login_max_failures
        Failed logins of one e-mail from one address allowed per window.
    login_max_failures_per_address
        Failed logins from one address allowed per window.
    login_window_s
        The rate-limit window [s].
    signup_max_per_address
        Sign-ups allowed from one address per window (each costs an argon2 hash).
    login_max_failures_per_account
        Failed password checks of one account (from any address) allowed per window.
    max_body_bytes
        The largest request body of every route but imports [bytes].
    max_upload_bytes
        The largest import file [bytes].
    idle_minutes
        A session unused for this long ends [min].
    trusted_proxies
        Addresses of reverse proxies whose ``X-Forwarded-For`` is believed (uvicorn's
        ``forwarded_allow_ips``, comma-separated); empty: the header is ignored.
    upload_dir
        Where uploads wait while they are imported; by default ``uploads`` in the data folder.
    threads
        Worker threads for the routes that touch the database (the engine keeps as many
        connections open). Few threads suit one Python process: more only contend for the
        interpreter lock (bench/web_latency.py: 4 threads gave SQLite p99 12-15 ms at 200
        requests/s where 16 threads fell behind).
    """

    model_config = SettingsConfigDict(env_prefix="SPINEWISE_WEB_", extra="ignore")

    cookie_secure: bool = False
    session_days: int = Field(default=14, ge=1, le=365)
    argon2_memory_kib: int = Field(default=65536, ge=8, le=1 << 21)
    argon2_time_cost: int = Field(default=3, ge=1, le=20)
    argon2_parallelism: int = Field(default=4, ge=1, le=16)
    login_max_failures: int = Field(default=5, ge=1)
    login_max_failures_per_address: int = Field(default=50, ge=1)
    login_window_s: float = Field(default=900.0, gt=0)
    login_max_failures_per_account: int = Field(default=20, ge=1)
    signup_max_per_address: int = Field(default=10, ge=1)
    max_body_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    max_upload_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    idle_minutes: int = Field(default=120, ge=1, le=60 * 24 * 365)
    trusted_proxies: str = ""
    upload_dir: Path | None = None
    threads: int = Field(default=4, ge=1, le=256)
