"""Property-based API tests from ``/openapi.json`` (schemathesis): no input gives a 5xx.

Every operation runs a bounded number of generated requests as a logged-in user with a stored
profile, a plan and a session, carrying the CSRF token, so that the handlers behind
authentication and CSRF are reached too; on SQLite and on PostgreSQL. The abuse suite runs the
same with 100 examples per operation (tests/abuse/test_abuse_fuzz.py).
"""

from __future__ import annotations

from typing import Any

from web.fuzz_helpers import fuzz, fuzz_app

#: Generated requests per operation (about 20 operations: well under a minute in all).
EXAMPLES = 15


def test_no_server_errors(engine: Any) -> None:
    with fuzz_app(engine) as (app, headers, cookies):
        failures, statuses, operations = fuzz(app, headers, cookies, EXAMPLES)
    assert operations >= 15
    assert failures == []
    # The generated requests got past authentication and CSRF, and many were accepted.
    assert sum(n for code, n in statuses.items() if 200 <= code < 300) >= 20, statuses
    assert statuses[403] == 0, statuses  # (a 401 is a generated log-in that fails)
