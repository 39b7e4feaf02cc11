"""``spinewise plan quality FILE --profile PROFILE [--json]``: figures, targets, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spinewise.cli.app import main

PROFILE = Path(__file__).parents[1] / "profiles" / "no_equipment_20min.toml"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def plan_doc(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("plan") / "plan.json"
    assert main(["plan", str(PROFILE), "--format", "json", "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _write(tmp_path: Path, doc: dict) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_text_report_names_every_target_in_words_and_exit_code_follows_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_doc: dict
) -> None:
    path = _write(tmp_path, plan_doc)
    code, out, _ = _run(capsys, "plan", "quality", str(path), "--profile", str(PROFILE))
    for label in ("Time used in every", "Hard sets of one", "Signature work", "Standing balance"):
        assert label in out
    head = out.split("Internal names in the printed plan:")[0]
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", head), "internal names outside their own line"
    code_json, out_json, _ = _run(
        capsys, "plan", "quality", str(path), "--profile", str(PROFILE), "--json"
    )
    doc = json.loads(out_json)
    assert code == code_json == (0 if doc["passed"] else 1)
    assert doc["athlete"] == "No equipment, 20 minutes"
    assert {t["key"] for t in doc["targets"]} >= {"time_use", "pattern_crowding", "signature_work"}


def test_a_crowded_session_planted_in_the_file_fails_with_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_doc: dict
) -> None:
    doc = json.loads(json.dumps(plan_doc))
    session = doc["weeks"][0]["sessions"][0]
    side_bridge = {
        "exercise_id": "side_bridge",
        "name": "Side bridge",
        "sets": 2,
        "hold_s": 10,
        "per_side": True,
        "rest_s": 30,
        "intensity": {"kind": "bodyweight", "value": None},
        "why": ["planted"],
    }
    session["blocks"].append({"kind": "stability", "items": [side_bridge] * 3})
    path = _write(tmp_path, doc)
    code, out, _ = _run(capsys, "plan", "quality", str(path), "--profile", str(PROFILE), "--json")
    assert code == 1
    crowding = next(t for t in json.loads(out)["targets"] if t["key"] == "pattern_crowding")
    assert crowding["passed"] is False
    code, out, _ = _run(capsys, "plan", "quality", str(path), "--profile", str(PROFILE))
    assert "week 1, session 1" in out


def test_the_printed_plan_is_scanned_whole(plan_doc: dict) -> None:
    from spinewise.cli.render_quality import plan_as_text
    from spinewise.planning.plan import Plan

    doc = json.loads(json.dumps(plan_doc))
    doc["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["name"] = "Bridge " + "x" * 150
    text = plan_as_text(Plan.from_json(doc))
    assert "Bridge " + "x" * 150 in text  # no cell cut short
    assert "\x1b[" not in text  # no colour codes


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "FILE: no such file"),
        ("{not json", "not valid JSON"),
        ('{"weeks": 3}', "not a spinewise plan"),
        ("{}", "not a spinewise plan"),
        ('{"weeks": [{"sessions": []}]}', "not a spinewise plan"),
    ],
)
def test_bad_plan_files_are_input_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "plan.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, "plan", "quality", str(path), "--profile", str(PROFILE))
    assert code == 2
    assert message in err
    assert out == ""
