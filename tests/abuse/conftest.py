"""Fixtures of the abuse suite: the app on each database with small limits, users, sessions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spinewise.settings import Settings
from spinewise.web import create_app
from web.web_helpers import FAST_WEB, NOW, FakeClock, signup_login

#: Small limits, so that the tests send kilobytes where an attacker would send megabytes.
ABUSE_WEB = FAST_WEB.model_copy(
    update={"max_body_bytes": 64 * 1024, "max_upload_bytes": 256 * 1024}
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


class WallClock:
    """Local wall-clock time that the tests move by hand."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


@pytest.fixture
def uploads(tmp_path: Path) -> Path:
    return tmp_path / "uploads"


@pytest.fixture
def make_app(engine: Any, clock: FakeClock, wall: WallClock, uploads: Path) -> Callable[..., Any]:
    def make(**changes: Any) -> Any:
        web = ABUSE_WEB.model_copy(update={"upload_dir": uploads, **changes})
        return create_app(
            Settings(database_url="sqlite:///:memory:"),
            engine=engine,
            web=web,
            now=wall,
            monotonic=clock,
        )

    return make


@pytest.fixture
def app(make_app: Callable[..., Any]) -> Any:
    return make_app()


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def ann(client: TestClient) -> TestClient:
    """The client, logged in as ann."""
    signup_login(client, "ann@example.org")
    return client


@pytest.fixture
def other(app: Any) -> Iterator[TestClient]:
    """A second client, logged in as bob."""
    with TestClient(app) as c:
        signup_login(c, "bob@example.org")
        yield c
