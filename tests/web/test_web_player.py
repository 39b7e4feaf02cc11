"""The guided player (issue 15): per-side sets with the weaker side's extra sets, "last time",
"this hurts" and "swap this" with reasons, pause and discard without using the session up.

The one-exercise-at-a-time view and the automatic rest timer are JavaScript on top of this page
(tests/web/test_web_browser.py drives them); without JavaScript the page is the same form.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from spinewise.catalog import load_catalog
from web.web_helpers import NOW, planned_session_json, profile_data, signup_login

#: A weaker left side: the plan adds sets on the left in its side-bridge work.
UNEVEN = {
    "side_bridge_left_s": 40,
    "side_bridge_right_s": 70,
    "trunk_flexor_s": 90,
    "trunk_extensor_s": 120,
}


def _text(page: str) -> str:
    body = page[page.index("<main") : page.index("</main>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def _uneven_plan(client: TestClient) -> None:
    assert client.put("/api/v1/profile", json=profile_data(tests=UNEVEN)).status_code == 200
    assert client.post("/api/v1/plans", json={"weeks": 4}).status_code == 201


def _log_whole(client: TestClient, nxt: dict[str, Any], started: datetime) -> None:
    """The planned session ``nxt`` logged whole, every set as planned, pain 1/10."""
    body = planned_session_json(nxt, started_at=started, during=1, after=1)
    assert client.post("/api/v1/logs/sessions", json=body).status_code == 201


def _started(client: TestClient, email: str) -> tuple[str, str, str, dict[str, Any]]:
    """A new person with the uneven plan, its first session started in the player.

    The CSRF token, the guide's address, the session's id and the session's first exercise.
    """
    token = signup_login(client, email)
    _uneven_plan(client)
    item = client.get("/api/v1/sessions/next").json()["items"][0]
    guide = _start(client, token)
    return token, guide, guide.split("/")[2], item


def _choose(
    client: TestClient, token: str, sid: str, planned: str, chosen: str, *, hurts: bool = False
) -> Any:
    """Choose ``chosen`` instead of ``planned`` on the swap page's form; the redirect."""
    r = client.post(
        f"/sessions/{sid}/swap/{planned}",
        data={"csrf_token": token, "chosen": chosen, "hurts": "1" if hurts else "0"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return r


def _start(client: TestClient, token: str) -> str:
    r = client.post(
        "/today/start", data={"csrf_token": token, "pain_before": "1"}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    return str(r.headers["location"])


def test_the_weaker_side_gets_its_extra_sets_and_last_time_is_shown(client: TestClient) -> None:
    token = signup_login(client, "uneven@example.org")
    _uneven_plan(client)
    # log the sessions before the first one with the weaker side's extra sets
    first = nxt = client.get("/api/v1/sessions/next").json()
    for days_ago in range(9, 0, -1):
        uneven = [it for it in nxt["items"] if it["sets_left"] != it["sets_right"]]
        if uneven and days_ago < 9:  # at least one session done, for "last time"
            break
        _log_whole(client, nxt, NOW - timedelta(days=days_ago))
        first, nxt = nxt, client.get("/api/v1/sessions/next").json()
    assert uneven, "the plan's first week has the weaker side's extra sets"
    assert first is not nxt, "a session was done before it"
    item = uneven[0]
    assert item["sets_left"] == item["sets_right"] + 2
    page = client.get(_start(client, token)).text
    section = page[page.index(f'id="{item["exercise_id"]}"') :]
    section = section[: section.index("</section>")]
    left = re.findall(r"Set (\d+) left", section)
    right = re.findall(r"Set (\d+) right", section)
    assert len(left) == item["sets_left"]
    assert len(right) == item["sets_right"]
    assert section.count("extra set for the weaker side") == 2
    # "last time" beside the exercises done in the first session
    again = {it["exercise_id"] for it in first["items"]} & {
        it["exercise_id"] for it in nxt["items"]
    }
    assert again
    text = _text(page)
    assert text.count("Last time:") == len(again)
    assert "3/10" not in text  # one pain threshold: 5/10
    assert "above 5/10" in text


def test_this_hurts_offers_easier_options_with_reasons_and_the_swap_is_logged(
    client: TestClient,
) -> None:
    token, guide, sid, item = _started(client, "hurts@example.org")
    page = client.get(guide).text
    hurts_url = f"/sessions/{sid}/swap/{item['exercise_id']}?hurts=1"
    assert html.escape(hurts_url) in page or hurts_url in page
    hurts = client.get(hurts_url)
    assert hurts.status_code == 200
    text = _text(hurts.text)
    assert f"{item['name']} hurts" in text
    assert "Stop " in text
    assert "spreads into a leg" in text
    chosen = re.findall(r'name="chosen" value="([a-z0-9_]+)"', hurts.text)
    assert chosen, text
    options = re.findall(r"<strong>([^<]+)</strong>", hurts.text)
    reasons = re.findall(r'<span class="hint">([^<]+)</span>', hurts.text)
    assert len(reasons) >= len(chosen)
    assert all(not re.search(r"\b[a-z]+_[a-z_]+\b", r) for r in reasons)
    new_id = chosen[0]
    r = _choose(client, token, sid, item["exercise_id"], new_id, hurts=True)
    assert r.headers["location"] == f"/sessions/{sid}/guide#{new_id}"
    shown = _text(client.get(r.headers["location"]).text)
    assert options[0] in shown
    assert f"Done instead of {item['name']} today, because it hurt." in shown
    # a set of the chosen exercise, posted without JavaScript, returns to the session
    r = client.post(
        f"/sessions/{sid}/sets",
        data={"csrf_token": token, "exercise_id": new_id, "set_number": "1", "reps": "5"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"/sessions/{sid}/guide#{new_id}"
    logged = client.get(f"/api/v1/logs/sessions/{sid}").json()["sets"]
    assert [s["exercise_id"] for s in logged] == [new_id]
    # swap this: options that keep what the exercise gives the week
    swap = _text(client.get(f"/sessions/{sid}/swap/{item['exercise_id']}").text)
    assert f"Instead of {item['name']}" in swap
    assert "your plan stays as it is" in swap
    assert client.get(f"/sessions/{sid}/swap/not_in_this_session").status_code == 404


def test_starting_pausing_and_discarding_do_not_use_the_session_up(client: TestClient) -> None:
    token = signup_login(client, "pause@example.org")
    _uneven_plan(client)
    before = client.get("/api/v1/sessions/next").json()
    guide = _start(client, token)
    sid = guide.split("/")[2]
    page = client.get(guide).text
    assert "Pause and continue later today" in page
    assert "Discard this session" in page
    # pause: today offers the same session to continue
    today = _text(client.get("/today").text)
    assert "You have a session in progress" in today
    assert _start(client, token) == guide  # starting again resumes it
    # discard: gone from the log, and the same planned session is next
    r = client.post(f"/sessions/{sid}/discard", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get(f"/api/v1/logs/sessions/{sid}").status_code == 404
    after = client.get("/api/v1/sessions/next").json()
    assert (after["week"], after["session"]) == (before["week"], before["session"])
    assert client.get("/api/v1/logs/sessions").json() == []


def test_a_swap_sticks_for_the_session_and_the_log_says_what_was_done(
    client: TestClient, make_client: Any
) -> None:
    """Reload, pause and resume, and the summary keep a swap; it is stored with the session."""
    token, guide, sid, item = _started(client, "sticky-swap@example.org")
    page = client.get(f"/sessions/{sid}/swap/{item['exercise_id']}").text
    chosen = re.findall(r'name="chosen" value="([a-z0-9_]+)"', page)
    assert chosen, _text(page)
    new_id = chosen[0]
    new_name = re.findall(r"<strong>([^<]+)</strong>", page)[0]
    _choose(client, token, sid, item["exercise_id"], new_id)
    note = f"Done instead of {item['name']} today."
    # the guide's own address, a reload, and resuming after a pause all show the swap
    assert note in _text(client.get(guide).text)
    assert note in _text(client.get(f"/sessions/{sid}/guide").text)
    assert "You have a session in progress" in _text(client.get("/today").text)
    assert _start(client, token) == guide
    resumed = _text(client.get(guide).text)
    assert note in resumed
    assert new_name in resumed
    # swapping the chosen one again replaces the swap; the planned exercise can come back
    back = client.get(f"/sessions/{sid}/swap/{new_id}").text
    assert f"Go back to {item['name']}" in _text(back)
    _choose(client, token, sid, item["exercise_id"], item["exercise_id"])
    assert note not in _text(client.get(guide).text)
    _choose(client, token, sid, item["exercise_id"], new_id)
    # an exercise that is not an option, or not in the session, is refused in plain words
    r = client.post(
        f"/sessions/{sid}/swap/{item['exercise_id']}",
        data={"csrf_token": token, "chosen": "not_an_exercise"},
        follow_redirects=False,
    )
    assert r.status_code == 422
    assert "Chosen: 'not_an_exercise' is not one of the options" in html.unescape(r.text)
    assert (
        client.post(
            f"/sessions/{sid}/swap/not_in_this_session",
            data={"csrf_token": token, "chosen": new_id},
            follow_redirects=False,
        ).status_code
        == 404
    )
    # someone else cannot read or change it
    other = make_client()
    other_token = signup_login(other, "not-the-owner@example.org")
    r = other.post(
        f"/sessions/{sid}/swap/{item['exercise_id']}",
        data={"csrf_token": other_token, "chosen": item["exercise_id"]},
        follow_redirects=False,
    )
    assert r.status_code == 404
    # log the chosen exercise and finish: the summary and the log say what was actually done
    per_side = load_catalog().get(new_id).dose.per_side
    one = {"exercise_id": new_id, "set_number": 1, "side": "left" if per_side else None, "reps": 5}
    assert client.post(f"/api/v1/logs/sessions/{sid}/sets", json=one).status_code == 201
    r = client.post(
        f"/sessions/{sid}/finish",
        data={"csrf_token": token, "session_rpe": "5", "pain_during": "1", "pain_after": "1"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    summary = _text(client.get(f"/sessions/{sid}/summary").text)
    assert f"{new_name} instead of {item['name']}" in summary
    assert "(not planned)" not in summary
    detail = _text(client.get(f"/sessions/{sid}").text)
    assert f"{new_name} instead of {item['name']}" in detail
