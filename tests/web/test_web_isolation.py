"""One user can neither read nor change another's data, through any page or API route."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from spinewise.web.pages import account, library, onboarding, plans, progress, sessions
from web.web_helpers import a_session, signup_login, with_plan

#: Routes whose path parameter is not an object of a user (shared catalogue, charts, formats).
_NOT_OWNED = {
    "/exercises/{exercise_id}",
    "/exercises/{exercise_id}/figure.svg",
    "/learn/{page_id}",
    "/data/export.{fmt}",
    "/progress/charts/{name}.svg",
}


def _alice(client: TestClient) -> dict[str, Any]:
    signup_login(client, "alice@example.org")
    plan = with_plan(client)
    started = client.post("/api/v1/logs/today/start", json={"pain_before": 1}).json()
    logged = client.post("/api/v1/logs/sessions", json=a_session()).json()
    return {"plan": plan["id"], "started": started["id"], "logged": logged["id"]}


def _requests(ids: dict[str, Any], exercise: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(method, route template, concrete path, request kwargs) for every owned-object route."""
    plan, sid = ids["plan"], ids["started"]
    one_set = {"exercise_id": exercise, "set_number": 1, "reps": 3}
    return [
        ("GET", "/api/v1/plans/{id}", f"/api/v1/plans/{plan}", {}),
        ("GET", "/api/v1/logs/sessions/{id}", f"/api/v1/logs/sessions/{sid}", {}),
        (
            "GET",
            "/api/v1/logs/sessions/{id}/adaptation",
            f"/api/v1/logs/sessions/{sid}/adaptation",
            {},
        ),
        (
            "PATCH",
            "/api/v1/logs/sessions/{id}",
            f"/api/v1/logs/sessions/{sid}",
            {"json": {"session_rpe": 9}},
        ),
        (
            "POST",
            "/api/v1/logs/sessions/{id}/sets",
            f"/api/v1/logs/sessions/{sid}/sets",
            {"json": one_set},
        ),
        ("GET", "/plans/{plan_id}", f"/plans/{plan}", {}),
        ("GET", "/sessions/{session_id}", f"/sessions/{sid}", {}),
        ("GET", "/sessions/{session_id}/guide", f"/sessions/{sid}/guide", {}),
        (
            "POST",
            "/sessions/{session_id}/sets",
            f"/sessions/{sid}/sets",
            {"data": {"exercise_id": exercise, "set_number": "1", "reps": "3"}},
        ),
        (
            "POST",
            "/sessions/{session_id}/finish",
            f"/sessions/{sid}/finish",
            {"data": {"session_rpe": "9", "pain_during": "9", "pain_after": "9"}},
        ),
        (
            "POST",
            "/sessions/{session_id}/morning",
            f"/sessions/{sid}/morning",
            {"data": {"pain_next_morning": "9"}},
        ),
        ("DELETE", "/api/v1/sessions/{id}", f"/api/v1/sessions/{sid}", {}),
        ("POST", "/sessions/{session_id}/discard", f"/sessions/{sid}/discard", {"data": {}}),
        ("DELETE", "/api/v1/logs/sessions/{id}", f"/api/v1/logs/sessions/{sid}", {}),
        (
            "POST",
            "/sessions/{session_id}/delete",
            f"/sessions/{sid}/delete",
            {"data": {"confirm": "yes"}},
        ),
    ]


def test_every_owned_object_route_is_covered(client: TestClient) -> None:
    api = {
        (method.upper(), path)
        for path, item in client.get("/openapi.json").json()["paths"].items()
        if "{" in path
        for method in item
    }
    pages = {
        (method, r.path)
        for module in (account, library, onboarding, plans, progress, sessions)
        for r in module.router.routes
        if isinstance(r, APIRoute) and "{" in r.path and r.path not in _NOT_OWNED
        for method in r.methods
    }
    templates = api | pages
    covered = {(m, t) for m, t, _, _ in _requests({"plan": 1, "started": 1}, "x")}
    assert templates == covered


def test_other_users_objects_are_404_and_unchanged(client: TestClient, make_client: Any) -> None:
    ids = _alice(client)
    before = {
        "session": client.get(f"/api/v1/logs/sessions/{ids['started']}").json(),
        "plan": client.get(f"/api/v1/plans/{ids['plan']}").json(),
    }
    exercise = before["plan"]["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["exercise_id"]
    bob = make_client()
    token = signup_login(bob, "bob@example.org")
    for method, template, path, kwargs in _requests(ids, exercise):
        if "data" in kwargs:
            kwargs = {"data": {**kwargs["data"], "csrf_token": token}}
        r = bob.request(method, path, **kwargs)
        assert r.status_code == 404, (template, r.status_code, r.text[:200])
    # Bob's lists and exports hold nothing of Alice's.
    assert bob.get("/api/v1/plans").json() == []
    assert bob.get("/api/v1/logs/sessions").json() == []
    assert bob.get("/api/v1/export").json()["sessions"] == []
    assert bob.get("/api/v1/today").status_code == 404
    assert bob.get("/api/v1/profile").status_code == 404
    # Next-morning pain by date finds only Bob's own sessions.
    r = bob.post("/api/v1/logs/next-morning", json={"date": "2026-12-09", "pain": 9})
    assert r.status_code == 422
    # Alice's data is as it was.
    assert client.get(f"/api/v1/logs/sessions/{ids['started']}").json() == before["session"]
    assert client.get(f"/api/v1/plans/{ids['plan']}").json() == before["plan"]


def test_a_backup_naming_someone_else_lands_in_your_own_log(
    client: TestClient, make_client: Any
) -> None:
    _alice(client)
    backup = client.get("/api/v1/export").json()
    mallory = make_client()
    signup_login(mallory, "mallory@example.org")
    backup["sessions"] = [a_session(started_at="2026-11-01T10:00:00")]
    backup["plans"] = []
    import json

    r = mallory.post(
        "/api/v1/import",
        files={"file": ("b.json", json.dumps(backup).encode(), "application/json")},
        data={"format": "json"},
    )
    assert r.status_code == 200, r.text
    starts = [s["started_at"] for s in client.get("/api/v1/logs/sessions").json()]
    assert "2026-11-01T10:00:00" not in starts
    assert [s["started_at"] for s in mallory.get("/api/v1/logs/sessions").json()] == [
        "2026-11-01T10:00:00"
    ]


def test_progress_and_charts_show_only_your_data(client: TestClient, make_client: Any) -> None:
    _alice(client)
    bob = make_client()
    signup_login(bob, "bob2@example.org")
    page = bob.get("/progress")
    assert page.status_code == 200
    assert "0 sessions and 0 sets" in page.text
    assert "No sessions logged yet" in bob.get("/progress/charts/load.svg").text
