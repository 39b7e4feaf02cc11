"""The progress and log pages at five years of history: p50/p95 per page against the baseline.

Run: ``PYTHONPATH=src python bench/history_pages.py [--runs 20] [--sets 60000] [--postgres URL]
[--baseline REF]``.

A synthetic five-year history (about 60,000 sets in some 1,040 sessions, four a week, with session
RPE, minutes and pain; a profile with hold tests every quarter; two assessments) is written as a
spinewise backup and imported with the real importer (``import_backup``) into one web user's
account. For each database (the embedded SQLite file, and PostgreSQL when ``--postgres`` or
``SPINEWISE_TEST_POSTGRES_URL`` names a server; each side works in a schema of its own, dropped
afterwards) two worker processes serve the same history through the web app's ``TestClient``:

- the **baseline**: the code of ``--baseline`` (by default ``e9dad41``, main before decision
  0275), extracted with ``git archive`` to a temporary folder and put first on ``PYTHONPATH``;
- the **current** code of this checkout.

The requests alternate between the two workers (baseline, current, baseline, ...), so that load
from other processes on a shared machine falls on both alike. Each page is requested ``--runs``
times after one warm-up request (its time is shown apart as "1st": the first request of a chart
draws it, later ones find it kept, decision 0275); the time is measured in the worker around the
request (the server's work, without process-to-process traffic), with the CPU time of the
worker process beside it (robust to other processes on a shared machine). The first response of
each page is compared between the two sides (SVG byte for byte; HTML with the per-request CSP
nonce and CSRF token blanked) and the table says whether they are identical.

Pages: ``/progress``, the four charts ``/progress/charts/{load,pain,holds,e1rm}.svg``, the log
``/sessions`` (first, a middle and the last page) and the API list ``/api/v1/logs/sessions``
(first and last page of 50, shown for comparison). Target (issues 15 and 16): p95 < 0.5 s for
the progress page, its charts and the log pages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

REPO = Path(__file__).resolve().parents[1]
#: main before decision 0275 (the progress page read every set of the last year).
DEFAULT_BASELINE = "e9dad41"
EMAIL = "history@spinewise.local"
PASSWORD = "bench-password-history-1"
#: The clock of both apps: the evening after the last logged session.
NOW = datetime(2026, 12, 9, 18, 30)
YEARS = 5
TARGET_MS = 500.0
CHARTS = ("load", "pain", "holds", "e1rm")
#: Catalogue exercises the history uses (loaded lifts, holds and bodyweight work).
EXERCISES = (
    ("trap_bar_deadlift", "load"),
    ("goblet_squat", "load"),
    ("one_arm_dumbbell_row", "load"),
    ("back_squat", "load"),
    ("conventional_deadlift", "load"),
    ("suitcase_carry", "load"),
    ("bird_dog", "reps"),
    ("front_plank", "hold"),
    ("dead_bug", "reps"),
    ("mcgill_curl_up", "hold"),
)


# --- the history -----------------------------------------------------------------------------


def _exercise_ids() -> list[tuple[str, str]]:
    """The bench's exercises that the catalogue holds (others are replaced by catalogue ids)."""
    from spinewise.catalog import load_catalog

    ids = load_catalog().ids
    known = [(ex, kind) for ex, kind in EXERCISES if ex in ids]
    spare = [i for i in ids if i not in {ex for ex, _ in known}]
    while len(known) < len(EXERCISES):
        known.append((spare[len(known)], "reps"))
    return known


def make_backup(n_sets: int, seed: int = 5) -> dict[str, Any]:
    """A backup document of ``n_sets`` sets over :data:`YEARS` years ending the day before NOW.

    Four sessions a week (Monday, Tuesday, Thursday, Saturday at 17:30), about 20 % without
    session RPE or minutes; loads grow slowly with noise; pain 0-6 with gaps; a profile with the
    four hold tests every quarter; an assessment at the start and one a year ago.
    """
    rng = random.Random(seed)
    exercises = _exercise_ids()
    last = NOW.date() - timedelta(days=1)
    first = last - timedelta(days=365 * YEARS)
    days = [
        first + timedelta(days=i)
        for i in range((last - first).days + 1)
        if (first + timedelta(days=i)).weekday() in (0, 1, 3, 5)
    ]
    per_session = n_sets / len(days)
    sessions: list[dict[str, Any]] = []
    made = 0
    for i, day in enumerate(days):
        want = round(per_session * (i + 1)) - made
        made += want
        progress = i / len(days)
        sets = []
        for k in range(want):
            ex, kind = exercises[(k // 6 + i) % len(exercises)]
            item: dict[str, Any] = {"exercise_id": ex, "set_number": k + 1}
            if kind == "load":
                item["reps"] = rng.randint(1, 12)
                item["load_kg"] = round(20 + 60 * progress + rng.uniform(-8, 8), 1)
                item["rpe"] = rng.choice([6, 6.5, 7, 7.5, 8, 8.5, 9])
            elif kind == "hold":
                item["hold_s"] = rng.randint(10, 60)
            else:
                item["reps"] = rng.randint(5, 15)
            sets.append(item)
        rated = rng.random() > 0.2
        pain = {
            key: (rng.randint(0, 6) if rng.random() > 0.3 else None)
            for key in ("before", "during", "after", "next_morning")
        }
        sessions.append(
            {
                "started_at": datetime.combine(day, datetime.min.time())
                .replace(hour=17, minute=30)
                .isoformat(),
                "duration_min": rng.randint(30, 75) if rated else None,
                "session_rpe": rng.randint(3, 9) if rated else None,
                "pain": pain,
                "source": "bench",
                "sets": sets,
            }
        )
    profiles = []
    for q in range(YEARS * 4 + 1):
        when = datetime.combine(first + timedelta(days=91 * q), datetime.min.time())
        profiles.append(
            {
                "recorded_at": when.replace(hour=9).isoformat(),
                "profile": {
                    "tests": {
                        "trunk_flexor_s": 60 + 5 * q,
                        "trunk_extensor_s": 80 + 4 * q,
                        "side_bridge_left_s": 40 + 3 * q,
                        "side_bridge_right_s": 42 + 3 * q,
                    }
                },
            }
        )
    findings = [{"severity": "moderate", "summary": "Side bridge endurance below the norm"}]
    assessments = [
        {"recorded_at": f"{first.isoformat()}T10:00:00", "result": {"findings": findings}},
        {"recorded_at": f"{(last - timedelta(days=365)).isoformat()}T10:00:00", "result": {}},
    ]
    return {
        "schema_version": 1,
        "athlete": {"name": "bench-history"},
        "sessions": sessions,
        "profiles": profiles,
        "assessments": assessments,
    }


# --- a worker: one code version, one database, one app ----------------------------------------


def _send(out: TextIO, message: dict[str, Any]) -> None:
    out.write("@@" + json.dumps(message) + "\n")
    out.flush()


_NONCE = re.compile(r'(nonce="|csrf[-_]token"? (?:content|value)="|"X-CSRF-Token": ")[^"]*"', re.I)


def _digest(body: bytes) -> str:
    """SHA-256 of a response with its per-request nonces and CSRF tokens blanked."""
    return hashlib.sha256(_NONCE.sub(r'\1"', body.decode("utf-8", "replace")).encode()).hexdigest()


def worker(database_url: str, backup: Path) -> None:
    """Import the history into a new user's account, then serve requests read from stdin."""
    # Imported here: the worker's PYTHONPATH decides which spinewise this is.
    from fastapi.testclient import TestClient

    import spinewise
    from spinewise.settings import Settings
    from spinewise.store import create_engine_from_url, reading
    from spinewise.store.accounts import find_user_by_email
    from spinewise.store.importers import import_backup
    from spinewise.web import WebSettings, create_app

    out = sys.stdout
    sys.stdout = sys.stderr  # nothing else may write to the protocol stream
    engine = create_engine_from_url(database_url)
    web = WebSettings(argon2_memory_kib=64, argon2_time_cost=1, argon2_parallelism=1)
    app = create_app(Settings(database_url=database_url), engine=engine, web=web, now=lambda: NOW)
    with TestClient(app) as client:
        creds = {"email": EMAIL, "password": PASSWORD}
        client.post("/api/v1/auth/signup", json=creds).raise_for_status()
        login = client.post("/api/v1/auth/login", json=creds)
        login.raise_for_status()
        client.headers["X-CSRF-Token"] = login.json()["csrf_token"]
        with reading(engine) as db:
            user = find_user_by_email(db, EMAIL)
        assert user is not None
        t0 = time.perf_counter()
        report = import_backup(engine, backup, user.athlete_name, today=NOW.date())
        imported_s = time.perf_counter() - t0
        _send(
            out,
            {
                "ready": True,
                "code": str(Path(spinewise.__file__).parents[1]),
                "import_s": imported_s,
                "sessions": report.counts.sessions_added,
                "sets": report.counts.sets_added,
            },
        )
        for line in sys.stdin:
            path = line.strip()
            if not path:
                break
            t0, c0 = time.perf_counter(), time.process_time()
            r = client.get(path)
            ms = (time.perf_counter() - t0) * 1000.0
            cpu_ms = (time.process_time() - c0) * 1000.0
            digest = _digest(r.content)
            _send(out, {"ms": ms, "cpu_ms": cpu_ms, "status": r.status_code, "digest": digest})
    engine.dispose()


# --- the orchestrator ------------------------------------------------------------------------


class Worker:
    """A worker process and its line protocol."""

    def __init__(self, label: str, src: Path, database_url: str, backup: Path, data: Path):
        env = {**os.environ, "PYTHONPATH": str(src), "SPINEWISE_DATA_DIR": str(data)}
        self.label = label
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--database", database_url, "--backup", backup],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.ready = self._read()

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("@@"):
                return dict(json.loads(line[2:]))
        raise SystemExit(f"the {self.label} worker stopped (exit code {self.proc.wait()})")

    def get(self, path: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(path + "\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.write("\n")
            self.proc.stdin.close()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _pages(n_sessions: int) -> list[tuple[str, str]]:
    """(label, path) of every page measured."""
    log_pages = max(1, -(-n_sessions // 50))
    api_last = max(0, (log_pages - 1) * 50)
    return [
        ("progress page", "/progress"),
        *((f"chart {c}", f"/progress/charts/{c}.svg") for c in CHARTS),
        ("log page 1", "/sessions"),
        (f"log page {log_pages // 2 + 1}", f"/sessions?page={log_pages // 2 + 1}"),
        (f"log page {log_pages} (last)", f"/sessions?page={log_pages}"),
        ("API list, first 50", "/api/v1/logs/sessions?limit=50"),
        ("API list, last 50", f"/api/v1/logs/sessions?limit=50&offset={api_last}"),
    ]


def _measure(
    label: str,
    urls: tuple[str, str],
    sources: tuple[Path, Path],
    backup: Path,
    runs: int,
    folder: Path,
) -> list[dict[str, Any]]:
    base = Worker("baseline", sources[0], urls[0], backup, folder)
    try:
        current = Worker("current", sources[1], urls[1], backup, folder)
    except BaseException:
        base.close()
        raise
    try:
        for who in (base, current):
            r = who.ready
            print(
                f"  {label} {who.label:<8}: {r['sessions']:,} sessions, {r['sets']:,} sets "
                f"imported in {r['import_s']:.1f} s (code in {r['code']})"
            )
        rows = []
        for page, path in _pages(base.ready["sessions"]):
            first = (base.get(path), current.get(path))  # warm-up; compared
            times: tuple[list[float], list[float]] = ([], [])
            cpu: tuple[list[float], list[float]] = ([], [])
            for _ in range(runs):
                for i, who in enumerate((base, current)):
                    got = who.get(path)
                    assert got["status"] == 200, (who.label, path, got)
                    times[i].append(got["ms"])
                    cpu[i].append(got["cpu_ms"])
            rows.append(
                {
                    "database": label,
                    "page": page,
                    "base_p50": statistics.median(times[0]),
                    "base_p95": _quantile(times[0], 0.95),
                    "p50": statistics.median(times[1]),
                    "p95": _quantile(times[1], 0.95),
                    "base_cpu": statistics.median(cpu[0]),
                    "cpu": statistics.median(cpu[1]),
                    "same": first[0]["digest"] == first[1]["digest"],
                    "base_first": first[0]["ms"],
                    "first": first[1]["ms"],
                    "status": (first[0]["status"], first[1]["status"]),
                }
            )
        return rows
    finally:
        base.close()
        current.close()


def _baseline_source(ref: str, folder: Path) -> Path:
    """The ``src`` folder of commit ``ref``, extracted to ``folder``."""
    done = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", ref, "src"],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(
            f"--baseline: cannot read commit {ref!r} from the git checkout {REPO} "
            f"({done.stderr.decode(errors='replace').strip()}); give a commit this checkout has"
        )
    archive = done.stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def _postgres_schemas(admin_url: str) -> tuple[tuple[str, str], Callable[[], None]]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    schemas = [f"bench_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    with admin.connect() as conn:
        for schema in schemas:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.connect() as conn:
            for schema in schemas:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    urls = [
        make_url(admin_url)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
        for schema in schemas
    ]
    return (urls[0], urls[1]), drop


def _table(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'database':<11} {'page':<20} {'base p50':>9} {'base p95':>9} {'p50':>7} {'p95':>7} "
        f"{'p95 ratio':>9} {'base CPU':>9} {'CPU':>7} {'base 1st':>9} {'1st':>7}  same result"
    )
    for r in rows:
        ratio = r["base_p95"] / max(r["p95"], 1e-9)
        print(
            f"{r['database']:<11} {r['page']:<20} {r['base_p50']:>9.1f} {r['base_p95']:>9.1f} "
            f"{r['p50']:>7.1f} {r['p95']:>7.1f} {ratio:>8.1f}x {r['base_cpu']:>9.1f} "
            f"{r['cpu']:>7.1f} {r['base_first']:>9.1f} {r['first']:>7.1f}  "
            f"{'yes' if r['same'] else 'NO'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="timed requests per page and side")
    parser.add_argument("--sets", type=int, default=60_000, help="sets in the history")
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git commit of the baseline")
    parser.add_argument("--postgres", default=os.environ.get("SPINEWISE_TEST_POSTGRES_URL"))
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--backup", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.database, args.backup)
        return
    if not 1 <= args.runs <= 1000 or not 100 <= args.sets <= 1_000_000:
        raise SystemExit("--runs must be 1 to 1000 and --sets 100 to 1,000,000")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="spinewise-history-") as name:
        folder = Path(name)
        backup = folder / "history.json"
        backup.write_text(json.dumps(make_backup(args.sets)), encoding="utf-8")
        sources = (_baseline_source(args.baseline, folder), REPO / "src")
        print(
            f"History: {args.sets:,} sets over {YEARS} years; baseline {args.baseline}, "
            f"{args.runs} timed requests per page and side, alternating"
        )
        if not args.no_sqlite:
            urls = (f"sqlite:///{folder / 'base.db'}", f"sqlite:///{folder / 'current.db'}")
            rows += _measure("SQLite", urls, sources, backup, args.runs, folder)
        if args.postgres:
            pg_urls, drop = _postgres_schemas(args.postgres)
            try:
                rows += _measure("PostgreSQL", pg_urls, sources, backup, args.runs, folder)
            finally:
                drop()
        else:
            print("  PostgreSQL: not measured (no --postgres URL or SPINEWISE_TEST_POSTGRES_URL)")
    _table(rows)
    targeted = [r for r in rows if not r["page"].startswith("API")]
    met = all(r["p95"] < TARGET_MS for r in targeted)
    print(
        f"Target p95 < {TARGET_MS:g} ms for the progress page, its charts and the log pages: "
        f"{'met' if met else 'NOT met'} (the API list is shown for comparison)"
    )
    today = date.today().isoformat()
    print(
        f"(measured {today}; wall-clock times in the worker around TestClient.get, in ms; CPU: "
        "the median CPU time of the worker process per request, in ms; 1st: the first request "
        "of the page, not counted in p50/p95 (for the charts: drawn, not yet kept))"
    )


if __name__ == "__main__":
    main()
