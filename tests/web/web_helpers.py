"""Helpers of the web tests: settings, users with a profile and a plan, a logged session."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient

from spinewise.catalog import load_catalog
from spinewise.profile import EXAMPLE_MINIMAL
from spinewise.web import WebSettings

#: Cheap argon2id parameters: the tests sign up hundreds of users.
FAST_WEB = WebSettings(
    argon2_memory_kib=64,
    argon2_time_cost=1,
    argon2_parallelism=1,
    signup_max_per_address=100_000,  # every test client signs up from the same address
)
NOW = datetime(2026, 12, 9, 18, 30)
PASSWORD = "correct horse battery"
#: Any catalogue exercise (the tests do not depend on particular ids).
EXERCISE = load_catalog().ids[0]


class FakeClock:
    """A monotonic clock the tests move by hand [s]."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def profile_data(**changes: Any) -> dict[str, Any]:
    """The minimal example profile with sections replaced."""
    data = copy.deepcopy(EXAMPLE_MINIMAL)
    for key, value in changes.items():
        data[key] = value
    return data


def signup_login(client: TestClient, email: str) -> str:
    """Sign up and log in through the API; return the CSRF token and set it as a header."""
    r = client.post("/api/v1/auth/signup", json={"email": email, "password": PASSWORD})
    assert r.status_code == 201, r.text
    r = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    token = r.json()["csrf_token"]
    client.headers["X-CSRF-Token"] = token
    return str(token)


def with_plan(client: TestClient, weeks: int = 4) -> dict[str, Any]:
    """Store the minimal profile and make a plan; return the plan JSON."""
    r = client.put("/api/v1/profile", json=profile_data())
    assert r.status_code == 200, r.text
    r = client.post("/api/v1/plans", json={"weeks": weeks})
    assert r.status_code == 201, r.text
    return dict(r.json())


def a_session(**changes: Any) -> dict[str, Any]:
    """A session in the backup shape."""
    data: dict[str, Any] = {
        "started_at": "2026-12-07T18:00:00",
        "duration_min": 42,
        "session_rpe": 6,
        "pain": {"before": 2, "during": 3, "after": 2, "next_morning": 2},
        "sets": [
            {
                "exercise_id": EXERCISE,
                "set_number": 1,
                "side": "left",
                "reps": 8,
                "load_kg": None,
                "hold_s": 10,
                "distance_m": None,
                "tempo": None,
                "rpe": 7,
            }
        ],
    }
    data.update(changes)
    return data


def planned_session(client: TestClient, *, during: int, after: int) -> dict[str, Any]:
    """The next planned session logged whole, every set as planned, with the given pain."""
    nxt = client.get("/api/v1/sessions/next").json()
    sets = []
    for item in nxt["items"]:
        sides = ["left", "right"] if item["sets"] is None else [None]
        for side in sides:
            count = item["sets"] or (item["sets_left"] if side == "left" else item["sets_right"])
            for n in range(1, count + 1):
                sets.append(
                    {
                        "exercise_id": item["exercise_id"],
                        "set_number": n,
                        "side": side,
                        "reps": item["reps"],
                        "hold_s": item["hold_s"],
                        "distance_m": item["distance_m"],
                        "rpe": 5,
                    }
                )
    return {
        "started_at": NOW.replace(hour=8).isoformat(),
        "duration_min": 30,
        "session_rpe": 6,
        "pain": {"before": 2, "during": during, "after": after},
        "planned": {
            "plan_version": nxt["plan_version"],
            "week": nxt["week"],
            "session": nxt["session"],
        },
        "sets": sets,
    }
