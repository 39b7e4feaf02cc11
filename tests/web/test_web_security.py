"""CSRF on every state change, login rate limiting, cookies and security headers."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spinewise.web.security import CSP, LoginRateLimiter
from web.web_helpers import PASSWORD, a_session, profile_data, signup_login, with_plan


def _forget_token(client: TestClient) -> None:
    client.headers.pop("X-CSRF-Token", None)


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_api_state_changes_need_the_csrf_token(client: TestClient, token: str | None) -> None:
    signup_login(client, "csrf@example.org")
    with_plan(client)
    _forget_token(client)
    headers = {} if token is None else {"X-CSRF-Token": token}
    attempts = [
        ("PUT", "/api/v1/profile", {"json": profile_data()}),
        ("POST", "/api/v1/plans", {"json": {}}),
        ("POST", "/api/v1/logs/sessions", {"json": a_session()}),
        ("POST", "/api/v1/logs/today/start", {"json": {}}),
        ("POST", "/api/v1/logs/next-morning", {"json": {"date": "2026-12-07", "pain": 1}}),
        ("POST", "/api/v1/auth/logout", {}),
        ("DELETE", "/api/v1/me", {"json": {"password": PASSWORD}}),
    ]
    for method, path, kwargs in attempts:
        r = client.request(method, path, headers=headers, **kwargs)
        assert r.status_code == 403, (method, path, r.status_code)
    # Nothing changed: still logged in, one plan, no sessions.
    assert client.get("/api/v1/me").status_code == 200
    assert len(client.get("/api/v1/plans").json()) == 1
    assert client.get("/api/v1/logs/sessions").json() == []


def test_a_token_of_another_session_is_refused(client: TestClient, make_client: Any) -> None:
    signup_login(client, "one@example.org")
    other = make_client()
    other_token = signup_login(other, "two@example.org")
    client.headers["X-CSRF-Token"] = other_token
    assert client.post("/api/v1/logs/sessions", json=a_session()).status_code == 403


def test_page_forms_need_the_csrf_token(client: TestClient) -> None:
    token = signup_login(client, "forms@example.org")
    _forget_token(client)
    for path, data in [
        ("/onboarding/screening", {"saddle_numbness": "no"}),
        ("/plans/new", {}),
        ("/today/start", {"pain_before": "1"}),
        ("/logout", {}),
        ("/account/delete", {"password": PASSWORD, "confirm": "DELETE"}),
    ]:
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data={**data, "csrf_token": "nope"}).status_code == 403, path
    assert client.get("/api/v1/me").status_code == 200
    r = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303


def test_login_form_needs_the_double_submit_token(make_client: Any) -> None:
    visitor = make_client()
    page = visitor.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    assert "sw_csrf" in visitor.cookies
    data = {"email": "x@example.org", "password": PASSWORD}
    assert visitor.post("/login", data=data).status_code == 403
    r = visitor.post("/signup", data={**data, "csrf_token": token.group(1)}, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/login?created=1&next=/onboarding"
    # A cross-site form cannot post JSON: an API sign-up without a JSON body is refused.
    stranger = make_client()
    r = stranger.post("/api/v1/auth/signup", data=data)
    assert r.status_code == 403


def test_login_is_rate_limited_per_email_and_address(lite: TestClient, clock: Any) -> None:
    signup_login(lite, "victim@example.org")
    wrong = {"email": "victim@example.org", "password": "not the password"}
    for _ in range(5):
        assert lite.post("/api/v1/auth/login", json=wrong).status_code == 401
    r = lite.post("/api/v1/auth/login", json=wrong)
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) > 0
    right = {"email": "victim@example.org", "password": PASSWORD}
    assert lite.post("/api/v1/auth/login", json=right).status_code == 429
    clock.t += 901  # the window has passed
    assert lite.post("/api/v1/auth/login", json=right).status_code == 200


def test_rate_limiter_counts_per_address_too() -> None:
    now = [0.0]
    limiter = LoginRateLimiter(
        max_failures=3, max_failures_per_address=5, window_s=60, clock=lambda: now[0]
    )
    for i in range(5):
        assert limiter.check(f"u{i}@x.org", "10.0.0.1").allowed
        limiter.failed(f"u{i}@x.org", "10.0.0.1")
    assert not limiter.check("fresh@x.org", "10.0.0.1").allowed
    assert limiter.check("fresh@x.org", "10.0.0.2").allowed
    now[0] = 61.0
    assert limiter.check("fresh@x.org", "10.0.0.1").allowed


def test_security_headers_on_pages_api_and_errors(lite: TestClient) -> None:
    for path in ("/", "/api/v1/me", "/no/such/page", "/static/app.css"):
        r = lite.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert "script-src 'self'" in CSP
        assert "unsafe-inline" not in CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_script(lite: TestClient) -> None:
    signup_login(lite, "inline@example.org")
    with_plan(lite)
    for path in ("/", "/plan", "/today", "/progress", "/onboarding", "/account", "/exercises"):
        html = lite.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert not re.search(r"\son[a-z]+=", html), path
        assert 'style="' not in html, path


def test_session_cookie_is_secure_when_configured(tmp_path: Any) -> None:
    from spinewise.settings import Settings
    from spinewise.store import create_engine_from_url
    from spinewise.web import WebSettings, create_app

    engine = create_engine_from_url(f"sqlite:///{tmp_path / 'secure.db'}")

    web = WebSettings(
        cookie_secure=True, argon2_memory_kib=64, argon2_time_cost=1, argon2_parallelism=1
    )
    app = create_app(Settings(), engine=engine, web=web)
    with TestClient(app, base_url="https://testserver") as c:
        signup_login(c, "secure@example.org")
        r = c.post("/api/v1/auth/login", json={"email": "secure@example.org", "password": PASSWORD})
        assert "Secure" in r.headers["set-cookie"]
        assert r.headers["strict-transport-security"].startswith("max-age=")
    engine.dispose()


def test_passwords_are_stored_as_argon2id(client: TestClient, engine: Any) -> None:
    from sqlalchemy import select

    from spinewise.store import reading
    from spinewise.store.accounts import UserRow, WebSessionRow

    signup_login(client, "hash@example.org")
    with reading(engine) as db:
        stored = db.scalar(select(UserRow.password_hash))
        token_digest = db.scalar(select(WebSessionRow.token_sha256))
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert token_digest is not None
    assert client.cookies["sw_session"] != token_digest


def test_unknown_routes_and_bad_ids_are_not_500(lite: TestClient) -> None:
    signup_login(lite, "ids@example.org")
    assert lite.get("/api/v1/plans/0").status_code == 422
    assert lite.get(f"/api/v1/plans/{2**40}").status_code == 422
    assert lite.get(f"/api/v1/logs/sessions/{2**63}").status_code == 422
    assert lite.get("/api/v1/logs/sessions/abc").status_code == 422
    assert lite.get("/plans/abc").status_code == 422
    assert lite.get("/exercises/no_such_thing").status_code == 404
