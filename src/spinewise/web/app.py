"""The app factory: ``create_app(settings, *, engine=None)``; nothing connects at import.

Examples
--------
>>> from spinewise.settings import Settings
>>> app = create_app(Settings(database_url="sqlite:///:memory:"), migrate=False)
>>> app.title
'spinewise'
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import PlainTextResponse
from fastapi.staticfiles import StaticFiles

from spinewise import __version__
from spinewise.profile import Profile
from spinewise.services import BackgroundQueue
from spinewise.settings import Settings
from spinewise.store import Engine, create_engine_from_settings, ensure_current
from spinewise.web.api import PREFIX as API_PREFIX
from spinewise.web.api import ROUTERS as API_ROUTERS
from spinewise.web.api.profile import PROFILE_PATH, PROFILE_SCHEMA_REF
from spinewise.web.context import WebContext
from spinewise.web.deps import csrf_protect
from spinewise.web.errors import install_error_handlers
from spinewise.web.limits import BodyLimitMiddleware
from spinewise.web.options import WebSettings
from spinewise.web.pages import ROUTERS as PAGE_ROUTERS
from spinewise.web.security import LoginRateLimiter, PasswordService, SecurityHeadersMiddleware
from spinewise.web.templating import make_templates
from spinewise.web.transfer import clean_uploads, upload_root

__all__ = ["create_app"]

WEB_DIR = Path(str(resources.files("spinewise.web")))
#: The routes that take a history file (a larger body limit).
IMPORT_PATHS = frozenset({f"{API_PREFIX}/import", "/data/import"})


def _local_now() -> datetime:
    return datetime.now()


def _lifespan(threads: int) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Size the worker-thread pool of sync routes to the database connection pool."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    return lifespan


# I/O edge (here and in ``openapi``): the OpenAPI document, JSON as FastAPI builds and serves it.
def _profile_components() -> dict[str, Any]:
    """The profile's JSON schema as OpenAPI components (``Profile`` and ``Profile_*``)."""
    schema = Profile.model_json_schema(ref_template="#/components/schemas/Profile_{model}")
    defs = schema.pop("$defs", {})
    out = {f"Profile_{name}": value for name, value in defs.items()}
    out["Profile"] = schema
    return out


def _install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:  # I/O edge: the OpenAPI document
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        doc.setdefault("components", {}).setdefault("schemas", {}).update(_profile_components())
        body = doc["paths"][PROFILE_PATH]["put"]["requestBody"]
        body["content"]["application/json"]["schema"] = {"$ref": PROFILE_SCHEMA_REF}
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(
    settings: Settings,
    *,
    engine: Engine | None = None,
    web: WebSettings | None = None,
    now: Callable[[], datetime] | None = None,
    monotonic: Callable[[], float] | None = None,
    migrate: bool = True,
    jobs: BackgroundQueue | None = None,
    limiter: LoginRateLimiter | None = None,
) -> FastAPI:
    """Make the web app.

    Parameters
    ----------
    settings
        Where the data lives (used when no ``engine`` is given).
    engine
        The database; by default the one the settings name, created here.
    web
        The web app's own settings (cookies, sessions, argon2, rate limits).
    now
        Local wall-clock time (tests pass a fixed clock).
    monotonic
        The rate limiter's clock [s].
    migrate
        Bring the database schema up to date first.
    jobs
        Where finished sessions' adaptations go (``spinewise.jobs``); none: in the request.
    limiter
        The login limiter (a shared one when several processes serve); none: in-process.
    """
    web = web or WebSettings()
    if engine is None:
        engine = create_engine_from_settings(settings, pool_size=web.threads)
    if migrate:
        ensure_current(engine)
    ctx = WebContext(
        engine=engine,
        settings=settings,
        web=web,
        passwords=PasswordService(
            memory_kib=web.argon2_memory_kib,
            time_cost=web.argon2_time_cost,
            parallelism=web.argon2_parallelism,
        ),
        limiter=limiter
        or LoginRateLimiter(
            max_failures=web.login_max_failures,
            max_failures_per_address=web.login_max_failures_per_address,
            max_failures_per_account=web.login_max_failures_per_account,
            max_signups_per_address=web.signup_max_per_address,
            window_s=web.login_window_s,
            clock=monotonic or time.monotonic,
        ),
        now=now or _local_now,
        jobs=jobs,
    )
    app = FastAPI(
        title="spinewise",
        version=__version__,
        description=(
            "Builds durable lower backs: screening, torso-endurance assessment, periodized "
            "plans, a training log. Not a medical device; it never diagnoses. Log in with "
            "POST /api/v1/auth/login, then send the returned csrf_token in X-CSRF-Token with "
            "every POST, PUT, PATCH and DELETE."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan(web.threads),
        dependencies=[Depends(csrf_protect)],
    )
    app.state.ctx = ctx
    app.state.templates = make_templates(WEB_DIR / "templates")
    app.add_middleware(
        BodyLimitMiddleware,
        limit_bytes=web.max_body_bytes,
        # The multipart framing around the file adds a few hundred bytes.
        upload_limit_bytes=web.max_upload_bytes + 64 * 1024,
        upload_paths=IMPORT_PATHS,
    )
    app.add_middleware(SecurityHeadersMiddleware, hsts=web.cookie_secure)
    clean_uploads(upload_root(ctx))
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    for router in API_ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    for router in PAGE_ROUTERS:
        app.include_router(router, include_in_schema=False)
    _install_openapi(app)
    return app
