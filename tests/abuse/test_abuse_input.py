"""No 500 for any input: text, integers, ids, nesting, names and database errors (issue 16, 2).

Each request here once gave a 500 on SQLite, PostgreSQL or both; now each is a 422 (or a 413)
whose body is valid JSON naming the field.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy.exc import DataError

from web.web_helpers import EXERCISE, a_session

pytestmark = pytest.mark.abuse


def _raw(client, method: str, path: str, body: str):
    return client.request(
        method, path, content=body.encode("utf-8"), headers={"Content-Type": "application/json"}
    )


def _problem_fields(r) -> set[str]:
    detail = r.json()["detail"]
    return {d["field"] for d in detail} if isinstance(detail, list) else set()


@pytest.mark.parametrize(
    "changes",
    [
        {"notes": "a\x00b"},
        {"title": "\x00"},
        {"source": "x\x00"},
        {"title": "t" * 501},
        {"source": "s" * 41},
        {"notes": "n" * 5001},
    ],
    ids=["nul-notes", "nul-title", "nul-source", "long-title", "long-source", "long-notes"],
)
def test_text_that_no_column_stores_is_a_422(ann, changes):
    r = ann.post("/api/v1/logs/sessions", json=a_session(**changes))
    assert r.status_code == 422, r.text
    assert _problem_fields(r) == set(changes)
    assert ann.get("/api/v1/logs/sessions").json() == []


def test_a_lone_surrogate_is_a_422_with_a_readable_answer(ann):
    body = json.dumps(a_session()).replace('"sets"', '"notes": "x\\ud800y", "sets"')
    r = _raw(ann, "POST", "/api/v1/logs/sessions", body)
    assert r.status_code == 422, r.text
    assert "notes" in _problem_fields(r)
    r = _raw(ann, "POST", "/api/v1/auth/login", '{"email": "a\\udc00@x.org", "password": "x"}')
    assert r.status_code == 422, r.text


def test_nul_in_a_set_is_a_422(ann):
    sid = ann.post("/api/v1/logs/sessions", json=a_session()).json()["id"]
    one = {"exercise_id": EXERCISE, "set_number": 2, "reps": 3, "notes": "\x00"}
    r = ann.post(f"/api/v1/logs/sessions/{sid}/sets", json=one)
    assert r.status_code == 422, r.text


@pytest.mark.parametrize(
    "changes",
    [
        {"planned": {"plan_version": 2**40, "week": 1, "session": 1}},
        {"planned": {"plan_version": 1, "week": 2**31, "session": 1}},
        {"utc_offset_min": 2**20},
        {"session_rpe": 2**63},
    ],
    ids=["version", "week", "offset", "rpe"],
)
def test_integers_past_the_column_types_are_a_422(ann, changes):
    r = ann.post("/api/v1/logs/sessions", json=a_session(**changes))
    assert r.status_code == 422, r.text


def test_a_huge_plan_id_or_seed_is_a_422(ann):
    assert ann.get(f"/api/v1/plans/{2**63}").status_code == 422
    assert ann.post("/api/v1/plans", json={"seed": 2**63}).status_code == 422


@pytest.mark.parametrize("bad", ["custom:Bad Id", "$\\foo{$", "CUSTOM:x", "custom:", "a b"])
def test_custom_exercise_ids_are_checked_at_the_boundary(ann, bad):
    one = dict(a_session()["sets"][0], exercise_id=bad)
    r = ann.post("/api/v1/logs/sessions", json=a_session(sets=[one]))
    assert r.status_code == 422, r.text
    sid = ann.post("/api/v1/logs/sessions", json=a_session()).json()["id"]
    r = ann.post(f"/api/v1/logs/sessions/{sid}/sets", json=dict(one, set_number=5))
    assert r.status_code == 422, r.text
    ann.delete(f"/api/v1/logs/sessions/{sid}")


@pytest.mark.parametrize("path", ["/api/v1/logs/sessions", "/api/v1/profile"])
def test_json_nested_20000_deep_is_a_422(ann, path):
    method = "PUT" if path.endswith("profile") else "POST"
    deep = '{"a":' * 10_000 + "1" + "}" * 10_000  # 60 kB, under the body limit
    r = _raw(ann, method, path, deep)
    assert r.status_code == 422, r.text[:300]
    assert "nested deeper" in r.text


def test_deep_json_in_an_imported_backup_is_a_422(ann):
    deep = "[" * 100_000 + "]" * 100_000  # 200 kB, under the upload limit
    r = ann.post(
        "/api/v1/import",
        files={"file": ("b.json", deep.encode(), "application/json")},
        data={"format": "json"},
    )
    assert r.status_code == 422, r.text[:300]


def test_an_exercise_name_over_200_characters_in_an_import_is_kept_short(ann):
    name = "Very long exercise " * 20  # 380 characters
    csv = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        f"2026-11-05 17:32:10,Back day,1h,{name},1,20,8,0,0,,,\n"
        "2026-11-06 17:32:10,Back day,1h,Odd\x00name,1,20,8,0,0,,,\n"
    )
    r = ann.post(
        "/api/v1/import",
        files={"file": ("strong.csv", csv.encode(), "text/csv")},
        data={"format": "strong"},
    )
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        assert r.json()["sessions_added"] == 2


def test_a_dollar_in_a_chart_label_is_text_not_mathtext():
    from spinewise.web import charts

    svg = charts.e1rm_chart({"custom:x": [(date(2026, 12, 1), 100.0)]}, {"custom:x": "$\\foo{$"})
    assert "<svg" in svg
    # Later charts still draw (mathtext state is never left broken).
    assert "<svg" in charts.empty_chart("$\\frac{$ nothing")


def test_a_dollar_in_a_report_chart_label_is_text_not_mathtext(tmp_path):
    from spinewise.report import charts as report_charts

    days = [date(2026, 12, 1), date(2026, 12, 2)]
    fig = report_charts.endurance_chart(days, [60.0, 70.0], title="$\\foo{$ athlete", unit="$\\x{$")
    out = tmp_path / "x.svg"
    report_charts.save_chart(fig, out, "svg")
    assert out.stat().st_size > 0


def test_a_database_error_is_a_422_never_a_500(ann, monkeypatch):
    from spinewise import services

    def broken(*_args, **_kwargs):
        raise DataError("INSERT", {}, Exception("value too long for type character varying(40)"))

    monkeypatch.setattr(services, "log_session", broken)
    r = ann.post("/api/v1/logs/sessions", json=a_session())
    assert r.status_code == 422
    assert "does not fit" in r.text


def test_page_signup_applies_the_api_rules(client):
    import re

    page = client.get("/signup")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    for email, password in [
        ("@", "a long enough secret 9"),
        ("ann@example.org", " " * 12),
        ("ann@example.org", "12345678"),
        ("ann@example.org", "x" * 5000),
    ]:
        r = client.post(
            "/signup",
            data={"email": email, "password": password, "csrf_token": token},
            follow_redirects=False,
        )
        assert r.status_code in (413, 422), (email, password[:10], r.status_code)
        api = client.post("/api/v1/auth/signup", json={"email": email, "password": password})
        assert api.status_code == 422, (email, password[:10], api.status_code)
