"""One new report against an indexed corpus: the cost should be the new report's, not the corpus's.

Run: .venv/bin/python benchmarks/bench_index.py [--n 10000] [--seed 7] [--probes 5]

Generates ``n`` reports plus ``probes`` held-out ones from the same stories (so they meet real blocks), indexes the
corpus once (``CorpusIndex.refresh`` with the pooled ``extract_all``), times a refresh that finds nothing to do
(``stale`` hashing every file, no parsing), then checks each held-out report against the index the way
``checker check --against`` would: load it, extract it, fetch the corpus assertions in its blocks
(``assertions_for``), compare with ``incoming``. Nothing is asserted; the target is well under a second per report.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

from checker.compare import find_conflicts  # noqa: E402
from checker.extract import extract_document  # noqa: E402
from checker.extract.places import gazetteer  # noqa: E402
from checker.ingest import EXTENSIONS, load_documents  # noqa: E402
from checker.pipeline import _window, extract_all  # noqa: E402
from checker.store.index import CorpusIndex, blocking_keys, default_index_path  # noqa: E402


def _files(folder: Path) -> list[str]:
    """Report files under ``folder`` spelled as ``load_documents`` spells them (folder + '/' + relative path)."""
    return sorted(str(p) for p in folder.rglob("*") if p.suffix in EXTENSIONS and p.is_file())


def check_one(index: CorpusIndex, path: str) -> dict[str, float]:
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    docs = load_documents([path]).documents
    t1 = time.perf_counter()
    extracted = [extract_document(d) for d in docs]
    fresh = [a for r in extracted for a in r.assertions]
    t2 = time.perf_counter()
    # What `checker check --against` does (checker.pipeline): fetch the blocks within the time window only.
    context = index.assertions_for(blocking_keys(fresh), between=_window([d.date for d in docs]))
    t3 = time.perf_counter()
    dates = index.dates()
    dates.update({d.path: d.date for d in docs})
    countries, names = index.contexts()
    countries.update({r.path: r.countries for r in extracted})
    names.update({r.path: r.names for r in extracted})
    conflicts = find_conflicts(
        fresh + context, dates=dates, incoming={d.path for d in docs}, countries=countries, names=names
    )
    t4 = time.perf_counter()
    timings.update(load=t1 - t0, extract=t2 - t1, fetch=t3 - t2, compare=t4 - t3, total=t4 - t0)
    timings.update(fresh=len(fresh), context=len(context), conflicts=len(conflicts))
    return timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--probes", type=int, default=5)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="checker-index-bench-") as tmp:
        root = Path(tmp)
        corpus, incoming = root / "corpus", root / "incoming"
        incoming.mkdir()
        paths = generate(args.n + args.probes, corpus, args.seed)
        # Hold out reports that are not their story's first, so the corpus has their story-mates.
        held = [p for p in reversed(paths) if not p.stem.endswith("-0")][: args.probes]
        probes = []
        for p in held:
            target = incoming / p.name
            shutil.move(p, target)
            probes.append(str(target))
        print(f"cores: {os.cpu_count()}  corpus: {args.n} reports  probes: {len(probes)}")

        gazetteer()  # loaded once in the parent, so forked pool workers inherit it
        index = CorpusIndex(default_index_path(root))
        t0 = time.perf_counter()
        docs = load_documents([str(corpus)]).documents
        t1 = time.perf_counter()
        stats = index.refresh(docs, extract_all)
        t2 = time.perf_counter()
        size = sum(f.stat().st_size for f in (root / ".checker").iterdir()) / 1e6
        print(f"first index: load {t1 - t0:.2f} s + extract/write {t2 - t1:.2f} s = {t2 - t0:.2f} s "
              f"({stats.added} added, {size:.0f} MB on disk, {len(index.assertions_for())} assertions)")

        t0 = time.perf_counter()
        files = _files(corpus)
        stale = index.stale(files)
        stats = index.refresh([], extract_all, keep=set(files) - set(stale))
        print(f"no-op refresh via stale(): {time.perf_counter() - t0:.2f} s ({len(stale)} stale, {stats})")

        t0 = time.perf_counter()
        stats = index.refresh(load_documents([str(corpus)]).documents, extract_all)
        print(f"no-op refresh via load_documents: {time.perf_counter() - t0:.2f} s ({stats})")

        rows = [check_one(index, p) for p in probes]
        print(f"\n{'probe':28} {'load':>6} {'extract':>8} {'fetch':>6} {'compare':>8} {'total':>6} "
              f"{'own':>5} {'context':>8} {'conflicts':>9}")
        for path, r in zip(probes, rows):
            print(f"{Path(path).name:28} {r['load']:6.3f} {r['extract']:8.3f} {r['fetch']:6.3f} {r['compare']:8.3f} "
                  f"{r['total']:6.3f} {r['fresh']:5.0f} {r['context']:8.0f} {r['conflicts']:9.0f}")
        totals = [r["total"] for r in rows]
        print(f"\nper new report: median {statistics.median(totals):.3f} s, max {max(totals):.3f} s")
        index.close()


if __name__ == "__main__":
    main()
