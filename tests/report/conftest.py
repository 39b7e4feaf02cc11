"""Makes ``plan_fixture`` (the plan dict shared by the renderer tests) importable here."""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
