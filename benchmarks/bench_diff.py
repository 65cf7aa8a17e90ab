"""Revision diff speed: two ~1 MB versions of a report, ``difflib.ndiff`` on their lines beside ``diff_documents``.

The new version edits 2% of the sentences (a number or a word changed, a negation added) and moves a few
paragraphs; ``--consecutive N`` instead edits one sentence in each of N paragraphs in a row (the case where ndiff's
``fancy_replace`` goes quadratic). Run: .venv/bin/python benchmarks/bench_diff.py [--size 1000000] [--consecutive 1000]
Prints a table; nothing is asserted (timings belong in benchmarks, not tests).
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import report_text  # noqa: E402

from checker.diff import diff_documents  # noqa: E402
from checker.diff.align import align  # noqa: E402
from checker.extract import extract_document  # noqa: E402
from checker.models import Document  # noqa: E402

_NUMBER = re.compile(r"\d[\d,]*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\b[a-z]{4,}\b")


def edit_sentence(sentence: str, rng: random.Random) -> str:
    """A realistic revision of one sentence: a new figure, a changed word, or a negation."""
    choice = rng.random()
    if choice < 0.5 and _NUMBER.search(sentence):
        return _NUMBER.sub(lambda m: f"{rng.randint(2, 90) * 100:,}", sentence, count=1)
    if choice < 0.8:
        words = _WORD.findall(sentence)
        if words:
            w = rng.choice(words)
            return sentence.replace(w, rng.choice(["reportedly", "several", "northern", "official"]), 1)
    return sentence.replace(" are ", " are not ", 1) if " are " in sentence else sentence + " Officials disputed this."


def revise(text: str, *, share: float, moves: int, consecutive: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    paragraphs = text.split("\n\n")
    split = [_SENTENCE.split(p) for p in paragraphs]
    if consecutive:
        first = len(split) // 4
        for k in range(first, min(len(split), first + consecutive)):
            i = rng.randrange(len(split[k]))
            split[k][i] = edit_sentence(split[k][i], rng)
    else:
        slots = [(k, i) for k, p in enumerate(split) for i in range(len(p))]
        for k, i in rng.sample(slots, int(len(slots) * share)):
            split[k][i] = edit_sentence(split[k][i], rng)
    out = [" ".join(p) for p in split]
    for _ in range(moves):
        para = out.pop(rng.randrange(len(out)))
        out.insert(rng.randrange(len(out)), para)
    return "\n\n".join(out)


def timed(fn, *args) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--share", type=float, default=0.02, help="share of sentences edited (default 2%%)")
    ap.add_argument("--moves", type=int, default=5, help="paragraphs moved")
    ap.add_argument("--consecutive", type=int, default=0, help="edit one sentence in each of N paragraphs in a row")
    ap.add_argument("--no-ndiff", action="store_true", help="skip ndiff (slow with --consecutive)")
    args = ap.parse_args()
    old_text = report_text(args.size)
    new_text = revise(old_text, share=args.share, moves=args.moves, consecutive=args.consecutive)
    old = Document(path="old.txt", raw=old_text, text=old_text)
    new = Document(path="new.txt", raw=new_text, text=new_text)
    extract_document(Document(path="warm.txt", raw=old_text[:5000], text=old_text[:5000]))  # load data once

    rows = []
    if not args.no_ndiff:
        a, b = old_text.splitlines(), new_text.splitlines()
        ndiff_s, _ = timed(lambda: list(difflib.ndiff(a, b)))
        rows.append(("difflib.ndiff on lines", ndiff_s, ""))
    align_s, alignment = timed(align, old_text, new_text)
    rows.append(("checker align (text only)", align_s, f"{len(alignment.blocks)} blocks, {len(alignment.moves)} moves"))
    diff_s, diff = timed(diff_documents, old, new)
    kinds = {k: sum(1 for h in diff.text if h.kind == k) for k in ("changed", "added", "removed", "moved")}
    facts = {k: sum(1 for c in diff.changes if c.kind == k) for k in ("changed", "added", "removed")}
    rows.append(("checker diff_documents", diff_s, f"hunks {kinds}; facts {facts}"))
    print(f"versions: {len(old_text) / 1e6:.2f} MB and {len(new_text) / 1e6:.2f} MB")
    print(f"{'what':28} {'seconds':>8}  notes")
    for name, secs, note in rows:
        print(f"{name:28} {secs:8.3f}  {note}")
    if not args.no_ndiff:
        print(f"diff_documents / ndiff: {diff_s / rows[0][1]:.2f}")


if __name__ == "__main__":
    main()
