"""One new report against an indexed corpus, timed as a user runs it: ``checker check new.txt --against corpus/``.

Run: .venv/bin/python benchmarks/bench_index.py [--n 1000 10000] [--probes 3] [--before DIR] [--copies K]

For each corpus size, generates ``n`` reports plus ``probes`` held out from the same stories (so they meet real
blocks), then for each checkout of checker (this one, and the one at ``--before`` if given, e.g. made with
``git archive main | tar -x -C /tmp/before``), in a folder of its own:

- builds the index with ``checker index CORPUS`` (a subprocess): wall time, CPU time of the process and its pool
  workers, reports per CPU-second (= per core, and far less sensitive than wall time to other work on a shared
  machine), index size on disk against the corpus text;
- runs ``checker check PROBE --against CORPUS --format json`` for each probe (a fresh process each time, so
  Python start-up and imports count: that is what a user waits for) and reports the median;
- runs ``checker check PROBE --against .checker/index.sqlite --format json`` (the index file itself: the corpus
  as last indexed, not listed) for each probe, in checkouts that know it ("index cpu"), with the same conflicts;
- runs the same check with the corpus path spelled the other way (relative instead of absolute) once;
- checks that both checkouts report the same conflicts (ids and evidence), and prints the time of
  ``python -m checker --version`` as the floor set by start-up alone.

Both checkouts run alternately in one run, so the figures are side by side on the same (shared, noisy) machine.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

REPORT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


_CPU: list[float] = [0.0]  # CPU seconds of the last ``_run`` (the process and its pool workers)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(code: Path, args: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "PYTHONPATH": str(code), "CI": "", "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's checker starts from compiled modules, not from source
    t0, c0 = time.perf_counter(), _cpu()
    done = subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    _CPU[0] = _cpu() - c0
    if done.returncode not in (0, 1):
        raise SystemExit(f"checker {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done


def _conflicts(output: str) -> list[tuple[str, list[tuple[str, int, int, str]]]]:
    data = json.loads(output)
    return [
        (c["id"], [(e["path"], e["start"], e["end"], e["text"]) for e in c["evidence"]]) for c in data["conflicts"]
    ]


def _knows_index_files(code: Path) -> bool:
    """Whether a checkout reads ``--against INDEX_FILE`` as the index (older ones list it as a corpus file, and so
    empty the index)."""
    store = code / "checker" / "store"
    return any("def is_index_file" in (store / name).read_text("utf-8")
               for name in ("index.py", "header.py") if (store / name).exists())


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.iterdir() if f.name.startswith("index.sqlite"))


def bench(n: int, probes: int, seed: int, variants: list[tuple[str, Path]], respell: bool, copies: int = 1) -> None:
    with tempfile.TemporaryDirectory(prefix="checker-index-bench-") as tmp:
        root = Path(tmp)
        corpus, incoming = root / "corpus", root / "incoming"
        incoming.mkdir()
        paths = generate(n + probes, corpus, seed)
        held = [p for p in reversed(paths) if not p.stem.endswith("-0")][:probes]
        probe_paths = []
        for p in held:
            shutil.move(p, incoming / p.name)
            probe_paths.append(str(incoming / p.name))
        originals = [p for p in corpus.iterdir() if p.is_dir()]
        for k in range(1, copies):
            for folder in originals:
                shutil.copytree(folder, corpus / f"copy-{k}" / folder.name)
        text_bytes = sum(p.stat().st_size for p in corpus.rglob("*") if p.suffix in REPORT_EXTENSIONS)
        cores = os.cpu_count() or 1
        n *= copies
        copied = f" ({n // copies} generated, {copies} copies of each)" if copies > 1 else ""
        print(f"\n== corpus: {n} reports{copied}, {text_bytes / 1e6:.1f} MB of text; {len(probe_paths)} probes; "
              f"{cores} cores")
        results: dict[str, dict[str, object]] = {
            label: {"checks": [], "check_cpu": [], "out": [], "index_cpu": []} for label, _ in variants
        }
        for label, code in variants:
            cwd = root / label
            cwd.mkdir()
            elapsed, _ = _run(code, ["index", str(corpus), "-q"], cwd)
            r = results[label]
            r["build"] = elapsed
            r["build_cpu"] = _CPU[0]
            r["size"] = _size(cwd / ".checker")
            r["startup"] = min(_run(code, ["--version"], cwd)[0] for _ in range(3))
        # Probes alternate between checkouts, so a burst of load from other processes hits both alike.
        for probe in probe_paths:
            for label, code in variants:
                elapsed, done = _run(code, ["check", probe, "--format", "json", "-q", "--against", str(corpus)],
                                     root / label)
                results[label]["checks"].append(elapsed)  # type: ignore[union-attr]
                results[label]["check_cpu"].append(_CPU[0])  # type: ignore[union-attr]
                results[label]["out"].append(_conflicts(done.stdout))  # type: ignore[union-attr]
                if _knows_index_files(code):
                    index_file = str(root / label / ".checker" / "index.sqlite")
                    _, done = _run(code, ["check", probe, "--format", "json", "-q", "--against", index_file],
                                   root / label)
                    results[label]["index_cpu"].append(_CPU[0])  # type: ignore[union-attr]
                    same = _conflicts(done.stdout) == results[label]["out"][-1]  # type: ignore[index]
                    results[label].setdefault("index_same", []).append(same)  # type: ignore[union-attr]
        if respell:
            for label, code in variants:
                rel = os.path.relpath(corpus, root / label)
                elapsed, done = _run(code, ["check", probe_paths[0], "--format", "json", "-q", "--against", rel],
                                     root / label)
                results[label]["respelled"] = elapsed
        print(f"{'checkout':10} {'build s':>8} {'cpu s':>7} {'rep/cpu-s':>9} {'index MB':>9} {'x text':>7} "
              f"{'startup':>8} {'check median':>12} {'cpu':>5} {'check max':>9} {'respelled':>9} {'conflicts':>9} "
              f"{'index cpu':>9}")
        for label, _ in variants:
            r = results[label]
            checks: list[float] = r["checks"]  # type: ignore[assignment]
            size: int = r["size"]  # type: ignore[assignment]
            build: float = r["build"]  # type: ignore[assignment]
            respelled = f"{r['respelled']:9.2f}" if "respelled" in r else f"{'-':>9}"
            found = sum(len(o) for o in r["out"])  # type: ignore[union-attr]
            cpu: float = r["build_cpu"]  # type: ignore[assignment]
            check_cpu = statistics.median(r["check_cpu"])  # type: ignore[arg-type]
            index_cpu = f"{statistics.median(r['index_cpu']):9.2f}" if r["index_cpu"] else f"{'-':>9}"
            print(f"{label:10} {build:8.1f} {cpu:7.1f} {n / cpu:9.0f} {size / 1e6:9.1f} {size / text_bytes:7.2f} "
                  f"{r['startup']:8.2f} {statistics.median(checks):12.2f} {check_cpu:5.2f} {max(checks):9.2f} "
                  f"{respelled} {found:9} {index_cpu}")
        for label, _ in variants:
            if "index_same" in results[label]:
                print(f"{label}: --against the index file gives the conflicts of --against the corpus:",
                      all(results[label]["index_same"]))  # type: ignore[arg-type]
        if len(variants) > 1:
            outs = [results[label]["out"] for label, _ in variants]
            print("same conflicts (ids and evidence) in every checkout:", all(o == outs[0] for o in outs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10_000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--probes", type=int, default=3)
    ap.add_argument("--before", type=Path, default=None, metavar="DIR",
                    help="another checkout of checker to time side by side (its folder holding the checker package)")
    ap.add_argument("--copies", type=int, default=1, metavar="K",
                    help="corpus of K copies of the n generated reports (each in a folder of its own): a large index "
                    "without extracting it all, since a copy takes its original's claims; K copies make every block "
                    "K times as large, so the check reads K times as many candidates")
    ap.add_argument("--no-respell", dest="respell", action="store_false",
                    help="skip the check with the corpus path spelled relatively (the old index re-extracts it all)")
    args = ap.parse_args()
    variants = [("after", HERE.parent)]
    if args.before is not None:
        variants.insert(0, ("before", args.before.resolve()))
    for n in args.n:
        bench(n, args.probes, args.seed, variants, args.respell, args.copies)


if __name__ == "__main__":
    main()
