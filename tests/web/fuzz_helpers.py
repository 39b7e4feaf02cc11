"""Property-based API runs from ``/openapi.json`` (schemathesis), shared by the web and abuse
tests: every operation, authenticated with the CSRF token, generated requests counted by status."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from spinewise.settings import Settings
from spinewise.web import WebSettings, create_app
from web.web_helpers import FAST_WEB, a_session, signup_login, with_plan

__all__ = ["fuzz", "fuzz_app"]

#: Operations skipped: they would end the session that the other operations need.
_SESSION_ENDERS = ("/logout", "/logout-everywhere", "/me/password")


@contextmanager
def fuzz_app(
    engine: Any, web: WebSettings = FAST_WEB
) -> Iterator[tuple[Any, dict[str, str], dict[str, str]]]:
    """The app on ``engine`` with a user who has a profile, a plan and a logged session."""
    app = create_app(Settings(), engine=engine, web=web, migrate=False)
    with TestClient(app) as client:
        token = signup_login(client, "fuzz@example.org")
        with_plan(client)
        client.post("/api/v1/logs/sessions", json=a_session())
        cookies = dict(client.cookies)
    yield app, {"X-CSRF-Token": token}, cookies


def fuzz(
    app: Any, headers: dict[str, str], cookies: dict[str, str], examples: int
) -> tuple[list[str], Counter[int], int]:
    """Run ``examples`` generated requests per operation: (5xx lines, statuses, operations)."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    for op in operations:
        if op.method.upper() == "DELETE" or op.path.endswith(_SESSION_ENDERS):
            continue

        @given(case=op.as_strategy())
        @settings(
            max_examples=examples,
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
    return failures, statuses, len(operations)
