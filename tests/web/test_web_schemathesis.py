"""Property-based API tests from ``/openapi.json`` (schemathesis): no input gives a 5xx.

Every operation runs a bounded number of generated requests as a logged-in user with a stored
profile, a plan and a session, carrying the CSRF token, so that the handlers behind
authentication and CSRF are reached too.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from spinewise.settings import Settings
from spinewise.store import create_engine_from_url, ensure_current
from spinewise.web import create_app
from web.web_helpers import FAST_WEB, a_session, signup_login, with_plan

#: Generated requests per operation (about 20 operations: well under a minute in all).
EXAMPLES = 15


@pytest.fixture(scope="module")
def live() -> Iterator[tuple[Any, dict[str, str], dict[str, str]]]:
    with tempfile.TemporaryDirectory(prefix="spinewise-fuzz-") as folder:
        engine = create_engine_from_url(f"sqlite:///{Path(folder) / 'fuzz.db'}")
        ensure_current(engine)
        app = create_app(Settings(), engine=engine, web=FAST_WEB, migrate=False)
        with TestClient(app) as client:
            token = signup_login(client, "fuzz@example.org")
            with_plan(client)
            client.post("/api/v1/logs/sessions", json=a_session())
            cookies = dict(client.cookies)
        yield app, {"X-CSRF-Token": token}, cookies
        engine.dispose()


def test_no_server_errors(live: tuple[Any, dict[str, str], dict[str, str]]) -> None:
    app, headers, cookies = live
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    for op in operations:
        if op.method.upper() == "DELETE" or op.path.endswith(("/logout", "/logout-everywhere")):
            continue  # they would end the session the other operations need

        @given(case=op.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Any) -> None:
            response = case.call(headers=headers, cookies=cookies)
            statuses[response.status_code] += 1
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code}")

        run()
    assert failures == []
    # The generated requests got past authentication and CSRF, and many were accepted.
    assert sum(n for code, n in statuses.items() if 200 <= code < 300) >= 20, statuses
    assert statuses[403] == 0, statuses  # (a 401 is a generated log-in that fails)
