"""Weights in kilograms or pounds per account (issue 15, part 3; decision 0272).

An account that chose pounds sees every load in pounds with the unit written (plan, printable
plan, guided session, logged session, summary, exercise history and records, strength chart)
and logs loads in pounds; the store and the JSON API keep kilograms.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from web.web_helpers import profile_data, signup_login

#: A lifter with known maxes: the plan then states loads in kilograms.
LIFTER: dict[str, Any] = {
    "goals": {"focus": ["lifting"]},
    "equipment": {"available": ["mat", "barbell", "dumbbell", "kettlebell", "trap_bar", "bench"]},
    "maxes": {"squat_kg": 120, "deadlift_kg": 140},
}
LOAD = re.compile(r"\b\d+(?:\.\d+)? (kg|lb)\b")


def _text(page: str) -> str:
    body = page[page.index("<main") : page.index("</main>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def _units(page: str) -> set[str]:
    """The units the loads on a page are written in."""
    return {m[1] for m in LOAD.finditer(_text(page))}


def _lifter_plan(client: TestClient, email: str) -> tuple[str, dict[str, Any]]:
    token = signup_login(client, email)
    data = profile_data(**LIFTER)
    data["athlete"] = {**data["athlete"], "training_experience": "intermediate"}
    assert client.put("/api/v1/profile", json=data).status_code == 200
    r = client.post("/api/v1/plans", json={"weeks": 4})
    assert r.status_code == 201, r.text
    return token, dict(r.json())


def _choose(client: TestClient, token: str, unit: str) -> None:
    r = client.post(
        "/account/weight-unit",
        data={"csrf_token": token, "weight_unit": unit},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text


def _start(client: TestClient, token: str) -> int:
    r = client.post(
        "/today/start", data={"csrf_token": token, "pain_before": "1"}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    found = re.search(r"/sessions/(\d+)/guide", r.headers["location"])
    assert found is not None
    return int(found[1])


def _loaded_item(client: TestClient) -> str:
    """An exercise of the next session with a load in the plan."""
    nxt = client.get("/api/v1/sessions/next").json()
    loaded = [i for i in nxt["items"] if i.get("load_kg") or i.get("load_cap_kg")]
    return str((loaded or nxt["items"])[0]["exercise_id"])


def test_the_account_page_keeps_the_unit_and_the_api_tells_it(client: TestClient) -> None:
    token = signup_login(client, "unit@example.org")
    page = client.get("/account").text
    assert "Weights in kilograms or pounds" in page
    assert re.search(r'value="kg"\s+checked', page)
    assert client.get("/api/v1/me/weight-unit").json()["weight_unit"] == "kg"
    _choose(client, token, "lb")
    page = client.get("/account?saved=units").text
    assert re.search(r'value="lb"\s+checked', page)
    assert "Weights are now shown in pounds." in page
    assert client.get("/api/v1/me/weight-unit").json()["weight_unit"] == "lb"
    # The API sets it too, and refuses what is neither, naming the field.
    r = client.put("/api/v1/me/weight-unit", json={"weight_unit": "kg"})
    assert r.status_code == 200, r.text
    assert r.json() == {"weight_unit": "kg"}
    assert client.get("/api/v1/me").json() == {"email": "unit@example.org"}  # unchanged
    assert client.put("/api/v1/me/weight-unit", json={"weight_unit": "stone"}).status_code == 422


def test_a_unit_that_is_neither_is_refused_in_plain_words(client: TestClient) -> None:
    token = signup_login(client, "stone@example.org")
    r = client.post("/account/weight-unit", data={"csrf_token": token, "weight_unit": "stone"})
    assert r.status_code == 422
    assert 'Weight unit: choose "kg" (kilograms) or "lb" (pounds), got "stone"' in _text(r.text)
    assert client.get("/api/v1/me/weight-unit").json()["weight_unit"] == "kg"


def test_the_plan_shows_loads_in_the_chosen_unit(client: TestClient) -> None:
    token, plan = _lifter_plan(client, "plan-lb@example.org")
    page = client.get(f"/plans/{plan['id']}").text
    assert _units(page) == {"kg"}
    _choose(client, token, "lb")
    page = client.get(f"/plans/{plan['id']}").text
    assert _units(page) == {"lb"}
    printed = html.unescape(client.get(f"/plans/{plan['id']}/print").text)
    assert {m[1] for m in LOAD.finditer(printed)} == {"lb"}
    assert "141.1 lb" in printed  # the body mass, 64 kg
    # The JSON API stays in kilograms.
    api = client.get(f"/api/v1/plans/{plan['id']}").text
    assert "load_kg" in api or "load_cap_kg" in api
    assert "load_lb" not in api


def test_a_set_logged_as_100_lb_is_stored_as_45_359237_kg(client: TestClient) -> None:
    token, _plan = _lifter_plan(client, "log-lb@example.org")
    _choose(client, token, "lb")
    session_id = _start(client, token)
    exercise = _loaded_item(client)
    guide = client.get(f"/sessions/{session_id}/guide").text
    assert "Load [lb]" in guide
    assert 'name="load_lb"' in guide
    assert 'name="load_kg"' not in guide
    r = client.post(
        f"/sessions/{session_id}/sets",
        data={
            "csrf_token": token,
            "exercise_id": exercise,
            "set_number": "1",
            "reps": "5",
            "load_lb": "100",
        },
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200, r.text
    assert "100 lb" in r.text
    stored = client.get(f"/api/v1/logs/sessions/{session_id}").json()
    (logged,) = [s for s in stored["sets"] if s["exercise_id"] == exercise]
    assert logged["load_kg"] == 45.359237
    # Shown again in pounds, as typed: the form, the session, the exercise page.
    guide = client.get(f"/sessions/{session_id}/guide").text
    assert re.search(r'name="load_lb"[^>]*value="100"', guide)
    assert "100 lb" in _text(client.get(f"/sessions/{session_id}").text)
    exercise_page = _text(client.get(f"/exercises/{exercise}").text)
    assert "5 reps at 100 lb" in exercise_page
    assert "about 116.7 lb" in exercise_page  # Epley: 100 x (1 + 5/30)
    assert _units(client.get(f"/exercises/{exercise}").text) == {"lb"}
    # The same set in kilograms for a kilogram account.
    _choose(client, token, "kg")
    assert "5 reps at 45.36 kg" in _text(client.get(f"/exercises/{exercise}").text)
    assert "45.36 kg" in _text(client.get(f"/sessions/{session_id}").text)
    # The summary after finishing says what was done in the chosen unit.
    _choose(client, token, "lb")
    r = client.post(
        f"/sessions/{session_id}/finish",
        data={"csrf_token": token, "session_rpe": "6", "pain_during": "1", "pain_after": "1"},
    )
    assert r.status_code == 200, r.text
    assert "5 reps with 100 lb" in _text(r.text)
    chart = client.get("/progress/charts/e1rm.svg").text
    assert "e1RM [lb]" in chart


def test_the_guided_session_says_last_time_and_the_targets_in_pounds(client: TestClient) -> None:
    token, _plan = _lifter_plan(client, "last-lb@example.org")
    _choose(client, token, "lb")
    exercise = _loaded_item(client)
    before = {
        "started_at": "2026-12-02T18:00:00",
        "sets": [{"exercise_id": exercise, "set_number": 1, "reps": 5, "load_kg": 45.359237}],
    }
    assert client.post("/api/v1/logs/sessions", json=before).status_code == 201
    session_id = _start(client, token)
    guide = client.get(f"/sessions/{session_id}/guide").text
    assert "Last time: 5 reps with 100 lb" in _text(guide)
    assert _units(guide) == {"lb"}


def test_swap_options_say_their_load_cap_in_pounds(client: TestClient) -> None:
    token, _plan = _lifter_plan(client, "swap-lb@example.org")
    _choose(client, token, "lb")
    session_id = _start(client, token)
    caps: list[str] = []
    for item in client.get("/api/v1/sessions/next").json()["items"]:
        page = client.get(f"/sessions/{session_id}/swap/{item['exercise_id']}").text
        caps += re.findall(r"at most \d+(?:\.\d+)? (kg|lb)", _text(page))
    assert caps, "no swap option of this session carries a load cap"
    assert set(caps) == {"lb"}


def test_a_kilogram_form_is_read_in_kilograms_whatever_the_account_says(
    client: TestClient,
) -> None:
    """A form shown in kg and sent after the account switched to lb is still read in kg."""
    token, _plan = _lifter_plan(client, "switch@example.org")
    session_id = _start(client, token)
    exercise = _loaded_item(client)
    _choose(client, token, "lb")
    r = client.post(
        f"/sessions/{session_id}/sets",
        data={"csrf_token": token, "exercise_id": exercise, "set_number": "1", "load_kg": "40"},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200, r.text
    stored = client.get(f"/api/v1/logs/sessions/{session_id}").json()
    assert [s["load_kg"] for s in stored["sets"]] == [40.0]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("load_lb", "5000", "Load [lb]: must be -2204.62 to 4409.25 pounds, got 5000"),
        ("load_lb", "heavy", 'Load [lb]: must be a number, got "heavy"'),
    ],
)
def test_a_load_out_of_range_names_the_field_and_the_unit(
    client: TestClient, field: str, value: str, words: str
) -> None:
    token, _plan = _lifter_plan(client, f"range-{value}@example.org")
    session_id = _start(client, token)
    r = client.post(
        f"/sessions/{session_id}/sets",
        data={
            "csrf_token": token,
            "exercise_id": _loaded_item(client),
            "set_number": "1",
            field: value,
        },
    )
    assert r.status_code == 422
    assert words in _text(r.text)
