"""Writing a large ``check --format json`` result: the encoders side by side on the same data.

Run: .venv/bin/python benchmarks/bench_json.py [--conflicts 20000] [--repeat 5]

Builds a result of ``conflicts`` conflicts between 2,000 documents (sentences of 80-200 characters, one in five
with a non-ASCII word, one in a hundred with a character the escaping must catch), turns it into the version-1
data once (``to_dict``), then times (CPU time of this process), best of ``repeat`` (the encoders alternating within each repetition):

- ``json.dumps(indent=2)``: the pure-Python encoder (the stdlib's C encoder only serves ``indent=None``), what
  the JSON writer used before;
- ``json.dumps`` without indent: the C encoder, the floor for the standard library (not the contract's layout);
- ``json_escape_raw(json.dumps(indent=2))``: what the writer did before (encoding, then an escaping pass);
- ``checker.report.json.dumps``: what the writer does now (the same bytes);
- ``orjson.dumps(OPT_INDENT_2)`` when orjson is installed (it is not a dependency).

``to_dict`` (the same before and after) is timed apart. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from checker.models import (  # noqa: E402
    Alignment,
    CheckResult,
    Conflict,
    ConflictKind,
    DocumentInfo,
    Evidence,
    Polarity,
    Severity,
)
from checker.report import json as json_report  # noqa: E402
from checker.report._safe import json_escape_raw  # noqa: E402

WORDS = ("troops", "killed", "Kursk", "Oblast", "officials", "said", "about", "North", "Korean", "revenue", "quarter",
         "earthquake", "magnitude", "Nepal", "people", "the", "of", "in", "on")
# About one sentence in five has a non-ASCII word, one in a hundred something the escaping must catch.
ACCENTED = ("Zürich", "São Paulo", "—", "“quoted”", "Brașov")
HOSTILE = ("\u2028", "##[x", "\x85", "\u202e")


def _result(n: int, seed: int = 7) -> CheckResult:
    rng = random.Random(seed)
    docs = [DocumentInfo(path=f"corpus/story-{i // 7:05}/report-{i:05}.txt", title=f"Report {i}", source="AP")
            for i in range(2000)]

    def evidence(doc: DocumentInfo) -> Evidence:
        words = [rng.choice(WORDS) for _ in range(rng.randint(14, 34))]
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), rng.choice(ACCENTED))
        if rng.random() < 0.01:
            words.insert(rng.randrange(len(words)), rng.choice(HOSTILE))
        text = " ".join(words) + "."
        start = rng.randint(0, 3000)
        return Evidence(path=doc.path, start=start, end=start + len(text), line=rng.randint(1, 40), column=1,
                        text=text, value=f"{rng.randint(1, 90):,},000", value_start=start + 6, value_end=start + 12,
                        source="officials", polarity=Polarity.AFFIRMED)

    conflicts = []
    for i in range(n):
        a, b = rng.sample(docs, 2)
        conflicts.append(Conflict(
            id=f"{rng.getrandbits(64):016x}", kind=ConflictKind.NUMERIC, severity=Severity.HIGH,
            subject="north-korea troops", attribute="count",
            message=f"{rng.randint(1, 90):,},000 vs {rng.randint(1, 90):,},000 troops (differ by 73%)",
            evidence=(evidence(a), evidence(b)),
            alignment=Alignment(score=rng.random(), matched=["troops", "kursk"]),
        ))
    return CheckResult(documents=docs, conflicts=conflicts)


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.process_time()  # CPU time: other work on a shared machine does not count against the encoder
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conflicts", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    result = _result(args.conflicts)
    t_dict = _best(lambda: json_report.to_dict(result), args.repeat)
    data = json_report.to_dict(result)
    before = json.dumps(data, indent=2, ensure_ascii=False)
    rows = [
        ("json.dumps(indent=2), pure Python (before)", lambda: json.dumps(data, indent=2, ensure_ascii=False)),
        ("json.dumps compact, C encoder (floor)", lambda: json.dumps(data, ensure_ascii=False)),
        ("json.dumps(indent=2) + escaping pass (before)",
         lambda: json_escape_raw(json.dumps(data, indent=2, ensure_ascii=False))),
        ("checker.report.json.dumps, with escaping (after)", lambda: json_report.dumps(data)),
    ]
    try:
        import orjson
    except ImportError:
        orjson = None
    if orjson is not None:
        rows.append(("orjson.dumps(OPT_INDENT_2)", lambda: orjson.dumps(data, option=orjson.OPT_INDENT_2)))
    size = len(before.encode("utf-8")) / 1e6
    print(f"{args.conflicts} conflicts, {len(result.documents)} documents, {size:.1f} MB of JSON; "
          f"best of {args.repeat}")
    print(f"  to_dict: {t_dict:.3f} s")
    # Rows alternate within each repetition, so a burst of other work on the machine hits them alike.
    best = [float("inf")] * len(rows)
    for _ in range(args.repeat):
        for i, (_, fn) in enumerate(rows):
            best[i] = min(best[i], _best(fn, 1))
    base = best[2]
    for (label, _), t in zip(rows, best):
        print(f"  {label:50} {t:6.3f} s  {base / t:5.1f}x as fast as before")
    print("  after == before, byte for byte:", json_report.dumps(data) == json_escape_raw(before))
    if orjson is not None:
        same = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") == before
        print("  orjson == before, byte for byte:", same)


if __name__ == "__main__":
    main()
