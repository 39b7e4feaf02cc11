"""The morning check-in page, "Recommended for you" on the home page, and forms that start from the
stored profile (decision 0271), through the pages with TestClient."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text

from spinewise.habits.rules import load_habit_rules
from spinewise.pain_bands import ACCEPTABLE_MAX_0_10
from spinewise.profile import SCREENING_FLAGS
from web.web_helpers import PASSWORD, a_session, profile_data, signup_login, with_plan

#: A morning of the day before NOW.
YESTERDAY = "2026-12-08T07:30:00"


class _Text(HTMLParser):
    """The text a person reads (no tags, no attributes, no script or style)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _section(html: str, title_id: str) -> str:
    found = re.search(rf'<section[^>]*aria-labelledby="{title_id}".*?</section>', html, re.S)
    assert found is not None, f"no section {title_id}"
    return found.group(0)


def _error_of(html: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="{re.escape(field)}-error">([^<]*)</p>', html)
    assert found is not None, f"no error next to {field}"
    return found.group(1).replace("&#34;", '"').replace("&quot;", '"')


def test_checkin_errors_are_next_to_their_fields_with_the_value_and_what_is_allowed(
    client: TestClient,
) -> None:
    signup_login(client, "checkin-errors@example.org")
    with_plan(client)
    page = client.get("/checkin")
    assert page.status_code == 200
    assert "How many hours did you sleep last night?" in page.text
    r = client.post(
        "/checkin",
        data={"sleep_h": "twenty", "soreness": "7", "energy": "3", "next_morning_pain": "5.5"},
    )
    assert r.status_code == 422
    assert _error_of(r.text, "sleep_h") == (
        'Sleep last night: "twenty" is not allowed; give a number of hours from 0 to 16.'
    )
    assert _error_of(r.text, "soreness") == (
        'Muscle soreness: "7" is not allowed; give a whole number from 1 (not at all) to 5 '
        "(very sore)."
    )
    assert _error_of(r.text, "next_morning_pain").startswith(
        'Back pain this morning: "5.5" is not allowed; give a whole number from 0 (no pain)'
    )
    assert 'id="energy-error"' not in r.text  # a good answer has no error
    assert 'aria-invalid="true"' in r.text
    assert 'value="twenty"' in r.text
    assert 'value="3"' in r.text
    assert "sleep_h" not in _text(r.text)  # no internal name is shown
    # nothing was stored
    assert 'id="guidance"' not in client.get("/checkin").text


def test_checkin_stores_the_answers_where_the_log_keeps_them_and_gives_todays_advice(
    client: TestClient,
) -> None:
    signup_login(client, "checkin-pain@example.org")
    with_plan(client)
    r = client.post("/api/v1/logs/sessions", json=a_session(started_at=YESTERDAY))
    assert r.status_code == 201, r.text
    yesterday_id = r.json()["id"]
    home = client.get("/")
    assert 'href="/checkin"' in _section(home.text, "checkin-title")
    r = client.post(
        "/checkin",
        data={
            "sleep_h": "5",
            "soreness": "2",
            "stress": "2",
            "energy": "4",
            "next_morning_pain": "6",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    guidance = _text(_section(page.text, "guidance-title"))
    assert "Skip the loaded exercises today" in guidance
    assert f"above {ACCEPTABLE_MAX_0_10}/10" in guidance
    assert "do not do today's session" in guidance
    assert "Train as planned" not in guidance
    assert "You slept 5 hours" in guidance
    assert 'value="6"' in page.text  # the form shows this morning's answers
    # the pain is the next-morning pain of yesterday's session, as `spinewise log morning` does
    logged = client.get(f"/api/v1/logs/sessions/{yesterday_id}").json()
    assert logged["pain"]["next_morning"] == 6
    # the home page says it, and today's session waits: nothing progresses through the pain
    assert "Skip the loaded exercises today" in _text(client.get("/").text)
    today = _text(client.get("/today").text)
    assert "Your back pain this morning was above 5/10, so the next session is not today." in (
        today
    )
    assert "Start the session" not in today
    assert "This morning's check-in: Skip the loaded exercises today" in today
    assert client.post("/today/start", data={"pain_before": "2"}).status_code == 422


def test_a_session_started_after_the_checkin_gets_its_readiness(client: TestClient) -> None:
    signup_login(client, "checkin-ready@example.org")
    with_plan(client)
    r = client.post(
        "/checkin",
        data={"sleep_h": "7.5", "soreness": "2", "stress": "4", "energy": "3"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    page = client.get("/checkin")
    assert "Keep it easy today" in _text(_section(page.text, "guidance-title"))
    r = client.post("/today/start", data={"pain_before": "1"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    session_id = int(r.headers["location"].split("/")[2])
    logged = client.get(f"/api/v1/logs/sessions/{session_id}").json()
    assert logged["readiness"] == {"sleep_h": 7.5, "soreness": 2, "stress": 4, "energy": 3}


def test_the_checkin_uses_the_apps_one_pain_threshold() -> None:
    assert load_habit_rules().check_in.unacceptable_pain == ACCEPTABLE_MAX_0_10


def test_home_recommends_the_next_session_and_more_with_plain_reasons(client: TestClient) -> None:
    signup_login(client, "for-you@example.org")
    with_plan(client)
    home = client.get("/")
    block = _section(home.text, "for-you-title")
    words = _text(block)
    assert "Your next session: week 1, session 1" in words
    assert "In your next session" in words
    assert "You may also like" in words
    links = re.findall(r'href="/exercises/([^"]+)"', block)
    assert len(links) >= 4
    for exercise in links:
        assert exercise not in words  # the id is in the link, never in the text
        assert client.get(f"/exercises/{exercise}").status_code == 200
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", words), words  # no snake_case
    assert re.search(r"instead of [A-Z]", words) or "Serves your finding" in words


def test_recommendations_follow_this_mornings_pain(client: TestClient) -> None:
    signup_login(client, "for-you-pain@example.org")
    with_plan(client)
    client.post("/checkin", data={"next_morning_pain": "4"})
    block = _text(_section(client.get("/").text, "for-you-title"))
    assert "Ranked with your back pain this morning, 4/10." in block
    assert "Pain now 4/10" in block


def test_retest_form_starts_from_the_stored_tests(client: TestClient) -> None:
    signup_login(client, "retest-stored@example.org")
    tests = {"trunk_flexor_s": 61.5, "side_bridge_left_s": 40}
    r = client.put("/api/v1/profile", json=profile_data(tests=tests))
    assert r.status_code == 200, r.text
    page = client.get("/retest")
    assert re.search(r'name="tests.trunk_flexor_s"[^>]*value="61.5"', page.text)
    assert re.search(r'name="tests.side_bridge_left_s"[^>]*value="40"', page.text)
    assert re.search(r'name="tests.trunk_extensor_s"[^>]*value=""', page.text)


def test_update_my_answers_starts_from_the_stored_profile(client: TestClient) -> None:
    signup_login(client, "update-answers@example.org")
    tests = {"trunk_flexor_s": 75}
    r = client.put("/api/v1/profile", json=profile_data(tests=tests))
    assert r.status_code == 200, r.text
    assessment = client.get("/assessment")
    assert 'href="/onboarding">Update my answers and tests' in assessment.text
    screening = client.get("/onboarding")
    flags = re.findall(r'name="([a-z_]+)" value="no" required checked', screening.text)
    assert len(flags) == len(SCREENING_FLAGS)  # the stored screening answers, all "no"
    r = client.post(
        "/onboarding/screening",
        data=dict.fromkeys(flags, "no"),
        follow_redirects=False,
    )
    assert r.headers["location"] == "/onboarding/profile"
    page = client.get("/onboarding/profile")
    assert re.search(r'name="tests.trunk_flexor_s"[^>]*value="75"', page.text)
    assert re.search(r'name="athlete.age"[^>]*value="34"', page.text)


def test_checkin_needs_the_csrf_token(client: TestClient) -> None:
    token = signup_login(client, "checkin-csrf@example.org")
    del client.headers["X-CSRF-Token"]
    assert client.post("/checkin", data={"sleep_h": "7"}).status_code == 403
    assert client.post("/checkin", data={"sleep_h": "7", "csrf_token": "nope"}).status_code == 403
    ok = client.post("/checkin", data={"sleep_h": "7", "csrf_token": token}, follow_redirects=False)
    assert ok.status_code == 303


def test_deleting_the_account_deletes_its_checkins(client: TestClient, engine: Any) -> None:
    token = signup_login(client, "checkin-delete@example.org")
    client.post("/checkin", data={"sleep_h": "7", "next_morning_pain": "1"})
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM morning_checkins")).scalar_one() == 1
    r = client.post(
        "/account/delete", data={"password": PASSWORD, "confirm": "DELETE", "csrf_token": token}
    )
    assert "Your account is deleted" in r.text
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM morning_checkins")).scalar_one() == 0


def test_a_checkin_touches_only_its_own_log(client: TestClient, make_client: Any) -> None:
    signup_login(client, "checkin-alice@example.org")
    with_plan(client)
    alices = client.post("/api/v1/logs/sessions", json=a_session(started_at=YESTERDAY)).json()
    bob = make_client()
    signup_login(bob, "checkin-bob@example.org")
    with_plan(bob)
    assert bob.post("/checkin", data={"next_morning_pain": "9", "sleep_h": "4"}).status_code == 200
    assert 'id="guidance"' not in client.get("/checkin").text
    after = client.get(f"/api/v1/logs/sessions/{alices['id']}").json()
    assert after["pain"] == alices["pain"]
    assert "Start the session" in client.get("/today").text
