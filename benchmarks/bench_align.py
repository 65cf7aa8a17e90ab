"""Scale of the comparison alone: candidate pairs scored, time and peak memory of ``find_conflicts`` on the claim
frames of 1k and 10k generated reports (see generate.py), extraction excluded.

Run: .venv/bin/python benchmarks/bench_align.py [--sizes 1000,10000] [--seed 7]

Extraction runs first (in the process pool, as ``checker check`` does) and is not timed; then the comparison runs
once with the alignment score counted. "pairs/claim" staying flat as the corpus grows is what makes the
comparison linear: candidates come from blocks (aspect and thing concept), each claim meets at most its nearest
neighbours in date order inside the time window, and restatement candidates come from an inverted index of
content words. Peak memory is this process's RSS high-water mark after the comparison. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

import checker.compare.engine as engine  # noqa: E402
from checker.pipeline import load_and_extract  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(size, folder, seed=seed)
        options = dict(encoding=None, strict=False, reference_date=None, max_bytes=10_000_000)
        documents, extracted, _ = load_and_extract([str(folder)], options, None)
    assertions = [a for d in extracted for a in d.assertions]
    scored = 0
    real_score = engine.score

    def counting(a, b):
        nonlocal scored
        scored += 1
        return real_score(a, b)

    engine.score = counting
    try:
        start = time.perf_counter()
        found = engine.find_conflicts(
            assertions,
            dates={d.path: d.date for d in documents},
            countries={d.path: d.countries for d in extracted},
            names={d.path: d.names for d in extracted},
            statements={d.path: d.statements for d in extracted},
        )
        seconds = time.perf_counter() - start
    finally:
        engine.score = real_score
    return {"reports": size, "claims": len(assertions), "pairs": scored, "conflicts": len(found),
            "seconds": seconds, "peak_mb": _peak_mb()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"{'reports':>8} {'claims':>8} {'pairs':>9} {'pairs/claim':>11} {'conflicts':>9} {'compare s':>9} {'peak MB':>8}")
    for size in (int(x) for x in args.sizes.split(",")):
        r = run(size, args.seed)
        print(f"{r['reports']:>8} {r['claims']:>8} {r['pairs']:>9} {r['pairs'] / max(1, r['claims']):>11.2f} "
              f"{r['conflicts']:>9} {r['seconds']:>9.2f} {r['peak_mb']:>8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
