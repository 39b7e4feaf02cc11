"""Shared fixtures for the whole suite."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


# --- Databases: every test that takes `db_url` or `engine` runs on SQLite and on PostgreSQL ---
#
# PostgreSQL comes from SPINEWISE_TEST_POSTGRES_URL (`.ci/run` sets it to the machine's server).
# When that is unset or unreachable, a throwaway server is started from the pgserver wheel (a
# dev dependency). A PostgreSQL test never skips: no server means the tests fail.


POSTGRES_ENV = "SPINEWISE_TEST_POSTGRES_URL"


def _reachable(url: str) -> bool:
    import sqlalchemy

    engine = sqlalchemy.create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return True
    except sqlalchemy.exc.OperationalError:
        return False
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A PostgreSQL server URL where tests may create and drop schemas."""
    url = os.environ.get(POSTGRES_ENV)
    if url and _reachable(url):
        yield url
        return
    # Not under pytest's tmp folder: its 0700 parents keep out the server's unprivileged user.
    data_dir = Path(tempfile.mkdtemp(prefix="spinewise-pg-"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

            server = pgserver.get_server(data_dir, cleanup_mode="stop")
    except Exception as err:  # pragma: no cover - only where no server can be had
        shutil.rmtree(data_dir, ignore_errors=True)
        pytest.fail(f"no PostgreSQL: {POSTGRES_ENV}={url!r} unreachable and pgserver failed: {err}")
    socket_dir = server.get_uri().split("host=", 1)[1]
    yield f"postgresql+psycopg://postgres@/postgres?host={socket_dir}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server.cleanup()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def _postgres_admin_engine(postgres_admin_url: str) -> Iterator[object]:
    import sqlalchemy

    engine = sqlalchemy.create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@contextmanager
def _fresh_database(request: pytest.FixtureRequest, kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{(folder / f'spinewise-{uuid.uuid4().hex[:8]}.db').as_posix()}"
        return
    from sqlalchemy.engine import make_url

    admin = request.getfixturevalue("_postgres_admin_engine")
    base = request.getfixturevalue("postgres_admin_url")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind: a SQLite file, or a PostgreSQL schema of its own."""
    with _fresh_database(request, request.param, tmp_path) as url:
        yield url


@pytest.fixture
def other_db_url(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second fresh, empty database of the same kind as ``db_url``."""
    kind = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    with _fresh_database(request, kind, tmp_path) as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[object]:
    """An engine on a fresh database at the newest schema revision."""
    from spinewise.store import create_engine_from_url, ensure_current

    eng = create_engine_from_url(db_url)
    ensure_current(eng)
    yield eng
    eng.dispose()
