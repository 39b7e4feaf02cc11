"""The example profile assesses without error and its JSON has the contract's shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from spinewise.assessment import assess
from spinewise.assessment.results import SEVERITIES
from spinewise.profile import Profile, load_profile

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "profile.example.toml"
CONTRACT_FINDING_KEYS = ["code", "severity", "summary", "measured", "reference", "source"]


def test_example_profile_findings() -> None:
    a = assess(load_profile(EXAMPLE))
    assert a.screening.status == "clear"
    assert a.screening.cleared
    assert [(f.code, f.severity) for f in a.findings] == [
        ("extensor_endurance_low", "mild"),  # 110 s vs 189 +/- 60 s: z = -1.32
        ("flexor_endurance_low", "info"),  # 95 s vs 149 +/- 99 s: z = -0.55
        ("side_bridge_endurance_low", "info"),  # left 48 s vs 77 +/- 35 s: z = -0.83
        ("side_bridge_asymmetry", "moderate"),  # 62/48 = 1.29
        ("balance_eyes_closed_low", "mild"),  # 9 s vs 13.1 s: 69 %
        ("pain_present", "info"),
        ("aggravated_by_flexion", "mild"),
    ]
    assert a.sensitivities == ("flexion",)


def test_json_has_the_contract_shape() -> None:
    data = assess(load_profile(EXAMPLE)).to_json()
    assert list(data)[:3] == ["screening", "findings", "sensitivities"]
    assert list(data["screening"])[:2] == ["status", "reasons"]
    assert data["screening"]["status"] in ("clear", "see_clinician", "emergency")
    assert data["sensitivities"] == ["flexion"]
    for f in data["findings"]:
        assert list(f)[:6] == CONTRACT_FINDING_KEYS
        assert isinstance(f["code"], str)
        assert f["severity"] in SEVERITIES
        assert isinstance(f["summary"], str)
        assert f["summary"]
        assert f["measured"] is None or isinstance(f["measured"], int | float)
        assert f["reference"] is None or isinstance(f["reference"], int | float)
        assert isinstance(f["source"], str)
        assert f["source"]
    first = data["findings"][0]
    assert (first["measured"], first["reference"], first["source"]) == (
        110,
        189,
        "McGill et al. 1999",
    )


def test_referred_json_names_each_flag(make_profile: Callable[..., Profile]) -> None:
    p = make_profile(**{"screening.significant_trauma": True, "screening.history_of_cancer": True})
    reasons = assess(p).to_json()["screening"]["reasons"]
    assert [r["flag"] for r in reasons] == ["history_of_cancer", "significant_trauma"]
    assert all(list(r) == ["flag", "why"] and r["why"] for r in reasons)


def test_same_profile_same_output_byte_for_byte() -> None:
    p = load_profile(EXAMPLE)
    one = json.dumps(assess(p).to_json(), sort_keys=False)
    two = json.dumps(assess(load_profile(EXAMPLE)).to_json(), sort_keys=False)
    assert one == two
    assert assess(p) == assess(p)
