"""Speed of ``checker verify``: a draft of about 2,000 words against 100 source reports.

Run: .venv/bin/python benchmarks/bench_verify.py [--sources 100] [--words 2000] [--seed 7] [--repeat 5]

The sources are generated reports (see generate.py: several outlets per story, in five domains); the draft is made
of their whole sentences, taken in turn from every report until it holds ``--words`` words, so nearly every claim
of the draft has candidates in its block, and every tenth sentence has its first figure raised by 7 (a draft with
figures wrong: the verdicts printed show what verify made of them). Printed: the time to load and extract the sources and the draft, the time of
the pure core (``verify_claims``), and the wall and CPU time (user + system, the process and its pool workers) of
the whole command in a fresh process (``checker verify --format json``, start-up and imports included); the median
over ``--repeat`` runs. CPU time is the steadier figure on a shared machine. The command runs as an installed
checker does: with Python's bytecode cache (``PYTHONDONTWRITEBYTECODE`` is dropped from its environment, and one
untimed run writes the cache and simplemma's English trie). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

from checker.extract.sentences import split_sentences  # noqa: E402
from checker.pipeline import date_from_neighbours, load_and_extract  # noqa: E402
from checker.verify.cli import verify_extracted  # noqa: E402

_SENTENCE = re.compile(r"[A-Z][^\n<>]{30,300}[.!?]")  # one line, a capital to a full stop
_FIRST_NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d.,]\d)")  # a whole number written without separators


def make_draft(reports: list[Path], words: int, edit_every: int = 10) -> str:
    """Whole sentences (as checker splits them: "15.1 percent" and "the U.S. Geological Survey" are not cut) taken
    round-robin from the reports' text, markup, front matter and datelines skipped, up to ``words`` words; in every
    ``edit_every``-th sentence its first whole number is raised by 7, as a draft that gets a figure wrong."""
    pools = []
    for path in reports:
        text = re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
        pools.append([s.text for s in split_sentences(text) if _SENTENCE.fullmatch(s.text)][1:])
    out: list[str] = []
    count = 0
    i = 0
    while count < words and any(pools):
        pool = pools[i % len(pools)]
        if pool:
            sentence = pool.pop(0)
            if edit_every and len(out) % edit_every == edit_every - 1:
                sentence = _FIRST_NUMBER.sub(lambda m: str(int(m.group()) + 7), sentence, count=1)
            out.append(sentence)
            count += len(sentence.split())
        i += 1
    return "\n\n".join(" ".join(out[k : k + 4]) for k in range(0, len(out), 4)) + "\n"


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far, their own pool workers included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=int, default=100)
    ap.add_argument("--words", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-verify-") as tmp:
        folder = Path(tmp) / "sources"
        reports = generate(args.sources, folder, seed=args.seed)
        draft = Path(tmp) / "draft.txt"
        draft.write_text(make_draft(reports, args.words), "utf-8")
        n_words = len(draft.read_text("utf-8").split())
        options = dict(encoding=None, strict=False, reference_date=None, max_bytes=10_000_000)
        load, core, wall, cpu = [], [], [], []
        claims = 0
        command = [sys.executable, "-m", "checker", "verify", "--format", "json", str(draft), "--against", str(folder)]
        # This checkout's checker, whatever the current folder (``-m`` puts it first on the path) and what is installed.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE.parent), env.get("PYTHONPATH")) if p)
        subprocess.run(command, capture_output=True, check=False, env=env, cwd=tmp)  # bytecode and caches written once
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            draft_docs, drafts, _ = load_and_extract([str(draft)], options)
            source_docs, sources, _ = load_and_extract([str(folder)], options)
            assumed = [d.path for d in draft_docs if d.date is None]  # as the command: dated from the sources
            documents, extracted = date_from_neighbours(draft_docs + source_docs, drafts + sources)[:2]
            t1 = time.perf_counter()
            verdicts = verify_extracted(documents, extracted, len(draft_docs), assumed=assumed)
            t2 = time.perf_counter()
            load.append(t1 - t0)
            core.append(t2 - t1)
            claims = len(verdicts)
            c3, t3 = _children_cpu(), time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, env=env, cwd=tmp)
            wall.append(time.perf_counter() - t3)
            cpu.append(_children_cpu() - c3)
        by = {}
        for v in verdicts:
            by[v.status.value] = by.get(v.status.value, 0) + 1
        print(f"draft: {n_words} words, {claims} claims; sources: {len(reports)} reports "
              f"({sum(p.stat().st_size for p in reports) / 1024:.0f} KB)")
        print(f"verdicts: {by}")
        print(f"load + extract  median {statistics.median(load):.3f} s")
        print(f"verify core     median {statistics.median(core):.3f} s")
        print(f"whole command   median {statistics.median(wall):.3f} s wall, {statistics.median(cpu):.3f} s CPU "
              "(fresh process, imports included)")


if __name__ == "__main__":
    main()
