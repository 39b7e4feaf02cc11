"""The pages through their forms: onboarding, the stop page, a plan, a guided session, progress."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

from fastapi.testclient import TestClient

from spinewise.profile import SCREENING_FLAGS
from web.web_helpers import NOW, PASSWORD, signup_login


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def _signup(client: TestClient, email: str) -> None:
    token = _token(client.get("/signup").text)
    r = client.post(
        "/signup",
        data={"email": email, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303
    # Sign-up never logs in (that would tell whether the address was new): log in now.
    page = client.get(r.headers["location"])
    r = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": _token(page.text)},
        follow_redirects=False,
    )
    assert r.status_code == 303


def _screen(client: TestClient, cleared: dict[str, str] | None = None, **yes: bool) -> Any:
    page = client.get("/onboarding")
    data = {flag: "yes" if yes.get(flag) else "no" for flag in SCREENING_FLAGS}
    data |= {f"cleared_on.{flag}": day for flag, day in (cleared or {}).items()}
    data["csrf_token"] = _token(page.text)
    return client.post("/onboarding/screening", data=data, follow_redirects=False)


PROFILE_FORM = {
    "athlete.name": "Robin",
    "athlete.sex": "male",
    "athlete.age": "41",
    "athlete.body_mass_kg": "80",
    "athlete.height_cm": "180",
    "athlete.training_experience": "intermediate",
    "tests.trunk_flexor_s": "60",
    "tests.trunk_extensor_s": "90",
    "schedule.days_per_week": "2",
    "schedule.minutes_per_session": "30",
    "schedule.weeks": "4",
    "equipment.available": ["mat"],
    "goals.focus": ["durability"],
    "pain.current": "1",
    "pain.worst_last_week": "2",
}


def test_pages_need_a_login(lite: TestClient) -> None:
    for path in ("/today", "/plan", "/progress", "/onboarding", "/account", "/data"):
        r = lite.get(path, follow_redirects=False)
        assert r.status_code == 303
        assert r.headers["location"] == f"/login?next={path}"
    assert lite.get("/").status_code == 200
    assert lite.get("/exercises").status_code == 200


def test_login_form_goes_back_where_you_were(lite: TestClient) -> None:
    signup_login(lite, "back@example.org")
    lite.cookies.clear()
    lite.headers.pop("X-CSRF-Token")
    page = lite.get("/login?next=/progress")
    data = {"email": "back@example.org", "password": PASSWORD, "next": "/progress"}
    token = _token(page.text)
    bad = {**data, "next": "//evil.example", "csrf_token": token}
    r = lite.post("/login", data=bad, follow_redirects=False)
    assert r.headers["location"] == "/"  # never off-site
    lite.cookies.delete("sw_session")
    r = lite.post("/login", data={**data, "csrf_token": token}, follow_redirects=False)
    assert r.headers["location"] == "/progress"


def test_red_flag_user_is_stopped(client: TestClient) -> None:
    _signup(client, "red@example.org")
    r = _screen(client, saddle_numbness=True)
    assert r.headers["location"] == "/onboarding/stop"
    stop = client.get("/onboarding/stop")
    assert "Get emergency care today" in stop.text
    assert "saddle" in stop.text.lower()
    assert client.get("/onboarding/profile", follow_redirects=False).status_code == 303
    assert client.get("/api/v1/plans").json() == []


def test_see_clinician_user_is_stopped_until_cleared(client: TestClient) -> None:
    _signup(client, "amber@example.org")
    assert _screen(client, history_of_cancer=True).headers["location"] == "/onboarding/stop"
    assert "See a clinician before you train" in client.get("/onboarding/stop").text
    today = NOW.date()
    old = (today - timedelta(days=85)).isoformat()
    assert (
        _screen(client, {"history_of_cancer": old}, history_of_cancer=True).headers["location"]
        == "/onboarding/stop"
    )
    assert "more than 12 weeks old" in client.get("/onboarding/stop").text
    recent = (today - timedelta(days=10)).isoformat()
    r = _screen(client, {"history_of_cancer": recent}, history_of_cancer=True)
    assert r.headers["location"] == "/onboarding/profile"
    bad = _screen(client, {"history_of_cancer": "last week"}, history_of_cancer=True)
    assert bad.status_code == 422
    assert "Date a clinician cleared question 6: must be a date such as 2026-11-20" in bad.text
    assert "last week" in bad.text


def test_screening_page_shows_the_answers_the_draft_keeps(client: TestClient) -> None:
    _signup(client, "again@example.org")
    fresh = client.get("/onboarding").text
    assert "checked" not in fresh
    old = (NOW.date() - timedelta(days=100)).isoformat()
    assert _screen(client, {"history_of_cancer": old}, history_of_cancer=True).status_code == 303
    page = client.get("/onboarding").text
    checked = re.findall(r'name="([a-z_]+)" value="(yes|no)" required checked', page)
    assert ("history_of_cancer", "yes") in checked
    assert ("saddle_numbness", "no") in checked
    assert len(checked) == len(SCREENING_FLAGS)
    assert f'name="cleared_on.history_of_cancer" type="date" value="{old}"' in page


def test_unanswered_screening_is_422_with_fields(client: TestClient) -> None:
    _signup(client, "blank@example.org")
    page = client.get("/onboarding")
    r = client.post("/onboarding/screening", data={"csrf_token": _token(page.text)})
    assert r.status_code == 422
    assert "Saddle numbness: answer yes or no" in r.text


def test_onboarding_plan_guided_session_and_progress(client: TestClient) -> None:
    _signup(client, "robin@example.org")
    assert _screen(client).headers["location"] == "/onboarding/profile"
    page = client.get("/onboarding/profile")
    assert "Trunk-flexor hold" in page.text
    assert 'data-stopwatch="tests.trunk_flexor_s"' in page.text
    token = _token(page.text)
    bad = client.post(
        "/onboarding/profile",
        data={**PROFILE_FORM, "schedule.days_per_week": "9", "csrf_token": token},
    )
    assert bad.status_code == 422
    assert "Days per week: must be 1 to 7, got 9" in bad.text
    assert 'value="Robin"' in bad.text  # the form keeps what was typed
    r = client.post(
        "/onboarding/profile", data={**PROFILE_FORM, "csrf_token": token}, follow_redirects=False
    )
    assert r.headers["location"] == "/assessment"
    assessment = client.get("/assessment")
    assert "Make my plan" in assessment.text
    r = client.post("/plans/new", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    plan_page = client.get(r.headers["location"])
    assert "Week 4" in plan_page.text
    assert "Why" in plan_page.text
    today = client.get("/today")
    assert "Start the session" in today.text
    r = client.post(
        "/today/start", data={"pain_before": "2", "csrf_token": token}, follow_redirects=False
    )
    guide_url = r.headers["location"]
    guide = client.get(guide_url)
    assert "Log set" in guide.text
    assert "data-timer" in guide.text
    sid = guide_url.split("/")[2]
    ex = re.search(r'name="exercise_id" value="([^"]+)"', guide.text)
    assert ex is not None
    one_set = {
        "exercise_id": ex.group(1),
        "set_number": "1",
        "reps": "8",
        "load_kg": "20",
        "csrf_token": token,
    }
    saved = client.post(f"/sessions/{sid}/sets", data=one_set, headers={"HX-Request": "true"})
    assert saved.status_code == 200
    assert "Saved set 1" in saved.text
    bad_set = client.post(f"/sessions/{sid}/sets", data={**one_set, "reps": "-3"})
    assert bad_set.status_code == 422
    r = client.post(
        f"/sessions/{sid}/finish",
        data={
            "session_rpe": "6",
            "pain_during": "3",
            "pain_after": "2",
            "duration_min": "30",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    summary = client.get(r.headers["location"])
    assert "Training load 180" in summary.text
    assert "Next-morning check" in summary.text
    client.post(f"/sessions/{sid}/morning", data={"pain_next_morning": "1", "csrf_token": token})
    assert "Next-morning check" not in client.get(f"/sessions/{sid}").text
    progress = client.get("/progress")
    assert "1 sessions and 1 sets logged" in progress.text
    load_svg = client.get("/progress/charts/load.svg")
    assert load_svg.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in load_svg.text
    assert "unsafe-inline" in load_svg.headers["content-security-policy"]
    e1rm = client.get("/progress/charts/e1rm.svg").text
    assert "No loaded sets" not in e1rm
    history = client.get("/sessions")
    assert "1 sessions" in history.text


def test_library_filters_and_similar(lite: TestClient) -> None:
    page = lite.get("/exercises?pattern=hinge&level=1")
    assert page.status_code == 200
    ids = re.findall(r'href="/exercises/([a-z0-9_]+)"', page.text)
    assert ids
    one = lite.get(f"/exercises/{ids[0]}")
    assert "You may also like" in one.text
    assert len(re.findall(r"% alike", one.text)) == 5
    assert lite.get("/exercises?pattern=<script>").status_code == 200


def test_learn_pages_render_markdown(lite: TestClient) -> None:
    index = lite.get("/learn")
    first = re.search(r'href="/learn/([a-z0-9-]+)"', index.text)
    assert first is not None
    page = lite.get(f"/learn/{first.group(1)}")
    assert page.status_code == 200
    assert "<p>" in page.text
    assert "Sources" in page.text


def test_account_download_and_delete(client: TestClient) -> None:
    _signup(client, "gone@example.org")
    token = _token(client.get("/account").text)
    backup = client.get("/data/export.json")
    assert backup.json()["schema_version"] == 1
    r = client.post(
        "/account/delete", data={"password": PASSWORD, "confirm": "no", "csrf_token": token}
    )
    assert r.status_code == 422
    r = client.post(
        "/account/delete", data={"password": PASSWORD, "confirm": "DELETE", "csrf_token": token}
    )
    assert "Your account is deleted" in r.text
    assert client.get("/api/v1/me").status_code == 401


class _Forms(HTMLParser):
    """Collects form controls and labels of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.label_for.add(str(a["for"]))
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append({**a, "wrapped": "yes" if self.in_label else None})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1


def test_every_form_control_has_a_label(lite: TestClient) -> None:
    _signup(lite, "labels@example.org")
    _screen(lite)
    token = _token(lite.get("/onboarding/profile").text)
    lite.post("/onboarding/profile", data={**PROFILE_FORM, "csrf_token": token})
    r = lite.post("/plans/new", data={"csrf_token": token}, follow_redirects=False)
    today = lite.get("/today").text  # before starting: the start form
    r = lite.post(
        "/today/start", data={"pain_before": "2", "csrf_token": token}, follow_redirects=False
    )
    guide = r.headers["location"]
    pages = {path: lite.get(path).text for path in ("/today", guide)}
    assert "Discard it" in pages["/today"]  # started: continue or discard, not start again
    for path in (
        "/onboarding",
        "/onboarding/profile",
        "/today (before starting)",
        guide,
        "/exercises",
        "/account",
        "/data",
        "/assessment",
        "/plans",
    ):
        parser = _Forms()
        parser.feed(today if path.startswith("/today") else lite.get(path).text)
        assert parser.controls, path
        for control in parser.controls:
            labelled = control["wrapped"] or (control.get("id") in parser.label_for)
            assert labelled, (path, control)
            assert control.get("tabindex") in (None, "0"), (path, control)


def test_retest_page_re_plans_the_weeks_to_come(client: TestClient) -> None:
    _signup(client, "retest@example.org")
    assert _screen(client).headers["location"] == "/onboarding/profile"
    token = _token(client.get("/onboarding/profile").text)
    client.post("/onboarding/profile", data={**PROFILE_FORM, "csrf_token": token})
    client.post("/plans/new", data={"csrf_token": token}, follow_redirects=False)
    page = client.get("/retest")
    assert page.status_code == 200
    assert "Last time:" in page.text
    assert 'data-stopwatch="tests.side_bridge_left_s"' in page.text
    token = _token(page.text)
    bad = client.post("/retest", data={"tests.trunk_flexor_s": "-3", "csrf_token": token})
    assert bad.status_code == 422
    assert "tests.trunk_flexor_s" in bad.text
    assert 'value="-3"' in bad.text  # what was typed stays
    empty = client.post("/retest", data={"csrf_token": token})
    assert empty.status_code == 422
    assert "give at least one hold time" in empty.text
    done = client.post("/retest", data={"tests.trunk_flexor_s": "95", "csrf_token": token})
    assert done.status_code == 200
    assert "Retest on" in done.text
    assert "trunk-flexor hold 60 s -&gt; 95 s" in done.text
    assert "See your updated plan" in done.text
