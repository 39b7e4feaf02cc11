"""Charts: each kind renders to PNG and SVG, and the same data give the same bytes."""

from __future__ import annotations

import io
from datetime import date, timedelta

import numpy as np
import pytest
from matplotlib.figure import Figure

from spinewise.load import compute_load_metrics, linear_trend
from spinewise.report.charts import (
    endurance_chart,
    load_chart,
    pain_chart,
    ratio_chart,
    save_chart,
)

DAYS = [date(2026, 1, 1) + timedelta(d) for d in range(60)]
LOAD = np.where(np.arange(60) % 3 == 0, 0.0, 300.0 + 5 * np.arange(60))


def _figures() -> dict[str, Figure]:
    m = compute_load_metrics(LOAD)
    holds = [60.0, 64.0, 63.0, 70.0]
    trend = linear_trend([0, 14, 28, 42], holds)
    test_days = [DAYS[0], DAYS[14], DAYS[28], DAYS[42]]
    return {
        "load": load_chart(DAYS, m.load, m.fitness, m.fatigue, m.form, title="load"),
        "ratio": ratio_chart(
            DAYS, m.acwr_rolling_coupled, m.acwr_rolling_uncoupled, m.acwr_ewma, title="ratio"
        ),
        "pain": pain_chart(
            list(range(5)), [2, 4, np.nan, 6, 3], [1, 2, 2, np.nan, 1], title="pain", baseline=1.0
        ),
        "endurance": endurance_chart(
            test_days, holds, title="holds", unit="s", trend=trend, trend_days=test_days
        ),
    }


def _bytes(fig: Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    save_chart(fig, buf, fmt)  # type: ignore[arg-type]
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_every_chart_renders_deterministically(fmt) -> None:
    first = {k: _bytes(f, fmt) for k, f in _figures().items()}
    second = {k: _bytes(f, fmt) for k, f in _figures().items()}
    assert first == second
    for data in first.values():
        assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data[:500]


def test_ratio_chart_states_it_is_a_trend_not_a_prediction() -> None:
    fig = _figures()["ratio"]
    texts = [t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text"))]
    assert any("not an injury prediction" in t for t in texts)
    assert any("Impellizzeri" in t for t in texts)


def test_pain_chart_shows_the_model_bands() -> None:
    fig = _figures()["pain"]
    labels = fig.axes[0].get_legend_handles_labels()[1]
    assert labels[:3] == ["safe (0-2)", "acceptable (3-5)", "unacceptable (above 5)"]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="png' or 'svg"):
        save_chart(_figures()["load"], io.BytesIO(), "gif")  # type: ignore[arg-type]
