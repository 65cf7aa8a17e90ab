"""Extraction throughput (MB/s) and peak memory on about 1 MB of report text, beside quantulum3 on the same text.

Run: .venv/bin/python benchmarks/bench_extract.py [--size 1000000] [--no-quantulum]
Prints a table, and the extraction time of the dense text as a multiple of a bare regex number scan over it (the
reference the shared machine's noise cancels out of); nothing is asserted (timings belong in benchmarks, not tests).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import report_text  # noqa: E402

from checker.extract import extract_document  # noqa: E402
from checker.extract.places import gazetteer  # noqa: E402
from checker.models import Document  # noqa: E402


_NUMBERS = re.compile(r"\d[\d,.]*")  # the bare regex number scan the issue measures extraction against


def timed(fn, *args) -> tuple[float, object]:
    """CPU seconds of this process: the machines are shared, and wall time would measure the neighbours."""
    t0 = time.process_time()
    out = fn(*args)
    return time.process_time() - t0, out


def _generated_reports(size: int) -> tuple:
    """The same measure on whole wire-style reports (benchmarks/generate.py): datelines, quotes, background
    paragraphs with fewer figures per sentence, as in real copy."""
    import tempfile

    from generate import generate

    from checker.ingest import load_documents

    with tempfile.TemporaryDirectory() as folder:
        generate(max(50, size // 1500), Path(folder), seed=7)
        docs = load_documents([folder]).documents
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    t0 = time.process_time()
    found = sum(len(extract_document(d).assertions) for d in docs)
    seconds = time.process_time() - t0
    return ("checker extract (wire-style reports)", mb, seconds, mb / seconds, float("nan"), found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--no-quantulum", action="store_true")
    args = ap.parse_args()
    text = report_text(args.size)
    mb = len(text.encode("utf-8")) / 1e6
    doc = Document(path="bench.txt", raw=text, text=text)
    cold, _ = timed(lambda: gazetteer())
    extract_document(Document(path="warm.txt", raw=text[:5000], text=text[:5000]))
    seconds, result = timed(extract_document, doc)
    scan, _ = timed(lambda: [sum(1 for _ in _NUMBERS.finditer(text)) for _ in range(20)])
    scan /= 20
    tracemalloc.start()
    extract_document(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = [("checker extract (dense sentences)", mb, seconds, mb / seconds, peak / 1e6, len(result.assertions))]
    rows.append(_generated_reports(args.size))
    if not args.no_quantulum:
        try:
            from quantulum3 import parser as qparser
        except ImportError:
            print("quantulum3 not installed: pip install -e '.[bench]' to compare")
        else:
            sample = text[:20_000]
            qparser.parse("warm up 11,000 troops")
            qs, found = timed(qparser.parse, sample)
            smb = len(sample.encode()) / 1e6
            rows.append(("quantulum3.parse (20 kB sample)", smb, qs, smb / qs, float("nan"), len(found)))
    print(f"data load (gazetteer, once per process): {cold:.3f} s")
    print(f"bare regex number scan of the dense text: {mb / scan:.1f} MB/s; extraction takes {seconds / scan:.0f}x its time")
    print(f"{'what':36} {'MB':>6} {'CPU s':>8} {'MB/s':>7} {'peak MB':>8} {'found':>7}")
    for name, size, secs, rate, peak_mb, n in rows:
        print(f"{name:36} {size:6.2f} {secs:8.2f} {rate:7.2f} {peak_mb:8.1f} {n:7d}")


if __name__ == "__main__":
    main()
