"""``checker check --dask`` against the one-machine run: wall time, pairs scored and peak memory on generated reports.

Run: .venv/bin/python benchmarks/bench_dask.py [--sizes 1000,10000] [--workers 1,2] [--seed 7] [--timeout 1200]
     (needs pip install -e '.[dask]')

For each size the reports are generated once (generate.py) and analysed in a fresh Python process per row: the
local path (``pipeline.analyse``, its own process pool), then ``analyse_on_dask`` on a LocalCluster of 1, 2, ...
single-threaded worker processes. "start s" is the cluster's start-up, not included in "seconds"; "cpu s" is user
plus system time of every process that works (client, pool or workers), steadier than wall time on a busy machine.
"pairs" counts alignment scores computed (``similarity.score`` calls) in the process that compares: the local process, or
summed over the Dask workers. "peak MB" is the client process's high-water mark plus its children's (the local
pool) or, for Dask, plus each worker's; "worker MB" is the largest worker's. "same" says whether the conflict ids
equal the local row's. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402


def _own_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _count_scores() -> None:
    """Wrap the alignment score with a counter, in whichever process runs this (the child, or a Dask worker)."""
    import checker.compare.engine as engine

    if getattr(engine.score, "counted", None) is not None:
        return
    real = engine.score

    def counting(a, b):
        counting.counted += 1
        return real(a, b)

    counting.counted = 0
    engine.score = counting


def _scores_counted() -> int:
    import checker.compare.engine as engine

    return getattr(engine.score, "counted", 0)


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_local(folder: Path) -> dict:
    from checker.pipeline import analyse

    _count_scores()
    c0, t0 = _cpu() + _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    analysis = analyse([str(folder)])
    seconds = time.perf_counter() - t0
    cpu = _cpu() + _cpu(resource.RUSAGE_CHILDREN) - c0
    return {"seconds": seconds, "start": 0.0, "cpu": cpu, "pairs": _scores_counted(),
            "conflicts": [c.id for c in analysis.conflicts], "peak_mb": _own_peak_mb() + _children_peak_mb(),
            "worker_mb": _children_peak_mb()}


def run_dask(folder: Path, workers: int) -> dict:
    from distributed import Client, LocalCluster

    from checker.scale.dask_run import analyse_on_dask

    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(_count_scores)
        start = time.perf_counter() - t0
        c0 = _cpu() + sum(client.run(_cpu).values())
        t0 = time.perf_counter()
        analysis = analyse_on_dask([str(folder)], scheduler=client)
        seconds = time.perf_counter() - t0
        cpu = _cpu() + sum(client.run(_cpu).values()) - c0
        pairs = sum(client.run(_scores_counted).values())
        peaks = list(client.run(_worker_peak_mb).values())
    return {"seconds": seconds, "start": start, "cpu": cpu, "pairs": pairs,
            "conflicts": [c.id for c in analysis.conflicts], "peak_mb": _own_peak_mb() + sum(peaks),
            "worker_mb": max(peaks)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000", help="comma-separated report counts (e.g. 1000,10000)")
    ap.add_argument("--workers", default="1,2", help="comma-separated LocalCluster sizes")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--timeout", type=float, default=1200, help="give up on a row after this many seconds")
    ap.add_argument("--child", nargs=2, metavar=("FOLDER", "MODE"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        folder, mode = Path(args.child[0]), args.child[1]
        row = run_local(folder) if mode == "local" else run_dask(folder, int(mode))
        print(json.dumps(row))
        return

    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}  seed: {args.seed}")
    print(f"{'reports':>8} {'run':>10} {'start s':>8} {'seconds':>8} {'cpu s':>7} {'speed-up':>8} {'pairs':>9} "
          f"{'conflicts':>9} {'same':>5} {'peak MB':>8} {'worker MB':>9}")
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
            generate(n, Path(tmp), args.seed)
            reference: dict | None = None
            for mode in ["local", *(w.strip() for w in args.workers.split(",") if w.strip())]:
                cmd = [sys.executable, __file__, "--child", tmp, mode]
                label = "local" if mode == "local" else f"dask x{mode}"
                try:
                    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
                except subprocess.TimeoutExpired:
                    print(f"{n:>8} {label:>10}  over the {args.timeout:g} s timeout", flush=True)
                    continue
                if proc.returncode != 0:
                    tail = proc.stderr.strip().splitlines()[-1:] or ["(no message)"]
                    print(f"{n:>8} {label:>10}  failed: {tail[0]}", flush=True)
                    continue
                row = json.loads(proc.stdout.strip().splitlines()[-1])
                reference = reference or row
                same = "yes" if row["conflicts"] == reference["conflicts"] else "NO"
                speedup = reference["seconds"] / row["seconds"]
                print(f"{n:>8} {label:>10} {row['start']:8.1f} {row['seconds']:8.1f} {row['cpu']:7.1f} {speedup:8.2f} "
                      f"{row['pairs']:>9} {len(row['conflicts']):>9} {same:>5} {row['peak_mb']:8.0f} "
                      f"{row['worker_mb']:9.0f}", flush=True)


if __name__ == "__main__":
    main()
