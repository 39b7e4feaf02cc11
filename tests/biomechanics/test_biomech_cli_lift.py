"""``spinewise lift`` on the command line."""

from __future__ import annotations

import json

from spinewise.cli.app import main

ARGS = [
    "lift",
    "--load-kg",
    "10",
    "--h-cm",
    "30",
    "--v-cm",
    "75",
    "--d-cm",
    "50",
    "--a-deg",
    "0",
    "--frequency",
    "1",
    "--duration",
    "short",
    "--coupling",
    "good",
]


def test_json_output(capsys):
    assert main([*ARGS, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["multipliers"] == {
        "lc_kg": 23.0,
        "hm": 0.8333,
        "vm": 1.0,
        "dm": 0.91,
        "am": 1.0,
        "fm": 0.94,
        "cm": 1.0,
    }
    assert out["rwl_kg"] == 16.4
    assert out["lifting_index"] == 0.61
    assert out["notes"] == []


def test_text_output(capsys):
    assert main(ARGS) == 0
    out = capsys.readouterr().out
    assert "Recommended weight limit (RWL): 16.4 kg" in out
    assert "Lifting index (LI) for 10 kg: 0.61" in out


def test_text_output_warns_above_one(capsys):
    assert main(["lift", "--load-kg", "30", "--h-cm", "30", "--v-cm", "75"]) == 0
    assert "LI above 1.0" in capsys.readouterr().out


def test_bad_input_exits_2_naming_the_option(capsys):
    assert main(["lift", "--load-kg", "10", "--h-cm", "-3", "--v-cm", "75"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == "--h-cm: must be a number of cm at or above 0, got -3.0"
    assert captured.out == ""


def test_zero_rwl_gives_no_lifting_index(capsys):
    assert main(["lift", "--load-kg", "5", "--h-cm", "70", "--v-cm", "75", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["rwl_kg"] == 0.0
    assert out["lifting_index"] is None
    assert out["notes"] == ["H 70 cm is beyond 63 cm: HM = 0"]


def test_destination_takes_frequency_column_from_the_origin(capsys):
    # 13 lifts/min for an hour or less: FM .34 with the hands starting at or above 75 cm
    dest = ["lift", "--load-kg", "5", "--h-cm", "25", "--v-cm", "50", "--frequency", "13"]
    assert main([*dest, "--origin-v-cm", "100", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["multipliers"]["fm"] == 0.34
    assert out["inputs"]["origin_v_cm"] == 100
    assert main([*dest, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["multipliers"]["fm"] == 0.0


def test_bad_origin_height_names_the_option(capsys):
    args = ["lift", "--load-kg", "5", "--h-cm", "25", "--v-cm", "50", "--origin-v-cm", "-1"]
    assert main(args) == 2
    assert "--origin-v-cm: must be a number of cm at or above 0, got -1" in capsys.readouterr().err
