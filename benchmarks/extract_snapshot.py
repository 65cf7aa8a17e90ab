"""Snapshot of extraction output, to show a speed change leaves every result byte for byte the same.

    python benchmarks/extract_snapshot.py write /tmp/before.jsonl
    python benchmarks/extract_snapshot.py compare /tmp/before.jsonl

Extracts the benchmark corpus (``corpus.report_text``: 300 kB whole and in 2 kB documents, and 1.2 MB of it, several
blocks, with the assertion cap lifted), generated wire-style reports
(``generate.py``), the seeds, and every text of the labelled sets under ``tests/data`` (``*.jsonl`` fields ``text``,
``old``, ``new``), and writes one line per document: its name and the JSON of its ``DocumentAssertions``.
``compare`` re-extracts and reports the first documents that differ (exit status 1 if any does).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, report_text  # noqa: E402

from checker.extract import extract_document  # noqa: E402
from checker.ingest import limits, load_documents  # noqa: E402
from checker.models import Document  # noqa: E402


def _texts() -> list[tuple[str, Document]]:
    docs: list[tuple[str, Document]] = []
    big = report_text(300_000)
    docs.append(("corpus:300k", Document(path="bench.txt", raw=big, text=big)))
    for i in range(0, 60_000, 2_000):
        part = big[i : i + 2_000]
        docs.append((f"corpus:{i}", Document(path=f"part{i}.txt", raw=part, text=part)))
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines()):
            if not line.strip():
                continue
            row = json.loads(line)
            for field in ("text", "old", "new"):
                if isinstance(row.get(field), str):
                    t = row[field]
                    docs.append((f"{path.name}:{n}:{field}", Document(path="t.txt", raw=t, text=t)))
    from generate import generate

    with tempfile.TemporaryDirectory() as folder:
        generate(120, Path(folder), seed=7)
        loaded = load_documents([folder]).documents
        for d in loaded:
            docs.append((f"generated:{Path(d.path).name}", d.model_copy(update={"path": Path(d.path).name})))
    for d in load_documents([str(ROOT / "seeds")]).documents:
        docs.append((f"seed:{Path(d.path).name}", d.model_copy(update={"path": Path(d.path).name})))
    return docs


def _lines() -> list[str]:
    out = [json.dumps({"doc": name, "out": extract_document(doc).model_dump_json()}) for name, doc in _texts()]
    # A report of several blocks (``extract._BLOCK_CHARS``) analysed to its end, the assertion cap lifted.
    big = report_text(1_200_000, seed=11)
    cap = limits.MAX_ASSERTIONS_PER_DOCUMENT
    limits.MAX_ASSERTIONS_PER_DOCUMENT = 10**9
    try:
        found = extract_document(Document(path="big.txt", raw=big, text=big)).model_dump_json()
    finally:
        limits.MAX_ASSERTIONS_PER_DOCUMENT = cap
    return [*out, json.dumps({"doc": "corpus:1.2M uncapped", "out": found})]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("mode", choices=["write", "compare"])
    ap.add_argument("file", type=Path)
    args = ap.parse_args()
    lines = _lines()
    if args.mode == "write":
        args.file.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"{len(lines)} documents written to {args.file}")
        return
    old = args.file.read_text("utf-8").splitlines()
    bad = [i for i, (a, b) in enumerate(zip(old, lines)) if a != b]
    if len(old) != len(lines):
        print(f"document count differs: {len(old)} before, {len(lines)} now")
    for i in bad[:5]:
        print("differs:", json.loads(lines[i])["doc"])
    print(f"{len(lines)} documents, {len(bad)} differ")
    sys.exit(1 if bad or len(old) != len(lines) else 0)


if __name__ == "__main__":
    main()
