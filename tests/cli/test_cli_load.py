"""``spinewise load compute|fit|chart`` as shared/contracts/README.md specifies."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from spinewise.cli.app import main

DATA = Path(__file__).parents[1] / "load" / "data" / "bike_score_clarke_skiba_2013.csv"
METRICS = [
    "acwr_rolling_coupled",
    "acwr_rolling_uncoupled",
    "acwr_ewma",
    "monotony",
    "strain",
    "fitness",
    "fatigue",
    "form",
]


def _no_constants(token: str) -> float:
    raise AssertionError(f"non-JSON number {token} in output")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def step_file(tmp_path) -> Path:
    """Two athletes: Ann the tech.md step (50 x 28 then 100 x 7, rows only on training days)."""
    start = date(2026, 1, 1)
    lines = ["athlete,date,load"]
    lines += [f"Ann,{start + timedelta(d)},{50 if d < 28 else 100}" for d in range(35)]
    lines += ["Bo,2026-01-10,300", "Bo,2026-01-12,200"]
    path = tmp_path / "loads.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_compute_json_follows_the_contract(capsys, step_file) -> None:
    code, out, err = _run(capsys, "load", "compute", str(step_file), "--format", "json")
    assert code == 0, err
    doc = json.loads(out, parse_constant=_no_constants)
    assert list(doc) == ["conventions", "days"]
    ann = [d for d in doc["days"] if d["athlete"] == "Ann"]
    bo = [d for d in doc["days"] if d["athlete"] == "Bo"]
    assert len(ann) == 35
    assert [d["date"] for d in bo] == ["2026-01-10", "2026-01-11", "2026-01-12"]
    assert bo[1]["load"] == 0.0  # the gap is a rest day
    assert list(ann[0]) == ["athlete", "date", "load", *METRICS]
    assert all(d[m] is None for d in ann[:27] for m in METRICS[:3])
    assert ann[-1]["acwr_rolling_coupled"] == pytest.approx(1.6)
    assert ann[-1]["acwr_rolling_uncoupled"] == pytest.approx(2.0)
    assert ann[6]["monotony"] is None  # seven identical days: SD 0
    conv = doc["conventions"]
    assert conv["acute_days"] == 7
    assert conv["chronic_days"] == 28
    assert conv["sd"] == "sample"
    assert conv["fitness_fatigue"]["smoothing"] == "goldencheetah"


def test_compute_csv_has_the_same_columns(capsys, step_file) -> None:
    code, out, _ = _run(capsys, "load", "compute", str(step_file), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["athlete", "date", "load", *METRICS]
    assert len(rows) == 38
    assert rows[0]["acwr_ewma"] == ""
    assert float(rows[34]["acwr_rolling_coupled"]) == pytest.approx(1.6)


def test_compute_json_and_csv_agree_and_are_deterministic(capsys, step_file) -> None:
    _, first, _ = _run(capsys, "load", "compute", str(step_file), "--format", "json")
    _, second, _ = _run(capsys, "load", "compute", str(step_file), "--format", "json")
    assert first == second
    _, as_csv, _ = _run(capsys, "load", "compute", str(step_file), "--format", "csv")
    days = json.loads(first)["days"]
    for day, row in zip(days, csv.DictReader(io.StringIO(as_csv)), strict=True):
        for key, value in day.items():
            assert row[key] == ("" if value is None else str(value))


def test_day_column_and_no_athlete_column(capsys, tmp_path) -> None:
    path = tmp_path / "days.csv"
    path.write_text("day,load\n1,100\n3,50\n")
    code, out, _ = _run(capsys, "load", "compute", str(path), "--format", "json")
    assert code == 0
    days = json.loads(out)["days"]
    assert [(d["day"], d["load"]) for d in days] == [(1, 100.0), (2, 0.0), (3, 50.0)]
    assert "athlete" not in days[0]


def test_options_are_recorded_in_conventions(capsys, step_file) -> None:
    code, out, _ = _run(
        capsys,
        "load",
        "compute",
        str(step_file),
        "--format",
        "json",
        "--sd",
        "population",
        "--smoothing",
        "exp",
        "--tau-fitness",
        "36",
        "--tau-fatigue",
        "21",
        "--acute",
        "5",
        "--chronic",
        "20",
    )
    assert code == 0
    conv = json.loads(out)["conventions"]
    assert (conv["sd"], conv["acute_days"], conv["chronic_days"]) == ("population", 5, 20)
    assert conv["fitness_fatigue"]["smoothing"] == "exp"
    assert conv["fitness_fatigue"]["tau_fitness_d"] == 36.0


def test_malformed_file_exits_2_naming_file_line_column(capsys, tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("athlete,date,load\nAnn,2026-01-01,50\nAnn,2026-01-02,lots\n")
    code, out, err = _run(capsys, "load", "compute", str(path), "--format", "json")
    assert code == 2
    assert out == ""
    assert err == f"{path}: line 3, column 3 (load): must be a number, got 'lots'\n"


def test_bad_option_exits_2(capsys, step_file) -> None:
    code, out, err = _run(capsys, "load", "compute", str(step_file), "--chronic", "5")
    assert code == 2
    assert out == ""
    assert "chronic_d: must be longer than acute_d (7 d), got 5" in err


def test_compute_text_shows_the_latest_day_and_the_trend_note(capsys, step_file) -> None:
    code, out, _ = _run(capsys, "load", "compute", str(step_file))
    assert code == 0
    assert "Latest day per athlete" in out
    assert "not an injury" in out


@pytest.fixture
def bike_files(tmp_path) -> tuple[Path, Path]:
    with DATA.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    loads = tmp_path / "bike.csv"
    tests = tmp_path / "tests.csv"
    loads.write_text("day,load\n" + "".join(f"{r['Day']},{r['BikeScore']}\n" for r in rows))
    tests.write_text(
        "day,value\n"
        + "".join(f"{r['Day']},{r['Test_5min_Power']}\n" for r in rows if r["Test_5min_Power"])
    )
    return loads, tests


def test_fit_json_follows_the_contract(capsys, bike_files) -> None:
    loads, tests = bike_files
    code, out, err = _run(
        capsys, "load", "fit", str(loads), "--tests", str(tests), "--format", "json"
    )
    assert code == 0, err
    doc = json.loads(out, parse_constant=_no_constants)
    assert list(doc) == [
        "p0",
        "k1",
        "k2",
        "tau1_d",
        "tau2_d",
        "sse",
        "r2",
        "n_tests",
        "conventions",
    ]
    assert doc["n_tests"] == 9
    assert doc["sse"] <= 20.25
    assert doc["r2"] >= 0.979
    assert doc["conventions"]["smoothing"] == "exp"


def test_fit_text(capsys, bike_files) -> None:
    loads, tests = bike_files
    code, out, _ = _run(capsys, "load", "fit", str(loads), "--tests", str(tests))
    assert code == 0
    assert "Banister" in out
    assert "weakly identifiable" in out


@pytest.mark.parametrize(
    ("tests_text", "fragment"),
    [
        ("day,value\n45,abc\n", "line 2, column 2 (value): must be a number, got 'abc'"),
        ("day,score\n45,1\n", "line 1: header needs a 'value' column"),
        ("day,value\n400,1\n", "line 2: test on 400 lies outside the loads (1 to 165)"),
        ("athlete,day,value\nA,45,1\n", "--tests: "),
        ("day,value\n45,271\n48,274\n", "need at least 6 performance tests"),
    ],
)
def test_fit_malformed_tests_exit_2(capsys, bike_files, tmp_path, tests_text, fragment) -> None:
    loads, _ = bike_files
    bad = tmp_path / "bad_tests.csv"
    bad.write_text(tests_text)
    code, out, err = _run(
        capsys, "load", "fit", str(loads), "--tests", str(bad), "--format", "json"
    )
    assert code == 2
    assert out == ""
    assert fragment in err


def test_fit_needs_an_athlete_when_the_file_has_several(capsys, step_file, bike_files) -> None:
    _, tests = bike_files
    code, _, err = _run(capsys, "load", "fit", str(step_file), "--tests", str(tests))
    assert code == 2
    assert "--athlete:" in err
    assert "Ann, Bo" in err


@pytest.mark.parametrize("kind", ["load", "ratio"])
@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_chart_of_loads(capsys, step_file, tmp_path, kind, suffix) -> None:
    out_file = tmp_path / f"chart.{suffix}"
    argv = [
        "load",
        "chart",
        str(step_file),
        "--kind",
        kind,
        "--out",
        str(out_file),
        "--athlete",
        "Ann",
    ]
    code, _, err = _run(capsys, *argv)
    assert code == 0, err
    first = out_file.read_bytes()
    assert first.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in first[:500]
    assert _run(capsys, *argv)[0] == 0
    assert out_file.read_bytes() == first  # deterministic


def test_chart_of_pain_and_endurance(capsys, tmp_path) -> None:
    pain = tmp_path / "pain.csv"
    pain.write_text("date,during,next_morning\n2026-01-01,2,1\n2026-01-03,4,\n2026-01-05,3,2\n")
    code, _, err = _run(
        capsys,
        "load",
        "chart",
        str(pain),
        "--kind",
        "pain",
        "--out",
        str(tmp_path / "p.svg"),
        "--baseline",
        "1",
    )
    assert code == 0, err
    holds = tmp_path / "holds.csv"
    holds.write_text("date,value\n2026-01-01,60\n2026-01-15,66\n2026-02-01,71\n")
    code, _, err = _run(
        capsys, "load", "chart", str(holds), "--kind", "endurance", "--out", str(tmp_path / "e.png")
    )
    assert code == 0, err
    assert (tmp_path / "e.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--kind", "load", "--out", "x.gif"], "--format: must be png or svg"),
        (["--kind", "load", "--out", "x.png"], "--athlete: "),
        (["--kind", "pain", "--out", "x.png", "--baseline", "11"], "--baseline: must be"),
        (
            ["--kind", "ratio", "--out", "x.png", "--athlete", "Ann", "--chronic", "3"],
            "chronic_d: must be longer than acute_d",
        ),
    ],
)
def test_chart_bad_options_exit_2(capsys, step_file, tmp_path, argv, fragment) -> None:
    argv = [a if not a.startswith("x.") else str(tmp_path / a) for a in argv]
    code, _, err = _run(capsys, "load", "chart", str(step_file), *argv)
    assert code == 2
    assert fragment in err
    assert not any(tmp_path.glob("x.*"))


def test_chart_pain_out_of_range_exit_2(capsys, tmp_path) -> None:
    pain = tmp_path / "pain.csv"
    pain.write_text("day,during,next_morning\n1,12,1\n")
    code, _, err = _run(
        capsys, "load", "chart", str(pain), "--kind", "pain", "--out", str(tmp_path / "p.png")
    )
    assert code == 2
    assert "line 2: during must be 0 to 10, got 12" in err


def test_compute_csv_names_that_look_like_formulas_stay_text(capsys, tmp_path) -> None:
    """OWASP's rule for every CSV spinewise writes: a leading =, +, - or @ is quoted as text."""
    path = tmp_path / "names.csv"
    path.write_text(
        'athlete,date,load\n"=HYPERLINK(""http://x"")",2026-01-01,10\n@SUM(A1),2026-01-01,5\n'
    )
    code, out, _ = _run(capsys, "load", "compute", str(path), "--format", "csv")
    assert code == 0
    names = [row["athlete"] for row in csv.DictReader(io.StringIO(out))]
    assert names == ['\'=HYPERLINK("http://x")', "'@SUM(A1)"]
    _, as_json, _ = _run(capsys, "load", "compute", str(path), "--format", "json")
    assert [d["athlete"] for d in json.loads(as_json)["days"]] == [
        '=HYPERLINK("http://x")',
        "@SUM(A1)",
    ]
