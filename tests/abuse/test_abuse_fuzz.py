"""schemathesis with 100 generated requests per operation, authenticated, on SQLite and
PostgreSQL: no 5xx (issue 16, part 2). Derandomized, so a run is repeatable; the timing of a
run is reported by ``pytest --durations``.

Each operation's 100 requests are drawn from three strategies: schemathesis's valid requests,
its invalid ones (wrong types, values out of range, missing fields) and valid requests with one
to three fields replaced by a hostile value of the audit (NUL, a lone surrogate, a 100,000
character text, ``$\\foo{$``, ``..``, integers past 64 bits, dates in year 1 and 9999, deep
nesting, a formula). The operations that end the session or delete (log out, log out
everywhere, password change, account and session deletion) get a fresh log-in before each of
their requests.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from web.fuzz_helpers import fuzz_app
from web.web_helpers import FAST_WEB, PASSWORD

pytestmark = [pytest.mark.abuse, pytest.mark.slow]

EXAMPLES = 100

#: Values that once gave a 500 somewhere (the audit of issue 16), or could.
HOSTILE: tuple[Any, ...] = (
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "$\\foo{$",
    "..",
    "../../../etc/passwd",
    "x" * 100_000,
    "=HYPERLINK(1)",
    "custom:Bad Id",
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59",
    "é" * 300,
    2**63,
    -(2**63) - 1,
    2**31,
    10**30,
    -1,
    1e308,
    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
    {"": None},
)
#: The log-in limits stay out of the way: the password checks fuzzed would otherwise lock the
#: account that the fresh log-ins use (the limits have tests of their own).
_UNLIMITED = FAST_WEB.model_copy(
    update={
        "login_max_failures": 10**6,
        "login_max_failures_per_address": 10**6,
        "login_max_failures_per_account": 10**6,
    }
)
#: Operations that end or replace the session, or delete: a fresh log-in before each request. A
#: generated log-in can succeed (with an account a generated sign-up made) and replace the
#: fuzzing user's session.
_ENDERS = ("/logout", "/logout-everywhere", "/me/password", "/auth/login")


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every value inside ``value`` (itself included)."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _leaves(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _leaves(inner, (*path, index))
    return found


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(copy[path[0]], path[1:], new)
    return copy


@st.composite
def _hostile_json(draw: st.DrawFn, body: Any) -> Any:
    """``body`` with one to three of its values (or itself) replaced by hostile ones."""
    for _ in range(draw(st.integers(1, 3))):
        paths = _leaves(body)
        body = _replaced(body, draw(st.sampled_from(paths)), draw(st.sampled_from(HOSTILE)))
    return body


def _strategy(op: Any) -> st.SearchStrategy[tuple[str, Any]]:
    """Valid, invalid and hostile requests of one operation (equally often)."""
    valid = op.as_strategy(GenerationMode.POSITIVE)
    choices = [
        valid.map(lambda case: ("case", case)),
        op.as_strategy(GenerationMode.NEGATIVE).map(lambda case: ("case", case)),
    ]
    json_body = any(b.media_type == "application/json" for b in op.body)
    if json_body or op.query or op.path_parameters:

        @st.composite
        def hostile(draw: st.DrawFn) -> tuple[str, Any]:
            case = draw(valid)
            body = case.body if json_body and not _unset(case.body) else None
            if json_body and (body is None or draw(st.booleans())):
                body = draw(_hostile_json({} if body is None else body))
            query = dict(case.query or {})
            for name in [p.name for p in op.query]:
                if draw(st.booleans()):
                    query[name] = str(draw(st.sampled_from(HOSTILE)))[:2000]
            path_values = dict(case.path_parameters or {})
            for name in [p.name for p in op.path_parameters]:
                if draw(st.booleans()):
                    path_values[name] = draw(st.sampled_from((2**63, -(2**63) - 1, 10**30, -1)))
            path = op.path
            for name, value in path_values.items():
                path = path.replace("{" + name + "}", str(value))
            return ("raw", (op.method.upper(), path, query, body))

        choices.append(hostile())
    return st.one_of(*choices)


def _unset(value: Any) -> bool:
    return type(value).__name__ == "NotSet"


def _send(
    client: TestClient, kind: str, item: Any, headers: dict[str, str], cookies: dict[str, str]
) -> int:
    if kind == "case":
        return int(item.call(headers=headers, cookies=cookies).status_code)
    method, path, query, body = item
    client.cookies.update(cookies)
    content = None if body is None else json.dumps(body).encode("ascii")  # \ud800 stays escaped
    if query:  # percent-encoded by hand: a lone surrogate goes as the bytes UTF-8 refuses
        path += "?" + "&".join(
            f"{quote(k)}={quote(str(v).encode('utf-8', 'surrogatepass'), safe='')}"
            for k, v in query.items()
        )
    r = client.request(
        method,
        path,
        content=content,
        headers={**headers, "Content-Type": "application/json"},
    )
    return r.status_code


def _run(
    op: Any,
    client: TestClient,
    headers: dict[str, str],
    cookies: dict[str, str],
    before: Callable[[], None],
) -> tuple[list[str], Counter[int], Counter[str]]:
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    kinds: Counter[str] = Counter()

    @given(drawn=_strategy(op))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(drawn: tuple[str, Any]) -> None:
        kind, item = drawn
        before()
        code = _send(client, kind, item, headers, cookies)
        statuses[code] += 1
        kinds["valid or invalid" if kind == "case" else "hostile"] += 1
        if code >= 500:
            failures.append(f"{op.method.upper()} {op.path} ({kind}): {code} {str(item)[:300]}")

    run()
    return failures, statuses, kinds


def test_100_examples_per_operation_give_no_5xx(engine: Any) -> None:
    with fuzz_app(engine, _UNLIMITED) as (app, headers, cookies):
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        operations = [result.ok() for result in schema.get_all_operations()]
        failures: list[str] = []
        statuses: Counter[int] = Counter()
        kinds: Counter[str] = Counter()
        short: list[str] = []
        with TestClient(app, raise_server_exceptions=False) as client:

            def relogin() -> None:
                client.cookies.clear()
                r = client.post(
                    "/api/v1/auth/login", json={"email": "fuzz@example.org", "password": PASSWORD}
                )
                assert r.status_code == 200, r.text
                headers["X-CSRF-Token"] = r.json()["csrf_token"]
                cookies.clear()
                cookies.update(dict(client.cookies))

            def nothing() -> None:
                pass

            ordinary = [
                op
                for op in operations
                if op.method.upper() != "DELETE" and not op.path.endswith(_ENDERS)
            ]
            enders = [op for op in operations if op not in ordinary]
            for op in ordinary + enders:
                found, counted, drawn = _run(
                    op, client, headers, cookies, relogin if op in enders else nothing
                )
                failures += found
                statuses.update(counted)
                kinds.update(drawn)
                # An operation without parameters or body has one request, sent once.
                wanted = EXAMPLES if op.query or op.path_parameters or op.body else 1
                if sum(counted.values()) != wanted:
                    short.append(f"{op.method.upper()} {op.path}: {sum(counted.values())}")
    print(f"\n{len(operations)} operations, {sum(statuses.values())} requests: {dict(kinds)}")
    print(f"statuses: {dict(sorted(statuses.items()))}")
    assert len(operations) >= 20
    assert len(enders) >= 5  # log out (2), password change, account and session deletions
    assert failures == [], failures[:20]
    assert short == []  # every operation with parameters or a body got its 100 requests
    assert statuses[403] == 0, statuses  # the CSRF token went with every request
    # 100 per operation with parameters or a body; an operation without either has exactly one
    # distinct request (a GET such as /api/v1/me), and hypothesis sends it once.
    assert sum(statuses.values()) >= 1500, statuses
    assert sum(n for code, n in statuses.items() if 200 <= code < 300) >= 100, statuses
    assert kinds["hostile"] >= 500, kinds
