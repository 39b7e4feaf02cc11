"""``spinewise serve``: options checked before anything starts; the demo's dates."""

from __future__ import annotations

from datetime import date

import pytest

from spinewise.cli.app import main
from spinewise.web.demo import demo_profile


@pytest.mark.parametrize("port", ["0", "70000"])
def test_serve_refuses_a_bad_port(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", port]) == 2
    assert f"--port: must be 1 to 65535, got {port}" in capsys.readouterr().err


@pytest.mark.parametrize("today", [date(2026, 11, 24), date(2026, 11, 30), date(2026, 12, 6)])
def test_demo_plan_starts_on_the_monday_four_weeks_before_this_week(today: date) -> None:
    profile = demo_profile(today)
    start = profile.schedule.start_date
    assert start is not None
    assert start.weekday() == 0
    assert 28 <= (today - start).days < 35
    assert profile.athlete.name == "Demo Athlete"
