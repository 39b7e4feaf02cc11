"""schemathesis with 100 generated requests per operation, authenticated, on SQLite and
PostgreSQL: no 5xx (issue 16, part 2). Derandomized, so a run is repeatable; the timing of a
run is reported by ``pytest --durations``."""

from __future__ import annotations

from typing import Any

import pytest

from web.fuzz_helpers import fuzz, fuzz_app

pytestmark = [pytest.mark.abuse, pytest.mark.slow]

EXAMPLES = 100


def test_100_examples_per_operation_give_no_5xx(engine: Any) -> None:
    with fuzz_app(engine) as (app, headers, cookies):
        failures, statuses, operations = fuzz(app, headers, cookies, EXAMPLES)
    assert operations >= 20
    assert failures == [], failures[:20]
    assert statuses[403] == 0, statuses
    # Up to 100 per operation: hypothesis stops early where fewer distinct requests exist (a GET
    # without parameters has one), so the total is well under 100 x operations.
    assert sum(statuses.values()) >= 1000, statuses
    assert sum(n for code, n in statuses.items() if 200 <= code < 300) >= 100, statuses
