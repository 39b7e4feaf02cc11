"""``spinewise serve``: the web app and its API on uvicorn (default 127.0.0.1:8000).

``--demo`` first creates the demo athlete (the example profile, its plan and four weeks of
log) and prints the address and the demo's credentials. ``--workers N`` serves from N processes
that share login limits through Redis (``SPINEWISE_REDIS_URL``) or the database. Finished
sessions are adapted by background jobs (:mod:`spinewise.jobs`): in a thread of each process
without a broker, in ``spinewise worker`` processes with one.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, TypedDict

import typer

from spinewise.cli import render
from spinewise.errors import InputError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from spinewise.web import WebSettings

__all__ = ["make_app", "proxy_options", "serve"]


class ProxyOptions(TypedDict, total=False):
    """Uvicorn's options for forwarded headers."""

    proxy_headers: bool
    forwarded_allow_ips: str


def proxy_options(web: WebSettings) -> ProxyOptions:
    """Uvicorn's forwarded-header options: ignored unless a trusted proxy is configured.

    uvicorn by default believes ``X-Forwarded-For`` from 127.0.0.1, so a client on this machine
    could pose as any address and slip past the per-address limits.

    >>> from spinewise.web import WebSettings
    >>> proxy_options(WebSettings())
    {'proxy_headers': False}
    >>> proxy_options(WebSettings(trusted_proxies="10.0.0.5"))
    {'proxy_headers': True, 'forwarded_allow_ips': '10.0.0.5'}
    """
    trusted = web.trusted_proxies.strip()
    if not trusted:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted}


def make_app() -> FastAPI:
    """The app of one web worker process, from the environment (``uvicorn --factory``)."""
    from spinewise.jobs import JobSettings, open_queue
    from spinewise.services import Store
    from spinewise.settings import load_settings
    from spinewise.store import create_engine_from_settings
    from spinewise.web import WebSettings, create_app
    from spinewise.web.limits_store import shared_limiter

    settings = load_settings()
    web = WebSettings()
    engine = create_engine_from_settings(settings, pool_size=web.threads)
    jobs = JobSettings()
    limiter = shared_limiter(engine, jobs.redis_url, web)
    queue = open_queue(Store(engine), jobs)
    return create_app(settings, engine=engine, web=web, migrate=False, jobs=queue, limiter=limiter)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (1 to 65535).")] = 8000,
    demo: Annotated[
        bool, typer.Option("--demo", help="Create the demo athlete first (idempotent).")
    ] = False,
    workers: Annotated[
        int, typer.Option(help="Web worker processes (1 to 64); they share login limits.")
    ] = 1,
) -> None:
    """Run the web app and its API until stopped (Ctrl-C)."""
    if not 1 <= port <= 65535:
        raise InputError(f"--port: must be 1 to 65535, got {port}")
    if not 1 <= workers <= 64:
        raise InputError(f"--workers: must be 1 to 64, got {workers}")
    import uvicorn

    from spinewise.settings import load_settings
    from spinewise.store import create_engine_from_settings, ensure_current
    from spinewise.web import WebSettings, create_app
    from spinewise.web.demo import seed_demo
    from spinewise.web.security import PasswordService

    settings = load_settings()
    web = WebSettings()
    engine = create_engine_from_settings(settings, pool_size=web.threads)
    ensure_current(engine)
    url = f"http://{host}:{port}/"
    if demo:
        render.console.print("Preparing the demo athlete (the plan takes a few seconds)...")
        passwords = PasswordService(
            memory_kib=web.argon2_memory_kib,
            time_cost=web.argon2_time_cost,
            parallelism=web.argon2_parallelism,
        )
        account = seed_demo(engine, passwords, date.today())
        what = f"created with {account.sessions} logged sessions" if account.created else "ready"
        render.console.print(f"Demo athlete {what}.", markup=False)
        typer.echo(f"Open {url} and log in as {account.email} with password {account.password}")
    else:
        typer.echo(f"spinewise is at {url}")
    if workers > 1:
        engine.dispose()
        uvicorn.run(
            "spinewise.cli.serve:make_app",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            **proxy_options(web),
        )
        return
    from spinewise.jobs import open_queue
    from spinewise.services import Store

    queue = open_queue(Store(engine))
    app = create_app(settings, engine=engine, web=web, migrate=False, jobs=queue)
    try:
        uvicorn.run(
            app, host=host, port=port, log_level="warning", access_log=False, **proxy_options(web)
        )
    finally:
        queue.close()
        engine.dispose()
