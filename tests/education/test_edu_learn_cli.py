"""``spinewise learn [TOPIC]``: list, show, and exit 2 on an unknown topic."""

from __future__ import annotations

import pytest

from spinewise.cli.app import main
from spinewise.education import load_pages


def test_learn_lists_every_topic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["learn"]) == 0
    out = capsys.readouterr().out
    for page_id in load_pages():
        assert page_id in out


def test_learn_shows_a_page_with_its_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["learn", "walking"]) == 0
    out = capsys.readouterr().out
    assert "Walking between sessions" in out
    assert "Sources" in out
    assert "Pocovi" in out
    assert "[design: spinewise's own choice]" in out


def test_learn_accepts_a_finding_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["learn", "extensor_endurance_low"]) == 0
    assert "Back-extensor endurance below average" in capsys.readouterr().out


def test_learn_unknown_topic_exits_2_naming_the_topics(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["learn", "spinal-magic"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "TOPIC: unknown topic 'spinal-magic'" in captured.err
    assert "when-to-see-a-clinician" in captured.err
