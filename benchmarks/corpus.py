"""Generated report text for the benchmarks: varied sentences from the seeds and the labelled set, reshuffled.

Numbers, places and dates are varied per copy so the text is not one paragraph repeated (which caches would
flatter); the generator is seeded, so runs compare.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NUMBER = re.compile(r"\b\d{2,3}(?:,\d{3})*\b")


def sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*")):
        if path.suffix in (".txt", ".md"):
            out += [s for s in re.split(r"(?<=[.!?])\s+", path.read_text("utf-8")) if len(s) > 30]
    data = ROOT / "tests" / "data" / "extraction.jsonl"
    if data.exists():
        out += [json.loads(line)["text"] for line in data.read_text("utf-8").splitlines() if line.strip()]
    return out


def report_text(size: int, seed: int = 7) -> str:
    """About ``size`` characters of report-like prose in paragraphs of 3-6 sentences."""
    rng = random.Random(seed)
    pool = sentences()
    parts: list[str] = []
    total = 0
    while total < size:
        para = " ".join(
            _NUMBER.sub(lambda m: f"{rng.randint(2, 60) * 500:,}", rng.choice(pool)) for _ in range(rng.randint(3, 6))
        )
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts)
