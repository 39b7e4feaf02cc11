"""The store handle every service takes: the database and the parsed-plan cache beside it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spinewise.services.plancache import PlanCache
from spinewise.store import Engine

__all__ = ["Store"]


@dataclass(frozen=True)
class Store:
    """Where the services read and write.

    Attributes
    ----------
    engine
        The database (the caller made it and disposes of it).
    plans
        Parsed plans, shared by the calls that use this handle (the web app keeps one for its
        lifetime; the CLI one per command).
    """

    engine: Engine
    plans: PlanCache = field(default_factory=PlanCache)
