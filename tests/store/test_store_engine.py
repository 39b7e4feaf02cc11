from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from spinewise.store import create_engine_from_url, current_revision, head_revision, upgrade
from spinewise.store.tables import Base


def test_migrations_create_exactly_the_models(engine):
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_twice_changes_nothing(db_url):
    eng = create_engine_from_url(db_url)
    try:
        assert current_revision(eng) is None
        upgrade(eng)
        upgrade(eng)
        assert current_revision(eng) == head_revision()
    finally:
        eng.dispose()
