"""Accounts and sessions (issue 16, parts 3 and 4): limits that hold, a sign-up that reveals
nothing, one password policy, sessions that end, an account deletion that leaves nothing."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from spinewise.web.ratelimit import LimitRule, MemoryLimiterStore, RateLimiter
from web.web_helpers import PASSWORD, a_session, signup_login

pytestmark = pytest.mark.abuse

NEW_PASSWORD = "a brand new long secret 7"


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def test_api_signup_answers_the_same_for_a_taken_address(client):
    body = {"email": "ann@example.org", "password": PASSWORD}
    new = client.post("/api/v1/auth/signup", json=body)
    taken = client.post("/api/v1/auth/signup", json={**body, "password": NEW_PASSWORD})
    assert (new.status_code, new.json()) == (taken.status_code, taken.json())
    # The taken address keeps its owner's password.
    r = client.post("/api/v1/auth/login", json={**body, "password": NEW_PASSWORD})
    assert r.status_code == 401
    assert client.post("/api/v1/auth/login", json=body).status_code == 200


def test_page_signup_answers_the_same_for_a_taken_address(client, make_app):
    signup_login(client, "ann@example.org")
    answers = []
    for email in ("ann@example.org", "new@example.org"):
        with TestClient(make_app()) as visitor:
            page = visitor.get("/signup")
            r = visitor.post(
                "/signup",
                data={"email": email, "password": NEW_PASSWORD, "csrf_token": _token(page.text)},
                follow_redirects=False,
            )
            answers.append((r.status_code, r.headers.get("location"), "sw_session" in r.cookies))
    assert answers[0] == answers[1]
    assert answers[0][2] is False


@pytest.mark.parametrize(
    "password", ["12345678", " " * 12, "password1234", "qwertyuiopas", "short"]
)
def test_the_password_policy_is_the_same_on_the_page_and_the_api(client, password):
    body = {"email": "ann@example.org", "password": password}
    api = client.post("/api/v1/auth/signup", json=body)
    assert api.status_code == 422, api.text
    page = client.get("/signup")
    r = client.post("/signup", data={**body, "csrf_token": _token(page.text)})
    assert r.status_code == 422
    assert "password" in r.text
    assert client.post("/api/v1/auth/login", json=body).status_code in (401, 422)


def test_page_signup_keeps_the_spaces_of_a_password(client):
    page = client.get("/signup")
    spaced = "  " + PASSWORD + "  "
    client.post(
        "/signup",
        data={"email": "sp@example.org", "password": spaced, "csrf_token": _token(page.text)},
    )
    body = {"email": "sp@example.org", "password": spaced}
    assert client.post("/api/v1/auth/login", json=body).status_code == 200


def test_log_out_everywhere_ends_every_session(ann, make_app, app):
    with TestClient(app) as phone:
        r = phone.post(
            "/api/v1/auth/login", json={"email": "ann@example.org", "password": PASSWORD}
        )
        assert r.status_code == 200
        assert phone.get("/api/v1/me").status_code == 200
        assert ann.post("/api/v1/auth/logout-everywhere").status_code == 204
        assert phone.get("/api/v1/me").status_code == 401
    assert ann.get("/api/v1/me").status_code == 401


def test_the_account_page_offers_log_out_everywhere(ann):
    page = ann.get("/account")
    assert 'action="/account/logout-everywhere"' in page.text
    r = ann.post(
        "/account/logout-everywhere",
        data={"csrf_token": ann.headers["X-CSRF-Token"]},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert ann.get("/api/v1/me").status_code == 401


def test_a_password_change_ends_the_other_sessions(ann, app):
    with TestClient(app) as phone:
        phone.post("/api/v1/auth/login", json={"email": "ann@example.org", "password": PASSWORD})
        change = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
        assert ann.post("/api/v1/me/password", json=change).status_code == 204
        assert phone.get("/api/v1/me").status_code == 401
    assert ann.get("/api/v1/me").status_code == 200
    old = {"email": "ann@example.org", "password": PASSWORD}
    with TestClient(app) as other:
        assert other.post("/api/v1/auth/login", json=old).status_code == 401
        new = {"email": "ann@example.org", "password": NEW_PASSWORD}
        assert other.post("/api/v1/auth/login", json=new).status_code == 200


def test_a_password_change_applies_the_policy_and_checks_the_current_one(ann):
    weak = {"current_password": PASSWORD, "new_password": "12345678901"}
    assert ann.post("/api/v1/me/password", json=weak).status_code == 422
    wrong = {"current_password": "not my password at all", "new_password": NEW_PASSWORD}
    r = ann.post("/api/v1/me/password", json=wrong)
    assert r.status_code == 422
    assert "current_password" in r.text


def test_a_session_ends_after_the_idle_timeout(make_app, wall):
    with TestClient(make_app(idle_minutes=30)) as c:
        signup_login(c, "idle@example.org")
        wall.now += timedelta(minutes=25)
        assert c.get("/api/v1/me").status_code == 200  # used: the timeout restarts
        wall.now += timedelta(minutes=25)
        assert c.get("/api/v1/me").status_code == 200
        wall.now += timedelta(minutes=31)
        assert c.get("/api/v1/me").status_code == 401


def test_a_session_ends_after_its_lifetime_even_in_use(make_app, wall):
    with TestClient(make_app(idle_minutes=24 * 60, session_days=1)) as c:
        signup_login(c, "life@example.org")
        for _ in range(4):
            wall.now += timedelta(hours=7)
            status = c.get("/api/v1/me").status_code
        assert status == 401


def test_password_checks_of_account_deletion_are_limited(ann):
    for _ in range(5):
        r = ann.request("DELETE", "/api/v1/me", json={"password": "not my password at all"})
        assert r.status_code == 422
    r = ann.request("DELETE", "/api/v1/me", json={"password": "not my password at all"})
    assert r.status_code == 429
    # Even the right password waits now: guessing cannot go on through another check.
    r = ann.request("DELETE", "/api/v1/me", json={"password": PASSWORD})
    assert r.status_code == 429
    assert ann.get("/api/v1/me").status_code == 200


def test_password_changes_count_against_the_same_limit(ann):
    wrong = {"current_password": "not my password at all", "new_password": NEW_PASSWORD}
    codes = [ann.post("/api/v1/me/password", json=wrong).status_code for _ in range(6)]
    assert codes == [422] * 5 + [429]
    login = {"email": "ann@example.org", "password": "still not it, sorry"}
    assert ann.post("/api/v1/auth/login", json=login).status_code == 429


def test_logins_are_limited_per_account_from_any_address():
    now = [0.0]
    from spinewise.web.security import LoginRateLimiter

    limiter = LoginRateLimiter(max_failures_per_account=20, clock=lambda: now[0])
    for i in range(20):
        assert limiter.check("ann@example.org", f"10.0.{i}.1").allowed
        limiter.failed("ann@example.org", f"10.0.{i}.1")
    assert not limiter.check("ann@example.org", "10.9.9.9").allowed
    assert limiter.check("bob@example.org", "10.9.9.9").allowed
    now[0] += 901
    assert limiter.check("ann@example.org", "10.9.9.9").allowed


def test_signups_are_limited_per_address(make_app):
    with TestClient(make_app(signup_max_per_address=3)) as c:
        codes = [
            c.post(
                "/api/v1/auth/signup", json={"email": f"s{i}@example.org", "password": PASSWORD}
            ).status_code
            for i in range(5)
        ]
    assert codes == [201, 201, 201, 429, 429]


def test_the_limiter_store_stays_bounded_and_prunes_itself():
    store = MemoryLimiterStore(max_keys=100)
    now = [0.0]
    limiter = RateLimiter(store, clock=lambda: now[0])
    for i in range(10_000):
        limiter.hit([LimitRule(f"pw-addr:10.{i}", 5, 60.0)])
    assert len(store) == 100
    now[0] += 61
    for i in range(9_900, 10_000):
        assert limiter.check([LimitRule(f"pw-addr:10.{i}", 5, 60.0)]).allowed
    assert len(store) == 0


def _athlete_rows(engine, email: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM users WHERE email = :e"), {"e": email}
            ).scalar_one()
        )


def test_account_deletion_leaves_nothing_readable(ann, engine, db_url):
    secret = "SECRET-NOTE-7f3a9c"
    ann.post("/api/v1/logs/sessions", json=a_session(notes=secret * 20))
    r = ann.request("DELETE", "/api/v1/me", json={"password": PASSWORD})
    assert r.status_code == 204
    assert _athlete_rows(engine, "ann@example.org") == 0
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM session_logs")).scalar_one() == 0
    if db_url.startswith("sqlite"):
        database = Path(db_url.removeprefix("sqlite:///"))
        for path in (database, Path(f"{database}-wal")):
            if path.exists():
                data = path.read_bytes()
                assert secret.encode() not in data, path.name
                assert b"ann@example.org" not in data, path.name
