"""Benchmark: profile parsing and assessment, against reading the TOML alone in the same run.

Run: ``PYTHONPATH=src python bench/assess.py``. Prints microseconds per profile for
``tomllib.loads`` (the baseline), ``parse_profile`` and ``assess``, and the ratio to the baseline.
"""

from __future__ import annotations

import json
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from spinewise.assessment import assess
from spinewise.profile import parse_profile

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "profile.example.toml"
N = 2000


def _per_call_us(fn: Callable[[], object], n: int = N) -> float:
    fn()  # warm caches (vocabulary, norm tables)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - start) / n * 1e6)
    return best


def main() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    profile = parse_profile(data)
    baseline = _per_call_us(lambda: tomllib.loads(text))
    rows = [
        ("tomllib.loads (baseline)", baseline),
        ("parse_profile", _per_call_us(lambda: parse_profile(data))),
        ("assess", _per_call_us(lambda: assess(profile))),
        ("assess + to_json + dumps", _per_call_us(lambda: json.dumps(assess(profile).to_json()))),
        (
            "whole: loads+parse+assess",
            _per_call_us(lambda: assess(parse_profile(tomllib.loads(text)))),
        ),
    ]
    print(f"{'step':<28}{'us/profile':>12}{'x baseline':>12}")
    for name, us in rows:
        print(f"{name:<28}{us:>12.1f}{us / baseline:>12.2f}")


if __name__ == "__main__":
    main()
