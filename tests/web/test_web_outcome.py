"""Honest adaptation: the API names each change, the summary after a session, the change log.

Issue 15: after a session the person sees what was done, the pain, and what changes next time
and why in plain words; the plan page lists every version's changes; after pain above 5/10 the
next session says what it holds back and why.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from web.web_helpers import NOW, planned_session, signup_login, with_plan

SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")
#: The adaptation of a session that changes nothing (adapted in the request: no job).
NOTHING = {"plan_version": None, "changes": [], "status": "done", "job": None}


def _main(html: str) -> str:
    """The visible text of the page's main element."""
    body = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def _section(html: str, css_class: str) -> str:
    """The visible text of the first section with ``css_class``."""
    start = html.index(f'class="card {css_class}"')
    return _main("<main>" + html[start : html.index("</section>", start)] + "</main>")


def test_logging_a_painful_session_answers_with_each_change_and_its_plain_reason(
    client: TestClient,
) -> None:
    signup_login(client, "honest-api@example.org")
    with_plan(client)
    r = client.post("/api/v1/logs/sessions", json=planned_session(client, during=7, after=6))
    assert r.status_code == 201, r.text
    adaptation = r.json()["adaptation"]
    assert adaptation["plan_version"] == 2
    changes = adaptation["changes"]
    assert changes
    for c in changes:
        assert set(c) >= {"exercise_id", "decision", "reason"}
        assert c["decision"] == "regress"
        assert c["exercise_id"]
        assert "7/10" in c["reason"], c["reason"]
        assert "unacceptable" not in c["reason"]
        assert not SNAKE.search(c["reason"] + c["change"]), c
    # the changes are those stored in the new plan version
    plans = client.get("/api/v1/plans").json()
    stored = client.get(f"/api/v1/plans/{plans[-1]['id']}").json()["adaptations"]
    assert {c["exercise_id"] for c in changes} == {c["exercise_id"] for c in stored}


def test_an_unplanned_or_back_filled_session_does_not_adapt_the_plan_again(
    client: TestClient,
) -> None:
    from web.web_helpers import a_session

    signup_login(client, "no-compounding@example.org")
    with_plan(client)
    painful = planned_session(client, during=7, after=6)
    r = client.post("/api/v1/logs/sessions", json=painful)
    assert r.json()["adaptation"]["changes"]
    sets_after = client.get("/api/v1/sessions/next").json()["items"]
    # an unplanned session, and an earlier planned one logged afterwards, change nothing
    r = client.post("/api/v1/logs/sessions", json=a_session())
    assert r.json()["adaptation"] == NOTHING
    earlier = {**painful, "started_at": NOW.replace(day=NOW.day - 1, hour=8).isoformat()}
    r = client.post("/api/v1/logs/sessions", json=earlier)
    assert r.json()["adaptation"]["changes"] == []
    assert [p["version"] for p in client.get("/api/v1/plans").json()] == [1, 2]
    assert client.get("/api/v1/sessions/next").json()["items"] == sets_after


def test_logging_without_a_plan_answers_with_no_changes(client: TestClient) -> None:
    signup_login(client, "no-plan@example.org")
    from web.web_helpers import a_session

    r = client.post("/api/v1/logs/sessions", json=a_session())
    assert r.status_code == 201, r.text
    assert r.json()["adaptation"] == NOTHING


def _finish_live(client: TestClient, token: str, *, during: int) -> str:
    """Start today's session, log its first set, finish it in the web form; the summary URL."""
    nxt = client.get("/api/v1/sessions/next").json()
    sid = client.post("/api/v1/logs/today/start", json={"pain_before": 2}).json()["id"]
    item = nxt["items"][0]
    one = {
        "exercise_id": item["exercise_id"],
        "set_number": 1,
        "side": None if item["sets"] else "left",
        "reps": item["reps"],
        "hold_s": item["hold_s"],
        "distance_m": item["distance_m"],
    }
    assert client.post(f"/api/v1/logs/sessions/{sid}/sets", json=one).status_code == 201
    r = client.post(
        f"/sessions/{sid}/finish",
        data={
            "csrf_token": token,
            "session_rpe": "7",
            "pain_during": str(during),
            "pain_after": "4",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"/sessions/{sid}/summary"
    return str(r.headers["location"])


def test_the_summary_after_a_painful_session_names_the_changes_and_why(
    client: TestClient,
) -> None:
    token = signup_login(client, "summary@example.org")
    with_plan(client)
    first = client.get("/api/v1/sessions/next").json()["items"][0]["name"]
    url = _finish_live(client, token, during=7)
    page = client.get(url)
    assert page.status_code == 200
    text = _main(page.text)
    assert "Your pain went above 5/10" in text
    next_time = _section(page.text, "next-time")
    assert "What changes next time, and why" in next_time
    assert "A step back" in next_time
    assert "Because pain during the session was 7/10, above 5/10: too much." in next_time
    assert re.search(r"Lighter: \d+ exercises? ", next_time)
    assert first in text  # what was done, by name
    detail = _main(client.get(url.removesuffix("/summary")).text)
    assert first in detail  # every set of the session, by name
    assert not SNAKE.search(detail), SNAKE.findall(detail)
    assert "1 of " in text  # one set logged of those planned
    assert "During: 7/10, above 5/10: too much" in text
    assert "Before: 2/10, in the safe range (0 to 2)" in text
    assert not SNAKE.search(text), SNAKE.findall(text)
    # the next session is not today, and says what it holds back and why
    assert "the next session is not today" in text
    today = _main(client.get("/today").text)
    assert "This session holds back, and why" in today
    assert "Because pain during the session was 7/10" in today
    # the plan page's change log lists the new version with its date and reasons
    plan = _main(client.get("/plan", follow_redirects=True).text)
    assert "How this plan has changed" in plan
    assert "Version 2" in plan
    assert "The plan as first made." in plan
    assert "corrected" not in plan + text  # adapted once, nothing corrected
    assert NOW.strftime("%A %d %B %Y") in plan
    assert "Because pain during the session was 7/10" in plan


def test_notes_added_later_do_not_adapt_the_plan_again(client: TestClient) -> None:
    token = signup_login(client, "notes-later@example.org")
    with_plan(client)
    sid = _finish_live(client, token, during=7).split("/")[2]
    assert [p["version"] for p in client.get("/api/v1/plans").json()] == [1, 2]
    r = client.patch(f"/api/v1/logs/sessions/{sid}", json={"notes": "felt it in the hip"})
    assert r.status_code == 200
    r = client.patch(f"/api/v1/logs/sessions/{sid}", json={"pain_during": 7})  # the same again
    assert r.status_code == 200
    assert [p["version"] for p in client.get("/api/v1/plans").json()] == [1, 2]
    # a corrected pain is news: the plan adapts to it again
    assert client.patch(f"/api/v1/logs/sessions/{sid}", json={"pain_during": 9}).status_code == 200
    assert [p["version"] for p in client.get("/api/v1/plans").json()] == [1, 2, 3]


def test_the_summary_of_a_session_that_changes_nothing_says_so(client: TestClient) -> None:
    token = signup_login(client, "calm@example.org")
    with_plan(client)
    page = client.get(_finish_live(client, token, during=4))
    text = _main(page.text)
    assert "Nothing changes: your next sessions stay as planned." in _section(
        page.text, "next-time"
    )
    assert "Your pain went above 5/10" not in text
    plan = _main(client.get("/plan", follow_redirects=True).text)
    assert "How this plan has changed" not in plan  # one version: no change log
    assert "held" not in _main(client.get("/today").text).lower()


def test_someone_elses_summary_is_404(make_client: Any) -> None:
    owner, other = make_client(), make_client()
    token = signup_login(owner, "owner-summary@example.org")
    with_plan(owner)
    url = _finish_live(owner, token, during=3)
    signup_login(other, "other-summary@example.org")
    assert other.get(url).status_code == 404


def test_a_corrected_pain_re_adapts_once_and_the_change_log_says_so(client: TestClient) -> None:
    """Issue 15: a correction re-adapts from the version before, it does not stack on top."""
    signup_login(client, "corrected@example.org")
    with_plan(client)
    logged = planned_session(client, during=7, after=6)
    r = client.post("/api/v1/logs/sessions", json=logged)
    sid = r.json()["id"]
    regressed = {c["exercise_id"] for c in r.json()["adaptation"]["changes"]}
    assert regressed
    assert all(c["decision"] == "regress" for c in r.json()["adaptation"]["changes"])
    # the pain was 1/10, not 7/10: the regression made because of it is undone, not stacked on
    for pain in (2, 1):  # correcting twice still leaves one adaptation for the session
        r = client.patch(
            f"/api/v1/logs/sessions/{sid}", json={"pain_during": pain, "pain_after": pain}
        )
        assert r.status_code == 200, r.text
    plans = client.get("/api/v1/plans").json()
    assert [p["version"] for p in plans] == [1, 2, 3, 4]
    newest = client.get(f"/api/v1/plans/{plans[-1]['id']}").json()
    made = {(c["version"], c["verdict"]) for c in newest["adaptations"]}
    assert not any(verdict == "regress" for _v, verdict in made), made
    assert len({v for v, _verdict in made}) <= 1
    # the plan page's change log shows one adaptation, the corrected one, and says so
    page = _main(client.get(f"/plans/{plans[-1]['id']}").text)
    assert "it replaces version 3" in page
    assert "Version 2" not in page
    assert "Version 3 " not in page
    assert "7/10" not in page
    assert "The plan as first made." in page
    # the session's summary says its changes were worked out again
    summary = _main(client.get(f"/sessions/{sid}/summary").text)
    assert "Worked out again after this session's log was corrected" in summary
    # nothing logged is lost
    stored = client.get(f"/api/v1/logs/sessions/{sid}").json()
    assert len(stored["sets"]) == len(logged["sets"])
    assert stored["pain"]["during"] == 1


def test_a_set_corrected_after_the_session_re_adapts_the_plan(client: TestClient) -> None:
    signup_login(client, "corrected-set@example.org")
    first = with_plan(client)["weeks"][0]["sessions"][0]
    # a set of an item dosed by RPE: RPE 10 is above its target, so its verdict changes
    by_rpe = {
        it["exercise_id"]
        for b in first["blocks"]
        for it in b["items"]
        if it["intensity"]["kind"] == "rpe"
    }
    logged = planned_session(client, during=1, after=1)
    sid = client.post("/api/v1/logs/sessions", json=logged).json()["id"]
    assert [p["version"] for p in client.get("/api/v1/plans").json()] == [1, 2]
    same = next(s for s in logged["sets"] if s["exercise_id"] in by_rpe)
    assert client.post(f"/api/v1/logs/sessions/{sid}/sets", json=same).status_code == 201
    assert [p["version"] for p in client.get("/api/v1/plans").json()] == [1, 2]  # nothing new
    fixed = {**same, "rpe": 10}  # the hardest possible, not an easy 5
    assert client.post(f"/api/v1/logs/sessions/{sid}/sets", json=fixed).status_code == 201
    plans = client.get("/api/v1/plans").json()
    assert [p["version"] for p in plans] == [1, 2, 3]
    newest = client.get(f"/api/v1/plans/{plans[-1]['id']}").json()
    assert len({c["version"] for c in newest["adaptations"]}) == 1
    sets = client.get(f"/api/v1/logs/sessions/{sid}").json()["sets"]
    assert len(sets) == len(logged["sets"])
    assert any(s["rpe"] == 10 for s in sets)
