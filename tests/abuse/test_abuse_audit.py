"""Cases of issue 16 that its audit (docs/issue-16-cases.md) found without a test of their own.

Each test here was seen to fail with the guard it checks taken out of ``src/`` (the planted
fault is named in the table) and runs on SQLite and PostgreSQL where the case stores anything.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from web.web_helpers import FAST_WEB, PASSWORD, a_session, profile_data, signup_login

pytestmark = pytest.mark.abuse

WRONG = "not my password at all"


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


# --- Throttling that holds ---------------------------------------------------------------------


def test_logins_are_limited_per_account_over_http_from_rotating_addresses(make_app):
    """20 failures from 20 addresses (the e-mail in varied case) lock the account, not others."""
    app = make_app()
    with TestClient(app) as c:
        signup_login(c, "ann@example.org")
        signup_login(c, "bob@example.org")
    spellings = ["ann@example.org", "ANN@EXAMPLE.ORG", "Ann@Example.Org"]
    for i in range(20):
        with TestClient(app, client=(f"198.51.100.{i + 1}", 40000)) as c:
            body = {"email": spellings[i % 3], "password": WRONG}
            assert c.post("/api/v1/auth/login", json=body).status_code == 401
    with TestClient(app, client=("203.0.113.200", 40000)) as fresh:
        right = {"email": "ann@example.org", "password": PASSWORD}
        r = fresh.post("/api/v1/auth/login", json=right)
        assert r.status_code == 429, r.text
        assert "Retry-After" in r.headers
        other = {"email": "bob@example.org", "password": PASSWORD}
        assert fresh.post("/api/v1/auth/login", json=other).status_code == 200


def test_password_checks_of_the_account_page_are_limited(ann):
    token = ann.headers["X-CSRF-Token"]
    change = {"current_password": WRONG, "new_password": "a brand new long secret 7"}
    codes = [
        ann.post("/account/password", data={**change, "csrf_token": token}).status_code
        for _ in range(3)
    ]
    delete = {"password": WRONG, "confirm": "DELETE", "csrf_token": token}
    codes += [ann.post("/account/delete", data=delete).status_code for _ in range(3)]
    assert codes == [422] * 5 + [429]
    right = {"password": PASSWORD, "confirm": "DELETE", "csrf_token": token}
    assert ann.post("/account/delete", data=right).status_code == 429
    assert ann.get("/api/v1/me").status_code == 200


def test_page_signups_are_limited_per_address(make_app):
    with TestClient(make_app(signup_max_per_address=2)) as c:
        codes = []
        for i in range(4):
            page = c.get("/signup")
            form = {
                "email": f"p{i}@example.org",
                "password": PASSWORD,
                "csrf_token": _token(page.text),
            }
            codes.append(c.post("/signup", data=form, follow_redirects=False).status_code)
    assert codes == [303, 303, 429, 429]


def test_the_shared_limiter_store_prunes_keys_no_one_asks_about_again(engine):
    """The database store (``serve --workers N``) forgets attempts older than it keeps."""
    from spinewise.web.limits_store import DatabaseLimiterStore
    from spinewise.web.security import LoginRateLimiter

    store = DatabaseLimiterStore(engine)
    now = [1_800_000_000.0]
    limiter = LoginRateLimiter(window_s=900.0, clock=lambda: now[0], store=store)

    def rows() -> int:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM rate_events")).scalar_one())

    for i in range(300):  # one failure each: an attacker rotating e-mails and addresses
        limiter.failed(f"u{i}@example.org", f"10.0.{i // 250}.{i % 250}")
    assert rows() == 900  # per pair, per address and per account
    now[0] += store.keep_s + 1
    limiter.failed("last@example.org", "10.9.9.9")
    assert rows() == 3
    # Limits still hold inside the window.
    for _ in range(4):
        limiter.failed("last@example.org", "10.9.9.9")
    assert not limiter.check("last@example.org", "10.9.9.9").allowed


def test_the_redis_limiter_store_lets_every_key_expire():
    """The Redis store (``SPINEWISE_REDIS_URL``) keeps no key longer than a day after its use."""
    import uuid

    from jobs.job_helpers import redis_server
    from spinewise.web.limits_store import RedisLimiterStore
    from spinewise.web.security import LoginRateLimiter

    with redis_server() as url:
        prefix = f"spinewise-test-{uuid.uuid4().hex[:12]}:"
        store = RedisLimiterStore(url, prefix=prefix)
        now = [1_800_000_000.0]
        limiter = LoginRateLimiter(window_s=900.0, clock=lambda: now[0], store=store)
        try:
            for i in range(50):
                limiter.failed(f"u{i}@example.org", f"10.0.0.{i}")
            keys = store.client.keys(prefix + "*")
            assert len(keys) == 150
            assert all(0 < store.client.ttl(k) <= 24 * 3600 for k in keys)
            now[0] += 901  # a key asked about again drops its old attempts at once
            assert limiter.check("u0@example.org", "10.0.0.0").allowed
            assert store.client.zcard(prefix + _sha256("pw:u0@example.org|10.0.0.0")) == 0
        finally:
            for key in store.client.keys(prefix + "*"):
                store.client.delete(key)


def _sha256(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- Accounts ------------------------------------------------------------------------------------


def test_a_500000_character_password_is_refused_alike_by_page_and_api(make_app):
    """At the real body limit (2 MB) the password policy answers, on the page as in the API."""
    huge = "correct horse battery " * 22_728  # 500,016 characters
    with TestClient(make_app(max_body_bytes=FAST_WEB.max_body_bytes)) as c:
        api = c.post("/api/v1/auth/signup", json={"email": "big@example.org", "password": huge})
        assert api.status_code == 422, api.text[:300]
        assert "password" in api.text
        page = c.get("/signup")
        form = {"email": "big@example.org", "password": huge, "csrf_token": _token(page.text)}
        r = c.post("/signup", data=form)
        assert r.status_code == 422
        assert "password" in r.text
        login = {"email": "big@example.org", "password": huge[:1000]}
        assert c.post("/api/v1/auth/login", json=login).status_code == 401


def test_log_out_everywhere_on_the_account_page_ends_the_other_devices(ann, app):
    with TestClient(app) as phone:
        login = {"email": "ann@example.org", "password": PASSWORD}
        assert phone.post("/api/v1/auth/login", json=login).status_code == 200
        r = ann.post(
            "/account/logout-everywhere",
            data={"csrf_token": ann.headers["X-CSRF-Token"]},
            follow_redirects=False,
        )
        assert r.status_code == 303
        assert phone.get("/api/v1/me").status_code == 401  # its cookie is still there


@pytest.mark.parametrize("password", [" " * 8, "12345678"])
def test_the_issues_own_weak_passwords_are_refused_by_page_and_api(client, password):
    body = {"email": "weak@example.org", "password": password}
    assert client.post("/api/v1/auth/signup", json=body).status_code == 422
    page = client.get("/signup")
    r = client.post("/signup", data={**body, "csrf_token": _token(page.text)})
    assert r.status_code == 422
    assert client.post("/api/v1/auth/login", json=body).status_code == 401


# --- Bounds and input -------------------------------------------------------------------------


def test_an_exercise_name_over_200_characters_is_imported_cut_to_the_column(ann, engine):
    """Only the long name this time (the older test's NUL row made the whole file a 422)."""
    name = "Very long exercise " * 20  # 380 characters
    csv = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        f"Workout Notes,RPE\n2026-11-05 17:32:10,Back day,1h,{name},1,20,8,0,0,,,\n"
    )
    r = ann.post(
        "/api/v1/import",
        files={"file": ("strong.csv", csv.encode(), "text/csv")},
        data={"format": "strong"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["sets_added"] == 1
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT source_name FROM set_logs")).scalars().all()
    assert len(stored) == 1
    assert stored[0] is None or len(stored[0]) <= 200


@pytest.mark.parametrize("field", ["--notes", "--title"])
def test_a_lone_surrogate_from_the_command_line_is_one_line(db_url, monkeypatch, capsys, field):
    """Bytes that are not UTF-8 on the command line arrive as lone surrogates (PEP 383)."""
    from spinewise.cli.app import main

    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    code = main(["log", "session", "--at", "2026-01-05T18:00:00", field, "x\udced\udca0y"])
    err = capsys.readouterr().err
    assert code == 2, err[-2000:]
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err
    assert field.removeprefix("--") in err
    assert main(["history"]) == 0
    assert "2026-01-05" not in capsys.readouterr().out


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_json_nested_100000_deep_at_the_real_body_limit_is_a_422(make_app, opener):
    closer = "]" if opener == "[" else "}"
    deep = opener * 100_000 + "1" + closer * 100_000
    with TestClient(make_app(max_body_bytes=FAST_WEB.max_body_bytes)) as c:
        signup_login(c, "deep@example.org")
        r = c.post(
            "/api/v1/logs/sessions",
            content=deep.encode(),
            headers={"Content-Type": "application/json"},
        )
        assert r.status_code == 422, r.text[:300]
        assert "nested deeper" in r.text
        assert c.get("/api/v1/logs/sessions").json() == []


def test_a_far_future_plan_start_is_refused_by_the_api(ann):
    data = profile_data()
    data["schedule"] = {**data["schedule"], "start_date": "9999-12-01"}
    r = ann.put("/api/v1/profile", json=data)
    assert r.status_code == 422, r.text
    assert "start_date" in r.text
    assert ann.get("/api/v1/profile").status_code == 404


def test_a_dollar_name_from_an_import_draws_as_text_in_every_chart(ann):
    """A custom exercise named ``$\\foo{$`` (made by an import) never breaks a chart."""
    csv = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        "2026-12-01 17:32:10,Back day,1h,$\\foo{$,1,40,5,0,0,,,\n"
        "2026-12-03 17:32:10,Back day,1h,$\\foo{$,1,42,5,0,0,,,\n"
    )
    r = ann.post(
        "/api/v1/import",
        files={"file": ("strong.csv", csv.encode(), "text/csv")},
        data={"format": "strong"},
    )
    assert r.status_code == 200, r.text
    for _ in range(2):  # and the charts drawn after it
        for chart in ("e1rm", "load", "pain"):
            got = ann.get(f"/progress/charts/{chart}.svg")
            assert got.status_code == 200, chart
            assert b"<svg" in got.content
    assert ann.get("/progress").status_code == 200


def test_the_upload_copy_stops_reading_at_the_limit(tmp_path):
    from spinewise.web import transfer

    class Endless(io.RawIOBase):
        """A 64 MB upload, counted as it is read."""

        def __init__(self) -> None:
            self.read_bytes = 0

        def read(self, size: int = -1) -> bytes:
            if self.read_bytes >= 64 * 1024 * 1024:
                return b""
            piece = b"x" * (size if size > 0 else 1 << 20)
            self.read_bytes += len(piece)
            return piece

    source = Endless()
    limit = 3 * 1024 * 1024
    target = tmp_path / "copy"
    with pytest.raises(transfer.UploadTooLarge):
        transfer._copy_limited(source, target, limit)  # type: ignore[arg-type]
    assert source.read_bytes <= limit + transfer._CHUNK
    assert target.stat().st_size <= limit


# --- Exports ---------------------------------------------------------------------------------


def test_the_web_csv_exports_neutralise_formulas(ann):
    body = a_session(title="=HYPERLINK(1)", notes="@SUM(A1)", source="+x")
    body["sets"][0]["notes"] = "-2+3"
    assert ann.post("/api/v1/logs/sessions", json=body).status_code == 201
    for url, params in (("/api/v1/export", {"format": "csv"}), ("/data/export.csv", {})):
        r = ann.get(url, params=params)
        assert r.status_code == 200, url
        for cell in ("'=HYPERLINK(1)", "'@SUM(A1)", "'+x", "'-2+3"):
            assert cell in r.text, (url, cell)
        assert not re.search(r"(^|,)[=+@]", r.text, re.MULTILINE), url


# --- The CLI ---------------------------------------------------------------------------------


def _limited_run(argv: list[str], max_file_bytes: int, **kwargs: Any) -> Any:
    """Run the CLI in a child whose files cannot grow past ``max_file_bytes`` (a full disk)."""
    import os
    import resource
    import signal
    import subprocess
    import sys

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    code = "import sys; from spinewise.cli.app import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "160"}
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        preexec_fn=limit,  # only sets a file-size limit and a signal disposition
        capture_output=True,
        text=True,
        env={**env, **kwargs.pop("env", {})},
        timeout=300,
        check=False,
        **kwargs,
    )


def _one_line_exit_2(result: Any) -> None:
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1, result.stderr


REPO = Path(__file__).resolve().parents[2]
PROFILE = REPO / "examples" / "profile.example.toml"


def test_log_export_on_a_full_disk_is_one_line_and_leaves_nothing(db_url, tmp_path, monkeypatch):
    from spinewise.cli.app import main

    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    for day in range(1, 16):  # about 80 kB of CSV
        argv = ["log", "session", "--at", f"2026-01-{day:02d}T18:00:00", "--notes", "n" * 5000]
        assert main(argv) == 0
    folder = tmp_path / "out"
    folder.mkdir()
    result = _limited_run(
        ["log", "export", "--format", "csv", "--out", str(folder / "h.csv")], 64 * 1024
    )
    _one_line_exit_2(result)
    assert "--out" in result.stderr
    assert list(folder.iterdir()) == []


def test_plan_out_on_a_full_disk_is_one_line_and_leaves_nothing(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    result = _limited_run(["plan", str(PROFILE), "--out", str(folder / "plan.txt")], 512)
    _one_line_exit_2(result)
    assert list(folder.iterdir()) == []


def test_the_interview_on_a_full_disk_is_one_line_and_leaves_nothing(tmp_path):
    from assessment.test_assess_cli import ANSWERS

    folder = tmp_path / "out"
    folder.mkdir()
    result = _limited_run(
        ["assess", "--interactive", "--out", str(folder / "mine.toml")],
        256,
        input="\n".join(ANSWERS) + "\n",
    )
    _one_line_exit_2(result)
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(
    not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0,
    reason="making a device node needs root (the audit's case ran as root)",
)
def test_export_never_replaces_a_device_node(tmp_path, monkeypatch, capsys, db_url):
    import os
    import stat

    from spinewise.cli.app import main

    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    assert main(["log", "session", "--at", "2026-01-05T18:00:00"]) == 0
    folder = tmp_path / "out"
    folder.mkdir()
    node = folder / "null"
    os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
    capsys.readouterr()
    assert main(["log", "export", "--format", "json", "--out", str(node)]) == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err
    assert stat.S_ISCHR(node.stat().st_mode)
    assert sorted(p.name for p in folder.iterdir()) == ["null"]


@pytest.mark.parametrize(
    "content",
    [
        "date,load\n2026-01-01," + "1" * 200_000 + "\n",
        'date,load\n2026-01-01,"' + "1\n" * 100_000 + '"\n',
    ],
    ids=["long-cell", "unclosed-quote"],
)
def test_load_compute_with_an_unreadable_csv_cell_is_one_line(tmp_path, capsys, content):
    from spinewise.cli.app import main

    path = tmp_path / "loads.csv"
    path.write_text(content, encoding="utf-8")
    code = main(["load", "compute", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err[-2000:]
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err
    assert "loads.csv: line 2" in err
