"""The load docs say what the code does with the acute:chronic ratio (issue 13)."""

from __future__ import annotations

from pathlib import Path

from spinewise.adaptation.signals import LOAD_SPIKE_RATIO, load_spike

DOC = Path(__file__).parents[2] / "docs" / "science" / "load.md"


def test_the_one_use_of_the_ratio_is_documented_with_its_edge() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "not** used anywhere" not in text  # the adaptation does use the 1.5 edge
    assert f"LOAD_SPIKE_RATIO = {LOAD_SPIKE_RATIO:g}" in text
    spike = load_spike(LOAD_SPIKE_RATIO)
    assert spike is not None
    assert spike.decision == "spike"
    assert "a signal, not a prediction" in spike.source
