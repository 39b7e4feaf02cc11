"""Similarity: symmetric, bounded, an exercise most similar to itself; queries and CLI."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinewise.catalog import ExerciseFilter, load_catalog, similarity_index
from spinewise.cli.app import main

CATALOG = load_catalog()
INDEX = similarity_index(CATALOG)


def test_matrix_symmetric_and_bounded() -> None:
    m = INDEX.matrix
    assert np.allclose(m, m.T, atol=1e-12)
    assert m.min() >= 0.0
    assert m.max() <= 1.0 + 1e-12


def test_each_exercise_most_similar_to_itself() -> None:
    m = INDEX.matrix
    diag = np.diag(m)
    assert np.allclose(diag, 1.0)
    assert (m <= diag[:, None] + 1e-12).all()


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(CATALOG.ids), st.sampled_from(CATALOG.ids))
def test_score_symmetric_pairs(a: str, b: str) -> None:
    assert INDEX.score(a, b) == pytest.approx(INDEX.score(b, a), abs=1e-12)


def test_most_similar_ranked_and_explained() -> None:
    ex = CATALOG.exercises[0]
    top = INDEX.most_similar(ex.id, 5)
    assert len(top) == 5
    assert ex.id not in [s.exercise_id for s in top]
    scores = [s.score for s in top]
    assert scores == sorted(scores, reverse=True)
    for s in top:
        assert s.score == pytest.approx(INDEX.score(ex.id, s.exercise_id), abs=1e-4)
        for tag in s.shared:
            _field, value = tag.split(":", 1)
            assert value


def test_similar_swap_keeps_pattern_for_a_hinge() -> None:
    hinge = next(e for e in CATALOG if "hinge" in e.patterns and e.level >= 2)
    best = INDEX.most_similar(hinge.id, 1)[0]
    assert "patterns:hinge" in best.shared


def test_filter_excludes_sensitivity_and_equipment() -> None:
    found = CATALOG.find(
        ExerciseFilter(equipment=frozenset({"band"}), exclude_sensitivities=frozenset({"flexion"}))
    )
    assert found
    for ex in found:
        assert set(ex.equipment) <= {"band"}
        assert "flexion" not in ex.sensitivities


def test_cli_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "list", "--region", "multifidus", "--primary"]) == 0
    out = capsys.readouterr().out
    assert "exercises" in out
    ex = CATALOG.exercises[0]
    assert main(["catalog", "show", ex.id]) == 0
    out = capsys.readouterr().out
    assert "You may also like" in out
    assert ex.name.split()[0] in out


def test_cli_list_rejects_unknown_tag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "list", "--plane", "diagonal"]) == 2
    err = capsys.readouterr().err
    assert "--plane: unknown value 'diagonal'; allowed: sagittal, frontal, transverse" in err
