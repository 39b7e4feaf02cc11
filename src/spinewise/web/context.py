"""What every request of one app shares: the engine, settings, password hasher, limiter, clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from spinewise.services import BackgroundQueue, PlanCache, Store
from spinewise.settings import Settings
from spinewise.store import Engine
from spinewise.web.options import WebSettings
from spinewise.web.security import LoginRateLimiter, PasswordService

__all__ = ["WebContext"]


@dataclass(frozen=True)
class WebContext:
    """The app's shared state (``app.state.ctx``).

    Attributes
    ----------
    engine
        The database.
    settings, web
        The settings the app was made with.
    passwords
        The argon2 hasher.
    limiter
        Failed-login limits.
    now
        Local wall-clock time (tests inject a fixed one).
    plans
        Parsed plans, so that the next session does not re-read its plan.
    jobs
        Where a finished session's adaptation and a background import are enqueued (``None``:
        they run in the request).
    """

    engine: Engine
    settings: Settings
    web: WebSettings
    passwords: PasswordService
    limiter: LoginRateLimiter
    now: Callable[[], datetime]
    plans: PlanCache = field(default_factory=PlanCache)
    jobs: BackgroundQueue | None = None

    @property
    def store(self) -> Store:
        """The services' handle on the database and the plan cache."""
        return Store(self.engine, self.plans)
