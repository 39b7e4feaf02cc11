"""Fixtures of the web tests: an app on each database, clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web.web_helpers import FAST_WEB, NOW, FakeClock

from spinewise.settings import Settings
from spinewise.web import create_app


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(engine: Any, clock: FakeClock) -> Any:
    return create_app(
        Settings(database_url="sqlite:///:memory:"),
        engine=engine,
        web=FAST_WEB,
        now=lambda: NOW,
        monotonic=clock,
    )


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def make_client(app: Any) -> Iterator[Callable[[], TestClient]]:
    made: list[TestClient] = []

    def make() -> TestClient:
        c = TestClient(app)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()
