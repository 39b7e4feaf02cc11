"""CLI start-up benchmark: ``--help``, ``catalog list`` and ``plan`` against ``python -c pass``.

Run: ``PYTHONPATH=src python bench/cli_start.py [--runs 5]``

Each command runs ``--runs`` times in a fresh interpreter (as the ``spinewise`` console script
does: import :mod:`spinewise.cli.app`, call ``main``), output thrown away (a pipe), or for the
"(terminal)" case read from a pseudo-terminal, as when a person runs it. The untimed warm-up run
also fills the catalogue cache (:mod:`spinewise.catalog.cache`), so the runs measure a start with
it, as every start but the first after an install or a catalogue change. For each it reports
the median and best of two figures:

- wall time [s] (``time.perf_counter`` around the child process), and
- CPU time [s] of the child (user + system, from ``resource.getrusage(RUSAGE_CHILDREN)``).

On a machine shared with other work (2 cores here), wall time includes waiting for a core, so
the targets (decision 0130: ``--help`` and ``catalog list`` under 0.3 s, ``plan`` of the
example profile under 1.5 s) are judged on the median CPU time; the wall time is printed beside
it. ``python -c pass`` is measured in the same run as the floor no command can go below, and
every figure is also shown above that floor.
"""

from __future__ import annotations

import argparse
import os
import pty
import resource
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "profile.example.toml"
#: What the ``spinewise`` console script runs.
ENTRY = "import sys; from spinewise.cli.app import main; sys.exit(main(sys.argv[1:]))"


@dataclass(frozen=True)
class Case:
    """One command line to time, with its target [s] (``None``: reported only).

    ``terminal``: its output goes to a pseudo-terminal (as when a person runs it), not thrown
    away (as into a pipe).
    """

    label: str
    argv: tuple[str, ...]
    target_s: float | None
    terminal: bool = False


CASES = (
    Case("python -c pass", ("-c", "pass"), None),
    Case("import spinewise.cli.app", ("-c", "import spinewise.cli.app"), None),
    Case("spinewise --help", ("-c", ENTRY, "--help"), 0.3),
    Case("spinewise catalog list", ("-c", ENTRY, "catalog", "list"), 0.3),
    Case("spinewise catalog list (terminal)", ("-c", ENTRY, "catalog", "list"), 0.3, True),
    Case("spinewise plan (example, text)", ("-c", ENTRY, "plan", str(PROFILE)), 1.5),
    Case(
        "spinewise plan (example, json)",
        ("-c", ENTRY, "plan", str(PROFILE), "--format", "json"),
        1.5,
    ),
)


@dataclass(frozen=True)
class Timing:
    """Wall and CPU time of one run [s]."""

    wall_s: float
    cpu_s: float


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


#: Whether the timed interpreters may keep compiled modules (``.pyc``), as an installed package
#: does (pip compiles them on install); ``--no-bytecode-cache`` compiles every module every run.
BYTECODE_CACHE = [True]


def _drain(fd: int) -> None:
    """Read a pseudo-terminal's output until the child closes it."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # EIO: the child has exited
        pass


def run_once(argv: tuple[str, ...], terminal: bool = False) -> Timing:
    """Run ``python argv`` once in a fresh interpreter; its wall and CPU time."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100"}
    if BYTECODE_CACHE[0]:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    leader, follower = pty.openpty() if terminal else (-1, -1)
    cpu_before = _children_cpu_s()
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *argv],
        stdout=follower if terminal else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    reader = None
    if terminal:
        os.close(follower)
        reader = threading.Thread(target=_drain, args=(leader,))
        reader.start()
    _, stderr = child.communicate()
    wall_s = time.perf_counter() - start
    cpu_s = _children_cpu_s() - cpu_before
    if reader is not None:
        reader.join()
        os.close(leader)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {child.returncode}: {stderr.decode()}")
    return Timing(wall_s, cpu_s)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Runs per command (default 5).")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="Compile every module on every run (PYTHONDONTWRITEBYTECODE), as from a fresh "
        "checkout that may not write .pyc files; by default modules are compiled once, in the "
        "untimed warm-up run, as an installed package's are.",
    )
    parser.add_argument(
        "--only", default="", help="Time only the commands whose label holds this text."
    )
    args = parser.parse_args()
    BYTECODE_CACHE[0] = not args.no_bytecode_cache
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {args.runs} runs each")
    if BYTECODE_CACHE[0]:
        print("compiled modules kept between runs (.pyc), as in an installed package")
    else:
        print("every module compiled on every run (PYTHONDONTWRITEBYTECODE=1)")
    header = (
        f"{'command':34} {'CPU med':>8} {'CPU min':>8} {'wall med':>9} {'wall min':>9} "
        f"{'CPU-pass':>9} {'target':>7}  verdict (CPU)"
    )
    print(header)
    print("-" * len(header))
    floor_cpu_s = 0.0
    for case in CASES:
        if args.only and args.only not in case.label and case.label != "python -c pass":
            continue
        run_once(case.argv, case.terminal)  # warm the file cache; not counted
        timings = [run_once(case.argv, case.terminal) for _ in range(args.runs)]
        cpu_med = statistics.median(t.cpu_s for t in timings)
        wall_med = statistics.median(t.wall_s for t in timings)
        if case.label == "python -c pass":
            floor_cpu_s = cpu_med
        target = "" if case.target_s is None else f"{case.target_s:.1f}"
        verdict = (
            ""
            if case.target_s is None
            else ("met" if cpu_med < case.target_s else "NOT met")
            + ("" if wall_med < case.target_s else " (wall over: shared machine)")
        )
        print(
            f"{case.label:34} {cpu_med:8.3f} {min(t.cpu_s for t in timings):8.3f} "
            f"{wall_med:9.3f} {min(t.wall_s for t in timings):9.3f} "
            f"{cpu_med - floor_cpu_s:9.3f} {target:>7}  {verdict}",
            flush=True,
        )


if __name__ == "__main__":
    main()
