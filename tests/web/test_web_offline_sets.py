"""Sets logged offline and sent again (issue 15, decision 0270): stored once, never doubled.

The guided player gives each logged set an id (``client_id``); a phone that was offline sends
its kept sets when back online, perhaps twice (an answer lost on the way, two open tabs). These
tests post the player's form as the phone does, on SQLite and PostgreSQL (the ``client``
fixture), and check the stored sets. The installable app's manifest and service worker are
checked on SQLite only (no database in them).
"""

from __future__ import annotations

import json
from io import BytesIO
from typing import Any

from fastapi.testclient import TestClient
from PIL import Image

from web.web_helpers import signup_login, with_plan

#: The headers of the phone's replay (app.js sends the kept set like an HTMX post).
REPLAY = {"HX-Request": "true"}


def _started(client: TestClient, token: str) -> tuple[int, dict[str, Any]]:
    """Start today's session; its id and its first exercise."""
    first = client.get("/api/v1/sessions/next").json()["items"][0]
    r = client.post(
        "/today/start", data={"csrf_token": token, "pain_before": "1"}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    return int(r.headers["location"].split("/")[2]), first


def _set_form(token: str, exercise: str, number: int, client_id: str | None, reps: int) -> Any:
    form = {
        "csrf_token": token,
        "exercise_id": exercise,
        "set_number": str(number),
        "side": "",
        "reps": str(reps),
    }
    if client_id is not None:
        form["client_id"] = client_id
    return form


def _stored(client: TestClient, session_id: int) -> list[tuple[str, int, int | None]]:
    sets = client.get(f"/api/v1/logs/sessions/{session_id}").json()["sets"]
    return sorted((s["exercise_id"], s["set_number"], s["reps"]) for s in sets)


def test_a_set_sent_again_with_its_id_is_stored_once(client: TestClient) -> None:
    token = signup_login(client, "offline@example.org")
    with_plan(client)
    sid, item = _started(client, token)
    ex = item["exercise_id"]
    url = f"/sessions/{sid}/sets"
    one = "0b6f2c1e-7c1d-4d59-9a57-3c3e2f6f0a11"
    two = "5f0e9a3c-1b2d-4e6f-8a9b-0c1d2e3f4a5b"
    # the queue of a phone back online, sent twice (the first answers were lost)
    for _ in range(2):
        for number, cid in ((1, one), (2, two)):
            r = client.post(url, data=_set_form(token, ex, number, cid, 8), headers=REPLAY)
            assert r.status_code == 200, r.text
            assert "Saved set" in r.text
    assert _stored(client, sid) == [(ex, 1, 8), (ex, 2, 8)]
    # set 1 changed afterwards (a new id); a late replay of the first id does not undo it
    changed = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
    r = client.post(url, data=_set_form(token, ex, 1, changed, 6), headers=REPLAY)
    assert r.status_code == 200
    r = client.post(url, data=_set_form(token, ex, 1, one, 8), headers=REPLAY)
    assert r.status_code == 200
    assert _stored(client, sid) == [(ex, 1, 6), (ex, 2, 8)]
    # without an id (no JavaScript) the set is replaced by its key, as before
    r = client.post(url, data=_set_form(token, ex, 2, None, 5), follow_redirects=False)
    assert r.status_code == 303
    assert _stored(client, sid) == [(ex, 1, 6), (ex, 2, 5)]


def test_the_api_takes_an_idempotency_key(client: TestClient) -> None:
    token = signup_login(client, "offline-api@example.org")
    with_plan(client)
    sid, item = _started(client, token)
    body = {"exercise_id": item["exercise_id"], "set_number": 1, "reps": 7}
    key = {"Idempotency-Key": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"}
    answers = [
        client.post(f"/api/v1/logs/sessions/{sid}/sets", json=body, headers=key) for _ in "ab"
    ]
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    assert _stored(client, sid) == [(item["exercise_id"], 1, 7)]
    bad = client.post(
        f"/api/v1/logs/sessions/{sid}/sets", json=body, headers={"Idempotency-Key": "no way!"}
    )
    assert bad.status_code == 422
    assert "Idempotency-Key" in bad.text


def test_a_bad_set_id_is_refused_naming_it(client: TestClient) -> None:
    token = signup_login(client, "offline-bad@example.org")
    with_plan(client)
    sid, item = _started(client, token)
    form = _set_form(token, item["exercise_id"], 1, "<script>", 8)
    r = client.post(f"/sessions/{sid}/sets", data=form, headers=REPLAY)
    assert r.status_code == 422
    assert "set id from this phone" in r.text
    assert "letters, digits or dashes" in r.text
    assert _stored(client, sid) == []


def test_a_replay_still_needs_the_csrf_token_and_a_login(
    client: TestClient, make_client: Any
) -> None:
    token = signup_login(client, "offline-csrf@example.org")
    with_plan(client)
    sid, item = _started(client, token)
    form = _set_form(
        "not-the-token", item["exercise_id"], 1, "c0ffee00-1234-4abc-8def-001122334455", 8
    )
    del client.headers["X-CSRF-Token"]
    r = client.post(f"/sessions/{sid}/sets", data=form, headers=REPLAY)
    assert r.status_code == 403
    # a phone whose login ended: refused (the phone keeps the set and asks to log in again)
    stranger = make_client()
    r = stranger.get("/login")
    anonymous = stranger.cookies.get("sw_csrf")
    form["csrf_token"] = anonymous
    r = stranger.post(f"/sessions/{sid}/sets", data=form, headers=REPLAY, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login")
    client.headers["X-CSRF-Token"] = token
    assert _stored(client, sid) == []


def test_the_app_can_be_installed(lite: TestClient) -> None:
    page = lite.get("/login").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    r = lite.get("/manifest.webmanifest")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/manifest+json")
    manifest = json.loads(r.text)
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/today"
    assert manifest["short_name"] == "spinewise"
    assert manifest["theme_color"] == "#1f6f8b"
    sizes = {}
    for icon in manifest["icons"]:
        got = lite.get(icon["src"])
        assert got.status_code == 200, icon["src"]
        if icon["type"] == "image/png":
            sizes[icon["sizes"]] = Image.open(BytesIO(got.content)).size
        else:
            assert got.text.startswith("<svg")
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}


def test_the_service_worker_controls_the_site_and_never_keeps_writes(lite: TestClient) -> None:
    r = lite.get("/sw.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert r.headers["service-worker-allowed"] == "/"
    assert r.headers["cache-control"] == "no-cache"
    script = r.text
    assert 'if (request.method !== "GET") return;' in script
    assert 'url.pathname.startsWith("/api/")' in script
    # every file it keeps for offline use exists
    listed = script[script.index("STATIC_FILES = [") : script.index("];")]
    for path in [p.strip().strip('",') for p in listed.splitlines()[1:] if p.strip()]:
        assert lite.get(path).status_code == 200, path
