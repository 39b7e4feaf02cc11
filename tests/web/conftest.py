"""Fixtures of the web tests: an app on each database, clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spinewise.settings import Settings
from spinewise.web import create_app
from web.web_helpers import FAST_WEB, NOW, FakeClock


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


@pytest.fixture
def lite_app(tmp_path: Any, clock: FakeClock) -> Iterator[Any]:
    """The app on SQLite only, for tests of HTML, headers and limits that no database changes."""
    from spinewise.store import create_engine_from_url

    eng = create_engine_from_url(f"sqlite:///{tmp_path / 'lite.db'}")
    yield create_app(Settings(), engine=eng, web=FAST_WEB, now=lambda: NOW, monotonic=clock)
    eng.dispose()


@pytest.fixture
def lite(lite_app: Any) -> Iterator[TestClient]:
    with TestClient(lite_app) as c:
        yield c
