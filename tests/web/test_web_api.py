"""The API routes of the contract (shared/contracts/README.md), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

from spinewise.profile import SCREENING_FLAGS
from stored_versions import assert_every_version_validates
from web.web_helpers import PASSWORD, a_session, profile_data, signup_login, with_plan


def test_signup_login_me(client: TestClient) -> None:
    assert client.get("/api/v1/me").status_code == 401
    r = client.post("/api/v1/auth/signup", json={"email": "Ann@Example.org", "password": PASSWORD})
    assert r.status_code == 201
    assert r.json() == {"email": "ann@example.org"}
    r = client.post("/api/v1/auth/login", json={"email": "ann@example.org", "password": PASSWORD})
    assert r.status_code == 200
    assert set(r.json()) == {"email", "csrf_token"}
    cookie = r.headers["set-cookie"]
    assert "sw_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert client.get("/api/v1/me").json() == {"email": "ann@example.org"}


def test_signup_twice_looks_the_same_and_bad_input_is_422(lite: TestClient) -> None:
    body = {"email": "b@example.org", "password": PASSWORD}
    first = lite.post("/api/v1/auth/signup", json=body)
    assert first.status_code == 201
    r = lite.post("/api/v1/auth/signup", json={**body, "password": "another long secret 9"})
    assert (r.status_code, r.json()) == (first.status_code, first.json())
    r = lite.post("/api/v1/auth/signup", json={"email": "nope", "password": "short"})
    assert r.status_code == 422
    fields = {d["field"] for d in r.json()["detail"]}
    assert fields == {"email", "password"}


def test_wrong_password_is_401_and_says_not_which(lite: TestClient) -> None:
    signup_login(lite, "c@example.org")
    other = TestClient(lite.app)
    r = other.post("/api/v1/auth/login", json={"email": "c@example.org", "password": "x" * 12})
    assert r.status_code == 401
    r2 = other.post("/api/v1/auth/login", json={"email": "zz@example.org", "password": "x" * 12})
    assert r2.status_code == 401
    assert r.json() == r2.json()


def test_put_profile_returns_the_assessment(client: TestClient) -> None:
    signup_login(client, "d@example.org")
    data = profile_data(tests={"trunk_flexor_s": 40, "trunk_extensor_s": 60})
    r = client.put("/api/v1/profile", json=data)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["screening"] == {"status": "clear", "reasons": [], "cleared": True}
    assert {"code", "severity", "summary"} <= set(body["findings"][0])
    assert body["sensitivities"] == []
    got = client.get("/api/v1/profile").json()
    assert got["profile"]["tests"]["trunk_flexor_s"] == 40
    assert got["assessment"] == body


def test_put_profile_422_names_each_bad_field(client: TestClient) -> None:
    signup_login(client, "e@example.org")
    data = profile_data(
        schedule={"days_per_week": 9, "minutes_per_session": 40, "weeks": 12},
        pain={"current": 11, "worst_last_week": 11},
    )
    data["colour"] = "red"
    r = client.put("/api/v1/profile", json=data)
    assert r.status_code == 422
    lines = {d["field"]: d["msg"] for d in r.json()["detail"]}
    assert lines["schedule.days_per_week"] == "schedule.days_per_week: must be 1 to 7, got 9"
    assert lines["pain.current"] == "pain.current: must be 0 to 10, got 11"
    assert lines["colour"] == "colour: unknown field"
    assert client.get("/api/v1/profile").status_code == 404  # nothing stored


@pytest.mark.parametrize("body", ["[1, 2]", "{not json", '"text"'])
def test_put_profile_not_an_object_is_422(client: TestClient, body: str) -> None:
    signup_login(client, "f@example.org")
    r = client.put("/api/v1/profile", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["msg"]


def test_plan_is_made_read_and_matches_the_schema(client: TestClient, repo_root: Any) -> None:
    import json

    signup_login(client, "g@example.org")
    plan = with_plan(client, weeks=4)
    assert isinstance(plan["id"], int)
    assert len(plan["weeks"]) == 4
    schema = json.loads((repo_root / "docs/contracts/plan.schema.json").read_text())
    jsonschema.validate({k: v for k, v in plan.items() if k not in ("id",)}, schema)
    r = client.get(f"/api/v1/plans/{plan['id']}")
    assert r.status_code == 200
    assert r.json()["weeks"] == plan["weeks"]
    listed = client.get("/api/v1/plans").json()
    assert [p["id"] for p in listed] == [plan["id"]]
    assert client.get("/api/v1/plans/999999").status_code == 404


def test_plan_409_when_screening_did_not_clear(client: TestClient) -> None:
    signup_login(client, "h@example.org")
    screening = dict.fromkeys(SCREENING_FLAGS, False) | {"history_of_cancer": True}
    r = client.put("/api/v1/profile", json=profile_data(screening=screening))
    assert r.status_code == 200
    assert r.json()["screening"]["status"] == "see_clinician"
    r = client.post("/api/v1/plans", json={})
    assert r.status_code == 409
    assert client.get("/api/v1/plans").json() == []


def test_severe_pain_gets_no_plan_and_the_page_says_why(client: TestClient) -> None:
    signup_login(client, "severe@example.org")
    data = profile_data()
    data["pain"] = {**data["pain"], "current": 8, "worst_last_week": 9}
    data["screening"] = {**data["screening"], "cleared_by_clinician": True}
    r = client.put("/api/v1/profile", json=data)
    assert r.status_code == 200
    assert r.json()["screening"]["status"] == "see_clinician"
    assert client.post("/api/v1/plans", json={}).status_code == 409
    page = client.get("/assessment")
    assert page.status_code == 200
    assert "Your pain is severe (8/10 now, 9/10 at worst" in page.text


def test_plan_without_profile_is_409_and_bad_weeks_422(client: TestClient) -> None:
    signup_login(client, "i@example.org")
    assert client.post("/api/v1/plans").status_code == 409
    r = client.post("/api/v1/plans", json={"weeks": 40})
    assert r.status_code == 422
    assert r.json()["detail"][0]["msg"] == "weeks: must be at most 16, got 40"


def test_session_logged_and_read_back(client: TestClient) -> None:
    signup_login(client, "j@example.org")
    r = client.post("/api/v1/logs/sessions", json=a_session())
    assert r.status_code == 201, r.text
    session_id = r.json()["id"]
    r = client.get(f"/api/v1/logs/sessions/{session_id}")
    assert r.status_code == 200
    body = r.json()
    assert body["pain"] == {"before": 2, "during": 3, "after": 2, "next_morning": 2}
    assert body["sets"][0]["hold_s"] == 10
    assert [s["id"] for s in client.get("/api/v1/logs/sessions").json()] == [session_id]


def test_session_errors_are_422_with_fields(client: TestClient) -> None:
    signup_login(client, "k@example.org")
    assert client.post("/api/v1/logs/sessions", json=a_session()).status_code == 201
    r = client.post("/api/v1/logs/sessions", json=a_session())
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "started_at"
    bad = a_session(session_rpe=12, started_at="2026-12-08T18:00:00")
    bad["sets"][0]["exercise_id"] = "no_such_exercise"
    r = client.post("/api/v1/logs/sessions", json=bad)
    assert r.status_code == 422
    assert r.json()["detail"][0]["msg"] == "session_rpe: must be at most 10, got 12"
    r = client.post(
        "/api/v1/logs/sessions",
        json=a_session(
            started_at="2026-12-09T18:00:00",
            sets=[{"exercise_id": "no_such_exercise", "set_number": 1}],
        ),
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "sets[0].exercise_id"


def test_guided_flow_through_the_api(client: TestClient) -> None:
    signup_login(client, "l@example.org")
    with_plan(client)
    today = client.get("/api/v1/today").json()
    assert (today["week"], today["session"]) == (1, 1)
    r = client.post("/api/v1/logs/today/start", json={"pain_before": 2})
    assert r.status_code == 201
    sid = r.json()["id"]
    item = today["items"][0]
    one = {"exercise_id": item["exercise_id"], "set_number": 1, "reps": 5, "hold_s": item["hold_s"]}
    assert client.post(f"/api/v1/logs/sessions/{sid}/sets", json=one).status_code == 201
    again = client.post(f"/api/v1/logs/sessions/{sid}/sets", json={**one, "reps": 6})
    assert again.status_code == 201  # same key: replaced, not doubled
    r = client.patch(
        f"/api/v1/logs/sessions/{sid}", json={"session_rpe": 6, "pain_during": 3, "pain_after": 2}
    )
    assert r.status_code == 200
    body = r.json()
    assert len(body["sets"]) == 1
    assert body["sets"][0]["reps"] == 6
    assert body["pain"]["during"] == 3
    assert body["planned"] == {"plan_version": 1, "week": 1, "session": 1}
    nxt = client.get("/api/v1/today").json()
    assert (nxt["week"], nxt["session"]) == (1, 2)
    r = client.post("/api/v1/logs/next-morning", json={"date": "2026-12-09", "pain": 1})
    assert r.status_code == 200
    assert r.json() == {"session_id": sid}


def test_export_and_import_round_trip(client: TestClient, make_client: Any) -> None:
    signup_login(client, "m@example.org")
    client.post("/api/v1/logs/sessions", json=a_session())
    backup = client.get("/api/v1/export")
    assert backup.status_code == 200
    assert backup.json()["sessions"][0]["session_rpe"] == 6
    csv = client.get("/api/v1/export?format=csv")
    assert csv.text.startswith("started_at,")
    other = make_client()
    signup_login(other, "n@example.org")
    r = other.post(
        "/api/v1/import",
        files={"file": ("backup.json", backup.content, "application/json")},
        data={"format": "json"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["sessions_added"] == 1
    assert len(other.get("/api/v1/logs/sessions").json()) == 1
    assert len(client.get("/api/v1/logs/sessions").json()) == 1  # the source is untouched


def test_delete_account_removes_everything(client: TestClient, engine: Any) -> None:
    import sqlalchemy

    from spinewise.store.tables import Base

    signup_login(client, "o@example.org")
    with_plan(client)
    client.post("/api/v1/logs/sessions", json=a_session())

    def rows() -> dict[str, int]:
        with engine.connect() as conn:
            return {
                t.name: conn.execute(
                    sqlalchemy.select(sqlalchemy.func.count()).select_from(t)
                ).scalar_one()
                for t in Base.metadata.sorted_tables
            }

    before = rows()
    assert {"athletes", "jobs", "rate_events", "set_logs"} <= set(before)  # every table is counted
    assert before["plans"] >= 1
    assert before["session_logs"] >= 1
    r = client.request("DELETE", "/api/v1/me", json={"password": "wrong password"})
    assert r.status_code == 422
    r = client.request("DELETE", "/api/v1/me", json={"password": PASSWORD})
    assert r.status_code == 204
    assert client.get("/api/v1/me").status_code == 401
    r = client.post("/api/v1/auth/login", json={"email": "o@example.org", "password": PASSWORD})
    assert r.status_code == 401
    assert {name: n for name, n in rows().items() if n} == {}  # every table, not a chosen few


def test_openapi_lists_the_contract_routes(lite: TestClient) -> None:
    doc = lite.get("/openapi.json").json()
    paths = doc["paths"]
    for path, method in [
        ("/api/v1/auth/signup", "post"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/profile", "put"),
        ("/api/v1/plans", "post"),
        ("/api/v1/plans/{id}", "get"),
        ("/api/v1/logs/sessions", "post"),
        ("/api/v1/logs/sessions/{id}", "get"),
        ("/api/v1/sessions/next", "get"),
    ]:
        assert method in paths[path], (path, method)
    ref = paths["/api/v1/profile"]["put"]["requestBody"]["content"]["application/json"]["schema"]
    assert ref == {"$ref": "#/components/schemas/Profile"}
    assert "Profile_Schedule" in doc["components"]["schemas"]
    assert not any(p.startswith("/onboarding") for p in paths)


def test_a_finished_session_with_unacceptable_pain_adapts_the_plan(
    client: TestClient, tmp_path: Path
) -> None:
    signup_login(client, "adapt@example.org")
    with_plan(client)
    first = client.get("/api/v1/today").json()
    r = client.post("/api/v1/logs/today/start", json={"pain_before": 3})
    sid = r.json()["id"]
    item = first["items"][0]
    one = {
        "exercise_id": item["exercise_id"],
        "set_number": 1,
        "reps": item["reps"],
        "hold_s": item["hold_s"],
        "distance_m": item["distance_m"],
    }
    assert client.post(f"/api/v1/logs/sessions/{sid}/sets", json=one).status_code == 201
    r = client.patch(
        f"/api/v1/logs/sessions/{sid}", json={"session_rpe": 8, "pain_during": 7, "pain_after": 6}
    )
    assert r.status_code == 200
    plans = client.get("/api/v1/plans").json()
    assert [p["version"] for p in plans] == [1, 2]
    adapted = client.get(f"/api/v1/plans/{plans[-1]['id']}").json()
    changes = adapted["adaptations"]
    assert changes
    assert all(c["verdict"] == "regress" for c in changes)
    assert all("unacceptable" in c["reasons"][0] for c in changes)
    assert adapted["adapted_from_ids"] == [plans[0]["id"]]
    # the session logged against version 1 still counts: today moves on, it does not restart
    nxt = client.get("/api/v1/today").json()
    assert (nxt["week"], nxt["session"]) == (1, 2)
    why = [w for it in nxt["items"] for w in it["why"]]
    assert any(w.startswith("adapted (regress)") for w in why)
    # both stored versions pass `spinewise plan validate` with the profile they were made for
    versions = [
        (p["version"], json.dumps(client.get(f"/api/v1/plans/{p['id']}").json())) for p in plans
    ]
    assert assert_every_version_validates(versions, profile_data(), tmp_path) == 2


def test_retest_re_plans_and_bad_holds_are_422(client: TestClient) -> None:
    signup_login(client, "retest-api@example.org")
    assert client.put("/api/v1/profile", json=profile_data()).status_code == 200
    assert client.post("/api/v1/plans", json={}).status_code == 201
    bad = client.post("/api/v1/retests", json={"side_bridge_left_s": -1})
    assert bad.status_code == 422
    assert "tests.side_bridge_left_s" in bad.text
    assert len(client.get("/api/v1/plans").json()) == 1  # nothing stored
    r = client.post("/api/v1/retests", json={"side_bridge_left_s": 80, "side_bridge_right_s": 82})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["version"] == 2
    assert body["reason"].startswith("Retest on ")
    assert "side bridge (weaker side)" in body["reason"]
    assert len(client.get("/api/v1/plans").json()) == 2
