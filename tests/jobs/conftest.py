"""Fixtures of the job tests: a seeded SQLite file, the brokers."""

from __future__ import annotations

import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import spinewise.services as sv
from jobs.job_helpers import rabbitmq_server, redis_server, seed
from spinewise.profile import parse_profile
from spinewise.store import create_engine_from_url, ensure_current


@pytest.fixture(scope="session")
def example_plan(repo_root: Path) -> tuple[Any, dict[str, Any]]:
    data = tomllib.loads((repo_root / "examples" / "profile.example.toml").read_text())
    profile = parse_profile(data)
    return profile, sv.plan_for_profile(profile, weeks=4)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "jobs.db"


@pytest.fixture
def store(db_file: Path) -> Iterator[sv.Store]:
    engine = create_engine_from_url(f"sqlite:///{db_file}")
    ensure_current(engine)
    yield sv.Store(engine)
    engine.dispose()


@pytest.fixture
def athlete(store: sv.Store, example_plan: tuple[Any, dict[str, Any]]) -> int:
    return seed(store, example_plan, "jobs")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def rabbit_url() -> Iterator[str]:
    with rabbitmq_server() as url:
        yield url


@pytest.fixture
def queue_name() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"
