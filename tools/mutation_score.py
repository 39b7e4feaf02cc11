"""Per-module mutation figures from mutmut's results in ``mutants/``: ``make mutation``.

Reads the ``*.py.meta`` files ``mutmut run`` leaves beside each mutated copy and prints, for every
module, the mutants, the killed (by a failing test or a timeout), the survivors, the equivalent
ones (listed in ``tools/mutation_equivalent.txt`` with a reason, see decision 0235) and the score:
killed / (mutants - equivalent). Mutants no selected test reaches count as survivors.

Usage: ``python tools/mutation_score.py [--survivors] [module-prefix ...]``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENT = Path(__file__).resolve().parent / "mutation_equivalent.txt"

#: mutmut 3's exit codes (mutmut/stats.py): 1 and 3 are a failing test run; 24, 36, 152 and 255
#: a timeout (the mutant made the tests hang, which counts as detected).
KILLED_CODES = frozenset({1, 3})
TIMEOUT_CODES = frozenset({24, -24, 36, 152, 255})


def equivalent_names() -> set[str]:
    """Mutant names judged equivalent (first field of each non-comment line)."""
    if not EQUIVALENT.exists():
        return set()
    names = set()
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.add(line.split()[0])
    return names


def module_of(mutant: str) -> str:
    """``spinewise.planning.rules.load.xǁClassǁmethod__mutmut_3`` -> ``...rules.load``."""
    head = mutant.split("__mutmut_")[0]
    return head.rsplit(".", 1)[0]


def main(argv: list[str]) -> int:
    """Print the table; exit 1 when no results are found."""
    show_survivors = "--survivors" in argv
    prefixes = [a for a in argv if not a.startswith("--")]
    equivalent = equivalent_names()
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    survivors: list[str] = []
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
        for name, code in sorted(codes.items()):
            module = module_of(name)
            if prefixes and not any(module.startswith(p) for p in prefixes):
                continue
            row = rows[module]
            if code is None:
                row["not run"] += 1
                continue
            row["mutants"] += 1
            if code in KILLED_CODES or code in TIMEOUT_CODES:
                row["killed"] += 1
            elif name in equivalent:
                row["equivalent"] += 1
            else:
                row["survived"] += 1
                survivors.append(f"{name} (exit code {code})")
    if not rows:
        print("No mutation results: run `make mutation` first.")
        return 1
    header = f"{'module':48} {'mutants':>7} {'killed':>6} {'equiv.':>6} {'surv.':>6} {'score':>7}"
    print(header)
    total: dict[str, int] = defaultdict(int)
    for module, row in sorted(rows.items()):
        for key, value in row.items():
            total[key] += value
        if row["mutants"]:
            print(_line(module, row))
    print(_line("total", total))
    if any(row["not run"] for row in rows.values()):
        print(f"({total['not run']} mutants not run yet)")
    if show_survivors:
        print("\nSurvivors:")
        print("\n".join(survivors) or "none")
    return 0


def _line(label: str, row: dict[str, int]) -> str:
    judged = row["mutants"] - row["equivalent"]
    score = f"{100 * row['killed'] / judged:.1f} %" if judged else "-"
    return (
        f"{label:48} {row['mutants']:7d} {row['killed']:6d} {row['equivalent']:6d} "
        f"{row['survived']:6d} {score:>7}"
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
