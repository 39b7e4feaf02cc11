"""`spinewise plan validate`: exit 0 for a valid plan, 1 naming each violation, 2 for a
document that is not a plan (one line, no traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinewise.cli.app import main

PROFILE = Path(__file__).resolve().parents[2] / "tests" / "profiles" / "golfer.toml"


@pytest.fixture(scope="module")
def plan_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("plan") / "plan.json"
    assert main(["plan", str(PROFILE), "--format", "json", "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _validate(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    code = main(["plan", "validate", str(path), "--profile", str(PROFILE)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_valid_plan_is_exit_0(capsys, tmp_path, plan_text) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.json"
    path.write_text(plan_text, encoding="utf-8")
    code, out, _ = _validate(capsys, path)
    assert code == 0
    assert "meets every requirement" in out


def test_a_planted_violation_is_exit_1_and_named(capsys, tmp_path, plan_text) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(plan_text)
    doc["weeks"][0]["sessions"][0]["blocks"].reverse()
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = _validate(capsys, path)
    assert code == 1
    assert "week 1 session 1: session_structure: blocks out of order" in err
    assert "1 violation(s)" in err


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '{"weeks": 3}',
        '{"weeks": [{"sessions": [{}]}]}',
        '{"weeks": [{"index": 1, '
        '"sessions": [{"index": 1, "blocks": [{"kind": "prep", "items": [{"sets": 2}]}]}]}]}',
    ],
    ids=["a list", "weeks not a list", "a session without its fields", "an item without id"],
)
def test_a_document_that_is_not_a_plan_is_exit_2(capsys, tmp_path, text: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    code, _, err = _validate(capsys, path)
    assert code == 2, err
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err
    assert "not a spinewise plan" in err


def test_a_document_without_weeks_is_told_how_many_were_expected(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.json"
    path.write_text('{"schema_version": 1}', encoding="utf-8")
    code, _, err = _validate(capsys, path)
    assert code == 1
    assert "plan: weeks: 0 weeks, expected 12" in err
