"""Lets the fuzz tests import their helpers (``harness``, ``make_hostile``) by module name."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
