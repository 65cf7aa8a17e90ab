"""Scale of ``checker check``: end-to-end time and peak memory of ``analyse([folder])`` on 1k-10k generated reports.

Run: .venv/bin/python benchmarks/bench_check.py [--sizes 1000,2000,5000,10000] [--seed 7] [--phases] [--profile N]
     [--timeout 900] [--memory-limit 8000] [--as-check]

Each size is generated into a temporary folder (see generate.py) and analysed in a fresh Python process, so the
peak RSS of one row is that run's alone (self plus the extraction pool's workers) and every row pays the same
start-up (imports, gazetteer) a CLI run pays. Growth is seconds over the previous row's seconds divided by the size
ratio: 1.0 is linear. "cpu s" (user + system, workers included) is steadier than wall time when other jobs share
the machine. "planted" is how many of the generator's planted conflicts came out as a conflict between
the planted report and another report of its story. ``--phases`` adds ingest / extract / compare times (run again,
in the same child); ``--profile N`` prints a cProfile of ingest and compare (extraction profiled serially on a
sample of 300 reports, since the pool's workers are other processes). ``--as-check`` analyses as ``checker check``
does, keeping the documents' metadata but not their texts (``keep_text=False``; the default keeps them, as the review
UI does). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402


def _peak_mb() -> float:
    """Peak resident set of this process plus its largest waited-for child, in MB (Linux reports KiB)."""
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / 1024 / 1024
    return (self_kb + child_kb) * scale


def _planted_found(folder: Path, conflicts) -> tuple[int, int]:
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    prefix = str(folder) + "/"
    pairs = {frozenset(e.path.removeprefix(prefix) for e in c.evidence) for c in conflicts}
    found = sum(1 for p in manifest["planted"] if any(frozenset((p["path"], o)) in pairs for o in p["others"]))
    return found, len(manifest["planted"])


def _cpu_seconds() -> float:
    """User + system CPU of this process and its waited-for children: steadier than wall time on a busy machine."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(folder: Path, phases: bool, memory_limit_mb: int, keep_text: bool = True) -> dict:
    """In the child: one end-to-end analyse, then (optionally) the same work phase by phase."""
    if memory_limit_mb:  # a runaway comparison should fail this row, not the machine (workers inherit the cap)
        limit = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from checker.pipeline import analyse

    c0, t0 = _cpu_seconds(), time.perf_counter()
    analysis = analyse([str(folder)], keep_text=keep_text)
    seconds = time.perf_counter() - t0
    out = {
        "seconds": seconds,
        "cpu": _cpu_seconds() - c0,
        "peak_mb": _peak_mb(),
        "documents": len(analysis.documents),
        "assertions": len(analysis.assertions),
        "conflicts": len(analysis.conflicts),
        "kinds": dict(Counter(c.kind.value for c in analysis.conflicts)),
        "planted": _planted_found(folder, analysis.conflicts),
    }
    if phases:
        from checker.compare import find_conflicts
        from checker.ingest import load_documents
        from checker.pipeline import extract_all

        t0 = time.perf_counter()
        docs = load_documents([str(folder)]).documents
        t1 = time.perf_counter()
        extracted = extract_all(docs)
        t2 = time.perf_counter()
        assertions = [a for d in extracted for a in d.assertions]
        find_conflicts(assertions, dates={d.path: d.date for d in docs})
        t3 = time.perf_counter()
        out["phases"] = {"ingest": t1 - t0, "extract": t2 - t1, "compare": t3 - t2}
    return out


def profile(folder: Path, top: int = 25) -> None:
    """cProfile of ingest, serial extraction of a sample, and comparison over the whole set's assertions."""
    from checker.compare import find_conflicts
    from checker.extract import extract_document
    from checker.ingest import load_documents
    from checker.pipeline import extract_all

    docs = load_documents([str(folder)]).documents
    assertions = [a for d in extract_all(docs) for a in d.assertions]
    for name, fn in (
        ("ingest", lambda: load_documents([str(folder)])),
        ("extract (serial, 300 reports)", lambda: [extract_document(d) for d in docs[:300]]),
        ("compare", lambda: find_conflicts(assertions, dates={d.path: d.date for d in docs})),
    ):
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.runcall(fn)
        print(f"\n=== {name}: {time.perf_counter() - t0:.2f} s (under the profiler) ===")
        stream = io.StringIO()
        pstats.Stats(prof, stream=stream).sort_stats("cumulative").print_stats(top)
        print("\n".join(stream.getvalue().splitlines()[6:]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,2000,5000,10000", help="comma-separated report counts")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--phases", action="store_true", help="also time ingest, extract and compare separately")
    ap.add_argument("--profile", type=int, metavar="N", help="profile one run of N reports instead")
    ap.add_argument("--timeout", type=float, default=900, help="give up on a size after this many seconds")
    ap.add_argument("--memory-limit", type=int, default=8000, metavar="MB",
                    help="address-space cap of each run (0: none); a run over it is reported as failed")
    ap.add_argument("--as-check", action="store_true",
                    help="keep the documents' metadata only, as checker check does (default: their texts too)")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        print(json.dumps(run_one(args.child, args.phases, args.memory_limit, keep_text=not args.as_check)))
        return
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
            generate(args.profile, Path(tmp), args.seed)
            profile(Path(tmp))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}  seed: {args.seed}")
    header = f"{'reports':>8} {'MB':>6} {'seconds':>8} {'cpu s':>7} {'peak MB':>8} {'assertions':>10} {'conflicts':>9} " \
             f"{'planted':>9} {'growth':>7}"
    if args.phases:
        header += f" {'ingest':>7} {'extract':>8} {'compare':>8}"
    print(header)
    previous: tuple[int, float] | None = None
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
            folder = Path(tmp)
            paths = generate(n, folder, args.seed)
            mb = sum(p.stat().st_size for p in paths) / 1e6
            cmd = [sys.executable, __file__, "--child", str(folder), "--memory-limit", str(args.memory_limit)]
            cmd += ["--phases"] if args.phases else []
            cmd += ["--as-check"] if args.as_check else []
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
            except subprocess.TimeoutExpired:
                print(f"{n:>8} {mb:6.1f}  over the {args.timeout:g} s timeout; stopping", flush=True)
                break
            if proc.returncode != 0:
                tail = proc.stderr.strip().splitlines()[-1:] or ["(no message)"]
                print(f"{n:>8} {mb:6.1f}  failed: {tail[0]}; stopping", flush=True)
                break
            row = json.loads(proc.stdout.strip().splitlines()[-1])
        growth = "" if previous is None else f"{(row['seconds'] / previous[1]) / (n / previous[0]):.2f}"
        found, planted = row["planted"]
        line = (f"{n:>8} {mb:6.1f} {row['seconds']:8.2f} {row['cpu']:7.1f} {row['peak_mb']:8.0f} {row['assertions']:>10} "
                f"{row['conflicts']:>9} {f'{found}/{planted}':>9} {growth:>7}")
        if args.phases:
            ph = row["phases"]
            line += f" {ph['ingest']:7.2f} {ph['extract']:8.2f} {ph['compare']:8.2f}"
        print(line, flush=True)
        previous = (n, row["seconds"])
        print("         kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(row["kinds"].items())), flush=True)


if __name__ == "__main__":
    main()
