"""``spinewise assess``: exit 0 cleared, 3 referred, 2 invalid input; --interactive."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from spinewise.cli.app import main
from spinewise.profile import load_profile

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "profile.example.toml"


def _write(tmp_path: Path, **screening: bool) -> Path:
    data: dict[str, Any] = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["screening"].update(screening)
    path = tmp_path / "profile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def test_cleared_json_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(EXAMPLE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["screening"] == {"status": "clear", "reasons": [], "cleared": True}
    assert out["findings"][0]["code"] == "extensor_endurance_low"


def test_cleared_text_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "CLEAR" in out
    assert "Extensor endurance low" in out
    assert "extensor_endurance_low" not in out  # people read words, not codes
    assert "McGill et al. 1999" in out


def test_see_clinician_exits_3_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, history_of_cancer=True)
    assert main(["assess", str(path), "--format", "json"]) == 3
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["screening"]["status"] == "see_clinician"
    assert captured.err.startswith("history_of_cancer: A past cancer")
    assert main(["assess", str(path)]) == 3
    text = capsys.readouterr().out
    assert "SEE A CLINICIAN FIRST" in text
    assert "No plan is made" in text


def test_clinician_clearance_exits_0(tmp_path: Path) -> None:
    path = _write(tmp_path, constant_night_pain=True, cleared_by_clinician=True)
    assert main(["assess", str(path), "--format", "json"]) == 0


def test_emergency_exits_3_even_when_cleared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, new_bladder_or_bowel_change=True, cleared_by_clinician=True)
    assert main(["assess", str(path), "--format", "json"]) == 3
    out = json.loads(capsys.readouterr().out)
    assert out["screening"]["status"] == "emergency"
    assert out["findings"] == []
    assert main(["assess", str(path)]) == 3
    assert "EMERGENCY" in capsys.readouterr().out


def test_invalid_profile_exits_2_with_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["schedule"]["days_per_week"] = 9
    data["athlete"]["foo"] = "bar"
    path = tmp_path / "bad.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert main(["assess", str(path), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "athlete.foo: unknown field",
        "schedule.days_per_week: must be 1 to 7, got 9",
    ]


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(tmp_path / "none.toml")]) == 2
    assert "cannot read the profile" in capsys.readouterr().err


def test_profile_or_interactive_but_not_both(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess"]) == 2
    assert main(["assess", str(EXAMPLE), "--interactive"]) == 2
    assert "either a profile file or --interactive" in capsys.readouterr().err


ANSWERS = [
    "Ann", "female", "34", "64", "168", "novice",
    "3", "40", "12", "", "",
    "mat", "durability",
    *["no"] * 13,
    "2", "4", "flexion",
    "95", "110", "62", "48", "45", "9",
    "no",
]  # fmt: skip


def test_interactive_writes_the_profile_and_assesses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.toml"
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(ANSWERS) + "\n"))
    assert main(["assess", "--interactive", "--out", str(out), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["sensitivities"] == ["flexion"]  # prompts went to stderr
    assert "Profile written to" in captured.err
    p = load_profile(out)
    assert (p.athlete.name, p.tests.trunk_extensor_s) == ("Ann", 110)


def test_interactive_emergency_writes_nothing_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.toml"
    answers = [*ANSWERS[:13], "yes"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    assert main(["assess", "--interactive", "--out", str(out)]) == 3
    assert not out.exists()
    assert "STOP." in capsys.readouterr().out


def test_interactive_input_ending_early_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.toml"
    monkeypatch.setattr("sys.stdin", io.StringIO("Ann\nfemale\n"))
    assert main(["assess", "--interactive", "--out", str(out)]) == 2
    assert not out.exists()
    assert "nothing was written" in capsys.readouterr().err


def test_interactive_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "exists.toml"
    out.write_text("keep me", encoding="utf-8")
    assert main(["assess", "--interactive", "--out", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "already exists" in capsys.readouterr().err


def _with_pain(tmp_path: Path, current: int, worst: int, age: int | None = None) -> Path:
    data: dict[str, Any] = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["pain"].update(current=current, worst_last_week=worst)
    if age is not None:
        data["athlete"]["age"] = age
    path = tmp_path / "severe.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("current", "worst", "age"), [(8, 9, None), (7, 7, 82)])
def test_severe_pain_gets_exit_3_no_plan_and_a_plain_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], current: int, worst: int, age: int | None
) -> None:
    profile = _with_pain(tmp_path, current, worst, age)
    assert main(["assess", str(profile), "--format", "json"]) == 3
    out = json.loads(capsys.readouterr().out)
    assert out["screening"]["status"] == "see_clinician"
    out_file = tmp_path / "plan.json"
    assert main(["plan", str(profile), "--format", "json", "--out", str(out_file)]) == 3
    assert not out_file.exists()
    err = capsys.readouterr().err
    assert f"Your pain is severe ({current}/10 now" in err
    assert main(["assess", str(profile)]) == 3
    text = capsys.readouterr().out
    assert "see a clinician first" in text
    assert "severe_pain" not in text
