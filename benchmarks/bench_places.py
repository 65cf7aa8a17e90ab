"""Throughput of the place finder on ordinary prose (prints, never asserts).

Run: .venv/bin/python benchmarks/bench_places.py
The target is >= 5 MB/s on one core, well above the 1 MB/s the whole extraction pipeline must reach.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import report_text  # noqa: E402

from checker.extract.places import gazetteer  # noqa: E402

OTHER_BEATS = (
    "The company said on Tuesday that revenue rose 12 percent to $4.5 billion in the third quarter, beating "
    "analysts' expectations. Shares climbed in early trading in New York and London. The chief executive said "
    "demand in China and India remained strong, while sales in Europe were flat. Officials in the capital "
    "declined to comment on the report, which was first published by Reuters. May said Chad Smith would attend.\n"
)


def corpus(size: int = 5_000_000) -> str:
    """Report-like prose from the shared benchmark generator plus other beats, about ``size`` characters."""
    text = report_text(size * 4 // 5) + "\n"
    return text + OTHER_BEATS * ((size - len(text)) // len(OTHER_BEATS) + 1)


def main() -> None:
    t0 = time.perf_counter()
    gaz = gazetteer()
    load = time.perf_counter() - t0
    text = corpus()
    gaz.find(text[:10_000])  # warm caches
    t0 = time.perf_counter()
    matches = gaz.find(text)
    elapsed = time.perf_counter() - t0
    mb = len(text) / 1e6
    print(f"gazetteer load: {load * 1000:.0f} ms")
    print(f"find: {mb:.1f} MB in {elapsed:.2f} s = {mb / elapsed:.1f} MB/s, {len(matches)} matches")


if __name__ == "__main__":
    main()
